"""In a real JupyterLab, every chapter opens as a notebook and runs top to bottom without error."""

from __future__ import annotations

import pytest
from support.lab import open_notebook, run_all_cells
from test_build import toc_files

CHAPTERS = [f"{name}.md" for name in toc_files() if name.startswith("chapters/")]

pytestmark = pytest.mark.lab


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_opens_as_a_notebook_and_runs_without_error(browser, lab, chapter):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        cells = open_notebook(page, lab, chapter)
        assert cells >= 1
        result = run_all_cells(page)
        assert result["path"] == chapter
        assert result["notebook"], "the chapter opened as text, not as a notebook"
        assert result["errors"] == []
    finally:
        context.close()
