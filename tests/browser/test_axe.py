"""axe-core on every main page, in light and dark mode: no violations, nothing the CSP blocks."""

from __future__ import annotations

import re
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.browser.worker import work_until

pytestmark = pytest.mark.browser

Scheme = Literal["light", "dark"]
SCHEMES: list[Scheme] = ["light", "dark"]
FORMS = [
    "model_demo-lumen-xl",
    "model_demo-tidewave-video",
    "model_demo-quill-llm",
    "model_demo-relay-motion",
    "model_demo-sprite-forge",
]


@pytest.mark.parametrize("scheme", SCHEMES)
def test_catalog_forms_and_train_pages(
    signed_in_page: Page, live_server: Any, csp_violations: list[str], scheme: Scheme
) -> None:
    page = signed_in_page
    page.emulate_media(color_scheme=scheme)
    found = {"catalog": axe_violations(page)}
    for model in FORMS:
        page.goto(f"{live_server.url}/models/{model}/")
        expect(page.locator("#cost-estimate")).not_to_be_empty()
        found[model] = axe_violations(page)
    page.goto(f"{live_server.url}/models/model_demo-my-mascot-flux/train/")
    found["train"] = axe_violations(page)
    assert {name: problems for name, problems in found.items() if problems} == {}
    assert csp_violations == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_job_and_jobs_pages(
    signed_in_page: Page, live_server: Any, settings: Any, csp_violations: list[str], scheme: Scheme
) -> None:
    settings.SANDBOX_JOB_SECONDS = 1
    page = signed_in_page
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))
    images = page.get_by_role("list", name="Results").get_by_role("img")
    work_until(page, lambda: images.count() == 1)
    found = {"job": axe_violations(page)}
    page.goto(f"{live_server.url}/jobs/")
    found["jobs"] = axe_violations(page)
    assert {name: problems for name, problems in found.items() if problems} == {}
    assert csp_violations == []


def test_the_theme_follows_the_system_until_one_is_chosen(
    signed_in_page: Page, live_server: Any
) -> None:
    page = signed_in_page
    page.emulate_media(color_scheme="dark")
    page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    background = "getComputedStyle(document.documentElement).backgroundColor"
    dark = page.evaluate(background)
    page.get_by_role("button", name="Light").click()
    expect(page).to_have_url(f"{live_server.url}/models/model_demo-lumen-xl/")
    expect(page.get_by_role("button", name="Light")).to_have_attribute("aria-pressed", "true")
    assert page.evaluate(background) != dark
    assert axe_violations(page) == []
    page.emulate_media(color_scheme="light")
    page.get_by_role("button", name="Dark").click()
    assert page.evaluate(background) == dark
    page.get_by_role("button", name="System").click()
    assert page.evaluate(background) != dark
