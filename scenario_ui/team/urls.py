from __future__ import annotations

from django.urls import path

from scenario_ui.team import views

app_name = "team"

urlpatterns = [
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
    path("audit.csv", views.audit_csv, name="audit_csv"),
    path("jobs/<str:kind>/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("generations/<int:pk>/resubmit/", views.resubmit_view, name="resubmit"),
    path("alerts/<int:pk>/dismiss/", views.dismiss_credit_alert, name="dismiss_credit_alert"),
]
