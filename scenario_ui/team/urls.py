from __future__ import annotations

from django.urls import path

from scenario_ui.team import views, views_spend

app_name = "team"

urlpatterns = [
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
    path("spend/", views_spend.spend, name="spend"),
    path("spend/<str:table>.csv", views_spend.spend_csv, name="spend_csv"),
]
