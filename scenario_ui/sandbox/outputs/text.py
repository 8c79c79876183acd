"""Generated text, for language models: the API answers it in the job's `metadata.output`."""

from __future__ import annotations

from scenario_ui.sandbox.json_types import JsonObject
from scenario_ui.sandbox.outputs.drawing import Subject


def reply(subject: Subject) -> JsonObject:
    prompt = subject.prompt or "(no prompt)"
    return {
        "text": f"{subject.model_name} (sandbox) received: “{prompt}”. "
        "This placeholder reply comes from the Scenario sandbox; no language model ran."
    }
