"""The quiz's UI strings (strings.yml), checked on load by the rules every widget's strings follow."""

from __future__ import annotations

from pathlib import Path

from .. import strings as ui_strings
from ..strings import StringsError

STRINGS_FILE = Path(__file__).with_name("strings.yml")

__all__ = ["STRINGS_FILE", "StringsError", "check_strings", "load_strings"]


def check_strings(table: object, file: str | Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    return ui_strings.check_strings(table, file)


def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, str]]:
    return ui_strings.load_strings(path)
