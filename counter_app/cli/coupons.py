"""`coupon ...`: a member's coupons, redeeming and writing them off, coupon types."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
)
from counter_app.cli.parsing import actions, command, spend_options
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import rewards
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    coupon = actions(
        command(subparsers, "coupon", run=__name__, help="coupons: list, show, redeem with points, write off")
    )
    coupon_list = command(coupon, "list")
    coupon_list.add_argument("ref", metavar="REF")
    coupon_show = command(coupon, "show")
    coupon_show.add_argument("code", metavar="CODE")
    coupon_write_off = command(coupon, "write-off")
    coupon_write_off.add_argument("code", metavar="CODE")
    coupon_write_off.add_argument("--spend", metavar="YUAN")
    coupon_redeem = spend_options(command(coupon, "redeem", help="a coupon for points"))
    coupon_redeem.add_argument("ref", metavar="REF")
    coupon_redeem.add_argument("--type", required=True, dest="type_code")
    coupon_define = command(coupon, "define", help="define a coupon type (administrator)")
    coupon_define.add_argument("type_code", metavar="TYPE")
    coupon_define.add_argument("--title", required=True)
    coupon_define.add_argument("--value", required=True, metavar="YUAN")
    coupon_define.add_argument("--min-spend", required=True, metavar="YUAN")
    coupon_define.add_argument("--valid-days", type=int, required=True)
    coupon_define.add_argument("--points", required=True)


def _coupon_text(item: rewards.CouponItem) -> str:
    return f"{item.code}  {item.title}  ¥{item.value} / ¥{item.min_spend}  {item.valid_until}  {item.status}"


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import rewards

    if args.action == "list":
        items = rewards.member_coupons(desk, args.ref)
        emit(args, items, lambda: "\n".join(map(_coupon_text, items)) or translate("Cli", "No coupons."))
    elif args.action == "show":
        item = rewards.show_coupon(desk, args.code)
        emit(args, item, lambda: _coupon_text(item))
    elif args.action == "write-off":
        item = rewards.write_off_coupon(desk, args.code, args.spend)
        emit(
            args,
            item,
            lambda: translate("Cli", "Coupon {code} written off: ¥{value} off.").format(
                code=item.code, value=item.value
            ),
        )
    elif args.action == "redeem":
        done = rewards.redeem_coupon(desk, args.ref, args.type_code, presence=args.presence)
        emit(
            args,
            done,
            lambda: translate("Cli", "Coupon {code} issued for {points} points; balance {balance}.").format(
                code=done.coupon.code,  # type: ignore[union-attr]  # a redeemed coupon is always there
                points=done.points,
                balance=done.balance,
            ),
        )
    else:
        rewards.define_coupon(
            desk, args.type_code, args.title, args.value, args.min_spend, args.valid_days, args.points
        )
        emit(
            args,
            {"type": args.type_code},
            lambda: translate("Cli", "Coupon type {type} saved.").format(type=args.type_code),
        )
    return 0
