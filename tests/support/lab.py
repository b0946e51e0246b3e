"""A real JupyterLab for tests: isolated Jupyter dirs, 127.0.0.1 only, MyST files open as notebooks."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OVERRIDES = Path(__file__).resolve().parents[2] / "binder" / "overrides.json"


@dataclass
class LabServer:
    url: str  # ends without a slash
    token: str
    root: Path

    def tree_url(self, relpath: str) -> str:
        return f"{self.url}/lab/tree/{relpath}?reset&token={self.token}"


def install_overrides(prefix: Path = Path(sys.prefix)) -> Path:
    """JupyterLab reads default viewers from {sys.prefix}/share/jupyter/lab/settings/overrides.json."""
    target = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text() != OVERRIDES.read_text():
        shutil.copyfile(OVERRIDES, target)
    return target


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def start_lab(root: Path, home: Path, timeout: float = 90) -> Iterator[LabServer]:
    install_overrides()
    env = dict(os.environ)
    for name in ("config", "data", "runtime", "settings", "workspaces"):
        (home / name).mkdir(parents=True, exist_ok=True)
    env.update(
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_PLATFORM_DIRS="1",
    )
    token = secrets.token_hex(16)
    port = _free_port()
    log = open(home / "lab.log", "w")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        [
            sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
            "--ip=127.0.0.1", f"--port={port}", f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root}", "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as response:
                    json.load(response)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log_text = (home / "lab.log").read_text()
                    raise RuntimeError(f"JupyterLab did not start:\n{log_text}") from None
                time.sleep(0.5)
        yield LabServer(url=url, token=token, root=root)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


# JavaScript run in the Lab page (window.jupyterapp exists with expose_app_in_browser).
_WAIT_NOTEBOOK = """async () => {
  for (let i = 0; i < 1200; i++) {
    const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    if (w && w.sessionContext && w.content && w.content.widgets) {
      await w.context.ready;
      if (w.sessionContext.session && w.sessionContext.session.kernel) return w.content.widgets.length;
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error('no notebook with a kernel opened');
}"""

_RUN_ALL = """async () => {
  const app = window.jupyterapp;
  const panel = app.shell.currentWidget;
  await app.commands.execute('notebook:run-all-cells');
  const kernel = panel.sessionContext.session.kernel;
  // run-all resolves when cells are queued; wait for the kernel to go idle with nothing pending.
  for (let i = 0; i < 1200; i++) {
    const busy = panel.content.widgets.some(c => c.model.type === 'code' &&
      (c.promptNode && /\\*/.test(c.promptNode.textContent)));
    if (!busy && kernel.status === 'idle') break;
    await new Promise(r => setTimeout(r, 100));
  }
  const errors = [];
  panel.content.widgets.forEach((c, i) => {
    if (c.model.type !== 'code') return;
    const outs = c.model.outputs.toJSON();
    outs.filter(o => o.output_type === 'error')
      .forEach(o => errors.push(`cell ${i}: ${o.ename}: ${o.evalue}`));
  });
  return { cells: panel.content.widgets.length, errors, model: panel.context.model.constructor.name,
           notebook: !!panel.content.widgets && !!panel.context.model.cells,
           path: panel.context.path };
}"""

_KERNEL_EVAL = """async (code) => {
  const panel = window.jupyterapp.shell.currentWidget;
  const kernel = panel.sessionContext.session.kernel;
  const future = kernel.requestExecute({ code, store_history: false });
  let text = '';
  future.onIOPub = (msg) => {
    const c = msg.content;
    if (msg.header.msg_type === 'stream') text += c.text;
    if (msg.header.msg_type === 'execute_result') text += (c.data['text/plain'] || '');
    if (msg.header.msg_type === 'error') text += `ERROR ${c.ename}: ${c.evalue}`;
  };
  await future.done;
  return text;
}"""


def open_notebook(page, lab: LabServer, relpath: str) -> int:
    """Open `relpath` in JupyterLab (a MyST .md opens as a notebook); return its cell count."""
    page.goto(lab.tree_url(relpath))
    return page.evaluate(_WAIT_NOTEBOOK)


def run_all_cells(page) -> dict:
    """Run every cell and wait; returns {cells, errors, notebook, path}."""
    return page.evaluate(_RUN_ALL)


def kernel_eval(page, code: str) -> str:
    """Run `code` in the open notebook's kernel (its namespace); return printed text."""
    return page.evaluate(_KERNEL_EVAL, code)


def kernel_value(page, expression: str) -> str:
    """What `print(expression)` shows in the kernel of the open notebook."""
    return kernel_eval(page, f"print({expression})").strip()


@contextmanager
def running_notebook(browser, lab: LabServer, relpath: str) -> Iterator:
    """A fresh page with `relpath` open as a notebook whose cells have all run without error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        open_notebook(page, lab, relpath)
        result = run_all_cells(page)
        assert result["errors"] == [], result["errors"]
        yield page
    finally:
        context.close()
