from __future__ import annotations

from django.urls import path

from scenario_ui.team import views, views_feed

app_name = "team"

urlpatterns = [
    path("", views_feed.feed, name="feed"),
    path("feed.csv", views_feed.feed_csv, name="feed_csv"),
    path("feed/<str:kind>/<int:pk>/", views_feed.feed_row_poll, name="feed_row"),
    path("budgets/", views.budgets, name="budgets"),
    path("audit/", views.audit, name="audit"),
]
