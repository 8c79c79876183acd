from __future__ import annotations

from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    name = "scenario_ui.benchmarks"
    label = "benchmarks"
