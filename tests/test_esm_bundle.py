"""widgets.esm.bundle: a widget's ES module and its local imports become one `_esm` string."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from widgets.esm import BundleError, bundle

IMPORT_STATEMENT = re.compile(r"^\s*import\s", re.MULTILINE)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_local_imports_are_inlined_once_and_the_bundle_runs_in_node(tmp_path):
    write(tmp_path, "lib/math.js", "export function double(x) { return 2 * x; }\nexport const ONE = 1;\n")
    write(tmp_path, "lib/more.js", 'import { double } from "./math.js";\n'
          "export function quadruple(x) { return double(double(x)); }\n")
    entry = write(
        tmp_path, "entry.js",
        'import { double, ONE as one } from "./lib/math.js";\n'
        'import { quadruple } from "./lib/more.js";\n'
        "export default { value: double(one) + quadruple(one) };\n",
    )
    source = bundle(entry)
    assert not IMPORT_STATEMENT.search(source)
    assert source.count("function double") == 1
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    out = tmp_path / "bundle.mjs"
    out.write_text(source)
    run = subprocess.run(
        ["node", "--input-type=module", "-e", f"import m from '{out}'; console.log(m.value);"],
        capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "6"


def test_an_unsupported_import_form_is_refused_with_the_file_named(tmp_path):
    entry = write(tmp_path, "entry.js", 'import * as everything from "./x.js";\nexport default {};\n')
    write(tmp_path, "x.js", "export const a = 1;\n")
    with pytest.raises(BundleError, match="entry.js"):
        bundle(entry)


def test_a_missing_imported_file_is_reported(tmp_path):
    entry = write(tmp_path, "entry.js", 'import { a } from "./nowhere.js";\nexport default {};\n')
    with pytest.raises(BundleError, match="nowhere.js"):
        bundle(entry)


def test_the_shared_helpers_bundle_into_a_module_with_no_imports():
    root = Path(__file__).resolve().parents[1] / "widgets" / "js" / "common.js"
    assert not IMPORT_STATEMENT.search(bundle(root))
