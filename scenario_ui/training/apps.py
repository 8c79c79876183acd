from __future__ import annotations

from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "scenario_ui.training"
    label = "training"
