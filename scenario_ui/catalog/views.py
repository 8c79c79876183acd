from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from scenario_ui.catalog.filters import CatalogFilterForm, next_page_query
from scenario_ui.catalog.pickers import model_options
from scenario_ui.catalog.search import InvalidCursor, search_catalog
from scenario_ui.generate.form_page import (
    default_form,
    first_form,
    form_urls,
    load,
    load_definition,
)
from scenario_ui.generate.job_page import earlier_request
from scenario_ui.library.reuse import filled_with
from scenario_ui.training.families import family_for
from scenario_ui.training.ownership import trained_by_someone_else
from scenario_ui.web.api_url import public_api_base_url
from scenario_ui.web.attempts import new_token, token_context
from scenario_ui.web.htmx import HtmxHttpRequest
from scenario_ui.web.users import signed_in_user


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


def model_detail(request: HttpRequest, model_id: str) -> HttpResponse:
    """The model page; `?from_job=<id>` fills the form with that job's request,
    `?input=<name>&asset=<id>` puts an asset in one of its file inputs."""
    loaded = load(model_id)
    definition = loaded.definition
    user = signed_in_user(request)
    resubmitted = earlier_request(user, request.GET.get("from_job", ""))
    given = filled_with(definition, request.GET.get("input", ""), request.GET.get("asset", ""))
    earlier = resubmitted if resubmitted is not None else given
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
        "given_asset": given is not None and resubmitted is None,
        "trainable": family_for(definition.type) is not None
        and not trained_by_someone_else(user, model_id),
        **form_urls(model_id),
    }
    return render(request, "catalog/model_detail.html", context)


@require_GET
def model_definition(request: HttpRequest, model_id: str) -> HttpResponse:
    """The record as the API sent it, indented: loaded when the page's raw view opens."""
    text = json.dumps(load_definition(model_id).raw, indent=2, ensure_ascii=False)
    return HttpResponse(text, content_type="application/json")


def model_picker_options(request: HttpRequest) -> HttpResponse:
    """Datalist options for a model picker: catalog models of the allowed types."""
    field = request.GET.get("field", "")
    options = model_options(
        text=request.GET.get(field, "") if field else "",
        model_types=[t for t in request.GET.get("types", "").split(",") if t],
    )
    return render(request, "catalog/_model_options.html", {"options": options})
