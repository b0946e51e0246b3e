"""Sphinx extension of the course: offline assets, per-page language, clean script list.

Registered in _config.yml (`sphinx.extra_extensions`). Each job lives in its own module.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import freshness, offline, page_language

STATIC_DIR = offline.STATIC_DIR


def setup(app: Sphinx) -> dict[str, Any]:
    freshness.setup(app)
    offline.setup(app)
    page_language.setup(app)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
