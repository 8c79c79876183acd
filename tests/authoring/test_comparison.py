"""Comparing versions, the working text and published models."""

from __future__ import annotations

import pytest
from django.http import Http404

from scenario_ui.authoring import comparison, drafts
from scenario_ui.scenario.errors import ScenarioNotFound

pytestmark = pytest.mark.django_db

TEXT = '{"id": "model_demo-lumen-xl", "inputs": [{"name": "prompt", "type": "string"}]}\n'


@pytest.fixture
def draft(user):
    return drafts.create_draft(owner=user, title="Draft", text=TEXT, note="first")


def test_versions_compare_structurally_and_by_text(draft, user) -> None:
    drafts.autosave(draft, text=TEXT.replace("string", "string_array"), revision=draft.revision)
    drafts.save_version(draft, author=user, note="arrays")

    result = comparison.compare(draft, "v1", "v2")

    assert result.before.label.startswith("Version 1 (artist, ")
    assert result.structural is not None
    assert [(c.name, c.kind) for c in result.structural.inputs] == [("prompt", "changed")]
    assert [line.kind for line in result.lines] == ["removed", "added"]


def test_the_working_text_may_be_broken_then_only_text_is_compared(draft) -> None:
    drafts.autosave(draft, text='{"id": ', revision=draft.revision)

    result = comparison.compare(draft, "v1", "draft")

    assert result.structural is None
    assert result.unreadable == "Working draft is not valid JSON (Expecting value)."
    assert result.lines


@pytest.mark.usefixtures("seeded_sandbox")
def test_a_published_model_is_read_through_the_gateway(user) -> None:
    draft = drafts.open_from_catalog(owner=user, model_id="model_demo-lumen-xl")

    result = comparison.compare(draft, "published", "v1")

    assert result.before.label == "Published model_demo-lumen-xl"
    assert result.structural is not None
    assert result.structural.is_empty
    assert result.lines == []


@pytest.mark.usefixtures("seeded_sandbox")
def test_any_model_id_can_be_compared(draft) -> None:
    result = comparison.compare(draft, "model:model_demo-lumen-xl", "draft")

    assert result.structural is not None
    assert ("negativePrompt", "removed") in [(c.name, c.kind) for c in result.structural.inputs]
    with pytest.raises(ScenarioNotFound):
        comparison.compare(draft, "model:model_nope", "draft")


def test_bad_references_list_the_good_ones(draft) -> None:
    with pytest.raises(comparison.UnknownSide, match='use "draft", a version such as "v1"'):
        comparison.side(draft, "latest")
    with pytest.raises(comparison.UnknownSide, match="not opened from the catalog"):
        comparison.side(draft, "published")
    with pytest.raises(Http404):
        comparison.side(draft, "v9")


def test_default_sides_follow_what_is_unsaved(draft, user) -> None:
    assert comparison.default_refs(draft) == ("v1", "v1")
    drafts.autosave(draft, text=TEXT.replace("prompt", "caption"), revision=draft.revision)
    assert comparison.default_refs(draft) == ("v1", "draft")
    drafts.save_version(draft, author=user, note="")
    assert comparison.default_refs(draft) == ("v1", "v2")
