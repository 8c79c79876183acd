from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.defined import is_defined, same_value


@pytest.mark.parametrize(
    "value",
    [False, True, 0, 0.0, -1, "0", "false", "a", " x ", ["a"], [""], [0], [None], 23.976],
)
def test_defined_values(value: Any) -> None:
    assert is_defined(value) is True


@pytest.mark.parametrize("value", [None, "", " ", "\t\n", [], ()])
def test_undefined_values(value: Any) -> None:
    assert is_defined(value) is False


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (1, 1),
        (1, 1.0),
        (23.976, 23.976),
        (-1, -1),
        ("img2img", "img2img"),
        (True, True),
        (False, False),
        (0, 0.0),
    ],
)
def test_same_values(left: Any, right: Any) -> None:
    assert same_value(left, right) is True
    assert same_value(right, left) is True


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (True, 1),
        (False, 0),
        (True, 1.0),
        (False, 0.0),
        (True, False),
        (1, 2),
        ("1", 1),
        ("true", True),
        ("a", "A"),
        (None, 0),
        (None, False),
    ],
)
def test_different_values(left: Any, right: Any) -> None:
    assert same_value(left, right) is False
    assert same_value(right, left) is False
