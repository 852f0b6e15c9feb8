"""`key export|import`: backing up and restoring the store's data key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import i18n
from counter_app.cli.output import emit
from counter_app.cli.parsing import actions, command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    key = actions(command(subparsers, "key", help="back up or restore the store's data key"))
    key_export = command(
        key, "export", help="write the data key to a new file (keep it offline, in a safe)", run=__name__
    )
    key_export.add_argument("--out", type=Path, required=True)
    # Runs without opening the desk: a missing key is what stops the desk from opening.
    key_import = command(
        key,
        "import",
        help="restore the data key from a backup (when the keyring lost it)",
        run=f"{__name__}:restore",
        opens_desk=False,
    )
    key_import.add_argument("file", type=Path, metavar="FILE")


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import keys

    fingerprint = keys.back_up_key(desk, args.out)
    emit(
        args,
        {"fingerprint": fingerprint, "file": str(args.out)},
        lambda: translate(
            "Cli",
            "Key {fingerprint} written to {path}. Keep it offline; anyone with it and the data folder can read phone numbers.",
        ).format(fingerprint=fingerprint, path=args.out),
    )
    return 0


def restore(args: argparse.Namespace, data_dir: Path) -> int:
    from counter_app.services import keys

    i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
    fingerprint = keys.restore_key(data_dir, args.file)
    emit(
        args,
        {"fingerprint": fingerprint},
        lambda: translate("Cli", "Key {fingerprint} restored; the desk can open its store again.").format(
            fingerprint=fingerprint
        ),
    )
    return 0
