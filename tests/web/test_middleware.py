from __future__ import annotations

import httpx
import pytest


@pytest.mark.parametrize(
    ("handler", "status", "text"),
    [
        (
            lambda r: httpx.Response(503, json={"reason": "maintenance"}),
            502,
            "HTTP 503: maintenance",
        ),
        (
            lambda r: httpx.Response(404, json={"reason": "Model model_x not found"}),
            404,
            "Model model_x not found",
        ),
        (
            lambda r: httpx.Response(429, json={"reason": "Rate limit exceeded"}),
            429,
            "Rate limit exceeded",
        ),
    ],
)
def test_api_failures_render_a_readable_page(signed_in, fake_api, handler, status, text):
    fake_api(handler)
    response = signed_in.get("/models/model_x/")
    assert response.status_code == status
    body = response.content.decode()
    assert text in body
    assert "<html" in body
    assert 'role="alert"' in body


def test_htmx_requests_get_only_the_error_fragment(signed_in, fake_api):
    def timeout(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow")

    fake_api(timeout)
    response = signed_in.get(
        "/", {"q": "x"}, headers={"HX-Request": "true", "HX-Target": "catalog-results"}
    )
    assert response.status_code == 504
    body = response.content.decode()
    assert "took too long" in body
    assert "<html" not in body
