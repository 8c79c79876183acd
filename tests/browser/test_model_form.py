from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

MODEL = "model_demo-lumen-xl"


@pytest.fixture
def form_page(signed_in_page: Page, live_server) -> Page:
    signed_in_page.goto(f"{live_server.url}/models/{MODEL}/")
    expect(signed_in_page.locator("#model-form")).to_be_visible()
    return signed_in_page


def _wrapper(page: Page, name: str):
    return page.locator(f'#model-form [data-input="{name}"]').first


def test_typing_updates_the_request_preview_without_losing_focus(
    form_page: Page, csp_violations: list[str]
):
    page = form_page
    prompt = page.get_by_role("textbox", name="Prompt", exact=True)
    prompt.click()
    prompt.press_sequentially("a lighthouse", delay=20)
    expect(page.locator("#preview-body")).to_contain_text('"prompt": "a lighthouse"')
    assert page.evaluate("document.activeElement.id") == "in-prompt"
    assert prompt.input_value() == "a lighthouse"
    assert csp_violations == []


def test_required_marker_follows_the_if_defined_rule(form_page: Page):
    page = form_page
    image = _wrapper(page, "image")
    expect(image).not_to_have_attribute("data-required", "true")
    mask = page.get_by_role("textbox", name="Mask", exact=True)
    mask.fill("asset_mask_1")
    expect(image).to_have_attribute("data-required", "true")
    expect(page.locator("#in-image")).to_have_attribute("aria-required", "true")
    mask.fill("")
    expect(image).not_to_have_attribute("data-required", "true")
    expect(page.locator("#in-image")).not_to_have_attribute("aria-required", "true")


def test_a_value_out_of_range_is_marked_invalid_until_fixed(form_page: Page):
    page = form_page
    strength = page.locator("#in-strength")
    strength.fill("5")
    expect(strength).to_have_attribute("aria-invalid", "true")
    strength.fill("0.5")
    expect(strength).not_to_have_attribute("aria-invalid", "true")


def test_a_resolution_preset_sets_width_and_height(form_page: Page):
    page = form_page
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a cat")
    page.get_by_label("Size", exact=True).select_option(label="16:9 (1344x768)")
    preview = page.locator("#preview-body")
    expect(preview).to_contain_text('"width": 1344')
    expect(preview).to_contain_text('"height": 768')
    page.get_by_label("Size", exact=True).select_option(label="Auto (match reference)")
    expect(preview).not_to_contain_text('"width"')


def test_add_and_remove_a_lora_row(form_page: Page):
    page = form_page
    rows = page.locator('[data-component="loras"] .lora-row')
    expect(rows).to_have_count(0)
    page.get_by_role("button", name="+ Add LoRA").click()
    expect(rows).to_have_count(1)
    model = page.get_by_role("combobox", name="LoRA 1")
    expect(model).to_be_focused()
    model.fill("model_demo-lora-inkwash")
    expect(page.locator("#preview-body")).to_contain_text(
        '"loras": [\n    "model_demo-lora-inkwash"'
    )
    expect(page.locator("#preview-body")).to_contain_text('"lorasScale": [\n    1\n  ]')
    page.get_by_role("button", name="+ Add LoRA").click()
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Remove LoRA 2").click()
    expect(rows).to_have_count(1)
    expect(page.get_by_role("combobox", name="LoRA 1")).to_have_value("model_demo-lora-inkwash")


def test_submit_with_an_error_then_fix_it(form_page: Page):
    page = form_page
    page.get_by_role("spinbutton", name="Image Count").fill("9")
    page.get_by_role("button", name="Generate").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Prompt: Is required.")
    expect(summary).to_contain_text("Image Count: Must be at most 4.")
    expect(page.locator('[data-error-for="prompt"]')).to_have_text("Is required.")
    # What was typed is kept.
    expect(page.get_by_role("spinbutton", name="Image Count")).to_have_value("9")
    summary.get_by_role("link", name="Prompt: Is required.").click()
    expect(page.get_by_role("textbox", name="Prompt", exact=True)).to_be_focused()

    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse")
    page.get_by_role("spinbutton", name="Image Count").fill("2")
    expect(page.locator('[data-error-for="numOutputs"]')).to_have_text("")
    expect(page.locator('[data-error-for="prompt"]')).to_have_text("")
    body = json.loads(page.locator("#preview-body").inner_text())
    assert body["prompt"] == "a lighthouse"
    assert body["numOutputs"] == 2


def test_a_preset_fills_its_fields(signed_in_page: Page, live_server):
    page = signed_in_page
    page.goto(f"{live_server.url}/models/model_demo-cadence-voice/")
    presets = page.locator('[data-component="presets"] select').first
    choice = presets.locator("option").nth(1).inner_text()
    presets.select_option(label=choice)
    expect(page.locator('[data-component="presets"] select').first).to_have_value(choice)


def test_the_form_works_with_javascript_off(no_script_page: Page, live_server):
    page = no_script_page
    page.goto(f"{live_server.url}/models/{MODEL}/")

    # A button that reshapes the form is a plain submit too: it adds a LoRA row.
    page.get_by_role("button", name="+ Add LoRA").click()
    expect(page.get_by_role("combobox", name="LoRA 1")).to_be_visible()

    page.get_by_role("spinbutton", name="Image Count").fill("9")
    page.get_by_role("button", name="Generate").click()
    expect(page.locator(".error-summary")).to_contain_text("Prompt: Is required.")
    expect(page.get_by_role("spinbutton", name="Image Count")).to_have_value("9")

    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse")
    page.get_by_role("spinbutton", name="Image Count").fill("1")
    page.get_by_role("button", name="Generate").click()
    expect(page).to_have_url(re.compile(r"/jobs/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Lumen XL")
