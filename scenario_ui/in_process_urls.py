"""The URLs the in-process SDK transport serves: the sandbox API alone.

Whether or not the site itself mounts the sandbox, the app reaches it in-process
through these (a model author's test run uses the sandbox in live mode too).
"""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [path("sandbox/v1/", include("scenario_ui.sandbox.urls"))]
