"""Polls answered with HTTP 304 when nothing changed since the browser's copy.

The version is the record's own (its `updated_at` and what the page adds to it): the
browser revalidates each poll with If-None-Match, and an unchanged record costs one
indexed read and no rendering.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag


def unchanged(request: HttpRequest, version: str) -> HttpResponse | None:
    """A 304 when the browser already holds `version`, else None."""
    answer: HttpResponse | None = get_conditional_response(request, etag=quote_etag(version))
    return answer


def versioned(response: HttpResponse, version: str) -> HttpResponse:
    """Tag a poll's answer with its version; browsers must ask again before reusing it."""
    response["ETag"] = quote_etag(version)
    patch_cache_control(response, private=True, no_cache=True)
    return response
