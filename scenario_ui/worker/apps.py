from __future__ import annotations

from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "scenario_ui.worker"
    label = "worker"
    verbose_name = "Background work"
