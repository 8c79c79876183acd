"""What each view needs from the signed-in user's role, and which jobs a user may see.

Views declare their need with `@requires(Need.X)`; a user without it gets a 403
page that says what their role lacks and who can change it (`templates/403.html`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import wraps
from typing import Concatenate

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest
from django.http.response import HttpResponseBase

_ASK = "A lead or an administrator can change your role (manage.py team add, or the admin)."


class Need(Enum):
    BROWSE = (
        "team.browse_models",
        f"Your account has no role in this team yet, so it cannot open models. {_ASK}",
    )
    SPEND = (
        "team.spend_credits",
        "Your role (viewer) lets you browse models and preview requests, but not spend "
        "credits: generating, training, cost estimates and cancelling jobs are for members "
        f"and leads. {_ASK}",
    )
    BUDGETS = ("team.change_budget", f"Budgets are set by leads. {_ASK}")
    AUDIT = ("team.view_auditentry", f"The audit trail is for leads. {_ASK}")
    OVERSEE = (
        "team.oversee_team",
        f"The team dashboard (everyone's jobs, spend and trainings) is for leads. {_ASK}",
    )

    def __init__(self, permission: str, refusal: str) -> None:
        self.permission = permission
        self.refusal = refusal


# On a form a viewer can only preview, in place of its Generate button.
PREVIEW_ONLY = (
    "Preview only: your role (viewer) cannot generate, which spends credits. "
    "A lead can make you a member."
)
OVERSEE_TEAM = Need.OVERSEE.permission


def requires[R: HttpRequest, S: HttpResponseBase, **P](
    need: Need,
) -> Callable[[Callable[Concatenate[R, P], S]], Callable[Concatenate[R, P], S]]:
    """Any response type (a streamed CSV too) passes through as the view declares it."""

    def decorate(
        view: Callable[Concatenate[R, P], S],
    ) -> Callable[Concatenate[R, P], S]:
        @wraps(view)
        def checked(request: R, /, *args: P.args, **kwargs: P.kwargs) -> S:
            user = request.user
            if not user.has_perm(need.permission):
                # A user with no role at all is told that, whatever the page.
                lacking = need if user.has_perm(Need.BROWSE.permission) else Need.BROWSE
                raise PermissionDenied(lacking.refusal)
            return view(request, *args, **kwargs)

        return checked

    return decorate


def may_spend(user: User) -> bool:
    return user.has_perm(Need.SPEND.permission)


def submit_refusal(user: User) -> str:
    """What a form shows instead of its Generate button: nothing for who may spend."""
    return "" if may_spend(user) else PREVIEW_ONLY


def oversees_team(user: User) -> bool:
    """Leads see, follow and cancel everyone's jobs and trainings."""
    return user.has_perm(OVERSEE_TEAM)


def jobs_visible_to(user: User) -> Q:
    """The filter on jobs (anything with a `user`) this user may open: theirs, or all."""
    return Q() if oversees_team(user) else Q(user=user)
