"""Reading drafts: whose they are and who may see or change them."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import Http404

from scenario_ui.authoring.models import Draft, DraftTestRun, DraftVersion


def own_drafts(user: User) -> QuerySet[Draft]:
    """The user's drafts, newest change first, each with `version_count`."""
    return Draft.objects.filter(owner=user).annotate(version_count=Count("versions"))


def drafts_shared_with(user: User) -> QuerySet[Draft]:
    """Other people's drafts shared with the team."""
    return Draft.objects.filter(shared=True).exclude(owner=user).select_related("owner")


def readable_draft(user: User, draft_id: uuid.UUID) -> Draft:
    """The user's own draft, or one shared with the team; 404 for anything else."""
    draft = Draft.objects.select_related("owner").filter(pk=draft_id).first()
    if draft is None or (draft.owner_id != user.pk and not draft.shared):
        raise Http404("No such draft.")
    return draft


def editable_draft(user: User, draft_id: uuid.UUID) -> Draft:
    """The user's own draft; a shared one is read-only (403), others do not exist (404)."""
    draft = readable_draft(user, draft_id)
    if draft.owner_id != user.pk:
        raise PermissionDenied("Only the draft's owner can change it.")
    return draft


def version_of(draft: Draft, number: int) -> DraftVersion:
    version = draft.versions.select_related("author").filter(number=number).first()
    if version is None:
        raise Http404(f"Version {number} does not exist.")
    return version


def own_test_run(user: User, pk: int) -> DraftTestRun:
    run = DraftTestRun.objects.select_related("draft").filter(pk=pk, user=user).first()
    if run is None:
        raise Http404("No such test run.")
    return run
