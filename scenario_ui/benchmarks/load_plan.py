"""What `make loadtest`'s simulated users send, written once by the driver, read by locust.

The live update is not made up: the driver types into the model page in Chromium and
records the request htmx sends (body and headers), then every simulated user replays it
with a prompt of its own. All users share the one signed-in session the driver opened.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

# The request headers htmx and Django's CSRF check need; the rest is the browser's own.
REPLAYED_HEADERS = ("content-type", "hx-request", "hx-trigger", "hx-trigger-name", "x-csrftoken")


@dataclass(frozen=True)
class LiveUpdate:
    path: str
    headers: dict[str, str]
    fields: list[tuple[str, str]]
    # The field the user types into, whose value each replay changes.
    typed: str

    @classmethod
    def recorded(cls, *, path: str, headers: dict[str, str], body: str, typed: str) -> LiveUpdate:
        """The live update as the browser sent it (an urlencoded body)."""
        fields = parse_qsl(body, keep_blank_values=True)
        if typed not in {name for name, _ in fields}:
            raise ValueError(f"the recorded live update has no {typed!r} field")
        kept = {name: value for name, value in headers.items() if name.lower() in REPLAYED_HEADERS}
        return cls(path=path, headers=kept, fields=fields, typed=typed)

    def body(self, text: str) -> str:
        """The recorded body with `text` typed into the typed field."""
        return urlencode(
            [(name, text if name == self.typed else value) for name, value in self.fields]
        )


@dataclass(frozen=True)
class LoadPlan:
    cookie_header: str
    catalog_path: str
    model_path: str
    live: LiveUpdate
    # Relative frequencies of the three requests.
    weights: dict[str, int] = field(
        default_factory=lambda: {"catalog page": 1, "model page": 2, "live update": 7}
    )

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> LoadPlan:
        data = json.loads(path.read_text(encoding="utf-8"))
        live = data.pop("live")
        live["fields"] = [(name, value) for name, value in live["fields"]]
        return cls(live=LiveUpdate(**live), **data)

    def mix_text(self) -> str:
        total = sum(self.weights.values())
        return ", ".join(f"{name} {weight / total:.0%}" for name, weight in self.weights.items())
