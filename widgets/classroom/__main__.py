"""`python -m widgets.classroom`: grade a class's quiz results, export a quiz bank to an LMS."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .quizbank import BankError, load_bank

EPILOG = """examples:
  python -m widgets.classroom grade chapters/pl/quiz.yml results/ --out report/
  python -m widgets.classroom grade chapters/sv/quiz.yml results/ --out report/ --section exam-demo
  python -m widgets.classroom export chapters/pl/quiz.yml --format moodle --out quiz-pl.xml
  python -m widgets.classroom export chapters/sv/quiz.yml --format qti --out quiz-sv.zip
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m widgets.classroom",
        description="Classroom tools for the Social Commerce course: grade students' quiz "
        "results files and export a quiz bank to Moodle or Canvas.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = commands.add_parser(
        "grade",
        help="grade a folder of results files (JSON/CSV downloaded from the quiz)",
        description="Grade every results file in RESULTS_DIR against BANK. Writes students.csv, "
        "questions.csv (share correct, mean points, most chosen wrong answer), skipped.csv and "
        "report.html (opens offline). Files that do not fit (malformed, unknown questions, another "
        "bank or version, duplicates) are listed with the reason and skipped.",
    )
    grade.add_argument(
        "bank", type=Path, metavar="BANK", help="the quiz bank, e.g. chapters/pl/quiz.yml"
    )
    grade.add_argument("results", type=Path, metavar="RESULTS_DIR", help="folder of results files")
    grade.add_argument("--out", type=Path, required=True, metavar="DIR", help="output folder")
    grade.add_argument("--section", metavar="ID", help="grade only this section (e.g. exam-demo)")

    export = commands.add_parser(
        "export",
        help="export the bank (or one section) to Moodle XML, GIFT or QTI 1.2 (Canvas)",
        description="Export BANK to an LMS format with its feedback. Types a format cannot "
        "express are converted and listed: classify becomes matching (category labels as the "
        "answers), multiple-answer questions become multichoice with partial credit in Moodle.",
    )
    export.add_argument(
        "bank", type=Path, metavar="BANK", help="the quiz bank, e.g. chapters/sv/quiz.yml"
    )
    export.add_argument(
        "--format",
        required=True,
        choices=("moodle", "gift", "qti"),
        help="moodle: Moodle XML; gift: Moodle GIFT text; qti: QTI 1.2 zip for Canvas",
    )
    export.add_argument("--out", type=Path, required=True, metavar="FILE", help="file to write")
    export.add_argument("--section", metavar="ID", help="export only this section")
    return parser


def _grade(args: argparse.Namespace) -> int:
    from .grading import grade_folder
    from .report import write_report
    from .tables import write_questions, write_skipped, write_students

    if not args.results.is_dir():
        print(f"error: {args.results} is not a folder", file=sys.stderr)
        return 2
    bank = load_bank(args.bank)
    start = time.perf_counter()
    results = grade_folder(bank, args.results, args.section)
    args.out.mkdir(parents=True, exist_ok=True)
    write_students(results, args.out / "students.csv")
    write_questions(results, args.out / "questions.csv")
    write_skipped(results, args.out / "skipped.csv")
    write_report(results, args.out / "report.html")
    elapsed = time.perf_counter() - start
    print(
        f"{len(results.graded)} graded, {len(results.skipped)} skipped "
        f"({bank.bank} v{bank.version}, {elapsed:.2f} s)"
    )
    for skipped in results.skipped:
        print(f"  skipped {skipped.file}: {skipped.reason}")
    print(f"wrote {args.out / 'students.csv'}, questions.csv, skipped.csv, report.html")
    if not results.graded:
        print("error: no results file could be graded", file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    from .lms import export_bank

    bank = load_bank(args.bank)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    notes = export_bank(bank, args.format, args.out, args.section)
    count = len(bank.questions_of(args.section))
    print(f"exported {count} questions ({bank.language}) to {args.out} ({args.format})")
    for text in notes:
        print(f"  converted {text}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _grade(args) if args.command == "grade" else _export(args)
    except (BankError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
