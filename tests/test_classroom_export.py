"""LMS exports parse back to the bank: Moodle XML, GIFT, QTI 1.2 (Canvas), in both languages."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.classroom.__main__ import main
from widgets.classroom.lms import export_bank
from widgets.classroom.lms.gift import escape_gift
from widgets.classroom.quizbank import Bank, Question, load_bank
from widgets.classroom.strings import texts

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "classroom"
BANKS = [FIXTURES / "pl" / "quiz.yml", FIXTURES / "sv" / "quiz.yml"]
# The course's own banks, once they exist: they must export as cleanly as the fixture.
BANKS += [
    p
    for p in (ROOT / "chapters" / "pl" / "quiz.yml", ROOT / "chapters" / "sv" / "quiz.yml")
    if p.exists()
]


def plain(text: str | None) -> str:
    """Back from the LMS's HTML to the bank's plain text."""
    return html.unescape((text or "").replace("<br>", "\n"))


def expected_pairs(q: Question) -> list[tuple[str, str]]:
    if q.type == "classify":
        labels = {c.id: c.label for c in q.categories}
        return [(i.text, labels[i.category]) for i in q.items]
    return [(p.left, p.right) for p in q.pairs]


def expected_feedback_lines(q: Question) -> list[str]:
    if q.type == "classify":
        labels = {c.id: c.label for c in q.categories}
        return [f"{i.text} → {labels[i.category]}: {i.feedback}" for i in q.items]
    return [f"{p.left} → {p.right}: {p.feedback}" for p in q.pairs]


@pytest.fixture(params=BANKS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def bank(request) -> Bank:
    return load_bank(request.param)


# --- Moodle XML -------------------------------------------------------------------------------


def test_moodle_xml_parses_back_to_the_bank(bank, tmp_path):
    out = tmp_path / "quiz.xml"
    export_bank(bank, "moodle", out)
    root = ET.parse(out).getroot()
    questions = [q for q in root.findall("question") if q.get("type") != "category"]
    assert [q.findtext("name/text") for q in questions] == list(bank.questions)
    for element in questions:
        q = bank.questions[element.findtext("name/text")]
        assert plain(element.findtext("questiontext/text")) == q.prompt
        assert element.findtext("defaultgrade") == "1"
        answers = element.findall("answer")
        if q.type in ("single", "multiple"):
            assert element.get("type") == "multichoice"
            assert element.findtext("single") == ("true" if q.type == "single" else "false")
            assert [plain(a.findtext("text")) for a in answers] == [o.text for o in q.options]
            assert [plain(a.findtext("feedback/text")) for a in answers] == [
                o.feedback for o in q.options
            ]
            fractions = [float(a.get("fraction")) for a in answers]
            assert [f > 0 for f in fractions] == [o.correct for o in q.options]
            assert sum(f for f in fractions if f > 0) == pytest.approx(100, abs=1e-3)
        elif q.type == "truefalse":
            assert element.get("type") == "truefalse"
            got = {
                a.findtext("text"): (a.get("fraction"), plain(a.findtext("feedback/text")))
                for a in answers
            }
            assert got == {
                "true": ("100" if q.answer else "0", q.tf_feedback[True]),
                "false": ("0" if q.answer else "100", q.tf_feedback[False]),
            }
        else:
            assert element.get("type") == "matching"
            pairs = [
                (plain(s.findtext("text")), s.findtext("answer/text"))
                for s in element.findall("subquestion")
            ]
            assert pairs == expected_pairs(q)
            assert plain(element.findtext("generalfeedback/text")).split(
                "\n"
            ) == expected_feedback_lines(q)


# --- GIFT -------------------------------------------------------------------------------------


def _chars(text: str) -> list[tuple[str, bool]]:
    """GIFT text as (character, was escaped) pairs."""
    out, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append(("\n", True) if nxt == "n" else (nxt, True))
            i += 2
        else:
            out.append((text[i], False))
            i += 1
    return out


def _join(chars: list[tuple[str, bool]]) -> str:
    return "".join(c for c, _ in chars)


def _split(chars: list[tuple[str, bool]], sep: str) -> list[list[tuple[str, bool]]]:
    parts, current, i = [], [], 0
    while i < len(chars):
        if (
            not chars[i][1]
            and _join(chars[i : i + len(sep)]) == sep
            and not any(e for _, e in chars[i : i + len(sep)])
        ):
            parts.append(current)
            current = []
            i += len(sep)
        else:
            current.append(chars[i])
            i += 1
    parts.append(current)
    return parts


def parse_gift(text: str) -> list[dict]:
    """A small GIFT reader covering what the exporter writes."""
    lines = [ln for ln in text.splitlines() if not ln.startswith(("//", "$CATEGORY:"))]
    questions = []
    for block in "\n".join(lines).split("\n\n"):
        if not block.strip():
            continue
        chars = _chars(block.strip())
        _, title, rest = _split(chars, "::")
        body_start = next(i for i, (c, e) in enumerate(rest) if c == "{" and not e)
        prompt = _join(rest[:body_start])
        assert prompt.startswith("[html]")
        assert rest[-1] == ("}", False)
        body = rest[body_start + 1 : -1]
        q = {"id": _join(title), "prompt": plain(prompt[len("[html]") :])}
        body_text = _join(body).strip()
        if body_text.startswith(("TRUE", "FALSE")):
            value, wrong, right = _split(body, "#")
            q.update(
                kind="truefalse",
                answer=_join(value).strip() == "TRUE",
                wrong=plain(_join(wrong)),
                right=plain(_join(right)),
            )
        else:
            body, *general = _split(body, "####")
            q["general"] = plain(_join(general[0]).strip()) if general else None
            answers, current = [], None
            for c, escaped in body:
                if c in "=~" and not escaped:
                    current = [(c, False)]
                    answers.append(current)
                elif current is not None:
                    current.append((c, escaped))
            q["answers"] = []
            for answer in answers:
                mark, raw = answer[0][0], answer[1:]
                weight = None
                if raw and raw[0] == ("%", False):
                    end = next(i for i, (c, e) in enumerate(raw[1:], 1) if c == "%" and not e)
                    weight, raw = float(_join(raw[1:end])), raw[end + 1 :]
                if _join(raw).find(" -> ") >= 0:
                    left, right = _join(raw).strip().split(" -> ", 1)
                    q["answers"].append({"left": plain(left), "right": right})
                    continue
                text_part, *feedback = _split(raw, "#")
                q["answers"].append(
                    {
                        "mark": mark,
                        "weight": weight,
                        "text": plain(_join(text_part).strip()),
                        "feedback": plain(_join(feedback[0]).strip()) if feedback else None,
                    }
                )
        questions.append(q)
    return questions


def test_gift_parses_back_to_the_bank(bank, tmp_path):
    out = tmp_path / "quiz.gift"
    export_bank(bank, "gift", out)
    parsed = parse_gift(out.read_text(encoding="utf-8"))
    assert [q["id"] for q in parsed] == list(bank.questions)
    for got in parsed:
        q = bank.questions[got["id"]]
        assert got["prompt"] == q.prompt
        if q.type == "single":
            assert [(a["mark"] == "=", a["text"], a["feedback"]) for a in got["answers"]] == [
                (o.correct, o.text, o.feedback) for o in q.options
            ]
        elif q.type == "multiple":
            assert [(a["weight"] > 0, a["text"], a["feedback"]) for a in got["answers"]] == [
                (o.correct, o.text, o.feedback) for o in q.options
            ]
            assert sum(a["weight"] for a in got["answers"] if a["weight"] > 0) == pytest.approx(
                100, 1e-4
            )
        elif q.type == "truefalse":
            assert got["kind"] == "truefalse"
            assert got["answer"] is q.answer
            assert got["right"] == q.tf_feedback[q.answer]
            assert got["wrong"] == q.tf_feedback[not q.answer]
        else:
            assert [(a["left"], a["right"]) for a in got["answers"]] == expected_pairs(q)
            assert got["general"].split("\n") == expected_feedback_lines(q)


@given(st.text())
def test_gift_escaping_hides_every_control_character(text):
    escaped = escape_gift(text)
    chars = _chars(escaped)
    assert _join(chars) == text.replace("\r\n", "\n")
    assert not any(c in "~=#{}:\\" and not e for c, e in chars)


# --- QTI 1.2 ----------------------------------------------------------------------------------


def _strip_ns(root: ET.Element) -> ET.Element:
    for element in root.iter():
        element.tag = element.tag.split("}", 1)[-1]
    return root


def test_qti_zip_has_a_manifest_pointing_at_an_assessment_that_parses_back(bank, tmp_path):
    out = tmp_path / "quiz.zip"
    export_bank(bank, "qti", out)
    with zipfile.ZipFile(out) as archive:
        manifest = _strip_ns(ET.fromstring(archive.read("imsmanifest.xml")))
        resource = manifest.find("resources/resource")
        assert resource.get("type") == "imsqti_xmlv1p2"
        assessment = _strip_ns(ET.fromstring(archive.read(resource.get("href"))))
    items = assessment.findall("assessment/section/item")
    assert [i.get("title") for i in items] == list(bank.questions)
    for item in items:
        q = bank.questions[item.get("title")]
        meta = {
            f.findtext("fieldlabel"): f.findtext("fieldentry")
            for f in item.iter("qtimetadatafield")
        }
        assert meta["points_possible"] == "1.0"
        assert plain(item.findtext("presentation/material/mattext")) == q.prompt
        feedback = {
            f.get("ident"): plain(f.findtext("flow_mat/material/mattext"))
            for f in item.findall("itemfeedback")
        }
        conditions = item.findall("resprocessing/respcondition")
        if q.type in ("single", "multiple", "truefalse"):
            expected_type = {
                "single": "multiple_choice_question",
                "truefalse": "true_false_question",
                "multiple": "multiple_answers_question",
            }[q.type]
            assert meta["question_type"] == expected_type
            labels = item.findall("presentation/response_lid/render_choice/response_label")
            texts_back = [plain(label.findtext("material/mattext")) for label in labels]
            scoring = [c for c in conditions if c.find("setvar") is not None]
            assert len(scoring) == 1 and scoring[0].findtext("setvar") == "100"
            if q.type == "multiple":
                right = {v.text for v in scoring[0].findall("conditionvar/and/varequal")}
                wrong = {v.text for v in scoring[0].findall("conditionvar/and/not/varequal")}
            else:
                right = {scoring[0].findtext("conditionvar/varequal")}
                wrong = {label.get("ident") for label in labels} - right
            if q.type == "truefalse":
                t = texts(bank.language)
                assert texts_back == [t["true"], t["false"]]
                assert right == {f"{q.id}-{'true' if q.answer else 'false'}"}
                assert feedback == {
                    f"{q.id}-true_fb": q.tf_feedback[True],
                    f"{q.id}-false_fb": q.tf_feedback[False],
                }
            else:
                assert texts_back == [o.text for o in q.options]
                assert right == {f"{q.id}-{o.id}" for o in q.options if o.correct}
                assert wrong == {f"{q.id}-{o.id}" for o in q.options if not o.correct}
                assert feedback == {f"{q.id}-{o.id}_fb": o.feedback for o in q.options}
        else:
            assert meta["question_type"] == "matching_question"
            lids = item.findall("presentation/response_lid")
            choices = {
                label.get("ident"): plain(label.findtext("material/mattext"))
                for label in lids[0].findall("render_choice/response_label")
            }
            right_of = {
                c.find("conditionvar/varequal").get("respident"): c.findtext(
                    "conditionvar/varequal"
                )
                for c in conditions
                if c.find("setvar") is not None
            }
            pairs = [
                (plain(lid.findtext("material/mattext")), choices[right_of[lid.get("ident")]])
                for lid in lids
            ]
            assert pairs == expected_pairs(q)
            shares = [
                float(c.findtext("setvar")) for c in conditions if c.find("setvar") is not None
            ]
            assert sum(shares) == pytest.approx(100, abs=1e-2)
            assert feedback["general_fb"].split("\n") == expected_feedback_lines(q)


# --- the command line -------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["moodle", "gift", "qti"])
def test_export_cli_says_how_it_converted_every_type_the_format_lacks(fmt, tmp_path, capsys):
    bank_path = BANKS[1]
    out = tmp_path / f"quiz.{fmt}"
    assert main(["export", str(bank_path), "--format", fmt, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    bank = load_bank(bank_path)
    assert f"exported {len(bank.questions)} questions (sv)" in printed
    for q in bank.questions.values():
        converted = q.type == "classify" or (fmt != "qti" and q.type in ("match", "multiple"))
        assert (f"converted {q.id}:" in printed) == converted, q.id
    assert out.stat().st_size > 0


def test_export_of_one_section_holds_exactly_its_questions(tmp_path):
    bank = load_bank(BANKS[0])
    out = tmp_path / "exam.xml"
    export_bank(bank, "moodle", out, section="exam-demo")
    root = ET.parse(out).getroot()
    names = [
        q.findtext("name/text") for q in root.findall("question") if q.get("type") != "category"
    ]
    assert names == list(bank.sections["exam-demo"].questions)
    category = root.find("question[@type='category']/category/text").text
    assert category.endswith("/Sprawdzian")
