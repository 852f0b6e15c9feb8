"""`screenshot`: a desk page rendered offscreen; the GUI carries it out (counter_app/__main__.py), not the CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from counter_app.cli.parsing import command

SCREENSHOT_PAGES = (
    "main",
    "card",
    "register",
    "login",
    "lock",
    "override",
    "earn",
    "redeem",
    "history",
    "review",
    "scan",
    "receipt",
    "receipt58",
    "printqueue",
    "reports",
    "reportcomplaints",
    "queue",
    "complaints",
    "complaint",
    "checkin",
    *(f"wizard-{name}" for name in ("welcome", "store", "admin", "server", "printer", "camera", "done")),
    "settings",
    "logs",
)


def add_parser(subparsers: Any) -> None:
    # No `run`: `counter-app screenshot` starts the GUI; the CLI itself only opens the desk and signs in.
    screenshot = command(subparsers, "screenshot", help="render a desk page offscreen to a PNG")
    screenshot.add_argument("page", choices=SCREENSHOT_PAGES)
    screenshot.add_argument("--out", type=Path, required=True)
    screenshot.add_argument("--member", metavar="REF", help="the member shown on the card (default: the newest)")
