"""`birthday claim`: the member's yearly birthday gift."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit
from counter_app.cli.parsing import actions, command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    birthday = actions(command(subparsers, "birthday", run=__name__, help="the yearly birthday gift"))
    birthday_claim = command(birthday, "claim")
    birthday_claim.add_argument("ref", metavar="REF")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import points

    claimed = points.claim_birthday(desk, args.ref)
    emit(
        args,
        claimed,
        lambda: translate("Cli", "Birthday gift: {points} points; balance {balance}.").format(
            points=claimed.points, balance=claimed.balance
        ),
    )
    return 0
