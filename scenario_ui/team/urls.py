from __future__ import annotations

from django.urls import path

from scenario_ui.team import views, views_feed, views_spend, views_trainings

app_name = "team"

urlpatterns = [
    path("", views_feed.feed, name="feed"),
    path("feed.csv", views_feed.feed_csv, name="feed_csv"),
    path("feed/<str:kind>/<int:pk>/", views_feed.feed_row_poll, name="feed_row"),
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
    path("audit.csv", views.audit_csv, name="audit_csv"),
    path("jobs/<str:kind>/<int:pk>/cancel/", views.cancel, name="cancel"),
    path("generations/<int:pk>/resubmit/", views.resubmit_view, name="resubmit"),
    path("alerts/<int:pk>/dismiss/", views.dismiss_credit_alert, name="dismiss_credit_alert"),
    path("spend/", views_spend.spend, name="spend"),
    path("spend/<str:table>.csv", views_spend.spend_csv, name="spend_csv"),
    path("trainings/", views_trainings.trainings, name="trainings"),
    path("trainings.csv", views_trainings.trainings_csv, name="trainings_csv"),
]
