"""The trainers behind `PUT /models/{modelId}/train`, and the model types each one trains.

The reference names trainers ("SD15", "SDXL LoRA", "Flux LoRA", "Musubi",
"ElevenLabs voice"), never a model type per trainer, so the mapping below is
ours. It stays conservative: a type whose trainer cannot be told from the
reference gets no form rather than another trainer's parameters.

- Flux LoRA: only `flux.1-lora`, the type the reference itself gives as its
  Flux LoRA example. The Kontext and Krea Flux.1 LoRAs and the Flux.2 LoRAs may
  train elsewhere (Flux.2 could as well be Musubi), so they are left out.
- Musubi: the Qwen-Image and Z-Image LoRA types. No other documented trainer
  can train them, so if they train at all, Musubi does.
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
FLUX_LORA = TrainerFamily("flux-lora", "Flux LoRA", ("flux.1-lora",))
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
    """What to tell the user when `family_for(model_type)` is None."""
    which = f'Models of type "{model_type}"' if model_type else "Models without a type"
    return (
        f"{which} cannot be trained here. "
        f"Trainable model types: {', '.join(TRAINABLE_MODEL_TYPES)}."
    )
