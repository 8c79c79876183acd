"""The rules panel as HTML: the explorer's content, every text of the definition escaped."""

from __future__ import annotations

from scenario_ui.authoring.rules_explorer import explore_rules
from scenario_ui.authoring.rules_html import rules_panel
from scenario_ui.authoring.studio import rules_context
from scenario_ui.schema import parse_definition

HOSTILE = "<img src=x onerror=alert(1)>"
DEFINITION = parse_definition(
    {
        "id": "m",
        "inputs": [
            {"name": "mode", "type": "string", "label": HOSTILE, "allowedValues": [HOSTILE, "b"]},
            {
                "name": "target",
                "type": "string",
                "label": "Target",
                "required": {"conditionalValues": {"mode": [HOSTILE]}},
            },
            {"name": "seed", "type": "number", "label": f"Seed {HOSTILE}"},
        ],
    }
)


def panel(values: dict[str, object], *, out_of_band: bool = False) -> str:
    context = rules_context(explore_rules(DEFINITION, values))
    return str(rules_panel(context["rules"], context["optional_labels"], out_of_band=out_of_band))


def test_no_text_of_the_definition_becomes_markup() -> None:
    html = panel({"mode": HOSTILE})

    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_the_panel_shows_the_rule_its_table_and_what_holds_now() -> None:
    html = panel({"mode": HOSTILE})

    assert '<article class="rule rule--now" data-rule-for="target"' in html
    assert "Required now" in html
    assert '<tr class="is-now" aria-current="true"><td>&lt;img' in html
    assert "<strong>Always optional:</strong> &lt;img" in html


def test_out_of_band_and_the_broken_json_panel() -> None:
    assert panel({}, out_of_band=True).startswith('<div id="studio-rules" hx-swap-oob="true">')
    assert "Fix the JSON to see the rules." in str(rules_panel(None, [], out_of_band=False))
