"""Drafts and versions: what is kept, what is refused, and why."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model

from scenario_ui.authoring import drafts
from scenario_ui.authoring.models import Draft, DraftVersion
from scenario_ui.scenario.errors import ScenarioNotFound

pytestmark = pytest.mark.django_db

TEXT = '{"id": "model_a", "inputs": []}\n'


@pytest.fixture
def draft(user) -> Draft:
    return drafts.create_draft(owner=user, title="Mine", text=TEXT, note="Start")


def test_a_new_draft_starts_with_version_one(draft, user) -> None:
    [version] = draft.versions.all()

    assert (version.number, version.text, version.note, version.author) == (1, TEXT, "Start", user)


def test_invalid_json_is_kept_as_a_draft_without_a_version(user) -> None:
    draft = drafts.create_draft(owner=user, title="Broken", text='{"id": ', note="Start")

    assert draft.text == '{"id": '
    assert not draft.versions.exists()


def test_new_draft_is_a_valid_custom_model(user) -> None:
    draft = drafts.new_draft(owner=user)

    assert json.loads(draft.text)["inputs"][0]["name"] == "prompt"
    assert draft.versions.count() == 1


@pytest.mark.usefixtures("seeded_sandbox")
def test_open_from_catalog_keeps_the_published_record(user) -> None:
    draft = drafts.open_from_catalog(owner=user, model_id=" model_demo-lumen-xl ")

    assert draft.title == "Lumen XL"
    assert draft.source_model_id == "model_demo-lumen-xl"
    assert json.loads(draft.text)["id"] == "model_demo-lumen-xl"
    assert draft.versions.get().note == "Opened from the catalog (model_demo-lumen-xl)"


@pytest.mark.usefixtures("seeded_sandbox")
def test_open_from_catalog_refuses_nothing_and_unknown_ids(user) -> None:
    with pytest.raises(drafts.DraftRefused, match="Enter a model id"):
        drafts.open_from_catalog(owner=user, model_id=" ")
    with pytest.raises(ScenarioNotFound):
        drafts.open_from_catalog(owner=user, model_id="model_nope")
    assert not Draft.objects.exists()


def test_import_takes_the_models_name_and_keeps_broken_files(user) -> None:
    named = drafts.import_file(
        owner=user, file_name="lumen.json", content=b'\xef\xbb\xbf{"name": "Lumen", "id": "m"}'
    )
    broken = drafts.import_file(owner=user, file_name="dir/half.json", content=b'{"name": ')

    assert (named.title, named.text) == ("Lumen", '{"name": "Lumen", "id": "m"}')
    assert (broken.title, broken.text) == ("half", '{"name": ')
    with pytest.raises(drafts.DraftRefused, match=r"bin.json is not UTF-8 text \(invalid"):
        drafts.import_file(owner=user, file_name="bin.json", content=b"\xff\xfe")


def test_autosave_keeps_any_text_within_the_size_limit(draft) -> None:
    drafts.autosave(draft, text="not json at all", revision=draft.revision)
    draft.refresh_from_db()
    assert draft.text == "not json at all"

    with pytest.raises(drafts.DraftRefused, match="drafts hold at most 1,000,000"):
        drafts.autosave(draft, text="x" * (drafts.MAX_TEXT_CHARACTERS + 1), revision=draft.revision)
    draft.refresh_from_db()
    assert draft.text == "not json at all"


def test_autosave_refuses_an_editor_that_missed_a_change(draft, user) -> None:
    drafts.autosave(draft, text="[1]", revision=0)
    with pytest.raises(drafts.DraftRefused, match="changed elsewhere"):
        drafts.autosave(draft, text="[2]", revision=0)
    drafts.restore_version(draft, draft.versions.get(number=1), author=user)

    assert draft.revision == 2
    with pytest.raises(drafts.DraftRefused, match="changed elsewhere"):
        drafts.autosave(draft, text="[3]", revision=1)


def test_versions_number_up_and_refuse_broken_or_unchanged_text(draft, user) -> None:
    with pytest.raises(drafts.DraftRefused, match="Nothing changed since version 1"):
        drafts.save_version(draft, author=user, note="again")
    drafts.autosave(draft, text='{"id": ', revision=draft.revision)
    with pytest.raises(
        drafts.DraftRefused, match=r"Fix the JSON before saving a version\. Not valid"
    ):
        drafts.save_version(draft, author=user, note="broken")
    drafts.autosave(draft, text=TEXT.replace("model_a", "model_b"), revision=draft.revision)

    version = drafts.save_version(draft, author=user, note="  Renamed  ")

    assert (version.number, version.note) == (2, "Renamed")


def test_restoring_keeps_unsaved_work_as_a_version(draft, user) -> None:
    edited = TEXT.replace("model_a", "model_b")
    drafts.autosave(draft, text=edited, revision=draft.revision)

    drafts.restore_version(draft, draft.versions.get(number=1), author=user)

    draft.refresh_from_db()
    assert draft.text == TEXT
    kept = draft.versions.get(number=2)
    assert (kept.text, kept.note) == (edited, "Before restoring version 1")


def test_restoring_over_saved_work_adds_no_version(draft, user) -> None:
    drafts.restore_version(draft, draft.versions.get(number=1), author=user)

    assert draft.versions.count() == 1


def test_share_copy_rename_delete(draft, user) -> None:
    other = get_user_model().objects.create_user("teammate", password="a-long-test-password")
    drafts.set_shared(draft, shared=True)

    copy = drafts.copy_draft(draft, owner=other)
    drafts.rename(copy, title="  Theirs  ")

    assert (copy.owner, copy.title, copy.text, copy.shared) == (other, "Theirs", TEXT, False)
    assert copy.versions.get().note == "Copied from artist's draft"
    with pytest.raises(drafts.DraftRefused, match="needs a title"):
        drafts.rename(copy, title=" ")
    drafts.delete_draft(draft)
    assert not DraftVersion.objects.filter(draft_id=draft.pk).exists()


def test_deleting_a_draft_removes_its_sandbox_model(draft, settings) -> None:
    from scenario_ui.scenario import drafts as sandbox

    model_id = sandbox.save_draft_model(
        sandbox.DraftModel(name="d", type="custom", capabilities=[], inputs=[], ui_config={}),
        model_id=None,
    )
    draft.sandbox_model_id = model_id
    draft.save()

    drafts.delete_draft(draft)

    with pytest.raises(ScenarioNotFound):
        sandbox.estimate_draft_cost(model_id, {})
