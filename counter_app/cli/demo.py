"""`demo-data`: realistic fake members for trying the desk out."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit, progress_on_terminal
from counter_app.cli.parsing import command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    parser = command(subparsers, "demo-data", help="add realistic demo members", run=__name__)
    parser.add_argument("--members", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int)


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import demo

    made = demo.make_demo_members(desk, args.members, seed=args.seed, progress=progress_on_terminal())
    emit(args, {"members": made}, lambda: translate("Cli", "{count} demo members added.").format(count=f"{made:,}"))
    return 0
