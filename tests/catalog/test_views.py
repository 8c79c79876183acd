"""The catalog pages through the whole stack, over the seeded sandbox."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

import pytest
from django.test import Client

from tests.forms.html import Element, parse_html

pytestmark = pytest.mark.usefixtures("seeded_sandbox")

# Public demo models, newest first; the catalog shows 12 a page.
FIRST_PAGE = [
    "Relay Motion Edit",
    "Terrazzo Material",
    "Atelier 3D",
    "Tidewave Video",
    "Clockwork Tales",
    "Halo Edit",
    "Neon Alley",
    "Cadence Speech",
    "Brass Automata",
    "Quill Assistant",
    "Sprite Forge",
    "Inkwash Illustration",
]
SECOND_PAGE = ["Lumen XL"]
MINE = [
    "Sneaker Line (Qwen Image)",
    "Mascot (Flux LoRA)",
    "Jungle Temple (Z-Image)",
    "Narrator Voice",
    "Hero Portraits (SDXL)",
    "Harbour Watercolours",
]


def html_of(response: Any) -> Element:
    return parse_html(response.content.decode())


def card_names(root: Element) -> list[str]:
    return [name.text for name in root.find_all("h2", class_="model-card__name")]


def htmx_get(client: Client, target: str, **params: str) -> Any:
    return client.get("/", params, headers={"HX-Request": "true", "HX-Target": target})


def more_link(root: Element) -> Element:
    return root.by_id("catalog-more").one("a")


def test_the_catalog_page_lists_public_models(signed_in: Client) -> None:
    response = signed_in.get("/")
    assert response.status_code == 200
    root = html_of(response)
    assert len(root.find_all("html")) == 1
    assert card_names(root) == FIRST_PAGE
    links = [card.one("a").get("href") for card in root.find_all("li", class_="model-card")]
    assert links[0] == "/models/model_demo-relay-motion/"
    link = more_link(root)
    assert link.text == "Show more models"
    assert (link.get("hx-target"), link.get("hx-swap")) == ("#catalog-list", "beforeend")
    assert (link.get("href") or "").startswith("?cursor=")
    assert root.by_id("catalog-more").has("hx-swap-oob") is False
    # Every filter is labelled.
    form = root.one("form", role="search")
    for control in form.find_all("input") + form.find_all("select"):
        assert form.find_all("label", for_=control.get("id") or "-"), control


def test_the_filters_narrow_the_list(signed_in: Client) -> None:
    assert card_names(html_of(signed_in.get("/", {"privacy": "private"}))) == MINE
    assert card_names(html_of(signed_in.get("/", {"type": "flux.1-lora"}))) == [
        "Neon Alley",
        "Brass Automata",
        "Inkwash Illustration",
    ]
    assert card_names(html_of(signed_in.get("/", {"q": "TIDE"}))) == ["Tidewave Video"]


def test_an_invalid_filter_is_reported_and_ignored(signed_in: Client) -> None:
    root = html_of(signed_in.get("/", {"type": "no-such-type"}))
    assert "Select a valid choice. no-such-type is not one of the available choices." in [
        error.text for error in root.find_all("p", class_="field__error")
    ]
    assert card_names(root) == FIRST_PAGE


def test_the_results_partial_for_htmx(signed_in: Client) -> None:
    response = htmx_get(signed_in, "catalog-results", q="neon")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    root = parse_html(body)
    assert card_names(root) == ["Neon Alley"]
    assert root.find_all("form") == []
    # Part of the swapped results: out of band, htmx would place it, then the results
    # swap would remove it.
    more = root.by_id("catalog-more")
    assert more.get("hx-swap-oob") is None
    assert more.find_all("a") == []
    status = root.by_id("catalog-status")
    assert (status.get("hx-swap-oob"), status.text) == ("true", "1 model shown.")


def test_the_results_partial_when_nothing_matches(signed_in: Client) -> None:
    root = html_of(htmx_get(signed_in, "catalog-results", q="zzz"))
    assert card_names(root) == []
    assert root.one("div", class_="empty").one("h2").text == "No models match"
    assert root.by_id("catalog-status").text == "0 models shown."


def test_show_more_appends_the_next_cards(signed_in: Client) -> None:
    first = html_of(htmx_get(signed_in, "catalog-results"))
    assert card_names(first) == FIRST_PAGE
    assert first.by_id("catalog-status").text == "12 models shown, more available."
    cursor = (more_link(first).get("href") or "").removeprefix("?cursor=")
    response = htmx_get(signed_in, "catalog-list", cursor=unquote(cursor))
    assert response.status_code == 200
    root = html_of(response)
    # Only the cards (for #catalog-list, beforeend), the button and the status out of band.
    top = [child for child in root.children if isinstance(child, Element)]
    assert [element.tag for element in top] == ["li", "div", "p"]
    assert card_names(root) == SECOND_PAGE
    back = more_link(root)
    assert (back.text, back.get("href")) == ("Back to the first page", "/")
    assert root.by_id("catalog-status").text == "1 more model shown."


def test_show_more_keeps_the_filters(signed_in: Client) -> None:
    first = html_of(signed_in.get("/", {"privacy": "public", "status": "trained"}))
    href = more_link(first).get("href") or ""
    assert href.startswith("?privacy=public&status=trained&cursor=")


def test_an_invalid_cursor_shows_a_notice_and_the_first_page(signed_in: Client) -> None:
    notice = "That page link is no longer valid. Showing the first page."
    page = html_of(signed_in.get("/", {"cursor": "not-a-cursor"}))
    assert page.one("p", class_="alert").text == notice
    assert card_names(page) == FIRST_PAGE
    partial = html_of(htmx_get(signed_in, "catalog-results", cursor="bm9wZQ=="))
    assert partial.one("p", class_="alert").text == notice
    assert card_names(partial) == FIRST_PAGE


def test_an_unknown_model_is_a_readable_404(signed_in: Client) -> None:
    response = signed_in.get("/models/model_nope/")
    assert response.status_code == 404
    root = html_of(response)
    alert = root.one(role="alert")
    assert alert.one("h2").text == "Not found on Scenario"
    assert alert.find_all("p")[0].text == "Model model_nope not found"
    assert len(root.find_all("html")) == 1


def test_a_lora_page_offers_to_generate_with_it_on_its_base_models(signed_in: Client) -> None:
    root = html_of(signed_in.get("/models/model_demo-lora-inkwash/"))
    assert root.find_all("form", id="model-form") == []
    usage = root.by_id("model-usage")
    assert usage.one("h2").text == "Use this LoRA"
    assert "runs on a base model that takes flux.1-lora models" in usage.text
    links = [(a.text, a.get("href")) for a in usage.find_all("a")]
    assert links == [
        (
            "Generate with this LoRA on Halo Edit",
            "/models/model_demo-halo-edit/?use_model=model_demo-lora-inkwash",
        ),
        (
            "Generate with this LoRA on Lumen XL",
            "/models/model_demo-lumen-xl/?use_model=model_demo-lora-inkwash",
        ),
    ]


def test_generate_with_this_lora_opens_the_base_form_with_the_lora_row_filled(
    signed_in: Client,
) -> None:
    root = html_of(signed_in.get("/models/model_demo-lumen-xl/?use_model=model_demo-lora-inkwash"))
    assert root.by_id("used-model").text == (
        "With Inkwash Illustration picked: add a prompt and generate."
    )
    panel = root.one(data_component="loras")
    assert [i.get("value") for i in panel.find_all("input", name="loras")] == [
        "model_demo-lora-inkwash"
    ]
    assert [i.get("value") for i in panel.find_all("input", name="lorasScale")] == ["1"]


def test_a_composition_goes_to_the_base_models_composition_picker(signed_in: Client) -> None:
    composition = "model_demo-composition-clockwork-tales"
    usage = html_of(signed_in.get(f"/models/{composition}/")).by_id("model-usage")
    assert [a.text for a in usage.find_all("a")] == ["Generate with this composition on Lumen XL"]
    root = html_of(signed_in.get(f"/models/model_demo-lumen-xl/?use_model={composition}"))
    assert root.one("input", name="modelId").get("value") == composition


def test_a_voice_says_what_it_is_used_with(signed_in: Client) -> None:
    usage = html_of(signed_in.get("/models/model_demo-my-narrator-voice/")).by_id("model-usage")
    assert usage.one("h2").text == "Use this voice"
    assert "speech models take it in their voice picker" in usage.text
    assert "LoRA" not in usage.text
    assert [a.text for a in usage.find_all("a")] == ["Use this voice on Cadence Speech"]


def test_a_model_the_base_does_not_take_is_said_so(signed_in: Client) -> None:
    root = html_of(
        signed_in.get("/models/model_demo-halo-edit/?use_model=model_demo-my-narrator-voice")
    )
    assert root.by_id("used-model").text == "This model takes no elevenlabs-voice models."


def test_a_trained_model_says_retraining_is_not_offered(signed_in: Client) -> None:
    root = html_of(signed_in.get("/models/model_demo-my-watercolor-sd15/"))
    assert root.find_all("a", href="/models/model_demo-my-watercolor-sd15/train/") == []
    assert "retraining is not offered" in root.by_id("training-note").text


def test_the_picker_options_view(signed_in: Client) -> None:
    response = signed_in.get(
        "/models/options/", {"field": "loras", "loras": "a", "types": "flux.1-lora"}
    )
    assert response.status_code == 200
    options = [
        (option.get("value"), option.text) for option in html_of(response).find_all("option")
    ]
    assert options == [
        ("model_demo-my-mascot-flux", "Mascot (Flux LoRA) · flux.1-lora · mine"),
        ("model_demo-lora-neon-alley", "Neon Alley · flux.1-lora"),
        ("model_demo-lora-brass-automata", "Brass Automata · flux.1-lora"),
        ("model_demo-lora-inkwash", "Inkwash Illustration · flux.1-lora"),
    ]


def test_the_picked_model_view_names_the_chosen_model(signed_in: Client) -> None:
    query = {"field": "loras", "loras": "model_demo-lora-inkwash", "types": "flux.1-lora"}
    root = html_of(signed_in.get("/models/picked/", query))
    assert root.one(class_="picked-model__name").text == "Inkwash Illustration"
    assert root.one(class_="picked-model__type").text == "flux.1-lora"
    refused = html_of(
        signed_in.get("/models/picked/", {**query, "loras": "model_demo-my-narrator-voice"})
    )
    assert refused.one(class_="picked-model__refused").text == (
        "not usable here: this input takes flux.1-lora models"
    )
    missing = html_of(signed_in.get("/models/picked/", {**query, "loras": "model_ghost"}))
    assert missing.one(class_="picked-model__refused").text == "Model model_ghost not found"


def test_a_model_picker_asks_for_its_chosen_models_name(signed_in: Client) -> None:
    page = html_of(signed_in.get("/models/model_demo-lumen-xl/?from_job=0"))
    picked = page.by_id("in-modelId-picked")
    assert picked.get("hx-get") == "/models/picked/"
    assert picked.get("hx-include") == "#in-modelId"
    assert picked.get("aria-live") == "polite"


def test_the_catalog_needs_a_signed_in_user(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_the_raw_definition_is_loaded_when_opened(signed_in: Client) -> None:
    page = signed_in.get("/models/model_demo-lumen-xl/")
    raw = html_of(page).one("details", class_="raw-definition")
    url = "/models/model_demo-lumen-xl/definition.json"
    assert (raw.get("hx-get"), raw.get("hx-trigger")) == (url, "toggle once")
    # As text: nothing in a definition becomes markup once loaded.
    assert raw.get("hx-swap") == "textContent"
    # Without JavaScript the placeholder is a link to the same file.
    assert raw.one("a").get("href") == url
    assert '"inputs"' not in page.content.decode()

    answer = signed_in.get(url)
    assert answer["Content-Type"] == "application/json"
    record = json.loads(answer.content)
    assert (record["id"], record["name"]) == ("model_demo-lumen-xl", "Lumen XL")
    assert answer.content.decode().startswith('{\n  "')


def test_pages_are_compressed_for_browsers_that_ask(signed_in: Client) -> None:
    plain = signed_in.get("/models/model_demo-lumen-xl/")
    packed = signed_in.get("/models/model_demo-lumen-xl/", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert len(packed.content) < len(plain.content) / 3
