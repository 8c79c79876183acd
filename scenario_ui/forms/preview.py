"""The live "Request preview": the exact body, and how to send it with cURL or the SDK.

Snippets name the credentials' environment variables, never their values.
"""

from __future__ import annotations

import hashlib
import json
import shlex
from dataclasses import dataclass
from typing import Any

DEFAULT_BASE_URL = "https://api.cloud.scenario.com/v1"
# Longer bodies are written one input per line.
ONE_LINE_LITERAL = 60


@dataclass(frozen=True)
class RequestPreview:
    body_json: str
    curl: str
    python: str


def request_preview(model_id: str, body: dict[str, Any], *, base_url: str = "") -> RequestPreview:
    base = (base_url or DEFAULT_BASE_URL).rstrip("/")
    body_json = json.dumps(body, indent=2, ensure_ascii=False)
    curl = "\n".join(
        [
            f"curl -X POST {shlex.quote(f'{base}/generate/custom/{model_id}')} \\",
            '  -u "$SCENARIO_SDK_API_KEY:$SCENARIO_SDK_API_SECRET" \\',
            "  -H 'Content-Type: application/json' \\",
            f"  -d {shlex.quote(json.dumps(body, ensure_ascii=False))}",
        ]
    )
    client_args = "" if base == DEFAULT_BASE_URL else f"base_url={base!r}"
    python = "\n".join(
        [
            "from scenario_sdk import Scenario",
            "",
            "# Reads SCENARIO_SDK_API_KEY and SCENARIO_SDK_API_SECRET from the environment.",
            f"client = Scenario({client_args})",
            f"job = client.generate.run_model({model_id!r}, body={_python_literal(body)})",
        ]
    )
    return RequestPreview(body_json=body_json, curl=curl, python=python)


def body_digest(body: dict[str, Any]) -> str:
    """A short fingerprint of the body: a live answer re-sends the preview only when it moved."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def _python_literal(body: dict[str, Any]) -> str:
    """The body as a Python literal: on one line when short, else one input per line.

    `repr` of JSON values (strings, numbers, booleans, None, lists, dicts) is a
    valid literal of the same value, and costs a fraction of `pprint`.
    """
    flat = repr(body)
    if len(flat) <= ONE_LINE_LITERAL:
        return flat
    lines = "".join(f"\n        {key!r}: {value!r}," for key, value in body.items())
    return "{" + lines + "\n    }"
