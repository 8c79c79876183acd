"""Requests to the sandbox through Django's test client, with credentials."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from tests.sandbox.factories import API_ROOT, AUTH_HEADERS


def get(client: Client, path: str) -> Any:
    return client.get(f"{API_ROOT}{path}", headers=AUTH_HEADERS)


def post(client: Client, path: str, body: object) -> Any:
    return client.post(
        f"{API_ROOT}{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=AUTH_HEADERS,
    )


def put(client: Client, path: str, body: object) -> Any:
    return client.put(
        f"{API_ROOT}{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=AUTH_HEADERS,
    )


def answer(response: Any) -> tuple[int, Any]:
    return response.status_code, response.json()
