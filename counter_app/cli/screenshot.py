"""`screenshot`: a desk page rendered offscreen; the GUI carries it out (counter_app/__main__.py), not the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from counter_app.cli.parsing import command
from counter_app.screens import PAGES


def add_parser(subparsers: Any) -> None:
    # No `run`: `counter-app screenshot` starts the GUI; the CLI itself only opens the desk and signs in.
    screenshot = command(subparsers, "screenshot", help="render a desk page offscreen to a PNG")
    screenshot.add_argument("page", choices=PAGES)
    screenshot.add_argument("--out", type=Path, required=True)
    screenshot.add_argument("--member", metavar="REF", help="the member shown on the card (default: the newest)")
