"""The simulator's data files (params.yml, tactics.yml, presets.yml, strings.yml), validated on load.

A typo in a data file (a parameter that does not exist, a default outside its range, a preset naming
an unknown tactic, a missing translation) fails on import with the file and the reason, so a broken
simulator never reaches a page.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..strings import load_strings

HERE = Path(__file__).parent
EFFECT_KEYS = ("organic_reach", "p_like", "p_comment", "p_share", "p_click", "conversion")


class ConfigError(ValueError):
    """A simulator data file is malformed."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Labels(_Strict):
    pl: str = Field(min_length=1)
    sv: str = Field(min_length=1)
    en: str = Field(min_length=1)


class Param(_Strict):
    min: float
    max: float
    default: float
    step: float = Field(gt=0)
    integer: bool = False
    percent: bool = False
    advanced: bool = False
    label: Labels

    @model_validator(mode="after")
    def _default_in_range(self) -> Param:
        if not self.min <= self.default <= self.max:
            raise ValueError(f"default {self.default} is outside [{self.min}, {self.max}]")
        return self


class Tactic(_Strict):
    label: Labels
    effects: dict[Literal[EFFECT_KEYS], float]  # type: ignore[valid-type]

    @model_validator(mode="after")
    def _positive(self) -> Tactic:
        for key, factor in self.effects.items():
            if not factor >= 0:
                raise ValueError(f"effect on {key} must be a factor >= 0, got {factor}")
        return self


class Scenario(_Strict):
    params: dict[str, float] = {}
    tactics: list[str] = []


class Preset(Scenario):
    kind: Literal["platform", "demo"]
    label: Labels
    median_engagement_rate: float | None = None
    b: Scenario | None = None


def _load(name: str, model: type[BaseModel]) -> dict:
    path = HERE / name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    if not isinstance(raw, dict) or not raw:
        raise ConfigError(f"{path}: expected a mapping of ids")
    loaded = {}
    for key, value in raw.items():
        try:
            loaded[key] = model.model_validate(value)
        except ValidationError as error:
            reasons = "; ".join(
                f"{'.'.join(str(p) for p in e['loc']) or key}: {e['msg']}" for e in error.errors()
            )
            raise ConfigError(f"{path}: '{key}': {reasons}") from None
    return loaded


@cache
def params() -> dict[str, Param]:
    return _load("params.yml", Param)


@cache
def tactics() -> dict[str, Tactic]:
    return _load("tactics.yml", Tactic)


@cache
def presets() -> dict[str, Preset]:
    loaded = _load("presets.yml", Preset)
    for preset_id, preset in loaded.items():
        for scenario in (preset, preset.b):
            if scenario is None:
                continue
            for name in scenario.params:
                if name not in params():
                    raise ConfigError(f"{HERE / 'presets.yml'}: '{preset_id}': unknown parameter '{name}'")
            for tactic in scenario.tactics:
                if tactic not in tactics():
                    raise ConfigError(f"{HERE / 'presets.yml'}: '{preset_id}': unknown tactic '{tactic}'")
    return loaded


def strings() -> dict[str, dict[str, str]]:
    return load_strings(HERE / "strings.yml")


def defaults() -> dict[str, float]:
    return {name: param.default for name, param in params().items()}


def as_json() -> dict:
    """Everything the widget's JavaScript needs, as plain JSON."""
    return {
        "params": {name: p.model_dump() for name, p in params().items()},
        "tactics": {name: t.model_dump() for name, t in tactics().items()},
        "presets": {name: p.model_dump(exclude_none=True) for name, p in presets().items()},
    }
