from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.sandbox.outputs.drawing import Canvas, text_colour
from tests.sandbox.outputs.subjects import SUBJECT


@pytest.mark.parametrize(
    ("values", "size"),
    [
        ({}, (512, 512)),
        ({"width": 1024, "height": 768}, (512, 384)),
        ({"width": 300, "height": 200}, (512, 341)),
        ({"width": 768}, (512, 512)),
        ({"width": 4096, "height": 128}, (512, 64)),
        ({"width": "wide", "height": True}, (512, 512)),
    ],
)
def test_images_fit_512_pixels_on_their_longest_side(
    values: dict[str, Any], size: tuple[int, int]
) -> None:
    canvas = Canvas.for_image(values)
    assert (canvas.width, canvas.height) == size


@pytest.mark.parametrize(
    ("ratio", "size"),
    [(None, (320, 180)), ("auto", (320, 180)), ("9:16", (180, 320)), ("1:1", (320, 320))],
)
def test_videos_follow_the_aspect_ratio(ratio: str | None, size: tuple[int, int]) -> None:
    canvas = Canvas.for_video({} if ratio is None else {"aspectRatio": ratio})
    assert (canvas.width, canvas.height) == size


def test_colours_are_stable_and_differ_by_index() -> None:
    assert SUBJECT.colour(0) == SUBJECT.colour(0)
    assert SUBJECT.colour(0) != SUBJECT.colour(1)


def test_text_contrasts_with_the_background() -> None:
    assert text_colour((250, 250, 200)) == (20, 20, 20)
    assert text_colour((30, 40, 120)) == (250, 250, 250)
