"""CSV outputs of grading: one row per student, one per question, one per skipped file.

Column names are stable English identifiers so spreadsheets and scripts can rely on them.
"""

from __future__ import annotations

import csv
from pathlib import Path

from .grading import ClassResults

STUDENT_COLUMNS = [
    "student",
    "file",
    "section",
    "language",
    "mode",
    "timestamp",
    "score",
    "max_score",
    "percent",
]
QUESTION_COLUMNS = [
    "question_id",
    "type",
    "topic",
    "prompt",
    "attempts",
    "answered",
    "correct",
    "share_correct",
    "mean_points",
    "misconception",
    "misconception_text",
    "misconception_count",
    "reread",
]


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def write_students(results: ClassResults, path: Path) -> None:
    """Per student: submission, score, points of every question (blank where not asked)."""
    asked = {qid for g in results.graded for qid in g.points}
    qids = [qid for qid in results.bank.questions if qid in asked]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(STUDENT_COLUMNS + [f"points:{qid}" for qid in qids])
        for g in sorted(results.graded, key=lambda g: (g.student.casefold(), g.submission.section)):
            s = g.submission
            percent = 100 * g.score / g.max_score if g.max_score else 0.0
            row = [
                g.student,
                s.file,
                s.section,
                s.language,
                s.mode,
                s.timestamp,
                _number(g.score),
                g.max_score,
                _number(percent),
            ]
            row += [_number(g.points[qid]) if qid in g.points else "" for qid in qids]
            writer.writerow(row)


def write_questions(results: ClassResults, path: Path) -> None:
    """Per question: how many got it fully right, mean points, the most chosen wrong answer."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(QUESTION_COLUMNS)
        for st in results.questions:
            q, m = st.question, st.misconception
            writer.writerow(
                [
                    q.id,
                    q.type,
                    q.topic,
                    q.prompt,
                    st.attempts,
                    st.answered,
                    st.correct,
                    _number(st.share_correct),
                    _number(st.mean_points),
                    m.key if m else "",
                    m.text if m else "",
                    m.count if m else 0,
                    q.reread,
                ]
            )


def write_skipped(results: ClassResults, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "reason"])
        for s in results.skipped:
            writer.writerow([s.file, s.reason])
