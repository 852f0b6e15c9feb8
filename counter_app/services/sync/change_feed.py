"""The server's change feed applied to this desk's store: the chain's members (merged with provisional ones
registered here offline), their entries and coupons, review items, the catalog and the rules."""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import Connection

from counter_app import config
from counter_app.db import complaints as complaint_rows
from counter_app.db import members as member_rows
from counter_app.db import points as ledger
from counter_app.db import rewards as reward_rows
from counter_app.db import sealing, sync_state
from counter_app.db import staff as staff_rows
from counter_app.db.keys import DataKeys
from counter_app.db.sync_state import store_time
from counter_app.domain.codes import NONCE_KEEP_STEPS, step_of
from counter_app.domain.errors import DeskError
from counter_app.domain.members import ERASED_NAME, mask_id_number
from counter_app.domain.points import expires_on
from counter_app.domain.rules import parse_rules
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import keep_phone_index_key, phone_index_key, set_sync_value, sync_value
from counter_app.services.sync.status import SyncReport
from sync.client import SyncClient, SyncError, skew
from sync.protocol import MAX_PAGE, Change, ChangesPage

log = logging.getLogger(__name__)


def pull_changes(
    desk: Desk, client: SyncClient, report: SyncReport, progress: Callable[[int, int], None] | None
) -> None:
    """Page by page, each page and its cursor in one local transaction. The next page is fetched
    while this one is stored: on a first sync the two take about as long as each other."""
    with desk.store.read() as connection:
        cursor = int(sync_value(connection, "cursor") or 0)
        has_index_key = phone_index_key(desk, connection) is not None
    if not has_index_key:
        # Enrolled before enrolment handed the key out: asked once, before the members it finds arrive.
        try:
            key_text = client.phone_index_key().phone_index_key
        except SyncError as error:
            if error.status != 404:  # 404: a server from before blind indexes; members come with phones then
                raise
        else:
            with desk.store.write() as connection:
                keep_phone_index_key(desk, connection, key_text)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-pull") as fetcher:
        upcoming = fetcher.submit(_fetch, desk, client, cursor)
        while True:
            page, skew_seconds = upcoming.result()
            report.skew_seconds = skew_seconds
            if page.more:
                upcoming = fetcher.submit(_fetch, desk, client, page.cursor)
            with desk.store.write() as connection:
                _apply_page(desk, connection, page.changes)
                set_sync_value(connection, "cursor", page.cursor)
                set_sync_value(connection, "head", page.head)
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


def book(
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
    member_rows.add_to_points(connection, member_id, delta)


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
            apply_change(desk, connection, change)
    _apply_members(desk, connection, list(run.values()))


def _apply_members(desk: Desk, connection: Connection, run: list[dict[str, Any]]) -> None:
    """Members as the registry sends them: the phone only as its blind index and masked, the ID number masked."""
    if not run:
        return
    keys = desk.store.keys
    known = member_rows.present_member_uids(connection, [data["member_uid"] for data in run])
    indexes = {
        data["member_uid"]: data["phone_index"] for data in run if data.get("phone_index") and not data.get("erased_at")
    }
    taken = member_rows.present_registry_indexes(connection, list(indexes.values()))
    bulk, one_by_one = [], []
    for data in run:
        uid = data["member_uid"]
        simple = uid not in known and not data.get("erased_at") and not data.get("referrer_uid")
        index = indexes.get(uid)
        if simple and (index is None or index not in taken):
            bulk.append(data)
            if index is not None:
                taken.add(index)
        else:
            one_by_one.append(data)  # an update, a merge with a provisional member, or an erasure
    if bulk:
        now = store_time(desk.now().isoformat())
        first_id = member_rows.next_member_id(connection)
        rows, index_rows = [], []
        for offset, data in enumerate(bulk):
            member_id = first_id + offset
            masked = data.get("phone_masked")
            registered = store_time(data["registered_at"]) if data.get("registered_at") else now
            rows.append(
                (
                    member_id,
                    data["member_uid"],
                    data["member_no"],
                    None,  # phone_sealed: this counter did not register the member
                    None,  # phone_index: likewise
                    sealing.tail_index(keys, masked[-4:]) if masked else None,
                    data["name"],
                    data.get("gender"),
                    data.get("birthday"),
                    data.get("tier") or "regular",
                    0,
                    0,
                    data.get("consent_version") or "",
                    store_time(data["consented_at"]) if data.get("consented_at") else registered,
                    registered,
                    now,
                    data.get("counter_uid") or "",
                    indexes.get(data["member_uid"]),
                    masked,
                    data.get("id_number_masked"),
                )
            )
            index_rows.append((member_id, *member_rows.search_terms(data["name"])))
        member_rows.bulk_insert_members(connection, rows, index_rows, pulled=True)
    for data in one_by_one:
        _apply_member(desk, connection, data)


def apply_change(desk: Desk, connection: Connection, change: Change) -> None:
    """Every kind but members, which the page gathers into runs."""
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
        sync_state.save_review_item(
            connection,
            {
                "id": data["id"],
                "kind": data["kind"],
                "member_uid": data.get("member_uid"),
                "op_id": data["op_id"],
                "counter_uid": data["counter_uid"],
                "details": json.dumps(data.get("details") or {}, ensure_ascii=False),
                "status": data["status"],
                "created_at": data["created_at"],
                "resolved_by": resolution.get("by"),
                "resolved_at": store_time(resolution["at"]) if resolution.get("at") else None,
                "resolution": resolution.get("outcome"),
                "resolution_reason": resolution.get("reason"),
            },
        )
    elif change.kind == "code":
        # Another counter scanned this code: a copy of it shown here is a replay. Old ones cannot be replayed anyway.
        if data["step"] >= step_of(desk.now()) - NONCE_KEEP_STEPS:
            sync_state.note_code_scanned_elsewhere(
                connection, data["nonce"], data["member_uid"], data["step"], desk.now(), data.get("counter_uid")
            )
    elif change.kind == "gift":
        reward_rows.save_gift(connection, data["sku"], data["name"], data["points"], data["stock"], data["active"])
    elif change.kind == "coupon_type":
        reward_rows.save_coupon_type(
            connection,
            data["type_code"],
            {key: data[key] for key in ("title", "value_fen", "min_spend_fen", "valid_days", "points", "active")},
        )
    elif change.kind == "rules":
        _apply_rules(desk, data["text"])
    elif change.kind == "staff":
        # An account of this store or a chain-wide one, as the server keeps it: disabled there, disabled here.
        staff_rows.save_pulled_staff(connection, data, desk.now())
    elif change.kind == "complaint":
        # An event this counter lacks (made elsewhere): kept, and the complaint folded again from all of them.
        complaint_rows.store_pulled_event(connection, desk.store.keys, data)


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _apply_member(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    uid = data["member_uid"]
    keys = desk.store.keys
    erased = data.get("erased_at") is not None
    index = None if erased else data.get("phone_index")
    masked = None if erased else data.get("phone_masked")
    id_masked = None if erased else data.get("id_number_masked")
    registered = _time(data["registered_at"]) or desk.now()
    values: dict[str, Any] = {
        "member_no": data["member_no"],
        "name": ERASED_NAME if erased else data["name"],
        "gender": None if erased else data.get("gender"),
        "birthday": dt.date.fromisoformat(data["birthday"]) if data.get("birthday") and not erased else None,
        "tier": data.get("tier") or "regular",
        "erased_at": _time(data.get("erased_at")),
        "updated_at": desk.now(),
        "registry_index": index,
        "phone_masked": masked,
        "id_number_masked": id_masked,
    }
    row = member_rows.member_by(connection, member_uid=uid)
    holder = member_rows.member_of_registry_index(connection, index) if index else None
    if row is None and holder is not None:
        # A member this counter registered offline under its own id, for a phone the registry
        # already had: the local row becomes the registry's member, its entries follow it.
        _rename(desk, connection, holder.id, uid)
        row = member_rows.member_by(connection, member_uid=uid)
    elif holder is not None and row is not None and holder.id != row.id:
        member_rows.clear_registry_index(connection, holder.id)  # the registry moved the phone to this member
    values.update(_numbers_kept(desk, row, index, masked, id_masked) if row is not None else _no_numbers(keys, masked))
    if erased:
        values["phone_tail_index"] = None
    if row is None:
        referrer = data.get("referrer_uid")
        values.update(
            member_uid=uid,
            referrer_id=member_rows.member_id_of_uid(connection, referrer) if referrer else None,
            points=0,
            spend_12m_cents=0,
            consent_version=data.get("consent_version") or "",
            consented_at=_time(data.get("consented_at")) or registered,
            registered_at=registered,
            counter_uid=data.get("counter_uid") or "",
        )
        member_id = member_rows.insert_member(connection, values)
        if erased:
            member_rows.drop_from_search(connection, member_id)
        return
    member_rows.update_member(connection, row.id, values)
    if erased:
        member_rows.drop_from_search(connection, row.id)
        member_rows.blank_change_history(connection, row.id)


def _no_numbers(keys: DataKeys, masked: str | None) -> dict[str, Any]:
    """A member this counter did not register: no phone or ID number here, the phone's tail searchable."""
    return {
        "phone_sealed": None,
        "phone_index": None,
        "phone_tail_index": sealing.tail_index(keys, masked[-4:]) if masked else None,
        "id_number_sealed": None,
    }


def _numbers_kept(desk: Desk, row: Any, index: str | None, masked: str | None, id_masked: str | None) -> dict[str, Any]:
    """A member registered (or edited) here keeps the phone and ID number sealed here while the registry's
    still match them; one changed elsewhere is dropped, and the card shows the registry's masked form."""
    keys = desk.store.keys
    kept: dict[str, Any] = {}
    if not (row.phone_sealed and index and row.registry_index == index):
        kept.update(_no_numbers(keys, masked))
        kept.pop("id_number_sealed")
    if row.id_number_sealed:
        mine = sealing.unseal(keys, row.id_number_sealed, sealing.id_number_context(row.member_uid))
        if mask_id_number(mine) != id_masked:
            kept["id_number_sealed"] = None
    return kept


def _rename(desk: Desk, connection: Connection, member_id: int, new_uid: str) -> None:
    """A provisional member takes the registry's id. Phone and ID number are sealed under the id,
    so they are opened with the old one and sealed again with the new."""
    row = member_rows.sealed_identity(connection, member_id)
    keys = desk.store.keys
    phone = sealing.unseal(keys, row.phone_sealed, sealing.phone_context(row.member_uid)) if row.phone_sealed else None
    id_number = (
        sealing.unseal(keys, row.id_number_sealed, sealing.id_number_context(row.member_uid))
        if row.id_number_sealed
        else None
    )
    sealed = sealing.sealed_member_fields(keys, new_uid, phone, id_number)
    member_rows.give_member_uid(connection, member_id, new_uid, sealed["phone_sealed"], sealed["id_number_sealed"])


def _apply_alias(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    """The server merged a provisional member into the registry's: here too."""
    alias = member_rows.member_id_of_uid(connection, data["alias_uid"])
    if alias is None:
        return
    target = member_rows.member_id_of_uid(connection, data["member_uid"])
    if target is None:
        _rename(desk, connection, alias, data["member_uid"])
        member_rows.set_member_no(connection, alias, data["member_no"])
        return
    # Both here: everything of the provisional member moves to the registry's member.
    member_rows.merge_member(connection, alias, target)


def _apply_entry(desk: Desk, connection: Connection, data: dict[str, Any]) -> None:
    if ledger.has_entry(connection, data["entry_id"]):
        return  # made here, or pulled before
    member_id = member_rows.member_id_of_uid(connection, data["member_uid"])
    if member_id is None:
        log.error("entry %s for unknown member %s skipped", data["entry_id"], data["member_uid"])
        return
    slip = data.get("slip_no")
    if slip and ledger.entry_by_slip(connection, slip) is not None:
        slip = None  # the same slip earned at two counters offline: the server's review list has it
    ledger_values = {key: data.get(key) for key in ("amount_fen", "shop", "note", "reverses", "item", "qty")}
    # In this desk's time zone: the ledger orders by its stored time text.
    at = (_time(data["at"]) or desk.now()).astimezone(desk.now().tzinfo)
    book(
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
    member_id = member_rows.member_id_of_uid(connection, data["member_uid"])
    if member_id is None:
        log.error("coupon %s for unknown member %s skipped", data["code"], data["member_uid"])
        return
    # A coupon kind this counter has not heard of: kept, so the coupon can be shown and used.
    reward_rows.keep_unknown_coupon_type(
        connection, data["type_code"], data.get("value_fen") or 0, data.get("min_spend_fen") or 0
    )
    status = reward_rows.coupon_status(connection, data["code"])
    if status is None:
        reward_rows.insert_pulled_coupon(
            connection,
            {
                "code": data["code"],
                "type_code": data["type_code"],
                "member_id": member_id,
                "value_fen": data.get("value_fen") or 0,
                "min_spend_fen": data.get("min_spend_fen") or 0,
                "valid_until": data.get("valid_until") or "9999-12-31",
                "issued_at": data["issued_at"],
                "issued_entry_id": data.get("issued_entry_id"),
                "status": data["status"],
                "used_at": data.get("used_at"),
                "used_counter": data.get("used_counter"),
            },
        )
    elif data["status"] == "written_off" and status != "written_off":
        reward_rows.mark_written_off_elsewhere(connection, data["code"], data.get("used_at"), data.get("used_counter"))


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
