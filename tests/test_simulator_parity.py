"""model.js gives the same numbers as model.py: with node, and inside Chromium (the widget's engine)."""

from __future__ import annotations

import json
import math
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from widgets.simulator import config, simulate

ROOT = Path(__file__).resolve().parents[1]
MODEL_JS = ROOT / "widgets" / "simulator" / "model.js"
NODE_TEST = ROOT / "tests" / "js" / "simulator_parity.test.mjs"


def parameter_sets() -> list[dict]:
    """Random campaigns plus the edges: zeros, ones, R above 1, a tiny audience, every tactic."""
    rng = random.Random(20261124)
    specs = config.params()
    cases = [{}, {"p_share": 0.0}, {"followers": 0}, {"organic_reach": 1.0, "p_like": 1.0},
             {"p_share": 0.5, "sharer_followers": 1000, "share_reach": 1.0, "audience": 10_000},
             {"audience": 1, "followers": 10}, {"posts_per_day": 0.5, "days": 90},
             {"tactics": list(config.tactics())},
             {"p_share": 0.025, "sharer_followers": 300, "share_reach": 0.15, "followers": 5000}]
    for preset in config.presets().values():
        cases.append({**preset.params, "tactics": preset.tactics})
    for _ in range(60):
        case = {}
        for name, spec in specs.items():
            if rng.random() < 0.6:
                if spec.integer:
                    high = min(spec.max, 5_000_000)
                    high = 60 if name == "days" else high
                    case[name] = rng.randint(int(spec.min), int(high))
                else:
                    case[name] = rng.uniform(spec.min, spec.max) ** (3 if spec.percent else 1)
        case["tactics"] = rng.sample(list(config.tactics()), rng.randint(0, 3))
        cases.append(case)
    return cases


def fixtures() -> dict:
    return {
        "config": config.as_json(),
        "cases": [{"params": p, "expected": simulate(**p)} for p in parameter_sets()],
        "errors": [{"params": {"p_like": 1.5}, "names": "'p_like'"},
                   {"params": {"days": 0}, "names": "'days'"},
                   {"params": {"followers": -5}, "names": "'followers'"},
                   {"params": {"folowers": 5}, "names": "'folowers'"}],
    }


def assert_close(actual, expected, where: str = "") -> None:
    if isinstance(expected, float | int) and not isinstance(expected, bool):
        assert math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-12), f"{where}: {actual} != {expected}"
    elif isinstance(expected, list):
        assert len(actual) == len(expected), where
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_close(a, e, f"{where}[{i}]")
    elif isinstance(expected, dict):
        assert sorted(actual) == sorted(expected), where
        for key in expected:
            assert_close(actual[key], expected[key], f"{where}.{key}")
    else:
        assert actual == expected, where


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_node_reproduces_every_python_fixture(tmp_path):
    path = tmp_path / "fixtures.json"
    path.write_text(json.dumps(fixtures()), encoding="utf-8")
    env = {"SIM_FIXTURES": str(path), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
    done = subprocess.run(["node", "--test", str(NODE_TEST)], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "# pass 2" in done.stdout


def test_chromium_reproduces_every_python_fixture(page, book_url):
    data = fixtures()
    page.goto(book_url + "intro.html")
    results = page.evaluate(
        """async ([source, data]) => {
            const url = URL.createObjectURL(new Blob([source], {type: "text/javascript"}));
            const model = await import(url);
            return data.cases.map((c) => model.simulate(c.params, data.config));
        }""",
        [MODEL_JS.read_text(encoding="utf-8"), data],
    )
    for i, (actual, case) in enumerate(zip(results, data["cases"], strict=True)):
        assert_close(actual, case["expected"], f"case {i}")
