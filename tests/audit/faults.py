"""Faults injected between the app's SDK client and the in-process sandbox.

The sandbox is real: a fault "after send" lets the request create its job, then
loses or spoils the answer, exactly the case where a resend would charge twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import httpx
from django.conf import settings
from scenario_sdk import Scenario

from scenario_ui.scenario.client import SANDBOX_BASE_URL
from scenario_ui.scenario.in_process import InProcessWSGIApp

type Spoil = Callable[[httpx.Request, httpx.Response | None], httpx.Response]


@dataclass(frozen=True)
class Fault:
    name: str
    # Whether the request reaches the sandbox (and so creates what it asks for).
    reaches: bool
    spoil: Spoil


def _raise(error: type[httpx.TransportError]) -> Spoil:
    def spoil(request: httpx.Request, answer: httpx.Response | None) -> httpx.Response:
        raise error("injected", request=request)

    return spoil


def _status(status: int, text: str, **headers: str) -> Spoil:
    return lambda request, answer: httpx.Response(status, text=text, headers=headers)


def _truncated(request: httpx.Request, answer: httpx.Response | None) -> httpx.Response:
    assert answer is not None
    body = answer.read()  # Decoded: the half sent back is plain (not gzip) JSON, cut short.
    return httpx.Response(
        200, content=body[: len(body) // 2], headers={"Content-Type": "application/json"}
    )


FAULTS = [
    Fault("timeout before send", False, _raise(httpx.ConnectTimeout)),
    Fault("timeout after send", True, _raise(httpx.ReadTimeout)),
    Fault("reset before send", False, _raise(httpx.ConnectError)),
    Fault("reset after send", True, _raise(httpx.RemoteProtocolError)),
    Fault("500 after create", True, _status(500, '{"reason": "Internal error"}')),
    Fault("502 after create", True, _status(502, "<html><h1>502 Bad Gateway</h1></html>")),
    Fault("504 after create", True, _status(504, "")),
    Fault("truncated body", True, _truncated),
    Fault("HTML 200", True, _status(200, "<!doctype html><title>Welcome</title>")),
    Fault("wrong shape", True, _status(200, '{"result": {"id": "x"}}')),
    Fault(
        "429 with Retry-After",
        False,
        _status(429, '{"reason": "Slow down"}', **{"Retry-After": "7"}),
    ),
]
AFTER_SEND = [fault for fault in FAULTS if fault.reaches]


def is_charged(request: httpx.Request) -> bool:
    """A generation, a Prompt Spark suggestion or a training start, not a dry run."""
    path = request.url.path
    generates = "/generate/custom/" in path or path.endswith("/generate/prompt")
    charged = (request.method == "POST" and generates) or (
        request.method == "PUT" and path.endswith("/train")
    )
    return charged and request.url.params.get("dryRun") != "true"


def is_model_check(request: httpx.Request) -> bool:
    """The get-bulk read that checks a form's picked models before it is sent."""
    return request.method == "POST" and request.url.path.endswith("/models/get-bulk")


def is_training_image_upload(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/training-images")


def is_dry_run(request: httpx.Request) -> bool:
    return bool(request.url.params.get("dryRun") == "true")


class FaultyTransport(httpx.BaseTransport):
    """The sandbox in-process, with `fault` on the first `target` request only (by default
    the first charged one); `charged` lists every charged request, `targeted` those
    `target` picked."""

    def __init__(self, fault: Fault, target: Callable[[httpx.Request], bool] = is_charged) -> None:
        self.fault = fault
        self.target = target
        self.sandbox = httpx.WSGITransport(app=InProcessWSGIApp())
        self.charged: list[httpx.Request] = []
        self.targeted: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if is_charged(request):
            self.charged.append(request)
        if not self.target(request):
            return self.sandbox.handle_request(request)
        self.targeted.append(request)
        if len(self.targeted) > 1:
            return self.sandbox.handle_request(request)
        answer = self.sandbox.handle_request(request) if self.fault.reaches else None
        return self.fault.spoil(request, answer)


def faulty_client_builder(transport: FaultyTransport) -> Callable[..., Scenario]:
    """A stand-in for `calls.build_client` that goes through `transport`."""

    def build_client(*, max_retries: int = 0, **_: object) -> Scenario:
        return Scenario(
            api_key=settings.SANDBOX_API_KEY,
            api_secret=settings.SANDBOX_API_SECRET,
            base_url=SANDBOX_BASE_URL,
            http_client=httpx.Client(transport=transport),
            max_retries=max_retries,
        )

    return build_client
