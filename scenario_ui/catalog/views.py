from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scenario_ui.catalog.filters import CatalogFilterForm, next_page_query
from scenario_ui.catalog.pickers import chosen_model, model_options
from scenario_ui.catalog.search import InvalidCursor, search_catalog
from scenario_ui.catalog.usage import USE_PARAMETER, usage_of, used_model
from scenario_ui.generate.form_page import (
    default_form,
    first_form,
    form_urls,
    load,
    load_definition,
)
from scenario_ui.generate.job_page import earlier_request
from scenario_ui.library.reuse import filled_with
from scenario_ui.team.access import Need, requires, submit_refusal
from scenario_ui.team.budgets import warnings_for
from scenario_ui.training.offer import training_offer
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import new_token, token_context
from scenario_ui.web.htmx import HtmxHttpRequest
from scenario_ui.web.users import signed_in_user


@requires(Need.BROWSE)
def catalog_index(request: HtmxHttpRequest) -> HttpResponse:
    form = CatalogFilterForm(request.GET)
    query = form.to_query()
    cursor = request.GET.get("cursor", "")
    notice = ""
    try:
        page = search_catalog(query, cursor)
    except InvalidCursor as exc:
        notice = f"{exc} Showing the first page."
        cursor = ""
        page = search_catalog(query)
    context = {
        "form": form,
        "page": page,
        "notice": notice,
        "cursor": cursor,
        "next_query": next_page_query(request.GET, page.next_cursor),
    }
    if request.htmx and request.htmx.target == "catalog-list":
        return render(request, "catalog/_more.html", context)
    if request.htmx and request.htmx.target == "catalog-results":
        return render(request, "catalog/index.html#results", context)
    return render(request, "catalog/index.html", context)


@requires(Need.BROWSE)
def model_detail(request: HttpRequest, model_id: str) -> HttpResponse:
    """The model page; `?from_job=<id>` fills the form with that job's request,
    `?use_model=<id>` with a LoRA, composition or voice picked (see `catalog.usage`), and
    `?input=<name>&asset=<id>` puts an asset (a creation) in one of its file inputs."""
    loaded = load(model_id)
    definition = loaded.definition
    user = signed_in_user(request)
    resubmitted = earlier_request(user, request.GET.get("from_job", ""))
    used = used_model(definition, request.GET.get(USE_PARAMETER, ""))
    given = filled_with(definition, request.GET.get("input", ""), request.GET.get("asset", ""))
    earlier = next((body for body in (resubmitted, used.request, given) if body is not None), None)
    base_url = public_api_base_url(request)
    form = (
        default_form(loaded, base_url=base_url)
        if earlier is None
        else first_form(definition, base_url=base_url, request_body=earlier)
    )
    context = {
        "definition": definition,
        "form": form,
        **token_context(new_token()),
        "resubmitting": resubmitted is not None,
        "given_asset": resubmitted is None and used.request is None and given is not None,
        "used": used,
        "usage": usage_of(definition),
        "training": training_offer(definition, user=user),
        "submit_refusal": submit_refusal(user),
        "budget_warnings": warnings_for(user),
        **form_urls(model_id),
    }
    return render(request, "catalog/model_detail.html", context)


@requires(Need.BROWSE)
@require_GET
def model_definition(request: HttpRequest, model_id: str) -> HttpResponse:
    """The record as the API sent it, indented: loaded when the page's raw view opens."""
    text = json.dumps(load_definition(model_id).raw, indent=2, ensure_ascii=False)
    return HttpResponse(text, content_type="application/json")


@requires(Need.BROWSE)
@require_GET
def picked_model(request: HttpRequest) -> HttpResponse:
    """Beside a model picker: the chosen model's name, type and thumbnail, or why not."""
    text, model_types = _picker_query(request)
    chosen = chosen_model(model_id=text, model_types=model_types)
    return render(request, "catalog/_picked_model.html", {"chosen": chosen})


@requires(Need.BROWSE)
def model_picker_options(request: HttpRequest) -> HttpResponse:
    """Datalist options for a model picker: catalog models of the allowed types."""
    text, model_types = _picker_query(request)
    options = model_options(text=text, model_types=model_types)
    return render(request, "catalog/_model_options.html", {"options": options})


def _picker_query(request: HttpRequest) -> tuple[str, list[str]]:
    """What a picker sends: its control's text (under the name in `field`) and `types`."""
    field = request.GET.get("field", "")
    text = request.GET.get(field, "") if field else ""
    return text, [t for t in request.GET.get("types", "").split(",") if t]
