"""A chosen file is uploaded at once: progress, the asset id in the field, a preview, Remove;
a failed submit keeps it, and the job runs with it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from scenario_ui.generate.models import Generation
from tests.generate.support import png_bytes

pytestmark = pytest.mark.browser

ASSET_ID = re.compile(r"^asset_\w+$")


@pytest.fixture
def red_png(tmp_path: Path) -> Path:
    path = tmp_path / "red.png"
    path.write_bytes(png_bytes(64, 48))
    return path


def test_a_chosen_image_survives_a_failed_submit_and_reaches_the_job(
    signed_in_page: Page, live_server: Any, red_png: Path
) -> None:
    page = signed_in_page
    page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    page.get_by_label("Or upload a file for Reference Image").set_input_files(red_png)
    field = page.locator("#in-image")
    expect(field).to_have_value(ASSET_ID)
    asset_id = field.input_value()
    preview = page.locator('[data-input="image"] .asset-preview')
    expect(preview.get_by_role("img", name="red.png")).to_be_visible()
    expect(page.locator("#preview-body")).to_contain_text(f'"image": "{asset_id}"')

    # No prompt: the form comes back with its problems, and the image is still there.
    page.get_by_role("button", name="Generate").click()
    expect(page.locator(".error-summary")).to_contain_text("Prompt: Is required.")
    expect(page.locator("#in-image")).to_have_value(asset_id)
    expect(page.locator("#preview-body")).not_to_contain_text("upload:")
    expect(preview.get_by_role("img", name="red.png")).to_be_visible()

    page.get_by_role("textbox", name="Prompt", exact=True).fill("a lighthouse")
    page.get_by_role("button", name="Generate").click()
    page.wait_for_url(re.compile(r"/jobs/\d+/$"))
    assert Generation.objects.get().request_body["image"] == asset_id


def test_remove_empties_the_field(signed_in_page: Page, live_server: Any, red_png: Path) -> None:
    page = signed_in_page
    page.goto(f"{live_server.url}/models/model_demo-lumen-xl/")
    page.get_by_label("Or upload a file for Reference Image").set_input_files(red_png)
    expect(page.locator("#in-image")).to_have_value(ASSET_ID)
    page.locator('[data-input="image"]').get_by_role("button", name=re.compile("^Remove")).click()
    expect(page.locator("#in-image")).to_have_value("")
    expect(page.locator('[data-input="image"] .asset-preview')).to_have_count(0)
    expect(page.locator("#in-image")).to_be_focused()
    expect(page.locator("#preview-body")).not_to_contain_text('"image"')


def test_a_large_recording_is_uploaded_with_progress(
    signed_in_page: Page, live_server: Any, tmp_path: Path
) -> None:
    # 8.6 MB on a field that allows 10 MB: past what a JSON body may carry inline.
    recording = tmp_path / "take.wav"
    recording.write_bytes(b"RIFF" + bytes(8_600_000))
    page = signed_in_page
    page.goto(f"{live_server.url}/models/model_demo-cadence-voice/")
    page.get_by_label("Or upload a file for Reference Recording").set_input_files(recording)
    field = page.locator("#in-referenceAudio")
    expect(field).to_have_value(ASSET_ID, timeout=20_000)
    expect(page.locator('[data-input="referenceAudio"] audio')).to_have_count(1)


def test_a_file_over_max_size_is_refused_before_it_is_sent(
    signed_in_page: Page, live_server: Any, tmp_path: Path
) -> None:
    recording = tmp_path / "long.wav"
    recording.write_bytes(b"RIFF" + bytes(10_485_760))
    page = signed_in_page
    page.goto(f"{live_server.url}/models/model_demo-cadence-voice/")
    page.get_by_label("Or upload a file for Reference Recording").set_input_files(recording)
    expect(page.locator('[data-input="referenceAudio"] .field__error').first).to_contain_text(
        "long.wav is larger than the 10 MB limit."
    )
    expect(page.locator("#in-referenceAudio")).to_have_value("")
