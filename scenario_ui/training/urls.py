from __future__ import annotations

from django.urls import path

from scenario_ui.training import views, views_images

app_name = "training"

urlpatterns = [
    path("models/<str:model_id>/train/", views.train, name="train"),
    path("models/<str:model_id>/train/form/", views.revalidate, name="revalidate"),
    path("models/<str:model_id>/train/review/", views.review_view, name="review"),
    path("models/<str:model_id>/train/start/", views.start_view, name="start"),
    path("models/<str:model_id>/train/progress/", views.progress, name="progress"),
    path("models/<str:model_id>/train/cancel/", views.cancel, name="cancel"),
    path("models/<str:model_id>/train/images/", views_images.add_images_view, name="add_images"),
    path(
        "models/<str:model_id>/train/images/<str:image_id>/remove/",
        views_images.remove_image_view,
        name="remove_image",
    ),
]
