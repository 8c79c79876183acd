"""`manage.py bench`: a `<name> <value>` line per figure. Figures vary by machine: none is asserted.

(Until issue 12 the bench printed four figures; it now prints each of ours beside
Django's own forms and the sizes the browser targets depend on.)
"""

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
RENDERS = [
    f"{form}_{figure}"
    for form in ("flux", "synthetic200", "generated200")
    for figure in ("render_ms_p50", "django_ms_p50", "vs_django", "first_view_ms_p50")
]
PAGES = [
    "flux_page_ms_p50",
    "flux_page_bytes",
    "flux_page_gzip_bytes",
    "synthetic200_page_bytes",
    "synthetic200_page_gzip_bytes",
    "js_css_gzip_bytes",
    "live_ms_p50",
    "live_bytes",
    "live_gzip_bytes",
    "synthetic200_live_ms_p50",
    "synthetic200_live_bytes",
    "synthetic200_live_gzip_bytes",
]
NAMES = RENDERS + PAGES


def _check_figures(lines: list[str]) -> None:
    assert [line.split(" ")[0] for line in lines] == NAMES
    figures = dict(line.split(" ") for line in lines)
    for name, text in figures.items():
        if name.endswith("_ms_p50"):
            assert float(text) > 0
            assert len(text.split(".")[1]) == 2, name
        elif name.endswith("_vs_django"):
            assert float(text) > 0
            assert len(text.split(".")[1]) == 3, name
        else:
            assert int(text) > 0, name
    # Compression is on, and a body never grows by it.
    for sized in ("flux_page", "synthetic200_page", "live", "synthetic200_live"):
        assert int(figures[f"{sized}_gzip_bytes"]) < int(figures[f"{sized}_bytes"])


def test_prints_every_figure() -> None:
    stdout = StringIO()

    call_command("bench", "--runs", "2", stdout=stdout)

    _check_figures(stdout.getvalue().splitlines())


def test_runs_must_be_positive() -> None:
    with pytest.raises(CommandError, match="--runs must be at least 1"):
        call_command("bench", "--runs", "0")


def test_the_real_command() -> None:
    finished = subprocess.run(
        [sys.executable, "manage.py", "bench", "--runs", "2"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )

    assert (finished.returncode, finished.stderr) == (0, "")
    _check_figures(finished.stdout.splitlines())
