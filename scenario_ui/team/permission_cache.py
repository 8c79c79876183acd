"""Django's model backend with each user's permissions kept in the cache.

Every view checks a permission (`access.requires`), and the model backend reads
them with two queries per request; a live form update otherwise reads no table
but the signed-in user. Any change to a user's groups or permissions, or to a
group, starts a new generation of keys, so the next check reads the database
again (other processes see it at once on a shared cache such as Redis, or
within `PERMISSIONS_TTL_SECONDS` on a per-process one).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete

PERMISSIONS_TTL_SECONDS = 60
_GENERATION_KEY = "team:permissions:generation"


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(
        self, user_obj: User | AnonymousUser, obj: Model | None = None
    ) -> set[str]:
        if obj is not None or not user_obj.is_active or user_obj.is_anonymous:
            return super().get_all_permissions(user_obj, obj)
        generation = cache.get_or_set(_GENERATION_KEY, _new_generation, timeout=None)
        key = f"team:permissions:{generation}:{user_obj.pk}"
        permissions: set[str] | None = cache.get(key)
        if permissions is None:
            permissions = super().get_all_permissions(user_obj)
            cache.set(key, permissions, PERMISSIONS_TTL_SECONDS)
        return permissions


def _new_generation() -> str:
    return uuid.uuid4().hex


def forget_permissions(**_: Any) -> None:
    """A new generation now, and again once the change commits (a check in between may
    have cached what was there before)."""
    cache.set(_GENERATION_KEY, _new_generation(), timeout=None)
    transaction.on_commit(lambda: cache.set(_GENERATION_KEY, _new_generation(), timeout=None))


def connect_invalidation() -> None:
    """Called once, from the app's `ready`."""
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(forget_permissions, sender=through, dispatch_uid=f"forget-{through}")
    post_delete.connect(forget_permissions, sender=Group, dispatch_uid="forget-group")
