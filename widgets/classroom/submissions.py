"""Students' results files read by the quiz package, kept with the name of the file they came from.

Reading only checks that a file is a well-formed results file; whether it fits the bank is the
grader's question. Every problem is a `SubmissionError` whose message is shown to the instructor.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.quiz.results import ResultsError, read_results


class SubmissionError(ValueError):
    """A results file that cannot be read; the message says why, for the instructor."""


@dataclass(frozen=True)
class Submission:
    file: str
    bank: str
    bank_version: int
    language: str
    section: str
    mode: str
    student: str
    timestamp: str
    answers: dict[str, Any]
    # Question ids the file names, answered or not (a CSV lists unanswered questions too).
    mentioned: tuple[str, ...] = ()


def read_submission(path: Path) -> Submission:
    """One results file (.json or .csv); the scores it claims are ignored, the CLI regrades."""
    try:
        results = read_results(path)
    except ResultsError as error:
        raise SubmissionError(error.reason) from None
    return Submission(
        file=path.name,
        bank=results.bank,
        bank_version=results.bank_version,
        language=results.language,
        section=results.section,
        mode=results.mode,
        student=results.student,
        timestamp=results.timestamp,
        answers=dict(results.answers),
        mentioned=tuple(results.questions),
    )
