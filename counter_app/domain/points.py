"""Points rules: what a slip earns, when points expire, which lots a redemption draws from."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_FLOOR, Decimal, InvalidOperation

from counter_app.domain.errors import FieldError
from counter_app.domain.rules import Rules
from counter_app.domain.tiers import TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP

MAX_AMOUNT = Decimal("9999999.99")
MAX_POINTS = 100_000_000
_SLIP = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/]{0,39}$")


def parse_amount(text: str | Decimal) -> int:
    """Yuan with at most two decimals, as typed; returns fen (cents)."""
    raw = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").lstrip("¥")
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the amount in yuan, e.g. 1234.50.")) from None
    if not amount.is_finite():
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Enter the amount in yuan, e.g. 1234.50."))
    if amount <= 0:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The amount must be more than zero."))
    if amount != amount.quantize(Decimal("0.01")):
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "An amount has at most two decimals (fen)."))
    if amount > MAX_AMOUNT:
        raise FieldError(
            QT_TRANSLATE_NOOP("Errors", "The amount is too large for one slip (at most ¥9,999,999.99); check it.")
        )
    return int(amount * 100)


def parse_points(value: str | int) -> int:
    text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
    if not text.lstrip("-").isdigit():
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "Points are a whole number, e.g. 800."))
    points = int(text)
    if points <= 0:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "The points must be more than zero."))
    if points > MAX_POINTS:
        raise FieldError(QT_TRANSLATE_NOOP("Errors", "That is more points than any member holds; check the number."))
    return points


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
