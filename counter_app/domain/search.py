"""How the one search box reads what was typed, and the index terms a member's name is found by."""

from __future__ import annotations

import enum
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from counter_app.domain.errors import FieldError
from counter_app.domain.members import normalize_phone, parse_member_no
from counter_app.i18n import QT_TRANSLATE_NOOP

QUERY_MAX = 50
# Polyphonic names multiply; a few readings of each are enough to find the member.
INITIALS_VARIANTS_MAX = 8


class QueryKind(enum.Enum):
    PHONE = "phone"  # a whole valid mobile number: opens the card
    MEMBER_NO = "member_no"  # a whole member number: opens the card
    PHONE_TAIL = "phone_tail"  # the last four digits
    INITIALS = "initials"  # pinyin initials ("zsf"), also a Latin name fragment
    NAME = "name"  # a fragment of the name, in any script


@dataclass(frozen=True)
class Query:
    kind: QueryKind
    value: str
    tail: str | None = None  # "张伟 8000": a name or initials narrowed by the phone's last four digits


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, without spaces or dots."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LMN")


def name_grams(name: str) -> list[str]:
    """Single characters and pairs: Chinese names are two or three characters, too short for trigrams."""
    key = name_key(name)
    grams = dict.fromkeys(itertools.chain(key, (key[i : i + 2] for i in range(len(key) - 1))))
    return list(grams)


@lru_cache(maxsize=65536)
def _char_initials(char: str) -> tuple[str, ...]:
    if "a" <= char <= "z" or "0" <= char <= "9":
        return (char,)
    from pypinyin import Style, pinyin  # 0.2 s of dictionaries: loaded when a name is first indexed, not at start

    readings = pinyin(char, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    letters = tuple(
        dict.fromkeys(
            r[0].lower() for r in (readings[0] if readings else []) if r and r[0].isascii() and r[0].isalpha()
        )
    )
    return letters


def _is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH")


def pinyin_initials(name: str) -> list[str]:
    """Every plausible initials spelling ("zsf" for 张三丰; 单 reads d, s or c), at most a few."""
    key = name_key(name)
    if not any(_is_han(char) for char in key):
        return []  # a Latin name is found by its letters, not by initials
    per_char = [initials for initials in map(_char_initials, key) if initials]
    variants = []
    for combination in itertools.product(*per_char):
        variants.append("".join(combination))
        if len(variants) >= INITIALS_VARIANTS_MAX:
            break
    return variants


def classify_query(text: str) -> Query | None:
    """Decide what the clerk typed. None for nothing to search; FieldError for what cannot be searched."""
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if not raw:
        return None
    if len(raw) > QUERY_MAX:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The search text is too long; type at most {limit} characters."),
            limit=QUERY_MAX,
        )
    member_no = parse_member_no(raw)
    if member_no:
        return Query(QueryKind.MEMBER_NO, member_no)
    parts = raw.split()
    tails = [part for part in parts if len(part) == 4 and part.isascii() and part.isdigit()]
    if len(parts) > 1 and len(tails) == 1:
        named = classify_query(" ".join(part for part in parts if part != tails[0]))
        if named is not None and named.kind in (QueryKind.NAME, QueryKind.INITIALS):
            return Query(named.kind, named.value, tail=tails[0])
    if re.fullmatch(r"[Mm]\d+", raw):
        if len(raw) == 13:
            raise FieldError(
                QT_TRANSLATE_NOOP("Errors", "No member number has this check digit; check the digits on the card.")
            )
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "A member number is M followed by 12 digits; check the card."))
    compact = re.sub(r"[\s\-()+.]", "", raw)
    if compact.isdigit() and compact.isascii():
        if len(compact) == 4:
            return Query(QueryKind.PHONE_TAIL, compact)
        if len(compact) >= 11:
            try:
                return Query(QueryKind.PHONE, normalize_phone(raw))
            except FieldError:
                if len(compact) == 12:
                    raise FieldError(
                        QT_TRANSLATE_NOOP(
                            "Errors", "No member number has this check digit; check the digits on the card."
                        )
                    ) from None
                raise
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "Type the last 4 digits of the phone, or the whole phone or member number.")
        )
    key = name_key(raw)
    if not key:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Type a phone number, member number, name or pinyin initials."))
    if key.isascii() and key.isalpha():
        return Query(QueryKind.INITIALS, key)
    return Query(QueryKind.NAME, key)
