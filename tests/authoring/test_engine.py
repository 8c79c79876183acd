"""The studio's door into the form engine: the model page's own calls."""

from __future__ import annotations

from django.template.loader import render_to_string

from scenario_ui.authoring import engine
from scenario_ui.generate.form_page import first_form
from scenario_ui.schema import parse_definition

DEFINITION = parse_definition(
    {
        "id": "model_t",
        "inputs": [
            {"name": "prompt", "type": "string", "required": {"always": True}},
            {"name": "steps", "type": "number", "min": 1, "max": 50, "default": 28},
            {"name": "count", "type": "number", "allowedValues": [1, 2, 4], "default": 1},
            {"name": "tags", "type": "string_array"},
        ],
    }
)
URLS = {"live_url": "/live/", "submit_url": "/run/", "estimate_url": ""}


def html(form: engine.FormView) -> str:
    return render_to_string(engine.FORM_PARTIAL, {"form": form, **URLS})


def test_untouched_preview_is_the_model_pages_first_form() -> None:
    preview = engine.preview_form(DEFINITION, base_url="", data={"steps": ["3"]}, touched=[])

    assert html(preview) == html(first_form(DEFINITION, base_url=""))


def test_touched_controls_keep_their_values_others_follow_the_definition() -> None:
    data = {"prompt": ["a cat"], "steps": ["3"], "count": ["4"]}

    preview = engine.preview_form(DEFINITION, base_url="", data=data, touched=["prompt", "count"])

    assert preview.state.values.values == {"prompt": "a cat", "steps": 28, "count": 4}
    assert preview.summary == []  # a first render shows no messages


def test_a_touched_control_left_empty_stays_empty() -> None:
    preview = engine.preview_form(DEFINITION, base_url="", data={}, touched=["steps"])

    assert "steps" not in preview.state.values.values


def test_rule_evaluator_types_values_as_the_engine_does() -> None:
    evaluator = engine.RuleEvaluator(DEFINITION)

    assert evaluator.typed_value("count", "2") == 2
    assert evaluator.typed_value("count", "three") is None  # not a number
    assert evaluator.typed_value("tags", ["a"]) == ["a"]
    assert evaluator.typed_value("nothing", 1) is None
    assert evaluator.is_one_of("count", ["2"], {"count": 2})
    assert not evaluator.is_one_of("count", [True], {"count": 1})


def test_cost_body_leaves_out_what_is_not_set() -> None:
    assert engine.cost_body(DEFINITION, {"prompt": ["a cat"], "steps": ["5"]}) == {
        "prompt": "a cat",
        "steps": 5,
    }
