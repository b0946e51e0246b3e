"""Quiz banks: every malformed case of BANK_FORMAT.md is refused with a message naming file,
question and reason; the Polish and Swedish banks must agree on everything but the words."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from widgets.quiz.bank import BankError, check_parity, load_bank
from widgets.quiz.strings import StringsError, check_strings, load_strings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "quiz"
REAL = {lang: ROOT / "chapters" / lang / "quiz.yml" for lang in ("pl", "sv")}


def fixture(lang: str = "pl") -> dict:
    return yaml.safe_load((FIXTURES / lang / "quiz.yml").read_text(encoding="utf-8"))


def question(data: dict, qid: str) -> dict:
    return next(q for q in data["questions"] if q["id"] == qid)


def write(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def load_error(tmp_path: Path, data: dict) -> str:
    path = write(tmp_path / "bank.yml", data)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    return str(caught.value).removeprefix(f"{path}: ")


def test_fixture_banks_load_and_agree():
    bank = load_bank(FIXTURES / "pl" / "quiz.yml")
    assert bank.language == "pl"
    assert [q.type for q in bank.questions_of("practice")] == [
        "single",
        "multiple",
        "truefalse",
        "classify",
        "match",
    ]
    assert bank.section("exam-demo").mode == "exam"


def test_error_message_names_file_question_and_reason(tmp_path):
    data = fixture()
    for option in question(data, "def-vendors")["options"]:
        option["correct"] = False
    path = write(tmp_path / "chapters-copy.yml", data)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value) == f"{path}: question 'def-vendors': no correct option"
    assert caught.value.question_id == "def-vendors"
    assert caught.value.reason == "no correct option"


def test_a_bank_inside_the_project_is_named_by_its_project_path(tmp_path):
    error = BankError(ROOT / "chapters" / "pl" / "quiz.yml", "x", "no correct option")
    assert str(error) == "chapters/pl/quiz.yml: question 'x': no correct option"


def _mutations():
    """(name, change to the fixture bank, expected message without the file prefix)."""

    def unknown_type(d):
        question(d, "tf-2005")["type"] = "essay"

    def single_without_correct(d):
        for o in question(d, "def-vendors")["options"]:
            o.pop("correct", None)

    def single_with_two_correct(d):
        question(d, "def-vendors")["options"][1]["correct"] = True

    def multiple_without_correct(d):
        for o in question(d, "pick-tactics")["options"]:
            o["correct"] = False

    def truefalse_without_answer(d):
        del question(d, "tf-2005")["answer"]

    def truefalse_without_false_feedback(d):
        del question(d, "tf-2005")["feedback"][False]

    def item_without_category(d):
        del question(d, "classify-scenarios")["items"][1]["category"]

    def item_in_unknown_category(d):
        question(d, "classify-scenarios")["items"][1]["category"] = "gossip"

    def option_without_feedback(d):
        del question(d, "def-vendors")["options"][1]["feedback"]

    def item_without_feedback(d):
        del question(d, "classify-scenarios")["items"][0]["feedback"]

    def pair_without_feedback(d):
        del question(d, "match-brands")["pairs"][2]["feedback"]

    def empty_feedback(d):
        question(d, "def-vendors")["options"][0]["feedback"] = "  "

    def duplicate_question(d):
        d["questions"].append(copy.deepcopy(question(d, "tf-2005")))

    def duplicate_option(d):
        question(d, "def-vendors")["options"][2]["id"] = "b"

    def duplicate_item(d):
        question(d, "classify-scenarios")["items"][1]["id"] = "shop-button"

    def duplicate_pair(d):
        question(d, "match-brands")["pairs"][1]["id"] = "nordstrom"

    def duplicate_category(d):
        question(d, "classify-scenarios")["categories"][1]["id"] = "commerce"

    def duplicate_section(d):
        d["sections"][1]["id"] = "practice"

    def section_names_unknown_question(d):
        d["sections"][0]["questions"].append("ghost")

    def exam_section_with_match(d):
        d["sections"][2]["questions"].append("match-brands")

    def misspelt_key(d):
        question(d, "def-vendors")["options"][0]["corect"] = True

    def bad_id(d):
        question(d, "tf-2005")["id"] = "TF 2005"
        d["sections"] = [s for s in d["sections"] if "tf-2005" not in s["questions"]] or d[
            "sections"
        ]

    def unknown_topic(d):
        question(d, "tf-2005")["topic"] = "gossip"

    def bad_reread(d):
        question(d, "tf-2005")["reread"] = "article#history"

    def no_version(d):
        del d["version"]

    return [
        (
            "unknown type",
            unknown_type,
            "question 'tf-2005': unknown type 'essay' "
            "(expected one of: single, multiple, truefalse, "
            "classify, match)",
        ),
        (
            "single without correct",
            single_without_correct,
            "question 'def-vendors': no correct option",
        ),
        (
            "single with two correct",
            single_with_two_correct,
            "question 'def-vendors': 2 correct options (a, b); "
            "a single-choice question has exactly "
            "one (use type: multiple)",
        ),
        (
            "multiple without correct",
            multiple_without_correct,
            "question 'pick-tactics': no correct option",
        ),
        ("truefalse without answer", truefalse_without_answer, "question 'tf-2005': has no answer"),
        (
            "truefalse without feedback",
            truefalse_without_false_feedback,
            "question 'tf-2005': feedback: no feedback for the answer false",
        ),
        (
            "item without category",
            item_without_category,
            "question 'classify-scenarios': item 'group-chat' has no category",
        ),
        (
            "item in unknown category",
            item_in_unknown_category,
            "question 'classify-scenarios': item 'group-chat' is in unknown category 'gossip'",
        ),
        (
            "option without feedback",
            option_without_feedback,
            "question 'def-vendors': option 'b' has no feedback",
        ),
        (
            "item without feedback",
            item_without_feedback,
            "question 'classify-scenarios': item 'shop-button' has no feedback",
        ),
        (
            "pair without feedback",
            pair_without_feedback,
            "question 'match-brands': pair 'starbucks' has no feedback",
        ),
        (
            "empty feedback",
            empty_feedback,
            "question 'def-vendors': option 'a' feedback: String should have at least 1 character",
        ),
        ("duplicate question id", duplicate_question, "question 'tf-2005': duplicate question id"),
        (
            "duplicate option id",
            duplicate_option,
            "question 'def-vendors': duplicate option id 'b'",
        ),
        (
            "duplicate item id",
            duplicate_item,
            "question 'classify-scenarios': duplicate item id 'shop-button'",
        ),
        (
            "duplicate pair id",
            duplicate_pair,
            "question 'match-brands': duplicate pair id 'nordstrom'",
        ),
        (
            "duplicate category id",
            duplicate_category,
            "question 'classify-scenarios': duplicate category id 'commerce'",
        ),
        ("duplicate section id", duplicate_section, "duplicate section id 'practice'"),
        (
            "section names unknown question",
            section_names_unknown_question,
            "question 'ghost': named by section 'practice' but not in the bank",
        ),
        (
            "exam section with a match question",
            exam_section_with_match,
            "question 'match-brands': a match question cannot be in exam section 'exam-demo'",
        ),
        (
            "misspelt key",
            misspelt_key,
            "question 'def-vendors': option 'a' has an unknown field 'corect'",
        ),
        ("bad id", bad_id, "question 'TF 2005': id: String should match pattern '^[a-z0-9-]+$'"),
        (
            "unknown topic",
            unknown_topic,
            "question 'tf-2005': topic: Input should be "
            "'definition', 'tactics', 'history', 'brands', "
            "'measurement' or 'distinction'",
        ),
        (
            "reread without .md",
            bad_reread,
            "question 'tf-2005': reread: String should match pattern "
            "'^[A-Za-z0-9_./-]+\\.md#[A-Za-z0-9_-]+$'",
        ),
        ("no version", no_version, "has no version"),
    ]


@pytest.mark.parametrize(
    ("change", "expected"), [m[1:] for m in _mutations()], ids=[m[0] for m in _mutations()]
)
def test_malformed_bank_is_refused_with_a_clear_reason(tmp_path, change, expected):
    data = fixture()
    change(data)
    assert load_error(tmp_path, data) == expected


def test_invalid_yaml_is_refused(tmp_path):
    path = tmp_path / "bank.yml"
    path.write_text("bank: [unclosed\n", encoding="utf-8")
    with pytest.raises(BankError, match=r"bank\.yml: is not valid YAML"):
        load_bank(path)


def test_bank_in_the_wrong_language_folder_is_refused(tmp_path):
    path = write(tmp_path / "sv" / "quiz.yml", fixture("pl"))
    with pytest.raises(BankError, match="language 'pl' but the file is in folder 'sv'"):
        load_bank(path)


def _pair(tmp_path: Path, change_sv=None) -> tuple[Path, Path]:
    pl, sv = fixture("pl"), fixture("sv")
    if change_sv:
        change_sv(sv)
    return write(tmp_path / "pl" / "quiz.yml", pl), write(tmp_path / "sv" / "quiz.yml", sv)


def test_loading_a_bank_checks_its_sibling_language(tmp_path):
    def drop_question(sv):
        sv["questions"] = [q for q in sv["questions"] if q["id"] != "match-brands"]
        sv["sections"][0]["questions"].remove("match-brands")

    pl, sv = _pair(tmp_path, drop_question)
    with pytest.raises(BankError) as caught:
        load_bank(pl)
    assert caught.value.question_id is None  # the section lists differ first
    assert "section 'practice'" in str(caught.value) and str(sv) in str(caught.value)


def test_a_question_only_in_one_language_is_named(tmp_path):
    pl_data, sv_data = fixture("pl"), fixture("sv")
    extra = copy.deepcopy(question(sv_data, "tf-2005"))
    extra["id"] = "tf-extra"
    sv_data["questions"].append(extra)
    pl = load_bank(write(tmp_path / "a" / "bank.yml", pl_data))
    sv = load_bank(write(tmp_path / "b" / "bank.yml", sv_data))
    with pytest.raises(BankError) as caught:
        check_parity(pl, sv)
    assert str(caught.value) == (
        f"{tmp_path / 'b' / 'bank.yml'}: question 'tf-extra': present here but not in "
        f"{tmp_path / 'a' / 'bank.yml'}"
    )


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (
            lambda sv: (
                question(sv, "def-vendors")["options"][0].update(correct=False)
                or question(sv, "def-vendors")["options"][1].update(correct=True)
            ),
            "question 'def-vendors': correct ['a'] differ from ['b']",
        ),
        (
            lambda sv: question(sv, "tf-2005").update(answer=False),
            "question 'tf-2005': answer True differ from False",
        ),
        (
            lambda sv: question(sv, "classify-scenarios")["items"][0].update(category="shopping"),
            "question 'classify-scenarios': items",
        ),
        (
            lambda sv: question(sv, "match-brands")["pairs"][2].update(id="pepsi"),
            "question 'match-brands': pairs",
        ),
        (lambda sv: sv.update(version=4), "version 3 differs from 4"),
        (
            lambda sv: question(sv, "tf-2005").update(topic="brands"),
            "question 'tf-2005': topic 'history' but 'brands'",
        ),
    ],
    ids=["correct option", "truefalse answer", "category", "pair id", "version", "topic"],
)
def test_languages_must_agree_on_ids_and_answers(tmp_path, change, needle):
    pl, _ = _pair(tmp_path, change)
    with pytest.raises(BankError) as caught:
        load_bank(pl)
    assert needle in str(caught.value)


def test_sibling_check_can_be_skipped_for_one_file(tmp_path):
    pl, _ = _pair(tmp_path, lambda sv: sv.update(version=4))
    assert load_bank(pl, check_sibling=False).version == 3


@pytest.mark.skipif(
    not all(p.exists() for p in REAL.values()),
    reason="the course banks chapters/{pl,sv}/quiz.yml are not written yet",
)
def test_course_banks_are_valid_and_the_two_languages_agree():
    banks = {lang: load_bank(path) for lang, path in REAL.items()}
    check_parity(banks["pl"], banks["sv"])
    bank = banks["pl"]
    assert len(bank.questions) >= 24
    assert {"article-check", "practice", "exam-demo"} <= {s.id for s in bank.sections}
    assert bank.section("exam-demo").mode == "exam"
    assert {q.type for q in bank.questions} == {
        "single",
        "multiple",
        "truefalse",
        "classify",
        "match",
    }


@pytest.mark.skipif(
    not all(p.exists() for p in REAL.values()),
    reason="the course banks chapters/{pl,sv}/quiz.yml are not written yet",
)
def test_every_reread_of_the_course_banks_names_a_label_of_its_chapter():
    # Labels live in chapters the lead rewrites; a renamed label would leave dead summary links.
    for lang, path in REAL.items():
        for q in load_bank(path).questions:
            doc, label = q.reread.split("#")
            chapter = path.parent / doc
            assert chapter.exists(), f"{lang} {q.id}: {doc} does not exist"
            text = chapter.read_text(encoding="utf-8")
            assert f"({label})=" in text, f"{lang} {q.id}: no ({label})= in {doc}"


def test_ui_strings_have_the_same_keys_in_every_language():
    strings = load_strings()
    assert set(strings["pl"]) == set(strings["sv"]) == set(strings["en"])
    assert strings["pl"]["check"] != strings["sv"]["check"] != strings["en"]["check"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda s: s["sv"].pop("check"), "key 'check' is missing in sv"),
        (lambda s: s["pl"].update(extra="x"), "key 'extra' is missing in en"),
        (
            lambda s: s["pl"].update(question_n="Pytanie {n}"),
            "pl.question_n has other {placeholders}",
        ),
        (lambda s: s.pop("en"), "no strings for en"),
    ],
)
def test_incomplete_ui_strings_are_refused(change, message):
    strings = copy.deepcopy(load_strings())
    change(strings)
    with pytest.raises(StringsError, match=message.replace("{", r"\{").replace("}", r"\}")):
        check_strings(strings)
