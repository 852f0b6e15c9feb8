"""The desk's pages by name, as `counter-app screenshot PAGE` renders them: Qt-free, so that the command line lists
them without loading the GUI (counter_app/gui/screenshot.py draws them)."""

from __future__ import annotations

MANAGER_PAGES = ("reports", "reportcomplaints", "queue", "complaints", "complaint", "checkin")
# The first-run wizard's pages (a new data folder shows them as an IT person first meets them), settings and support.
WIZARD_PAGES = tuple(f"wizard-{name}" for name in ("welcome", "store", "admin", "server", "printer", "camera", "done"))
SETUP_PAGES = (*WIZARD_PAGES, "settings", "logs")
PAGES = (
    "main",
    "card",
    "register",
    "login",
    "lock",
    "override",
    "presence",
    "earn",
    "redeem",
    "history",
    "review",
    "scan",
    "receipt",
    "receipt58",
    "printqueue",
    *MANAGER_PAGES,
    *SETUP_PAGES,
)
MEMBER_PAGES = (
    "main",
    "card",
    "register",
    "override",
    "presence",
    "earn",
    "redeem",
    "history",
    "review",
    "scan",
    "receipt",
    "receipt58",
    "printqueue",
    *MANAGER_PAGES,
)
