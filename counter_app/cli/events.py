"""`event ...`: member events set up, signed up for, checked in at, and their tickets."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
)
from counter_app.cli.parsing import actions, command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import member_events
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    event = actions(
        command(
            subparsers, "event", run=__name__, help="member events: set up (manager), list, sign up, check in, tickets"
        )
    )
    event_create = command(
        event, "create", help="set up an event (manager); times without an offset are the desk's local time"
    )
    event_create.add_argument("code", metavar="CODE")
    event_create.add_argument("--title", required=True)
    event_create.add_argument("--from", dest="starts_at", required=True, metavar="ISO")
    event_create.add_argument("--to", dest="ends_at", required=True, metavar="ISO")
    event_create.add_argument("--points", required=True, metavar="N")
    event_create.add_argument("--capacity", metavar="N")
    command(event, "list")
    event_signup = command(event, "signup", help="sign a member up for an event")
    event_signup.add_argument("code", metavar="CODE")
    event_signup.add_argument("ref", metavar="REF")
    # Not "ref": a scanned ticket must reach the service as scanned, it names the event.
    event_checkin = command(
        event,
        "checkin",
        help="check a member in by their scanned code, card, ticket, phone or member number",
    )
    event_checkin.add_argument("code", metavar="CODE")
    event_checkin.add_argument("scanned", metavar="SCANNED_OR_REF")
    event_ticket = command(event, "ticket", help="the event ticket (EV1 code) to print or send to a signed-up member")
    event_ticket.add_argument("code", metavar="CODE")
    event_ticket.add_argument("ref", metavar="REF")


def _event_text(event: member_events.EventInfo) -> str:
    places = f"{event.signed_up}/{event.capacity}" if event.capacity is not None else str(event.signed_up)
    state = {
        "upcoming": translate("Cli", "upcoming"),
        "open": translate("Cli", "check-in open"),
        "ended": translate("Cli", "ended"),
    }[event.state]
    return "  ".join(
        (
            event.code,
            f"{event.starts_at[:16].replace('T', ' ')} – {event.ends_at[:16].replace('T', ' ')}",
            translate("Cli", "{points} points").format(points=event.points),
            translate("Cli", "{places} signed up, {checked} checked in").format(
                places=places, checked=event.checked_in
            ),
            state,
            event.title,
        )
    )


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import member_events

    if args.action == "create":
        event = member_events.create_event(
            desk, args.code, args.title, args.starts_at, args.ends_at, args.points, args.capacity
        )
        emit(args, event, lambda: translate("Cli", "Event set up:") + "\n" + _event_text(event))
    elif args.action == "list":
        events = member_events.list_events(desk)
        emit(args, events, lambda: "\n".join(map(_event_text, events)) or translate("Cli", "No events yet."))
    elif args.action == "signup":
        signed = member_events.sign_up(desk, args.code, args.ref)
        emit(
            args,
            signed,
            lambda: (
                translate("Cli", "Member {member_no} signed up for {event}.").format(
                    member_no=signed.member_no, event=signed.event_code
                )
                + (
                    ""
                    if signed.places_left is None
                    else " " + translate("Cli", "{left} places left.").format(left=signed.places_left)
                )
            ),
        )
    elif args.action == "checkin":
        done = member_events.check_in(desk, args.scanned, args.code)
        emit(
            args,
            done,
            lambda: (
                translate(
                    "Cli", "Member {member_no} checked in at {event}: {points} points, balance {balance}."
                ).format(member_no=done.member_no, event=done.event_code, points=done.points, balance=done.balance)
                + (
                    "\n" + translate("Cli", "Not signed up before: signed up at the door.")
                    if done.walk_in and done.via != "ticket"
                    else ""
                )
            ),
        )
    else:
        ticket = member_events.ticket_for(desk, args.code, args.ref)
        emit(args, {"event": args.code.strip().upper(), "ticket": ticket}, lambda: ticket)
    return 0
