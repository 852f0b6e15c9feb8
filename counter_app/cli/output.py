"""What every command shares: one JSON document or text for people, secrets from the environment or a prompt."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from counter_app import i18n
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

# The commands whose result has a receipt, and where its reference is in the result.
RECEIPT_COMMANDS: dict[tuple[str, str | None], str] = {
    ("member", "register"): "member_no",
    ("points", "earn"): "op_id",
    ("points", "cash"): "op_id",
    ("points", "gift"): "op_id",
    ("points", "void"): "op_id",
    ("points", "activity"): "op_id",
    ("gift", "redeem"): "op_id",
    ("coupon", "redeem"): "op_id",
    ("coupon", "write-off"): "code",
    ("birthday", "claim"): "op_id",
    ("event", "checkin"): "op_id",
    ("complaint", "open"): "ticket_no",
}
# The receipt reference of the command that just ran (for --print); cleared before each command.
done_reference: dict[str, str] = {}


def plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def emit(args: argparse.Namespace, document: Any, human: Callable[[], str]) -> None:
    field = RECEIPT_COMMANDS.get((args.command, getattr(args, "action", None)))
    if field and isinstance(getattr(document, field, None), str):
        done_reference["reference"] = getattr(document, field)
    if getattr(args, "json", False):
        write_json(plain(document))
    else:
        sys.stdout.write(human() + "\n")


def write_json(document: Any) -> None:
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if not is_text(text):
        # A file name of bytes that are not UTF-8 has no UTF-8 form: JSON's \u escapes carry it instead.
        text = json.dumps(document, indent=2)
    sys.stdout.write(text + "\n")


def is_text(value: str) -> bool:
    """No NUL and no lone surrogate (how Python hands over bytes that are not UTF-8): text that can be
    stored, hashed, printed and synced."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tier_label(tier_code: str) -> str:
    from counter_app.domain.tiers import TIER_LABELS

    return i18n.translate("Tiers", TIER_LABELS.get(tier_code, tier_code))


def labelled(pairs: list[tuple[str, object]]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs)


def progress_on_terminal() -> Callable[[int, int], None] | None:
    """A running count on stderr for a person watching; nothing for scripts and pipes."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done:,} / {total:,}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def date_argument(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "a date as YYYY-MM-DD")) from None


def secret(variable: str, prompt: str, confirm: bool = False) -> str:
    """A PIN from the environment, or typed at a terminal; never from the command line itself."""
    value = os.environ.get(variable)
    if value is not None:
        if not is_text(value):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors", "{variable} holds something that is not text (bytes that are not UTF-8); set it again."
                ),
                variable=variable,
            )
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No terminal to ask for the PIN on: put it in {variable}."), variable=variable
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(translate("Cli", "Again: ")) != value:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "The two PINs differ; nothing was changed."))
    return value


def write_new_file(path: Path, content: str) -> None:
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{path} exists already; choose a new file name."), path=str(path)
        ) from None
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({reason})."),
            path=str(path),
            reason=error.strerror or str(error),
        ) from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(content)
