"""Files become assets through the SDK's uploads resource: create, PUT the parts, complete."""

from __future__ import annotations

import io
import json

import httpx
import pytest
from PIL import Image

from scenario_ui.sandbox.models import SandboxAsset, SandboxUpload
from scenario_ui.scenario import uploads
from scenario_ui.scenario.errors import ScenarioBadResponse, ScenarioError

pytestmark = pytest.mark.django_db


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def test_an_image_becomes_an_asset_in_one_part() -> None:
    state = uploads.upload_file(
        name="red.png", content=png_bytes(), content_type="image/png", kind="image"
    )
    assert state.is_done
    assert state.failure is None
    asset = SandboxAsset.objects.get(pk=state.asset_id)
    assert (asset.kind, asset.mime_type, asset.name) == ("image", "image/png", "red.png")
    assert uploads.upload_state(state.upload_id) == state


def test_a_large_recording_goes_in_parts_and_arrives_whole() -> None:
    # Past the 2.5 MB a JSON body may hold, and past two parts.
    content = bytes(range(256)) * (2 * uploads.PART_BYTES // 256 + 1000)
    state = uploads.upload_file(
        name="take.wav", content=content, content_type="audio/wav", kind="audio"
    )
    assert SandboxUpload.objects.get(pk=state.upload_id).parts_count == 3
    asset = SandboxAsset.objects.get(pk=state.asset_id)
    assert (asset.kind, asset.size, bytes(asset.content) == content) == (
        "audio",
        len(content),
        True,
    )


def test_a_file_that_is_not_its_kind_fails_with_the_reason() -> None:
    state = uploads.upload_file(
        name="red.png", content=b"not an image", content_type="image/png", kind="image"
    )
    assert state.asset_id is None
    assert "red.png is not an image" in (state.failure or "")


def test_input_kinds_map_to_upload_kinds() -> None:
    assert [uploads.upload_kind(k) for k in ("image-hdr", "json", "document", None)] == [
        "image",
        "text",
        "asset",
        "asset",
    ]


def test_an_upload_without_its_part_urls_is_a_bad_answer(fake_api) -> None:
    seen = fake_api(lambda r: httpx.Response(200, json={"upload": {"id": "upload_1"}}))
    with pytest.raises(ScenarioBadResponse, match="part URL"):
        uploads.upload_file(name="a.txt", content=b"hello", content_type="text/plain", kind="text")
    sent = json.loads(seen[0].content)
    assert sent == {
        "fileName": "a.txt",
        "contentType": "text/plain",
        "fileSize": 5,
        "parts": 1,
        "kind": "text",
    }


def test_storage_refusing_a_part_is_a_clear_error(fake_api) -> None:
    answer = {"upload": {"id": "upload_1", "parts": [{"number": 1, "url": "http://x.test/p"}]}}
    fake_api(lambda r: httpx.Response(200, json=answer))
    with pytest.raises(ScenarioError, match="storage refused part of it"):
        uploads.upload_file(name="a.txt", content=b"hello", content_type="text/plain", kind="text")


def test_a_pending_upload_is_not_done(fake_api) -> None:
    fake_api(lambda r: httpx.Response(200, json={"upload": {"id": "u", "status": "validating"}}))
    state = uploads.upload_state("u")
    assert not state.is_done
