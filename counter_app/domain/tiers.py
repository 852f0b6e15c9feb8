"""Member tiers and the rolling 12-month spend that places a member in one (default thresholds)."""

from __future__ import annotations

import enum
from decimal import Decimal

from counter_app.i18n import QT_TRANSLATE_NOOP


class Tier(enum.StrEnum):
    """A member's tier, lowest first; the value is what the store and the wire carry."""

    REGULAR = "regular"
    SILVER = "silver"
    GOLD = "gold"
    DIAMOND = "diamond"


TIERS = tuple(tier.value for tier in Tier)
ROLLING_DAYS = 365  # the spend that places a member is the last 365 days'; a tier reached holds this long
# Gold at ¥100,000 a year comes from the chain's plan (年消费超过10万元晋升金卡); the others are defaults.
DEFAULT_THRESHOLDS_YUAN = {"silver": Decimal(20_000), "gold": Decimal(100_000), "diamond": Decimal(300_000)}
TIER_LABELS: dict[str, str] = {  # in the "Tiers" context
    Tier.REGULAR: QT_TRANSLATE_NOOP("Tiers", "Regular"),
    Tier.SILVER: QT_TRANSLATE_NOOP("Tiers", "Silver"),
    Tier.GOLD: QT_TRANSLATE_NOOP("Tiers", "Gold"),
    Tier.DIAMOND: QT_TRANSLATE_NOOP("Tiers", "Diamond"),
}


def tier_for_spend(spend_yuan: Decimal, thresholds: dict[str, Decimal] = DEFAULT_THRESHOLDS_YUAN) -> str:
    tier = "regular"
    for name in TIERS[1:]:
        if spend_yuan >= thresholds[name]:
            tier = name
    return tier
