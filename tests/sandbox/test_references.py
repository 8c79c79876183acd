from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.references import (
    FILE_INPUT_TYPES,
    MODEL_INPUT_TYPES,
    check_model_references,
    references,
    replace_files,
)
from scenario_ui.schema import parse_definition
from tests.sandbox.factories import generator_record, store_generator_and_loras

INPUTS = parse_definition(generator_record()).inputs


def refused(body: dict[str, Any]) -> tuple[int, str]:
    with pytest.raises(SandboxApiError) as raised:
        check_model_references(INPUTS, body)
    return raised.value.status, raised.value.reason


def test_file_references_include_rows_and_skip_blanks() -> None:
    body = {
        "image": "asset_a",
        "keyframes": [{"frame": "asset_b"}, {"frame": ""}, "not a row"],
        "loras": ["model_lora_a"],
    }
    found = [(ref.spec.name, ref.value) for ref in references(INPUTS, body, FILE_INPUT_TYPES)]
    assert found == [("image", "asset_a"), ("frame", "asset_b")]
    models = [ref.value for ref in references(INPUTS, body, MODEL_INPUT_TYPES)]
    assert models == ["model_lora_a"]


def test_replace_files_rewrites_file_values_only() -> None:
    body = {"prompt": "a", "image": "x", "keyframes": [{"frame": "y"}, 3], "loras": ["x"]}
    replaced = replace_files(INPUTS, body, lambda value: value.upper())
    assert replaced == {
        "prompt": "a",
        "image": "X",
        "keyframes": [{"frame": "Y"}, 3],
        "loras": ["x"],
    }
    assert body["image"] == "x"
    assert replace_files(INPUTS, {"prompt": "a"}, str.upper) == {"prompt": "a"}


@pytest.mark.django_db
def test_known_models_of_allowed_types_pass() -> None:
    store_generator_and_loras()
    check_model_references(INPUTS, {"loras": ["model_lora_a", "model_lora_b"]})


@pytest.mark.django_db
def test_an_unknown_model_is_404() -> None:
    store_generator_and_loras()
    body = {"loras": ["model_lora_a", "model_missing"]}
    assert refused(body) == (404, "Model model_missing not found")


@pytest.mark.django_db
def test_models_of_other_types_are_400_listing_the_allowed_types() -> None:
    store_generator_and_loras()
    body = {"loras": ["model_flux2_lora", "model_lora_a", "model_generator"]}
    assert refused(body) == (
        400,
        "Invalid model(s): model_flux2_lora, model_generator.\n"
        "Allowed model types: flux.1-lora, flux.1-composition",
    )


@pytest.mark.django_db
def test_an_input_without_model_types_takes_any_model() -> None:
    store_generator_and_loras()
    inputs = parse_definition({"id": "m", "inputs": [{"name": "base", "type": "model"}]}).inputs
    check_model_references(inputs, {"base": "model_flux2_lora"})
