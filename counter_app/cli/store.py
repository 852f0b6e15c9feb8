"""`init` and `status`: the local store made ready, and what this counter holds."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit, labelled
from counter_app.cli.parsing import command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    command(subparsers, "init", help="create or upgrade the local store", run=__name__)
    command(subparsers, "status", help="counter, store, pending operations", run=__name__)


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import desk as desk_service

    status = desk_service.desk_status(desk)
    if args.command == "init":
        emit(args, status, lambda: translate("Cli", "The local store is ready: {path}").format(path=status.data_dir))
        return 0
    emit(
        args,
        status,
        lambda: labelled(
            [
                (translate("Cli", "Store"), status.store_name or "—"),
                (translate("Cli", "Counter"), status.counter_name or status.counter_no),
                (translate("Cli", "Operations waiting to sync"), status.pending_ops),
                (translate("Cli", "Data folder"), status.data_dir),
            ]
        ),
    )
    return 0
