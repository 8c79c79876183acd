from __future__ import annotations

import io
import wave

from scenario_ui.sandbox.outputs.audio import wav_tone
from tests.sandbox.outputs.subjects import SUBJECT


def test_audio_is_a_short_mono_wav() -> None:
    file = wav_tone(SUBJECT)
    assert file.content[:4] == b"RIFF"
    assert file.content[8:12] == b"WAVE"
    assert (file.kind, file.mime_type, file.name) == ("audio", "audio/wav", "output-1.wav")
    assert file.properties == {"duration": 1.2, "sampleRate": 16000, "channels": 1}
    with wave.open(io.BytesIO(file.content)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 16000)
        assert wav.getnframes() == 19200
        samples = wav.readframes(wav.getnframes())
    assert samples[:2] == b"\x00\x00", "fades in from silence"
    assert max(samples) > 0


def test_the_pitch_follows_the_request() -> None:
    other = SUBJECT.__class__(**{**SUBJECT.__dict__, "seed": bytes([5]) + SUBJECT.seed[1:]})
    assert wav_tone(other).content != wav_tone(SUBJECT).content
    assert wav_tone(SUBJECT) == wav_tone(SUBJECT)
