"""The demo login's name and password, with no Django import: the benchmarks run outside
Django and sign in with them."""

from __future__ import annotations

from typing import Final

DEMO_USERNAME: Final = "demo"
DEFAULT_DEMO_PASSWORD: Final = "scenario-demo"
