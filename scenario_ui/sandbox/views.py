"""The sandbox's REST endpoints, mounted under /sandbox/v1/ like Scenario's /v1/."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from scenario_ui.sandbox.api.bodies import parse_get_bulk_body
from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.api.errors import error_response
from scenario_ui.sandbox.api.listing import ModelListQuery, fetch_model_page
from scenario_ui.sandbox.api.records import find_model_record, rows_in_requested_order


@sandbox_endpoint("GET")
def list_models(request: HttpRequest) -> JsonResponse:
    page = fetch_model_page(ModelListQuery.from_params(request.GET))
    return JsonResponse(page.as_json())


@sandbox_endpoint("GET")
def retrieve_model(request: HttpRequest, model_id: str) -> JsonResponse:
    return JsonResponse({"model": find_model_record(model_id)})


@sandbox_endpoint("POST")
def get_models_in_bulk(request: HttpRequest) -> JsonResponse:
    model_ids = parse_get_bulk_body(request.body)
    return JsonResponse({"models": rows_in_requested_order(model_ids)})


@csrf_exempt
@login_not_required
def route_not_found(request: HttpRequest) -> JsonResponse:
    return error_response(404, f"Route not found: {request.method} {request.path}")
