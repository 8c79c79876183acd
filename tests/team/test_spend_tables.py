from __future__ import annotations

from datetime import date

import pytest

from scenario_ui.team.spend import SpendRow, Totals
from scenario_ui.team.spend_tables import (
    MAX_SERIES,
    OTHER,
    Change,
    DayStack,
    Ranked,
    day_stacks,
    ranked,
    spend_report,
)
from tests.conftest import user_with_role
from tests.team.spend_support import days, generation

NOV_3, NOV_4 = date(2026, 11, 3), date(2026, 11, 4)


def row(
    day: date, model: str, user: str, *, jobs: int = 1, failed: int = 0, cu: float = 1
) -> SpendRow:
    return SpendRow(day, model, model.title(), user, jobs=jobs, failed=failed, cu=cu)


def test_ranked_sums_per_key_most_cu_first() -> None:
    rows = [
        row(NOV_3, "lumen", "ana", jobs=4, failed=1, cu=2),
        row(NOV_4, "lumen", "bo", jobs=4, failed=1, cu=2),
        row(NOV_3, "flux", "ana", jobs=1, cu=10),
    ]
    models = ranked(rows, key=lambda item: (item.model_key, item.model_name))
    assert models == (
        Ranked(key="flux", name="Flux", jobs=1, failed=0, cu=10),
        Ranked(key="lumen", name="Lumen", jobs=8, failed=2, cu=4),
    )
    assert models[1].cu_per_job == 0.5
    assert models[1].failure_rate == 0.25
    assert models[1].failure_percent == 25.0


def test_a_ranked_item_without_jobs_has_no_rate() -> None:
    empty = Ranked(key="m", name="M", jobs=0, failed=0, cu=0)
    assert (empty.cu_per_job, empty.failure_rate) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("current", "previous", "ratio", "text"),
    [
        (125, 100, 0.25, "+25%"),
        (90, 100, -0.1, "-10%"),
        (100, 100, 0.0, "no change"),
        (5, 0, None, "new"),
        (0, 0, None, "no change"),
    ],
)
def test_a_change_against_the_period_before(
    current: float, previous: float, ratio: float | None, text: str
) -> None:
    change = Change(current=current, previous=previous)
    assert change.ratio == (pytest.approx(ratio) if ratio is not None else None)
    assert change.text == text


def test_day_stacks_fill_every_day_and_gather_the_smallest_in_other() -> None:
    names = [f"m{n}" for n in range(MAX_SERIES + 1)]
    rows = [row(NOV_3, name, "ana", cu=10 - position) for position, name in enumerate(names)]
    models = ranked(rows, key=lambda item: (item.model_key, item.model_name))
    series, stacks = day_stacks(
        rows, period=days(NOV_3, NOV_4), ranking=models, key=lambda item: item.model_key
    )
    assert series == ("M0", "M1", "M2", "M3", "M4", OTHER)
    assert stacks[0] == DayStack(day=NOV_3, values=(10, 9, 8, 7, 6, 5 + 4))
    assert stacks[1] == DayStack(day=NOV_4, values=(0, 0, 0, 0, 0, 0))
    assert stacks[0].total == sum(range(4, 11))


@pytest.mark.django_db
def test_the_report_compares_with_the_period_just_before() -> None:
    ana = user_with_role("ana", "member")
    generation(day=date(2026, 11, 1), user=ana, cu=8)  # the period before: Nov 1-2
    generation(day=date(2026, 11, 2), user=ana, cu=2, status="failure")
    generation(day=NOV_3, user=ana, cu=6)
    generation(day=NOV_4, user=None, cu=9, model_id="model_flux", model_name="Flux")
    report = spend_report(period=days(NOV_3, NOV_4), by="user")
    assert report.previous == days(date(2026, 11, 1), date(2026, 11, 2))
    assert report.totals == Totals(jobs=2, cu=15)
    assert (report.cu_change.previous, report.cu_change.text) == (10, "+50%")
    assert (report.jobs_change.previous, report.jobs_change.text) == (2, "no change")
    assert report.series == ("External (API / web app)", "ana")
    assert [day.values for day in report.days] == [(0, 6), (9, 0)]
    assert [(model.name, model.failed) for model in report.models] == [("Flux", 0), ("Lumen", 0)]
