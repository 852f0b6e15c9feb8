"""The command line: every desk operation scriptable, with --json output and the exit codes of CLI.md."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any, NoReturn

from counter_app import __version__, i18n
from counter_app.config import SETTINGS, default_data_dir
from counter_app.domain.errors import DeskError, InvalidInput
from counter_app.domain.members import FIELD_LABELS, RegistrationForm
from counter_app.domain.staff import ROLE_LABELS, Permission
from counter_app.domain.tiers import TIER_LABELS
from counter_app.i18n import QT_TRANSLATE_NOOP, translate
from counter_app.logs import log_unhandled, setup_logging
from counter_app.services import (
    approvals,
    audit,
    auth,
    complaints,
    demo,
    keys,
    manager_queue,
    member_codes,
    member_events,
    members,
    points,
    printing,
    privacy,
    reports,
    rewards,
    scanning,
    sync,
)
from counter_app.services.desk import Desk, change_setting, desk_status, open_desk

log = logging.getLogger(__name__)
EXIT_UNEXPECTED = 1
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


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage mistake is a sentence on stderr and exit 2, as for any bad input."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: {message}\n")
        sys.exit(2)


class _VersionAction(argparse.Action):
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


def build_parser() -> argparse.ArgumentParser:
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
    parser = _Parser(
        prog="counter-app",
        description="Member service desk (会员服务台). With no command the desk window opens.",
        parents=[common],
    )
    parser.add_argument(
        "--version", action=_VersionAction, help=f"print the version ({__version__}) and those of the key libraries"
    )
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)

    commands.add_parser("init", parents=[common], help="create or upgrade the local store")
    commands.add_parser("status", parents=[common], help="counter, store, pending operations")
    commands.add_parser(
        "diagnostics",
        parents=[common],
        help="what support needs: versions, settings, sync and printer state, the log's last lines (no secrets, no member data)",
    )
    demo_parser = commands.add_parser("demo-data", parents=[common], help="add realistic demo members")
    demo_parser.add_argument("--members", type=int, required=True, metavar="N")
    demo_parser.add_argument("--seed", type=int)

    member = commands.add_parser(
        "member", parents=[common], help="register, show, search and edit members"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    register = member.add_parser("register", parents=[common], help="register a new member")
    register.add_argument("--phone", required=True)
    register.add_argument("--name", required=True)
    register.add_argument("--gender", choices=["F", "M"])
    register.add_argument("--birthday", metavar="YYYY-MM-DD")
    register.add_argument("--id-number")
    register.add_argument("--referrer", metavar="REF")
    register.add_argument("--consent", action="store_true", help="the member agreed to the privacy notice")
    show = member.add_parser("show", parents=[common], help="a member's card")
    show.add_argument("ref", metavar="REF")
    search = member.add_parser("search", parents=[common], help="phone digits, member number, name or pinyin initials")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int)
    edit = member.add_parser(
        "edit", parents=[common], help="change profile fields (an empty value clears an optional field)"
    )
    edit.add_argument("ref", metavar="REF")
    for option in ("--phone", "--name", "--gender", "--birthday", "--id-number"):
        edit.add_argument(option)
    history = member.add_parser("history", parents=[common], help="a member's profile changes")
    history.add_argument("ref", metavar="REF")
    code = member.add_parser(
        "code",
        parents=[common],
        help="a current member code, as the member's phone shows it (or --static: the card code)",
    )
    code.add_argument("ref", metavar="REF")
    code.add_argument(
        "--static", action="store_true", help="the static code printed on a member card (for members without a phone)"
    )
    reveal = member.add_parser(
        "reveal", parents=[common], help="show a member's full phone and ID number (manager; audited)"
    )
    reveal.add_argument("ref", metavar="REF")
    export = member.add_parser(
        "export", parents=[common], help="everything held on a member, as JSON (manager; audited)"
    )
    export.add_argument("ref", metavar="REF")
    export.add_argument("--out", type=Path, help="write to this new file instead of stdout")
    erase = member.add_parser(
        "erase",
        parents=[common],
        help="erase a member's personal data on request (manager; others park it for approval)",
    )
    erase.add_argument("ref", metavar="REF")
    erase.add_argument("--reason", required=True)

    points_parser = commands.add_parser(
        "points", parents=[common], help="earn from a purchase slip, points as cash, history, expiry"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    earn = points_parser.add_parser("earn", parents=[common], help="points from a purchase slip")
    earn.add_argument("ref", metavar="REF")
    earn.add_argument("--amount", required=True, metavar="YUAN")
    earn.add_argument("--slip", required=True, metavar="SLIP_NO")
    earn.add_argument("--shop")
    earn.add_argument("--at", metavar="ISO8601", help="when the purchase was made (default: now)")
    cash = points_parser.add_parser("cash", parents=[common], help="points as cash (whole yuan)")
    cash.add_argument("ref", metavar="REF")
    cash.add_argument("--points", required=True)
    points_history = points_parser.add_parser("history", parents=[common])
    points_history.add_argument("ref", metavar="REF")
    points_history.add_argument("--limit", type=int, default=100)
    points_parser.add_parser(
        "expire",
        parents=[common],
        help="the daily jobs: expire lapsed lots, review tiers at their anniversary (idempotent)",
    )
    activity = points_parser.add_parser(
        "activity", parents=[common], help="points for an event check-in, once per event"
    )
    activity.add_argument("ref", metavar="REF")
    activity.add_argument("--event", required=True)
    void = points_parser.add_parser(
        "void", parents=[common], help="undo an operation within the allowed days (manager)"
    )
    void.add_argument("op_id", metavar="OP_ID")
    void.add_argument("--reason", required=True)
    gift_points_parser = points_parser.add_parser("gift", parents=[common], help="a member gives points to another")
    gift_points_parser.add_argument("ref", metavar="REF")
    gift_points_parser.add_argument("--to", required=True, metavar="REF")
    gift_points_parser.add_argument("--points", required=True)
    gift = commands.add_parser("gift", parents=[common], help="the gift catalog and redeeming gifts").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    gift.add_parser("list", parents=[common])
    gift_redeem = gift.add_parser("redeem", parents=[common])
    gift_redeem.add_argument("ref", metavar="REF")
    gift_redeem.add_argument("--sku", required=True)
    gift_redeem.add_argument("--qty", type=int, default=1)
    gift_stock = gift.add_parser(
        "stock", parents=[common], help="add a gift, change its points, or add stock (administrator)"
    )
    gift_stock.add_argument("sku", metavar="SKU")
    gift_stock.add_argument("--name")
    gift_stock.add_argument("--points")
    gift_stock.add_argument("--add", type=int, default=0)
    coupon = commands.add_parser(
        "coupon", parents=[common], help="coupons: list, show, redeem with points, write off"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    coupon_list = coupon.add_parser("list", parents=[common])
    coupon_list.add_argument("ref", metavar="REF")
    coupon_show = coupon.add_parser("show", parents=[common])
    coupon_show.add_argument("code", metavar="CODE")
    coupon_write_off = coupon.add_parser("write-off", parents=[common])
    coupon_write_off.add_argument("code", metavar="CODE")
    coupon_write_off.add_argument("--spend", metavar="YUAN")
    coupon_redeem = coupon.add_parser("redeem", parents=[common], help="a coupon for points")
    coupon_redeem.add_argument("ref", metavar="REF")
    coupon_redeem.add_argument("--type", required=True, dest="type_code")
    coupon_define = coupon.add_parser("define", parents=[common], help="define a coupon type (administrator)")
    coupon_define.add_argument("type_code", metavar="TYPE")
    coupon_define.add_argument("--title", required=True)
    coupon_define.add_argument("--value", required=True, metavar="YUAN")
    coupon_define.add_argument("--min-spend", required=True, metavar="YUAN")
    coupon_define.add_argument("--valid-days", type=int, required=True)
    coupon_define.add_argument("--points", required=True)

    event = commands.add_parser(
        "event", parents=[common], help="member events: set up (manager), list, sign up, check in, tickets"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    event_create = event.add_parser(
        "create", parents=[common], help="set up an event (manager); times without an offset are the desk's local time"
    )
    event_create.add_argument("code", metavar="CODE")
    event_create.add_argument("--title", required=True)
    event_create.add_argument("--from", dest="starts_at", required=True, metavar="ISO")
    event_create.add_argument("--to", dest="ends_at", required=True, metavar="ISO")
    event_create.add_argument("--points", required=True, metavar="N")
    event_create.add_argument("--capacity", metavar="N")
    event.add_parser("list", parents=[common])
    event_signup = event.add_parser("signup", parents=[common], help="sign a member up for an event")
    event_signup.add_argument("code", metavar="CODE")
    event_signup.add_argument("ref", metavar="REF")
    # Not "ref": a scanned ticket must reach the service as scanned, it names the event.
    event_checkin = event.add_parser(
        "checkin",
        parents=[common],
        help="check a member in by their scanned code, card, ticket, phone or member number",
    )
    event_checkin.add_argument("code", metavar="CODE")
    event_checkin.add_argument("scanned", metavar="SCANNED_OR_REF")
    event_ticket = event.add_parser(
        "ticket", parents=[common], help="the event ticket (EV1 code) to print or send to a signed-up member"
    )
    event_ticket.add_argument("code", metavar="CODE")
    event_ticket.add_argument("ref", metavar="REF")

    complaint = commands.add_parser(
        "complaint", parents=[common], help="complaints: take one, move it along, compensation, lists"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    complaint_open = complaint.add_parser(
        "open", parents=[common], help="take a complaint from a member (REF) or a walk-in customer (--walk-in)"
    )
    complaint_open.add_argument("ref", metavar="REF", nargs="?")
    complaint_open.add_argument("--walk-in", action="store_true", help="the customer is not a member (or will not say)")
    complaint_open.add_argument("--name", help="a walk-in customer's name")
    complaint_open.add_argument("--contact", metavar="PHONE", help="a phone to answer on (sealed, shown masked)")
    complaint_open.add_argument(
        "--category",
        required=True,
        metavar="CAT",
        help="attitude, response, after_sales, quality, price, environment, other",
    )
    complaint_open.add_argument("--text", required=True, help="what happened, in the customer's words")
    complaint_open.add_argument("--severity", default="normal", help="low, normal (24 h answer) or high")
    complaint_open.add_argument("--shop")
    for name, text in (
        ("ack", "the customer is told it was received (the first answer)"),
        ("progress", "work starts, or a resolved complaint is reopened"),
        ("resolve", "resolved, with its root cause"),
        ("close", "closed with the customer's rating 1-5"),
        ("escalate", "hand it up: a manager takes it over"),
        ("note", "add a note to the complaint's timeline"),
        ("assign", "hand it to a staff member (--to STAFF)"),
    ):
        move = complaint.add_parser(name, parents=[common], help=text)
        move.add_argument("ticket", metavar="ID", help="the ticket number, C-YYYYMMDD-CCCC-NNN")
        move.add_argument("--note")
        move.add_argument(
            "--root-cause",
            metavar="RC",
            help="staff_conduct, process, product_defect, pricing_error, facility, misunderstanding, third_party, other",
        )
        move.add_argument("--rating", metavar="1-5")
        move.add_argument("--reason", help="why it is escalated (or --note)")
        move.add_argument("--to", dest="assign_to", metavar="STAFF")
        move.add_argument(
            "--compensate", metavar="points:N|coupon:TYPE|gift:SKU", help="also ask a manager for compensation"
        )
    complaint_list = complaint.add_parser("list", parents=[common], help="complaints, soonest due first")
    complaint_list.add_argument("--overdue", action="store_true", help="no answer yet and past the promised time")
    complaint_list.add_argument(
        "--due-for-escalation", action="store_true", help="no answer yet and the promised time near or past"
    )
    complaint_list.add_argument(
        "--status", metavar="S", help="open, acknowledged, in_progress, resolved, closed, escalated"
    )
    complaint_show = complaint.add_parser(
        "show", parents=[common], help="a complaint with its timeline and compensation"
    )
    complaint_show.add_argument("ticket", metavar="ID")
    complaint.add_parser(
        "compensations", parents=[common], help="compensation requests waiting for a manager, from every counter"
    )
    complaint_decide = complaint.add_parser(
        "decide", parents=[common], help="approve or reject a compensation request (manager)"
    )
    complaint_decide.add_argument("request_id", metavar="REQUEST_ID")
    verdict = complaint_decide.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--approve", action="store_true")
    verdict.add_argument("--reject", action="store_true")
    complaint_decide.add_argument("--reason", required=True)

    birthday = commands.add_parser("birthday", parents=[common], help="the yearly birthday gift").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    birthday_claim = birthday.add_parser("claim", parents=[common])
    birthday_claim.add_argument("ref", metavar="REF")

    staff = commands.add_parser("staff", parents=[common], help="staff accounts (administrator)").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    staff_add = staff.add_parser(
        "add", parents=[common], help="add an account; on a new desk the first one, an admin, needs no sign-in"
    )
    staff_add.add_argument("staff_id", metavar="STAFF_ID")
    staff_add.add_argument("--name", required=True)
    staff_add.add_argument("--role", required=True, choices=["clerk", "cashier", "manager", "admin"])
    staff.add_parser("list", parents=[common])
    staff_change = staff.add_parser(
        "change", parents=[common], help="change a role, disable or enable, set a new PIN, or unlock"
    )
    staff_change.add_argument("staff_id", metavar="STAFF_ID")
    staff_change.add_argument("--role", choices=["clerk", "cashier", "manager", "admin"])
    staff_change.add_argument("--disable", action="store_true")
    staff_change.add_argument("--enable", action="store_true")
    staff_change.add_argument(
        "--new-pin", action="store_true", help="set a new PIN (from COUNTER_NEW_PIN, or asked for)"
    )
    staff_change.add_argument("--unlock", action="store_true")

    audit = commands.add_parser("audit", parents=[common], help="the audit log (manager)").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    audit.add_parser(
        "verify", parents=[common], help="check the chain; names the first entry edited, deleted or inserted"
    )
    audit_list = audit.add_parser("list", parents=[common])
    audit_list.add_argument("--limit", type=int, default=50)

    approvals_parser = commands.add_parser(
        "approvals", parents=[common], help="the manager's queue: parked operations, compensations, review items"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    approvals_parser.add_parser("list", parents=[common], help="everything waiting for a manager, most urgent first")
    # ID: a parked request's number (12), review:N or compensation:ID, as `approvals list` shows them.
    approve = approvals_parser.add_parser("approve", parents=[common])
    approve.add_argument("approval_id", metavar="ID")
    approve.add_argument("--reason")
    reject = approvals_parser.add_parser("reject", parents=[common])
    reject.add_argument("approval_id", metavar="ID")
    reject.add_argument("--reason", required=True)

    settings = commands.add_parser(
        "settings", parents=[common], help="show or change the desk's settings"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    settings.add_parser("show", parents=[common])
    set_parser = settings.add_parser("set", parents=[common])
    set_parser.add_argument("key", choices=[setting.key for setting in SETTINGS])
    set_parser.add_argument("value")

    key = commands.add_parser("key", parents=[common], help="back up or restore the store's data key").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    key_export = key.add_parser(
        "export", parents=[common], help="write the data key to a new file (keep it offline, in a safe)"
    )
    key_export.add_argument("--out", type=Path, required=True)
    key_import = key.add_parser(
        "import", parents=[common], help="restore the data key from a backup (when the keyring lost it)"
    )
    key_import.add_argument("file", type=Path, metavar="FILE")

    enroll = commands.add_parser(
        "enroll", parents=[common], help="enrol this counter with the central server (administrator)"
    )
    enroll.add_argument("--server", required=True, metavar="URL")
    enroll.add_argument("--code", required=True, metavar="ONE_TIME_CODE")
    sync_parser = commands.add_parser(
        "sync", parents=[common], help="sync with the central server: keep syncing, or --once"
    )
    sync_parser.add_argument("--once", action="store_true", help="one round (push, then pull) and exit")
    sync_actions = sync_parser.add_subparsers(dest="action", parser_class=_Parser)
    sync_actions.add_parser(
        "status", parents=[common], help="online or not, pending operations, last sync, review items"
    )
    sync_actions.add_parser(
        "review", parents=[common], help="operations the server refused and items it opened for a manager"
    )
    scan = commands.add_parser(
        "scan", parents=[common], help="what a scanned code opens: member, card, coupon or event ticket"
    )
    scan.add_argument("payload", metavar="PAYLOAD")
    decode = commands.add_parser("decode", parents=[common], help="the QR codes in picture files (PNG, JPEG, WebP)")
    decode.add_argument("images", nargs="+", type=Path, metavar="IMAGE")
    print_parser = commands.add_parser(
        "print", parents=[common], help="receipts: test page, reprint, preview, the print queue"
    ).add_subparsers(dest="action", required=True, parser_class=_Parser)
    print_parser.add_parser(
        "test", parents=[common], help="print a test page (both scripts, rare characters, width, QR, cut)"
    )
    print_reprint = print_parser.add_parser(
        "reprint", parents=[common], help="another copy of a receipt, stamped 重打 / REPRINT"
    )
    print_reprint.add_argument(
        "reference",
        metavar="OP_ID",
        help="the operation's id (points history), a member number (registration) or a coupon code (write-off)",
    )
    print_preview = print_parser.add_parser(
        "preview", parents=[common], help="a receipt as it prints, to a PNG (nothing is printed)"
    )
    print_preview.add_argument("reference", metavar="OP_ID", nargs="?")
    print_preview.add_argument("--job", type=int, help="a print job's number instead of an operation")
    print_preview.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm (default: the printer's)")
    print_preview.add_argument("--out", type=Path, required=True)
    print_queue = print_parser.add_parser(
        "queue", parents=[common], help="receipts waiting for the printer (--all: the latest of any state)"
    )
    print_queue.add_argument("--all", action="store_true")
    print_cancel = print_parser.add_parser(
        "cancel", parents=[common], help="take a stuck receipt out of the queue (manager)"
    )
    print_cancel.add_argument("job_id", type=int)
    print_cancel.add_argument("--reason", required=True)
    print_parser.add_parser(
        "status", parents=[common], help="ask the printer now: ready, paper out, cover open, not reachable"
    )
    print_parser.add_parser("run", parents=[common], help="print what waits in the queue now")
    print_samples = print_parser.add_parser(
        "samples",
        parents=[common],
        help="every receipt template with made-up facts, as PNG previews (nothing is printed)",
    )
    print_samples.add_argument("--out", type=Path, required=True, metavar="DIR")
    print_samples.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm (default: the printer's)")
    print_day = print_parser.add_parser(
        "day", parents=[common], help="the end-of-day summary of this counter (manager)"
    )
    print_day.add_argument("--date", type=_date_argument, help="YYYY-MM-DD (default today)")

    report = commands.add_parser(
        "report", parents=[common], help="manager reports over a date range: shown as tables, or saved as CSV or XLSX"
    )
    report.add_argument("name", choices=tuple(reports.REPORTS), metavar="|".join(reports.REPORTS))
    report.add_argument(
        "--from",
        dest="start",
        type=_date_argument,
        metavar="YYYY-MM-DD",
        help="the first day (default: 29 days before --to)",
    )
    report.add_argument(
        "--to", dest="end", type=_date_argument, metavar="YYYY-MM-DD", help="the last day (default: today)"
    )
    report.add_argument(
        "--out",
        type=Path,
        metavar="FILE.csv|FILE.xlsx",
        help="save the report to this file (CSV for Excel, or XLSX with a sheet per table)",
    )

    screenshot = commands.add_parser("screenshot", parents=[common], help="render a desk page offscreen to a PNG")
    screenshot.add_argument("page", choices=SCREENSHOT_PAGES)
    screenshot.add_argument("--out", type=Path, required=True)
    screenshot.add_argument("--member", metavar="REF", help="the member shown on the card (default: the newest)")
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
    ):
        if not hasattr(args, key):
            setattr(args, key, default)
    return args


def _date_argument(text: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "a date as YYYY-MM-DD")) from None


# The commands whose result has a receipt, and where its reference is in the result.
_RECEIPT_COMMANDS = {
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
_done_reference: dict[str, str] = {}


def _plain(value: Any) -> Any:
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _emit(args: argparse.Namespace, document: Any, human: Callable[[], str]) -> None:
    field = _RECEIPT_COMMANDS.get((args.command, getattr(args, "action", None)))
    if field and isinstance(getattr(document, field, None), str):
        _done_reference["reference"] = getattr(document, field)
    if getattr(args, "json", False):
        json.dump(_plain(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(human() + "\n")


def _tier(tier: str) -> str:
    return i18n.translate("Tiers", TIER_LABELS.get(tier, tier))


def _labelled(pairs: list[tuple[str, object]]) -> str:
    return "\n".join(f"{label}: {value}" for label, value in pairs)


def _card_text(card: members.MemberCard) -> str:
    gender = {"F": translate("Cli", "female"), "M": translate("Cli", "male")}.get(card.gender or "", "—")
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Member no."), card.member_no),
        (translate("Cli", "Name"), card.name),
        (translate("Cli", "Phone"), card.phone),
        (translate("Cli", "Tier"), _tier(card.tier)),
        (translate("Cli", "Points"), card.points),
        (translate("Cli", "12-month spend"), f"¥{card.spend_12m}"),
        (translate("Cli", "Gender"), gender),
        (translate("Cli", "Birthday"), card.birthday or "—"),
        (translate("Cli", "Registered"), card.registered_at),
    ]
    if card.id_number:
        pairs.append((translate("Cli", "ID number"), card.id_number))
    if card.referrer_no:
        pairs.append((translate("Cli", "Referred by"), card.referrer_no))
    return _labelled(pairs)


def _list_text(result: members.SearchResult) -> str:
    if not result.members:
        return translate("Cli", "No member found.")
    lines = [f"{m.member_no}  {m.phone}  {m.name}  {_tier(m.tier)}  {m.points}" for m in result.members]
    if result.more:
        lines.append(translate("Cli", "More members match; type more of the name or number."))
    return "\n".join(lines)


def run_command(args: argparse.Namespace, desk: Desk) -> int:
    command = args.command
    if command == "init":
        status = desk_status(desk)
        _emit(args, status, lambda: translate("Cli", "The local store is ready: {path}").format(path=status.data_dir))
    elif command == "status":
        status = desk_status(desk)
        _emit(
            args,
            status,
            lambda: _labelled(
                [
                    (translate("Cli", "Store"), status.store_name or "—"),
                    (translate("Cli", "Counter"), status.counter_name or status.counter_no),
                    (translate("Cli", "Operations waiting to sync"), status.pending_ops),
                    (translate("Cli", "Data folder"), status.data_dir),
                ]
            ),
        )
    elif command == "demo-data":
        made = demo.make_demo_members(desk, args.members, seed=args.seed, progress=_progress_on_terminal())
        _emit(
            args, {"members": made}, lambda: translate("Cli", "{count} demo members added.").format(count=f"{made:,}")
        )
    elif command == "member":
        return _member(args, desk)
    elif command == "key":
        fingerprint = keys.back_up_key(desk, args.out)
        _emit(
            args,
            {"fingerprint": fingerprint, "file": str(args.out)},
            lambda: translate(
                "Cli",
                "Key {fingerprint} written to {path}. Keep it offline; anyone with it and the data folder can read phone numbers.",
            ).format(fingerprint=fingerprint, path=args.out),
        )
    elif command == "staff":
        return _staff(args, desk)
    elif command == "points":
        return _points(args, desk)
    elif command == "gift":
        if args.action == "list":
            items = rewards.gift_catalog(desk)
            _emit(
                args,
                items,
                lambda: (
                    "\n".join(f"{i.sku:<10} {i.points:>7}  {i.stock:>5}  {i.name}" for i in items)
                    or translate("Cli", "The catalog is empty.")
                ),
            )
        elif args.action == "redeem":
            done = rewards.redeem_gift(desk, args.ref, args.sku, args.qty)
            _emit(
                args,
                done,
                lambda: translate(
                    "Cli", "{sku} × {qty} for {points} points; balance {balance}, {stock} left in stock."
                ).format(sku=done.sku, qty=done.qty, points=done.points, balance=done.balance, stock=done.stock_left),
            )
        else:
            item = rewards.stock_gift(desk, args.sku, args.name, args.points, args.add)
            _emit(args, item, lambda: f"{item.sku}  {item.name}  {item.points}  {item.stock}")
    elif command == "coupon":
        return _coupon(args, desk)
    elif command == "event":
        return _event(args, desk)
    elif command == "complaint":
        return _complaint(args, desk)
    elif command == "birthday":
        claimed = points.claim_birthday(desk, args.ref)
        _emit(
            args,
            claimed,
            lambda: translate("Cli", "Birthday gift: {points} points; balance {balance}.").format(
                points=claimed.points, balance=claimed.balance
            ),
        )
    elif command == "audit":
        if args.action == "verify":
            report = audit.verify(desk)
            _emit(args, report, lambda: report.message)
            return 0 if report.intact else 5
        lines = audit.recent(desk, max(1, min(args.limit, 10_000)))
        _emit(
            args,
            lines,
            lambda: "\n".join(
                f"{line.seq:>6}  {line.at[:19]}  {line.staff_id or '—'}{'+' + line.authorized_by if line.authorized_by else ''}  {line.action}  {line.subject or ''}  {line.outcome}"
                for line in lines
            ),
        )
    elif command == "approvals":
        return _approvals(args, desk)
    elif command == "scan":
        outcome = member_codes.scan(desk, args.payload)
        _emit(args, outcome.to_json(), lambda: _scan_text(outcome))
    elif command == "enroll":
        enrolled = sync.enroll(desk, args.server, args.code)
        _emit(
            args,
            enrolled,
            lambda: translate("Cli", "Enrolled with {server}: store {store}, counter no. {counter_no}.").format(
                server=enrolled.server, store=enrolled.store, counter_no=enrolled.counter_no
            ),
        )
    elif command == "sync":
        return _sync(args, desk)
    elif command == "report":
        return _report(args, desk)
    elif command == "print":
        return _print(args, desk)
    elif command == "settings":
        if args.action == "set":
            change_setting(desk, args.key, args.value)
        values = {setting.key: getattr(desk.settings, setting.key) for setting in SETTINGS}
        _emit(args, values, lambda: "\n".join(f"{key} = {value}" for key, value in values.items()))
    return 0


def _report(args: argparse.Namespace, desk: Desk) -> int:
    import datetime as dt

    end = args.end or desk.today()
    start = args.start or end - dt.timedelta(days=29)  # the 30 days up to the last
    report = reports.REPORTS[args.name](desk, start, end, progress=_progress_on_terminal())
    if args.out:
        path = reports.export_report(report, args.out)
        _emit(
            args,
            {"file": str(path), "report": asdict(report)},
            lambda: translate("Cli", "Report saved to {path}.").format(path=path),
        )
    else:
        _emit(args, report, lambda: _report_text(report))
    return 0


def _report_text(report: reports.Report) -> str:
    """Each table under its title, columns padded to the widest cell (Chinese characters count two)."""
    blocks = [
        translate("Cli", "{title}, {start} to {end}").format(
            title=reports.report_title(report), start=report.start, end=report.end
        )
    ]
    for table in reports.report_tables(report):
        rows = [list(table.columns)] + [[str(cell) for cell in row] for row in table.rows]
        widths = [max(_text_width(row[column]) for row in rows) for column in range(len(table.columns))]
        numeric = [
            all(_looks_numeric(row[column]) for row in rows[1:]) and len(rows) > 1
            for column in range(len(table.columns))
        ]
        lines = [
            "  ".join(
                (" " * (width - _text_width(cell)) + cell) if right else (cell + " " * (width - _text_width(cell)))
                for cell, width, right in zip(row, widths, numeric)
            ).rstrip()
            for row in rows
        ]
        if len(rows) == 1:
            lines.append(translate("Cli", "(nothing in this period)"))
        blocks.append("\n".join([table.title, *lines]))
    return "\n\n".join(blocks)


def _text_width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _looks_numeric(text: str) -> bool:
    return text.replace(".", "", 1).replace("-", "", 1).replace("–", "", 1).isdigit() or text == ""


def _job_text(job: printing.PrintJobInfo) -> str:
    status = {
        "queued": translate("Cli", "waiting"),
        "printing": translate("Cli", "printing"),
        "printed": translate("Cli", "printed"),
        "cancelled": translate("Cli", "cancelled"),
    }[job.status]
    copy = translate("Cli", "copy {n}").format(n=job.copy_no) if job.copy_no else ""
    problem = (
        i18n.translate("Printing", printing.STATE_ADVICE.get(job.last_state or "", ""))
        if job.status == "queued" and job.last_state
        else ""
    )
    return "  ".join(
        part
        for part in (
            f"#{job.id}",
            job.created_at[:19].replace("T", " "),
            job.kind,
            job.reference,
            status,
            copy,
            problem,
        )
        if part
    )


def _print(args: argparse.Namespace, desk: Desk) -> int:
    action = args.action
    if action == "preview":
        if args.reference is None and args.job is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the receipt: an operation id, or --job N."))
        png = printing.preview(desk, args.reference, args.job, args.paper)
        try:
            args.out.write_bytes(png)
        except OSError as error:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({reason})."),
                path=str(args.out),
                reason=error.strerror or str(error),
            ) from None
        _emit(args, {"file": str(args.out), "bytes": len(png)}, lambda: str(args.out))
        return 0
    if action == "samples":
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            written = []
            for kind, receipt in printing.sample_receipts(desk, args.paper).items():
                target = args.out / f"{kind}.png"
                target.write_bytes(printing.preview_png(desk, receipt, args.paper))
                written.append(str(target))
        except OSError as error:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({reason})."),
                path=str(args.out),
                reason=error.strerror or str(error),
            ) from None
        _emit(args, written, lambda: "\n".join(written))
        return 0
    if action == "queue":
        jobs = printing.list_jobs(desk, waiting_only=not args.all)
        _emit(
            args,
            jobs,
            lambda: "\n".join(_job_text(job) for job in jobs) or translate("Cli", "No receipt waits for the printer."),
        )
        return 0
    if action == "cancel":
        job = printing.cancel_job(desk, args.job_id, args.reason)
        _emit(
            args,
            job,
            lambda: translate("Cli", "Print job {job_id} cancelled; reprint it from the history when needed.").format(
                job_id=job.id
            ),
        )
        return 0
    if action == "status":
        state = printing.check_printer(desk, args.printer)
        _emit(
            args,
            state,
            lambda: (
                f"{state.uri}: {i18n.translate('Printing', state.advice)}"
                + (f" · {translate('Cli', 'waiting')} {state.waiting}" if state.waiting else "")
            ),
        )
        return 0 if state.state in ("ready", "unknown") else 1
    if action == "run":
        printed = 0
        while (attempt := printing.print_next(desk)) is not None and attempt.status == "printed":
            printed += 1
        state = printing.printer_state(desk)
        _emit(
            args,
            {"printed": printed, "waiting": state.waiting, "state": state.state},
            lambda: (
                translate("Cli", "{printed} printed, {waiting} waiting.").format(printed=printed, waiting=state.waiting)
                + ("" if not state.waiting else " " + i18n.translate("Printing", state.advice))
            ),
        )
        return 0
    if action == "test":
        job = printing.queue_test_page(desk, args.printer)
    elif action == "day":
        job = printing.queue_day_summary(desk, args.date, args.printer)
    else:
        job = printing.reprint(desk, args.reference, args.printer)
    return _print_and_report(args, desk, job)


def _print_and_report(args: argparse.Namespace, desk: Desk, job: printing.PrintJobInfo, quiet: bool = False) -> int:
    """Wait for the job; a receipt that could not print stays queued, which is a warning, not a failure."""
    job = printing.print_job_now(desk, job.id)
    if not quiet:
        _emit(args, job, lambda: _job_text(job))
    if job.status != "printed":
        advice = i18n.translate(
            "Printing", printing.STATE_ADVICE.get(job.last_state or "", printing.STATE_ADVICE["unknown"])
        )
        sys.stderr.write(
            translate("Cli", "The receipt did not print yet and waits in the queue as job {job_id}: {advice}").format(
                job_id=job.id, advice=advice
            )
            + "\n"
        )
    return 0


def _print_receipt_after(args: argparse.Namespace, desk: Desk) -> None:
    """--print: the operation has committed; its receipt is queued and printed now, or left queued with a warning."""
    reference = _done_reference.pop("reference", None)
    if not reference:
        return
    try:
        job = printing.queue_receipt(desk, reference, args.printer)
    except DeskError as error:  # the operation stands; only its receipt is missing
        sys.stderr.write(
            translate("Cli", "Done, but the receipt was not queued: {reason}").format(reason=error.message()) + "\n"
        )
        return
    _print_and_report(args, desk, job, quiet=True)


def _decode(args: argparse.Namespace) -> int:
    """One line per picture: its codes' texts (tab between several), or an empty line; a picture
    that cannot be read is said on stderr and the exit code is 2."""
    decoded = scanning.decode_images(args.images)
    if args.json:
        _emit(args, decoded, lambda: "")
    else:
        for image in decoded:
            sys.stdout.write("\t".join(image.texts) + "\n")
    for image in decoded:
        if image.error:
            sys.stderr.write(image.error + "\n")
    return 2 if any(image.error for image in decoded) else 0


def _sync(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "status":
        state = sync.sync_status(desk)
        _emit(args, state, lambda: _sync_status_text(state))
        return 0
    if args.action == "review":
        lines = sync.review_list(desk)
        sources = {"rejected": translate("Cli", "refused"), "server": translate("Cli", "server")}
        _emit(
            args,
            lines,
            lambda: (
                "\n".join(
                    f"{sources[line.source]}  {line.at[:16].replace('T', ' ')}  {line.what}  {line.details}  ({line.ref})"
                    for line in lines
                )
                or translate("Cli", "Nothing to review.")
            ),
        )
        return 0
    if args.once:
        report = sync.sync_once(desk, progress=_progress_on_terminal())
        _emit(args, report, lambda: _sync_report_text(report))
        return 0
    failures = 0
    while True:  # until Ctrl+C: the interrupt ends the command like any other
        try:
            report = sync.sync_once(desk)
            failures = 0
            if report.pushed or report.pulled or report.rejected:
                _emit(args, report, lambda: _sync_report_text(report))
        except DeskError as error:
            failures += 1
            sys.stderr.write(error.message() + "\n")
        time.sleep(sync.next_delay(failures, desk.settings.sync_interval_seconds))


def _scan_text(outcome: member_codes.ScanOutcome) -> str:
    if outcome.kind == "coupon" and outcome.coupon:
        return translate("Cli", "Coupon {code}: {title}, {status}.").format(
            code=outcome.coupon.code, title=outcome.coupon.title, status=outcome.coupon.status
        )
    if outcome.kind == "text":
        return translate("Cli", "Not a code: search for it with member search.")
    card = outcome.card
    assert card is not None
    via = {
        "code": translate("Cli", "member code"),
        "card": translate("Cli", "printed card (limited redemption)"),
        "ticket": translate("Cli", "event ticket"),
    }[outcome.via or "code"]
    return f"{card.member_no}  {card.name}  {_tier(card.tier)}  {card.points}  ({via})"


def _sync_report_text(report: sync.SyncReport) -> str:
    text = translate(
        "Cli", "Pushed {pushed} (applied {applied}, refused {rejected}, waiting {held}); pulled {pulled} changes."
    ).format(
        pushed=report.pushed, applied=report.applied, rejected=report.rejected, held=report.held, pulled=report.pulled
    )
    if abs(report.skew_seconds) > sync.SKEW_WARNING.total_seconds():
        text += "\n" + translate(
            "Cli", "This computer's clock differs from the server's by {seconds} s; set the clock right."
        ).format(seconds=round(report.skew_seconds))
    return text


def _sync_status_text(state: sync.SyncStatus) -> str:
    if not state.enrolled:
        return translate("Cli", "Not enrolled: this counter works on its own.")
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Server"), state.server),
        (translate("Cli", "Connection"), translate("Cli", "online") if state.online else translate("Cli", "offline")),
        (translate("Cli", "Operations waiting to sync"), state.pending),
        (
            translate("Cli", "Oldest waiting"),
            f"{state.oldest_pending_seconds} s" if state.oldest_pending_seconds is not None else "—",
        ),
        (translate("Cli", "Last sync"), (state.last_sync or "—")[:19]),
        (translate("Cli", "Review items"), state.review_open + state.rejected),
    ]
    if state.last_error:
        pairs.append((translate("Cli", "Last problem"), state.last_error))
    if state.offline is not None:
        pairs.append(
            (
                translate("Cli", "Offline redemption"),
                translate(
                    "Cli", "up to {per_member} points per member, {left} left at this counter, until {until}"
                ).format(
                    per_member=state.offline.per_member,
                    left=state.offline.counter_left,
                    until=state.offline.until.replace("T", " "),
                ),
            )
        )
    if state.skew_warning:
        pairs.append(
            (
                translate("Cli", "Clock"),
                translate("Cli", "differs from the server's by {seconds} s; set the clock right").format(
                    seconds=round(state.skew_seconds or 0)
                ),
            )
        )
    return _labelled(pairs)


def _progress_on_terminal() -> Callable[[int, int], None] | None:
    """A running count on stderr for a person watching; nothing for scripts and pipes."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        sys.stderr.write(f"\r{done:,} / {total:,}")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def _member(args: argparse.Namespace, desk: Desk) -> int:
    action = args.action
    if action == "register":
        form = RegistrationForm(
            phone=args.phone,
            name=args.name,
            gender=args.gender,
            birthday=args.birthday,
            id_number=args.id_number,
            referrer=args.referrer,
            consent=args.consent,
        )
        card = members.register_member(desk, form)
        _emit(args, card, lambda: translate("Cli", "Member registered.") + "\n" + _card_text(card))
    elif action == "show":
        card = members.find_member(desk, args.ref)
        _emit(args, card, lambda: _card_text(card))
    elif action == "search":
        if args.limit is not None and not 1 <= args.limit <= 1000:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "--limit must be between 1 and 1000."))
        result = members.search_members(desk, args.text, args.limit)
        _emit(args, result, lambda: _list_text(result))
        return 0 if result.members else 4
    elif action == "edit":
        fields = {
            "phone": args.phone,
            "name": args.name,
            "gender": args.gender,
            "birthday": args.birthday,
            "id_number": args.id_number,
        }
        card = approvals.run_or_park(desk, "member.edit", args.ref[:40], ref=args.ref, **fields)
        _emit(args, card, lambda: translate("Cli", "Profile saved.") + "\n" + _card_text(card))
    elif action == "reveal":
        revealed = privacy.reveal_personal_data(desk, args.ref)
        _emit(
            args,
            revealed,
            lambda: _labelled(
                [
                    (translate("Cli", "Member no."), revealed.member_no),
                    (translate("Cli", "Phone"), revealed.phone or "—"),
                    (translate("Cli", "ID number"), revealed.id_number or "—"),
                ]
            ),
        )
    elif action == "export":
        document = privacy.export_member_data(desk, args.ref)
        if args.out:
            _write_new_file(args.out, json.dumps(document, ensure_ascii=False, indent=2))
            _emit(
                args,
                {"file": str(args.out)},
                lambda: translate("Cli", "Member data written to {path}; hand it over securely.").format(path=args.out),
            )
        else:
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    elif action == "erase":
        erasure = approvals.run_or_park(desk, "member.erase", args.ref[:40], ref=args.ref, reason=args.reason)
        _emit(
            args,
            erasure,
            lambda: translate("Cli", "Personal data of member {member_no} erased.").format(member_no=erasure.member_no),
        )
    elif action == "code":
        payload = member_codes.member_code(desk, args.ref, static=args.static)
        _emit(args, {"code": payload, "kind": "card" if args.static else "dynamic"}, lambda: payload)
    elif action == "history":
        changes = members.profile_history(desk, args.ref)
        _emit(
            args,
            changes,
            lambda: (
                "\n".join(
                    f"{c.changed_at}  {i18n.translate('Fields', FIELD_LABELS.get(c.field, c.field))}: {c.old or '—'} → {c.new or '—'}"
                    for c in changes
                )
                or translate("Cli", "No profile changes yet.")
            ),
        )
    return 0


def _complaint_line(info: complaints.ComplaintInfo) -> str:
    who = info.member_no or info.walk_in_name or translate("Cli", "walk-in")
    due = info.due_at[:16].replace("T", " ")
    flag = "  ⚠ " + translate("Cli", "conflict") if info.conflict else ""
    answer_by = translate("Cli", "answer by {when}").format(when=due)  # outside the f-string, where lupdate finds it
    return f"{info.ticket_no}  {info.state_label}  {info.category_label}  {info.severity_label}  {who}  {answer_by}  {info.sla_label}{flag}"


def _compensation_line(request: complaints.CompensationRequest) -> str:
    status = {
        "pending": translate("Cli", "waiting"),
        "approved": translate("Cli", "approved"),
        "rejected": translate("Cli", "rejected"),
    }[request.status]
    return "  ".join(
        part
        for part in (
            request.request_id[:8],
            request.ticket_no,
            request.member_no or translate("Cli", "walk-in"),
            f"{request.kind}:{request.value}",
            status,
            request.requested_by or "",
            request.requested_at[:16].replace("T", " "),
            request.reason,
        )
        if part
    )


def _complaint_text(info: complaints.ComplaintInfo) -> str:
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Ticket no."), info.ticket_no),
        (translate("Cli", "State"), info.state_label),
        (translate("Cli", "Category"), info.category_label),
        (translate("Cli", "Severity"), info.severity_label),
        (translate("Cli", "Customer"), info.member_no or info.walk_in_name or translate("Cli", "walk-in")),
    ]
    if info.contact:
        pairs.append((translate("Cli", "Contact"), info.contact))
    if info.shop:
        pairs.append((translate("Cli", "Shop"), info.shop))
    pairs += [
        (translate("Cli", "What happened"), info.description),
        (translate("Cli", "Answer promised by"), f"{info.due_at[:16].replace('T', ' ')}  ({info.sla_label})"),
    ]
    if info.assigned_to:
        pairs.append((translate("Cli", "Assigned to"), info.assigned_to))
    if info.root_cause_label:
        pairs.append((translate("Cli", "Root cause"), info.root_cause_label))
    if info.rating:
        pairs.append((translate("Cli", "Rating"), f"{info.rating}/5"))
    text = _labelled(pairs)
    if info.conflict:
        text += "\n" + translate("Cli", "Conflict between counters:") + "\n  " + info.conflict.replace("\n", "\n  ")
    if info.timeline:
        text += (
            "\n"
            + translate("Cli", "Timeline:")
            + "\n"
            + "\n".join(
                f"  {line.at[:16].replace('T', ' ')}  {line.what}  {line.staff_id or ''}@{line.counter}"
                + (f"  {line.text}" if line.text else "")
                + ("" if line.applied else "  (" + translate("Cli", "not applied") + ")")
                for line in info.timeline
            )
        )
    if info.compensations:
        text += (
            "\n"
            + translate("Cli", "Compensation:")
            + "\n"
            + "\n".join("  " + _compensation_line(request) for request in info.compensations)
        )
    return text


def _complaint(args: argparse.Namespace, desk: Desk) -> int:
    action = args.action
    if action == "open":
        if bool(args.ref) == bool(args.walk_in):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Name the member (phone or member number), or say --walk-in for a customer who is not a member.",
                )
            )
        info = complaints.open_complaint(
            desk,
            args.ref,
            args.category,
            args.text,
            args.severity,
            args.shop,
            walk_in_name=args.name,
            contact=args.contact,
        )
        _emit(
            args,
            info,
            lambda: (
                translate("Cli", "Complaint {ticket} taken; the answer is promised by {when}.").format(
                    ticket=info.ticket_no, when=info.due_at[:16].replace("T", " ")
                )
                + "\n"
                + _complaint_text(info)
            ),
        )
        return 0
    if action == "list":
        found = complaints.list_complaints(
            desk, overdue=args.overdue, status=args.status, due_for_escalation=args.due_for_escalation
        )
        _emit(args, found, lambda: "\n".join(map(_complaint_line, found)) or translate("Cli", "No complaints."))
        return 0
    if action == "show":
        info = complaints.show_complaint(desk, args.ticket)
        _emit(args, info, lambda: _complaint_text(info))
        return 0
    if action == "compensations":
        waiting = complaints.pending_compensations(desk)
        _emit(
            args,
            waiting,
            lambda: (
                "\n".join(map(_compensation_line, waiting)) or translate("Cli", "No compensation waits for a manager.")
            ),
        )
        return 0
    if action == "decide":
        decided = complaints.decide_compensation(desk, args.request_id, bool(args.approve), args.reason)
        _emit(
            args,
            decided,
            lambda: (
                translate("Cli", "Compensation {request} approved.")
                if decided.status == "approved"
                else translate("Cli", "Compensation {request} rejected.")
            ).format(request=decided.request_id[:8]),
        )
        return 0
    # Checked before the complaint moves: a refused offer leaves the complaint as it was.
    offer = complaints.compensation_offer(desk, args.compensate, args.ticket) if args.compensate is not None else None
    if action == "ack":
        info = complaints.acknowledge(desk, args.ticket, args.note)
    elif action == "progress":
        info = complaints.start_progress(desk, args.ticket, args.note)
    elif action == "resolve":
        info = complaints.resolve(desk, args.ticket, args.root_cause, args.note)
    elif action == "close":
        info = complaints.close(desk, args.ticket, args.rating, args.note)
    elif action == "escalate":
        info = complaints.escalate(desk, args.ticket, args.reason or args.note)
    elif action == "note":
        info = complaints.add_note(desk, args.ticket, args.note)
    else:
        if not args.assign_to:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say whom the complaint goes to: --to STAFF_ID."))
        info = complaints.assign(desk, args.ticket, args.assign_to, args.note)
    request = None
    if offer is not None:
        request = complaints.request_compensation(
            desk,
            info.ticket_no,
            offer.kind,
            offer.value,
            args.note or args.reason or translate("Cli", "compensation for the complaint"),
        )
        info = complaints.show_complaint(desk, info.ticket_no)
    document: Any = info if request is None else {"complaint": _plain(info), "compensation": _plain(request)}
    _emit(
        args,
        document,
        lambda: (
            translate("Cli", "Complaint {ticket}: {state}.").format(ticket=info.ticket_no, state=info.state_label)
            + (
                ""
                if request is None
                else "\n"
                + translate(
                    "Cli", "Compensation {kind}:{value} requested; a manager decides it: complaint decide {request}"
                ).format(kind=request.kind, value=request.value, request=request.request_id[:8])
            )
        ),
    )
    return 0


def _coupon_text(item: rewards.CouponItem) -> str:
    return f"{item.code}  {item.title}  ¥{item.value} / ¥{item.min_spend}  {item.valid_until}  {item.status}"


def _coupon(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "list":
        items = rewards.member_coupons(desk, args.ref)
        _emit(args, items, lambda: "\n".join(map(_coupon_text, items)) or translate("Cli", "No coupons."))
    elif args.action == "show":
        item = rewards.show_coupon(desk, args.code)
        _emit(args, item, lambda: _coupon_text(item))
    elif args.action == "write-off":
        item = rewards.write_off_coupon(desk, args.code, args.spend)
        _emit(
            args,
            item,
            lambda: translate("Cli", "Coupon {code} written off: ¥{value} off.").format(
                code=item.code, value=item.value
            ),
        )
    elif args.action == "redeem":
        done = rewards.redeem_coupon(desk, args.ref, args.type_code)
        _emit(
            args,
            done,
            lambda: translate("Cli", "Coupon {code} issued for {points} points; balance {balance}.").format(
                code=done.coupon.code, points=done.points, balance=done.balance
            ),
        )
    else:
        rewards.define_coupon(
            desk, args.type_code, args.title, args.value, args.min_spend, args.valid_days, args.points
        )
        _emit(
            args,
            {"type": args.type_code},
            lambda: translate("Cli", "Coupon type {type} saved.").format(type=args.type_code),
        )
    return 0


def _points(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "earn":
        earned = points.earn_from_slip(desk, args.ref, args.amount, args.slip, args.shop, args.at)
        _emit(
            args,
            earned,
            lambda: (
                translate("Cli", "{points} points earned; balance {balance}, tier {tier}.").format(
                    points=earned.points, balance=earned.balance, tier=_tier(earned.tier)
                )
                + (
                    "\n" + translate("Cli", "Upgraded to {tier}!").format(tier=_tier(earned.tier))
                    if earned.upgraded
                    else ""
                )
            ),
        )
    elif args.action == "cash":
        cashed = approvals.run_or_park(desk, "points.cash", args.ref[:40], ref=args.ref, points=args.points)
        _emit(
            args,
            cashed,
            lambda: translate("Cli", "{points} points paid out as ¥{yuan}; balance {balance}.").format(
                points=cashed.points, yuan=cashed.yuan, balance=cashed.balance
            ),
        )
    elif args.action == "history":
        lines = points.history(desk, args.ref, max(1, min(args.limit, 10_000)))
        _emit(
            args,
            lines,
            lambda: (
                "\n".join(
                    f"{line.at[:16]}  {line.kind:<7} {line.points:>+8}  {('¥' + line.amount) if line.amount else '':>12}  {line.slip_no or line.note or ''}"
                    for line in lines
                )
                or translate("Cli", "No points yet.")
            ),
        )
    elif args.action == "void":
        voided = approvals.run_or_park(desk, "points.void", args.op_id[:36], op_id=args.op_id, reason=args.reason)
        _emit(
            args,
            voided,
            lambda: translate("Cli", "Operation {op_id} voided; balance {balance}.").format(
                op_id=voided.voided, balance=voided.balance
            ),
        )
    elif args.action == "gift":
        gift = points.gift_points(desk, args.ref, args.to, args.points)
        _emit(
            args,
            gift,
            lambda: translate(
                "Cli",
                "{points} points given from {giver} to {receiver}; balances {giver_balance} and {receiver_balance}.",
            ).format(
                points=gift.points,
                giver=gift.from_member_no,
                receiver=gift.to_member_no,
                giver_balance=gift.from_balance,
                receiver_balance=gift.to_balance,
            ),
        )
    elif args.action == "activity":
        earned = points.award_activity(desk, args.ref, args.event)
        _emit(
            args,
            earned,
            lambda: translate("Cli", "{points} points earned; balance {balance}, tier {tier}.").format(
                points=earned.points, balance=earned.balance, tier=_tier(earned.tier)
            ),
        )
    else:
        auth.authorize(
            desk, Permission.SETTINGS, "points.expire"
        )  # by hand only an administrator; the desk runs it daily
        expired, downgraded = points.daily_jobs(desk)
        _emit(
            args,
            {"expired_points": expired, "tier_downgrades": downgraded},
            lambda: translate(
                "Cli", "{points} points expired; {members} members moved down a tier at their anniversary."
            ).format(points=expired, members=downgraded),
        )
    return 0


def _queue_text(item: manager_queue.QueueItem) -> str:
    waited = (
        f"{item.age_minutes // 60} h {item.age_minutes % 60:02d} min"
        if item.age_minutes >= 60
        else f"{item.age_minutes} min"
    )
    due = (
        "  " + translate("Cli", "answer due {when}").format(when=item.due_at[:16].replace("T", " "))
        if item.due_at
        else ""
    )
    head = "  ".join(
        part
        for part in (
            f"[{item.urgency}]",
            item.ref if item.kind != "approval" else f"#{item.ref}",
            item.title,
            item.subject or "",
            item.requested_by or "",
            waited,
        )
        if part
    )
    return head + due + (f"\n      {item.details}" if item.details else "")


def _approvals(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "list":
        items = manager_queue.waiting(desk)
        _emit(
            args, items, lambda: "\n".join(map(_queue_text, items)) or translate("Cli", "Nothing waits for approval.")
        )
        return 0
    kind, item_id = manager_queue.parse_queue_ref(args.approval_id)
    approve = args.action == "approve"
    decision = manager_queue.decide(desk, kind, item_id, approve, args.reason)
    if kind == "approval":  # the shapes scripts have relied on since the approval queue came
        number = int(item_id)
        if approve:
            _emit(
                args,
                {"approval_id": number, "status": "approved", "result": _plain(decision.result)},
                lambda: translate("Cli", "Request {approval_id} approved and carried out.").format(approval_id=number),
            )
        else:
            _emit(
                args,
                decision.result,
                lambda: translate("Cli", "Request {approval_id} rejected.").format(approval_id=number),
            )
    elif approve:
        _emit(args, decision, lambda: translate("Cli", "{ref} approved.").format(ref=args.approval_id.strip()))
    else:
        _emit(args, decision, lambda: translate("Cli", "{ref} rejected.").format(ref=args.approval_id.strip()))
    return 0


def _event_text(event: member_events.EventInfo) -> str:
    places = f"{event.signed_up}/{event.capacity}" if event.capacity is not None else str(event.signed_up)
    state = {
        "upcoming": translate("Cli", "upcoming"),
        "open": translate("Cli", "check-in open"),
        "ended": translate("Cli", "ended"),
    }[event.state]
    return "  ".join(
        (
            event.code,
            f"{event.starts_at[:16].replace('T', ' ')} – {event.ends_at[:16].replace('T', ' ')}",
            translate("Cli", "{points} points").format(points=event.points),
            translate("Cli", "{places} signed up, {checked} checked in").format(
                places=places, checked=event.checked_in
            ),
            state,
            event.title,
        )
    )


def _event(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "create":
        event = member_events.create_event(
            desk, args.code, args.title, args.starts_at, args.ends_at, args.points, args.capacity
        )
        _emit(args, event, lambda: translate("Cli", "Event set up:") + "\n" + _event_text(event))
    elif args.action == "list":
        events = member_events.list_events(desk)
        _emit(args, events, lambda: "\n".join(map(_event_text, events)) or translate("Cli", "No events yet."))
    elif args.action == "signup":
        signed = member_events.sign_up(desk, args.code, args.ref)
        _emit(
            args,
            signed,
            lambda: (
                translate("Cli", "Member {member_no} signed up for {event}.").format(
                    member_no=signed.member_no, event=signed.event_code
                )
                + (
                    ""
                    if signed.places_left is None
                    else " " + translate("Cli", "{left} places left.").format(left=signed.places_left)
                )
            ),
        )
    elif args.action == "checkin":
        done = member_events.check_in(desk, args.scanned, args.code)
        _emit(
            args,
            done,
            lambda: (
                translate(
                    "Cli", "Member {member_no} checked in at {event}: {points} points, balance {balance}."
                ).format(member_no=done.member_no, event=done.event_code, points=done.points, balance=done.balance)
                + (
                    "\n" + translate("Cli", "Not signed up before: signed up at the door.")
                    if done.walk_in and done.via != "ticket"
                    else ""
                )
            ),
        )
    else:
        ticket = member_events.ticket_for(desk, args.code, args.ref)
        _emit(args, {"event": args.code.strip().upper(), "ticket": ticket}, lambda: ticket)
    return 0


def _staff(args: argparse.Namespace, desk: Desk) -> int:
    if args.action == "add":
        pin = _secret(
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
        _emit(
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
        _emit(
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
        pin = (
            _secret(
                "COUNTER_NEW_PIN",
                translate("Cli", "New PIN for {staff_id}: ").format(staff_id=args.staff_id),
                confirm=True,
            )
            if args.new_pin
            else None
        )
        active = True if args.enable else False if args.disable else None
        info = auth.change_staff(desk, args.staff_id, role=args.role, active=active, pin=pin, unlock=args.unlock)
        _emit(args, info, lambda: translate("Cli", "Staff account {staff_id} changed.").format(staff_id=info.staff_id))
    return 0


def _role(role: str) -> str:
    return i18n.translate("Roles", ROLE_LABELS.get(role, role))


def _secret(variable: str, prompt: str, confirm: bool = False) -> str:
    """A PIN from the environment, or typed at a terminal; never from the command line itself."""
    value = os.environ.get(variable)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "No terminal to ask for the PIN on: put it in {variable}."), variable=variable
        )
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass(translate("Cli", "Again: ")) != value:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "The two PINs differ; nothing was changed."))
    return value


def _write_new_file(path: Path, content: str) -> None:
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


def _sign_in(args: argparse.Namespace, desk: Desk) -> None:
    if args.staff:
        auth.sign_in(
            desk,
            args.staff,
            _secret("COUNTER_PIN", translate("Cli", "PIN for {staff_id}: ").format(staff_id=args.staff)),
        )
    if args.manager:
        if desk.session is None:
            raise auth.NotSignedIn(QT_TRANSLATE_NOOP("Errors", "Sign in first: this needs a staff member at the desk."))
        pin = _secret(
            "COUNTER_MANAGER_PIN", translate("Cli", "Manager {staff_id}'s PIN: ").format(staff_id=args.manager)
        )
        desk.session = auth.manager_override(desk, args.manager, pin, None, f"cli.{args.command}")


def _identify_members(args: argparse.Namespace, desk: Desk) -> None:
    """A REF may be a scanned code: each is read once, here, so a dynamic code's nonce is spent once per command."""
    for name in ("ref", "to", "referrer"):
        value = getattr(args, name, None)
        if isinstance(value, str):
            setattr(args, name, member_codes.identify(desk, value))


def _error_document(error: DeskError) -> dict[str, Any]:
    return {
        "error": {
            "kind": type(error).__name__,
            "message": error.message(),
            "fields": {name: field.message() for name, field in getattr(error, "fields", {}).items()},
            **({"approval_id": error.params["approval_id"]} if "approval_id" in error.params else {}),
        }
    }


def _diagnostics(args: argparse.Namespace, data_dir: Path) -> int:
    """`counter-app diagnostics`: the support report (services/diagnostics.py); --json gives it as data."""
    from counter_app.services import diagnostics

    try:
        desk: Desk | None = open_desk(data_dir)
    except DeskError as error:
        desk, problem = None, error.message("en")
    else:
        problem = None
    try:
        i18n.set_language(args.lang or (desk.settings.language if desk else i18n.DEFAULT_LANGUAGE))
        report = diagnostics.diagnostics(desk, data_dir)
        if problem:
            report["desk"]["store"] = f"not open: {problem}"
        _emit(args, report, lambda: diagnostics.render_report(report).rstrip("\n"))
    finally:
        if desk is not None:
            desk.close()
    return 0


def main(argv: list[str] | None = None, args: argparse.Namespace | None = None) -> int:
    args = args or parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    log_file = setup_logging(data_dir)
    desk = None
    try:
        if args.command == "key" and args.action == "import":
            # Runs without opening the desk: a missing key is what stops the desk from opening.
            i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
            fingerprint = keys.restore_key(data_dir, args.file)
            _emit(
                args,
                {"fingerprint": fingerprint},
                lambda: translate("Cli", "Key {fingerprint} restored; the desk can open its store again.").format(
                    fingerprint=fingerprint
                ),
            )
            return 0
        if args.command == "diagnostics":
            # Support needs it most when the store will not open: then it reports without the store.
            return _diagnostics(args, data_dir)
        if args.command == "decode":
            # Reading pictures needs neither the store nor a sign-in.
            i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
            return _decode(args)
        desk = open_desk(data_dir)
        i18n.set_language(args.lang or desk.settings.language)
        _sign_in(args, desk)
        _identify_members(args, desk)
        _done_reference.clear()
        code = run_command(args, desk)
        if code == 0 and args.print and args.command != "print":
            _print_receipt_after(args, desk)
        return code
    except DeskError as error:
        if args.lang:
            i18n.set_language(args.lang)
        if getattr(args, "json", False):
            json.dump(_error_document(error), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        sys.stderr.write(error.message() + "\n")
        for name, field_error in getattr(error, "fields", {}).items():
            if len(error.fields) > 1:
                label = i18n.translate("Fields", FIELD_LABELS.get(name, name))
                sys.stderr.write(f"  {label}: {field_error.message()}\n")
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug: the log gets the traceback, the person a sentence
        command = " ".join(str(part) for part in (args.command, getattr(args, "action", None)) if part)
        log_unhandled(*sys.exc_info(), {"command": command, "staff": args.staff, "json": args.json})  # type: ignore[arg-type]
        message = translate(
            "Cli", "Something unexpected went wrong; nothing more was changed. Details are in {log}."
        ).format(log=log_file or "—")
        if args.json:
            json.dump(
                {"error": {"kind": "Unexpected", "message": message, "fields": {}}},
                sys.stdout,
                ensure_ascii=False,
                indent=2,
            )
            sys.stdout.write("\n")
        sys.stderr.write(message + "\n")
        return EXIT_UNEXPECTED
    finally:
        if desk is not None:
            desk.close()
