"""Which key member codes are verified with, and the member a static card or event ticket names."""

from __future__ import annotations

import base64
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Row

from counter_app.db import members as member_rows
from counter_app.db import meta as store_meta
from counter_app.db import sealing
from counter_app.domain import codes
from counter_app.domain.codes import CardCode, CouponCode, EventTicket
from counter_app.domain.errors import InvalidInput, NotFound, StoreUnavailable
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import is_enrolled, sync_value

_OWN_ISSUER = "codes.issuer_key"  # a standalone desk is its own issuer; the key is sealed with the data key


def b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def own_issuer(desk: Desk) -> Ed25519PrivateKey:
    with desk.store.read() as connection:
        sealed = store_meta.get_meta(connection, _OWN_ISSUER)
    if sealed is None:
        with desk.store.write() as connection:
            sealed = store_meta.get_meta(connection, _OWN_ISSUER)
            if sealed is None:
                raw = codes.private_bytes(Ed25519PrivateKey.generate())
                sealed = sealing.seal(desk.store.keys, b64(raw), "codes.issuer").hex()
                store_meta.set_meta(connection, _OWN_ISSUER, sealed)
    return Ed25519PrivateKey.from_private_bytes(
        unb64(sealing.unseal(desk.store.keys, bytes.fromhex(sealed), "codes.issuer"))
    )


def issuer_key(desk: Desk) -> bytes:
    """The public key member codes are verified with: the chain's, pinned at enrolment; a standalone desk's own."""
    with desk.store.read() as connection:
        enrolled, pinned = is_enrolled(connection), sync_value(connection, "code_key")
    if not enrolled:
        return codes.public_bytes(own_issuer(desk))
    if not pinned:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "This desk has not yet received the chain's member-code key; sync once while online, or search by phone meanwhile.",
            )
        )
    return unb64(pinned)


def member_of_uid(connection: Connection, member_uid: str) -> Row[Any]:
    row = member_rows.member_by(connection, member_uid=member_uid)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The member of this code is not on this desk yet; sync the desk, or search by phone meanwhile.",
            )
        )
    return row


def verified_member(desk: Desk, connection: Connection, parsed: CardCode | EventTicket) -> Row[Any]:
    issuer = issuer_key(desk)
    if isinstance(parsed, CardCode):
        codes.verify_card(parsed, issuer)
    else:
        codes.verify_ticket(parsed, issuer)
    return member_of_uid(connection, parsed.member_uid)


def member_for_code(desk: Desk, connection: Connection, ref: str) -> Row[Any]:
    """For `require_member`: a static card or an event ticket names its member without state. A dynamic code
    must go through `scan` or `identify` once, which spends its nonce; here it would be spent twice."""
    parsed = codes.parse(ref)
    if isinstance(parsed, (CardCode, EventTicket)):
        return verified_member(desk, connection, parsed)
    if isinstance(parsed, CouponCode):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "That is a coupon, not a member; write it off with the coupon command or the coupon box."
            )
        )
    raise InvalidInput(
        QT_TRANSLATE_NOOP("Errors", "A member's dynamic code is read once, by the scanner: scan it again at the desk.")
    )
