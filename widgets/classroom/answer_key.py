"""The quiz answer key for the instructor guide, built from the bank so it never drifts from it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from .quizbank import Bank, Question, load_bank
from .strings import texts


def correct_text(question: Question, language: str) -> str:
    """The full-marks answer in words, e.g. "b) …", "Prawda", "Nordstrom → …"."""
    if question.type in ("single", "multiple"):
        return "; ".join(f"{o.id}) {o.text}" for o in question.options if o.correct)
    if question.type == "truefalse":
        return texts(language)["true" if question.answer else "false"]
    if question.type == "classify":
        return "; ".join(
            f"{c.label}: " + ", ".join(i.text for i in question.items if i.category == c.id)
            for c in question.categories
        )
    return "; ".join(f"{p.left} → {p.right}" for p in question.pairs)


def answer_key_html(bank: Bank) -> str:
    """An HTML table: question id, prompt, right answer, sections it appears in, where to reread."""
    t = texts(bank.language)
    sections_of: dict[str, list[str]] = {}
    for section in bank.sections.values():
        for qid in section.questions:
            sections_of.setdefault(qid, []).append(section.id)
    rows = "".join(
        "<tr>"
        f"<td><code>{escape(q.id)}</code></td><td>{escape(q.prompt)}</td>"
        f"<td>{escape(correct_text(q, bank.language))}</td>"
        f"<td>{escape(', '.join(sections_of.get(q.id, [])))}</td>"
        f"<td>{escape(q.reread)}</td>"
        "</tr>"
        for q in bank.questions.values()
    )
    head = "".join(
        f'<th scope="col">{escape(h)}</th>'
        for h in ("id", t["key_question"], t["key_answer"], t["key_sections"], t["key_reread"])
    )
    return (
        '<div class="ccr-answer-key pst-scrollable-table-container" style="overflow-x:auto">'
        f'<table class="table"><caption>{escape(t["key_caption"])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


class AnswerKey:
    """Displays as the answer-key table in JupyterLab and in the built book."""

    def __init__(self, bank: Bank) -> None:
        self.bank = bank

    def _repr_html_(self) -> str:
        return answer_key_html(self.bank)


def show_answer_key(bank_path: str | Path, lang: str | None = None) -> AnswerKey:
    """The last expression of a notebook cell: `show_answer_key("quiz.yml", lang="pl")`.

    `lang`, when given, must be the bank's language: a guide must never show another language's key.
    """
    bank = load_bank(bank_path)
    if lang is not None and lang != bank.language:
        raise ValueError(f"{bank_path}: the bank is in '{bank.language}', the page in '{lang}'")
    return AnswerKey(bank)
