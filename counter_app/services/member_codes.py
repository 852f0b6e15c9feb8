"""Scanned codes as a use case: which key verifies them, what a scan opens, replays refused, codes made to print."""

from __future__ import annotations

import binascii
import datetime as dt
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Row

from counter_app.db import used_codes
from counter_app.db.outbox import append_op
from counter_app.domain import codes
from counter_app.domain.codes import CardCode, CodeRefused, CouponCode, DynamicCode
from counter_app.domain.errors import FieldError, InvalidInput, NotFound, StoreUnavailable
from counter_app.domain.points import normalize_slip_no
from counter_app.domain.presence import Presence, ProofKind
from counter_app.domain.search import QueryKind, classify_query
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record_alone
from counter_app.services.auth import authorize
from counter_app.services.code_keys import b64, issuer_key, member_of_uid, own_issuer, unb64, verified_member
from counter_app.services.desk import Desk
from counter_app.services.members import MemberCard, find_member, require_member
from counter_app.services.rewards import CouponItem, show_coupon
from counter_app.services.sync.enrolment import central_client as _client
from counter_app.services.sync.enrolment import is_enrolled
from sync.client import SyncError


@dataclass(frozen=True)
class ScanOutcome:
    """What one scan opened: a member's card (and how they were identified), a coupon, or text to search for."""

    kind: str  # "member", "coupon" or "text"
    card: MemberCard | None = None
    coupon: CouponItem | None = None
    via: str | None = None  # "code" (dynamic), "card" (static: limited redemption), "ticket"
    ref: str | None = None  # what later operations on this member pass as REF
    event_uid: str | None = None
    text: str | None = None
    slip_no: str | None = None  # text that reads as a purchase slip's number: earned for the member on the card
    presence: Presence | None = None  # the member's code or card, as proof that they are here for a spend

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "via": self.via,
            "scanned_at": self.presence.at.isoformat(timespec="seconds")
            if self.presence and self.presence.at
            else None,
            "ref": self.ref,
            "event_uid": self.event_uid,
            "text": self.text,
            "slip_no": self.slip_no,
            "member": self.card.to_json() if self.card else None,
            "coupon": self.coupon.__dict__ if self.coupon else None,
        }


def _use_dynamic(desk: Desk, code: DynamicCode, issuer: bytes, now: dt.datetime) -> Row[Any]:
    """Verify offline, then remember the nonce with its outbox entry in one transaction: seen twice is refused.
    The remembered scan is what later proves the member was here (services/presence.py)."""
    codes.verify_member_code(code, issuer, now)
    nonce = code.nonce.hex()
    with desk.store.write() as connection:
        seen = used_codes.seen_nonce(connection, nonce)
        if seen is None:
            row = member_of_uid(connection, code.member_uid)
            used_codes.remember_nonce(connection, nonce, code.member_uid, code.step, now, desk.counter_uid)
            used_codes.forget_nonces_before(connection, codes.step_of(now) - codes.NONCE_KEEP_STEPS)
            append_op(
                connection,
                desk.store.keys,
                desk.counter_uid,
                "code.used",
                {"member_uid": code.member_uid, "nonce": nonce, "step": code.step},
                now,
            )
            return row
    here = seen.counter_uid == desk.counter_uid
    record_alone(
        desk,
        desk.actor(),
        "member.scan",
        code.member_uid,
        outcome="refused",
        details=f"replayed code {nonce} first seen {seen.seen_at}",
    )
    raise CodeRefused(
        "replayed",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This member code was already scanned at this desk at {time}: it is a copy. Ask the member to show the code live on their phone.",
        )
        if here
        else QT_TRANSLATE_NOOP(
            "Errors",
            "This member code was already scanned at another counter at {time}: it is a copy. Ask the member to show the code live on their phone.",
        ),
        time=seen.seen_at[11:16],
    )


def scan(desk: Desk, text: str) -> ScanOutcome:
    """One scan, from the camera or a handheld scanner: open what it names, or say clearly why not."""
    authorize(desk, Permission.LOOKUP, "member.scan")
    payload = text.strip()
    if not codes.code_shaped(payload):
        if not payload or len(payload) > 60 or not payload.isprintable():
            raise CodeRefused(
                "unknown",
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "This is not a member, card, coupon or event code of this mall; scan the member's code, or search by phone.",
                ),
            )
        # A printed member number or phone barcode: the search box takes it; anything else shaped like a slip number
        # is a purchase slip, which earns for the member on the card.
        return ScanOutcome("text", text=payload, slip_no=slip_number(payload))
    parsed = codes.parse(payload)
    if isinstance(parsed, CouponCode):
        return ScanOutcome("coupon", coupon=show_coupon(desk, parsed.code))
    now = desk.now()
    if isinstance(parsed, DynamicCode):
        row = _use_dynamic(desk, parsed, issuer_key(desk), now)
        proof = Presence(ProofKind.CODE, row.member_uid, now, nonce=parsed.nonce.hex())
        return ScanOutcome(
            "member", card=find_member(desk, row.member_no), via="code", ref=row.member_no, presence=proof
        )
    with desk.store.read() as connection:
        row = verified_member(desk, connection, parsed)
    if isinstance(parsed, CardCode):
        proof = Presence(ProofKind.CARD, row.member_uid, now, card=payload)
        return ScanOutcome("member", card=find_member(desk, row.member_no), via="card", ref=payload, presence=proof)
    return ScanOutcome(
        "member", card=find_member(desk, row.member_no), via="ticket", ref=row.member_no, event_uid=parsed.event_uid
    )


def slip_number(text: str) -> str | None:
    """The slip number a scan names, or None: a whole phone or member number stays a search."""
    try:
        query = classify_query(text)
    except FieldError:
        query = None  # a long number no member has, e.g. a till's slip barcode
    if query is not None and query.kind in (QueryKind.PHONE, QueryKind.MEMBER_NO):
        return None
    try:
        return normalize_slip_no(text)
    except FieldError:
        return None


def identify(desk: Desk, ref: str) -> str:
    """A REF as the CLI takes it: a scanned code becomes the member it names (a dynamic code's nonce is spent
    here, once); a static card code stays as it is, so its limits follow it; anything else is left alone."""
    return identify_present(desk, ref)[0]


def identify_present(desk: Desk, ref: str) -> tuple[str, Presence | None]:
    """`identify`, and the proof that the member is here when the REF was their code or card (else None)."""
    if not codes.looks_like_code(ref or ""):
        return ref, None
    outcome = scan(desk, ref)
    if outcome.kind != "member":
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "That is a coupon, not a member; write it off with the coupon command or the coupon box."
            )
        )
    return outcome.ref or "", outcome.presence


def prove_presence(desk: Desk, text: str) -> Presence:
    """A scanned code offered as proof that the member is here (the CLI's --code, the spend dialogs' scan):
    verified here as every scan is, a dynamic code's nonce spent once; an event ticket or a coupon proves nothing."""
    outcome = scan(desk, text)
    if outcome.presence is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "That is not the member's own code; scan the code on the member's phone, or their printed member card.",
            )
        )
    return outcome.presence


def member_code(desk: Desk, ref: str, static: bool = False) -> str:
    """A current code for a member, as the member's phone would show it (or the static code printed on a card).
    The desk plays the member app here: it makes a key pair and has the issuer certify it."""
    authorize(desk, Permission.LOOKUP, "member.code")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        enrolled = is_enrolled(connection)
    member_uid = row.member_uid
    if not enrolled:
        issuer = own_issuer(desk)
        if static:
            return codes.issue_card(issuer, member_uid, desk.today())
        device = Ed25519PrivateKey.generate()
        certificate = codes.issue_certificate(
            issuer, member_uid, codes.public_bytes(device), desk.now() + dt.timedelta(days=codes.CERTIFICATE_DAYS)
        )
        return codes.present(certificate, device, desk.now())
    client = _client(desk)
    device = Ed25519PrivateKey.generate()
    try:
        if static:
            answer = client.member_code(member_uid, "card")
        else:
            answer = client.member_code(member_uid, "certificate", b64(codes.public_bytes(device)))
    except SyncError as error:
        if error.status == 404:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "The central server does not know member {member_no} yet; sync the desk, then try again."
                ),
                member_no=row.member_no,
            ) from None
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "A member code is signed by the central server, which cannot be reached now; try again when online.",
            )
        ) from None
    finally:
        client.close()
    if static:
        return answer.card or ""
    try:
        certificate = unb64(answer.certificate or "")
    except (binascii.Error, ValueError):
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors", "The central server answered with a certificate this desk cannot read; update the desk."
            )
        ) from None
    return codes.present(certificate, device, desk.now())


def issue_event_ticket(desk: Desk, event_uid: str, member_uid: str, member_no: str) -> str:
    """An EV1 ticket signed by the key codes are verified with: this desk's own, or the chain's at the server
    (so a ticket printed here opens at every counter). The caller has authorised and checked the sign-up."""
    with desk.store.read() as connection:
        enrolled = is_enrolled(connection)
    if not enrolled:
        return codes.issue_ticket(own_issuer(desk), event_uid, member_uid)
    client = _client(desk)
    try:
        answer = client.member_code(member_uid, "ticket", event_uid=event_uid)
    except SyncError as error:
        if error.status == 404:
            raise NotFound(
                QT_TRANSLATE_NOOP(
                    "Errors", "The central server does not know member {member_no} yet; sync the desk, then try again."
                ),
                member_no=member_no,
            ) from None
        if error.status == 422:  # a server from before tickets: it does not know the kind
            raise StoreUnavailable(_NO_TICKETS) from None
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "An event ticket is signed by the central server, which cannot be reached now; try again when online.",
            )
        ) from None
    finally:
        client.close()
    if not answer.ticket:
        raise StoreUnavailable(_NO_TICKETS)
    return answer.ticket


_NO_TICKETS = QT_TRANSLATE_NOOP(
    "Errors",
    "The central server does not issue event tickets yet; update the server, or check members in by their member code.",
)
