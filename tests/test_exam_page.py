"""An exam page gives nothing away: no right answer or feedback anywhere in its HTML or widget state."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from widgets.quiz.bank import load_bank

ROOT = Path(__file__).resolve().parents[1]


def secrets_of(lang: str) -> tuple[list[str], list[str]]:
    """(texts that only a key would hold, texts the exam must show) for the exam-demo section."""
    bank = load_bank(ROOT / "chapters" / lang / "quiz.yml")
    hidden, shown = [], []
    for question in bank.questions_of("exam-demo"):
        shown.append(question.prompt)
        data = question.model_dump(mode="json")
        for option in data.get("options", []):
            hidden.append(option["feedback"])
        for item in data.get("items", []):
            hidden.append(item["feedback"])
        feedback = data.get("feedback")
        if isinstance(feedback, dict):
            hidden.extend(feedback.values())
    return hidden, shown


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_the_exam_page_holds_no_correct_answer_and_no_feedback(book_html: Path, lang: str):
    raw = (book_html / "chapters" / lang / "exam.html").read_text(encoding="utf-8")
    state_json = re.search(r'widget-state\+json">(.*?)</script>', raw, re.DOTALL).group(1)
    state = json.loads(state_json)
    # The state escapes non-ASCII letters: search it decoded, together with the visible HTML.
    page = unescape(raw) + json.dumps(state, ensure_ascii=False)
    hidden, shown = secrets_of(lang)
    for text in shown:
        assert text in page  # the page is the exam: without this the test could not fail
    leaks = [text for text in hidden if text in page]
    assert leaks == [], f"chapters/{lang}/exam.html gives away: {leaks[:3]}"
    quizzes = [m["state"] for m in state["state"].values() if "questions" in m["state"]]
    for question in quizzes[0]["questions"]:
        assert set(question) <= {"id", "type", "prompt", "options", "categories", "items"}, question
        for choice in question.get("options", []) + question.get("items", []):
            assert set(choice) == {"id", "text"}, choice
    assert [q["mode"] for q in quizzes] == ["exam"]
