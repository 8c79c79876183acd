from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.worker import work_until

pytestmark = pytest.mark.browser

MODEL = "model_demo-my-mascot-flux"
# The monitor polls every 2 s; a six-second training is queued then starting for 1.8 s.
WAIT_MS = 20_000


def progress_value(page: Page) -> int:
    value = page.locator("#training-progress").get_attribute("value", timeout=WAIT_MS)
    return int(value or "0")


def test_a_training_is_estimated_started_and_watched_to_the_end(
    signed_in_page: Page, live_server: Any, settings: Any, csp_violations: list[str]
) -> None:
    settings.SANDBOX_TRAINING_SECONDS = 6
    page = signed_in_page
    page.goto(f"{live_server.url}/models/{MODEL}/train/")
    expect(page.get_by_role("heading", name="Flux LoRA parameters")).to_be_visible()
    expect(page.locator("#training-monitor")).to_contain_text("Training status: new")

    page.get_by_role("button", name="Train", exact=True).click()
    review = page.locator("#training-review")
    expect(review).to_contain_text("Estimated cost: 52 CU")

    review.get_by_role("button", name="Start training").click()
    page.wait_for_url(f"{live_server.url}/models/{MODEL}/train/")
    monitor = page.locator("#training-monitor")
    expect(monitor).to_contain_text("Training status: training")
    progress = page.locator("#training-progress")
    expect(progress).to_be_visible()
    first = progress_value(page)

    # The monitor polls on its own: the bar moves without a reload, as the worker reads.
    work_until(
        page,
        lambda: page.evaluate(
            """first => {
                const bar = document.getElementById("training-progress");
                return bar !== null && Number(bar.value) > first;
            }""",
            first,
        ),
    )
    work_until(page, lambda: page.locator("#training-monitor .status").inner_text() == "trained")
    expect(monitor).to_contain_text("The model is trained.")
    expect(monitor).to_contain_text("Training time")
    expect(progress).to_have_count(0)
    # One status, from one place: the header, the Status field and the banner agree.
    expect(page.locator(".page-head .status")).to_have_text("trained")
    expect(page.locator(".facts div").filter(has_text="Status").locator("dd")).to_have_text(
        "trained"
    )
    expect(page.locator("#training-refusal")).to_contain_text("retraining is not offered")
    assert csp_violations == []


def test_on_a_phone_the_confirmation_opens_where_the_user_is(
    signed_in_page: Page, live_server: Any, csp_violations: list[str]
) -> None:
    page = signed_in_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/models/{MODEL}/train/")
    train = page.get_by_role("button", name="Train", exact=True)
    train.scroll_into_view_if_needed()
    train.click()
    review = page.locator("#training-review")
    expect(review).to_contain_text("Estimated cost: 52 CU")
    expect(review).to_be_focused()
    expect(review.get_by_role("button", name="Start training")).to_be_in_viewport()
    assert csp_violations == []
