"""The asset picker on file fields: earlier files, search, paste and drag-and-drop."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.generate.support import png_bytes

pytestmark = pytest.mark.browser

ASSET_ID = re.compile(r"^asset_\w+$")

# A file made in the page (as the clipboard or a drag would hold it), then `event` fired
# with it on the element.
FIRE_WITH_FILE = """([element, event, encoded]) => {
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([bytes], "pasted.png", { type: "image/png" }));
  const init = { bubbles: true, cancelable: true };
  const fired = event === "paste"
    ? new ClipboardEvent("paste", { ...init, clipboardData: transfer })
    : new DragEvent(event, { ...init, dataTransfer: transfer });
  element.dispatchEvent(fired);
}"""


@pytest.fixture
def lumen(signed_in_page: Page, live_server: Any) -> Page:
    signed_in_page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    expect(signed_in_page.locator("#model-form")).to_be_visible()
    return signed_in_page


def test_an_earlier_upload_can_be_picked_and_searched(lumen: Page, tmp_path: Path) -> None:
    page = lumen
    picture = tmp_path / "harbour.png"
    picture.write_bytes(png_bytes(40, 30))
    page.get_by_label("Or upload a file for Reference Image").set_input_files(picture)
    expect(page.locator("#in-image")).to_have_value(ASSET_ID)
    # The form is redrawn to show it: pick only once that is done.
    expect(page.locator('[data-input="image"] .asset-preview img')).to_be_visible()
    asset_id = page.locator("#in-image").input_value()

    mask = page.locator('[data-input="mask"]')
    mask.get_by_role("button", name="Choose from your files for Mask").click()
    choice = mask.get_by_role("button", name="harbour.png")
    expect(choice).to_be_visible()
    mask.get_by_role("searchbox", name=re.compile("^Search your files for Mask")).fill("nothing")
    expect(mask.get_by_text("Nothing you made or uploaded matches “nothing”.")).to_be_visible()
    mask.get_by_role("searchbox", name=re.compile("^Search your files for Mask")).fill("harb")
    mask.get_by_role("button", name="harbour.png").click()
    expect(page.locator("#in-mask")).to_have_value(asset_id)
    expect(page.locator("#preview-body")).to_contain_text(f'"mask": "{asset_id}"')


@pytest.mark.parametrize("event", ["paste", "drop"])
def test_a_pasted_or_dropped_image_is_uploaded(lumen: Page, event: str) -> None:
    page = lumen
    target = page.locator("#in-controlImage")
    target.focus()
    encoded = base64.b64encode(png_bytes(16, 16)).decode()
    page.evaluate(FIRE_WITH_FILE, [target.element_handle(), event, encoded])
    expect(page.locator("#in-controlImage")).to_have_value(ASSET_ID)
    expect(page.locator('[data-input="controlImage"] .asset-preview img')).to_be_visible()
