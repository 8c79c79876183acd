"""What the studio shows for a text: the preview, or the last version that parses."""

from __future__ import annotations

import json

import pytest

from scenario_ui.authoring import drafts, studio

pytestmark = pytest.mark.django_db

MODEL = {
    "id": "model_t",
    "name": "T",
    "inputs": [
        {"name": "prompt", "type": "string", "required": {"always": True}},
        {"name": "seed", "type": "number"},
    ],
}


@pytest.fixture
def draft(user):
    return drafts.create_draft(owner=user, title="T", text=json.dumps(MODEL), note="")


def test_valid_text_has_its_own_preview_and_rules(draft) -> None:
    state = studio.studio_state(draft, draft.text, base_url="")

    assert state.preview is not None
    assert state.preview.definition.input_names == ["prompt", "seed"]
    assert [item.name for item in state.preview.rules] == ["prompt", "seed"]
    assert state.preview.stale_note == ""


def test_while_typing_broken_text_has_no_preview(draft) -> None:
    state = studio.studio_state(draft, '{"id": ', base_url="")

    assert state.preview is None
    assert state.reading.syntax_error is not None


def test_on_a_page_load_broken_text_shows_the_latest_version_that_parses(draft) -> None:
    state = studio.studio_state(draft, '{"id": ', base_url="", fall_back=True)

    assert state.preview is not None
    assert state.preview.stale_note == "The JSON has an error; the preview shows version 1."


def test_without_any_version_there_is_nothing_to_fall_back_to(user) -> None:
    draft = drafts.create_draft(owner=user, title="B", text="[", note="")

    assert studio.studio_state(draft, draft.text, base_url="", fall_back=True).preview is None


def test_rules_context_lists_optional_inputs_by_label(draft) -> None:
    state = studio.studio_state(draft, draft.text, base_url="")
    assert state.preview is not None

    context = studio.rules_context(state.preview.rules)

    assert [item.name for item in context["rules"]] == ["prompt"]
    assert context["optional_labels"] == ["seed"]
    assert studio.rules_context(None) == {"rules": None, "optional_labels": []}


def test_helpers() -> None:
    assert studio.touched_names({"__touched": ["prompt  seed"]}) == ["prompt", "seed"]
    assert studio.definition_of("[1") is None
    assert studio.definition_of('{"id": "m"}') is not None


def test_export_name_is_a_slug(draft) -> None:
    draft.title = "Lumen XL / v2!"
    assert studio.export_name(draft) == "lumen-xl-v2.json"
