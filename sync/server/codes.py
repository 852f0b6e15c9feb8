"""The chain's member-code issuer: its Ed25519 key, the certificates and card codes it signs, the nonces it has seen."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import IntegrityError

from counter_app.domain import codes
from sync.server.schema import used_codes
from sync.server.store import ServerStore, emit, get_meta, set_meta

KEY_META = "code_issuer_key"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Issuer:
    """One key for the whole chain, made the first time the server starts and kept in its database,
    so several server processes (and a restored backup) sign with the same key the counters pinned."""

    def __init__(self, store: ServerStore) -> None:
        with store.read() as connection:
            stored = get_meta(connection, KEY_META)
        if stored is None:
            try:
                with store.write() as connection:
                    if get_meta(connection, KEY_META) is None:
                        set_meta(connection, KEY_META, _b64(codes.private_bytes(Ed25519PrivateKey.generate())))
            except IntegrityError:
                pass  # another process made it at the same moment: read theirs
            with store.read() as connection:
                stored = get_meta(connection, KEY_META)
            if stored is None:
                raise RuntimeError("The member-code issuer key was written but cannot be read back.")
        self.key = Ed25519PrivateKey.from_private_bytes(_unb64(stored))
        self.public_key = _b64(codes.public_bytes(self.key))

    def certificate(self, member_uid: str, member_key: str, now: dt.datetime) -> str:
        valid_until = now + dt.timedelta(days=codes.CERTIFICATE_DAYS)
        return _b64(codes.issue_certificate(self.key, member_uid, _unb64(member_key), valid_until))

    def card(self, member_uid: str, today: dt.date) -> str:
        return codes.issue_card(self.key, member_uid, today)

    def ticket(self, event_uid: str, member_uid: str) -> str:
        return codes.issue_ticket(self.key, event_uid, member_uid)


def record_use(
    connection: Connection, device: Any, op_id: str, member_uid: str, nonce: str, step: int, at: dt.datetime
) -> dict[str, Any] | None:
    """Remember a scanned nonce and tell every counter; the same nonce scanned again anywhere is a replay."""
    first = connection.execute(select(used_codes).where(used_codes.c.nonce == nonce)).first()
    if first is not None:
        return {"first_counter": first.counter_uid, "first_at": first.seen_at, "first_op": first.op_id}
    connection.execute(
        insert(used_codes).values(
            nonce=nonce,
            member_uid=member_uid,
            step=step,
            op_id=op_id,
            counter_uid=device.counter_uid,
            seen_at=at.isoformat(),
        )
    )
    emit(
        connection,
        "code",
        nonce,
        {"nonce": nonce, "member_uid": member_uid, "step": step, "counter_uid": device.counter_uid},
    )
    return None
