"""`points ...`: earn from a slip, points as cash, gifts between members, history, voids, the daily jobs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
    tier_label,
)
from counter_app.cli.parsing import actions, command, spend_options
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    points_parser = actions(
        command(subparsers, "points", run=__name__, help="earn from a purchase slip, points as cash, history, expiry")
    )
    earn = command(points_parser, "earn", help="points from a purchase slip")
    earn.add_argument("ref", metavar="REF")
    earn.add_argument("--amount", required=True, metavar="YUAN")
    earn.add_argument("--slip", required=True, metavar="SLIP_NO")
    earn.add_argument("--shop")
    earn.add_argument("--at", metavar="ISO8601", help="when the purchase was made (default: now)")
    cash = spend_options(command(points_parser, "cash", help="points as cash (whole yuan)"))
    cash.add_argument("ref", metavar="REF")
    cash.add_argument("--points", required=True)
    points_history = command(points_parser, "history")
    points_history.add_argument("ref", metavar="REF")
    points_history.add_argument("--limit", type=int, default=100)
    command(
        points_parser,
        "expire",
        help="the daily jobs: expire lapsed lots, review tiers at their anniversary (idempotent)",
    )
    activity = command(points_parser, "activity", help="points for an event check-in, once per event")
    activity.add_argument("ref", metavar="REF")
    activity.add_argument("--event", required=True)
    void = command(points_parser, "void", help="undo an operation within the allowed days (manager)")
    void.add_argument("op_id", metavar="OP_ID")
    void.add_argument("--reason", required=True)
    gift_points_parser = spend_options(command(points_parser, "gift", help="a member gives points to another"))
    gift_points_parser.add_argument("ref", metavar="REF")
    gift_points_parser.add_argument("--to", required=True, metavar="REF")
    gift_points_parser.add_argument("--points", required=True)


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.domain.staff import Permission
    from counter_app.services import approvals, auth, points

    if args.action == "earn":
        earned = points.earn_from_slip(desk, args.ref, args.amount, args.slip, args.shop, args.at)
        emit(
            args,
            earned,
            lambda: (
                translate("Cli", "{points} points earned; balance {balance}, tier {tier}.").format(
                    points=earned.points, balance=earned.balance, tier=tier_label(earned.tier)
                )
                + (
                    "\n" + translate("Cli", "Upgraded to {tier}!").format(tier=tier_label(earned.tier))
                    if earned.upgraded
                    else ""
                )
            ),
        )
    elif args.action == "cash":
        cashed = approvals.run_or_park(
            desk, "points.cash", args.ref[:40], ref=args.ref, points=args.points, presence=args.presence
        )
        emit(
            args,
            cashed,
            lambda: translate("Cli", "{points} points paid out as ¥{yuan}; balance {balance}.").format(
                points=cashed.points, yuan=cashed.yuan, balance=cashed.balance
            ),
        )
    elif args.action == "history":
        lines = points.history(desk, args.ref, max(1, min(args.limit, 10_000)))
        emit(
            args,
            lines,
            lambda: (
                "\n".join(
                    f"{line.at[:16]}  {line.kind:<7} {line.points:>+8}  {('¥' + line.amount) if line.amount else '':>12}  {line.slip_no or line.note or ''}"
                    for line in lines
                )
                or translate("Cli", "No points yet.")
            ),
        )
    elif args.action == "void":
        voided = approvals.run_or_park(desk, "points.void", args.op_id[:36], op_id=args.op_id, reason=args.reason)
        emit(
            args,
            voided,
            lambda: translate("Cli", "Operation {op_id} voided; balance {balance}.").format(
                op_id=voided.voided, balance=voided.balance
            ),
        )
    elif args.action == "gift":
        gift = points.gift_points(desk, args.ref, args.to, args.points, presence=args.presence)
        emit(
            args,
            gift,
            lambda: translate(
                "Cli",
                "{points} points given from {giver} to {receiver}; balances {giver_balance} and {receiver_balance}.",
            ).format(
                points=gift.points,
                giver=gift.from_member_no,
                receiver=gift.to_member_no,
                giver_balance=gift.from_balance,
                receiver_balance=gift.to_balance,
            ),
        )
    elif args.action == "activity":
        earned = points.award_activity(desk, args.ref, args.event)
        emit(
            args,
            earned,
            lambda: translate("Cli", "{points} points earned; balance {balance}, tier {tier}.").format(
                points=earned.points, balance=earned.balance, tier=tier_label(earned.tier)
            ),
        )
    else:
        auth.authorize(
            desk, Permission.SETTINGS, "points.expire"
        )  # by hand only an administrator; the desk runs it daily
        expired, downgraded = points.daily_jobs(desk)
        emit(
            args,
            {"expired_points": expired, "tier_downgrades": downgraded},
            lambda: translate(
                "Cli", "{points} points expired; {members} members moved down a tier at their anniversary."
            ).format(points=expired, members=downgraded),
        )
    return 0
