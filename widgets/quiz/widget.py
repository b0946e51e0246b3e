"""The quiz widget: one bank section as an anywidget, the same UI in the static book and JupyterLab.

All interaction lives in quiz.js. Python sends the section's questions, UI strings and settings;
the page sends back `answers`, `score`, `max_score` and `completed`. In exam mode the questions are
sent without anything that tells the right answer, and the score is computed here, in the kernel.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ..esm import bundle
from .bank import (
    Bank,
    BankError,
    ClassifyQuestion,
    MatchQuestion,
    Question,
    Section,
    TrueFalseQuestion,
    _Choice,
    load_bank,
)
from .scoring import grade
from .strings import load_strings

HERE = Path(__file__).parent


def practice_view(question: Question) -> dict[str, Any]:
    """Everything the page needs to give feedback, as JSON (true/false keys become strings)."""
    data = question.model_dump(mode="json")
    if isinstance(question, TrueFalseQuestion):
        data["feedback"] = {"true": question.feedback[True], "false": question.feedback[False]}
    return data


def exam_view(question: Question, rng: random.Random) -> dict[str, Any]:
    """Only what a student sees: no correct flag, category, pairing or feedback, in no set order."""
    data: dict[str, Any] = {"id": question.id, "type": question.type, "prompt": question.prompt}
    if isinstance(question, _Choice):
        # Shuffled here too, so that "the first option in the page's data" says nothing.
        options = [{"id": o.id, "text": o.text} for o in question.options]
        rng.shuffle(options)
        data["options"] = options
    elif isinstance(question, ClassifyQuestion):
        data["categories"] = [{"id": c.id, "label": c.label} for c in question.categories]
        data["items"] = [{"id": i.id, "text": i.text} for i in question.items]
    elif isinstance(question, MatchQuestion):  # rejected by the bank loader; kept for safety
        raise ValueError(f"match question '{question.id}' cannot be in an exam section")
    return data


class Quiz(anywidget.AnyWidget):
    """A quiz over one section of a bank: `Quiz.from_bank("quiz.yml", section=...)`."""

    _esm = bundle(HERE / "quiz.js")
    _css = (HERE / "quiz.css").read_text(encoding="utf-8")

    # Python -> page
    questions = traitlets.List(traitlets.Dict()).tag(sync=True)
    strings = traitlets.Dict().tag(sync=True)
    lang = traitlets.Unicode("").tag(sync=True)
    seed = traitlets.Int(0).tag(sync=True)
    quiz_id = traitlets.Unicode("").tag(sync=True)
    mode = traitlets.Enum(("practice", "exam"), default_value="practice").tag(sync=True)
    title = traitlets.Unicode("").tag(sync=True)
    bank = traitlets.Unicode("").tag(sync=True)
    bank_version = traitlets.Int(1).tag(sync=True)
    section = traitlets.Unicode("").tag(sync=True)
    # page -> Python
    answers = traitlets.Dict().tag(sync=True)
    score = traitlets.Float(None, allow_none=True).tag(sync=True)
    max_score = traitlets.Int(0).tag(sync=True)
    completed = traitlets.Bool(False).tag(sync=True)

    def __init__(self, *, bank_model: Bank | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("strings", load_strings())
        super().__init__(**kwargs)
        self._bank = bank_model

    @classmethod
    def from_bank(
        cls, path: str | Path, section: str, seed: int = 0, lang: str | None = None
    ) -> Quiz:
        """A quiz of `section` of the bank at `path`; raises BankError if the bank is broken."""
        bank = load_bank(path)
        try:
            chosen: Section = bank.section(section)
        except KeyError as error:
            raise BankError(path, None, str(error.args[0])) from None
        questions = bank.questions_of(section)
        if chosen.mode == "exam":
            rng = random.SystemRandom()
            views = [exam_view(q, rng) for q in questions]
        else:
            views = [practice_view(q) for q in questions]
        return cls(
            bank_model=bank,
            questions=views,
            lang=lang or bank.language,
            seed=seed,
            quiz_id=f"{bank.bank}/{section}",
            mode=chosen.mode,
            title=chosen.title,
            bank=bank.bank,
            bank_version=bank.version,
            section=section,
            max_score=len(questions),
            score=None if chosen.mode == "exam" else 0.0,
        )

    @traitlets.observe("answers")
    def _grade_in_kernel(self, change: dict[str, Any]) -> None:
        # The page cannot grade an exam (it has no answers); a live kernel can, so it does.
        if self._bank is not None and self.section:
            self.score = grade(self._bank, self.section, change["new"] or {}).score
