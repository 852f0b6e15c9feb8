"""Sealing personal data at rest (AES-256-GCM) and the keyed blind indexes that keep it searchable."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from counter_app.db.keys import DataKeys
from counter_app.domain.errors import StoreUnavailable
from counter_app.i18n import QT_TRANSLATE_NOOP

VERSION = b"\x01"
NONCE_BYTES = 12


def seal(keys: DataKeys, value: str, context: str) -> bytes:
    """`context` (e.g. the column and the member's uid) is authenticated: a value moved elsewhere fails."""
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + AESGCM(keys.seal).encrypt(nonce, value.encode("utf-8"), context.encode("utf-8"))


def unseal(keys: DataKeys, blob: bytes, context: str) -> str:
    if not blob or blob[:1] != VERSION:
        raise _broken()
    nonce, body = blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    try:
        return AESGCM(keys.seal).decrypt(nonce, body, context.encode("utf-8")).decode("utf-8")
    except InvalidTag:
        raise _broken() from None


def _broken() -> StoreUnavailable:
    return StoreUnavailable(
        QT_TRANSLATE_NOOP(
            "Errors",
            "A sealed value in the store does not open with this store's key: the file was altered or the wrong key restored. Call support; nothing was changed.",
        )
    )


def blind_index(keys: DataKeys, kind: str, value: str) -> str:
    """Equal values give equal indexes; without the key nothing can be learnt from them."""
    return hmac.new(keys.index, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:32]


def phone_index(keys: DataKeys, phone: str) -> str:
    return blind_index(keys, "phone", phone)


def tail_index(keys: DataKeys, tail: str) -> str:
    return blind_index(keys, "tail", tail)


def phone_context(member_uid: str) -> str:
    return f"members.phone:{member_uid}"


def id_number_context(member_uid: str) -> str:
    return f"members.id_number:{member_uid}"


def sealed_member_fields(keys: DataKeys, member_uid: str, phone: str | None, id_number: str | None) -> dict[str, Any]:
    """The stored columns for a member's phone and ID number."""
    return {
        "phone_sealed": seal(keys, phone, phone_context(member_uid)) if phone else None,
        "phone_index": phone_index(keys, phone) if phone else None,
        "phone_tail_index": tail_index(keys, phone[-4:]) if phone else None,
        "id_number_sealed": seal(keys, id_number, id_number_context(member_uid)) if id_number else None,
    }


def seal_payload(keys: DataKeys, payload: dict[str, Any], op_id: str) -> bytes:
    return seal(keys, json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str), f"outbox:{op_id}")


def unseal_payload(keys: DataKeys, blob: bytes, op_id: str) -> dict[str, Any]:
    payload: dict[str, Any] = json.loads(unseal(keys, blob, f"outbox:{op_id}"))  # sealed by seal_payload: a dict
    return payload
