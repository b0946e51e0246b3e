"""Every page of the built book, as a student's offline browser sees it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from test_build import toc_files

PAGES = [f"{name}.html" for name in toc_files()]


def page_language(page_path: str) -> str:
    match = re.match(r"chapters/(pl|sv)/", page_path)
    return match.group(1) if match else "en"


class _Links(HTMLParser):
    """Collects link targets and element ids of a page's article (theme chrome left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self._in_article = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "article":
            self._in_article += 1
        if tag == "a" and self._in_article and values.get("href"):
            self.links.append(values["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self._in_article:
            self._in_article -= 1


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("page_path", PAGES)
def test_no_link_in_an_article_leads_nowhere(book_html: Path, page_path: str):
    page = book_html / page_path
    broken = []
    for href in parse(page).links:
        parts = urlsplit(href)
        if parts.scheme in ("http", "https", "mailto") or href.startswith("//"):
            continue
        target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
        if not target.exists():
            broken.append(f"{href}: no such file")
        elif parts.fragment and parts.fragment not in parse(target).ids:
            broken.append(f"{href}: no #{parts.fragment} in {target.name}")
    assert broken == []


@pytest.mark.parametrize("page_path", PAGES)
def test_page_loads_offline_with_no_error_and_its_own_language(page, book_url: str, page_path: str):
    page.goto(book_url + page_path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.lang") == page_language(page_path)
    assert page.locator("article h1").first.is_visible()
    page.cw.assert_clean()


@pytest.mark.parametrize("page_path", [p for p in PAGES if p.startswith("chapters/pl/")])
def test_language_switch_leads_to_the_same_page_in_the_other_language(
    page, book_url: str, page_path: str
):
    page.goto(book_url + page_path)
    page.locator(".cw-translation a[hreflang=sv]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(page_path.replace("chapters/pl/", "chapters/sv/"))
    assert page.evaluate("document.documentElement.lang") == "sv"
    page.locator(".cw-translation a[hreflang=pl]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith(page_path)


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_glossary_terms_in_the_article_open_their_definition(page, book_url: str, lang: str):
    page.goto(f"{book_url}chapters/{lang}/article.html")
    terms = page.locator("article a.reference:has(span.xref.std-term)")
    assert terms.count() >= 3
    first = terms.first
    label = first.inner_text().strip()
    first.click()
    page.wait_for_load_state("load")
    assert "glossary.html#" in page.url
    target = page.url.split("#", 1)[1]
    definition = page.locator(f"[id='{target}']")
    assert definition.is_visible()
    assert page.evaluate("document.documentElement.lang") == lang
    assert label
    page.cw.assert_clean()


def test_landing_page_offers_a_clear_choice_of_language(page, book_url: str):
    page.goto(book_url + "intro.html")
    article = page.locator("article")
    for name, target in (("Polski", "chapters/pl/"), ("Svenska", "chapters/sv/")):
        link = article.get_by_role("link", name=re.compile(name))
        assert link.count() >= 1, name
        assert target in link.first.get_attribute("href")


@pytest.mark.parametrize("page_path", [p for p in PAGES if p.startswith("chapters/")])
def test_launch_button_opens_the_chapter_as_a_notebook_in_jupyterlab_on_main(
    book_html: Path, page_path: str
):
    html = (book_html / page_path).read_text(encoding="utf-8")
    links = re.findall(r'href="(https://mybinder\.org/v2/gh/[^"]+)"', html)
    assert links, "no Binder launch button"
    chapter = page_path.replace(".html", ".md")
    assert any(link.endswith(f"/main?urlpath=lab/tree/{chapter}") for link in links), links


@pytest.mark.parametrize("page_path", PAGES)
def test_page_fits_a_phone_screen_without_sideways_scrolling(phone_page, book_url: str, page_path: str):
    phone_page.goto(book_url + page_path)
    phone_page.wait_for_load_state("networkidle")
    overflow = phone_page.evaluate(
        """() => [...document.querySelectorAll('article *')]
              .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                           && !e.closest('.pst-scrollable-table-container, .highlight, pre, .bd-toc'))
              .slice(0, 3).map(e => e.tagName + ': ' + (e.textContent || '').slice(0, 40))"""
    )
    assert overflow == [], f"{page_path} overflows a 360 px screen: {overflow}"


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_article_page_carries_the_seed_description_and_keywords(book_html: Path, lang: str):
    text = (book_html / "chapters" / lang / "article.html").read_text(encoding="utf-8")
    assert re.search(r'<meta content="[^"]{40,}" name="description"', text)
    assert '<meta content="Personal Finance,Budgeting and Savings" name="keywords"' in text


@pytest.mark.parametrize("page_path", [p for p in PAGES if p.startswith("chapters/")])
def test_every_widget_on_a_page_speaks_the_page_language(book_html: Path, page_path: str):
    import json

    text = (book_html / page_path).read_text(encoding="utf-8")
    match = re.search(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>',
                      text, re.DOTALL)
    if not match:
        return
    for model in json.loads(match.group(1))["state"].values():
        lang = model["state"].get("lang")
        if lang is not None:
            assert lang == page_language(page_path), f"{page_path}: a widget in '{lang}'"


@pytest.mark.parametrize("page_path", PAGES)
def test_the_theme_chrome_speaks_the_page_language(book_html: Path, page_path: str):
    from widgets.sphinx_ext.page_language import chrome_words

    text = (book_html / page_path).read_text(encoding="utf-8")
    lang = page_language(page_path)
    skip = chrome_words()[lang]["Skip to main content"] if lang != "en" else "Skip to main content"
    assert skip in text
    if lang != "en":
        assert "Skip to main content" not in text
        assert 'title="Link to this heading"' not in text
