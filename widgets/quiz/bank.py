"""Quiz banks: the YAML format of BANK_FORMAT.md, validated on load, and the pl/sv parity check.

A bank that does not validate raises `BankError`, whose message names the file, the question and
the reason (``chapters/pl/quiz.yml: question 'x': no correct option``). A chapter cell that loads
a broken bank therefore raises, and the book build (run with -W) fails instead of shipping it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

LANGUAGES = ("pl", "sv")
QUESTION_TYPES = ("single", "multiple", "truefalse", "classify", "match")
TOPICS = ("definition", "tactics", "history", "brands", "measurement", "distinction")
PROJECT_ROOT = Path(__file__).resolve().parents[2]

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# "article.md#definition": a chapter (relative docname + .md) and a MyST label in it.
Reread = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_./-]+\.md#[A-Za-z0-9_-]+$")]


class BankError(ValueError):
    """A bank that cannot be used; the message names the file, the question and the reason."""

    def __init__(self, file: str | Path, question_id: str | None, reason: str) -> None:
        self.file = display_path(file)
        self.question_id = question_id
        self.reason = reason
        where = f"{self.file}: question '{question_id}'" if question_id else self.file
        super().__init__(f"{where}: {reason}")


def display_path(path: str | Path) -> str:
    """The path as a reader of the repository knows it (chapters/pl/quiz.yml), else as given."""
    resolved = Path(path).resolve()
    for base in (PROJECT_ROOT, Path.cwd()):
        if resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return str(path)


class _Model(BaseModel):
    # A misspelt key ("corect") must be an error, not a silently missing answer.
    model_config = ConfigDict(extra="forbid", frozen=True)


def _unique(kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"duplicate {kind} id '{value}'")
        seen.add(value)


class Option(_Model):
    id: Id
    text: Text
    correct: StrictBool = False
    feedback: Text


class Category(_Model):
    id: Id
    label: Text


class Item(_Model):
    id: Id
    text: Text
    category: Id
    feedback: Text


class Pair(_Model):
    id: Id
    left: Text
    right: Text
    feedback: Text


class _Question(_Model):
    id: Id
    topic: Literal[TOPICS]  # type: ignore[valid-type]
    reread: Reread
    prompt: Text


class _Choice(_Question):
    options: list[Option] = Field(min_length=2)

    @property
    def correct_ids(self) -> list[str]:
        return [o.id for o in self.options if o.correct]

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class SingleQuestion(_Choice):
    type: Literal["single"]

    @model_validator(mode="after")
    def _one_correct(self) -> SingleQuestion:
        _unique("option", [o.id for o in self.options])
        if not self.correct_ids:
            raise ValueError("no correct option")
        if len(self.correct_ids) > 1:
            raise ValueError(
                f"{len(self.correct_ids)} correct options ({', '.join(self.correct_ids)}); "
                "a single-choice question has exactly one (use type: multiple)"
            )
        return self


class MultipleQuestion(_Choice):
    type: Literal["multiple"]

    @model_validator(mode="after")
    def _some_correct(self) -> MultipleQuestion:
        _unique("option", [o.id for o in self.options])
        if not self.correct_ids:
            raise ValueError("no correct option")
        return self


class TrueFalseQuestion(_Question):
    type: Literal["truefalse"]
    answer: StrictBool
    feedback: dict[bool, Text]

    @field_validator("feedback", mode="before")
    @classmethod
    def _both_values(cls, value: Any) -> Any:
        if isinstance(value, dict):
            # YAML reads `true:` as a boolean key; a hand-written JSON bank has "true".
            keys = {str(k).lower() for k in value}
            missing = [k for k in ("true", "false") if k not in keys]
            if missing:
                raise ValueError(f"no feedback for the answer {' or '.join(missing)}")
            extra = keys - {"true", "false"}
            if extra:
                raise ValueError(f"feedback keys must be true and false, not {sorted(extra)}")
        return value


class ClassifyQuestion(_Question):
    type: Literal["classify"]
    categories: list[Category] = Field(min_length=2)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_categories(self) -> ClassifyQuestion:
        _unique("category", [c.id for c in self.categories])
        _unique("item", [i.id for i in self.items])
        known = {c.id for c in self.categories}
        for item in self.items:
            if item.category not in known:
                raise ValueError(f"item '{item.id}' is in unknown category '{item.category}'")
        return self

    def item(self, item_id: str) -> Item | None:
        return next((i for i in self.items if i.id == item_id), None)


class MatchQuestion(_Question):
    type: Literal["match"]
    pairs: list[Pair] = Field(min_length=2)

    @model_validator(mode="after")
    def _distinct_sides(self) -> MatchQuestion:
        _unique("pair", [p.id for p in self.pairs])
        for side in ("left", "right"):
            texts = [getattr(p, side) for p in self.pairs]
            dupes = sorted({t for t in texts if texts.count(t) > 1})
            if dupes:
                raise ValueError(f"two pairs have the same {side} side: {dupes[0]!r}")
        return self

    def pair(self, pair_id: str) -> Pair | None:
        return next((p for p in self.pairs if p.id == pair_id), None)


Question = Annotated[
    SingleQuestion | MultipleQuestion | TrueFalseQuestion | ClassifyQuestion | MatchQuestion,
    Field(discriminator="type"),
]
QUESTION_MODELS: dict[str, type[_Question]] = {
    "single": SingleQuestion,
    "multiple": MultipleQuestion,
    "truefalse": TrueFalseQuestion,
    "classify": ClassifyQuestion,
    "match": MatchQuestion,
}


class Section(_Model):
    id: Id
    title: Text
    mode: Literal["practice", "exam"] = "practice"
    questions: list[Id] = Field(min_length=1)


class Bank(_Model):
    bank: Id
    version: StrictInt = Field(ge=1)
    language: Literal[LANGUAGES]  # type: ignore[valid-type]
    title: Text
    sections: list[Section] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)
    _source: Path | None = PrivateAttr(default=None)

    @property
    def source(self) -> Path | None:
        """The file the bank was loaded from (None for a bank built in code)."""
        return self._source

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        known = ", ".join(s.id for s in self.sections)
        raise KeyError(f"bank '{self.bank}' has no section '{section_id}' (it has: {known})")

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(f"bank '{self.bank}' has no question '{question_id}'")

    def questions_of(self, section_id: str) -> list[Question]:
        """The questions of a section, in the section's order."""
        return [self.question(qid) for qid in self.section(section_id).questions]


# ---------------------------------------------------------------------------------------------
# Loading


_PLURAL_TO_KIND = {"options": "option", "items": "item", "pairs": "pair", "categories": "category"}


def _describe(error: ValidationError, raw: Any) -> str:
    """The first validation error in words an author understands ("option 'b' has no feedback")."""
    first = error.errors()[0]
    loc = [part for part in first["loc"] if part not in QUESTION_TYPES]
    words: list[str] = []
    node = raw
    field = None
    for part in loc:
        if isinstance(part, int) and isinstance(node, list):
            element = node[part] if part < len(node) else None
            kind = _PLURAL_TO_KIND.get(str(field), str(field))
            ident = element.get("id") if isinstance(element, dict) else None
            words.append(f"{kind} '{ident}'" if ident is not None else f"{kind} #{part + 1}")
            node, field = element, None
        else:
            if field is not None:
                words.append(str(field))
            field = part
            node = node.get(part) if isinstance(node, dict) else None
    subject = " ".join(words)
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "missing":
        reason = f"has no {field}"
    elif first["type"] == "extra_forbidden":
        reason = f"has an unknown field '{field}'"
    else:
        reason = f"{field}: {message}" if field is not None else message
    return f"{subject} {reason}".strip() if subject else reason


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise BankError(path, None, f"cannot be read ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise BankError(path, None, f"is not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise BankError(path, None, "is not a quiz bank (expected a mapping at the top)")
    return data


def _parse_question(path: Path, index: int, raw: Any) -> Question:
    if not isinstance(raw, dict):
        raise BankError(path, None, f"question #{index + 1} is not a mapping")
    qid = raw.get("id")
    label = str(qid) if qid is not None else f"#{index + 1}"
    qtype = raw.get("type")
    if qtype not in QUESTION_MODELS:
        reason = f"unknown type {qtype!r} (expected one of: {', '.join(QUESTION_TYPES)})"
        raise BankError(path, label, reason if qtype is not None else "has no type")
    try:
        return QUESTION_MODELS[qtype].model_validate(raw)
    except ValidationError as error:
        raise BankError(path, label, _describe(error, raw)) from None


def parse_bank(data: dict[str, Any], path: Path) -> Bank:
    """Validate an already read bank; `path` is only used in error messages."""
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list) or not raw_questions:
        raise BankError(path, None, "has no questions (expected a list under 'questions')")
    questions = [_parse_question(path, i, raw) for i, raw in enumerate(raw_questions)]
    seen: set[str] = set()
    for question in questions:
        if question.id in seen:
            raise BankError(path, question.id, "duplicate question id")
        seen.add(question.id)
    try:
        bank = Bank.model_validate({**data, "questions": questions})
    except ValidationError as error:
        raise BankError(path, None, _describe(error, data)) from None
    _check_sections(bank, path)
    bank._source = path
    return bank


def _check_sections(bank: Bank, path: Path) -> None:
    known = {q.id: q for q in bank.questions}
    section_ids: set[str] = set()
    for section in bank.sections:
        if section.id in section_ids:
            raise BankError(path, None, f"duplicate section id '{section.id}'")
        section_ids.add(section.id)
        listed: set[str] = set()
        for qid in section.questions:
            if qid not in known:
                raise BankError(path, qid, f"named by section '{section.id}' but not in the bank")
            if qid in listed:
                raise BankError(path, qid, f"listed twice in section '{section.id}'")
            listed.add(qid)
            if section.mode == "exam" and known[qid].type == "match":
                # The results format names the chosen right side by its pair id, so an exam page
                # would carry the pairing itself: match questions are for practice only.
                raise BankError(
                    path, qid, f"a match question cannot be in exam section '{section.id}'"
                )


def _sibling(path: Path, language: str) -> Path | None:
    """chapters/pl/quiz.yml <-> chapters/sv/quiz.yml: same name, other language's folder."""
    if path.parent.name != language:
        return None
    others = [lang for lang in LANGUAGES if lang != language]
    return path.parent.parent / others[0] / path.name


def load_bank(path: str | Path, *, check_sibling: bool = True) -> Bank:
    """Load and validate a bank; when the other language's bank exists, check their parity too."""
    path = Path(path)
    bank = parse_bank(_read_yaml(path), path)
    if path.parent.name in LANGUAGES and path.parent.name != bank.language:
        raise BankError(
            path, None, f"language '{bank.language}' but the file is in folder '{path.parent.name}'"
        )
    sibling = _sibling(path, bank.language)
    if check_sibling and sibling is not None and sibling.exists():
        check_parity(bank, load_bank(sibling, check_sibling=False))
    return bank


# ---------------------------------------------------------------------------------------------
# Parity of the two languages


def _ids(models: list[Any]) -> list[str]:
    return [m.id for m in models]


def _answer_key(question: Question) -> Any:
    """What a question's structure and correct answer are, without its words."""
    if isinstance(question, _Choice):
        return {"options": _ids(question.options), "correct": question.correct_ids}
    if isinstance(question, TrueFalseQuestion):
        return {"answer": question.answer}
    if isinstance(question, ClassifyQuestion):
        return {
            "categories": _ids(question.categories),
            "items": {i.id: i.category for i in question.items},
        }
    return {"pairs": _ids(question.pairs)}


def check_parity(bank_a: Bank, bank_b: Bank) -> None:
    """Raise `BankError` unless both banks have the same ids, sections and correct answers.

    A results file from the Polish page must grade the same against the Swedish bank, so only
    the words may differ between languages.
    """
    file_a = bank_a.source or f"bank ({bank_a.language})"
    file_b = bank_b.source or f"bank ({bank_b.language})"
    name_b = display_path(file_b)
    for field in ("bank", "version"):
        value_a, value_b = getattr(bank_a, field), getattr(bank_b, field)
        if value_a != value_b:
            raise BankError(
                file_a, None, f"{field} {value_a!r} differs from {value_b!r} in {name_b}"
            )
    sections_a = [(s.id, s.mode, s.questions) for s in bank_a.sections]
    sections_b = [(s.id, s.mode, s.questions) for s in bank_b.sections]
    if sections_a != sections_b:
        for (sid_a, mode_a, qs_a), other in zip(sections_a, sections_b, strict=False):
            if (sid_a, mode_a, qs_a) != other:
                reason = (
                    f"section '{sid_a}' ({mode_a}: {', '.join(qs_a)}) differs from section "
                    f"'{other[0]}' ({other[1]}: {', '.join(other[2])}) in {name_b}"
                )
                raise BankError(file_a, None, reason)
        raise BankError(
            file_a,
            None,
            f"sections {[s[0] for s in sections_a]} differ from "
            f"{[s[0] for s in sections_b]} in {name_b}",
        )
    by_id_b = {q.id: q for q in bank_b.questions}
    ids_a = {q.id for q in bank_a.questions}
    for question in bank_a.questions:
        other = by_id_b.get(question.id)
        if other is None:
            raise BankError(file_a, question.id, f"present here but not in {name_b}")
        if question.type != other.type:
            raise BankError(
                file_a, question.id, f"type '{question.type}' but '{other.type}' in {name_b}"
            )
        if question.topic != other.topic:
            reason = f"topic '{question.topic}' but '{other.topic}' in {name_b}"
            raise BankError(file_a, question.id, reason)
        key_a, key_b = _answer_key(question), _answer_key(other)
        for part in key_a:
            if key_a[part] != key_b[part]:
                reason = f"{part} {key_a[part]} differ from {key_b[part]} in {name_b}"
                raise BankError(file_a, question.id, reason)
    for question in bank_b.questions:
        if question.id not in ids_a:
            raise BankError(file_b, question.id, f"present here but not in {display_path(file_a)}")
