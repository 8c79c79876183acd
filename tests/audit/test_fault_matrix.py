"""Each submission fault x {generation, training}: one upstream job per intent, one attempt
record, a clear state for the user, and nothing resendable by accident."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from scenario_ui.generate.following import follow_generation
from scenario_ui.generate.models import Generation
from scenario_ui.sandbox.models import (
    SandboxJob,
    SandboxModel,
    SandboxTraining,
    SandboxWebhookEndpoint,
)
from scenario_ui.scenario import calls
from scenario_ui.team.models import Budget
from scenario_ui.training.models import Training
from scenario_ui.web.attempts import TOKEN
from scenario_ui.worker.models import Schedule, WebhookEndpoint
from scenario_ui.worker.periodic import WATCH, keep_watch
from tests.audit.faults import (
    AFTER_SEND,
    FAULTS,
    Fault,
    FaultyTransport,
    faulty_client_builder,
    is_dry_run,
    is_job_read,
    is_model_check,
    is_training_image_upload,
    is_webhook_registration,
)
from tests.forms.html import Element, parse_html, posted_fields
from tests.generate.support import png_bytes, submitted
from tests.worker.support import enqueued, forget_enqueued, run_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

LUMEN = "model_demo-lumen-xl"
MASCOT = "model_demo-my-mascot-flux"
UNREACHABLE = "Could not connect to Scenario. Check the network or SCENARIO_BASE_URL."
# What the form says when nothing was sent or Scenario refused: (title, message).
REFUSED = {
    "timeout before send": ("Scenario cannot be reached", UNREACHABLE),
    "reset before send": ("Scenario cannot be reached", UNREACHABLE),
    "429 with Retry-After": (
        "Too many requests to Scenario",
        "Scenario is rate-limiting us: try again in 7 s (Slow down).",
    ),
}
WHAT_HAPPENED = {
    "timeout after send": "no answer came in time",
    "reset after send": "the connection broke before the answer came",
    "500 after create": "Scenario answered with HTTP 500",
    "502 after create": "Scenario answered with HTTP 502",
    "504 after create": "Scenario answered with HTTP 504",
    "truncated body": "Scenario's answer could not be read",
    "HTML 200": "Scenario's answer could not be read",
    "wrong shape": "Scenario's answer could not be read",
}


@pytest.fixture
def faulty(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> FaultyTransport:
    transport = FaultyTransport(request.param)
    monkeypatch.setattr(calls, "build_client", faulty_client_builder(transport))
    return transport


def faulty_on(
    monkeypatch: pytest.MonkeyPatch, fault: Fault, target: Callable[[httpx.Request], bool]
) -> FaultyTransport:
    """`fault` on the first request `target` picks (a read or a write, not a charge)."""
    transport = FaultyTransport(fault, target=target)
    monkeypatch.setattr(calls, "build_client", faulty_client_builder(transport))
    return transport


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


# --- generation -------------------------------------------------------------------------------


def model_form(client: Client) -> dict[str, str]:
    fields = posted_fields(html_of(client.get(f"/models/{LUMEN}/")))
    return {**fields, "prompt": "a lighthouse at dawn"}


def submit(client: Client, data: dict[str, str]) -> Any:
    return client.post(f"/models/{LUMEN}/generate/", data)


@pytest.mark.parametrize("faulty", FAULTS, ids=lambda fault: fault.name, indirect=True)
def test_a_generation_fault_never_charges_twice(signed_in: Client, faulty: FaultyTransport) -> None:
    data = model_form(signed_in)
    first = submit(signed_in, data)
    fault: Fault = faulty.fault
    if fault.reaches:
        assert first.status_code == 302
        job_page = html_of(signed_in.get(first["Location"]))
        status = job_page.by_id("job-status")
        assert status.one("span", class_="status").text == "Submission status unknown"
        assert status.one("div", class_="alert--error").find_all("p")[0].text == (
            f"Submission status unknown. The request was sent, but {WHAT_HAPPENED[fault.name]}, "
            "so Scenario may or may not have started it. It was not sent again: look the job "
            "up before trying again."
        )
        assert [link.text for link in status.find_all("a") if "resubmit" in link.text] == []
        # A double click, a reload of the POST: the same attempt, nothing sent.
        assert submit(signed_in, data)["Location"] == first["Location"]
        assert len(faulty.charged) == 1
        looked_up = signed_in.post(f"{first['Location']}look-up/", follow=True)
        generation = Generation.objects.get()
        assert generation.job_id == SandboxJob.objects.get().id
        assert html_of(looked_up).one("span", class_="status").text == "Queued"
    else:
        assert first.status_code == 422
        alert = html_of(first).by_id("submit-error")
        title, message = REFUSED[fault.name]
        assert alert.one("h2").text == title
        assert [p.text for p in alert.find_all("p")] == [
            message,
            "Nothing was charged. Your values are kept below.",
        ]
        assert Generation.objects.count() == SandboxJob.objects.count() == 0
        fresh_form = posted_fields(html_of(first))
        assert fresh_form["prompt"] == "a lighthouse at dawn"
        assert fresh_form[TOKEN] != data[TOKEN]
        assert submit(signed_in, fresh_form).status_code == 302
        assert len(faulty.charged) == 2
    assert Generation.objects.count() == 1
    assert SandboxJob.objects.count() == 1


# --- training ---------------------------------------------------------------------------------


def review(client: Client) -> Element:
    page = html_of(client.get(f"/models/{MASCOT}/train/"))
    reviewed = client.post(f"/models/{MASCOT}/train/review/", posted_fields(page))
    assert reviewed.status_code == 200
    return html_of(reviewed)


def start(client: Client, reviewed: Element) -> tuple[Any, dict[str, str]]:
    data = posted_fields(reviewed)
    data["__reviewed"] = reviewed.one("button", name="__reviewed").get("value") or ""
    return client.post(f"/models/{MASCOT}/train/start/", data), data


@pytest.mark.parametrize("faulty", FAULTS, ids=lambda fault: fault.name, indirect=True)
def test_a_training_fault_never_charges_twice(signed_in: Client, faulty: FaultyTransport) -> None:
    first, data = start(signed_in, review(signed_in))
    fault: Fault = faulty.fault
    if fault.reaches:
        assert first.status_code == 302
        again = signed_in.post(f"/models/{MASCOT}/train/start/", data)
        assert (again.status_code, len(faulty.charged)) == (302, 1)
        # The worker reads the model: its own status shows the training started, which
        # settles the attempt.
        run_enqueued("follow_training")
        page = html_of(signed_in.get(first["Location"]))
        assert page.one("h2", id="monitor-title").text == "Training status: training"
        assert page.find_all(id="unknown-start") == []
        training = Training.objects.get()
        assert training.outcome == Training.Outcome.STARTED
        assert training.job_id == SandboxTraining.objects.get().id
    else:
        assert first.status_code == 422
        box = html_of(first).by_id("training-review")
        title, message = REFUSED[fault.name]
        assert [p.text for p in box.one("div", class_="alert").find_all("p")] == [
            f"{title}. {message}",
            "Nothing was started.",
        ]
        assert Training.objects.count() == SandboxTraining.objects.count() == 0
        second, _ = start(signed_in, review(signed_in))
        assert second.status_code == 302
        assert len(faulty.charged) == 2
    assert Training.objects.count() == 1
    assert SandboxTraining.objects.count() == 1


# --- Prompt Spark ("Improve prompt") ----------------------------------------------------------


@pytest.mark.parametrize("faulty", FAULTS, ids=lambda fault: fault.name, indirect=True)
def test_a_prompt_spark_fault_is_a_message_and_never_resent(
    signed_in: Client, faulty: FaultyTransport
) -> None:
    data = {**model_form(signed_in), "__spark": "prompt"}
    response = signed_in.post(f"/models/{LUMEN}/prompt-spark/", data)
    assert response.status_code == 200
    message = html_of(response).one("p", class_="field__error").text
    title = REFUSED.get(faulty.fault.name, (None, ""))[0]
    assert message.startswith(title or "")
    assert len(faulty.targeted) == len(faulty.charged) == 1


# --- the picked models' check (get-bulk) before a generation -----------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_failed_model_check_leaves_the_generation_to_the_api(
    signed_in: Client, fault: Fault, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = faulty_on(monkeypatch, fault, is_model_check)
    data = {**model_form(signed_in), "loras": "model_demo-lora-inkwash", "lorasScale": "1"}
    response = submit(signed_in, data)
    assert response.status_code == 302
    assert (len(transport.targeted), len(transport.charged)) == (1, 1)
    assert Generation.objects.count() == 1
    assert SandboxJob.objects.get().input["loras"] == ["model_demo-lora-inkwash"]


# --- adding a training image -----------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_training_image_fault_is_a_message_and_never_resent(
    signed_in: Client, fault: Fault, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = faulty_on(monkeypatch, fault, is_training_image_upload)
    image = SimpleUploadedFile("cat.png", png_bytes(), content_type="image/png")
    response = signed_in.post(f"/models/{MASCOT}/train/images/", {"images": [image]}, follow=True)
    assert response.status_code == 200
    [alert] = html_of(response).find_all(role="alert")
    expected = "may or may not have been added" if fault.reaches else "was not added"
    assert expected in alert.text
    assert len(transport.targeted) == 1
    listed = SandboxModel.objects.get(pk=MASCOT).record.get("trainingImages", [])
    assert len(listed) == (1 if fault.reaches else 0)


# --- the worker's reads ------------------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_read_fault_in_the_worker_keeps_the_record_and_reads_again(
    user: Any, fault: Fault, monkeypatch: pytest.MonkeyPatch
) -> None:
    generation = submitted(user, LUMEN, {"prompt": ["a lighthouse"]})
    forget_enqueued()
    transport = FaultyTransport(fault, is_job_read, every_time=True)
    monkeypatch.setattr(calls, "build_client", faulty_client_builder(transport))
    follow_generation.call(generation.pk, 1.0)
    generation.refresh_from_db()
    assert (generation.status, generation.checked_at) == ("queued", None)
    [again] = enqueued("follow_generation")
    assert again.args[1] == (7.0 if fault.name == "429 with Retry-After" else 1.5)
    # The sweep meets the same fault: the heartbeat chain goes on, the next sweep reads
    # from the same moment.
    forget_enqueued()
    keep_watch.call()
    assert Schedule.objects.get(name=WATCH).ran_at is None
    assert len(enqueued("keep_watch")) == 1
    assert len(transport.targeted) == 2


# --- registering the webhook endpoint -----------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_registration_fault_stores_nothing_and_says_what_to_check(
    db: None, fault: Fault, monkeypatch: pytest.MonkeyPatch
) -> None:
    transport = FaultyTransport(fault, is_webhook_registration)
    monkeypatch.setattr(calls, "build_client", faulty_client_builder(transport))
    with pytest.raises(CommandError) as refused:
        call_command("scenario_webhook", "register", "--base-url", "http://testserver")
    assert WebhookEndpoint.objects.count() == 0
    orphan_warned = "may have been created" in str(refused.value)
    assert orphan_warned == fault.reaches
    assert SandboxWebhookEndpoint.objects.count() == (1 if fault.reaches else 0)
    # Registering again works, and is the only project endpoint this app knows.
    call_command(
        "scenario_webhook", "register", "--base-url", "http://testserver", stdout=io.StringIO()
    )
    assert WebhookEndpoint.objects.filter(owner_type=WebhookEndpoint.Owner.PROJECT).count() == 1


def test_every_fault_after_sending_is_covered() -> None:
    assert {fault.name for fault in AFTER_SEND} == set(WHAT_HAPPENED)


# --- the budget check's dry run ---------------------------------------------------------------


@pytest.mark.parametrize("fault", FAULTS, ids=lambda fault: fault.name)
def test_a_budget_checks_failed_dry_run_sends_nothing(
    signed_in: Client, user: Any, fault: Fault, monkeypatch: pytest.MonkeyPatch
) -> None:
    Budget.objects.create(user=user, monthly_cu=Decimal(1000))
    data = model_form(signed_in)
    transport = FaultyTransport(fault, target=is_dry_run)
    monkeypatch.setattr(calls, "build_client", faulty_client_builder(transport))

    first = submit(signed_in, data)

    assert first.status_code == 422
    alert = html_of(first).by_id("submit-error")
    assert alert.one("h2").text == "Budget not checked"
    assert alert.find_all("p")[0].text.startswith(
        "A monthly budget applies to you, and Scenario could not tell the cost of this request, "
        "so nothing was sent."
    )
    assert (len(transport.targeted), transport.charged) == (1, [])
    assert Generation.objects.count() == SandboxJob.objects.count() == 0
    # The next try's dry run answers: it is sent, once.
    assert submit(signed_in, posted_fields(html_of(first))).status_code == 302
    assert (len(transport.targeted), len(transport.charged)) == (2, 1)
