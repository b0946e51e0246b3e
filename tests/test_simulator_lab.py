"""In JupyterLab the simulator is a live widget: a control moved in the page reaches the kernel."""

from __future__ import annotations

import time

import pytest
from support.lab import kernel_value, running_notebook

from widgets.simulator import simulate

pytestmark = pytest.mark.lab

CHAPTER = "chapters/pl/simulator.md"


def test_moving_a_control_updates_the_results_in_the_kernel(browser, lab):
    with running_notebook(browser, lab, CHAPTER) as page:
        page.wait_for_selector(".cws", timeout=30_000)
        default_reach = simulate()["totals"]["reach"]
        assert float(kernel_value(page, "simulator.results['reach']")) == pytest.approx(default_reach)

        page.locator('.cws input[type="range"][data-param="followers"]').first.fill("50000")
        expected = simulate(followers=50000)["totals"]["reach"]
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            reach = float(kernel_value(page, "simulator.results['reach']"))
            if reach == pytest.approx(expected):
                break
            time.sleep(0.3)
        assert reach == pytest.approx(expected)
        assert kernel_value(page, "simulator.params['followers']") == "50000"
