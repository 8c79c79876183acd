from __future__ import annotations

from django.urls import path

from scenario_ui.authoring import views, views_runs

app_name = "authoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.new, name="new"),
    path("open/", views.open_model, name="open"),
    path("import/", views.import_file, name="import"),
    path("<uuid:draft_id>/", views.studio_page, name="studio"),
    path("<uuid:draft_id>/definition/", views.definition_changed, name="definition"),
    path("<uuid:draft_id>/preview/", views.preview, name="preview"),
    path("<uuid:draft_id>/compare/", views.compare, name="compare"),
    path("<uuid:draft_id>/versions/", views.save_version, name="save_version"),
    path(
        "<uuid:draft_id>/versions/<int:number>/restore/",
        views.restore_version,
        name="restore_version",
    ),
    path("<uuid:draft_id>/share/", views.share, name="share"),
    path("<uuid:draft_id>/rename/", views.rename, name="rename"),
    path("<uuid:draft_id>/copy/", views.copy, name="copy"),
    path("<uuid:draft_id>/delete/", views.delete, name="delete"),
    path("<uuid:draft_id>/export/", views.export, name="export"),
    path("<uuid:draft_id>/cost/", views_runs.check_cost, name="cost"),
    path("<uuid:draft_id>/test-run/", views_runs.test_run, name="test_run"),
    path("runs/<int:pk>/", views_runs.run_poll, name="run"),
    path("runs/<int:pk>/outputs/<str:asset_id>/", views_runs.run_output, name="run_output"),
]
