"""`make bench-browser`: our model page against the RJSF anchor, side by side, in one run.

Both pages render the same two definitions (the FLUX.1 record and the 200-input synthetic
one). For each definition: warm-up runs (discarded), then N runs alternating ours and
RJSF, every run in a fresh Chromium with the same probe. Ours is the real model page
served in the production shape (see `production`); the anchor is its Vite build served
by WhiteNoise from gunicorn too. Prints, per definition, each metric's median and range
for both pages and the ratio, and writes every sample to .bench/bench-browser.json.

Usage: python -m scenario_ui.benchmarks.browser [--runs 10] [--warmup 1] [--steady 5]
    [--defs flux,synthetic-200] [--server-command CMD] [--port P] [--anchor-port P]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Final

from playwright._impl._api_structures import SetCookieParam
from playwright.sync_api import Playwright, sync_playwright

from scenario_ui.accounts.demo_names import DEMO_USERNAME
from scenario_ui.benchmarks.browser_run import AnchorPage, OurPage, PageKind, measure_run
from scenario_ui.benchmarks.chromium import VIEWPORT, chromium_version, cookie_header, sign_in
from scenario_ui.benchmarks.definitions import DEFINITIONS, BenchDefinition, pick
from scenario_ui.benchmarks.options import add_server_options, not_negative, positive
from scenario_ui.benchmarks.paths import ANCHOR_DIR, PROJECT_DIR, WORK_DIR
from scenario_ui.benchmarks.production import (
    DEMO_PASSWORD,
    ServerError,
    free_port,
    production_server,
    running_server,
    warm_up,
)
from scenario_ui.benchmarks.summary import KIB, MIB, Metric, RunSamples, compare, table

ANCHOR_DIST: Final = ANCHOR_DIR / "dist"
ANCHOR_SERVER: Final = (
    f"{sys.executable} -m gunicorn --workers 2 --bind 127.0.0.1:{{port}} --no-control-socket "
    f"'scenario_ui.benchmarks.static_site:site(\"{ANCHOR_DIST}\")'"
)
RESULTS: Final = WORK_DIR / "bench-browser.json"
OURS: Final = OurPage()
ANCHOR: Final = AnchorPage()
METRICS: Final = (
    Metric("usable_ms", "time to a usable form (whole form interactive, + frame)", "ms", 0.33),
    Metric("first_byte_ms", "  of which: first byte of the page (server answer)", "ms"),
    Metric("parsed_ms", "  of which: HTML parsed (domInteractive)", "ms"),
    Metric("scripts_ms", "  of which: deferred scripts run (DOMContentLoaded end)", "ms"),
    Metric("first_control_ms", "  first control enabled, + frame (probe.js)", "ms"),
    Metric("conditional_ms", "select sel16=opt2 -> cond16a required marker, + frame", "ms", 0.5),
    Metric("conditional_warm_ms", "  the same, third change (warm)", "ms"),
    Metric("key_first_ms", "first keystroke -> handled, + frame", "ms"),
    Metric("key_steady_ms", "next keystrokes -> handled, + frame", "ms"),
    Metric("verdict_ms", "keystroke -> validation state shown, + frame", "ms"),
    Metric("heap_bytes", "JS heap used after load", "MiB", 0.5, scale=MIB, digits=2),
    Metric("heap_after_gc_bytes", "  after a forced GC", "MiB", scale=MIB, digits=2),
    Metric("js_css_gzip_bytes", "JS+CSS, gzip -9", "KiB", 0.15, scale=KIB),
    Metric("page_transfer_bytes", "whole page as served (all transfers)", "KiB", 0.2, scale=KIB),
    Metric("document_transfer_bytes", "  HTML document as served", "KiB", scale=KIB),
    Metric("dom_elements", "DOM elements", "", digits=0),
    Metric("form_controls", "form controls", "", digits=0),
)
NOTES: Final = (
    "Times are from the page's performance.now(): navigation start for the load, the key's "
    "keydown or the select's input event otherwise; '+ frame' = until after the next frame. "
    "Our validation state comes back from the server (after the form's 400 ms typing pause); "
    "RJSF validates in the browser as the key is handled. Ratios are ours/RJSF: below 1 is "
    "better for us; 'target' is issue 12's.",
)


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if not (ANCHOR_DIST / "index.html").exists():
        print(f"{ANCHOR_DIST} is missing: `make bench-browser` builds it.", file=sys.stderr)
        return 2
    try:
        with ExitStack() as servers:
            ours = servers.enter_context(
                production_server(
                    options.server_command,
                    port=options.port,
                    database_url=options.database_url,
                    name="bench-browser-ours",
                )
            )
            _compress(ANCHOR_DIST)
            anchor = servers.enter_context(
                running_server(
                    ANCHOR_SERVER,
                    port=options.anchor_port or free_port(),
                    environment=dict(os.environ),
                    name="bench-browser-anchor",
                    ready_path="/",
                )
            )
            lines = _run(options, ours_url=ours.url, anchor_url=anchor.url)
    except ServerError as error:
        print(f"bench-browser: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bench-browser", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--runs", type=positive, default=10, help="measured runs per page")
    parser.add_argument("--warmup", type=not_negative, default=1, help="discarded runs first")
    parser.add_argument(
        "--steady", type=not_negative, default=5, help="keystrokes after the first, per run"
    )
    parser.add_argument(
        "--defs",
        type=_definitions,
        default=list(DEFINITIONS),
        help=f"comma-separated, of: {', '.join(d.key for d in DEFINITIONS)}",
    )
    add_server_options(parser)
    parser.add_argument("--anchor-port", type=int, default=0, help="the anchor's (0: a free one)")
    return parser


def _run(options: argparse.Namespace, *, ours_url: str, anchor_url: str) -> list[str]:
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    load_before = os.getloadavg()[0]
    results: dict[str, dict[str, list[RunSamples]]] = {}
    lines: list[str] = []
    code_sizes: dict[str, int] = {}
    with sync_playwright() as playwright:
        cookies = sign_in(
            playwright, base_url=ours_url, username=DEMO_USERNAME, password=DEMO_PASSWORD
        )
        header = cookie_header(cookies)
        for definition in options.defs:
            for kind, url in ((OURS, ours_url), (ANCHOR, anchor_url)):
                warm_up(url + kind.path(definition), cookie_header=header)
            runs = _alternate(
                playwright,
                definition,
                options,
                cookies=cookies,
                urls={OURS.name: ours_url, ANCHOR.name: anchor_url},
                code_sizes=code_sizes,
            )
            results[definition.key] = runs
            lines += [
                "",
                f"{definition.key} ({definition.input_count} inputs, {definition.model_id}): "
                f"median [min..max] of {options.runs} runs per page",
                *table(
                    compare(METRICS, runs[OURS.name], runs[ANCHOR.name]),
                    ours_name=OURS.name,
                    theirs_name=ANCHOR.name,
                ),
            ]
    _save(options, results, started=started)
    return [
        *_header(options, started=started, load_before=load_before),
        *lines,
        "",
        *NOTES,
        f"Every sample: {RESULTS.relative_to(PROJECT_DIR)}",
    ]


def _alternate(
    playwright: Playwright,
    definition: BenchDefinition,
    options: argparse.Namespace,
    *,
    cookies: list[SetCookieParam],
    urls: dict[str, str],
    code_sizes: dict[str, int],
) -> dict[str, list[RunSamples]]:
    """Warm-up runs, then measured ones; within each, ours then RJSF, so drift hits both."""
    runs: dict[str, list[RunSamples]] = {OURS.name: [], ANCHOR.name: []}
    kinds: tuple[PageKind, ...] = (OURS, ANCHOR)
    for index in range(options.warmup + options.runs):
        for kind in kinds:
            samples = measure_run(
                playwright,
                kind=kind,
                base_url=urls[kind.name],
                definition=definition,
                cookies=cookies,
                steady_keys=options.steady,
                code_sizes=code_sizes,
            )
            measured = index >= options.warmup
            if measured:
                runs[kind.name].append(samples)
            label = f"run {index - options.warmup + 1}" if measured else "warm-up"
            print(f"{definition.key} {label} {kind.name}: {_progress(samples)}", flush=True)
    return runs


def _progress(samples: RunSamples) -> str:
    shown = [("usable", "usable_ms"), ("select->marker", "conditional_ms")]
    parts = [f"{name} {samples[key][0]:.0f} ms" for name, key in shown if samples.get(key)]
    return ", ".join([*parts, f"heap {samples['heap_bytes'][0] / MIB:.2f} MiB"])


def _header(options: argparse.Namespace, *, started: str, load_before: float) -> list[str]:
    return [
        "",
        "Browser benchmark: our model page against the RJSF anchor (react-jsonschema-form "
        "6.11, React 19, liveValidate), same definitions, same probe, one run.",
        f"{chromium_version()}, headless, {VIEWPORT['width']}x{VIEWPORT['height']}; "
        f"{options.runs} runs per page and definition after {options.warmup} warm-up, "
        "alternating ours and RJSF, a fresh Chromium each run.",
        "Ours: the real /models/<id>/ page of the sandbox model, in the production shape "
        f"({options.server_command}; DEBUG=false, WhiteNoise, compressed static). "
        "RJSF: its Vite build served by WhiteNoise from gunicorn.",
        f"Started {started}; load average {load_before:.2f} then {os.getloadavg()[0]:.2f}: "
        f"the browser, both servers and anything else running share this {os.cpu_count()}-CPU "
        "machine. Compare within this run only.",
    ]


def _save(
    options: argparse.Namespace, results: dict[str, dict[str, list[RunSamples]]], *, started: str
) -> None:
    WORK_DIR.mkdir(exist_ok=True)
    document = {
        "started": started,
        "runs": options.runs,
        "warmup": options.warmup,
        "steady_keystrokes": options.steady,
        "server_command": options.server_command,
        "chromium": chromium_version(),
        "definitions": results,
    }
    RESULTS.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")


def _compress(root: Path) -> None:
    """Pre-compress the anchor's build the way collectstatic compresses ours (WhiteNoise)."""
    subprocess.run(
        [sys.executable, "-m", "whitenoise.compress", "--quiet", str(root)],
        check=True,
        capture_output=True,
    )


def _definitions(text: str) -> list[BenchDefinition]:
    try:
        return pick(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


if __name__ == "__main__":
    sys.exit(main())
