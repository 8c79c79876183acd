from __future__ import annotations

import base64

import pytest
from django.test import RequestFactory

from scenario_ui.sandbox.api.auth import basic_key_pair, is_sandbox_key_pair, require_credentials
from scenario_ui.sandbox.api.errors import SandboxApiError

EXPECTED = "expected HTTP Basic with the sandbox's API key and secret"


def basic(credentials: bytes) -> str:
    return "Basic " + base64.b64encode(credentials).decode("ascii")


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        (basic(b"key:secret"), True),
        ("basic " + base64.b64encode(b"key:secret").decode("ascii"), True),
        (basic(b"key:wrong"), False),
        (basic(b"other:secret"), False),
        (basic(b"key:"), False),
        (basic(b":secret"), False),
        (basic(b"key:secret:"), False),
        (basic(b"key-without-secret"), False),
        ("Basic not*base64", False),
        ("Basic " + base64.b64encode(b"\xff:secret").decode("ascii"), False),
        # The real API takes bearer tokens from its own sign-in; the sandbox has none.
        ("Bearer eyJhbGciOi.token", False),
        ("public-auth-token", False),
        ("Digest username=key", False),
    ],
)
def test_only_the_sandboxs_own_key_pair_is_accepted(header: str, accepted: bool) -> None:
    assert is_sandbox_key_pair(header) is accepted


def test_basic_key_pair_splits_at_the_first_colon() -> None:
    assert basic_key_pair(base64.b64encode(b"key:se:cret").decode("ascii")) == ("key", "se:cret")
    assert basic_key_pair("%%%") is None


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, f"Missing Authorization header; {EXPECTED}"),
        ({"Authorization": "Token abc"}, f"Invalid credentials; {EXPECTED}"),
        ({"Authorization": basic(b"any:thing")}, f"Invalid credentials; {EXPECTED}"),
    ],
)
def test_require_credentials_refuses_with_a_challenge(
    rf: RequestFactory, headers: dict[str, str], reason: str
) -> None:
    with pytest.raises(SandboxApiError) as raised:
        require_credentials(rf.get("/sandbox/v1/models", headers=headers))
    assert (raised.value.status, raised.value.reason) == (401, reason)
    assert raised.value.headers == {"WWW-Authenticate": 'Basic realm="Scenario sandbox"'}


def test_require_credentials_accepts_the_key_pair_of_the_settings(
    rf: RequestFactory, settings
) -> None:
    settings.SANDBOX_API_KEY, settings.SANDBOX_API_SECRET = "k2", "s2"
    require_credentials(rf.get("/sandbox/v1/models", headers={"Authorization": basic(b"k2:s2")}))
    with pytest.raises(SandboxApiError):
        require_credentials(
            rf.get("/sandbox/v1/models", headers={"Authorization": basic(b"key:secret")})
        )
