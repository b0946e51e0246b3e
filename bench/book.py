"""Book benchmark: clean build time, no-change rebuild time, page weights.

Prints figures; asserts nothing (targets are judged by a person reading them, not by a flaky timer).
Targets: clean build < 60 s on 2 cores; no-change rebuild < 5 s; a chapter page at most 1.5x the
weight of a text-only page of the same theme (the glossary page).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from _measure import TEXT_ONLY, page_weight  # noqa: E402
from support.book import build_book, serve_directory  # noqa: E402
from support.browser import BROWSER_ARGS, chromium_path  # noqa: E402
from test_build import toc_files  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        clean = build_book(ROOT, Path(tmp))
        clean_s = time.perf_counter() - start
        if clean.returncode != 0:
            print(clean.log[-3000:])
            raise SystemExit("build failed")
        start = time.perf_counter()
        build_book(ROOT, Path(tmp))
        rebuild_s = time.perf_counter() - start
        print(f"clean build: {clean_s:.1f} s (target < 60 s)")
        print(f"no-change rebuild: {rebuild_s:.1f} s (target < 5 s)")

        from playwright.sync_api import sync_playwright

        with serve_directory(clean.html) as url, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
            weights = {f"{name}.html": page_weight(browser, url + f"{name}.html")
                       for name in toc_files()}
            browser.close()
    base_raw, base_gz = weights[TEXT_ONLY]
    print(f"text-only page ({TEXT_ONLY}): {base_raw / 1e6:.2f} MB raw, {base_gz / 1e6:.2f} MB gzip")
    for name, (raw, gz) in sorted(weights.items(), key=lambda kv: -kv[1][0]):
        print(f"  {name:32s} {raw / 1e6:6.2f} MB raw ({raw / base_raw:4.2f}x)  "
              f"{gz / 1e6:5.2f} MB gzip ({gz / base_gz:4.2f}x)")
    chapters = {k: v for k, v in weights.items() if k.startswith("chapters/")}
    heaviest = max(chapters, key=lambda k: chapters[k][0])
    raw, gz = chapters[heaviest]
    print(f"landing page: {weights['intro.html'][0] / 1e6:.2f} MB raw")
    print(f"heaviest chapter page: {heaviest} {raw / 1e6:.2f} MB raw = {raw / base_raw:.2f}x "
          f"text-only (target <= 1.5x); gzip {gz / base_gz:.2f}x")


if __name__ == "__main__":
    main()
