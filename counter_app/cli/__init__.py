"""The command line: every desk operation scriptable, with --json output and the exit codes of CLI.md.

The parser is assembled from one module per command group (`counter_app/cli/members.py`, ...); each
registers its commands with `add_parser(subparsers)` and names what carries them out as a module path,
so building the parser (and `--help`) imports no service: a command's services load when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import io
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import __version__, i18n

# The command groups (and the output helpers). Each group only registers its commands, importing no service;
# named here, not by string, so that PyInstaller finds them for the bundle.
from counter_app.cli import (
    approvals,
    audit,
    birthday,
    complaints,
    coupons,
    decode,
    demo,
    diagnostics,
    events,
    gifts,
    keys,
    members,
    output,
    points,
    receipts,
    reports,
    scan,
    screenshot,
    settings,
    staff,
    store,
    sync,
)
from counter_app.cli.parsing import COMMON, Parser, VersionAction, refuse_non_text
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from counter_app.domain.errors import DeskError
    from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
EXIT_UNEXPECTED = 1

# The command groups, in the order `counter-app --help` lists their commands.
GROUPS = (
    store,
    diagnostics,
    demo,
    members,
    points,
    gifts,
    coupons,
    events,
    complaints,
    birthday,
    staff,
    audit,
    approvals,
    settings,
    keys,
    sync,
    scan,
    decode,
    receipts,
    reports,
    screenshot,
)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="counter-app",
        description="Member service desk (会员服务台). With no command the desk window opens.",
        parents=[COMMON],
    )
    parser.add_argument(
        "--version", action=VersionAction, help=f"print the version ({__version__}) and those of the key libraries"
    )
    commands = parser.add_subparsers(dest="command", parser_class=Parser)
    for group in GROUPS:
        group.add_parser(commands)
    return parser


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    # Options suppressed when not given (so a subcommand never resets them) get their defaults here.
    for key, default in (
        ("data_dir", None),
        ("lang", None),
        ("json", False),
        ("staff", None),
        ("manager", None),
        ("print", False),
        ("printer", None),
        ("run", None),
        ("opens_desk", True),
    ):
        if not hasattr(args, key):
            setattr(args, key, default)
    return args


def _runner(reference: str) -> Any:
    """The function a command's parser names ("counter_app.cli.members" or "...:function"), imported now."""
    module, _, function = reference.partition(":")
    return getattr(importlib.import_module(module), function or "run")


def _sign_in(args: argparse.Namespace, desk: Desk) -> None:
    from counter_app.services import auth

    if args.staff:
        auth.sign_in(
            desk,
            args.staff,
            output.secret("COUNTER_PIN", translate("Cli", "PIN for {staff_id}: ").format(staff_id=args.staff)),
        )
    if args.manager:
        if desk.session is None:
            raise auth.NotSignedIn(QT_TRANSLATE_NOOP("Errors", "Sign in first: this needs a staff member at the desk."))
        pin = output.secret(
            "COUNTER_MANAGER_PIN", translate("Cli", "Manager {staff_id}'s PIN: ").format(staff_id=args.manager)
        )
        desk.session = auth.manager_override(desk, args.manager, pin, None, f"cli.{args.command}")


def _identify_members(args: argparse.Namespace, desk: Desk) -> None:
    """A REF may be a scanned code: each is read once, here, so a dynamic code's nonce is spent once per command.
    `args.presence` is what shows the member of REF is at the desk: their code (as REF or --code, verified
    here like any scan), or a manager's --override-reason; a typed REF alone gives none."""
    from counter_app.domain.errors import InvalidInput
    from counter_app.domain.presence import Presence
    from counter_app.services import member_codes

    args.presence = None
    for name in ("ref", "to", "referrer"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            ref, proof = member_codes.identify_present(desk, value)
            setattr(args, name, ref)
            if name == "ref":
                args.presence = proof
    code, reason = getattr(args, "presence_code", None), getattr(args, "override_reason", None)
    if code is not None and reason is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "Give either --code (the member is here) or --override-reason (a manager vouches), not both."
            )
        )
    if code is not None:
        args.presence = member_codes.prove_presence(desk, code)
    elif reason is not None:
        args.presence = Presence.override(reason)


def _error_document(error: DeskError) -> dict[str, Any]:
    return {
        "error": {
            "kind": type(error).__name__,
            "message": error.message(),
            "fields": {name: field.message() for name, field in getattr(error, "fields", {}).items()},
            **({"approval_id": error.params["approval_id"]} if "approval_id" in error.params else {}),
        }
    }


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    """The command itself: without the store for the few that must work when it will not open, else signed in."""
    if args.run is not None and not args.opens_desk:
        # key import, diagnostics, decode: they open the store themselves, or need none (and no sign-in).
        code: int = _runner(args.run)(args, data_dir)
        return code
    from counter_app.services.desk import open_desk

    desk = open_desk(data_dir)
    try:
        i18n.set_language(args.lang or desk.settings.language)
        _sign_in(args, desk)
        _identify_members(args, desk)
        output.done_reference.clear()
        code = 0 if args.run is None else _runner(args.run)(args, desk)
        if code == 0 and args.print and args.command != "print":
            from counter_app.cli.receipts import print_receipt_after

            print_receipt_after(args, desk)
        return code
    finally:
        desk.close()


def _refused(args: argparse.Namespace, error: DeskError) -> int:
    """A desk error as the person (and a script) sees it: the sentence on stderr, the document with --json."""
    if args.lang:
        i18n.set_language(args.lang)
    if getattr(args, "json", False):
        output.write_json(_error_document(error))
    sys.stderr.write(error.message() + "\n")
    fields = getattr(error, "fields", {})
    for name, field_error in fields.items():
        if len(fields) > 1:
            from counter_app.domain.members import FIELD_LABELS

            label = i18n.translate("Fields", FIELD_LABELS.get(name, name))
            sys.stderr.write(f"  {label}: {field_error.message()}\n")
    return error.exit_code


def main(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    from counter_app.config import default_data_dir
    from counter_app.domain.errors import DeskError
    from counter_app.logs import log_unhandled, setup_logging

    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.errors == "strict":
        # A file name of bytes that are not UTF-8, echoed for a person: shown as escapes, not a crash at the last
        # step (a POSIX locale's surrogateescape already gives the bytes back as they were).
        sys.stdout.reconfigure(errors="backslashreplace")
    args = args or parse_args(argv)
    try:
        refuse_non_text(args, build_parser)  # before the data folder is even looked at: it may be the culprit
    except DeskError as error:
        return _refused(args, error)
    data_dir = args.data_dir or default_data_dir()
    log_file = setup_logging(data_dir)
    try:
        return _run(args, data_dir)
    except DeskError as error:
        return _refused(args, error)
    except KeyboardInterrupt:
        return 130
    except Exception as bug:  # a bug: the log gets the traceback, the person a sentence
        command = " ".join(str(part) for part in (args.command, getattr(args, "action", None)) if part)
        log_unhandled(type(bug), bug, bug.__traceback__, {"command": command, "staff": args.staff, "json": args.json})
        message = translate(
            "Cli", "Something unexpected went wrong; nothing more was changed. Details are in {log}."
        ).format(log=log_file or "—")
        if args.json:
            output.write_json({"error": {"kind": "Unexpected", "message": message, "fields": {}}})
        sys.stderr.write(message + "\n")
        return EXIT_UNEXPECTED
