"""The linter: everything wrong with a definition, for model authors and their CI.

`lint_definition` adds to the parse problems what parsing alone cannot see:
names that point at no input (or at one of the wrong type), constraints no
value can meet, defaults and presets their inputs would reject, and fields
the schema does not know. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from scenario_ui.schema.definition import ModelDefinition
from scenario_ui.schema.lint_authoring import authoring_problems, unrepresentable_numbers
from scenario_ui.schema.lint_inputs import locate_inputs, walk_inputs
from scenario_ui.schema.lint_references import input_reference_problems
from scenario_ui.schema.lint_ui_config import ui_config_problems
from scenario_ui.schema.lint_unknown import input_field_problems, ui_config_key_problems
from scenario_ui.schema.lint_values import constraint_problems
from scenario_ui.schema.problems import DefinitionProblem


def lint_definition(definition: ModelDefinition) -> list[DefinitionProblem]:
    """The parse problems and the linter's own, in the order their pointers appear in `raw`.

    Problems at the same place keep their order: parse problems first.
    """
    problems = list(definition.problems)
    located = locate_inputs(definition.inputs, definition.raw.get("inputs"), "/inputs")
    for entry in walk_inputs(located):
        problems += input_field_problems(entry)
        problems += constraint_problems(entry)
        problems += input_reference_problems(entry)
        problems += authoring_problems(entry)
    problems += ui_config_key_problems(definition.ui_config)
    problems += ui_config_problems(definition.ui_config, definition.inputs)
    # Parsing already refuses the numbers of the fields it reads; this adds the others.
    reported = {problem.pointer for problem in problems}
    problems += [
        problem
        for problem in unrepresentable_numbers(definition.raw)
        if problem.pointer not in reported
    ]
    return sorted(problems, key=lambda problem: document_position(definition.raw, problem.pointer))


def document_position(document: Any, pointer: str) -> tuple[int, ...]:
    """Where `pointer` points in `document`, as a key that sorts in reading order.

    Each step is the position of the key or index at that level. A key the
    document lacks (a missing required field) sorts after its siblings.
    """
    position: list[int] = []
    node = document
    for token in _pointer_tokens(pointer):
        if isinstance(node, dict):
            keys = list(node)
            if token not in node:
                position.append(len(keys))
                break
            position.append(keys.index(token))
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            position.append(int(token))
            node = node[int(token)]
        else:
            break
    return tuple(position)


def _pointer_tokens(pointer: str) -> list[str]:
    if not pointer:
        return []
    # RFC 6901: "~1" before "~0", or "~01" would wrongly become "/".
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer[1:].split("/")]
