"""`staff ...`: staff accounts, the first administrator of a new desk, PINs."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app import i18n
from counter_app.cli.output import (
    emit,
    secret,
)
from counter_app.cli.parsing import actions, command
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    staff = actions(command(subparsers, "staff", run=__name__, help="staff accounts (administrator)"))
    staff_add = command(staff, "add", help="add an account; on a new desk the first one, an admin, needs no sign-in")
    staff_add.add_argument("staff_id", metavar="STAFF_ID")
    staff_add.add_argument("--name", required=True)
    staff_add.add_argument("--role", required=True, choices=["clerk", "cashier", "manager", "admin"])
    command(staff, "list")
    staff_change = command(staff, "change", help="change a role, disable or enable, set a new PIN, or unlock")
    staff_change.add_argument("staff_id", metavar="STAFF_ID")
    staff_change.add_argument("--role", choices=["clerk", "cashier", "manager", "admin"])
    staff_change.add_argument("--disable", action="store_true")
    staff_change.add_argument("--enable", action="store_true")
    staff_change.add_argument(
        "--new-pin", action="store_true", help="set a new PIN (from COUNTER_NEW_PIN, or asked for)"
    )
    staff_change.add_argument("--unlock", action="store_true")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import auth

    if args.action == "add":
        pin = secret(
            "COUNTER_NEW_PIN", translate("Cli", "PIN for {staff_id}: ").format(staff_id=args.staff_id), confirm=True
        )
        if not auth.has_staff(desk):
            if args.role != "admin":
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The first account on a new desk must be an administrator (--role admin)."
                    )
                )
            info = auth.create_first_admin(desk, args.staff_id, args.name, pin)
        else:
            info = auth.add_staff(desk, args.staff_id, args.name, args.role, pin)
        emit(
            args,
            info,
            lambda: translate("Cli", "Staff account {staff_id} ({role}) added.").format(
                staff_id=info.staff_id, role=_role(info.role)
            ),
        )
    elif args.action == "list":
        people = auth.list_staff(desk)
        disabled, locked_until = (
            translate("Cli", "disabled"),
            translate("Cli", "locked until"),
        )  # outside the f-string, where lupdate finds them
        emit(
            args,
            people,
            lambda: "\n".join(
                f"{p.staff_id:<10} {p.name:<12} {_role(p.role):<8} {'' if p.active else disabled} {locked_until + ' ' + p.locked_until if p.locked_until else ''}".rstrip()
                for p in people
            ),
        )
    else:
        if args.enable and args.disable:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Use --enable or --disable, not both."))
        new_pin = (
            secret(
                "COUNTER_NEW_PIN",
                translate("Cli", "New PIN for {staff_id}: ").format(staff_id=args.staff_id),
                confirm=True,
            )
            if args.new_pin
            else None
        )
        active = True if args.enable else False if args.disable else None
        info = auth.change_staff(desk, args.staff_id, role=args.role, active=active, pin=new_pin, unlock=args.unlock)
        emit(args, info, lambda: translate("Cli", "Staff account {staff_id} changed.").format(staff_id=info.staff_id))
    return 0


def _role(role: str) -> str:
    from counter_app.domain.staff import ROLE_LABELS

    return i18n.translate("Roles", ROLE_LABELS.get(role, role))
