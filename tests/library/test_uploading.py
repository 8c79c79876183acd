"""Which file input a posted control name stands for, nested rows included."""

from __future__ import annotations

import pytest

from scenario_ui.library.uploading import file_spec
from tests.generate.support import LUMEN, demo_definition

RELAY = "model_demo-relay-motion"


@pytest.mark.parametrize(
    ("model_id", "posted", "found"),
    [
        (LUMEN, "image", "image"),
        (LUMEN, "prompt", None),
        (LUMEN, "nothing", None),
        (RELAY, "video", "video"),
        (RELAY, "keyframes.0.image", "image"),
        (RELAY, "keyframes.12.image", "image"),
        (RELAY, "keyframes.x.image", None),
        (RELAY, "keyframes.0.seconds", None),
        (RELAY, "video.0.image", None),
        (LUMEN, "image.0", None),
    ],
)
def test_file_spec(model_id: str, posted: str, found: str | None) -> None:
    spec = file_spec(demo_definition(model_id), posted)
    assert (spec.name if spec is not None else None) == found
