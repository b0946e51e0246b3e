"""The expected-value campaign model: what the widget shows, day by day.

model.js is the same model in JavaScript (the widget's copy, for the static book); the two must
agree to 1e-9 (tests/test_simulator_parity.py). Change both together, in the same order of
operations. The formulas are explained in the simulator chapter.
"""

from __future__ import annotations

from typing import Any

from . import config
from .validation import check_params, check_tactics

# A day's share cascade stops here at the latest; with saturation it has long converged by then.
MAX_GENERATIONS = 100
# Fewer expected new viewers than this end a cascade (a fraction of one person, far below display).
NEGLIGIBLE = 1e-9
DAILY_KEYS = (
    "day", "reach", "cumulative_reach", "impressions", "organic_impressions", "viral_impressions",
    "likes", "comments", "shares", "clicks", "orders", "revenue", "cascade_depth",
)


def effective_probabilities(values: dict[str, float], tactic_ids: list[str]) -> dict[str, float]:
    """The probabilities after the chosen tactics' factors, each capped at 1."""
    effective = {key: values[key] for key in config.EFFECT_KEYS}
    for tactic_id in tactic_ids:
        for key, factor in config.tactics()[tactic_id].effects.items():
            effective[key] = effective[key] * factor
    return {key: min(1.0, value) for key, value in effective.items()}


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else 0.0


def rates(totals: dict[str, Any], values: dict[str, float], divide: Any = ratio) -> dict[str, Any]:
    """The standard social-media rates of a campaign's totals (0 where a denominator is 0).

    `divide` is `ratio` for numbers; the Monte Carlo model passes an element-wise one for arrays.
    """
    posts = values["posts_per_day"] * values["days"]
    engagements = totals["likes"] + totals["comments"] + totals["shares"]
    return {
        "posts": posts,
        "engagements": engagements,
        "engagement_rate_reach": divide(engagements, totals["reach"]),
        "engagement_rate_impressions": divide(engagements, totals["impressions"]),
        "engagement_rate_followers": divide(engagements, values["followers"] * posts),
        "amplification_rate": divide(totals["shares"], posts),
        "applause_rate": divide(totals["likes"], posts),
        "conversation_rate": divide(totals["comments"], posts),
        "virality_rate": divide(totals["shares"], totals["reach"]),
        "click_through_rate": divide(totals["clicks"], totals["impressions"]),
    }


def simulate(**params: Any) -> dict[str, Any]:
    """Expected reach, impressions, engagement, clicks, orders and revenue of a campaign.

    Keyword arguments are the parameters of params.yml (defaults for those not given) and
    `tactics`, a list of tactic ids. Returns {"params", "tactics", "effective", "daily", "totals"}.
    Raises ValueError naming a bad parameter and its allowed range.
    """
    tactic_ids = check_tactics(params.get("tactics"))
    values = check_params(params)
    p = effective_probabilities(values, tactic_ids)
    audience = values["audience"]
    followers = min(values["followers"], audience)
    posts = values["posts_per_day"]
    spread = values["sharer_followers"] * values["share_reach"]
    r = p["p_share"] * spread
    # Chance that a follower sees none of a day's posts.
    miss = (1.0 - p["organic_reach"]) ** posts
    unseen = 1.0  # share of followers not yet reached by the brand's own posts
    reached = 0.0
    daily = []
    for day in range(1, int(values["days"]) + 1):
        organic = posts * followers * p["organic_reach"]
        # New people among today's organic viewers: never more than the views themselves.
        fresh = min(followers * unseen * (1.0 - miss), organic, audience - reached)
        unseen = unseen * miss
        reached = reached + fresh
        day_reach = fresh
        viral = 0.0
        depth = 0
        sharers = organic * p["p_share"]
        for generation in range(1, MAX_GENERATIONS + 1):
            remaining = audience - reached
            if remaining <= 0 or sharers <= 0:
                break
            new = min(sharers * spread * (remaining / audience), remaining)
            if new < NEGLIGIBLE:
                break
            reached = reached + new
            viral = viral + new
            day_reach = day_reach + new
            if new >= 1:
                depth = generation
            sharers = new * p["p_share"]
        impressions = organic + viral
        clicks = impressions * p["p_click"]
        orders = clicks * p["conversion"]
        daily.append({
            "day": day,
            "reach": day_reach,
            "cumulative_reach": reached,
            "impressions": impressions,
            "organic_impressions": organic,
            "viral_impressions": viral,
            "likes": impressions * p["p_like"],
            "comments": impressions * p["p_comment"],
            "shares": impressions * p["p_share"],
            "clicks": clicks,
            "orders": orders,
            "revenue": orders * values["order_value"],
            "cascade_depth": depth,
        })
    totals = {key: 0.0 for key in DAILY_KEYS if key not in ("day", "cumulative_reach", "cascade_depth")}
    for row in daily:
        for key in totals:
            totals[key] = totals[key] + row[key]
    totals["cascade_depth"] = max((row["cascade_depth"] for row in daily), default=0)
    totals.update(rates(totals, values))
    totals["r"] = r
    return {"params": values, "tactics": tactic_ids, "effective": p, "daily": daily, "totals": totals}
