"""Signing in, locking out, and the one place where every operation's permission is checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Row

from counter_app.db import staff as staff_rows
from counter_app.db import sync_state
from counter_app.db.outbox import append_op
from counter_app.domain.errors import Conflict, DeskError, FieldError, form_invalid
from counter_app.domain.members import normalize_name
from counter_app.domain.staff import (
    LOCKOUT_ATTEMPTS,
    LOCKOUT_MINUTES,
    Actor,
    NeedsManager,
    NotPermitted,
    Permission,
    check_pin,
    check_role,
    may,
    normalize_staff_id,
)
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit_trail import record, record_alone
from counter_app.services.desk_state import Desk

# Argon2id with argon2-cffi's defaults (RFC 9106's low-memory profile): ~0.1 s a check here.
PIN_HASHER = PasswordHasher()


class NotSignedIn(NotPermitted):
    pass


@dataclass(frozen=True)
class StaffInfo:
    staff_id: str
    name: str
    role: str
    active: bool
    locked_until: str | None


def _info(row: Row[Any]) -> StaffInfo:
    return StaffInfo(
        row.staff_id,
        row.name,
        row.role,
        bool(row.active),
        row.locked_until.isoformat(timespec="minutes") if row.locked_until else None,
    )


def has_staff(desk: Desk) -> bool:
    with desk.store.read() as connection:
        return staff_rows.staff_count(connection) > 0


def _new_staff_fields(staff_id: str, name: str, role: str, pin: str) -> tuple[str, str, str, str]:
    errors: dict[str, DeskError] = {}
    values = {}
    for field, check, value in (
        ("staff_id", normalize_staff_id, staff_id),
        ("name", normalize_name, name),
        ("role", check_role, role),
        ("pin", check_pin, pin),
    ):
        try:
            values[field] = check(value)
        except FieldError as error:
            errors[field] = error
    if errors:
        raise form_invalid(errors)
    return values["staff_id"], values["name"], values["role"], PIN_HASHER.hash(values["pin"])


def create_first_admin(desk: Desk, staff_id: str, name: str, pin: str) -> StaffInfo:
    """First start: the desk has nobody yet, so the first account is an administrator and needs no sign-in."""
    staff_id, name, role, pin_hash = _new_staff_fields(staff_id, name, "admin", pin)
    with desk.store.write() as connection:
        if staff_rows.staff_count(connection):
            raise NotPermitted(
                QT_TRANSLATE_NOOP(
                    "Errors", "This desk has staff accounts already; an administrator adds new ones after signing in."
                )
            )
        staff_rows.insert_staff(connection, staff_id, name, role, pin_hash, desk.now())
        row = _require_staff(connection, staff_id)
        first = Actor(staff_id, name, role)
        with desk.acting_as(first):  # the server takes a store's first account from itself alone
            _send_account(desk, connection, row)
        record(desk, connection, first, "staff.first_admin", staff_id, after={"name": name, "role": role})
        return _info(row)


def add_staff(desk: Desk, staff_id: str, name: str, role: str, pin: str) -> StaffInfo:
    actor = authorize(desk, Permission.MANAGE_STAFF, "staff.add", staff_id)
    staff_id, name, role, pin_hash = _new_staff_fields(staff_id, name, role, pin)
    with desk.store.write() as connection:
        if staff_rows.staff_by_id(connection, staff_id):
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "Staff ID {staff_id} is taken; choose another."), staff_id=staff_id
            )
        staff_rows.insert_staff(connection, staff_id, name, role, pin_hash, desk.now())
        row = _require_staff(connection, staff_id)
        _send_account(desk, connection, row)
        record(desk, connection, actor, "staff.add", staff_id, after={"name": name, "role": role})
        return _info(row)


def list_staff(desk: Desk) -> list[StaffInfo]:
    authorize(desk, Permission.MANAGE_STAFF, "staff.list")
    with desk.store.read() as connection:
        return [_info(row) for row in staff_rows.all_staff(connection)]


def change_staff(
    desk: Desk,
    staff_id: str,
    *,
    role: str | None = None,
    active: bool | None = None,
    pin: str | None = None,
    unlock: bool = False,
) -> StaffInfo:
    """An administrator changes a role, disables an account, sets a new PIN, or lifts a lockout."""
    actor = authorize(desk, Permission.MANAGE_STAFF, "staff.change", staff_id)
    staff_id = normalize_staff_id(staff_id)
    values: dict[str, object] = {}
    if role is not None:
        values["role"] = check_role(role)
    if active is not None:
        values["active"] = active
    if pin is not None:
        values["pin_hash"] = PIN_HASHER.hash(check_pin(pin))
    if unlock or pin is not None:
        values.update(failed_attempts=0, locked_until=None)
    with desk.store.write() as connection:
        row = _require_staff(connection, staff_id)
        if staff_id == actor.staff_id and (values.get("active") is False or values.get("role", "admin") != "admin"):
            raise NotPermitted(
                QT_TRANSLATE_NOOP("Errors", "You cannot disable or demote your own account; ask another administrator.")
            )
        staff_rows.update_staff(connection, staff_id, **values, updated_at=desk.now())
        if {"role", "active", "pin_hash"} & values.keys():  # a lockout lifted is this desk's own business
            _send_account(desk, connection, _require_staff(connection, staff_id))
        shown = {key: value for key, value in values.items() if key != "pin_hash"} | (
            {"pin": "changed"} if pin is not None else {}
        )
        record(
            desk,
            connection,
            actor,
            "staff.change",
            staff_id,
            before={"role": row.role, "active": bool(row.active)},
            after=shown,
        )
        return _info(_require_staff(connection, staff_id))


def _send_account(desk: Desk, connection: Connection, row: Row[Any], joining: bool = False) -> None:
    """The account goes to the server (staff.saved), which sends it to the store's other counters. A desk not
    enrolled yet keeps its accounts: enrolment sends them all (send_accounts_on_joining)."""
    if not joining and not sync_state.get_state(connection, "device_id"):
        return
    payload = {
        "staff_id": row.staff_id,
        "name": row.name,
        "role": row.role,
        "pin_hash": row.pin_hash,
        "active": bool(row.active),
        "joining": joining,
    }
    append_op(connection, desk.store.keys, desk.counter_uid, "staff.saved", payload, desk.now())


def send_accounts_on_joining(desk: Desk, connection: Connection, actor: Actor | None) -> bool:
    """Enrolment, in its transaction: every account of this desk goes to the server, the enrolling administrator's
    own first and in its own name (a store's first account is taken from itself), the others in its name too.
    An account the chain knows already keeps the chain's version, which the feed then brings here.
    ACTOR None (a desk enrolled before accounts travelled): in the name of its first active administrator.
    False: the desk has no administrator to send them in the name of; nothing was sent."""
    rows = staff_rows.all_staff(connection)
    if actor is None or actor.role != "admin":
        admin = next((row for row in rows if row.role == "admin" and row.active), None)
        if admin is None:
            return False
        actor = Actor(admin.staff_id, admin.name, admin.role)
    sender = actor.staff_id
    rows = sorted(rows, key=lambda row: row.staff_id != sender)
    with desk.acting_as(Actor(actor.staff_id, actor.name, actor.role)):
        for row in rows:
            _send_account(desk, connection, row, joining=True)
    return True


def _require_staff(connection: Connection, staff_id: str) -> Row[Any]:
    row = staff_rows.staff_by_id(connection, staff_id)
    if row is None:
        raise NotPermitted(QT_TRANSLATE_NOOP("Errors", "There is no staff member {staff_id}."), staff_id=staff_id)
    return row


def _locked_refusal(staff_id: str, until: dt.datetime) -> NotPermitted:
    return NotPermitted(
        QT_TRANSLATE_NOOP(
            "Errors",
            "Account {staff_id} is locked after {attempts} wrong PINs until {until}; wait, or ask an administrator to unlock it.",
        ),
        staff_id=staff_id,
        attempts=LOCKOUT_ATTEMPTS,
        until=until.strftime("%H:%M"),
    )


@dataclass(frozen=True)
class _Attempt:
    """One sign-in attempt, counted before its PIN is checked; `refused` says why it goes no further."""

    row: Row[Any] | None
    number: int = 0
    locks: bool = False
    refused: str | None = None


def _reserve_attempt(desk: Desk, staff_id: str, now: dt.datetime) -> _Attempt:
    """Count the attempt as wrong, in one write transaction, before the slow hash runs.

    Checking the lock and counting the attempt together is what keeps parallel attempts (threads or other
    processes) from all passing the check before any of them is counted. The attempt that uses the last
    allowed try sets the lock at once, so nothing started after it gets its PIN checked; if its PIN turns
    out right, it lifts the lock again. A crash between here and the outcome leaves the attempt counted."""
    with desk.store.write() as connection:
        row = staff_rows.staff_by_id(connection, staff_id)
        if row is None or not row.active:
            return _Attempt(row, refused="unknown or disabled account")
        if row.locked_until is not None and row.locked_until > now:
            return _Attempt(row, refused="account locked")
        number = row.failed_attempts + 1
        if number >= LOCKOUT_ATTEMPTS:
            until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
            staff_rows.update_staff(connection, staff_id, failed_attempts=0, locked_until=until)
            return _Attempt(row, number, locks=True)
        staff_rows.update_staff(connection, staff_id, failed_attempts=number)
        return _Attempt(row, number)


def _check_credentials(desk: Desk, staff_id: str, pin: str, action: str) -> Actor:
    """Staff ID and PIN, with the lockout: five wrong PINs lock the account for five minutes."""
    try:
        staff_id = normalize_staff_id(staff_id)
    except FieldError:
        staff_id = (staff_id or "")[:20]
    now = desk.now()
    attempt = _reserve_attempt(desk, staff_id, now)
    wrong = NotPermitted(QT_TRANSLATE_NOOP("Errors", "Unknown staff ID or wrong PIN; try again."))
    row = attempt.row
    if attempt.refused is not None or row is None:
        record_alone(desk, None, action, staff_id, outcome="refused", details=attempt.refused)
        if row is not None and row.locked_until is not None and attempt.refused == "account locked":
            raise _locked_refusal(staff_id, row.locked_until)
        raise wrong
    try:
        PIN_HASHER.verify(row.pin_hash, pin or "")  # outside the write lock: it takes ~0.1 s
    except (VerificationError, InvalidHashError):
        if attempt.locks:
            record_alone(
                desk, None, "staff.locked_out", staff_id, outcome="refused", details=f"{attempt.number} wrong PINs"
            )
        else:
            details = f"wrong PIN ({attempt.number} of {LOCKOUT_ATTEMPTS})"
            record_alone(desk, None, action, staff_id, outcome="refused", details=details)
        raise wrong from None
    actor = Actor(row.staff_id, row.name, row.role)
    with desk.store.write() as connection:
        fresh = _require_staff(connection, staff_id)
        # The right PIN clears the wrong ones counted before it; attempts that started while it was being
        # checked stay counted, and a lock they set stays (only this attempt's own lock is lifted).
        values: dict[str, object] = {"failed_attempts": max(0, fresh.failed_attempts - attempt.number)}
        if attempt.locks or fresh.locked_until is None or fresh.locked_until <= now:
            values["locked_until"] = None
        if PIN_HASHER.check_needs_rehash(row.pin_hash):
            values["pin_hash"] = PIN_HASHER.hash(pin)
        staff_rows.update_staff(connection, staff_id, **values)
        record(desk, connection, actor, action, staff_id)
    return actor


def sign_in(desk: Desk, staff_id: str, pin: str) -> Actor:
    desk.session = _check_credentials(desk, staff_id, pin, "auth.sign_in")
    return desk.session


def sign_out(desk: Desk, reason: str = "auth.sign_out") -> None:
    """Signing out and locking both end the session: the next person signs in again."""
    if desk.session is not None:
        record_alone(desk, desk.session, reason, desk.session.staff_id)
    desk.session = None


def manager_override(desk: Desk, staff_id: str, pin: str, permission: Permission | None, action: str) -> Actor:
    """A manager authorises one operation on the spot: both identities go into its audit entry."""
    requester = desk.actor()
    if requester is None:
        raise NotSignedIn(QT_TRANSLATE_NOOP("Errors", "Sign in first: this needs a staff member at the desk."))
    manager = _check_credentials(desk, staff_id, pin, "auth.override")
    needed = permission or Permission.APPROVE  # no named permission: anyone who may approve
    if not may(manager.role, needed):
        record_alone(
            desk,
            requester,
            action,
            None,
            outcome="refused",
            details=f"override by {manager.staff_id} ({manager.role}) lacks {needed.value}",
        )
        raise NotPermitted(
            QT_TRANSLATE_NOOP("Errors", "{staff_id} may not authorise this either; ask a manager."),
            staff_id=manager.staff_id,
        )
    return Actor(
        requester.staff_id, requester.name, requester.role, authorized_by=manager.staff_id, authorizer_role=manager.role
    )


def authorize(desk: Desk, permission: Permission, action: str, subject: str | None = None) -> Actor:
    """Every service asks here first; a refusal is audited and says who could do it."""
    actor = desk.actor()
    if actor is None:
        raise NotSignedIn(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Sign in first: this needs a staff member at the desk (on the command line: --staff ID, PIN in COUNTER_PIN).",
            )
        )
    _refuse_disabled(desk, actor, action, subject)
    if actor.may(permission):
        return actor
    record_alone(desk, actor, action, subject, outcome="refused", details=f"{actor.role} lacks {permission.value}")
    if may("manager", permission):
        raise NeedsManager(
            QT_TRANSLATE_NOOP("Errors", "Your role may not do this; a manager can authorise it."),
            permission=permission.value,
        )
    raise NotPermitted(QT_TRANSLATE_NOOP("Errors", "Only an administrator may do this."), permission=permission.value)


def _refuse_disabled(desk: Desk, actor: Actor, action: str, subject: str | None) -> None:
    """An account disabled since it signed in (here, or centrally, through the change feed) acts no more:
    its session ends at its next action, and a manager's override from it counts no more either."""
    with desk.store.read() as connection:
        disabled = [
            staff_id
            for staff_id in (actor.staff_id, actor.authorized_by)
            if staff_id is not None
            and (row := staff_rows.staff_by_id(connection, staff_id)) is not None
            and not row.active
        ]
    if not disabled:
        return
    record_alone(desk, actor, action, subject, outcome="refused", details=f"account {disabled[0]} is disabled")
    if desk.session is not None and desk.session.staff_id in disabled:
        desk.session = None
    raise NotSignedIn(
        QT_TRANSLATE_NOOP("Errors", "Account {staff_id} is disabled; sign in with another account."),
        staff_id=disabled[0],
    )
