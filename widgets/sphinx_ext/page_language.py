"""One book, three languages: per-page <html lang>, a link to the translation, localized labels.

Sphinx builds a whole project in one language, so the page's language comes from its front matter
(`html_lang`), else from its folder (`chapters/pl/...`), and the labels sphinx-exercise writes in the
build language are replaced with its own pl/sv translations.
"""

from __future__ import annotations

import gettext
import html
import json
import posixpath
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..strings import load_strings

LANGUAGE_NAMES = {"pl": "Polski", "sv": "Svenska", "en": "English"}
TRANSLATION_PROMPT = {"pl": "Ta strona po szwedzku", "sv": "Den här sidan på polska"}
SOLUTION_PHRASES = {
    "pl": (r"Rozwiązanie do(<a [^>]*>\s*)Ćwiczenie", r"Rozwiązanie\1ćwiczenia"),
    "sv": (r"Lösning till(<a [^>]*>\s*)Övning", r"Lösning till\1övning"),
}
_FOLDER_LANG = re.compile(r"^chapters/(pl|sv)/")


def page_language(pagename: str, meta: dict[str, Any] | None) -> str:
    """The language of a page: front matter `html_lang`, else its chapters/<lang>/ folder, else en."""
    declared = str((meta or {}).get("html_lang", "")).strip()
    if declared:
        return declared
    match = _FOLDER_LANG.match(pagename)
    return match.group(1) if match else "en"


@cache
def exercise_labels(lang: str) -> dict[str, str]:
    """sphinx-exercise's own translations of its labels ("Exercise", "Solution to")."""
    labels = {}
    folder = resources.files("sphinx_exercise") / "translations" / "jsons"
    for name, key in (("Exercise.json", "Exercise"), ("Solution.json", "Solution to")):
        for entry in json.loads((folder / name).read_text(encoding="utf-8")):
            if entry["symbol"] == lang:
                labels[key] = entry["text"]
    return labels


def localize_exercise_labels(body: str, lang: str) -> str:
    labels = exercise_labels(lang)
    if not labels:
        return body
    if "Solution to" in labels:
        body = body.replace(">Solution to<", f">{labels['Solution to']}<")
        body = re.sub(r"(admonition-title\">)Solution to", rf"\g<1>{labels['Solution to']}", body)
    if "Exercise" in labels:
        body = re.sub(r"(>\s*)Exercise(&#160;|\s)(\d|\()", rf"\g<1>{labels['Exercise']}\g<2>\g<3>", body)
    # "Solution to" + "Exercise N" reads wrongly once translated; say it as a native speaker would.
    if lang in SOLUTION_PHRASES:
        body = re.sub(*SOLUTION_PHRASES[lang], body)
    return body


def _translation_link(app: Sphinx, pagename: str, meta: dict[str, Any], lang: str) -> str:
    target = str(meta.get("translation", "")).strip()
    if not target:
        return ""
    docname = posixpath.normpath(posixpath.join(posixpath.dirname(pagename), target))
    if docname not in app.env.found_docs:
        from sphinx.util import logging

        logging.getLogger(__name__).warning(
            f"{pagename}: translation '{target}' is not a document", location=pagename
        )
        return ""
    other = page_language(docname, app.env.metadata.get(docname, {}))
    uri = app.builder.get_relative_uri(pagename, docname)
    return (
        f'<p class="cw-translation"><span>{html.escape(TRANSLATION_PROMPT.get(lang, ""))}:</span> '
        f'<a href="{html.escape(uri)}" hreflang="{other}" lang="{other}">'
        f"{LANGUAGE_NAMES.get(other, other)}</a></p>\n"
    ), uri, other


class _Words(gettext.NullTranslations):
    """A few translations kept in chrome.yml, in front of the catalogs that lack them."""

    def __init__(self, words: dict[str, str]) -> None:
        super().__init__()
        self.words = words

    def gettext(self, message: str) -> str:
        if message in self.words:
            return self.words[message]
        return super().gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return super().ngettext(singular, plural, n)


def chrome_words() -> dict[str, dict[str, str]]:
    return load_strings(Path(__file__).with_name("chrome.yml"), ("pl", "sv"), "pl")


@cache
def chrome_translations(lang: str) -> gettext.NullTranslations:
    """The page chrome ("Search", "Skip to main content", "Contents") in the page's language:
    our chrome.yml first, then sphinx-book-theme's, pydata's and Sphinx's own catalogs."""
    catalogs = []
    book = (resources.files("sphinx_book_theme") / "theme" / "sphinx_book_theme" / "static" / "locales"
            / lang / "LC_MESSAGES" / "booktheme.mo")
    if book.is_file():
        catalogs.append(book)
    for package in ("pydata_sphinx_theme", "sphinx"):
        path = resources.files(package) / "locale" / lang / "LC_MESSAGES" / "sphinx.mo"
        if path.is_file():
            catalogs.append(path)
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for path in reversed(catalogs):
        with path.open("rb") as handle:
            translations = gettext.GNUTranslations(handle)
        translations.add_fallback(chain)
        chain = translations
    words = _Words(chrome_words().get(lang, {}))
    words.add_fallback(chain)
    return words


def _translate_buttons(buttons: list[dict[str, Any]], translate: Any) -> list[dict[str, Any]]:
    """sphinx-book-theme's header buttons carry English tooltips made before the page is known."""
    out = []
    for button in buttons:
        button = dict(button)
        for key in ("tooltip", "text", "label"):
            value = button.get(key)
            if isinstance(value, str) and value:
                if value.startswith("Launch on "):
                    button[key] = f"{translate('Launch on')} {value[len('Launch on '):]}"
                else:
                    button[key] = translate(value)
        if isinstance(button.get("buttons"), list):
            button["buttons"] = _translate_buttons(button["buttons"], translate)
        out.append(button)
    return out


def _translate_chrome(app: Sphinx, context: dict[str, Any], lang: str) -> None:
    templates = getattr(app.builder, "templates", None)
    environment = getattr(templates, "environment", None)
    if environment is None or not hasattr(environment, "install_gettext_translations"):
        return
    translations = chrome_translations(lang) if lang in ("pl", "sv") else app.translator
    environment.install_gettext_translations(translations)
    if lang in ("pl", "sv"):
        # sphinx-book-theme translates through a function of its own in the page context.
        context["translate"] = translations.gettext
        context["theme_search_bar_text"] = translations.gettext("Search") + "..."
        if isinstance(context.get("header_buttons"), list):
            context["header_buttons"] = _translate_buttons(context["header_buttons"], translations.gettext)


def _on_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    meta = context.get("meta") or {}
    lang = page_language(pagename, meta)
    context["language"] = lang
    _translate_chrome(app, context, lang)
    # sphinx-book-theme leaves pydata's mode empty, which logs "Got invalid theme mode" on every page.
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    body = context.get("body")
    if not body:
        return
    if lang in ("pl", "sv"):
        body = localize_exercise_labels(body, lang)
        # The heading permalinks are written with the build's language, before the page is known.
        heading_link = chrome_translations(lang).gettext("Link to this heading")
        body = body.replace('title="Link to this heading"', f'title="{html.escape(heading_link)}"')
    link = _translation_link(app, pagename, meta, lang)
    if link:
        snippet, uri, other = link
        context["metatags"] = context.get("metatags", "") + (
            f'<link rel="alternate" hreflang="{other}" href="{html.escape(uri)}" />\n'
        )
        body = snippet + body
    context["body"] = body


def setup(app: Sphinx) -> None:
    # After sphinx-book-theme's handler (priority 500), which sets its own `translate`.
    app.connect("html-page-context", _on_page, priority=600)
