"""The leads' trainings board, read from our records: what runs, what ended in the range."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.utils import timezone

from scenario_ui.team.csv_export import csv_lines
from scenario_ui.team.ranges import DateRange
from scenario_ui.team.trainings_board import CSV_HEADER, csv_rows, trainings_board
from scenario_ui.training.models import Training
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db

Outcome = Training.Outcome
QUEUED = {
    "status": "training",
    "trainingProgress": {"stage": "queued-for-train", "progress": 0, "position": 3},
}
RUNNING = {
    "status": "training",
    "trainingProgress": {"stage": "running-train", "progress": 0.42, "remainingTimeMs": 90_000},
}


def last_days(days: int) -> DateRange:
    today = timezone.localdate()
    return DateRange(preset="custom", first=today - timedelta(days=days - 1), last=today)


def training(
    user: Any,
    name: str,
    record: dict[str, Any],
    *,
    outcome: str = Outcome.STARTED,
    days_ago: int = 0,
    **fields: Any,
) -> Training:
    made = Training.objects.create(
        user=user,
        model_id=f"model_{name}",
        model_name=name,
        outcome=outcome,
        model_record={"id": f"model_{name}", **record},
        **fields,
    )
    Training.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    made.refresh_from_db()
    return made


@pytest.fixture
def team() -> dict[str, Any]:
    return {name: user_with_role(name, "member") for name in ("ana", "ben")}


def names(rows: Any) -> list[str]:
    return [row.training.model_name for row in rows]


def test_everyones_running_trainings_show_stage_queue_and_progress(team: dict[str, Any]) -> None:
    training(team["ana"], "queued", QUEUED)
    training(team["ben"], "running", RUNNING, days_ago=60)
    training(team["ben"], "sending", {}, outcome=Outcome.SUBMITTING)
    training(team["ana"], "unread", {})
    board = trainings_board(chosen=last_days(30))
    rows = {row.training.model_name: row for row in board.in_progress}
    # Started 60 days ago and still running: the range hides no running training.
    assert sorted(rows) == ["queued", "running", "sending", "unread"]
    assert board.running
    queued, running = rows["queued"], rows["running"]
    assert (queued.user_name, queued.stage_label, queued.monitor.position) == ("ana", "Queued", 3)
    assert (running.stage_label, running.monitor.progress_percent) == ("Training", 42)
    assert running.monitor.remaining == "1 min 30 s"
    assert rows["sending"].stage_label == "Submitting"
    assert rows["unread"].stage_label == "Waiting for the first read"
    assert queued.job_url == "/models/model_queued/train/"


def test_ended_trainings_of_the_range_split_into_trained_and_failed(team: dict[str, Any]) -> None:
    training(team["ana"], "done", {"status": "trained"}, days_ago=2, creative_units=40)
    training(team["ana"], "long-ago", {"status": "trained"}, days_ago=45)
    training(team["ben"], "broke", {"status": "failed", "failureReason": "Too few faces"})
    training(team["ben"], "stopped", {"status": "training-canceled"}, days_ago=1)
    training(team["ana"], "lost", {"status": "new"}, outcome=Outcome.UNKNOWN, error="Timed out")
    board = trainings_board(chosen=last_days(30))
    assert board.in_progress == []
    assert not board.running
    assert names(board.trained) == ["done"]
    assert names(board.failed) == ["lost", "broke", "stopped"]
    failed = {row.training.model_name: row for row in board.failed}
    assert (failed["broke"].status_label, failed["broke"].problem) == ("Failed", "Too few faces")
    assert failed["stopped"].status_label == "Canceled"
    assert (failed["lost"].status, failed["lost"].status_label, failed["lost"].problem) == (
        "unknown",
        "Submission status unknown",
        "Timed out",
    )
    assert names(trainings_board(chosen=last_days(60)).trained) == ["done", "long-ago"]


def test_the_version_changes_with_any_shown_record(team: dict[str, Any]) -> None:
    running = training(team["ana"], "running", RUNNING)
    before = trainings_board(chosen=last_days(30)).version
    assert trainings_board(chosen=last_days(30)).version == before
    running.model_record = {**running.model_record, "status": "trained"}
    running.save()
    after = trainings_board(chosen=last_days(30))
    assert after.version != before
    assert (names(after.in_progress), names(after.trained)) == ([], ["running"])


def test_the_csv_holds_every_training_of_the_range(team: dict[str, Any]) -> None:
    training(team["ana"], "queued", QUEUED, creative_units=12.5)
    training(team["ben"], "=broke", {"status": "failed"}, days_ago=3)
    training(team["ben"], "old", {"status": "trained"}, days_ago=40)
    text = "".join(csv_lines(CSV_HEADER, csv_rows(last_days(30))))
    lines = list(csv.DictReader(io.StringIO(text)))
    assert [(line["user"], line["model_name"], line["status"]) for line in lines] == [
        ("ana", "queued", "training"),
        # A name a spreadsheet would run as a formula is written as text.
        ("ben", "'=broke", "failed"),
    ]
    assert (lines[0]["stage"], lines[0]["queue_position"], lines[0]["creative_units"]) == (
        "queued-for-train",
        "3",
        "12.5",
    )
    assert lines[1]["problem"] == "Scenario reported the training as failed without a reason."


def test_a_custom_range_reads_whole_days(team: dict[str, Any]) -> None:
    training(team["ana"], "done", {"status": "trained"}, days_ago=2)
    two_days_ago = timezone.localdate() - timedelta(days=2)
    day = DateRange(preset="custom", first=two_days_ago, last=two_days_ago)
    assert names(trainings_board(chosen=day).trained) == ["done"]
    assert (
        trainings_board(chosen=DateRange("custom", date(2020, 1, 1), date(2020, 1, 2))).trained
        == []
    )
