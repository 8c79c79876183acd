"""Shared by the drawn outputs: what to write on them, their size, colours and fonts."""

from __future__ import annotations

import colorsys
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from PIL import ImageDraw, ImageFont

MAX_IMAGE_SIDE: Final = 512
MIN_IMAGE_SIDE: Final = 64
MAX_VIDEO_SIDE: Final = 320
DEFAULT_VIDEO_RATIO: Final = (16, 9)
LINE_SPACING: Final = 4

type Colour = tuple[int, int, int]
type Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class Subject:
    """What an output shows: the request in words, and bytes to derive colours from."""

    model_name: str
    prompt: str
    parameters: list[str]
    seed: bytes

    def colour(self, index: int = 0) -> Colour:
        """A saturated colour, the same for the same request and index."""
        hue = ((self.seed[0] << 8 | self.seed[1]) / 65536 + index * 0.17) % 1.0
        red, green, blue = colorsys.hsv_to_rgb(hue, 0.55, 0.75)
        return round(red * 255), round(green * 255), round(blue * 255)


@dataclass(frozen=True)
class Canvas:
    width: int
    height: int

    @classmethod
    def for_image(cls, values: Mapping[str, Any]) -> Canvas:
        """The requested width and height, scaled down to fit 512px; 512x512 by default."""
        width, height = _dimension(values.get("width")), _dimension(values.get("height"))
        width, height = width or height or MAX_IMAGE_SIDE, height or width or MAX_IMAGE_SIDE
        return cls.fitting(width, height, MAX_IMAGE_SIDE)

    @classmethod
    def for_video(cls, values: Mapping[str, Any]) -> Canvas:
        """The requested aspect ratio ("16:9"), 16:9 when it is missing or "auto"."""
        ratio = values.get("aspectRatio")
        width, height = DEFAULT_VIDEO_RATIO
        if isinstance(ratio, str) and ratio.count(":") == 1:
            left, right = ratio.split(":")
            if left.isdigit() and right.isdigit() and int(left) and int(right):
                width, height = int(left), int(right)
        return cls.fitting(width, height, MAX_VIDEO_SIDE)

    @classmethod
    def fitting(cls, width: float, height: float, longest: int) -> Canvas:
        scale = longest / max(width, height)
        return cls(
            width=max(round(width * scale), MIN_IMAGE_SIDE),
            height=max(round(height * scale), MIN_IMAGE_SIDE),
        )


def font(size: int) -> Font:
    return ImageFont.load_default(size=size)


def text_colour(background: Colour) -> Colour:
    red, green, blue = background
    return (20, 20, 20) if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else (250, 250, 250)


def draw_caption(draw: ImageDraw.ImageDraw, subject: Subject, canvas: Canvas, ink: Colour) -> None:
    """Model name on top, the prompt wrapped below it, as many parameters as fit at the bottom."""
    size = max(canvas.width // 28, 10)
    line_height = size + LINE_SPACING
    draw.text((size, size), subject.model_name, fill=ink, font=font(round(size * 1.4)))
    top = size + round(size * 2.6)
    columns = max(canvas.width // (size * 6 // 10), 10)
    most_lines = max((canvas.height // 2) // line_height, 1)
    lines = textwrap.wrap(subject.prompt or "(no prompt)", width=columns)[:most_lines]
    draw.multiline_text(
        (size, top), "\n".join(lines), fill=ink, font=font(size), spacing=LINE_SPACING
    )
    free_height = canvas.height - size - (top + len(lines) * line_height + size)
    parameters = subject.parameters[: max(free_height // line_height, 0)]
    draw.multiline_text(
        (size, canvas.height - size - len(parameters) * line_height),
        "\n".join(parameters),
        fill=ink,
        font=font(size - 2),
        spacing=LINE_SPACING + 2,
    )


def _dimension(value: Any) -> int | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return int(value)
    return None
