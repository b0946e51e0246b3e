"""The quiz: bank format and loader (bank.py), scoring (scoring.py), results files (results.py),
and the widget (widget.py, quiz.js). See BANK_FORMAT.md for the data formats."""

from .bank import Bank, BankError, check_parity, load_bank
from .results import Results, ResultsError, read_results
from .scoring import Result, correct_answer, grade, score_question


def __getattr__(name: str):
    # The widget pulls in anywidget; the classroom CLI only needs banks and scoring.
    if name == "Quiz":
        from .widget import Quiz

        return Quiz
    raise AttributeError(name)


__all__ = [
    "Bank",
    "BankError",
    "Quiz",
    "Result",
    "Results",
    "ResultsError",
    "check_parity",
    "correct_answer",
    "grade",
    "load_bank",
    "read_results",
    "score_question",
]
