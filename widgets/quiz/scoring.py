"""Scoring of quiz answers, identical to the widget's JavaScript (quiz/core.js) and BANK_FORMAT.md.

Public API (also used by the classroom CLI):

- ``load_bank(path) -> Bank`` (re-exported from ``widgets.quiz.bank``): a validated bank;
  ``Bank.section(id)`` gives a section, ``Bank.questions_of(id)`` its questions in order.
- ``score_question(question, answer) -> float``: points for one answer, 0..1. ``answer`` has the
  JSON shape of BANK_FORMAT.md (single "a"; multiple ["a", "c"]; truefalse true/false; classify
  {"item": "category"}; match {"left pair id": "chosen right pair id"}); None means unanswered.
  An answer of the wrong shape scores 0, it never raises.
- ``grade(bank, section_id, answers) -> Result``: every question of the section scored;
  unanswered questions get 0. ``Result.score``, ``Result.max_score``, ``Result.points``.
- ``correct_answer(question)``: the full-marks answer in the same JSON shape.

Every question is worth 1 point: single/truefalse/multiple all or nothing, classify and match
the share of items/pairs placed right.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .bank import (
    Bank,
    ClassifyQuestion,
    MatchQuestion,
    MultipleQuestion,
    Question,
    SingleQuestion,
    TrueFalseQuestion,
    load_bank,
)

__all__ = ["Result", "correct_answer", "grade", "load_bank", "score_question"]


def score_question(question: Question, answer: Any) -> float:
    """Points (0..1) for `answer` to `question`; an unanswered or malformed answer scores 0."""
    if answer is None:
        return 0.0
    if isinstance(question, SingleQuestion):
        return 1.0 if isinstance(answer, str) and answer in question.correct_ids else 0.0
    if isinstance(question, MultipleQuestion):
        if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
            return 0.0
        return 1.0 if set(answer) == set(question.correct_ids) else 0.0
    if isinstance(question, TrueFalseQuestion):
        # `is`, because 1 == True in Python and a results file might carry 1.
        return 1.0 if isinstance(answer, bool) and answer is question.answer else 0.0
    if not isinstance(answer, Mapping):
        return 0.0
    if isinstance(question, ClassifyQuestion):
        right = sum(1 for item in question.items if answer.get(item.id) == item.category)
        return right / len(question.items)
    if isinstance(question, MatchQuestion):
        right = sum(1 for pair in question.pairs if answer.get(pair.id) == pair.id)
        return right / len(question.pairs)
    raise TypeError(f"not a quiz question: {question!r}")


def correct_answer(question: Question) -> Any:
    """The answer that scores 1, in the results file's JSON shape."""
    if isinstance(question, SingleQuestion):
        return question.correct_ids[0]
    if isinstance(question, MultipleQuestion):
        return sorted(question.correct_ids)
    if isinstance(question, TrueFalseQuestion):
        return question.answer
    if isinstance(question, ClassifyQuestion):
        return {item.id: item.category for item in question.items}
    if isinstance(question, MatchQuestion):
        return {pair.id: pair.id for pair in question.pairs}
    raise TypeError(f"not a quiz question: {question!r}")


@dataclass(frozen=True)
class Result:
    """A graded section: points per question (every question of the section), their sum, the max."""

    section: str
    score: float
    max_score: int
    points: dict[str, float] = field(default_factory=dict)
    answered: tuple[str, ...] = ()

    @property
    def completed(self) -> bool:
        return len(self.answered) == self.max_score


def grade(bank: Bank, section_id: str, answers: Mapping[str, Any]) -> Result:
    """Score every question of a section; answers to questions outside the section are ignored."""
    questions = bank.questions_of(section_id)
    points = {q.id: score_question(q, answers.get(q.id)) for q in questions}
    answered = tuple(q.id for q in questions if answers.get(q.id) is not None)
    return Result(
        section=section_id,
        score=sum(points.values()),
        max_score=len(questions),
        points=points,
        answered=answered,
    )
