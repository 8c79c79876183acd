"""The studio's pages: who may do what, and what each answer carries."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import scenario_ui
from scenario_ui.authoring import drafts
from scenario_ui.authoring.models import Draft
from tests.conftest import user_with_role

pytestmark = pytest.mark.django_db

MODEL: dict[str, Any] = {
    "id": "model_t",
    "name": "T",
    "inputs": [
        {"name": "prompt", "type": "string", "label": "Prompt", "required": {"always": True}},
        {"name": "mask", "type": "file", "label": "Mask"},
        {
            "name": "image",
            "type": "file",
            "label": "Image",
            "required": {"ifDefined": {"mask": {}}},
        },
        {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 28},
    ],
}
TEXT = json.dumps(MODEL, indent=2)
DEMO_CATALOG = sorted(
    (Path(scenario_ui.__file__).parent / "sandbox/demo_catalog").glob("*.json"), key=str
)
HTMX = {"HX-Request": "true"}


@pytest.fixture
def draft(user) -> Draft:
    return drafts.create_draft(owner=user, title="T", text=TEXT, note="first")


@pytest.fixture
def teammate(db) -> Client:
    other = user_with_role("teammate", "member")
    client = Client()
    client.force_login(other)
    return client


def url(draft: Draft, action: str = "") -> str:
    return f"/studio/{draft.pk}/{action + '/' if action else ''}"


def test_the_studio_needs_a_sign_in(client: Client, draft: Draft) -> None:
    assert client.get("/studio/").status_code == 302
    assert client.get(url(draft)).status_code == 302


def test_index_lists_my_drafts_and_the_teams_shared_ones(signed_in, draft, teammate) -> None:
    drafts.set_shared(draft, shared=True)

    assert "T" in signed_in.get("/studio/").content.decode()
    shared = teammate.get("/studio/").content.decode()
    assert "Shared with the team" in shared
    assert "by artist" in shared


def test_new_draft_opens_the_studio(signed_in) -> None:
    response = signed_in.post("/studio/new/")

    assert response.status_code == 302
    assert re.fullmatch(r"/studio/[0-9a-f-]{36}/", response["Location"])


def test_the_studio_page_lets_the_editor_style_itself_with_the_nonce_only(signed_in, draft) -> None:
    response = signed_in.get(url(draft))
    page = response.content.decode()
    policy = response["Content-Security-Policy"]

    nonce = re.search(r"'nonce-([^']+)'", policy)
    assert nonce is not None
    assert f"style-src 'self' 'nonce-{nonce.group(1)}'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert f'src="/static/build/studio.js" nonce="{nonce.group(1)}"' in page
    assert 'id="studio-definition"' in page
    assert 'form="model-form"' in page
    assert '<form id="model-form"' in page
    assert 'hx-post="/studio/' in page  # the preview's live updates come to the studio
    assert 'id="studio-diagnostics" type="application/json"' in page


def test_other_pages_keep_the_strict_style_policy(signed_in, draft) -> None:
    policy = signed_in.get("/studio/")["Content-Security-Policy"]
    assert "style-src 'self';" in policy or policy.endswith("style-src 'self'")


@pytest.mark.usefixtures("seeded_sandbox")
def test_open_from_catalog_and_its_failure(signed_in) -> None:
    opened = signed_in.post("/studio/open/", {"model_id": "model_demo-lumen-xl"})
    refused = signed_in.post("/studio/open/", {"model_id": "model_nope"}, follow=True)

    assert opened.status_code == 302
    assert Draft.objects.get().source_model_id == "model_demo-lumen-xl"
    assert "Could not open model_nope: Model model_nope not found" in refused.content.decode()


def test_import_a_file(signed_in) -> None:
    upload = SimpleUploadedFile("mine.json", TEXT.encode(), content_type="application/json")

    response = signed_in.post("/studio/import/", {"file": upload})

    assert response.status_code == 302
    assert Draft.objects.get().text == TEXT
    missing = signed_in.post("/studio/import/", {}, follow=True)
    assert "Choose a JSON file to import." in missing.content.decode()


def test_an_edit_is_saved_and_answered_with_findings_preview_and_diagnostics(
    signed_in, draft
) -> None:
    edited = TEXT.replace('"max": 50', '"max": 0')

    response = signed_in.post(
        url(draft, "definition"), {"__definition": edited, "__revision": "0"}, headers=HTMX
    )

    draft.refresh_from_db()
    assert draft.text == edited
    body = response.content.decode()
    assert (
        'id="studio-findings" class="findings" aria-labelledby="findings-title" hx-swap-oob="true"'
        in body
    )
    assert "min 1 is greater than max 0" in body
    assert '<div id="studio-preview-form" hx-swap-oob="innerHTML">' in body
    assert 'id="studio-rules" hx-swap-oob="true"' in body
    assert 'id="request-preview"' in body
    diagnostics = json.loads(response["HX-Trigger"])["studio:diagnostics"]["diagnostics"]
    assert [d["message"] for d in diagnostics] == [
        "min 1 is greater than max 0; no value can meet both",
        'default is 28, above max 0 of input "steps"',
    ]
    assert edited[diagnostics[0]["from"] : diagnostics[0]["to"]] == '"min": 1'


def test_broken_json_is_saved_and_keeps_the_preview(signed_in, draft) -> None:
    response = signed_in.post(
        url(draft, "definition"), {"__definition": '{"id": ', "__revision": "0"}, headers=HTMX
    )

    body = response.content.decode()
    assert "Not valid JSON: Expecting value (line 1, column 8)" in body
    assert "studio-preview-form" not in body
    draft.refresh_from_db()
    assert draft.text == '{"id": '


def test_touched_preview_values_survive_an_edit(signed_in, draft) -> None:
    data = {
        "__definition": TEXT,
        "__revision": "0",
        "__touched": "mask",
        "mask": "asset_m",
        "steps": "3",
    }

    body = signed_in.post(url(draft, "definition"), data, headers=HTMX).content.decode()

    assert 'value="asset_m"' in body
    assert 'value="28"' in body
    assert "Required now" in body  # Image: its rule reads Mask


def test_an_oversized_edit_is_refused_and_says_so(signed_in, draft) -> None:
    response = signed_in.post(
        url(draft, "definition"), {"__definition": "x" * 1_000_001, "__revision": "0"}, headers=HTMX
    )

    assert response.status_code == 422
    assert "Not saved: The definition is 1,000,001 characters long" in response.content.decode()


def test_a_stale_editor_cannot_overwrite_a_newer_text(signed_in, draft) -> None:
    first = signed_in.post(url(draft, "definition"), {"__definition": "[1]", "__revision": "0"})
    stale = signed_in.post(url(draft, "definition"), {"__definition": "[2]", "__revision": "0"})

    assert 'id="studio-revision" name="__revision" value="1" hx-swap-oob="true"' in (
        first.content.decode()
    )
    assert stale.status_code == 422
    assert "Not saved: this draft was changed elsewhere" in stale.content.decode()
    draft.refresh_from_db()
    assert (draft.text, draft.revision) == ("[1]", 1)


def test_a_preview_change_gets_the_model_pages_live_answer_and_the_rules(signed_in, draft) -> None:
    data = {"__definition": TEXT, "__shown": "", "mask": "asset_m", "steps": "99"}

    response = signed_in.post(
        url(draft, "preview"), data, headers={**HTMX, "HX-Trigger-Name": "steps"}
    )

    body = response.content.decode()
    assert 'data-error-for="steps" hx-swap-oob="true">Must be at most 50.' in body
    assert 'id="studio-rules" hx-swap-oob="true"' in body
    assert json.loads(response["HX-Trigger"])["scenario:form-state"]["required"] == [
        "prompt",
        "image",
    ]
    assert signed_in.post(url(draft, "preview"), {"__definition": "["}).status_code == 204


def test_a_shared_draft_is_read_only_for_the_team(draft, teammate) -> None:
    assert teammate.get(url(draft)).status_code == 404
    drafts.set_shared(draft, shared=True)

    page = teammate.get(url(draft)).content.decode()

    assert "readonly" in page
    assert "studio-sync" not in page
    assert "Test run in the sandbox" not in page
    assert "Make an editable copy" in page
    assert teammate.post(url(draft, "definition"), {"__definition": "{}"}).status_code == 403
    for action in ("versions", "share", "rename", "delete", "cost", "test-run"):
        assert teammate.post(url(draft, action)).status_code == 403, action
    assert teammate.post(url(draft, "preview"), {"__definition": TEXT}).status_code == 200
    assert teammate.get(url(draft, "export")).status_code == 200
    copied = teammate.post(url(draft, "copy"))
    assert copied.status_code == 302
    assert Draft.objects.exclude(pk=draft.pk).get().title == "T (copy)"


def test_save_a_version_then_refuse_an_unchanged_one(signed_in, draft) -> None:
    drafts.autosave(draft, text=TEXT.replace('"T"', '"T2"'), revision=draft.revision)

    saved = signed_in.post(url(draft, "versions"), {"note": "Rename"}, headers=HTMX)
    again = signed_in.post(url(draft, "versions"), {"note": "Again"}, headers=HTMX)

    assert "Saved version 2." in saved.content.decode()
    assert "Version 2</strong> · artist" in saved.content.decode()
    assert again.status_code == 422
    assert "Nothing changed since version 2." in again.content.decode()


def test_restore_a_version(signed_in, draft) -> None:
    drafts.autosave(draft, text="[", revision=draft.revision)

    response = signed_in.post(url(draft, "versions/1/restore"))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.text == TEXT


def test_share_export_rename_delete(signed_in, draft) -> None:
    shared = signed_in.post(url(draft, "share"), {"shared": "on"}, headers=HTMX)
    exported = signed_in.get(url(draft, "export"))
    signed_in.post(url(draft, "rename"), {"title": "Lumen draft"})

    assert "Anyone signed in with" in shared.content.decode()
    assert exported["Content-Disposition"] == 'attachment; filename="t.json"'
    assert exported.content.decode() == TEXT
    draft.refresh_from_db()
    assert (draft.shared, draft.title) == (True, "Lumen draft")
    assert signed_in.post(url(draft, "delete")).status_code == 302
    assert not Draft.objects.exists()


def test_compare_two_versions_and_a_bad_reference(signed_in, draft, user) -> None:
    drafts.autosave(draft, text=TEXT.replace('"max": 50', '"max": 60'), revision=draft.revision)
    drafts.save_version(draft, author=user, note="more steps")

    page = signed_in.get(url(draft, "compare"), {"a": "v1", "b": "v2"}).content.decode()
    bad = signed_in.get(url(draft, "compare"), {"a": "yesterday", "b": "v2"})

    assert "<code>/max</code>" in page
    assert "<code>50</code>" in page
    assert "<code>60</code>" in page
    assert 'class="text-diff__removed"' in page
    assert bad.status_code == 422
    assert "Cannot compare" in bad.content.decode()


@pytest.mark.parametrize("path", DEMO_CATALOG, ids=lambda path: path.stem)
def test_every_demo_model_works_in_the_studio(signed_in, user, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    draft = drafts.create_draft(owner=user, title=path.stem, text=text, note="")

    page = signed_in.get(url(draft))
    answer = signed_in.post(
        url(draft, "definition"), {"__definition": text, "__revision": "0"}, headers=HTMX
    )
    live = signed_in.post(url(draft, "preview"), {"__definition": text, "__shown": ""})

    assert page.status_code == answer.status_code == live.status_code == 200
    assert 'id="studio-preview-form" hx-swap-oob="innerHTML"' in answer.content.decode()
    assert "Findings" in page.content.decode()
