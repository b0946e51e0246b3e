"""The course's Sphinx extension: page language, localized exercise labels, external assets."""

from __future__ import annotations

from widgets.sphinx_ext.offline import _is_external
from widgets.sphinx_ext.page_language import localize_exercise_labels, page_language


def test_page_language_comes_from_front_matter_then_folder_then_english():
    assert page_language("chapters/sv/quiz", {"html_lang": "pl"}) == "pl"
    assert page_language("chapters/sv/quiz", {}) == "sv"
    assert page_language("chapters/pl/article", None) == "pl"
    assert page_language("intro", {}) == "en"


def test_exercise_labels_are_written_in_the_page_language():
    body = ('<p class="admonition-title"><span class="caption-number">Exercise 1 </span></p>'
            '<p class="admonition-title">Solution to<a class="reference internal" href="#x"> '
            "Exercise 1</a></p>")
    polish = localize_exercise_labels(body, "pl")
    assert "Ćwiczenie 1" in polish and "Rozwiązanie" in polish and "Exercise" not in polish
    swedish = localize_exercise_labels(body, "sv")
    assert "Övning 1" in swedish and "Lösning till" in swedish and "Exercise" not in swedish
    assert localize_exercise_labels(body, "en") == body


def test_only_absolute_urls_count_as_external():
    assert _is_external("https://unpkg.com/thebe@0.8/lib/index.js")
    assert _is_external("//cdn.example.org/x.js")
    assert not _is_external("_static/course-widgets/loader.js")
    assert not _is_external(None)
