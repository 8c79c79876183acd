"""A row of an inputs_array is a small form in the browser; "Improve prompt" only offers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

RELAY = "model_demo-relay-motion"
LUMEN = "model_demo-lumen-xl"


def test_rows_are_pre_filled_and_their_messages_show_at_their_fields(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    page.goto(f"{live_server.url}/models/{RELAY}/")
    keyframes = page.locator('[data-input="keyframes"]')
    # The record collapses its keyframes (uiConfig.inputProperties).
    page.locator("details summary", has_text="Keyframes").click()
    first_image = page.locator('input[name="keyframes.0.image"]')
    expect(page.locator('input[name="keyframes.0.seconds"]')).to_have_value("0")
    expect(page.locator('input[name="keyframes.0.weight"]')).to_have_value("1")
    expect(first_image).to_have_attribute("aria-required", "true")
    expect(keyframes.locator('fieldset[data-group="Timing"]')).to_have_count(1)

    keyframes.get_by_role("button", name="+ Add row").click()
    expect(page.locator('input[name="keyframes.1.weight"]')).to_have_value("1")
    expect(page.locator('input[name="keyframes.1.seconds"]')).to_have_value("0")

    page.locator('input[name="keyframes.0.image"]').fill("asset_first")
    page.locator('input[name="keyframes.1.seconds"]').fill("2.5")
    page.get_by_role("button", name="Generate").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Keyframes: Row 2: Image is required.")
    # At the row's own field, and not at the first row's.
    expect(page.locator('[data-error-for="keyframes.1.image"]')).to_have_text("Is required.")
    expect(page.locator('[data-error-for="keyframes.0.image"]')).to_have_text("")
    # What was typed is kept.
    expect(page.locator('input[name="keyframes.1.seconds"]')).to_have_value("2.5")
    assert csp_violations == []


def test_improve_prompt_offers_a_suggestion_and_uses_it_only_when_asked(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    page.goto(f"{live_server.url}/models/{LUMEN}/")
    prompt = page.get_by_role("textbox", name="Prompt", exact=True)
    prompt.fill("a lighthouse")
    page.get_by_role("button", name="Improve prompt").click()
    suggestion = page.locator("#in-prompt-suggestion")
    expect(suggestion).to_contain_text("a lighthouse, ")
    expect(prompt).to_have_value("a lighthouse")
    offered = suggestion.inner_text()
    page.get_by_role("button", name="Use this prompt").click()
    expect(prompt).to_have_value(offered)
    expect(prompt).to_be_focused()
    expect(page.locator("#preview-body")).to_contain_text(offered)
    assert csp_violations == []
