from __future__ import annotations

from django.urls import path

from scenario_ui.catalog import views

app_name = "catalog"

urlpatterns = [
    path("", views.catalog_index, name="index"),
    path("models/options/", views.model_picker_options, name="model_options"),
    path("models/picked/", views.picked_model, name="picked_model"),
    path("models/<str:model_id>/", views.model_detail, name="model"),
    path(
        "models/<str:model_id>/definition.json",
        views.model_definition,
        name="model_definition",
    ),
]
