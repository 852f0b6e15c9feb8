"""The chain's loyalty rules: read from a TOML document, checked, and turned into typed values."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.tiers import TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP

EXPIRY_POLICIES = ("end_of_next_year", "never")
COMBINE = ("max", "multiply")
REFERRAL_WHEN = ("registration", "first_purchase")
COMPLAINT_SLA_DEFAULTS = {"low": 48, "normal": 24, "high": 8}  # 24小时内给予答复: the normal promise


@dataclass(frozen=True)
class Rules:
    version: int
    tier_thresholds: dict[str, Decimal]  # silver, gold, diamond: spend (yuan) from which a tier holds
    points_per_yuan: Decimal
    tier_multiplier: dict[str, Decimal]
    last_weekend_multiplier: Decimal
    combine: str
    cash_points_per_yuan: int
    expiry_policy: str
    expiry_warn_days: int
    max_slips_per_member_per_day: int
    large_earn_yuan: Decimal
    redeem_approval_over: int
    void_within_days: int
    referrer_points: int
    newcomer_points: int
    referral_when: str
    birthday_points: int
    gift_max_points: int
    gift_max_points_per_day: int
    activity_points: int
    offline_member_points: int
    offline_counter_points: int
    offline_max_hours: int
    card_max_points_per_day: int  # redeemed in a day by a member identified only by the static card code
    card_cash: bool  # whether a static card code may turn points into cash
    # [complaints]: the answer promise per severity, when its clock turns amber, when to escalate, compensation limits
    complaint_sla_hours: dict[str, int] = field(default_factory=lambda: dict(COMPLAINT_SLA_DEFAULTS))
    complaint_amber_share: float = 0.25
    complaint_escalate_when_left_hours: Decimal = Decimal(2)
    compensation_max_points: int = 2000
    compensation_coupon_types: tuple[str, ...] = ()  # empty: any coupon type the catalog defines
    # [presence]: a spend above free_points needs the member at the desk (their code, scanned within code_minutes)
    presence_free_points: int = 0
    presence_code_minutes: int = 5


def _bad(key: str, value: Any, expected: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP("Errors", "Rules file: {key} = {value} is not valid; it must be {expected}."),
        key=key,
        value=repr(value),
        expected=expected,
    )


def _get(document: dict[str, Any], dotted: str) -> Any:
    node: Any = document
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Rules file: {key} is missing."), key=dotted)
        node = node[part]
    return node


def _number(
    document: dict[str, Any], key: str, *, minimum: Decimal = Decimal(0), integer: bool = False, positive: bool = False
) -> Decimal:
    value = _get(document, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (integer and not isinstance(value, int)):
        raise _bad(key, value, "a whole number" if integer else "a number")
    number = Decimal(str(value))
    if number < minimum or (positive and number <= 0):
        raise _bad(key, value, f"greater than {minimum}" if positive else f"at least {minimum}")
    return number


def _choice(document: dict[str, Any], key: str, choices: tuple[str, ...]) -> str:
    value = _get(document, key)
    if not isinstance(value, str) or value not in choices:
        raise _bad(key, value, " or ".join(choices))
    return value


def _flag(document: dict[str, Any], key: str) -> bool:
    value = _get(document, key)
    if not isinstance(value, bool):
        raise _bad(key, value, "true or false")
    return value


def parse_rules(text: str) -> Rules:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The rules file is not valid TOML: {reason}."), reason=str(error)
        ) from None
    thresholds = {tier: _number(document, f"tiers.{tier}", positive=True) for tier in TIERS[1:]}
    ordered = [thresholds[tier] for tier in TIERS[1:]]
    if ordered != sorted(set(ordered)):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors", "Rules file: tier thresholds overlap; silver < gold < diamond is needed, got {values}."
            ),
            values=", ".join(f"{tier} = {thresholds[tier]}" for tier in TIERS[1:]),
        )
    return Rules(
        version=int(_number(document, "version", integer=True, positive=True)),
        tier_thresholds=thresholds,
        points_per_yuan=_number(document, "earn.points_per_yuan", positive=True),
        tier_multiplier={tier: _number(document, f"earn.tier_multiplier.{tier}", positive=True) for tier in TIERS},
        last_weekend_multiplier=_number(document, "promotions.last_weekend_of_month", minimum=Decimal(1)),
        combine=_choice(document, "promotions.combine", COMBINE),
        cash_points_per_yuan=int(_number(document, "cash.points_per_yuan", integer=True, positive=True)),
        expiry_policy=_choice(document, "expiry.policy", EXPIRY_POLICIES),
        expiry_warn_days=int(_number(document, "expiry.warn_days", integer=True)),
        max_slips_per_member_per_day=int(
            _number(document, "risk.max_slips_per_member_per_day", integer=True, positive=True)
        ),
        large_earn_yuan=_number(document, "risk.large_earn_yuan", positive=True),
        redeem_approval_over=int(_number(document, "approval.redeem_points_over", integer=True, positive=True)),
        void_within_days=int(_number(document, "approval.void_within_days", integer=True)),
        referrer_points=int(_number(document, "referral.referrer_points", integer=True)),
        newcomer_points=int(_number(document, "referral.newcomer_points", integer=True)),
        referral_when=_choice(document, "referral.when", REFERRAL_WHEN),
        birthday_points=int(_number(document, "birthday.gift_points", integer=True)),
        gift_max_points=int(_number(document, "gifting.max_points_per_gift", integer=True, positive=True)),
        gift_max_points_per_day=int(_number(document, "gifting.max_points_per_day", integer=True, positive=True)),
        activity_points=int(_number(document, "activity.check_in_points", integer=True)),
        offline_member_points=int(_number(document, "offline.per_member_points", integer=True)),
        offline_counter_points=int(_number(document, "offline.per_counter_points", integer=True)),
        offline_max_hours=int(_number(document, "offline.max_hours", integer=True)),
        card_max_points_per_day=int(_number(document, "card.max_points_per_day", integer=True)),
        card_cash=_flag(document, "card.cash"),
        **_complaint_rules(document),
        **_presence_rules(document),
    )


def _presence_rules(document: dict[str, Any]) -> dict[str, Any]:
    """[presence]; a rules file from before it existed has none: every spend needs the member, within 5 minutes."""
    if "presence" not in document:
        return {}
    minutes = int(_number(document, "presence.code_minutes", integer=True, positive=True))
    if minutes > 60:
        raise _bad("presence.code_minutes", minutes, "1 to 60 minutes: a code scanned an hour ago proves nothing")
    return {
        "presence_free_points": int(_number(document, "presence.free_points", integer=True)),
        "presence_code_minutes": minutes,
    }


def _complaint_rules(document: dict[str, Any]) -> dict[str, Any]:
    """[complaints]; a rules file from before complaints existed (a chain's published one) has none: the defaults hold."""
    if "complaints" not in document:
        return {}
    sla = {
        severity: int(_number(document, f"complaints.sla_hours.{severity}", integer=True, positive=True))
        for severity in COMPLAINT_SLA_DEFAULTS
    }
    share = _number(document, "complaints.amber_share", positive=True)
    if share >= 1:
        raise _bad("complaints.amber_share", _get(document, "complaints.amber_share"), "between 0 and 1, e.g. 0.25")
    types = _get(document, "complaints.compensation_coupon_types")
    if not isinstance(types, list) or not all(isinstance(code, str) and code.strip() for code in types):
        raise _bad(
            "complaints.compensation_coupon_types", types, 'a list of coupon type codes, e.g. ["C10"], or [] for any'
        )
    return {
        "complaint_sla_hours": sla,
        "complaint_amber_share": float(share),
        "complaint_escalate_when_left_hours": _number(document, "complaints.escalate_when_left_hours"),
        "compensation_max_points": int(
            _number(document, "complaints.compensation_max_points", integer=True, positive=True)
        ),
        "compensation_coupon_types": tuple(code.strip().upper() for code in types),
    }
