"""`settings show|set`: the desk's settings."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import emit
from counter_app.cli.parsing import actions, command
from counter_app.config import SETTINGS

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    settings = actions(command(subparsers, "settings", run=__name__, help="show or change the desk's settings"))
    command(settings, "show")
    set_parser = command(settings, "set")
    set_parser.add_argument("key", choices=[setting.key for setting in SETTINGS])
    set_parser.add_argument("value")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services.desk import change_setting

    if args.action == "set":
        change_setting(desk, args.key, args.value)
    values = {setting.key: getattr(desk.settings, setting.key) for setting in SETTINGS}
    emit(args, values, lambda: "\n".join(f"{key} = {value}" for key, value in values.items()))
    return 0
