"""Member identity rules: mainland mobile numbers, names, birthdays, national ID numbers, member numbers, masks."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import phonenumbers
from stdnum import luhn
from stdnum.cn import ric
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength, ValidationError

from counter_app.domain.errors import DeskError, FieldError, form_invalid
from counter_app.i18n import QT_TRANSLATE_NOOP

NAME_MAX = 40
ERASED_NAME = "（已删除）"  # what an erased member's card shows in place of a name
EARLIEST_BIRTHDAY = dt.date(1900, 1, 1)
GENDERS = ("F", "M")
MEMBER_NO_RE = re.compile(r"^[Mm]?(\d{12})$")
# What a phone number may be typed with: digits and the punctuation people put in them.
_PHONE_CHARS = re.compile(r"^[0-9+\-\s().]*$")
_NAME_PUNCTUATION = set(" ·•・.'-")
FIELD_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Fields", "Mobile number"),
    "name": QT_TRANSLATE_NOOP("Fields", "Name"),
    "gender": QT_TRANSLATE_NOOP("Fields", "Gender"),
    "birthday": QT_TRANSLATE_NOOP("Fields", "Birthday"),
    "id_number": QT_TRANSLATE_NOOP("Fields", "ID number"),
    "referrer": QT_TRANSLATE_NOOP("Fields", "Referrer"),
    "consent": QT_TRANSLATE_NOOP("Fields", "Consent"),
}


def normalize_phone(text: str) -> str:
    """Return the 11-digit mainland mobile number, or raise a FieldError saying what is wrong."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the member's mobile number."))
    if not _PHONE_CHARS.match(raw):
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "A mobile number has only digits; remove the letters or symbols."))
    try:
        number = phonenumbers.parse(raw, "CN")
    except phonenumbers.NumberParseException:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "This is not a phone number: enter the 11-digit mobile number, e.g. 13800138000."
            )
        ) from None
    if number.country_code != 86:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "Only mainland China mobile numbers (+86) can be registered; this number is from {region}."
            ),
            region=phonenumbers.region_code_for_number(number) or f"+{number.country_code}",
        )
    digits = str(number.national_number)
    number_type = phonenumbers.number_type(number)
    if number_type == phonenumbers.PhoneNumberType.FIXED_LINE:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "This is a landline number; register the member's mobile number."))
    if len(digits) < 11 and digits.startswith("1"):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The mobile number is too short: it has {count} digits, it needs 11."),
            count=len(digits),
        )
    if len(digits) > 11 and digits.startswith("1"):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The mobile number is too long: it has {count} digits, it needs 11."),
            count=len(digits),
        )
    if not phonenumbers.is_valid_number(number) or number_type != phonenumbers.PhoneNumberType.MOBILE:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "{digits} is not a mainland mobile number; check the digits."), digits=digits
        )
    return digits


def normalize_name(text: str | None) -> str:
    name = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not name:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the member's name."))
    if len(name) > NAME_MAX:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The name is too long: at most {limit} characters, this one has {count}."),
            limit=NAME_MAX,
            count=len(name),
        )
    for char in name:
        if char in _NAME_PUNCTUATION or unicodedata.category(char)[0] in "LM":
            continue
        shown = char if char.isprintable() else f"U+{ord(char):04X}"
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "A name may contain only letters, spaces and · . ' -; remove “{char}”."),
            char=shown,
        )
    return name


def parse_gender(value: str | None) -> str | None:
    text = (value or "").strip().upper()
    if not text:
        return None
    text = {"女": "F", "男": "M", "FEMALE": "F", "MALE": "M"}.get(text, text)
    if text not in GENDERS:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Gender is F (female) or M (male), or leave it empty."))
    return text


def parse_birthday(value: str | dt.date | None, today: dt.date) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        birthday = value
    else:
        text = unicodedata.normalize("NFKC", value).strip()
        if not text:
            return None
        match = re.fullmatch(r"(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?", text)
        if not match or (text.isdigit() and len(text) != 8):  # without separators only YYYYMMDD is unambiguous
            raise FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the birthday as YYYY-MM-DD, e.g. 1990-05-17."))
        try:
            birthday = dt.date(*(int(part) for part in match.groups()))
        except ValueError:
            raise FieldError(
                QT_TRANSLATE_NOOP("Errors", "{text} is not a date on the calendar; check the month and day."), text=text
            ) from None
    if birthday is None:
        return None
    if birthday > today:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The birthday cannot be in the future."))
    if birthday < EARLIEST_BIRTHDAY:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The birthday cannot be before 1900-01-01; check the year."))
    return birthday


def normalize_id_number(value: str | None) -> str | None:
    """Check a resident ID number (GB 11643: 18 characters, mod 11-2 check character)."""
    text = unicodedata.normalize("NFKC", value or "").strip().replace(" ", "").upper()
    if not text:
        return None
    try:
        return ric.validate(text)
    except InvalidChecksum:
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "The ID number's check character is wrong; check every digit and the last character."
            )
        ) from None
    except (InvalidLength, InvalidFormat):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "A resident ID number has 18 characters: 17 digits, then a digit or X.")
        ) from None
    except (InvalidComponent, ValidationError):
        raise FieldError(
            QT_TRANSLATE_NOOP(
                "Errors", "The ID number holds an impossible birth date or region; check it against the card."
            )
        ) from None


def id_number_birthday(id_number: str) -> dt.date:
    return ric.get_birth_date(id_number)


def mask_phone(phone: str) -> str:
    return f"{phone[:3]}****{phone[-4:]}" if len(phone) == 11 else "****"


def registry_phone_index(index_key: bytes, phone: str) -> str:
    """The chain registry's blind index of a normalized phone (HMAC-SHA256 under the chain's index key): the
    server keeps one member per index, the feed names a phone only by it, a counter looks a typed phone up by it."""
    return hmac.new(index_key, f"phone:{phone}".encode(), hashlib.sha256).hexdigest()


def mask_name(name: str | None) -> str | None:
    """For the audit log, which outlives an erasure: enough to recognise, not to identify."""
    if not name:
        return name
    return name[0] + "*" * min(len(name) - 1, 3)


def mask_id_number(id_number: str | None) -> str | None:
    if not id_number:
        return None
    return f"{id_number[:3]}{'*' * (len(id_number) - 7)}{id_number[-4:]}"


def format_member_no(counter_no: int, seq: int) -> str:
    """Member numbers are stable and unique per counter: M + counter (4) + sequence (7) + Luhn digit."""
    if not (0 < counter_no <= 9999 and 0 < seq <= 9_999_999):
        raise ValueError((counter_no, seq))
    body = f"{counter_no:04d}{seq:07d}"
    return f"M{body}{luhn.calc_check_digit(body)}"


def parse_member_no(text: str) -> str | None:
    """Return the canonical member number if `text` is one (the M may be left off), else None."""
    match = MEMBER_NO_RE.match(unicodedata.normalize("NFKC", text or "").strip())
    if not match or not luhn.is_valid(match.group(1)):
        return None
    return f"M{match.group(1)}"


def field_checks(today: dt.date) -> dict[str, Callable[[Any], Any]]:
    """Each profile field's check: it returns the clean value or raises a FieldError."""
    return {
        "phone": normalize_phone,
        "name": normalize_name,
        "gender": parse_gender,
        "birthday": lambda value: parse_birthday(value, today),
        "id_number": normalize_id_number,
    }


@dataclass(frozen=True)
class RegistrationForm:
    """What the clerk typed, as text; validation turns it into a Registration."""

    phone: str
    name: str
    gender: str | None = None
    birthday: str | dt.date | None = None
    id_number: str | None = None
    referrer: str | None = None
    consent: bool = False


@dataclass(frozen=True)
class Registration:
    phone: str
    name: str
    gender: str | None
    birthday: dt.date | None
    id_number: str | None
    referrer: str | None
    consent: bool


def validate_registration(form: RegistrationForm, today: dt.date) -> Registration:
    """Validate every field at once so the form can show each field's own message."""
    errors: dict[str, DeskError] = {}
    values: dict[str, object] = {}
    checks = field_checks(today)
    for field, check in checks.items():
        try:
            values[field] = check(getattr(form, field))
        except FieldError as error:
            errors[field] = error
    id_number = values.get("id_number")
    if isinstance(id_number, str) and id_number and "birthday" not in errors:
        born = id_number_birthday(id_number)
        if values.get("birthday") is None:
            values["birthday"] = born  # the card says it; the clerk need not type it twice
        elif values["birthday"] != born:
            errors["birthday"] = FieldError(
                QT_TRANSLATE_NOOP(
                    "Errors", "The birthday differs from the one in the ID number ({born}); correct one of them."
                ),
                born=born.isoformat(),
            )
    if not form.consent:
        errors["consent"] = FieldError(
            QT_TRANSLATE_NOOP("Errors", "The member must agree to the privacy notice before registering.")
        )
    if errors:
        raise form_invalid(errors)
    referrer = " ".join((form.referrer or "").split()) or None
    return Registration(consent=True, referrer=referrer, **values)  # type: ignore[arg-type]
