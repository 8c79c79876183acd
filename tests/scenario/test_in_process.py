from __future__ import annotations

import httpx
import pytest
from django.core.signals import request_finished, request_started

from scenario_ui.scenario.in_process import InProcessWSGIApp


@pytest.mark.django_db
def test_answers_like_the_server_without_request_signals():
    fired: list[str] = []

    def record(sender, **kwargs):
        fired.append(sender.__name__)

    request_started.connect(record)
    request_finished.connect(record)
    try:
        with httpx.Client(transport=httpx.WSGITransport(app=InProcessWSGIApp())) as http:
            response = http.get("http://sandbox.internal/sandbox/v1/models")
    finally:
        request_started.disconnect(record)
        request_finished.disconnect(record)
    # The sandbox demands credentials, like the real API.
    assert response.status_code == 401
    assert "reason" in response.json()
    assert fired == []
