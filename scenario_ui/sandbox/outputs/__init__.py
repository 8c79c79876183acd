"""What a finished job produces, chosen by what its model makes (its capabilities).

Images become PNGs drawn with Pillow; videos become animated GIFs (an asset of kind
"image"), since no MP4 or WebM encoder is at hand and a browser plays a GIF in an <img>;
audio becomes a WAV tone; 3D becomes a glTF binary cube; text models answer in
`metadata.output` and produce no asset.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.outputs import animation, audio, images, mesh, text
from scenario_ui.sandbox.outputs.drawing import Canvas, Subject
from scenario_ui.sandbox.prompts import main_parameters, main_prompt
from scenario_ui.schema import ModelDefinition

# Checked in this order: a model that makes both video and images is a video model.
FAMILIES: Final = (
    ("video", ("txt2video", "img2video", "video2video", "audio2video")),
    ("audio", ("txt2audio", "audio2audio", "video2audio")),
    ("3d", ("txt23d", "img23d", "3d23d", "video23d")),
    ("text", ("txt2txt", "img2txt")),
    ("image", ("txt2img", "img2img")),
)
MAX_IMAGES: Final = 4


@dataclass(frozen=True)
class Outputs:
    source: str
    files: list[FileContent] = field(default_factory=list)
    text: JsonObject | None = None


def produce_outputs(definition: ModelDefinition, job_input: Mapping[str, Any]) -> Outputs:
    """What a job run with `job_input` made, its defaults filling the gaps; the same request
    always gives the same bytes."""
    family, source = output_family(definition.capabilities)
    with_defaults = {
        **{spec.name: spec.default for spec in definition.inputs if spec.default is not None},
        **job_input,
    }
    subject = Subject(
        model_name=definition.name or definition.id,
        prompt=main_prompt(definition, with_defaults),
        parameters=main_parameters(definition, with_defaults),
        seed=hashlib.sha256(
            f"{definition.id}\n{json.dumps(job_input, sort_keys=True)}".encode()
        ).digest(),
    )
    match family:
        case "video":
            return Outputs(
                source, [animation.animated_gif(subject, Canvas.for_video(with_defaults))]
            )
        case "audio":
            return Outputs(source, [audio.wav_tone(subject)])
        case "3d":
            return Outputs(source, [mesh.glb_cube(subject)])
        case "text":
            return Outputs(source, text=text.reply(subject))
        case _:
            canvas = Canvas.for_image(with_defaults)
            count = _image_count(with_defaults.get("numOutputs"))
            return Outputs(
                source, [images.png(subject, canvas, index, count) for index in range(count)]
            )


def output_family(capabilities: list[str]) -> tuple[str, str]:
    """The kind of output and the capability that names how it was made (asset `source`)."""
    for family, family_capabilities in FAMILIES:
        for capability in capabilities:
            if capability in family_capabilities:
                return family, capability
    return "image", "txt2img"


def _image_count(requested: Any) -> int:
    if isinstance(requested, int | float) and not isinstance(requested, bool):
        return min(max(int(requested), 1), MAX_IMAGES)
    return 1
