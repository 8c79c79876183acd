"""The endpoints over HTTP, through Django's test client and the whole middleware stack."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from scenario_ui.sandbox.api.auth import EXPECTED_CREDENTIALS
from scenario_ui.sandbox.api.serializers import list_row
from tests.sandbox.factories import API_ROOT, AUTH_HEADERS, model_record, store

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.sandbox.urls")]


def get(client: Client, path: str, **headers: str) -> Any:
    return client.get(f"{API_ROOT}{path}", headers={**AUTH_HEADERS, **headers})


def post_json(client: Client, path: str, body: str) -> Any:
    return client.post(
        f"{API_ROOT}{path}", data=body, content_type="application/json", headers=AUTH_HEADERS
    )


def test_list_answers_rows_and_a_token(client: Client) -> None:
    store(*(model_record(f"model_{index}", privacy="private") for index in range(3)))
    response = get(client, "/models?pageSize=2")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    document = response.json()
    assert set(document) == {"models", "nextPaginationToken"}
    assert [row["id"] for row in document["models"]] == ["model_2", "model_1"]
    assert all("inputs" not in row for row in document["models"])

    last = get(client, f"/models?pageSize=2&paginationToken={document['nextPaginationToken']}")
    assert last.json() == {"models": [list_row(model_record("model_0", privacy="private"))]}


def test_list_refuses_invalid_parameters(client: Client) -> None:
    response = get(client, "/models?sortDirection=sideways")
    assert response.status_code == 400
    assert response.json() == {
        "reason": 'Invalid sortDirection "sideways"; expected one of: asc, desc'
    }
    assert get(client, "/models?paginationToken=garbage").status_code == 400


def test_retrieve_answers_the_full_record(client: Client) -> None:
    record = model_record("model_a")
    store(record)
    response = get(client, "/models/model_a")
    assert response.status_code == 200
    assert response.json() == {"model": record}


def test_retrieve_unknown_model_is_404(client: Client) -> None:
    response = get(client, "/models/model_missing")
    assert response.status_code == 404
    assert response.json() == {"reason": "Model model_missing not found"}


def test_get_bulk_answers_rows_in_requested_order(client: Client) -> None:
    store(model_record("model_a"), model_record("model_b"))
    response = post_json(client, "/models/get-bulk", '{"modelIds": ["model_b", "x", "model_a"]}')
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["models"]] == ["model_b", "model_a"]
    assert "inputs" not in response.json()["models"][0]


def test_get_bulk_refuses_bad_json(client: Client) -> None:
    response = post_json(client, "/models/get-bulk", "{modelIds:")
    assert response.status_code == 400
    assert response.json()["reason"].startswith("Invalid JSON body: ")


def test_get_bulk_needs_no_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    response = post_json(client, "/models/get-bulk", '{"modelIds": []}')
    assert (response.status_code, response.json()) == (200, {"models": []})


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({}, f"Missing Authorization header; {EXPECTED_CREDENTIALS}"),
        ({"Authorization": "Basic Og=="}, f"Invalid credentials; {EXPECTED_CREDENTIALS}"),
        ({"Authorization": "Bearer jwt"}, f"Invalid credentials; {EXPECTED_CREDENTIALS}"),
    ],
)
def test_requests_without_credentials_are_401(
    client: Client, headers: dict[str, str], reason: str
) -> None:
    response = client.get(f"{API_ROOT}/models", headers=headers)
    assert response.status_code == 401
    assert response.json() == {"reason": reason}
    assert response["WWW-Authenticate"] == 'Basic realm="Scenario sandbox"'


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("patch", "/models", "GET, POST"),
        ("post", "/models/model_a", "GET, PUT, DELETE"),
        ("get", "/models/get-bulk", "POST"),
    ],
)
def test_wrong_methods_are_405(client: Client, method: str, path: str, allowed: str) -> None:
    response = getattr(client, method)(f"{API_ROOT}{path}", headers=AUTH_HEADERS)
    assert response.status_code == 405
    assert response["Allow"] == allowed
    assert response.json() == {
        "reason": f"Method {method.upper()} not allowed on {API_ROOT}{path}; "
        f"expected one of: {allowed}"
    }


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/collections"), ("put", "/models/model_a/epochs"), ("get", "/models/"), ("get", "/")],
)
def test_unknown_routes_are_404_in_the_error_shape(client: Client, method: str, path: str) -> None:
    assert getattr(client, method)(f"{API_ROOT}{path}").status_code == 401
    response = getattr(client, method)(f"{API_ROOT}{path}", headers=AUTH_HEADERS)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "reason": f"Route not found: {method.upper()} {API_ROOT}{path}"
    }
