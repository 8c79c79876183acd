from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.test import RequestFactory

from scenario_ui.sandbox.api.endpoint import sandbox_endpoint
from scenario_ui.sandbox.api.errors import SandboxApiError
from tests.sandbox.factories import AUTH_HEADERS


@sandbox_endpoint("GET")
def echo(request: HttpRequest, model_id: str) -> HttpResponse:
    if model_id == "missing":
        raise SandboxApiError(404, "Model missing not found")
    if model_id == "broken":
        raise RuntimeError("database on fire")
    return JsonResponse({"id": model_id})


def reason(response: HttpResponse) -> str:
    reason: str = json.loads(response.content)["reason"]
    return reason


def test_serves_the_view_to_callers_with_credentials(rf: RequestFactory) -> None:
    response = echo(rf.get("/sandbox/v1/models/a", headers=AUTH_HEADERS), model_id="a")
    assert json.loads(response.content) == {"id": "a"}


def test_other_methods_get_405_once_credentials_are_checked(rf: RequestFactory) -> None:
    assert echo(rf.delete("/sandbox/v1/models/a"), model_id="a").status_code == 401
    response = echo(rf.delete("/sandbox/v1/models/a", headers=AUTH_HEADERS), model_id="a")
    assert response.status_code == 405
    assert response["Allow"] == "GET"
    assert (
        reason(response)
        == "Method DELETE not allowed on /sandbox/v1/models/a; expected one of: GET"
    )


def test_missing_credentials_get_401(rf: RequestFactory) -> None:
    response = echo(rf.get("/sandbox/v1/models/a"), model_id="a")
    assert response.status_code == 401
    assert reason(response).startswith("Missing Authorization header")


def test_api_errors_are_answered_in_the_error_shape(rf: RequestFactory) -> None:
    response = echo(rf.get("/sandbox/v1/models/missing", headers=AUTH_HEADERS), model_id="missing")
    assert (response.status_code, reason(response)) == (404, "Model missing not found")


def test_unexpected_failures_are_logged_and_answered_as_json(
    rf: RequestFactory, caplog: pytest.LogCaptureFixture
) -> None:
    request = rf.get("/sandbox/v1/models/broken", headers=AUTH_HEADERS)
    with caplog.at_level(logging.ERROR, logger="scenario_ui.sandbox.api.endpoint"):
        response = echo(request, model_id="broken")
    assert (response.status_code, reason(response)) == (500, "Internal sandbox error")
    assert response["Content-Type"] == "application/json"
    assert "Sandbox API failure on GET /sandbox/v1/models/broken" in caplog.text
    assert "database on fire" in caplog.text


def test_endpoints_need_neither_csrf_token_nor_login() -> None:
    assert getattr(echo, "csrf_exempt", False) is True
    assert getattr(echo, "login_required", True) is False


@sandbox_endpoint("GET", credentials=False)
def public(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"bytes")


@sandbox_endpoint("POST")
def reads_body(request: HttpRequest) -> HttpResponse:
    return HttpResponse(request.body)


def test_public_endpoints_need_no_credentials(rf: RequestFactory) -> None:
    assert public(rf.get("/sandbox/v1/assets/a/content")).content == b"bytes"
    assert getattr(public, "login_required", True) is False


def test_bodies_over_the_upload_limit_are_413(rf: RequestFactory, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10
    request = rf.post("/sandbox/v1/assets", data=b"x" * 11, content_type="application/json")
    request.META.update({"HTTP_AUTHORIZATION": AUTH_HEADERS["Authorization"]})
    response = reads_body(request)
    assert (response.status_code, reason(response)) == (413, "Request body larger than 10 bytes")
