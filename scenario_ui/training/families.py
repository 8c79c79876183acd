"""The trainers behind `PUT /models/{modelId}/train`, and the model types each one trains.

The reference names trainers ("SD15", "SDXL LoRA", "Flux LoRA", "Musubi",
"ElevenLabs voice") and job types (`flux-model-training`, `musubi-model-training`),
never a model type per trainer, so the mapping below is ours:

- Flux LoRA: `flux.1-lora` (the reference's own Flux LoRA example), and the LoRAs of
  the two Flux.1 [dev] variants, `flux.1-kontext-lora` and `flux.1-krea-lora`: same
  transformer, so the same trainer's blocks (`optimizeFor`), steps and ranks apply.
- Musubi: the Qwen-Image and Z-Image LoRA types. No other documented trainer can
  train them, so if they train at all, Musubi does.
- Not trained here, each with its reason (`not_trainable_message`): the Flux.2 LoRAs
  (the reference gives Flux.1 numbers for "Flux" and never says whether Flux LoRA or
  Musubi trains Flux.2, whose transformer differs), compositions (made of trained
  LoRAs, not trained themselves) and base models (a LoRA is trained on them).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TrainerFamily:
    """One trainer: which model types it trains and which parameters it takes."""

    key: str
    label: str
    model_types: tuple[str, ...]

    @property
    def primary_model_type(self) -> str:
        return self.model_types[0]


SD_1_5 = TrainerFamily("sd-1_5", "SD 1.5", ("sd-1_5", "sd-1_5-lora"))
SDXL_LORA = TrainerFamily("sd-xl-lora", "SDXL LoRA", ("sd-xl-lora", "sd-xl"))
FLUX_LORA = TrainerFamily(
    "flux-lora", "Flux LoRA", ("flux.1-lora", "flux.1-kontext-lora", "flux.1-krea-lora")
)
MUSUBI = TrainerFamily(
    "musubi",
    "Musubi LoRA",
    (
        "qwen-image-lora",
        "qwen-image-2512-lora",
        "qwen-image-edit-lora",
        "qwen-image-edit-2509-lora",
        "qwen-image-edit-2511-lora",
        "zimage-lora",
        "zimage-turbo-lora",
        "zimage-de-turbo-lora",
    ),
)
ELEVENLABS_VOICE = TrainerFamily("elevenlabs-voice", "ElevenLabs voice", ("elevenlabs-voice",))

FAMILIES: tuple[TrainerFamily, ...] = (SD_1_5, SDXL_LORA, FLUX_LORA, MUSUBI, ELEVENLABS_VOICE)

_FAMILY_BY_MODEL_TYPE: dict[str, TrainerFamily] = {
    model_type: family for family in FAMILIES for model_type in family.model_types
}
TRAINABLE_MODEL_TYPES: tuple[str, ...] = tuple(_FAMILY_BY_MODEL_TYPE)


def family_for(model_type: str) -> TrainerFamily | None:
    """The trainer of models of `model_type`; None when this project cannot train them."""
    return _FAMILY_BY_MODEL_TYPE.get(model_type)


def not_trainable_message(model_type: str) -> str:
    """What to tell the user when `family_for(model_type)` is None: why, and what instead."""
    which = f'Models of type "{model_type}"' if model_type else "Models without a type"
    return f"{which} cannot be trained here. {_why_not(model_type)}"


def _why_not(model_type: str) -> str:
    if model_type.startswith("flux.2-") and model_type.endswith("-lora"):
        return (
            "The API reference does not say which trainer (Flux LoRA or Musubi) trains "
            "Flux.2 LoRAs, and its Flux LoRA defaults are Flux.1's, so no form here could "
            "be trusted to match what the API accepts."
        )
    if model_type.endswith("-composition"):
        return "A composition combines trained LoRAs; train one of its LoRAs instead."
    return f"Trainable model types: {', '.join(TRAINABLE_MODEL_TYPES)}."
