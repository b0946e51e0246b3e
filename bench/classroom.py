"""Classroom benchmark: grading 1,000 synthetic results files, and the size of the HTML report.

Prints figures; asserts nothing. Target: grading 1,000 files in under 2 s on 2 cores.
Uses the course's Polish bank (chapters/pl/quiz.yml), or the test fixture bank before it exists.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from widgets.classroom.grading import grade_folder  # noqa: E402
from widgets.classroom.quizbank import Bank, Question, load_bank  # noqa: E402
from widgets.classroom.report import write_report  # noqa: E402
from widgets.classroom.tables import write_questions, write_skipped, write_students  # noqa: E402
from widgets.quiz.results import Results  # noqa: E402

FILES = 1000
BANKS = (
    ROOT / "chapters" / "pl" / "quiz.yml",
    ROOT / "tests" / "fixtures" / "classroom" / "pl" / "quiz.yml",
)


def random_answer(question: Question, rng: random.Random):
    """A plausible student answer; about one in ten questions is left unanswered."""
    if rng.random() < 0.1:
        return None
    if question.type == "single":
        return rng.choice(question.options).id
    if question.type == "multiple":
        chosen = [o.id for o in question.options if rng.random() < 0.5] or [question.options[0].id]
        return sorted(chosen)
    if question.type == "truefalse":
        return rng.random() < 0.7
    if question.type == "classify":
        return {i.id: rng.choice(question.categories).id for i in question.items}
    ids = [p.id for p in question.pairs]
    rights = ids[:]
    rng.shuffle(rights)
    return dict(zip(ids, rights, strict=True))


def write_class(bank: Bank, folder: Path, count: int, seed: int = 5) -> None:
    """`count` results files, half JSON and half CSV, spread over the bank's sections."""
    rng = random.Random(seed)
    sections = list(bank.sections.values())
    for n in range(count):
        section = sections[n % len(sections)]
        answers = {}
        for qid in section.questions:
            answer = random_answer(bank.questions[qid], rng)
            if answer is not None:
                answers[qid] = answer
        results = Results(
            bank=bank.bank,
            bank_version=bank.version,
            language=bank.language,
            section=section.id,
            mode=section.mode,
            student=f"Student {n:04d}",
            timestamp=f"2026-11-24T10:{n % 60:02d}:00Z",
            score=None,
            max_score=None,
            answers=answers,
            points=None,
            questions=section.questions,
        )
        if n % 2:
            (folder / f"s{n:04d}.csv").write_text(results.to_csv(), encoding="utf-8")
        else:
            (folder / f"s{n:04d}.json").write_text(results.to_json(), encoding="utf-8")


def main() -> None:
    bank_path = next(p for p in BANKS if p.exists())
    bank = load_bank(bank_path)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "results", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        write_class(bank, folder, FILES)
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            results = grade_folder(bank, folder)
            runs.append(time.perf_counter() - start)
        start = time.perf_counter()
        write_students(results, out / "students.csv")
        write_questions(results, out / "questions.csv")
        write_skipped(results, out / "skipped.csv")
        write_report(results, out / "report.html")
        writing = time.perf_counter() - start
        report = (out / "report.html").read_bytes()
    print(f"bank: {bank_path.relative_to(ROOT)} ({len(bank.questions)} questions)")
    print(f"graded {len(results.graded)} of {FILES} files, skipped {len(results.skipped)}")
    print(f"grading time (best of 3): {min(runs):.3f} s  [target < 2 s]")
    print(f"writing CSVs + HTML report: {writing:.3f} s")
    print(
        f"HTML report: {len(report) / 1e6:.2f} MB raw, "
        f"{len(gzip.compress(report, 6)) / 1e6:.2f} MB gzip "
        "(plotly.js basic inlined)"
    )
    print(json.dumps({"classroom_grading_s": round(min(runs), 3), "report_bytes": len(report)}))


if __name__ == "__main__":
    main()
