"""Quiz benchmark: how soon a student can click the quiz, and what the quiz page weighs.

Prints figures; asserts nothing. Time is measured in the page, from navigation start to the
moment the first quiz is rendered with enabled controls (median of 10 cold loads from 127.0.0.1).
Weight is the bytes of every response of the quiz page against the text-only glossary page.
Set BOOK_HTML=<_build/html> to measure an existing build; otherwise the book is built first.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from _measure import TEXT_ONLY, built_book, page_weight  # noqa: E402
from support.book import serve_directory  # noqa: E402
from support.browser import BROWSER_ARGS, chromium_path  # noqa: E402

QUIZ_PAGE = "chapters/pl/quiz.html"
LOADS = 10

# Runs before the page's own scripts: note when the first quiz has an enabled control.
READY_PROBE = """
new MutationObserver((_, observer) => {
  const input = document.querySelector('.cwq[data-ready] .cwq-input:not([disabled])');
  if (input && window.__cwqReady === undefined) {
    window.__cwqReady = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, attributes: true });
"""


def time_to_clickable(browser, url: str) -> float:
    context = browser.new_context()  # cold: no cache, no saved answers
    context.add_init_script(READY_PROBE)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("window.__cwqReady !== undefined", timeout=30_000)
    ms = page.evaluate("window.__cwqReady")
    context.close()
    return ms


def measure(html: Path) -> None:
    from playwright.sync_api import sync_playwright

    with serve_directory(html) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        times = [time_to_clickable(browser, url + QUIZ_PAGE) for _ in range(LOADS)]
        quiz_raw, quiz_gz = page_weight(browser, url + QUIZ_PAGE)
        text_raw, text_gz = page_weight(browser, url + TEXT_ONLY)
        browser.close()
    print(
        f"quiz clickable after navigation start: median {statistics.median(times):.0f} ms "
        f"(min {min(times):.0f}, max {max(times):.0f}, {LOADS} cold loads, 127.0.0.1)"
    )
    print(f"{QUIZ_PAGE}: {quiz_raw / 1e6:.2f} MB raw, {quiz_gz / 1e6:.2f} MB gzip")
    print(f"{TEXT_ONLY}: {text_raw / 1e6:.2f} MB raw, {text_gz / 1e6:.2f} MB gzip")
    print(
        f"quiz page / text-only page: {quiz_raw / text_raw:.2f}x raw, "
        f"{quiz_gz / text_gz:.2f}x gzip "
        f"(+{(quiz_raw - text_raw) / 1e3:.0f} kB raw)"
    )


def main() -> None:
    with built_book() as html:
        measure(html)


if __name__ == "__main__":
    main()
