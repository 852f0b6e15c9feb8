"""Receipts at the counter: built from what the store committed, kept in a print queue, printed, reprinted, previewed.

A receipt is queued only after its operation committed (it is built by reading the committed
entry back), and it stays in the queue until the printer confirmed it or a manager cancelled it.
An attempt that may have put paper out (the printer went away mid-job, or said "paper out"
afterwards) makes the next attempt a stamped copy: a customer never holds two unmarked receipts.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import points as points_rows
from counter_app.db import printing as print_rows
from counter_app.db import rewards as reward_rows
from counter_app.db.members import member_by
from counter_app.db.staff import staff_by_id
from counter_app.devices import printer as devices
from counter_app.domain import receipts as templates
from counter_app.domain.coupons import display as coupon_display
from counter_app.domain.coupons import parse_code as parse_coupon_code
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.members import mask_name, mask_phone, parse_member_no
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP, language, translate
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.complaints import complaint_facts_for_receipt
from counter_app.services.desk import Desk
from counter_app.services.members import member_phone

log = logging.getLogger(__name__)

EXPIRING_DAYS = 30
CLAIM_STALE_S = 120  # a job marked printing longer than this belongs to a process that died
MAX_BACKOFF_S = 60.0

# What the clerk is told about the printer, with what to do.
STATE_ADVICE = {
    devices.READY: QT_TRANSLATE_NOOP("Printing", "Printer ready"),
    devices.PAPER_OUT: QT_TRANSLATE_NOOP(
        "Printing", "Printer out of paper: load a new roll; waiting receipts then print by themselves."
    ),
    devices.COVER_OPEN: QT_TRANSLATE_NOOP(
        "Printing", "Printer cover open: close it; waiting receipts then print by themselves."
    ),
    devices.OFFLINE: QT_TRANSLATE_NOOP("Printing", "Printer offline: check its power and error light."),
    devices.UNREACHABLE: QT_TRANSLATE_NOOP(
        "Printing", "Printer not reachable: check that it is on and its cable or network; receipts wait in the queue."
    ),
    devices.NO_ANSWER: QT_TRANSLATE_NOOP(
        "Printing", "Printer does not answer: switch it off and on again; receipts wait in the queue."
    ),
    devices.UNKNOWN: QT_TRANSLATE_NOOP("Printing", "Printer connected (it cannot report paper or cover)"),
    "none": QT_TRANSLATE_NOOP("Printing", "No printer set: an administrator sets printer_uri in the settings."),
}


@dataclass(frozen=True)
class PrintJobInfo:
    id: int
    reference: str
    kind: str
    status: str  # queued, printing, printed, cancelled
    copy_no: int
    attempts: int
    last_state: str | None
    last_error: str | None
    created_at: str
    printed_at: str | None
    printer_uri: str


@dataclass(frozen=True)
class PrinterState:
    configured: bool
    state: str  # one of devices' states, or "none"
    advice: str  # a Printing string, for the clerk's language
    waiting: int
    uri: str


def _info(row: Any) -> PrintJobInfo:
    return PrintJobInfo(
        row.id,
        row.reference,
        row.kind,
        row.status,
        row.copy_no,
        row.attempts,
        row.last_state,
        row.last_error,
        row.created_at.isoformat(timespec="seconds"),
        row.printed_at.isoformat(timespec="seconds") if row.printed_at else None,
        row.printer_uri,
    )


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC)  # queue times compare as text: one offset for all


def _machine_now() -> dt.datetime:
    """When to retry is the machine's time, not the desk's business clock (which tests and demos may hold still)."""
    return dt.datetime.now(dt.UTC)


def profile(desk: Desk) -> devices.PrinterProfile:
    s = desk.settings
    return devices.PrinterProfile(
        s.printer_paper_mm, s.printer_chinese, s.printer_qr == "native", s.printer_status == "yes", s.printer_logo
    )


def _printer_uri(desk: Desk, printer_uri: str | None) -> str:
    uri = (printer_uri or desk.settings.printer_uri or "").strip()
    if not uri:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "No printer is set. Set printer_uri in the settings (e.g. tcp://192.168.1.50:9100), or give --printer.",
            )
        )
    return devices.parse_printer_uri(uri).uri


# ---- building a receipt from what the store holds -------------------------------------------


def _header(
    desk: Desk, connection: Connection, reference: str, staff_id: str | None, at: dt.datetime
) -> templates.Header:
    staff = staff_by_id(connection, staff_id) if staff_id else None
    name = staff.name if staff is not None else None
    s = desk.settings
    return templates.Header(s.store_name, s.counter_name, s.counter_no, staff_id or "", name or "", at, reference)


def _member_facts(desk: Desk, connection: Connection, row: Any) -> templates.MemberFacts:
    today = desk.today()
    expiring = tuple(
        (lot.expires_on, int(lot.points))
        for lot in points_rows.expiring(connection, row.id, today, today + dt.timedelta(days=EXPIRING_DAYS))
    )
    phone = member_phone(desk, row)
    return templates.MemberFacts(
        row.member_no, row.name or "", mask_phone(phone) if phone else "", row.tier, row.points, expiring
    )


def build_receipt(desk: Desk, connection: Connection, reference: str, language: str) -> templates.Receipt:
    """The receipt of an operation (its id), a registration (the member number) or a write-off (the coupon code)."""
    reference = (reference or "").strip()
    entry = _entry(connection, reference.lower()) if len(reference) <= 40 else None
    if entry is not None:
        return _ledger_receipt(desk, connection, entry, language)
    complaint = complaint_facts_for_receipt(desk, connection, reference, language)
    if complaint is not None:
        # The ticket's QR and reference are its number: the customer quotes it when following up.
        row = member_by(connection, id=complaint.member_id) if complaint.member_id is not None else None
        header = _header(desk, connection, complaint.ticket_no, complaint.staff_id, complaint.opened_at)
        return templates.complaint_receipt(
            header, _member_facts(desk, connection, row) if row else None, language, complaint.facts
        )
    member_no = parse_member_no(reference)
    if member_no:
        row = member_by(connection, member_no=member_no)
        if row is not None:
            header = _header(desk, connection, row.member_no, None, row.registered_at or desk.now())
            return templates.registration_receipt(header, _member_facts(desk, connection, row), language)
    try:
        code = parse_coupon_code(reference)
    except InvalidInput:
        code = None
    c = reward_rows.coupon_by_code(connection, code) if code else None
    if c is not None and c.status == "written_off":
        row = member_by(connection, id=c.member_id)
        header = _header(desk, connection, coupon_display(c.code), c.used_staff, c.used_at or desk.now())
        return templates.write_off_receipt(
            header,
            _member_facts(desk, connection, row) if row else None,
            language,
            title=c.title,
            code=coupon_display(c.code),
            value=templates.yuan(c.value_fen),
            spend=templates.yuan(c.used_spend_fen) if c.used_spend_fen else None,
        )
    raise NotFound(
        QT_TRANSLATE_NOOP(
            "Errors",
            "No operation, member or used coupon has the reference {reference}; copy it from the points history.",
        ),
        reference=reference[:40],
    )


def _entry(connection: Connection, reference: str) -> Row[Any] | None:
    """The ledger entry by its id, or by the first characters of it that the receipt shows (when they are unique)."""
    entry = print_rows.ledger_entry(connection, reference)
    if entry is not None or not 8 <= len(reference) < 36 or not all(char in "0123456789abcdef-" for char in reference):
        return entry
    found = print_rows.ledger_entries_starting(connection, reference, limit=2)
    return found[0] if len(found) == 1 else None


def _ledger_receipt(desk: Desk, connection: Connection, entry: Any, language: str) -> templates.Receipt:
    row = member_by(connection, id=entry.member_id)
    member = _member_facts(desk, connection, row)
    header = _header(desk, connection, entry.entry_id, entry.staff_id, entry.at)
    kind = entry.kind
    if kind in (
        "earn",
        "birthday",
        "activity",
        "referral",
        "gift-in",
        "compensation",
    ):  # compensation: its note is the complaint's ticket
        return templates.earn_receipt(
            header,
            member,
            language,
            amount_fen=entry.amount_fen or 0,
            slip_no=entry.slip_no or entry.note or kind,
            shop=entry.shop,
            points=entry.points,
        )
    if kind == "redeem-gift":
        name = reward_rows.gift_name(connection, entry.item) or entry.item or ""
        return templates.gift_receipt(
            header, member, language, gift_name=name, sku=entry.item or "", qty=entry.qty or 1, points=-entry.points
        )
    if kind == "redeem-coupon":
        c = reward_rows.coupon_bought_by(connection, entry.entry_id)
        if c is not None:
            return templates.coupon_receipt(
                header,
                member,
                language,
                title=c.title,
                code=coupon_display(c.code),
                value=templates.yuan(c.value_fen),
                min_spend=templates.yuan(c.min_spend_fen),
                valid_until=c.valid_until.isoformat(),
                points=-entry.points,
            )
    if kind == "cash":
        try:
            paid = f"{Decimal((entry.note or '').lstrip('¥')):.2f}"  # the note says what was paid out: "¥10"
        except InvalidOperation:
            paid = "—"
        return templates.cash_receipt(header, member, language, points=-entry.points, yuan_text=paid)
    if kind == "gift-out":
        receiver_no = (entry.note or "").removeprefix("to ").strip()
        receiver = member_by(connection, member_no=receiver_no) if receiver_no else None
        return templates.points_gift_receipt(
            header,
            member,
            language,
            to_member_no=receiver_no,
            to_masked_name=mask_name(receiver.name) or "" if receiver else "",
            points=-entry.points,
        )
    if kind == "reversal":
        return templates.void_receipt(
            header,
            member,
            language,
            voided=entry.reverses or "",
            points=entry.points,
            reason=entry.note or "",
            authorised_by=entry.staff_id or "",
        )
    raise NotFound(
        QT_TRANSLATE_NOOP("Errors", "Operation {reference} has no receipt to print."), reference=entry.entry_id
    )


# ---- the queue ------------------------------------------------------------------------------


def _render(desk: Desk, receipt: templates.Receipt) -> bytes:
    prof = profile(desk)
    return devices.render_escpos(templates.lay_out(receipt, prof.columns), prof)


def _insert_job(
    desk: Desk,
    connection: Connection,
    receipt: templates.Receipt,
    uri: str,
    staff_id: str | None,
    data: bytes | None = None,
) -> int:
    now = _machine_now()
    return print_rows.insert_job(
        connection,
        reference=receipt.reference,
        kind=receipt.kind,
        document=templates.receipt_to_json(receipt),
        data=data if data is not None else _render(desk, receipt),
        printer_uri=uri,
        status="queued",
        copy_no=receipt.reprint,
        attempts=0,
        reached_printer=False,
        next_attempt_at=now,
        created_at=now,
        staff_id=staff_id,
    )


def _job(connection: Connection, job_id: int) -> Row[Any]:
    row = print_rows.job_by_id(connection, job_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("Errors", "There is no print job {job_id}."), job_id=job_id)
    return row


def wants_receipts(desk: Desk) -> bool:
    return bool(desk.settings.printer_uri) and desk.settings.print_receipts == "yes"


def queue_receipt(desk: Desk, reference: str, printer_uri: str | None = None) -> PrintJobInfo:
    """Queue the receipt of a committed operation; called after the operation's own transaction."""
    actor = authorize(desk, Permission.LOOKUP, "print.receipt", reference)
    uri = _printer_uri(desk, printer_uri)
    with desk.store.read() as connection:
        receipt = build_receipt(desk, connection, reference, language())
    data = _render(
        desk, receipt
    )  # outside the write lock: a raster receipt takes milliseconds the next clerk should not wait
    with desk.store.write() as connection:
        return _info(_job(connection, _insert_job(desk, connection, receipt, uri, actor.staff_id, data)))


def reprint(desk: Desk, reference: str, printer_uri: str | None = None) -> PrintJobInfo:
    """Another copy, stamped 重打 / REPRINT with its number; the receipt as first printed when there was one."""
    actor = authorize(desk, Permission.LOOKUP, "print.reprint", reference)
    uri = _printer_uri(desk, printer_uri)
    with desk.store.write() as connection:
        reference = reference.strip()
        entry = _entry(connection, reference.lower())
        reference = entry.entry_id if entry is not None else reference
        earlier = print_rows.jobs_of_reference(connection, reference)
        if earlier:
            receipt = templates.receipt_from_json(earlier[0].document)
        else:
            receipt = build_receipt(desk, connection, reference, language())
        copy_no = max((job.copy_no for job in earlier), default=0) + 1
        job_id = _insert_job(desk, connection, receipt.as_reprint(copy_no), uri, actor.staff_id)
        record(desk, connection, actor, "print.reprint", receipt.reference, details=f"copy {copy_no}")
        return _info(_job(connection, job_id))


def queue_test_page(desk: Desk, printer_uri: str | None = None) -> PrintJobInfo:
    actor = authorize(desk, Permission.LOOKUP, "print.test")
    uri = _printer_uri(desk, printer_uri)
    now = desk.now()
    with desk.store.write() as connection:
        header = _header(desk, connection, f"TEST-{now:%Y%m%d%H%M%S}", actor.staff_id, now)
        receipt = templates.test_page_receipt(header, language(), profile(desk).columns)
        return _info(_job(connection, _insert_job(desk, connection, receipt, uri, actor.staff_id)))


@dataclass(frozen=True)
class TestPageOutcome:
    printed: bool
    state: str  # devices.READY, PAPER_OUT, UNREACHABLE, …


def print_test_page(desk: Desk, printer_uri: str | None = None) -> TestPageOutcome:
    """Send the test page straight to a printer, outside the queue: a printer being tried out (the wizard, the
    settings) answers now, and a wrong address leaves no job behind to retry for ever."""
    actor = authorize(desk, Permission.LOOKUP, "print.test")
    uri = _printer_uri(desk, printer_uri)
    address = devices.parse_printer_uri(uri)
    now = desk.now()
    with desk.store.read() as connection:
        header = _header(desk, connection, f"TEST-{now:%Y%m%d%H%M%S}", actor.staff_id, now)
    receipt = templates.test_page_receipt(header, language(), profile(desk).columns)
    try:
        devices.send_job(address, _render(desk, receipt), ask_status=desk.settings.printer_status == "yes")
    except devices.PrintFailed as failure:
        record_alone(desk, actor, "print.test", uri, outcome="refused", details=failure.state)
        return TestPageOutcome(False, failure.state)
    record_alone(desk, actor, "print.test", uri, details="printed")
    return TestPageOutcome(True, devices.READY)


def day_summary(desk: Desk, day: dt.date | None = None) -> list[templates.DayFigure]:
    """This counter's day: members registered, slips, points issued and spent, coupons written off."""
    day = day or desk.today()
    start = dt.datetime.combine(day, dt.time(), desk.now().tzinfo)
    end = start + dt.timedelta(days=1)
    figures: list[templates.DayFigure] = []
    with desk.store.read() as connection:
        by_kind = {row.kind: row for row in print_rows.ledger_by_kind(connection, start, end)}
        registered = print_rows.registrations_between(connection, start, end)
        used = print_rows.written_off_values(connection, desk.counter_uid, start, end)
    labels = templates.DAY_FIGURE_LABELS
    earn = by_kind.get("earn")
    figures.append(templates.DayFigure(labels["registration"], registered, ""))
    figures.append(templates.DayFigure(labels["earn"], earn.n if earn else 0, f"{earn.points if earn else 0:,}"))
    figures.append(
        templates.DayFigure(labels["earn_amount"], earn.n if earn else 0, templates.yuan(earn.fen if earn else 0))
    )
    for kind, label in (("redeem-gift", "gift"), ("redeem-coupon", "coupon"), ("cash", "cash"), ("reversal", "void")):
        row = by_kind.get(kind)
        figures.append(templates.DayFigure(labels[label], row.n if row else 0, f"{row.points if row else 0:,}"))
    figures.append(templates.DayFigure(labels["write_off"], len(used), templates.yuan(sum(used))))
    return figures


def queue_day_summary(desk: Desk, day: dt.date | None = None, printer_uri: str | None = None) -> PrintJobInfo:
    actor = authorize(desk, Permission.REPORTS, "print.day_summary")
    uri = _printer_uri(desk, printer_uri)
    day = day or desk.today()
    figures = day_summary(desk, day)
    with desk.store.write() as connection:
        header = _header(
            desk, connection, f"DAY-{day:%Y%m%d}-{desk.settings.counter_no:04d}", actor.staff_id, desk.now()
        )
        receipt = templates.day_summary_receipt(header, language(), day, figures)
        return _info(_job(connection, _insert_job(desk, connection, receipt, uri, actor.staff_id)))


def list_jobs(desk: Desk, waiting_only: bool = False, limit: int = 50) -> list[PrintJobInfo]:
    authorize(desk, Permission.LOOKUP, "print.queue")
    with desk.store.read() as connection:
        return [_info(row) for row in print_rows.latest_jobs(connection, waiting_only, limit)]


def jobs_for(desk: Desk, reference: str) -> list[PrintJobInfo]:
    """Every print job of one receipt, oldest first: whether it printed, and its copies."""
    authorize(desk, Permission.LOOKUP, "print.queue", reference)
    with desk.store.read() as connection:
        entry = _entry(connection, reference.strip().lower())
        reference = entry.entry_id if entry is not None else reference.strip()
        return [_info(row) for row in print_rows.jobs_of_reference(connection, reference)]


def retry_now(desk: Desk) -> int:
    """The waiting receipts are due at once: paper was loaded, the printer came back, or a new one is queued."""
    with desk.store.write() as connection:
        return print_rows.make_queued_due(connection, _machine_now())


def cancel_job(desk: Desk, job_id: int, reason: str) -> PrintJobInfo:
    """A manager takes a stuck receipt out of the queue (audited); it can still be reprinted from the history."""
    actor = authorize(desk, Permission.APPROVE, "print.cancel", str(job_id))
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Say why the print job is cancelled (--reason)."))
    with desk.store.write() as connection:
        job = _job(connection, job_id)
        if job.status not in ("queued", "printing"):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Print job {job_id} is {status} already; there is nothing to cancel."),
                job_id=job_id,
                status=job.status,
            )
        print_rows.update_job(
            connection, job_id, status="cancelled", cancelled_by=actor.staff_id, last_error=reason[:200]
        )
        record(desk, connection, actor, "print.cancel", job.reference, details=f"job {job_id}: {reason[:200]}")
        return _info(_job(connection, job_id))


def preview(desk: Desk, reference: str | None = None, job_id: int | None = None, paper_mm: int | None = None) -> bytes:
    """The receipt as a PNG, as it prints (with its stamp, for a copy); nothing is queued."""
    authorize(desk, Permission.LOOKUP, "print.preview", reference or str(job_id))
    with desk.store.read() as connection:
        if job_id is not None:
            job = _job(connection, job_id)
            receipt = templates.receipt_from_json(job.document, job.copy_no)
        else:
            receipt = build_receipt(desk, connection, reference or "", language())
    return preview_png(desk, receipt, paper_mm)


def preview_png(desk: Desk, receipt: templates.Receipt, paper_mm: int | None = None) -> bytes:
    prof = profile(desk)
    if paper_mm is not None:
        if paper_mm not in templates.PAPER_COLUMNS:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Paper is 58 or 80 mm wide."))
        prof = devices.PrinterProfile(paper_mm, prof.chinese, prof.native_qr, prof.status, prof.logo)
    return devices.png_bytes(devices.preview_picture(templates.lay_out(receipt, prof.columns), prof))


# ---- printing -------------------------------------------------------------------------------

_last_state: dict[Path, str] = {}  # per desk: what its printer said last, for the status bar


def backoff(attempts: int) -> float:
    """Seconds before the next try: doubling from 1 s up to a minute, with jitter so counters don't retry in step."""
    return min(MAX_BACKOFF_S, 2.0 ** max(0, attempts - 1)) * random.uniform(0.5, 1.0)


def recover_interrupted(desk: Desk, older_than_s: float = CLAIM_STALE_S) -> int:
    """Jobs a dead process left half-sent go back to the queue, as maybe printed (the next copy is stamped)."""
    stale = _machine_now() - dt.timedelta(seconds=older_than_s)
    with desk.store.write() as connection:
        return print_rows.requeue_stale(connection, stale)


def _claim_next(desk: Desk) -> Row[Any] | None:
    """The oldest waiting job whose turn it is (in order per printer), marked as printing by this process."""
    now = _machine_now()
    with desk.store.write() as connection:
        job_id = print_rows.next_due_job_id(connection, now)
        if job_id is None:
            return None
        job = _job(connection, job_id)
        values: dict[str, Any] = {"status": "printing", "attempts": job.attempts + 1, "next_attempt_at": now}
        if job.reached_printer:
            # The last attempt may have printed: this one is the next copy, and says so.
            copy_no = print_rows.last_copy_no(connection, job.reference) + 1
            values.update(
                copy_no=copy_no,
                reached_printer=False,
                data=_render(desk, templates.receipt_from_json(job.document, copy_no)),
            )
        print_rows.update_job(connection, job.id, **values)
        return _job(connection, job.id)


def print_next(desk: Desk, retry_after: Callable[[int], float] = backoff) -> PrintJobInfo | None:
    """One attempt at the oldest due job; None when nothing is due. Never raises for a printer's trouble."""
    job = _claim_next(desk)
    if job is None:
        return None
    try:
        devices.send_job(
            devices.parse_printer_uri(job.printer_uri), job.data, ask_status=desk.settings.printer_status == "yes"
        )
    except devices.PrintFailed as failure:
        _last_state[desk.data_dir] = failure.state
        later = _machine_now() + dt.timedelta(seconds=retry_after(job.attempts))
        with desk.store.write() as connection:
            # Only while it is still ours: a manager may have cancelled it meanwhile.
            print_rows.update_job_if_printing(
                connection,
                job.id,
                status="queued",
                reached_printer=failure.reached,
                last_state=failure.state,
                last_error=failure.detail[:300],
                next_attempt_at=later,
            )
            return _info(_job(connection, job.id))
    except InvalidInput as error:  # an address that no longer parses: keep the job, say why
        _last_state[desk.data_dir] = devices.UNREACHABLE
        with desk.store.write() as connection:
            print_rows.update_job_if_printing(
                connection,
                job.id,
                status="queued",
                last_state=devices.UNREACHABLE,
                last_error=error.message("en")[:300],
                next_attempt_at=_machine_now() + dt.timedelta(seconds=MAX_BACKOFF_S),
            )
            return _info(_job(connection, job.id))
    _last_state[desk.data_dir] = devices.READY
    with desk.store.write() as connection:
        print_rows.update_job_if_printing(
            connection, job.id, status="printed", printed_at=_machine_now(), last_state=devices.READY, last_error=None
        )
        return _info(_job(connection, job.id))


def print_job_now(desk: Desk, job_id: int) -> PrintJobInfo:
    """For the command line: print the queue in order until this job printed, or an attempt failed (it stays queued)."""
    while True:
        attempt = print_next(desk)
        with desk.store.read() as connection:
            job = _info(_job(connection, job_id))
        if job.status in ("printed", "cancelled") or attempt is None or attempt.status == "queued":
            return job


def printer_state(desk: Desk) -> PrinterState:
    with desk.store.read() as connection:
        waiting = print_rows.waiting_count(connection)
        last = print_rows.last_printer_state(connection)
    uri = desk.settings.printer_uri
    state = "none" if not uri else _last_state.get(desk.data_dir) or last or devices.UNKNOWN
    return PrinterState(bool(uri), state, STATE_ADVICE.get(state, STATE_ADVICE[devices.UNKNOWN]), waiting, uri)


def check_printer(desk: Desk, printer_uri: str | None = None) -> PrinterState:
    """Ask the printer now (the settings' "test" button, the status bar when idle)."""
    uri = _printer_uri(desk, printer_uri)
    address = devices.parse_printer_uri(uri)
    state = devices.query_printer(address) if desk.settings.printer_status == "yes" else devices.UNKNOWN
    _last_state[desk.data_dir] = state
    if state in (devices.READY, devices.UNKNOWN):
        retry_now(desk)
    return printer_state(desk)


class PrintWorker:
    """Prints the queue in the background, off the clerk's thread: at once when woken, else on its backoff."""

    def __init__(
        self,
        desk: Desk,
        on_change: Callable[[PrinterState], None] | None = None,
        retry_after: Callable[[int], float] = backoff,
        idle_check_s: float = 30.0,
    ) -> None:
        self.desk = desk
        self.on_change = on_change
        self.retry_after = retry_after
        self.idle_check_s = idle_check_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._retry = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        recover_interrupted(self.desk)
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()

    def wake(self, retry: bool = True) -> None:
        """Look at the queue now; with `retry`, waiting receipts are tried at once rather than after their backoff."""
        self._retry = self._retry or retry  # done on the worker's thread: the caller may be the clerk's
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        previous: PrinterState | None = None
        while not self._stop.is_set():
            try:
                if self._retry:
                    self._retry = False
                    retry_now(self.desk)
                job = print_next(self.desk, self.retry_after)
                state = printer_state(self.desk)
            except Exception:  # the worker must outlive any one bad job; the log has it
                log.exception("print worker round failed")
                job, state = None, None
            if state is not None and state != previous and self.on_change is not None:
                self.on_change(state)
                previous = state
            if job is not None and job.status == "printed":
                continue  # the next receipt at once
            self._wake.wait(self._seconds_to_next())
            self._wake.clear()

    def _seconds_to_next(self) -> float:
        try:
            with self.desk.store.read() as connection:
                due = print_rows.next_attempt_due(connection)
        except Exception:
            return self.idle_check_s
        if due is None:
            return self.idle_check_s
        return max(0.05, min(self.idle_check_s, (due - _machine_now()).total_seconds()))


def sample_receipts(desk: Desk, paper_mm: int | None = None) -> dict[str, templates.Receipt]:
    """Every template filled with made-up facts and this desk's header: to check the paper, the logo and the store's name."""
    s = desk.settings
    lang = language()
    at = desk.now()
    header = templates.Header(
        s.store_name or "万达广场",
        s.counter_name or "1F 服务台",
        s.counter_no,
        "K001",
        "李娜",
        at,
        "3f6c2a4e-9d1b-4c7e-8f00-1234567890ab",
    )
    member = templates.MemberFacts(
        "M000100000017",
        "张三丰",
        "138****8000",
        "gold",
        12880,
        (((at + dt.timedelta(days=20)).date().isoformat(), 300),),
    )
    complaint = templates.ComplaintFacts(
        "C-20261123-0007",
        translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Service attitude"), lang),
        translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "High"), lang),
        "优衣库 UNIQLO",
        "试衣间排队四十分钟，店员态度冷淡，未给出解释。",
        "138****8000",
        at + dt.timedelta(hours=24),
    )
    labels = templates.DAY_FIGURE_LABELS
    figures = [
        templates.DayFigure(labels["registration"], 14, ""),
        templates.DayFigure(labels["earn"], 132, "186,420"),
        templates.DayFigure(labels["earn_amount"], 132, "￥93,210.00"),
        templates.DayFigure(labels["gift"], 9, "-13,500"),
        templates.DayFigure(labels["write_off"], 21, "￥420.00"),
    ]
    code = "CP-4F7K-9QXD-M2ZA-7"
    return {
        "registration": templates.registration_receipt(header, member, lang, referral_points=50),
        "earn": templates.earn_receipt(
            header,
            member,
            lang,
            amount_fen=128850,
            slip_no="UQ-20261123-042",
            shop="优衣库 UNIQLO",
            points=2577,
            upgraded=True,
        ),
        "gift": templates.gift_receipt(
            header, member, lang, gift_name="晴雨伞（限量款）", sku="G-UMB", qty=1, points=1500
        ),
        "coupon": templates.coupon_receipt(
            header,
            member,
            lang,
            title="满100减10",
            code=code,
            value="￥10.00",
            min_spend="￥100.00",
            valid_until=(at + dt.timedelta(days=30)).date().isoformat(),
            points=800,
        ),
        "cash": templates.cash_receipt(header, member, lang, points=800, yuan_text="10.00"),
        "write_off": templates.write_off_receipt(
            header, member, lang, title="满100减10", code=code, value="￥10.00", spend="￥158.00"
        ),
        "points_gift": templates.points_gift_receipt(
            header, member, lang, to_member_no="M000100000025", to_masked_name="李*", points=500
        ),
        "void": templates.void_receipt(
            header, member, lang, voided="9a1b7c2d", points=-2577, reason="顾客退货，小票作废", authorised_by="M001"
        ),
        "complaint": templates.complaint_receipt(header, member, lang, complaint),
        "day_summary": templates.day_summary_receipt(header, lang, at.date(), figures),
        "test": templates.test_page_receipt(
            header, lang, templates.PAPER_COLUMNS.get(paper_mm or 0, profile(desk).columns)
        ),
    }
