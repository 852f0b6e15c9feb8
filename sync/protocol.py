"""The wire schemas both ends share, and the protocol version they speak."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated, Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

PROTOCOL_VERSION: Final = 1
API_PREFIX = "/v1"

MAX_BATCH = 500  # operations in one push
MAX_PAGE = 5000  # changes in one pull page
MAX_BODY_BYTES = 2 * 1024 * 1024  # a push of 500 operations is about 250 KB

Uuid = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
OpType = Annotated[str, StringConstraints(pattern=r"^[a-z_]+\.[a-z_-]+$", max_length=40)]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=80)]


# Pydantic's lax mode would read "1" or true as the number 1, and a number, even one in quotes, as
# seconds since 1970. The published schema allows neither, and no counter sends them: refuse them.
def _number_not_text(value: Any) -> Any:
    if isinstance(value, (str, bool)):
        raise ValueError("a JSON number is expected")
    return value


def _time_not_number(value: Any) -> Any:
    try:
        float(value)
    except (TypeError, ValueError):
        return value
    raise ValueError("a date and time with its UTC offset is expected, e.g. 2026-11-23T10:30:00+08:00")


ProtocolVersion = Annotated[Literal[1], BeforeValidator(_number_not_text)]
JsonInt = Annotated[int, BeforeValidator(_number_not_text)]
# When an operation happened on the counter; without an offset the time would be ambiguous.
Timestamp = Annotated[AwareDatetime, BeforeValidator(_time_not_number)]

OpStatus = Literal["applied", "rejected", "retry"]
CodeKind = Literal["certificate", "card", "ticket"]
ChangeKind = Literal[
    "member", "alias", "entry", "coupon", "review", "gift", "coupon_type", "rules", "code", "complaint", "staff"
]
# A staff ID as the counters make it (domain/staff.normalize_staff_id), e.g. S012.
StaffRef = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,19}$")]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Op(Strict):
    """One outbox entry as it travels: the client-made op_id is the idempotency key."""

    op_id: Uuid
    seq: JsonInt = Field(ge=1, le=2**53)
    type: OpType
    at: Timestamp
    payload: dict[str, Any]
    # Who made it at the desk, and the manager who authorised it there, if one did; the server checks both
    # against the accounts it knows. Outbox entries made before counters sent them carry neither.
    staff_id: StaffRef | None = None
    authorised_by: StaffRef | None = None

    def body_hash(self) -> str:
        """What must match when an op_id comes again: a different body under the same id is a conflict.
        Who made it counts only when given, so an operation sent before staff travelled hashes as it did."""
        who = {name: value for name in ("staff_id", "authorised_by") if (value := getattr(self, name)) is not None}
        body = json.dumps(
            {"type": self.type, "payload": self.payload, **who},
            sort_keys=True,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        return hashlib.sha256(body.encode()).hexdigest()


class PushRequest(Strict):
    protocol: ProtocolVersion = PROTOCOL_VERSION
    ops: list[Op] = Field(max_length=MAX_BATCH)


class OpResult(Strict):
    op_id: str
    status: OpStatus
    reason: str | None = None  # English, for logs
    code: str | None = None  # why it was refused, for the counter to say in the clerk's language
    params: dict[str, str] | None = None
    result: dict[str, Any] | None = None


class PushResponse(Strict):
    protocol: int = PROTOCOL_VERSION
    results: list[OpResult]
    server_time: dt.datetime


class HoldRequest(Strict):
    """Before an online redemption: keep these points for the operation about to be pushed."""

    protocol: ProtocolVersion = PROTOCOL_VERSION
    op_id: Uuid  # the redemption's op id; its arrival releases the hold
    member_uid: Uuid
    points: JsonInt = Field(ge=1, le=10**9)
    unsent: JsonInt = Field(ge=-(10**12), le=10**12)  # this counter's changes to the member not yet pushed


class HoldResponse(Strict):
    held: bool
    known: bool  # False: the server has not heard of the member yet (registered offline, not pushed)
    available: int | None = None  # what the member may spend now, as the server sees it


class Change(Strict):
    seq: int
    kind: ChangeKind
    key: str
    data: dict[str, Any]


class ChangesPage(Strict):
    protocol: int = PROTOCOL_VERSION
    changes: list[Change]
    cursor: int  # pass back as `after` for the next page
    head: int  # the newest sequence now: how far a first sync has to go
    more: bool
    server_time: dt.datetime


class EnrollRequest(Strict):
    protocol: ProtocolVersion = PROTOCOL_VERSION
    code: Annotated[str, StringConstraints(min_length=4, max_length=40)]
    counter_uid: Uuid
    counter_name: Annotated[str, StringConstraints(max_length=40)] = ""


# An Ed25519 public key, raw 32 bytes in unpadded base64url.
PublicKey = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{43}$")]


class EnrollResponse(Strict):
    device_id: str
    token: str
    store: str
    counter_no: int
    server_time: dt.datetime
    code_key: PublicKey  # the chain's member-code issuer key: the counter pins it and verifies codes offline
    # The key of the phones' blind index (base64): the feed names a member's phone only by it, and the counter
    # finds a member by a typed phone offline with it. Kept sealed in the counter's store.
    phone_index_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")] | None = None


class PhoneIndexKeyRequest(Strict):
    protocol: ProtocolVersion = PROTOCOL_VERSION


class PhoneIndexKey(Strict):
    """The blind index's key again, for a counter enrolled before enrolment handed it out."""

    phone_index_key: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class RevealRequest(Strict):
    """ "Show full number" at a counter for a member it did not register: asked online by the manager signed in."""

    protocol: ProtocolVersion = PROTOCOL_VERSION
    member_uid: Uuid
    staff_id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{1,19}$")]


class RevealResponse(Strict):
    member_uid: str  # the registry's id (an offline duplicate is answered for the member it became)
    member_no: str
    phone: str | None
    id_number: str | None


class ServerInfo(Strict):
    protocol: int = PROTOCOL_VERSION
    name: str
    server_time: dt.datetime
    code_key: PublicKey


class CodeRequest(Strict):
    """A member certificate for a phone's public key, a static card code, or an event ticket, signed by the chain's issuer key."""

    protocol: ProtocolVersion = PROTOCOL_VERSION
    member_uid: Uuid
    kind: CodeKind
    public_key: PublicKey | None = None  # for a certificate: the member device's key
    event_uid: Uuid | None = None  # for a ticket: the event it admits the member to


class CodeResponse(Strict):
    member_uid: str  # the registry's id: an offline duplicate is answered for the member it became
    certificate: str | None = None  # base64url of the signed certificate
    card: str | None = None  # the card's whole payload (MC1.…)
    ticket: str | None = None  # the event ticket's whole payload (EV1.…)


Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
MAX_AUDIT_BATCH = 500  # audit links in one push
AuditStatus = Literal["acknowledged", "refused"]


class AuditLink(Strict):
    """One entry of a counter's audit chain as the server checks it: the link, and no personal data."""

    seq: JsonInt = Field(ge=1, le=2**53)
    prev: Digest  # the digest of the entry before (64 zeros before the first)
    digest: Digest
    at: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    action: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    outcome: Annotated[str, StringConstraints(min_length=1, max_length=10)]
    staff_id: Annotated[str, StringConstraints(max_length=20)] | None = None
    authorized_by: Annotated[str, StringConstraints(max_length=20)] | None = None


class AuditPush(Strict):
    """The entries the server has not acknowledged yet, in sequence order; sending one again changes nothing."""

    protocol: ProtocolVersion = PROTOCOL_VERSION
    links: list[AuditLink] = Field(min_length=1, max_length=MAX_AUDIT_BATCH)


class AuditHead(Strict):
    """The newest entry of a counter's chain the server acknowledged; seq 0 before the first."""

    seq: int
    digest: str
    acknowledged_at: dt.datetime | None = None


class AuditAnswer(Strict):
    status: AuditStatus
    head: AuditHead  # after this push: unchanged when refused
    code: str | None = None  # refused: gap, fork or broken_link
    reason: str | None = None  # English, for logs
    seq: int | None = None  # refused: the first entry that does not continue the chain
    review_id: int | None = None  # refused: the server's review item
    server_time: dt.datetime


class Problem(Strict):
    """Every refusal: a sentence saying what is wrong and what to do."""

    detail: str


# What each operation type carries. Counters may add fields (a newer counter talking to an older
# server); the server reads only these.
class Payload(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class MemberRegistered(Payload):
    member_uid: Uuid
    member_no: Annotated[str, StringConstraints(pattern=r"^M\d{12}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    phone: Annotated[str, StringConstraints(max_length=20)] | None = None
    gender: Literal["F", "M"] | None = None
    birthday: dt.date | None = None
    id_number: Annotated[str, StringConstraints(max_length=18)] | None = None
    referrer_uid: Uuid | None = None
    consent_version: Annotated[str, StringConstraints(max_length=20)] | None = None
    consented_at: dt.datetime | None = None


ProfileField = Literal["phone", "name", "gender", "birthday", "id_number"]


class MemberUpdated(Payload):
    member_uid: Uuid
    changes: dict[ProfileField, Annotated[str, StringConstraints(max_length=60)] | None]
    before: dict[ProfileField, Annotated[str, StringConstraints(max_length=60)] | None] | None = (
        None  # as the counter saw them
    )


class MemberErased(Payload):
    member_uid: Uuid
    reason: Annotated[str, StringConstraints(max_length=200)] | None = None


class MemberTier(Payload):
    member_uid: Uuid
    tier: Literal["regular", "silver", "gold", "diamond"]


class LedgerOp(Payload):
    """Every points.* operation: `delta` is signed, the entry id is the op id."""

    member_uid: Uuid
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z-]{2,20}$")]
    delta: int = Field(ge=-(10**9), le=10**9)
    amount_fen: int | None = Field(default=None, ge=0, le=10**12)
    slip_no: Annotated[str, StringConstraints(max_length=40)] | None = None
    shop: Annotated[str, StringConstraints(max_length=40)] | None = None
    note: Annotated[str, StringConstraints(max_length=500)] | None = None
    item: Annotated[str, StringConstraints(max_length=20)] | None = None
    qty: int | None = Field(default=None, ge=0, le=10**6)
    reverses: Uuid | None = None
    tier: Literal["regular", "silver", "gold", "diamond"] | None = None  # reached by this earning
    expires_on: dt.date | None = None  # for points coming in: the day they lapse, by the counter's rules
    # What the server checks the operation against (sync/server/validate.py): an earn's slip time, which
    # decides the day's promotion and the expiry; and the version of the rules the counter applied.
    at: Timestamp | None = None
    rules_version: int | None = Field(default=None, ge=1, le=2**31 - 1)
    request_id: Uuid | None = None  # compensation points: the compensation request whose approval they carry out


EventCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9][A-Z0-9-]{0,18}[A-Z0-9]$")]


class EventCreated(Payload):
    """A manager set up a member event at a counter: the server then knows what its check-in is worth."""

    code: EventCode
    title: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    starts_at: Timestamp
    ends_at: Timestamp
    points: int = Field(ge=0, le=10**6)
    capacity: int | None = Field(default=None, ge=1, le=100_000)
    created_by: Annotated[str, StringConstraints(max_length=20)] | None = None


class EventCheckedIn(Payload):
    """A member checked in at an event at this counter: activity points for it follow as their own op."""

    code: EventCode
    member_uid: Uuid
    via: Literal["code", "card", "ticket", "ref"] | None = None
    walk_in: bool = False


class CouponIssued(Payload):
    member_uid: Uuid
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{4,20}$")]
    type: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    value_fen: int | None = Field(default=None, ge=0, le=10**10)
    min_spend_fen: int | None = Field(default=None, ge=0, le=10**12)
    valid_until: dt.date | None = None
    issued_entry_id: Uuid | None = None


class CouponWrittenOff(Payload):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{4,20}$")]
    spend_fen: int | None = Field(default=None, ge=0, le=10**12)


class CodeUsed(Payload):
    """A member's dynamic code was scanned: its nonce, so a replay at another counter is flagged."""

    member_uid: Uuid
    nonce: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    step: int = Field(ge=0, le=2**32 - 1)


class ReviewResolved(Payload):
    """A manager at a counter resolved a review item: the first resolution stands, every counter hears of it."""

    review_id: int = Field(ge=1, le=2**53)
    outcome: Literal["accepted", "rejected"]
    reason: Annotated[str, StringConstraints(max_length=500)] | None = None
    resolved_by: Annotated[str, StringConstraints(min_length=1, max_length=20)]


ComplaintKind = Literal[
    "opened",
    "acknowledged",
    "progress",
    "escalated",
    "resolved",
    "closed",
    "note",
    "assigned",
    "compensation_requested",
    "compensation_decided",
]
ComplaintStateName = Literal["open", "acknowledged", "in_progress", "resolved", "closed", "escalated"]
ComplaintText = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
ReasonText = Annotated[str, StringConstraints(min_length=1, max_length=500)]
ItemCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_-]{1,20}$")]


class ComplaintEventOp(Payload):
    """One complaint event (op type complaint.event, op id = event id): append-only at the server, sent
    to every counter in the feed, where the complaint's state is folded from its events."""

    complaint_uid: Uuid
    kind: ComplaintKind
    at: Timestamp
    staff_id: StaffRef | None = None
    counter_uid: Uuid
    data: dict[str, Any]  # checked by the kind's model in COMPLAINT_DATA


class ComplaintData(Payload):
    counter_no: int | None = Field(default=None, ge=0, le=9999)


class ComplaintOpened(ComplaintData):
    ticket_no: Annotated[str, StringConstraints(pattern=r"^C-\d{8}-\d{4}-\d{3,}$", max_length=24)]
    member_uid: Uuid | None = None  # None: a walk-in customer
    walk_in_name: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    contact: Annotated[str, StringConstraints(pattern=r"^\d{5,20}$")] | None = (
        None  # pushed in clear, as a member's phone is; the server seals it, the feed carries only contact_masked
    )
    category: Literal["attitude", "response", "after_sales", "quality", "price", "environment", "other"]
    severity: Literal["low", "normal", "high"]
    shop: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = None
    description: ComplaintText
    due_at: Timestamp


class ComplaintMoved(ComplaintData):
    """acknowledged, progress, escalated, resolved, closed: from_state is what the counter saw."""

    from_state: ComplaintStateName | None = None
    note: ComplaintText | None = None
    reason: ReasonText | None = None
    root_cause: (
        Literal[
            "staff_conduct",
            "process",
            "product_defect",
            "pricing_error",
            "facility",
            "misunderstanding",
            "third_party",
            "other",
        ]
        | None
    ) = None
    rating: int | None = Field(default=None, ge=1, le=5)


class ComplaintNoted(ComplaintData):
    note: ComplaintText


class ComplaintAssigned(ComplaintData):
    assigned_to: StaffRef
    note: ComplaintText | None = None


class CompensationAsked(ComplaintData):
    kind: Literal["points", "coupon", "gift"]
    value: ItemCode
    points: int | None = Field(default=None, ge=1, le=10**7)
    reason: ReasonText


def _true_or_false(value: Any) -> Any:
    """Not "yes", 1 or "true": a manager's decision is a JSON boolean."""
    if not isinstance(value, bool):
        raise ValueError("true or false is expected")
    return value


class CompensationDecided(ComplaintData):
    request_id: Uuid
    approve: Annotated[bool, BeforeValidator(_true_or_false)]
    reason: ReasonText | None = None  # required for a rejection, at the counter
    entry_id: Uuid | None = None  # the ledger entry of approved points (its own points.compensation op)
    coupon_code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{4,20}$")] | None = None
    gift_sku: ItemCode | None = None


COMPLAINT_DATA: dict[str, type[ComplaintData]] = {
    "opened": ComplaintOpened,
    "acknowledged": ComplaintMoved,
    "progress": ComplaintMoved,
    "escalated": ComplaintMoved,
    "resolved": ComplaintMoved,
    "closed": ComplaintMoved,
    "note": ComplaintNoted,
    "assigned": ComplaintAssigned,
    "compensation_requested": CompensationAsked,
    "compensation_decided": CompensationDecided,
}


class StaffSaved(Payload):
    """A staff account made or changed at a counter (op type staff.saved), for the counter's own store: the
    server keeps it if the op's staff may manage staff there, and sends it to the store's other counters."""

    staff_id: StaffRef
    name: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    role: Literal["cashier", "clerk", "manager", "admin"]
    pin_hash: Annotated[str, StringConstraints(pattern=r"^\$argon2(id|i|d)\$", max_length=200)]
    active: Annotated[bool, BeforeValidator(_true_or_false)]
    # Sent when the counter enrols: an account the server knows already keeps the server's version.
    joining: Annotated[bool, BeforeValidator(_true_or_false)] = False


PAYLOADS: dict[str, type[Payload]] = {
    "staff.saved": StaffSaved,
    "code.used": CodeUsed,
    "complaint.event": ComplaintEventOp,
    "review.resolved": ReviewResolved,
    "member.registered": MemberRegistered,
    "member.updated": MemberUpdated,
    "member.erased": MemberErased,
    "member.tier": MemberTier,
    "coupon.issued": CouponIssued,
    "coupon.written_off": CouponWrittenOff,
    "event.created": EventCreated,
    "event.checked_in": EventCheckedIn,
}


def payload_model(op_type: str) -> type[Payload] | None:
    return LedgerOp if op_type.startswith("points.") else PAYLOADS.get(op_type)


class GiftItem(Payload):
    sku: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9\-_]{1,20}$")]
    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    points: int = Field(ge=1, le=10**8)
    stock: int = Field(ge=0, le=10**7)
    active: bool = True


class CouponKind(Payload):
    type_code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9\-_]{1,20}$")]
    title: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    value_fen: int = Field(ge=1, le=10**10)
    min_spend_fen: int = Field(ge=0, le=10**12)
    valid_days: int = Field(ge=1, le=3660)
    points: int = Field(ge=1, le=10**8)
    active: bool = True


class Catalog(Payload):
    gifts: list[GiftItem] = []
    coupon_types: list[CouponKind] = []
