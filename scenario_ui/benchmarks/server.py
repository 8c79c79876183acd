"""`make bench`: the model form's server-side costs, measured in-process.

No HTTP and no database. The two definitions are the ones the browser bench
uses (`bench/browser/rjsf/defs/`: a real FLUX.1 [dev] record and the 200-input synthetic
record of the RJSF anchor); a third, generated here, uses every input type and
component. Requests go through the real views with Django's `RequestFactory`
and the GZip middleware; the API is replaced by records already in the cache,
so what is measured is what a request costs once the definition is known.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.client import FakePayload
from django.urls import reverse
from django_htmx.middleware import HtmxDetails

from scenario_ui.benchmarks.definitions import FLUX, SYNTHETIC_200
from scenario_ui.catalog.views import model_detail
from scenario_ui.forms import initial_values
from scenario_ui.forms.live import SHOWN
from scenario_ui.forms.numbers import format_number
from scenario_ui.generate.form_page import first_form, form_urls
from scenario_ui.generate.views import revalidate
from scenario_ui.scenario import gateway
from scenario_ui.schema import ModelDefinition, NumberInput, StringInput, parse_definition
from scenario_ui.team import budgets
from scenario_ui.team.credit_alerts import start_without_alerts

FLUX_FILE = FLUX.path
SYNTHETIC_FILE = SYNTHETIC_200.path
FORM_PARTIAL = "forms/model_form.html#form"
TYPED_PROMPT = "A lighthouse on a basalt cliff at dawn, volumetric fog, 35mm photo"
# Browsers send this; GZipMiddleware compresses only when asked.
ACCEPT_GZIP = {"Accept-Encoding": "gzip, deflate, br"}


def read_record(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    model: dict[str, Any] = data.get("model", data)
    return model


def render_form(definition: ModelDefinition) -> str:
    """The model page's form as first shown, built and drawn from scratch (nothing cached)."""
    form = first_form(definition, base_url="")
    return render_to_string(FORM_PARTIAL, {"form": form, **form_urls(definition.id)})


def first_view(record: dict[str, Any]) -> str:
    """What a new definition version costs once: parse, plan, first form, HTML."""
    return render_form(parse_definition(record))


def live_post(definition: ModelDefinition) -> tuple[dict[str, list[str]], str | None]:
    """A typical live POST: the first form's values, the prompt typed, one number changed.

    Returns the form data and the name of the control that sent it.
    """
    data = {name: list(texts) for name, texts in initial_values(definition).raw.items()}
    data[SHOWN] = [""]
    prompt = _prompt_input(definition)
    if prompt is not None:
        data[prompt.name] = [TYPED_PROMPT]
    for number in _typed_numbers(definition):
        current = (data.get(number.name) or [""])[-1]
        other = _other_value(number, current) if current else None
        if other is not None:
            data[number.name] = [other]
            return data, number.name
    return data, None


def _prompt_input(definition: ModelDefinition) -> StringInput | None:
    strings = [spec for spec in definition.inputs if isinstance(spec, StringInput)]
    return next((spec for spec in strings if spec.prompt), strings[0] if strings else None)


def _typed_numbers(definition: ModelDefinition) -> list[NumberInput]:
    """Number inputs typed into a text box: not a select, not a picker's width or height."""
    resolution = definition.ui_config.resolution_component
    picked = {resolution.width_input, resolution.height_input} if resolution else set()
    return [
        spec
        for spec in definition.inputs
        if isinstance(spec, NumberInput) and not spec.allowed_values and spec.name not in picked
    ]


def _other_value(spec: NumberInput, current: str) -> str | None:
    # The minimum is always a valid value (steps count from it), so prefer it.
    for bound in (spec.min, spec.max):
        if bound is not None and format_number(bound) != current:
            return format_number(bound)
    return None


@contextmanager
def records_in_cache(records: list[dict[str, Any]]) -> Iterator[None]:
    """The gateway's cache holds these records, as if the API had just answered; the budgets'
    cache says no budget is set (no table is read)."""
    by_id = {record["id"]: record for record in records}

    def answer(call: Callable[..., Any]) -> dict[str, Any]:
        raise AssertionError("the bench reads only the records it put in the cache")

    for model_id, record in by_id.items():
        gateway.forget_model(model_id)
        with mock.patch.object(gateway, "call_json", lambda _call, r=record: {"model": r}):
            gateway.retrieve_model(model_id)
    with (
        mock.patch.object(gateway, "call_json", answer),
        mock.patch.object(budgets, "monthly_budgets", dict),
    ):
        yield
    for model_id in by_id:
        gateway.forget_model(model_id)


_gzip = GZipMiddleware(lambda request: HttpResponse())


def _served(view: Callable[[HttpRequest], HttpResponse], request: HttpRequest) -> HttpResponse:
    """The view's answer, compressed as GZipMiddleware does for a browser."""
    response = view(request)
    _gzip.process_response(request, response)  # Compresses `response` itself.
    return response


@dataclass(frozen=True)
class Answer:
    raw_bytes: int
    gzip_bytes: int
    body: bytes


def answer_of(response: HttpResponse) -> Answer:
    """Sizes of what went over the wire: the body before and after compression."""
    sent = response.content
    raw = gzip.decompress(sent) if response.get("Content-Encoding") == "gzip" else sent
    return Answer(raw_bytes=len(raw), gzip_bytes=len(sent), body=raw)


class Pages:
    """Requests to the model page and its live updates, through the real views.

    Each request is built by Django from a WSGI environ, as the WSGI handler
    does; writing the environ itself (the HTTP server's work) is done once.
    """

    def __init__(self) -> None:
        self.factory = RequestFactory()
        # Never saved, so in no role's group: as a superuser it passes the permission checks
        # (`team.access`) without reading a table.
        self.user = User(username="bench", is_superuser=True)
        # A lead's pages show the team's credit alert, read from the cache: this team has
        # none, so the pages read no table for it.
        start_without_alerts()

    def model_page(self, model_id: str) -> Callable[[], HttpResponse]:
        """A visit to the model page, ready to repeat."""
        environ = self.factory.get(
            reverse("catalog:model", args=[model_id]), headers=ACCEPT_GZIP
        ).environ

        def visit() -> HttpResponse:
            request = WSGIRequest(dict(environ))
            request.user = self.user
            return _served(lambda r: model_detail(r, model_id), request)

        return visit

    def live_update(
        self, model_id: str, data: dict[str, list[str]], trigger_name: str | None
    ) -> Callable[[], HttpResponse]:
        """A live update as htmx sends it, ready to send again and again."""
        headers = {"HX-Request": "true", **ACCEPT_GZIP}
        if trigger_name:
            headers["HX-Trigger-Name"] = trigger_name
        # htmx posts a form urlencoded (only the file-carrying submit is multipart).
        body = urlencode(data, doseq=True).encode()
        environ = self.factory.post(
            reverse("generate:revalidate", args=[model_id]),
            body,
            content_type="application/x-www-form-urlencoded",
            headers=headers,
        ).environ

        def send() -> HttpResponse:
            request = WSGIRequest({**environ, "wsgi.input": FakePayload(body)})
            request.htmx = HtmxDetails(request)  # type: ignore[attr-defined]
            request.user = self.user
            return _served(lambda r: revalidate(r, model_id), request)  # type: ignore[arg-type]

        return send
