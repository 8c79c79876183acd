from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from scenario_sdk import Scenario

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.catalog import load_demo_catalog, seed_sandbox
from scenario_ui.sandbox.json_types import JsonObject
from tests.conftest import SANDBOX_KEY, SANDBOX_SECRET
from tests.sandbox.factories import API_ROOT

type StartResponse = Callable[[str, list[tuple[str, str]]], object]


class SignalFreeWSGIApp:
    """Django behind WSGI without the request_started/request_finished signals.

    Those signals close the database connection, which would end the test transaction
    that holds the test's data.
    """

    def __init__(self) -> None:
        self.handler = BaseHandler()
        self.handler.load_middleware()

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        response = self.handler.get_response(WSGIRequest(environ))
        assert isinstance(response, HttpResponse), "the sandbox never streams"
        headers = [
            *response.items(),
            *(("Set-Cookie", cookie.OutputString()) for cookie in response.cookies.values()),
        ]
        start_response(f"{response.status_code} {response.reason_phrase}", headers)
        return [response.content]


@pytest.fixture
def sdk_client(db: None) -> Iterator[Scenario]:
    """The official SDK talking to the sandbox in-process."""
    transport = httpx.WSGITransport(app=SignalFreeWSGIApp())
    with Scenario(
        api_key=SANDBOX_KEY,
        api_secret=SANDBOX_SECRET,
        base_url=f"http://testserver{API_ROOT}",
        http_client=httpx.Client(transport=transport),
        max_retries=0,
    ) as client:
        yield client


@pytest.fixture
def demo_catalog() -> list[JsonObject]:
    return load_demo_catalog()


@pytest.fixture
def seeded_demo_catalog(db: None, demo_catalog: list[JsonObject]) -> list[JsonObject]:
    seed_sandbox(demo_catalog)
    return demo_catalog


class FrozenClock:
    """The sandbox's clock, moved by hand."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> FrozenClock:
    frozen = FrozenClock(datetime(2026, 3, 1, 12, 0, tzinfo=UTC))
    monkeypatch.setattr(clock, "now", frozen.now)
    return frozen


@pytest.fixture
def ten_second_jobs(settings: Any) -> float:
    settings.SANDBOX_JOB_SECONDS = 10.0
    return 10.0


@pytest.fixture
def ten_second_trainings(settings: Any) -> float:
    settings.SANDBOX_TRAINING_SECONDS = 10.0
    return 10.0
