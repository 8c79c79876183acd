"""A stand-in API answering assets get-bulk from a table of asset records."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import httpx


def serve_assets(fake_api: Any, assets: Mapping[str, dict[str, str]]) -> list[httpx.Request]:
    def answer(request: httpx.Request) -> httpx.Response:
        wanted = json.loads(request.content)["assetIds"]
        return httpx.Response(200, json={"assets": [assets[a] for a in wanted if a in assets]})

    requests: list[httpx.Request] = fake_api(answer)
    return requests
