"""Applying pushed operations: once each, by op id, in the same transaction as their effect."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, TypeVar

from pydantic import ValidationError
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from counter_app.domain.errors import DeskError
from counter_app.domain.members import format_member_no, normalize_id_number, normalize_name, normalize_phone
from sync.protocol import (
    CodeUsed,
    ComplaintEventOp,
    CouponIssued,
    CouponWrittenOff,
    EventCheckedIn,
    EventCreated,
    HoldRequest,
    HoldResponse,
    LedgerOp,
    MemberErased,
    MemberRegistered,
    MemberTier,
    MemberUpdated,
    Op,
    OpResult,
    OpStatus,
    ReviewResolved,
    StaffSaved,
    payload_model,
)
from sync.server import personal
from sync.server.codes import record_use
from sync.server.schema import (
    applied_ops,
    coupons,
    devices,
    holds,
    ledger,
    member_aliases,
    members,
    points_lots,
    review_items,
)
from sync.server.store import emit

log = logging.getLogger("counter_server")

# Member numbers the server hands out when two counters, numbered alike before they enrolled,
# made the same number: the member keeps its id and gets a number from this range.
RENUMBER_BASE = 9_000_000
SERVER_COUNTER = "server"  # entries the server makes itself: expiry


# The statements every push runs, built once: building a statement costs more than running it.
_APPLIED = select(applied_ops).where(applied_ops.c.op_id.in_(bindparam("op_ids", expanding=True)))
_RECORD = insert(applied_ops)
_MEMBER = select(members).where(members.c.member_uid == bindparam("uid"))
_ALIAS = select(member_aliases.c.member_uid).where(member_aliases.c.alias_uid == bindparam("uid"))
_ADD_ENTRY = insert(ledger)
_SET_POINTS = update(members).where(members.c.member_uid == bindparam("uid")).values(points=bindparam("points"))
_ADD_LOT = insert(points_lots)
_RELEASE_HOLD = delete(holds).where(holds.c.hold_id == bindparam("hold_id"))
_SLIPS_KNOWN = select(ledger.c.slip_no).where(ledger.c.slip_no.in_(bindparam("slips", expanding=True)))


class Rejected(Exception):
    """The operation can never apply. The counter shows it in its review list, in the clerk's
    language from `code` and `params`; the English text is for logs and the server's own tools."""

    def __init__(self, why: str, text: str, **params: Any) -> None:
        super().__init__(text)
        self.code = why
        self.params = {key: str(value) for key, value in params.items()}


@dataclass
class _Batch:
    """What a push writes in bulk at its end. Earnings are most of the traffic; one by one, each
    would cost the database four round trips (PostgreSQL pays for every one)."""

    members: dict[str, SimpleNamespace] = field(default_factory=dict)  # read this batch, by the uid asked for
    points: dict[str, int] = field(default_factory=dict)  # balances changed this batch, by registry uid
    entries: list[dict[str, Any]] = field(default_factory=list)
    lots: list[dict[str, Any]] = field(default_factory=list)
    slips: set[str] = field(default_factory=set)  # slips in the ledger, or earlier in this batch
    # What the checks read once per push (the rules, staff accounts). Here, not in connection.info, which lives
    # as long as the pooled connection: a rules file published while the server runs would go unseen.
    checks: dict[str, Any] = field(default_factory=dict)
    rules_checks: Any = None  # validate.Checks: what the rules checks of this push share
    ops: list[Op] = field(default_factory=list)  # the whole push, for checks that read ahead in one query


def _flush(connection: Connection) -> None:
    """Write what the batch holds: before anything reads the ledger, the lots or balances back."""
    batch: _Batch = connection.info["batch"]
    if batch.entries:
        connection.execute(_ADD_ENTRY, batch.entries)
        batch.entries = []
    if batch.lots:
        connection.execute(_ADD_LOT, batch.lots)
        batch.lots = []
    if batch.points:
        connection.execute(_SET_POINTS, [{"uid": uid, "points": points} for uid, points in batch.points.items()])
        batch.points = {}


class RetryLater(Exception):
    """The database could not take the batch now (a lock, a lost connection, our own bug): the whole
    transaction rolls back and every op of the batch is answered "retry", to come again in order."""


def apply_ops(connection: Connection, device: Any, ops: list[Op], now: dt.datetime) -> list[OpResult]:
    """All of a push in one transaction. An op that can never apply is refused before it writes
    anything, so a refusal needs no savepoint; an op that fails otherwise fails the whole batch."""
    if not ops:
        return []
    done = {row.op_id: row for row in connection.execute(_APPLIED, {"op_ids": [op.op_id for op in ops]})}
    slips = [str(op.payload["slip_no"]) for op in ops if op.type.startswith("points.") and op.payload.get("slip_no")]
    batch = connection.info["batch"] = _Batch(ops=ops)
    if slips:
        batch.slips.update(connection.execute(_SLIPS_KNOWN, {"slips": slips}).scalars())
    results, records = [], []
    try:
        for op in ops:
            try:
                result, record = _apply_once(connection, device, op, now, done.get(op.op_id))
            except Exception as error:
                log.warning("op %s (%s) not applied this time: %s", op.op_id, op.type, error)
                raise RetryLater(str(error)) from error
            results.append(result)
            if record is not None:
                records.append(record)
        _flush(connection)
    finally:
        del connection.info["batch"]
    if records:
        connection.execute(_RECORD, records)
    return results


def retry_all(ops: list[Op]) -> list[OpResult]:
    return [
        OpResult(
            op_id=op.op_id,
            status="retry",
            reason="The server could not apply this operation now; it will be sent again.",
        )
        for op in ops
    ]


def _apply_once(
    connection: Connection, device: Any, op: Op, now: dt.datetime, done: Any
) -> tuple[OpResult, dict[str, Any] | None]:
    """Applied before: the stored answer (the same id with another body is refused). Else apply, and
    give the answer to record in the same transaction as the effect."""
    body_hash = personal.body_mac(connection.info["keys"], op.body_hash())
    if done is not None:
        if done.body_hash != body_hash:
            return OpResult(
                op_id=op.op_id,
                status="rejected",
                code="reused_id",
                reason="This operation id was used before with a different content; the operation was not applied.",
            ), None
        stored = _stored_answer(done.result)
        if done.status == "rejected":
            if stored is None:
                raise ValueError(f"op {op.op_id} was recorded as refused without the refusal's code")
            return OpResult(
                op_id=op.op_id, status="rejected", reason=done.reason, code=stored["code"], params=stored["params"]
            ), None
        return OpResult(op_id=op.op_id, status=done.status, result=stored), None
    try:
        result = _apply(connection, device, op, now)
    except Rejected as refusal:
        reason = str(refusal)
        refused = {"code": refusal.code, "params": refusal.params}
        return OpResult(
            op_id=op.op_id, status="rejected", reason=reason, code=refusal.code, params=refusal.params
        ), _record(device, op, body_hash, "rejected", reason, refused, now)
    return OpResult(op_id=op.op_id, status="applied", result=result), _record(
        device, op, body_hash, "applied", None, result, now
    )


def _record(
    device: Any,
    op: Op,
    body_hash: str,
    status: OpStatus,
    reason: str | None,
    result: dict[str, Any] | None,
    now: dt.datetime,
) -> dict[str, Any]:
    """The applied_ops row that answers the same op id when it comes again."""
    return {
        "op_id": op.op_id,
        "device_id": device.device_id,
        "body_hash": body_hash,
        "status": status,
        "reason": reason,
        "result": json.dumps(result, ensure_ascii=False) if result is not None else None,
        "applied_at": now.isoformat(),
    }


def _stored_answer(result: str | None) -> dict[str, Any] | None:
    """An applied_ops row's result as _record wrote it: a JSON object, or nothing."""
    if not result:
        return None
    stored = json.loads(result)
    if not isinstance(stored, dict):
        raise ValueError(f"a recorded answer is not a JSON object: {result[:80]!r}")
    return stored


def _apply(connection: Connection, device: Any, op: Op, now: dt.datetime) -> dict[str, Any] | None:
    model = payload_model(op.type)
    if model is None:
        raise Rejected("unknown_type", f"Unknown operation type {op.type!r}; update the server.", type=op.type)
    try:
        payload = model.model_validate(op.payload)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(map(str, first["loc"]))
        raise Rejected(
            "malformed", f"Malformed {op.type}: {field}: {first['msg']}", field=field, problem=first["msg"]
        ) from None
    # Imported here to break an import cycle, as complaints below: sync.server.staff imports Rejected from us.
    from sync.server.staff import check_op, save_from_counter

    check_op(connection, device, op, payload)  # who made it and who authorised it, before anything is written
    if isinstance(payload, StaffSaved):
        return save_from_counter(connection, device, op, payload, now)
    if isinstance(payload, MemberRegistered):
        return _register(connection, device, op, payload)
    if isinstance(payload, MemberUpdated):
        return _update_member(connection, device, op, payload, now)
    if isinstance(payload, MemberErased):
        _erase(connection, payload, now)
        return None
    if isinstance(payload, MemberTier):
        return _tier(connection, op, payload)
    if isinstance(payload, LedgerOp):
        return _ledger(connection, device, op, payload, now)
    if isinstance(payload, CouponIssued):
        _issue_coupon(connection, op, payload)
        return None
    if isinstance(payload, CodeUsed):
        return _code_used(connection, device, op, payload, now)
    if isinstance(payload, ComplaintEventOp):
        # Imported here to break an import cycle: sync.server.complaints imports Rejected, open_review and resolve from us.
        from sync.server.complaints import apply_complaint_event

        return apply_complaint_event(connection, device, op, payload, now)
    if isinstance(payload, ReviewResolved):
        return _resolve_review(connection, device, op, payload)
    if isinstance(payload, (EventCreated, EventCheckedIn)):
        from sync.server.grants import apply_event_op  # imported here: grants imports Rejected and resolve from us

        return apply_event_op(connection, device, op, payload, now)
    assert isinstance(payload, CouponWrittenOff)
    return _write_off(connection, device, op, payload, now)


def _code_used(connection: Connection, device: Any, op: Op, payload: CodeUsed, now: dt.datetime) -> dict[str, Any]:
    member_uid = resolve(connection, payload.member_uid) or payload.member_uid
    first = record_use(connection, device, op.op_id, member_uid, payload.nonce, payload.step, op.at)
    if first is None:
        return {}
    # The card already opened at the second counter (it was offline, or the codes crossed): a manager looks at it.
    member_no = connection.execute(select(members.c.member_no).where(members.c.member_uid == member_uid)).scalar()
    first_no = connection.execute(
        select(devices.c.counter_no).where(devices.c.counter_uid == first["first_counter"])
    ).scalar()
    open_review(
        connection,
        "replayed_code",
        member_uid,
        op.op_id,
        device.counter_uid,
        {
            "nonce": payload.nonce,
            "member_no": member_no,
            **first,
            "first_counter_no": first_no,
            "counter_no": device.counter_no,
            "again_at": op.at.isoformat(),
        },
        now,
    )
    return {"replayed": True}


def resolve(connection: Connection, member_uid: str) -> str | None:
    """The registry's id for a member: itself, or the member an offline duplicate was aliased to."""
    found = connection.execute(select(members.c.member_uid).where(members.c.member_uid == member_uid)).scalar()
    if found is not None:
        return str(found)
    return connection.execute(_ALIAS, {"uid": member_uid}).scalar()


def _member(connection: Connection, member_uid: str) -> Any:
    row = connection.execute(_MEMBER, {"uid": member_uid}).first()
    if row is not None:
        return row
    alias_of = connection.execute(_ALIAS, {"uid": member_uid}).scalar()
    if alias_of is None:
        raise Rejected(
            "unknown_member",
            f"No member {member_uid} in the registry; the operation refers to a member the server never received.",
            member=member_uid,
        )
    return connection.execute(_MEMBER, {"uid": alias_of}).one()


Given = TypeVar("Given")
Clean = TypeVar("Clean")


def _checked(check: Callable[[Given], Clean], value: Given, field: str) -> Clean:
    try:
        return check(value)
    except DeskError as error:
        raise Rejected("invalid", f"{field}: {error.message('en')}", field=field, problem=error.message("en")) from None
    except ValueError as error:  # dt.date.fromisoformat: not a date at all
        raise Rejected("invalid", f"{field}: {error}", field=field, problem=str(error)) from None


def _register(connection: Connection, device: Any, op: Op, payload: MemberRegistered) -> dict[str, Any]:
    phone = _checked(normalize_phone, payload.phone, "phone") if payload.phone else None
    name = _checked(normalize_name, payload.name, "name")
    id_number = _checked(normalize_id_number, payload.id_number, "id_number") if payload.id_number else None
    keys: personal.ServerKeys = connection.info["keys"]
    if phone is not None:
        holder = connection.execute(
            select(members.c.member_uid, members.c.member_no).where(
                members.c.phone_index == personal.phone_index(keys.index, phone)
            )
        ).first()
        if holder is not None and holder.member_uid != payload.member_uid:
            # One member per phone: the offline registration becomes another name for the member.
            connection.execute(
                insert(member_aliases).values(alias_uid=payload.member_uid, member_uid=holder.member_uid)
            )
            emit(
                connection,
                "alias",
                payload.member_uid,
                {"alias_uid": payload.member_uid, "member_uid": holder.member_uid, "member_no": holder.member_no},
            )
            return {"alias_of": holder.member_uid, "member_no": holder.member_no}
    member_no = payload.member_no
    if connection.execute(select(members.c.member_uid).where(members.c.member_no == member_no)).first() is not None:
        taken = connection.execute(
            select(func.count()).select_from(members).where(members.c.member_no.like(f"M{device.counter_no:04d}9%"))
        ).scalar_one()
        member_no = format_member_no(device.counter_no, RENUMBER_BASE + taken + 1)
    referrer = resolve(connection, payload.referrer_uid) if payload.referrer_uid else None
    connection.execute(
        insert(members).values(
            member_uid=payload.member_uid,
            member_no=member_no,
            **personal.sealed_columns(keys, payload.member_uid, phone, id_number),
            name=name,
            gender=payload.gender,
            birthday=payload.birthday.isoformat() if payload.birthday else None,
            referrer_uid=referrer,
            tier="regular",
            points=0,
            consent_version=payload.consent_version,
            consented_at=payload.consented_at.isoformat() if payload.consented_at else None,
            registered_at=op.at.isoformat(),
            counter_uid=device.counter_uid,
        )
    )
    _emit_member(connection, payload.member_uid)
    return {"member_no": member_no}


def _update_member(
    connection: Connection, device: Any, op: Op, payload: MemberUpdated, now: dt.datetime
) -> dict[str, Any]:
    """Per name, in the order the server receives them. A name another counter changed meanwhile
    keeps the server's value and a conflict record opens; a phone another member holds stays too."""
    member = _member(connection, payload.member_uid)
    keys: personal.ServerKeys = connection.info["keys"]
    # Phone and ID number are compared opened: the counter that made the edit saw them in clear.
    current = {
        **member._mapping,
        "phone": personal.opened_phone(keys, member),
        "id_number": personal.opened_id_number(keys, member),
    }
    values: dict[str, Any] = {}
    conflicts: list[str] = []
    for name, value in payload.changes.items():
        if (
            payload.before is not None
            and name in payload.before
            and (payload.before[name] or None) != (current.get(name) or None)
        ):
            conflicts.append(name)
            continue
        if name == "phone":
            phone = _checked(normalize_phone, value, "phone") if value else None
            sealed = personal.sealed_phone_columns(keys, member.member_uid, phone)
            holder = (
                connection.execute(
                    select(members.c.member_uid).where(members.c.phone_index == sealed["phone_index"])
                ).scalar()
                if phone
                else None
            )
            if holder is not None and holder != member.member_uid:
                conflicts.append("phone")
                continue
            values.update(sealed)
        elif name == "name":
            values["name"] = _checked(normalize_name, value, "name")
        elif name == "id_number":
            id_number = _checked(normalize_id_number, value, "id_number") if value else None
            values["id_number_sealed"] = personal.sealed_id_number(keys, member.member_uid, id_number)
        elif name == "birthday":
            values["birthday"] = _checked(dt.date.fromisoformat, value, "birthday").isoformat() if value else None
        else:
            if value not in (None, "F", "M"):
                raise Rejected("invalid", "gender: F, M or empty", name="gender", problem="F, M or empty")
            values["gender"] = value
    if values:
        connection.execute(update(members).where(members.c.member_uid == member.member_uid).values(**values))
    if "birthday" in values:
        from sync.server.grants import note_birthday_change  # a birthday moved this year unlocks no gift

        note_birthday_change(connection, member.member_uid, member.birthday, values["birthday"], op.at)
    # Always: the counter that made the edit learns which values stand.
    _emit_member(connection, member.member_uid)
    if conflicts:
        open_review(
            connection,
            "profile_conflict",
            member.member_uid,
            op.op_id,
            device.counter_uid,
            {"member_no": member.member_no, "fields": ", ".join(conflicts)},
            now,
        )
    return {"conflicts": conflicts} if conflicts else {}


def _erase(connection: Connection, payload: MemberErased, now: dt.datetime) -> None:
    member = _member(connection, payload.member_uid)
    connection.execute(
        update(members)
        .where(members.c.member_uid == member.member_uid)
        .values(
            phone_sealed=None,
            phone_index=None,
            id_number_sealed=None,
            birthday=None,
            gender=None,
            name="—",
            erased_at=now.isoformat(),
        )
    )
    _emit_member(connection, member.member_uid)
    return None


def _tier(connection: Connection, op: Op, payload: MemberTier) -> dict[str, Any]:
    """A counter's tier review: the server derives the tier that stands, and every counter hears it."""
    from sync.server import validate  # imports Rejected from here

    batch: _Batch = connection.info["batch"]
    _flush(connection)  # the spend the review reads
    member = _member(connection, payload.member_uid)
    tier = validate.member_tier(validate.checks_of(batch, connection), op, payload, member)
    if tier != member.tier:
        _set_tier(connection, member.member_uid, member.tier, tier, op, "anniversary")
    else:
        _emit_member(connection, member.member_uid)
    return {"tier": tier}


def _set_tier(connection: Connection, member_uid: str, old: str, new: str, op: Op, why: str) -> None:
    from sync.server import validate

    connection.execute(update(members).where(members.c.member_uid == member_uid).values(tier=new))
    validate.record_tier(connection, member_uid, old, new, op.at, why, op.op_id)
    for seen in connection.info["batch"].members.values():
        if seen.member_uid == member_uid:
            seen.tier = new
    _emit_member(connection, member_uid)


def _ledger(connection: Connection, device: Any, op: Op, payload: LedgerOp, now: dt.datetime) -> dict[str, Any]:
    """What follows the rules applies (validate.ledger_op refuses the rest): earning always, spending too, and an
    overdraw opens a review item."""
    from sync.server import validate  # imports Rejected from here

    batch: _Batch = connection.info["batch"]
    member = batch.members.get(payload.member_uid)
    if member is None:
        member = batch.members[payload.member_uid] = SimpleNamespace(**_member(connection, payload.member_uid)._mapping)
    reversed_entry = None
    if payload.reverses is not None:
        _flush(connection)
        reversed_entry = connection.execute(select(ledger).where(ledger.c.entry_id == payload.reverses)).first()
        if reversed_entry is None:
            raise Rejected(
                "unknown_entry",
                f"The voided operation {payload.reverses} is not in the ledger.",
                entry=payload.reverses,
            )
        if (
            connection.execute(select(ledger.c.entry_id).where(ledger.c.reverses == payload.reverses)).first()
            is not None
        ):
            raise Rejected(
                "already_voided", f"The operation {payload.reverses} was voided already.", entry=payload.reverses
            )
    verdict = validate.ledger_op(validate.checks_of(batch, connection), device, op, payload, member, reversed_entry)
    from sync.server.grants import check_grant, is_grant  # granted points: last of the refusals, it claims the grant

    if is_grant(op, payload):
        check_grant(connection, device, op, payload, member.member_uid)
    entry = {
        "entry_id": op.op_id,
        "member_uid": member.member_uid,
        "kind": payload.kind,
        "delta": payload.delta,
        "at": op.at.isoformat(),
        "counter_uid": device.counter_uid,
        "reverses": payload.reverses,
        "amount_fen": payload.amount_fen,
        "slip_no": payload.slip_no,
        "shop": payload.shop,
        "note": payload.note,
        "item": payload.item,
        "qty": payload.qty,
    }
    before = member.points
    balance = member.points = before + payload.delta
    batch.entries.append(entry)
    batch.points[member.member_uid] = balance
    if verdict.tier is not None:
        # Upgrades come with the spend that crosses a threshold, as the server counts it; downgrades at the anniversary.
        _set_tier(connection, member.member_uid, member.tier, verdict.tier, op, "spend")
    emit(connection, "entry", op.op_id, entry)
    batch.lots.extend(
        {
            "member_uid": member.member_uid,
            "entry_id": op.op_id,
            "expires_on": lapses.isoformat() if lapses else None,
            "points_left": points,
        }
        for lapses, points in verdict.lots
    )
    if payload.delta < 0:
        connection.execute(_RELEASE_HOLD, {"hold_id": op.op_id})  # the points it kept are now spent
        _flush(connection)
        drawn = _draw(connection, member.member_uid, -payload.delta)
        if verdict.drawn is not None:
            verdict.drawn(drawn)
    if payload.slip_no:
        if payload.slip_no in batch.slips:
            # Earning always applies; a slip earned at two counters offline is for a manager to judge.
            open_review(
                connection,
                "duplicate_slip",
                member.member_uid,
                op.op_id,
                device.counter_uid,
                {"slip_no": payload.slip_no, "member_no": member.member_no},
                now,
            )
        batch.slips.add(payload.slip_no)
    if payload.delta < 0 and balance < 0:
        open_review(
            connection,
            "overdraw",
            member.member_uid,
            op.op_id,
            device.counter_uid,
            {
                "balance_before": before,
                "delta": payload.delta,
                "balance_after": balance,
                "kind": payload.kind,
                "member_no": member.member_no,
            },
            now,
        )
    return {"balance": balance}


HOLD_TIME = dt.timedelta(minutes=10)  # a counter that redeemed pushes within seconds; a lost push frees the points


def hold_points(connection: Connection, device: Any, request: HoldRequest, now: dt.datetime) -> HoldResponse:
    """Keep points for a redemption about to be made online, if the member has them: the balance
    here, plus what the asking counter has not pushed yet, minus what other live holds keep."""
    uid = resolve(connection, request.member_uid)
    if uid is None:
        return HoldResponse(held=False, known=False)
    if connection.execute(select(holds.c.hold_id).where(holds.c.hold_id == request.op_id)).first() is not None:
        return HoldResponse(held=True, known=True)  # asked again after a lost answer
    balance = connection.execute(select(members.c.points).where(members.c.member_uid == uid)).scalar_one()
    kept = connection.execute(
        select(func.coalesce(func.sum(holds.c.points), 0)).where(
            holds.c.member_uid == uid, holds.c.expires_at > now.isoformat()
        )
    ).scalar_one()
    available = balance + request.unsent - kept
    if request.points > available:
        return HoldResponse(held=False, known=True, available=max(0, available))
    connection.execute(
        insert(holds).values(
            hold_id=request.op_id,
            member_uid=uid,
            points=request.points,
            device_id=device.device_id,
            expires_at=(now + HOLD_TIME).isoformat(),
        )
    )
    return HoldResponse(held=True, known=True, available=available - request.points)


def _draw(connection: Connection, member_uid: str, points: int) -> list[tuple[str | None, int]]:
    """First to lapse, first spent; points never to lapse last. What the lots cannot cover is an overdraw.
    Returns what was taken, (expires_on, points), first taken first."""
    lots = connection.execute(
        select(points_lots.c.id, points_lots.c.expires_on, points_lots.c.points_left)
        .where(points_lots.c.member_uid == member_uid, points_lots.c.points_left > 0)
        .order_by(points_lots.c.expires_on.is_(None), points_lots.c.expires_on, points_lots.c.id)
    )
    taken = []
    for lot_id, expires, left in lots.all():
        if points == 0:
            break
        take = min(left, points)
        connection.execute(update(points_lots).where(points_lots.c.id == lot_id).values(points_left=left - take))
        taken.append((expires, take))
        points -= take
    return taken


def expire_lapsed(connection: Connection, today: dt.date, now: dt.datetime, limit: int = 1000) -> int:
    """Turn lots whose last day has passed into 'expire' entries, which reach every counter through
    the feed. Returns the lots expired; run again until it returns 0."""
    lapsed = connection.execute(
        select(points_lots)
        .where(points_lots.c.expires_on < today.isoformat(), points_lots.c.points_left > 0)
        .order_by(points_lots.c.id)
        .limit(limit)
    ).all()
    for lot in lapsed:
        entry_id = str(uuid.uuid4())
        member = connection.execute(select(members.c.points).where(members.c.member_uid == lot.member_uid)).one()
        connection.execute(
            insert(ledger).values(
                entry_id=entry_id,
                member_uid=lot.member_uid,
                kind="expire",
                delta=-lot.points_left,
                at=now.isoformat(),
                counter_uid=SERVER_COUNTER,
                note=f"expired {lot.expires_on}",
            )
        )
        connection.execute(update(points_lots).where(points_lots.c.id == lot.id).values(points_left=0))
        connection.execute(
            update(members).where(members.c.member_uid == lot.member_uid).values(points=member.points - lot.points_left)
        )
        emit(
            connection,
            "entry",
            entry_id,
            {
                "entry_id": entry_id,
                "member_uid": lot.member_uid,
                "kind": "expire",
                "delta": -lot.points_left,
                "at": now.isoformat(),
                "counter_uid": SERVER_COUNTER,
                "note": f"expired {lot.expires_on}",
            },
        )
    return len(lapsed)


def _issue_coupon(connection: Connection, op: Op, payload: CouponIssued) -> None:
    member = _member(connection, payload.member_uid)
    if connection.execute(select(coupons.c.code).where(coupons.c.code == payload.code)).first() is not None:
        raise Rejected("coupon_exists", f"Coupon code {payload.code} exists already.", code=payload.code)
    connection.execute(
        insert(coupons).values(
            code=payload.code,
            member_uid=member.member_uid,
            type_code=payload.type,
            value_fen=payload.value_fen,
            min_spend_fen=payload.min_spend_fen,
            valid_until=payload.valid_until.isoformat() if payload.valid_until else None,
            issued_at=op.at.isoformat(),
            issued_entry_id=payload.issued_entry_id,
            status="issued",
            write_offs=0,
        )
    )
    _emit_coupon(connection, payload.code)
    return None


def _write_off(
    connection: Connection, device: Any, op: Op, payload: CouponWrittenOff, now: dt.datetime
) -> dict[str, Any]:
    coupon = connection.execute(select(coupons).where(coupons.c.code == payload.code)).first()
    if coupon is None:
        raise Rejected("unknown_coupon", f"No coupon {payload.code} on the server.", code=payload.code)
    connection.execute(
        update(coupons)
        .where(coupons.c.code == payload.code)
        .values(
            status="written_off",
            used_at=coupon.used_at or op.at.isoformat(),
            used_counter=coupon.used_counter or device.counter_uid,
            write_offs=coupon.write_offs + 1,
        )
    )
    _emit_coupon(connection, payload.code)
    if coupon.status == "written_off":
        open_review(
            connection,
            "double_write_off",
            coupon.member_uid,
            op.op_id,
            device.counter_uid,
            {
                "code": payload.code,
                "first_used_at": coupon.used_at,
                "first_counter": coupon.used_counter,
                "again_at": op.at.isoformat(),
            },
            now,
        )
        return {"double": True}
    return {}


def _resolve_review(connection: Connection, device: Any, op: Op, payload: ReviewResolved) -> dict[str, Any]:
    """The first manager's resolution stands (two counters may resolve one item offline); every counter hears of it.
    It is kept in the item's details: the server's table has no columns of its own for it."""
    item = connection.execute(select(review_items).where(review_items.c.id == payload.review_id)).first()
    if item is None:
        raise Rejected(
            "unknown_review", f"The server has no review item {payload.review_id}.", review_id=payload.review_id
        )
    details = json.loads(item.details)
    if item.status != "open":
        return {"resolved_before": details.get("resolution")}
    resolution = {
        "outcome": payload.outcome,
        "reason": payload.reason,
        "by": payload.resolved_by,
        "at": op.at.isoformat(),
        "counter_uid": device.counter_uid,
    }
    connection.execute(
        update(review_items)
        .where(review_items.c.id == item.id)
        .values(status="resolved", details=json.dumps({**details, "resolution": resolution}, ensure_ascii=False))
    )
    emit(
        connection,
        "review",
        str(item.id),
        {
            "id": item.id,
            "kind": item.kind,
            "member_uid": item.member_uid,
            "op_id": item.op_id,
            "counter_uid": item.counter_uid,
            "details": details,
            "status": "resolved",
            "created_at": item.created_at,
            "resolution": resolution,
        },
    )
    return {}


def open_review(
    connection: Connection,
    kind: str,
    member_uid: str | None,
    op_id: str,
    counter_uid: str,
    details: dict[str, Any],
    now: dt.datetime,
) -> None:
    review_id = connection.execute(
        insert(review_items)
        .values(
            kind=kind,
            member_uid=member_uid,
            op_id=op_id,
            counter_uid=counter_uid,
            details=json.dumps(details, ensure_ascii=False),
            status="open",
            created_at=now.isoformat(),
        )
        .returning(review_items.c.id)
    ).scalar_one()
    emit(
        connection,
        "review",
        str(review_id),
        {
            "id": review_id,
            "kind": kind,
            "member_uid": member_uid,
            "op_id": op_id,
            "counter_uid": counter_uid,
            "details": details,
            "status": "open",
            "created_at": now.isoformat(),
        },
    )


def member_change(keys: personal.ServerKeys, row: Any) -> dict[str, Any]:
    """A member as every counter hears of it: the phone as its blind index and masked, the ID number masked;
    emit() turns the registering counter's counter_uid into its pseudonym."""
    return {
        "member_uid": row.member_uid,
        "member_no": row.member_no,
        **personal.feed_fields(keys, row),
        "name": row.name,
        "gender": row.gender,
        "birthday": row.birthday,
        "referrer_uid": row.referrer_uid,
        "tier": row.tier,
        "consent_version": row.consent_version,
        "consented_at": row.consented_at,
        "registered_at": row.registered_at,
        "counter_uid": row.counter_uid,
        "erased_at": row.erased_at,
    }


def _emit_member(connection: Connection, member_uid: str) -> None:
    row = connection.execute(select(members).where(members.c.member_uid == member_uid)).one()
    emit(connection, "member", member_uid, member_change(connection.info["keys"], row))


def _emit_coupon(connection: Connection, code: str) -> None:
    row = connection.execute(select(coupons).where(coupons.c.code == code)).one()
    emit(connection, "coupon", code, dict(row._mapping))
