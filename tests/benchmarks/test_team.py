"""The dashboard bench's harness: probes, timings, missing pages, the report (no timing is
asserted: speed belongs in `make bench`)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from scenario_ui.benchmarks.team import (
    CURSOR_DEPTH,
    Missing,
    Probe,
    Timed,
    deep_cursor_probe,
    feed_probes,
    next_cursor,
    percentile,
    report,
    spend_probes,
    time_probe,
)
from scenario_ui.benchmarks.team_data import build_team_rows
from tests.benchmarks.team_urls import LAST_PAGE

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.benchmarks.team_urls")]


@pytest.fixture
def lead_client(client: Client) -> Client:
    data = build_team_rows(rows=40, now=datetime(2026, 3, 1, tzinfo=UTC))
    client.force_login(data.lead)
    return client


def test_the_feed_probes_cover_the_issues_combinations() -> None:
    data = build_team_rows(rows=40, now=datetime(2026, 3, 1, tzinfo=UTC))
    urls = [probe.url for probe in feed_probes(data)]
    assert urls == [
        "/team/",
        "/team/?user=bench-member-1",
        "/team/?status=failure",
        "/team/?user=bench-member-1&status=failure",
        "/team/?model=model_bench-00&range=7d",
        "/team/?q=lighthouse",
        "/team/?kind=training",
        "/team/?hide_finished=1",
    ]
    assert {probe.target_ms for probe in feed_probes(data)} == {50}
    assert [p.url for p in spend_probes()] == [
        "/team/spend/?range=30d&by=model",
        "/team/spend/?range=30d&by=user",
    ]
    assert {probe.target_ms for probe in spend_probes()} == {100}


def test_a_page_is_timed_runs_times(lead_client: Client) -> None:
    outcome = time_probe(lead_client, Probe("none", "/team/", {}, 50), runs=4)
    assert isinstance(outcome, Timed)
    assert 0 < outcome.p50_ms <= outcome.p95_ms


def test_a_missing_page_is_reported_not_timed(lead_client: Client) -> None:
    [probe, _] = spend_probes()
    outcome = time_probe(lead_client, probe, runs=4)
    assert outcome == Missing(
        probe, "GET /team/spend/?range=30d&by=model answered 404 (page missing)"
    )
    assert report("spend", [outcome]) == [
        "team_spend_by_model missing: GET /team/spend/?range=30d&by=model answered 404 "
        "(page missing)"
    ]


def test_the_deep_cursor_follows_the_next_links(lead_client: Client) -> None:
    probe = deep_cursor_probe(lead_client)
    assert probe == Probe("cursor_deep", "/team/", {"cursor": str(CURSOR_DEPTH)}, 50)


def test_a_feed_without_cursor_links_is_reported(lead_client: Client) -> None:
    outcome = deep_cursor_probe(lead_client, depth=LAST_PAGE + 5)
    assert isinstance(outcome, Missing)
    assert (
        outcome.reason == f"no cursor link on page {LAST_PAGE + 1} of GET /team/?cursor={LAST_PAGE}"
    )
    assert next_cursor("<p>no links</p>") is None
    assert next_cursor('<a href="?cursor=a%3D&amp;x=1">next</a>') == "a%3D"


def test_the_report_says_met_or_missed() -> None:
    probe = Probe("user", "/team/", {"user": "ann"}, 50)
    assert report("feed", [Timed(probe, 12.345, 60.0)]) == [
        "team_feed_user_ms_p50 12.35",
        "team_feed_user_ms_p95 60.00",
        "team_feed_user_target_ms 50 (met; /team/?user=ann)",
    ]
    assert report("feed", [Timed(probe, 51, 60.0)])[2].endswith("(MISSED; /team/?user=ann)")


def test_percentiles() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 50) == pytest.approx(50.5)
    assert percentile(samples, 95) == pytest.approx(95.05)
    assert percentile([7.0], 95) == 7.0
