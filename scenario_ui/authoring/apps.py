from __future__ import annotations

from django.apps import AppConfig


class AuthoringConfig(AppConfig):
    name = "scenario_ui.authoring"
    label = "authoring"
