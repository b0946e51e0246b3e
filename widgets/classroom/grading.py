"""Grade a folder of results files against a bank: who scored what, what the class got wrong.

Each file ends up either graded or skipped with a reason; nothing else can happen to it.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widgets.quiz.results import Results, ResultsError, read_results

from .quizbank import Bank, Question, answer_problem
from .strings import texts


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass(frozen=True)
class Graded:
    submission: Results
    points: dict[str, float]  # every question of the section; 0 when unanswered
    score: float
    max_score: int

    @property
    def student(self) -> str:
        return self.submission.student or Path(self.submission.file).stem


@dataclass(frozen=True)
class Misconception:
    key: str  # e.g. option id "b", "false", "item→category", "pair→pair"
    text: str
    count: int


@dataclass(frozen=True)
class QuestionStats:
    question: Question
    attempts: int  # graded submissions whose section contains the question
    answered: int
    correct: int  # full marks
    mean_points: float
    misconception: Misconception | None

    @property
    def share_correct(self) -> float:
        return self.correct / self.attempts if self.attempts else 0.0


@dataclass
class ClassResults:
    bank: Bank
    graded: list[Graded] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    questions: list[QuestionStats] = field(default_factory=list)


def grade_folder(bank: Bank, folder: Path, section: str | None = None) -> ClassResults:
    """Read every file in `folder` and grade those that fit the bank; sub-folders are reported."""
    if section is not None and section not in bank.sections:
        raise KeyError(f"section {section!r} is not in the bank (has: {', '.join(bank.sections)})")
    results = ClassResults(bank=bank)
    accepted: list[Results] = []
    for path in sorted(folder.iterdir()):
        if path.is_dir():
            # Not read, but said: a class folder with sub-folders per group is a common layout.
            results.skipped.append(
                Skipped(
                    f"{path.name}/", "a folder (only files directly in the results folder are read)"
                )
            )
            continue
        try:
            submission = read_results(path)  # the scores a file claims are ignored: it is regraded
        except ResultsError as error:
            results.skipped.append(Skipped(path.name, error.reason))
            continue
        reason = _mismatch(bank, submission, section)
        if reason:
            results.skipped.append(Skipped(path.name, reason))
        else:
            accepted.append(submission)
    kept, duplicates = _drop_duplicates(accepted)
    results.skipped.extend(duplicates)
    results.skipped.sort(key=lambda s: s.file)
    results.graded = [_grade(bank, s) for s in kept]
    results.questions = question_stats(bank, results.graded)
    return results


def _mismatch(bank: Bank, sub: Results, section: str | None) -> str | None:
    """Why a readable results file does not belong to this bank (or the chosen section)."""
    if sub.bank != bank.bank:
        return f"another bank: {sub.bank!r} (expected {bank.bank!r})"
    if sub.bank_version != bank.version:
        return f"another bank version: {sub.bank_version} (this bank is version {bank.version})"
    if sub.section not in bank.sections:
        return f"unknown section {sub.section!r}"
    if section is not None and sub.section != section:
        return f"another section: {sub.section!r} (grading {section!r} only)"
    in_section = set(bank.sections[sub.section].questions)
    for qid in dict.fromkeys((*sub.questions, *sub.answers)):
        if qid not in bank.questions:
            return f"answer to unknown question {qid!r}"
        if qid not in in_section:
            return f"question {qid!r} is not in section {sub.section!r}"
    for qid, answer in sub.answers.items():
        problem = answer_problem(bank.questions[qid], answer)
        if problem:
            return problem
    return None


def _drop_duplicates(subs: list[Results]) -> tuple[list[Results], list[Skipped]]:
    """One submission per student and section: the latest one.

    The same submission saved twice is a duplicate; an earlier attempt by the same student is
    superseded. Anonymous files are only compared by content (timestamp and answers).
    """

    def content(sub: Results) -> tuple[str, str, str]:
        return (sub.section, sub.timestamp, json.dumps(sub.answers, sort_keys=True))

    kept: dict[tuple, Results] = {}
    skipped: list[Skipped] = []
    for sub in subs:
        key = (
            ("student", sub.student.casefold(), sub.section)
            if sub.student
            else ("anon", *content(sub))
        )
        other = kept.get(key)
        if other is None:
            kept[key] = sub
            continue
        if content(other) == content(sub):
            skipped.append(Skipped(sub.file, f"duplicate of {other.file}"))
            continue
        newer, older = (sub, other) if sub.timestamp >= other.timestamp else (other, sub)
        kept[key] = newer
        skipped.append(
            Skipped(
                older.file,
                f"earlier submission by {older.student!r} ({older.timestamp or 'no time'}); "
                f"graded the later one, {newer.file}",
            )
        )
    return list(kept.values()), skipped


def _grade(bank: Bank, sub: Results) -> Graded:
    points = bank.grade(sub.section, sub.answers)
    return Graded(sub, points, sum(points.values()), len(points))


def question_stats(bank: Bank, graded: list[Graded]) -> list[QuestionStats]:
    """Per question of the graded sections, in bank order: success and the commonest mistake."""
    by_question: dict[str, list[tuple[Any, float]]] = {}
    for g in graded:
        for qid, pts in g.points.items():
            by_question.setdefault(qid, []).append((g.submission.answers.get(qid), pts))
    stats = []
    for qid, question in bank.questions.items():
        rows = by_question.get(qid)
        if rows is None:
            continue
        answered = [(a, p) for a, p in rows if a is not None]
        stats.append(
            QuestionStats(
                question=question,
                attempts=len(rows),
                answered=len(answered),
                correct=sum(1 for _, p in rows if p >= 1.0),
                mean_points=sum(p for _, p in rows) / len(rows),
                misconception=_misconception(
                    question, [a for a, p in answered if p < 1.0], bank.language
                ),
            )
        )
    return stats


def _misconception(
    question: Question, wrong_answers: list[Any], language: str
) -> Misconception | None:
    """The wrong choice made most often (ties: the first in the question's order)."""
    counts: Counter[str] = Counter()
    for answer in wrong_answers:
        counts.update(_wrong_choices(question, answer))
    if not counts:
        return None
    order = {key: n for n, key in enumerate(_all_choices(question))}
    key, count = min(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 0)))
    return Misconception(key, _choice_text(question, key, language), count)


def _wrong_choices(question: Question, answer: Any) -> list[str]:
    if question.type == "single":
        return [answer]
    if question.type == "multiple":
        return [a for a in answer if not question.option(a).correct]
    if question.type == "truefalse":
        return ["true" if answer else "false"]
    if question.type == "classify":
        return [f"{i}→{c}" for i, c in answer.items() if question.item(i).category != c]
    if question.type == "match":
        return [f"{left}→{right}" for left, right in answer.items() if left != right]
    return []


def _all_choices(question: Question) -> list[str]:
    if question.type in ("single", "multiple"):
        return [o.id for o in question.options]
    if question.type == "truefalse":
        return ["true", "false"]
    if question.type == "classify":
        return [f"{i.id}→{c.id}" for i in question.items for c in question.categories]
    return [f"{a.id}→{b.id}" for a in question.pairs for b in question.pairs]


def _choice_text(question: Question, key: str, language: str) -> str:
    if question.type in ("single", "multiple"):
        return question.option(key).text
    if question.type == "truefalse":
        return texts(language)[key]
    left, right = key.split("→")
    if question.type == "classify":
        return f"{question.item(left).text} → {question.category(right).label}"
    return f"{question.pair(left).left} → {question.pair(right).right}"
