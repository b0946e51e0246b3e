"""Export a quiz bank to an LMS: Moodle XML, GIFT (Moodle) and QTI 1.2 (Canvas).

Every writer returns the notes it has for the instructor: how it converted a question type the
format cannot express as such. No question is ever left out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..quizbank import Bank
from . import gift, moodle, qti

WRITERS: dict[str, Callable[[Bank, list, Path], list[str]]] = {
    "moodle": moodle.write,
    "gift": gift.write,
    "qti": qti.write,
}


def export_bank(bank: Bank, fmt: str, out: Path, section: str | None = None) -> list[str]:
    """Write the bank (or one section) to `out` in `fmt`; return the conversion notes."""
    if section is not None and section not in bank.sections:
        raise KeyError(f"section {section!r} is not in the bank (has: {', '.join(bank.sections)})")
    questions = bank.questions_of(section)
    return WRITERS[fmt](bank, questions, out, section)
