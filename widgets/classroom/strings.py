"""The classroom tools' texts per language, loaded once from strings.yml and checked for parity."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml

FALLBACK = "en"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    # YAML reads the keys `true:`/`false:` as booleans; the texts are looked up by name.
    raw = yaml.safe_load((resources.files(__package__) / "strings.yml").read_text(encoding="utf-8"))
    table = {
        lang: {str(k).lower(): str(v) for k, v in texts.items()} for lang, texts in raw.items()
    }
    keys = set(table[FALLBACK])
    for lang, texts in table.items():
        if set(texts) != keys:
            raise ValueError(f"strings.yml: {lang} differs in keys {sorted(set(texts) ^ keys)}")
    return table


def texts(language: str) -> dict[str, str]:
    """All texts in `language`, or in English when the language has none."""
    table = _table()
    return table.get(language, table[FALLBACK])
