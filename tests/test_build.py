"""The book builds clean, and its table of contents and chapter folders agree."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("pl", "sv")


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]
    for part in toc.get("parts", []):
        files += [chapter["file"] for chapter in part["chapters"]]
    return files


def test_book_builds_with_zero_warnings(book_build):
    assert book_build.returncode == 0, book_build.log[-4000:]
    warnings = [line for line in book_build.log.splitlines() if re.search(r"\bWARNING\b", line)
                and "Kernel is running over TCP" not in line]
    assert warnings == []


def test_every_toc_entry_exists():
    missing = [f for f in toc_files() if not (ROOT / f"{f}.md").exists()]
    assert missing == []


def test_every_chapter_file_is_in_the_toc():
    listed = set(toc_files())
    on_disk = {str(p.relative_to(ROOT).with_suffix("")) for p in (ROOT / "chapters").rglob("*.md")}
    assert on_disk - listed == set()


def test_both_languages_have_the_same_chapters_in_the_same_order():
    per_lang = {lang: [Path(f).name for f in toc_files() if f.startswith(f"chapters/{lang}/")]
                for lang in LANGS}
    assert per_lang["pl"] == per_lang["sv"]
    assert len(per_lang["pl"]) >= 2


def test_chapters_are_myst_notebooks_with_a_python_kernel():
    for path in (ROOT / "chapters").rglob("*.md"):
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
        assert front["jupytext"]["text_representation"]["format_name"] == "myst", path
        assert front["kernelspec"]["name"] == "python3", path
        assert front["html_lang"] == path.parent.name, path


def test_a_cell_that_raises_fails_the_build(tmp_path):
    """A broken chapter must never ship as a page with a traceback."""
    from support.book import build_book

    (tmp_path / "_config.yml").write_text((ROOT / "_config.yml").read_text(encoding="utf-8"))
    (tmp_path / "package.json").write_text((ROOT / "package.json").read_text(encoding="utf-8"))
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: intro\n")
    (tmp_path / "intro.md").write_text(
        "---\njupytext:\n  text_representation:\n    format_name: myst\n"
        "kernelspec:\n  name: python3\n  display_name: Python 3\n---\n# Broken\n\n"
        "```{code-cell} ipython3\nraise ValueError('broken on purpose')\n```\n"
    )
    build = build_book(tmp_path)
    assert build.returncode != 0
    # myst-nb names the failing notebook in the log and writes its traceback to a report file.
    assert "intro" in build.log and "[mystnb.exec]" in build.log
    reports = list((build.html / "reports").glob("intro*.log"))
    assert reports and "broken on purpose" in reports[0].read_text(encoding="utf-8")


def test_no_two_chapters_share_the_code_the_execution_cache_is_keyed_on():
    """jupyter-cache keys outputs on the code cells alone: two chapters with the same code would
    get the same outputs (the Polish quiz on the Swedish page). Widget cells name their language."""
    import jupytext

    seen: dict[tuple[str, ...], str] = {}
    for name in toc_files():
        path = ROOT / f"{name}.md"
        notebook = jupytext.read(path, fmt="md:myst")
        cells = tuple(c.source.strip() for c in notebook.cells if c.cell_type == "code")
        if not cells:
            continue
        assert cells not in seen, f"{name} has the same code as {seen[cells]}"
        seen[cells] = name
