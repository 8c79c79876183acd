from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.files import (
    FileContent,
    file_from_data_url,
    image_from_upload,
    is_data_url,
)
from tests.sandbox.factories import data_url, png_bytes


def refusal(raised: pytest.ExceptionInfo[SandboxApiError]) -> tuple[int, str]:
    return raised.value.status, raised.value.reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("data:image/png;base64,AAAA", True),
        ("data:audio/wav;charset=binary;base64,", True),
        ("data:image/png,raw", False),
        ("asset_abc", False),
        ("https://example.com/a.png", False),
    ],
)
def test_recognises_base64_data_urls(value: str, expected: bool) -> None:
    assert is_data_url(value) is expected


def test_an_image_data_url_is_checked_and_typed_from_its_bytes() -> None:
    # The claimed type is not trusted: the bytes are a PNG.
    file = file_from_data_url(data_url(png_bytes(8, 6), "image/jpeg"), "image")
    assert file == FileContent(
        kind="image",
        mime_type="image/png",
        name="image.jpg",
        content=png_bytes(8, 6),
        properties={"width": 8, "height": 6},
    )


@pytest.mark.parametrize(
    ("mime_type", "kind", "name"),
    [
        ("audio/wav", "audio", "voice.wav"),
        ("video/mp4", "video", "voice.mp4"),
        ("model/gltf-binary", "3d", "voice.glb"),
        ("text/plain", "text", "voice.txt"),
        ("application/json", "json", "voice.json"),
        ("application/octet-stream", "document", "voice.bin"),
    ],
)
def test_other_data_urls_keep_their_type(mime_type: str, kind: str, name: str) -> None:
    file = file_from_data_url(data_url(b"bytes", mime_type), "voice")
    assert (file.kind, file.mime_type, file.name, file.content) == (kind, mime_type, name, b"bytes")


def test_bad_base64_is_refused() -> None:
    with pytest.raises(SandboxApiError) as raised:
        file_from_data_url("data:audio/wav;base64,not base64!", "voice")
    assert refusal(raised)[0] == 400
    assert refusal(raised)[1].startswith("Invalid base64 data in input voice: ")


def test_a_non_data_url_is_refused() -> None:
    with pytest.raises(SandboxApiError) as raised:
        file_from_data_url("https://example.com/a.png", "image")
    assert refusal(raised) == (400, "Input image must be an asset id or a base64 data URL")


@pytest.mark.parametrize(
    "image",
    [base64.b64encode(png_bytes()).decode(), data_url(png_bytes())],
)
def test_uploads_take_plain_base64_or_a_data_url(image: str) -> None:
    file = image_from_upload(image, "photo.png")
    assert (file.kind, file.mime_type, file.name, file.properties) == (
        "image",
        "image/png",
        "photo.png",
        {"width": 8, "height": 6},
    )


def test_uploads_that_are_no_image_are_refused() -> None:
    with pytest.raises(SandboxApiError) as raised:
        image_from_upload(base64.b64encode(b"<svg onload=alert(1)>").decode(), "x.svg")
    assert refusal(raised) == (400, "x.svg is not an image; expected one of: PNG, JPEG, GIF, WEBP")


def test_uploads_in_other_image_formats_are_refused() -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="BMP")
    with pytest.raises(SandboxApiError) as raised:
        image_from_upload(base64.b64encode(buffer.getvalue()).decode(), "x.bmp")
    assert refusal(raised) == (400, "x.bmp is a BMP image; expected one of: PNG, JPEG, GIF, WEBP")


def test_uploads_with_bad_base64_are_refused() -> None:
    with pytest.raises(SandboxApiError) as raised:
        image_from_upload("%%%", "x.png")
    assert refusal(raised)[1].startswith("Invalid base64 data in image: ")
