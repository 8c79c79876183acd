from __future__ import annotations

from scenario_ui.training.parameters_common import (
    LEGACY,
    WANDB_KEY,
    ParameterSet,
    default_steps,
    legacy,
)


def test_default_steps_from_the_images_count() -> None:
    assert default_steps(9, steps_per_image=100, maximum=10000) == {
        "default": 900,
        "hint": "Default for 9 training images: 900.",
    }


def test_default_steps_rounds() -> None:
    assert default_steps(3, steps_per_image=0.5, maximum=100)["default"] == 2


def test_default_steps_for_one_image() -> None:
    assert default_steps(1, steps_per_image=175, maximum=40000)["hint"] == (
        "Default for 1 training image: 175."
    )


def test_default_steps_stay_within_the_maximum() -> None:
    assert default_steps(150, steps_per_image=100, maximum=10000)["default"] == 10000


def test_no_default_steps_without_images() -> None:
    assert default_steps(0, steps_per_image=100, maximum=10000) == {}
    assert default_steps(-1, steps_per_image=100, maximum=10000) == {}


def test_legacy_marks_label_description_and_group() -> None:
    marked = legacy(WANDB_KEY, "the trainer ignores it.")
    assert marked["label"] == "Weights & Biases key (legacy)"
    assert marked["description"].endswith("Legacy parameter: the trainer ignores it.")
    assert marked["group"] == LEGACY
    assert marked["maxLength"] == 40
    assert WANDB_KEY["label"] == "Weights & Biases key"


def test_parameter_set_names_and_advanced_keep_input_order() -> None:
    parameters = ParameterSet(
        inputs=[{"name": "b"}, {"name": "a"}, {"name": "c"}], essentials=frozenset({"a"})
    )
    assert parameters.names == ["b", "a", "c"]
    assert parameters.advanced == ["b", "c"]
    assert parameters.selects == {}
