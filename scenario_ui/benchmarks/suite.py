"""The figures `make bench` prints, each measured side by side with what it is compared to.

Targets (issue 12): the 200-input form in at most 0.15x the time of Django's
own `forms.Form` with the same fields, in the same run; the FLUX-like form in
at most 1.5 ms; a live update in at most 0.5 ms (median) and 1.5 KB gzipped.
Page and asset sizes are printed for the browser bench's size targets.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders

from scenario_ui.benchmarks.django_form import django_form_class
from scenario_ui.benchmarks.generated import generated_definition
from scenario_ui.benchmarks.measure import line, median_ms, side_by_side_ms
from scenario_ui.benchmarks.server import (
    FLUX_FILE,
    SYNTHETIC_FILE,
    Pages,
    answer_of,
    first_view,
    live_post,
    read_record,
    records_in_cache,
    render_form,
)
from scenario_ui.generate.form_page import load_definition
from scenario_ui.schema import parse_definition

# The synthetic record's measured rule: choosing "opt2" in sel16 makes cond16a required.
CONDITIONAL_CHANGE = ("sel16", "opt2")


def run_bench(runs: int) -> list[str]:
    flux_record = read_record(FLUX_FILE)
    synthetic_record = read_record(SYNTHETIC_FILE)
    generated_record = generated_definition()
    lines: list[str] = []
    for name, record in (
        ("flux", flux_record),
        ("synthetic200", synthetic_record),
        ("generated200", generated_record),
    ):
        times = side_by_side_ms(_renders(record), runs)
        lines += [
            line(f"{name}_render_ms_p50", times["ours"]),
            line(f"{name}_django_ms_p50", times["django"]),
            line(f"{name}_vs_django", times["ours"] / times["django"]),
            line(f"{name}_first_view_ms_p50", times["first_view"]),
        ]
    pages = Pages()
    with records_in_cache([flux_record, synthetic_record]):
        lines += _pages(pages, runs, flux_record["id"], synthetic_record["id"])
    return lines


def _renders(record: dict[str, Any]) -> dict[str, Callable[[], object]]:
    """Our first render, Django's form with the same fields, and a new version's first view."""
    definition = parse_definition(record)
    django_form = django_form_class(definition)
    return {
        "ours": lambda: render_form(definition),
        "django": lambda: str(django_form()),
        "first_view": lambda: first_view(record),
    }


def _pages(pages: Pages, runs: int, flux_id: str, synthetic_id: str) -> list[str]:
    flux = load_definition(flux_id)
    synthetic = load_definition(synthetic_id)
    typed, typed_by = live_post(flux)
    chosen, _ = live_post(synthetic)
    chosen[CONDITIONAL_CHANGE[0]] = [CONDITIONAL_CHANGE[1]]
    visit = pages.model_page(flux_id)
    flux_page = answer_of(visit())
    synthetic_page = answer_of(pages.model_page(synthetic_id)())
    typing = pages.live_update(flux_id, typed, typed_by)
    choosing = pages.live_update(synthetic_id, chosen, CONDITIONAL_CHANGE[0])
    live = answer_of(typing())
    conditional = answer_of(choosing())
    # Not contenders: each is timed on its own, so one's garbage is not collected in another.
    times = {
        name: median_ms(work, runs)
        for name, work in (("page", visit), ("live", typing), ("conditional", choosing))
    }
    assets = _asset_gzip_bytes(flux_page.body.decode())
    return [
        line("flux_page_ms_p50", times["page"]),
        line("flux_page_bytes", flux_page.raw_bytes),
        line("flux_page_gzip_bytes", flux_page.gzip_bytes),
        line("synthetic200_page_bytes", synthetic_page.raw_bytes),
        line("synthetic200_page_gzip_bytes", synthetic_page.gzip_bytes),
        line("js_css_gzip_bytes", assets),
        line("live_ms_p50", times["live"]),
        line("live_bytes", live.raw_bytes),
        line("live_gzip_bytes", live.gzip_bytes),
        line("synthetic200_live_ms_p50", times["conditional"]),
        line("synthetic200_live_bytes", conditional.raw_bytes),
        line("synthetic200_live_gzip_bytes", conditional.gzip_bytes),
    ]


class _Assets(HTMLParser):
    """The static files a page loads: its scripts and stylesheets."""

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self.prefix = prefix
        self.files: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        url = found.get("src") if tag == "script" else None
        if tag == "link" and found.get("rel") == "stylesheet":
            url = found.get("href")
        if url and url.startswith(self.prefix):
            self.files.append(url.removeprefix(self.prefix))


def _asset_gzip_bytes(page: str) -> int:
    """The page's scripts and stylesheets, each gzipped at level 9 as WhiteNoise stores them."""
    parser = _Assets("/" + settings.STATIC_URL.strip("/") + "/")
    parser.feed(page)
    total = 0
    for name in parser.files:
        found = finders.find(name)
        if not isinstance(found, str):
            raise FileNotFoundError(f"the page loads {name}, which no static finder has")
        total += len(gzip.compress(Path(found).read_bytes(), compresslevel=9, mtime=0))
    return total
