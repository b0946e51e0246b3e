"""Shared by the benchmark scripts: a built book to measure and the weight of a page."""

from __future__ import annotations

import gzip
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from support.book import build_book  # noqa: E402

TEXT_ONLY = "chapters/pl/glossary.html"


@contextmanager
def built_book() -> Iterator[Path]:
    """BOOK_HTML when given (an existing `_build/html`), else a fresh build in a temporary folder."""
    given = os.environ.get("BOOK_HTML")
    if given:
        yield Path(given)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build = build_book(ROOT, Path(tmp))
        if build.returncode != 0:
            print(build.log[-3000:])
            raise SystemExit("build failed")
        yield build.html


def page_weight(browser, url: str, scroll: bool = True) -> tuple[int, int]:
    """Bytes of every response the page loads (raw, and as gzip would send them).

    With `scroll`, the page is scrolled to the end first, so assets that widgets load lazily
    (plotly.js when a chart comes into view) are counted too: the worst case a reader meets.
    """
    context = browser.new_context()  # cold: nothing cached
    page = context.new_page()
    bodies: list[bytes] = []

    def on_response(response) -> None:
        if response.url.startswith(("blob:", "data:")):  # made in the page, not sent over a network
            return
        try:
            bodies.append(response.body())
        except Exception:  # noqa: BLE001 - redirects have no body
            pass

    page.on("response", on_response)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if scroll:
        for _ in range(20):
            page.mouse.wheel(0, 1500)
            page.wait_for_timeout(100)
        page.wait_for_timeout(1000)
        page.wait_for_load_state("networkidle")
    context.close()
    return sum(map(len, bodies)), sum(len(gzip.compress(b, 6)) for b in bodies)
