"""Timing on a noisy shared machine: warm up, alternate the contenders, keep medians."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Mapping

# Enough to fill the template caches and let the interpreter settle.
WARM_UP_RUNS = 10


def median_ms(work: Callable[[], object], runs: int) -> float:
    return side_by_side_ms({"work": work}, runs)["work"]


def side_by_side_ms(works: Mapping[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median milliseconds of each work, run in turn (the lead rotating) so drift hits all."""
    for work in works.values():
        for _ in range(WARM_UP_RUNS):
            work()
    names = list(works)
    samples: dict[str, list[int]] = {name: [] for name in names}
    for run in range(runs):
        for offset in range(len(names)):
            name = names[(run + offset) % len(names)]
            work = works[name]
            start = time.perf_counter_ns()
            work()
            samples[name].append(time.perf_counter_ns() - start)
        # A collection inside someone's sample would be charged to whoever ran then.
        gc.collect(1)
    return {name: statistics.median(values) / 1_000_000 for name, values in samples.items()}


def line(name: str, value: float | int) -> str:
    """`<name> <value>`: milliseconds with two decimals, ratios with three, counts whole."""
    if isinstance(value, int):
        return f"{name} {value}"
    if name.endswith("_ms_p50"):
        return f"{name} {value:.2f}"
    return f"{name} {value:.3f}"
