"""Plotly without a CDN: figures and widgets that render in JupyterLab and in the static book.

plotly's own HTML renderer loads MathJax from a CDN and its default mime bundle is skipped by
myst-nb, so figures are shown through `show`, and widgets get plotly.js from the kernel via
`serve_plotly` (the static book serves its own vendored copy instead).
"""

from __future__ import annotations

import json
import uuid
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import plotly.io as pio

PLOTLY_MIME = "application/vnd.plotly.v1+json"


@lru_cache(maxsize=1)
def plotly_js_source() -> str:
    """The plotly.js bundle shipped inside the plotly wheel (no network)."""
    return (resources.files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")


def plotly_basic_source() -> str:
    """plotly.js basic (scatter, bar, pie; 1.2 MB) from the project's npm folder when it is there,
    else the full bundle from the wheel (4.8 MB): for self-contained HTML files such as reports."""
    basic = (Path(__file__).resolve().parents[1] / "node_modules" / "plotly.js-basic-dist-min"
             / "plotly-basic.min.js")
    return basic.read_text(encoding="utf-8") if basic.is_file() else plotly_js_source()


def serve_plotly(widget: Any) -> None:
    """Answer the widget's `plotly-request` message with the plotly.js source (live kernels only)."""

    def on_msg(_widget: Any, content: dict, _buffers: list) -> None:
        if isinstance(content, dict) and content.get("type") == "plotly-request":
            widget.send({"type": "plotly-source", "source": plotly_js_source()})

    widget.on_msg(on_msg)


class PlotlyFigure:
    """A figure whose mime bundle suits both JupyterLab (plotly mime) and the static book (HTML)."""

    def __init__(self, fig: go.Figure) -> None:
        self.fig = fig

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, Any]:
        spec = json.loads(pio.to_json(self.fig, validate=True))
        div_id = f"cw-plot-{uuid.uuid4().hex[:12]}"
        payload = json.dumps(spec).replace("</", "<\\/")
        title = (self.fig.layout.title.text or "") if self.fig.layout.title else ""
        html = (
            f'<div id="{div_id}" class="cw-plot" role="img" aria-label="{_escape(title)}"'
            ' style="min-height:360px"></div>'
            "<script>(function(){"
            f"var spec={payload};"
            "var draw=function(P){P.newPlot("
            f"'{div_id}',spec.data,spec.layout,{{responsive:true,displaylogo:false}});}};"
            "var start=function(){"
            "if(window.Plotly){draw(window.Plotly);}"
            "else if(window.courseWidgets){window.courseWidgets.loadPlotly().then(draw);}"
            # The page's loader is deferred: queue the drawing until it has run.
            "else{(window.__cwPending=window.__cwPending||[]).push(function(cw){"
            "cw.loadPlotly().then(draw);});}};"
            # plotly.js (about 1 MB) is fetched only when a figure comes near the screen.
            f"var el=document.getElementById('{div_id}');"
            "if(window.IntersectionObserver){var seen=new IntersectionObserver(function(es){"
            "if(es.some(function(e){return e.isIntersecting;})){seen.disconnect();start();}}"
            ",{rootMargin:'300px'});seen.observe(el);}else{start();}"
            "})();</script>"
        )
        return {PLOTLY_MIME: spec, "text/html": html}


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def show(fig: go.Figure) -> PlotlyFigure:
    """Return a displayable figure; the last expression of a cell, like a figure itself."""
    return PlotlyFigure(fig)
