from __future__ import annotations

from django.urls import path

from scenario_ui.library import views

app_name = "library"

urlpatterns = [
    path("", views.creations, name="creations"),
    path("use/", views.use_as_input, name="use_as_input"),
    path("picker/", views.picker, name="picker"),
    path("models/<str:model_id>/uploads/", views.upload, name="upload"),
    path("uploads/<int:pk>/", views.upload_state, name="upload_state"),
    path("assets/preview/", views.preview, name="preview"),
]
