"""Coupon codes: 60 random bits in Crockford base32 with a Luhn mod 32 check character."""

from __future__ import annotations

import re
import secrets
import unicodedata

from stdnum import luhn

from counter_app.domain.errors import FieldError
from counter_app.i18n import QT_TRANSLATE_NOOP

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread at the desk
PREFIX = "CP"
BODY_LENGTH = 12
_MISREAD = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_code() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(BODY_LENGTH))
    return PREFIX + body + luhn.calc_check_digit(body, alphabet=ALPHABET)


def display(code: str) -> str:
    """CP-4F7K-9QXD-M2ZA-7, as printed and read aloud."""
    body = code[len(PREFIX) :]
    return "-".join([PREFIX, body[0:4], body[4:8], body[8:12], body[12:]])


def looks_like_coupon(text: str) -> bool:
    """What a scanner gives for a coupon (so the search box can hand it to the write-off)."""
    compact = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", text or "").upper())
    return compact.startswith(PREFIX) and len(compact) == len(PREFIX) + BODY_LENGTH + 1


def parse_code(text: str) -> str:
    raw = unicodedata.normalize("NFKC", text or "").upper()
    compact = re.sub(r"[\s\-]", "", raw)
    if not compact.startswith(PREFIX):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "A coupon code starts with CP; scan the coupon's QR or type the code under it.")
        )
    body = compact[len(PREFIX) :].translate(_MISREAD)
    if len(body) != BODY_LENGTH + 1 or any(char not in ALPHABET for char in body):
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "A coupon code is CP and 13 letters or digits, e.g. CP-4F7K-9QXD-M2ZA-7; check it."
            )
        )
    if not luhn.is_valid(body, alphabet=ALPHABET):
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "That coupon code is mistyped (its check character does not match); check each character."
            )
        )
    return PREFIX + body
