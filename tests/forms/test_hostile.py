"""A hostile definition: markup in every text a definition can carry, and in what is typed.

The widget layer writes HTML in Python (`forms.html`); these tests draw every
input type and every component at every moment (first render, live answer,
submit, a row button's redraw) and check that no text became markup: no
element or attribute the engine did not write, and each text comes back intact.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.template.loader import render_to_string

from scenario_ui.forms.render import FormView, Moment, form_view, posted_form_view
from scenario_ui.forms.values import initial_values
from scenario_ui.schema import ModelDefinition
from tests.forms.conftest import make_definition
from tests.forms.html import parse_html

EVIL = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;{{ x }}"
# Names must stay usable as form keys, so they carry quotes and markup, not dots.
EVIL_NAME = 'x"><b onmouseover=alert(3)>'

ALLOWED_TAGS = {
    "#root",
    "a",
    "button",
    "code",
    "datalist",
    "details",
    "div",
    "fieldset",
    "form",
    "h2",
    "input",
    "label",
    "legend",
    "li",
    "noscript",
    "ol",
    "option",
    "output",
    "p",
    "pre",
    "section",
    "select",
    "span",
    "summary",
    "textarea",
    "ul",
}


def text_fields(name: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "label": f"{name} {EVIL}",
        "description": EVIL,
        "hint": EVIL,
        "placeholder": EVIL,
        "group": f"Group {EVIL}",
        "required": {"ifDefined": {"prompt": {"message": EVIL}}},
        **extra,
    }


def hostile_definition() -> ModelDefinition:
    rows = [text_fields("image", type="file", kind="image"), text_fields("at", type="number")]
    return make_definition(
        [
            text_fields("prompt", type="string", prompt=True, default=EVIL, costImpact=True),
            text_fields("tint", type="string", color=True, default=EVIL),
            text_fields("style", type="string", allowedValues=[EVIL, "plain"], default=EVIL),
            text_fields(EVIL_NAME, type="string", default=EVIL),
            text_fields("flag", type="boolean", default=True),
            text_fields("count", type="number", min=0, max=4, step=1),
            text_fields("mode", type="number", allowedValues=[1, 2]),
            text_fields("tags", type="string_array", default=[EVIL, EVIL]),
            text_fields("picks", type="string_array", allowedValues=[EVIL, "b"], default=[EVIL]),
            text_fields("weights", type="number_array"),
            text_fields("image", type="file", kind="image", maskFrom=EVIL, maxSize=1024),
            text_fields("clips", type="file_array", default=[EVIL]),
            text_fields("modelId", type="model", modelTypes=[EVIL], default=EVIL),
            text_fields("loras", type="model_array", modelTypes=[EVIL], default=[EVIL]),
            text_fields("lorasScale", type="number_array", min=0, max=2),
            text_fields("width", type="number", min=256, max=2048),
            text_fields("height", type="number", min=256, max=2048),
            text_fields("keyframes", type="inputs_array", inputs=rows),
            text_fields("curve", type=f"bezier{EVIL}", default={"x": EVIL}),
        ],
        {
            "selects": {"style": {EVIL: EVIL}, "mode": {"1": EVIL}},
            "resolutionComponent": {
                "label": EVIL,
                "widthInput": "width",
                "heightInput": "height",
                "presets": [{"label": EVIL}, {"label": EVIL, "width": 512, "height": 512}],
            },
            "lorasComponent": {
                "label": EVIL,
                "modelInput": "loras",
                "scaleInput": "lorasScale",
                "modelIdInput": "modelId",
            },
            "presets": [{"fields": ["count", EVIL], "presets": {EVIL: {"count": 2}}}],
            "triggerGenerate": {"label": EVIL, "after": "count"},
            "inputProperties": {"tint": {"collapsed": True}},
        },
    )


HOSTILE_POST: dict[str, list[str]] = {
    "prompt": [EVIL],
    EVIL_NAME: [EVIL],
    "tags": [EVIL, ""],
    "count": [EVIL],
    "keyframes.0.__row": ["1"],
    "keyframes.0.image": [EVIL],
    "loras": [EVIL, ""],
    "lorasScale": [EVIL],
    "__resolution": [EVIL],
    "__preset_0": [EVIL],
    "__shown": [EVIL],
    "curve": [EVIL],
}


def drawn(view: FormView) -> str:
    context = {"form": view, "live_url": "/live/", "submit_url": "/submit/", "estimate_url": "/e/"}
    return "".join(
        render_to_string(f"forms/model_form.html#{partial}", context)
        for partial in ("form", "preview", "live")
    )


def views() -> dict[str, FormView]:
    definition = hostile_definition()
    return {
        "first": form_view(definition, initial_values(definition)),
        "live": posted_form_view(definition, HOSTILE_POST, moment=Moment.LIVE),
        "submit": posted_form_view(definition, HOSTILE_POST, moment=Moment.SUBMIT),
        "redraw": posted_form_view(
            definition, {**HOSTILE_POST, "__action": ["add:loras"]}, moment=Moment.SUBMIT
        ),
    }


@pytest.mark.parametrize("moment", ["first", "live", "submit", "redraw"])
def test_no_text_of_a_definition_or_a_post_becomes_markup(moment: str) -> None:
    html = drawn(views()[moment])
    root = parse_html(html)
    tags = {element.tag for element in root.iter()} | {"#root"}
    assert tags <= ALLOWED_TAGS
    handlers = [
        (element.tag, name) for element in root.iter() for name in element.attrs if name[:2] == "on"
    ]
    assert handlers == []
    assert "<script" not in html
    assert "<img" not in html


def test_the_texts_come_back_intact() -> None:
    root = parse_html(drawn(views()["submit"]))
    assert root.one("textarea", name="prompt").text == EVIL
    assert root.by_id("in-prompt-description").text == EVIL
    labels = [label.text for label in root.find_all("label", for_="in-prompt")]
    assert labels == [f"prompt {EVIL} affects cost"]
    assert root.one("input", name=EVIL_NAME).get("value") == EVIL
    hints = [e.get("data-tip") for e in root.find_all(class_="hint-tip")]
    assert len(hints) > 10
    assert hints == [EVIL] * len(hints)
    style = root.one("select", name="style")
    assert [option.text for option in style.find_all("option")][1] == EVIL
    assert [tag.get("value") for tag in root.find_all("input", name="tags")] == [EVIL, ""]
    assert root.one("input", name="keyframes.0.image").get("value") == EVIL
    groups = {group.get("data-group") for group in root.find_all("fieldset", class_="group")}
    assert groups == {f"Group {EVIL}"}
    loras = root.one(data_component="loras")
    assert loras.one("legend").text == EVIL
    assert root.one(data_component="trigger").one("button").text == EVIL
    assert root.find_all(id="preview-body")[0].text.count("alert(1)") >= 1
