"""Checking the simulator's inputs: every bad value is named with its allowed range."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from . import config


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _range(name: str, param: config.Param) -> str:
    kind = "a whole number" if param.integer else "a number"
    return f"'{name}' must be {kind} between {_num(param.min)} and {_num(param.max)}"


def check_params(given: Mapping[str, Any]) -> dict[str, float]:
    """The full parameter set (defaults filled in), or ValueError naming the parameter and its range."""
    known = config.params()
    unknown = sorted(set(given) - set(known) - {"tactics"})
    if unknown:
        raise ValueError(f"unknown parameter '{unknown[0]}'; known parameters: {', '.join(known)}, tactics")
    values = config.defaults()
    for name, value in given.items():
        if name == "tactics":
            continue
        param = known[name]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"{_range(name, param)}, got {value!r}")
        number = float(value)
        if math.isnan(number) or math.isinf(number) or not param.min <= number <= param.max:
            raise ValueError(f"{_range(name, param)}, got {value!r}")
        if param.integer and number != int(number):
            raise ValueError(f"{_range(name, param)}, got {value!r}")
        values[name] = number
    return values


def check_tactics(given: Iterable[str] | None) -> list[str]:
    """Known tactic ids in the file's order; ValueError for an unknown one."""
    chosen = list(given or [])
    if isinstance(given, str):
        raise ValueError("'tactics' must be a list of tactic ids, not a string")
    known = config.tactics()
    for tactic in chosen:
        if tactic not in known:
            raise ValueError(f"unknown tactic '{tactic}' in 'tactics'; known tactics: {', '.join(known)}")
    return [t for t in known if t in chosen]
