from __future__ import annotations

from scenario_ui.sandbox.outputs.drawing import Subject
from scenario_ui.sandbox.outputs.text import reply


def test_the_reply_quotes_the_prompt() -> None:
    subject = Subject(model_name="Quill", prompt="Say hi", parameters=[], seed=b"\x00\x00")
    assert reply(subject) == {
        "text": "Quill (sandbox) received: “Say hi”. "
        "This placeholder reply comes from the Scenario sandbox; no language model ran."
    }
