"""The two definitions both pages render, read from the vendored anchor harness.

`bench/browser/rjsf/` is a copy of the RJSF anchor (its README says where from): its
`to_jsonschema.py` turns these records into the anchor's schemas, and the bench adds
the same records to the sandbox, so both pages start from the same files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from scenario_ui.benchmarks.paths import ANCHOR_DIR


@dataclass(frozen=True)
class ConditionalRule:
    """Choosing `value` in select `controller` makes `dependent` required (`other` undoes it)."""

    controller: str
    value: str
    other: str
    dependent: str


@dataclass(frozen=True)
class BenchDefinition:
    key: str  # the anchor page's `?def=` name
    path: Path
    # The rule the bench times, when the definition has one (gen_synthetic.MEASURED_RULE).
    rule: ConditionalRule | None = None

    @property
    def record(self) -> dict[str, Any]:
        document = json.loads(self.path.read_text(encoding="utf-8"))
        model: dict[str, Any] = document.get("model", document)
        return model

    @property
    def model_id(self) -> str:
        return str(self.record["id"])

    @property
    def input_count(self) -> int:
        return len(self.record.get("inputs") or [])


def option_label(record: dict[str, Any], name: str, value: str) -> str:
    """What a select shows for `value`: its `uiConfig.selects` label, else the value itself.

    Both pages label options this way, so the bench picks an option by this text on both
    (the anchor's <option value>s are indexes, ours are the values).
    """
    selects = (record.get("uiConfig") or {}).get("selects") or {}
    labels = selects.get(name) or {}
    return str(labels.get(value, value))


FLUX: Final = BenchDefinition(key="flux", path=ANCHOR_DIR / "defs" / "model_bfl-flux-1-dev.json")
SYNTHETIC_200: Final = BenchDefinition(
    key="synthetic-200",
    path=ANCHOR_DIR / "defs" / "synthetic-200.json",
    rule=ConditionalRule(controller="sel16", value="opt2", other="opt1", dependent="cond16a"),
)
DEFINITIONS: Final = (FLUX, SYNTHETIC_200)


def pick(text: str) -> list[BenchDefinition]:
    """The definitions named in `text`, comma-separated keys ("flux,synthetic-200")."""
    by_key = {definition.key: definition for definition in DEFINITIONS}
    keys = [key.strip() for key in text.split(",") if key.strip()]
    unknown = [key for key in keys if key not in by_key]
    if unknown or not keys:
        raise ValueError(
            f"unknown definition {', '.join(unknown) or '(none given)'}: choose from "
            f"{', '.join(by_key)}"
        )
    return [by_key[key] for key in keys]
