"""`scan`: what a scanned code opens: member, card, coupon or event ticket."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit, tier_label
from counter_app.cli.parsing import command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import member_codes
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    scan = command(
        subparsers, "scan", run=__name__, help="what a scanned code opens: member, card, coupon or event ticket"
    )
    scan.add_argument("payload", metavar="PAYLOAD")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import member_codes

    outcome = member_codes.scan(desk, args.payload)
    emit(args, outcome.to_json(), lambda: _scan_text(outcome))
    return 0


def _scan_text(outcome: member_codes.ScanOutcome) -> str:
    if outcome.kind == "coupon" and outcome.coupon:
        return translate("Cli", "Coupon {code}: {title}, {status}.").format(
            code=outcome.coupon.code, title=outcome.coupon.title, status=outcome.coupon.status
        )
    if outcome.kind == "text":
        return translate("Cli", "Not a code: search for it with member search.")
    card = outcome.card
    assert card is not None
    via = {
        "code": translate("Cli", "member code"),
        "card": translate("Cli", "printed card (limited redemption)"),
        "ticket": translate("Cli", "event ticket"),
    }[outcome.via or "code"]
    return f"{card.member_no}  {card.name}  {tier_label(card.tier)}  {card.points}  ({via})"
