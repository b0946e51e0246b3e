"""Headless Chromium as a student's browser with no internet: what failed, what left the machine."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

LOCAL_PREFIXES = ("http://127.0.0.1", "http://localhost", "blob:", "data:", "about:", "file:")


def chromium_path() -> str | None:
    """Debian's Chromium where present; None lets Playwright use its own downloaded browser."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@dataclass
class PageRecord:
    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    bytes_received: int = 0

    def assert_clean(self) -> None:
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.failed_requests, f"failed requests: {self.failed_requests}"
        assert not self.external_requests, f"requests to other hosts: {self.external_requests}"


def watch_page(page) -> PageRecord:
    """Block and record every request that would leave the machine; record errors and bytes."""
    record = PageRecord()
    page.cw = record

    def on_console(message) -> None:
        if message.type == "error":
            where = (message.location or {}).get("url", "")
            record.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_route(route) -> None:
        url = route.request.url
        if url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            record.external_requests.append(url)
            route.abort()

    def on_response(response) -> None:
        if response.status >= 400:
            record.failed_requests.append(f"{response.status} {response.url}")
        try:
            record.bytes_received += len(response.body())
        except Exception:  # noqa: BLE001 - redirects and aborted bodies have no length
            pass

    def on_failed(request) -> None:
        if request.url.startswith(LOCAL_PREFIXES) and not request.url.startswith("blob:"):
            record.failed_requests.append(f"{request.failure} {request.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console_errors.append(f"pageerror: {error}"))
    page.on("response", on_response)
    page.on("requestfailed", on_failed)
    page.context.route("**/*", on_route)
    return record


def axe_violations(page, selector: str | None = None) -> list[dict]:
    """axe-core violations on the page, or only inside `selector` (e.g. a widget)."""
    from axe_playwright_python.sync_playwright import Axe

    # axe's CSSOM preload re-fetches @import-ed stylesheets relative to the page, not the
    # stylesheet (a 404 for chapters/basic.css that no user would ever cause): switch it off.
    options = {"preload": False}
    results = Axe().run(page, context=selector, options=options) if selector else Axe().run(page)
    return results.response["violations"]
