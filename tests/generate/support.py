"""Helpers shared by the generate tests: demo records, a movable clock, PNG bytes."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
from django.contrib.auth.models import User
from PIL import Image

from scenario_ui.generate.models import Generation
from scenario_ui.generate.submission import Follow, ShowForm, SubmitResult, submit
from scenario_ui.sandbox.catalog import DEMO_CATALOG_DIR
from scenario_ui.schema import ModelDefinition, parse_definition
from scenario_ui.web.attempts import TOKEN, new_token

LUMEN = "model_demo-lumen-xl"
QUILL = "model_demo-quill-llm"
CADENCE = "model_demo-cadence-voice"
JOB_SECONDS = 10.0

type Handler = Callable[[httpx.Request], httpx.Response]


class MovableClock:
    """The sandbox's clock, started at the real now and moved by hand.

    It starts at the real time so that jobs and the app's own rows (dated by Django)
    stay comparable, e.g. when a lost submission is looked up by its creation date.
    """

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


def demo_record(model_id: str) -> dict[str, Any]:
    """The demo model exactly as the API's `GET /models/{id}` answers it."""
    record: dict[str, Any] = json.loads(
        (DEMO_CATALOG_DIR / f"{model_id}.json").read_text(encoding="utf-8")
    )
    return record


def demo_definition(model_id: str) -> ModelDefinition:
    return parse_definition(demo_record(model_id)["model"])


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 40, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


def serving_models(handler: Handler) -> Handler:
    """Answer `GET /v1/models/{id}` with the demo record; everything else goes to `handler`."""

    def answer(request: httpx.Request) -> httpx.Response:
        prefix = "/v1/models/"
        if request.method == "GET" and request.url.path.startswith(prefix):
            return httpx.Response(200, json=demo_record(request.url.path.removeprefix(prefix)))
        return handler(request)

    return answer


def api_calls(requests: list[httpx.Request]) -> list[tuple[str, str]]:
    """The requests as (method, path), model reads left out."""
    return [
        (request.method, request.url.path)
        for request in requests
        if not request.url.path.startswith("/v1/models/")
    ]


def followed(result: SubmitResult) -> Generation:
    """The generation a submit recorded (it failed the test if the form came back)."""
    assert isinstance(result, Follow), result
    return result.generation


def shown_again(result: SubmitResult) -> ShowForm:
    """The form a submit showed again (it failed the test if a generation was recorded)."""
    assert isinstance(result, ShowForm), result
    return result


def submitted(user: User, model_id: str, data: dict[str, list[str]]) -> Generation:
    """A generation really submitted to the sandbox."""
    result = submit(
        user,
        demo_definition(model_id),
        {**data, TOKEN: [new_token()]},
        {},
        base_url="http://testserver/sandbox/v1",
    )
    generation = followed(result)
    assert generation.job_id
    return generation
