"""Staff the server knows: who made each pushed operation, who authorised it, and the accounts the counters share.

The trust rule (DESIGN "Trust model"; docs/ARCHITECTURE.md says it for administrators):
- Every operation names its staff member (`Op.staff_id`), who must be an active account of the pushing device's
  store, or a chain-wide one. Only counters enrolled before this rule (their older outbox entries name nobody)
  may send operations without one, until the first one that names somebody.
- A manager operation (erasure, void, adjustment, compensation, review resolution, phone change, staff change,
  a redemption above the rules' approval limit) also needs authority: the op's `authorised_by`, or else its
  staff member, must be an active account of that store or a chain-wide one whose role carries the permission
  the counter itself asks for (counter_app.domain.staff). A manager of one store authorises nothing at another.
- A counter saves accounts of its own store only (staff.saved), authorised like any staff change, with one
  exception: the store's first account, while the server knows none of that store, may be pushed by the account
  itself (the counter's first-run administrator). Chain-wide accounts are made only with `counter-server staff`.
What the server keeps goes back down the change feed to that store's counters only (PIN hashes are short PINs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, insert, or_, select, update

from counter_app.domain.errors import DeskError
from counter_app.domain.rules import Rules, parse_rules
from counter_app.domain.staff import Permission, may, normalize_staff_id
from counter_app.paths import resources_dir
from sync.protocol import (
    ComplaintEventOp,
    LedgerOp,
    MemberErased,
    MemberUpdated,
    Op,
    Payload,
    ReviewResolved,
    StaffSaved,
)
from sync.server import validate
from sync.server.apply import Rejected
from sync.server.schema import devices, server_meta, staff
from sync.server.store import ServerStore, emit, utc_now

CHAIN_WIDE = ""  # the `store` of a chain-wide account
SPENDS_NEEDING_APPROVAL = frozenset({"cash", "redeem-gift", "redeem-coupon"})  # as the counter limits them


def _push_cache(connection: Connection) -> dict[str, Any]:
    """What this push has read already (apply.apply_ops makes it new for every push)."""
    cache: dict[str, Any] = connection.info["batch"].checks
    return cache


def _account(connection: Connection, staff_id: str, store: str) -> Any:
    """The account STAFF_ID as the device's STORE sees it: its own, or a chain-wide one. Read once per push:
    a push of earnings names the same few staff thousands of times (outside a push, read each time)."""
    if "batch" not in connection.info:
        return connection.execute(
            select(staff).where(staff.c.staff_id == staff_id, staff.c.store.in_((store, CHAIN_WIDE)))
        ).first()
    accounts = _push_cache(connection).setdefault("accounts", {})
    if (staff_id, store) not in accounts:
        accounts[staff_id, store] = connection.execute(
            select(staff).where(staff.c.staff_id == staff_id, staff.c.store.in_((store, CHAIN_WIDE)))
        ).first()
    return accounts[staff_id, store]


def _approval_limit(connection: Connection, op: Op, payload: Payload) -> int:
    """The redemption size above which a manager authorises: by the rules version the counter says it applied
    (one the server published and that was in force at the operation's time, or within the grace after it, as
    validate checks), else by the rules in force at the operation's time. A counter that had not pulled a lowered
    limit yet is not refused for following the rules it had; nobody gets an older limit by naming no version."""
    if not isinstance(payload, LedgerOp) or payload.kind not in SPENDS_NEEDING_APPROVAL:
        return _rules(connection).redeem_approval_over
    book = validate.checks_of(connection.info["batch"], connection)
    return book.rules(op.at, payload.rules_version)[0].redeem_approval_over


def needed_permission(op: Op, payload: Payload, approval_over: int) -> Permission | None:
    """The manager's permission an operation needs at the server, the same the counter asked for; None: none."""
    if isinstance(payload, MemberErased):
        return Permission.ERASE_MEMBER
    if isinstance(payload, StaffSaved):
        return Permission.MANAGE_STAFF
    if isinstance(payload, ReviewResolved):
        return Permission.APPROVE
    if isinstance(payload, MemberUpdated) and "phone" in payload.changes:
        return Permission.APPROVE  # the phone is the member's unified ID
    if isinstance(payload, ComplaintEventOp) and payload.kind == "compensation_decided":
        return Permission.COMPENSATE
    if isinstance(payload, LedgerOp):
        if payload.reverses is not None or payload.kind in ("reversal", "adjust"):
            return Permission.VOID
        if payload.kind == "compensation":
            return Permission.COMPENSATE
        if payload.kind in SPENDS_NEEDING_APPROVAL and -payload.delta > approval_over:
            return Permission.APPROVE
    return None


def _rules(connection: Connection) -> Rules:
    """The rules published to the counters (or the shipped ones), read once per push."""
    cache = _push_cache(connection)
    if "rules" not in cache:
        text = connection.execute(select(server_meta.c.value).where(server_meta.c.key == "rules")).scalar()
        if text is None:
            text = (resources_dir() / "rules.toml").read_text(encoding="utf-8")
        cache["rules"] = parse_rules(text)
    rules: Rules = cache["rules"]
    return rules


def check_op(connection: Connection, device: Any, op: Op, payload: Payload) -> None:
    """Who made OP and who authorised it, against the accounts of DEVICE's store; refuses with Rejected."""
    if op.staff_id is None:
        if _still_unstaffed(connection, device) and not isinstance(payload, StaffSaved):
            return  # an outbox entry made before counters named their staff
        raise Rejected(
            "staff_missing",
            "The operation does not say which staff member made it; this server needs one for every operation.",
        )
    _note_staffed(connection, device)
    store = device.store
    if isinstance(payload, StaffSaved) and _first_of_store(connection, op, payload, store):
        return
    maker = _active(connection, op.staff_id, store, "staff")
    permission = needed_permission(op, payload, _approval_limit(connection, op, payload))
    if permission is None:
        if op.authorised_by is not None:
            _active(connection, op.authorised_by, store, "authoriser")
        return
    authority = _active(connection, op.authorised_by, store, "authoriser") if op.authorised_by else maker
    if not may(authority.role, permission):
        raise Rejected(
            "not_authorised",
            f"{authority.staff_id} ({authority.role}) may not authorise this operation ({permission.value}) at store {store}.",
            staff=authority.staff_id,
            role=authority.role,
            permission=permission.value,
        )


def check_revealer(connection: Connection, device: Any, staff_id: str) -> None:
    """ "Show full number" names the manager signed in at the counter: an active account of the device's store
    (or a chain-wide one) whose role may see personal data, as the counter itself asks. Refuses with Rejected."""
    account = _active(connection, staff_id, device.store, "staff")
    if not may(account.role, Permission.REVEAL_PERSONAL_DATA):
        raise Rejected(
            "not_authorised",
            f"{account.staff_id} ({account.role}) may not see members' full numbers at store {device.store}.",
            staff=account.staff_id,
            role=account.role,
            permission=Permission.REVEAL_PERSONAL_DATA.value,
        )


def _active(connection: Connection, staff_id: str, store: str, who: str) -> Any:
    row = _account(connection, staff_id, store)
    if row is None:
        elsewhere = connection.execute(select(staff.c.store).where(staff.c.staff_id == staff_id)).first()
        if elsewhere is not None:
            raise Rejected(
                f"{who}_other_store",
                f"The {who} {staff_id} is an account of store {elsewhere.store}, not of store {store}.",
                staff=staff_id,
                store=store,
            )
        raise Rejected(
            f"unknown_{who}", f"The server knows no {who} {staff_id} at store {store}.", staff=staff_id, store=store
        )
    if not row.active:
        raise Rejected(f"{who}_disabled", f"The account {staff_id} is disabled.", staff=staff_id)
    return row


def _still_unstaffed(connection: Connection, device: Any) -> bool:
    return bool(device.accepts_unstaffed) and device.device_id not in _push_cache(connection).get("staffed_devices", ())


def _note_staffed(connection: Connection, device: Any) -> None:
    """The device's first operation naming its staff ends its unstaffed ones for good."""
    if _still_unstaffed(connection, device):
        connection.execute(
            update(devices).where(devices.c.device_id == device.device_id).values(accepts_unstaffed=False)
        )
        _push_cache(connection).setdefault("staffed_devices", set()).add(device.device_id)


def _first_of_store(connection: Connection, op: Op, payload: StaffSaved, store: str) -> bool:
    """The first-run administrator: the store's first account, pushed by itself, while the server knows none."""
    if op.staff_id != payload.staff_id or op.authorised_by is not None or payload.role != "admin":
        return False
    known = connection.execute(select(func.count()).select_from(staff).where(staff.c.store == store)).scalar_one()
    return int(known) == 0


def save_from_counter(
    connection: Connection, device: Any, op: Op, payload: StaffSaved, now: dt.datetime
) -> dict[str, Any]:
    """Keep an account a counter saved (check_op has found its authority) and send it to the store's counters."""
    if connection.execute(
        select(staff.c.staff_id).where(staff.c.staff_id == payload.staff_id, staff.c.store == CHAIN_WIDE)
    ).first():
        raise Rejected(
            "chain_wide_account",
            f"{payload.staff_id} is a chain-wide account; only head office changes it (counter-server staff).",
            staff=payload.staff_id,
        )
    if payload.joining and _only(connection, payload.staff_id, device.store, required=False) is not None:
        # A counter joining the store brings an account the chain has: the chain's stands, and reaches it by the feed.
        return {"staff_id": payload.staff_id, "kept": "server"}
    values = {
        "name": payload.name,
        "role": payload.role,
        "pin_hash": payload.pin_hash,
        "active": payload.active,
        "updated_at": now.isoformat(),
        "updated_by": f"{op.staff_id}@{device.device_id}",
    }
    _put(connection, device.store, payload.staff_id, values)
    return {"staff_id": payload.staff_id}


def _put(connection: Connection, store: str, staff_id: str, values: dict[str, Any]) -> None:
    key = and_(staff.c.store == store, staff.c.staff_id == staff_id)
    if connection.execute(select(staff.c.staff_id).where(key)).first() is None:
        connection.execute(insert(staff).values(store=store, staff_id=staff_id, **values))
    else:
        connection.execute(update(staff).where(key).values(**values))
    if "batch" in connection.info:  # saved by a push (not the server CLI): its later ops see the account as saved
        _push_cache(connection).pop("accounts", None)
    _emit(connection, store, staff_id)


def _emit(connection: Connection, store: str, staff_id: str) -> None:
    row = connection.execute(select(staff).where(staff.c.store == store, staff.c.staff_id == staff_id)).one()
    emit(
        connection,
        "staff",
        staff_id,
        {
            "staff_id": row.staff_id,
            "name": row.name,
            "role": row.role,
            "pin_hash": row.pin_hash,
            "active": bool(row.active),
            "chain_wide": row.store == CHAIN_WIDE,
            "updated_at": row.updated_at,
        },
        store=None if row.store == CHAIN_WIDE else row.store,
    )


# What `counter-server staff` does.


class StaffCommandError(Exception):
    """Bad input (exit 2), no such account (4) or a clash (5), with the sentence to print."""

    def __init__(self, text: str, exit_code: int) -> None:
        super().__init__(text)
        self.exit_code = exit_code


@dataclass(frozen=True)
class StaffRow:
    staff_id: str
    name: str
    role: str
    store: str | None  # None: chain-wide
    active: bool
    updated_at: str
    updated_by: str


def _row(row: Any) -> StaffRow:
    return StaffRow(
        row.staff_id,
        row.name,
        row.role,
        None if row.store == CHAIN_WIDE else row.store,
        bool(row.active),
        row.updated_at,
        row.updated_by,
    )


def clean_staff_id(staff_id: str) -> str:
    try:
        return normalize_staff_id(staff_id)
    except DeskError as error:
        raise StaffCommandError(error.message("en"), 2) from None


def add_account(
    store: ServerStore, staff_id: str, name: str, role: str, pin_hash: str, store_name: str | None
) -> StaffRow:
    """A new account of STORE_NAME, or chain-wide (None); its staff ID may not clash with a chain-wide one."""
    scope = CHAIN_WIDE if store_name is None else store_name
    with store.write() as connection:
        # A chain-wide ID may be nobody's at any store: every counter holds chain-wide accounts beside its own.
        query = select(staff.c.store).where(staff.c.staff_id == staff_id)
        if scope != CHAIN_WIDE:
            query = query.where(or_(staff.c.store == scope, staff.c.store == CHAIN_WIDE))
        clash = connection.execute(query).first()
        if clash is not None:
            where = "chain-wide" if clash.store == CHAIN_WIDE else f"at store {clash.store}"
            raise StaffCommandError(f"Staff ID {staff_id} exists already ({where}); choose another.", 5)
        values = {
            "name": name,
            "role": role,
            "pin_hash": pin_hash,
            "active": True,
            "updated_at": utc_now().isoformat(),
            "updated_by": "server",
        }
        _put(connection, scope, staff_id, values)
        return _row(_only(connection, staff_id, scope))


def list_accounts(store: ServerStore, store_name: str | None = None) -> list[StaffRow]:
    with store.read() as connection:
        query = select(staff).order_by(staff.c.store, staff.c.staff_id)
        if store_name is not None:
            query = query.where(staff.c.store == store_name)
        return [_row(row) for row in connection.execute(query)]


def set_active(store: ServerStore, staff_id: str, active: bool, store_name: str | None = None) -> StaffRow:
    """Disable or enable an account everywhere: its store's counters hear of it on their next pull.
    STORE_NAME picks one of several accounts with that ID ("" the chain-wide one); None: the only one."""
    with store.write() as connection:
        query = select(staff).where(staff.c.staff_id == staff_id)
        if store_name is not None:
            query = query.where(staff.c.store == store_name)
        found = connection.execute(query).all()
        if not found:
            raise StaffCommandError(f"There is no staff account {staff_id}; `counter-server staff list` shows them.", 4)
        if len(found) > 1:
            stores = ", ".join(row.store or "chain-wide" for row in found)
            raise StaffCommandError(f"{staff_id} is an account at several stores ({stores}); name one with --store.", 2)
        row = found[0]
        if bool(row.active) != active:
            values = {"active": active, "updated_at": utc_now().isoformat(), "updated_by": "server"}
            connection.execute(
                update(staff).where(staff.c.store == row.store, staff.c.staff_id == staff_id).values(**values)
            )
            _emit(connection, row.store, staff_id)
        return _row(_only(connection, staff_id, row.store))


def _only(connection: Connection, staff_id: str, scope: str, required: bool = True) -> Any:
    found = connection.execute(select(staff).where(staff.c.store == scope, staff.c.staff_id == staff_id))
    return found.one() if required else found.first()
