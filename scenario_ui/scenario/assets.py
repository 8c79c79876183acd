"""Assets: uploading an image for an input, and reading the assets a job produced."""

from __future__ import annotations

import base64
from collections.abc import Sequence

from scenario_ui.scenario.calls import JsonObject, call_action, call_json, expect_key


def upload_image(name: str, content: bytes, mime_type: str) -> str:
    """Upload an image and return its asset id (the request then carries the id)."""
    data_url = f"data:{mime_type};base64,{base64.b64encode(content).decode()}"
    answer = call_action(
        lambda client: client.assets.with_raw_response.upload(name=name, image=data_url)
    )
    asset: JsonObject = expect_key(answer, "asset", dict)
    return str(asset.get("id", ""))


def get_assets(asset_ids: Sequence[str]) -> list[JsonObject]:
    if not asset_ids:
        return []
    answer = call_json(
        lambda client: client.assets.with_raw_response.get_bulk(asset_ids=list(asset_ids))
    )
    assets = expect_key(answer, "assets", list)
    by_id = {asset.get("id"): asset for asset in assets if isinstance(asset, dict)}
    return [by_id[asset_id] for asset_id in asset_ids if asset_id in by_id]
