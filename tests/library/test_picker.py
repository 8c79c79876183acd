"""The picker's list: earlier outputs and uploads, searched, kept to the input's kind."""

from __future__ import annotations

from typing import Any

import httpx
from django.contrib.auth.models import User

from scenario_ui.generate.models import Generation
from scenario_ui.library.models import UploadedFile
from scenario_ui.library.picker import pickable_assets
from tests.library.support import serve_assets

ASSETS = {
    "asset_fox": {"id": "asset_fox", "url": "/a/fox.png", "mimeType": "image/png", "kind": "image"},
    "asset_up": {"id": "asset_up", "url": "/a/up.png", "mimeType": "image/png", "kind": "image"},
    "asset_wav": {"id": "asset_wav", "url": "/a/w.wav", "mimeType": "audio/wav", "kind": "audio"},
}


def setup_files(user: User, other: User) -> None:
    Generation.objects.create(
        user=user,
        model_id="m",
        status=Generation.Status.SUCCESS,
        request_body={"prompt": "a red fox"},
        asset_ids=["asset_fox"],
    )
    Generation.objects.create(
        user=user,
        model_id="v",
        status=Generation.Status.SUCCESS,
        request_body={"text": "hello"},
        asset_ids=["asset_wav"],
    )
    for owner, asset in ((user, "asset_up"), (other, "asset_other")):
        UploadedFile.objects.create(
            user=owner,
            model_id="m",
            input_name="image",
            file_name=f"{asset}.png",
            content_type="image/png",
            size=1,
            upload_id="u",
            asset_id=asset,
        )


def test_outputs_and_uploads_searched_and_by_kind(
    user: User, django_user_model: Any, fake_api: Any
) -> None:
    setup_files(user, django_user_model.objects.create_user("other"))
    requests = serve_assets(fake_api, ASSETS)
    everything = pickable_assets(user=user, search="", kind="")
    assert {(i.preview.asset_id, i.caption) for i in everything.items} == {
        ("asset_up", "asset_up.png"),
        ("asset_fox", "a red fox"),
        ("asset_wav", "hello"),
    }
    assert len(requests) == 1
    images = pickable_assets(user=user, search="", kind="image")
    assert {i.preview.asset_id for i in images.items} == {"asset_up", "asset_fox"}
    assert [
        i.preview.asset_id for i in pickable_assets(user=user, search="FOX", kind="").items
    ] == ["asset_fox"]


def test_a_failing_api_is_a_message(user: User, django_user_model: Any, fake_api: Any) -> None:
    setup_files(user, django_user_model.objects.create_user("other"))
    fake_api(lambda request: httpx.Response(503, json={"reason": "down"}))
    page = pickable_assets(user=user, search="", kind="")
    assert page.items == []
    assert page.problem == "Your files could not be listed. Scenario failed with HTTP 503: down."
