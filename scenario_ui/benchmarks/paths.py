"""Where the benchmarks' files are: the vendored anchor harness, and a git-ignored work folder."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import scenario_ui

PROJECT_DIR: Final = Path(scenario_ui.__file__).resolve().parent.parent
# The RJSF anchor harness and the bench's own browser scripts, in the repository.
BROWSER_BENCH_DIR: Final = PROJECT_DIR / "bench" / "browser"
ANCHOR_DIR: Final = BROWSER_BENCH_DIR / "rjsf"
# Git-ignored: the bench database, server logs and results.
WORK_DIR: Final = PROJECT_DIR / ".bench"
