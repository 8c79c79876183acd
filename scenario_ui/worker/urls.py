from __future__ import annotations

from django.urls import path

from scenario_ui.worker import views

app_name = "worker"

urlpatterns = [
    path("healthz/", views.healthz, name="healthz"),
    path("hooks/scenario/<str:token>/", views.scenario_hook, name="scenario_hook"),
]
