"""Credentials check: only the sandbox's own API key and secret, sent as HTTP Basic.

Like the real API, the sandbox answers its key pair alone (settings `SANDBOX_API_KEY`
and `SANDBOX_API_SECRET`; `make run` prints them). Anything else is a 401 in the API's
error shape: its jobs, prompts and actions are not open to whoever reaches the server.
"""

from __future__ import annotations

import base64
import binascii
from typing import Final

from django.conf import settings
from django.http import HttpRequest
from django.utils.crypto import constant_time_compare

from scenario_ui.sandbox.api.errors import SandboxApiError

EXPECTED_CREDENTIALS: Final = "expected HTTP Basic with the sandbox's API key and secret"
CHALLENGE_HEADERS: Final = {"WWW-Authenticate": 'Basic realm="Scenario sandbox"'}


def require_credentials(request: HttpRequest) -> None:
    header = request.headers.get("Authorization", "").strip()
    if not header:
        raise SandboxApiError(
            401, f"Missing Authorization header; {EXPECTED_CREDENTIALS}", CHALLENGE_HEADERS
        )
    if not is_sandbox_key_pair(header):
        raise SandboxApiError(
            401, f"Invalid credentials; {EXPECTED_CREDENTIALS}", CHALLENGE_HEADERS
        )


def is_sandbox_key_pair(header: str) -> bool:
    scheme, _, encoded = header.partition(" ")
    pair = basic_key_pair(encoded.strip()) if scheme.lower() == "basic" else None
    if pair is None:
        return False
    key, secret = pair
    # Both compared in full, in constant time: no timing tells which half was wrong.
    key_matches = constant_time_compare(key, settings.SANDBOX_API_KEY)
    secret_matches = constant_time_compare(secret, settings.SANDBOX_API_SECRET)
    return key_matches and secret_matches


def basic_key_pair(encoded_credentials: str) -> tuple[str, str] | None:
    """The (key, secret) of `key:secret` in base64, or None when it is malformed."""
    try:
        decoded = base64.b64decode(encoded_credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    key, separator, secret = decoded.partition(":")
    return (key, secret) if separator else None
