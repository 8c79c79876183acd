from __future__ import annotations

import base64

import pytest
from django.test import RequestFactory

from scenario_ui.sandbox.api.auth import basic_api_key, has_usable_credentials, require_credentials
from scenario_ui.sandbox.api.errors import SandboxApiError


def basic(credentials: bytes) -> str:
    return "Basic " + base64.b64encode(credentials).decode("ascii")


@pytest.mark.parametrize(
    ("header", "usable"),
    [
        (basic(b"key:secret"), True),
        (basic(b"key:"), True),
        (basic(b":secret"), False),
        (basic(b"key-without-secret"), False),
        ("basic " + base64.b64encode(b"key:secret").decode("ascii"), True),
        ("Basic not*base64", False),
        ("Basic " + base64.b64encode(b"\xff:secret").decode("ascii"), False),
        ("Bearer eyJhbGciOi.token", True),
        ("Bearer ", False),
        ("public-auth-token", False),
        ("Digest username=key", False),
    ],
)
def test_has_usable_credentials(header: str, usable: bool) -> None:
    assert has_usable_credentials(header) is usable


def test_basic_api_key_reads_the_key_of_key_and_secret() -> None:
    assert basic_api_key(base64.b64encode(b"key:se:cret").decode("ascii")) == "key"
    assert basic_api_key("%%%") == ""


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        (
            {},
            "Missing Authorization header; expected HTTP Basic (API key and secret) or Bearer",
        ),
        (
            {"Authorization": "Token abc"},
            "Invalid Authorization header; expected HTTP Basic (API key and secret) or Bearer",
        ),
    ],
)
def test_require_credentials_refuses_with_a_challenge(
    rf: RequestFactory, headers: dict[str, str], reason: str
) -> None:
    with pytest.raises(SandboxApiError) as raised:
        require_credentials(rf.get("/sandbox/v1/models", headers=headers))
    assert (raised.value.status, raised.value.reason) == (401, reason)
    assert raised.value.headers == {"WWW-Authenticate": 'Basic realm="Scenario sandbox"'}


def test_require_credentials_accepts_basic_credentials(rf: RequestFactory) -> None:
    request = rf.get("/sandbox/v1/models", headers={"Authorization": basic(b"k:s")})
    require_credentials(request)
