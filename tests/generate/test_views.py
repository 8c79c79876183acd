"""The model page's form through the whole stack: views, templates, the SDK and the sandbox."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from scenario_ui.generate.models import Generation
from scenario_ui.sandbox.catalog import DEMO_CATALOG_DIR as DEMO_CATALOG
from scenario_ui.sandbox.lifecycle import FAILURE_ERROR, FAILURE_HINT
from scenario_ui.sandbox.models import SandboxAsset, SandboxJob
from scenario_ui.web.attempts import new_token
from scenario_ui.worker.heartbeat import beat
from tests.conftest import user_with_role
from tests.forms.html import Element, error_text, parse_html, wrapper
from tests.generate.support import MovableClock
from tests.worker.support import enqueued, run_enqueued

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

LUMEN = "model_demo-lumen-xl"
QUILL = "model_demo-quill-llm"
ATELIER = "model_demo-atelier-3d"
HTMX = {"HX-Request": "true"}


def page_url(model_id: str) -> str:
    return f"/models/{model_id}/"


def live_url(model_id: str) -> str:
    return f"/models/{model_id}/form/"


def submit_url(model_id: str) -> str:
    return f"/models/{model_id}/generate/"


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def form_state(response: Any) -> dict[str, list[str]]:
    trigger = json.loads(response["HX-Trigger"])
    assert list(trigger) == ["scenario:form-state"]
    state: dict[str, list[str]] = trigger["scenario:form-state"]
    return state


def live(client: Client, model_id: str, data: dict[str, Any], **headers: str) -> Any:
    return client.post(live_url(model_id), data, headers={**HTMX, **headers})


# --- the model page -------------------------------------------------------------------------


def test_the_model_page_shows_the_form(signed_in: Client) -> None:
    response = signed_in.get(page_url(LUMEN))
    assert response.status_code == 200
    root = html_of(response)
    form = root.one("form", id="model-form")
    assert (form.get("action"), form.get("hx-post")) == (submit_url(LUMEN), live_url(LUMEN))
    assert form.one("input", name="csrfmiddlewaretoken").get("value")
    assert wrapper(form, "prompt").get("data-required") == "true"
    assert root.one("textarea", name="prompt").get("id") == "in-prompt"
    assert len(root.find_all(data_component="loras")) == 1
    assert len(root.find_all(data_component="resolution")) == 1
    assert [group.get("data-group") for group in root.find_all("fieldset", data_group=True)] == [
        "Reference Image",
        "ControlNet",
        "Settings",
    ]
    # The request preview sits beside the form, without out-of-band markers.
    preview = root.by_id("request-preview")
    assert preview.has("hx-swap-oob") is False
    body = json.loads(preview.by_id("preview-body").text)
    assert list(body.items()) == [
        ("strength", 0.75),
        ("controlModality", "canny"),
        ("controlStrength", 0.7),
        ("numOutputs", 1),
        ("numInferenceSteps", 28),
        ("guidance", 3.5),
    ]
    # The first render shows no message.
    assert root.find_all(id="error-summary") == []
    assert [e.text for e in root.find_all(data_error_for=True) if e.text] == []


def test_snippets_point_at_the_sandbox_and_name_no_secret(signed_in: Client) -> None:
    body = signed_in.get(page_url(LUMEN)).content.decode()
    root = parse_html(body)
    curl = root.by_id("preview-curl").text
    assert f"http://testserver/sandbox/v1/generate/custom/{LUMEN}" in curl
    assert '-u "$SCENARIO_SDK_API_KEY:$SCENARIO_SDK_API_SECRET"' in curl
    python = root.by_id("preview-python").text
    assert "client = Scenario(base_url='http://testserver/sandbox/v1')" in python
    assert "sandbox-key" not in body
    assert "sandbox-secret" not in body


def test_the_page_needs_a_signed_in_user(client: Client) -> None:
    response = client.get(page_url(LUMEN))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


# --- live re-validation ---------------------------------------------------------------------


def test_a_live_update_answers_with_out_of_band_swaps_only(signed_in: Client) -> None:
    response = live(
        signed_in,
        LUMEN,
        {"prompt": "a lighthouse", "numOutputs": "9", "__shown": "guidance"},
        **{"HX-Trigger-Name": "numOutputs"},
    )
    assert response.status_code == 200
    root = html_of(response)
    top = [child for child in root.children if isinstance(child, Element)]
    assert [element.get("id") for element in top] == [
        "in-numOutputs-error",
        "in-guidance-error",
        "form-shown",
        "form-announcer",
        "request-preview",
    ]
    assert all(element.has("hx-swap-oob") for element in top)
    assert error_text(root, "numOutputs") == "Must be at most 4."
    assert error_text(root, "guidance") == ""
    assert root.by_id("form-shown").get("value") == "numOutputs"
    assert root.find_all("form") == []
    assert json.loads(root.by_id("preview-body").text)["prompt"] == "a lighthouse"
    assert form_state(response) == {"required": ["prompt"], "invalid": ["numOutputs"]}


def test_an_untouched_required_input_is_not_flagged_live(signed_in: Client) -> None:
    response = live(signed_in, LUMEN, {"prompt": "", "__shown": ""})
    assert form_state(response) == {"required": ["prompt"], "invalid": []}
    assert html_of(response).find_all(data_error_for=True) == []


def test_required_follows_if_defined(signed_in: Client) -> None:
    # lumen-xl: "image" is required when "mask" is defined.
    with_mask = live(signed_in, LUMEN, {"prompt": "p", "mask": "asset_mask"})
    assert form_state(with_mask)["required"] == ["prompt", "image"]
    without_mask = live(signed_in, LUMEN, {"prompt": "p", "mask": ""})
    assert form_state(without_mask)["required"] == ["prompt"]
    # Once shown, the rule's own message is re-sent.
    shown = live(signed_in, LUMEN, {"prompt": "p", "mask": "asset_mask", "__shown": "image"})
    assert error_text(html_of(shown), "image") == (
        "A reference image is required when a mask is provided."
    )
    assert form_state(shown)["invalid"] == ["image"]


def test_required_follows_if_not_defined(signed_in: Client) -> None:
    # atelier-3d: "prompt" or "image", each required while the other is missing.
    neither = live(signed_in, ATELIER, {})
    assert form_state(neither)["required"] == ["prompt", "image"]
    # Given an image, the prompt is optional (and the image, given, stays required).
    with_image = live(signed_in, ATELIER, {"image": "asset_1"})
    assert form_state(with_image)["required"] == ["image"]
    with_prompt = live(signed_in, ATELIER, {"prompt": "a chair"})
    assert form_state(with_prompt)["required"] == ["prompt"]


def test_required_marker_appears_and_disappears_on_the_page(signed_in: Client) -> None:
    first = html_of(signed_in.get(page_url(LUMEN)))
    assert wrapper(first, "image").has("data-required") is False
    with_mask = html_of(signed_in.post(submit_url(LUMEN), {"mask": "asset_mask"}))
    assert wrapper(with_mask, "image").get("data-required") == "true"
    assert with_mask.one("input", name="image").get("aria-required") == "true"
    without = html_of(signed_in.post(submit_url(LUMEN), {"mask": ""}))
    assert wrapper(without, "image").has("data-required") is False
    assert without.one("input", name="image").has("aria-required") is False


# --- reshaping ------------------------------------------------------------------------------


def test_an_add_action_answers_with_the_whole_form(signed_in: Client) -> None:
    response = live(signed_in, QUILL, {"context": ["first"], "__action": "add:context"})
    assert response.status_code == 200
    root = html_of(response)
    form = root.one("form", id="model-form")
    assert [item.get("value") for item in form.find_all("input", name="context")] == ["first", ""]
    assert root.by_id("request-preview").get("hx-swap-oob") == "true"
    assert form_state(response)["required"] == ["instruction"]


def test_remove_and_move_actions(signed_in: Client) -> None:
    data = {"context": ["a", "b", "c"]}
    removed = html_of(live(signed_in, QUILL, {**data, "__action": "remove:context:0"}))
    assert [i.get("value") for i in removed.find_all("input", name="context")] == ["b", "c"]
    moved = html_of(live(signed_in, QUILL, {**data, "__action": "up:context:2"}))
    assert [i.get("value") for i in moved.find_all("input", name="context")] == ["a", "c", "b"]


def test_lora_rows_move_with_their_scales(signed_in: Client) -> None:
    data = {
        "prompt": "p",
        "loras": ["model_demo-lora-inkwash", "model_demo-lora-neon-alley"],
        "lorasScale": ["0.5", "1.5"],
        "__action": "down:loras:0",
    }
    root = html_of(live(signed_in, LUMEN, data))
    panel = root.one(data_component="loras")
    assert [i.get("value") for i in panel.find_all("input", name="loras")] == [
        "model_demo-lora-neon-alley",
        "model_demo-lora-inkwash",
    ]
    assert [i.get("value") for i in panel.find_all("input", name="lorasScale")] == ["1.5", "0.5"]


def test_changing_the_resolution_answers_with_the_whole_form(signed_in: Client) -> None:
    response = live(
        signed_in,
        LUMEN,
        {"__resolution": "custom", "width": "1000", "height": "700"},
        **{"HX-Trigger-Name": "__resolution"},
    )
    root = html_of(response)
    panel = root.one("form", id="model-form").one(data_component="resolution")
    # Custom sizes snap to the step of 16.
    assert panel.one("input", name="width").get("value") == "992"
    assert panel.one("input", name="height").get("value") == "704"


def test_applying_a_preset_fills_its_fields(signed_in: Client) -> None:
    response = live(
        signed_in,
        ATELIER,
        {"mode": "advanced", "__preset_0": "Console game", "__apply_preset": "0"},
    )
    root = html_of(response)
    assert root.one("input", name="targetPolycount").get("value") == "40000"
    topology = root.one("select", name="topology").one("option", selected=True)
    assert topology.get("value") == "triangle"


def test_a_reshaping_button_without_javascript_re_renders_the_page(signed_in: Client) -> None:
    response = signed_in.post(
        submit_url(QUILL), {"context": ["x"], "instruction": "", "__action": "add:context"}
    )
    assert response.status_code == 200
    root = html_of(response)
    assert [i.get("value") for i in root.find_all("input", name="context")] == ["x", ""]
    assert root.find_all(id="error-summary") == []
    assert error_text(root, "instruction") == ""


# --- submitting -----------------------------------------------------------------------------


def test_a_submit_with_errors_is_422_with_a_summary_and_the_typed_values(signed_in: Client) -> None:
    data = {
        "prompt": "",
        "negativePrompt": "blurry <b>",
        "numOutputs": "12",
        "guidance": "lots",
        "mask": "asset_mask",
        "controlModality": "pose",
        "seed": "42",
        "__resolution": "custom",
        "width": "1024",
        "height": "768",
    }
    response = signed_in.post(submit_url(LUMEN), data)
    assert response.status_code == 422
    root = html_of(response)
    summary = root.by_id("error-summary")
    links = [(link.get("href"), link.text) for link in summary.find_all("a")]
    assert links == [
        ("#in-prompt", "Prompt: Is required."),
        ("#in-image", "Reference Image: A reference image is required when a mask is provided."),
        ("#in-numOutputs", "Image Count: Must be at most 4."),
        ("#in-guidance", "Guidance: Must be a number."),
    ]
    for href, _ in links:
        assert root.by_id((href or "#")[1:]).get("aria-invalid") == "true"
    assert root.one("textarea", name="negativePrompt").text == "blurry <b>"
    assert root.one("input", name="numOutputs").get("value") == "12"
    assert root.one("input", name="guidance").get("value") == "lots"
    assert root.one("input", name="mask").get("value") == "asset_mask"
    assert root.one("input", name="seed").get("value") == "42"
    assert (
        root.one("select", name="controlModality").one("option", selected=True).get("value")
        == "pose"
    )
    assert root.one("input", name="width").get("value") == "1024"
    assert root.one("input", name="height").get("value") == "768"
    assert root.by_id("form-shown").get("value") == "prompt image numOutputs guidance"


def test_a_valid_submit_is_not_sent_back_with_a_summary(signed_in: Client) -> None:
    response = signed_in.post(submit_url(LUMEN), {"prompt": "a lighthouse at dawn"})
    # A valid form starts a generation and leaves for its job page.
    assert response.status_code == 302
    assert response["Location"].startswith("/jobs/")
    assert b"error-summary" not in response.content


def test_live_and_submit_only_accept_post(signed_in: Client) -> None:
    assert signed_in.get(live_url(LUMEN)).status_code == 405
    assert signed_in.get(submit_url(LUMEN)).status_code == 405


# --- API failures ---------------------------------------------------------------------------


def unavailable(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"reason": "maintenance"})


def test_an_api_failure_on_the_model_page_is_a_readable_page(signed_in: Client, fake_api) -> None:
    fake_api(unavailable)
    response = signed_in.get(page_url(LUMEN))
    assert response.status_code == 502
    root = html_of(response)
    alert = root.one(role="alert")
    assert alert.one("h2").text == "Scenario had an internal error"
    assert "Scenario failed with HTTP 503: maintenance." in alert.text
    assert len(root.find_all("html")) == 1


def test_an_api_failure_on_submit_is_a_readable_page(signed_in: Client, fake_api) -> None:
    fake_api(unavailable)
    response = signed_in.post(submit_url(LUMEN), {"prompt": "x"})
    assert response.status_code == 502
    assert "Scenario failed with HTTP 503: maintenance." in html_of(response).one(role="alert").text


def test_an_api_failure_on_a_live_update_is_a_fragment(signed_in: Client, fake_api) -> None:
    fake_api(unavailable)
    response = live(signed_in, LUMEN, {"prompt": "x"})
    assert response.status_code == 502
    body = response.content.decode()
    assert "<html" not in body
    assert "Scenario failed with HTTP 503: maintenance." in html_of(response).one(role="alert").text


def test_the_real_api_page_shows_no_credentials(signed_in: Client, fake_api) -> None:
    record = json.loads((DEMO_CATALOG / f"{LUMEN}.json").read_text(encoding="utf-8"))
    requests = fake_api(lambda request: httpx.Response(200, json=record))
    with override_settings(
        SCENARIO_SANDBOX=False,
        SCENARIO_BASE_URL="",
        SCENARIO_SDK_API_KEY="sk-key-that-must-not-show",
        SCENARIO_SDK_API_SECRET="sk-secret-that-must-not-show",
    ):
        response = signed_in.get(page_url(LUMEN))
    assert response.status_code == 200
    assert [request.url.path for request in requests] == [f"/v1/models/{LUMEN}"]
    body = response.content.decode()
    assert "must-not-show" not in body
    root = parse_html(body)
    curl = root.by_id("preview-curl").text
    assert f"https://api.cloud.scenario.com/v1/generate/custom/{LUMEN}" in curl
    assert "client = Scenario()" in root.by_id("preview-python").text


def test_an_unknown_model_is_a_readable_404(signed_in: Client) -> None:
    response = signed_in.post(submit_url("model_missing"), {"prompt": "x"})
    assert response.status_code == 404
    assert html_of(response).one(role="alert").one("h2").text == "Not found on Scenario"


# --- jobs -----------------------------------------------------------------------------------


def job_url(generation: Generation) -> str:
    return f"/jobs/{generation.pk}/"


def poll(client: Client, generation: Generation, etag: str = "") -> Any:
    headers = {**HTMX, **({"If-None-Match": etag} if etag else {})}
    return client.get(f"{job_url(generation)}poll/", headers=headers)


def worker_reads() -> int:
    """What a worker does next: run the follow tasks that are due (see tests/worker)."""
    return run_enqueued("follow_generation")


def submitted_job(client: Client, data: dict[str, str]) -> Generation:
    response = client.post(submit_url(LUMEN), {**data, "__token": new_token()})
    assert response.status_code == 302, response.content.decode()
    generation = Generation.objects.get(pk=int(response["Location"].split("/")[2]))
    assert response["Location"] == job_url(generation)
    return generation


def status_section(response: Any) -> Element:
    return html_of(response).by_id("job-status")


def status_text(section: Element) -> str:
    return section.one("span", class_="status").text


@pytest.fixture
def stranger(db: None) -> Client:
    other = user_with_role("stranger", "member")
    stranger = Client()
    stranger.force_login(other)
    return stranger


def test_submit_then_poll_to_success(signed_in: Client, sandbox_clock: MovableClock) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse", "numOutputs": "2"})
    assert [task.args for task in enqueued("follow_generation")] == [[generation.pk, 1.0]]
    page = signed_in.get(job_url(generation))
    assert page.status_code == 200
    root = html_of(page)
    assert root.one("h1").text == "Lumen XL"
    assert root.one("title").text.startswith("Lumen XL: Queued")
    section = root.by_id("job-status")
    assert status_text(section) == "Queued"
    assert section.get("hx-get") == f"/jobs/{generation.pk}/poll/"
    assert section.one("progress").get("value") == "0"

    sandbox_clock.advance(5)
    # The page reads our record: nothing moves until the worker has read the job.
    assert status_text(status_section(poll(signed_in, generation))) == "Queued"
    assert worker_reads() == 1
    running = poll(signed_in, generation)
    assert running.status_code == 200
    assert "<html" not in running.content.decode()
    section = status_section(running)
    assert status_text(section) == "In progress"
    assert section.one("progress").get("value") == "38"
    assert section.get("hx-get") == f"/jobs/{generation.pk}/poll/"
    assert section.one("time", data_age="").text == "0 s ago"
    # Nothing changed since: 304, with nothing to render.
    unchanged = poll(signed_in, generation, running["ETag"])
    assert (unchanged.status_code, unchanged.content) == (304, b"")

    sandbox_clock.advance(5)
    assert worker_reads() == 1
    done = poll(signed_in, generation, running["ETag"])
    assert done.status_code == 286
    section = status_section(done)
    assert status_text(section) == "Succeeded"
    assert section.has("hx-get") is False
    assert section.find_all("progress") == []
    assert enqueued("follow_generation") == []
    asset_ids = list(
        SandboxAsset.objects.filter(job_id=generation.job_id)
        .order_by("output_index")
        .values_list("id", flat=True)
    )
    sources = [img.get("src") for img in section.find_all("img")]
    assert sources == [f"/sandbox/v1/assets/{asset_id}/content" for asset_id in asset_ids]
    assert len(sources) == 2
    # The page's image addresses are served by this same Django.
    image = signed_in.get(sources[0] or "")
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    assert b"".join(image).startswith(b"\x89PNG")


def test_the_job_page_shows_a_failure_with_its_hint(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    generation = submitted_job(signed_in, {"prompt": "make it fail"})
    sandbox_clock.advance(6)
    worker_reads()
    section = status_section(signed_in.get(job_url(generation)))
    assert status_text(section) == "Failed"
    alert = section.one("div", class_="alert--error")
    assert [paragraph.text for paragraph in alert.find_all("p")] == [
        f"The job failed. {FAILURE_ERROR}",
        FAILURE_HINT,
    ]
    assert poll(signed_in, generation).status_code == 286


def test_pages_and_polls_never_call_scenario(signed_in: Client, fake_api) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse"})
    requests = fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    for url in (job_url(generation), f"{job_url(generation)}poll/", "/jobs/"):
        assert signed_in.get(url, headers=HTMX).status_code == 200
    assert requests == []


def test_cancel_from_the_job_page(signed_in: Client, sandbox_clock: MovableClock) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse"})
    sandbox_clock.advance(5)
    assert signed_in.get(f"{job_url(generation)}cancel/").status_code == 405
    response = signed_in.post(f"{job_url(generation)}cancel/", follow=True)
    # Without htmx, the cancel redirects to the job page (no POST to repeat on reload).
    assert response.redirect_chain == [(job_url(generation), 302)]
    section = status_section(response)
    assert status_text(section) == "Canceled"
    assert section.has("hx-get") is False
    assert section.find_all("form", action=f"/jobs/{generation.pk}/cancel/") == []
    assert SandboxJob.objects.get().canceled_at == sandbox_clock.moment
    generation.refresh_from_db()
    assert generation.status == "canceled"


def test_look_up_a_lost_submission_from_the_job_page(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse"})
    job_id = generation.job_id
    Generation.objects.filter(pk=generation.pk).update(job_id="", status="unknown")
    unknown = status_section(signed_in.get(job_url(generation)))
    assert status_text(unknown) == "Submission status unknown"
    assert unknown.has("hx-get") is False
    sandbox_clock.advance(5)
    response = signed_in.post(f"{job_url(generation)}look-up/", follow=True)
    assert response.redirect_chain == [(f"{job_url(generation)}?looked_up=1", 302)]
    section = status_section(response)
    assert status_text(section) == "In progress"
    assert section.get("hx-get") == f"/jobs/{generation.pk}/poll/"
    generation.refresh_from_db()
    assert generation.job_id == job_id
    # Followed from then on, like any submission.
    assert [task.args for task in enqueued("follow_generation")][-1] == [generation.pk, 1.0]
    assert (
        f"job {job_id}"
        in html_of(response).one("div", class_="page-head").one("p", class_="hint").text
    )


def test_a_look_up_that_finds_nothing_says_so(signed_in: Client, user: User) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, request_body={"prompt": "never sent"}, status="unknown"
    )
    section = status_section(signed_in.post(f"{job_url(generation)}look-up/", follow=True))
    assert status_text(section) == "Submission status unknown"
    paragraphs = section.one("div", class_="alert--error").find_all("p")
    assert paragraphs[-1].text == (
        "No job with this exact request was found yet. If none appears, edit and resubmit."
    )


def test_cancel_with_htmx_answers_the_status_section(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse"})
    sandbox_clock.advance(5)
    response = signed_in.post(f"{job_url(generation)}cancel/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert status_text(status_section(response)) == "Canceled"
    assert "<html" not in response.content.decode()


def test_edit_and_resubmit_fills_the_form_with_the_earlier_request(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    generation = submitted_job(
        signed_in, {"prompt": "a lighthouse at dusk", "numOutputs": "3", "seed": "7"}
    )
    section = status_section(signed_in.get(job_url(generation)))
    link = section.one("a", where=lambda element: element.text == "Edit and resubmit")
    assert link.get("href") == f"/models/{LUMEN}/?from_job={generation.pk}"
    root = html_of(signed_in.get(link.get("href") or ""))
    assert root.one("textarea", name="prompt").text == "a lighthouse at dusk"
    assert root.one("input", name="numOutputs").get("value") == "3"
    assert root.one("input", name="seed").get("value") == "7"
    assert root.one("p", class_="alert--info").text == (
        "Filled with an earlier job's request: edit it and generate again."
    )
    # A new attempt: a token of its own.
    assert root.one("input", name="__token").get("value") != str(generation.token)


def test_my_jobs_lists_and_polls_while_one_runs(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    first = submitted_job(signed_in, {"prompt": "a lighthouse"})
    sandbox_clock.advance(1)
    second = submitted_job(signed_in, {"prompt": "make it fail"})
    sandbox_clock.advance(5)
    assert worker_reads() == 2
    page = signed_in.get("/jobs/")
    assert page.status_code == 200
    assert html_of(page).by_id("jobs-live").get("hx-get") == "/jobs/"
    table = html_of(page).by_id("jobs-table")
    rows = table.one("tbody").find_all("tr")
    # After the thumbnail: the job (model, prompt), status, progress, cost.
    assert [[cell.text for cell in row.find_all("td")][1:5] for row in rows] == [
        ["Lumen XLmake it fail", "In progress", "38%", "8 CU"],
        ["Lumen XLa lighthouse", "In progress", "54%", "8 CU"],
    ]
    assert [row.one("a").get("href") for row in rows] == [job_url(second), job_url(first)]

    etag = signed_in.get("/jobs/", headers=HTMX)["ETag"]
    assert signed_in.get("/jobs/", headers={**HTMX, "If-None-Match": etag}).status_code == 304
    sandbox_clock.advance(10)
    assert worker_reads() == 2
    polled = signed_in.get("/jobs/", headers=HTMX)
    assert polled.status_code == 286
    assert html_of(polled).by_id("jobs-live").has("hx-get") is False
    table = html_of(polled).by_id("jobs-table")
    rows = table.one("tbody").find_all("tr")
    assert [[cell.text for cell in row.find_all("td")][1:5] for row in rows] == [
        ["Lumen XLmake it fail", "FailedCharged 6.25 CU", "—", "6.25 CU"],
        ["Lumen XLa lighthouse", "Succeeded", "Done", "8 CU"],
    ]
    thumbnail = rows[1].find_all("td")[0].one("img")
    assert (thumbnail.get("src") or "").startswith("/sandbox/v1/assets/asset_")


def test_my_jobs_while_running_answers_htmx_with_200(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    submitted_job(signed_in, {"prompt": "a lighthouse"})
    polled = signed_in.get("/jobs/", headers=HTMX)
    assert polled.status_code == 200
    assert "<html" not in polled.content.decode()


def test_my_jobs_shows_only_mine(signed_in: Client, stranger: Client, user: User) -> None:
    Generation.objects.create(user=user, model_id=LUMEN, model_name="Lumen XL", status="success")
    assert html_of(stranger.get("/jobs/")).by_id("jobs-table").one("h2").text == "No jobs yet"
    assert stranger.get("/jobs/", headers=HTMX).status_code == 286
    rows = html_of(signed_in.get("/jobs/")).by_id("jobs-table").one("tbody").find_all("tr")
    assert len(rows) == 1


def test_another_users_job_is_not_found(signed_in: Client, stranger: Client, user: User) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, request_body={"prompt": "mine"}, status="unknown"
    )
    assert stranger.get(job_url(generation)).status_code == 404
    assert poll(stranger, generation, "1.0").status_code == 404
    assert stranger.post(f"{job_url(generation)}cancel/").status_code == 404
    assert stranger.post(f"{job_url(generation)}look-up/").status_code == 404
    # Nor can its request be borrowed to fill a form.
    root = html_of(stranger.get(f"{page_url(LUMEN)}?from_job={generation.pk}"))
    assert root.one("textarea", name="prompt").text == ""
    assert root.find_all("p", class_="alert--info") == []
    assert signed_in.get(job_url(generation)).status_code == 200


def test_job_pages_need_a_signed_in_user(client: Client, user: User) -> None:
    generation = Generation.objects.create(user=user, model_id=LUMEN)
    for url in ("/jobs/", job_url(generation), f"{job_url(generation)}poll/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_my_jobs_lists_my_trainings(signed_in: Client, user: User) -> None:
    from scenario_ui.training.models import Training

    Training.objects.create(
        user=user,
        model_id="model_demo-my-mascot-flux",
        model_name="Mascot (Flux LoRA)",
        model_type="flux.1-lora",
        outcome="started",
        creative_units=52,
    )
    body = signed_in.get("/jobs/").content.decode()
    assert 'href="/models/model_demo-my-mascot-flux/train/">Mascot (Flux LoRA)</a>' in body
    assert "52 CU" in body
    assert '<span class="status status--started">Started</span>' in body


def test_a_live_update_leaves_out_a_preview_that_did_not_change(signed_in: Client) -> None:
    data = {"prompt": "a lighthouse", "numOutputs": "2", "__shown": ""}
    first = html_of(live(signed_in, LUMEN, data))
    digest = first.by_id("request-preview").one("input", name="__preview").get("value") or ""

    same = html_of(live(signed_in, LUMEN, {**data, "__preview": digest}))
    moved = html_of(live(signed_in, LUMEN, {**data, "__preview": digest, "prompt": "a tower"}))

    assert same.find_all(id="request-preview") == []
    assert [e.get("id") for e in same.children if isinstance(e, Element)] == [
        "form-shown",
        "form-announcer",
    ]
    assert json.loads(moved.by_id("preview-body").text)["prompt"] == "a tower"


def test_a_live_update_reads_its_session_from_the_cache(
    signed_in: Client, django_assert_num_queries: Any
) -> None:
    live(signed_in, LUMEN, {"prompt": "a"})
    # One query: the signed-in user. The session and the definition come from caches.
    with django_assert_num_queries(1):
        live(signed_in, LUMEN, {"prompt": "ab"})


# --- refusals and rate limits ---------------------------------------------------------------


def rate_limiting(seconds: str) -> Any:
    return lambda request: httpx.Response(
        429, headers={"Retry-After": seconds}, json={"reason": "Too many requests"}
    )


def test_cancel_without_javascript_shows_the_refusal_on_the_job_page(
    signed_in: Client, sandbox_clock: MovableClock
) -> None:
    generation = submitted_job(signed_in, {"prompt": "a lighthouse"})
    sandbox_clock.advance(60)  # The job has finished: the sandbox refuses to cancel it.
    beat()  # A worker runs (it has not read the job yet).
    response = signed_in.post(f"{job_url(generation)}cancel/", follow=True)
    assert response.redirect_chain == [(job_url(generation), 302)]
    assert [alert.text for alert in html_of(response).find_all("div", role="alert")] == [
        f"The job was not canceled. Job {generation.job_id} cannot be canceled: it is success"
    ]


def test_a_look_up_that_fails_says_so_instead_of_finding_nothing(
    signed_in: Client, user: User, fake_api
) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, request_body={"prompt": "p"}, status="unknown"
    )
    fake_api(rate_limiting("9"))
    response = signed_in.post(f"{job_url(generation)}look-up/", follow=True)
    assert response.redirect_chain == [(job_url(generation), 302)]
    root = html_of(response)
    assert root.one("div", role="alert").text == (
        "The look-up did not finish. Scenario is rate-limiting us: try again in 9 s "
        "(Too many requests)."
    )
    assert "No job with this exact request was found" not in root.text


def test_an_unknown_submission_offers_no_resubmit_before_a_look_up(
    signed_in: Client, user: User
) -> None:
    generation = Generation.objects.create(
        user=user, model_id=LUMEN, request_body={"prompt": "p"}, status="unknown"
    )
    section = status_section(signed_in.get(job_url(generation)))
    assert [link.text for link in section.find_all("a") if "resubmit" in link.text] == []


def test_a_rate_limited_page_says_so_and_reloads_itself_then(signed_in: Client, fake_api) -> None:
    fake_api(rate_limiting("4"))
    response = signed_in.get(page_url(LUMEN))
    assert response.status_code == 429
    root = html_of(response)
    assert root.one("div", role="alert").find_all("p")[0].text == (
        "Scenario is rate-limiting us, retrying in 4 s (Too many requests)."
    )
    assert root.one("meta", http_equiv="refresh").get("content") == "4"


def test_a_rate_limited_fragment_says_when_to_try_again(signed_in: Client, fake_api) -> None:
    fake_api(rate_limiting("4"))
    response = live(signed_in, LUMEN, {"prompt": "p"})
    assert response.status_code == 429
    assert html_of(response).find_all("p")[0].text == (
        "Scenario is rate-limiting us: try again in 4 s (Too many requests)."
    )
    assert "<meta" not in response.content.decode()


# --- numbers no client can hold -------------------------------------------------------------

HUGE = "9" * 400


def test_a_number_of_hundreds_of_digits_is_a_field_problem_in_every_form_view(
    signed_in: Client,
) -> None:
    data = {"prompt": "a lighthouse", "seed": HUGE}
    live_answer = live(signed_in, LUMEN, data, **{"HX-Trigger-Name": "seed"})
    assert live_answer.status_code == 200
    assert form_state(live_answer)["invalid"] == ["seed"]
    estimate = signed_in.post(f"/models/{LUMEN}/estimate/", data)
    assert estimate.status_code == 200
    submitted = signed_in.post(submit_url(LUMEN), {**data, "__token": new_token()})
    assert submitted.status_code == 422
    assert error_text(html_of(submitted), "seed") == "Must be a finite number within ±1.8e308."
    assert Generation.objects.count() == 0


def test_nan_in_a_json_input_is_a_field_problem_not_a_stored_body(
    signed_in: Client, fake_api
) -> None:
    model = {"id": "model_json", "inputs": [{"name": "pose", "type": "vector3"}]}
    fake_api(lambda request: httpx.Response(200, json={"model": model}))
    for text in ("NaN", '{"x": Infinity}', "1e400"):
        response = signed_in.post(
            "/models/model_json/generate/", {"pose": text, "__token": new_token()}
        )
        assert response.status_code == 422, text
    assert Generation.objects.count() == 0


def test_a_definition_with_a_default_past_any_number_still_renders(
    signed_in: Client, fake_api
) -> None:
    model = {
        "id": "model_huge",
        "inputs": [
            {"name": "seed", "type": "number", "default": 10**400},
            {"name": "seed", "type": "string"},
        ],
    }
    fake_api(lambda request: httpx.Response(200, text=json.dumps({"model": model})))
    response = signed_in.get("/models/model_huge/")
    assert response.status_code == 200
    problems = [item.text for item in html_of(response).find_all("li", class_="problem")]
    assert problems == [
        'error /inputs/0/default: "default" holds a number of 401 digits, not a finite number '
        "within ±1.8e308",
        'error /inputs/1/name: duplicate input name "seed"; first defined at /inputs/0; this '
        "one is left out of the form",
    ]
