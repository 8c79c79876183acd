"""Audio durations read from the file's own headers (mutagen), checked against an input's limits."""

from __future__ import annotations

import io
import wave

import pytest

from scenario_ui.forms.durations import duration_phrases, media_duration
from scenario_ui.forms.uploads import Upload, upload_phrases
from scenario_ui.schema import FileInput

RATE = 8000


def wav_of(seconds: float) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(1)
        out.setframerate(RATE)
        out.writeframes(b"\x80" * int(RATE * seconds))
    return buffer.getvalue()


def test_a_wav_lasts_what_its_header_says() -> None:
    assert media_duration(wav_of(2.5), "take.wav") == pytest.approx(2.5)


@pytest.mark.parametrize(
    ("content", "filename"),
    [
        (b"RIFF-but-not-really", "broken.wav"),
        (b"\x00" * 64, "silence.mp3"),
        (b"just some text", "notes.txt"),
        (b"", "empty.wav"),
    ],
)
def test_an_unreadable_file_has_no_duration(content: bytes, filename: str) -> None:
    assert media_duration(content, filename) is None
    assert duration_phrases(content, filename, min_duration=5, max_duration=60) == []


@pytest.mark.parametrize(
    ("seconds", "phrases"),
    [
        (5, []),
        (12.25, []),
        (4.5, ["must last at least 5 s (voice.wav lasts 4.5 s)"]),
        (61, ["must last at most 60 s (voice.wav lasts 61 s)"]),
    ],
)
def test_the_duration_is_checked_against_min_and_max(seconds: float, phrases: list[str]) -> None:
    content = wav_of(seconds)
    assert duration_phrases(content, "voice.wav", min_duration=5, max_duration=60) == phrases


def test_without_limits_the_file_is_not_read() -> None:
    assert duration_phrases(wav_of(1000), "long.wav") == []


def test_an_upload_carries_its_measured_duration_into_the_fields_checks() -> None:
    spec = FileInput.model_validate(
        {"name": "voice", "type": "file", "kind": "audio", "minDuration": 5, "maxDuration": 60}
    )
    measured = Upload("short.wav", 100, "audio/wav", duration=1.5)
    unmeasured = Upload("other.wav", 100, "audio/wav")
    assert upload_phrases(measured, spec) == ["must last at least 5 s (short.wav lasts 1.5 s)"]
    assert upload_phrases(unmeasured, spec) == []
