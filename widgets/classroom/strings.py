"""The classroom tools' texts per language (strings.yml), checked on load like every widget's strings."""

from __future__ import annotations

from pathlib import Path

from ..strings import load_strings

STRINGS_FILE = Path(__file__).with_name("strings.yml")
FALLBACK = "en"


def texts(language: str) -> dict[str, str]:
    """All texts in `language`, or in English when the language has none."""
    table = load_strings(STRINGS_FILE)
    return table.get(language, table[FALLBACK])
