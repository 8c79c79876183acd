from __future__ import annotations

import httpx
import pytest

from scenario_ui.scenario import errors


def test_translate_keeps_a_typed_error():
    error = errors.ScenarioNotFound("gone")
    assert errors.translate(error) is error


def test_translate_reraises_unrelated_exceptions():
    with pytest.raises(KeyError):
        errors.translate(KeyError("bug"))


def test_reason_falls_back_to_message_field():
    error = errors.from_status(
        httpx.Response(400, json={"message": "Input width must be at most 2048"})
    )
    assert isinstance(error, errors.ScenarioBadRequest)
    assert error.message == "Input width must be at most 2048"
    assert error.status_code == 400


def test_bad_request_without_reason_names_the_status():
    error = errors.from_status(httpx.Response(422, content=b""))
    assert error.message == "Scenario rejected the request (HTTP 422)."


@pytest.mark.parametrize(
    ("status", "page_status"), [(404, 404), (429, 429), (500, 502), (401, 502), (400, 400)]
)
def test_pages_get_a_matching_http_status(status, page_status):
    assert errors.from_status(httpx.Response(status, json={})).http_status == page_status
