"""How long an uploaded audio file plays, checked against an input's `minDuration`/`maxDuration`.

Read from the file's own headers by mutagen (no decoding, no I/O beyond the bytes given):
WAV, AIFF, MP3, FLAC, Ogg (Vorbis, Opus, Speex, FLAC), MP4/M4A audio, WMA/ASF, WavPack,
Musepack, APE, TrueAudio, DSF. Only files of the `audio` kind (an `audio/*` type) are
measured: video containers are not read here, so a video's duration is left to the API.
A file mutagen cannot read has an unknown duration and is not refused for it.
"""

from __future__ import annotations

import io

import mutagen

from scenario_ui.forms.numbers import Number, format_number

MEASURED_CONTENT_TYPES = ("audio/",)


def media_duration(content: bytes, filename: str) -> float | None:
    """Seconds of audio in `content`, or None when no header says (or it is not audio)."""
    try:
        media = mutagen.File(io.BytesIO(content), filename=filename)
    except Exception:
        # Beyond MutagenError, its parsers raise struct/index/value errors on hostile bytes:
        # an unreadable header is an unknown duration, never a failed page.
        return None
    length = getattr(getattr(media, "info", None), "length", None)
    return float(length) if isinstance(length, int | float) and length > 0 else None


def duration_phrases(
    content: bytes,
    filename: str,
    *,
    min_duration: Number | None = None,
    max_duration: Number | None = None,
) -> list[str]:
    """Why this file's duration is refused (empty when it fits or cannot be read)."""
    return phrases_for_duration(
        media_duration(content, filename) if min_duration or max_duration else None,
        filename,
        min_duration=min_duration,
        max_duration=max_duration,
    )


def phrases_for_duration(
    seconds: float | None,
    filename: str,
    *,
    min_duration: Number | None,
    max_duration: Number | None,
) -> list[str]:
    if seconds is None:
        return []
    shown = format_number(round(seconds, 1))
    if max_duration is not None and seconds > max_duration:
        return [f"must last at most {format_number(max_duration)} s ({filename} lasts {shown} s)"]
    if min_duration is not None and seconds < min_duration:
        return [f"must last at least {format_number(min_duration)} s ({filename} lasts {shown} s)"]
    return []
