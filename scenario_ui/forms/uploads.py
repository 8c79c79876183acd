"""Files chosen in the form, checked before they become Scenario assets.

The engine sees only what a file is (name, size, type), never its bytes: the
submission turns each upload into an asset id before the request is built.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from scenario_ui.forms.durations import phrases_for_duration
from scenario_ui.forms.numbers import Number, format_number

# What the browser reports for each asset kind; 3D files rarely have a precise type.
KIND_CONTENT_TYPES: dict[str, tuple[str, ...]] = {
    "image": ("image/",),
    "image-hdr": ("image/", "application/octet-stream"),
    "video": ("video/",),
    "audio": ("audio/",),
    "3d": ("model/", "application/octet-stream"),
    "text": ("text/", "application/json"),
    "json": ("application/json", "text/"),
    "document": ("application/pdf", "text/", "application/msword", "application/vnd."),
}
UPLOAD_SUFFIX = "__upload"


@dataclass(frozen=True)
class Upload:
    filename: str
    size: int
    content_type: str
    # The most the server took for it when that is below the input's maxSize (or it has none).
    server_limit: int | None = None
    # Seconds, when the bytes were read for it (`durations.media_duration`): audio files.
    duration: float | None = None

    def __str__(self) -> str:
        return f"upload:{self.filename}"


class FileLimits(Protocol):
    """What a `file` or `file_array` input asks of each file."""

    @property
    def kind(self) -> str | None: ...
    @property
    def max_size(self) -> int | None: ...
    @property
    def min_duration(self) -> Number | None: ...
    @property
    def max_duration(self) -> Number | None: ...


def upload_phrases(upload: Upload, asked: FileLimits) -> list[str]:
    kind, max_size = asked.kind, asked.max_size
    phrases = phrases_for_duration(
        upload.duration,
        upload.filename,
        min_duration=asked.min_duration,
        max_duration=asked.max_duration,
    )
    limits = [limit for limit in (max_size, upload.server_limit) if limit is not None]
    if limits and upload.size > min(limits):
        phrases.append(
            f"must be at most {describe_size(min(limits))} ({upload.filename} is "
            f"{describe_size(upload.size)})"
        )
    accepted = KIND_CONTENT_TYPES.get(kind or "")
    if accepted and not upload.content_type.startswith(accepted):
        found = upload.content_type or "of unknown type"
        article = "an" if kind and kind[0] in "aeiou" else "a"
        phrases.append(f"must be {article} {kind} file ({upload.filename} is {found})")
    return phrases


def describe_size(size: int) -> str:
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            return f"{format_number(round(size / scale, 1))} {unit}"
    return f"{size} bytes"
