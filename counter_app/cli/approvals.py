"""`approvals ...`: the manager's queue of parked operations, compensations and review items."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
    plain,
)
from counter_app.cli.parsing import actions, command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import manager_queue
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    approvals_parser = actions(
        command(
            subparsers,
            "approvals",
            run=__name__,
            help="the manager's queue: parked operations, compensations, review items",
        )
    )
    command(approvals_parser, "list", help="everything waiting for a manager, most urgent first")
    # ID: a parked request's number (12), review:N or compensation:ID, as `approvals list` shows them.
    approve = command(approvals_parser, "approve")
    approve.add_argument("approval_id", metavar="ID")
    approve.add_argument("--reason")
    reject = command(approvals_parser, "reject")
    reject.add_argument("approval_id", metavar="ID")
    reject.add_argument("--reason", required=True)


def _queue_text(item: manager_queue.QueueItem) -> str:
    waited = (
        f"{item.age_minutes // 60} h {item.age_minutes % 60:02d} min"
        if item.age_minutes >= 60
        else f"{item.age_minutes} min"
    )
    due = (
        "  " + translate("Cli", "answer due {when}").format(when=item.due_at[:16].replace("T", " "))
        if item.due_at
        else ""
    )
    head = "  ".join(
        part
        for part in (
            f"[{item.urgency}]",
            item.ref if item.kind != "approval" else f"#{item.ref}",
            item.title,
            item.subject or "",
            item.requested_by or "",
            waited,
        )
        if part
    )
    return head + due + (f"\n      {item.details}" if item.details else "")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import manager_queue

    if args.action == "list":
        items = manager_queue.waiting(desk)
        emit(args, items, lambda: "\n".join(map(_queue_text, items)) or translate("Cli", "Nothing waits for approval."))
        return 0
    kind, item_id = manager_queue.parse_queue_ref(args.approval_id)
    approve = args.action == "approve"
    decision = manager_queue.decide(desk, kind, item_id, approve, args.reason)
    if kind == "approval":  # the shapes scripts have relied on since the approval queue came
        number = int(item_id)
        if approve:
            emit(
                args,
                {"approval_id": number, "status": "approved", "result": plain(decision.result)},
                lambda: translate("Cli", "Request {approval_id} approved and carried out.").format(approval_id=number),
            )
        else:
            emit(
                args,
                decision.result,
                lambda: translate("Cli", "Request {approval_id} rejected.").format(approval_id=number),
            )
    elif approve:
        emit(args, decision, lambda: translate("Cli", "{ref} approved.").format(ref=args.approval_id.strip()))
    else:
        emit(args, decision, lambda: translate("Cli", "{ref} rejected.").format(ref=args.approval_id.strip()))
    return 0
