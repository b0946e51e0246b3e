"""Build the book once and serve it on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class BookBuild:
    html: Path
    returncode: int
    log: str

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if "WARNING" in line and ": WARNING:" in line
                or line.startswith("WARNING:")]


def jupyter_book_command() -> list[str]:
    return [str(Path(sys.executable).with_name("jupyter-book"))]


def build_book(root: Path, output: Path | None = None) -> BookBuild:
    """`jupyter-book build -W -n --keep-going`: any warning or failing cell fails the build."""
    args = jupyter_book_command() + ["build", str(root), "-W", "-n", "--keep-going"]
    if output is not None:
        args += ["--path-output", str(output)]
    done = subprocess.run(args, capture_output=True, text=True, cwd=root)
    html = (output or root) / "_build" / "html"
    return BookBuild(html=html, returncode=done.returncode, log=done.stdout + done.stderr)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_directory(directory: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
