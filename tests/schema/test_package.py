"""The package surface: what `scenario_ui.schema` re-exports and what it must not import."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import scenario_ui.schema as schema
from scenario_ui.schema.parsing import parse_definition

SCHEMA_DIRECTORY = Path(schema.__file__).parent
FORBIDDEN_IMPORTS = ("django", "scenario_sdk", "scenario_ui.scenario", "scenario_ui.sandbox")


def test_public_names_are_exported() -> None:
    for name in schema.__all__:
        assert hasattr(schema, name), name
    assert schema.parse_definition is parse_definition


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", sorted(SCHEMA_DIRECTORY.glob("*.py")), ids=lambda path: path.name)
def test_schema_does_no_io_and_stays_independent(path: Path) -> None:
    for module in _imported_modules(path):
        assert not module.startswith(FORBIDDEN_IMPORTS), f"{path.name} imports {module}"
