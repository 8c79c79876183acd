from __future__ import annotations

from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "scenario_ui.library"
    label = "library"
