"""The same campaign as a random process: many seeded runs, for the spread of outcomes.

Each run draws what the expected-value model (model.py) averages: how many followers see the posts,
who shares, how many of a sharer's followers are new to the campaign, who likes, clicks and orders.
Runs are vectorised with numpy (one array element per run), so 10,000 runs take a fraction of a second.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .model import MAX_GENERATIONS, effective_probabilities, rates
from .validation import check_params, check_tactics

QUANTILES = {"q05": 0.05, "q25": 0.25, "q50": 0.5, "q75": 0.75, "q95": 0.95}
OUTPUTS = (
    "reach", "impressions", "organic_impressions", "viral_impressions", "likes", "comments",
    "shares", "clicks", "orders", "revenue", "cascade_depth", "engagement_rate_reach",
    "engagement_rate_impressions", "engagement_rate_followers", "amplification_rate",
    "applause_rate", "conversation_rate", "virality_rate", "click_through_rate",
)


def monte_carlo(runs: int = 1000, seed: int | None = 0, **params: Any) -> dict[str, Any]:
    """Run the campaign `runs` times with a seeded generator.

    Returns {"runs", "seed", "params", "tactics", "samples": {output: array of runs},
    "summary": {output: {"mean", "std", "q05", "q25", "q50", "q75", "q95"}}}.
    Raises ValueError for bad parameters or a `runs` that is not a positive whole number.
    """
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= 1_000_000:
        raise ValueError(f"'runs' must be a whole number between 1 and 1000000, got {runs!r}")
    tactic_ids = check_tactics(params.get("tactics"))
    values = check_params(params)
    p = effective_probabilities(values, tactic_ids)
    rng = np.random.default_rng(seed)

    audience = int(values["audience"])
    followers = int(min(values["followers"], audience))
    posts = values["posts_per_day"]
    spread = values["sharer_followers"] * values["share_reach"]
    seen_today = 1.0 - (1.0 - p["organic_reach"]) ** posts

    unseen = np.full(runs, followers, dtype=np.int64)
    reached = np.zeros(runs, dtype=np.int64)
    totals = {key: np.zeros(runs, dtype=np.float64) for key in (
        "reach", "impressions", "organic_impressions", "viral_impressions", "likes", "comments",
        "shares", "clicks", "orders", "revenue")}
    depth = np.zeros(runs, dtype=np.int64)

    for _day in range(int(values["days"])):
        organic = rng.poisson(posts * followers * p["organic_reach"], runs)
        fresh = np.minimum(np.minimum(rng.binomial(unseen, seen_today), organic), audience - reached)
        unseen -= fresh
        reached += fresh
        viral = np.zeros(runs, dtype=np.int64)
        sharers = rng.binomial(organic, p["p_share"])
        for generation in range(1, MAX_GENERATIONS + 1):
            if not sharers.any():
                break
            chance = np.minimum(sharers * (spread / audience), 1.0)
            new = rng.binomial(audience - reached, chance)
            reached += new
            viral += new
            depth = np.where(new >= 1, np.maximum(depth, generation), depth)
            sharers = rng.binomial(new, p["p_share"])
        impressions = organic + viral
        clicks = rng.binomial(impressions, p["p_click"])
        orders = rng.binomial(clicks, p["conversion"])
        for key, value in (
            ("reach", fresh + viral), ("impressions", impressions), ("organic_impressions", organic),
            ("viral_impressions", viral), ("likes", rng.binomial(impressions, p["p_like"])),
            ("comments", rng.binomial(impressions, p["p_comment"])),
            ("shares", rng.binomial(impressions, p["p_share"])), ("clicks", clicks),
            ("orders", orders), ("revenue", orders * values["order_value"]),
        ):
            totals[key] += value

    samples = dict(totals)
    samples["cascade_depth"] = depth.astype(np.float64)
    samples.update({key: value for key, value in rates(totals, values, _divide).items()
                    if key in OUTPUTS})
    summary = {key: _summary(samples[key]) for key in OUTPUTS}
    return {"runs": runs, "seed": seed, "params": values, "tactics": tactic_ids,
            "samples": samples, "summary": summary}


def _divide(numerator: np.ndarray, denominator: np.ndarray | float) -> np.ndarray:
    """Element-wise numerator / denominator, 0 where the denominator is 0 (never NaN)."""
    denominator = np.broadcast_to(np.asarray(denominator, dtype=np.float64), numerator.shape)
    out = np.zeros_like(numerator)
    np.divide(numerator, denominator, out=out, where=denominator > 0)
    return out


def _summary(sample: np.ndarray) -> dict[str, float]:
    quantiles = np.quantile(sample, list(QUANTILES.values()))
    result = {"mean": float(sample.mean()), "std": float(sample.std())}
    result.update({name: float(q) for name, q in zip(QUANTILES, quantiles, strict=True)})
    return result


__all__ = ["monte_carlo"]
