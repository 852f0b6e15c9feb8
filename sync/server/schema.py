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
    # None: for every counter; a store's name: only for that store's counters (its staff accounts and PIN hashes).
    Column("store", String(40)),
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
    # True only for counters enrolled before the server knew staff (migration s0007), until their first
    # operation that names its staff: their older outbox entries name nobody. Every other device must.
    Column("accepts_unstaffed", Boolean),
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
    Column("data", Text, nullable=False),  # a walk-in's contact only masked (contact_masked), as the feed carries it
    Column("received_at", String(40), nullable=False),
    Column("contact_sealed", LargeBinary),  # a walk-in's contact phone, sealed under the server's key (s0013)
)


# Staff accounts the server knows: made at a counter (staff.saved) or by `counter-server staff add`. `store` is
# the account's store, or "" for a chain-wide account (head office), which every counter receives.
staff = Table(
    "staff",
    metadata,
    Column("store", String(40), primary_key=True),
    Column("staff_id", String(20), primary_key=True),
    Column("name", String(40), nullable=False),
    Column("role", String(10), nullable=False),
    Column("pin_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("updated_by", String(60), nullable=False),  # "server" (the CLI), or the staff ID and device that sent it
    Index("ix_staff_id", "staff_id"),
)

# Each counter's audit chain as it pushed it (migration s0008): the links only, no personal data; append-only.
audit_links = Table(
    "audit_links",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("prev", String(64), nullable=False),
    Column("digest", String(64), nullable=False),
    Column("at", String(40), nullable=False),
    Column("action", String(40), nullable=False),
    Column("outcome", String(10), nullable=False),
    Column("staff_id", String(20)),
    Column("authorized_by", String(20)),
    Column("received_at", String(40), nullable=False),
)

# The newest link of each device's chain the server acknowledged: what `audit verify` at the counter compares with.
audit_heads = Table(
    "audit_heads",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("seq", BigInteger, nullable=False),
    Column("digest", String(64), nullable=False),
    Column("acknowledged_at", String(40), nullable=False),
)

# Every rules file published, with the moment it took effect: a pushed operation is checked against the
# rules in force at its own time (sync/server/validate.py), not against today's.
rules_versions = Table(
    "rules_versions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("effective_at", String(40), nullable=False),
    Index("ix_rules_versions_effective", "effective_at"),
)

# Each change of a member's tier as the server derived it: the anniversary a downgrade waits for, and the
# tiers a member held lately (a counter that has not pulled a change yet still earns by the tier it knew).
tier_changes = Table(
    "tier_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("member_uid", String(36), ForeignKey("members.member_uid"), nullable=False),
    Column("old_tier", String(10), nullable=False),
    Column("new_tier", String(10), nullable=False),
    Column("at", String(40), nullable=False),
    Column("reason", String(20), nullable=False),
    Column("op_id", String(36)),
    Index("ix_tier_changes_member", "member_uid", "at"),
)

# Member events as the counters set them up (one row per counter running an event under its code): what a
# check-in there is worth. Activity points need the event, and the member's check-in, here first.
member_events = Table(
    "member_events",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("counter_uid", String(36), primary_key=True),
    Column("title", String(60), nullable=False),
    Column("starts_at", String(40), nullable=False),
    Column("ends_at", String(40), nullable=False),
    Column("points", Integer, nullable=False),
    Column("capacity", Integer),
    Column("created_by", String(20)),
    Column("op_id", String(36), nullable=False),
)

event_check_ins = Table(
    "event_check_ins",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("code", String(20), nullable=False),
    Column("member_uid", String(36), nullable=False),
    Column("counter_uid", String(36), nullable=False),
    Column("at", String(40), nullable=False),
    Index("ix_event_check_ins_member", "code", "member_uid"),
)

# Each applied birthday change: the month it moved from. A birthday moved this year into the month does not
# unlock this year's birthday gift (a day corrected within the month does), at the server as at the desk.
birthday_changes = Table(
    "birthday_changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("member_uid", String(36), nullable=False, index=True),
    Column("changed_at", String(40), nullable=False),
    Column("old_month", Integer),  # None: there was no birthday on file
)

# Points granted rather than earned, each given once: activity (ref: the event code), birthday (the year),
# referral (the other party), compensation (the approving decision). The unique key is the "once".
grant_claims = Table(
    "grant_claims",
    metadata,
    Column("entry_id", String(36), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("member_uid", String(36), nullable=False),
    Column("ref", String(40), nullable=False),
    Index("ux_grant_claims_once", "kind", "member_uid", "ref", unique=True),
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
