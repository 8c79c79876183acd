from __future__ import annotations

from django.urls import path

from scenario_ui.generate import views

app_name = "generate"

urlpatterns = [
    path("models/<str:model_id>/form/", views.revalidate, name="revalidate"),
    path("models/<str:model_id>/generate/", views.submit, name="submit"),
]
