"""Sync with the central server: enrol, push the outbox, pull the change feed, bound offline redemption."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import random
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from counter_app import config, i18n
from counter_app.db import complaints as complaint_rows
from counter_app.db import members as member_rows
from counter_app.db import meta as store_meta
from counter_app.db import outbox, sealing
from counter_app.db import points as ledger
from counter_app.domain.codes import NONCE_KEEP_STEPS, step_of
from counter_app.domain.coupons import display as display_coupon
from counter_app.domain.coupons import looks_like_coupon
from counter_app.domain.errors import Conflict, DeskError, InvalidInput, NotFound, StoreUnavailable
from counter_app.domain.members import ERASED_NAME
from counter_app.domain.points import expires_on
from counter_app.domain.rules import parse_rules
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from sync.client import SyncClient, SyncError, skew
from sync.protocol import MAX_BATCH, MAX_PAGE, Change, ChangesPage, Op

log = logging.getLogger(__name__)

ONLINE_WINDOW = dt.timedelta(minutes=2)  # synced this recently: a redemption asks the server to hold its points
SKEW_WARNING = dt.timedelta(minutes=5)
# Redemptions a clerk makes; these are what the offline limits bound.
SPENDING_KINDS = ("cash", "gift-out", "redeem-gift", "redeem-coupon")
# Older outbox entries carry no signed delta: the sign by kind.
_DEBITS = frozenset({*SPENDING_KINDS, "expire", "expired"})

_META = "sync."


@dataclass(frozen=True)
class EnrolResult:
    server: str
    store: str
    counter_no: int
    device_id: str


@dataclass
class SyncReport:
    pushed: int = 0
    applied: int = 0
    rejected: int = 0
    held: int = 0  # answered "retry": still pending, in order
    pulled: int = 0
    cursor: int = 0
    head: int = 0
    skew_seconds: float = 0.0
    rejections: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class OfflineLimits:
    """What a clerk may still redeem while the server is out of reach; shown on screen."""

    since: str
    until: str
    per_member: int
    counter_left: int
    expired: bool


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server: str | None
    store: str | None
    online: bool
    pending: int
    oldest_pending_seconds: int | None
    last_sync: str | None
    last_error: str | None
    review_open: int
    rejected: int
    skew_seconds: float | None
    skew_warning: bool
    offline: OfflineLimits | None
    cursor: int
    head: int


@dataclass(frozen=True)
class ReviewLine:
    source: str  # "rejected": an operation the server refused; "server": an item the server opened
    ref: str  # the operation's id, or the server's item number
    kind: str
    what: str  # the kind, in the clerk's language
    at: str
    details: str  # in the clerk's language


def _get(connection: Connection, key: str) -> str | None:
    return store_meta.get_meta(connection, _META + key)


def _set(connection: Connection, key: str, value: Any) -> None:
    store_meta.set_meta(connection, _META + key, "" if value is None else str(value))


def is_enrolled(connection: Connection) -> bool:
    """Enrolled with a central server: its members belong to the chain."""
    return bool(_get(connection, "server"))


def pin_code_key(connection: Connection, key: str) -> None:
    """Kept from enrolment on: a different key later is not taken silently (it would accept another chain's codes)."""
    pinned = _get(connection, "code_key")
    if pinned and pinned != key:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The central server now signs member codes with another key than the one this desk trusts; enrol the desk again to accept it.",
            )
        )
    _set(connection, "code_key", key)


def next_delay(failures: int, interval: float) -> float:
    """The pause before the next round: the interval while all is well; after failures, doubling up
    to five minutes, with full jitter so fifty counters coming back online do not knock at once."""
    if failures == 0:
        return interval
    return random.uniform(0, min(300.0, interval * 2 ** min(failures, 10)))


def enroll(desk: Desk, server: str, code: str) -> EnrolResult:
    """Trade a one-time code for this counter's device token; the token is sealed with the data key."""
    actor = authorize(desk, Permission.SETTINGS, "sync.enroll")
    server = server.strip()
    if not server.startswith(("http://", "https://")) or len(server) > 200:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "The server address must start with http:// or https://, e.g. http://10.0.0.5:8700."
            )
        )
    code = code.strip()
    if not 4 <= len(code) <= 40:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The enrolment code has 8 letters and digits, e.g. K7QX-M2PD; ask the server's administrator for one.",
            )
        )
    with desk.store.read() as connection:
        if store_meta.get_meta(connection, "demo_data") == "true":
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This desk holds demo members, which must never reach the chain; enrol a desk with a new data folder.",
                )
            )
    client = SyncClient(server, retries=0)
    try:
        answer = client.enroll(code, desk.counter_uid, desk.settings.counter_name)
    except SyncError as error:
        record_alone(desk, actor, "sync.enroll", server, outcome="refused", details=str(error))
        if error.offline:
            raise StoreUnavailable(
                QT_TRANSLATE_NOOP(
                    "Errors", "The server {server} cannot be reached; check the address and the network."
                ),
                server=server,
            ) from None
        raise Conflict(
            QT_TRANSLATE_NOOP("Errors", "The server refused the enrolment: {reason}"), reason=str(error)
        ) from None
    finally:
        client.close()
    changed = desk.settings.with_value("counter_no", answer.counter_no)
    if not desk.settings.store_name:
        changed = changed.with_value("store_name", answer.store[:40])
    with desk.store.write() as connection:
        _set(connection, "server", server)
        _set(connection, "device_id", answer.device_id)
        _set(connection, "store", answer.store)
        _set(connection, "token", sealing.seal(desk.store.keys, answer.token, "sync.token").hex())
        _set(connection, "code_key", None)  # enrolling (again) is how a desk comes to trust a chain's key
        pin_code_key(connection, answer.code_key)
        _set(connection, "enrolled_at", desk.now().isoformat())
        if _get(connection, "cursor") is None:
            _set(connection, "cursor", 0)
        config.save_settings(desk.data_dir, changed)
        record(
            desk,
            connection,
            actor,
            "sync.enroll",
            server,
            after={"store": answer.store, "counter_no": answer.counter_no, "device": answer.device_id},
        )
    desk.settings = changed
    return EnrolResult(server, answer.store, answer.counter_no, answer.device_id)


def _client(desk: Desk) -> SyncClient:
    with desk.store.read() as connection:
        return _client_for(desk, connection)


def _client_for(desk: Desk, connection: Connection, retries: int = 2) -> SyncClient:
    server, token = _get(connection, "server"), _get(connection, "token")
    if not server or not token:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This counter is not enrolled with a central server; enrol it first (counter-app enroll --server URL --code CODE).",
            )
        )
    return SyncClient(server, sealing.unseal(desk.store.keys, bytes.fromhex(token), "sync.token"), retries=retries)


def sync_once(desk: Desk, progress: Callable[[int, int], None] | None = None) -> SyncReport:
    """Push first, then pull, so the screen shows the server's state plus what is still pending here."""
    client = _client(desk)
    report = SyncReport()
    try:
        try:
            with desk.store.read() as connection:
                pinned = _get(connection, "code_key")
            if not pinned:  # enrolled before member codes existed: trust the key of the server it enrolled with
                key = client.info().code_key
                with desk.store.write() as connection:
                    pin_code_key(connection, key)
            _push(desk, client, report)
            _pull(desk, client, report, progress)
        except SyncError as error:
            with desk.store.write() as connection:
                _set(connection, "last_attempt", desk.now().isoformat())
                _set(connection, "last_error", str(error))
            if error.offline:
                raise StoreUnavailable(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The central server cannot be reached; the desk works offline and will sync when it is back.",
                    )
                ) from None
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "The central server refused the sync: {reason}"), reason=str(error)
            ) from None
    finally:
        client.close()
    with desk.store.write() as connection:
        now = desk.now().isoformat()
        _set(connection, "last_attempt", now)
        _set(connection, "last_ok", now)
        _set(connection, "last_error", None)
        _set(connection, "skew", f"{report.skew_seconds:.1f}")
    return report


def _wire(entry: outbox.OutboxEntry) -> Op:
    payload = dict(entry.payload)
    if entry.op_type.startswith("points.") and "delta" not in payload:
        kind = entry.op_type.split(".", 1)[1]
        payload["kind"] = {"earned": "earn", "expired": "expire", "voided": "reversal"}.get(kind, kind)
        points = int(payload.get("points") or 0)
        payload["delta"] = -points if kind in _DEBITS else points
    return Op(op_id=entry.op_id, seq=entry.seq, type=entry.op_type, at=entry.created_at, payload=payload)


def _push(desk: Desk, client: SyncClient, report: SyncReport) -> None:
    while True:
        with desk.store.read() as connection:
            batch = outbox.pending(connection, desk.store.keys, MAX_BATCH)
        if not batch:
            return
        sent = desk.now()
        answer = client.push([_wire(entry) for entry in batch])
        report.skew_seconds = skew(answer.server_time, sent, desk.now()).total_seconds()
        report.pushed += len(batch)
        by_id = {entry.op_id: entry for entry in batch}
        with desk.store.write() as connection:
            for result in answer.results:
                entry = by_id.get(result.op_id)
                if entry is None:
                    continue
                if result.status == "retry":
                    # Only "retry" holds the queue: what follows waits, in order.
                    report.held += 1
                    break
                reason = (
                    json.dumps(
                        {"code": result.code, "params": result.params or {}, "text": result.reason}, ensure_ascii=False
                    )
                    if result.status == "rejected"
                    else None
                )
                outbox.answer(connection, entry.seq, result.status, reason, desk.now())
                if result.status == "applied":
                    report.applied += 1
                else:
                    report.rejected += 1
                    report.rejections.append(
                        {"op_id": entry.op_id, "type": entry.op_type, "reason": result.reason or ""}
                    )
                    _undo_refused(desk, connection, entry)
        if report.held or len(batch) < MAX_BATCH:
            return


def _undo_refused(desk: Desk, connection: Connection, entry: outbox.OutboxEntry) -> None:
    """The server will never count a refused ledger operation: undo it here too, so balances agree.
    The undo is local (pulled) and the refusal stays in the review list."""
    if not entry.op_type.startswith("points."):
        return
    local = connection.exec_driver_sql(
        "SELECT member_id, points FROM ledger WHERE entry_id = ?", (entry.op_id,)
    ).first()
    if local is None or local.points == 0:
        return
    _book(
        desk,
        connection,
        local.member_id,
        str(uuid.uuid5(uuid.NAMESPACE_URL, f"refused:{entry.op_id}")),
        "refused",
        -local.points,
        desk.now(),
        note=f"refused by the server: {entry.op_id}",
    )


def _book(
    desk: Desk,
    connection: Connection,
    member_id: int,
    entry_id: str,
    kind: str,
    delta: int,
    at: dt.datetime,
    **values: Any,
) -> None:
    """A ledger entry that came from outside this counter's own operations: no outbox, not pushed."""
    ledger.add_entry(
        connection, entry_id=entry_id, member_id=member_id, kind=kind, points=delta, at=at, pulled=True, **values
    )
    if delta > 0:
        ledger.add_lot(connection, member_id, entry_id, at, expires_on(at.date(), desk.rules), delta)
    elif delta < 0:
        # First in, first out, as far as the lots here reach: another counter may have spent
        # points this counter has not heard of yet; the balance still follows the ledger.
        taken, wanted = [], -delta
        for lot_id, left in ledger.open_lots(connection, member_id):
            take = min(left, wanted)
            if take > 0:
                taken.append((lot_id, take))
                wanted -= take
            if not wanted:
                break
        ledger.draw(connection, entry_id, taken)
    connection.exec_driver_sql("UPDATE members SET points = points + ? WHERE id = ?", (delta, member_id))


def _pull(desk: Desk, client: SyncClient, report: SyncReport, progress: Callable[[int, int], None] | None) -> None:
    """Page by page, each page and its cursor in one local transaction. The next page is fetched
    while this one is stored: on a first sync the two take about as long as each other."""
    with desk.store.read() as connection:
        cursor = int(_get(connection, "cursor") or 0)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        upcoming = fetcher.submit(_fetch, desk, client, cursor)
        while True:
            page, skew_seconds = upcoming.result()
            report.skew_seconds = skew_seconds
            if page.more:
                upcoming = fetcher.submit(_fetch, desk, client, page.cursor)
            with desk.store.write() as connection:
                _apply_page(desk, connection, page.changes)
                _set(connection, "cursor", page.cursor)
                _set(connection, "head", page.head)
            report.pulled += len(page.changes)
            report.cursor, report.head = page.cursor, page.head
            if progress is not None:
                progress(page.cursor, page.head)
            if not page.more:
                return


def _fetch(desk: Desk, client: SyncClient, after: int) -> tuple[ChangesPage, float]:
    sent = desk.now()
    page = client.changes(after, MAX_PAGE)
    return page, skew(page.server_time, sent, desk.now()).total_seconds()


def _apply_page(desk: Desk, connection: Connection, changes: list[Change]) -> None:
    """In feed order; runs of member changes go in together, new members as one bulk insert (a first
    sync brings every member of the chain)."""
    run: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change.kind == "member" and change.data["member_uid"] not in run:
            run[change.data["member_uid"]] = change.data
            continue
        _apply_members(desk, connection, list(run.values()))
        run = {}
        if change.kind == "member":
            run[change.data["member_uid"]] = change.data
        else:
            _apply_change(desk, connection, change)
    _apply_members(desk, connection, list(run.values()))


def _present(connection: Connection, column: str, values: list[str]) -> set[str]:
    """Which of VALUES the members table already has in COLUMN (member_uid or phone_index)."""
    found: set[str] = set()
    for start in range(0, len(values), 500):  # SQLite's limit on bound parameters is far above this
        chunk = values[start : start + 500]
        found.update(
            row[0]
            for row in connection.exec_driver_sql(
                f"SELECT {column} FROM members WHERE {column} IN ({', '.join('?' * len(chunk))})", tuple(chunk)
            )
        )
    return found


def _apply_members(desk: Desk, connection: Connection, run: list[dict[str, Any]]) -> None:
    if not run:
        return
    keys = desk.store.keys
    known = _present(connection, "member_uid", [data["member_uid"] for data in run])
    sealed = {
        data["member_uid"]: sealing.sealed_member_fields(keys, data["member_uid"], data.get("phone"), None)
        for data in run
        if not data.get("erased_at")
    }
    indexes = {uid: fields["phone_index"] for uid, fields in sealed.items() if fields["phone_index"]}
    taken = _present(connection, "phone_index", list(indexes.values()))
    bulk, one_by_one = [], []
    for data in run:
        uid = data["member_uid"]
        simple = (
            uid not in known
            and not data.get("erased_at")
            and not data.get("id_number")
            and not data.get("referrer_uid")
        )
        index = indexes.get(uid)
        if simple and (index is None or index not in taken):
            bulk.append(data)
            if index is not None:
                taken.add(index)
        else:
            one_by_one.append(data)  # an update, a merge with a provisional member, or an erasure
    if bulk:
        now = _stamp(desk.now().isoformat())
        first_id = member_rows.next_member_id(connection)
        rows, index_rows = [], []
        for offset, data in enumerate(bulk):
            member_id = first_id + offset
            fields = sealed[data["member_uid"]]
            registered = _stamp(data["registered_at"]) if data.get("registered_at") else now
            rows.append(
                (
                    member_id,
                    data["member_uid"],
                    data["member_no"],
                    fields["phone_sealed"],
                    fields["phone_index"],
                    fields["phone_tail_index"],
                    data["name"],
                    data.get("gender"),
                    data.get("birthday"),
                    data.get("tier") or "regular",
                    0,
                    0,
                    data.get("consent_version") or "",
                    _stamp(data["consented_at"]) if data.get("consented_at") else registered,
                    registered,
                    now,
                    data.get("counter_uid") or "",
                )
            )
            index_rows.append((member_id, *member_rows.search_terms(data["name"])))
        member_rows.bulk_insert_members(connection, rows, index_rows)
    for data in one_by_one:
        _apply_member(desk, connection, data)


def _stamp(iso: str) -> str:
    """The store's text form of a time (as AwareDateTime writes it), so times sort as text."""
    return dt.datetime.fromisoformat(iso).isoformat(timespec="microseconds")


def _apply_change(desk: Desk, connection: Connection, change: Change) -> None:
    """Every kind but members, which _apply_page gathers into runs."""
    data = change.data
    if change.kind == "alias":
        _apply_alias(desk, connection, data)
    elif change.kind == "entry":
        _apply_entry(desk, connection, data)
    elif change.kind == "coupon":
        _apply_coupon(connection, data)
    elif change.kind == "review":
        # A resolution (made at any counter) comes with the item; one made here stands until the server's arrives.
        resolution = data.get("resolution") or {}
        resolved_at = _stamp(resolution["at"]) if resolution.get("at") else None
        connection.exec_driver_sql(
            "INSERT INTO review_items (id, kind, member_uid, op_id, counter_uid, details, status, created_at, resolved_by, resolved_at, resolution, resolution_reason) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET details = excluded.details, "
            "status = CASE WHEN review_items.status = 'resolved' AND excluded.status = 'open' THEN review_items.status ELSE excluded.status END, "
            "resolved_by = coalesce(excluded.resolved_by, review_items.resolved_by), resolved_at = coalesce(excluded.resolved_at, review_items.resolved_at), "
            "resolution = coalesce(excluded.resolution, review_items.resolution), resolution_reason = coalesce(excluded.resolution_reason, review_items.resolution_reason)",
            (
                data["id"],
                data["kind"],
                data.get("member_uid"),
                data["op_id"],
                data["counter_uid"],
                json.dumps(data.get("details") or {}, ensure_ascii=False),
                data["status"],
                data["created_at"],
                resolution.get("by"),
                resolved_at,
                resolution.get("outcome"),
                resolution.get("reason"),
            ),
        )
    elif change.kind == "code":
        # Another counter scanned this code: a copy of it shown here is a replay. Old ones cannot be replayed anyway.
        if data["step"] >= step_of(desk.now()) - NONCE_KEEP_STEPS:
            connection.exec_driver_sql(
                "INSERT OR IGNORE INTO used_codes (nonce, member_uid, step, seen_at, counter_uid) VALUES (?, ?, ?, ?, ?)",
                (data["nonce"], data["member_uid"], data["step"], desk.now().isoformat(), data.get("counter_uid")),
            )
    elif change.kind == "gift":
        connection.exec_driver_sql(
            "INSERT INTO gift_catalog (sku, name, points, stock, active) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, points = excluded.points, stock = excluded.stock, active = excluded.active",
            (data["sku"], data["name"], data["points"], data["stock"], data["active"]),
        )
    elif change.kind == "coupon_type":
        connection.exec_driver_sql(
            "INSERT INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(type_code) DO UPDATE SET title = excluded.title, value_fen = excluded.value_fen, min_spend_fen = excluded.min_spend_fen, "
            "valid_days = excluded.valid_days, points = excluded.points, active = excluded.active",
            (
                data["type_code"],
                data["title"],
                data["value_fen"],
                data["min_spend_fen"],
                data["valid_days"],
                data["points"],
                data["active"],
            ),
        )
    elif change.kind == "rules":
        _apply_rules(desk, data["text"])
    elif change.kind == "complaint":
        # An event this counter lacks (made elsewhere): kept, and the complaint folded again from all of them.
        complaint_rows.store_pulled_event(connection, desk.store.keys, data)


def _iso(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _apply_member(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    uid = data["member_uid"]
    erased = data.get("erased_at") is not None
    phone = None if erased else data.get("phone")
    registered = _iso(data["registered_at"]) or desk.now()
    values: dict[str, Any] = {
        "member_no": data["member_no"],
        "name": ERASED_NAME if erased else data["name"],
        "gender": None if erased else data.get("gender"),
        "birthday": dt.date.fromisoformat(data["birthday"]) if data.get("birthday") and not erased else None,
        "tier": data.get("tier") or "regular",
        "erased_at": _iso(data.get("erased_at")),
        "updated_at": desk.now(),
    }
    row = connection.exec_driver_sql("SELECT id, name FROM members WHERE member_uid = ?", (uid,)).first()
    if row is None and phone:
        # A member this counter registered offline under its own id, for a phone the registry
        # already had: the local row becomes the registry's member, its entries follow it.
        index = sealing.phone_index(desk.store.keys, phone)
        row = connection.exec_driver_sql("SELECT id, name FROM members WHERE phone_index = ?", (index,)).first()
        if row is not None:
            _rename(desk, connection, row.id, uid)
    values.update(sealing.sealed_member_fields(desk.store.keys, uid, phone, None if erased else data.get("id_number")))
    if row is None:
        referrer = data.get("referrer_uid")
        referrer_id = (
            connection.exec_driver_sql("SELECT id FROM members WHERE member_uid = ?", (referrer,)).scalar()
            if referrer
            else None
        )
        values.update(
            member_uid=uid,
            referrer_id=referrer_id,
            points=0,
            spend_12m_cents=0,
            consent_version=data.get("consent_version") or "",
            consented_at=_iso(data.get("consented_at")) or registered,
            registered_at=registered,
            counter_uid=data.get("counter_uid") or "",
        )
        member_id = member_rows.insert_member(connection, values)
        if erased:
            connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": member_id})
        return
    member_rows.update_member(connection, row.id, values)
    if erased:
        connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": row.id})
        connection.execute(
            text("UPDATE member_changes SET old_value = NULL, new_value = NULL WHERE member_id = :id"), {"id": row.id}
        )


def _rename(desk: Desk, connection: Connection, member_id: int, new_uid: str) -> None:
    """A provisional member takes the registry's id. Phone and ID number are sealed under the id,
    so they are opened with the old one and sealed again with the new."""
    row = connection.exec_driver_sql(
        "SELECT member_uid, phone_sealed, id_number_sealed FROM members WHERE id = ?", (member_id,)
    ).one()
    keys = desk.store.keys
    phone = sealing.unseal(keys, row.phone_sealed, sealing.phone_context(row.member_uid)) if row.phone_sealed else None
    id_number = (
        sealing.unseal(keys, row.id_number_sealed, sealing.id_number_context(row.member_uid))
        if row.id_number_sealed
        else None
    )
    sealed = sealing.sealed_member_fields(keys, new_uid, phone, id_number)
    connection.exec_driver_sql(
        "UPDATE members SET member_uid = ?, phone_sealed = ?, id_number_sealed = ? WHERE id = ?",
        (new_uid, sealed["phone_sealed"], sealed["id_number_sealed"], member_id),
    )


def _apply_alias(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    alias = connection.exec_driver_sql("SELECT id FROM members WHERE member_uid = ?", (data["alias_uid"],)).scalar()
    if alias is None:
        return
    target = connection.exec_driver_sql("SELECT id FROM members WHERE member_uid = ?", (data["member_uid"],)).scalar()
    if target is None:
        _rename(desk, connection, alias, data["member_uid"])
        connection.exec_driver_sql("UPDATE members SET member_no = ? WHERE id = ?", (data["member_no"], alias))
        return
    # Both here: everything of the provisional member moves to the registry's member.
    for table in ("ledger", "points_lots", "coupons", "member_changes", "tier_changes", "complaints"):
        connection.exec_driver_sql(f"UPDATE {table} SET member_id = ? WHERE member_id = ?", (target, alias))
    connection.exec_driver_sql("UPDATE members SET referrer_id = ? WHERE referrer_id = ?", (target, alias))
    connection.execute(text("DELETE FROM member_search WHERE rowid = :id"), {"id": alias})
    connection.exec_driver_sql("DELETE FROM members WHERE id = ?", (alias,))
    connection.exec_driver_sql(
        "UPDATE members SET points = (SELECT COALESCE(SUM(points), 0) FROM ledger WHERE member_id = ?) WHERE id = ?",
        (target, target),
    )


def _apply_entry(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    if connection.exec_driver_sql("SELECT 1 FROM ledger WHERE entry_id = ?", (data["entry_id"],)).first():
        return  # made here, or pulled before
    member_id = connection.exec_driver_sql(
        "SELECT id FROM members WHERE member_uid = ?", (data["member_uid"],)
    ).scalar()
    if member_id is None:
        log.error("entry %s for unknown member %s skipped", data["entry_id"], data["member_uid"])
        return
    slip = data.get("slip_no")
    if slip and ledger.entry_by_slip(connection, slip) is not None:
        slip = None  # the same slip earned at two counters offline: the server's review list has it
    ledger_values = {key: data.get(key) for key in ("amount_fen", "shop", "note", "reverses", "item", "qty")}
    # In this desk's time zone: the ledger orders by its stored time text.
    at = (_iso(data["at"]) or desk.now()).astimezone(desk.now().tzinfo)
    _book(
        desk,
        connection,
        member_id,
        data["entry_id"],
        data["kind"],
        int(data["delta"]),
        at,
        slip_no=slip,
        **ledger_values,
    )


def _apply_coupon(connection: Connection, data: dict[str, Any]) -> None:
    member_id = connection.exec_driver_sql(
        "SELECT id FROM members WHERE member_uid = ?", (data["member_uid"],)
    ).scalar()
    if member_id is None:
        log.error("coupon %s for unknown member %s skipped", data["code"], data["member_uid"])
        return
    # A coupon kind this counter has not heard of: kept, so the coupon can be shown and used.
    connection.exec_driver_sql(
        "INSERT OR IGNORE INTO coupon_types (type_code, title, value_fen, min_spend_fen, valid_days, points, active) VALUES (?, ?, ?, ?, 0, 0, 0)",
        (data["type_code"], data["type_code"], data.get("value_fen") or 0, data.get("min_spend_fen") or 0),
    )
    local = connection.exec_driver_sql("SELECT status FROM coupons WHERE code = ?", (data["code"],)).first()
    if local is None:
        connection.exec_driver_sql(
            "INSERT INTO coupons (code, type_code, member_id, value_fen, min_spend_fen, valid_until, issued_at, issued_entry_id, status, used_at, used_counter) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                data["code"],
                data["type_code"],
                member_id,
                data.get("value_fen") or 0,
                data.get("min_spend_fen") or 0,
                data.get("valid_until") or "9999-12-31",
                data["issued_at"],
                data.get("issued_entry_id"),
                data["status"],
                data.get("used_at"),
                data.get("used_counter"),
            ),
        )
    elif data["status"] == "written_off" and local.status != "written_off":
        connection.exec_driver_sql(
            "UPDATE coupons SET status = 'written_off', used_at = ?, used_counter = ? WHERE code = ?",
            (data.get("used_at"), data.get("used_counter"), data["code"]),
        )


def _apply_rules(desk: Desk, rules_text: str) -> None:
    try:
        rules = parse_rules(rules_text)
    except DeskError as error:
        log.error("the server's rules were refused: %s", error.message("en"))
        return
    path = desk.data_dir / config.RULES_FILE
    temporary = path.with_suffix(".tmp")
    temporary.write_text(rules_text, encoding="utf-8")
    os.replace(temporary, path)
    desk.rules = rules


def offline_limits(desk: Desk, connection: Connection, assume_offline: bool = False) -> OfflineLimits | None:
    """None while the counter is standalone or online; otherwise what it may still redeem."""
    if not is_enrolled(connection):
        return None
    last_ok = _iso(_get(connection, "last_ok") or None)
    now = desk.now()
    if last_ok is not None and now - last_ok <= ONLINE_WINDOW and not assume_offline:
        return None
    since = last_ok or _iso(_get(connection, "enrolled_at")) or now
    rules = desk.rules
    until = since + dt.timedelta(hours=rules.offline_max_hours)
    spent = _spent_offline(connection, since)
    return OfflineLimits(
        since=since.isoformat(timespec="minutes"),
        until=until.isoformat(timespec="minutes"),
        per_member=rules.offline_member_points,
        counter_left=max(0, rules.offline_counter_points - spent),
        expired=now > until,
    )


def _spent_offline(connection: Connection, since: dt.datetime, member_id: int | None = None) -> int:
    marks = ", ".join("?" * len(SPENDING_KINDS))
    sql = f"SELECT COALESCE(-SUM(points), 0) FROM ledger WHERE pulled = 0 AND kind IN ({marks}) AND at >= ?"
    params: list[Any] = [*SPENDING_KINDS, since.isoformat()]
    if member_id is not None:
        sql += " AND member_id = ?"
        params.append(member_id)
    return connection.exec_driver_sql(sql, tuple(params)).scalar_one()


def reserve_redemption(
    desk: Desk, connection: Connection, member_id: int, member_uid: str, points: int, op_id: str
) -> None:
    """Online, the server keeps the points for this redemption (another counter cannot spend them
    meanwhile); offline, or when the server does not answer at once, the offline limits apply.
    Called inside the redemption's transaction, before anything is written."""
    if not is_enrolled(connection):
        return
    if offline_limits(desk, connection) is None:
        unsent = connection.exec_driver_sql(
            "SELECT COALESCE(SUM(l.points), 0) FROM ledger l JOIN outbox o ON o.op_id = l.entry_id WHERE l.member_id = ? AND o.status = 'pending'",
            (member_id,),
        ).scalar_one()
        client = _client_for(desk, connection, retries=0)
        try:
            answer = client.hold(op_id, member_uid, points, unsent)
        except SyncError as error:
            log.info("no hold for %s: %s; offline limits apply", op_id, error)
        else:
            if answer.held:
                return
            if answer.known:
                raise InvalidInput(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "The central server shows {available} points this member may spend now (another counter redeemed some); {points} cannot be redeemed.",
                    ),
                    available=answer.available,
                    points=points,
                )
        finally:
            client.close()
    check_offline_redemption(desk, connection, member_id, points, offline=True)


def check_offline_redemption(
    desk: Desk, connection: Connection, member_id: int, points: int, offline: bool = False
) -> None:
    """Offline, a redemption is bounded per member, per counter and in time, so an overdraw found at
    sync can never exceed the cap. `offline`: the server just failed to answer, whatever the time
    since the last sync."""
    limits = offline_limits(desk, connection, assume_offline=offline)
    if limits is None:
        return
    if limits.expired:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This counter has been offline since {since}; after {hours} hours redemption waits until it syncs again.",
            ),
            since=limits.since.replace("T", " "),
            hours=desk.rules.offline_max_hours,
        )
    member_spent = _spent_offline(connection, dt.datetime.fromisoformat(limits.since), member_id)
    if member_spent + points > limits.per_member:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Offline, a member may redeem at most {cap} points until the desk syncs; {left} are left for this member.",
            ),
            cap=limits.per_member,
            left=max(0, limits.per_member - member_spent),
        )
    if points > limits.counter_left:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Offline, this counter may redeem {left} more points until it syncs."),
            left=limits.counter_left,
        )


def sync_status(desk: Desk) -> SyncStatus:
    with desk.store.read() as connection:
        enrolled = is_enrolled(connection)
        pending = outbox.pending_count(connection)
        oldest = outbox.oldest_pending(connection)
        review_open = connection.exec_driver_sql("SELECT COUNT(*) FROM review_items WHERE status = 'open'").scalar_one()
        rejected = connection.exec_driver_sql("SELECT COUNT(*) FROM outbox WHERE status = 'rejected'").scalar_one()
        last_ok, last_error = _get(connection, "last_ok") or None, _get(connection, "last_error") or None
        skew_text = _get(connection, "skew") or None
        limits = offline_limits(desk, connection)
        cursor, head = int(_get(connection, "cursor") or 0), int(_get(connection, "head") or 0)
        server, store = _get(connection, "server") or None, _get(connection, "store") or None
    now = desk.now()
    skew_seconds = float(skew_text) if skew_text else None
    return SyncStatus(
        enrolled=enrolled,
        server=server,
        store=store,
        online=enrolled and limits is None and not last_error,
        pending=pending,
        oldest_pending_seconds=int((now - oldest).total_seconds()) if oldest else None,
        last_sync=last_ok,
        last_error=last_error,
        review_open=review_open,
        rejected=rejected,
        skew_seconds=skew_seconds,
        skew_warning=skew_seconds is not None and abs(skew_seconds) > SKEW_WARNING.total_seconds(),
        offline=limits,
        cursor=cursor,
        head=head,
    )


# What the review list calls each operation and each server finding, and how it explains them.
WHAT = {
    "member.registered": QT_TRANSLATE_NOOP("Review", "Registration"),
    "member.updated": QT_TRANSLATE_NOOP("Review", "Profile change"),
    "member.erased": QT_TRANSLATE_NOOP("Review", "Erasure of personal data"),
    "member.tier": QT_TRANSLATE_NOOP("Review", "Tier change"),
    "points.earned": QT_TRANSLATE_NOOP("Review", "Points from a slip"),
    "points.cash": QT_TRANSLATE_NOOP("Review", "Points as cash"),
    "points.redeem-gift": QT_TRANSLATE_NOOP("Review", "Gift redemption"),
    "points.redeem-coupon": QT_TRANSLATE_NOOP("Review", "Coupon for points"),
    "points.gift-out": QT_TRANSLATE_NOOP("Review", "Points given"),
    "points.gift-in": QT_TRANSLATE_NOOP("Review", "Points received"),
    "points.birthday": QT_TRANSLATE_NOOP("Review", "Birthday gift"),
    "points.activity": QT_TRANSLATE_NOOP("Review", "Event points"),
    "points.referral": QT_TRANSLATE_NOOP("Review", "Referral points"),
    "points.expired": QT_TRANSLATE_NOOP("Review", "Expiry"),
    "points.voided": QT_TRANSLATE_NOOP("Review", "Void"),
    "coupon.issued": QT_TRANSLATE_NOOP("Review", "Coupon issued"),
    "coupon.written_off": QT_TRANSLATE_NOOP("Review", "Coupon write-off"),
    "overdraw": QT_TRANSLATE_NOOP("Review", "Overdraw"),
    "double_write_off": QT_TRANSLATE_NOOP("Review", "Coupon used twice"),
    "duplicate_slip": QT_TRANSLATE_NOOP("Review", "Slip earned twice"),
    "profile_conflict": QT_TRANSLATE_NOOP("Review", "Profile edited at two counters"),
    "replayed_code": QT_TRANSLATE_NOOP("Review", "Member code shown twice"),
    "code.used": QT_TRANSLATE_NOOP("Review", "Member code scanned"),
    "complaint.event": QT_TRANSLATE_NOOP("Review", "Complaint"),
    "points.compensation": QT_TRANSLATE_NOOP("Review", "Compensation points"),
    "double_compensation": QT_TRANSLATE_NOOP("Review", "Compensation decided twice"),
    "review.resolved": QT_TRANSLATE_NOOP("Review", "Review item resolved"),
}
WHY = {
    "unknown_member": QT_TRANSLATE_NOOP(
        "Review", "The server has no such member; the operation refers to a member it never received."
    ),
    "unknown_coupon": QT_TRANSLATE_NOOP("Review", "The server has no coupon {code}."),
    "coupon_exists": QT_TRANSLATE_NOOP("Review", "The coupon code {code} exists already at the server."),
    "unknown_entry": QT_TRANSLATE_NOOP("Review", "The voided operation is not in the server's ledger."),
    "already_voided": QT_TRANSLATE_NOOP("Review", "The operation was voided already."),
    "reused_id": QT_TRANSLATE_NOOP("Review", "The server had an operation with the same id and another content."),
    "unknown_type": QT_TRANSLATE_NOOP(
        "Review", "The server does not know this kind of operation ({type}); update the server."
    ),
    "malformed": QT_TRANSLATE_NOOP("Review", "The server found the operation malformed ({field}: {problem})."),
    "invalid": QT_TRANSLATE_NOOP("Review", "The server refused a value ({field}: {problem})."),
    "unknown_complaint": QT_TRANSLATE_NOOP("Review", "The server has no such complaint; its opening never reached it."),
    "complaint_exists": QT_TRANSLATE_NOOP("Review", "The server has this complaint opened already."),
    "unknown_request": QT_TRANSLATE_NOOP("Review", "The server has no such compensation request for this complaint."),
    "double_compensation": QT_TRANSLATE_NOOP(
        "Review",
        "Complaint {ticket_no}: compensation request {request} was decided again at counter {counter_no} ({again_at}), after a first decision ({first_at}); check for a double compensation.",
    ),
    "unknown_review": QT_TRANSLATE_NOOP("Review", "The server has no review item {review_id}."),
    "overdraw": QT_TRANSLATE_NOOP(
        "Review", "Member {member_no} spent more than the balance: {balance_before} → {balance_after} points ({delta})."
    ),
    "double_write_off": QT_TRANSLATE_NOOP(
        "Review", "Coupon {code} was written off again at {again_at}; first used at {first_used_at}."
    ),
    "duplicate_slip": QT_TRANSLATE_NOOP("Review", "Slip {slip_no} earned points at two counters (member {member_no})."),
    "profile_conflict": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}: {fields} changed at another counter first; that value stands, check it with the member.",
    ),
    "replayed_code": QT_TRANSLATE_NOOP(
        "Review",
        "Member {member_no}'s code was scanned at counter {counter_no} at {again_at}, but counter {first_counter_no} had scanned it at {first_at}: one was a copy.",
    ),
}


def _readable(key: str, value: Any) -> Any:
    """Times to the minute, coupon codes in groups, as the clerk sees them elsewhere."""
    if value is None:
        return "—"
    if key.endswith("_at") and isinstance(value, str):
        try:
            return dt.datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
        except ValueError:
            return value
    if key == "code" and isinstance(value, str) and looks_like_coupon(value):
        return display_coupon(value)
    return value


def _explain(code: str | None, params: dict[str, Any], fallback: str) -> str:
    template = WHY.get(code or "")
    if template is None:
        return fallback
    try:
        return i18n.translate("Review", template).format(
            **{key: _readable(key, value) for key, value in params.items()}
        )
    except (KeyError, IndexError, ValueError):
        return fallback


def review_list(desk: Desk) -> list[ReviewLine]:
    """Operations the server refused and items it opened: nothing is dropped silently."""
    authorize(desk, Permission.LOOKUP, "sync.review")
    with desk.store.read() as connection:
        refused = connection.exec_driver_sql(
            "SELECT op_id, op_type, answered_at, reason FROM outbox WHERE status = 'rejected' ORDER BY seq"
        ).all()
        items = connection.exec_driver_sql(
            "SELECT id, kind, created_at, details FROM review_items WHERE status = 'open' ORDER BY id"
        ).all()
    lines = []
    for row in refused:
        try:
            reason = json.loads(row.reason or "{}")
        except ValueError:
            reason = {"text": row.reason}
        lines.append(
            ReviewLine(
                "rejected",
                row.op_id,
                row.op_type,
                i18n.translate("Review", WHAT.get(row.op_type, row.op_type)),
                str(row.answered_at or ""),
                _explain(reason.get("code"), reason.get("params") or {}, reason.get("text") or ""),
            )
        )
    for row in items:
        details = json.loads(row.details)
        lines.append(
            ReviewLine(
                "server",
                str(row.id),
                row.kind,
                i18n.translate("Review", WHAT.get(row.kind, row.kind)),
                str(row.created_at),
                _explain(row.kind, details, row.details),
            )
        )
    return lines


def review_sentence(kind: str, details: dict[str, Any], fallback: str = "") -> str:
    """What a server review item says, in the desk's language, as the review list shows it."""
    return _explain(kind, details, fallback)


REVIEW_OUTCOMES = ("accepted", "rejected")  # accepted: the finding stands as the reason says; rejected: it was wrong


@dataclass(frozen=True)
class ReviewResolution:
    review_id: int
    kind: str
    outcome: str
    reason: str | None
    resolved_by: str
    resolved_at: str


def resolve_review_item(desk: Desk, review_id: int | str, outcome: str, reason: str | None = None) -> ReviewResolution:
    """A manager closes an item the server opened (overdraw, coupon used twice, ...): who, when, the outcome and
    why are kept with it, and pushed, so the item closes at every counter; a rejection needs its reason."""
    actor = authorize(desk, Permission.APPROVE, "review.resolve", f"review:{review_id}"[:40])
    if outcome not in REVIEW_OUTCOMES:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A review item is accepted or rejected; {outcome} is neither."),
            outcome=str(outcome)[:20],
        )
    try:
        number = int(str(review_id).strip())
    except ValueError:
        number = 0
    if number < 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "A review item is named by its number, as in the review list (e.g. review:12).")
        )
    note = " ".join((reason or "").split())[:500] or None
    if outcome == "rejected" and note is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Give a reason for rejecting the review item; it goes into the audit log.")
        )
    now = desk.now()
    with desk.store.write() as connection:
        row = connection.exec_driver_sql(
            "SELECT id, kind, status, resolved_by, resolved_at FROM review_items WHERE id = ?", (number,)
        ).first()
        if row is None:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "There is no review item {review_id}; sync the desk, or check the number in the review list.",
                ),
                review_id=number,
            )
        if row.status != "open":
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors", "Review item {review_id} was resolved already ({by}, {when}); nothing was changed."
                ),
                review_id=number,
                by=row.resolved_by or "—",
                when=(row.resolved_at or "")[:16].replace("T", " ") or "—",
            )
        connection.exec_driver_sql(
            "UPDATE review_items SET status = 'resolved', resolved_by = ?, resolved_at = ?, resolution = ?, resolution_reason = ? WHERE id = ?",
            (actor.staff_id, _stamp(now.isoformat()), outcome, note, number),
        )
        outbox.append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "review.resolved",
            {"review_id": number, "outcome": outcome, "reason": note, "resolved_by": actor.staff_id},
            now,
        )
        record(
            desk,
            connection,
            actor,
            "review.resolve",
            f"review:{number}",
            before={"status": "open"},
            after={"status": "resolved", "outcome": outcome},
            details=f"{row.kind}: {outcome}" + (f": {note}" if note else ""),
        )
    return ReviewResolution(number, row.kind, outcome, note, actor.staff_id, now.isoformat(timespec="seconds"))
