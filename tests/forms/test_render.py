from __future__ import annotations

import json
from typing import Any

import pytest
from django.template.loader import render_to_string

from scenario_ui.forms.render import FormView, Moment, SummaryEntry, form_view, posted_form_view
from scenario_ui.forms.values import initial_values, values_from_data
from scenario_ui.schema import ModelDefinition, parse_definition
from tests.forms.conftest import make_definition
from tests.forms.html import Element, controls, error_text, is_labelled, parse_html, wrapper

LIVE_URL = "/models/model_everything/form/"
SUBMIT_URL = "/models/model_everything/generate/"

# One model that exercises every input type, every component and every layout rule.
EVERYTHING_INPUTS: list[dict[str, Any]] = [
    {
        "name": "prompt",
        "type": "string",
        "label": "Prompt",
        "prompt": True,
        "required": {"always": True},
        "description": "Say <script>alert('x')</script> & more",
        "hint": "Subject first, then style.",
        "costImpact": True,
    },
    {"name": "negativePrompt", "type": "string", "label": "Negative prompt", "prompt": True},
    {"name": "title", "type": "string", "label": "Title", "default": "Untitled"},
    {
        "name": "style",
        "type": "string",
        "label": "Style",
        "allowedValues": ["photo", "ink", "oil"],
        "default": "ink",
    },
    {"name": "tint", "type": "string", "label": "Tint", "color": True, "costImpact": False},
    {
        "name": "modelId",
        "type": "model",
        "label": "LoRA or composition",
        "modelTypes": ["flux.1-lora", "flux.1-composition"],
    },
    {"name": "loras", "type": "model_array", "modelTypes": ["flux.1-lora"], "maxLength": 2},
    {"name": "lorasScale", "type": "number_array", "min": 0, "max": 2, "step": 0.05},
    {
        "name": "image",
        "type": "file",
        "label": "Reference image",
        "kind": "image",
        "group": "Reference",
        "required": {"ifDefined": {"mask": {"message": "A mask needs a reference image."}}},
    },
    {"name": "mask", "type": "file", "label": "Mask", "kind": "image", "group": "Reference"},
    {"name": "clips", "type": "file_array", "label": "Clips", "kind": "video", "maxLength": 2},
    {"name": "tags", "type": "string_array", "label": "Tags"},
    {"name": "maps", "type": "string_array", "label": "Maps", "allowedValues": ["normal", "ao"]},
    {"name": "weights", "type": "number_array", "label": "Weights"},
    {"name": "reference", "type": "model", "label": "Reference model"},
    {"name": "width", "type": "number", "min": 256, "max": 2048, "step": 16},
    {"name": "height", "type": "number", "min": 256, "max": 2048, "step": 16},
    {
        "name": "numOutputs",
        "type": "number",
        "label": "Images",
        "group": "Settings",
        "min": 1,
        "max": 4,
        "step": 1,
        "default": 1,
        "costImpact": True,
    },
    {"name": "steps", "type": "number", "label": "Steps", "group": "Settings", "min": 1, "max": 50},
    {
        "name": "duration",
        "type": "number",
        "label": "Duration",
        "group": "Settings",
        "allowedValues": [-1, 4, 8],
        "default": -1,
    },
    {"name": "hdr", "type": "boolean", "label": "HDR", "group": "Settings", "default": True},
    {"name": "seed", "type": "number", "label": "Seed", "group": "Settings"},
    {
        "name": "keyframes",
        "type": "inputs_array",
        "label": "Keyframes",
        "maxLength": 3,
        "inputs": [
            {"name": "image", "type": "file", "label": "Image", "kind": "image"},
            {"name": "seconds", "type": "number", "label": "At", "min": 0, "max": 20},
        ],
    },
    {"name": "curve", "type": "bezier", "label": "Curve"},
]
EVERYTHING_UI_CONFIG: dict[str, Any] = {
    "selects": {
        "style": {"oil": "Oil paint", "photo": "Photograph"},
        "duration": {"8": "8 s", "-1": "Auto"},
    },
    "resolutionComponent": {
        "label": "Dimensions",
        "widthInput": "width",
        "heightInput": "height",
        "presets": [
            {"label": "Auto"},
            {"label": "Square", "width": 1024, "height": 1024},
        ],
    },
    "lorasComponent": {
        "label": "Style LoRAs",
        "modelInput": "loras",
        "scaleInput": "lorasScale",
        "modelIdInput": "modelId",
    },
    "presets": [
        {"fields": ["steps", "numOutputs"], "presets": {"Fast": {"steps": 4, "numOutputs": 1}}}
    ],
    "triggerGenerate": {"label": "Make it", "after": "seed"},
    "inputProperties": {"negativePrompt": {"collapsed": True}},
}
# Drawn by the components, not as inputs of their own (at the first render).
CONSUMED = {"width", "height", "lorasScale"}


def everything() -> ModelDefinition:
    return make_definition(EVERYTHING_INPUTS, EVERYTHING_UI_CONFIG)


def render_form(view: FormView) -> Element:
    html = render_to_string(
        "forms/model_form.html#form",
        {"form": view, "live_url": LIVE_URL, "submit_url": SUBMIT_URL},
    )
    return parse_html(html)


def first_render(definition: ModelDefinition | None = None) -> Element:
    definition = definition or everything()
    return render_form(form_view(definition, initial_values(definition)))


def submitted(data: dict[str, list[str]], definition: ModelDefinition | None = None) -> Element:
    definition = definition or everything()
    return render_form(
        form_view(definition, values_from_data(definition, data), moment=Moment.SUBMIT)
    )


# --- form_view at its three moments ---------------------------------------------------------


def test_first_moment_shows_no_messages() -> None:
    definition = everything()
    view = form_view(definition, initial_values(definition))
    assert view.definition is definition
    assert view.shown == []
    assert view.shown_text == ""
    assert view.summary == []
    assert view.live is None
    assert view.refreshed_inputs == []
    # The issue exists, it is just not shown yet.
    assert list(view.state.issues) == ["prompt"]
    assert view.layout.bound["prompt"].issues == []
    assert json.loads(view.preview.body_json) == {
        "title": "Untitled",
        "style": "ink",
        "numOutputs": 1,
        "duration": -1,
        "hdr": True,
    }


def test_live_moment_shows_touched_inputs() -> None:
    definition = everything()
    data = {"steps": ["99"], "seed": [""], "prompt": [""]}
    view = form_view(
        definition,
        values_from_data(definition, data),
        moment=Moment.LIVE,
        previously_shown=["seed"],
    )
    assert view.shown == ["steps"]
    assert view.shown_text == "steps"
    assert view.summary == []
    assert view.live is not None
    assert view.live.required == ["prompt"]
    assert [bound.name for bound in view.refreshed_inputs] == ["steps", "seed"]
    assert [issue.phrase for issue in view.layout.bound["steps"].issues] == ["must be at most 50"]
    assert view.layout.bound["prompt"].issues == []


def test_submit_moment_shows_everything_with_a_summary() -> None:
    definition = everything()
    data = {"steps": ["99"], "mask": ["asset_mask"], "curve": ["{"]}
    view = form_view(definition, values_from_data(definition, data), moment=Moment.SUBMIT)
    assert view.shown == ["prompt", "image", "steps", "curve"]
    assert view.shown_text == "prompt image steps curve"
    assert view.live is None
    assert view.summary == [
        SummaryEntry("Prompt", "in-prompt", "Is required."),
        SummaryEntry("Reference image", "in-image", "A mask needs a reference image."),
        SummaryEntry("Steps", "in-steps", "Must be at most 50."),
        SummaryEntry("Curve", "in-curve", "Must be valid JSON."),
    ]


def test_summary_label_falls_back_to_the_name() -> None:
    definition = make_definition([{"name": "seed", "type": "number", "max": 1}])
    view = form_view(
        definition, values_from_data(definition, {"seed": ["5"]}), moment=Moment.SUBMIT
    )
    assert view.summary == [SummaryEntry("seed", "in-seed", "Must be at most 1.")]


def test_a_valid_submit_has_no_summary() -> None:
    definition = everything()
    view = form_view(
        definition, values_from_data(definition, {"prompt": ["a cat"]}), moment=Moment.SUBMIT
    )
    assert view.state.is_valid is True
    assert (view.summary, view.shown) == ([], [])


def test_the_preview_uses_the_base_url() -> None:
    definition = everything()
    view = form_view(definition, initial_values(definition), base_url="http://testserver/sb/v1")
    assert "http://testserver/sb/v1/generate/custom/model_test" in view.preview.curl
    default = form_view(definition, initial_values(definition))
    assert "https://api.cloud.scenario.com/v1/generate/custom/model_test" in default.preview.curl


# --- the HTML contract ----------------------------------------------------------------------


def top_level_names(definition: ModelDefinition) -> list[str]:
    return [name for name in definition.input_names if name not in CONSUMED]


def test_every_input_has_a_wrapper_with_its_name_and_type() -> None:
    root = first_render()
    form = root.one("form", id="model-form")
    assert (form.get("action"), form.get("hx-post")) == (SUBMIT_URL, LIVE_URL)
    for spec in everything().inputs:
        found = root.find_all(data_input=spec.name)
        if spec.name in CONSUMED:
            assert found == [], spec.name
        else:
            assert len(found) == 1, spec.name
            assert found[0].get("data-input-type") == spec.type
    # Rows of an inputs_array wrap their own children.
    assert wrapper(root, "keyframes.0.seconds").get("data-input-type") == "number"


def test_data_required_marks_exactly_the_required_inputs() -> None:
    root = first_render()
    assert [element.get("data-input") for element in root.find_all(data_required="true")] == [
        "prompt"
    ]
    assert wrapper(root, "prompt").get("data-required") == "true"


def test_data_required_follows_the_rules() -> None:
    root = submitted({"mask": ["asset_mask"], "prompt": ["cat"]})
    assert [element.get("data-input") for element in root.find_all(data_required="true")] == [
        "prompt",
        "image",
    ]


def test_every_bound_input_has_an_error_element() -> None:
    root = first_render()
    for name in top_level_names(everything()):
        element = root.one(data_error_for=name)
        assert element.get("id") == f"in-{name}-error"
        assert element.text == ""
    # The LoRA scales' messages live in the LoRA panel.
    assert root.one(data_error_for="lorasScale").get("id") == "in-lorasScale-error"


def test_components_are_marked() -> None:
    root = first_render()
    for component in ("resolution", "loras", "presets", "trigger"):
        assert len(root.find_all(data_component=component)) == 1, component
    loras = root.one(data_component="loras")
    assert loras.tag == "fieldset"
    assert loras.one("legend").text == "Style LoRAs"
    # The model id input and the LoRA list are drawn inside the panel.
    assert [element.get("data-input") for element in loras.find_all(data_input=True)] == [
        "modelId",
        "loras",
    ]
    resolution = root.one(data_component="resolution")
    assert [option.text for option in resolution.find_all("option")] == [
        "Auto",
        "Square",
        "Custom size",
    ]
    assert resolution.one("option", selected=True).text == "Auto"


def test_custom_resolution_draws_width_and_height() -> None:
    root = submitted({"prompt": ["cat"], "__resolution": ["custom"], "width": ["800"]})
    resolution = root.one(data_component="resolution")
    assert [element.get("data-input") for element in resolution.find_all(data_input=True)] == [
        "width",
        "height",
    ]
    assert resolution.one("input", name="width").get("value") == "800"


def test_groups_are_fieldsets_with_a_legend() -> None:
    root = first_render()
    groups = root.find_all("fieldset", data_group=True)
    assert [group.get("data-group") for group in groups] == ["Reference", "Settings"]
    assert [group.one("legend", class_="group__legend").text for group in groups] == [
        "Reference",
        "Settings",
    ]
    settings = groups[1]
    assert [element.get("data-input") for element in settings.find_all(data_input=True)] == [
        "numOutputs",
        "steps",
        "duration",
        "hdr",
        "seed",
    ]
    # The preset picker of steps/numOutputs and the button ("after": "seed") sit in the group.
    assert len(settings.find_all(data_component="presets")) == 1
    assert len(settings.find_all(data_component="trigger")) == 1


def test_the_button_follows_its_input() -> None:
    root = first_render()
    settings = root.one("fieldset", data_group="Settings")
    children = [child for child in settings.children if isinstance(child, Element)]
    positions = [child.get("data-input") or child.get("data-component") for child in children]
    assert positions[-2:] == ["seed", "trigger"]
    assert root.one(data_component="trigger").one("button").text == "Make it"


def test_collapsed_section_is_closed_at_first() -> None:
    root = first_render()
    details = root.one("details", class_="collapsed-section")
    assert details.has("open") is False
    assert details.one("summary").text == "Negative prompt"
    assert details.one(data_input="negativePrompt").get("data-input-type") == "string"


def test_collapsed_section_opens_on_its_error() -> None:
    definition = make_definition(
        [{"name": "seed", "type": "number", "label": "Seed", "min": 0}],
        {"inputProperties": {"seed": {"collapsed": True}}},
    )
    root = submitted({"seed": ["-1"]}, definition)
    assert root.one("details").has("open") is True
    assert error_text(root, "seed") == "Must be at least 0."


# --- accessibility --------------------------------------------------------------------------


def test_every_control_is_labelled() -> None:
    root = first_render()
    unlabelled = [control for control in controls(root) if not is_labelled(root, control)]
    assert unlabelled == []


def test_every_control_is_labelled_with_rows_items_and_loras() -> None:
    root = submitted(
        {
            "prompt": ["cat"],
            "loras": ["model_a", "model_b"],
            "lorasScale": ["0.5", "1"],
            "tags": ["a", "b"],
            "clips": ["asset_1", "asset_2"],
            "keyframes.0.seconds": ["1"],
            "keyframes.1.seconds": ["2"],
            "__resolution": ["custom"],
        }
    )
    unlabelled = [control for control in controls(root) if not is_labelled(root, control)]
    assert unlabelled == []


def test_ids_are_unique() -> None:
    root = submitted({"tags": ["a", "b", "c"], "loras": ["m1", "m2"], "__resolution": ["custom"]})
    ids = [element.get("id") for element in root.iter() if element.has("id")]
    assert len(ids) == len(set(ids))


def test_describedby_points_at_existing_elements_and_the_error() -> None:
    root = submitted({"steps": ["99"], "tags": ["a", "b"]})
    for element in root.iter():
        for ref in (element.get("aria-describedby") or "").split():
            assert root.find_all(id=ref), ref
    prompt = root.one("textarea", name="prompt")
    assert prompt.get("aria-describedby") == "in-prompt-description in-prompt-error"
    assert root.one("input", name="steps").get("aria-describedby") == "in-steps-error"
    tags = root.find_all("input", name="tags")
    assert [tag.get("aria-describedby") for tag in tags] == ["in-tags-error", "in-tags-error"]


def test_required_and_invalid_attributes() -> None:
    root = submitted({"steps": ["99"], "title": ["T"]})
    prompt = root.one("textarea", name="prompt")
    assert (prompt.get("required"), prompt.get("aria-required"), prompt.get("aria-invalid")) == (
        "",
        "true",
        "true",
    )
    steps = root.one("input", name="steps")
    assert (steps.has("required"), steps.has("aria-required"), steps.get("aria-invalid")) == (
        False,
        False,
        "true",
    )
    title = root.one("input", name="title")
    assert [title.has(attr) for attr in ("required", "aria-required", "aria-invalid")] == [
        False,
        False,
        False,
    ]


def test_the_live_region_comes_before_the_fields() -> None:
    root = first_render()
    form = root.one("form", id="model-form")
    announcer = form.by_id("form-announcer")
    assert (announcer.get("aria-live"), announcer.get("role")) == ("polite", "status")
    elements = list(form.iter())
    first_field = next(element for element in elements if element.has("data-input"))
    assert elements.index(announcer) < elements.index(first_field)
    assert form.by_id("form-shown").get("value") == ""


# --- content --------------------------------------------------------------------------------


def test_descriptions_are_escaped() -> None:
    html = render_to_string(
        "forms/model_form.html#form",
        {"form": form_view(everything(), initial_values(everything()))},
    )
    assert "<script>" not in html
    root = parse_html(html)
    assert root.find_all("script") == []
    description = root.by_id("in-prompt-description")
    assert description.text == "Say <script>alert('x')</script> & more"


def test_hint_is_a_tooltip() -> None:
    root = first_render()
    tips = root.find_all(class_="hint-tip")
    assert len(tips) == 1
    tip = tips[0]
    assert (tip.get("role"), tip.get("tabindex"), tip.get("data-tip")) == (
        "note",
        "0",
        "Subject first, then style.",
    )
    assert tip.get("aria-label") == "Hint for Prompt: Subject first, then style."
    assert tip in wrapper(root, "prompt").iter()


def test_defaults_are_prefilled() -> None:
    root = first_render()
    assert root.one("input", name="title").get("value") == "Untitled"
    assert root.one("select", name="style").one("option", selected=True).get("value") == "ink"
    assert root.one("input", name="numOutputs").get("value") == "1"
    assert root.one("input", type="checkbox", name="hdr").has("checked") is True
    duration = root.one("select", name="duration").one("option", selected=True)
    assert (duration.get("value"), duration.text) == ("-1", "Auto")
    assert root.one("input", name="seed").get("value") == ""


def test_cost_impact_is_marked() -> None:
    root = first_render()
    marked = [
        element.get("data-input")
        for element in root.find_all(data_input=True)
        if element.find_all(class_="cost-badge")
    ]
    assert marked == ["prompt", "numOutputs"]
    assert wrapper(root, "prompt").one(class_="cost-badge").text == "affects cost"


def test_select_options_in_allowed_values_order_with_labels() -> None:
    root = first_render()
    options = root.one("select", name="style").find_all("option")
    assert [(option.get("value"), option.text) for option in options] == [
        ("", "Default"),
        ("photo", "Photograph"),
        ("ink", "ink"),
        ("oil", "Oil paint"),
    ]
    durations = root.one("select", name="duration").find_all("option")
    assert [(option.get("value"), option.text) for option in durations] == [
        ("", "Default"),
        ("-1", "Auto"),
        ("4", "4"),
        ("8", "8 s"),
    ]


def test_a_required_select_offers_a_choice_prompt_only_while_empty() -> None:
    definition = make_definition(
        [{"name": "mode", "type": "string", "allowedValues": ["a"], "required": {"always": True}}]
    )
    empty = first_render(definition).one("select", name="mode").find_all("option")
    assert [(option.get("value"), option.text) for option in empty] == [("", "Choose…"), ("a", "a")]
    chosen = submitted({"mode": ["a"]}, definition).one("select", name="mode")
    assert [option.get("value") for option in chosen.find_all("option")] == ["a"]


def test_an_allowed_blank_value_is_the_one_blank_option() -> None:
    # Meshy's poseMode: "" is an explicit "none" choice and the default.
    pose = {
        "name": "poseMode",
        "type": "string",
        "allowedValues": ["", "a-pose", "t-pose"],
        "default": "",
    }
    definition = make_definition([pose])
    first = first_render(definition).one("select", name="poseMode").find_all("option")
    assert [(o.get("value"), o.text, o.has("selected")) for o in first] == [
        ("", "None", True),
        ("a-pose", "a-pose", False),
        ("t-pose", "t-pose", False),
    ]
    chosen = submitted({"poseMode": ["t-pose"]}, definition).one("select", name="poseMode")
    assert [(o.get("value"), o.has("selected")) for o in chosen.find_all("option")] == [
        ("", False),
        ("a-pose", False),
        ("t-pose", True),
    ]


def test_widgets_per_type() -> None:
    root = first_render()
    assert root.one("textarea", name="prompt").get("rows") == "4"
    assert root.one("input", name="title").get("type") == "text"
    tint = wrapper(root, "tint")
    assert [control.get("type") for control in tint.find_all("input")] == ["color", "text"]
    assert tint.one("input", type="text").get("pattern") == "#[0-9a-fA-F]{6}"
    assert root.one("select", name="maps").has("multiple") is True
    assert root.one("input", name="tags").get("type") == "text"
    assert root.one("input", name="weights").get("type") == "number"
    assert root.one("input", name="hdr", type="checkbox").get("value") == "true"
    assert root.one("input", name="hdr", type="hidden").get("value") == "false"
    curve = wrapper(root, "curve")
    assert curve.one("textarea", name="curve").get("id") == "in-curve"
    assert "bezier" in curve.one(class_="notice").text


def test_a_slider_only_with_min_and_max() -> None:
    root = first_render()
    slider = wrapper(root, "numOutputs").one("input", type="range")
    assert (slider.get("min"), slider.get("max"), slider.get("step")) == ("1", "4", "1")
    assert slider.get("data-mirror") == "in-numOutputs"
    assert wrapper(root, "seed").find_all("input", type="range") == []
    assert wrapper(root, "weights").find_all("input", type="range") == []


def test_file_inputs_accept_their_kind() -> None:
    root = first_render()
    image = wrapper(root, "image").one("input", type="file")
    assert (image.get("accept"), image.has("multiple")) == ("image/*", False)
    clips = wrapper(root, "clips").one("input", type="file")
    assert (clips.get("accept"), clips.has("multiple")) == ("video/*", True)


def test_model_pickers_search_their_types() -> None:
    root = first_render()
    reference = root.one("input", name="reference")
    assert json.loads(reference.get("hx-vals") or "") == {"field": "reference", "types": ""}
    model_id = root.one("input", name="modelId")
    assert json.loads(model_id.get("hx-vals") or "") == {
        "field": "modelId",
        "types": "flux.1-lora,flux.1-composition",
    }
    assert reference.get("list") == "in-reference-options"
    assert root.by_id("in-reference-options").tag == "datalist"


def test_lora_rows_render_model_and_scale_pairs() -> None:
    root = submitted({"prompt": ["cat"], "loras": ["model_a", "model_b"], "lorasScale": ["0.5"]})
    panel = root.one(data_component="loras")
    assert [i.get("value") for i in panel.find_all("input", name="loras")] == ["model_a", "model_b"]
    assert [i.get("value") for i in panel.find_all("input", name="lorasScale")] == ["0.5", "1"]
    assert [i.get("id") for i in panel.find_all("input", name="loras")] == [
        "in-loras",
        "in-loras-1",
    ]
    lora_hx = json.loads(panel.one("input", id="in-loras").get("hx-vals") or "")
    assert lora_hx == {"field": "loras", "types": "flux.1-lora"}
    # maxLength 2 is reached: no add button, a note instead.
    buttons = [button.get("value") for button in panel.find_all("button")]
    assert "add:loras" not in buttons
    assert "At most 2 LoRAs." in panel.text


def test_item_buttons_post_actions() -> None:
    root = submitted({"tags": ["a", "b", "c"]})
    values = [button.get("value") for button in wrapper(root, "tags").find_all("button")]
    assert values == [
        "down:tags:0",
        "remove:tags:0",
        "up:tags:1",
        "down:tags:1",
        "remove:tags:1",
        "up:tags:2",
        "remove:tags:2",
        "add:tags",
    ]
    for button in wrapper(root, "tags").find_all("button"):
        assert (button.get("name"), button.get("hx-post")) == ("__action", LIVE_URL)
        assert button.has("formnovalidate")


def test_rows_render_with_markers_and_buttons() -> None:
    root = submitted({"keyframes.0.seconds": ["1"], "keyframes.5.seconds": ["2"]})
    keyframes = wrapper(root, "keyframes")
    assert [legend.text for legend in keyframes.find_all("legend", class_="rows__legend")] == [
        "Keyframes 1",
        "Keyframes 2",
    ]
    markers = keyframes.find_all("input", type="hidden")
    assert [marker.get("name") for marker in markers] == ["keyframes.0.__row", "keyframes.5.__row"]
    assert [i.get("value") for i in keyframes.find_all("input", type="number")] == ["1", "2"]
    values = [button.get("value") for button in keyframes.find_all("button")]
    assert values == [
        "down:keyframes:0",
        "remove:keyframes:0",
        "up:keyframes:1",
        "remove:keyframes:1",
        "add:keyframes",
    ]


def test_duplicate_names_render_once() -> None:
    definition = parse_definition(
        {
            "id": "m",
            "inputs": [
                {"name": "a", "type": "string", "label": "First"},
                {"name": "a", "type": "number", "label": "Second"},
            ],
        }
    )
    root = first_render(definition)
    assert len(root.find_all(data_input="a")) == 1
    assert wrapper(root, "a").get("data-input-type") == "string"
    assert len(root.find_all(id="in-a")) == 1


# --- after a submit -------------------------------------------------------------------------


def test_error_summary_links_to_each_field() -> None:
    root = submitted({"steps": ["99"], "title": ["My title"]})
    summary = root.by_id("error-summary")
    assert summary.get("role") == "alert"
    assert summary.one("h2").text == "2 problems to fix first"
    links = summary.find_all("a")
    assert [(link.get("href"), link.text) for link in links] == [
        ("#in-prompt", "Prompt: Is required."),
        ("#in-steps", "Steps: Must be at most 50."),
    ]
    for link in links:
        target = root.by_id((link.get("href") or "#")[1:])
        assert target.tag in {"input", "select", "textarea"}


def test_errors_sit_in_their_error_elements() -> None:
    root = submitted({"steps": ["99"], "mask": ["asset_m"]})
    assert error_text(root, "prompt") == "Is required."
    assert error_text(root, "steps") == "Must be at most 50."
    assert error_text(root, "image") == "A mask needs a reference image."
    assert error_text(root, "title") == ""
    assert root.by_id("form-shown").get("value") == "prompt image steps"


def test_typed_values_are_kept_after_a_submit() -> None:
    root = submitted(
        {
            "steps": ["lots"],
            "title": ["<b>bold</b>"],
            "tags": ["x", "", "z"],
            "prompt": ['say "hi"'],
            "hdr": ["false"],
        }
    )
    assert root.one("input", name="steps").get("value") == "lots"
    assert root.one("input", name="title").get("value") == "<b>bold</b>"
    assert [tag.get("value") for tag in root.find_all("input", name="tags")] == ["x", "", "z"]
    assert root.one("textarea", name="prompt").text == 'say "hi"'
    assert root.one("input", type="checkbox", name="hdr").has("checked") is False
    assert error_text(root, "steps") == "Must be a number."


def test_one_problem_is_singular() -> None:
    root = submitted({"prompt": [""]})
    assert root.by_id("error-summary").one("h2").text == "1 problem to fix first"


def test_no_summary_at_first() -> None:
    assert first_render().find_all(id="error-summary") == []


# --- the other partials ---------------------------------------------------------------------


def test_preview_partial_shows_the_body_and_snippets() -> None:
    definition = everything()
    view = form_view(definition, initial_values(definition))
    root = parse_html(render_to_string("forms/model_form.html#preview", {"form": view}))
    section = root.by_id("request-preview")
    assert section.has("hx-swap-oob") is False
    assert json.loads(section.by_id("preview-body").text) == json.loads(view.preview.body_json)
    assert "$SCENARIO_SDK_API_KEY" in section.by_id("preview-curl").text
    assert "run_model('model_test'" in section.by_id("preview-python").text
    assert "(the form still has problems)" in section.text


def test_live_partial_is_out_of_band_only() -> None:
    definition = everything()
    view = form_view(
        definition,
        values_from_data(definition, {"steps": ["99"], "prompt": ["cat"]}),
        moment=Moment.LIVE,
        previously_shown=["seed"],
    )
    html = render_to_string(
        "forms/model_form.html#live", {"form": view, "announcement": "1 problem"}
    )
    root = parse_html(html)
    top = [child for child in root.children if isinstance(child, Element)]
    assert [element.get("id") for element in top] == [
        "in-steps-error",
        "in-seed-error",
        "form-shown",
        "form-announcer",
        "request-preview",
    ]
    assert all(element.has("hx-swap-oob") for element in top)
    assert [element.text for element in top[:2]] == ["Must be at most 50.", ""]
    assert top[2].get("value") == "steps"
    assert top[3].get("hx-swap-oob") == "innerHTML"
    assert "".join(child for child in root.children if isinstance(child, str)).strip() == ""


@pytest.mark.parametrize("name", ["prompt", "steps"])
def test_wrapper_holds_its_error_element(name: str) -> None:
    root = submitted({"steps": ["0"]})
    assert root.one(data_error_for=name) in wrapper(root, name).iter()


def test_lora_rows_without_model_types_search_every_type() -> None:
    definition = make_definition(
        [
            {"name": "loras", "type": "model_array"},
            {"name": "lorasScale", "type": "number_array"},
        ],
        {"lorasComponent": {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"}},
    )
    root = submitted({"loras": ["model_a"], "lorasScale": ["1"]}, definition)
    hx_vals = json.loads(root.one("input", name="loras").get("hx-vals") or "")
    assert hx_vals == {"field": "loras", "types": ""}


def test_a_row_problem_links_to_the_rows_and_is_described() -> None:
    definition = make_definition(
        [
            {
                "name": "keyframes",
                "type": "inputs_array",
                "label": "Keyframes",
                "inputs": [
                    {"name": "image", "type": "file", "required": {"always": True}},
                    {"name": "seconds", "type": "number"},
                ],
            }
        ]
    )
    root = submitted({"keyframes.0.seconds": ["3"]}, definition)
    link = root.by_id("error-summary").one("a")
    assert (link.get("href"), link.text) == (
        "#in-keyframes",
        "Keyframes: Row 1: image is required.",
    )
    target = root.by_id("in-keyframes")
    assert target in wrapper(root, "keyframes").iter()
    assert target.get("tabindex") == "-1"
    assert target.get("aria-describedby") == "in-keyframes-error"
    assert error_text(root, "keyframes") == "Row 1: image is required."


def test_lora_controls_are_marked_invalid_with_their_own_issues() -> None:
    root = submitted(
        {"prompt": ["cat"], "loras": ["model_a", "model_b"], "lorasScale": ["0.5", "7"]}
    )
    panel = root.one(data_component="loras")
    assert [i.has("aria-invalid") for i in panel.find_all("input", name="loras")] == [False, False]
    scales = panel.find_all("input", name="lorasScale")
    assert [i.get("aria-invalid") for i in scales] == ["true", "true"]
    assert [i.get("aria-describedby") for i in scales] == ["in-lorasScale-error"] * 2
    assert error_text(root, "lorasScale") == "Must be at most 2."
    valid = submitted({"prompt": ["cat"], "loras": ["model_a"], "lorasScale": ["0.5"]})
    assert [control.has("aria-invalid") for control in controls(valid)] == [False] * len(
        controls(valid)
    )


def test_too_many_loras_mark_the_lora_inputs_invalid() -> None:
    root = submitted({"prompt": ["cat"], "loras": ["m1", "m2", "m3"]})
    panel = root.one(data_component="loras")
    assert [i.get("aria-invalid") for i in panel.find_all("input", name="loras")] == ["true"] * 3
    assert [i.has("aria-invalid") for i in panel.find_all("input", name="lorasScale")] == [
        False
    ] * 3
    assert error_text(root, "loras") == "Must be at most 2 items long."
    assert root.by_id("error-summary").one("a").get("href") == "#in-loras"


def test_component_pickers_never_share_an_id_with_an_input() -> None:
    definition = make_definition(
        [
            {"name": "resolution", "type": "string", "allowedValues": ["720p", "1080p"]},
            {"name": "preset-0", "type": "string"},
            {"name": "width", "type": "number"},
            {"name": "height", "type": "number"},
        ],
        {
            "resolutionComponent": {
                "label": "Size",
                "widthInput": "width",
                "heightInput": "height",
                "presets": [{"label": "Square", "width": 512, "height": 512}],
            },
            "presets": [{"fields": ["preset-0"], "presets": {"A": {"preset-0": "a"}}}],
        },
    )
    root = first_render(definition)
    ids = [element.get("id") or "" for element in root.iter() if element.has("id")]
    assert sorted(ids) == sorted(set(ids))
    assert root.one("select", name="resolution").get("id") == "in-resolution"
    assert root.one("input", name="preset-0").get("id") == "in-preset-0"
    for name in ("__resolution", "__preset_0"):
        picker = root.one("select", name=name)
        assert is_labelled(root, picker), name


def test_lora_controls_go_through_the_bound_input_path() -> None:
    definition = make_definition(
        [
            {
                "name": "loras",
                "type": "model_array",
                "description": "Styles to apply",
                "required": {"always": True},
            },
            {"name": "lorasScale", "type": "number_array", "description": "How strongly"},
        ],
        {"lorasComponent": {"label": "LoRAs", "modelInput": "loras", "scaleInput": "lorasScale"}},
    )
    root = submitted({"loras": ["model_a", "model_b"], "lorasScale": ["0.5", "1"]}, definition)
    panel = root.one(data_component="loras")
    models = panel.find_all("input", name="loras")
    assert [(m.get("required"), m.get("aria-required")) for m in models] == [("", "true")] * 2
    assert [m.get("aria-describedby") for m in models] == [
        "in-loras-description in-loras-error"
    ] * 2
    scales = panel.find_all("input", name="lorasScale")
    assert [s.has("required") for s in scales] == [False, False]
    assert [s.get("aria-describedby") for s in scales] == [
        "in-lorasScale-description in-lorasScale-error"
    ] * 2
    assert panel.by_id("in-loras-description").text == "Styles to apply"
    assert panel.by_id("in-lorasScale-description").text == "How strongly"
    assert wrapper(root, "loras").get("data-required") == "true"


def live_answer(view: FormView) -> Element:
    return parse_html(render_to_string("forms/model_form.html#live", {"form": view}))


def test_a_live_answer_leaves_out_a_preview_whose_body_did_not_change() -> None:
    definition = everything()
    data = {"prompt": ["a cat"], "steps": ["99"]}
    first = form_view(definition, values_from_data(definition, data), moment=Moment.LIVE)
    assert live_answer(first).find_all(id="request-preview") != []
    preview = parse_html(render_to_string("forms/model_form.html#preview", {"form": first}))
    shown = preview.one("input", name="__preview")
    assert (shown.get("form"), shown.get("value")) == ("model-form", first.preview_digest)

    same = {**data, "__preview": [first.preview_digest]}
    unchanged = posted_form_view(definition, same, moment=Moment.LIVE)
    assert unchanged.preview_changed is False
    assert live_answer(unchanged).find_all(id="request-preview") == []
    moved = posted_form_view(definition, {**same, "prompt": ["a dog"]}, moment=Moment.LIVE)
    assert moved.preview_changed is True
    assert live_answer(moved).by_id("preview-body").text.count("a dog") == 1
