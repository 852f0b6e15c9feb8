"""`gift ...`: the gift catalog, redeeming gifts for points, stocking the catalog."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit
from counter_app.cli.parsing import actions, command, spend_options
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    gift = actions(command(subparsers, "gift", run=__name__, help="the gift catalog and redeeming gifts"))
    command(gift, "list")
    gift_redeem = spend_options(command(gift, "redeem"))
    gift_redeem.add_argument("ref", metavar="REF")
    gift_redeem.add_argument("--sku", required=True)
    gift_redeem.add_argument("--qty", type=int, default=1)
    gift_stock = command(gift, "stock", help="add a gift, change its points, or add stock (administrator)")
    gift_stock.add_argument("sku", metavar="SKU")
    gift_stock.add_argument("--name")
    gift_stock.add_argument("--points")
    gift_stock.add_argument("--add", type=int, default=0)


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import rewards

    if args.action == "list":
        items = rewards.gift_catalog(desk)
        emit(
            args,
            items,
            lambda: (
                "\n".join(f"{i.sku:<10} {i.points:>7}  {i.stock:>5}  {i.name}" for i in items)
                or translate("Cli", "The catalog is empty.")
            ),
        )
    elif args.action == "redeem":
        done = rewards.redeem_gift(desk, args.ref, args.sku, args.qty, presence=args.presence)
        emit(
            args,
            done,
            lambda: translate(
                "Cli", "{sku} × {qty} for {points} points; balance {balance}, {stock} left in stock."
            ).format(sku=done.sku, qty=done.qty, points=done.points, balance=done.balance, stock=done.stock_left),
        )
    else:
        item = rewards.stock_gift(desk, args.sku, args.name, args.points, args.add)
        emit(args, item, lambda: f"{item.sku}  {item.name}  {item.points}  {item.stock}")
    return 0
