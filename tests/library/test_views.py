"""Uploading a chosen file at once, following it, and previewing an asset, over HTTP."""

from __future__ import annotations

import base64
import hashlib
import re
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import httpx
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from scenario_ui.library.models import UploadedFile
from scenario_ui.library.views import MODEL_VIEWER_STYLE
from scenario_ui.sandbox.models import SandboxAsset
from scenario_ui.scenario import uploads
from tests.generate.support import CADENCE, LUMEN, png_bytes, serving_models

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def upload(client: Client, model_id: str, input_name: str, file: SimpleUploadedFile) -> Any:
    return client.post(f"/library/models/{model_id}/uploads/?input={input_name}", {"file": file})


def test_a_chosen_image_becomes_an_asset_at_once(signed_in: Client) -> None:
    response = upload(
        signed_in, LUMEN, "image", SimpleUploadedFile("red.png", png_bytes(), "image/png")
    )
    assert response.status_code == 200
    answer = response.json()
    asset = SandboxAsset.objects.get()
    assert answer == {
        "assetId": asset.id,
        "previewUrl": f"/library/assets/preview/?asset={asset.id}",
    }
    record = UploadedFile.objects.get()
    assert (record.file_name, record.input_name, record.asset_id) == ("red.png", "image", asset.id)


def test_a_recording_past_the_json_body_limit_is_uploaded(signed_in: Client) -> None:
    # 8.6 MB on a field that allows 10 MB: refused when it travelled inline as base64.
    content = b"RIFF" + bytes(8_600_000)
    file = SimpleUploadedFile("take.wav", content, "audio/wav")
    response = upload(signed_in, CADENCE, "referenceAudio", file)
    assert response.status_code == 200
    asset = SandboxAsset.objects.get(pk=response.json()["assetId"])
    assert (asset.kind, asset.size) == ("audio", len(content))


@pytest.mark.parametrize(
    ("input_name", "file", "message"),
    [
        (
            "referenceAudio",
            SimpleUploadedFile("long.wav", bytes(10_485_761), "audio/wav"),
            "Reference Recording: must be at most 10 MB (long.wav is 10 MB).",
        ),
        (
            "referenceAudio",
            SimpleUploadedFile("red.png", png_bytes(), "image/png"),
            "Reference Recording: must be an audio file (red.png is image/png).",
        ),
        (
            "text",
            SimpleUploadedFile("red.png", png_bytes(), "image/png"),
            "Cadence Speech has no file input 'text'.",
        ),
    ],
)
def test_what_cannot_be_uploaded_says_why(
    signed_in: Client, input_name: str, file: SimpleUploadedFile, message: str
) -> None:
    response = upload(signed_in, CADENCE, input_name, file)
    assert (response.status_code, response.json()) == (422, {"message": message})
    assert SandboxAsset.objects.count() == UploadedFile.objects.count() == 0


def test_a_failing_api_is_a_message_never_a_500(signed_in: Client, fake_api) -> None:
    fake_api(serving_models(lambda request: httpx.Response(503, json={"reason": "maintenance"})))
    response = upload(
        signed_in, LUMEN, "image", SimpleUploadedFile("red.png", png_bytes(), "image/png")
    )
    assert response.status_code == 422
    assert response.json()["message"] == (
        "red.png was not uploaded. Scenario failed with HTTP 503: maintenance."
    )


def test_an_asset_still_being_made_is_followed_until_it_is_there(
    signed_in: Client, fake_api, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200)))
    monkeypatch.setattr(uploads, "_storage_client", lambda: nullcontext(storage))
    states = iter(["validating", "complete"])

    def answer(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path == "/v1/uploads":
            part = {"number": 1, "url": "https://storage.example.test/part-1"}
            return httpx.Response(200, json={"upload": {"id": "upload_1", "parts": [part]}})
        status = next(states)
        return httpx.Response(
            200, json={"upload": {"id": "upload_1", "status": status, "entityId": "asset_9"}}
        )

    fake_api(serving_models(answer))
    response = upload(
        signed_in, LUMEN, "image", SimpleUploadedFile("red.png", png_bytes(), "image/png")
    )
    assert response.status_code == 202, response.json()
    state_url = response.json()["stateUrl"]
    assert state_url == f"/library/uploads/{UploadedFile.objects.get().pk}/"
    assert signed_in.get(state_url).json()["assetId"] == "asset_9"


def test_the_preview_draws_the_asset_with_a_remove_button(signed_in: Client) -> None:
    response = upload(
        signed_in, LUMEN, "image", SimpleUploadedFile("red.png", png_bytes(), "image/png")
    )
    asset_id = response.json()["assetId"]
    html = signed_in.get(f"/library/assets/preview/?asset={asset_id}&for=in-image").content.decode()
    assert f'src="/sandbox/v1/assets/{asset_id}/content" alt="red.png"' in html
    assert 'data-clear-asset="in-image"' in html
    unknown = signed_in.get("/library/assets/preview/?asset=asset_nope").content.decode()
    assert "No asset asset_nope was found." in unknown


def test_the_viewer_pages_allow_exactly_model_viewers_stylesheet(signed_in: Client) -> None:
    vendored = Path(settings.BASE_DIR) / "static" / "build" / "model-viewer.min.js"
    text = vendored.read_text(encoding="utf-8")
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    digests = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in styles]
    assert [f"'sha256-{digest}'" for digest in digests] == [MODEL_VIEWER_STYLE]
    policy = signed_in.get("/library/")["Content-Security-Policy"]
    assert f"style-src 'self' {MODEL_VIEWER_STYLE}" in policy
    assert "unsafe-inline" not in policy
    assert "style-src 'self';" in signed_in.get("/jobs/")["Content-Security-Policy"]
