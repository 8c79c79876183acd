"""Fields and keys the schema does not know: warnings, with a suggestion for likely typos."""

from __future__ import annotations

from tests.schema.test_lint import lint, make_input, warning


def test_unknown_field_on_an_input() -> None:
    assert lint([make_input("prompt", "string", foo=1)]) == [
        warning("/inputs/0/foo", 'unknown field "foo" on a string input')
    ]


def test_a_field_of_another_input_type_says_which_types_take_it() -> None:
    assert lint([make_input("prompt", "string", step=1)]) == [
        warning(
            "/inputs/0/step",
            '"step" has no effect on a string input; only number and number_array inputs take it',
        )
    ]


def test_a_likely_typo_gets_a_suggestion() -> None:
    rows = [make_input("box", "string")]
    assert lint([make_input("regions", "inputs_array", inputs=rows, maxLenght=4)]) == [
        warning(
            "/inputs/0/maxLenght",
            'unknown field "maxLenght" on an inputs_array input; did you mean "maxLength"?',
        )
    ]


def test_known_fields_are_not_reported() -> None:
    image = make_input(
        "image", "file", kind="image", maxSize=1000, backgroundBehavior="opaque", parent=True
    )

    assert lint([image, make_input("n", "number", min=0, max=1, step=0.1)]) == []


def test_fields_of_an_unknown_input_type_are_left_to_the_type_warning() -> None:
    problems = lint([make_input("pose", "vector3", axis="y")])

    assert [problem.pointer for problem in problems] == ["/inputs/0/type"]


def test_unknown_required_rule() -> None:
    assert lint([make_input("prompt", "string", required={"always": True, "unless": {}})]) == [
        warning(
            "/inputs/0/required/unless",
            'unknown required rule "unless"; expected one of: always, ifDefined, ifNotDefined, '
            "conditionalValues, conditional, when",
        )
    ]


def test_unknown_ui_config_key() -> None:
    assert lint([], {"layout": "grid", "selects": {}}) == [
        warning(
            "/uiConfig/layout",
            'unknown uiConfig key "layout"; expected one of: inputProperties, lorasComponent, '
            "presets, resolutionComponent, selects, triggerGenerate, outputProperties",
        )
    ]


def test_unknown_field_on_a_ui_config_component() -> None:
    inputs = [make_input("width", "number"), make_input("height", "number")]
    resolution = {"label": "Size", "widthInput": "width", "heightInput": "height", "step": 8}

    assert lint(inputs, {"resolutionComponent": resolution}) == [
        warning(
            "/uiConfig/resolutionComponent/step",
            'unknown resolutionComponent field "step"; expected one of: label, widthInput, '
            "heightInput, presets",
        )
    ]
