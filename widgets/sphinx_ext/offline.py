"""Keep the built book free of requests to other hosts.

- serves the widget loader (and a MathJax stand-in) from the book's own `_static`;
- vendors plotly.js (basic bundle, from npm via package.json) into `_static`, built by the build itself;
- drops every script or stylesheet with an absolute URL (thebe from unpkg, CDNs) and thebe's config
  script, which sphinx-thebe inserts twice even when thebe is off (a console SyntaxError).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
LOADER = "course-widgets/loader.js"
PLOTLY_PACKAGE = "plotly.js-basic-dist-min"
PLOTLY_FILE = "plotly-basic.min.js"
VENDOR_DIR = Path("_static") / "course-widgets" / "vendor"


def _is_external(uri: object) -> bool:
    text = str(uri or "")
    return text.startswith(("http://", "https://", "//"))


def plotly_bundle(srcdir: Path) -> Path:
    """Path of the vendored plotly.js bundle, running `npm ci` once if node_modules lacks it."""
    bundle = srcdir / "node_modules" / PLOTLY_PACKAGE / PLOTLY_FILE
    if bundle.exists():
        return bundle
    if not (srcdir / "package.json").exists():
        raise ExtensionError(f"{srcdir}/package.json is missing: cannot vendor {PLOTLY_PACKAGE}")
    npm = shutil.which("npm")
    if npm is None:
        raise ExtensionError(f"npm is needed once to vendor {PLOTLY_PACKAGE} (install Node.js)")
    logger.info(f"[course] vendoring {PLOTLY_PACKAGE} with npm ci")
    done = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
        cwd=srcdir,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0 or not bundle.exists():
        raise ExtensionError(f"npm ci failed, {PLOTLY_PACKAGE} not vendored:\n{done.stderr[-2000:]}")
    return bundle


def _add_static_path(app: Sphinx) -> None:
    app.config.html_static_path.append(str(STATIC_DIR))
    plotly_bundle(Path(app.srcdir))


def _copy_vendored(app: Sphinx, exception: Exception | None) -> None:
    # Copied at the end of every build: Sphinx copies static files only when a document changed.
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / VENDOR_DIR
    target.mkdir(parents=True, exist_ok=True)
    source = plotly_bundle(Path(app.srcdir))
    dest = target / PLOTLY_FILE
    if not dest.exists() or dest.stat().st_size != source.stat().st_size:
        shutil.copyfile(source, dest)


def _clean_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    scripts = context.get("script_files", [])
    has_loader = any(LOADER in str(getattr(s, "filename", s) or "") for s in scripts)
    if "cw-plot" in (context.get("body") or "") and not has_loader:
        # A plotly figure on a page without widgets still needs the loader's loadPlotly().
        app.add_js_file(LOADER, defer="")  # added to this page only (Sphinx resets per page)
    kept = []
    for script in context.get("script_files", []):
        uri = getattr(script, "filename", script)
        body = (getattr(script, "attributes", {}) or {}).get("body", "") or ""
        if _is_external(uri) or "THEBE" in body or "thebe" in str(uri or ""):
            continue
        kept.append(script)
    context["script_files"][:] = kept
    context["css_files"][:] = [
        css for css in context.get("css_files", []) if not _is_external(getattr(css, "filename", css))
    ]


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("course-widgets/course.css")
    app.connect("html-page-context", _clean_assets, priority=900)
    app.connect("build-finished", _copy_vendored)
