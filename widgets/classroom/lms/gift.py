"""GIFT, Moodle's plain-text question format."""

from __future__ import annotations

from pathlib import Path

from ..quizbank import Bank, Question
from .common import category_path, feedback_summary, html_text, note
from .moodle import fraction

SPECIAL = "\\~=#{}:"


def escape_gift(text: str) -> str:
    """Backslash-escape GIFT's control characters (the backslash first) and line breaks."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _html(text: str) -> str:
    return escape_gift(html_text(text))


def _question(question: Question) -> str:
    head = f"// question: {question.id} ({question.type})\n::{escape_gift(question.id)}::[html]"
    head += _html(question.prompt)
    if question.type in ("single", "multiple"):
        right = [o for o in question.options if o.correct]
        lines = []
        for option in question.options:
            if question.type == "single":
                mark = "=" if option.correct else "~"
            else:
                mark = f"~%{fraction(1 / len(right) if option.correct else -1)}%"
            lines.append(f"\t{mark}{_html(option.text)}#{_html(option.feedback)}")
        return head + "{\n" + "\n".join(lines) + "\n}"
    if question.type == "truefalse":
        # GIFT: the first feedback is shown for a wrong answer, the second for a right one.
        wrong = question.tf_feedback.get(not question.answer, "")
        right = question.tf_feedback.get(bool(question.answer), "")
        value = "TRUE" if question.answer else "FALSE"
        return head + "{" + f"{value}#{_html(wrong)}#{_html(right)}" + "}"
    if question.type == "classify":
        labels = {c.id: c.label for c in question.categories}
        pairs = [(i.text, labels[i.category]) for i in question.items]
    else:
        pairs = [(p.left, p.right) for p in question.pairs]
    lines = [f"\t={_html(left)} -> {escape_gift(right)}" for left, right in pairs]
    lines.append(f"\t####{_html(feedback_summary(question))}")
    return head + "{\n" + "\n".join(lines) + "\n}"


def write(bank: Bank, questions: list[Question], out: Path, section: str | None) -> list[str]:
    category = category_path(bank, section)
    blocks = [
        f"// {bank.bank} v{bank.version} ({bank.language}), exported for Moodle (GIFT)",
        f"$CATEGORY: {category}",
    ]
    notes = []
    for question in questions:
        blocks.append(_question(question))
        if (text := note(question, "gift")) is not None:
            notes.append(text)
    out.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return notes
