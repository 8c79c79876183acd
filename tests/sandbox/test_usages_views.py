"""`GET /usages` over HTTP: figures computed from the sandbox's jobs and trainings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from scenario_sdk.types.usage_list_response import UsageListResponse

from scenario_ui.sandbox.identity import SANDBOX_USER_ID
from scenario_ui.sandbox.models import SandboxJob, SandboxTraining
from tests.sandbox.conftest import FrozenClock
from tests.sandbox.factories import model_record, store
from tests.sandbox.http import answer, get
from tests.sandbox.sdk_shapes import shape_problems

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]

NOV_2 = datetime(2026, 11, 2, 9, tzinfo=UTC)
RANGE = "startDate=2026-11-01T00:00:00.000Z&endDate=2026-11-04T00:00:00.000Z"


def job(model_id: str, at: datetime, *, cost: float, fails: bool = False) -> None:
    SandboxJob.objects.create(
        model_id=model_id,
        input={"prompt": "p"},
        created_at=at,
        duration_seconds=1,
        fails=fails,
        generation_cost=cost,
        quality_gate_cost=1,
    )


@pytest.fixture
def history() -> None:
    store(model_record("model_lumen", name="Lumen"))
    job("model_lumen", NOV_2, cost=4)
    job("model_lumen", NOV_2 + timedelta(hours=3), cost=4, fails=True)  # its add-on refunded
    job("model_flux", NOV_2 + timedelta(days=1), cost=10)
    job("model_flux", datetime(2026, 11, 5, tzinfo=UTC), cost=99)  # after the range
    SandboxTraining.objects.create(
        model_id="model_mascot",
        family="flux",
        parameters={},
        created_at=NOV_2,
        duration_seconds=1,
        cost=100,
    )


def test_consumption_and_model_usages_per_day(client: Client, history: None) -> None:
    status, body = answer(get(client, f"/usages?type=consumption,model-usages&{RANGE}"))
    assert status == 200
    assert body["consumption"] == [
        {"userId": SANDBOX_USER_ID, "value": 120.0, "discount": 0, "total": 120.0}
    ]
    usages = {entry["modelId"]: entry["points"] for entry in body["modelUsages"]}
    assert [(p["time"], p["jobs"], p["cost"]) for p in usages["model_lumen"]] == [
        ("2026-11-01T00:00:00.000Z", 0, 0.0),
        ("2026-11-02T00:00:00.000Z", 2, 9.0),
        ("2026-11-03T00:00:00.000Z", 0, 0.0),
    ]
    assert [p["cost"] for p in usages["model_flux"]] == [0.0, 0.0, 11.0]
    assert body["entities"]["models"] == [
        {"id": "model_flux", "name": "model_flux"},
        {"id": "model_lumen", "name": "Lumen"},
    ]
    assert "usages" not in body
    assert shape_problems(UsageListResponse, body) == []


def test_drop_zero_points_keeps_each_model(client: Client, history: None) -> None:
    body = get(client, f"/usages?type=model-usages&dropZeroPoints=true&{RANGE}").json()
    usages = {entry["modelId"]: entry["points"] for entry in body["modelUsages"]}
    assert [point["time"] for point in usages["model_lumen"]] == ["2026-11-02T00:00:00.000Z"]
    assert "consumption" not in body


def test_a_bad_type_answers_every_type(client: Client, history: None) -> None:
    body = get(client, f"/usages?type=nonsense&{RANGE}").json()
    assert {"consumption", "modelUsages", "usages", "activity", "assetUsages"} <= set(body)
    assert body["usages"] == []


def test_a_time_range_counts_back_from_now(
    client: Client, history: None, frozen_clock: FrozenClock
) -> None:
    frozen_clock.moment = NOV_2 + timedelta(hours=12)
    body = get(client, "/usages?type=consumption&timeRange=last-day").json()
    assert body["consumption"][0]["value"] == 4 + 1 + 4 + 100


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("startDate=2026-11-01T00:00:00Z", "startDate and endDate must be given together"),
        ("startDate=2026-01-01&endDate=2026-06-01", "The time range cannot exceed 120 days"),
        ("startDate=2026-11-02&endDate=2026-11-01", "endDate must be after startDate"),
        (
            "startDate=soon&endDate=2026-11-01",
            'Invalid startDate "soon"; expected an ISO 8601 date',
        ),
        ("timeRange=forever", 'Invalid timeRange "forever"; expected one of: last-hour, '),
    ],
)
def test_a_bad_window_is_refused_in_the_api_shape(client: Client, query: str, reason: str) -> None:
    status, body = answer(get(client, f"/usages?{query}"))
    assert status == 400
    assert body["reason"].startswith(reason)


def test_credentials_are_required(client: Client) -> None:
    response: Any = client.get("/sandbox/v1/usages")
    assert response.status_code == 401
