"""Bundle a widget's ES module and its local imports into one `_esm` string.

anywidget ships `_esm` as a single module (a blob URL in the browser), so relative imports cannot be
resolved there. The JS sources stay real ES modules (node --test imports them directly); this inliner
handles exactly the form the project uses: ``import { a, b } from "./file.js";``.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_IMPORT = re.compile(r'^import\s*\{([^}]*)\}\s*from\s*"(\.{1,2}/[^"]+\.js)";\s*$', re.MULTILINE)
_EXPORT_DECL = re.compile(
    r"^export\s+(?:async\s+)?(?:function\*?|const|let|class)\s+([A-Za-z_$][\w$]*)", re.MULTILINE
)
_EXPORT_DEFAULT = re.compile(r"^export\s+default\s+", re.MULTILINE)


class BundleError(ValueError):
    """A widget's JavaScript uses an import form the bundler does not support."""


def _module_var(path: Path, root: Path) -> str:
    rel = path.relative_to(root) if path.is_relative_to(root) else Path(path.name)
    return "__mod_" + re.sub(r"\W", "_", str(rel.with_suffix("")))


def _names(spec: str) -> list[tuple[str, str]]:
    pairs = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        name, _, alias = part.partition(" as ")
        pairs.append((name.strip(), (alias or name).strip()))
    return pairs


def _inline(path: Path, root: Path, done: dict[Path, str], order: list[str]) -> str:
    """Return the source of `path` with its local imports replaced by references to inlined modules."""
    source = path.read_text(encoding="utf-8")

    def replace(match: re.Match[str]) -> str:
        dep = (path.parent / match.group(2)).resolve()
        if not dep.exists():
            raise BundleError(f"{path}: imports missing file {match.group(2)}")
        if dep not in done:
            done[dep] = _module_var(dep, root)
            body = _inline(dep, root, done, order)
            exports = _EXPORT_DECL.findall(body)
            if _EXPORT_DEFAULT.search(body):
                raise BundleError(f"{dep}: an imported module must use named exports only")
            body = re.sub(r"^export\s+", "", body, flags=re.MULTILINE)
            order.append(
                f"const {done[dep]} = (() => {{\n{body}\nreturn {{ {', '.join(exports)} }};\n}})();\n"
            )
        binds = ", ".join(n if n == a else f"{n}: {a}" for n, a in _names(match.group(1)))
        return f"const {{ {binds} }} = {done[dep]};"

    out = _IMPORT.sub(replace, source)
    if re.search(r"^import\s", out, flags=re.MULTILINE):
        raise BundleError(f"{path}: only `import {{ ... }} from \"./file.js\";` imports are supported")
    return out


@cache
def bundle(entry: Path) -> str:
    """Return `entry` as one ES module with every local import inlined, once each."""
    entry = Path(entry).resolve()
    root = Path(__file__).parent.resolve()
    order: list[str] = []
    main = _inline(entry, root, {entry: "__entry"}, order)
    return "".join(order) + main
