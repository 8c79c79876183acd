"""The answer to a live form update, shared by every page with a form."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.http import trigger_client_event

from scenario_ui.forms.render import FormView

FORM_TEMPLATE = "forms/model_form.html"
STATE_EVENT = "scenario:form-state"


def live_response(
    request: HttpRequest, form: FormView, *, reshaped: bool, context: dict[str, Any]
) -> HttpResponse:
    """Out-of-band swaps of what changed, or the whole form when its shape changed.

    The rules' verdict travels as a client event (HX-Trigger), so the page can update
    `required`/`aria-required` without replacing the control being typed in.
    """
    template = "forms/reshaped.html" if reshaped else f"{FORM_TEMPLATE}#live"
    response = render(request, template, {"form": form, **context})
    if form.live is not None:
        state = {"required": form.live.required, "invalid": form.live.invalid}
        trigger_client_event(response, STATE_EVENT, state)
    return response
