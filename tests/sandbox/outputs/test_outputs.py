from __future__ import annotations

import pytest

from scenario_ui.sandbox.json_types import JsonObject, JsonValue
from scenario_ui.sandbox.outputs import output_family, produce_outputs
from scenario_ui.schema import ModelDefinition, parse_definition


def model(*capabilities: str, **fields: JsonValue) -> ModelDefinition:
    record: JsonObject = {
        "id": "model_out",
        "name": "Out",
        "capabilities": list[JsonValue](capabilities),
        "inputs": [{"name": "prompt", "type": "string", "prompt": True}],
    }
    return parse_definition({**record, **fields})


@pytest.mark.parametrize(
    ("capabilities", "family"),
    [
        (["txt2img", "img2video"], ("video", "img2video")),
        (["txt2audio"], ("audio", "txt2audio")),
        (["img23d", "txt23d"], ("3d", "img23d")),
        (["img2txt"], ("text", "img2txt")),
        (["inpaint", "img2img"], ("image", "img2img")),
        (["controlnet"], ("image", "txt2img")),
        ([], ("image", "txt2img")),
    ],
)
def test_the_family_follows_the_capabilities(
    capabilities: list[str], family: tuple[str, str]
) -> None:
    assert output_family(capabilities) == family


@pytest.mark.parametrize(
    ("capability", "mime_types"),
    [
        ("txt2video", ["image/gif"]),
        ("txt2audio", ["audio/wav"]),
        ("txt23d", ["model/gltf-binary"]),
        ("txt2txt", []),
        ("txt2img", ["image/png"]),
    ],
)
def test_each_family_makes_its_files(capability: str, mime_types: list[str]) -> None:
    outputs = produce_outputs(model(capability), {"prompt": "hello"})
    assert outputs.source == capability
    assert [file.mime_type for file in outputs.files] == mime_types
    assert (outputs.text is not None) == (capability == "txt2txt")


@pytest.mark.parametrize(("requested", "count"), [(3, 3), (9, 4), (0, 1), ("two", 1)])
def test_one_image_per_output_up_to_four(requested: JsonValue, count: int) -> None:
    outputs = produce_outputs(model("txt2img"), {"prompt": "x", "numOutputs": requested})
    assert len(outputs.files) == count


def test_defaults_fill_what_the_request_left_out() -> None:
    definition = model(
        "txt2img",
        inputs=[
            {"name": "prompt", "type": "string", "prompt": True},
            {"name": "numOutputs", "type": "number", "default": 2},
        ],
    )
    assert len(produce_outputs(definition, {"prompt": "x"}).files) == 2


def test_the_same_request_produces_the_same_files() -> None:
    first = produce_outputs(model("txt2img"), {"prompt": "a cabin"})
    assert produce_outputs(model("txt2img"), {"prompt": "a cabin"}) == first
    assert produce_outputs(model("txt2img"), {"prompt": "a boat"}) != first
