"""How many examples each property gets: a bounded number in CI, many more in `make fuzz`."""

from __future__ import annotations

import os

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
FUZZ_FACTOR = 40


def examples(in_ci: int) -> int:
    """`in_ci` examples under the CI profile, FUZZ_FACTOR times more under `make fuzz`."""
    return in_ci * FUZZ_FACTOR if PROFILE == "fuzz" else in_ci
