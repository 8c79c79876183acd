"""`POST /generate/prompt`: Prompt Spark, answered deterministically.

Only `completion` (what the app's "Improve prompt" asks) is answered: it keeps the
prompt as written and completes it with descriptive phrases chosen from a digest of
the model id and the prompt, so the same request always gets the same suggestion.
The other modes need a language model and answer 400. The job comes back already
finished (`success`), as the API's does; it is not kept, like no other prompt job is
read back by the app.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

from scenario_ui.sandbox import clock
from scenario_ui.sandbox.api.errors import SandboxApiError
from scenario_ui.sandbox.identity import SANDBOX_OWNER_ID, SANDBOX_USER_ID
from scenario_ui.sandbox.json_types import JsonObject

SUPPORTED_MODES: Final = ("completion",)
KNOWN_MODES: Final = (
    "completion",
    "contextual",
    "contextual-v2",
    "image-editing",
    "inventive",
    "structured",
)
PROMPT_COST: Final = 1
MOST_RESULTS: Final = 4
PHRASES: Final = (
    "soft volumetric light",
    "rich textures",
    "cinematic composition",
    "shallow depth of field",
    "golden hour glow",
    "crisp fine detail",
    "muted pastel palette",
    "dramatic rim lighting",
    "painterly brushwork",
    "atmospheric haze",
    "high contrast shadows",
    "vivid complementary colours",
)
PHRASES_ADDED: Final = 3


def spark(body: dict[str, Any], *, dry_run: bool) -> tuple[int, JsonObject]:
    """The status and answer for a Prompt Spark request (269 with the cost for a dry run)."""
    mode = body.get("mode")
    if mode not in KNOWN_MODES:
        raise SandboxApiError(400, f"Invalid mode; expected one of: {', '.join(KNOWN_MODES)}")
    if mode not in SUPPORTED_MODES:
        raise SandboxApiError(400, f'Mode "{mode}" is not available in the sandbox')
    prompt = body.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        raise SandboxApiError(400, "Invalid prompt; expected a non-empty string")
    if dry_run:
        return 269, {"creativeUnitsCost": PROMPT_COST, "creativeUnitsDiscount": 0}
    model_id = body.get("modelId") if isinstance(body.get("modelId"), str) else ""
    count = _count(body.get("numResults"))
    prompts = [completed(prompt, model_id=str(model_id), variant=n) for n in range(count)]
    return 200, {
        "job": _finished_job(prompt, model_id=str(model_id)),
        "prompts": prompts,
        "mode": mode,
        "creativeUnitsCost": PROMPT_COST,
        "creativeUnitsDiscount": 0,
    }


def completed(prompt: str, *, model_id: str, variant: int) -> str:
    """The prompt as written, then a few descriptive phrases it does not already have."""
    digest = hashlib.sha256(f"{model_id}\n{variant}\n{prompt}".encode()).digest()
    written = prompt.strip().rstrip(".,;")
    lowered = written.lower()
    chosen: list[str] = []
    for byte in digest:
        phrase = PHRASES[byte % len(PHRASES)]
        if phrase not in chosen and phrase not in lowered:
            chosen.append(phrase)
        if len(chosen) == PHRASES_ADDED:
            break
    return ", ".join([written, *chosen])


def _count(requested: Any) -> int:
    if isinstance(requested, int | float) and not isinstance(requested, bool):
        return min(max(int(requested), 1), MOST_RESULTS)
    return 1


def _finished_job(prompt: str, *, model_id: str) -> JsonObject:
    stamp = clock.iso_timestamp(clock.now())
    digest = hashlib.sha256(f"{model_id}\n{prompt}\n{stamp}".encode()).hexdigest()[:20]
    return {
        "jobId": f"job_prompt-{digest}",
        "jobType": "generate-prompt",
        "status": "success",
        "progress": 1,
        "createdAt": stamp,
        "updatedAt": stamp,
        "authorId": SANDBOX_USER_ID,
        "ownerId": SANDBOX_OWNER_ID,
        "metadata": {"input": {"mode": "completion", "prompt": prompt}},
        "statusHistory": [{"status": "success", "date": stamp}],
    }
