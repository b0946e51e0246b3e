"""Students' results files ("Download my results"), JSON or CSV, as described in BANK_FORMAT.md.

``read_results(path) -> Results`` reads either form into the same record; the file type is told by
the extension. A malformed file raises ``ResultsError`` naming the file and what is wrong.
``Results.to_json()`` / ``Results.to_csv()`` write the forms the widget downloads.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

RESULTS_FORMAT = "social-commerce-quiz-results/1"
CSV_COLUMNS = (
    "bank",
    "bank_version",
    "language",
    "section",
    "mode",
    "student",
    "timestamp",
    "question_id",
    "answer",
    "points",
)


class ResultsError(ValueError):
    """A results file that cannot be read."""

    def __init__(self, file: str | Path, reason: str) -> None:
        self.file = str(file)
        self.reason = reason
        super().__init__(f"{file}: {reason}")


@dataclass(frozen=True)
class Results:
    bank: str
    bank_version: int
    language: str
    section: str
    mode: str
    student: str
    timestamp: str
    score: float | None
    max_score: int | None
    answers: dict[str, Any] = field(default_factory=dict)
    # None when the page could not know (exam mode); a CSV gives one entry per listed question.
    points: dict[str, float] | None = None
    questions: tuple[str, ...] = ()  # question ids in file order (a CSV lists unanswered ones too)
    # The name of the file it was read from: not content, so two copies of one file compare equal.
    file: str = field(default="", compare=False)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": RESULTS_FORMAT,
                "bank": self.bank,
                "bank_version": self.bank_version,
                "language": self.language,
                "section": self.section,
                "mode": self.mode,
                "student": self.student,
                "timestamp": self.timestamp,
                "score": self.score,
                "max_score": self.max_score,
                "answers": self.answers,
                "points": self.points,
            },
            ensure_ascii=False,
        )

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_COLUMNS)
        for qid in self.questions or tuple(self.answers):
            answer = self.answers.get(qid)
            points = (self.points or {}).get(qid)
            writer.writerow(
                [
                    self.bank,
                    self.bank_version,
                    self.language,
                    self.section,
                    self.mode,
                    self.student,
                    self.timestamp,
                    qid,
                    "" if answer is None else json.dumps(answer, ensure_ascii=False),
                    "" if points is None else _number(points),
                ]
            )
        return out.getvalue()


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _int(path: Path, name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise ResultsError(path, f"{name} {value!r} is not an integer")
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ResultsError(path, f"{name} {value!r} is not an integer") from None


def _float_or_none(path: Path, name: str, value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ResultsError(path, f"{name} {value!r} is not a number")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ResultsError(path, f"{name} {value!r} is not a number") from None


def _from_json(path: Path, text: str) -> Results:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ResultsError(path, f"malformed JSON (line {error.lineno}: {error.msg})") from None
    if not isinstance(data, dict):
        raise ResultsError(path, "the JSON is not an object")
    if data.get("format") != RESULTS_FORMAT:
        raise ResultsError(
            path, f"unknown format {data.get('format')!r} (expected {RESULTS_FORMAT})"
        )
    missing = [k for k in ("bank", "bank_version", "section", "answers") if k not in data]
    if missing:
        raise ResultsError(path, f"missing fields: {', '.join(missing)}")
    if not isinstance(data["answers"], dict):
        raise ResultsError(path, "answers is not an object")
    points = data.get("points")
    if points is not None and not isinstance(points, dict):
        raise ResultsError(path, "points is not an object")
    max_score = data.get("max_score")
    return Results(
        bank=str(data["bank"]),
        bank_version=_int(path, "bank_version", data["bank_version"]),
        language=str(data.get("language") or ""),
        section=str(data["section"]),
        mode=str(data.get("mode") or "practice"),
        student=str(data.get("student") or "").strip(),
        timestamp=str(data.get("timestamp") or ""),
        score=_float_or_none(path, "score", data.get("score")),
        max_score=None if max_score is None else _int(path, "max_score", max_score),
        answers=data["answers"],
        points=None
        if points is None
        else {k: _float_or_none(path, f"points of {k}", v) for k, v in points.items()},
        questions=tuple(points or data["answers"]),
    )


def _from_csv(path: Path, text: str) -> Results:
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
    if missing:
        raise ResultsError(path, f"malformed CSV: missing columns {', '.join(missing)}")
    rows = list(reader)
    if not rows:
        raise ResultsError(path, "the CSV has no rows")
    for column in ("bank", "bank_version", "language", "section", "mode", "student", "timestamp"):
        values = {row[column] for row in rows}
        if len(values) > 1:
            raise ResultsError(path, f"rows disagree on {column}: {sorted(values)}")
    answers: dict[str, Any] = {}
    points: dict[str, float] = {}
    order: list[str] = []
    all_points_known = True
    for line, row in enumerate(rows, start=2):
        qid = (row["question_id"] or "").strip()
        if not qid or qid in order:
            raise ResultsError(path, f"line {line}: missing or repeated question_id {qid!r}")
        order.append(qid)
        if (row["answer"] or "").strip():
            try:
                answers[qid] = json.loads(row["answer"])
            except json.JSONDecodeError:
                raise ResultsError(
                    path, f"line {line}: answer {row['answer']!r} is not JSON"
                ) from None
        value = _float_or_none(path, f"line {line}: points", row["points"])
        if value is None:
            all_points_known = False
        else:
            points[qid] = value
    first = rows[0]
    return Results(
        bank=first["bank"],
        bank_version=_int(path, "bank_version", first["bank_version"]),
        language=first["language"] or "",
        section=first["section"],
        mode=first["mode"] or "practice",
        student=(first["student"] or "").strip(),
        timestamp=first["timestamp"] or "",
        score=sum(points.values()) if all_points_known else None,
        max_score=len(order) if all_points_known else None,
        answers=answers,
        points=points if all_points_known else None,
        questions=tuple(order),
    )


def read_results(path: str | Path) -> Results:
    """Read a results file (.json or .csv) the quiz widget downloaded."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise ResultsError(path, "not a results file (expected .json or .csv)")
    try:
        text = path.read_text(encoding="utf-8-sig")  # spreadsheet programs add a BOM
    except (OSError, UnicodeDecodeError) as error:
        raise ResultsError(path, f"cannot be read ({error})") from None
    results = _from_json(path, text) if suffix == ".json" else _from_csv(path, text)
    return replace(results, file=path.name)
