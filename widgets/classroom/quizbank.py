"""A read-only view of a quiz bank for the classroom tools, plus the quiz package's scoring.

The bank is loaded and validated once by the quiz package (`widgets.quiz.bank.load_bank`); this
module flattens it into small frozen records the graders and exporters can walk quickly, and hands
scoring back to `widgets.quiz.scoring.grade`, so the widget, its JS and the classroom agree.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from widgets.quiz.bank import BankError
from widgets.quiz.bank import load_bank as load_quiz_bank
from widgets.quiz.scoring import grade as quiz_grade

__all__ = ["Bank", "BankError", "Question", "Section", "answer_problem", "load_bank"]


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Category:
    id: str
    label: str


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    category: str
    feedback: str


@dataclass(frozen=True)
class Pair:
    id: str
    left: str
    right: str
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    topic: str
    reread: str
    prompt: str
    options: tuple[Option, ...] = ()
    answer: bool | None = None
    tf_feedback: Mapping[bool, str] = field(default_factory=dict)
    categories: tuple[Category, ...] = ()
    items: tuple[Item, ...] = ()
    pairs: tuple[Pair, ...] = ()

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)

    def category(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)

    def pair(self, pair_id: str) -> Pair | None:
        return next((p for p in self.pairs if p.id == pair_id), None)


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    mode: str
    questions: tuple[str, ...]


@dataclass
class Bank:
    path: Path
    bank: str
    version: int
    language: str
    title: str
    sections: dict[str, Section]
    questions: dict[str, Question]
    native: Any  # the quiz package's Bank, for its scoring

    def grade(self, section: str, answers: Mapping[str, Any]) -> dict[str, float]:
        """Points of every question of the section (0 when unanswered), by the quiz's scoring."""
        return dict(quiz_grade(self.native, section, answers).points)

    def questions_of(self, section: str | None) -> list[Question]:
        """The questions of a section in its order, or every question of the bank in bank order."""
        if section is None:
            return list(self.questions.values())
        return [self.questions[qid] for qid in self.sections[section].questions]


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _tf_feedback(raw: Any) -> dict[bool, str]:
    # YAML turns `true:` keys into booleans; a dumped model may give strings instead.
    if hasattr(raw, "model_dump"):
        raw = raw.model_dump()
    out: dict[bool, str] = {}
    for key, text in (raw or {}).items():
        out[str(key).lower() in ("true", "1")] = str(text)
    return out


def _question(raw: Any) -> Question:
    qtype = str(_get(raw, "type"))
    common = {
        "id": str(_get(raw, "id")),
        "type": qtype,
        "topic": str(_get(raw, "topic") or ""),
        "reread": str(_get(raw, "reread") or ""),
        "prompt": str(_get(raw, "prompt") or ""),
    }
    if qtype in ("single", "multiple"):
        options = tuple(
            Option(
                str(_get(o, "id")),
                str(_get(o, "text")),
                bool(_get(o, "correct")),
                str(_get(o, "feedback") or ""),
            )
            for o in _get(raw, "options") or ()
        )
        return Question(**common, options=options)
    if qtype == "truefalse":
        return Question(
            **common,
            answer=bool(_get(raw, "answer")),
            tf_feedback=_tf_feedback(_get(raw, "feedback")),
        )
    if qtype == "classify":
        categories = tuple(
            Category(str(_get(c, "id")), str(_get(c, "label")))
            for c in _get(raw, "categories") or ()
        )
        items = tuple(
            Item(
                str(_get(i, "id")),
                str(_get(i, "text")),
                str(_get(i, "category")),
                str(_get(i, "feedback") or ""),
            )
            for i in _get(raw, "items") or ()
        )
        return Question(**common, categories=categories, items=items)
    if qtype == "match":
        pairs = tuple(
            Pair(
                str(_get(p, "id")),
                str(_get(p, "left")),
                str(_get(p, "right")),
                str(_get(p, "feedback") or ""),
            )
            for p in _get(raw, "pairs") or ()
        )
        return Question(**common, pairs=pairs)
    raise ValueError(f"question {common['id']}: unknown type {qtype!r}")


def _section(raw: Any) -> Section:
    return Section(
        id=str(_get(raw, "id")),
        title=str(_get(raw, "title") or _get(raw, "id")),
        mode=str(_get(raw, "mode") or "practice"),
        questions=tuple(str(q) for q in _get(raw, "questions") or ()),
    )


def load_bank(path: str | Path) -> Bank:
    """Load and validate a bank with the quiz package (BankError if it is unusable)."""
    path = Path(path)
    native = load_quiz_bank(path)
    return Bank(
        path=path,
        bank=native.bank,
        version=native.version,
        language=native.language,
        title=native.title,
        sections={s.id: s for s in (_section(raw) for raw in native.sections)},
        questions={q.id: q for q in (_question(raw) for raw in native.questions)},
        native=native,
    )


def answer_problem(question: Question, answer: Any) -> str | None:
    """Why an answer cannot belong to this question (wrong shape or unknown ids), else None.

    Scoring would quietly give 0 to such an answer; the grader reports the file instead, because
    it usually means a results file from another bank edition or a hand-edited file.
    """
    qtype = question.type
    if qtype == "single":
        if not isinstance(answer, str) or question.option(answer) is None:
            return f"answer {json.dumps(answer)} is not an option of {question.id}"
    elif qtype == "multiple":
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            return f"answer to {question.id} must be a list of option ids"
        unknown = [a for a in answer if question.option(a) is None]
        if unknown:
            return f"options {unknown} are not options of {question.id}"
        if len(set(answer)) != len(answer):
            return f"answer to {question.id} repeats an option"
    elif qtype == "truefalse":
        if not isinstance(answer, bool):
            return f"answer to {question.id} must be true or false"
    elif qtype == "classify":
        if not isinstance(answer, dict):
            return f"answer to {question.id} must map items to categories"
        for item_id, category_id in answer.items():
            if question.item(item_id) is None:
                return f"{item_id!r} is not an item of {question.id}"
            if not isinstance(category_id, str) or question.category(category_id) is None:
                return f"{category_id!r} is not a category of {question.id}"
    elif qtype == "match":
        if not isinstance(answer, dict):
            return f"answer to {question.id} must map pairs to pairs"
        for left, right in answer.items():
            if (
                question.pair(left) is None
                or not isinstance(right, str)
                or question.pair(right) is None
            ):
                return f"{left!r} → {right!r} is not a pairing of {question.id}"
    return None
