"""A feed row: what it shows of a generation or a training."""

from __future__ import annotations

import pytest

from scenario_ui.team.feed_rows import generation_row, training_row
from tests.conftest import user_with_role
from tests.team.feed_support import IMAGE, generation, training

pytestmark = pytest.mark.django_db


def test_a_succeeded_generation_row() -> None:
    ann = user_with_role("ann", "member")
    made = generation(ann, prompt="a  lighthouse", results=[IMAGE], creative_units=4.0)
    row = generation_row(made)
    assert (row.kind, row.pk, row.status, row.status_label) == (
        "generation",
        made.pk,
        "success",
        "Succeeded",
    )
    assert (row.is_running, row.is_finished, row.progress_percent) == (False, True, 100)
    assert row.job_url == f"/jobs/{made.pk}/"
    assert (row.user_name, row.model_name, row.prompt) == ("ann", "Model A", "a lighthouse")
    assert row.thumbnail is not None
    assert row.thumbnail.url == "/a/1.png"
    assert row.creative_units == 4.0


def test_a_running_and_an_external_failed_generation() -> None:
    running = generation_row(generation(None, status="in-progress", job_id="j", progress=0.42))
    assert (running.is_running, running.progress_percent, running.thumbnail) == (True, 42, None)
    assert running.user_name == "External (API / web app)"
    failed = generation_row(generation(None, status="failure", creative_units=0))
    assert (failed.progress_percent, failed.note, failed.is_finished) == (None, "Not charged", True)


def test_a_training_row_shows_its_stage_and_links_its_monitor() -> None:
    ann = user_with_role("ann", "member")
    made = training(ann, status="training")
    made.model_record = {
        "id": "model_t",
        "status": "training",
        "trainingProgress": {"stage": "queued-for-train", "position": 3, "progress": 0.25},
    }
    made.save()
    row = training_row(made)
    assert (row.kind, row.status, row.status_label) == ("training", "training", "Training now")
    assert (row.is_running, row.is_finished, row.progress_percent) == (True, False, 25)
    assert row.note == "Queued, position 3 in the queue"
    assert row.job_url == "/models/model_t/train/"


def test_a_training_before_its_model_is_read_and_a_finished_one() -> None:
    ann = user_with_role("ann", "member")
    submitting = training_row(training(ann, status="", outcome="submitting"))
    assert (submitting.status, submitting.status_label) == ("submitting", "Submitting")
    assert not submitting.is_running
    assert not submitting.is_finished
    trained = training_row(training(ann, status="trained"))
    assert (trained.is_finished, trained.progress_percent, trained.status_label) == (
        True,
        100,
        "Trained",
    )
