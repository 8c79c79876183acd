"""The team bench's frame: PostgreSQL only, a database of its own, the export's lines."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from scenario_ui.benchmarks import team_suite
from scenario_ui.benchmarks.team_data import BenchData
from scenario_ui.benchmarks.team_suite import database_url, export_lines


def test_the_command_refuses_anything_but_postgresql() -> None:
    if connection.vendor == "postgresql":
        pytest.skip("this run is on PostgreSQL")
    with pytest.raises(CommandError, match="needs PostgreSQL") as raised:
        call_command("bench_team", "--rows", "100", stdout=io.StringIO())
    assert "DATABASE_URL=postgres://USER@HOST:5432/NAME manage.py bench_team" in str(raised.value)
    with pytest.raises(CommandError, match="--rows must be at least 10"):
        call_command("bench_team", "--rows", "5", stdout=io.StringIO())


def test_the_database_url_of_the_dedicated_database() -> None:
    settings = {"USER": "postgres", "PASSWORD": "", "HOST": "127.0.0.1", "PORT": 5432}
    assert database_url({**settings, "NAME": "bench_team_x"}) == (
        "postgres://postgres@127.0.0.1:5432/bench_team_x"
    )
    assert database_url({**settings, "PASSWORD": "p@ss", "NAME": "b"}) == (
        "postgres://postgres:p%40ss@127.0.0.1:5432/b"
    )


class Lead:
    username = "bench-lead"


def exports(answers: dict[str, dict[str, Any]]) -> list[str]:
    data: Any = BenchData(rows=100, trainings=1, lead=Lead(), tenth_sender="m1", model_id="x")  # type: ignore[arg-type]
    return list(export_lines("postgres:///b", data))


def test_export_lines_compare_all_rows_with_a_tenth(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {
        "/team/feed.csv?user=m1": {"status": 200, "rows": 10, "seconds": 0.1},
        "/team/feed.csv": {"status": 200, "rows": 100, "seconds": 0.5},
    }
    peaks = {"/team/feed.csv?user=m1": (100_000, 102_048), "/team/feed.csv": (100_000, 103_072)}

    def exported(path: str, username: str, url: str) -> dict[str, Any]:
        before, after = peaks[path]
        return {
            **answers[path],
            "rss_before_kib": before,
            "rss_after_kib": after,
            "peak_reset": True,
        }

    monkeypatch.setattr(team_suite, "exported", exported)
    assert exports(answers) == [
        "team_export_tenth_rows 10",
        "team_export_tenth_seconds 0.10",
        "team_export_tenth_rss_mib_before 97.7",
        "team_export_tenth_peak_rss_mib 99.7",
        "team_export_all_rows 100",
        "team_export_all_seconds 0.50",
        "team_export_all_rss_mib_before 97.7",
        "team_export_all_peak_rss_mib 100.7",
        "team_export_rss_growth_all_minus_tenth_mib 1.0",
    ]


def test_a_missing_export_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(team_suite, "exported", lambda *_: {"status": 404})
    assert exports({}) == [
        "team_export_tenth missing: GET /team/feed.csv?user=m1 answered 404",
        "team_export_all missing: GET /team/feed.csv answered 404",
    ]
