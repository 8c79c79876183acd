from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from scenario_ui.catalog.detail import load_model_detail
from scenario_ui.catalog.filters import CatalogFilterForm, next_page_query
from scenario_ui.catalog.search import InvalidCursor, search_catalog
from scenario_ui.web.htmx import HtmxHttpRequest


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
    return render(request, "catalog/model_detail.html", {"detail": load_model_detail(model_id)})
