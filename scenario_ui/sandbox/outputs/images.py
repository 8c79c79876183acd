"""Generated images: the request written on a coloured PNG."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw

from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.outputs.drawing import Canvas, Subject, draw_caption, font, text_colour


def png(subject: Subject, canvas: Canvas, index: int, count: int) -> FileContent:
    background = subject.colour(index)
    ink = text_colour(background)
    image = Image.new("RGB", (canvas.width, canvas.height), background)
    draw = ImageDraw.Draw(image)
    draw_caption(draw, subject, canvas, ink)
    size = max(canvas.width // 28, 10)
    badge = f"sandbox {index + 1}/{count}"
    draw.text(
        (canvas.width - size, canvas.height - size), badge, fill=ink, font=font(size), anchor="rb"
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return FileContent(
        kind="image",
        mime_type="image/png",
        name=f"output-{index + 1}.png",
        content=buffer.getvalue(),
        properties={"width": canvas.width, "height": canvas.height},
    )
