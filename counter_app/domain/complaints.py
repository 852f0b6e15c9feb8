"""Complaints by the desk's rules: categories, states and the moves between them, the answer promise's clock, and the fold of a complaint's events."""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.errors import DeskError, FieldError, InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

# The labels live in their own context: "Service attitude" and "High" exist in "Receipts" already,
# and a complaint's words may be translated apart from the receipt's. Each closed set is an enum whose
# values are the codes the store and the wire carry; its labels (context "Complaints") sit beside it.


class Category(enum.StrEnum):
    ATTITUDE = "attitude"
    RESPONSE = "response"
    AFTER_SALES = "after_sales"
    QUALITY = "quality"
    PRICE = "price"
    ENVIRONMENT = "environment"
    OTHER = "other"


CATEGORIES: dict[str, str] = {
    Category.ATTITUDE: QT_TRANSLATE_NOOP("Complaints", "Service attitude"),  # 服务态度
    Category.RESPONSE: QT_TRANSLATE_NOOP("Complaints", "Response speed"),  # 响应速度
    Category.AFTER_SALES: QT_TRANSLATE_NOOP("Complaints", "After-sales"),  # 售后处理
    Category.QUALITY: QT_TRANSLATE_NOOP("Complaints", "Product quality"),  # 商品质量
    Category.PRICE: QT_TRANSLATE_NOOP("Complaints", "Price"),  # 价格
    Category.ENVIRONMENT: QT_TRANSLATE_NOOP("Complaints", "Environment"),  # 环境
    Category.OTHER: QT_TRANSLATE_NOOP("Complaints", "Other"),  # 其他
}


class Severity(enum.StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"


SEVERITIES: dict[str, str] = {
    Severity.LOW: QT_TRANSLATE_NOOP("Complaints", "Low"),
    Severity.NORMAL: QT_TRANSLATE_NOOP("Complaints", "Normal"),
    Severity.HIGH: QT_TRANSLATE_NOOP("Complaints", "High"),
}


class RootCause(enum.StrEnum):
    STAFF_CONDUCT = "staff_conduct"
    PROCESS = "process"
    PRODUCT_DEFECT = "product_defect"
    PRICING_ERROR = "pricing_error"
    FACILITY = "facility"
    MISUNDERSTANDING = "misunderstanding"
    THIRD_PARTY = "third_party"
    OTHER = "other"


ROOT_CAUSES: dict[str, str] = {
    RootCause.STAFF_CONDUCT: QT_TRANSLATE_NOOP("Complaints", "Staff conduct"),
    RootCause.PROCESS: QT_TRANSLATE_NOOP("Complaints", "Process or policy"),
    RootCause.PRODUCT_DEFECT: QT_TRANSLATE_NOOP("Complaints", "Product defect"),
    RootCause.PRICING_ERROR: QT_TRANSLATE_NOOP("Complaints", "Pricing error"),
    RootCause.FACILITY: QT_TRANSLATE_NOOP("Complaints", "Facility or environment"),
    RootCause.MISUNDERSTANDING: QT_TRANSLATE_NOOP("Complaints", "Misunderstanding"),
    RootCause.THIRD_PARTY: QT_TRANSLATE_NOOP("Complaints", "Third party (tenant, supplier)"),
    RootCause.OTHER: QT_TRANSLATE_NOOP("Complaints", "Other cause"),
}


class State(enum.StrEnum):
    OPEN = "open"
    ACKNOWLEDGED = "acknowledged"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    ESCALATED = "escalated"


STATES: dict[str, str] = {
    State.OPEN: QT_TRANSLATE_NOOP("Complaints", "Open"),
    State.ACKNOWLEDGED: QT_TRANSLATE_NOOP("Complaints", "Acknowledged"),
    State.IN_PROGRESS: QT_TRANSLATE_NOOP("Complaints", "In progress"),
    State.RESOLVED: QT_TRANSLATE_NOOP("Complaints", "Resolved"),
    State.CLOSED: QT_TRANSLATE_NOOP("Complaints", "Closed"),
    State.ESCALATED: QT_TRANSLATE_NOOP("Complaints", "Escalated"),
}
# Where a complaint may go from each state. Resolved goes back to in progress (reopened), never
# to open: the first answer was given. Closed is final.
TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"acknowledged", "escalated"}),
    "acknowledged": frozenset({"in_progress", "escalated"}),
    "in_progress": frozenset({"resolved", "escalated"}),
    "escalated": frozenset({"in_progress", "resolved"}),
    "resolved": frozenset({"closed", "in_progress"}),
    "closed": frozenset(),
}
# The events that move a complaint, and the state each moves it to.
MOVES: dict[str, str] = {
    "acknowledged": "acknowledged",
    "progress": "in_progress",
    "escalated": "escalated",
    "resolved": "resolved",
    "closed": "closed",
}


class EventKind(enum.StrEnum):
    """What happened to a complaint: its opening, the moves (MOVES), and the rest."""

    OPENED = "opened"
    ACKNOWLEDGED = "acknowledged"
    PROGRESS = "progress"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"
    NOTE = "note"
    ASSIGNED = "assigned"
    COMPENSATION_REQUESTED = "compensation_requested"
    COMPENSATION_DECIDED = "compensation_decided"


EVENT_KINDS = tuple(kind.value for kind in EventKind)
EVENT_LABELS: dict[str, str] = {
    EventKind.OPENED: QT_TRANSLATE_NOOP("Complaints", "Opened"),
    EventKind.ACKNOWLEDGED: QT_TRANSLATE_NOOP("Complaints", "Acknowledged"),
    EventKind.PROGRESS: QT_TRANSLATE_NOOP("Complaints", "Work started"),
    EventKind.ESCALATED: QT_TRANSLATE_NOOP("Complaints", "Escalated"),
    EventKind.RESOLVED: QT_TRANSLATE_NOOP("Complaints", "Resolved"),
    EventKind.CLOSED: QT_TRANSLATE_NOOP("Complaints", "Closed"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("Complaints", "Note"),
    EventKind.ASSIGNED: QT_TRANSLATE_NOOP("Complaints", "Assigned"),
    EventKind.COMPENSATION_REQUESTED: QT_TRANSLATE_NOOP("Complaints", "Compensation requested"),
    EventKind.COMPENSATION_DECIDED: QT_TRANSLATE_NOOP("Complaints", "Compensation decided"),
}
# What answers the customer and so stops the answer promise's clock (escalating does not).
ANSWERING = frozenset({"acknowledged", "progress", "resolved"})


class CompensationKind(enum.StrEnum):
    POINTS = "points"
    COUPON = "coupon"
    GIFT = "gift"


COMPENSATION_KINDS: dict[str, str] = {
    CompensationKind.POINTS: QT_TRANSLATE_NOOP("Complaints", "Points"),
    CompensationKind.COUPON: QT_TRANSLATE_NOOP("Complaints", "Coupon"),
    CompensationKind.GIFT: QT_TRANSLATE_NOOP("Complaints", "Gift"),
}


class CompensationStatus(enum.StrEnum):
    """Where a request for compensation stands: waiting for a manager, or decided."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


COMPENSATION_STATUSES: dict[str, str] = {
    CompensationStatus.PENDING: QT_TRANSLATE_NOOP("Complaints", "waiting for a manager"),
    CompensationStatus.APPROVED: QT_TRANSLATE_NOOP("Complaints", "approved"),
    CompensationStatus.REJECTED: QT_TRANSLATE_NOOP("Complaints", "rejected"),
}


class SlaStatus(enum.StrEnum):
    """Where a complaint stands against the answer promise."""

    ON_TRACK = "on_track"
    AMBER = "amber"
    BREACHED = "breached"
    MET = "met"


SLA_STATUSES = tuple(status.value for status in SlaStatus)
SLA_LABELS: dict[str, str] = {
    SlaStatus.ON_TRACK: QT_TRANSLATE_NOOP("Complaints", "On track"),
    SlaStatus.AMBER: QT_TRANSLATE_NOOP("Complaints", "Due soon"),
    SlaStatus.BREACHED: QT_TRANSLATE_NOOP("Complaints", "Answer late"),
    SlaStatus.MET: QT_TRANSLATE_NOOP("Complaints", "Answered in time"),
}
MAX_DESCRIPTION = 2000
MAX_NOTE = 2000
MAX_REASON = 500
MAX_SHOP = 40
TICKET_RE = re.compile(r"^C-(\d{8})-(\d{4})-(\d{3,})$")
_CODE_RE = re.compile(r"^[A-Z0-9_-]{1,20}$")


class Labels(DeskError):
    """Words from the Complaints context inside an error's sentence, rendered in the reader's language."""

    context = "Complaints"

    def __init__(self, *labels: str) -> None:
        self.labels = labels
        super().__init__(", ".join(labels))

    def message(self, language: str | None = None) -> str:
        return ", ".join(translate(self.context, label, language) for label in self.labels) or "—"


def label(table: Mapping[str, str], key: str | None, language: str | None = None) -> str:
    """A code's label in the desk's language (the code itself when unknown: nothing is hidden)."""
    if key is None:
        return ""
    return translate("Complaints", table[key], language) if key in table else key


# ---- checking what the clerk typed --------------------------------------------------------


def _choice(value: str | None, table: Mapping[str, str], template: str) -> str:
    code = unicodedata.normalize("NFKC", value or "").strip().lower().replace("-", "_")
    if code not in table:
        raise FieldError(template, value=(value or "")[:30], allowed=", ".join(table))
    return code


def check_category(value: str | None) -> str:
    return _choice(
        value,
        CATEGORIES,
        QT_TRANSLATE_NOOP("Errors", "“{value}” is not a complaint category; choose one of: {allowed}."),
    )


def check_severity(value: str | None) -> str:
    return _choice(
        value, SEVERITIES, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a severity; choose one of: {allowed}.")
    )


def check_root_cause(value: str | None) -> str:
    if not (value or "").strip():
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "A resolved complaint needs its root cause; choose one of: {allowed}."),
            allowed=", ".join(ROOT_CAUSES),
        )
    return _choice(
        value, ROOT_CAUSES, QT_TRANSLATE_NOOP("Errors", "“{value}” is not a root cause; choose one of: {allowed}.")
    )


def check_rating(value: int | str | None) -> int:
    """The customer's satisfaction, 1 (very unhappy) to 5 (very happy): it closes the complaint."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "Closing a complaint needs the customer's satisfaction rating, 1 to 5; ask the customer."
            )
        )
    try:
        rating = int(str(value).strip()) if not isinstance(value, bool) else -1
    except ValueError:
        rating = -1
    if not 1 <= rating <= 5:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The rating is a whole number from 1 to 5, not “{value}”."),
            value=str(value)[:10],
        )
    return rating


def _text(value: str | None) -> str:
    """NFC, no control characters but line breaks and tabs, trimmed."""
    text = unicodedata.normalize("NFC", value or "")
    return "".join(char for char in text if char in "\n\t" or unicodedata.category(char) != "Cc").strip()


def check_description(value: str | None) -> str:
    text = _text(value)
    if not text:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Write down what happened, in the customer's words."))
    if len(text) > MAX_DESCRIPTION:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "The description is too long: at most {limit} characters, this one has {count}; shorten it."
            ),
            limit=MAX_DESCRIPTION,
            count=len(text),
        )
    return text


def check_note(value: str | None, required: bool = False, limit: int = MAX_NOTE) -> str | None:
    text = _text(value)
    if not text:
        if required:
            raise FieldError(QT_TRANSLATE_NOOP("Errors", "Write the note (what was said or done)."))
        return None
    if len(text) > limit:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "The text is too long: at most {limit} characters, this one has {count}; shorten it."
            ),
            limit=limit,
            count=len(text),
        )
    return text


def check_reason(value: str | None) -> str:
    text = " ".join(_text(value).split())
    if not text:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "Give the reason; it goes into the complaint's record and the audit log.")
        )
    if len(text) > MAX_REASON:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "The reason is too long: at most {limit} characters, this one has {count}; shorten it."
            ),
            limit=MAX_REASON,
            count=len(text),
        )
    return text


def check_shop(value: str | None) -> str | None:
    shop = " ".join(unicodedata.normalize("NFC", value or "").split()) or None
    if shop and len(shop) > MAX_SHOP:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The shop name is too long: at most 40 characters."))
    return shop


def parse_ticket_no(text: str | None) -> str | None:
    """C-20261123-0001-007 however it was typed (case, spaces, full-width); None if it is not one."""
    ticket = re.sub(r"\s", "", unicodedata.normalize("NFKC", text or "")).upper()
    return ticket if TICKET_RE.match(ticket) else None


def format_ticket_no(day: dt.date, counter_no: int, number: int) -> str:
    return f"C-{day:%Y%m%d}-{counter_no:04d}-{number:03d}"


@dataclass(frozen=True)
class Compensation:
    """What a clerk asks a manager to give: N points, a coupon of a type, or a gift from the catalog."""

    kind: str
    value: str  # points as digits, a coupon type code, or a gift SKU
    points: int | None = None


def parse_compensation(kind: str | None, value: str | int | None, max_points: int) -> Compensation:
    kind_code = (kind or "").strip().lower()
    if kind_code not in COMPENSATION_KINDS:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "Compensation is points:N, coupon:TYPE or gift:SKU; “{value}” is none of them."
            ),
            value=f"{kind or ''}:{value or ''}"[:40],
        )
    text = unicodedata.normalize("NFKC", str(value if value is not None else "")).strip()
    if kind_code == "points":
        if not text.isdigit() or not text.isascii() or int(text) < 1:
            raise FieldError(
                QT_TRANSLATE_NOOP("Errors", "Compensation points are a whole number from 1 to {limit}."),
                limit=max_points,
            )
        points = int(text)
        if points > max_points:
            raise FieldError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Compensation is at most {limit} points by the chain's rules; ask for {limit} or less, or offer a coupon or gift.",
                ),
                limit=max_points,
            )
        return Compensation("points", str(points), points)
    code = text.upper()
    if not _CODE_RE.match(code):
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "A coupon type or gift code is 1 to 20 letters, digits, - or _."))
    return Compensation(kind_code, code)


def check_move(state: str, kind: str) -> str:
    """The state a move leads to, or an error naming both states and where the complaint may go."""
    target = MOVES[kind]
    if target not in TRANSITIONS.get(state, frozenset()):
        allowed = sorted(TRANSITIONS.get(state, frozenset()), key=list(STATES).index)
        if not allowed:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The complaint is closed ({current} → {wanted} is not possible); a new complaint can be opened instead.",
                ),
                current=Labels(STATES[state]),
                wanted=Labels(STATES[target]),
            )
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A complaint cannot go from {current} to {wanted} ({current} → {wanted}); from {current} it can go to: {allowed}.",
            ),
            current=Labels(STATES[state]),
            wanted=Labels(STATES[target]),
            allowed=Labels(*(STATES[s] for s in allowed)),
        )
    return target


# ---- the answer promise ---------------------------------------------------------------------


def due_at(opened_at: dt.datetime, severity: str, sla_hours: Mapping[str, int]) -> dt.datetime:
    return opened_at + dt.timedelta(hours=sla_hours[severity])


@dataclass(frozen=True)
class ComplaintSlaClock:
    """The 24-hour answer promise (per severity in the rules) as the desk shows it. An answer
    (acknowledgement, work started, resolution) stops the clock: the promise is met iff answered_at ≤ due_at."""

    opened_at: dt.datetime
    due_at: dt.datetime
    now: dt.datetime
    answered_at: dt.datetime | None = None
    amber_share: float = 0.25

    @property
    def window(self) -> dt.timedelta:
        return self.due_at - self.opened_at

    @property
    def time_left(self) -> dt.timedelta:
        """Until the promise is due; negative once it is late; frozen at the answer."""
        return self.due_at - (self.answered_at or self.now)

    @property
    def met(self) -> bool | None:
        """True answered in time, False late (answered or not); None while it can still be met."""
        if self.answered_at is not None:
            return self.answered_at <= self.due_at
        return False if self.now > self.due_at else None

    @property
    def overdue(self) -> bool:
        """No answer yet, and the promised time has passed."""
        return self.answered_at is None and self.now > self.due_at

    @property
    def status(self) -> str:
        if self.answered_at is not None:
            return "met" if self.answered_at <= self.due_at else "breached"
        if self.now > self.due_at:
            return "breached"
        if self.time_left < self.window * self.amber_share:
            return "amber"
        return "on_track"

    def due_for_escalation(self, when_left: dt.timedelta) -> bool:
        """Not answered and the breach is near (or here): a manager should take it over."""
        return self.answered_at is None and self.time_left <= when_left


# ---- the fold: events to state -----------------------------------------------------------------


@dataclass(frozen=True)
class ComplaintEvent:
    """One thing that happened to a complaint, as any counter or the server holds it."""

    event_id: str
    complaint_uid: str
    kind: str
    at: dt.datetime
    counter_uid: str
    staff_id: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    @property
    def counter_no(self) -> str:
        number = self.data.get("counter_no")
        return (
            f"{int(number):04d}" if isinstance(number, int) and not isinstance(number, bool) else self.counter_uid[:8]
        )


def event_order(event: ComplaintEvent) -> tuple[Any, ...]:
    """Deterministic at every counter and the server: the opening first, then by time (compared in
    UTC), then counter, then event id. The counter by its number, which every counter knows alike: the
    feed names other counters by a pseudonym, their counter_uid is for the server alone."""
    number = event.data.get("counter_no")
    counter = (0, number, "") if isinstance(number, int) and not isinstance(number, bool) else (1, 0, event.counter_uid)
    return (event.kind != "opened", event.at.astimezone(dt.UTC), counter, event.event_id)


@dataclass(frozen=True)
class ComplaintConflict:
    """Two counters moved the complaint out of the same state in different ways while apart."""

    state: str  # the state both moved out of
    first_kind: str
    first_counter: str
    second_kind: str
    second_counter: str
    applied: bool  # the later move still applied (it was possible after the first); else it was ignored
    event_id: str

    def text(self, language: str | None = None) -> str:
        template = (
            QT_TRANSLATE_NOOP(
                "Complaints",
                "Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. The later one ({second}) stands; check the outcome with both counters.",
            )
            if self.applied
            else QT_TRANSLATE_NOOP(
                "Complaints",
                "Counter {first_counter}: {first}; counter {second_counter}: {second} — both from {state}. {second} was not applied (not possible after {first}); check with both counters.",
            )
        )
        return translate("Complaints", template, language).format(
            first_counter=self.first_counter,
            second_counter=self.second_counter,
            state=label(STATES, self.state, language),
            first=label(EVENT_LABELS, self.first_kind, language),
            second=label(EVENT_LABELS, self.second_kind, language),
        )


@dataclass(frozen=True)
class DoubleDecision:
    """A compensation request decided at two counters: the first decision stands, the second is shown."""

    request_id: str
    first_counter: str
    second_counter: str
    second_approved: bool
    event_id: str

    def text(self, language: str | None = None) -> str:
        template = QT_TRANSLATE_NOOP(
            "Complaints",
            "Compensation request {request} was decided at counter {first_counter} and again at counter {second_counter}; the first decision stands. Check the member's points and coupons for a double compensation.",
        )
        return translate("Complaints", template, language).format(
            request=self.request_id[:8], first_counter=self.first_counter, second_counter=self.second_counter
        )


@dataclass(frozen=True)
class CompensationDecision:
    approved: bool
    reason: str
    decided_at: dt.datetime
    decided_by: str | None
    counter: str
    event_id: str
    entry_id: str | None = None  # the ledger entry of approved points
    coupon_code: str | None = None
    gift_sku: str | None = None


@dataclass(frozen=True)
class CompensationRequestFacts:
    request_id: str  # the request's event id
    kind: str
    value: str
    points: int | None
    reason: str
    requested_at: dt.datetime
    requested_by: str | None
    counter: str
    decision: CompensationDecision | None = None


@dataclass(frozen=True)
class TimelineEntry:
    event_id: str
    kind: str
    at: dt.datetime
    staff_id: str | None
    counter: str
    text: str | None  # the note, reason, root cause or rating the event carried
    applied: bool  # False: a move ignored because another counter's came first


@dataclass(frozen=True)
class ComplaintState:
    complaint_uid: str
    ticket_no: str
    member_uid: str | None
    walk_in_name: str | None
    contact_sealed: (
        str | None
    )  # as this store holds it (base64 of the sealed contact); the contact itself never enters a fold
    contact_masked: str | None  # another counter's walk-in: the feed brings only the masked contact
    category: str
    severity: str
    shop: str | None
    description: str
    opened_at: dt.datetime
    due_at: dt.datetime
    opened_by: str | None
    counter_uid: str  # where it was taken
    state: str
    assigned_to: str | None
    root_cause: str | None
    rating: int | None
    answered_at: dt.datetime | None
    resolved_at: dt.datetime | None
    closed_at: dt.datetime | None
    escalation_reason: str | None
    updated_at: dt.datetime
    timeline: tuple[TimelineEntry, ...]
    compensations: tuple[CompensationRequestFacts, ...]
    conflicts: tuple[ComplaintConflict | DoubleDecision, ...]

    @property
    def notes(self) -> tuple[TimelineEntry, ...]:
        return tuple(entry for entry in self.timeline if entry.text)

    @property
    def pending_compensations(self) -> tuple[CompensationRequestFacts, ...]:
        return tuple(request for request in self.compensations if request.decision is None)

    @property
    def decided_compensations(self) -> tuple[CompensationRequestFacts, ...]:
        return tuple(request for request in self.compensations if request.decision is not None)

    def conflict_text(self, language: str | None = None) -> str | None:
        return "\n".join(conflict.text(language) for conflict in self.conflicts) or None

    @property
    def conflict(self) -> str | None:
        """In English, as the store's cache keeps it; the desk shows conflict_text in its language."""
        return self.conflict_text("en")

    def sla(self, now: dt.datetime, amber_share: float = 0.25) -> ComplaintSlaClock:
        return ComplaintSlaClock(self.opened_at, self.due_at, now, self.answered_at, amber_share)


def _when(value: Any) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def _event_text(event: ComplaintEvent) -> str | None:
    data = event.data
    if event.kind == "resolved":
        parts = [str(data.get("root_cause") or ""), str(data.get("note") or "")]
        return " · ".join(part for part in parts if part) or None
    if event.kind == "closed":
        parts = [f"★{data.get('rating')}" if data.get("rating") else "", str(data.get("note") or "")]
        return " · ".join(part for part in parts if part) or None
    if event.kind == "assigned":
        return " · ".join(str(part) for part in (data.get("assigned_to"), data.get("note")) if part) or None
    if event.kind == "compensation_requested":
        return f"{data.get('kind')}:{data.get('value')} · {data.get('reason') or ''}".rstrip(" ·")
    if event.kind == "compensation_decided":
        verdict = "approved" if data.get("approve") else "rejected"
        return f"{str(data.get('request_id') or '')[:8]} {verdict} · {data.get('reason') or ''}".rstrip(" ·")
    return data.get("note") or data.get("reason") or None


def fold(events: Iterable[ComplaintEvent]) -> ComplaintState:
    """Replay a complaint's events in the one order every place agrees on. A move made from a state
    the complaint had already left (two counters apart) still applies when it is possible from where
    the complaint is now; otherwise it is ignored. Either way, when another counter had moved it out
    of that state differently, the clash is kept in `conflicts`: shown, never hidden."""
    ordered = sorted(events, key=event_order)
    if not ordered or ordered[0].kind != "opened":
        raise ValueError("a complaint's events start with its opening")
    opening = ordered[0]
    facts = opening.data
    state = "open"
    assigned_to = root_cause = escalation_reason = None
    rating: int | None = None
    answered_at = resolved_at = closed_at = None
    left_by: dict[str, ComplaintEvent] = {}  # the move that last took the complaint out of each state
    timeline: list[TimelineEntry] = []
    requests: dict[str, CompensationRequestFacts] = {}
    conflicts: list[ComplaintConflict | DoubleDecision] = []
    for event in ordered:
        applied = True
        data = event.data
        if event is not opening and event.kind == "opened":
            applied = False  # one opening per complaint; a second is kept in the timeline only
        elif event.kind in MOVES:
            target = MOVES[event.kind]
            claimed = data.get("from_state")
            seen = claimed if isinstance(claimed, str) and claimed in STATES else state
            possible = target in TRANSITIONS[state]
            if seen != state:
                rival = left_by.get(seen)
                if target == state:
                    applied = False  # both counters made the same move: nothing to tell apart
                elif rival is not None and rival.counter_uid != event.counter_uid and MOVES[rival.kind] != target:
                    conflicts.append(
                        ComplaintConflict(
                            seen, rival.kind, rival.counter_no, event.kind, event.counter_no, possible, event.event_id
                        )
                    )
                    applied = possible
                else:
                    applied = possible
            else:
                applied = possible
            if applied:
                left_by[state] = event
                state = target
                if event.kind in ANSWERING and answered_at is None:
                    answered_at = event.at
                if target == "resolved":
                    resolved_at = event.at
                    root_cause = data.get("root_cause") or root_cause
                elif target == "closed":
                    closed_at = event.at
                    rating = data.get("rating") if isinstance(data.get("rating"), int) else rating
                elif target == "escalated":
                    escalation_reason = data.get("reason")
                elif target == "in_progress":
                    resolved_at = None  # reopened: the earlier resolution no longer stands
            elif event.kind in ANSWERING and answered_at is None:
                answered_at = event.at  # the customer was answered, even if another counter's move won
        elif event.kind == "assigned":
            assigned_to = data.get("assigned_to") or None
        elif event.kind == "compensation_requested":
            points = data.get("points")
            requests[event.event_id] = CompensationRequestFacts(
                event.event_id,
                str(data.get("kind") or ""),
                str(data.get("value") or ""),
                points if isinstance(points, int) else None,
                str(data.get("reason") or ""),
                event.at,
                event.staff_id,
                event.counter_no,
            )
        elif event.kind == "compensation_decided":
            request_id = str(data.get("request_id") or "")
            request = requests.get(request_id)
            if request is None:
                applied = False
            elif request.decision is not None:
                applied = False
                conflicts.append(
                    DoubleDecision(
                        request_id,
                        request.decision.counter,
                        event.counter_no,
                        bool(data.get("approve")),
                        event.event_id,
                    )
                )
            else:
                requests[request_id] = CompensationRequestFacts(
                    request.request_id,
                    request.kind,
                    request.value,
                    request.points,
                    request.reason,
                    request.requested_at,
                    request.requested_by,
                    request.counter,
                    CompensationDecision(
                        bool(data.get("approve")),
                        str(data.get("reason") or ""),
                        event.at,
                        event.staff_id,
                        event.counter_no,
                        event.event_id,
                        data.get("entry_id"),
                        data.get("coupon_code"),
                        data.get("gift_sku"),
                    ),
                )
        timeline.append(
            TimelineEntry(
                event.event_id, event.kind, event.at, event.staff_id, event.counter_no, _event_text(event), applied
            )
        )
    return ComplaintState(
        complaint_uid=opening.complaint_uid,
        ticket_no=str(facts.get("ticket_no") or ""),
        member_uid=facts.get("member_uid"),
        walk_in_name=facts.get("walk_in_name"),
        contact_sealed=facts.get("contact_sealed"),
        contact_masked=facts.get("contact_masked"),
        category=str(facts.get("category") or "other"),
        severity=str(facts.get("severity") or "normal"),
        shop=facts.get("shop"),
        description=str(facts.get("description") or ""),
        opened_at=opening.at,
        due_at=_when(facts.get("due_at") or opening.at),
        opened_by=opening.staff_id,
        counter_uid=opening.counter_uid,
        state=state,
        assigned_to=assigned_to,
        root_cause=root_cause,
        rating=rating,
        answered_at=answered_at,
        resolved_at=resolved_at,
        closed_at=closed_at,
        escalation_reason=escalation_reason,
        updated_at=max(event.at for event in ordered),
        timeline=tuple(timeline),
        compensations=tuple(requests.values()),
        conflicts=tuple(conflicts),
    )
