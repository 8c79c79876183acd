from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from scenario_sdk import Scenario

from scenario_ui.scenario import calls, client


@pytest.fixture(autouse=True)
def _empty_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


# The sandbox API's key pair in every test, whatever the machine's settings hold.
SANDBOX_KEY, SANDBOX_SECRET = "key", "secret"


@pytest.fixture(autouse=True)
def _sandbox_key_pair(settings: Any) -> None:
    settings.SANDBOX_API_KEY = SANDBOX_KEY
    settings.SANDBOX_API_SECRET = SANDBOX_SECRET


@pytest.fixture
def seeded_sandbox(db: None) -> None:
    call_command("seed_sandbox", stdout=io.StringIO())


def user_with_role(username: str, role: str | None):
    """A new user in one of the team's roles (`scenario_ui.team.roles`), or in none."""
    from django.contrib.auth import get_user_model

    from scenario_ui.team.roles import parse_role, set_role

    created = get_user_model().objects.create_user(username, password="a-long-test-password")
    if role is not None:
        set_role(user=created, role=parse_role(role), actor=None)
    return created


@pytest.fixture
def user(db: None):
    """A member: generates, trains and follows their own jobs."""
    return user_with_role("artist", "member")


@pytest.fixture
def signed_in(client: Client, user) -> Client:
    client.force_login(user)
    return client


Handler = Callable[[httpx.Request], httpx.Response]
retries_requested: list[int] = []


@pytest.fixture
def fake_api(monkeypatch: pytest.MonkeyPatch) -> Callable[[Handler], list[httpx.Request]]:
    """Point the gateway's SDK client at an httpx.MockTransport; returns the request log."""

    def install(handler: Handler) -> list[httpx.Request]:
        seen: list[httpx.Request] = []
        retries_requested.clear()

        def recording(request: httpx.Request) -> httpx.Response:
            seen.append(request)
            return handler(request)

        def build_client(*, max_retries: int = 0, **_: object) -> Scenario:
            # Retries would only add back-off sleeps here; what was asked for is recorded.
            retries_requested.append(max_retries)
            return Scenario(
                api_key="key",
                api_secret="secret",
                base_url="https://api.example.test/v1",
                http_client=httpx.Client(transport=httpx.MockTransport(recording)),
                max_retries=0,
            )

        monkeypatch.setattr(calls, "build_client", build_client)
        return seen

    return install


@pytest.fixture
def live_api_forbidden(settings, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Real credentials configured, and a live client that fails the test if anything builds
    it: for code that must reach the sandbox only. Sandbox jobs finish at once."""
    settings.SCENARIO_SANDBOX = False
    settings.SCENARIO_SDK_API_KEY = "live-key"
    settings.SCENARIO_SDK_API_SECRET = "live-secret"
    settings.SANDBOX_JOB_SECONDS = 0.0
    built: list[str] = []

    def refuse(**_: object) -> Scenario:
        built.append("live client")
        raise AssertionError("something reached for the live API")

    monkeypatch.setattr(client, "build_live_client", refuse)
    return built
