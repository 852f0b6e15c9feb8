"""`diagnostics`: the support report, also when the store will not open (services/diagnostics.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import i18n
from counter_app.cli.output import emit
from counter_app.cli.parsing import command

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    command(
        subparsers,
        "diagnostics",
        help="what support needs: versions, settings, sync and printer state, the log's last lines (no secrets, no member data)",
        run=__name__,
        opens_desk=False,
    )


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Support needs it most when the store will not open: then it reports without the store; --json gives it as data."""
    from counter_app.domain.errors import DeskError
    from counter_app.services import diagnostics
    from counter_app.services.desk import open_desk

    problem: str | None
    try:
        desk: Desk | None = open_desk(data_dir)
    except DeskError as error:
        desk, problem = None, error.message("en")
    else:
        problem = None
    try:
        i18n.set_language(args.lang or (desk.settings.language if desk else i18n.DEFAULT_LANGUAGE))
        report = diagnostics.diagnostics(desk, data_dir)
        if problem:
            report["desk"]["store"] = f"not open: {problem}"
        emit(args, report, lambda: diagnostics.render_report(report).rstrip("\n"))
    finally:
        if desk is not None:
            desk.close()
    return 0
