"""`audit ...`: the audit log and the check of its chain."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit
from counter_app.cli.parsing import actions, command

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    audit = actions(command(subparsers, "audit", run=__name__, help="the audit log (manager)"))
    verify = command(
        audit,
        "verify",
        help="check the chain, and against the head the central server acknowledged; names the first entry edited, deleted, inserted or cut",
    )
    verify.add_argument(
        "--offline", action="store_true", help="do not ask the central server; compare with the head recorded here"
    )
    audit_list = command(audit, "list")
    audit_list.add_argument("--limit", type=int, default=50)


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import audit, audit_anchor

    if args.action == "verify":
        report = audit_anchor.verify(desk, online=not args.offline)
        emit(args, report, lambda: report.message)
        return 0 if report.intact else 5
    lines = audit.recent(desk, max(1, min(args.limit, 10_000)))
    emit(
        args,
        lines,
        lambda: "\n".join(
            f"{line.seq:>6}  {line.at[:19]}  {line.staff_id or '—'}{'+' + line.authorized_by if line.authorized_by else ''}  {line.action}  {line.subject or ''}  {line.outcome}"
            for line in lines
        ),
    )
    return 0
