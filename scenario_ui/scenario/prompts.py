"""Prompt Spark (`POST /generate/prompt`): a better prompt for a model, on request."""

from __future__ import annotations

from scenario_ui.scenario.calls import call_action, expect_key
from scenario_ui.scenario.errors import ScenarioBadResponse


def improve_prompt(*, model_id: str, prompt: str) -> str:
    """The API's completion of `prompt` for `model_id` (mode `completion`, one result).

    Sent once, never retried: each call is billed a little, and a person asked for it.
    """
    answer = call_action(
        lambda client: client.generate.with_raw_response.prompt(
            mode="completion", prompt=prompt, model_id=model_id, num_results=1
        )
    )
    prompts = expect_key(answer, "prompts", list)
    suggestions = [text for text in prompts if isinstance(text, str) and text.strip()]
    if not suggestions:
        raise ScenarioBadResponse("Scenario suggested no prompt.")
    return suggestions[0].strip()
