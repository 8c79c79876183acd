"""Accessibility of the model form: focus, names of controls, hints, empty colours."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# WCAG 2.2 (1.4.11, 2.4.11): a focus indicator needs 3:1 against what is next to it.
FOCUS_CONTRAST = 3.0

# The focused element's outline colour and the first opaque background behind it.
OUTLINE_AND_BACKGROUND = """element => {
  const outline = getComputedStyle(element).outlineColor;
  let node = element.parentElement;
  while (node) {
    const background = getComputedStyle(node).backgroundColor;
    if (!/rgba\\(.*, 0\\)$/.test(background) && background !== "transparent") {
      return [outline, background];
    }
    node = node.parentElement;
  }
  return [outline, getComputedStyle(document.documentElement).backgroundColor];
}"""


def _luminance(css: str) -> float:
    red, green, blue = (int(part) for part in css[css.index("(") + 1 : -1].split(",")[:3])

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(first: str, second: str) -> float:
    high, low = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _open(page: Page, live_server: Any, model: str) -> None:
    page.goto(f"{live_server.url}/models/{model}/")
    expect(page.locator("#model-form")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_focus_ring_stands_out(
    signed_in_page: Page, live_server: Any, scheme: Literal["light", "dark"]
) -> None:
    page = signed_in_page
    page.emulate_media(color_scheme=scheme)
    _open(page, live_server, "model_demo-lumen-xl")
    for control in (
        page.get_by_role("textbox", name="Prompt", exact=True),
        page.get_by_role("button", name="Generate"),
        page.get_by_role("link", name="Catalog"),
    ):
        control.focus()
        # Keyboard focus: :focus-visible applies.
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline, background = control.evaluate(OUTLINE_AND_BACKGROUND)
        assert contrast(outline, background) >= FOCUS_CONTRAST, (outline, background)


def test_removing_the_last_lora_row_keeps_focus_in_the_panel(
    signed_in_page: Page, live_server: Any
) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-lumen-xl")
    add = page.get_by_role("button", name="+ Add LoRA")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="LoRA 1")).to_be_focused()
    page.get_by_role("button", name="Remove LoRA 1").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("combobox", name="LoRA 1")).to_have_count(0)
    expect(page.get_by_role("button", name="+ Add LoRA")).to_be_focused()


def test_file_controls_are_named_after_their_field(signed_in_page: Page, live_server: Any) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-terrazzo-material")
    expect(page.get_by_label("Or upload a file for Source Texture")).to_have_count(1)
    expect(page.get_by_label("Or upload a file for Repair Mask")).to_have_count(1)
    # A hint names the other input by its label, not its internal name.
    limits = page.locator('[data-input="mask"] .upload__limits')
    expect(limits).to_contain_text("Mask for the “Source Texture” image")


def test_an_empty_colour_is_not_drawn_black(signed_in_page: Page, live_server: Any) -> None:
    page = signed_in_page
    _open(page, live_server, "model_demo-sprite-forge")
    text = page.get_by_role("textbox", name="Outline Colour")
    swatch = page.locator('[data-input="outlineColor"] input[type="color"]')
    text.fill("")
    expect(swatch).to_have_attribute("data-empty", "")
    assert not _mostly_black(swatch.screenshot())
    text.fill("#000000")
    expect(swatch).not_to_have_attribute("data-empty", "")
    assert _mostly_black(swatch.screenshot())


def _mostly_black(png: bytes) -> bool:
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(png)).convert("L")
    pixels = image.tobytes()
    return sum(1 for value in pixels if value < 40) > len(pixels) / 3
