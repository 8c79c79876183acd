from __future__ import annotations

from django.apps import AppConfig


class GenerateConfig(AppConfig):
    name = "scenario_ui.generate"
    label = "generate"
