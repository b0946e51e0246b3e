"""One book, three languages: per-page <html lang>, a link to the translation, localized labels.

Sphinx builds a whole project in one language, so the page's language comes from its front matter
(`html_lang`), else from its folder (`chapters/pl/...`), and the labels sphinx-exercise writes in the
build language are replaced with its own pl/sv translations.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from importlib import resources
from typing import Any

from sphinx.application import Sphinx

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


def _on_page(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    meta = context.get("meta") or {}
    lang = page_language(pagename, meta)
    context["language"] = lang
    # sphinx-book-theme leaves pydata's mode empty, which logs "Got invalid theme mode" on every page.
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    body = context.get("body")
    if not body:
        return
    if lang in ("pl", "sv"):
        body = localize_exercise_labels(body, lang)
    link = _translation_link(app, pagename, meta, lang)
    if link:
        snippet, uri, other = link
        context["metatags"] = context.get("metatags", "") + (
            f'<link rel="alternate" hreflang="{other}" href="{html.escape(uri)}" />\n'
        )
        body = snippet + body
    context["body"] = body


def setup(app: Sphinx) -> None:
    app.connect("html-page-context", _on_page)
