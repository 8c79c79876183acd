"""The trainings board's page, its live board and its CSV: leads alone."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.utils import timezone

from scenario_ui.training.models import Training
from scenario_ui.web.htmx import STOP_POLLING
from tests.conftest import user_with_role
from tests.forms.html import parse_html

pytestmark = pytest.mark.django_db

PAGE = "/team/trainings/"
CSV = "/team/trainings.csv"
HTMX = {"HX-Request": "true"}
RUNNING = {"status": "training", "trainingProgress": {"stage": "running-train", "progress": 0.5}}


def signed_in(username: str, role: str) -> Client:
    client = Client()
    client.force_login(user_with_role(username, role))
    return client


@pytest.fixture
def lead() -> Client:
    return signed_in("lena", "lead")


@pytest.fixture
def members_training() -> Training:
    return Training.objects.create(
        user=user_with_role("milo", "member"),
        model_id="model_mascot",
        model_name="Mascot",
        outcome=Training.Outcome.STARTED,
        model_record={"id": "model_mascot", **RUNNING},
        checked_at=timezone.now(),
    )


@pytest.mark.parametrize("role", ["member", "viewer"])
@pytest.mark.parametrize("url", [PAGE, CSV])
def test_members_and_viewers_are_refused(role: str, url: str) -> None:
    refused = signed_in("someone", role).get(url)
    assert refused.status_code == 403
    assert "The team dashboard (everyone's jobs, spend and trainings) is for leads." in (
        parse_html(refused.content.decode()).text
    )


def test_a_lead_sees_everyones_trainings_linked_to_their_monitor(
    lead: Client, members_training: Training
) -> None:
    answer = lead.get(PAGE)
    assert answer.status_code == 200
    page = parse_html(answer.content.decode())
    assert page.one("nav", lambda nav: nav.get("aria-label") == "Team").one("a", href=PAGE).get(
        "aria-current"
    ) == ("page")
    live = page.by_id("trainings-live")
    assert live.get("hx-trigger") == "every 3s"
    row = live.one("table").one("tbody").one("tr")
    assert row.one("a").get("href") == "/models/model_mascot/train/"
    assert "milo" in row.text
    assert row.one("progress").get("value") == "50"
    assert page.one("a", download="").get("href") == f"{CSV}?range=30d"
    # The owner's monitor opens for the lead, from the owner's record.
    monitor = lead.get("/models/model_mascot/train/")
    assert monitor.status_code == 200
    assert 'value="50"' in monitor.content.decode()


def test_the_board_polls_while_a_training_runs_and_stops_after(
    lead: Client, members_training: Training
) -> None:
    polled = lead.get(PAGE, headers=HTMX)
    assert polled.status_code == 200
    etag = polled["ETag"]
    assert lead.get(PAGE, headers={**HTMX, "If-None-Match": etag}).status_code == 304
    members_training.model_record = {"id": "model_mascot", "status": "trained"}
    members_training.save()
    ended = lead.get(PAGE, headers={**HTMX, "If-None-Match": etag})
    assert ended.status_code == STOP_POLLING
    board = parse_html(ended.content.decode()).by_id("trainings-live")
    assert board.get("hx-trigger") is None
    assert (
        "Mascot"
        in board.one(
            "section", lambda section: section.get("aria-labelledby") == "trained-title"
        ).text
    )


def test_a_range_that_cannot_be_read_says_why_and_keeps_what_was_typed(lead: Client) -> None:
    answer = lead.get(PAGE, {"range": "custom", "from": "2026-03-09", "to": "2026-03-01"})
    assert answer.status_code == 400
    page = parse_html(answer.content.decode())
    assert "To must be on or after From" in page.by_id("range-refusal").text
    assert page.by_id("trainings-from").get("value") == "2026-03-09"
    refused = lead.get(CSV, {"range": "forever"})
    assert refused.status_code == 400
    assert refused.content.decode() == (
        "Unknown range 'forever': choose one of 30d, 7d, custom, today."
    )


def test_the_csv_streams_the_ranges_trainings(lead: Client, members_training: Training) -> None:
    answer = lead.get(CSV, {"range": "7d"})
    assert answer.status_code == 200
    assert answer.streaming
    assert answer["Content-Disposition"].startswith('attachment; filename="trainings-')
    text = answer.getvalue().decode()
    [line] = csv.DictReader(io.StringIO(text))
    assert (line["user"], line["model_id"], line["progress_percent"]) == (
        "milo",
        "model_mascot",
        "50",
    )


def test_a_quiet_board_says_so(lead: Client) -> None:
    page = parse_html(lead.get(PAGE).content.decode())
    assert page.by_id("trainings-live").get("hx-get") is None
    assert "No training is running." in page.text
