"""My creations: the outputs, download, Reuse settings, Use as input; axe in both schemes."""

from __future__ import annotations

import re
from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.browser.worker import work_until

pytestmark = pytest.mark.browser


def generate(page: Page, live_server: Any, model: str, text: str) -> None:
    page.goto(f"{live_server.url}/models/{model}/")
    page.locator("#model-form textarea").first.fill(text)
    page.locator('#model-form button[name="__submit"]').click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))
    status = page.locator("#job-status .status")
    work_until(page, lambda: status.inner_text() == "Succeeded")


@pytest.fixture
def made(signed_in_page: Page, live_server: Any, settings: Any) -> Page:
    settings.SANDBOX_JOB_SECONDS = 1
    generate(signed_in_page, live_server, "model_demo-lumen-xl", "a lighthouse at dawn")
    generate(signed_in_page, live_server, "model_demo-quill-llm", "three flavour texts")
    signed_in_page.get_by_role("link", name="My creations").click()
    return signed_in_page


def test_creations_reuse_and_use_as_input(made: Page, live_server: Any) -> None:
    page = made
    cards = page.locator(".creation")
    expect(cards).to_have_count(2)
    image_card = cards.filter(has_text="a lighthouse at dawn")
    expect(image_card.get_by_role("img", name="a lighthouse at dawn")).to_be_visible()
    expect(cards.filter(has_text="three flavour texts").locator("pre")).to_contain_text(
        "three flavour texts"
    )
    download = image_card.get_by_role("link", name=re.compile("^Download"))
    expect(download).to_have_attribute("download", re.compile(r"\.png$"))

    page.get_by_label("Kind").select_option(label="Text")
    expect(cards).to_have_count(1)
    page.get_by_label("Kind").select_option(label="Any kind")
    expect(cards).to_have_count(2)

    image_card.get_by_role("link", name="Reuse settings").click()
    expect(page.get_by_role("textbox", name="Prompt", exact=True)).to_have_value(
        "a lighthouse at dawn"
    )

    page.go_back()
    page.locator(".creation").filter(has_text="a lighthouse at dawn").get_by_role(
        "link", name="Use as input"
    ).click()
    page.get_by_label("Model to use it with").fill("model_demo-terrazzo-material")
    page.get_by_role("button", name="Show its inputs").click()
    page.get_by_role("link", name="Source Texture").click()
    expect(page.locator("#in-image")).to_have_value(re.compile(r"^asset_\w+$"))
    expect(page.locator('[data-input="image"] .asset-preview img')).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_gallery_passes_axe(
    made: Page, csp_violations: list[str], scheme: Literal["light", "dark"]
) -> None:
    made.emulate_media(color_scheme=scheme)
    expect(made.locator(".creation")).to_have_count(2)
    assert axe_violations(made) == []
    assert csp_violations == []


def test_a_3d_creation_turns_in_the_viewer(
    signed_in_page: Page, live_server: Any, settings: Any, csp_violations: list[str]
) -> None:
    settings.SANDBOX_JOB_SECONDS = 1
    page = signed_in_page
    generate(page, live_server, "model_demo-atelier-3d", "a brass teapot")
    page.goto(f"{live_server.url}/library/?kind=3d")
    viewer = page.locator("model-viewer")
    expect(viewer).to_have_count(1)
    page.wait_for_function("document.querySelector('model-viewer').loaded === true")
    assert csp_violations == []
    assert axe_violations(page) == []
