"""The server's tables, in SQLAlchemy Core: the same statements run on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

# One row: the change feed's head. Every writing transaction updates it first, which
# serialises writers, so sequence numbers become visible in the order they were given out
# and a reader's cursor never skips a change committed late.
feed_head = Table(
    "feed_head", metadata, Column("id", Integer, primary_key=True), Column("seq", BigInteger, nullable=False)
)

change_log = Table(
    "change_log",
    metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("kind", String(20), nullable=False),
    Column("key", String(64), nullable=False),
    Column("data", Text, nullable=False),
)

devices = Table(
    "devices",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("counter_uid", String(36), nullable=False, unique=True),
    Column("store", String(40), nullable=False),
    Column("counter_name", String(40), nullable=False),
    Column("counter_no", Integer, nullable=False, unique=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("enrolled_at", String(40), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("revoked_at", String(40)),
    Column("last_seen_at", String(40)),  # refreshed at most once a minute: it is for the administrator's list
)

enroll_codes = Table(
    "enroll_codes",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("store", String(40), nullable=False),
    Column("created_at", String(40), nullable=False),
    Column("expires_at", String(40), nullable=False),
    Column("used_by", String(36)),
)

applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("body_hash", String(64), nullable=False),
    Column("status", String(10), nullable=False),
    Column("reason", Text),
    Column("result", Text),
    Column("applied_at", String(40), nullable=False),
)

# Phone and ID number are sealed (AES-256-GCM, sync/server/personal.py) under the server's key, which is kept
# outside the database; the phone is found, and kept one per member, by its blind index (migration s0008).
members = Table(
    "members",
    metadata,
    Column("member_uid", String(36), primary_key=True),
    Column("member_no", String(13), nullable=False, unique=True),
    Column("phone_sealed", LargeBinary),
    Column("phone_index", String(64)),
    Column("name", String(40), nullable=False),
    Column("gender", String(1)),
    Column("birthday", String(10)),
    Column("id_number_sealed", LargeBinary),
    Column("referrer_uid", String(36)),
    Column("tier", String(10), nullable=False, default="regular"),
    Column("points", BigInteger, nullable=False, default=0),
    Column("consent_version", String(20)),
    Column("consented_at", String(40)),
    Column("registered_at", String(40), nullable=False),
    Column("counter_uid", String(36), nullable=False),
    Column("erased_at", String(40)),
    Index("ux_members_phone_index", "phone_index", unique=True),  # one member per phone
)

# A registration made offline for a phone the registry already has: its id points to the member.
member_aliases = Table(
    "member_aliases",
    metadata,
    Column("alias_uid", String(36), primary_key=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False),
)

ledger = Table(
    "ledger",
    metadata,
    Column("entry_id", String(36), primary_key=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False, index=True),
    Column("kind", String(20), nullable=False),
    Column("delta", BigInteger, nullable=False),
    Column("at", String(40), nullable=False),
    Column("counter_uid", String(36), nullable=False),
    Column("reverses", String(36), unique=True),
    Column("amount_fen", BigInteger),
    Column("slip_no", String(40), index=True),
    Column("shop", String(40)),
    Column("note", Text),
    Column("item", String(20)),
    Column("qty", Integer),
)

# Points in, by the day they lapse: spending takes the soonest first, the expiry job the lapsed.
points_lots = Table(
    "points_lots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False),
    Column("entry_id", String(36), nullable=False),
    Column("expires_on", String(10)),
    Column("points_left", BigInteger, nullable=False),
    Index("ix_points_lots_member", "member_uid", "expires_on"),
    Index("ix_points_lots_expiry", "expires_on"),
)

# Points kept for an online redemption between its check at the server and its push.
holds = Table(
    "holds",
    metadata,
    Column("hold_id", String(36), primary_key=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False, index=True),
    Column("points", BigInteger, nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("expires_at", String(40), nullable=False),
)

used_codes = Table(
    "used_codes",
    metadata,
    Column("nonce", String(16), primary_key=True),
    Column("member_uid", String(36), nullable=False),
    Column("step", BigInteger, nullable=False),
    Column("op_id", String(36), nullable=False),
    Column("counter_uid", String(36), nullable=False),
    Column("seen_at", String(40), nullable=False),
)

coupons = Table(
    "coupons",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False, index=True),
    Column("type_code", String(20), nullable=False),
    Column("value_fen", BigInteger),
    Column("min_spend_fen", BigInteger),
    Column("valid_until", String(10)),
    Column("issued_at", String(40), nullable=False),
    Column("issued_entry_id", String(36)),
    Column("status", String(12), nullable=False),
    Column("used_at", String(40)),
    Column("used_counter", String(36)),
    Column("write_offs", Integer, nullable=False, default=0),
)

# What a manager must look at: an overdraw, a coupon used twice, a duplicate member.
review_items = Table(
    "review_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(20), nullable=False),
    Column("member_uid", String(36)),
    Column("op_id", String(36), nullable=False),
    Column("counter_uid", String(36), nullable=False),
    Column("details", Text, nullable=False),
    Column("status", String(10), nullable=False, default="open"),
    Column("created_at", String(40), nullable=False),
    Index("ux_review_op_kind", "op_id", "kind", unique=True),
)

catalog = Table(
    "catalog",
    metadata,
    Column("kind", String(12), primary_key=True),  # gift | coupon_type
    Column("code", String(20), primary_key=True),
    Column("data", Text, nullable=False),
)

server_meta = Table(
    "server_meta", metadata, Column("key", String(40), primary_key=True), Column("value", Text, nullable=False)
)

# What happened to each complaint, as the counters sent it; append-only (triggers refuse UPDATE and
# DELETE, migration s0005). request_id: the compensation request a request or decision belongs to.
complaint_events = Table(
    "complaint_events",
    metadata,
    Column("event_id", String(36), primary_key=True),
    Column("complaint_uid", String(36), nullable=False, index=True),
    Column("kind", String(24), nullable=False),
    Column("at", String(40), nullable=False),
    Column("staff_id", String(20)),
    Column("counter_uid", String(36), nullable=False),
    Column("request_id", String(36), index=True),
    Column("data", Text, nullable=False),
    Column("received_at", String(40), nullable=False),
)

# Every "show full number" a counter asked for: who (the manager signed in there), which counter, which
# member, when. Append-only: nothing in the server changes or deletes a row.
reveals = Table(
    "reveals",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("counter_no", Integer, nullable=False),
    Column("store", String(40), nullable=False),
    Column("staff_id", String(20), nullable=False),
    Column("member_uid", String(36), nullable=False, index=True),
    Column("fields", String(40), nullable=False),
)
