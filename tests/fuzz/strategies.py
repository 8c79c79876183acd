"""Hypothesis strategies: model definitions (valid-looking and malformed) and form posts.

The values lean on what broke before: numbers too large for a float, NaN and
Infinity, deep nesting, duplicate names, rules naming inputs that do not exist,
and rules that name each other in a cycle.
"""

from __future__ import annotations

import string
from typing import Any

from hypothesis import strategies as st

from scenario_ui.schema import INPUT_TYPES

# A small pool, so that names repeat (duplicates) and rules and uiConfig hit real inputs.
NAMES = ("prompt", "width", "height", "loras", "lorasScale", "seed", "mode", "mask", "rows")
HUGE_NUMBERS = (10**400, -(10**400), 10**309, float("inf"), float("-inf"), float("nan"), 1e308)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(HUGE_NUMBERS),
    st.text(max_size=12),
)


def mostly(
    usual: st.SearchStrategy[Any], odd: st.SearchStrategy[Any], *, in_ten: int = 8
) -> st.SearchStrategy[Any]:
    """`usual` about `in_ten` times in ten, else `odd`."""
    return st.integers(0, 9).flatmap(lambda draw: usual if draw < in_ten else odd)


def json_values(max_leaves: int = 8) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda children: st.one_of(
            st.lists(children, max_size=4),
            st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=6), children, max_size=4),
        ),
        max_leaves=max_leaves,
    )


def deeply_nested(depth: int) -> Any:
    value: Any = 0
    for level in range(depth):
        value = [value] if level % 2 else {"a": value}
    return value


numbers = st.one_of(st.integers(-5, 5000), st.floats(-10, 10), st.sampled_from(HUGE_NUMBERS))
names = st.sampled_from(NAMES)
name_lists = st.lists(names | st.text(max_size=5), max_size=4)


def required_rules() -> st.SearchStrategy[Any]:
    messages = st.fixed_dictionaries({"message": st.text(max_size=10)})
    valid = st.fixed_dictionaries(
        {},
        optional={
            "always": st.booleans(),
            "ifDefined": st.dictionaries(names, messages, max_size=2),
            "ifNotDefined": st.dictionaries(names, messages, max_size=2),
            "conditionalValues": st.dictionaries(names, st.lists(scalars, max_size=3), max_size=2),
            "conditional": st.fixed_dictionaries(
                {"values": st.dictionaries(names, st.lists(scalars, max_size=3), max_size=2)},
                optional={"operator": st.sampled_from(["and", "or", "xor"])},
            ),
            "when": st.dictionaries(
                names | st.just("inferenceType"), st.lists(scalars, max_size=2)
            ),
        },
    )
    return valid | json_values(4)


def input_specs(nested: int = 1) -> st.SearchStrategy[Any]:
    fields: dict[str, st.SearchStrategy[Any]] = {
        "label": st.text(max_size=10),
        "description": st.text(max_size=10),
        "group": st.sampled_from(["", "Advanced", "Style"]),
        "default": mostly(
            numbers | st.text(max_size=6) | st.lists(numbers), json_values(4), in_ten=6
        ),
        "min": numbers,
        "max": numbers,
        "step": numbers,
        "minLength": numbers,
        "maxLength": numbers,
        "allowedValues": st.lists(scalars, max_size=4),
        "required": required_rules(),
        "maxSize": numbers,
        "kind": st.sampled_from(["image", "audio", "text", "video", "weird"]),
        "modelTypes": st.lists(st.text(max_size=8), max_size=2),
        "prompt": st.booleans(),
        "color": st.booleans(),
        "costImpact": st.booleans(),
        "placeholder": st.text(max_size=8),
        "maskFrom": names,
        "extra": json_values(3),
    }
    if nested:
        fields["inputs"] = st.lists(input_specs(nested - 1), max_size=3)
    valid_looking = st.fixed_dictionaries(
        {"name": names, "type": st.sampled_from(INPUT_TYPES)}, optional=fields
    )
    odd = st.fixed_dictionaries(
        {
            "name": names | st.text(max_size=6) | json_values(2),
            "type": st.sampled_from(["vector3", ""]) | scalars,
        },
        optional=fields,
    )
    return mostly(valid_looking, odd | json_values(3))


def ui_configs() -> st.SearchStrategy[Any]:
    preset = st.fixed_dictionaries(
        {"label": st.text(max_size=8)}, optional={"width": numbers, "height": numbers}
    )
    valid = st.fixed_dictionaries(
        {},
        optional={
            "selects": st.dictionaries(
                names, st.dictionaries(st.text(max_size=4), st.text(max_size=6), max_size=3)
            ),
            "resolutionComponent": st.fixed_dictionaries(
                {
                    "label": st.text(max_size=8),
                    "widthInput": names,
                    "heightInput": names,
                    "presets": st.lists(preset, max_size=3),
                }
            ),
            "lorasComponent": st.fixed_dictionaries(
                {"label": st.text(max_size=8), "modelInput": names, "scaleInput": names},
                optional={"modelIdInput": names},
            ),
            "presets": st.lists(
                st.fixed_dictionaries(
                    {
                        "fields": name_lists,
                        "presets": st.dictionaries(
                            st.text(max_size=6),
                            st.dictionaries(names, json_values(2), max_size=3),
                            max_size=2,
                        ),
                    }
                ),
                max_size=2,
            ),
            "triggerGenerate": st.fixed_dictionaries(
                {"label": st.text(max_size=8)},
                optional={"after": names, "position": st.sampled_from(["top", "bottom", "x"])},
            ),
            "inputProperties": st.dictionaries(
                names, st.fixed_dictionaries({"collapsed": st.booleans()}), max_size=3
            ),
        },
    )
    return valid | json_values(3)


def model_objects() -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {
            "id": st.just("model_fuzz") | st.text(string.ascii_letters + "/_-", max_size=8),
            "inputs": mostly(st.lists(input_specs(), min_size=1, max_size=8), json_values(3)),
        },
        optional={
            "name": st.text(max_size=10),
            "type": st.sampled_from(["custom", "flux.1-lora", "sd-xl"]),
            "uiConfig": ui_configs(),
            "status": st.sampled_from(["new", "trained", "training"]),
            "trainingImagesNumber": numbers,
            "trainingProgress": json_values(3),
        },
    )


def definitions(*, deepest: int = 3000) -> st.SearchStrategy[Any]:
    """A `{"model": ...}` record, a bare model, or something that is neither.

    `deepest` bounds the deeply nested ones (json.dumps recurses, so files stay shallower).
    """
    model = mostly(model_objects(), model_objects().map(lambda model: {"model": model}))
    deep_default = st.integers(20, min(deepest, 400)).map(
        lambda depth: {
            "id": "m",
            "inputs": [{"name": "deep", "type": "vector3", "default": deeply_nested(depth)}],
        }
    )
    deep = st.integers(50, deepest).map(deeply_nested)
    return mostly(model, json_values(4) | deep | deep_default)


posted_texts = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["nan", "NaN", "Infinity", "-inf", "1e400", "9" * 400, "-" + "9" * 330]),
    st.integers().map(str),
    st.floats().map(repr),
    st.sampled_from(["true", "false", "[]", "{}", '{"a": NaN}', "[Infinity]", "1e999"]),
)


def form_posts(field_names: list[str]) -> st.SearchStrategy[dict[str, list[str]]]:
    """Form data with the definition's fields, row fields, actions and junk, any values."""
    keys = st.sampled_from(
        [*field_names, "__action", "__shown", "__resolution", "rows.0.a", "junk", "__token"]
    ) | st.text(max_size=8)
    return st.dictionaries(keys, st.lists(posted_texts, min_size=1, max_size=3), max_size=10)
