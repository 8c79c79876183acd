"""The model-author studio in Chromium: the issue's whole path, a phone, the keyboard, axe."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "frontend/node_modules/axe-core/axe.min.js"
MASK_NOTE = (
    '\n    {"name": "maskNote", "type": "string", "label": "Mask note", '
    '"required": {"ifDefined": {"mask": {"message": "Say what the mask covers."}}}},'
)


@pytest.fixture(autouse=True)
def quick_jobs(settings: Any) -> None:
    settings.SANDBOX_JOB_SECONDS = 1.0


def open_lumen_xl(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/")
    page.get_by_label("Search by name").fill("Lumen")
    page.get_by_role("link", name="Lumen XL", exact=True).click()
    page.get_by_role("button", name="Edit the definition in the studio").click()
    page.wait_for_url(re.compile(r"/studio/[0-9a-f-]{36}/$"))
    expect(page.locator(".studio--editor-ready")).to_be_attached()


def find_in_editor(page: Page, text: str) -> None:
    """Select `text` in the editor with its own search (Ctrl+F), then close the search."""
    editor_tab = page.get_by_role("tab", name="Editor")
    if editor_tab.is_visible():  # on a phone the editor is a tab of its own
        editor_tab.click()
    page.locator(".cm-content").click()
    page.keyboard.press("Control+f")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_open_break_fix_add_a_rule_run_and_compare_versions(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    open_lumen_xl(page, live_server.url)

    # Break the JSON: the error is listed at its line and marked in the editor.
    text = page.locator("#studio-definition").input_value()
    line = text[: text.index('"name": "Lumen XL",')].count("\n") + 1
    find_in_editor(page, '"name": "Lumen XL",')
    page.keyboard.press("End")
    page.keyboard.type(" oops")
    finding = page.locator("[data-finding]").first
    expect(finding).to_contain_text(f"line {line}, column")
    expect(finding).to_contain_text("Not valid JSON: Expecting property name")
    expect(page.locator(".cm-lint-marker-error")).to_have_count(1)
    expect(page.locator("#model-form")).to_be_visible()  # the last good preview stays
    expect(page.locator("#studio-save-state")).to_have_text("All changes saved")

    # Fix it: the error goes.
    for _ in range(5):
        page.keyboard.press("Backspace")
    expect(page.locator("#studio-findings")).not_to_contain_text("Not valid JSON")

    # Add a conditional input: the rules explorer and the preview agree, now and after.
    find_in_editor(page, '"inputs": [')
    page.keyboard.press("End")
    page.keyboard.insert_text(MASK_NOTE)
    note = page.locator('#model-form [data-input="maskNote"]')
    expect(note).to_be_visible()
    expect(note).not_to_have_attribute("data-required", "true")
    page.get_by_role("tab", name="Rules").click()
    rule = page.locator('[data-rule-for="maskNote"]')
    expect(rule).to_contain_text("Required when Mask is set.")
    expect(rule).to_contain_text("Not required now")
    expect(rule.locator("tr.is-now")).to_contain_text("not set")
    page.get_by_role("tab", name="Preview").click()
    page.get_by_role("textbox", name="Mask", exact=True).fill("asset_mask_1")
    expect(note).to_have_attribute("data-required", "true")
    page.get_by_role("tab", name="Rules").click()
    expect(rule).to_contain_text("Required now")
    expect(rule.locator("tr.is-now")).to_contain_text("Yes")
    expect(rule).to_contain_text("Say what the mask covers.")

    # Test-run it in the sandbox, through to its image.
    page.get_by_role("tab", name="Preview").click()
    page.get_by_role("textbox", name="Mask", exact=True).fill("")
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse at dawn")
    page.get_by_role("tab", name="API").click()
    expect(page.locator("#preview-body")).to_contain_text('"prompt": "a lighthouse at dawn"')
    page.get_by_role("button", name="Check cost").click()
    expect(page.locator("#studio-cost")).to_contain_text(re.compile(r"Sandbox price: [\d.]+ CU"))
    page.get_by_role("button", name="Test run in the sandbox").click()
    status = page.locator("#studio-run-status")
    expect(status).to_contain_text("Succeeded", timeout=20_000)
    expect(status.get_by_role("img", name="Test run result 1")).to_be_visible()
    # Served by the studio itself: the site may not serve the sandbox (live mode).
    page.wait_for_function("document.querySelector('#studio-run-status img').naturalWidth > 0")

    # Two versions, then their difference.
    page.get_by_role("tab", name="Versions").click()
    page.get_by_label("Version note").fill("Add a mask note")
    page.get_by_role("button", name="Save version").click()
    expect(page.locator("#studio-versions")).to_contain_text("Saved version 2.")
    find_in_editor(page, '"label": "Mask note"')
    page.keyboard.insert_text('"label": "What the mask covers"')
    expect(note).to_contain_text("What the mask covers")
    page.get_by_label("Version note").fill("Clearer label")
    page.get_by_role("button", name="Save version").click()
    expect(page.locator("#studio-versions")).to_contain_text("Saved version 3.")
    page.get_by_role("link", name="Changes from version 2").first.click()
    expect(page.get_by_role("heading", name=re.compile("Version 2 .* Version 3"))).to_be_visible()
    change = page.locator("li.change--changed")
    expect(change).to_contain_text("maskNote")
    expect(change).to_contain_text('"Mask note"')
    expect(change).to_contain_text('"What the mask covers"')
    expect(page.locator(".text-diff__added")).to_contain_text("What the mask covers")
    assert csp_violations == []


def test_a_finding_moves_the_cursor_and_lights_up_the_field(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    open_lumen_xl(page, live_server.url)
    find_in_editor(page, '"default": 0.75')
    page.keyboard.insert_text('"default": 0.755')

    finding = page.locator("[data-finding]", has_text="off the step")
    expect(finding).to_contain_text("default 0.755 is off the step of input")
    finding.focus()
    page.keyboard.press("Enter")

    expect(page.locator('#model-form [data-input="strength"]')).to_have_class(
        re.compile("is-highlighted")
    )
    expect(page.locator(".cm-content")).to_be_focused()
    selected = page.evaluate("getSelection().toString()")
    assert selected == '"default": 0.755'
    assert csp_violations == []


def test_on_a_phone_the_panels_are_tabs_used_with_the_keyboard(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    open_lumen_xl(page, live_server.url)
    preview_tab = page.get_by_role("tab", name="Preview")
    expect(preview_tab).to_have_attribute("aria-selected", "true")
    expect(page.locator("#panel-editor")).to_be_hidden()

    preview_tab.focus()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_role("tab", name="Editor")).to_be_focused()
    expect(page.locator("#panel-editor")).to_be_visible()
    expect(page.locator("#panel-preview")).to_be_hidden()
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="Versions")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Home")
    page.keyboard.press("Tab")
    expect(page.locator(".cm-content")).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.type("x")
    page.keyboard.press("Tab")  # Tab leaves the editor: it traps no one
    expect(page.locator(".cm-content")).not_to_be_focused()
    expect(page.locator("[data-finding]").first).to_contain_text("Not valid JSON: Extra data")

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Backspace")
    expect(page.locator("#studio-findings")).not_to_contain_text("Not valid JSON")
    assert csp_violations == []


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_violations(browser, live_server, seeded_sandbox, transactional_db, width):
    from scenario_ui.accounts.demo_user import ensure_demo_user

    login = ensure_demo_user()
    # axe is injected as an inline script, which the page's own policy rightly refuses.
    context = browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(login.username)
    page.get_by_label("Password").fill(login.password)
    page.get_by_role("button", name="Sign in").click()
    open_lumen_xl(page, live_server.url)
    find_in_editor(page, '"default": 0.75')
    page.keyboard.insert_text('"default": 0.755')
    expect(page.locator("[data-finding]", has_text="off the step")).to_be_visible()
    pages = {"studio": page.url, "index": f"{live_server.url}/studio/"}
    for name in ("Preview", "Rules", "API", "Versions"):
        page.get_by_role("tab", name=name).click()
        assert _axe_violations(page) == [], name
    for name, address in pages.items():
        page.goto(address)
        assert _axe_violations(page) == [], name
    page.goto(f"{pages['studio']}compare/?a=published&b=draft")
    assert _axe_violations(page) == [], "compare"
    context.close()


def _axe_violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    rules = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    result = page.evaluate("rules => axe.run(document, {runOnly: rules})", rules)
    return [f"{v['id']}: {v['nodes'][0]['target']}" for v in result["violations"]]


def test_a_teammate_reads_a_shared_draft_without_changing_it(
    page: Page, live_server, seeded_sandbox, transactional_db, csp_violations: list[str]
) -> None:
    from scenario_ui.authoring import drafts
    from tests.conftest import user_with_role

    owner = user_with_role("author", "member")
    user_with_role("teammate", "member")
    draft = drafts.new_draft(owner=owner)
    drafts.set_shared(draft, shared=True)
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("teammate")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server.url}/studio/{draft.pk}/")

    expect(page.locator(".cm-content")).to_have_attribute("contenteditable", "false")
    expect(page.get_by_text("author's draft, shared with the team (read-only)")).to_be_visible()
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a cat")
    expect(page.locator("#preview-body")).to_contain_text('"prompt": "a cat"')
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_role("tab", name="API")).to_have_attribute("aria-selected", "true")
    expect(
        page.get_by_text("Make an editable copy to price or test-run this draft.")
    ).to_be_visible()
    assert csp_violations == []
