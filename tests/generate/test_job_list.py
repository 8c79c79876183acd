"""My jobs' rows: the prompt, the thumbnail, filters, charges, trainings' real ends."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from scenario_ui.generate.job_list import (
    JobFilters,
    charge_note,
    filtered_generations,
    job_rows,
    model_choices,
    prompt_excerpt,
    training_rows,
)
from scenario_ui.generate.models import Generation
from scenario_ui.training.models import Training

Status = Generation.Status


def make(user: User, model_id: str, status: str, **fields: Any) -> Generation:
    return Generation.objects.create(
        user=user, model_id=model_id, model_name=model_id.title(), status=status, **fields
    )


@pytest.mark.parametrize(
    ("body", "excerpt"),
    [
        ({"prompt": "a  lighthouse\n at dawn"}, "a lighthouse at dawn"),
        ({"instruction": "summarise", "prompt": ""}, "summarise"),
        ({"prompt": "x" * 100}, "x" * 79 + "…"),
        ({"numOutputs": 2}, ""),
    ],
)
def test_prompt_excerpt(body: dict[str, Any], excerpt: str) -> None:
    assert prompt_excerpt(body) == excerpt


@pytest.mark.parametrize(
    ("status", "units", "note"),
    [
        (Status.FAILURE, 6.25, "Charged 6.25 CU"),
        (Status.FAILURE, 0, "Not charged"),
        (Status.CANCELED, 0.0, "Not charged"),
        (Status.CANCELED, None, "Charge not known"),
        (Status.SUCCESS, 8, ""),
    ],
)
def test_failed_and_canceled_jobs_say_whether_they_were_charged(
    status: str, units: float | None, note: str
) -> None:
    assert charge_note(Generation(status=status, creative_units=units)) == note


def test_filters_by_status_group_and_model(user: User) -> None:
    running = make(user, "model_a", Status.IN_PROGRESS)
    failed = make(user, "model_b", Status.FAILURE)
    done = make(user, "model_a", Status.SUCCESS)

    def found(**query: str) -> list[Generation]:
        return list(filtered_generations(user=user, filters=JobFilters.from_query(query)))

    assert found(status="running") == [running]
    assert found(status="failure") == [failed]
    assert found(model="model_a") == [done, running]
    assert found(status="success", model="model_b") == []
    # An unknown status filters nothing out.
    assert found(status="whatever") == [done, failed, running]
    assert model_choices(user=user) == [("model_a", "Model_A"), ("model_b", "Model_B")]


def test_thumbnails_are_the_first_stored_result(user: User) -> None:
    image = {"id": "asset_1", "url": "https://cdn.test/1.png", "kind": "image"}
    audio = {"id": "asset_2", "url": "https://cdn.test/2.wav", "kind": "audio"}
    fields = {"mime_type": "", "name": ""}
    make(user, "model_a", Status.SUCCESS, asset_ids=["asset_1"], results=[{**image, **fields}])
    make(user, "model_a", Status.SUCCESS, asset_ids=["asset_2"], results=[{**audio, **fields}])
    # Succeeded, its results not read by the worker yet: no thumbnail, and no API call.
    make(user, "model_a", Status.SUCCESS, asset_ids=["asset_3"])
    make(user, "model_a", Status.FAILURE)
    rows = job_rows(list(Generation.objects.all()))
    shown = [(t.url, t.is_image, t.kind) if (t := row.thumbnail) else None for row in rows]
    assert shown == [
        None,
        None,
        ("https://cdn.test/2.wav", False, "audio"),
        ("https://cdn.test/1.png", True, "image"),
    ]


def test_a_started_training_shows_where_the_model_really_is(user: User) -> None:
    started = Training.objects.create(
        user=user,
        model_id="m1",
        outcome=Training.Outcome.STARTED,
        model_record={"id": "m1", "status": "failed"},
    )
    unknown = Training.objects.create(user=user, model_id="m2", outcome=Training.Outcome.UNKNOWN)
    rows = training_rows([started, unknown])
    assert [(row.training, row.final_status) for row in rows] == [
        (started, "Failed"),
        (unknown, ""),
    ]
