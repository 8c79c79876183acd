from __future__ import annotations

import json

from scenario_ui.sandbox.api.errors import SandboxApiError, error_response


def test_error_response_has_scenario_error_shape() -> None:
    response = error_response(404, "Model model_x not found", {"X-Extra": "1"})
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["X-Extra"] == "1"
    assert json.loads(response.content) == {"reason": "Model model_x not found"}


def test_api_error_renders_its_status_reason_and_headers() -> None:
    error = SandboxApiError(401, "Missing Authorization header", {"WWW-Authenticate": "Basic"})
    response = error.as_response()
    assert str(error) == "Missing Authorization header"
    assert (response.status_code, response["WWW-Authenticate"]) == (401, "Basic")
    assert json.loads(response.content) == {"reason": "Missing Authorization header"}
