"""The dashboard bench's rows: as many as asked, dated as given, spread as documented."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from scenario_ui.benchmarks.team_data import (
    LEAD,
    MEMBERS,
    RUNNING_ROWS,
    SEARCHED_WORD,
    SPAN_DAYS,
    TENTH_SENDER,
    build_team_rows,
    status_of,
)
from scenario_ui.generate.models import Generation
from scenario_ui.team.access import oversees_team
from scenario_ui.training.models import Training

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_rows_senders_and_dates() -> None:
    data = build_team_rows(rows=1_000, now=NOW)
    assert (data.rows, data.trainings) == (1_000, 2)
    assert Generation.objects.count() == 1_000
    assert Training.objects.count() == 2
    senders = Counter(
        name or "external" for name in Generation.objects.values_list("user__username", flat=True)
    )
    assert senders == {**dict.fromkeys((*MEMBERS, LEAD, "external"), 100)}
    assert senders[TENTH_SENDER] == data.rows // 10
    assert Generation.objects.filter(user=None, external=True).count() == 100
    newest, oldest = Generation.objects.order_by("-created_at")[0], Generation.objects.last()
    assert newest.created_at == NOW
    assert oldest is not None
    assert NOW - timedelta(days=SPAN_DAYS) < oldest.created_at < NOW - timedelta(days=SPAN_DAYS - 1)
    assert newest.updated_at == newest.created_at
    prompts = Generation.objects.values_list("request_body__prompt", flat=True)
    assert sum(SEARCHED_WORD in prompt for prompt in prompts) == 50
    assert oversees_team(data.lead)


def test_statuses_and_results() -> None:
    build_team_rows(rows=500, now=NOW)
    statuses = Counter(Generation.objects.values_list("status", flat=True))
    assert statuses["in-progress"] == RUNNING_ROWS
    assert statuses["failure"] > statuses["canceled"] > 0
    succeeded = Generation.objects.filter(status="success")
    assert all(g.results[0]["url"].endswith("/content") for g in succeeded)
    assert [status_of(i) for i in (0, 25, 26, 27, 28)] == [
        "in-progress",
        "failure",
        "failure",
        "canceled",
        "success",
    ]


def test_auto_dates_are_back_on_afterwards() -> None:
    build_team_rows(rows=10, now=NOW)
    later = Generation.objects.create(model_id="m")
    assert later.created_at > NOW
