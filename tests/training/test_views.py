"""The Train page, its review and start, the progress endpoint and the cancel, over HTTP."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import httpx
import pytest
from django.test import Client
from django.utils import timezone

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.catalog import DEMO_CATALOG_DIR
from scenario_ui.sandbox.models import SandboxModel, SandboxTraining
from scenario_ui.training.models import Training
from scenario_ui.training.page import RETRAINING_NOTE
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import Heartbeat
from tests.conftest import user_with_role
from tests.forms.html import Element, error_text, parse_html
from tests.forms.html import posted_fields as form_data
from tests.sandbox.conftest import FrozenClock
from tests.worker.support import enqueued, run_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

type Handler = Callable[[httpx.Request], httpx.Response]

MASCOT = "model_demo-my-mascot-flux"
WATERCOLOR = "model_demo-my-watercolor-sd15"
HERO = "model_demo-my-hero-sdxl"
SNEAKER = "model_demo-my-sneaker-qwen"
LUMEN = "model_demo-lumen-xl"
POLLING = 200
STOP_POLLING = 286


@pytest.fixture(autouse=True)
def worker_alive(db: None) -> None:
    """A worker has just reported (its absence is a banner, tested on its own)."""
    beat()


def worker_reads() -> int:
    """What a worker does next: run the follow tasks that are due."""
    return run_enqueued("follow_training")


def page_url(model_id: str, action: str = "") -> str:
    return f"/models/{model_id}/train/{action + '/' if action else ''}"


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def facts(root: Element) -> dict[str, str]:
    listing = root.one("dl", class_="facts", where=lambda dl: "facts--compact" not in dl.classes)
    return {row.one("dt").text: row.one("dd").text for row in listing.find_all("div")}


def stats(root: Element) -> dict[str, str]:
    listing = root.by_id("training-monitor").one("dl", class_="facts--compact")
    return {row.one("dt").text: row.one("dd").text for row in listing.find_all("div")}


def monitor_text(root: Element) -> str:
    return root.by_id("training-monitor").text


def progress_value(root: Element) -> int:
    return int(root.by_id("training-progress").get("value") or "-1")


@pytest.fixture
def sandbox_clock(monkeypatch: pytest.MonkeyPatch, settings: Any) -> FrozenClock:
    """Ten-second sandbox trainings on a clock that moves only when told to."""
    settings.SANDBOX_TRAINING_SECONDS = 10.0
    frozen = FrozenClock(timezone.now())
    monkeypatch.setattr(clock, "now", frozen.now)
    return frozen


def reviewed_page(client: Client, model_id: str = MASCOT, **changes: str) -> Element:
    data = {**form_data(html_of(client.get(page_url(model_id)))), **changes}
    response = client.post(page_url(model_id, "review"), data)
    assert response.status_code == 200
    return html_of(response)


def start(client: Client, model_id: str = MASCOT, **changes: str) -> Any:
    """Review the form (with `changes`), then press Start training."""
    review = reviewed_page(client, model_id, **changes)
    data = form_data(review)
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    return client.post(page_url(model_id, "start"), data)


# --- the page ---------------------------------------------------------------------------------


def test_a_new_model_gets_its_facts_its_monitor_and_the_form(signed_in: Client) -> None:
    response = signed_in.get(page_url(MASCOT))
    assert response.status_code == 200
    root = html_of(response)
    assert root.one("h1").text == "Train Mascot (Flux LoRA)"
    assert facts(root) == {"Trainer": "Flux LoRA", "Training images": "14", "Status": "new"}
    assert monitor_text(root) == "Training status: new Not trained yet."
    assert not root.by_id("training-monitor").has("hx-get")
    assert root.find_all(id="training-refusal") == []
    form = root.by_id("model-form")
    assert form.get("action") == page_url(MASCOT, "review")
    assert form.get("hx-post") == page_url(MASCOT, "form")
    assert root.by_id("train-form-title").text == "Flux LoRA parameters"
    assert root.one("input", name="nbEpochs").get("type") == "number"
    assert root.one("input", name="maxTrainSteps").get("value") == "1400"
    assert root.find_all(name="classPrompt") == []
    assert form.one("button", name="__submit").text == "Train"
    assert root.find_all(id="training-review") == []


def test_a_trained_model_is_refused_and_shows_its_stats(signed_in: Client) -> None:
    root = html_of(signed_in.get(page_url(WATERCOLOR)))
    assert facts(root) == {"Trainer": "SD 1.5", "Training images": "18", "Status": "trained"}
    assert root.by_id("training-refusal").text == (RETRAINING_NOTE)
    assert root.find_all(id="model-form") == []
    assert monitor_text(root).startswith("Training status: trained The model is trained.")
    assert stats(root) == {
        "Started": "2025-02-03 11:25:10 UTC",
        "Ended": "2025-02-03 12:51:37 UTC",
        "Time in queue": "5 min 29 s",
        "Training time": "1 h 26 min",
    }


def test_a_failed_model_shows_the_failure_and_is_offered_again(signed_in: Client) -> None:
    root = html_of(signed_in.get(page_url(HERO)))
    assert facts(root)["Status"] == "failed"
    assert root.by_id("training-monitor").one("div", class_="alert").text == (
        "The training failed. Scenario reported the training as failed without a reason."
    )
    assert root.find_all(id="training-refusal") == []
    assert root.by_id("train-form-title").text == "SDXL LoRA parameters"


def test_a_canceled_training_is_offered_again(signed_in: Client) -> None:
    root = html_of(signed_in.get(page_url(SNEAKER)))
    assert facts(root) == {
        "Trainer": "Musubi LoRA",
        "Training images": "20",
        "Status": "training-canceled",
    }
    assert "The training was canceled. You can start it again below." in monitor_text(root)
    assert root.by_id("train-form-title").text == "Musubi LoRA parameters"


def test_an_untrainable_model_says_why(signed_in: Client) -> None:
    root = html_of(signed_in.get(page_url(LUMEN)))
    assert facts(root)["Trainer"] == "None for this type"
    assert root.by_id("training-refusal").text.startswith(
        'Models of type "custom" cannot be trained here. Trainable model types: sd-1_5, '
    )
    assert root.find_all(id="model-form") == []


def test_an_unknown_model_is_a_readable_404(signed_in: Client) -> None:
    response = signed_in.get(page_url("model_demo-nope"))
    assert response.status_code == 404
    alert = html_of(response).one("div", role="alert")
    assert alert.one("h2").text == "Not found on Scenario"
    assert "Model model_demo-nope not found" in alert.text


def test_the_page_needs_a_signed_in_user(client: Client) -> None:
    response = client.get(page_url(MASCOT))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- the live form ----------------------------------------------------------------------------


def test_the_live_form_reports_an_out_of_range_rank(signed_in: Client) -> None:
    data = form_data(html_of(signed_in.get(page_url(MASCOT))))
    response = signed_in.post(
        page_url(MASCOT, "form"), {**data, "rank": "500"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert json.loads(response["HX-Trigger"])["scenario:form-state"]["invalid"] == ["rank"]


def test_the_live_form_of_an_untrainable_model_is_empty(signed_in: Client) -> None:
    response = signed_in.post(page_url(LUMEN, "form"), {}, headers={"HX-Request": "true"})
    assert response.status_code == 204


# --- review -----------------------------------------------------------------------------------


def test_review_shows_the_estimated_cost_and_the_start_button(signed_in: Client) -> None:
    root = reviewed_page(signed_in)
    review = root.by_id("training-review")
    assert review.one("p", where=lambda p: p.text.startswith("Estimated cost")).text == (
        "Estimated cost: 52 CU"
    )
    button = review.one("button", name="__reviewed")
    assert button.text == "Start training"
    assert (button.get("form"), button.get("formaction")) == (
        "model-form",
        page_url(MASCOT, "start"),
    )
    assert len(button.get("value") or "") == 16
    assert "Nothing starts or is charged until you press Start training." in review.text
    assert SandboxTraining.objects.count() == 0
    assert Training.objects.count() == 0


def test_review_keeps_the_token_of_the_form(signed_in: Client) -> None:
    data = form_data(html_of(signed_in.get(page_url(MASCOT))))
    root = html_of(signed_in.post(page_url(MASCOT, "review"), data))
    assert form_data(root)["__token"] == data["__token"]


def test_review_of_invalid_parameters_shows_the_issue_and_no_cost(signed_in: Client) -> None:
    data = form_data(html_of(signed_in.get(page_url(MASCOT))))
    response = signed_in.post(page_url(MASCOT, "review"), {**data, "rank": "500"})
    assert response.status_code == 422
    root = html_of(response)
    assert root.one(data_error_for="rank").text == "Must be at most 64."
    assert [link.get("href") for link in root.by_id("error-summary").find_all("a")] == ["#in-rank"]
    assert root.find_all(name="__reviewed") == []
    assert "Estimated cost" not in root.text


def test_review_of_a_trained_model_is_refused(signed_in: Client) -> None:
    response = signed_in.post(page_url(WATERCOLOR, "review"), {"learningRate": "0.0001"})
    assert response.status_code == 409
    assert html_of(response).by_id("training-refusal").text == (RETRAINING_NOTE)


# --- start ------------------------------------------------------------------------------------


def test_start_redirects_to_the_page_whose_monitor_shows_the_training(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    response = start(signed_in)
    assert response.status_code == 302
    assert response["Location"] == page_url(MASCOT)
    training = Training.objects.get()
    assert (training.outcome, training.job_id) == (
        Training.Outcome.STARTED,
        SandboxTraining.objects.get().id,
    )
    root = html_of(signed_in.get(response["Location"]))
    assert facts(root)["Status"] == "training"
    monitor = root.by_id("training-monitor")
    assert monitor.get("hx-get") == page_url(MASCOT, "progress") + "?shown=training"
    assert monitor.get("hx-trigger") == "every 2s"
    assert [task.args for task in enqueued("follow_training")] == [[training.pk, 1.0]]
    assert monitor.text == (
        "Training status: training Stage: Queued · position 3 in the queue "
        "Progress 0% 0% Cancel training"
    )
    assert progress_value(root) == 0
    assert root.by_id("training-refusal").text == (
        "This model is training now: follow its progress above."
    )
    assert root.find_all(id="model-form") == []


def test_start_with_changed_parameters_shows_the_new_cost_first(signed_in: Client) -> None:
    review = reviewed_page(signed_in)
    data = {**form_data(review), "maxTrainSteps": "3000"}
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    response = signed_in.post(page_url(MASCOT, "start"), data)
    assert response.status_code == 200
    box = html_of(response).by_id("training-review")
    assert box.one("p", class_="alert").text == (
        "The parameters changed since the last estimate: check the new cost."
    )
    assert "Estimated cost: 100 CU" in box.text
    assert box.one("button", name="__reviewed").text == "Start training"
    assert Training.objects.count() == 0
    assert SandboxTraining.objects.count() == 0


def test_the_same_start_twice_is_one_training(signed_in: Client) -> None:
    review = reviewed_page(signed_in)
    data = form_data(review)
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    first = signed_in.post(page_url(MASCOT, "start"), data)
    second = signed_in.post(page_url(MASCOT, "start"), data)
    # The second click follows the first one's training.
    assert first.status_code == second.status_code == 302
    assert second["Location"] == page_url(MASCOT)
    assert Training.objects.count() == 1
    assert SandboxTraining.objects.count() == 1


def test_start_of_a_trained_model_is_refused(signed_in: Client) -> None:
    response = signed_in.post(page_url(WATERCOLOR, "start"), {"__reviewed": "x"})
    assert response.status_code == 409
    assert Training.objects.count() == 0


def demo_record(model_id: str) -> dict[str, Any]:
    record: dict[str, Any] = json.loads(
        (DEMO_CATALOG_DIR / f"{model_id}.json").read_text(encoding="utf-8")
    )
    return record


def fake_scenario(trigger: Handler) -> Handler:
    """The demo mascot read, a 52 CU dry run, and `trigger` answering the trigger."""

    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, json=demo_record(MASCOT))
        if request.url.params.get("dryRun") == "true":
            return httpx.Response(269, json={"creativeUnitsCost": 52})
        return trigger(request)

    return answer


def test_a_refused_start_shows_the_reason_and_starts_nothing(signed_in: Client, fake_api) -> None:
    fake_api(
        fake_scenario(
            lambda request: httpx.Response(400, json={"reason": "Input rank must be at most 64"})
        )
    )
    review = reviewed_page(signed_in)
    data = form_data(review)
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    response = signed_in.post(page_url(MASCOT, "start"), data)
    assert response.status_code == 422
    box = html_of(response).by_id("training-review")
    assert [p.text for p in box.one("div", class_="alert").find_all("p")] == [
        "Scenario rejected the request. Input rank must be at most 64",
        "Nothing was started.",
    ]
    assert box.find_all(name="__reviewed") == []
    assert Training.objects.count() == 0


def test_a_lost_start_answer_stays_unknown_until_the_model_shows_it_started(
    signed_in: Client, fake_api
) -> None:
    def lose(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("lost")

    requests = fake_api(fake_scenario(lose))
    review = reviewed_page(signed_in)
    data = form_data(review)
    data["__reviewed"] = review.one("button", name="__reviewed").get("value") or ""
    response = signed_in.post(page_url(MASCOT, "start"), data)
    assert response.status_code == 302
    training = Training.objects.get()
    assert training.outcome == Training.Outcome.UNKNOWN
    triggers = [r for r in requests if r.method == "PUT" and "dryRun" not in r.url.params]
    assert len(triggers) == 1
    unknown = (
        "Submission status unknown. The request was sent, but no answer came in time, so "
        "Scenario may or may not have started it. It was not sent again: the model's status "
        'below shows whether the training started. Scenario shows this model as "new", so no '
        "training has started from it yet. This page follows the model's status; start the "
        "training again only if it stays the same."
    )
    assert html_of(signed_in.get(response["Location"])).by_id("unknown-start").text == unknown
    # Not a one-time notice: it stays while the model does not show the training.
    assert html_of(signed_in.get(page_url(MASCOT))).by_id("unknown-start").text == unknown
    # The same Start again sends nothing.
    assert signed_in.post(page_url(MASCOT, "start"), data).status_code == 302
    assert len([r for r in requests if r.method == "PUT" and "dryRun" not in r.url.params]) == 1

    training_record = demo_record(MASCOT)
    training_record["model"].update(status="training", jobId="job_lost_start")
    fake_api(lambda request: httpx.Response(200, json=training_record))
    # The worker follows a lost start too, and settles it once the model shows it.
    assert worker_reads() == 1
    page = html_of(signed_in.get(page_url(MASCOT)))
    assert page.find_all(id="unknown-start") == []
    training.refresh_from_db()
    assert (training.outcome, training.job_id, training.error) == (
        Training.Outcome.STARTED,
        "job_lost_start",
        "",
    )


# --- progress ---------------------------------------------------------------------------------


def test_progress_polls_while_training_and_stops_once_trained(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    shown = page_url(MASCOT, "progress") + "?shown=training"
    queued = signed_in.get(shown, headers={"HX-Request": "true"})
    assert queued.status_code == POLLING
    assert progress_value(html_of(queued)) == 0

    values = []
    for _ in range(3):
        sandbox_clock.advance(2)
        assert worker_reads() == 1
        running = signed_in.get(shown, headers={"HX-Request": "true"})
        assert running.status_code == POLLING
        root = html_of(running)
        assert root.by_id("training-monitor").get("hx-get") == shown
        values.append(progress_value(root))
    assert values == [0, 14, 43]
    assert "Stage: Training · about 4 s left" in monitor_text(root)
    assert "Status read from Scenario 0 s ago." in monitor_text(root)
    same = signed_in.get(shown, headers={"HX-Request": "true", "If-None-Match": running["ETag"]})
    assert same.status_code == 304

    sandbox_clock.advance(5)
    assert worker_reads() == 1
    assert enqueued("follow_training") == []
    # The page shows "training" in its header, Status and banner: all of it is drawn again.
    changed = signed_in.get(shown, headers={"HX-Request": "true"})
    assert (changed.status_code, changed["HX-Refresh"]) == (200, "true")
    page = html_of(signed_in.get(page_url(MASCOT)))
    assert facts(page)["Status"] == "trained"
    assert page.one("p", class_="model-card__meta").one("span", class_="status").text == "trained"
    assert page.by_id("training-refusal").text == RETRAINING_NOTE
    done = signed_in.get(page_url(MASCOT, "progress"), headers={"HX-Request": "true"})
    assert done.status_code == STOP_POLLING
    root = html_of(done)
    monitor = root.by_id("training-monitor")
    assert not monitor.has("hx-get")
    assert root.find_all(id="training-progress") == []
    assert monitor.text.startswith("Training status: trained The model is trained.")
    assert list(stats(root)) == ["Started", "Ended", "Time in queue", "Training time"]
    assert (stats(root)["Time in queue"], stats(root)["Training time"]) == ("2 s", "8 s")


def test_progress_of_a_model_not_training_stops_polling(signed_in: Client) -> None:
    response = signed_in.get(page_url(MASCOT, "progress"))
    assert response.status_code == STOP_POLLING
    assert monitor_text(html_of(response)) == "Training status: new Not trained yet."


def test_a_failing_training_shows_its_message(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in, conceptPrompt="make it fail")
    sandbox_clock.advance(5)
    worker_reads()
    response = signed_in.get(page_url(MASCOT, "progress"))
    assert response.status_code == STOP_POLLING
    assert html_of(response).by_id("training-monitor").one("div", class_="alert").text == (
        "The training failed. The sandbox was asked to fail: conceptPrompt contains “fail”."
    )


# --- cancel -----------------------------------------------------------------------------------


def test_cancel_while_queued_cancels(signed_in: Client, sandbox_clock: FrozenClock) -> None:
    start(signed_in)
    sandbox_clock.advance(1)
    response = signed_in.post(page_url(MASCOT, "cancel"), headers={"HX-Request": "true"})
    # The whole page changes (training is offered again): htmx reloads it.
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert SandboxModel.objects.get(pk=MASCOT).status == "training-canceled"
    # The cancel asks the worker to read the model at once.
    assert worker_reads() == 2
    monitor = html_of(signed_in.get(page_url(MASCOT))).by_id("training-monitor")
    assert monitor.text == (
        "Training status: training-canceled The training was canceled. "
        "You can start it again below."
    )
    assert not monitor.has("hx-get")
    # The page offers the training again.
    root = html_of(signed_in.get(page_url(MASCOT)))
    assert root.by_id("train-form-title").text == "Flux LoRA parameters"


def test_cancel_without_javascript_redirects_to_the_page(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    sandbox_clock.advance(1)
    response = signed_in.post(page_url(MASCOT, "cancel"))
    assert response.status_code == 302
    assert response["Location"] == page_url(MASCOT)
    assert SandboxModel.objects.get(pk=MASCOT).status == "training-canceled"


def test_cancel_once_running_is_refused_in_the_monitor(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    sandbox_clock.advance(5)
    worker_reads()
    response = signed_in.post(page_url(MASCOT, "cancel"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    monitor = html_of(response).by_id("training-monitor")
    assert monitor.one("p", class_="alert").text == (
        f"Scenario rejected the request: Training of model {MASCOT} cannot be canceled once running"
    )
    assert monitor.get("hx-get") == page_url(MASCOT, "progress") + "?shown=training"
    assert "Stage: Training" in monitor.text
    assert progress_value(html_of(response)) == 29
    assert SandboxModel.objects.get(pk=MASCOT).status == "training"


def test_cancel_without_a_training_is_refused(signed_in: Client) -> None:
    response = signed_in.post(page_url(MASCOT, "cancel"), headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert html_of(response).by_id("training-monitor").one("p", class_="alert").text == (
        f"Scenario rejected the request: Model {MASCOT} is not training"
    )


def test_cancel_without_javascript_shows_the_refusal_on_the_page(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    sandbox_clock.advance(5)
    response = signed_in.post(page_url(MASCOT, "cancel"), follow=True)
    assert response.redirect_chain == [(page_url(MASCOT), 302)]
    alerts = [alert.text for alert in html_of(response).find_all("div", role="alert")]
    assert alerts == [
        f"The training was not canceled. Training of model {MASCOT} cannot be canceled once running"
    ]
    assert SandboxModel.objects.get(pk=MASCOT).status == "training"


def test_a_lead_follows_a_members_training_from_its_record(
    signed_in: Client, sandbox_clock: FrozenClock, fake_api
) -> None:
    """The owner's record, not Scenario: the lead's monitor agrees with the owner's."""
    start(signed_in)
    sandbox_clock.advance(5)
    assert worker_reads() == 1
    lead = Client()
    lead.force_login(user_with_role("lena", "lead"))
    shown = page_url(MASCOT, "progress") + "?shown=training"
    owners = html_of(signed_in.get(shown, headers={"HX-Request": "true"}))
    requests = fake_api(lambda request: httpx.Response(429, headers={"Retry-After": "12"}))
    leads = lead.get(shown, headers={"HX-Request": "true"})
    assert (leads.status_code, requests) == (POLLING, [])
    assert progress_value(html_of(leads)) == progress_value(owners) > 0
    assert "Status read from Scenario" in monitor_text(html_of(leads))


def test_a_leads_cancel_asks_for_a_read_of_the_owners_training(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    sandbox_clock.advance(1)
    lead = Client()
    lead.force_login(user_with_role("lena", "lead"))
    response = lead.post(page_url(MASCOT, "cancel"), headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"
    # The first follow and the read the cancel asked for.
    assert worker_reads() == 2
    assert Training.objects.get().model_status == "training-canceled"


# --- rate limits ------------------------------------------------------------------------------


def test_the_train_page_and_its_monitor_read_no_status_from_scenario(
    signed_in: Client, sandbox_clock: FrozenClock, fake_api
) -> None:
    start(signed_in)
    sandbox_clock.advance(3)
    worker_reads()
    requests = fake_api(lambda request: httpx.Response(429, headers={"Retry-After": "12"}))
    assert signed_in.get(page_url(MASCOT)).status_code == 200
    progress = signed_in.get(page_url(MASCOT, "progress") + "?shown=training")
    assert progress.status_code == POLLING
    assert requests == []


def test_a_silent_worker_is_a_banner_in_the_monitor(
    signed_in: Client, sandbox_clock: FrozenClock
) -> None:
    start(signed_in)
    Heartbeat.objects.update(beat_at=timezone.now() - timedelta(minutes=5))
    monitor = html_of(signed_in.get(page_url(MASCOT))).by_id("training-monitor")
    assert monitor.one("div", id="worker-missing").text.startswith(
        "Statuses are not being updated. No background worker has reported for 300 s"
    )


# --- trainings are per user -------------------------------------------------------------------


@pytest.fixture
def someone_else(django_user_model: Any) -> Client:
    other = Client()
    other.force_login(user_with_role("other", "member"))
    return other


def test_another_user_cannot_see_cancel_or_start_a_users_training(
    signed_in: Client, someone_else: Client, sandbox_clock: FrozenClock
) -> None:
    form = form_data(html_of(signed_in.get(page_url(MASCOT))))
    start(signed_in)
    for method, action in [
        ("get", ""),
        ("get", "progress"),
        ("post", "form"),
        ("post", "review"),
        ("post", "start"),
        ("post", "cancel"),
    ]:
        response = getattr(someone_else, method)(page_url(MASCOT, action), form)
        assert response.status_code == 404, action
    assert SandboxModel.objects.get(pk=MASCOT).status == "training"
    assert SandboxTraining.objects.count() == 1
    assert signed_in.get(page_url(MASCOT, "progress")).status_code == POLLING


def test_the_model_page_offers_training_only_to_its_trainer(
    signed_in: Client, user: Any, someone_else: Client
) -> None:
    def train_links(client: Client) -> list[str]:
        root = html_of(client.get(f"/models/{MASCOT}/"))
        return [link.text for link in root.find_all("a") if link.text == "Train this model"]

    assert train_links(someone_else) == ["Train this model"]
    Training.objects.create(user=user, model_id=MASCOT)
    assert train_links(signed_in) == ["Train this model"]
    assert train_links(someone_else) == []


def test_a_number_of_hundreds_of_digits_is_a_field_problem_in_the_train_form(
    signed_in: Client,
) -> None:
    data = {**form_data(html_of(signed_in.get(page_url(MASCOT)))), "rank": "9" * 400}
    live = signed_in.post(
        page_url(MASCOT, "form"), {**data, "__shown": "rank"}, headers={"HX-Request": "true"}
    )
    assert live.status_code == 200
    assert json.loads(live["HX-Trigger"])["scenario:form-state"]["invalid"] == ["rank"]
    reviewed = signed_in.post(page_url(MASCOT, "review"), data)
    assert reviewed.status_code == 422
    assert error_text(html_of(reviewed), "rank") == "Must be a finite number within ±1.8e308."
    started = signed_in.post(page_url(MASCOT, "start"), {**data, "__reviewed": "x"})
    assert started.status_code == 422
    assert SandboxTraining.objects.count() == 0
