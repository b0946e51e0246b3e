"""The simulator widget: controls, cards, chart and A/B comparison of a campaign, as an anywidget.

The expected-value model runs in the page (model.js), so the static book needs no kernel. In a live
kernel the page sends the chosen parameters (`params`) and Python recomputes `results` and `daily`
with model.py, so a student can take the numbers into their own code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..esm import bundle
from ..plotting import serve_plotly
from . import config
from .model import simulate

HERE = Path(__file__).parent


class Simulator(anywidget.AnyWidget):
    """`Simulator(followers=5000, tactics=["video"])`; any parameter of params.yml may be given."""

    _esm = bundle(HERE / "simulator.js")
    _css = (HERE / "simulator.css").read_text(encoding="utf-8")

    config = traitlets.Dict().tag(sync=True)
    strings = traitlets.Dict().tag(sync=True)
    lang = traitlets.Unicode("").tag(sync=True)
    params = traitlets.Dict().tag(sync=True)
    # Python-side results of `params` (not synced back: the page computes its own with model.js).
    results = traitlets.Dict()
    daily = traitlets.List()

    def __init__(self, lang: str = "", **params: Any) -> None:
        outcome = simulate(**params)  # raises ValueError for bad input before anything is shown
        super().__init__(
            config=config.as_json(),
            strings=config.strings(),
            lang=lang,
            params={**outcome["params"], "tactics": outcome["tactics"]},
        )
        self._store(outcome)
        serve_plotly(self)

    def _store(self, outcome: dict[str, Any]) -> None:
        self.results = outcome["totals"]
        self.daily = outcome["daily"]

    @traitlets.validate("params")
    def _valid_params(self, proposal: dict[str, Any]) -> dict[str, Any]:
        simulate(**proposal["value"])
        return proposal["value"]

    @traitlets.observe("params")
    def _recompute(self, change: dict[str, Any]) -> None:
        self._store(simulate(**change["new"]))
