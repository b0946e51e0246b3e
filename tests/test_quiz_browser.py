"""The quiz in the built book, as a student uses it in an offline browser (no kernel).

The questions and right answers are read from the widget state embedded in the page, so the
tests hold for whatever bank the book was built with.
"""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from support.book import serve_directory

from widgets.quiz.bank import QUESTION_MODELS
from widgets.quiz.results import read_results
from widgets.quiz.scoring import correct_answer
from widgets.quiz.strings import load_strings
from widgets.quiz.widget import Quiz

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
STATE_SCRIPT = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>', re.DOTALL
)
LOADER = ROOT / "widgets" / "static" / "course-widgets" / "loader.js"


# ---------------------------------------------------------- helpers (also used by the lab test)


def embedded_quiz(page_file: Path, section: str = "practice") -> dict:
    """The state of the page's quiz widget showing `section`."""
    text = page_file.read_text(encoding="utf-8")
    for match in STATE_SCRIPT.finditer(text):
        for entry in json.loads(match.group(1))["state"].values():
            state = entry.get("state", {})
            if state.get("_anywidget_id", "").endswith("Quiz") and state.get("section") == section:
                return state
    raise AssertionError(f"{page_file}: no quiz of section {section!r}")


def questions_of(state: dict) -> list:
    """The page's practice-mode questions as bank models (they carry the right answers)."""
    return [QUESTION_MODELS[view["type"]].model_validate(view) for view in state["questions"]]


def wrong_answer(question):
    """An answer worth 0 points for every question type."""
    if question.type == "single":
        return next(o.id for o in question.options if not o.correct)
    if question.type == "multiple":
        wrong = [o.id for o in question.options if not o.correct]
        return wrong or question.correct_ids[:1]
    if question.type == "truefalse":
        return not question.answer
    if question.type == "classify":
        cats = [c.id for c in question.categories]
        return {i.id: cats[(cats.index(i.category) + 1) % len(cats)] for i in question.items}
    ids = [p.id for p in question.pairs]
    return {pid: ids[(n + 1) % len(ids)] for n, pid in enumerate(ids)}


def box(page, question):
    return page.locator(f'.cwq-q[data-qid="{question.id}"]')


def choose(page, question, answer) -> None:
    """Give `answer` (results-file shape) with the mouse, then press Check if there is one."""
    q = box(page, question)
    if question.type == "single":
        q.locator(f'input[value="{answer}"]').check()
    elif question.type == "multiple":
        for option in question.options:
            q.locator(f'input[value="{option.id}"]').set_checked(option.id in answer)
    elif question.type == "truefalse":
        q.locator(f'input[value="{str(answer).lower()}"]').check()
    elif question.type == "classify":
        for item, category in answer.items():
            q.locator(f'input[data-item="{item}"][value="{category}"]').check()
    else:
        for left, right in answer.items():
            q.locator(f'select[data-pair="{left}"]').select_option(right)
    check = q.locator(".cwq-check")
    if check.count() and check.is_visible():
        check.click()


def open_quiz(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".cwq[data-ready]")


def download(page, button_class: str, folder: Path) -> Path:
    with page.expect_download() as info:
        page.click(f".cwq .{button_class}")
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def strings(lang: str) -> dict[str, str]:
    return load_strings()[lang]


def axe_violations(page, selector: str) -> list[dict]:
    """axe-core violations inside `selector`. No CSSOM preload: axe re-fetches the theme's
    `@import "../basic.css"` relative to the page, not the stylesheet, and logs a 404."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, context=selector, options={"preload": False}).response["violations"]


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)


def ids_in(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


# ------------------------------------------------------------------ the practice chapter


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_all_right_answers_give_full_marks_are_kept_on_reload_and_downloaded(
    page, book_url, book_html, tmp_path, lang
):
    state = embedded_quiz(book_html / "chapters" / lang / "quiz.html")
    questions = questions_of(state)
    t = strings(lang)
    open_quiz(page, f"{book_url}chapters/{lang}/quiz.html")
    for question in questions:
        choose(page, question, correct_answer(question))
    for question in questions:
        assert box(page, question).get_attribute("data-result") == "right"
        assert t["result_right"] in box(page, question).locator(".cwq-feedback").inner_text()
    progress = page.locator(".cwq-progress")
    assert float(progress.get_attribute("data-score")) == len(questions)
    assert page.locator(".cwq-summary").is_visible()
    assert t["summary_all_right"] in page.locator(".cwq-summary").inner_text()

    page.fill(".cwq-name", "Zoë Łoś")
    saved_json = read_results(download(page, "cwq-download-json", tmp_path))
    saved_csv = read_results(download(page, "cwq-download-csv", tmp_path))
    expected = {q.id: correct_answer(q) for q in questions}
    for saved in (saved_json, saved_csv):
        assert saved.answers == expected
        assert saved.score == saved.max_score == len(questions)
        assert (saved.bank, saved.section, saved.language, saved.mode) == (
            state["bank"],
            "practice",
            lang,
            "practice",
        )
        assert saved.student == "Zoë Łoś"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", saved.timestamp)

    page.reload()
    page.wait_for_selector(".cwq[data-ready]")
    for question in questions:
        assert box(page, question).get_attribute("data-result") == "right"
    assert float(page.locator(".cwq-progress").get_attribute("data-score")) == len(questions)
    assert page.input_value(".cwq-name") == "Zoë Łoś"
    page.cw.assert_clean()


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_all_wrong_answers_give_zero_with_feedback_reread_links_and_reset(
    page, book_url, book_html, lang
):
    page_file = book_html / "chapters" / lang / "quiz.html"
    questions = questions_of(embedded_quiz(page_file))
    t = strings(lang)
    open_quiz(page, f"{book_url}chapters/{lang}/quiz.html")
    for question in questions:
        choose(page, question, wrong_answer(question))
    for question in questions:
        q = box(page, question)
        assert q.get_attribute("data-result") == "wrong"
        assert t["result_wrong"] in q.locator(".cwq-feedback").inner_text()
        assert "✗" in q.inner_text() and t["mark_wrong"] in q.inner_text()  # icon and word
        assert q.locator(".cwq-retry").is_visible() and q.locator(".cwq-show").is_visible()
        assert q.locator("input:not([disabled]), select:not([disabled])").count() == 0
    assert float(page.locator(".cwq-progress").get_attribute("data-score")) == 0

    # Choice questions explain the wrong option picked; "Show answer" then marks the right one.
    first = box(page, questions[0])
    first.locator(".cwq-show").click()
    assert first.locator('[data-result="answer"], [data-result="right"]').count() >= 1
    revealed = first.inner_text()
    assert t["mark_correct_answer"] in revealed or t["correct_is"].split("{")[0] in revealed
    assert not first.locator(".cwq-retry").is_visible()

    # Try again unlocks a question; a right answer then counts.
    second = box(page, questions[1])
    second.locator(".cwq-retry").click()
    choose(page, questions[1], correct_answer(questions[1]))
    assert second.get_attribute("data-result") == "right"
    assert float(page.locator(".cwq-progress").get_attribute("data-score")) == 1

    summary = page.locator(".cwq-summary")
    assert summary.is_visible()
    links = summary.locator("a")
    assert links.count() >= 1
    for href in links.evaluate_all("els => els.map(a => a.getAttribute('href'))"):
        parts = urlsplit(href)
        assert parts.path.endswith(".html") and parts.fragment, href
        target = page_file.parent / parts.path
        assert target.exists(), f"reread link {href} leads nowhere"
        assert parts.fragment in ids_in(target), f"{href}: no #{parts.fragment} in {target.name}"

    # Reset asks first (inline); Cancel keeps everything, Yes clears it and the saved state.
    page.click(".cwq-reset")
    assert page.locator(".cwq-confirm").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('cwq-no')")
    page.click(".cwq-confirm .cwq-no")
    assert box(page, questions[2]).get_attribute("data-result") == "wrong"
    page.click(".cwq-reset")
    page.click(".cwq-confirm .cwq-yes")
    assert page.locator(".cwq [data-result]").count() == 0
    assert page.locator(".cwq input:checked").count() == 0
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('cwq:')).length") == 0
    page.cw.assert_clean()


def _press(page, key: str, times: int = 1) -> None:
    for _ in range(times):
        page.keyboard.press(key)


def test_classify_and_match_can_be_completed_with_the_keyboard_alone(page, book_url, book_html):
    questions = questions_of(embedded_quiz(book_html / "chapters" / "pl" / "quiz.html"))
    open_quiz(page, f"{book_url}chapters/pl/quiz.html")
    done = set()
    for question in questions:
        if question.type not in ("classify", "match") or question.type in done:
            continue
        done.add(question.type)
        q = box(page, question)
        # Start from the question's first control, as a Tab from the previous question lands there.
        q.locator(".cwq-input").first.focus()
        if question.type == "classify":
            cats = [c.id for c in question.categories]
            for n, item in enumerate(question.items):
                if n:
                    _press(page, "Tab")  # next item's radio group
                _press(
                    page, "Space"
                )  # an untouched radio group: Space picks the focused first radio
                _press(page, "ArrowRight", cats.index(item.category))
        else:
            for n, pair in enumerate(question.pairs):
                if n:
                    _press(page, "Tab")
                select = q.locator(f'select[data-pair="{pair.id}"]')
                values = select.evaluate("s => Array.from(s.options).map(o => o.value)")
                _press(page, "ArrowDown", values.index(pair.id))
        _press(page, "Tab")  # to Check
        assert page.evaluate("document.activeElement.classList.contains('cwq-check')")
        _press(page, "Enter")
        assert q.get_attribute("data-result") == "right", question.id
    assert done == {"classify", "match"}
    page.cw.assert_clean()


def test_quiz_has_no_accessibility_violations_and_fits_a_phone(phone_page, book_url, book_html):
    questions = questions_of(embedded_quiz(book_html / "chapters" / "pl" / "quiz.html"))
    page = phone_page
    open_quiz(page, f"{book_url}chapters/pl/quiz.html")
    # Show every state the quiz has: right, wrong with feedback, revealed answer, summary.
    for n, question in enumerate(questions):
        choose(page, question, correct_answer(question) if n % 2 else wrong_answer(question))
    box(page, questions[0]).locator(".cwq-show").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page, ".cwq") == []
    page.evaluate("document.documentElement.dataset.theme = 'dark'")  # the theme's dark mode
    assert axe_violations(page, ".cwq") == []
    page.cw.assert_clean()


def test_projector_mode_enlarges_the_quiz(page, book_url):
    open_quiz(page, f"{book_url}chapters/pl/quiz.html?present")
    root = page.locator(".cwq")
    assert "cw-present" in root.get_attribute("class")
    size = float(root.evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    page.click(".cwq .cw-present-toggle")
    assert "cw-present" not in root.get_attribute("class")
    assert float(root.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) < size


# ------------------------------------------------------------------ exam mode (a page of its own)


def _static_page(folder: Path, quiz: Quiz, lang: str) -> Path:
    """A minimal page embedding the widget as myst-nb does, rendered by the book's loader."""
    state = {
        "model_name": "AnyModel",
        "model_module": "anywidget",
        "model_module_version": "*",
        "state": quiz.get_state(),
    }
    model_id = "quiz-model"
    shutil.copy(LOADER, folder / "loader.js")
    page = folder / "exam.html"
    page.write_text(
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>exam</title>'
        '<script src="loader.js" defer></script></head><body><main>'
        '<script type="application/vnd.jupyter.widget-state+json">'
        + json.dumps({"version_major": 2, "version_minor": 0, "state": {model_id: state}})
        + '</script><script type="application/vnd.jupyter.widget-view+json">'
        + json.dumps({"version_major": 2, "version_minor": 0, "model_id": model_id})
        + "</script></main></body></html>",
        encoding="utf-8",
    )
    return page


def test_exam_mode_shows_no_answers_locks_on_submit_and_downloads_unscored_results(page, tmp_path):
    bank_file = ROOT / "tests" / "fixtures" / "quiz" / "sv" / "quiz.yml"
    quiz = Quiz.from_bank(bank_file, section="exam-demo")
    site = tmp_path / "site"
    site.mkdir()
    page_file = _static_page(site, quiz, "sv")
    from widgets.quiz.bank import load_bank

    bank = load_bank(bank_file)
    questions = bank.questions_of("exam-demo")
    t = strings("sv")
    html = page_file.read_text(encoding="utf-8")
    for question in questions:
        for part in getattr(question, "options", []) + getattr(question, "items", []):
            assert part.feedback not in html
    with serve_directory(site) as url:
        open_quiz(page, f"{url}exam.html")
        assert page.locator(".cwq-check").count() == 0
        assert not page.locator(".cwq-download-json").is_visible()  # downloads wait for Submit
        answers = {q.id: correct_answer(q) for q in questions[:-1]}  # the last one left empty
        for question in questions[:-1]:
            choose(page, question, answers[question.id])
        assert page.locator(".cwq [data-result]").count() == 0  # no feedback at all
        page.click(".cwq-submit")
        assert "1" in page.locator(".cwq-confirm").inner_text()  # one question unanswered
        page.click(".cwq-confirm .cwq-yes")
        assert page.locator(".cwq-q input:not([disabled])").count() == 0
        assert t["submitted"] in page.locator(".cwq-announce").inner_text()
        saved = read_results(download(page, "cwq-download-json", tmp_path))
        page.reload()
        page.wait_for_selector(".cwq[data-ready]")
        assert page.locator(".cwq-q input:not([disabled])").count() == 0  # still locked
        body = page.locator("body").inner_text()
    assert saved.mode == "exam" and saved.section == "exam-demo"
    assert saved.answers == answers
    assert (saved.score, saved.max_score, saved.points) == (None, None, None)
    assert t["result_right"] not in body and t["mark_correct_answer"] not in body
    page.cw.assert_clean()
