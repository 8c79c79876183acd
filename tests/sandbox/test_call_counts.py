"""The sandbox counts the calls it serves per route: what a scenario costs upstream."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from tests.sandbox.factories import AUTH_HEADERS

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def stats(client: Client) -> dict[str, object]:
    answer = client.get("/sandbox/v1/_stats", headers=AUTH_HEADERS)
    assert answer.status_code == 200
    body: dict[str, object] = answer.json()
    return body


def test_calls_are_counted_per_route_and_method(client: Client) -> None:
    assert stats(client) == {"total": 0, "routes": {}}
    for _ in range(3):
        client.get("/sandbox/v1/jobs", headers=AUTH_HEADERS)
    client.get("/sandbox/v1/jobs/job_missing", headers=AUTH_HEADERS)
    client.get("/sandbox/v1/jobs")  # no key: refused, not served
    assert stats(client) == {
        "total": 4,
        "routes": {"GET jobs": 3, "GET jobs/<str:job_id>": 1},
    }


def test_the_command_prints_and_resets(client: Client) -> None:
    client.get("/sandbox/v1/models", headers=AUTH_HEADERS)
    out = io.StringIO()
    call_command("sandbox_stats", "--json", "--reset", stdout=out)
    assert json.loads(out.getvalue()) == {"total": 1, "routes": {"GET models": 1}}
    out = io.StringIO()
    call_command("sandbox_stats", stdout=out)
    assert out.getvalue().split() == ["0", "total"]


def test_stats_need_the_sandbox_key(client: Client) -> None:
    assert client.get("/sandbox/v1/_stats").status_code == 401
