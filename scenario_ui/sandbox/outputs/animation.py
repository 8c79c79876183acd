"""Generated videos, as animated GIFs: no video encoder is available to the sandbox, and
every browser plays a GIF in an <img>. The asset is therefore of kind "image"."""

from __future__ import annotations

import io
from typing import Final

from PIL import Image, ImageDraw

from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.outputs.drawing import Canvas, Subject, draw_caption, text_colour

FRAME_COUNT: Final = 12
FRAME_MILLISECONDS: Final = 100


def animated_gif(subject: Subject, canvas: Canvas) -> FileContent:
    """A bar sweeping across the caption, looping forever."""
    background = subject.colour()
    ink = text_colour(background)
    bar_width = max(canvas.width // FRAME_COUNT, 1)
    frames = []
    for index in range(FRAME_COUNT):
        frame = Image.new("RGB", (canvas.width, canvas.height), background)
        draw = ImageDraw.Draw(frame)
        left = index * canvas.width // FRAME_COUNT
        draw.rectangle((left, 0, left + bar_width, canvas.height), fill=subject.colour(1))
        draw_caption(draw, subject, canvas, ink)
        frames.append(frame)
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format="GIF",
        save_all=True,
        append_images=frames[1:],
        duration=FRAME_MILLISECONDS,
        loop=0,
    )
    return FileContent(
        kind="image",
        mime_type="image/gif",
        name="output-1.gif",
        content=buffer.getvalue(),
        properties={
            "width": canvas.width,
            "height": canvas.height,
            "nbFrames": FRAME_COUNT,
            "frameRate": 1000 / FRAME_MILLISECONDS,
            "duration": FRAME_COUNT * FRAME_MILLISECONDS / 1000,
        },
    )
