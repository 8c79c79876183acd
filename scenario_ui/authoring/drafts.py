"""Drafts and their versions: writes here, reads in `selectors`.

A draft keeps exactly what its author typed (autosaved, valid JSON or not); a
version is a named state of valid JSON, recorded with who saved it and when.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from scenario_ui.authoring.findings import read_draft
from scenario_ui.authoring.models import Draft, DraftVersion
from scenario_ui.scenario import drafts as sandbox_drafts
from scenario_ui.scenario import gateway
from scenario_ui.scenario.errors import ScenarioError

logger = logging.getLogger(__name__)

# Definitions are a few kilobytes to a few hundred for 200 inputs; more is a mistake.
MAX_TEXT_CHARACTERS = 1_000_000
NEW_DRAFT: dict[str, Any] = {
    "name": "New model",
    "type": "custom",
    "capabilities": ["txt2img"],
    "inputs": [
        {
            "name": "prompt",
            "type": "string",
            "label": "Prompt",
            "description": "What the image should show.",
            "prompt": True,
            "required": {"always": True},
        }
    ],
    "uiConfig": {},
}


class DraftRefused(ValueError):
    """The change cannot be made; `message` says why, for the author."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def pretty(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def create_draft(
    *, owner: User, title: str, text: str, source_model_id: str = "", note: str
) -> Draft:
    """A new draft, its text saved as version 1 when it is valid JSON."""
    _check_size(text)
    with transaction.atomic():
        draft = Draft.objects.create(
            owner=owner,
            title=title[:200] or "Untitled draft",
            text=text,
            source_model_id=source_model_id,
        )
        if read_draft(text).definition is not None:
            DraftVersion.objects.create(draft=draft, number=1, text=text, note=note, author=owner)
    return draft


def new_draft(*, owner: User) -> Draft:
    return create_draft(owner=owner, title="New model", text=pretty(NEW_DRAFT), note="New draft")


def open_from_catalog(*, owner: User, model_id: str) -> Draft:
    """A draft of a catalog model's published definition (raises ScenarioError)."""
    model_id = model_id.strip()
    if not model_id:
        raise DraftRefused("Enter a model id, such as model_demo-lumen-xl.")
    record = gateway.retrieve_model(model_id, fresh=True)
    name = str(record.get("name") or model_id)
    return create_draft(
        owner=owner,
        title=name,
        text=pretty(record),
        source_model_id=model_id,
        note=f"Opened from the catalog ({model_id})",
    )


def import_file(*, owner: User, file_name: str, content: bytes) -> Draft:
    """A draft of a JSON file; text that is not valid JSON is kept, to be fixed in the editor."""
    if len(content) > MAX_TEXT_CHARACTERS * 4:
        raise DraftRefused(f"{file_name} is too large for a model definition.")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DraftRefused(f"{file_name} is not UTF-8 text ({error.reason}).") from error
    title = file_name.rsplit("/", 1)[-1].removesuffix(".json") or "Imported draft"
    reading = read_draft(text)
    if reading.definition is not None and reading.definition.name:
        title = reading.definition.name
    return create_draft(owner=owner, title=title, text=text, note=f"Imported from {file_name}")


def autosave(draft: Draft, *, text: str, revision: int) -> Draft:
    """Keep what the author typed, valid JSON or not, over the `revision` the editor had.

    An editor that missed a change (another tab, a restored version) is refused rather
    than allowed to overwrite it.
    """
    _check_size(text)
    saved = Draft.objects.filter(pk=draft.pk, revision=revision).update(
        text=text, revision=F("revision") + 1, updated_at=timezone.now()
    )
    if not saved:
        raise DraftRefused(
            "this draft was changed elsewhere (another tab or a restored version) since this "
            "page loaded. Your text is still in the editor: copy it, then reload the page."
        )
    draft.refresh_from_db(fields=["text", "revision", "updated_at"])
    return draft


def rename(draft: Draft, *, title: str) -> Draft:
    title = title.strip()
    if not title:
        raise DraftRefused("A draft needs a title.")
    draft.title = title[:200]
    draft.save(update_fields=["title", "updated_at"])
    return draft


def save_version(draft: Draft, *, author: User, note: str) -> DraftVersion:
    """Record the draft's text as its next version; refused for invalid JSON or no change."""
    syntax_error = read_draft(draft.text).syntax_error
    if syntax_error is not None:
        raise DraftRefused(f"Fix the JSON before saving a version. {syntax_error.message}")
    with transaction.atomic():
        # Locks the draft's row: two saves at once still get distinct numbers.
        Draft.objects.select_for_update().filter(pk=draft.pk).first()
        latest = draft.versions.first()
        if latest is not None and latest.text == draft.text:
            raise DraftRefused(f"Nothing changed since version {latest.number}.")
        number = (draft.versions.aggregate(Max("number"))["number__max"] or 0) + 1
        return DraftVersion.objects.create(
            draft=draft, number=number, text=draft.text, note=note.strip()[:500], author=author
        )


def restore_version(draft: Draft, version: DraftVersion, *, author: User) -> Draft:
    """Make a version the draft's text; unsaved changes are kept as a version first."""
    with transaction.atomic():
        latest = draft.versions.first()
        unsaved = latest is None or latest.text != draft.text
        if unsaved and read_draft(draft.text).definition is not None:
            save_version(draft, author=author, note=f"Before restoring version {version.number}")
        draft.text = version.text
        draft.revision += 1
        draft.save(update_fields=["text", "revision", "updated_at"])
    return draft


def set_shared(draft: Draft, *, shared: bool) -> Draft:
    draft.shared = shared
    draft.save(update_fields=["shared", "updated_at"])
    return draft


def copy_draft(draft: Draft, *, owner: User) -> Draft:
    return create_draft(
        owner=owner,
        title=f"{draft.title} (copy)",
        text=draft.text,
        source_model_id=draft.source_model_id,
        note=f"Copied from {draft.owner.get_username()}'s draft",
    )


def delete_draft(draft: Draft) -> None:
    """The draft, its versions and runs; its temporary sandbox model too, when reachable."""
    if draft.sandbox_model_id:
        try:
            sandbox_drafts.delete_draft_model(draft.sandbox_model_id)
        except ScenarioError as error:
            # The sandbox model is only a leftover; it must not keep the draft alive.
            logger.warning("Could not delete sandbox model %s: %s", draft.sandbox_model_id, error)
    draft.delete()


def _check_size(text: str) -> None:
    if len(text) > MAX_TEXT_CHARACTERS:
        raise DraftRefused(
            f"The definition is {len(text):,} characters long; drafts hold at most "
            f"{MAX_TEXT_CHARACTERS:,}."
        )
