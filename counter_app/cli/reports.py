"""`report`: the manager's reports over a date range, as tables or saved as CSV or XLSX."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    date_argument,
    emit,
    progress_on_terminal,
)
from counter_app.cli.parsing import command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import reports
    from counter_app.services.desk import Desk

# The names of services/reports.py's REPORTS, here so that `--help` needs no service (tests/test_cli.py
# checks that both name the same reports, in the same order).
REPORT_NAMES = ("members", "points", "coupons", "complaints", "rfm")


def add_parser(subparsers: Any) -> None:
    report = command(
        subparsers,
        "report",
        run=__name__,
        help="manager reports over a date range: shown as tables, or saved as CSV or XLSX",
    )
    report.add_argument("name", choices=REPORT_NAMES, metavar="|".join(REPORT_NAMES))
    report.add_argument(
        "--from",
        dest="start",
        type=date_argument,
        metavar="YYYY-MM-DD",
        help="the first day (default: 29 days before --to)",
    )
    report.add_argument(
        "--to", dest="end", type=date_argument, metavar="YYYY-MM-DD", help="the last day (default: today)"
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv|FILE.xlsx",
        help="save the report to this file (CSV for Excel, or XLSX with a sheet per table)",
    )


def run(args: argparse.Namespace, desk: Desk) -> int:
    import datetime as dt
    from dataclasses import asdict

    from counter_app.services import reports

    end = args.end or desk.today()
    start = args.start or end - dt.timedelta(days=29)  # the 30 days up to the last
    report = reports.REPORTS[args.name](desk, start, end, progress=progress_on_terminal())
    if args.out:
        path = reports.export_report(report, args.out)
        emit(
            args,
            {"file": str(path), "report": asdict(report)},
            lambda: translate("Cli", "Report saved to {path}.").format(path=path),
        )
    else:
        emit(args, report, lambda: _report_text(report))
    return 0


def _report_text(report: reports.Report) -> str:
    """Each table under its title, columns padded to the widest cell (Chinese characters count two)."""
    from counter_app.services import reports

    blocks = [
        translate("Cli", "{title}, {start} to {end}").format(
            title=reports.report_title(report), start=report.start, end=report.end
        )
    ]
    for table in reports.report_tables(report):
        rows = [list(table.columns)] + [[str(cell) for cell in row] for row in table.rows]
        widths = [max(_text_width(row[column]) for row in rows) for column in range(len(table.columns))]
        numeric = [
            all(_looks_numeric(row[column]) for row in rows[1:]) and len(rows) > 1
            for column in range(len(table.columns))
        ]
        lines = [
            "  ".join(
                (" " * (width - _text_width(cell)) + cell) if right else (cell + " " * (width - _text_width(cell)))
                for cell, width, right in zip(row, widths, numeric, strict=False)
            ).rstrip()
            for row in rows
        ]
        if len(rows) == 1:
            lines.append(translate("Cli", "(nothing in this period)"))
        blocks.append("\n".join([table.title, *lines]))
    return "\n\n".join(blocks)


def _text_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _looks_numeric(text: str) -> bool:
    return text.replace(".", "", 1).replace("-", "", 1).replace("–", "", 1).isdigit() or text == ""
