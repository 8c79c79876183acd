"""My jobs: a prompt and thumbnail per row, filters by status and model, charges."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.worker import work_until

pytestmark = pytest.mark.browser


def generate(page: Page, live_server: Any, prompt: str) -> None:
    page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    page.get_by_role("textbox", name="Prompt", exact=True).fill(prompt)
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))


def test_rows_show_what_was_asked_and_filter(
    signed_in_page: Page, live_server: Any, settings: Any
) -> None:
    settings.SANDBOX_JOB_SECONDS = 1
    page = signed_in_page
    generate(page, live_server, "a lighthouse at dawn")
    generate(page, live_server, "please fail now")
    page.goto(f"{live_server.url}/jobs/")
    rows = page.locator("#jobs-table tbody tr")
    expect(rows).to_have_count(2)
    thumbnail = rows.filter(has_text="a lighthouse at dawn").locator("img")
    failed = rows.filter(has_text="please fail now")
    work_until(page, lambda: thumbnail.count() == 1 and "Failed" in failed.inner_text())
    expect(failed).to_contain_text("Charged")

    page.get_by_label("Status").select_option(label="Failed")
    expect(page).to_have_url(re.compile(r"status=failure"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("please fail now")
    page.get_by_label("Status").select_option(label="Canceled")
    expect(page.get_by_role("heading", name="No jobs match")).to_be_visible()
    page.get_by_label("Status").select_option(label="Any status")
    page.get_by_label("Model").select_option(label="Lumen XL")
    expect(rows).to_have_count(2)
