"""myst-nb mime plugin: a plotly figure's JSON needs no rendering of its own in the book.

`widgets.plotting.show` emits both the plotly mime type (for JupyterLab) and an HTML fallback (for the
book); without this plugin myst-nb warns "skipping unknown output mime type" for the first.
"""

from __future__ import annotations

from typing import Any

PLOTLY_MIME = "application/vnd.plotly.v1+json"


class PlotlyMimeRenderer:
    # Below text/html (30) would still pick HTML; None removes plotly JSON from the choice entirely.
    mime_priority_overrides = [("*", PLOTLY_MIME, None)]

    @staticmethod
    def handle_mime(renderer: Any, data: Any, inline: bool) -> list | None:
        if data.mime_type == PLOTLY_MIME:
            return []
        return None
