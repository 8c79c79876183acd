from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

# htmx stops polling an element when an answer has this status.
STOP_POLLING = 286


class HtmxHttpRequest(HttpRequest):
    """The request type of our views: django-htmx's middleware adds `htmx`."""

    htmx: HtmxDetails
