"""Credentials check: the real API wants HTTP Basic (API key and secret) or a Bearer token.

The sandbox accepts any well-formed credentials; it only refuses requests that would be
refused for lack of them, so clients find missing configuration before going live.
"""

from __future__ import annotations

import base64
import binascii
from typing import Final

from django.http import HttpRequest

from scenario_ui.sandbox.api.errors import SandboxApiError

EXPECTED_CREDENTIALS: Final = "expected HTTP Basic (API key and secret) or Bearer"
CHALLENGE_HEADERS: Final = {"WWW-Authenticate": 'Basic realm="Scenario sandbox"'}


def require_credentials(request: HttpRequest) -> None:
    header = request.headers.get("Authorization", "").strip()
    if not header:
        raise SandboxApiError(
            401, f"Missing Authorization header; {EXPECTED_CREDENTIALS}", CHALLENGE_HEADERS
        )
    if not has_usable_credentials(header):
        raise SandboxApiError(
            401, f"Invalid Authorization header; {EXPECTED_CREDENTIALS}", CHALLENGE_HEADERS
        )


def has_usable_credentials(header: str) -> bool:
    scheme, _, credentials = header.partition(" ")
    credentials = credentials.strip()
    match scheme.lower():
        case "basic":
            return basic_api_key(credentials) != ""
        case "bearer":
            return credentials != ""
        case _:
            return False


def basic_api_key(encoded_credentials: str) -> str:
    """The API key of `key:secret` in base64, or "" when the credentials are malformed."""
    try:
        decoded = base64.b64decode(encoded_credentials, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return ""
    api_key, separator, _secret = decoded.partition(":")
    return api_key if separator else ""
