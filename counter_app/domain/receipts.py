"""Receipts as the desk prints them: the blocks of each template, and their layout into a paper's columns.

A thermal printer's Chinese font is a grid: an ASCII character takes one column, every other
character (a hanzi, a full-width sign, an emoji the printer draws as a box) takes two. 58 mm paper
holds 32 columns, 80 mm holds 48. Everything here is in those columns, so the text a printer
prints, the raster fallback and the on-screen preview line up the same way.
"""

from __future__ import annotations

import datetime as dt
import enum
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Literal

from counter_app.domain.tiers import TIER_LABELS
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

PAPER_COLUMNS = {58: 32, 80: 48}
NOTE_LIMIT = 300  # characters of free text a receipt carries; the full text stays in the store
Align = Literal["left", "center", "right"]


class ReceiptKind(enum.StrEnum):
    """What a receipt is for; the value is the `kind` a print job stores."""

    REGISTRATION = "registration"
    EARN = "earn"
    GIFT = "gift"
    COUPON = "coupon"
    CASH = "cash"
    WRITE_OFF = "write_off"
    POINTS_GIFT = "points_gift"
    VOID = "void"
    COMPLAINT = "complaint"
    DAY_SUMMARY = "day_summary"
    TEST = "test"


# What a receipt says, in the desk's language.
KIND_TITLES: dict[str, str] = {  # in the "Receipts" context
    ReceiptKind.REGISTRATION: QT_TRANSLATE_NOOP("Receipts", "Membership registration"),
    ReceiptKind.EARN: QT_TRANSLATE_NOOP("Receipts", "Points earned"),
    ReceiptKind.GIFT: QT_TRANSLATE_NOOP("Receipts", "Gift redemption"),
    ReceiptKind.COUPON: QT_TRANSLATE_NOOP("Receipts", "Coupon redemption"),
    ReceiptKind.CASH: QT_TRANSLATE_NOOP("Receipts", "Points as cash"),
    ReceiptKind.WRITE_OFF: QT_TRANSLATE_NOOP("Receipts", "Coupon written off"),
    ReceiptKind.POINTS_GIFT: QT_TRANSLATE_NOOP("Receipts", "Points given"),
    ReceiptKind.VOID: QT_TRANSLATE_NOOP("Receipts", "Operation voided"),
    ReceiptKind.COMPLAINT: QT_TRANSLATE_NOOP("Receipts", "Complaint ticket"),
    ReceiptKind.DAY_SUMMARY: QT_TRANSLATE_NOOP("Receipts", "End-of-day summary"),
    ReceiptKind.TEST: QT_TRANSLATE_NOOP("Receipts", "Printer test page"),
}
RECEIPT_KINDS = tuple(kind.value for kind in ReceiptKind)


@dataclass(frozen=True)
class Text:
    text: str
    align: Align = "left"
    bold: bool = False
    big: bool = False  # double width and height: half the columns


@dataclass(frozen=True)
class Pair:
    """A label on the left and its value on the right, as on a till slip."""

    label: str
    value: str
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    char: str = "-"


@dataclass(frozen=True)
class Qr:
    payload: str
    caption: str = ""


@dataclass(frozen=True)
class Logo:
    """The store's logo, when the printer settings name one."""


Block = Text | Pair | Rule | Qr | Logo


@dataclass(frozen=True)
class Receipt:
    kind: str
    reference: str  # the operation's id, printed as a QR: support finds the operation from it
    blocks: tuple[Block, ...]
    language: str
    reprint: int = 0  # 0: the original; n: the n-th copy after it, stamped as such

    def as_reprint(self, count: int) -> Receipt:
        return replace(self, reprint=count)


@dataclass(frozen=True)
class Line:
    """One printed line: at most the paper's columns (half of them when big)."""

    text: str
    bold: bool = False
    big: bool = False


Laid = Line | Qr | Logo


# ---- characters and columns ------------------------------------------------------------------

_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Mn", "Me", "Zl", "Zp"}


def clean(text: str | None) -> str:
    """Text as a printer can take it: composed, no control or direction-override characters, one line.

    Bidi overrides (U+202E) would let a name reverse the text after it on screen; combining marks
    would land on the wrong cell of the grid. Both go; line breaks become spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", str(text))
    kept = []
    for char in text:
        if char in "\t\r\n\u2028\u2029":
            kept.append(" ")
        elif unicodedata.category(char) not in _DROPPED_CATEGORIES:
            kept.append(char)
    return " ".join("".join(kept).split())


def cell_width(char: str) -> int:
    return 1 if " " <= char <= "~" else 2


def text_width(text: str) -> int:
    return sum(cell_width(char) for char in text)


def shorten(text: str, limit: int = NOTE_LIMIT) -> str:
    text = clean(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns`, broken at spaces between words and anywhere between hanzi, never inside a character."""
    text = clean(text)
    if not text:
        return [""]
    lines: list[str] = []
    line, width = "", 0
    for word in _words(text):
        word_width = text_width(word)
        if word == " ":
            if line and width + 1 <= columns:
                line, width = line + " ", width + 1
            continue
        if width + word_width <= columns:
            line, width = line + word, width + word_width
            continue
        if line.strip():
            lines.append(line.rstrip())
            line, width = "", 0
        for char in word:  # a word wider than the paper is cut between characters
            if width + cell_width(char) > columns:
                lines.append(line)
                line, width = "", 0
            line, width = line + char, width + cell_width(char)
        if word in _NO_LINE_START and lines and not line[: -len(word)].strip() and len(lines[-1].rstrip()) > 1:
            # Chinese typesetting never starts a line with closing punctuation: the character before comes along.
            carried = lines[-1].rstrip()[-1]
            lines[-1] = lines[-1].rstrip()[:-1]
            line, width = carried + line, width + cell_width(carried)
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


_NO_LINE_START = set("，。、；：！？）」』】》〉…,.;:!?)")


def _words(text: str) -> list[str]:
    """ASCII words stay whole; each wide character is a word of its own (Chinese breaks anywhere)."""
    words: list[str] = []
    current = ""
    for char in text:
        if char == " ":
            if current:
                words.append(current)
                current = ""
            words.append(" ")
        elif cell_width(char) == 2:
            if current:
                words.append(current)
                current = ""
            words.append(char)
        else:
            current += char
    if current:
        words.append(current)
    return words


def _aligned(text: str, columns: int, align: Align) -> str:
    room = columns - text_width(text)
    if room <= 0 or align == "left":
        return text
    if align == "right":
        return " " * room + text
    return " " * (room // 2) + text


def lay_out(receipt: Receipt, columns: int, language: str | None = None) -> list[Laid]:
    """The receipt's blocks as lines of the paper's width; a reprint opens and closes with its stamp."""
    language = language or receipt.language
    laid: list[Laid] = []
    if receipt.reprint:
        laid.extend(_stamp(receipt.reprint, columns, language))
    for block in receipt.blocks:
        if isinstance(block, Text):
            room = columns // 2 if block.big else columns
            laid.extend(
                Line(_aligned(part, room, block.align), block.bold, block.big) for part in wrap(block.text, room)
            )
        elif isinstance(block, Pair):
            laid.extend(Line(text, block.bold) for text in _pair(block.label, block.value, columns))
        elif isinstance(block, Rule):
            laid.append(Line((block.char * columns)[:columns]))
        elif isinstance(block, Qr):
            laid.append(Qr(block.payload))
            laid.extend(
                Line(_aligned(part, columns, "center")) for part in wrap(block.caption, columns) if block.caption
            )
        else:
            laid.append(block)
    if receipt.reprint:
        laid.extend(_stamp(receipt.reprint, columns, language)[1:])
    return laid


def _stamp(count: int, columns: int, language: str) -> list[Line]:
    # Both scripts whatever the desk's language: a copy must read as one to anyone who picks it up.
    label = f"重打 / REPRINT #{count}"
    return [Line("*" * columns, True), Line(_aligned(label, columns, "center"), True), Line("*" * columns, True)]


def _pair(label: str, value: str, columns: int) -> list[str]:
    label, value = clean(label), clean(value)
    if text_width(label) + 1 + text_width(value) <= columns:
        return [label + " " * (columns - text_width(label) - text_width(value)) + value]
    lines = wrap(label, columns)
    for part in wrap(value, columns - 2):
        lines.append(_aligned(part, columns, "right"))
    return lines


def plain_text(laid: list[Laid]) -> list[str]:
    """The lines as text: what a printer's text mode prints, and what the emulator should read back."""
    return [item.text for item in laid if isinstance(item, Line)]


# ---- the templates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """What every receipt says at its top and bottom: where, when, who, which operation."""

    store_name: str
    counter_name: str
    counter_no: int
    staff_id: str
    staff_name: str
    at: dt.datetime
    reference: str


@dataclass(frozen=True)
class MemberFacts:
    member_no: str
    name: str
    masked_phone: str
    tier: str
    balance: int
    expiring: tuple[tuple[str, int], ...] = field(default_factory=tuple)  # (date, points) lapsing within 30 days


def _t(text: str, language: str) -> str:
    return translate("Receipts", text, language)


def _top(kind: str, header: Header, language: str) -> list[Block]:
    blocks: list[Block] = [Logo()]
    blocks.append(
        Text(
            header.store_name or translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Member Service Desk"), language),
            "center",
            bold=True,
            big=True,
        )
    )
    if header.counter_name:
        blocks.append(Text(header.counter_name, "center"))
    blocks += [Text(_t(KIND_TITLES[kind], language), "center", bold=True), Rule()]
    return blocks


def _member(member: MemberFacts, language: str) -> list[Block]:
    blocks: list[Block] = [
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Member"), language), member.name or "-"),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Member no."), language), member.member_no),
    ]
    if member.masked_phone:
        blocks.append(
            Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Phone"), language), member.masked_phone)
        )
    return blocks


def _balance(member: MemberFacts, language: str) -> list[Block]:
    blocks: list[Block] = [
        Rule(),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points balance"), language),
            f"{member.balance:,}",
            bold=True,
        ),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Tier"), language),
            translate("Tiers", TIER_LABELS.get(member.tier, member.tier), language),
        ),
    ]
    for on, points in member.expiring[:3]:
        blocks.append(
            Pair(
                translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Expiring {date}"), language).format(date=on),
                f"{points:,}",
            )
        )
    return blocks


def _bottom(header: Header, language: str, footer: str = "") -> list[Block]:
    staff = f"{header.staff_id} {header.staff_name}".strip()
    blocks: list[Block] = [
        Rule(),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Time"), language),
            header.at.strftime("%Y-%m-%d %H:%M:%S"),
        ),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Counter"), language), f"{header.counter_no:04d}"),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Staff"), language), staff),
    ]
    if footer:
        blocks.append(Text(footer, "center"))
    blocks += [
        Qr(
            header.reference,
            caption=translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Ref. {reference}"), language).format(
                reference=short_reference(header.reference)
            ),
        ),
        Text(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Thank you for your visit"), language), "center"),
    ]
    return blocks


def short_reference(reference: str) -> str:
    """An operation id's first 8 characters: enough to find it (the QR holds all of it), short enough to read out."""
    return reference[:8] if len(reference) == 36 and reference.count("-") == 4 else reference


def _receipt(
    kind: str, header: Header, language: str, middle: list[Block], member: MemberFacts | None = None, footer: str = ""
) -> Receipt:
    blocks = _top(kind, header, language)
    if member is not None:
        blocks += _member(member, language)
    blocks += middle
    if member is not None:
        blocks += _balance(member, language)
    blocks += _bottom(header, language, footer)
    return Receipt(kind, header.reference, tuple(blocks), language)


def yuan(fen: int) -> str:
    return f"￥{fen / 100:,.2f}"


def registration_receipt(header: Header, member: MemberFacts, language: str, referral_points: int = 0) -> Receipt:
    middle: list[Block] = [
        Text(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Welcome! Your membership is active."), language),
            "center",
        )
    ]
    if referral_points:
        middle.append(
            Pair(
                translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Welcome points"), language),
                f"+{referral_points:,}",
            )
        )
    return _receipt("registration", header, language, middle, member)


def earn_receipt(
    header: Header,
    member: MemberFacts,
    language: str,
    *,
    amount_fen: int,
    slip_no: str,
    shop: str | None,
    points: int,
    upgraded: bool = False,
) -> Receipt:
    middle: list[Block] = [Rule()]
    if shop:
        middle.append(Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Shop"), language), shop))
    middle += [
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Slip no."), language), slip_no),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Amount"), language), yuan(amount_fen)),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points earned"), language), f"+{points:,}", bold=True
        ),
    ]
    if upgraded:
        middle.append(
            Text(
                translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Congratulations: your tier went up!"), language),
                "center",
                bold=True,
            )
        )
    return _receipt("earn", header, language, middle, member)


def gift_receipt(
    header: Header, member: MemberFacts, language: str, *, gift_name: str, sku: str, qty: int, points: int
) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Gift"), language), gift_name),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Item no."), language), sku),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Quantity"), language), str(qty)),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points used"), language), f"-{points:,}", bold=True),
    ]
    return _receipt("gift", header, language, middle, member)


def coupon_receipt(
    header: Header,
    member: MemberFacts,
    language: str,
    *,
    title: str,
    code: str,
    value: str,
    min_spend: str,
    valid_until: str,
    points: int,
) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Coupon"), language), title),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Value"), language), value),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Minimum spend"), language), min_spend),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Valid until"), language), valid_until),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points used"), language), f"-{points:,}", bold=True),
        Qr(
            code,
            caption=translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Coupon {code}"), language).format(code=code),
        ),
    ]
    return _receipt("coupon", header, language, middle, member)


def cash_receipt(header: Header, member: MemberFacts, language: str, *, points: int, yuan_text: str) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points used"), language), f"-{points:,}"),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Cash deduction"), language),
            f"￥{yuan_text}",
            bold=True,
        ),
    ]
    return _receipt("cash", header, language, middle, member)


def write_off_receipt(
    header: Header, member: MemberFacts | None, language: str, *, title: str, code: str, value: str, spend: str | None
) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Coupon"), language), title),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Code"), language), code),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Value"), language), value, bold=True),
    ]
    if spend:
        middle.append(Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Spend"), language), spend))
    return _receipt("write_off", header, language, middle, member)


def points_gift_receipt(
    header: Header, member: MemberFacts, language: str, *, to_member_no: str, to_masked_name: str, points: int
) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Given to"), language),
            f"{to_masked_name} {to_member_no}".strip(),
        ),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points given"), language), f"-{points:,}", bold=True),
    ]
    return _receipt("points_gift", header, language, middle, member)


def void_receipt(
    header: Header, member: MemberFacts, language: str, *, voided: str, points: int, reason: str, authorised_by: str
) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Voided operation"), language), voided),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Points"), language), f"{points:+,}", bold=True),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Reason"), language), shorten(reason)),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Authorised by"), language), authorised_by),
    ]
    return _receipt("void", header, language, middle, member)


@dataclass(frozen=True)
class ComplaintFacts:
    ticket_no: str
    category: str
    severity: str
    shop: str
    description: str
    contact: str  # masked
    promised_by: dt.datetime


def complaint_receipt(header: Header, member: MemberFacts | None, language: str, complaint: ComplaintFacts) -> Receipt:
    middle: list[Block] = [
        Rule(),
        Pair(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Ticket no."), language), complaint.ticket_no, bold=True
        ),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Category"), language), complaint.category),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Severity"), language), complaint.severity),
    ]
    if complaint.shop:
        middle.append(Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Shop"), language), complaint.shop))
    if complaint.contact:
        middle.append(
            Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Contact"), language), complaint.contact)
        )
    middle += [
        Text(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "What happened:"), language)),
        Text(shorten(complaint.description)),
        Rule(),
        Text(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "We will answer by"), language), "center"),
        Text(complaint.promised_by.strftime("%Y-%m-%d %H:%M"), "center", bold=True, big=True),
    ]
    # A walk-in customer's ticket has no member block and no balance.
    blocks = (
        _top("complaint", header, language)
        + (_member(member, language) if member else [])
        + middle
        + _bottom(
            header,
            language,
            translate(
                "Receipts", QT_TRANSLATE_NOOP("Receipts", "Keep this ticket to follow up on your complaint."), language
            ),
        )
    )
    return Receipt("complaint", header.reference, tuple(blocks), language)


@dataclass(frozen=True)
class DayFigure:
    label: str  # a Receipts string, translated here
    count: int
    value: str  # points or yuan, already formatted


def day_summary_receipt(header: Header, language: str, day: dt.date, figures: list[DayFigure]) -> Receipt:
    middle: list[Block] = [
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Day"), language), day.isoformat(), bold=True),
        Rule(),
    ]
    for figure in figures:
        middle.append(Pair(f"{_t(figure.label, language)} ×{figure.count}", figure.value))
    blocks = _top("day_summary", header, language) + middle + _bottom(header, language)
    return Receipt("day_summary", header.reference, tuple(blocks), language)


def test_page_receipt(header: Header, language: str, columns: int) -> Receipt:
    """Shows a technician what the printer can do: both scripts, rare characters, the width, a QR, the cut."""
    middle: list[Block] = [
        Text(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "If you can read this, the printer works."), language),
            "center",
        ),
        Rule("="),
        Text("中文：会员服务台 积分兑换 优惠券核销"),
        Text("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789"),
        Text(
            translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Rare characters: {sample}"), language).format(
                sample="䶮 堃 喆 昇 頔 𠀀"
            )
        ),
        Text("".join(str(i % 10) for i in range(1, columns + 1))),
        Pair(translate("Receipts", QT_TRANSLATE_NOOP("Receipts", "Columns"), language), str(columns)),
    ]
    blocks = _top("test", header, language) + middle + _bottom(header, language)
    return Receipt("test", header.reference, tuple(blocks), language)


# The complaint categories and severities a ticket shows (the complaint workflow itself names them too).
COMPLAINT_WORDS = (
    QT_TRANSLATE_NOOP("Receipts", "Service attitude"),
    QT_TRANSLATE_NOOP("Receipts", "High"),
)

DAY_FIGURE_LABELS = {
    "registration": QT_TRANSLATE_NOOP("Receipts", "New members"),
    "earn": QT_TRANSLATE_NOOP("Receipts", "Slips for points"),
    "earn_amount": QT_TRANSLATE_NOOP("Receipts", "Spend on slips"),
    "earned": QT_TRANSLATE_NOOP("Receipts", "Points issued"),
    "gift": QT_TRANSLATE_NOOP("Receipts", "Gifts redeemed"),
    "coupon": QT_TRANSLATE_NOOP("Receipts", "Coupons redeemed"),
    "cash": QT_TRANSLATE_NOOP("Receipts", "Points as cash"),
    "write_off": QT_TRANSLATE_NOOP("Receipts", "Coupons written off"),
    "void": QT_TRANSLATE_NOOP("Receipts", "Voids"),
}


# ---- kept in the print queue -----------------------------------------------------------------


class JobStatus(enum.StrEnum):
    """Where a print job is; the value is the `status` the print queue stores."""

    QUEUED = "queued"
    PRINTING = "printing"
    PRINTED = "printed"
    CANCELLED = "cancelled"


# The print queue's words for them; the context is the one the catalogs have held them in.
JOB_STATUS_LABELS: dict[str, str] = {
    JobStatus.QUEUED: QT_TRANSLATE_NOOP("PrintJobsModel", "Waiting"),
    JobStatus.PRINTING: QT_TRANSLATE_NOOP("PrintJobsModel", "Printing"),
    JobStatus.PRINTED: QT_TRANSLATE_NOOP("PrintJobsModel", "Printed"),
    JobStatus.CANCELLED: QT_TRANSLATE_NOOP("PrintJobsModel", "Cancelled"),
}

_BLOCK_TYPES: dict[str, type] = {"text": Text, "pair": Pair, "rule": Rule, "qr": Qr, "logo": Logo}
_TYPE_NAMES = {kind: name for name, kind in _BLOCK_TYPES.items()}


def receipt_to_json(receipt: Receipt) -> str:
    import dataclasses
    import json

    blocks = [{"type": _TYPE_NAMES[type(block)], **dataclasses.asdict(block)} for block in receipt.blocks]
    return json.dumps(
        {"kind": receipt.kind, "reference": receipt.reference, "language": receipt.language, "blocks": blocks},
        ensure_ascii=False,
    )


def receipt_from_json(text: str, reprint: int = 0) -> Receipt:
    import json

    document = json.loads(text)
    blocks = tuple(_BLOCK_TYPES[block.pop("type")](**block) for block in document["blocks"])
    return Receipt(document["kind"], document["reference"], blocks, document["language"], reprint)
