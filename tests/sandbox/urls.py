"""Mounts the sandbox API where production does, independently of the rest of the app."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [path("sandbox/v1/", include("scenario_ui.sandbox.urls"))]
