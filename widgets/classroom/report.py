"""The class report as one self-contained HTML file: plotly charts plus the same figures as tables.

plotly.js (the basic bundle from npm, else the wheel's full one) is inlined once (no CDN, no
MathJax), so the file opens offline from a USB stick or an e-mail attachment.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import datetime, timezone
from html import escape
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from ..plotting import plotly_basic_source
from .grading import ClassResults
from .strings import texts

ACCENT = "#1f5fa8"  # dark enough for white bar labels; every bar also carries its value as text
PLOT_CONFIG = {"displaylogo": False, "responsive": True}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:70rem;
padding:1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
.ccr-summary{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.ccr-summary li{border:1px solid #bbb;border-radius:.4rem;padding:.5rem .8rem}
.ccr-summary strong{display:block;font-size:1.3rem}
.ccr-table-wrap{overflow-x:auto}
table.ccr-table{border-collapse:collapse;width:100%;font-size:.95rem}
.ccr-table th,.ccr-table td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;
vertical-align:top}
.ccr-table th{background:#f0f3f7}
.ccr-num{text-align:right;white-space:nowrap}
figure.ccr-figure{margin:1rem 0}
figcaption{font-weight:600}
.ccr-caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
a:focus,button:focus,[tabindex]:focus{outline:3px solid #f5a623;outline-offset:2px}
"""


def _points(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _pct(value: float) -> str:
    return f"{100 * value:.0f}%"


def _figure_html(fig: go.Figure, caption: str, first: bool) -> str:
    fig.update_layout(
        template="plotly_white",
        margin={"l": 10, "r": 10, "t": 30, "b": 40},
        font={"size": 14},
    )
    div = pio.to_html(
        fig,
        full_html=False,
        include_plotlyjs=False,
        include_mathjax=False,
        config=PLOT_CONFIG,
        default_width="100%",
    )
    if first:  # plotly.js once per file, inline: the report opens offline
        div = f'<script type="text/javascript">{plotly_basic_source()}</script>' + div
    return (
        f'<figure class="ccr-figure" role="group" aria-label="{escape(caption)}">'
        f"<figcaption>{escape(caption)}</figcaption>{div}</figure>"
    )


def _charts(results: ClassResults, t: dict[str, str]) -> list[str]:
    if not results.graded:
        return []
    percents = [100 * g.score / g.max_score for g in results.graded if g.max_score]
    # Counted here, as bars of 10 points (100 % joins the last): plotly.js basic has no histogram.
    counts = [0] * 10
    for percent in percents:
        counts[min(int(percent // 10), 9)] += 1
    scores = go.Figure(
        go.Bar(
            x=[10 * band + 5 for band in range(10)],
            y=counts,
            width=10,
            marker_color=ACCENT,
            hovertext=[f"{10 * band}–{10 * band + 10}%: {n}" for band, n in enumerate(counts)],
            hoverinfo="text",
        )
    )
    scores.update_layout(
        xaxis={"title": {"text": t["chart_scores_x"]}, "range": [0, 100]},
        yaxis={"title": {"text": t["chart_scores_y"]}},
        bargap=0.05,
        height=340,
    )
    stats = sorted(results.questions, key=lambda s: s.share_correct)
    questions = go.Figure(
        go.Bar(
            x=[100 * s.share_correct for s in stats],
            y=[s.question.id for s in stats],
            orientation="h",
            marker_color=ACCENT,
            text=[_pct(s.share_correct) for s in stats],
            textposition="auto",
            hovertext=[s.question.prompt for s in stats],
        )
    )
    questions.update_layout(
        xaxis={"title": {"text": t["chart_questions_x"]}, "range": [0, 100]},
        yaxis={"automargin": True},
        height=120 + 28 * len(stats),
    )
    by_topic: dict[str, list[float]] = defaultdict(list)
    for s in results.questions:
        by_topic[s.question.topic or "—"].append(s.mean_points)
    topics = sorted(by_topic)
    means = [statistics.fmean(by_topic[topic]) for topic in topics]
    topic_fig = go.Figure(
        go.Bar(
            x=topics,
            y=means,
            marker_color=ACCENT,
            text=[f"{m:.2f}" for m in means],
            textposition="auto",
        )
    )
    topic_fig.update_layout(
        yaxis={"title": {"text": t["chart_topics_y"]}, "range": [0, 1]}, height=340
    )
    return [
        _figure_html(scores, t["chart_scores"], first=True),
        _figure_html(questions, t["chart_questions"], first=False),
        _figure_html(topic_fig, t["chart_topics"], first=False),
    ]


def _table(headers: list[str], rows: list[list[str]], numeric: set[int], caption: str) -> str:
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="ccr-num">{escape(c)}</td>' if i in numeric else f"<td>{escape(c)}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f'<div class="ccr-table-wrap" role="region" tabindex="0" aria-label="{escape(caption)}">'
        f'<table class="ccr-table"><caption class="ccr-caption">{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def render_report(results: ClassResults) -> str:
    """The whole report page as a string."""
    bank = results.bank
    t = texts(bank.language)
    percents = [100 * g.score / g.max_score for g in results.graded if g.max_score]
    sections = sorted({g.submission.section for g in results.graded})
    summary = [
        (t["graded"], str(len(results.graded))),
        (t["skipped"], str(len(results.skipped))),
        (t["mean_score"], f"{statistics.fmean(percents):.0f}%" if percents else t["none"]),
        (t["median_score"], f"{statistics.median(percents):.0f}%" if percents else t["none"]),
        (t["sections"], ", ".join(sections) or t["none"]),
    ]
    summary_html = "".join(
        f"<li>{escape(label)}<strong>{escape(value)}</strong></li>" for label, value in summary
    )
    question_rows = [
        [
            s.question.id,
            s.question.prompt,
            s.question.topic,
            _pct(s.share_correct),
            f"{s.mean_points:.2f}",
            s.misconception.text if s.misconception else t["none"],
            str(s.misconception.count) if s.misconception else "0",
        ]
        for s in results.questions
    ]
    student_rows = [
        [
            g.student,
            g.submission.section,
            f"{_points(g.score)} / {g.max_score}",
            f"{100 * g.score / g.max_score:.0f}%" if g.max_score else t["none"],
            g.submission.file,
        ]
        for g in sorted(results.graded, key=lambda g: (g.student.casefold(), g.submission.section))
    ]
    skipped = (
        _table(
            [t["file"], t["reason"]],
            [[s.file, s.reason] for s in results.skipped],
            set(),
            t["skipped"],
        )
        if results.skipped
        else f"<p>{escape(t['no_skipped'])}</p>"
    )
    charts = _charts(results, t)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    title = f"{t['report_title']}: {bank.title}" if bank.title else t["report_title"]
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(bank.language)}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body><main>",
        f"<h1>{escape(title)}</h1>",
        f"<p>{escape(t['generated'])}: {stamp} · {escape(bank.bank)} v{bank.version}</p>",
        f'<h2>{escape(t["summary"])}</h2><ul class="ccr-summary">{summary_html}</ul>',
    ]
    if charts:
        parts += [f"<p>{escape(t['charts_note'])}</p>", *charts]
    else:
        parts.append(f"<p>{escape(t['nothing_graded'])}</p>")
    parts += [
        f"<h2>{escape(t['questions'])}</h2>",
        _table(
            [
                "id",
                t["question"],
                t["topic"],
                t["share_correct"],
                t["mean_points"],
                t["misconception"],
                t["misconception_count"],
            ],
            question_rows,
            {3, 4, 6},
            t["questions"],
        ),
        f"<h2>{escape(t['students'])}</h2>",
        _table(
            [t["student"], t["section"], t["score"], "%", t["file"]],
            student_rows,
            {2, 3},
            t["students"],
        ),
        f"<h2>{escape(t['skipped'])}</h2>",
        skipped,
        "</main></body></html>",
    ]
    return "\n".join(parts)


def write_report(results: ClassResults, path: Path) -> None:
    path.write_text(render_report(results), encoding="utf-8")
