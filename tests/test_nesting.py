from __future__ import annotations

from scenario_ui.nesting import MAX_NESTING, nested_too_deeply


def nested(levels: int) -> object:
    value: object = "leaf"
    for level in range(levels):
        value = [value] if level % 2 else {"key": value}
    return value


def test_nesting_is_counted_in_levels_of_lists_and_objects() -> None:
    assert nested_too_deeply(nested(MAX_NESTING)) is False
    assert nested_too_deeply(nested(MAX_NESTING + 1)) is True
    assert nested_too_deeply("leaf") is False


def test_depth_far_past_the_recursion_limit_is_measured_without_recursing() -> None:
    assert nested_too_deeply(nested(100_000)) is True
