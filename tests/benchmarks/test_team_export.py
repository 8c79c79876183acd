"""The export's process: reads the stream to the end, keeping nothing, and reports its RSS."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from datetime import UTC, datetime

import pytest

from scenario_ui.benchmarks.paths import PROJECT_DIR
from scenario_ui.benchmarks.team_data import LEAD, build_team_rows
from scenario_ui.benchmarks.team_export import Streamed, export, main, read_through


def test_read_through_counts_rows_past_the_header() -> None:
    chunks = iter([b"a,b\n1,", b"2\n3,4\n"])
    assert read_through(200, chunks) == Streamed(status=200, rows=2, bytes=12)
    assert read_through(404, [b""]) == Streamed(status=404, rows=0, bytes=0)


@pytest.mark.django_db
@pytest.mark.urls("tests.benchmarks.team_urls")
def test_an_export_streams_every_row() -> None:
    build_team_rows(rows=120, now=datetime(2026, 3, 1, tzinfo=UTC))
    done = export("/team/feed.csv", LEAD)
    assert (done.status, done.rows) == (200, 120)
    assert done.bytes > 120 * len("job_bench00000000,success\n") * 0.9
    assert done.rss_before_kib > 0
    assert done.rss_after_kib > 0
    assert done.peak_reset is (sys.platform == "linux")
    assert export("/team/nothing.csv", LEAD).status == 404


@pytest.mark.django_db
@pytest.mark.urls("tests.benchmarks.team_urls")
def test_main_prints_one_json_object() -> None:
    build_team_rows(rows=20, now=datetime(2026, 3, 1, tzinfo=UTC))
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["/team/feed.csv", LEAD]) == 0
    printed = json.loads(out.getvalue())
    assert set(printed) == {
        "status",
        "rows",
        "bytes",
        "seconds",
        "rss_before_kib",
        "rss_after_kib",
        "peak_reset",
    }
    assert printed["rows"] == 20


def test_the_script_imports_before_django_is_set_up() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    finished = subprocess.run(
        [sys.executable, "-c", "import scenario_ui.benchmarks.team_export"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
