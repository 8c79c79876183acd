"""Generated audio: a short two-note chime as a WAV file, pitched by the request."""

from __future__ import annotations

import io
import math
import struct
import wave
from typing import Final

from scenario_ui.sandbox.files import FileContent
from scenario_ui.sandbox.outputs.drawing import Subject

SAMPLE_RATE: Final = 16_000
NOTE_SECONDS: Final = 0.6
FADE_SECONDS: Final = 0.02
AMPLITUDE: Final = 0.4 * 32767
LOWEST_NOTE_HZ: Final = 220.0


def wav_tone(subject: Subject) -> FileContent:
    """16-bit mono PCM; a semitone from the seed picks the first note, a fifth above follows."""
    first = LOWEST_NOTE_HZ * 2 ** ((subject.seed[0] % 24) / 12)
    samples = [*_note(first), *_note(first * 1.5)]
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return FileContent(
        kind="audio",
        mime_type="audio/wav",
        name="output-1.wav",
        content=buffer.getvalue(),
        properties={
            "duration": len(samples) / SAMPLE_RATE,
            "sampleRate": SAMPLE_RATE,
            "channels": 1,
        },
    )


def _note(frequency: float) -> list[int]:
    count = round(NOTE_SECONDS * SAMPLE_RATE)
    fade = FADE_SECONDS * SAMPLE_RATE
    # Fading in and out avoids the clicks of a wave cut mid-swing.
    return [
        round(
            AMPLITUDE
            * min(1.0, index / fade, (count - index) / fade)
            * math.sin(2 * math.pi * frequency * index / SAMPLE_RATE)
        )
        for index in range(count)
    ]
