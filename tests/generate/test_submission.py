"""Submitting a generation: validate, upload, record the attempt, send it exactly once."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from scenario_ui.generate.models import Generation
from scenario_ui.generate.submission import submit
from scenario_ui.sandbox.models import SandboxAsset, SandboxJob, SandboxUpload
from scenario_ui.scenario.errors import ScenarioBadRequest, ScenarioServerError, SubmissionUnknown
from scenario_ui.scenario.uploads import upload_file
from scenario_ui.web.attempts import TOKEN, new_token
from tests.conftest import retries_requested
from tests.forms.html import Element, error_text, parse_html
from tests.forms.test_durations import wav_of
from tests.generate.support import (
    CADENCE,
    LUMEN,
    QUILL,
    api_calls,
    demo_definition,
    followed,
    png_bytes,
    serving_models,
    shown_again,
)

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

BASE_URL = "http://testserver/sandbox/v1"
GENERATE_PATH = f"/v1/generate/custom/{LUMEN}"
SIX_MB = 6 * 1024 * 1024


def submit_url(model_id: str) -> str:
    return f"/models/{model_id}/generate/"


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def summary_links(root: Element) -> list[str]:
    return [link.text for link in root.by_id("error-summary").find_all("a")]


def accepted(request: httpx.Request) -> httpx.Response:
    """A real API's answer to a submission (its dry run is not asked for here)."""
    return httpx.Response(
        200, json={"job": {"jobId": "job_fake", "status": "queued"}, "creativeUnitsCost": 16}
    )


# --- a valid submit -------------------------------------------------------------------------


def test_a_valid_submit_records_one_generation_with_the_exact_body_and_job(
    signed_in: Client, user: User
) -> None:
    token = new_token()
    response = signed_in.post(
        submit_url(LUMEN),
        {"prompt": "a lighthouse at dawn", "numOutputs": "2", "seed": "42", TOKEN: token},
    )
    generation = Generation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{generation.pk}/"
    job = SandboxJob.objects.get()
    assert generation.user == user
    assert str(generation.token) == token
    assert (generation.model_id, generation.model_name) == (LUMEN, "Lumen XL")
    assert generation.request_body == {
        "prompt": "a lighthouse at dawn",
        "numOutputs": 2,
        "seed": 42,
    }
    assert job.input == generation.request_body
    assert job.model_id == LUMEN
    assert (generation.job_id, generation.status) == (job.id, "queued")
    assert generation.creative_units == 16.0
    assert generation.error == ""


def test_submit_sends_the_body_once_and_never_retries(user: User, fake_api) -> None:
    requests = fake_api(accepted)
    result = submit(
        user,
        demo_definition(LUMEN),
        {"prompt": ["a lighthouse"], "numOutputs": ["2"], TOKEN: [new_token()]},
        {},
        base_url=BASE_URL,
    )
    followed(result)
    assert api_calls(requests) == [("POST", GENERATE_PATH)]
    assert json.loads(requests[0].content) == {"prompt": "a lighthouse", "numOutputs": 2}
    assert "dryRun" not in requests[0].url.params
    assert retries_requested == [0]
    generation = Generation.objects.get()
    assert (generation.job_id, generation.status, generation.creative_units) == (
        "job_fake",
        "queued",
        16.0,
    )


def test_the_same_token_twice_is_one_generation_and_one_job(signed_in: Client) -> None:
    data = {"prompt": "a lighthouse", TOKEN: new_token()}
    first = signed_in.post(submit_url(LUMEN), data)
    second = signed_in.post(submit_url(LUMEN), data)
    generation = Generation.objects.get()
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == f"/jobs/{generation.pk}/"
    assert SandboxJob.objects.count() == 1


def test_the_same_token_twice_sends_one_request(user: User, fake_api) -> None:
    requests = fake_api(accepted)
    data = {"prompt": ["a lighthouse"], TOKEN: [new_token()]}
    first = submit(user, demo_definition(LUMEN), data, {}, base_url=BASE_URL)
    second = submit(user, demo_definition(LUMEN), data, {}, base_url=BASE_URL)
    assert followed(second) == followed(first)
    assert api_calls(requests) == [("POST", GENERATE_PATH)]
    assert Generation.objects.count() == 1


def test_without_a_usable_token_each_submit_gets_its_own(user: User, fake_api) -> None:
    requests = fake_api(accepted)
    first = submit(user, demo_definition(LUMEN), {"prompt": ["a"]}, {}, base_url=BASE_URL)
    garbled = {"prompt": ["b"], TOKEN: ["not-a-uuid"]}
    second = submit(user, demo_definition(LUMEN), garbled, {}, base_url=BASE_URL)
    assert followed(first).token != followed(second).token
    assert api_calls(requests) == [("POST", GENERATE_PATH), ("POST", GENERATE_PATH)]


# --- an invalid form ------------------------------------------------------------------------


def test_an_invalid_form_records_nothing_and_comes_back_with_its_values(
    signed_in: Client,
) -> None:
    token = new_token()
    response = signed_in.post(
        submit_url(LUMEN),
        {"prompt": "", "negativePrompt": "blurry", "numOutputs": "9", TOKEN: token},
    )
    assert response.status_code == 422
    assert Generation.objects.count() == 0
    assert SandboxJob.objects.count() == 0
    root = html_of(response)
    assert summary_links(root) == ["Prompt: Is required.", "Image Count: Must be at most 4."]
    assert root.one("textarea", name="negativePrompt").text == "blurry"
    assert root.one("input", name="numOutputs").get("value") == "9"
    # Nothing was sent, so the same token stays: fixing the form submits this attempt.
    assert root.one("input", name=TOKEN).get("value") == token


def test_an_invalid_form_sends_nothing(user: User, fake_api) -> None:
    requests = fake_api(accepted)
    token = new_token()
    result = submit(
        user, demo_definition(LUMEN), {"prompt": [""], TOKEN: [token]}, {}, base_url=BASE_URL
    )
    shown = shown_again(result)
    assert shown.error is None
    assert shown.token == token
    assert shown.form.state.is_valid is False
    assert requests == []


def test_a_reshaping_button_submits_nothing(user: User, fake_api) -> None:
    requests = fake_api(accepted)
    data = {"instruction": ["hi"], "context": ["a"], "__action": ["add:context"]}
    result = submit(user, demo_definition(QUILL), data, {}, base_url=BASE_URL)
    shown_again(result)
    assert requests == []
    assert Generation.objects.count() == 0


# --- the API refuses ------------------------------------------------------------------------


def refusing(request: httpx.Request) -> httpx.Response:
    return httpx.Response(400, json={"reason": "Input lorasScale must be at most 2"})


def test_a_refused_submit_leaves_no_generation_keeps_the_error_and_gives_a_fresh_token(
    signed_in: Client, fake_api
) -> None:
    requests = fake_api(serving_models(refusing))
    token = new_token()
    response = signed_in.post(
        submit_url(LUMEN), {"prompt": "a lighthouse", "negativePrompt": "fog", TOKEN: token}
    )
    assert response.status_code == 422
    assert api_calls(requests) == [("POST", GENERATE_PATH)]
    assert Generation.objects.count() == 0
    root = html_of(response)
    alert = root.by_id("submit-error")
    assert alert.one("h2").text == "Scenario rejected the request"
    assert [paragraph.text for paragraph in alert.find_all("p")] == [
        "Input lorasScale must be at most 2",
        "Nothing was charged. Your values are kept below.",
    ]
    assert root.one("textarea", name="prompt").text == "a lighthouse"
    assert root.one("textarea", name="negativePrompt").text == "fog"
    fresh = root.one("input", name=TOKEN).get("value") or ""
    assert fresh != token
    assert str(uuid.UUID(fresh)) == fresh


def test_a_refused_submit_returns_the_error_to_the_caller(user: User, fake_api) -> None:
    fake_api(refusing)
    token = new_token()
    result = submit(
        user, demo_definition(LUMEN), {"prompt": ["p"], TOKEN: [token]}, {}, base_url=BASE_URL
    )
    shown = shown_again(result)
    assert isinstance(shown.error, ScenarioBadRequest)
    assert shown.error.message == "Input lorasScale must be at most 2"
    assert shown.token not in ("", token)
    assert Generation.objects.count() == 0


# --- the answer is lost ---------------------------------------------------------------------


def test_a_timeout_on_submit_is_unknown_after_exactly_one_request(
    signed_in: Client, fake_api
) -> None:
    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    requests = fake_api(serving_models(time_out))
    response = signed_in.post(submit_url(LUMEN), {"prompt": "a lighthouse", TOKEN: new_token()})
    generation = Generation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{generation.pk}/"
    assert api_calls(requests) == [("POST", GENERATE_PATH)]
    # Nothing is retried in a request: neither the model read nor the submission.
    assert retries_requested == [0, 0]
    assert generation.status == Generation.Status.UNKNOWN
    assert generation.job_id == ""
    assert generation.request_body == {"prompt": "a lighthouse"}
    assert (
        generation.error
        == SubmissionUnknown(
            "The request was sent, but no answer came in time, so Scenario may or may not "
            "have started it. It was not sent again: look the job up before trying again."
        ).message
    )
    assert generation.is_running is False


def test_posting_the_lost_submission_again_sends_nothing_more(user: User, fake_api) -> None:
    def drop(request: httpx.Request) -> httpx.Response:
        raise httpx.RemoteProtocolError("connection dropped", request=request)

    requests = fake_api(drop)
    data = {"prompt": ["a lighthouse"], TOKEN: [new_token()]}
    first = submit(user, demo_definition(LUMEN), data, {}, base_url=BASE_URL)
    again = submit(user, demo_definition(LUMEN), data, {}, base_url=BASE_URL)
    assert followed(again) == followed(first)
    assert followed(first).status == Generation.Status.UNKNOWN
    assert api_calls(requests) == [("POST", GENERATE_PATH)]


# --- files ----------------------------------------------------------------------------------


def test_an_uploaded_png_becomes_an_asset_id_in_the_body(signed_in: Client) -> None:
    content = png_bytes()
    upload = SimpleUploadedFile("reference.png", content, content_type="image/png")
    response = signed_in.post(
        submit_url(LUMEN), {"prompt": "a lighthouse", "image__upload": upload, TOKEN: new_token()}
    )
    assert response.status_code == 302
    asset = SandboxAsset.objects.get()
    assert (asset.name, asset.mime_type, bytes(asset.content)) == (
        "reference.png",
        "image/png",
        content,
    )
    generation = Generation.objects.get()
    assert generation.request_body == {"prompt": "a lighthouse", "image": asset.id}
    assert SandboxJob.objects.get().input == generation.request_body


def test_an_image_is_uploaded_before_the_submission_that_names_it(user: User) -> None:
    reference = upload_file(
        name="reference.png", content=png_bytes(), content_type="image/png", kind="image"
    )
    upload = SimpleUploadedFile("mask.png", png_bytes(), content_type="image/png")
    result = submit(
        user,
        demo_definition(LUMEN),
        {"prompt": ["p"], "image": [str(reference.asset_id)], TOKEN: [new_token()]},
        {"mask__upload": [upload]},
        base_url=BASE_URL,
    )
    uploaded = SandboxUpload.objects.get(file_name="mask.png")
    assert (uploaded.kind, uploaded.status) == ("image", "complete")
    assert followed(result).request_body == {
        "prompt": "p",
        "image": reference.asset_id,
        "mask": uploaded.asset_id,
    }


def test_a_document_goes_through_an_upload_too_never_inline(user: User) -> None:
    # A data URL in the JSON body is capped at 2.5 MB; an upload takes the input's maxSize.
    upload = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    result = submit(
        user,
        demo_definition(QUILL),
        {"instruction": ["summarise"], TOKEN: [new_token()]},
        {"documents__upload": [upload]},
        base_url=BASE_URL,
    )
    asset = SandboxAsset.objects.get()
    assert (asset.kind, asset.mime_type, bytes(asset.content)) == ("text", "text/plain", b"hello")
    assert followed(result).request_body == {"instruction": "summarise", "documents": [asset.id]}


def test_a_failed_upload_shows_the_form_again_and_sends_nothing_else(user: User, fake_api) -> None:
    requests = fake_api(lambda request: httpx.Response(503, json={"reason": "maintenance"}))
    token = new_token()
    upload = SimpleUploadedFile("reference.png", png_bytes(), content_type="image/png")
    result = submit(
        user,
        demo_definition(LUMEN),
        {"prompt": ["p"], TOKEN: [token]},
        {"image__upload": [upload]},
        base_url=BASE_URL,
    )
    shown = shown_again(result)
    assert isinstance(shown.error, ScenarioServerError)
    assert shown.error.message == "Scenario failed with HTTP 503: maintenance."
    assert shown.token == token
    assert api_calls(requests) == [("POST", "/v1/uploads")]
    assert Generation.objects.count() == 0


def test_an_upload_over_max_size_is_a_form_error_naming_the_file(
    signed_in: Client, fake_api
) -> None:
    requests = fake_api(serving_models(accepted))
    upload = SimpleUploadedFile("notes.txt", b"x" * SIX_MB, content_type="text/plain")
    response = signed_in.post(
        submit_url(QUILL), {"instruction": "summarise", "documents__upload": upload}
    )
    assert response.status_code == 422
    root = html_of(response)
    assert summary_links(root) == ["Documents: Must be at most 5 MB (notes.txt is 6 MB)."]
    assert error_text(root, "documents") == "Must be at most 5 MB (notes.txt is 6 MB)."
    assert api_calls(requests) == []
    assert Generation.objects.count() == 0


def test_an_upload_of_the_wrong_kind_is_a_form_error(signed_in: Client, fake_api) -> None:
    requests = fake_api(serving_models(accepted))
    upload = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    response = signed_in.post(submit_url(LUMEN), {"prompt": "p", "image__upload": upload})
    assert response.status_code == 422
    root = html_of(response)
    message = "Must be an image file (notes.txt is text/plain)."
    assert summary_links(root) == [f"Reference Image: {message}"]
    assert error_text(root, "image") == message
    assert api_calls(requests) == []
    assert Generation.objects.count() == 0


def test_a_recording_shorter_than_min_duration_is_a_form_error(signed_in: Client, fake_api) -> None:
    requests = fake_api(serving_models(accepted))
    upload = SimpleUploadedFile("hello.wav", wav_of(2), content_type="audio/wav")
    response = signed_in.post(
        submit_url(CADENCE), {"text": "Hello there", "referenceAudio__upload": upload}
    )
    assert response.status_code == 422
    message = "Must last at least 5 s (hello.wav lasts 2 s)."
    assert error_text(html_of(response), "referenceAudio") == message
    assert api_calls(requests) == []
    assert Generation.objects.count() == 0
