from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.db.utils import OperationalError
from django.test import Client
from django.utils import timezone

from scenario_ui.worker import health
from scenario_ui.worker.heartbeat import beat
from scenario_ui.worker.models import Heartbeat

pytestmark = pytest.mark.django_db


def test_healthy_is_200_for_anyone(client: Client) -> None:
    beat()
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "worker": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_a_silent_worker_is_503_saying_so(client: Client) -> None:
    assert client.get("/healthz/").json()["worker"] == "no worker has reported yet"
    beat()
    Heartbeat.objects.update(beat_at=timezone.now() - timedelta(seconds=75))
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {
        "database": "ok",
        "cache": "ok",
        "worker": "no heartbeat for 75 s (more than 60 s)",
    }


def test_a_failing_database_or_cache_is_503_naming_it(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    beat()

    def broken(*args: Any, **kwargs: Any) -> None:
        raise OperationalError("down")

    monkeypatch.setattr(cache, "set", broken)
    assert client.get("/healthz/").json()["cache"] == "failing: OperationalError"
    monkeypatch.setattr(health, "_database", lambda: "failing: OperationalError")
    answer = client.get("/healthz/")
    assert answer.status_code == 503
    assert answer.json()["worker"] == "unknown: the database is down"


def test_only_get(client: Client) -> None:
    assert client.post("/healthz/").status_code == 405
