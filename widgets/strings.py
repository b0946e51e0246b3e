"""UI strings as data: one YAML file per widget (or tool), checked on load for every language.

Every language has the same keys and the same {placeholders} as the reference language, and no
text is empty, so a missing translation fails the build instead of showing a raw key to a student.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

UI_LANGUAGES = ("pl", "sv", "en")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class StringsError(ValueError):
    """A strings file is incomplete or inconsistent."""


def check_strings(
    table: object, file: str | Path, languages: tuple[str, ...] = UI_LANGUAGES, reference: str = "en"
) -> dict[str, dict[str, str]]:
    """The table, if every language has the reference's keys and placeholders; else StringsError."""
    if not isinstance(table, dict):
        raise StringsError(f"{file}: expected a mapping of languages")
    missing = [lang for lang in languages if not isinstance(table.get(lang), dict)]
    if missing:
        raise StringsError(f"{file}: no strings for {', '.join(missing)}")
    # YAML reads keys such as `true:` as booleans; strings are looked up by name.
    checked = {
        lang: {str(k).lower() if isinstance(k, bool) else str(k): v for k, v in table[lang].items()}
        for lang in languages
    }
    base = checked[reference]
    for lang in languages:
        strings = checked[lang]
        for key in sorted(set(base) ^ set(strings)):
            where = lang if key not in strings else reference
            raise StringsError(f"{file}: key '{key}' is missing in {where}")
        for key, text in strings.items():
            if not isinstance(text, str) or not text.strip():
                raise StringsError(f"{file}: {lang}.{key} is empty")
            if set(_PLACEHOLDER.findall(text)) != set(_PLACEHOLDER.findall(base[key])):
                raise StringsError(f"{file}: {lang}.{key} has other {{placeholders}} than {reference}")
    return checked


@cache
def load_strings(
    path: Path, languages: tuple[str, ...] = UI_LANGUAGES, reference: str = "en"
) -> dict[str, dict[str, str]]:
    """Read and check a strings file once per process."""
    return check_strings(yaml.safe_load(Path(path).read_text(encoding="utf-8")), path, languages, reference)
