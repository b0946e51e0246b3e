"""The engagement-metric simulator: a campaign model (expected value and Monte Carlo) and its widget."""

from .model import simulate
from .monte_carlo import monte_carlo

__all__ = ["Simulator", "monte_carlo", "simulate"]


def __getattr__(name: str):  # the widget pulls in anywidget; the model alone should not need it
    if name == "Simulator":
        from .widget import Simulator

        return Simulator
    raise AttributeError(name)
