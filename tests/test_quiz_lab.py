"""In JupyterLab the quiz is a live widget: an answer given in the page reaches the kernel."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from support.lab import kernel_value, running_notebook
from test_quiz_browser import choose

from widgets.quiz.bank import QUESTION_MODELS
from widgets.quiz.scoring import correct_answer

pytestmark = pytest.mark.lab

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "chapters/pl/quiz.md"


@pytest.mark.skipif(
    not (ROOT / "chapters" / "pl" / "quiz.yml").exists(),
    reason="chapters/pl/quiz.yml is not written yet",
)
def test_an_answer_in_the_lab_widget_changes_the_score_in_the_kernel(browser, lab):
    with running_notebook(browser, lab, CHAPTER) as page:
        page.wait_for_selector(".cwq[data-ready]", timeout=30_000)
        assert kernel_value(page, "quiz.score") == "0.0"

        view = json.loads(kernel_value(page, "__import__('json').dumps(quiz.questions[0])"))
        question = QUESTION_MODELS[view["type"]].model_validate(view)
        choose(page, question, correct_answer(question))

        deadline = time.monotonic() + 15
        while kernel_value(page, "quiz.score") != "1.0" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert kernel_value(page, "quiz.score") == "1.0"
        assert kernel_value(page, f"{question.id!r} in quiz.answers") == "True"
