"""The browser bench and the load test run as plain scripts, before any Django setup."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from scenario_ui.benchmarks.paths import PROJECT_DIR


@pytest.mark.parametrize(
    "module", ["scenario_ui.benchmarks.browser", "scenario_ui.benchmarks.loadtest"]
)
def test_the_script_imports_without_django_settings(module: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    finished = subprocess.run(
        [sys.executable, "-c", f"import {module}"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
