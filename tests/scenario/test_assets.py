from __future__ import annotations

import json

import httpx

from scenario_ui.scenario import assets


def test_upload_image_sends_a_data_url_and_returns_the_id(fake_api):
    seen = fake_api(lambda r: httpx.Response(200, json={"asset": {"id": "asset_1"}}))
    assert assets.upload_image("cat.png", b"\x89PNG", "image/png") == "asset_1"
    sent = json.loads(seen[0].content)
    assert sent == {"name": "cat.png", "image": "data:image/png;base64,iVBORw=="}


def test_get_assets_keeps_the_requested_order(fake_api):
    fake_api(lambda r: httpx.Response(200, json={"assets": [{"id": "b"}, {"id": "a"}]}))
    assert [asset["id"] for asset in assets.get_assets(["a", "b", "missing"])] == ["a", "b"]


def test_no_ids_no_call(fake_api):
    seen = fake_api(lambda r: httpx.Response(200, json={"assets": []}))
    assert assets.get_assets([]) == []
    assert seen == []
