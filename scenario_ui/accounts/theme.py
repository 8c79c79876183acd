"""Light or dark: the system's setting, unless the person chose one (kept in a cookie).

The page is drawn with the choice already in `<html data-theme>`, so no script runs
before the first paint and nothing flashes.
"""

from __future__ import annotations

from typing import Final

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from scenario_ui.team.access import Need, requires

THEME_COOKIE: Final = "theme"
THEMES: Final = ("light", "dark")
ONE_YEAR: Final = 365 * 24 * 3600


def chosen_theme(request: HttpRequest) -> str:
    """ "light", "dark", or "" to follow the system."""
    theme = request.COOKIES.get(THEME_COOKIE, "")
    return theme if theme in THEMES else ""


def theme(request: HttpRequest) -> dict[str, str]:
    return {"theme": chosen_theme(request)}


@requires(Need.BROWSE)
@require_POST
def choose_theme(request: HttpRequest) -> HttpResponse:
    """`theme`: light, dark or system; back to `next` (this site only)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("catalog:index")
    response = HttpResponseRedirect(target)
    choice = request.POST.get("theme", "")
    if choice in THEMES:
        response.set_cookie(
            THEME_COOKIE, choice, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure()
        )
    else:
        response.delete_cookie(THEME_COOKIE, samesite="Lax")
    return response
