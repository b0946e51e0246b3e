"""The chapters carry the seed articles whole: every heading, paragraph, list item and quote, in order.

Only the obvious typos listed in TYPO_FIXES may differ (see ../shared/NOTES.md); links of the original
web site become glossary terms, whose visible text must stay the seed's text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
# The source articles, verbatim (from ../shared/seeds/), kept in the repository so this runs anywhere.
SOURCES = {"pl": ROOT / "sources" / "pl-article.txt", "sv": ROOT / "sources" / "sv-article.txt"}
SHARED_SEEDS = {"pl": ROOT.parent / "shared" / "seeds" / "000_5ab1d403d85fb1f2.txt",
                "sv": ROOT.parent / "shared" / "seeds" / "003_fcf1a791422b9706.txt"}

# The only edits allowed to the seed text: a stray ",." after a link.
TYPO_FIXES = ((",.", ","),)


def seed_text(lang: str) -> str:
    return SOURCES[lang].read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_the_kept_sources_are_the_seed_articles_verbatim(lang):
    if not SHARED_SEEDS[lang].exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    assert seed_text(lang) == SHARED_SEEDS[lang].read_text(encoding="utf-8")


def split_front_matter(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def normalize(text: str) -> str:
    """Text as a reader sees it: no markdown syntax, roles reduced to their visible text."""
    text = re.sub(r"\{term\}`([^`<]+?)\s*<[^`]+>`", r"\1", text)  # {term}`shown <target>`
    text = re.sub(r"\{\w+\}`([^`]+)`", r"\1", text)  # {term}`shown`
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [text](url)
    text = re.sub(r"[*_]{1,2}([^*_]+)[*_]{1,2}", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def seed_blocks(lang: str) -> list[str]:
    """Headings, paragraphs, list items and quotes of the seed, without their markdown markers."""
    _, body = split_front_matter(seed_text(lang))
    for wrong, right in TYPO_FIXES:
        body = body.replace(wrong, right)
    blocks = []
    # A heading is a block of its own even when no blank line follows it.
    body = re.sub(r"^(#.*)$", r"\1\n", body, flags=re.M)
    for block in re.split(r"\n\s*\n", body):
        block = re.sub(r"^(#+|>|-)\s*", "", block.strip())
        if block:
            blocks.append(normalize(block))
    return blocks


def chapter(lang: str) -> str:
    return (ROOT / "chapters" / lang / "article.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_every_block_of_the_seed_is_in_the_chapter_in_the_seed_order(lang):
    text = normalize(chapter(lang))
    position = 0
    for block in seed_blocks(lang):
        found = text.find(block, position)
        assert found >= 0, f"chapters/{lang}/article.md lacks (or misorders) the seed's: {block!r}"
        position = found + len(block)


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_the_seed_front_matter_becomes_title_and_meta(lang):
    seed_front, _ = split_front_matter(seed_text(lang))
    front, body = split_front_matter(chapter(lang))
    assert re.search(r"^# (.+)$", body, re.M).group(1) == seed_front["title"]
    assert front["myst"]["html_meta"]["description"] == seed_front["description"]
    assert front["myst"]["html_meta"]["keywords"] == seed_front["keywords"]


@pytest.mark.parametrize("lang", ["pl", "sv"])
def test_no_site_relative_link_of_the_original_web_site_is_left(lang):
    assert not re.search(r"\]\(/", chapter(lang))


def test_the_seed_quote_is_a_blockquote_and_the_highlights_an_admonition():
    for lang in ("pl", "sv"):
        text = chapter(lang)
        quote = next(b for b in seed_text(lang).split("\n\n") if b.startswith("> ") and len(b) > 5)
        assert quote.strip() in text
        assert re.search(rf"\({lang}-highlights\)=\n:::\{{admonition\}}", text)
