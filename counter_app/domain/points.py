"""Points rules: what a slip earns, when points expire, which lots a redemption draws from."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_FLOOR, Decimal

from counter_app.domain.errors import FieldError
from counter_app.domain.rules import Rules
from counter_app.domain.tiers import TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP

MAX_AMOUNT = Decimal("9999999.99")
# The largest count of points one operation may name: far above any honest balance (the largest slip a till
# takes, ¥9,999,999.99, earns about 10 million points at the default 1 a yuan), and safe as a JSON number.
MAX_POINTS = 100_000_000
_SLIP = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/]{0,39}$")
# A number as a person writes it on a slip: plain digits ("1250") or thousands in groups of three ("1,250"),
# then for yuan a decimal point and its decimals. ASCII digits only here: full-width ones are made ASCII
# (NFKC) first, and no other script's digits are taken for money.
_WHOLE = r"(?:[0-9]+|[1-9][0-9]{0,2}(?:,[0-9]{3})+)"
_AMOUNT = re.compile(rf"(-?)({_WHOLE})(?:\.([0-9]+))?", re.ASCII)
_POINTS = re.compile(rf"(-?)({_WHOLE})", re.ASCII)
# More digits than this before the point cannot be a slip's amount (¥9,999,999.99 at most) nor a points count.
_AMOUNT_DIGITS = 7
_POINTS_DIGITS = 9
BACKDATE_DAYS = 90  # a slip older than this earns nothing, at the desk and at the server
SLIP_AHEAD = dt.timedelta(minutes=5)  # a slip's time may run this far ahead of the clock that takes it


def _as_typed(text: str) -> str:
    """The text as a clerk typed it, in one form: full-width digits and signs (a Chinese IME's) made ASCII,
    blanks around it dropped; blanks inside it stay, and are refused."""
    return unicodedata.normalize("NFKC", text).strip()


def _amount_refused() -> FieldError:
    return FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the amount in yuan, e.g. 1234.50."))


def _amount_too_large() -> FieldError:
    return FieldError(
        QT_TRANSLATE_NOOP("Errors", "The amount is too large for one slip (at most ¥9,999,999.99); check it.")
    )


def parse_amount(text: str | Decimal) -> int:
    """Yuan as typed: plain digits with at most two decimals, thousands separated by commas only where they
    belong ("1,250.00", "1250", "1250.5", "¥12.50"); returns fen (cents). Anything else — "12,50", "1_000",
    "1e2", "+5", ".5", a blank inside — is refused with a FieldError rather than guessed at."""
    if isinstance(text, Decimal):
        return _decimal_amount(text)
    typed = _as_typed(str(text)).removeprefix("¥")
    match = _AMOUNT.fullmatch(typed)
    if match is None:
        if "," in typed:  # "12,50": a decimal comma, or a separator out of place; never guess which
            raise FieldError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "In an amount a comma only separates thousands (1,250.00); the fen follow a point, e.g. 12.50.",
                )
            )
        raise _amount_refused()
    sign, whole, decimals = match.groups()
    digits = whole.replace(",", "").lstrip("0")
    if sign:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."))
    if decimals is not None and len(decimals) > 2:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "An amount has at most two decimals (fen)."))
    if len(digits) > _AMOUNT_DIGITS:  # before int(): a 5,000-digit number is refused, not converted
        raise _amount_too_large()
    fen = int(digits or "0") * 100 + int((decimals or "").ljust(2, "0"))
    if fen <= 0:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."))
    if fen > MAX_AMOUNT * 100:
        raise _amount_too_large()
    return fen


def _decimal_amount(amount: Decimal) -> int:
    """An amount already a number (from a form's spin box): the same limits, without the text's grammar."""
    if not amount.is_finite():
        raise _amount_refused()
    if amount <= 0:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."))
    if amount > MAX_AMOUNT:  # before quantize, which fails on numbers wider than the context's precision
        raise _amount_too_large()
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "An amount has at most two decimals (fen)."))
    return int(amount * 100)


def parse_points(value: str | int) -> int:
    """A count of points as typed: a whole number, thousands optionally in groups of three ("1,600"), from 1
    to MAX_POINTS. Anything else is refused with a FieldError."""
    if isinstance(value, bool):
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Points are a whole number, e.g. 800."))
    if isinstance(value, int):
        return _bounded_points(value)
    typed = _as_typed(str(value))
    match = _POINTS.fullmatch(typed)
    if match is None:
        if "," in typed:
            raise FieldError(QT_TRANSLATE_NOOP("Errors", "In points a comma only separates thousands, e.g. 1,600."))
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Points are a whole number, e.g. 800."))
    sign, whole = match.groups()
    digits = whole.replace(",", "").lstrip("0")
    if len(digits) > _POINTS_DIGITS:  # before int(): Python refuses to convert over 4,300 digits
        raise _too_many_points()
    return _bounded_points(-int(digits or "0") if sign else int(digits or "0"))


def _bounded_points(points: int) -> int:
    if points <= 0:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The points must be more than zero."))
    if points > MAX_POINTS:
        raise _too_many_points()
    return points


def _too_many_points() -> FieldError:
    return FieldError(QT_TRANSLATE_NOOP("Errors", "That is more points than any member holds; check the number."))


def normalize_slip_no(text: str) -> str:
    slip = unicodedata.normalize("NFKC", text or "").strip().upper()
    if not _SLIP.match(slip):
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "A slip number is 1 to 40 letters, digits, - _ or /, as printed on the slip.")
        )
    return slip


def is_last_weekend(day: dt.date) -> bool:
    """The month's last Saturday, and the Sunday after it (even when that Sunday starts a new month)."""
    if day.weekday() == 6:
        day -= dt.timedelta(days=1)
    elif day.weekday() != 5:
        return False
    return (day + dt.timedelta(days=7)).month != day.month


def promotion_multiplier(day: dt.date, rules: Rules) -> Decimal:
    return rules.last_weekend_multiplier if is_last_weekend(day) else Decimal(1)


def points_for(amount_fen: int, tier: str, day: dt.date, rules: Rules) -> int:
    """floor(amount × points per yuan × the tier's and the day's multipliers, combined as the rules say:
    "max" — a gold member on a double-points day earns double, not quadruple; "multiply" — both apply)."""
    tier_rate, promotion = rules.tier_multiplier[tier], promotion_multiplier(day, rules)
    multiplier = tier_rate * promotion if rules.combine == "multiply" else max(tier_rate, promotion)
    exact = Decimal(amount_fen) / 100 * rules.points_per_yuan * multiplier
    return int(exact.to_integral_value(rounding=ROUND_FLOOR))


def expires_on(earned: dt.date, rules: Rules) -> dt.date | None:
    if rules.expiry_policy == "never":
        return None
    return dt.date(earned.year + 1, 12, 31)


def tier_for_spend(spend_fen: int, rules: Rules) -> str:
    spend = Decimal(spend_fen) / 100
    tier = TIERS[0]
    for name in TIERS[1:]:
        if spend >= rules.tier_thresholds[name]:
            tier = name
    return tier


def draw_fifo(lots: list[tuple[int, int]], points: int) -> list[tuple[int, int]]:
    """Take `points` from (lot id, points left) in the order given — oldest expiry first."""
    taken: list[tuple[int, int]] = []
    remaining = points
    for lot_id, left in lots:
        if remaining == 0:
            break
        take = min(left, remaining)
        if take > 0:
            taken.append((lot_id, take))
            remaining -= take
    if remaining:
        raise ValueError("lots hold fewer points than asked")
    return taken
