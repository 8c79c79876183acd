from __future__ import annotations

from datetime import date

import pytest

from scenario_ui.team.spend_csv import spend_table
from tests.conftest import user_with_role
from tests.team.spend_support import days, generation

pytestmark = pytest.mark.django_db

NOV_3, NOV_4 = date(2026, 11, 3), date(2026, 11, 4)


@pytest.fixture
def jobs() -> None:
    ana = user_with_role("ana", "member")
    generation(day=NOV_3, user=ana, cu=1.005)
    generation(day=NOV_3, user=ana, cu=2, status="failure")
    generation(day=NOV_4, user=None, cu=4, model_id="model_flux", model_name="=Flux")


def test_days_by_model(jobs: None) -> None:
    table = spend_table(table="days", period=days(NOV_3, NOV_4), by="model")
    assert table.header == ("Date", "Model", "Jobs", "CU")
    assert list(table.rows) == [("2026-11-03", "Lumen", 2, 3.0), ("2026-11-04", "=Flux", 1, 4.0)]


def test_days_by_user(jobs: None) -> None:
    table = spend_table(table="days", period=days(NOV_3, NOV_4), by="user")
    assert table.header[1] == "User"
    assert list(table.rows) == [
        ("2026-11-03", "ana", 2, 3.0),
        ("2026-11-04", "External (API / web app)", 1, 4.0),
    ]


def test_users_and_models(jobs: None) -> None:
    period = days(NOV_3, NOV_4)
    users = spend_table(table="users", period=period, by="model")
    assert list(users.rows) == [("External (API / web app)", 1, 4.0), ("ana", 2, 3.0)]
    models = spend_table(table="models", period=period, by="model")
    assert models.header == (
        "Model",
        "Model ID",
        "Jobs",
        "CU",
        "CU per job",
        "Failed",
        "Failure rate (%)",
    )
    assert list(models.rows) == [
        ("=Flux", "model_flux", 1, 4.0, 4.0, 0, 0.0),
        ("Lumen", "model_lumen", 2, 3.0, 1.5, 1, 50.0),
    ]
