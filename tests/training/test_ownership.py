from __future__ import annotations

from typing import Any

import pytest
from django.http import Http404

from scenario_ui.schema import parse_definition
from scenario_ui.training.following import record
from scenario_ui.training.models import Training
from scenario_ui.training.ownership import (
    require_own_training,
    trained_by_someone_else,
    unsettled_start,
)

pytestmark = pytest.mark.django_db
MODEL_ID = "model_mine"


@pytest.fixture
def stranger(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user("stranger", password="a-long-password")


def model(status: str, **fields: object) -> Any:
    return parse_definition({"id": MODEL_ID, "status": status, **fields})


def test_a_model_nobody_trained_is_open_to_all(user: Any) -> None:
    assert trained_by_someone_else(user, MODEL_ID) is False
    require_own_training(user, MODEL_ID)


def test_a_model_is_its_trainers_alone(user: Any, stranger: Any) -> None:
    Training.objects.create(user=user, model_id=MODEL_ID)
    require_own_training(user, MODEL_ID)
    assert trained_by_someone_else(stranger, MODEL_ID) is True
    with pytest.raises(Http404):
        require_own_training(stranger, MODEL_ID)


def test_only_an_unknown_latest_start_is_unsettled(user: Any) -> None:
    assert unsettled_start(user, model("new")) is None
    Training.objects.create(user=user, model_id=MODEL_ID, outcome=Training.Outcome.STARTED)
    assert unsettled_start(user, model("new")) is None


def test_an_unknown_start_stays_unknown_while_the_model_shows_nothing_started(user: Any) -> None:
    lost = Training.objects.create(
        user=user, model_id=MODEL_ID, outcome=Training.Outcome.UNKNOWN, error="lost"
    )
    for status in ("new", "failed", "training-canceled"):
        assert unsettled_start(user, model(status)) == lost


@pytest.mark.parametrize(("status", "job_id"), [("training", "job_7"), ("trained", None)])
def test_the_models_status_settles_an_unknown_start(
    user: Any, status: str, job_id: str | None
) -> None:
    lost = Training.objects.create(
        user=user, model_id=MODEL_ID, outcome=Training.Outcome.UNKNOWN, error="lost"
    )
    assert unsettled_start(user, model(status, jobId=job_id)) is None
    # The follow task records it so when it reads the model.
    record(lost, {"id": MODEL_ID, "status": status, **({"jobId": job_id} if job_id else {})})
    lost.refresh_from_db()
    assert (lost.outcome, lost.job_id, lost.error) == (
        Training.Outcome.STARTED,
        job_id or "",
        "",
    )
