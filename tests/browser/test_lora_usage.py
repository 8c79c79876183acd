"""A LoRA's page leads to a base model's form with the LoRA picked, and it generates."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

LORA = "model_demo-lora-inkwash"


def test_generate_with_this_lora(
    signed_in_page: Page, live_server, csp_violations: list[str]
) -> None:
    page = signed_in_page
    page.goto(f"{live_server.url}/models/{LORA}/")
    expect(page.get_by_role("heading", name="Use this LoRA")).to_be_visible()
    page.get_by_role("link", name="Generate with this LoRA on Lumen XL").click()
    page.wait_for_url(re.compile(r"/models/model_demo-lumen-xl/\?use_model="))
    expect(page.locator("#used-model")).to_contain_text("With Inkwash Illustration picked")
    row = page.locator('[data-component="loras"] .lora-row')
    expect(row).to_have_count(1)
    expect(page.get_by_role("combobox", name="LoRA 1")).to_have_value(LORA)
    # The picker names the model rather than showing only its id.
    expect(row.locator(".picked-model__name")).to_have_text("Inkwash Illustration")
    expect(row.locator(".picked-model__type")).to_have_text("flux.1-lora")
    expect(page.locator("#preview-body")).to_contain_text(LORA)

    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse in ink")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/"))
    expect(page.get_by_text("Request body")).to_be_visible()
    assert csp_violations == []
