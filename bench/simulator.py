"""Simulator benchmark: chart redraw after an input, Monte Carlo speed, simulator page weight.

Prints figures; asserts nothing. Targets: p95 from a slider's input event to the chart redrawn
under 50 ms; 10,000 runs x 30 days at 1,000,000 followers under 1 s; the simulator page at most
1.5x the weight of a text-only page. Set BOOK_HTML=<_build/html> to reuse a build.
"""

from __future__ import annotations

import math
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from _measure import TEXT_ONLY, built_book, page_weight  # noqa: E402
from support.book import serve_directory  # noqa: E402
from support.browser import BROWSER_ARGS, chromium_path  # noqa: E402

from widgets.simulator import monte_carlo  # noqa: E402
from widgets.simulator.model import effective_probabilities  # noqa: E402
from widgets.simulator.validation import check_params  # noqa: E402

PAGE = "chapters/pl/simulator.html"
MOVES = 200
MC = {"runs": 10_000, "days": 30, "followers": 1_000_000}

# Collects the time from each input event to the chart's redraw, reported by the widget.
COLLECT = """
() => {
  window.__redraws = [];
  document.querySelector('.cws').addEventListener('cws-redrawn', (e) => window.__redraws.push(e.detail.ms));
}
"""


def redraw_times(browser, url: str) -> list[float]:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url + PAGE)
    page.locator(".cws-chart").scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.cws').dataset.redraws >= '1'", timeout=30_000)
    page.evaluate(COLLECT)
    slider = page.locator('.cws input[type="range"][data-param="followers"]')
    for i in range(MOVES):
        count = i + 1
        slider.fill(str(5000 + 100 * i))
        page.wait_for_function(f"window.__redraws.length >= {count}", timeout=10_000)
    times = page.evaluate("window.__redraws")
    page.close()
    return times


def plain_python_runs(runs: int, **params) -> float:
    """The same Monte Carlo process, one run and one person-draw at a time (the baseline)."""
    values = check_params(params)
    p = effective_probabilities(values, [])
    rng = random.Random(0)
    audience, followers = int(values["audience"]), int(min(values["followers"], values["audience"]))
    spread = values["sharer_followers"] * values["share_reach"]
    seen_today = 1 - (1 - p["organic_reach"]) ** values["posts_per_day"]

    def binomial(n: int, q: float) -> int:
        if n * q * (1 - q) > 25:  # normal approximation, or the baseline would take hours
            return max(0, min(n, round(rng.gauss(n * q, math.sqrt(n * q * (1 - q))))))
        return sum(rng.random() < q for _ in range(n))

    def poisson(lam: float) -> int:
        if lam > 25:
            return max(0, round(rng.gauss(lam, math.sqrt(lam))))
        return binomial(int(lam * 4) + 1, lam / (int(lam * 4) + 1))

    start = time.perf_counter()
    for _ in range(runs):
        unseen, reached = followers, 0
        for _day in range(int(values["days"])):
            organic = poisson(values["posts_per_day"] * followers * p["organic_reach"])
            fresh = min(binomial(unseen, seen_today), organic, audience - reached)
            unseen -= fresh
            reached += fresh
            sharers, viral = binomial(organic, p["p_share"]), 0
            for _generation in range(100):
                if sharers == 0:
                    break
                new = binomial(audience - reached, min(1.0, sharers * spread / audience))
                reached += new
                viral += new
                sharers = binomial(new, p["p_share"])
            impressions = organic + viral
            clicks = binomial(impressions, p["p_click"])
            for q in (p["p_like"], p["p_comment"], p["p_share"]):
                binomial(impressions, q)
            binomial(clicks, p["conversion"])
    return time.perf_counter() - start


def main() -> None:
    start = time.perf_counter()
    monte_carlo(seed=1, **MC)
    numpy_s = time.perf_counter() - start
    sample = 200
    per_run = plain_python_runs(sample, days=MC["days"], followers=MC["followers"]) / sample
    print(f"monte_carlo 10,000 runs x 30 days x 1,000,000 followers: {numpy_s:.2f} s (target < 1 s)")
    baseline_s = per_run * MC["runs"]
    print(f"plain-Python loop of the same model: {per_run * 1e3:.2f} ms per run -> "
          f"{baseline_s:.1f} s for 10,000 runs (numpy is {baseline_s / numpy_s:.0f}x faster)")

    from playwright.sync_api import sync_playwright

    with built_book() as html, serve_directory(html) as url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        times = sorted(redraw_times(browser, url))
        first_raw, first_gz = page_weight(browser, url + PAGE, scroll=False)
        full_raw, full_gz = page_weight(browser, url + PAGE, scroll=True)
        text_raw, text_gz = page_weight(browser, url + TEXT_ONLY)
        browser.close()
    p95 = times[math.ceil(0.95 * len(times)) - 1]
    print(f"slider input -> chart redrawn, {len(times)} moves in headless Chromium: "
          f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms (target p95 < 50 ms)")
    print(f"text-only page ({TEXT_ONLY}): {text_raw / 1e6:.2f} MB raw, {text_gz / 1e6:.2f} MB gzip")
    print(f"{PAGE} as opened (chart not yet in view): {first_raw / 1e6:.2f} MB raw "
          f"({first_raw / text_raw:.2f}x), {first_gz / 1e6:.2f} MB gzip ({first_gz / text_gz:.2f}x)")
    print(f"{PAGE} scrolled through (plotly.js loaded): {full_raw / 1e6:.2f} MB raw "
          f"({full_raw / text_raw:.3f}x), {full_gz / 1e6:.2f} MB gzip ({full_gz / text_gz:.3f}x) "
          "(target <= 1.5x)")


if __name__ == "__main__":
    main()
