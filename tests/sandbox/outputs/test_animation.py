from __future__ import annotations

import io

from PIL import Image

from scenario_ui.sandbox.outputs.animation import FRAME_COUNT, animated_gif
from scenario_ui.sandbox.outputs.drawing import Canvas
from tests.sandbox.outputs.subjects import SUBJECT


def test_videos_are_looping_animated_gifs_of_kind_image() -> None:
    file = animated_gif(SUBJECT, Canvas(320, 180))
    assert file.content.startswith(b"GIF89a")
    assert (file.kind, file.mime_type, file.name) == ("image", "image/gif", "output-1.gif")
    assert file.properties == {
        "width": 320,
        "height": 180,
        "nbFrames": 12,
        "frameRate": 10.0,
        "duration": 1.2,
    }
    with Image.open(io.BytesIO(file.content)) as image:
        assert (getattr(image, "n_frames", 1), image.size) == (FRAME_COUNT, (320, 180))
        assert image.info["loop"] == 0
