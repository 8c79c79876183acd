from __future__ import annotations

from django.contrib.auth.models import User
from django.http import HttpRequest


def signed_in_user(request: HttpRequest) -> User:
    """The request's user; LoginRequiredMiddleware guarantees there is one."""
    user = request.user
    assert isinstance(user, User), "every page requires a signed-in user"
    return user
