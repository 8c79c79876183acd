from __future__ import annotations

from django.urls import path, re_path

from scenario_ui.sandbox import views

app_name = "sandbox"

urlpatterns = [
    path("models", views.list_models, name="models-list"),
    path("models/get-bulk", views.get_models_in_bulk, name="models-get-bulk"),
    path("models/<str:model_id>", views.retrieve_model, name="model-detail"),
    # Anything else under the API root answers in the API's error shape, never an HTML page.
    re_path(r"^.*$", views.route_not_found, name="route-not-found"),
]
