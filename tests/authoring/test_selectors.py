"""Who sees which draft: owners edit, the team reads shared ones, nobody else sees them."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404

from scenario_ui.authoring import drafts, selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def other(db):
    return get_user_model().objects.create_user("teammate", password="a-long-test-password")


@pytest.fixture
def draft(user):
    return drafts.create_draft(owner=user, title="Mine", text="{}", note="")


def test_the_owner_reads_and_edits(draft, user) -> None:
    assert selectors.readable_draft(user, draft.pk) == draft
    assert selectors.editable_draft(user, draft.pk) == draft
    assert list(selectors.own_drafts(user)) == [draft]


def test_others_do_not_see_an_unshared_draft(draft, other) -> None:
    with pytest.raises(Http404):
        selectors.readable_draft(other, draft.pk)
    with pytest.raises(Http404):
        selectors.editable_draft(other, draft.pk)
    assert not selectors.drafts_shared_with(other).exists()


def test_a_shared_draft_is_read_only_for_the_team(draft, other, user) -> None:
    drafts.set_shared(draft, shared=True)

    assert selectors.readable_draft(other, draft.pk) == draft
    with pytest.raises(PermissionDenied):
        selectors.editable_draft(other, draft.pk)
    assert list(selectors.drafts_shared_with(other)) == [draft]
    assert not selectors.drafts_shared_with(user).exists()


def test_unknown_drafts_versions_and_runs_are_404(draft, user, other) -> None:
    with pytest.raises(Http404):
        selectors.readable_draft(user, uuid.uuid4())
    with pytest.raises(Http404):
        selectors.version_of(draft, 5)
    with pytest.raises(Http404):
        selectors.own_test_run(other, 1)
