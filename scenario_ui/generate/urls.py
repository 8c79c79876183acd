from __future__ import annotations

from django.urls import path

from scenario_ui.generate import views

app_name = "generate"

urlpatterns = [
    path("models/<str:model_id>/form/", views.revalidate, name="revalidate"),
    path("models/<str:model_id>/estimate/", views.estimate, name="estimate"),
    path("models/<str:model_id>/generate/", views.submit_view, name="submit"),
    path("models/<str:model_id>/prompt-spark/", views.prompt_spark, name="prompt_spark"),
    path("jobs/", views.my_jobs, name="jobs"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/poll/", views.job_poll, name="job_poll"),
    path("jobs/<int:pk>/cancel/", views.job_cancel, name="job_cancel"),
    path("jobs/<int:pk>/look-up/", views.job_look_up, name="job_look_up"),
]
