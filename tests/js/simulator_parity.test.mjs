// The JavaScript campaign model reproduces the Python one (fixtures written by
// tests/test_simulator_parity.py; run through pytest, which passes SIM_FIXTURES).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { simulate } from "../../widgets/simulator/model.js";

// Run on its own (`node --test tests/js/`), there are no fixtures: skip with the reason instead of a
// TypeError, so the pytest wrapper stays the one entry point that can fail.
const FIXTURES = process.env.SIM_FIXTURES;
const SKIP = FIXTURES ? false : "SIM_FIXTURES is unset: run tests/test_simulator_parity.py with pytest";
const fixtures = FIXTURES ? JSON.parse(readFileSync(FIXTURES, "utf-8")) : { cases: [], errors: [] };

function close(actual, expected, where) {
  if (typeof expected === "number") {
    const scale = Math.max(Math.abs(expected), 1e-300);
    assert.ok(Math.abs(actual - expected) <= 1e-9 * scale || Math.abs(actual - expected) < 1e-12,
      `${where}: ${actual} != ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.equal(actual.length, expected.length, `${where}: length`);
    expected.forEach((item, i) => close(actual[i], item, `${where}[${i}]`));
  } else if (expected && typeof expected === "object") {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${where}: keys`);
    for (const key of Object.keys(expected)) close(actual[key], expected[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

test("every Python fixture is reproduced to 1e-9 relative", { skip: SKIP }, () => {
  assert.ok(fixtures.cases.length >= 50);
  fixtures.cases.forEach((c, i) => close(simulate(c.params, fixtures.config), c.expected, `case ${i}`));
});

test("bad input is refused, naming the parameter", { skip: SKIP }, () => {
  for (const c of fixtures.errors) {
    assert.throws(() => simulate(c.params, fixtures.config), (err) => err.message.includes(c.names));
  }
});
