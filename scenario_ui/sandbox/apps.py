from __future__ import annotations

from django.apps import AppConfig


class SandboxConfig(AppConfig):
    name = "scenario_ui.sandbox"
    label = "sandbox"
    verbose_name = "Scenario sandbox"
    default_auto_field = "django.db.models.BigAutoField"
