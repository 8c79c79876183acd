from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from scenario_ui.web.api_url import public_api_base_url


@override_settings(SCENARIO_SANDBOX=True)
def test_sandbox_mode_points_at_this_server() -> None:
    request = RequestFactory().get("/models/model_x/")
    assert public_api_base_url(request) == "http://testserver/sandbox/v1"


@override_settings(SCENARIO_SANDBOX=True)
def test_sandbox_mode_keeps_the_scheme_and_port() -> None:
    request = RequestFactory().get("/", secure=True, headers={"host": "localhost:8443"})
    assert public_api_base_url(request) == "https://localhost:8443/sandbox/v1"


@pytest.mark.parametrize(
    ("configured", "shown"),
    [
        ("https://api.cloud.scenario.com/v1", "https://api.cloud.scenario.com/v1"),
        ("https://proxy.example/v1/", "https://proxy.example/v1/"),
        # Unset: the preview falls back to the SDK's default base URL.
        ("", ""),
    ],
)
def test_the_real_api_shows_the_configured_base_url(configured: str, shown: str) -> None:
    request = RequestFactory().get("/", headers={"host": "localhost:8000"})
    with override_settings(SCENARIO_SANDBOX=False, SCENARIO_BASE_URL=configured):
        assert public_api_base_url(request) == shown


@override_settings(
    SCENARIO_SANDBOX=False,
    SCENARIO_BASE_URL="https://api.cloud.scenario.com/v1",
    SCENARIO_SDK_API_KEY="key-that-must-not-show",
    SCENARIO_SDK_API_SECRET="secret-that-must-not-show",
)
def test_the_real_api_never_shows_credentials() -> None:
    shown = public_api_base_url(RequestFactory().get("/"))
    assert shown == "https://api.cloud.scenario.com/v1"
