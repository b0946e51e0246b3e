"""In JupyterLab the quiz is a live widget: an answer given in the page reaches the kernel."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from support.lab import kernel_eval, open_notebook, run_all_cells
from test_quiz_browser import choose

from widgets.quiz.bank import QUESTION_MODELS
from widgets.quiz.scoring import correct_answer

pytestmark = pytest.mark.lab

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = "chapters/pl/quiz.md"


def _kernel_value(page, expression: str) -> str:
    return kernel_eval(page, f"print({expression})").strip()


@pytest.mark.skipif(
    not (ROOT / "chapters" / "pl" / "quiz.yml").exists(),
    reason="chapters/pl/quiz.yml is not written yet",
)
def test_an_answer_in_the_lab_widget_changes_the_score_in_the_kernel(browser, lab):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_notebook(page, lab, CHAPTER)
        result = run_all_cells(page)
        assert result["errors"] == []
        page.wait_for_selector(".cwq[data-ready]", timeout=30_000)
        assert _kernel_value(page, "quiz.score") == "0.0"

        view = json.loads(_kernel_value(page, "__import__('json').dumps(quiz.questions[0])"))
        question = QUESTION_MODELS[view["type"]].model_validate(view)
        choose(page, question, correct_answer(question))

        deadline = time.monotonic() + 15
        while _kernel_value(page, "quiz.score") != "1.0" and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _kernel_value(page, "quiz.score") == "1.0"
        assert _kernel_value(page, f"{question.id!r} in quiz.answers") == "True"
    finally:
        context.close()
