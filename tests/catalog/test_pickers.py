from __future__ import annotations

import pytest

from scenario_ui.catalog import pickers
from scenario_ui.catalog.pickers import MOST_OPTIONS, model_options

pytestmark = pytest.mark.usefixtures("seeded_sandbox")


def ids(text: str = "", *types: str) -> list[str]:
    return [model.id for model in model_options(text=text, model_types=list(types))]


def test_models_of_a_type_own_models_first() -> None:
    assert ids("", "flux.1-lora") == [
        "model_demo-my-mascot-flux",
        "model_demo-lora-neon-alley",
        "model_demo-lora-brass-automata",
        "model_demo-lora-inkwash",
    ]


def test_several_types() -> None:
    assert ids("", "flux.1-lora", "flux.1-composition") == [
        "model_demo-my-mascot-flux",
        "model_demo-lora-neon-alley",
        "model_demo-lora-brass-automata",
        "model_demo-lora-inkwash",
        "model_demo-composition-clockwork-tales",
    ]


def test_name_filter_is_case_insensitive() -> None:
    assert ids("INK", "flux.1-lora") == ["model_demo-lora-inkwash"]
    assert ids("mascot", "flux.1-lora") == ["model_demo-my-mascot-flux"]
    assert ids("voice") == ["model_demo-my-narrator-voice"]


def test_no_match() -> None:
    assert ids("nothing-like-this", "flux.1-lora") == []
    assert ids("inkwash", "elevenlabs-voice") == []


PUBLIC_NEWEST_FIRST = [
    "model_demo-relay-motion",
    "model_demo-terrazzo-material",
    "model_demo-atelier-3d",
    "model_demo-tidewave-video",
    "model_demo-composition-clockwork-tales",
    "model_demo-halo-edit",
    "model_demo-lora-neon-alley",
    "model_demo-cadence-voice",
    "model_demo-lora-brass-automata",
    "model_demo-quill-llm",
    "model_demo-sprite-forge",
    "model_demo-lora-inkwash",
    "model_demo-lumen-xl",
]


def test_without_types_own_models_then_public_ones() -> None:
    found = ids()
    # Each privacy gives one catalog page (12 models), so the 13th public one may be missing.
    assert len(found) >= 18
    assert found[6:] == PUBLIC_NEWEST_FIRST[: len(found) - 6]
    assert found[:6] == [
        "model_demo-my-sneaker-qwen",
        "model_demo-my-mascot-flux",
        "model_demo-my-temple-zimage",
        "model_demo-my-narrator-voice",
        "model_demo-my-hero-sdxl",
        "model_demo-my-watercolor-sd15",
    ]
    assert len(set(found)) == len(found)


def test_at_most_most_options(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MOST_OPTIONS == 20
    monkeypatch.setattr(pickers, "MOST_OPTIONS", 2)
    assert ids("", "flux.1-lora") == ["model_demo-my-mascot-flux", "model_demo-lora-neon-alley"]


def test_options_carry_names_and_types() -> None:
    [model] = model_options(text="neon", model_types=["flux.1-lora"])
    assert (model.name, model.type, model.privacy) == ("Neon Alley", "flux.1-lora", "public")


# --- the chosen model beside a picker ---------------------------------------------------------


def test_the_chosen_model_has_its_name_and_type() -> None:
    chosen = pickers.chosen_model(model_id=" model_demo-lora-inkwash ", model_types=["flux.1-lora"])
    assert chosen.model is not None
    assert (chosen.model.name, chosen.model.type, chosen.refused) == (
        "Inkwash Illustration",
        "flux.1-lora",
        False,
    )


def test_a_chosen_model_of_another_type_is_refused() -> None:
    chosen = pickers.chosen_model(
        model_id="model_demo-composition-clockwork-tales", model_types=["flux.1-lora"]
    )
    assert chosen.refused is True
    assert chosen.allowed_types == ("flux.1-lora",)


def test_an_unknown_or_blank_chosen_id() -> None:
    assert pickers.chosen_model(model_id="model_ghost", model_types=[]).model is None
    assert pickers.chosen_model(model_id="  ", model_types=[]) == pickers.ChosenModel("")


def test_the_thumbnail_comes_from_the_record(monkeypatch: pytest.MonkeyPatch) -> None:
    row = {"id": "m", "name": "M", "type": "flux.1-lora", "thumbnail": {"url": "https://x/t.png"}}
    monkeypatch.setattr("scenario_ui.scenario.gateway.get_bulk", lambda ids: [row])
    chosen = pickers.chosen_model(model_id="m", model_types=[])
    assert chosen.model is not None
    assert chosen.model.thumbnail == "https://x/t.png"
    # Only web addresses: a script URL is never drawn.
    row["thumbnail"] = {"url": "javascript:alert(1)"}
    again = pickers.chosen_model(model_id="m", model_types=[])
    assert again.model is not None
    assert again.model.thumbnail == ""
