from __future__ import annotations

from django.urls import path

from scenario_ui.team import views, views_trainings

app_name = "team"

urlpatterns = [
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
    path("trainings/", views_trainings.trainings, name="trainings"),
    path("trainings.csv", views_trainings.trainings_csv, name="trainings_csv"),
]
