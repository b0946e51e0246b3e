"""Re-execute the chapters when the code or data they load changes, not only their own cells.

jupyter-cache keys a notebook on its code cells. A chapter's one-line `Quiz.from_bank(...)` does
not change when quiz.js, a bank or the simulator model does, so its cached output (which embeds the
widget's JavaScript and data) would go stale. A hash of those sources decides: when it differs from
the last successful build, the execution cache is dropped and every notebook is read again.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

WIDGETS_DIR = Path(__file__).resolve().parent.parent
SOURCE_SUFFIXES = {".py", ".js", ".css", ".yml", ".yaml", ".json"}
STAMP_NAME = ".widget-sources.sha256"


def sources_digest(srcdir: Path) -> str:
    """Digest of everything a chapter's cells load: the widgets package and the chapters' data."""
    digest = hashlib.sha256()
    files = [p for p in WIDGETS_DIR.rglob("*") if p.suffix in SOURCE_SUFFIXES]
    files += [p for p in (srcdir / "chapters").rglob("*") if p.suffix in {".yml", ".yaml", ".json"}]
    for path in sorted(p for p in files if "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(path.anchor)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _build_dir(app: Sphinx) -> Path:
    return Path(app.outdir).parent


def _check(app: Sphinx, config: Any) -> None:
    stamp = _build_dir(app) / STAMP_NAME
    current = sources_digest(Path(app.srcdir))
    app._course_sources_digest = current  # type: ignore[attr-defined]
    previous = stamp.read_text().strip() if stamp.exists() else None
    app._course_sources_changed = previous is not None and previous != current  # type: ignore[attr-defined]
    if app._course_sources_changed:  # type: ignore[attr-defined]
        cache = Path(config.nb_execution_cache_path or _build_dir(app) / ".jupyter_cache")
        logger.info("[course] widget sources changed: re-executing every chapter")
        shutil.rmtree(cache, ignore_errors=True)


def _outdated(app: Sphinx, env: Any, added: set, changed: set, removed: set) -> list[str]:
    if getattr(app, "_course_sources_changed", False):
        return sorted(env.found_docs - added - changed)
    return []


def _stamp(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.statuscode == 0:
        stamp = _build_dir(app) / STAMP_NAME
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.write_text(app._course_sources_digest)  # type: ignore[attr-defined]


def setup(app: Sphinx) -> None:
    app.connect("config-inited", _check, priority=100)
    app.connect("env-get-outdated", _outdated)
    app.connect("build-finished", _stamp)
