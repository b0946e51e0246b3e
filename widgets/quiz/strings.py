"""The quiz's UI strings (strings.yml), checked on load: every language has the same keys and the
same {placeholders}, so a missing translation fails the build instead of showing a raw key."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

STRINGS_FILE = Path(__file__).with_name("strings.yml")
UI_LANGUAGES = ("pl", "sv", "en")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class StringsError(ValueError):
    """strings.yml is incomplete or inconsistent."""


def check_strings(table: dict, file: str | Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    """Return the table if every language has the same keys and placeholders, else raise."""
    if not isinstance(table, dict):
        raise StringsError(f"{file}: expected a mapping of languages")
    missing = [lang for lang in UI_LANGUAGES if not isinstance(table.get(lang), dict)]
    if missing:
        raise StringsError(f"{file}: no strings for {', '.join(missing)}")
    reference = table["en"]
    for lang in UI_LANGUAGES:
        strings = table[lang]
        for key in sorted(set(reference) ^ set(strings)):
            where = lang if key not in strings else "en"
            raise StringsError(f"{file}: key '{key}' is missing in {where}")
        for key, text in strings.items():
            if not isinstance(text, str) or not text.strip():
                raise StringsError(f"{file}: {lang}.{key} is empty")
            if set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(reference[key])):
                raise StringsError(f"{file}: {lang}.{key} has other {{placeholders}} than en")
    return {lang: dict(table[lang]) for lang in UI_LANGUAGES}


@cache
def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    return check_strings(yaml.safe_load(path.read_text(encoding="utf-8")), path)
