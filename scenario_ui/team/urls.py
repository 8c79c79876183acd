from __future__ import annotations

from django.urls import path

from scenario_ui.team import views

app_name = "team"

urlpatterns = [
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
]
