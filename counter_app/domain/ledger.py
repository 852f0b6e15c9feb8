"""The kinds of entry in a member's points ledger, and the words the desk shows for each."""

from __future__ import annotations

import enum

from counter_app.i18n import QT_TRANSLATE_NOOP


class LedgerKind(enum.StrEnum):
    """What moved a member's points; the value is the `kind` the ledger stores and the wire carries."""

    EARN = "earn"
    CASH = "cash"
    REDEEM_GIFT = "redeem-gift"
    REDEEM_COUPON = "redeem-coupon"
    EXPIRE = "expire"
    GIFT_IN = "gift-in"
    GIFT_OUT = "gift-out"
    BIRTHDAY = "birthday"
    REFERRAL = "referral"
    REVERSAL = "reversal"
    ADJUST = "adjust"
    ACTIVITY = "activity"
    COMPENSATION = "compensation"


KIND_LABELS: dict[str, str] = {  # in the "PointsKinds" context
    LedgerKind.EARN: QT_TRANSLATE_NOOP("PointsKinds", "Earned"),
    LedgerKind.CASH: QT_TRANSLATE_NOOP("PointsKinds", "Cash"),
    LedgerKind.REDEEM_GIFT: QT_TRANSLATE_NOOP("PointsKinds", "Gift"),
    LedgerKind.REDEEM_COUPON: QT_TRANSLATE_NOOP("PointsKinds", "Coupon"),
    LedgerKind.EXPIRE: QT_TRANSLATE_NOOP("PointsKinds", "Expired"),
    LedgerKind.GIFT_IN: QT_TRANSLATE_NOOP("PointsKinds", "Gift received"),
    LedgerKind.GIFT_OUT: QT_TRANSLATE_NOOP("PointsKinds", "Gift given"),
    LedgerKind.BIRTHDAY: QT_TRANSLATE_NOOP("PointsKinds", "Birthday"),
    LedgerKind.REFERRAL: QT_TRANSLATE_NOOP("PointsKinds", "Referral"),
    LedgerKind.REVERSAL: QT_TRANSLATE_NOOP("PointsKinds", "Void"),
    LedgerKind.ADJUST: QT_TRANSLATE_NOOP("PointsKinds", "Adjustment"),
    LedgerKind.ACTIVITY: QT_TRANSLATE_NOOP("PointsKinds", "Activity"),
    LedgerKind.COMPENSATION: QT_TRANSLATE_NOOP("PointsKinds", "Compensation"),
}


# What a manager may void: what a slip, a redemption or a birthday moved. The counter offers the void
# only for these, and the server refuses a pushed void of anything else.
VOIDABLE = (LedgerKind.EARN, LedgerKind.CASH, LedgerKind.REDEEM_GIFT, LedgerKind.REDEEM_COUPON, LedgerKind.BIRTHDAY)
# Kinds that only ever take points from a member: a pushed one that adds points is refused.
SPENDING = (
    LedgerKind.CASH,
    LedgerKind.REDEEM_GIFT,
    LedgerKind.REDEEM_COUPON,
    LedgerKind.GIFT_OUT,
    LedgerKind.EXPIRE,
)
