from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from scenario_ui.team.credit_alerts import banner_alert


def credit_alert(request: HttpRequest) -> dict[str, object]:
    """The credit alert banner of every page (`team/_credit_alert.html`), leads only. Lazy:
    a fragment that does not show the banner (a poll) reads nothing."""
    user = request.user
    return {
        "credit_alert": SimpleLazyObject(
            lambda: banner_alert(user) if isinstance(user, User) else None
        )
    }
