"""The parser's shared parts: usage mistakes as exit 2, the options every command accepts, --version,
and the refusal of arguments that are not text."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

from counter_app import i18n
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP


class Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is a sentence on stderr and exit 2, as for any bad input."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        sys.exit(2)


class VersionAction(argparse.Action):
    """`--version`: the app's version, then its key libraries' (what support asks for first); exit 0."""

    def __init__(
        self,
        option_strings: list[str],
        dest: str = argparse.SUPPRESS,
        default: Any = argparse.SUPPRESS,
        help: str | None = None,
    ) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> NoReturn:
        from counter_app.services.diagnostics import version_text

        sys.stdout.write(version_text() + "\n")
        parser.exit(0)


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # Global options are accepted after the command too; SUPPRESS keeps a subcommand from resetting them.
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document on stdout"
    )
    common.add_argument(
        "--data-dir",
        type=Path,
        default=argparse.SUPPRESS,
        help="where the desk keeps its data (default: COUNTER_DATA_DIR or the user data folder)",
    )
    common.add_argument(
        "--lang",
        choices=i18n.LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the desk and of this output (default zh_CN)",
    )
    common.add_argument(
        "--staff",
        metavar="STAFF_ID",
        default=argparse.SUPPRESS,
        help="who is working (PIN from COUNTER_PIN, or asked for)",
    )
    common.add_argument(
        "--manager",
        metavar="STAFF_ID",
        default=argparse.SUPPRESS,
        help="a manager authorising this command on the spot (PIN from COUNTER_MANAGER_PIN, or asked for)",
    )
    common.add_argument(
        "--print",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print the operation's receipt (waits until printed, or queued for a retry)",
    )
    common.add_argument(
        "--printer",
        metavar="URI",
        default=argparse.SUPPRESS,
        help="this command's printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, file:///PATH, lp://QUEUE",
    )
    return common


# The parent of every parser, so the options above work before and after any command (argparse copies them).
COMMON = _common_options()


def command(
    subparsers: Any, name: str, help: str | None = None, run: str | None = None, opens_desk: bool = True
) -> Parser:
    """A command (or an action under one) taking the common options; `run` names what carries it out,
    as "module:function" (the function defaults to `run`), imported only when the command runs."""
    # No help=None: argparse would list the action with an empty line under its command's help.
    extra = {} if help is None else {"help": help}
    parser: Parser = subparsers.add_parser(name, parents=[COMMON], **extra)
    if run is not None:
        parser.set_defaults(run=run, opens_desk=opens_desk)
    return parser


def spend_options(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """What a spend of the member's points takes to show the member is at the desk (a typed REF only looks up)."""
    parser.add_argument(
        "--code",
        dest="presence_code",  # not "code": coupon and event commands take a CODE of their own
        metavar="TEXT",
        help="the member's code as scanned (their phone's, or the printed card's within its limits): the member is here",
    )
    parser.add_argument(
        "--override-reason",
        metavar="TEXT",
        help="a manager vouches for the member without a code, for this reason (audited; with --manager ID for a clerk)",
    )
    return parser


def actions(parser: argparse.ArgumentParser, required: bool = True) -> Any:
    """The actions under a command (`member register`, `member show`, ...)."""
    return parser.add_subparsers(dest="action", required=required, parser_class=Parser)


def _not_text(value: object) -> bool:
    """A NUL anywhere, or in a text argument bytes that were not UTF-8 (Python hands those over as lone
    surrogates): neither can be stored, printed or synced. A file name may be any bytes but NUL."""
    if isinstance(value, Path):
        return "\x00" in str(value)
    if isinstance(value, str):
        return "\x00" in value or not value.isascii() and _has_surrogates(value)
    if isinstance(value, list | tuple):
        return any(_not_text(item) for item in value)
    return False


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _argument_names(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """What the person typed for each argument of the command given (`--text`, `REF`), by its dest."""
    names: dict[str, str] = {}
    current: argparse.ArgumentParser | None = parser
    while current is not None:
        chosen: argparse.ArgumentParser | None = None
        for action in current._actions:
            if isinstance(action, argparse._SubParsersAction):
                chosen = action.choices.get(getattr(args, action.dest, None) or "")
            elif action.option_strings:
                names[action.dest] = max(action.option_strings, key=len)
            else:
                names[action.dest] = str(action.metavar or action.dest.upper())
        current = chosen
    return names


def refuse_non_text(args: argparse.Namespace, build: Callable[[], argparse.ArgumentParser]) -> None:
    """Before any command runs: every argument is text (or a usable file name), else InvalidInput naming
    the first one that is not. `build` makes the parser again, only then, to name the option as typed."""
    wrong = [dest for dest, value in vars(args).items() if _not_text(value)]
    if wrong:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{option} holds something that is not text (a NUL character, or bytes that are not UTF-8); type it again.",
            ),
            option=_argument_names(build(), args).get(wrong[0], wrong[0]),
        )
