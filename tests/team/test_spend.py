from __future__ import annotations

from datetime import date

import pytest

from scenario_ui.team.spend import EXTERNAL, SpendRow, Totals, spend_rows
from tests.conftest import user_with_role
from tests.team.spend_support import days, generation, training

pytestmark = pytest.mark.django_db

NOV_3, NOV_4 = date(2026, 11, 3), date(2026, 11, 4)


def test_jobs_are_summed_per_day_user_and_model_and_failures_counted() -> None:
    ana = user_with_role("ana", "member")
    generation(day=NOV_3, user=ana, cu=2.5)
    generation(day=NOV_3, user=ana, cu=1.5, status="failure")
    generation(day=NOV_3, user=ana, cu=None, status="in-progress")
    generation(day=NOV_4, user=ana, cu=4, model_id="model_flux", model_name="Flux")
    rows = sorted(spend_rows(period=days(NOV_3, NOV_4)), key=lambda row: row.day)
    assert rows == [
        SpendRow(NOV_3, "model_lumen", "Lumen", "ana", jobs=3, failed=1, cu=4.0),
        SpendRow(NOV_4, "model_flux", "Flux", "ana", jobs=1, failed=0, cu=4.0),
    ]


def test_external_jobs_and_trainings_are_rows_of_their_own() -> None:
    lead = user_with_role("lena", "lead")
    generation(day=NOV_3, user=None, cu=7)
    training(day=NOV_3, user=lead, cu=100, status="failed")
    rows = spend_rows(period=days(NOV_3, NOV_3))
    assert {(row.user_name, row.model_key, row.model_name, row.failed) for row in rows} == {
        (EXTERNAL, "model_lumen", "Lumen", 0),
        ("lena", "training:model_mascot", "Mascot (training)", 1),
    }


def test_days_outside_the_range_are_left_out() -> None:
    generation(day=date(2026, 11, 2), user=None, cu=1)
    generation(day=date(2026, 11, 5), user=None, cu=1)
    assert spend_rows(period=days(NOV_3, NOV_4)) == []


def test_a_model_without_a_recorded_name_is_named_by_its_id() -> None:
    generation(day=NOV_3, user=None, cu=1, model_name="")
    [row] = spend_rows(period=days(NOV_3, NOV_3))
    assert row.model_name == "model_lumen"


def test_totals_add_up_rows() -> None:
    rows = [
        SpendRow(NOV_3, "m", "M", "ana", jobs=2, failed=0, cu=1.5),
        SpendRow(NOV_4, "m", "M", "bo", jobs=1, failed=1, cu=2.0),
    ]
    assert Totals.of(rows) == Totals(jobs=3, cu=3.5)
