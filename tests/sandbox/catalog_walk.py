"""Ways through demo catalog records, for the tests that check what the catalog covers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scenario_ui.sandbox.catalog import load_demo_catalog

type Record = dict[str, Any]
type ModelInput = dict[str, Any]


def demo_records() -> list[Record]:
    """The demo catalog, loosely typed: these tests walk it freely and let KeyError fail them."""
    return load_demo_catalog()


def all_inputs(record: Record) -> Iterator[ModelInput]:
    """Every input of `record`, including the row inputs of inputs_array inputs."""
    yield from _walk(record.get("inputs", []))


def input_lists(record: Record) -> Iterator[list[ModelInput]]:
    """The top-level input list, then the row schema of each inputs_array input."""
    top_level: list[ModelInput] = record.get("inputs", [])
    yield top_level
    for model_input in all_inputs(record):
        if model_input["type"] == "inputs_array":
            yield model_input["inputs"]


def generators(catalog: list[Record]) -> list[Record]:
    return [record for record in catalog if record["type"] == "custom"]


def ui_configs(catalog: list[Record]) -> list[Record]:
    return [record["uiConfig"] for record in catalog if "uiConfig" in record]


def select_key(value: object) -> str:
    """How uiConfig.selects spells an allowed value: always as a string."""
    return value if isinstance(value, str) else repr(value)


def _walk(inputs: list[ModelInput]) -> Iterator[ModelInput]:
    for model_input in inputs:
        yield model_input
        yield from _walk(model_input.get("inputs", []))
