"""Shared fixtures: one book build, a static server on 127.0.0.1, headless Chromium, a JupyterLab.

Environment knobs (for development only; `make test` uses none of them):
- BOOK_HTML=<dir>: use an already built `_build/html` instead of building the book here.
- CHROMIUM=<path>: the Chromium binary (default /usr/bin/chromium, else Playwright's own).
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from support.book import BookBuild, build_book, serve_directory  # noqa: E402
from support.browser import BROWSER_ARGS, chromium_path, watch_page  # noqa: E402
from support.lab import LabServer, start_lab  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def book_build() -> BookBuild:
    """The book built once per session with warnings as errors (or BOOK_HTML when given)."""
    given = os.environ.get("BOOK_HTML")
    if given:
        return BookBuild(html=Path(given), returncode=0, log="(BOOK_HTML given: not built here)")
    return build_book(ROOT)


@pytest.fixture(scope="session")
def book_html(book_build: BookBuild) -> Path:
    if book_build.returncode != 0:
        pytest.fail(f"the book did not build:\n{book_build.log[-4000:]}")
    return book_build.html


@pytest.fixture(scope="session")
def book_url(book_html: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built book served on 127.0.0.1."""
    with serve_directory(book_html) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=BROWSER_ARGS)
        yield browser
        browser.close()


def _new_page(browser, **context_args):
    context = browser.new_context(accept_downloads=True, **context_args)
    page = context.new_page()
    watch_page(page)
    return context, page


@pytest.fixture
def page(browser):
    """A fresh desktop page; requests to any host but 127.0.0.1 are blocked and recorded.

    `page.cw.console_errors`, `page.cw.failed_requests`, `page.cw.external_requests` and
    `page.cw.bytes_received` tell what happened; `page.cw.assert_clean()` checks all three.
    """
    context, page = _new_page(browser, viewport={"width": 1280, "height": 900})
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    """A fresh 360 px wide touch page, otherwise like `page`."""
    context, page = _new_page(
        browser,
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield page
    context.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory) -> Iterator[LabServer]:
    """A real JupyterLab on 127.0.0.1 with isolated Jupyter dirs, rooted at a copy of the chapters.

    A copy, as on Binder: Lab writes checkpoints and may re-save what a test opens, and the
    project's sources must come out of a test run untouched.
    """
    workspace = tmp_path_factory.mktemp("workspace")
    shutil.copytree(ROOT / "chapters", workspace / "chapters")
    with start_lab(workspace, tmp_path_factory.mktemp("jupyter")) as server:
        yield server
