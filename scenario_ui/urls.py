from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from scenario_ui.accounts import theme

urlpatterns = [
    path("", include("scenario_ui.catalog.urls")),
    path("", include("scenario_ui.generate.urls")),
    path("", include("scenario_ui.training.urls")),
    path("studio/", include("scenario_ui.authoring.urls")),
    path("library/", include("scenario_ui.library.urls")),
    path("team/", include("scenario_ui.team.urls")),
    path("admin/", admin.site.urls),
    path("", include("scenario_ui.worker.urls")),
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/theme/", theme.choose_theme, name="theme"),
]
if settings.SCENARIO_SANDBOX:
    # With real credentials the sandbox is not served at all.
    urlpatterns.append(path("sandbox/v1/", include("scenario_ui.sandbox.urls")))
