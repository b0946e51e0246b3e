"""The class report opens from disk in headless Chromium, draws its charts, asks no other host."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.classroom.__main__ import main

FIXTURES = Path(__file__).parent / "fixtures" / "classroom"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("classroom-report")
    assert (
        main(
            [
                "grade",
                str(FIXTURES / "sv" / "quiz.yml"),
                str(FIXTURES / "results"),
                "--out",
                str(out),
            ]
        )
        == 0
    )
    return out / "report.html"


def test_report_renders_its_three_charts_offline_without_errors(page, report):
    page.goto(report.as_uri())
    page.wait_for_selector("figure.ccr-figure .main-svg", state="attached")
    page.wait_for_function(
        "document.querySelectorAll('figure.ccr-figure .plot-container').length === 3"
    )
    bands = page.locator("figure.ccr-figure").nth(0).locator("g.point")
    assert bands.count() == 10  # the score distribution, in bands of 10 points
    bars = page.locator("figure.ccr-figure").nth(1).locator("g.point")
    assert bars.count() == 6  # one bar per question answered in the fixture class
    assert page.evaluate("document.documentElement.lang") == "sv"
    page.cw.assert_clean()


def test_report_tables_list_every_skipped_file_with_its_reason(page, report):
    page.goto(report.as_uri())
    skipped_table = page.get_by_role("region", name="Överhoppade filer")
    text = skipped_table.text_content()
    for name in ("broken-malformed.json", "broken-other-version.json", "notes.txt"):
        assert name in text
    assert "another bank version: 2" in text
