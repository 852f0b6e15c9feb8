"""`complaint ...`: taking a complaint, moving it along, compensation, the lists."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
    labelled,
    plain,
)
from counter_app.cli.parsing import actions, command
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from counter_app.services import complaints
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    complaint = actions(
        command(subparsers, "complaint", run=__name__, help="complaints: take one, move it along, compensation, lists")
    )
    complaint_open = command(
        complaint, "open", help="take a complaint from a member (REF) or a walk-in customer (--walk-in)"
    )
    complaint_open.add_argument("ref", metavar="REF", nargs="?")
    complaint_open.add_argument("--walk-in", action="store_true", help="the customer is not a member (or will not say)")
    complaint_open.add_argument("--name", help="a walk-in customer's name")
    complaint_open.add_argument("--contact", metavar="PHONE", help="a phone to answer on (sealed, shown masked)")
    complaint_open.add_argument(
        "--category",
        required=True,
        metavar="CAT",
        help="attitude, response, after_sales, quality, price, environment, other",
    )
    complaint_open.add_argument("--text", required=True, help="what happened, in the customer's words")
    complaint_open.add_argument("--severity", default="normal", help="low, normal (24 h answer) or high")
    complaint_open.add_argument("--shop")
    for name, text in (
        ("ack", "the customer is told it was received (the first answer)"),
        ("progress", "work starts, or a resolved complaint is reopened"),
        ("resolve", "resolved, with its root cause"),
        ("close", "closed with the customer's rating 1-5"),
        ("escalate", "hand it up: a manager takes it over"),
        ("note", "add a note to the complaint's timeline"),
        ("assign", "hand it to a staff member (--to STAFF)"),
    ):
        move = command(complaint, name, help=text)
        move.add_argument("ticket", metavar="ID", help="the ticket number, C-YYYYMMDD-CCCC-NNN")
        move.add_argument("--note")
        move.add_argument(
            "--root-cause",
            metavar="RC",
            help="staff_conduct, process, product_defect, pricing_error, facility, misunderstanding, third_party, other",
        )
        move.add_argument("--rating", metavar="1-5")
        move.add_argument("--reason", help="why it is escalated (or --note)")
        move.add_argument("--to", dest="assign_to", metavar="STAFF")
        move.add_argument(
            "--compensate", metavar="points:N|coupon:TYPE|gift:SKU", help="also ask a manager for compensation"
        )
    complaint_list = command(complaint, "list", help="complaints, soonest due first")
    complaint_list.add_argument("--overdue", action="store_true", help="no answer yet and past the promised time")
    complaint_list.add_argument(
        "--due-for-escalation", action="store_true", help="no answer yet and the promised time near or past"
    )
    complaint_list.add_argument(
        "--status", metavar="S", help="open, acknowledged, in_progress, resolved, closed, escalated"
    )
    complaint_show = command(complaint, "show", help="a complaint with its timeline and compensation")
    complaint_show.add_argument("ticket", metavar="ID")
    command(complaint, "compensations", help="compensation requests waiting for a manager, from every counter")
    complaint_decide = command(complaint, "decide", help="approve or reject a compensation request (manager)")
    complaint_decide.add_argument("request_id", metavar="REQUEST_ID")
    verdict = complaint_decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    complaint_decide.add_argument("--reason", required=True)


def _complaint_line(info: complaints.ComplaintInfo) -> str:
    who = info.member_no or info.walk_in_name or translate("Cli", "walk-in")
    due = info.due_at[:16].replace("T", " ")
    flag = "  ⚠ " + translate("Cli", "conflict") if info.conflict else ""
    answer_by = translate("Cli", "answer by {when}").format(when=due)  # outside the f-string, where lupdate finds it
    return f"{info.ticket_no}  {info.state_label}  {info.category_label}  {info.severity_label}  {who}  {answer_by}  {info.sla_label}{flag}"


def _compensation_line(request: complaints.CompensationRequest) -> str:
    status = {
        "pending": translate("Cli", "waiting"),
        "approved": translate("Cli", "approved"),
        "rejected": translate("Cli", "rejected"),
    }[request.status]
    return "  ".join(
        part
        for part in (
            request.request_id[:8],
            request.ticket_no,
            request.member_no or translate("Cli", "walk-in"),
            f"{request.kind}:{request.value}",
            status,
            request.requested_by or "",
            request.requested_at[:16].replace("T", " "),
            request.reason,
        )
        if part
    )


def _complaint_text(info: complaints.ComplaintInfo) -> str:
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Ticket no."), info.ticket_no),
        (translate("Cli", "State"), info.state_label),
        (translate("Cli", "Category"), info.category_label),
        (translate("Cli", "Severity"), info.severity_label),
        (translate("Cli", "Customer"), info.member_no or info.walk_in_name or translate("Cli", "walk-in")),
    ]
    if info.contact:
        pairs.append((translate("Cli", "Contact"), info.contact))
    if info.shop:
        pairs.append((translate("Cli", "Shop"), info.shop))
    pairs += [
        (translate("Cli", "What happened"), info.description),
        (translate("Cli", "Answer promised by"), f"{info.due_at[:16].replace('T', ' ')}  ({info.sla_label})"),
    ]
    if info.assigned_to:
        pairs.append((translate("Cli", "Assigned to"), info.assigned_to))
    if info.root_cause_label:
        pairs.append((translate("Cli", "Root cause"), info.root_cause_label))
    if info.rating:
        pairs.append((translate("Cli", "Rating"), f"{info.rating}/5"))
    text = labelled(pairs)
    if info.conflict:
        text += "\n" + translate("Cli", "Conflict between counters:") + "\n  " + info.conflict.replace("\n", "\n  ")
    if info.timeline:
        text += (
            "\n"
            + translate("Cli", "Timeline:")
            + "\n"
            + "\n".join(
                f"  {line.at[:16].replace('T', ' ')}  {line.what}  {line.staff_id or ''}@{line.counter}"
                + (f"  {line.text}" if line.text else "")
                + ("" if line.applied else "  (" + translate("Cli", "not applied") + ")")
                for line in info.timeline
            )
        )
    if info.compensations:
        text += (
            "\n"
            + translate("Cli", "Compensation:")
            + "\n"
            + "\n".join("  " + _compensation_line(request) for request in info.compensations)
        )
    return text


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import complaints

    action = args.action
    if action == "open":
        if bool(args.ref) == bool(args.walk_in):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Name the member (phone or member number), or say --walk-in for a customer who is not a member.",
                )
            )
        info = complaints.open_complaint(
            desk,
            args.ref,
            args.category,
            args.text,
            args.severity,
            args.shop,
            walk_in_name=args.name,
            contact=args.contact,
        )
        emit(
            args,
            info,
            lambda: (
                translate("Cli", "Complaint {ticket} taken; the answer is promised by {when}.").format(
                    ticket=info.ticket_no, when=info.due_at[:16].replace("T", " ")
                )
                + "\n"
                + _complaint_text(info)
            ),
        )
        return 0
    if action == "list":
        found = complaints.list_complaints(
            desk, overdue=args.overdue, status=args.status, due_for_escalation=args.due_for_escalation
        )
        emit(args, found, lambda: "\n".join(map(_complaint_line, found)) or translate("Cli", "No complaints."))
        return 0
    if action == "show":
        info = complaints.show_complaint(desk, args.ticket)
        emit(args, info, lambda: _complaint_text(info))
        return 0
    if action == "compensations":
        waiting = complaints.pending_compensations(desk)
        emit(
            args,
            waiting,
            lambda: (
                "\n".join(map(_compensation_line, waiting)) or translate("Cli", "No compensation waits for a manager.")
            ),
        )
        return 0
    if action == "decide":
        decided = complaints.decide_compensation(desk, args.request_id, bool(args.approve), args.reason)
        emit(
            args,
            decided,
            lambda: (
                translate("Cli", "Compensation {request} approved.")
                if decided.status == "approved"
                else translate("Cli", "Compensation {request} rejected.")
            ).format(request=decided.request_id[:8]),
        )
        return 0
    # Checked before the complaint moves: a refused offer leaves the complaint as it was.
    offer = complaints.compensation_offer(desk, args.compensate, args.ticket) if args.compensate is not None else None
    if action == "ack":
        info = complaints.acknowledge(desk, args.ticket, args.note)
    elif action == "progress":
        info = complaints.start_progress(desk, args.ticket, args.note)
    elif action == "resolve":
        info = complaints.resolve(desk, args.ticket, args.root_cause, args.note)
    elif action == "close":
        info = complaints.close(desk, args.ticket, args.rating, args.note)
    elif action == "escalate":
        info = complaints.escalate(desk, args.ticket, args.reason or args.note)
    elif action == "note":
        info = complaints.add_note(desk, args.ticket, args.note)
    else:
        if not args.assign_to:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say whom the complaint goes to: --to STAFF_ID."))
        info = complaints.assign(desk, args.ticket, args.assign_to, args.note)
    request = None
    if offer is not None:
        request = complaints.request_compensation(
            desk,
            info.ticket_no,
            offer.kind,
            offer.value,
            args.note or args.reason or translate("Cli", "compensation for the complaint"),
        )
        info = complaints.show_complaint(desk, info.ticket_no)
    document: Any = info if request is None else {"complaint": plain(info), "compensation": plain(request)}
    emit(
        args,
        document,
        lambda: (
            translate("Cli", "Complaint {ticket}: {state}.").format(ticket=info.ticket_no, state=info.state_label)
            + (
                ""
                if request is None
                else "\n"
                + translate(
                    "Cli", "Compensation {kind}:{value} requested; a manager decides it: complaint decide {request}"
                ).format(kind=request.kind, value=request.value, request=request.request_id[:8])
            )
        ),
    )
    return 0
