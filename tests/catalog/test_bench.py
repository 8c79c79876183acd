"""`manage.py bench`: four `<name> <value>` lines. Figures vary by machine: none is asserted."""

from __future__ import annotations

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

import scenario_ui

PROJECT_DIR = Path(scenario_ui.__file__).resolve().parent.parent
NAMES = ["render_ms_p50", "revalidate_ms_p50", "revalidate_bytes", "render200_ms_p50"]


def _check_figures(lines: list[str]) -> None:
    assert [line.split(" ")[0] for line in lines] == NAMES
    figures = dict(line.split(" ") for line in lines)
    for name in ("render_ms_p50", "revalidate_ms_p50", "render200_ms_p50"):
        milliseconds = figures[name]
        assert float(milliseconds) > 0
        assert len(milliseconds.split(".")[1]) == 2, name
    assert int(figures["revalidate_bytes"]) > 0


def test_prints_the_four_figures() -> None:
    stdout = StringIO()

    call_command("bench", "--runs", "3", stdout=stdout)

    _check_figures(stdout.getvalue().splitlines())


def test_runs_must_be_positive() -> None:
    with pytest.raises(CommandError, match="--runs must be at least 1"):
        call_command("bench", "--runs", "0")


def test_the_real_command() -> None:
    finished = subprocess.run(
        [sys.executable, "manage.py", "bench", "--runs", "3"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert (finished.returncode, finished.stderr) == (0, "")
    _check_figures(finished.stdout.splitlines())
