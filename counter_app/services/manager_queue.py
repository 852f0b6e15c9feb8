"""The manager's one queue: parked operations, complaint compensations and the server's review items, most urgent first, each decided here."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from counter_app import i18n
from counter_app.db import complaints as complaint_rows
from counter_app.db import manager_queue as queue_rows
from counter_app.domain.errors import DeskError, InvalidInput
from counter_app.domain.members import mask_phone, normalize_phone, parse_member_no
from counter_app.domain.queue import QueueKind
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import approvals
from counter_app.services.audit import record_alone
from counter_app.services.auth import authorize
from counter_app.services.complaints import decide_compensation, pending_compensations
from counter_app.services.desk import Desk
from counter_app.services.members import require_member
from counter_app.services.sync import review

KINDS = tuple(kind.value for kind in QueueKind)
MONEY_REVIEWS = frozenset({"overdraw", "double_write_off", "duplicate_slip"})
DEFAULT_AMBER_SHARE = 0.25  # as the complaint rules' default, for rules files from before complaints

# The order of the queue: urgency 1 is the most urgent; within a level the earliest due, then the oldest, first.
# 1. review items about money, found at sync (an overdraw, a coupon written off twice, a slip earned twice):
#    the money went out already, and the longer it waits the harder it is to recover;
# 2. compensation for a complaint whose answer promise is late or in its last stretch (no answer yet and less
#    than the rules' amber share of its time left, complaints.amber_share, 25 % by default);
# 3. operations parked for a manager (risk holds on earning, large redemptions, profile edits, erasures),
#    oldest first: the member may be waiting at the desk;
# 4. other compensation requests, oldest first;
# 5. other review items (a member code shown twice, a profile edited at two counters, kinds this desk does not
#    know yet), oldest first: something to check, nothing to recover.
URGENT_REVIEW, COMPENSATION_NEAR_SLA, PARKED, COMPENSATION, OTHER_REVIEW = 1, 2, 3, 4, 5

TITLES = {
    "points.earn": QT_TRANSLATE_NOOP("ManagerQueue", "Points from a slip held for a check"),
    "points.cash": QT_TRANSLATE_NOOP("ManagerQueue", "Large redemption of points as cash"),
    "points.void": QT_TRANSLATE_NOOP("ManagerQueue", "Void of an operation"),
    "member.edit": QT_TRANSLATE_NOOP("ManagerQueue", "Profile change"),
    "member.erase": QT_TRANSLATE_NOOP("ManagerQueue", "Erasure of personal data"),
    "compensation": QT_TRANSLATE_NOOP("ManagerQueue", "Compensation for a complaint"),
    "overdraw": QT_TRANSLATE_NOOP("ManagerQueue", "Overdraw found at sync"),
    "double_write_off": QT_TRANSLATE_NOOP("ManagerQueue", "Coupon written off twice"),
    "duplicate_slip": QT_TRANSLATE_NOOP("ManagerQueue", "Slip earned at two counters"),
    "profile_conflict": QT_TRANSLATE_NOOP("ManagerQueue", "Profile edited at two counters"),
    "replayed_code": QT_TRANSLATE_NOOP("ManagerQueue", "Member code shown twice"),
}
_OTHER_APPROVAL = QT_TRANSLATE_NOOP("ManagerQueue", "Operation waiting for approval ({action})")
_OTHER_REVIEW = QT_TRANSLATE_NOOP("ManagerQueue", "Review item from the server ({kind})")


@dataclass(frozen=True)
class QueueItem:
    kind: str  # "approval", "compensation" or "review"
    item_id: str  # the approval's number, the compensation request's id (its event id), the review item's number
    ref: str  # what `approvals approve|reject` takes: "12", "compensation:<id>", "review:5"
    title: str  # what it is, in the desk's language
    subject: str | None  # the member number (or masked phone), the complaint's ticket number
    details: str  # what the manager checks, in the desk's language where the desk wrote it
    requested_by: str | None  # the staff member who asked; None: found by the server at sync
    requested_at: str
    urgency: int  # 1 most urgent … 5; see URGENT_REVIEW
    due_at: str | None  # a complaint's answer promise
    age_minutes: int
    approval_id: int | None = None  # as `approvals list --json` always gave it


@dataclass(frozen=True)
class QueueDecision:
    kind: str
    item_id: str
    approved: bool
    result: Any  # what the decided operation returned: the parked operation's result, the compensation, the resolution


def _moment(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _iso(value: Any) -> str | None:
    moment = _moment(value)
    return moment.isoformat(timespec="seconds") if moment else None


def _minutes_since(desk: Desk, moment: dt.datetime | None) -> int:
    return max(0, int((desk.now() - moment).total_seconds() // 60)) if moment else 0


def _shown_ref(desk: Desk, connection: Connection, text: str | None) -> str | None:
    """The member a request is about, by number: the REF as staff typed it may be a phone, never shown in full."""
    if not text:
        return None
    try:
        member_no: str = require_member(desk, connection, text).member_no
        return member_no
    except DeskError:
        pass
    if parse_member_no(text):
        return text
    try:
        return mask_phone(normalize_phone(text))
    except DeskError:
        return text[:4] + "…" if text[:3] in ("MC1", "MD1", "EV1") else text


def _approval_items(desk: Desk, connection: Connection) -> list[QueueItem]:
    items = []
    for waiting in approvals.pending(desk):
        params = approvals.parked_params(desk, connection, waiting.approval_id)
        if waiting.action == "points.earn":
            details = f"¥{params.get('amount', '?')} · {params.get('slip_no') or waiting.subject or ''}".strip(" ·")
        elif waiting.action == "points.cash":
            details = i18n.translate(
                "ManagerQueue", QT_TRANSLATE_NOOP("ManagerQueue", "{points} points as cash")
            ).format(points=params.get("points", "?"))
        elif waiting.action in ("member.erase", "points.void"):
            details = str(params.get("reason") or "")
        elif waiting.action == "member.edit":
            changed = [name for name, value in params.items() if name != "ref" and value is not None]
            details = ", ".join(changed)
        else:
            details = ""
        template = TITLES.get(waiting.action)
        title = (
            i18n.translate("ManagerQueue", template)
            if template
            else i18n.translate("ManagerQueue", _OTHER_APPROVAL).format(action=waiting.action)
        )
        requested = _moment(waiting.requested_at)
        items.append(
            QueueItem(
                "approval",
                str(waiting.approval_id),
                str(waiting.approval_id),
                title,
                _shown_ref(desk, connection, params.get("ref") or waiting.subject),
                details,
                waiting.requested_by,
                waiting.requested_at,
                PARKED,
                None,
                _minutes_since(desk, requested),
                waiting.approval_id,
            )
        )
    return items


def _near_breach(desk: Desk, complaint: Any) -> bool:
    """No answer yet and the promise late, or in its last (amber) share of the time."""
    if complaint is None or complaint.answered_at:
        return False
    opened, due = _moment(complaint.opened_at), _moment(complaint.due_at)
    if opened is None or due is None:
        return False
    share = getattr(desk.rules, "complaint_amber_share", DEFAULT_AMBER_SHARE)
    return due - desk.now() < (due - opened) * share


def _compensation_items(desk: Desk, connection: Connection) -> list[QueueItem]:
    items = []
    for request in pending_compensations(desk):
        ticket_no = request.ticket_no
        complaint = complaint_rows.complaint_by_ticket(connection, ticket_no) if ticket_no else None
        urgent = _near_breach(desk, complaint)
        member = request.member_no
        details = f"{request.kind} {request.value}".strip() + (f" — {request.reason}" if request.reason else "")
        requested = _moment(request.requested_at)
        items.append(
            QueueItem(
                "compensation",
                request.request_id,
                f"compensation:{request.request_id}",
                i18n.translate("ManagerQueue", TITLES["compensation"]),
                " · ".join(part for part in (ticket_no, member) if part) or None,
                details,
                request.requested_by,
                requested.isoformat(timespec="seconds") if requested else str(request.requested_at),
                COMPENSATION_NEAR_SLA if urgent else COMPENSATION,
                _iso(complaint.due_at) if complaint else None,
                _minutes_since(desk, requested),
            )
        )
    return items


def _review_items(desk: Desk, connection: Connection) -> list[QueueItem]:
    items = []
    for row in queue_rows.open_review_items(connection):
        try:
            found = json.loads(row.details)
        except ValueError:
            found = {}
        member_no = found.get("member_no") if isinstance(found, dict) else None
        if member_no is None and row.member_uid:
            member_no = queue_rows.member_no_of_uid(connection, row.member_uid)
        template = TITLES.get(row.kind)
        title = (
            i18n.translate("ManagerQueue", template)
            if template
            else i18n.translate("ManagerQueue", _OTHER_REVIEW).format(kind=row.kind)
        )
        created = _moment(row.created_at)
        items.append(
            QueueItem(
                "review",
                str(row.id),
                f"review:{row.id}",
                title,
                member_no,
                review.review_sentence(row.kind, found if isinstance(found, dict) else {}, row.details),
                None,
                _iso(row.created_at) or str(row.created_at),
                URGENT_REVIEW if row.kind in MONEY_REVIEWS else OTHER_REVIEW,
                None,
                _minutes_since(desk, created),
            )
        )
    return items


def _order(item: QueueItem) -> tuple[Any, ...]:
    due = _moment(item.due_at)
    requested = _moment(item.requested_at)
    return (
        item.urgency,
        due is None,
        due.timestamp() if due else 0.0,
        requested.timestamp() if requested else 0.0,
        KINDS.index(item.kind),
        item.item_id.zfill(20),
    )


def waiting(desk: Desk) -> list[QueueItem]:
    """Everything waiting for a manager at this desk, most urgent first (the order is described at URGENT_REVIEW)."""
    authorize(desk, Permission.APPROVE, "queue.list")
    with desk.store.read() as connection:
        items = (
            _approval_items(desk, connection) + _compensation_items(desk, connection) + _review_items(desk, connection)
        )
    return sorted(items, key=_order)


def parse_queue_ref(text: str) -> tuple[str, str]:
    """ "12" or "approval:12", "compensation:<id>", "review:5": the kind and the item's own id."""
    value = (text or "").strip()
    kind, _, item_id = value.rpartition(":") if ":" in value else ("approval", "", value)
    kind, item_id = kind.strip().lower(), item_id.strip()
    if (
        kind not in KINDS
        or not item_id
        or len(item_id) > 40
        or (kind in ("approval", "review") and not item_id.isdigit())
    ):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "“{ref}” names nothing in the manager's queue; use the number of a request (12), review:N or compensation:ID, as approvals list shows them.",
            ),
            ref=value[:40],
        )
    return kind, item_id


_ACTIONS = {
    "approval": ("approval.approve", "approval.reject"),
    "compensation": ("complaint.compensate", "complaint.compensate"),
    "review": ("review.resolve", "review.resolve"),
}


def decide(desk: Desk, kind: str, item_id: str | int, approve: bool, reason: str | None = None) -> QueueDecision:
    """Approve or reject one item; a rejection needs its reason. Each kind is decided by its own service, which
    audits it (a reason given with an approval of a parked operation is audited beside it)."""
    if kind not in KINDS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "The manager's queue holds approvals, compensations and review items; {kind} is none of them."
            ),
            kind=str(kind)[:20],
        )
    item_id = str(item_id).strip()
    actor = authorize(desk, Permission.APPROVE, _ACTIONS[kind][0 if approve else 1], f"{kind}:{item_id}"[:40])
    note = " ".join((reason or "").split())
    if not approve and not note:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Give a reason for the rejection; the requester will see it."))
    if kind == "approval":
        if not item_id.isdigit():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "An approval request is named by its number, as approvals list shows it.")
            )
        number = int(item_id)
        if not approve:
            return QueueDecision(kind, item_id, False, approvals.reject(desk, number, note))
        result = approvals.approve(desk, number)
        if note:
            record_alone(desk, actor, "approval.note", f"#{number}", details=note[:500])
        return QueueDecision(kind, item_id, True, result)
    if kind == "compensation":
        return QueueDecision(kind, item_id, approve, decide_compensation(desk, item_id, approve, note))
    return QueueDecision(
        kind,
        item_id,
        approve,
        review.resolve_review_item(desk, item_id, "accepted" if approve else "rejected", note or None),
    )
