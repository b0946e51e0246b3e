"""The simulator in the built book, as a student or an instructor uses it offline (no kernel)."""

from __future__ import annotations

import csv
import io

import pytest
from support.browser import axe_violations

from widgets.simulator import config, simulate

pytestmark = pytest.mark.browser

PAGE = "chapters/pl/simulator.html"


def open_simulator(page, url: str):
    page.goto(url)
    root = page.locator(".cws").first
    root.wait_for()
    page.locator(".cws-chart").first.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.cws').dataset.redraws >= '1'", timeout=20_000)
    return root


def card(root, metric: str, scenario: str = "A") -> str:
    selector = f'.cws-card[data-metric="{metric}"] [data-scenario="{scenario}"] .cws-number-out'
    return root.locator(selector).text_content()


def redraws(root) -> int:
    return int(root.evaluate("el => el.dataset.redraws || '0'"))


def test_moving_a_slider_changes_the_cards_and_the_chart(page, book_url):
    root = open_simulator(page, book_url + PAGE)
    before_reach, before_chart = card(root, "reach"), redraws(root)
    root.locator('input[type="range"][data-param="followers"]').fill("50000")
    page.wait_for_function(f"document.querySelector('.cws').dataset.redraws > '{before_chart}'")
    assert card(root, "reach") != before_reach
    expected = simulate(followers=50000)["totals"]["impressions"]
    shown = int(card(root, "impressions").replace("\u00a0", "").replace(" ", ""))
    assert shown == round(expected)
    assert root.locator('input[data-param="followers"].cws-number').input_value() == "50000"
    assert "NaN" not in root.inner_text()
    page.cw.assert_clean()


def test_an_out_of_range_typed_value_gets_a_message_not_a_nan(page, book_url):
    root = open_simulator(page, book_url + PAGE)
    reach = card(root, "reach")
    box = root.locator('input[data-param="p_like"].cws-number')
    box.fill("150")
    error = root.locator(f"#{box.get_attribute('aria-describedby')}")
    assert error.is_visible()
    assert "0" in error.text_content() and "100" in error.text_content()
    assert box.get_attribute("aria-invalid") == "true"
    box.fill("")
    assert error.is_visible()
    assert card(root, "reach") == reach
    assert "NaN" not in root.inner_text()
    box.fill("5")
    assert not error.is_visible()
    page.cw.assert_clean()


def test_scenario_b_shows_a_second_campaign_side_by_side(page, book_url):
    root = open_simulator(page, book_url + PAGE)
    assert root.locator('[data-scenario="B"]').count() == 0
    root.get_by_label("Porównaj scenariusz A ze scenariuszem B").check()
    assert root.evaluate("el => el.dataset.scenarios") == "2"
    # the default B is the same campaign with giveaways for sharing: more shares
    a = float(card(root, "shares", "A").replace("\u00a0", "").replace(",", "."))
    b = float(card(root, "shares", "B").replace("\u00a0", "").replace(",", "."))
    assert b > a
    assert root.locator(".cws-funnel-scenario").count() == 2
    page.cw.assert_clean()


def test_the_daily_table_downloads_as_csv(page, book_url):
    root = open_simulator(page, book_url + PAGE)
    with page.expect_download() as download_info:
        root.locator(".cws-download").click()
    rows = list(csv.DictReader(io.StringIO(open(download_info.value.path(), encoding="utf-8").read())))
    expected = simulate()["daily"]
    assert len(rows) == len(expected) == 14
    assert float(rows[3]["impressions"]) == pytest.approx(expected[3]["impressions"], rel=1e-9)
    assert {row["scenario"] for row in rows} == {"A"}


@pytest.mark.parametrize("preset_id", ["giveaway", "vanity-metrics", "viral-threshold", "tactics"])
def test_a_preset_link_loads_its_values_into_the_simulator(page, book_url, preset_id):
    preset = config.presets()[preset_id]
    root = open_simulator(page, f"{book_url}{PAGE}?preset={preset_id}")
    assert root.locator(".cws-preset").input_value() == preset_id
    for name, value in preset.params.items():
        scale = 100 if config.params()[name].percent else 1
        shown = float(root.locator(f'input[data-param="{name}"].cws-number').input_value())
        assert shown == pytest.approx(value * scale), name
    for tactic in config.tactics():
        assert root.locator(f'input[data-tactic="{tactic}"]').is_checked() == (tactic in preset.tactics)
    assert root.evaluate("el => el.dataset.scenarios") == ("2" if preset.b else "1")
    page.cw.assert_clean()


def test_projector_mode_enlarges_the_simulator_and_is_remembered(page, book_url):
    root = open_simulator(page, f"{book_url}{PAGE}?present")
    assert "cw-present" in root.get_attribute("class")
    big = root.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
    root = open_simulator(page, f"{book_url}{PAGE}")
    assert "cw-present" in root.get_attribute("class")  # remembered without the parameter
    root.locator(".cw-present-toggle").click()
    assert "cw-present" not in root.get_attribute("class")
    assert root.evaluate("el => parseFloat(getComputedStyle(el).fontSize)") < big
    root = open_simulator(page, f"{book_url}{PAGE}")
    assert "cw-present" not in root.get_attribute("class")


def test_the_simulator_is_accessible_and_fits_a_phone(phone_page, book_url):
    page = phone_page
    root = open_simulator(page, f"{book_url}chapters/sv/simulator.html")
    root.get_by_label("Jämför scenario A med scenario B").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert axe_violations(page, ".cws") == []
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    assert axe_violations(page, ".cws") == []
    page.cw.assert_clean()


def test_the_simulator_speaks_the_page_language(page, book_url):
    root = open_simulator(page, f"{book_url}chapters/sv/simulator.html")
    strings = config.strings()["sv"]
    assert root.locator(".cws-title").text_content() == strings["title"]
    assert strings["tactics"] in root.inner_text()


def test_the_monte_carlo_histogram_renders_offline_when_scrolled_to(page, book_url):
    page.goto(f"{book_url}chapters/sv/simulator.html")
    figure = page.locator(".cw-plot").first
    figure.scroll_into_view_if_needed()
    page.wait_for_selector(".cw-plot .main-svg", timeout=20_000)
    assert page.locator(".cw-plot .bars .point").count() >= 10
    page.cw.assert_clean()


def test_advanced_parameters_start_folded_and_unfold_for_a_preset_that_uses_them(page, book_url):
    root = open_simulator(page, book_url + PAGE)
    audience = root.locator('input[data-param="audience"].cws-number')
    assert not audience.is_visible()
    root.locator(".cws-advanced > summary").click()
    assert audience.is_visible()
    root = open_simulator(page, f"{book_url}{PAGE}?preset=viral-threshold")
    assert root.locator('input[data-param="audience"].cws-number').is_visible()
