from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from scenario_ui.generate.form_page import form_urls, live_form, load_definition, submitted_form
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.htmx import HtmxHttpRequest

FORM_TEMPLATE = "forms/model_form.html"
STATE_EVENT = "scenario:form-state"


@require_POST
def revalidate(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    """A live update: out-of-band message swaps, or the whole form when it changed shape."""
    answer = live_form(
        load_definition(model_id),
        dict(request.POST.lists()),
        trigger_name=request.htmx.trigger_name,
        base_url=public_api_base_url(request),
    )
    context = {"form": answer.form, **form_urls(model_id)}
    if answer.reshaped:
        response = render(request, "generate/reshaped.html", context)
    else:
        response = render(request, f"{FORM_TEMPLATE}#live", context)
    live = answer.form.live
    if live is not None:
        state = {"required": live.required, "invalid": live.invalid}
        response["HX-Trigger"] = json.dumps({STATE_EVENT: state})
    return response


@require_POST
def submit(request: HtmxHttpRequest, model_id: str) -> HttpResponse:
    definition = load_definition(model_id)
    form = submitted_form(
        definition, dict(request.POST.lists()), base_url=public_api_base_url(request)
    )
    status = 200 if form.state.is_valid or not form.summary else 422
    return render(
        request,
        "catalog/model_detail.html",
        {"definition": definition, "form": form, **form_urls(model_id)},
        status=status,
    )
