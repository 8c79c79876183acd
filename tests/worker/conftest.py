from __future__ import annotations

from tests.generate.conftest import sandbox_clock

__all__ = ["sandbox_clock"]
