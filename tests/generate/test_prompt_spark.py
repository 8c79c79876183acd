""" "Improve prompt": the button on promptSpark inputs, the suggestion offered, never forced."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.forms.html import parse_html, posted_fields
from tests.generate.support import LUMEN

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

SPARK_URL = f"/models/{LUMEN}/prompt-spark/"


def model_form(client: Client) -> dict[str, str]:
    return posted_fields(parse_html(client.get(f"/models/{LUMEN}/").content.decode()))


def test_a_prompt_spark_input_has_an_improve_button_posting_its_name(signed_in: Client) -> None:
    page = parse_html(signed_in.get(f"/models/{LUMEN}/").content.decode())
    button = page.one("button", value="prompt")
    assert button.text == "Improve prompt"
    assert (button.get("name"), button.get("hx-post")) == ("__spark", SPARK_URL)
    assert button.get("aria-controls") == "in-prompt-spark"
    assert page.by_id("in-prompt-spark").get("aria-live") == "polite"
    # Only promptSpark inputs get one.
    assert len(page.find_all("button", name="__spark")) == 1


def test_the_suggestion_is_offered_beside_what_was_typed(signed_in: Client) -> None:
    data = {**model_form(signed_in), "prompt": "a lighthouse at dawn", "__spark": "prompt"}
    response = signed_in.post(SPARK_URL, data)
    assert response.status_code == 200
    offer = parse_html(response.content.decode())
    suggestion = offer.by_id("in-prompt-suggestion").text
    assert suggestion.startswith("a lighthouse at dawn, ")
    use = offer.one("button", lambda b: b.text == "Use this prompt")
    assert (use.get("data-use-prompt"), use.get("data-suggestion")) == (
        "in-prompt",
        "in-prompt-suggestion",
    )
    assert (
        offer.one("button", lambda b: b.text == "Dismiss").get("data-dismiss") == "in-prompt-spark"
    )
    # Nothing else: the field itself is not redrawn, so what was typed stays.
    assert offer.find_all("textarea") == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"prompt": "  ", "__spark": "prompt"}, "Type a prompt first, then ask to improve it."),
        ({"prompt": "x", "__spark": "negativePrompt"}, "This input has no prompt help."),
        ({"prompt": "x", "__spark": "ghost"}, "This input has no prompt help."),
        ({"prompt": "x"}, "This input has no prompt help."),
    ],
)
def test_no_suggestion_says_why(signed_in: Client, fields: dict[str, str], message: str) -> None:
    response = signed_in.post(SPARK_URL, {**model_form(signed_in), **fields})
    assert response.status_code == 200
    assert parse_html(response.content.decode()).one("p", class_="field__error").text == message
