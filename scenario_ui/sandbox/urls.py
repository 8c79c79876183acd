from __future__ import annotations

from django.urls import path, re_path

from scenario_ui.sandbox import usages_views, views, views_webhooks

app_name = "sandbox"

urlpatterns = [
    path("models", views.models_collection, name="models-list"),
    path("models/get-bulk", views.get_models_in_bulk, name="models-get-bulk"),
    path("models/<str:model_id>", views.model_detail, name="model-detail"),
    path("models/<str:model_id>/train", views.train_model, name="model-train"),
    path(
        "models/<str:model_id>/training-images",
        views.add_model_training_image,
        name="model-training-images",
    ),
    path(
        "models/<str:model_id>/training-images/<str:image_id>",
        views.delete_model_training_image,
        name="model-training-image",
    ),
    path(
        "models/<str:model_id>/train/action",
        views.trigger_training_action,
        name="model-train-action",
    ),
    path("generate/custom/<str:model_id>", views.run_custom_model, name="generate-custom"),
    path("generate/prompt", views.generate_prompt, name="generate-prompt"),
    path("jobs", views.list_jobs, name="jobs-list"),
    path("jobs/<str:job_id>", views.retrieve_job, name="job-detail"),
    path("jobs/<str:job_id>/action", views.trigger_job_action, name="job-action"),
    path("assets", views.upload_asset, name="assets-upload"),
    path("assets/get-bulk", views.get_assets_in_bulk, name="assets-get-bulk"),
    path("assets/<str:asset_id>", views.retrieve_asset, name="asset-detail"),
    path("assets/<str:asset_id>/content", views.asset_content, name="asset-content"),
    path(
        "projects/<str:project_id>/webhook-endpoints",
        views_webhooks.webhook_endpoints,
        name="webhook-endpoints",
    ),
    path(
        "projects/<str:project_id>/webhook-endpoints/<str:endpoint_id>",
        views_webhooks.webhook_endpoint,
        name="webhook-endpoint",
    ),
    path(
        "projects/<str:project_id>/webhook-endpoints/<str:endpoint_id>/events",
        views_webhooks.webhook_events,
        name="webhook-events",
    ),
    path(
        "teams/<str:team_id>/webhook-endpoints",
        views_webhooks.team_webhook_endpoints,
        name="team-webhook-endpoints",
    ),
    path(
        "teams/<str:team_id>/webhook-endpoints/<str:endpoint_id>",
        views_webhooks.team_webhook_endpoint,
        name="team-webhook-endpoint",
    ),
    path("usages", usages_views.list_usages, name="usages-list"),
    path("_stats", views_webhooks.call_stats, name="stats"),
    path("uploads", views.create_upload, name="uploads-create"),
    path("uploads/<str:upload_id>", views.retrieve_upload, name="upload-detail"),
    path("uploads/<str:upload_id>/action", views.trigger_upload_action, name="upload-action"),
    path("uploads/<str:upload_id>/parts/<int:number>", views.put_upload_part, name="upload-part"),
    # Anything else under the API root answers in the API's error shape, never an HTML page.
    re_path(r"^.*$", views.route_not_found, name="route-not-found"),
]
