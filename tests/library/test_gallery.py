"""My creations: outputs newest first, by page, filtered by model and kind; reuse."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from django.contrib.auth.models import User
from django.test import Client

from scenario_ui.generate.models import Generation
from scenario_ui.library import gallery
from scenario_ui.library.gallery import GalleryFilters, gallery_page
from scenario_ui.library.reuse import filled_with, inputs_taking
from tests.generate.support import CADENCE, LUMEN, demo_definition
from tests.library.support import serve_assets

Status = Generation.Status
ASSETS = {
    "asset_img": {"id": "asset_img", "url": "/a/img.png", "mimeType": "image/png", "kind": "image"},
    "asset_wav": {
        "id": "asset_wav",
        "url": "/a/take.wav",
        "mimeType": "audio/wav",
        "kind": "audio",
    },
}


def job(user: User, model_id: str, **fields: Any) -> Generation:
    fields.setdefault("request_body", {"prompt": "p"})
    return Generation.objects.create(user=user, model_id=model_id, status=Status.SUCCESS, **fields)


def test_outputs_newest_first_with_text_answers(user: User, fake_api: Any) -> None:
    requests = serve_assets(fake_api, ASSETS)
    image = job(user, LUMEN, asset_ids=["asset_img"], request_body={"prompt": "a fox", "seed": 7})
    text = job(user, "model_quill", output={"text": "three flavour texts"})
    Generation.objects.create(user=user, model_id=LUMEN, status=Status.FAILURE)
    page = gallery_page(user=user, filters=GalleryFilters(), before=None)
    assert [(c.generation, c.kind) for c in page.creations] == [(text, "text"), (image, "image")]
    assert page.creations[0].text == "three flavour texts"
    assert (page.creations[1].prompt, page.creations[1].seed) == ("a fox", 7)
    assert page.next_cursor is None
    assert len(requests) == 1


def test_pages_follow_a_cursor_and_filters_narrow(
    user: User, fake_api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    serve_assets(fake_api, ASSETS)
    monkeypatch.setattr(gallery, "JOBS_PER_PAGE", 2)
    jobs = [job(user, LUMEN, asset_ids=["asset_img"]) for _ in range(3)]
    voice = job(user, CADENCE, asset_ids=["asset_wav"])
    first = gallery_page(user=user, filters=GalleryFilters(), before=None)
    assert [c.generation for c in first.creations] == [voice, jobs[2]]
    second = gallery_page(user=user, filters=GalleryFilters(), before=first.next_cursor)
    assert [c.generation for c in second.creations] == [jobs[1], jobs[0]]
    assert second.next_cursor is None
    audio = gallery_page(user=user, filters=GalleryFilters(kind="audio"), before=None)
    assert [c.generation for c in audio.creations] == [voice]
    by_model = gallery_page(user=user, filters=GalleryFilters(model_id=CADENCE), before=None)
    assert [c.generation for c in by_model.creations] == [voice]


def test_a_failing_api_says_so_and_keeps_the_text(user: User, fake_api: Any) -> None:
    fake_api(lambda request: httpx.Response(503, json={"reason": "down"}))
    job(user, LUMEN, asset_ids=["asset_img"])
    page = gallery_page(user=user, filters=GalleryFilters(), before=None)
    assert page.creations == []
    assert page.problem == "Some creations could not be shown. Scenario failed with HTTP 503: down."


def test_use_as_input_offers_the_inputs_of_the_kind() -> None:
    lumen = demo_definition(LUMEN)
    assert [c.label for c in inputs_taking(lumen, "image")] == [
        "Reference Image",
        "Mask",
        "Control Image",
    ]
    assert inputs_taking(lumen, "audio") == []
    body = filled_with(lumen, "image", "asset_img")
    assert body is not None
    assert body["image"] == "asset_img"
    assert body["numOutputs"] == 1
    assert filled_with(lumen, "prompt", "asset_img") is None
    assert filled_with(lumen, "image", "javascript:alert(1)") is None


@pytest.mark.usefixtures("seeded_sandbox")
def test_the_model_page_opens_with_the_asset_in_its_input(signed_in: Client) -> None:
    html = signed_in.get(f"/models/{LUMEN}/?input=image&asset=asset_img").content.decode()
    assert 'name="image" value="asset_img"' in html
    assert "Your creation is in the form below" in html
