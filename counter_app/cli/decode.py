"""`decode`: the QR codes in picture files, without the store or a sign-in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from counter_app import i18n
from counter_app.cli.output import emit
from counter_app.cli.parsing import command


def add_parser(subparsers: Any) -> None:
    decode = command(
        subparsers, "decode", run=__name__, opens_desk=False, help="the QR codes in picture files (PNG, JPEG, WebP)"
    )
    decode.add_argument("images", nargs="+", type=Path, metavar="IMAGE")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """One line per picture: its codes' texts (tab between several), or an empty line; a picture
    that cannot be read is said on stderr and the exit code is 2."""
    import sys

    from counter_app.services import scanning

    # Reading pictures needs neither the store nor a sign-in.
    i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
    decoded = scanning.decode_images(args.images)
    if args.json:
        emit(args, decoded, lambda: "")
    else:
        for image in decoded:
            sys.stdout.write("\t".join(image.texts) + "\n")
    for image in decoded:
        if image.error:
            sys.stderr.write(image.error + "\n")
    return 2 if any(image.error for image in decoded) else 0
