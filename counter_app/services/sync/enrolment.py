"""Enrolment with the central server: the device token, the server's address and the member-code key it trusts."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from sqlalchemy import Connection

from counter_app import config
from counter_app.db import members as member_rows
from counter_app.db import meta as store_meta
from counter_app.db import sealing, sync_state
from counter_app.domain.errors import Conflict, InvalidInput, StoreUnavailable
from counter_app.domain.members import registry_phone_index
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize, send_accounts_on_joining
from counter_app.services.desk import Desk
from sync.client import SyncClient, SyncError


@dataclass(frozen=True)
class EnrolResult:
    server: str
    store: str
    counter_no: int
    device_id: str


def sync_value(connection: Connection, key: str) -> str | None:
    """One fact the desk keeps about its sync (server, store, code_key, cursor, last_ok, ...)."""
    return sync_state.get_state(connection, key)


def set_sync_value(connection: Connection, key: str, value: str | float | None) -> None:
    sync_state.set_state(connection, key, value)


def is_enrolled(connection: Connection) -> bool:
    """Enrolled with a central server: its members belong to the chain."""
    return bool(sync_value(connection, "server"))


def pin_code_key(connection: Connection, key: str) -> None:
    """Kept from enrolment on: a different key later is not taken silently (it would accept another chain's codes)."""
    pinned = sync_value(connection, "code_key")
    if pinned and pinned != key:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The central server now signs member codes with another key than the one this desk trusts; enrol the desk again to accept it.",
            )
        )
    set_sync_value(connection, "code_key", key)


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
        if error.status == 409 and "already enrolled" in str(error):
            raise Conflict(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This counter is already enrolled with the central server; head office must revoke it there before it can be enrolled again.",
                )
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
        set_sync_value(connection, "server", server)
        set_sync_value(connection, "device_id", answer.device_id)
        set_sync_value(connection, "store", answer.store)
        set_sync_value(connection, "token", sealing.seal(desk.store.keys, answer.token, "sync.token").hex())
        set_sync_value(connection, "code_key", None)  # enrolling (again) is how a desk comes to trust a chain's key
        pin_code_key(connection, answer.code_key)
        if answer.phone_index_key:
            keep_phone_index_key(desk, connection, answer.phone_index_key)
        set_sync_value(connection, "enrolled_at", desk.now().isoformat())
        if sync_value(connection, "cursor") is None:
            set_sync_value(connection, "cursor", 0)
        if send_accounts_on_joining(desk, connection, actor):
            set_sync_value(connection, "staff_sent", desk.now().isoformat())
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


def send_accounts_once(desk: Desk) -> None:
    """A desk enrolled before staff accounts travelled sends them at its first round after the upgrade, after its
    older outbox entries (which the server takes without staff from such a desk) and before anything newer."""
    with desk.store.read() as connection:
        if sync_value(connection, "staff_sent") or not is_enrolled(connection):
            return
    with desk.store.write() as connection:
        if not sync_value(connection, "staff_sent") and send_accounts_on_joining(desk, connection, desk.actor()):
            set_sync_value(connection, "staff_sent", desk.now().isoformat())


def keep_phone_index_key(desk: Desk, connection: Connection, key_text: str) -> None:
    """The chain's blind-index key, sealed like the token; the members registered here get their registry index."""
    set_sync_value(connection, "phone_index_key", sealing.seal(desk.store.keys, key_text, "sync.phone_index_key").hex())
    index_key = base64.b64decode(key_text)
    own = {
        row.id: sealing.unseal(desk.store.keys, row.phone_sealed, sealing.phone_context(row.member_uid))
        for row in member_rows.phones_without_registry_index(connection)
    }
    member_rows.set_registry_indexes(
        connection, {member_id: registry_phone_index(index_key, phone) for member_id, phone in own.items()}
    )


def phone_index_key(desk: Desk, connection: Connection) -> bytes | None:
    """The chain's blind-index key (from enrolment); None before the counter was enrolled."""
    sealed = sync_value(connection, "phone_index_key")
    if not sealed:
        return None
    return base64.b64decode(sealing.unseal(desk.store.keys, bytes.fromhex(sealed), "sync.phone_index_key"))


def was_revoked(error: SyncError) -> bool:
    """The server knows this counter's token but has withdrawn the device (`counter-server device revoke`)."""
    return error.status == 403 and str(error).startswith("This counter was revoked")


def revoked_refusal() -> Conflict:
    return Conflict(
        QT_TRANSLATE_NOOP(
            "Errors", "This counter was revoked at the central server; ask head office to enrol it again."
        )
    )


def central_client(desk: Desk) -> SyncClient:
    """A client for the central server this desk is enrolled with, carrying its device token."""
    with desk.store.read() as connection:
        return client_for(desk, connection)


def client_for(desk: Desk, connection: Connection, retries: int = 2) -> SyncClient:
    """central_client on a connection the caller holds for reading. Never inside a write transaction: every
    other write at this desk would wait on the network (a redemption asks its hold before its write opens)."""
    if desk.store.writing():
        raise RuntimeError("a client for the central server was asked for inside a write transaction")
    server, token = sync_value(connection, "server"), sync_value(connection, "token")
    if not server or not token:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This counter is not enrolled with a central server; enrol it first (counter-app enroll --server URL --code CODE).",
            )
        )
    return SyncClient(server, sealing.unseal(desk.store.keys, bytes.fromhex(token), "sync.token"), retries=retries)
