"""Grading the fixture class in tests/fixtures/classroom (good and broken results files)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.classroom.__main__ import main
from widgets.classroom.grading import grade_folder
from widgets.classroom.quizbank import Question, load_bank
from widgets.quiz.results import read_results

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
RESULTS = FIXTURES / "results"
BANK_PL = FIXTURES / "pl" / "quiz.yml"
BANK_SV = FIXTURES / "sv" / "quiz.yml"

GRADED = {"anna.json", "anonymous.json", "bartek.csv", "cecylia.json", "dawid.csv", "ewa-2.json"}
SKIPPED = {
    "broken-malformed.json": "malformed JSON",
    "broken-unknown-question.json": "unknown question 'no-such-question'",
    "broken-other-version.json": "another bank version: 2",
    "broken-other-bank.json": "another bank: 'marketing-101'",
    "broken-duplicate-of-anna.json": "duplicate of anna.json",
    "broken-bad-answer.csv": "not an option of def-vendors",
    "ewa-1.json": "graded the later one, ewa-2.json",
    "notes.txt": "not a results file",
}


@pytest.fixture(scope="module")
def bank():
    return load_bank(BANK_PL)


@pytest.fixture(scope="module")
def results(bank):
    return grade_folder(bank, RESULTS)


def test_every_file_is_either_graded_or_skipped_with_its_reason(results):
    graded = {g.submission.file for g in results.graded}
    skipped = {s.file: s.reason for s in results.skipped}
    assert graded == GRADED
    assert set(skipped) == set(SKIPPED)
    for name, expected in SKIPPED.items():
        assert expected in skipped[name], (name, skipped[name])
    assert graded | set(skipped) == {p.name for p in RESULTS.iterdir()}


def test_scores_are_recomputed_from_the_bank_not_taken_from_the_file(results):
    scores = {g.submission.file: (round(g.score, 4), g.max_score) for g in results.graded}
    # anna.json claims 2.17 but the bank gives 1 + 0 + 0 + 2/3 + 1/2 + 0 (unanswered).
    assert scores == {
        "anna.json": (2.1667, 6),
        "anonymous.json": (1.0, 3),
        "bartek.csv": (5.0, 6),
        "cecylia.json": (1.0, 3),  # exam mode: the file carries no score at all
        "dawid.csv": (2.0, 3),
        "ewa-2.json": (6.0, 6),
    }


def test_csv_and_json_results_files_read_to_the_same_answers(tmp_path):
    data = json.loads((RESULTS / "ewa-2.json").read_text())
    rows = [
        {
            "bank": data["bank"],
            "bank_version": data["bank_version"],
            "language": "sv",
            "section": data["section"],
            "mode": "practice",
            "student": "ewa",
            "timestamp": data["timestamp"],
            "question_id": qid,
            "answer": json.dumps(answer),
            "points": "",
        }
        for qid, answer in data["answers"].items()
    ]
    path = tmp_path / "ewa.csv"
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert read_results(path).answers == read_results(RESULTS / "ewa-2.json").answers


def test_question_report_names_the_most_chosen_wrong_option(results):
    stats = {s.question.id: s for s in results.questions}
    vendors = stats["def-vendors"]
    assert (vendors.attempts, vendors.correct, vendors.share_correct) == (6, 3, 0.5)
    assert vendors.misconception.key == "b"
    assert vendors.misconception.text.startswith("Tylko z kupującymi")
    assert vendors.misconception.count == 3
    assert (stats["tf-2005"].misconception.key, stats["tf-2005"].misconception.text) == (
        "false",
        "Fałsz",
    )
    assert stats["tactics-multi"].misconception.key == "c"
    assert stats["classify-scenarios"].misconception.key == "shop-post→shopping"
    assert stats["match-brands"].mean_points == pytest.approx(2.5 / 3)
    # Nobody got special-chars wrong (one right, one unanswered): no misconception to report.
    assert stats["special-chars"].misconception is None
    assert stats["special-chars"].answered == 2


def test_section_option_grades_one_section_and_says_why_others_were_skipped(bank):
    results = grade_folder(bank, RESULTS, section="article-check")
    assert {g.submission.file for g in results.graded} == {"anonymous.json", "dawid.csv"}
    reasons = {s.file: s.reason for s in results.skipped}
    assert "another section: 'practice'" in reasons["anna.json"]
    assert "another section: 'exam-demo'" in reasons["cecylia.json"]


def test_a_bank_in_the_other_language_grades_the_same_points():
    pl = grade_folder(load_bank(BANK_PL), RESULTS)
    sv = grade_folder(load_bank(BANK_SV), RESULTS)
    assert [(g.submission.file, g.points) for g in pl.graded] == [
        (g.submission.file, g.points) for g in sv.graded
    ]
    assert {s.question.id: s.misconception.text for s in sv.questions if s.misconception}[
        "tf-2005"
    ] == "Falskt"


def reference_score(question: Question, answer) -> float:
    """QUIZ_FORMAT.md's scoring rules, written out independently of the quiz package."""
    if answer is None:
        return 0.0
    if question.type == "single":
        return float(any(o.correct and o.id == answer for o in question.options))
    if question.type == "multiple":
        return float(set(answer) == {o.id for o in question.options if o.correct})
    if question.type == "truefalse":
        return float(answer is question.answer)
    if question.type == "classify":
        return sum(answer.get(i.id) == i.category for i in question.items) / len(question.items)
    return sum(answer.get(p.id) == p.id for p in question.pairs) / len(question.pairs)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_grading_uses_scoring_that_agrees_with_the_quiz_format(bank, data):
    question = data.draw(st.sampled_from(list(bank.questions.values())))
    if question.type == "single":
        answer = data.draw(st.sampled_from([o.id for o in question.options]))
    elif question.type == "multiple":
        answer = sorted(data.draw(st.sets(st.sampled_from([o.id for o in question.options]))))
    elif question.type == "truefalse":
        answer = data.draw(st.booleans())
    elif question.type == "classify":
        cats = [c.id for c in question.categories]
        answer = data.draw(
            st.dictionaries(st.sampled_from([i.id for i in question.items]), st.sampled_from(cats))
        )
    else:
        ids = [p.id for p in question.pairs]
        answer = data.draw(st.dictionaries(st.sampled_from(ids), st.sampled_from(ids)))
    section = next(s.id for s in bank.sections.values() if question.id in s.questions)
    points = bank.grade(section, {question.id: answer})
    assert points[question.id] == pytest.approx(reference_score(question, answer))


def test_cli_grade_writes_the_csvs_and_report_and_prints_every_skipped_file(tmp_path, capsys):
    assert main(["grade", str(BANK_PL), str(RESULTS), "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "6 graded, 8 skipped" in out
    for name in SKIPPED:
        assert f"skipped {name}:" in out
    with (tmp_path / "students.csv").open() as handle:
        students = {row["file"]: row for row in csv.DictReader(handle)}
    assert set(students) == GRADED
    assert students["anna.json"]["score"] == "2.1667"
    assert students["anna.json"]["percent"] == "36.1111"
    assert students["anna.json"]["points:match-brands"] == "0.5"
    assert students["cecylia.json"]["points:tf-2005"] == ""  # not in the exam section
    assert students["cecylia.json"]["points:classify-scenarios"] == "1"
    with (tmp_path / "questions.csv").open() as handle:
        questions = {row["question_id"]: row for row in csv.DictReader(handle)}
    assert questions["def-vendors"]["share_correct"] == "0.5"
    assert questions["def-vendors"]["misconception"] == "b"
    assert questions["def-vendors"]["misconception_text"].startswith("Tylko z kupującymi")
    with (tmp_path / "skipped.csv").open() as handle:
        assert {row["file"] for row in csv.DictReader(handle)} == set(SKIPPED)
    assert (tmp_path / "report.html").stat().st_size > 0


def test_cli_fails_only_when_nothing_could_be_graded(tmp_path, capsys):
    folder = tmp_path / "broken"
    folder.mkdir()
    for name in ("broken-malformed.json", "broken-other-version.json"):
        shutil.copy(RESULTS / name, folder / name)
    assert main(["grade", str(BANK_PL), str(folder), "--out", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "0 graded, 2 skipped" in captured.out
    assert "no results file could be graded" in captured.err


def test_a_sub_folder_is_reported_not_silently_ignored(bank, tmp_path):
    shutil.copy(RESULTS / "anna.json", tmp_path / "anna.json")
    (tmp_path / "group-b").mkdir()
    shutil.copy(RESULTS / "dawid.csv", tmp_path / "group-b" / "dawid.csv")
    results = grade_folder(bank, tmp_path)
    assert [g.submission.file for g in results.graded] == ["anna.json"]
    assert [s.file for s in results.skipped] == ["group-b/"]
    assert "a folder" in results.skipped[0].reason


def test_cli_reports_an_unknown_section_instead_of_a_traceback(tmp_path, capsys):
    code = main(["grade", str(BANK_PL), str(RESULTS), "--out", str(tmp_path), "--section", "nope"])
    assert code == 2
    assert "section 'nope' is not in the bank" in capsys.readouterr().err


def test_cli_help_lists_both_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "grade" in out and "export" in out


def test_report_html_loads_no_script_or_stylesheet_from_another_host(results):
    from widgets.classroom.report import render_report

    html = render_report(results)
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html, flags=re.I)
    assert tags, "the report embeds plotly.js in a script tag"
    assert not [t for t in tags if re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", t, re.I)]
    assert html.count("Plotly.newPlot") >= 3
    assert '<html lang="pl">' in html
