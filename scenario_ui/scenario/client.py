"""Builds the official SDK client: the real API with credentials, else the sandbox."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx
from django.conf import settings
from scenario_sdk import Scenario

from scenario_ui.scenario.in_process import InProcessWSGIApp

# The sandbox answers in-process under this host; settings adds it to ALLOWED_HOSTS.
SANDBOX_HOST = "sandbox.internal"
# https, although nothing leaves the process: with DEBUG off, SecurityMiddleware would
# answer a plain-http call with its HTTPS redirect (301), as it would a browser.
SANDBOX_ORIGIN = f"https://{SANDBOX_HOST}"
SANDBOX_BASE_URL = f"{SANDBOX_ORIGIN}/sandbox/v1"

# No call made while a person waits is retried: the SDK would sleep out a Retry-After (up
# to a minute) inside the request, and a retried POST can be charged twice. Background
# work may ask for retries.
REQUEST_RETRIES = 0

# Set by `sandbox_only()`: every client built meanwhile is the sandbox's, in any mode.
_sandbox_only: ContextVar[bool] = ContextVar("sandbox_only", default=False)


def is_sandbox() -> bool:
    return bool(settings.SCENARIO_SANDBOX)


@contextmanager
def sandbox_only() -> Iterator[None]:
    """Calls made inside go to the embedded sandbox even when real credentials are set."""
    token = _sandbox_only.set(True)
    try:
        yield
    finally:
        _sandbox_only.reset(token)


def sandbox_http_client() -> httpx.Client:
    """The in-process transport to the sandbox: no network, no credentials needed to reach it."""
    return _sandbox_http_client()


@functools.cache
def _sandbox_http_client() -> httpx.Client:
    return httpx.Client(transport=httpx.WSGITransport(app=InProcessWSGIApp()))


def calls_go_to_sandbox() -> bool:
    """Whether a client built now is the sandbox's (in sandbox mode, or in `sandbox_only`)."""
    return is_sandbox() or _sandbox_only.get()


def build_client(*, max_retries: int = REQUEST_RETRIES, timeout: float | None = None) -> Scenario:
    seconds = timeout if timeout is not None else settings.SCENARIO_TIMEOUT_SECONDS
    if calls_go_to_sandbox():
        return Scenario(
            api_key=settings.SANDBOX_API_KEY,
            api_secret=settings.SANDBOX_API_SECRET,
            base_url=SANDBOX_BASE_URL,
            http_client=sandbox_http_client(),
            max_retries=max_retries,
            timeout=seconds,
        )
    return build_live_client(max_retries=max_retries, timeout=seconds)


def build_live_client(*, max_retries: int, timeout: float) -> Scenario:
    """The real API, with the configured credentials."""
    return Scenario(
        api_key=settings.SCENARIO_SDK_API_KEY,
        api_secret=settings.SCENARIO_SDK_API_SECRET,
        base_url=settings.SCENARIO_BASE_URL or None,
        max_retries=max_retries,
        timeout=timeout,
    )
