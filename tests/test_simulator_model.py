"""The campaign model (expected value and Monte Carlo): its promises, checked over many inputs."""

from __future__ import annotations

import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.simulator import config, monte_carlo, simulate

PARAMS = config.params()


def value_of(name: str):
    spec = PARAMS[name]
    if spec.integer:
        # keep the model fast: days and audience drive the loop lengths, not the meaning
        high = {"days": 30, "audience": 5_000_000, "followers": 2_000_000}.get(name, spec.max)
        return st.integers(int(spec.min), int(high))
    return st.floats(spec.min, spec.max, allow_nan=False)


campaigns = st.fixed_dictionaries(
    {name: value_of(name) for name in PARAMS},
    optional={"tactics": st.lists(st.sampled_from(list(config.tactics())), unique=True)},
)
# SIM_EXAMPLES=3000 searches harder for counterexamples (the default keeps `make test` quick).
fast = settings(max_examples=int(os.environ.get("SIM_EXAMPLES", 150)), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])


@fast
@given(campaigns)
def test_likes_comments_shares_and_clicks_never_exceed_impressions(params):
    for row in simulate(**params)["daily"] + [simulate(**params)["totals"]]:
        for key in ("likes", "comments", "shares", "clicks"):
            assert row[key] <= row["impressions"] * (1 + 1e-12) + 1e-9, key
        assert row["orders"] <= row["clicks"] * (1 + 1e-12) + 1e-9


@fast
@given(campaigns)
def test_zero_share_probability_gives_no_viral_impressions(params):
    totals = simulate(**{**params, "p_share": 0.0})["totals"]
    assert totals["viral_impressions"] == 0
    assert totals["r"] == 0


@fast
@given(campaigns, st.integers(1, 100_000))
def test_more_followers_never_give_fewer_impressions(params, extra):
    more = min(params["followers"] + extra, PARAMS["followers"].max)
    before = simulate(**params)["totals"]["impressions"]
    after = simulate(**{**params, "followers": more})["totals"]["impressions"]
    assert after >= before * (1 - 1e-9)


@fast
@given(campaigns)
def test_totals_equal_the_sum_of_the_days(params):
    outcome = simulate(**params)
    for key in ("reach", "impressions", "likes", "comments", "shares", "clicks", "orders", "revenue"):
        assert math.isclose(outcome["totals"][key], sum(row[key] for row in outcome["daily"]),
                            rel_tol=1e-9, abs_tol=1e-9), key
    assert len(outcome["daily"]) == params["days"]


@fast
@given(campaigns)
def test_saturation_bounds_reach_by_the_audience_even_when_r_is_above_one(params):
    totals = simulate(**params)["totals"]
    assert totals["reach"] <= params["audience"] * (1 + 1e-9)
    assert all(math.isfinite(v) for v in totals.values())


def test_a_viral_campaign_saturates_instead_of_exploding():
    totals = simulate(followers=1000, p_share=0.5, sharer_followers=1000, share_reach=1.0,
                      audience=50_000, days=30)["totals"]
    assert totals["r"] == 500
    assert totals["reach"] == pytest.approx(50_000)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"followers": -1}, "'followers' must be a whole number between 0 and 10000000, got -1"),
        ({"p_like": 1.5}, "'p_like' must be a number between 0 and 1, got 1.5"),
        ({"p_share": float("nan")}, "'p_share' must be a number between 0 and 1, got nan"),
        ({"days": 2.5}, "'days' must be a whole number between 1 and 90, got 2.5"),
        ({"followers": "many"}, "'followers' must be a whole number between 0 and 10000000, got 'many'"),
        ({"folowers": 10}, "unknown parameter 'folowers'"),
        ({"tactics": ["bribes"]}, "unknown tactic 'bribes'"),
    ],
)
def test_bad_input_raises_a_value_error_naming_the_parameter_and_its_range(params, message):
    with pytest.raises(ValueError) as caught:
        simulate(**params)
    assert message in str(caught.value)
    with pytest.raises(ValueError):
        monte_carlo(runs=10, **params)


def test_monte_carlo_means_converge_to_the_expected_value_model():
    params = {"followers": 20_000, "p_share": 0.01, "sharer_followers": 300, "share_reach": 0.2,
              "audience": 1_000_000, "days": 10, "tactics": ["video"]}
    expected = simulate(**params)["totals"]
    runs = monte_carlo(runs=3000, seed=7, **params)["summary"]
    for key in ("reach", "impressions", "viral_impressions", "likes", "shares", "clicks", "orders"):
        assert runs[key]["mean"] == pytest.approx(expected[key], rel=0.03), key


def test_monte_carlo_is_reproducible_from_its_seed_and_orders_its_quantiles():
    first = monte_carlo(runs=200, seed=3, followers=5000)
    again = monte_carlo(runs=200, seed=3, followers=5000)
    other = monte_carlo(runs=200, seed=4, followers=5000)
    assert first["summary"] == again["summary"]
    assert first["summary"]["impressions"] != other["summary"]["impressions"]
    reach = first["summary"]["reach"]
    assert reach["q05"] <= reach["q25"] <= reach["q50"] <= reach["q75"] <= reach["q95"]
    assert len(first["samples"]["reach"]) == 200


def test_platform_presets_reproduce_the_cited_median_engagement_rates():
    platforms = {k: p for k, p in config.presets().items() if p.kind == "platform"}
    assert len(platforms) >= 3
    for preset_id, preset in platforms.items():
        values = {**config.defaults(), **preset.params}
        rate = values["organic_reach"] * (values["p_like"] + values["p_comment"] + values["p_share"])
        assert rate == pytest.approx(preset.median_engagement_rate, rel=0.02), preset_id


def test_every_lesson_demo_preset_runs_and_compares_two_scenarios():
    for demo in ("vanity-metrics", "giveaway", "viral-threshold", "tactics"):
        preset = config.presets()[demo]
        assert preset.kind == "demo" and preset.b is not None
        simulate(**preset.params, tactics=preset.tactics)
        simulate(**preset.b.params, tactics=preset.b.tactics)


def test_a_preset_naming_an_unknown_parameter_fails_on_load(tmp_path, monkeypatch):
    bad = tmp_path / "presets.yml"
    bad.write_text("oops:\n  kind: demo\n  label: {pl: a, sv: b, en: c}\n  params: {folowers: 3}\n")
    monkeypatch.setattr(config, "HERE", tmp_path)
    config.presets.cache_clear()
    try:
        with pytest.raises(config.ConfigError, match="'oops': unknown parameter 'folowers'"):
            config.presets()
    finally:
        monkeypatch.undo()
        config.presets.cache_clear()
