"""Generating in Chromium: the estimate, the submit, the job page following the sandbox job."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from scenario_ui.sandbox.lifecycle import FAILURE_ERROR, FAILURE_HINT
from tests.browser.worker import work_until

pytestmark = pytest.mark.browser

MODEL = "model_demo-lumen-xl"
# Long enough to see a job running, short enough to wait for its end.
JOB_SECONDS = 2
OUTCOME_TIMEOUT_MS = 15_000


@pytest.fixture
def form_page(signed_in_page: Page, live_server: Any, settings: Any) -> Page:
    settings.SANDBOX_JOB_SECONDS = JOB_SECONDS
    signed_in_page.goto(f"{live_server.url}/models/{MODEL}/")
    expect(signed_in_page.locator("#model-form")).to_be_visible()
    return signed_in_page


def submit_and_open_the_job(page: Page, live_server: Any) -> None:
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(rf"^{re.escape(live_server.url)}/jobs/\d+/$"))


def test_estimate_submit_and_see_the_images(form_page: Page, live_server: Any) -> None:
    page = form_page
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse at dawn")
    actions = page.locator(".form-actions").filter(has=page.get_by_role("button", name="Generate"))
    estimate = actions.locator("#cost-estimate")
    expect(estimate).to_have_text("Estimated cost: 8 CU")
    page.get_by_role("spinbutton", name="Image Count").fill("2")
    expect(estimate).to_have_text("Estimated cost: 16 CU")

    submit_and_open_the_job(page, live_server)
    expect(page.get_by_role("heading", level=1)).to_have_text("Lumen XL")
    expect(page.locator("progress#job-progress")).to_be_visible()
    expect(page.get_by_role("button", name="Cancel job")).to_be_visible()

    images = page.get_by_role("list", name="Results").get_by_role("img")
    work_until(page, lambda: images.count() == 2)
    expect(page.locator("#job-status .status")).to_have_text("Succeeded")
    expect(page.locator("progress#job-progress")).to_have_count(0)
    expect(page.get_by_role("button", name="Cancel job")).to_have_count(0)
    for index in range(2):
        image = images.nth(index)
        expect(image).to_have_attribute(
            "src", re.compile(r"^/sandbox/v1/assets/asset_\w+/content$")
        )
        expect(image).to_have_attribute("alt", f"Result {index + 1} of Lumen XL")
        # The image really loaded from the sandbox.
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "image => image.complete && image.naturalWidth > 0", arg=image.element_handle()
        )
    expect(page.locator("#job-status")).to_contain_text("16 CU")


def test_a_failing_prompt_shows_the_failure_and_its_hint(form_page: Page, live_server: Any) -> None:
    page = form_page
    page.get_by_role("textbox", name="Prompt", exact=True).fill("please fail")
    expect(page.locator("#cost-estimate")).to_have_text("Estimated cost: 8 CU")
    submit_and_open_the_job(page, live_server)

    status = page.locator("#job-status")
    work_until(page, lambda: status.locator(".status").inner_text() == "Failed")
    failure = status.locator(".alert--error")
    expect(failure).to_contain_text(f"The job failed. {FAILURE_ERROR}")
    expect(failure).to_contain_text(FAILURE_HINT)
    expect(status.get_by_role("list", name="Results")).to_have_count(0)
    expect(status.get_by_role("link", name="Edit and resubmit")).to_be_visible()


def test_cancel_a_running_job(form_page: Page, live_server: Any, settings: Any) -> None:
    settings.SANDBOX_JOB_SECONDS = 120
    page = form_page
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a slow lighthouse")
    submit_and_open_the_job(page, live_server)
    expect(page.locator("progress#job-progress")).to_be_visible()
    page.get_by_role("button", name="Cancel job").click()
    status = page.locator("#job-status")
    expect(status.locator(".status")).to_have_text("Canceled", timeout=OUTCOME_TIMEOUT_MS)
    expect(status.locator("progress")).to_have_count(0)
    expect(page.get_by_role("button", name="Cancel job")).to_have_count(0)
    # The swapped-in status no longer polls.
    expect(status).not_to_have_attribute("hx-get", re.compile(".*"))


def test_a_chosen_file_survives_a_redrawn_form_and_becomes_an_asset(
    form_page: Page, live_server: Any, tmp_path: Any
) -> None:
    from PIL import Image

    from scenario_ui.generate.models import Generation

    picture = tmp_path / "reference.png"
    Image.new("RGB", (32, 24), (200, 80, 40)).save(picture)
    page = form_page
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a red fox")
    page.locator("#in-image-upload").set_input_files(str(picture))
    # Uploaded at once: the field holds the asset, shown beside it.
    expect(page.locator("#in-image")).to_have_value(re.compile(r"^asset_\w+$"))
    asset_id = page.locator("#in-image").input_value()
    preview = page.locator('[data-input="image"] .asset-preview img')
    expect(preview).to_have_count(1)
    # "+ Add LoRA" redraws the whole form: the asset stays.
    page.get_by_role("button", name="+ Add LoRA").click()
    expect(page.get_by_role("combobox", name="LoRA 1")).to_be_focused()
    expect(page.locator("#in-image")).to_have_value(asset_id)
    expect(preview).to_have_count(1)
    submit_and_open_the_job(page, live_server)
    assert Generation.objects.get().request_body["image"] == asset_id
