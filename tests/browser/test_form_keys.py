"""Keys on the model form: Enter never presses a row button; Ctrl/Cmd+Enter generates."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def _open(page: Page, live_server: Any, model: str) -> None:
    page.goto(f"{live_server.url}/models/{model}/")
    expect(page.locator("#model-form")).to_be_visible()


def test_enter_in_a_list_item_keeps_it(signed_in_page: Page, live_server: Any) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-quill-llm")
    page.locator("summary", has_text="Context Snippets").click()
    snippet = page.get_by_role("textbox", name="Context Snippets 1")
    snippet.fill("the lighthouse keeper's log")
    snippet.press("Enter")
    # Give a (wrong) reshaping request the time to come back before looking.
    page.wait_for_timeout(600)
    expect(page.get_by_role("textbox", name="Context Snippets 1")).to_have_value(
        "the lighthouse keeper's log"
    )
    assert page.url.endswith("/models/model_demo-quill-llm/")


def test_enter_in_a_row_field_keeps_the_row(signed_in_page: Page, live_server: Any) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-relay-motion")
    page.locator("summary", has_text="Keyframes").click()
    rows = page.locator('[data-input="keyframes"] .rows > li')
    expect(rows).to_have_count(1)
    seconds = page.locator("#in-keyframes-0-seconds")
    seconds.fill("2")
    seconds.press("Enter")
    page.wait_for_timeout(600)
    expect(rows).to_have_count(1)
    expect(page.locator("#in-keyframes-0-seconds")).to_have_value("2")


def test_enter_in_a_number_adds_no_lora_row(signed_in_page: Page, live_server: Any) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-lumen-xl")
    count = page.get_by_role("spinbutton", name="Image Count")
    count.fill("2")
    count.press("Enter")
    page.wait_for_timeout(600)
    expect(page.locator('[data-component="loras"] .lora-row')).to_have_count(0)
    assert page.url.endswith("/models/model_demo-lumen-xl/")


@pytest.mark.parametrize("modifier", ["Control", "Meta"])
def test_ctrl_or_cmd_enter_generates(
    signed_in_page: Page, live_server: Any, settings: Any, modifier: str
) -> None:
    settings.SANDBOX_JOB_SECONDS = 1
    page = signed_in_page
    _open(page, live_server, "model_demo-lumen-xl")
    prompt = page.get_by_role("textbox", name="Prompt", exact=True)
    prompt.fill("a lighthouse")
    # From a multi-line field too, where plain Enter starts a new line.
    prompt.press(f"{modifier}+Enter")
    page.wait_for_url(re.compile(rf"^{re.escape(live_server.url)}/jobs/\d+/$"))


def test_enter_does_nothing_with_javascript_off(no_script_page: Page, live_server: Any) -> None:
    page = no_script_page
    _open(page, live_server, "model_demo-lumen-xl")
    page.get_by_role("spinbutton", name="Image Count").press("Enter")
    page.wait_for_timeout(600)
    expect(page.get_by_role("combobox", name="LoRA 1")).to_have_count(0)
