"""What a scanned code says: the versioned payload formats, their strict parsing, signing and offline verification.

Four kinds, each `<KIND><VERSION>.` then its body, so a desk can tell them apart before reading
further and an older desk can say "update me" to a newer format instead of "damaged":

- `MD1.` the member's dynamic code (DESIGN.md "Member codes"): a member certificate signed by
  the chain's issuer key (Ed25519) plus the member device's signature over the time step and a
  random nonce. A screenshot is worthless a minute later, and its nonce is refused if seen again.
- `MC1.` the static card code printed for members without a phone: signed by the issuer, so it
  cannot be made up from a member number, but it can be copied: it may redeem less (rules `[card]`).
- `CP1.` a coupon: its code (which has its own check character).
- `EV1.` an event ticket: the issuer's signature over the event and the member signed up for it.

Binary bodies travel in base64url without padding: QR byte mode reads it, keyboard-wedge
scanners type it without shift-state surprises, and every character is ASCII.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import re
import secrets
import struct
import uuid
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from counter_app.domain import coupons
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP

STEP_SECONDS = 60  # a member's phone shows a new code every minute
STEP_TOLERANCE = 1  # the step before and after are accepted too: clocks drift, scans take a moment
MAX_PAYLOAD_CHARS = 512  # longer than any code of ours; refused before it is looked at
CERTIFICATE_DAYS = 365
NONCE_KEEP_STEPS = 24 * 60  # a desk remembers a day of scanned nonces: far beyond a code's three minutes

# What each signature covers starts with what it is for, so one signature can never pass for another.
_CERTIFICATE_CONTEXT = b"counter-app member certificate v1\x00"
_PRESENTATION_CONTEXT = b"counter-app member code v1\x00"
_CARD_CONTEXT = b"counter-app member card v1\x00"
_TICKET_CONTEXT = b"counter-app event ticket v1\x00"

_CERTIFICATE = struct.Struct(
    ">B4s16s32sI"
)  # version, issuer key id, member uid, member's public key, valid until (unix s)
_PRESENTATION = struct.Struct(">I8s")  # time step, nonce
_CARD = struct.Struct(">B4s16sI")  # version, issuer key id, member uid, issued (days since 1970)
_TICKET = struct.Struct(">B4s16s16s")  # version, issuer key id, event uid, member uid
SIGNATURE_BYTES = 64
CERTIFICATE_BYTES = _CERTIFICATE.size + SIGNATURE_BYTES

_PAYLOAD = re.compile(r"([A-Z]{2})(\d{1,3})\.(.*)", re.DOTALL)
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_EPOCH = dt.date(1970, 1, 1)


class CodeRefused(InvalidInput):
    """A scanned code that must not open anything; `reason` names why, for the audit and the tests."""

    def __init__(self, reason: str, template: str, **params: object) -> None:
        self.reason = reason
        super().__init__(template, None, **params)


def _damaged() -> CodeRefused:
    return CodeRefused(
        "damaged",
        QT_TRANSLATE_NOOP("Errors", "The code is damaged or incomplete; ask the member to refresh it and scan again."),
    )


def _forged() -> CodeRefused:
    return CodeRefused(
        "forged",
        QT_TRANSLATE_NOOP(
            "Errors",
            "This code's signature is not valid: it was not issued by this mall. Ask for the member's phone or ID instead.",
        ),
    )


@dataclass(frozen=True)
class MemberCertificate:
    key_id: bytes
    member_uid: str
    public_key: bytes
    valid_until: dt.datetime
    signed: bytes  # the bytes the issuer signed
    signature: bytes

    @property
    def raw(self) -> bytes:
        return self.signed + self.signature


@dataclass(frozen=True)
class DynamicCode:
    certificate: MemberCertificate
    step: int
    nonce: bytes
    signature: bytes
    signed: bytes

    @property
    def member_uid(self) -> str:
        return self.certificate.member_uid


@dataclass(frozen=True)
class CardCode:
    key_id: bytes
    member_uid: str
    issued_on: dt.date
    signed: bytes
    signature: bytes


@dataclass(frozen=True)
class CouponCode:
    code: str


@dataclass(frozen=True)
class EventTicket:
    key_id: bytes
    event_uid: str
    member_uid: str
    signed: bytes
    signature: bytes


ScannedCode = DynamicCode | CardCode | CouponCode | EventTicket
KINDS = {"MD": 1, "MC": 1, "CP": 1, "EV": 1}  # each kind's newest version this desk reads


def key_id(public_key: bytes) -> bytes:
    """Four bytes naming an issuer key: a code from another chain is told apart from a forged one."""
    return hashlib.sha256(b"counter-app issuer key\x00" + public_key).digest()[:4]


def public_bytes(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return public.public_bytes(Encoding.Raw, PublicFormat.Raw)


def private_bytes(key: Ed25519PrivateKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _unb64(text: str, length: int) -> bytes:
    """Exactly `length` bytes in canonical unpadded base64url, or the code is damaged."""
    if len(text) != (length * 4 + 2) // 3 or not _BASE64URL.fullmatch(text):
        raise _damaged()
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise _damaged() from None
    if len(raw) != length or _b64(raw) != text:  # stray low bits in the last character: not what we wrote
        raise _damaged()
    return raw


def step_of(moment: dt.datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def looks_like_code(text: str) -> bool:
    """A payload prefix of ours (any version): worth parsing, and worth a clear refusal if it fails."""
    match = _PAYLOAD.match(text.strip()[:8])
    return match is not None and match.group(1) in KINDS


def code_shaped(text: str) -> bool:
    """Two capitals, a version and a dot: a code of some system, never a phone, member number or name."""
    return bool(_PAYLOAD.match(text.strip()[:8]))


def is_card_ref(ref: str | None) -> bool:
    """A member identified only by a static card code: redemption is limited (rules [card])."""
    if not ref:
        return False
    return ref.strip().startswith("MC") and looks_like_code(ref)


def parse(text: str) -> ScannedCode:
    """Read a scanned payload strictly: the exact prefix, the exact length, nothing trailing. Signatures
    are not checked here (see `verify_*`); everything that is not one of our codes is refused."""
    if not isinstance(text, str):
        raise _damaged()
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CodeRefused(
            "too_long",
            QT_TRANSLATE_NOOP(
                "Errors", "That scan is far longer than any member, card, coupon or event code; scan the code again."
            ),
        )
    payload = text.strip()  # a scanner's trailing CR/LF or tab is not part of the code
    match = _PAYLOAD.fullmatch(payload)
    if not match or match.group(1) not in KINDS:
        raise CodeRefused(
            "unknown",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This is not a member, card, coupon or event code of this mall; scan the member's code, or search by phone.",
            ),
        )
    kind, version, body = match.group(1), int(match.group(2)), match.group(3)
    if version > KINDS[kind]:
        raise CodeRefused(
            "newer",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This code is of a newer kind than this desk reads; update the desk software, or search by phone meanwhile.",
            ),
        )
    if version != KINDS[kind] or match.group(2) != str(version):
        raise _damaged()
    if kind == "CP":
        try:
            return CouponCode(coupons.parse_code(body))
        except InvalidInput:
            raise _damaged() from None
    if kind == "MD":
        raw = _unb64(body, CERTIFICATE_BYTES + _PRESENTATION.size + SIGNATURE_BYTES)
        certificate = _certificate(raw[:CERTIFICATE_BYTES])
        presented = raw[CERTIFICATE_BYTES : CERTIFICATE_BYTES + _PRESENTATION.size]
        step, nonce = _PRESENTATION.unpack(presented)
        return DynamicCode(certificate, step, nonce, raw[-SIGNATURE_BYTES:], raw[:-SIGNATURE_BYTES])
    if kind == "MC":
        raw = _unb64(body, _CARD.size + SIGNATURE_BYTES)
        format_version, issuer, member, days = _CARD.unpack(raw[: _CARD.size])
        if format_version != 1:
            raise _damaged()
        try:
            issued_on = _EPOCH + dt.timedelta(days=days)
        except OverflowError:
            raise _damaged() from None
        return CardCode(issuer, str(uuid.UUID(bytes=member)), issued_on, raw[: _CARD.size], raw[_CARD.size :])
    raw = _unb64(body, _TICKET.size + SIGNATURE_BYTES)
    format_version, issuer, event, member = _TICKET.unpack(raw[: _TICKET.size])
    if format_version != 1:
        raise _damaged()
    return EventTicket(
        issuer, str(uuid.UUID(bytes=event)), str(uuid.UUID(bytes=member)), raw[: _TICKET.size], raw[_TICKET.size :]
    )


def _certificate(raw: bytes) -> MemberCertificate:
    signed = raw[: _CERTIFICATE.size]
    format_version, issuer, member, public_key, valid_until = _CERTIFICATE.unpack(signed)
    if format_version != 1:
        raise _damaged()
    return MemberCertificate(
        issuer,
        str(uuid.UUID(bytes=member)),
        public_key,
        dt.datetime.fromtimestamp(valid_until, dt.UTC),
        signed,
        raw[_CERTIFICATE.size :],
    )


def _check_issuer(found: bytes, issuer_key: bytes) -> Ed25519PublicKey:
    if found != key_id(issuer_key):
        raise CodeRefused(
            "other_chain",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This code was issued by another mall's member system, not this one; ask for the member's phone instead.",
            ),
        )
    return Ed25519PublicKey.from_public_bytes(issuer_key)


def _verify(public: Ed25519PublicKey, signature: bytes, message: bytes) -> None:
    try:
        public.verify(signature, message)
    except InvalidSignature:
        raise _forged() from None


def verify_member_code(code: DynamicCode, issuer_key: bytes, now: dt.datetime) -> None:
    """Signed by our issuer, by the certified phone, within a step of now; the nonce is the caller's to check."""
    certificate = code.certificate
    issuer = _check_issuer(certificate.key_id, issuer_key)
    _verify(issuer, certificate.signature, _CERTIFICATE_CONTEXT + certificate.signed)
    try:
        member_key = Ed25519PublicKey.from_public_bytes(certificate.public_key)
    except ValueError:
        raise _forged() from None
    _verify(member_key, code.signature, _PRESENTATION_CONTEXT + code.signed)
    current = step_of(now)
    if code.step < current - STEP_TOLERANCE:
        raise CodeRefused(
            "expired",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This member code has expired (codes change every minute); ask the member to show the current code.",
            ),
        )
    if code.step > current + STEP_TOLERANCE:
        raise CodeRefused(
            "future",
            QT_TRANSLATE_NOOP(
                "Errors",
                "This member code is from a later time than this desk's clock; check the desk's date and time, then scan again.",
            ),
        )
    if certificate.valid_until < now:
        raise CodeRefused(
            "certificate_expired",
            QT_TRANSLATE_NOOP(
                "Errors", "The member's code certificate has run out; the member opens the app online once to renew it."
            ),
        )


def verify_card(code: CardCode, issuer_key: bytes) -> None:
    _verify(_check_issuer(code.key_id, issuer_key), code.signature, _CARD_CONTEXT + code.signed)


def verify_ticket(code: EventTicket, issuer_key: bytes) -> None:
    _verify(_check_issuer(code.key_id, issuer_key), code.signature, _TICKET_CONTEXT + code.signed)


# Issuing: the central server (or a standalone desk, which is its own issuer) signs; the member's phone presents.


def issue_certificate(issuer: Ed25519PrivateKey, member_uid: str, member_key: bytes, valid_until: dt.datetime) -> bytes:
    if len(member_key) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    signed = _CERTIFICATE.pack(
        1, key_id(public_bytes(issuer)), uuid.UUID(member_uid).bytes, member_key, int(valid_until.timestamp())
    )
    return signed + issuer.sign(_CERTIFICATE_CONTEXT + signed)


def certificate_from_bytes(raw: bytes) -> MemberCertificate:
    if len(raw) != CERTIFICATE_BYTES:
        raise _damaged()
    return _certificate(raw)


def present(certificate: bytes, member_key: Ed25519PrivateKey, now: dt.datetime, nonce: bytes | None = None) -> str:
    """What the member's phone shows now: certificate, time step, a fresh nonce, and its signature."""
    signed = certificate + _PRESENTATION.pack(step_of(now), nonce if nonce is not None else secrets.token_bytes(8))
    return "MD1." + _b64(signed + member_key.sign(_PRESENTATION_CONTEXT + signed))


def issue_card(issuer: Ed25519PrivateKey, member_uid: str, issued_on: dt.date) -> str:
    signed = _CARD.pack(1, key_id(public_bytes(issuer)), uuid.UUID(member_uid).bytes, (issued_on - _EPOCH).days)
    return "MC1." + _b64(signed + issuer.sign(_CARD_CONTEXT + signed))


def issue_ticket(issuer: Ed25519PrivateKey, event_uid: str, member_uid: str) -> str:
    signed = _TICKET.pack(1, key_id(public_bytes(issuer)), uuid.UUID(event_uid).bytes, uuid.UUID(member_uid).bytes)
    return "EV1." + _b64(signed + issuer.sign(_TICKET_CONTEXT + signed))


def coupon_payload(code: str) -> str:
    """The QR printed on a coupon."""
    return "CP1." + coupons.parse_code(code)
