"""Moodle XML (question bank import format), written with xml.etree."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..quizbank import Bank, Question
from .common import category_path, feedback_summary, html_text, note


def fraction(share: float) -> str:
    """A Moodle grade percentage ("33.33333"), the precision Moodle's own export uses."""
    return f"{100 * share:.5f}".rstrip("0").rstrip(".")


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = text
    return element


def _question(question: Question, bank: Bank) -> ET.Element:
    qtype = {
        "single": "multichoice",
        "multiple": "multichoice",
        "truefalse": "truefalse",
        "classify": "matching",
        "match": "matching",
    }[question.type]
    element = ET.Element("question", {"type": qtype})
    _text(element, "name", question.id, fmt=None)
    _text(element, "questiontext", html_text(question.prompt))
    general = feedback_summary(question) if question.type in ("classify", "match") else ""
    _text(element, "generalfeedback", html_text(general))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = question.id
    if question.type in ("single", "multiple"):
        right = [o for o in question.options if o.correct]
        ET.SubElement(element, "single").text = "true" if question.type == "single" else "false"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for option in question.options:
            share = 1 / len(right) if option.correct else (0 if question.type == "single" else -1)
            answer = _text(element, "answer", html_text(option.text))
            answer.set("fraction", fraction(share))
            _text(answer, "feedback", html_text(option.feedback))
    elif question.type == "truefalse":
        for value in (True, False):
            answer = _text(
                element, "answer", "true" if value else "false", fmt="moodle_auto_format"
            )
            answer.set("fraction", "100" if value is question.answer else "0")
            _text(answer, "feedback", html_text(question.tf_feedback.get(value, "")))
    else:
        ET.SubElement(element, "shuffleanswers").text = "true"
        if question.type == "classify":
            labels = {c.id: c.label for c in question.categories}
            pairs = [(i.text, labels[i.category]) for i in question.items]
        else:
            pairs = [(p.left, p.right) for p in question.pairs]
        for left, right in pairs:
            sub = _text(element, "subquestion", html_text(left))
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = right
    return element


def write(bank: Bank, questions: list[Question], out: Path, section: str | None) -> list[str]:
    quiz = ET.Element("quiz")
    category = category_path(bank, section)
    head = ET.SubElement(quiz, "question", {"type": "category"})
    _text(head, "category", category, fmt=None)
    notes = []
    for question in questions:
        quiz.append(_question(question, bank))
        if (text := note(question, "moodle")) is not None:
            notes.append(text)
    ET.indent(quiz)
    ET.ElementTree(quiz).write(out, encoding="UTF-8", xml_declaration=True)
    return notes
