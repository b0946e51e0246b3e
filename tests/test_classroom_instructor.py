"""The instructor guides (chapters/*/instructor.md) agree with the bank, the CLI and each other."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml

from widgets.classroom.__main__ import _parser
from widgets.classroom.answer_key import answer_key_html
from widgets.classroom.quizbank import load_bank

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_BANK = ROOT / "tests" / "fixtures" / "classroom" / "pl" / "quiz.yml"
GUIDES = {lang: ROOT / "chapters" / lang / "instructor.md" for lang in ("pl", "sv")}
PRESETS_FILE = ROOT / "widgets" / "simulator" / "presets.yml"
LESSON_PRESETS = ("vanity-metrics", "giveaway", "viral-threshold", "tactics")
SLIDE = '+++ {"slideshow": {"slide_type": "slide"}}'


def guide(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("lang,other", [("pl", "sv"), ("sv", "pl")])
def test_guide_declares_its_language_and_its_translation(lang, other):
    meta = front_matter(guide(lang))
    assert meta["html_lang"] == lang
    assert meta["translation"] == f"../{other}/instructor"
    assert meta["jupytext"]["text_representation"]["format_name"] == "myst"


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_every_section_starts_a_rise_slide(lang):
    lines = guide(lang).splitlines()
    in_code = False
    for number, line in enumerate(lines):
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith(("# ", "## ")):
            # A heading follows its slide marker, optionally after a MyST label and a blank line.
            before = [ln for ln in lines[max(0, number - 4) : number] if ln.strip()]
            assert SLIDE in before, f"{lang}: no slide marker before {line!r}"


def test_both_languages_have_the_same_sections_and_labels():
    def labels(text: str) -> list[str]:
        return [
            label.split("-", 1)[1] for label in re.findall(r"^\(([a-z]{2}-[^)]+)\)=$", text, re.M)
        ]

    assert labels(guide("pl")) == labels(guide("sv"))
    assert guide("pl").count(SLIDE) == guide("sv").count(SLIDE)
    assert len(labels(guide("pl"))) >= 10


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_no_placeholder_is_left_in_the_guide(lang):
    for placeholder in (
        "OBJECTIVES_TABLE",
        "DEMOS",
        "EXERCISE_KEYS",
        "SIMULATOR_KEYS",
        "MISCONCEPTIONS",
        "TODO",
    ):
        assert placeholder not in guide(lang)


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_each_lesson_demo_is_one_click_away_and_names_a_real_preset(lang):
    links = re.findall(r'href="simulator\.html\?preset=([a-z0-9-]+)"', guide(lang))
    assert sorted(set(links)) == sorted(LESSON_PRESETS)
    if PRESETS_FILE.exists():
        text = PRESETS_FILE.read_text(encoding="utf-8")
        for preset in LESSON_PRESETS:
            assert re.search(rf"\b{re.escape(preset)}\b", text), f"{preset} not in presets.yml"


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_objectives_table_maps_every_quiz_question_and_names_only_real_ones(lang):
    bank_path = ROOT / "chapters" / lang / "quiz.yml"
    if not bank_path.exists():
        pytest.skip("the course bank is not written yet")
    bank = load_bank(bank_path)
    text = guide(lang)
    start = text.index(f"({lang}-instructor-objectives)=")
    table = text[start : text.index(SLIDE, start)]
    named = set(re.findall(r"`([a-z0-9-]+)`", table))
    unknown = named - set(bank.questions) - set(bank.sections)
    assert not unknown, f"the objectives table names unknown question ids: {sorted(unknown)}"
    assert set(bank.questions) <= named, f"not mapped: {sorted(set(bank.questions) - named)}"


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_every_command_in_the_guide_is_accepted_by_the_cli(lang):
    commands = [
        line for line in guide(lang).splitlines() if line.startswith("python -m widgets.classroom ")
    ]
    assert len(commands) >= 5
    for command in commands:
        args = shlex.split(command)[3:]
        parsed = _parser().parse_args(args)
        bank = Path(parsed.bank)
        assert bank.as_posix() == f"chapters/{lang}/quiz.yml", command


def test_answer_key_shows_the_right_answer_of_every_question_type():
    html = answer_key_html(load_bank(FIXTURE_BANK))
    assert "<code>def-vendors</code>" in html
    assert "a) Ze sprzedawcami internetowymi" in html  # single
    assert (
        "a) Głosowanie na styl produktu; b) Filmy pokazujące produkt w użyciu" in html
    )  # multiple
    assert "Trzeba" not in html and "<td>Prawda</td>" in html  # truefalse, in the bank's language
    assert (
        "Zakupy społecznościowe: Znajomi porównują buty na czacie, Forum opinii kupujących" in html
    )
    assert "Coca-Cola → #ShareACoke" in html
    assert "&lt;b&gt;znaczniki&lt;/b&gt;" in html  # bank text is escaped, never markup
    assert "Tylko z kupującymi" not in html  # a wrong option is not in the key
