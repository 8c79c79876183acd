from __future__ import annotations

import io

from PIL import Image

from scenario_ui.sandbox.outputs.drawing import Canvas
from scenario_ui.sandbox.outputs.images import png
from tests.sandbox.outputs.subjects import SUBJECT


def test_a_png_of_the_canvas_size_in_the_subject_colour() -> None:
    file = png(SUBJECT, Canvas(320, 200), index=1, count=2)
    assert file.content.startswith(b"\x89PNG\r\n\x1a\n")
    assert (file.kind, file.mime_type, file.name) == ("image", "image/png", "output-2.png")
    assert file.properties == {"width": 320, "height": 200}
    with Image.open(io.BytesIO(file.content)) as image:
        assert image.size == (320, 200)
        assert image.convert("RGB").getpixel((319, 0)) == SUBJECT.colour(1)


def test_the_same_request_draws_the_same_bytes() -> None:
    assert png(SUBJECT, Canvas(64, 64), 0, 1) == png(SUBJECT, Canvas(64, 64), 0, 1)
