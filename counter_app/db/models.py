"""SQLAlchemy 2 typed models of the local store (the search index is an FTS5 table made by migration)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, String, Table, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class AwareDateTime(TypeDecorator[dt.datetime]):
    """ISO 8601 text with its UTC offset: the counter's local time is kept as the clerk saw it."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime stored")
        return value.isoformat(timespec="microseconds")

    def process_result_value(self, value: str | None, dialect: object) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(value)


class Base(DeclarativeBase):
    pass


def table_of(model: type[Base]) -> Table:
    """A model's table, typed as one: `__table__` is declared as any FromClause, which insert() and update() refuse."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


class Counter(Base):
    """This counter: its identity for sync and the sequences it hands out (one row)."""

    __tablename__ = "counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    counter_uid: Mapped[str] = mapped_column(String(36), unique=True)
    last_outbox_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_member_seq: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


class Member(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_uid: Mapped[str] = mapped_column(String(36), unique=True)
    member_no: Mapped[str] = mapped_column(String(13), unique=True)
    # Phone and ID number are sealed (AES-256-GCM); the blind indexes find them without revealing them.
    phone_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    phone_index: Mapped[str | None] = mapped_column(String(32), unique=True)
    phone_tail_index: Mapped[str | None] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(40))
    gender: Mapped[str | None] = mapped_column(String(1))
    birthday: Mapped[dt.date | None]
    id_number_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    # A member another counter registered comes without phone and ID number (migration 0016): found by the
    # registry's blind index of the phone (the chain's index key, from enrolment), shown by the masked forms.
    registry_index: Mapped[str | None] = mapped_column(String(64), unique=True)
    phone_masked: Mapped[str | None] = mapped_column(String(20))
    id_number_masked: Mapped[str | None] = mapped_column(String(24))
    referrer_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    tier: Mapped[str] = mapped_column(String(10), default="regular")
    points: Mapped[int] = mapped_column(Integer, default=0)
    spend_12m_cents: Mapped[int] = mapped_column(Integer, default=0)
    consent_version: Mapped[str] = mapped_column(String(20))
    consented_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    registered_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    counter_uid: Mapped[str] = mapped_column(String(36))
    erased_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)


class MemberChange(Base):
    """One field of a member's profile changed: the profile's history."""

    __tablename__ = "member_changes"
    __table_args__ = (Index("ix_member_changes_member", "member_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    op_id: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(20))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


class OutboxOp(Base):
    """An operation waiting to be pushed to the central server, in the counter's gap-free order."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    counter_uid: Mapped[str] = mapped_column(String(36))
    op_type: Mapped[str] = mapped_column(String(40))
    payload_sealed: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)  # pending | applied | rejected
    reason: Mapped[str | None] = mapped_column(Text)  # the server's words when it refused
    answered_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(20))  # who made it; None before staff travelled
    authorised_by: Mapped[str | None] = mapped_column(String(20))  # the manager who authorised it on the spot


class StoreMeta(Base):
    """Facts about the store itself (e.g. that it holds demo members and must never sync)."""

    __tablename__ = "store_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Staff(Base):
    """A person who works the desk: a role, and a PIN kept only as an Argon2 hash."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(10))
    pin_hash: Mapped[str] = mapped_column(String(200))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


class AuditEntry(Base):
    """Append-only; each entry's digest chains it to the one before (see domain/audit.py)."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    staff_id: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str | None] = mapped_column(String(10))
    authorized_by: Mapped[str | None] = mapped_column(String(20))
    counter_uid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(10))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    details: Mapped[str | None] = mapped_column(Text)
    digest: Mapped[str] = mapped_column(String(64))


class Approval(Base):
    """An operation parked for a manager: it runs only when approved."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str | None] = mapped_column(String(40))
    params_sealed: Mapped[bytes] = mapped_column(LargeBinary)  # may carry personal data
    requested_by: Mapped[str] = mapped_column(String(20))
    requested_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    decided_by: Mapped[str | None] = mapped_column(String(20))
    decided_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    reason: Mapped[str | None] = mapped_column(Text)


class LedgerEntry(Base):
    """One change of a member's points; append-only, its id is the operation's id. Balance = sum."""

    __tablename__ = "ledger"
    __table_args__ = (
        Index("ix_ledger_member_at", "member_id", "at"),
        Index("ux_ledger_slip", "slip_no", unique=True, sqlite_where=text("slip_no IS NOT NULL")),
        Index("ux_ledger_reverses", "reverses", unique=True, sqlite_where=text("reverses IS NOT NULL")),
        Index("ix_ledger_at", "at"),
        # Covering indexes for the manager reports (migration 0013): by kind and time, and earns by member.
        Index("ix_ledger_kind_at", "kind", "at", "points"),
        Index("ix_ledger_kind_member", "kind", "member_id", "at", "amount_fen"),
    )

    entry_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(20))
    points: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    slip_no: Mapped[str | None] = mapped_column(String(40))
    shop: Mapped[str | None] = mapped_column(String(40))
    at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reverses: Mapped[str | None] = mapped_column(String(36))  # the entry a manager's void undoes
    item: Mapped[str | None] = mapped_column(String(20))  # gift SKU or coupon type a redemption bought
    qty: Mapped[int | None] = mapped_column(Integer)
    pulled: Mapped[bool] = mapped_column(default=False, server_default=text("0"))  # came from the server, not made here


class PointsLot(Base):
    """Points earned together, spent first-in first-out, expiring together."""

    __tablename__ = "points_lots"
    __table_args__ = (Index("ix_points_lots_open", "member_id", "expires_on", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger.entry_id"))
    earned_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    expires_on: Mapped[dt.date | None]
    points_initial: Mapped[int] = mapped_column(Integer)
    points_left: Mapped[int] = mapped_column(Integer)


class LotDraw(Base):
    """Which lots a redemption or expiry took points from (so a void can put them back)."""

    __tablename__ = "lot_draws"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[str] = mapped_column(ForeignKey("ledger.entry_id"), index=True)
    lot_id: Mapped[int] = mapped_column(ForeignKey("points_lots.id"))
    points: Mapped[int] = mapped_column(Integer)


class TierChange(Base):
    __tablename__ = "tier_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    old_tier: Mapped[str] = mapped_column(String(10))
    new_tier: Mapped[str] = mapped_column(String(10))
    at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    reason: Mapped[str] = mapped_column(String(40))


class Gift(Base):
    """A gift in the catalog, with the stock on hand at this counter."""

    __tablename__ = "gift_catalog"

    sku: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    points: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class CouponType(Base):
    __tablename__ = "coupon_types"

    type_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    title: Mapped[str] = mapped_column(String(60))
    value_fen: Mapped[int] = mapped_column(Integer)
    min_spend_fen: Mapped[int] = mapped_column(Integer)
    valid_days: Mapped[int] = mapped_column(Integer)
    points: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class Coupon(Base):
    """One coupon: its unguessable code is written off once."""

    __tablename__ = "coupons"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    type_code: Mapped[str] = mapped_column(ForeignKey("coupon_types.type_code"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    value_fen: Mapped[int] = mapped_column(Integer)
    min_spend_fen: Mapped[int] = mapped_column(Integer)
    valid_until: Mapped[dt.date]
    issued_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    issued_entry_id: Mapped[str | None] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(12), default="issued")
    used_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    used_counter: Mapped[str | None] = mapped_column(String(36))
    used_staff: Mapped[str | None] = mapped_column(String(20))
    used_spend_fen: Mapped[int | None] = mapped_column(Integer)


class ReviewItem(Base):
    """Something the server found at sync that a manager must look at: an overdraw, a coupon used twice."""

    __tablename__ = "review_items"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(20))
    member_uid: Mapped[str | None] = mapped_column(String(36))
    op_id: Mapped[str] = mapped_column(String(36))
    counter_uid: Mapped[str] = mapped_column(String(36))
    details: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    # Set when a manager resolves it (here, or at another counter: it comes back with the change feed).
    resolved_by: Mapped[str | None] = mapped_column(String(20))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    resolution: Mapped[str | None] = mapped_column(String(10))  # accepted | rejected
    resolution_reason: Mapped[str | None] = mapped_column(Text)


class PrintJob(Base):
    """A receipt waiting for, or sent to, the counter's printer: kept until printed or cancelled, across restarts."""

    __tablename__ = "print_jobs"
    __table_args__ = (
        Index("ix_print_jobs_waiting", "status", "id"),
        Index("ix_print_jobs_reference", "reference"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(
        String(40)
    )  # the operation's id (or member / coupon number) the receipt is for
    kind: Mapped[str] = mapped_column(String(20))
    document: Mapped[str] = mapped_column(
        Text
    )  # the receipt's blocks as JSON: re-rendered for a stamped copy or another printer
    data: Mapped[bytes] = mapped_column(LargeBinary)  # the ESC/POS bytes as they go to the printer
    printer_uri: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(12))  # queued, printed, cancelled
    copy_no: Mapped[int] = mapped_column(Integer, default=0)  # 0: the original; n: stamped 重打 / REPRINT #n
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reached_printer: Mapped[bool] = mapped_column(
        default=False
    )  # an attempt may have put paper out: the next is stamped
    last_state: Mapped[str | None] = mapped_column(String(20))  # what the printer said last: paper_out, unreachable, …
    last_error: Mapped[str | None] = mapped_column(Text)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    printed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(20))
    cancelled_by: Mapped[str | None] = mapped_column(String(20))


class Complaint(Base):
    """A complaint as its events add up: a cache for lists and reports, rebuilt from `complaint_events` after each change."""

    __tablename__ = "complaints"
    __table_args__ = (
        Index("ix_complaints_state_due", "state", "due_at"),
        Index("ix_complaints_opened", "opened_at"),
        Index("ix_complaints_member", "member_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_uid: Mapped[str] = mapped_column(String(36), unique=True)  # made by the counter that took it
    ticket_no: Mapped[str] = mapped_column(
        String(24), unique=True
    )  # C-YYYYMMDD-CCCC-NNN: counter no. keeps it unique in the chain
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))  # None: a walk-in customer
    walk_in_name: Mapped[str | None] = mapped_column(String(40))
    contact_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # a phone or other contact: personal data, sealed
    contact_masked: Mapped[str | None] = mapped_column(
        String(20)
    )  # another counter's walk-in: only this, from the feed
    category: Mapped[str] = mapped_column(
        String(20)
    )  # attitude, response, after_sales, quality, price, environment, other
    severity: Mapped[str] = mapped_column(String(10))  # low, normal, high
    shop: Mapped[str | None] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(14))  # open, acknowledged, in_progress, resolved, closed, escalated
    assigned_to: Mapped[str | None] = mapped_column(String(20))
    root_cause: Mapped[str | None] = mapped_column(String(20))
    rating: Mapped[int | None] = mapped_column(Integer)  # 1-5, given when closing
    opened_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    due_at: Mapped[dt.datetime] = mapped_column(
        AwareDateTime
    )  # the answer promise (24 h by default, per severity in the rules)
    answered_at: Mapped[dt.datetime | None] = mapped_column(
        AwareDateTime
    )  # first acknowledgement, progress or resolution: the SLA is met if ≤ due_at
    resolved_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    conflict: Mapped[str | None] = mapped_column(
        Text
    )  # two counters moved it apart (e.g. resolved here, escalated there): shown, not hidden
    counter_uid: Mapped[str] = mapped_column(String(36))  # where it was taken
    updated_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)


class ComplaintEvent(Base):
    """What happened to a complaint, append-only; the event id is its outbox operation's id, so it syncs once."""

    __tablename__ = "complaint_events"
    __table_args__ = (Index("ix_complaint_events_complaint", "complaint_uid", "at"),)

    event_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    complaint_uid: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(
        String(24)
    )  # opened, acknowledged, progress, note, assigned, escalated, resolved, closed, compensation_requested, compensation_decided
    payload: Mapped[str] = mapped_column(Text)  # JSON
    at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    staff_id: Mapped[str | None] = mapped_column(String(20))
    counter_uid: Mapped[str] = mapped_column(String(36))
    pulled: Mapped[bool] = mapped_column(default=False, server_default=text("0"))  # came from the server, not made here


class MemberEvent(Base):
    """An event members sign up for and check in to by scanning their code (activity points per the rules)."""

    __tablename__ = "member_events"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)  # e.g. SPRING-FAIR
    title: Mapped[str] = mapped_column(String(60))
    starts_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    points: Mapped[int] = mapped_column(Integer)  # activity points for checking in
    capacity: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    created_by: Mapped[str | None] = mapped_column(String(20))


class EventSignup(Base):
    """A member signed up for an event; checked in at most once."""

    __tablename__ = "event_signups"

    event_code: Mapped[str] = mapped_column(ForeignKey("member_events.code"), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    signed_up_at: Mapped[dt.datetime] = mapped_column(AwareDateTime)
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(AwareDateTime)
    entry_id: Mapped[str | None] = mapped_column(String(36))  # the activity points' ledger entry
