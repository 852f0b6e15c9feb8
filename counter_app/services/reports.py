"""Manager reports over a date range (members, points, coupons, complaints, RFM), aggregated in SQL and exported as CSV or XLSX."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from counter_app.db import reports as report_rows
from counter_app.domain import complaints as complaint_rules
from counter_app.domain.errors import FieldError, InvalidInput, form_invalid
from counter_app.domain.ledger import KIND_LABELS
from counter_app.domain.staff import Permission
from counter_app.domain.tiers import TIER_LABELS, TIERS
from counter_app.i18n import QT_TRANSLATE_NOOP, translate
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk

Progress = Callable[[int, int], None] | None

EARLIEST_DAY = dt.date(2000, 1, 1)
MAX_YEARS = 5
RFM_WINDOW_DAYS = 365
# Points leave a member's hands in these ways at the mall's cost; gifts between members only move them.
REDEEMING_KINDS = ("cash", "redeem-gift", "redeem-coupon")
TRANSFER_KINDS = ("gift-in", "gift-out")
# Points in, then points out; a kind not listed comes after them, alphabetically.
KIND_ORDER = (
    "earn",
    "birthday",
    "activity",
    "referral",
    "compensation",
    "adjust",
    "gift-in",
    "gift-out",
    "cash",
    "redeem-gift",
    "redeem-coupon",
    "expire",
    "reversal",
)

NOT_RECORDED = QT_TRANSLATE_NOOP("Reports", "Not recorded")

# RFM segments on the recency and frequency scores: the widely used 10-segment RF grid. Monetary is
# reported beside them (it moves with frequency at a mall); every one of the 25 R×F cells has one name.
#            F=1              F=2                    F=3                    F=4          F=5
RFM_GRID = {
    5: ("new", "potential_loyalist", "potential_loyalist", "champions", "champions"),
    4: ("promising", "potential_loyalist", "potential_loyalist", "loyal", "loyal"),
    3: ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    2: ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
    1: ("hibernating", "hibernating", "at_risk", "at_risk", "cant_lose"),
}
RFM_SEGMENTS = (
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
)
SEGMENT_LABELS = {
    "champions": QT_TRANSLATE_NOOP("Reports", "Champions"),
    "loyal": QT_TRANSLATE_NOOP("Reports", "Loyal"),
    "potential_loyalist": QT_TRANSLATE_NOOP("Reports", "Potential loyalists"),
    "new": QT_TRANSLATE_NOOP("Reports", "New"),
    "promising": QT_TRANSLATE_NOOP("Reports", "Promising"),
    "need_attention": QT_TRANSLATE_NOOP("Reports", "Need attention"),
    "about_to_sleep": QT_TRANSLATE_NOOP("Reports", "About to sleep"),
    "at_risk": QT_TRANSLATE_NOOP("Reports", "At risk"),
    "cant_lose": QT_TRANSLATE_NOOP("Reports", "Can't lose them"),
    "hibernating": QT_TRANSLATE_NOOP("Reports", "Hibernating"),
}


# ---- what the reports return -----------------------------------------------------------------


@dataclass(frozen=True)
class TierCount:
    tier: str
    members: int
    percent: float  # of the members now


@dataclass(frozen=True)
class MemberMonth:
    month: str  # YYYY-MM; the range's first and last months are cut at its ends
    new_members: int
    members_at_end: int  # registered by the month's end (or the range's), less those erased by then


@dataclass(frozen=True)
class MembersReport:
    start: str
    end: str
    members: int  # now, erased members left out
    erased_members: int
    by_tier: tuple[TierCount, ...]
    new_members: int
    active_members: int  # earned from at least one slip in the range (voided earns left out)
    active_percent: float  # of the members now
    months: tuple[MemberMonth, ...]


@dataclass(frozen=True)
class PointsKindLine:
    kind: str
    entries: int
    points_in: int
    points_out: int  # as a positive number


@dataclass(frozen=True)
class PointsMonth:
    month: str
    issued: int
    redeemed: int
    expired: int
    corrections: int  # voids and adjustments, signed: net = issued - redeemed - expired + corrections
    net: int


@dataclass(frozen=True)
class PointsReport:
    start: str
    end: str
    issued: int  # every kind that adds points, less gifts between members and voids
    redeemed: int  # cash, gifts and coupons
    expired: int
    given_between_members: int
    corrections: int
    net: int
    outstanding: int  # the members' balances now
    outstanding_yuan: str  # what the outstanding points would pay out as cash, at the rules' ratio
    points_per_yuan: int
    by_kind: tuple[PointsKindLine, ...]
    months: tuple[PointsMonth, ...]


@dataclass(frozen=True)
class CouponTypeLine:
    type_code: str
    title: str
    issued: int
    issued_yuan: str
    written_off: int
    written_off_yuan: str
    revoked: int  # of those issued in the range, withdrawn since (their redemption voided)


@dataclass(frozen=True)
class CouponMonth:
    month: str
    issued: int
    issued_yuan: str
    written_off: int
    written_off_yuan: str


@dataclass(frozen=True)
class CouponsReport:
    start: str
    end: str
    issued: int
    issued_yuan: str
    written_off: int  # in the range, whenever issued
    written_off_yuan: str
    used_percent: float  # of the coupons issued in the range, how many are written off by now
    open_now: int  # issued, not used, still valid today
    open_yuan: str
    by_type: tuple[CouponTypeLine, ...]
    months: tuple[CouponMonth, ...]


@dataclass(frozen=True)
class CountLine:
    code: str  # category or root cause as stored; "" for a complaint without a root cause yet
    complaints: int


@dataclass(frozen=True)
class RatingCount:
    rating: int
    complaints: int


@dataclass(frozen=True)
class ComplaintsReport:
    start: str
    end: str
    opened: int  # complaints opened in the range; every figure but the *_now ones is about them
    by_category: tuple[CountLine, ...]
    by_root_cause: tuple[CountLine, ...]
    sla_met: int  # answered by the promised time
    sla_breached: int  # answered late, or not answered and past the promised time
    sla_pending: int  # not answered, still within the promise
    sla_met_percent: float  # met of met + breached
    rated: int
    rating_average: float  # 0.0 when nobody rated
    ratings: tuple[RatingCount, ...]  # 1 to 5
    open_now: int  # every complaint not resolved or closed, whenever opened
    overdue_now: int  # of those, unanswered past the promised time


@dataclass(frozen=True)
class RfmSegment:
    segment: str
    members: int
    percent: float
    recency_days: float  # averages over the segment
    frequency: float
    monetary_yuan: str


@dataclass(frozen=True)
class RfmScore:
    score: int  # 1 to 5, 5 best
    recency_members: int
    recency_days: str  # the values this score spans, e.g. "0–12"; "" when nobody has it
    frequency_members: int
    frequency_earns: str
    monetary_members: int
    monetary_yuan: str


@dataclass(frozen=True)
class RfmReport:
    start: str  # the window: the 365 days up to and including `end`
    end: str
    members: int  # members with at least one earn in the window (erased members left out)
    segments: tuple[RfmSegment, ...]
    scores: tuple[RfmScore, ...]


Report = MembersReport | PointsReport | CouponsReport | ComplaintsReport | RfmReport


# ---- the range -------------------------------------------------------------------------------


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def check_range(desk: Desk, start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """Whole days from 2000-01-01 to a year ahead, end not before start, at most five years long."""
    for name, day in (("start", start), ("end", end)):
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise form_invalid(
                {name: FieldError(QT_TRANSLATE_NOOP("Errors", "Give the report's dates as days, e.g. 2026-11-01."))}
            )
    latest = _years_later(desk.today(), 1)
    for name, day in (("start", start), ("end", end)):
        if day < EARLIEST_DAY:
            raise form_invalid(
                {
                    name: FieldError(
                        QT_TRANSLATE_NOOP(
                            "Errors", "{day} is before 2000-01-01; reports start from then. Check the year."
                        ),
                        day=day.isoformat(),
                    )
                }
            )
        if day > latest:
            raise form_invalid(
                {
                    name: FieldError(
                        QT_TRANSLATE_NOOP(
                            "Errors", "{day} is more than a year ahead (after {latest}); check the year."
                        ),
                        day=day.isoformat(),
                        latest=latest.isoformat(),
                    )
                }
            )
    if end < start:
        raise form_invalid(
            {
                "end": FieldError(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The report ends on {end}, before it starts on {start}; swap the dates."
                    ),
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            }
        )
    if end > _years_later(start, MAX_YEARS):
        raise form_invalid(
            {
                "end": FieldError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "A report covers at most {years} years; {start} to {end} is longer. Split it into shorter reports.",
                    ),
                    years=MAX_YEARS,
                    start=start.isoformat(),
                    end=end.isoformat(),
                )
            }
        )
    return start, end


# A range is whole calendar days, both ends included, as the counter's clock showed them. Times are
# stored as ISO 8601 text with the offset they were written in (the desk's local time), so a day is
# matched on the text's date part (`at >= '2026-01-01' AND at < '2026-02-01'`): it uses the indexes,
# and an entry falls on the day the clerk saw whatever its offset. A month is the text's first 7
# characters, so every entry counted falls in one of the range's months. Instants compared across
# rows (an answer against its due time) go through julianday(), which honours the offsets.
# Every ledger entry the store holds counts, made here or pulled from the central server: the reports
# are about this store's members (the counter's own day is printing.day_summary's).
def _bounds(start: dt.date, end: dt.date) -> dict[str, str]:
    """Text bounds on the stored times' date part: from the first day, before the day after the last."""
    return {"lower": start.isoformat(), "upper": (end + dt.timedelta(days=1)).isoformat()}


def _months(start: dt.date, end: dt.date) -> list[str]:
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


class _Steps:
    def __init__(self, progress: Progress, total: int) -> None:
        self.progress, self.total, self.done = progress, total, 0

    def step(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _yuan(fen: int | None) -> str:
    return f"{Decimal(fen or 0) / 100:.2f}"


def _points_as_yuan(points: int, points_per_yuan: int) -> str:
    return (
        str((Decimal(points) / Decimal(points_per_yuan)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        if points_per_yuan
        else "0.00"
    )


@dataclass(frozen=True)
class PointsCell:
    month: str
    kind: str
    entries: int
    points_in: int
    points_out: int


# ---- the reports -----------------------------------------------------------------------------


def members_report(desk: Desk, start: dt.date, end: dt.date, progress: Progress = None) -> MembersReport:
    """Members by tier now, new members month by month, and the members active (earning) in the range."""
    authorize(desk, Permission.REPORTS, "reports.members")
    start, end = check_range(desk, start, end)
    bounds = _bounds(start, end)
    steps = _Steps(progress, 3)
    with desk.store.read() as connection:
        per_tier, other_tiers, erased, on_books = report_rows.member_counts(connection, TIERS, bounds["lower"])
        tiers = dict(zip(TIERS, per_tier, strict=True))
        if other_tiers:  # a tier these rules do not name (a newer chain's?): shown, not hidden
            tiers.update(report_rows.members_in_other_tiers(connection, TIERS))
        steps.step()
        joined: dict[str, int] = {}
        left: dict[str, int] = {}
        for row in report_rows.joined_and_left(connection, **bounds):
            if row.joined:
                joined[row.joined] = joined.get(row.joined, 0) + row.n
            if row.left:
                left[row.left] = left.get(row.left, 0) + row.n
        steps.step()
        active = report_rows.active_members(connection, **bounds)
        steps.step()
    members_now = sum(tiers.values())
    lines = []
    for month in _months(start, end):
        on_books += joined.get(month, 0) - left.get(month, 0)
        lines.append(MemberMonth(month, joined.get(month, 0), on_books))
    return MembersReport(
        start=start.isoformat(),
        end=end.isoformat(),
        members=members_now,
        erased_members=erased,
        by_tier=tuple(TierCount(tier, n, _percent(n, members_now)) for tier, n in tiers.items()),
        new_members=sum(joined.values()),
        active_members=active,
        active_percent=_percent(active, members_now),
        months=tuple(lines),
    )


def _kind_key(kind: str) -> tuple[int, str]:
    return (KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER), kind)


def _split(lines: Iterable[Any]) -> tuple[int, int, int, int, int]:
    """(issued, redeemed, expired, given between members, net) of (kind, points_in, points_out) rows."""
    issued = redeemed = expired = given = net = 0
    for line in lines:
        net += line.points_in - line.points_out
        if line.kind == "expire":
            expired += line.points_out
        elif line.kind in REDEEMING_KINDS:
            redeemed += line.points_out
        elif line.kind in TRANSFER_KINDS:
            given += line.points_out  # gift-out; its gift-in is the same points arriving
        elif line.kind != "reversal":
            issued += line.points_in
    return issued, redeemed, expired, given, net


def points_report(desk: Desk, start: dt.date, end: dt.date, progress: Progress = None) -> PointsReport:
    """Points issued, redeemed and expired in the range, by kind and by month; the balance outstanding now."""
    authorize(desk, Permission.REPORTS, "reports.points")
    start, end = check_range(desk, start, end)
    rules = desk.rules
    steps = _Steps(progress, 2)
    with desk.store.read() as connection:
        cells = [
            PointsCell(row.month, row.kind, *json.loads(row.figures))
            for row in report_rows.points_by_kind_and_month(connection, **_bounds(start, end))
        ]
        cells = [cell for cell in cells if cell.entries]
        steps.step()
        outstanding = report_rows.points_outstanding(connection)
        steps.step()
    by_kind: dict[str, list[int]] = {}
    by_month: dict[str, list[Any]] = {}
    for cell in cells:
        totals = by_kind.setdefault(cell.kind, [0, 0, 0])
        totals[0] += cell.entries
        totals[1] += cell.points_in
        totals[2] += cell.points_out
        by_month.setdefault(cell.month, []).append(cell)
    kinds = tuple(PointsKindLine(kind, *by_kind[kind]) for kind in sorted(by_kind, key=_kind_key))
    issued, redeemed, expired, given, net = _split(kinds)
    months = []
    for month in _months(start, end):
        m_issued, m_redeemed, m_expired, _, m_net = _split(by_month.get(month, ()))
        months.append(
            PointsMonth(month, m_issued, m_redeemed, m_expired, m_net - m_issued + m_redeemed + m_expired, m_net)
        )
    ratio = rules.cash_points_per_yuan
    return PointsReport(
        start=start.isoformat(),
        end=end.isoformat(),
        issued=issued,
        redeemed=redeemed,
        expired=expired,
        given_between_members=given,
        corrections=net - issued + redeemed + expired,
        net=net,
        outstanding=outstanding,
        outstanding_yuan=_points_as_yuan(outstanding, ratio),
        points_per_yuan=ratio,
        by_kind=kinds,
        months=tuple(months),
    )


def coupons_report(desk: Desk, start: dt.date, end: dt.date, progress: Progress = None) -> CouponsReport:
    """Coupons issued and written off in the range, by coupon type and by month; what is still open today."""
    authorize(desk, Permission.REPORTS, "reports.coupons")
    start, end = check_range(desk, start, end)
    bounds = _bounds(start, end)
    steps = _Steps(progress, 3)
    with desk.store.read() as connection:
        issued = report_rows.coupons_issued(connection, **bounds)
        steps.step()
        used = report_rows.coupons_written_off(connection, **bounds)
        steps.step()
        still_open = report_rows.coupons_open(connection, desk.today().isoformat())
        titles = report_rows.coupon_titles(connection)
        steps.step()
    # type code → [issued, fen issued, written off, fen written off, withdrawn, used of those issued]; month → the first four
    types: dict[str, list[int]] = {}
    months: dict[str, list[int]] = {}
    for row in issued:
        line = types.setdefault(row.type_code, [0, 0, 0, 0, 0, 0])
        line[0] += row.n
        line[1] += row.fen or 0
        line[4] += row.revoked or 0
        line[5] += row.used or 0
        month = months.setdefault(row.month, [0, 0, 0, 0])
        month[0] += row.n
        month[1] += row.fen or 0
    for row in used:
        line = types.setdefault(row.type_code, [0, 0, 0, 0, 0, 0])
        line[2] += row.n
        line[3] += row.fen or 0
        month = months.setdefault(row.month, [0, 0, 0, 0])
        month[2] += row.n
        month[3] += row.fen or 0
    n_issued = sum(line[0] for line in types.values())
    return CouponsReport(
        start=start.isoformat(),
        end=end.isoformat(),
        issued=n_issued,
        issued_yuan=_yuan(sum(line[1] for line in types.values())),
        written_off=sum(line[2] for line in types.values()),
        written_off_yuan=_yuan(sum(line[3] for line in types.values())),
        used_percent=_percent(sum(line[5] for line in types.values()), n_issued),
        open_now=still_open[0],
        open_yuan=_yuan(still_open[1]),
        by_type=tuple(
            CouponTypeLine(code, titles.get(code, code), line[0], _yuan(line[1]), line[2], _yuan(line[3]), line[4])
            for code, line in sorted(types.items())
        ),
        months=tuple(
            CouponMonth(month, n_in, _yuan(fen_in), n_used, _yuan(fen_used))
            for month in _months(start, end)
            for n_in, fen_in, n_used, fen_used in [months.get(month, [0, 0, 0, 0])]
        ),
    )


def complaints_report(desk: Desk, start: dt.date, end: dt.date, progress: Progress = None) -> ComplaintsReport:
    """Complaints opened in the range by category and root cause, the 24-hour promise kept or broken,
    satisfaction ratings; and how many are open now."""
    authorize(desk, Permission.REPORTS, "reports.complaints")
    start, end = check_range(desk, start, end)
    bounds = _bounds(start, end)
    now = desk.now().isoformat(timespec="microseconds")
    steps = _Steps(progress, 3)
    with desk.store.read() as connection:
        sla = report_rows.complaint_promises(connection, now=now, **bounds)
        categories = report_rows.complaints_by_category(connection, **bounds)
        causes = report_rows.complaints_by_root_cause(connection, **bounds)
        ratings = report_rows.complaints_by_rating(connection, **bounds)
        steps.step()
        open_now, overdue_now = report_rows.complaints_open(connection, now)
        steps.step()
    steps.step()
    # Every category and root cause the rules know, in their order, then any other code found, then "not recorded".
    category_order = list(complaint_rules.CATEGORIES) + sorted(set(categories) - set(complaint_rules.CATEGORIES))
    cause_order = (
        list(complaint_rules.ROOT_CAUSES) + sorted(set(causes) - set(complaint_rules.ROOT_CAUSES) - {""}) + [""]
    )
    return ComplaintsReport(
        start=start.isoformat(),
        end=end.isoformat(),
        opened=sla.opened,
        by_category=tuple(CountLine(code, categories.get(code, 0)) for code in category_order),
        by_root_cause=tuple(CountLine(code, causes.get(code, 0)) for code in cause_order),
        sla_met=sla.met,
        sla_breached=sla.breached,
        sla_pending=sla.pending,
        sla_met_percent=_percent(sla.met, sla.met + sla.breached),
        rated=sla.rated,
        rating_average=round(sla.rating_sum / sla.rated, 2) if sla.rated else 0.0,
        ratings=tuple(RatingCount(rating, ratings.get(rating, 0)) for rating in range(1, 6)),
        open_now=open_now,
        overdue_now=overdue_now,
    )


def rfm_segment(recency: int, frequency: int) -> str:
    return RFM_GRID[recency][frequency - 1]


def rfm_report(desk: Desk, start: dt.date, end: dt.date, progress: Progress = None) -> RfmReport:
    """Recency, frequency and monetary value of the members who earned in the 365 days up to `end`.

    Each is scored 1-5 (5 best) by quintile of rank: score = 1 + 5 × (rank - 1) / members, so equal
    values share a score (the lower one) instead of being split at random as NTILE would. Recency is the
    days from the last earn to `end`, frequency the earns, monetary their amount; voided earns do not count.
    Segments come from R and F by RFM_GRID. `start` is only checked: the window is always a year."""
    authorize(desk, Permission.REPORTS, "reports.rfm")
    start, end = check_range(desk, start, end)
    window_start = end - dt.timedelta(days=RFM_WINDOW_DAYS - 1)
    steps = _Steps(progress, 2)
    with desk.store.read() as connection:
        cells = report_rows.rfm_cells(connection, end.isoformat(), **_bounds(window_start, end))
        steps.step()
    scored = sum(cell.n for cell in cells)
    segments: dict[str, list[int]] = {name: [0, 0, 0, 0] for name in RFM_SEGMENTS}
    dimensions: dict[str, dict[int, list[Any]]] = {"r": {}, "f": {}, "m": {}}
    for cell in cells:
        totals = segments[rfm_segment(cell.r, cell.f)]
        totals[0] += cell.n
        totals[1] += cell.recency_sum
        totals[2] += cell.frequency_sum
        totals[3] += cell.monetary_sum
        for name, low, high in (
            ("r", cell.r_low, cell.r_high),
            ("f", cell.f_low, cell.f_high),
            ("m", cell.m_low, cell.m_high),
        ):
            score = dimensions[name].setdefault(getattr(cell, name), [0, low, high])
            score[0] += cell.n
            score[1], score[2] = min(score[1], low), max(score[2], high)
    steps.step()

    def average(total: int, n: int) -> float:
        return round(total / n, 1) if n else 0.0

    def span(name: str, score: int, show: Callable[[int], str] = str) -> tuple[int, str]:
        found = dimensions[name].get(score)
        if found is None:
            return 0, ""
        low, high = show(found[1]), show(found[2])
        return found[0], low if low == high else f"{low}–{high}"

    return RfmReport(
        start=window_start.isoformat(),
        end=end.isoformat(),
        members=scored,
        segments=tuple(
            RfmSegment(
                name,
                n,
                _percent(n, scored),
                average(days, n),
                average(earns, n),
                _yuan(round(fen / n)) if n else "0.00",
            )
            for name, (n, days, earns, fen) in segments.items()
        ),
        scores=tuple(
            RfmScore(score, *span("r", score), *span("f", score), *span("m", score, _yuan)) for score in range(5, 0, -1)
        ),
    )


REPORTS: dict[str, Callable[..., Report]] = {
    "members": members_report,
    "points": points_report,
    "coupons": coupons_report,
    "complaints": complaints_report,
    "rfm": rfm_report,
}


# ---- as tables: for export and the command line ----------------------------------------------

Cell = str | int | float | Decimal


@dataclass(frozen=True)
class ReportTable:
    title: str  # in the desk's language, as every label and header below
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _t(label: str, language: str | None) -> str:
    return translate("Reports", label, language)


def _money(value: str) -> Decimal:
    return Decimal(value)


def _summary(language: str | None, report: Report, *pairs: tuple[str, Cell]) -> ReportTable:
    rows: list[tuple[str, Cell]] = [
        (_t(QT_TRANSLATE_NOOP("Reports", "From"), language), report.start),
        (_t(QT_TRANSLATE_NOOP("Reports", "To"), language), report.end),
    ]
    rows += [(_t(label, language), value) for label, value in pairs]
    return ReportTable(
        _t(QT_TRANSLATE_NOOP("Reports", "Summary"), language),
        (_t(QT_TRANSLATE_NOOP("Reports", "Figure"), language), _t(QT_TRANSLATE_NOOP("Reports", "Value"), language)),
        tuple(rows),
    )


def _table(language: str | None, title: str, columns: Iterable[str], rows: Iterable[tuple[Cell, ...]]) -> ReportTable:
    return ReportTable(_t(title, language), tuple(_t(column, language) for column in columns), tuple(rows))


def report_title(report: Report, language: str | None = None) -> str:
    titles = {
        MembersReport: QT_TRANSLATE_NOOP("Reports", "Members"),
        PointsReport: QT_TRANSLATE_NOOP("Reports", "Points"),
        CouponsReport: QT_TRANSLATE_NOOP("Reports", "Coupons"),
        ComplaintsReport: QT_TRANSLATE_NOOP("Reports", "Complaints"),
        RfmReport: QT_TRANSLATE_NOOP("Reports", "RFM segments"),
    }
    return _t(titles[type(report)], language)


def report_tables(report: Report, language: str | None = None) -> tuple[ReportTable, ...]:
    """The report as titled tables, every label in the desk's language (or `language`)."""

    def tr(label: str) -> str:
        return _t(label, language)

    if isinstance(report, MembersReport):
        return (
            _summary(
                language,
                report,
                (QT_TRANSLATE_NOOP("Reports", "Members now"), report.members),
                (QT_TRANSLATE_NOOP("Reports", "Erased members"), report.erased_members),
                (QT_TRANSLATE_NOOP("Reports", "New members"), report.new_members),
                (QT_TRANSLATE_NOOP("Reports", "Active members (earned points)"), report.active_members),
                (QT_TRANSLATE_NOOP("Reports", "Active share (%)"), report.active_percent),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By tier"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Tier"),
                    QT_TRANSLATE_NOOP("Reports", "Members"),
                    QT_TRANSLATE_NOOP("Reports", "Share (%)"),
                ),
                (
                    (translate("Tiers", TIER_LABELS.get(t.tier, t.tier), language), t.members, t.percent)
                    for t in report.by_tier
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By month"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Month"),
                    QT_TRANSLATE_NOOP("Reports", "New members"),
                    QT_TRANSLATE_NOOP("Reports", "Members at month end"),
                ),
                ((m.month, m.new_members, m.members_at_end) for m in report.months),
            ),
        )
    if isinstance(report, PointsReport):
        return (
            _summary(
                language,
                report,
                (QT_TRANSLATE_NOOP("Reports", "Points issued"), report.issued),
                (QT_TRANSLATE_NOOP("Reports", "Points redeemed"), report.redeemed),
                (QT_TRANSLATE_NOOP("Reports", "Points expired"), report.expired),
                (QT_TRANSLATE_NOOP("Reports", "Points given between members"), report.given_between_members),
                (QT_TRANSLATE_NOOP("Reports", "Voids and adjustments"), report.corrections),
                (QT_TRANSLATE_NOOP("Reports", "Net change"), report.net),
                (QT_TRANSLATE_NOOP("Reports", "Outstanding points now"), report.outstanding),
                (QT_TRANSLATE_NOOP("Reports", "Their cash value now (¥)"), _money(report.outstanding_yuan)),
                (QT_TRANSLATE_NOOP("Reports", "Points per ¥1"), report.points_per_yuan),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By kind"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Kind"),
                    QT_TRANSLATE_NOOP("Reports", "Entries"),
                    QT_TRANSLATE_NOOP("Reports", "Points in"),
                    QT_TRANSLATE_NOOP("Reports", "Points out"),
                ),
                (
                    (
                        translate("PointsKinds", KIND_LABELS.get(k.kind, k.kind), language),
                        k.entries,
                        k.points_in,
                        k.points_out,
                    )
                    for k in report.by_kind
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By month"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Month"),
                    QT_TRANSLATE_NOOP("Reports", "Issued"),
                    QT_TRANSLATE_NOOP("Reports", "Redeemed"),
                    QT_TRANSLATE_NOOP("Reports", "Expired"),
                    QT_TRANSLATE_NOOP("Reports", "Voids and adjustments"),
                    QT_TRANSLATE_NOOP("Reports", "Net change"),
                ),
                ((m.month, m.issued, m.redeemed, m.expired, m.corrections, m.net) for m in report.months),
            ),
        )
    if isinstance(report, CouponsReport):
        return (
            _summary(
                language,
                report,
                (QT_TRANSLATE_NOOP("Reports", "Coupons issued"), report.issued),
                (QT_TRANSLATE_NOOP("Reports", "Value issued (¥)"), _money(report.issued_yuan)),
                (QT_TRANSLATE_NOOP("Reports", "Coupons written off"), report.written_off),
                (QT_TRANSLATE_NOOP("Reports", "Value written off (¥)"), _money(report.written_off_yuan)),
                (QT_TRANSLATE_NOOP("Reports", "Used of those issued (%)"), report.used_percent),
                (QT_TRANSLATE_NOOP("Reports", "Open coupons now"), report.open_now),
                (QT_TRANSLATE_NOOP("Reports", "Open value now (¥)"), _money(report.open_yuan)),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By coupon type"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Coupon type"),
                    QT_TRANSLATE_NOOP("Reports", "Title"),
                    QT_TRANSLATE_NOOP("Reports", "Issued"),
                    QT_TRANSLATE_NOOP("Reports", "Value issued (¥)"),
                    QT_TRANSLATE_NOOP("Reports", "Written off"),
                    QT_TRANSLATE_NOOP("Reports", "Value written off (¥)"),
                    QT_TRANSLATE_NOOP("Reports", "Withdrawn"),
                ),
                (
                    (
                        c.type_code,
                        c.title,
                        c.issued,
                        _money(c.issued_yuan),
                        c.written_off,
                        _money(c.written_off_yuan),
                        c.revoked,
                    )
                    for c in report.by_type
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By month"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Month"),
                    QT_TRANSLATE_NOOP("Reports", "Issued"),
                    QT_TRANSLATE_NOOP("Reports", "Value issued (¥)"),
                    QT_TRANSLATE_NOOP("Reports", "Written off"),
                    QT_TRANSLATE_NOOP("Reports", "Value written off (¥)"),
                ),
                (
                    (m.month, m.issued, _money(m.issued_yuan), m.written_off, _money(m.written_off_yuan))
                    for m in report.months
                ),
            ),
        )
    if isinstance(report, ComplaintsReport):
        return (
            _summary(
                language,
                report,
                (QT_TRANSLATE_NOOP("Reports", "Complaints opened"), report.opened),
                (QT_TRANSLATE_NOOP("Reports", "Answered in time"), report.sla_met),
                (QT_TRANSLATE_NOOP("Reports", "Answered late or overdue"), report.sla_breached),
                (QT_TRANSLATE_NOOP("Reports", "Waiting, still in time"), report.sla_pending),
                (QT_TRANSLATE_NOOP("Reports", "Answered in time (%)"), report.sla_met_percent),
                (QT_TRANSLATE_NOOP("Reports", "Ratings given"), report.rated),
                (QT_TRANSLATE_NOOP("Reports", "Average rating (1-5)"), report.rating_average),
                (QT_TRANSLATE_NOOP("Reports", "Open now"), report.open_now),
                (QT_TRANSLATE_NOOP("Reports", "Overdue now"), report.overdue_now),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By category"),
                (QT_TRANSLATE_NOOP("Reports", "Category"), QT_TRANSLATE_NOOP("Reports", "Complaints")),
                (
                    (complaint_rules.label(complaint_rules.CATEGORIES, c.code, language), c.complaints)
                    for c in report.by_category
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "By root cause"),
                (QT_TRANSLATE_NOOP("Reports", "Root cause"), QT_TRANSLATE_NOOP("Reports", "Complaints")),
                (
                    (
                        complaint_rules.label(complaint_rules.ROOT_CAUSES, c.code, language)
                        if c.code
                        else tr(NOT_RECORDED),
                        c.complaints,
                    )
                    for c in report.by_root_cause
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "Ratings"),
                (QT_TRANSLATE_NOOP("Reports", "Rating"), QT_TRANSLATE_NOOP("Reports", "Complaints")),
                ((r.rating, r.complaints) for r in report.ratings),
            ),
        )
    if isinstance(report, RfmReport):
        return (
            _summary(language, report, (QT_TRANSLATE_NOOP("Reports", "Members scored"), report.members)),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "Segments"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Segment"),
                    QT_TRANSLATE_NOOP("Reports", "Members"),
                    QT_TRANSLATE_NOOP("Reports", "Share (%)"),
                    QT_TRANSLATE_NOOP("Reports", "Average days since last purchase"),
                    QT_TRANSLATE_NOOP("Reports", "Average purchases"),
                    QT_TRANSLATE_NOOP("Reports", "Average spend (¥)"),
                ),
                (
                    (
                        tr(SEGMENT_LABELS[s.segment]),
                        s.members,
                        s.percent,
                        s.recency_days,
                        s.frequency,
                        _money(s.monetary_yuan),
                    )
                    for s in report.segments
                ),
            ),
            _table(
                language,
                QT_TRANSLATE_NOOP("Reports", "Scores"),
                (
                    QT_TRANSLATE_NOOP("Reports", "Score"),
                    QT_TRANSLATE_NOOP("Reports", "Members by recency"),
                    QT_TRANSLATE_NOOP("Reports", "Days since last purchase"),
                    QT_TRANSLATE_NOOP("Reports", "Members by frequency"),
                    QT_TRANSLATE_NOOP("Reports", "Purchases"),
                    QT_TRANSLATE_NOOP("Reports", "Members by spend"),
                    QT_TRANSLATE_NOOP("Reports", "Spend (¥)"),
                ),
                (
                    (
                        s.score,
                        s.recency_members,
                        s.recency_days,
                        s.frequency_members,
                        s.frequency_earns,
                        s.monetary_members,
                        s.monetary_yuan,
                    )
                    for s in report.scores
                ),
            ),
        )
    raise TypeError(f"not a report: {type(report).__name__}")


# ---- export ----------------------------------------------------------------------------------

EXPORT_FORMATS = ("csv", "xlsx")
_SHEET_FORBIDDEN = set("[]:*?/\\")


def export_report(report: Report, path: Path | str, fmt: str | None = None, language: str | None = None) -> Path:
    """Write the report to `path` as CSV (UTF-8 with a BOM, for Excel on Chinese Windows) or XLSX (a sheet
    per table). `fmt` defaults to the file's suffix. Written beside the target and moved into place, so a
    failed export never leaves half a file."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise form_invalid(
            {
                "out": FieldError(
                    QT_TRANSLATE_NOOP("Errors", "Reports are saved as .csv or .xlsx; name the file e.g. report.xlsx.")
                )
            }
        )
    tables = report_tables(report, language)
    title = report_title(report, language)
    folder = path.parent
    temporary: str | None = None
    try:
        if path.is_dir():
            raise IsADirectoryError(21, os.strerror(21))
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        os.close(handle)
        if fmt == "csv":
            _write_csv(Path(temporary), title, report, tables)
        else:
            _write_xlsx(Path(temporary), title, tables)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The report cannot be saved as {path} ({reason}); choose a folder you may write to, or another file name.",
            ),
            path=str(path),
            reason=error.strerror or str(error),
        ) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return path


def _write_csv(path: Path, title: str, report: Report, tables: tuple[ReportTable, ...]) -> None:
    # One file, the tables one after another, each under its title and separated by an empty row.
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([title, report.start, report.end])
        for table in tables:
            writer.writerow([])
            writer.writerow([table.title])
            writer.writerow(table.columns)
            writer.writerows([_csv_cell(cell) for cell in row] for row in table.rows)


# Text that a spreadsheet would run as a formula (a coupon title "=HYPERLINK(…)"): kept as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(cell: Cell) -> str | int | float:
    if isinstance(cell, Decimal):
        return f"{cell:.2f}"
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def _sheet_name(title: str, taken: set[str]) -> str:
    name = "".join(" " if ch in _SHEET_FORBIDDEN else ch for ch in title).strip()[:31] or "Sheet"
    candidate, n = name, 2
    while candidate.lower() in taken:
        suffix = f" ({n})"
        candidate, n = name[: 31 - len(suffix)] + suffix, n + 1
    taken.add(candidate.lower())
    return candidate


def _display_width(value: object) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def _write_xlsx(path: Path, title: str, tables: tuple[ReportTable, ...]) -> None:
    from openpyxl import Workbook  # only for an export: not loaded at every start
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    workbook.properties.title = title
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(_sheet_name(table.title, taken))
        sheet.append(list(table.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(list(row))
        for column_cells in sheet.iter_cols(min_row=2):
            for cell in column_cells:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    cell.data_type = "s"  # openpyxl takes "=…" for a formula
                elif isinstance(cell.value, Decimal):
                    cell.number_format = "#,##0.00"
                elif isinstance(cell.value, int) and not isinstance(cell.value, bool):
                    cell.number_format = "#,##0"
        for index, column in enumerate(table.columns, start=1):
            widest = max([_display_width(column)] + [_display_width(row[index - 1]) for row in table.rows])
            sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = min(60, widest + 2)
        sheet.freeze_panes = "A2"
    workbook.save(path)
