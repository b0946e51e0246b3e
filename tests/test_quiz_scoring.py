"""Scoring of every question type, identical in Python and in the widget's JavaScript; results
files read back what was written."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from widgets.quiz.bank import load_bank
from widgets.quiz.results import Results, ResultsError, read_results
from widgets.quiz.scoring import correct_answer, grade, score_question

ROOT = Path(__file__).resolve().parents[1]
BANK = load_bank(ROOT / "tests" / "fixtures" / "quiz" / "pl" / "quiz.yml")
CORE_JS = ROOT / "widgets" / "quiz" / "core.js"

# (question id, answer, points): the cases both implementations must agree on.
CASES = [
    ("def-vendors", "a", 1.0),
    ("def-vendors", "b", 0.0),
    ("def-vendors", ["a"], 0.0),
    ("def-vendors", None, 0.0),
    ("pick-tactics", ["a", "b"], 1.0),
    ("pick-tactics", ["b", "a"], 1.0),
    ("pick-tactics", ["a"], 0.0),
    ("pick-tactics", ["a", "b", "c"], 0.0),
    ("pick-tactics", "a", 0.0),
    ("pick-tactics", [], 0.0),
    ("tf-2005", True, 1.0),
    ("tf-2005", False, 0.0),
    ("tf-2005", 1, 0.0),
    ("tf-2005", "true", 0.0),
    ("classify-scenarios", {"shop-button": "commerce", "group-chat": "shopping"}, 1.0),
    ("classify-scenarios", {"shop-button": "commerce", "group-chat": "commerce"}, 0.5),
    ("classify-scenarios", {"shop-button": "commerce"}, 0.5),
    ("classify-scenarios", {"shop-button": "shopping", "group-chat": "commerce"}, 0.0),
    ("classify-scenarios", ["commerce", "shopping"], 0.0),
    (
        "match-brands",
        {"nordstrom": "nordstrom", "coca-cola": "coca-cola", "starbucks": "starbucks"},
        1.0,
    ),
    (
        "match-brands",
        {"nordstrom": "nordstrom", "coca-cola": "starbucks", "starbucks": "coca-cola"},
        1 / 3,
    ),
    ("match-brands", {"nordstrom": "nordstrom", "coca-cola": "coca-cola"}, 2 / 3),
    (
        "match-brands",
        {"nordstrom": "starbucks", "coca-cola": "nordstrom", "starbucks": "coca-cola"},
        0.0,
    ),
    ("match-brands", {}, 0.0),
]


@pytest.mark.parametrize(("qid", "answer", "points"), CASES)
def test_each_question_type_scores_as_the_format_says(qid, answer, points):
    assert score_question(BANK.question(qid), answer) == pytest.approx(points)


def test_the_correct_answer_scores_full_marks_for_every_type():
    for question in BANK.questions:
        assert score_question(question, correct_answer(question)) == 1.0


def test_grade_scores_every_question_of_the_section_and_ignores_others():
    answers = {
        "def-vendors": "a",
        "classify-scenarios": {"shop-button": "commerce", "group-chat": "commerce"},
        "not-in-section": "a",
    }
    result = grade(BANK, "exam-demo", answers)
    assert result.score == 1.5
    assert result.max_score == 4
    assert result.points == {
        "def-vendors": 1.0,
        "pick-tactics": 0.0,
        "tf-2005": 0.0,
        "classify-scenarios": 0.5,
    }
    assert result.answered == ("def-vendors", "classify-scenarios")
    assert not result.completed


def test_javascript_scoring_agrees_with_python():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    questions = {q.id: q.model_dump(mode="json") for q in BANK.questions}
    cases = [[questions[qid], answer] for qid, answer, _ in CASES]
    script = (
        f"import {{ scoreQuestion, correctAnswer }} from {json.dumps(CORE_JS.as_uri())};\n"
        f"const cases = {json.dumps(cases)};\n"
        "const qs = cases.map(([q]) => q);\n"
        "console.log(JSON.stringify({ points: cases.map(([q, a]) => scoreQuestion(q, a)),\n"
        "  correct: qs.map((q) => correctAnswer(q)) }));\n"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    out = json.loads(done.stdout)
    python_points = [score_question(BANK.question(qid), answer) for qid, answer, _ in CASES]
    assert out["points"] == python_points
    assert out["correct"] == [correct_answer(BANK.question(qid)) for qid, _, _ in CASES]


def test_option_order_is_reproducible_from_the_seed_and_differs_between_seeds():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = (
        f"import {{ shuffled }} from {json.dumps(CORE_JS.as_uri())};\n"
        "const list = Array.from({ length: 8 }, (_, i) => i);\n"
        "console.log(JSON.stringify([0, 0, 1].map((seed) => shuffled(list, seed, 'q'))\n"
        "  .concat([shuffled(list, 0, 'other'), list])));\n"
    )
    done = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    same_a, same_b, other_seed, other_question, original = json.loads(done.stdout)
    assert same_a == same_b
    assert sorted(same_a) == original
    assert other_seed != same_a and other_question != same_a


def _results(**changes) -> Results:
    base = dict(
        bank="fixture-bank",
        bank_version=3,
        language="pl",
        section="short",
        mode="practice",
        student='Zoë, "Z" Łoś',
        timestamp="2026-11-24T10:00:00Z",
        score=1.5,
        max_score=2,
        answers={"tf-2005": True, "def-vendors": "a"},
        points={"tf-2005": 1.0, "def-vendors": 0.5},
        questions=("tf-2005", "def-vendors"),
    )
    base.update(changes)
    return Results(**base)


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_results_files_read_back_what_was_written(tmp_path, suffix):
    written = _results()
    path = tmp_path / f"results{suffix}"
    path.write_text(written.to_json() if suffix == ".json" else written.to_csv(), encoding="utf-8")
    assert read_results(path) == written


def test_exam_results_have_no_score_in_either_form(tmp_path):
    written = _results(mode="exam", score=None, max_score=None, points=None)
    (tmp_path / "r.json").write_text(written.to_json(), encoding="utf-8")
    (tmp_path / "r.csv").write_text(written.to_csv(), encoding="utf-8")
    for name in ("r.json", "r.csv"):
        read = read_results(tmp_path / name)
        assert (read.score, read.max_score, read.points) == (None, None, None)
        assert read.answers == written.answers


def test_csv_lists_unanswered_questions_with_an_empty_answer(tmp_path):
    written = _results(
        answers={"tf-2005": True}, points={"tf-2005": 1.0, "def-vendors": 0.0}, score=1.0
    )
    path = tmp_path / "r.csv"
    path.write_text("\ufeff" + written.to_csv(), encoding="utf-8")  # as a spreadsheet saves it
    read = read_results(path)
    assert read.questions == ("tf-2005", "def-vendors")
    assert read.answers == {"tf-2005": True}


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("r.json", "{", "malformed JSON"),
        ("r.json", json.dumps({"format": "other"}), "unknown format 'other'"),
        (
            "r.json",
            json.dumps({"format": "social-commerce-quiz-results/1", "bank": "b"}),
            "missing fields: bank_version, section, answers",
        ),
        ("r.csv", "bank,student\nb,x\n", "malformed CSV: missing columns"),
        ("r.txt", "", "not a results file"),
    ],
)
def test_malformed_results_files_are_refused(tmp_path, name, text, reason):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResultsError, match=reason):
        read_results(path)
