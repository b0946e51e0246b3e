"""The quiz widget's Python side: what it sends to the page, what it does with what comes back."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from widgets.quiz.bank import BankError, load_bank
from widgets.quiz.widget import Quiz

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "quiz"
PL = FIXTURES / "pl" / "quiz.yml"


def test_practice_quiz_sends_its_section_with_feedback():
    quiz = Quiz.from_bank(PL, section="practice", seed=7)
    assert [q["id"] for q in quiz.questions] == load_bank(PL).section("practice").questions
    assert quiz.questions[0]["options"][0]["feedback"]
    assert quiz.questions[2]["feedback"].keys() == {"true", "false"}
    assert (quiz.mode, quiz.lang, quiz.seed, quiz.max_score, quiz.score) == (
        "practice",
        "pl",
        7,
        5,
        0.0,
    )
    assert quiz.quiz_id == "fixture-bank/practice"
    assert (quiz.bank, quiz.bank_version, quiz.section) == ("fixture-bank", 3, "practice")
    assert set(quiz.strings) == {"pl", "sv", "en"}


def test_language_can_be_overridden():
    assert Quiz.from_bank(PL, section="short", lang="en").lang == "en"


def test_exam_state_carries_no_correct_answer():
    quiz = Quiz.from_bank(PL, section="exam-demo")
    state = json.dumps(
        {k: v for k, v in quiz.get_state().items() if k not in ("_esm", "_css")}, ensure_ascii=False
    )
    bank = load_bank(PL)
    secrets = []
    for question in bank.questions_of("exam-demo"):
        secrets += [o.feedback for o in getattr(question, "options", [])]
        secrets += [i.feedback for i in getattr(question, "items", [])]
        if question.type == "truefalse":
            secrets += list(question.feedback.values())
    assert secrets and not [s for s in secrets if s in state]
    for view in quiz.questions:
        assert not {"correct", "category", "feedback", "answer", "pairs", "reread"} & set(view)
        for part in view.get("options", []) + view.get("items", []):
            assert set(part) == {"id", "text"}
    assert not re.search(r'"(correct|category|feedback|answer)":', json.dumps(quiz.questions))
    assert quiz.score is None


def test_exam_answers_from_the_page_are_scored_in_the_kernel():
    quiz = Quiz.from_bank(PL, section="exam-demo")
    seen = []
    quiz.observe(lambda change: seen.append(change["new"]), names="score")
    quiz.answers = {"def-vendors": "a", "classify-scenarios": {"shop-button": "commerce"}}
    assert quiz.score == 1.5
    assert seen == [1.5]


def test_practice_score_follows_the_checked_answers():
    quiz = Quiz.from_bank(PL, section="short")
    quiz.answers = {"tf-2005": False}
    assert quiz.score == 0.0
    quiz.answers = {"tf-2005": True, "def-vendors": "a"}
    assert quiz.score == 2.0


def test_unknown_section_raises_a_bank_error():
    with pytest.raises(BankError, match="has no section 'nope'"):
        Quiz.from_bank(PL, section="nope")


def test_a_broken_bank_makes_the_chapter_cell_raise(tmp_path):
    data = yaml.safe_load(PL.read_text(encoding="utf-8"))
    data["questions"][0]["options"][0]["correct"] = False
    broken = tmp_path / "quiz.yml"
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(BankError, match="question 'def-vendors': no correct option"):
        Quiz.from_bank(broken, section="practice")


def test_the_widget_module_is_one_self_contained_es_module():
    esm = Quiz._esm
    assert not re.search(r"^\s*import\s", esm, flags=re.MULTILINE)
    assert "export default { render }" in esm
    assert ".cwq" in Quiz._css and ".cw-present" in Quiz._css


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_practice_chapter_builds_its_quiz_from_the_bank_next_to_it(lang):
    text = (ROOT / "chapters" / lang / "quiz.md").read_text(encoding="utf-8")
    # lang differs per chapter on purpose: jupyter-cache keys a notebook on its code alone, so two
    # chapters with the same code would share one cached output (Polish quiz on the Swedish page).
    assert f'Quiz.from_bank("quiz.yml", section="practice", lang="{lang}")' in text
    assert ":tags: [remove-input]" in text
    assert f"html_lang: {lang}" in text
    assert f"translation: ../{'sv' if lang == 'pl' else 'pl'}/quiz" in text
    assert text.count('+++ {"slideshow": {"slide_type": "slide"}}') >= 2
