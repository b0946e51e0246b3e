"""What the LMS writers share: HTML-escaped texts and the conversion notes."""

from __future__ import annotations

from html import escape

from ..quizbank import Bank, Question


def html_text(text: str) -> str:
    """Bank texts are plain text: escape them so the LMS shows them literally in its HTML."""
    return escape(text, quote=False).replace("\n", "<br>")


def feedback_summary(question: Question) -> str:
    """All per-item/pair feedback of a classify or match question as one general feedback."""
    if question.type == "classify":
        labels = {c.id: c.label for c in question.categories}
        lines = [f"{i.text} → {labels[i.category]}: {i.feedback}" for i in question.items]
    else:
        lines = [f"{p.left} → {p.right}: {p.feedback}" for p in question.pairs]
    return "\n".join(lines)


def note(question: Question, fmt: str) -> str | None:
    """The conversion a format needs for this question type, in words for the instructor."""
    if question.type == "classify":
        target = {"moodle": "matching", "gift": "matching", "qti": "matching_question"}[fmt]
        return (
            f"{question.id}: classify → {target} (items are the questions, category labels the "
            "answers; per-item feedback moved to the general feedback)"
        )
    if question.type == "match" and fmt in ("moodle", "gift"):
        return f"{question.id}: match → matching (per-pair feedback moved to the general feedback)"
    if question.type == "multiple" and fmt in ("moodle", "gift"):
        return (
            f"{question.id}: multiple → multichoice with several answers (each right option "
            "+100/n %, each wrong one −100 %: a subset of the right options gets part credit, "
            "where the course gives 0)"
        )
    return None


def category_path(bank: Bank, section: str | None) -> str:
    """Moodle question-bank category; "/" inside a title would open a sub-category, so it goes."""
    parts = [bank.title or bank.bank]
    if section is not None:
        parts.append(bank.sections[section].title)
    return "$course$/top/" + "/".join(p.replace("/", "-") for p in parts)
