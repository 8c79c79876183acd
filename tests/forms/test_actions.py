from __future__ import annotations

from typing import Any

import pytest

from scenario_ui.forms.actions import ACTION, ADD_BUTTON, VERBS, Action, focus_index
from scenario_ui.forms.bound import RenderOptions
from scenario_ui.forms.fields import RawData
from scenario_ui.forms.plan import plan_for
from scenario_ui.forms.render import Moment, posted_form_view
from tests.forms.conftest import image_definition, make_definition

DEFINITION = make_definition(
    [
        {"name": "tags", "type": "string_array", "maxLength": 3},
        {"name": "scales", "type": "number_array"},
        {"name": "images", "type": "file_array"},
        {"name": "prompt", "type": "string"},
        {
            "name": "keyframes",
            "type": "inputs_array",
            "inputs": [
                {"name": "image", "type": "file"},
                {"name": "seconds", "type": "number"},
            ],
        },
    ]
)


def act(text: str, raw: RawData, definition: Any = DEFINITION) -> RawData:
    action = Action.parse(text)
    assert action is not None
    return plan_for(definition).reshape(raw, action)


def test_constants() -> None:
    assert ACTION == "__action"
    assert VERBS == ("add", "remove", "up", "down", "refresh")


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("add:tags", Action("add", "tags")),
        ("remove:tags:2", Action("remove", "tags", 2)),
        ("up:keyframes:0", Action("up", "keyframes", 0)),
        ("down:loras:10", Action("down", "loras", 10)),
        ("refresh:__resolution", Action("refresh", "__resolution")),
        ("remove:tags:", Action("remove", "tags")),
        ("remove:tags:x", Action("remove", "tags")),
        ("remove:tags:-1", Action("remove", "tags")),
        ("remove:tags:²", Action("remove", "tags")),
        ("remove:tags:\uff11", Action("remove", "tags")),  # a fullwidth digit one
    ],
)
def test_parse(text: str, action: Action) -> None:
    assert Action.parse(text) == action


@pytest.mark.parametrize(
    "text", ["", "add", "delete:tags", "ADD:tags", "add:tags:1:2", ":tags", "remove"]
)
def test_parse_refuses_anything_else(text: str) -> None:
    assert Action.parse(text) is None


# --- lists -------------------------------------------------------------------------------


def test_add_appends_a_blank_item() -> None:
    assert act("add:tags", {"tags": ["a"]}) == {"tags": ["a", ""]}
    assert act("add:tags", {}) == {"tags": [""]}


def test_add_ignores_an_index() -> None:
    assert act("add:tags:0", {"tags": ["a", "b"]}) == {"tags": ["a", "b", ""]}


def test_remove_drops_the_item_at_the_index() -> None:
    assert act("remove:tags:1", {"tags": ["a", "b", "c"]}) == {"tags": ["a", "c"]}
    assert act("remove:tags:0", {"tags": ["a"]}) == {"tags": []}


def test_up_and_down_swap_neighbours() -> None:
    raw = {"scales": ["1", "2", "3"]}
    assert act("up:scales:2", raw) == {"scales": ["1", "3", "2"]}
    assert act("down:scales:0", raw) == {"scales": ["2", "1", "3"]}


def test_moves_past_either_end_change_nothing() -> None:
    raw = {"images": ["a", "b"]}
    assert act("up:images:0", raw) == {"images": ["a", "b"]}
    assert act("down:images:1", raw) == {"images": ["a", "b"]}


def test_an_index_out_of_range_or_missing_changes_nothing() -> None:
    raw = {"tags": ["a", "b"]}
    assert act("remove:tags:2", raw) == {"tags": ["a", "b"]}
    assert act("remove:tags", raw) == {"tags": ["a", "b"]}
    assert act("down:tags:9", raw) == {"tags": ["a", "b"]}


def test_other_inputs_are_untouched_and_the_input_is_not_mutated() -> None:
    raw = {"tags": ["a", "b"], "prompt": ["cat"], "__resolution": ["1"]}
    assert act("remove:tags:0", raw) == {"tags": ["b"], "prompt": ["cat"], "__resolution": ["1"]}
    assert raw == {"tags": ["a", "b"], "prompt": ["cat"], "__resolution": ["1"]}


def test_refresh_and_unknown_inputs_change_nothing() -> None:
    raw = {"tags": ["a"]}
    assert act("refresh:tags", raw) is raw
    assert act("add:ghost", raw) is raw
    assert act("refresh:__resolution", raw) is raw


# --- LoRA rows ----------------------------------------------------------------------------


def test_lora_rows_move_model_and_scale_together() -> None:
    definition = image_definition()
    raw = {"loras": ["model_a", "model_b", "model_c"], "lorasScale": ["0.5", "1", "1.5"]}
    assert act("up:loras:1", raw, definition) == {
        "loras": ["model_b", "model_a", "model_c"],
        "lorasScale": ["1", "0.5", "1.5"],
    }
    assert act("down:loras:1", raw, definition) == {
        "loras": ["model_a", "model_c", "model_b"],
        "lorasScale": ["0.5", "1.5", "1"],
    }
    assert act("remove:loras:0", raw, definition) == {
        "loras": ["model_b", "model_c"],
        "lorasScale": ["1", "1.5"],
    }
    assert act("add:loras", raw, definition) == {
        "loras": ["model_a", "model_b", "model_c", ""],
        "lorasScale": ["0.5", "1", "1.5", "1"],
    }


def test_missing_lora_scales_are_padded_so_rows_stay_aligned() -> None:
    definition = image_definition()
    raw = {"loras": ["model_a", "model_b", "model_c"], "lorasScale": ["0.5"]}
    assert act("up:loras:2", raw, definition) == {
        "loras": ["model_a", "model_c", "model_b"],
        "lorasScale": ["0.5", "1", "1"],
    }
    assert act("remove:loras:0", raw, definition) == {
        "loras": ["model_b", "model_c"],
        "lorasScale": ["1", "1"],
    }


def test_acting_on_the_scales_alone_leaves_the_models() -> None:
    definition = image_definition()
    raw = {"loras": ["model_a", "model_b"], "lorasScale": ["0.5", "1"]}
    assert act("up:lorasScale:1", raw, definition) == {
        "loras": ["model_a", "model_b"],
        "lorasScale": ["1", "0.5"],
    }


# --- inputs_array rows ----------------------------------------------------------------------


def test_rows_are_renumbered_in_their_new_order() -> None:
    raw = {
        "prompt": ["cat"],
        "keyframes.0.image": ["asset_a"],
        "keyframes.0.__row": ["1"],
        "keyframes.3.image": ["asset_b"],
        "keyframes.3.seconds": ["2"],
        "keyframes.7.seconds": ["5"],
    }
    assert act("up:keyframes:1", raw) == {
        "prompt": ["cat"],
        "keyframes.0.__row": ["1"],
        "keyframes.0.image": ["asset_b"],
        "keyframes.0.seconds": ["2"],
        "keyframes.1.__row": ["1"],
        "keyframes.1.image": ["asset_a"],
        "keyframes.2.__row": ["1"],
        "keyframes.2.seconds": ["5"],
    }


def test_removing_a_row_renumbers_the_rest() -> None:
    raw = {
        "keyframes.0.image": ["asset_a"],
        "keyframes.1.image": ["asset_b"],
        "keyframes.2.image": ["asset_c"],
    }
    assert act("remove:keyframes:0", raw) == {
        "keyframes.0.__row": ["1"],
        "keyframes.0.image": ["asset_b"],
        "keyframes.1.__row": ["1"],
        "keyframes.1.image": ["asset_c"],
    }


def test_adding_a_row_adds_an_empty_marked_row() -> None:
    assert act("add:keyframes", {}) == {"keyframes.0.__row": ["1"]}
    assert act("add:keyframes", {"keyframes.4.seconds": ["1"]}) == {
        "keyframes.0.__row": ["1"],
        "keyframes.0.seconds": ["1"],
        "keyframes.1.__row": ["1"],
    }


def test_moving_a_row_down_and_out_of_range() -> None:
    raw = {"keyframes.0.seconds": ["1"], "keyframes.1.seconds": ["2"]}
    assert act("down:keyframes:0", raw) == {
        "keyframes.0.__row": ["1"],
        "keyframes.0.seconds": ["2"],
        "keyframes.1.__row": ["1"],
        "keyframes.1.seconds": ["1"],
    }
    assert act("down:keyframes:1", raw) == {
        "keyframes.0.__row": ["1"],
        "keyframes.0.seconds": ["1"],
        "keyframes.1.__row": ["1"],
        "keyframes.1.seconds": ["2"],
    }


def test_keys_of_another_input_with_a_similar_name_are_kept() -> None:
    raw = {"keyframesX.0.image": ["x"], "keyframes.0.image": ["a"]}
    assert act("remove:keyframes:0", raw) == {"keyframesX.0.image": ["x"]}


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [
        ("add:tags", 3, 2),
        ("remove:tags:1", 2, 0),
        ("remove:tags:0", 2, 0),
        ("up:tags:2", 3, 1),
        ("down:tags:0", 3, 1),
        # The last item gone: its "+ Add" button, not the top of the page.
        ("remove:tags:0", 0, ADD_BUTTON),
        ("refresh:tags", 2, None),
    ],
)
def test_focus_after_a_row_button(text: str, count: int, expected: int | None) -> None:
    action = Action.parse(text)
    assert action is not None
    assert focus_index(action, count) == expected


def test_the_add_button_takes_focus_once_the_last_item_is_removed() -> None:
    definition = make_definition([{"name": "tags", "type": "string_array"}])
    view = posted_form_view(
        definition, {"tags": ["a"], ACTION: ["remove:tags:0"]}, moment=Moment.LIVE
    )
    html = view.fields_html(RenderOptions())
    assert 'value="add:tags" formnovalidate' in html
    assert html.count("autofocus") == 1
    assert 'hx-sync="closest form:replace" autofocus>+ Add item</button>' in html
