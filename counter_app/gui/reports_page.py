"""The manager's reports (Ctrl+R): members, points, coupons, complaints and RFM over a date range, as figures, charts and tables, exported as CSV or XLSX."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app import i18n
from counter_app.domain.errors import DeskError
from counter_app.domain.staff import NotPermitted
from counter_app.domain.tiers import TIER_LABELS
from counter_app.gui.layout import fit_to_screen
from counter_app.gui.models import ReportTableModel, format_figure
from counter_app.gui.shortcuts import bind_button, cancel_button
from counter_app.gui.tasks import Op
from counter_app.services import reports
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

log = logging.getLogger(__name__)
KINDS = ("members", "points", "coupons", "complaints", "rfm")
PRESETS = ("today", "last_7", "this_month", "last_30", "this_year")
DEFAULT_PRESET = "this_month"
RECOMPUTE_DELAY_MS = 400  # a date typed digit by digit is computed once, when the typing pauses
CHART_HEIGHT = 300
TABLE_MAX_HEIGHT = 420

# The desk's palette: one accent, then calm companions; the promise's clock in its own traffic colours.
SERIES_COLOURS = (
    "#1f6feb",
    "#e8833a",
    "#7b8794",
    "#1a7f37",
    "#6a5ae0",
    "#c2410c",
    "#0e7490",
    "#a16207",
    "#be185d",
    "#475569",
)
TIER_COLOURS = {"regular": "#8a9bb3", "silver": "#aab4bf", "gold": "#d6ad55", "diamond": "#6a5ae0"}
SLA_PIE_COLOURS = ("#1a7f37", "#b3261e", "#e8a33a")  # met, late, still in time


def preset_range(preset: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """The days a preset covers, both ends included, up to today."""
    if preset == "today":
        return today, today
    if preset == "last_7":
        return today - dt.timedelta(days=6), today
    if preset == "this_month":
        return today.replace(day=1), today
    if preset == "last_30":
        return today - dt.timedelta(days=29), today
    if preset == "this_year":
        return today.replace(month=1, day=1), today
    raise ValueError(preset)


def month_labels(months: Sequence[str]) -> list[str]:
    """2026-02 as the axis shows it: the month's short name in the desk's language ("2月", "Feb"), with its
    year when the range spans years ("2025-12") — the table beside keeps the full YYYY-MM."""
    years = {month[:4] for month in months}
    if len(years) > 1:
        return [month for month in months]
    locale = QLocale()
    return [locale.monthName(int(month[5:7]), QLocale.FormatType.ShortFormat) for month in months]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# ---- charts ------------------------------------------------------------------------------------


def _chart(title: str | None = None) -> QChart:
    chart = QChart()
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
    chart.setMargins(QMargins(2, 2, 2, 2))
    chart.setLocalizeNumbers(True)  # axis figures with the desk locale's thousands separators
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF(), 9.5))
    chart.legend().setFont(font)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setLabelColor(QColor("#3e4c59"))
    if title:
        bold = QFont(font)
        bold.setBold(True)
        chart.setTitleFont(bold)
        chart.setTitle(title)
    return chart


def _style_axis(axis: Any) -> None:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(font.pointSizeF() - 1, 8.5))
    axis.setLabelsFont(font)
    axis.setLabelsColor(QColor("#52606d"))
    axis.setGridLineColor(QColor("#e3e8ef"))
    axis.setLinePenColor(QColor("#cfd6e0"))


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(top, 1) * 1.08)
    axis.setLabelFormat("%.0f")
    axis.applyNiceNumbers()
    axis.setMin(0)
    _style_axis(axis)
    return axis


def bar_chart(
    categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], horizontal: bool = False
) -> QChart:
    """Bars per category, one set per series (name, values); horizontal for long labels."""
    chart = _chart()
    if horizontal:
        # Qt draws the first category at the bottom; the figures table beside reads from the top.
        categories = list(reversed(categories))
        series = [(name, list(reversed(list(values)))) for name, values in series]
    bars = QHorizontalBarSeries() if horizontal else QBarSeries()
    for index, (name, values) in enumerate(series):
        bar_set = QBarSet(name)
        bar_set.append([float(value) for value in values])
        bar_set.setColor(QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
        bar_set.setBorderColor(QColor(SERIES_COLOURS[index % len(SERIES_COLOURS)]))
        bars.append(bar_set)
    bars.setBarWidth(0.7)
    chart.addSeries(bars)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories))
    _style_axis(category_axis)
    category_axis.setGridLineVisible(False)
    category_axis.setTruncateLabels(False)  # a segment's or category's name whole, never "…"
    top = max((float(value) for _, values in series for value in values), default=0)
    value_axis = _value_axis(top)
    if horizontal:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(category_axis)
    bars.attachAxis(value_axis)
    chart.legend().setVisible(len(series) > 1)
    return chart


def bars_and_line(
    categories: Sequence[str], bar: tuple[str, Sequence[float]], line: tuple[str, Sequence[float]]
) -> QChart:
    """Bars on the left axis (e.g. new members a month), a line on the right (members at the month's end)."""
    chart = _chart()
    bars = QBarSeries()
    bar_set = QBarSet(bar[0])
    bar_set.append([float(value) for value in bar[1]])
    bar_set.setColor(QColor(SERIES_COLOURS[0]))
    bar_set.setBorderColor(QColor(SERIES_COLOURS[0]))
    bars.append(bar_set)
    bars.setBarWidth(0.6)
    chart.addSeries(bars)
    trend = QLineSeries()
    trend.setName(line[0])
    for index, value in enumerate(line[1]):
        trend.append(index, float(value))
    pen = QPen(QColor(SERIES_COLOURS[1]))
    pen.setWidth(3)
    trend.setPen(pen)
    trend.setPointsVisible(True)
    chart.addSeries(trend)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories))
    category_axis.setGridLineVisible(False)
    category_axis.setTruncateLabels(False)
    _style_axis(category_axis)
    chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
    left = _value_axis(max((float(v) for v in bar[1]), default=0))
    right = _value_axis(max((float(v) for v in line[1]), default=0))
    right.setGridLineVisible(False)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
    bars.attachAxis(category_axis)
    bars.attachAxis(left)
    trend.attachAxis(category_axis)
    trend.attachAxis(right)
    return chart


def pie_chart(slices: Sequence[tuple[str, float]], colours: Sequence[str] | None = None) -> QChart:
    """A ring; each slice's label (with its figure and share) is in the legend, where labels never collide."""
    chart = _chart()
    pie = QPieSeries()
    pie.setHoleSize(0.45)
    pie.setPieSize(0.85)
    total = sum(value for _, value in slices) or 1
    for index, (label, value) in enumerate(slices):
        piece = pie.append(
            f"{label}  {format_figure(int(value) if float(value).is_integer() else value)} · {100 * value / total:.1f}%",
            float(value),
        )
        colour = QColor((colours or SERIES_COLOURS)[index % len(colours or SERIES_COLOURS)])
        piece.setColor(colour)
        piece.setBorderColor(QColor("#ffffff"))
        piece.setBorderWidth(2)
    chart.addSeries(pie)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    return chart


# ---- one report's page ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    caption: str
    value: str
    note: str = ""
    tone: str = ""  # "", "good", "warn", "bad"


@dataclass(frozen=True)
class Section:
    title: str
    chart: Callable[[], QChart] | None  # None: nothing to draw in this range
    table: Any  # reports.ReportTable


class FigureTile(QFrame):
    def __init__(self, figure: Figure, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="kpiTile")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(2)
        self.caption = QLabel(figure.caption, objectName="kpiCaption")
        self.value = QLabel(figure.value, objectName="kpiValue")
        self.value.setProperty("tone", figure.tone)
        self.note = QLabel(figure.note or " ", objectName="kpiNote")  # every tile as tall as its neighbours
        for label in (self.caption, self.value, self.note):
            label.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(label)
        layout.addStretch()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


def figures_table(parent: QWidget, table: Any) -> QTableView:
    model = ReportTableModel(parent)
    model.set_table(table)
    view = QTableView(objectName="figuresTable")
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(30)
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    if model.columnCount():
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class ReportView(QWidget):
    """A report's page: its key figures, then a chart with its figures table beside it, section by section."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.report: Any = None
        self.tables: tuple[Any, ...] = ()
        self.table_views: list[QTableView] = []
        self.chart_views: list[QChartView] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 12, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)

        self.placeholder = QFrame(objectName="reportPlaceholder")
        holder = QVBoxLayout(self.placeholder)
        holder.addStretch(2)
        self.placeholder_title = QLabel(objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.placeholder_hint = QLabel(objectName="emptyHint", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        for label in (self.placeholder_title, self.placeholder_hint):
            label.setTextFormat(Qt.TextFormat.PlainText)
            holder.addWidget(label)
        holder.addStretch(3)
        self.stack.addWidget(self.placeholder)

        self.scroller = QScrollArea(objectName="reportScroller", widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack.addWidget(self.scroller)
        self.say(self.tr("Computing…"), "")

    def say(self, title: str, hint: str, tone: str = "") -> None:
        self.placeholder_title.setText(title)
        self.placeholder_hint.setText(hint)
        self.placeholder_title.setProperty("tone", tone)
        self.placeholder_title.style().unpolish(self.placeholder_title)
        self.placeholder_title.style().polish(self.placeholder_title)
        self.stack.setCurrentWidget(self.placeholder)

    def show_report(
        self,
        report: Any,
        tables: tuple[Any, ...],
        figures: list[Figure],
        sections: list[Section],
        empty: bool,
        note: str = "",
    ) -> None:
        self.report, self.tables = report, tables
        self.table_views, self.chart_views = [], []
        if empty:
            self.say(
                self.tr("No data in this range"),
                self.tr("Nothing was recorded from %1 to %2. Choose a longer range, e.g. This year.")
                .replace("%1", report.start)
                .replace("%2", report.end),
            )
            return
        content = QWidget(objectName="reportContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(12)
        tiles = QHBoxLayout()
        tiles.setSpacing(12)
        for figure in figures:
            tiles.addWidget(FigureTile(figure))
        layout.addLayout(tiles)
        if note:
            remark = QLabel(note, objectName="subtitleLabel", wordWrap=True)
            remark.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(remark)
        for section in sections:
            layout.addWidget(self._section(section))
        layout.addStretch()
        self.scroller.setWidget(content)  # the previous content is deleted with it
        self.stack.setCurrentWidget(self.scroller)

    def _section(self, section: Section) -> QFrame:
        frame = QFrame(objectName="reportSection")
        layout = QVBoxLayout(frame)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(section.title, objectName="sectionHeading")
        title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(title)
        # A table of many columns goes under its chart, full width; a narrow one beside it.
        wide = len(section.table.columns) > 4
        row = QVBoxLayout() if wide else QHBoxLayout()
        row.setSpacing(16)
        if section.chart is not None:
            view = QChartView(section.chart(), objectName="reportChart")
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(CHART_HEIGHT)
            view.setMinimumWidth(420)
            self.chart_views.append(view)
            row.addWidget(view, 3)
        else:
            empty = QLabel(
                self.tr("No data in this range"), objectName="chartEmpty", alignment=Qt.AlignmentFlag.AlignCenter
            )
            empty.setMinimumHeight(120)
            row.addWidget(empty, 3)
        table = figures_table(self, section.table)
        fitted = 44 + 30 * max(3, len(section.table.rows))  # every row in view, no scrolling inside the page
        table.setMinimumHeight(min(fitted, TABLE_MAX_HEIGHT) if wide or section.chart is None else CHART_HEIGHT)
        if wide:
            table.setMaximumHeight(min(fitted, TABLE_MAX_HEIGHT))
        self.table_views.append(table)
        row.addWidget(table, 2)
        layout.addLayout(row)
        return frame


# ---- what each report shows ------------------------------------------------------------------------


def _n(value: Any) -> str:
    return format_figure(value)


def _yuan(text: str) -> str:
    from decimal import Decimal

    return "¥" + format_figure(Decimal(text))


def _all_zero(*columns: Sequence[Any]) -> bool:
    return not any(float(value) for column in columns for value in column)


class ReportLayouts(QObject):
    """The words and choices of each report's page; a QObject for its tr() context."""

    def figures(self, report: Any, tables: tuple[Any, ...]) -> tuple[list[Figure], list[Section], bool, str]:
        return getattr(self, "_" + type(report).__name__)(report, tables)

    def _MembersReport(self, r: reports.MembersReport, tables):
        figures = [
            Figure(
                self.tr("Members now"),
                _n(r.members),
                self.tr("%1 erased on request").replace("%1", _n(r.erased_members)) if r.erased_members else "",
            ),
            Figure(self.tr("New members"), _n(r.new_members), self.tr("registered in this range")),
            Figure(
                self.tr("Active members"),
                _n(r.active_members),
                self.tr("%1% of members earned points").replace("%1", format_figure(r.active_percent)),
            ),
        ]
        tiers = [(i18n.translate("Tiers", TIER_LABELS.get(t.tier, t.tier)), t.members) for t in r.by_tier]
        tier_colours = [TIER_COLOURS.get(t.tier, SERIES_COLOURS[i]) for i, t in enumerate(r.by_tier)]
        months = month_labels([m.month for m in r.months])
        new = [m.new_members for m in r.months]
        at_end = [m.members_at_end for m in r.months]
        by_tier, by_month = tables[1], tables[2]
        sections = [
            Section(
                self.tr("Members by tier (now)"),
                None if _all_zero([n for _, n in tiers]) else (lambda: pie_chart(tiers, tier_colours)),
                by_tier,
            ),
            Section(
                self.tr("Growth by month"),
                None
                if _all_zero(new, at_end)
                else (lambda: bars_and_line(months, (by_month.columns[1], new), (by_month.columns[2], at_end))),
                by_month,
            ),
        ]
        empty = r.members == 0 and r.erased_members == 0 and r.new_members == 0
        return figures, sections, empty, ""

    def _PointsReport(self, r: reports.PointsReport, tables):
        figures = [
            Figure(
                self.tr("Points issued"),
                _n(r.issued),
                self.tr("%1 given between members").replace("%1", _n(r.given_between_members))
                if r.given_between_members
                else "",
            ),
            Figure(self.tr("Points redeemed"), _n(r.redeemed), self.tr("cash, gifts and coupons")),
            Figure(self.tr("Points expired"), _n(r.expired)),
            Figure(
                self.tr("Outstanding now"),
                _n(r.outstanding),
                self.tr("worth %1 at %2 points per ¥1")
                .replace("%1", _yuan(r.outstanding_yuan))
                .replace("%2", _n(r.points_per_yuan)),
            ),
        ]
        by_kind, by_month = tables[1], tables[2]
        months = month_labels([m.month for m in r.months])
        issued, redeemed, expired = (
            [m.issued for m in r.months],
            [m.redeemed for m in r.months],
            [m.expired for m in r.months],
        )
        kinds = [row[0] for row in by_kind.rows]
        points_in, points_out = [k.points_in for k in r.by_kind], [k.points_out for k in r.by_kind]
        sections = [
            Section(
                self.tr("Issued, redeemed and expired by month"),
                None
                if _all_zero(issued, redeemed, expired)
                else (
                    lambda: bar_chart(
                        months,
                        [
                            (by_month.columns[1], issued),
                            (by_month.columns[2], redeemed),
                            (by_month.columns[3], expired),
                        ],
                    )
                ),
                by_month,
            ),
            Section(
                self.tr("By kind of entry"),
                None
                if _all_zero(points_in, points_out)
                else (
                    lambda: bar_chart(
                        kinds, [(by_kind.columns[2], points_in), (by_kind.columns[3], points_out)], horizontal=True
                    )
                ),
                by_kind,
            ),
        ]
        empty = not r.by_kind and r.outstanding == 0
        return figures, sections, empty, ""

    def _CouponsReport(self, r: reports.CouponsReport, tables):
        figures = [
            Figure(self.tr("Coupons issued"), _n(r.issued), self.tr("worth %1").replace("%1", _yuan(r.issued_yuan))),
            Figure(
                self.tr("Written off"), _n(r.written_off), self.tr("worth %1").replace("%1", _yuan(r.written_off_yuan))
            ),
            Figure(self.tr("Used of those issued"), format_figure(r.used_percent) + "%"),
            Figure(
                self.tr("Open now"), _n(r.open_now), self.tr("worth %1, still valid").replace("%1", _yuan(r.open_yuan))
            ),
        ]
        by_type, by_month = tables[1], tables[2]
        months = month_labels([m.month for m in r.months])
        issued, used = [m.issued for m in r.months], [m.written_off for m in r.months]
        titles = [t.title for t in r.by_type]
        type_issued, type_used = [t.issued for t in r.by_type], [t.written_off for t in r.by_type]
        sections = [
            Section(
                self.tr("Issued and written off by month"),
                None
                if _all_zero(issued, used)
                else (lambda: bar_chart(months, [(by_month.columns[1], issued), (by_month.columns[3], used)])),
                by_month,
            ),
            Section(
                self.tr("By coupon type"),
                None
                if _all_zero(type_issued, type_used)
                else (
                    lambda: bar_chart(
                        titles, [(by_type.columns[2], type_issued), (by_type.columns[4], type_used)], horizontal=True
                    )
                ),
                by_type,
            ),
        ]
        empty = r.issued == 0 and r.written_off == 0 and r.open_now == 0
        return figures, sections, empty, ""

    def _ComplaintsReport(self, r: reports.ComplaintsReport, tables):
        answered = r.sla_met + r.sla_breached
        figures = [
            Figure(self.tr("Complaints taken"), _n(r.opened)),
            Figure(
                self.tr("Answered within the promise"),
                format_figure(r.sla_met_percent) + "%" if answered else "—",
                self.tr("%1 in time · %2 late").replace("%1", _n(r.sla_met)).replace("%2", _n(r.sla_breached)),
                ""
                if not answered
                else "good"
                if r.sla_met_percent >= 90
                else "warn"
                if r.sla_met_percent >= 70
                else "bad",
            ),
            Figure(
                self.tr("Average satisfaction"),
                f"{r.rating_average:.2f} / 5" if r.rated else "—",
                self.tr("%1 ratings").replace("%1", _n(r.rated)),
            ),
            Figure(
                # The service's own words for it: "Open now" in this page's context is the coupons' (still unused).
                i18n.translate("Reports", "Open now"),
                _n(r.open_now),
                self.tr("%1 overdue").replace("%1", _n(r.overdue_now)),
                "bad" if r.overdue_now else "",
            ),
        ]
        summary, by_category, by_cause, ratings = tables
        categories = [row[0] for row in by_category.rows]
        category_counts = [c.complaints for c in r.by_category]
        causes = [row[0] for row in by_cause.rows]
        cause_counts = [c.complaints for c in r.by_root_cause]
        sla = [
            (summary.rows[3][0], r.sla_met),
            (summary.rows[4][0], r.sla_breached),
            (summary.rows[5][0], r.sla_pending),
        ]
        stars = [f"★{rating.rating}" for rating in r.ratings]
        star_counts = [rating.complaints for rating in r.ratings]
        sections = [
            Section(
                self.tr("By category"),
                None
                if _all_zero(category_counts)
                else (lambda: bar_chart(categories, [(by_category.columns[1], category_counts)], horizontal=True)),
                by_category,
            ),
            Section(
                self.tr("The 24-hour answer promise"),
                None if _all_zero([n for _, n in sla]) else (lambda: pie_chart(sla, SLA_PIE_COLOURS)),
                summary,
            ),
            Section(
                self.tr("By root cause"),
                None
                if _all_zero(cause_counts)
                else (lambda: bar_chart(causes, [(by_cause.columns[1], cause_counts)], horizontal=True)),
                by_cause,
            ),
            Section(
                self.tr("Satisfaction ratings"),
                None if _all_zero(star_counts) else (lambda: bar_chart(stars, [(ratings.columns[1], star_counts)])),
                ratings,
            ),
        ]
        empty = r.opened == 0 and r.open_now == 0
        return figures, sections, empty, ""

    def _RfmReport(self, r: reports.RfmReport, tables):
        share = {s.segment: s for s in r.segments}

        def segment(code: str) -> Figure:
            line = share[code]
            return Figure(
                i18n.translate("Reports", reports.SEGMENT_LABELS[code]),
                _n(line.members),
                self.tr("%1% of members · average spend %2")
                .replace("%1", format_figure(line.percent))
                .replace("%2", _yuan(line.monetary_yuan)),
            )

        figures = [
            Figure(self.tr("Members scored"), _n(r.members), self.tr("earned at least once in the year")),
            segment("champions"),
            segment("loyal"),
            segment("at_risk"),
        ]
        segments, scores = tables[1], tables[2]
        names = [row[0] for row in segments.rows]
        counts = [s.members for s in r.segments]
        score_names = [f"{s.score}" for s in r.scores]
        sections = [
            Section(
                self.tr("Segments"),
                None
                if _all_zero(counts)
                else (lambda: bar_chart(names, [(segments.columns[1], counts)], horizontal=True)),
                segments,
            ),
            Section(
                self.tr("Scores (5 best)"),
                None
                if r.members == 0
                else (
                    lambda: bar_chart(
                        score_names,
                        [
                            (scores.columns[1], [s.recency_members for s in r.scores]),
                            (scores.columns[3], [s.frequency_members for s in r.scores]),
                            (scores.columns[5], [s.monetary_members for s in r.scores]),
                        ],
                    )
                ),
                scores,
            ),
        ]
        note = (
            self.tr(
                "RFM looks at the 365 days up to %2 (%1 to %2), whatever the range starts on: recency, frequency and spend of each member who earned points."
            )
            .replace("%1", r.start)
            .replace("%2", r.end)
        )
        return figures, sections, r.members == 0, note


# ---- the dialog ---------------------------------------------------------------------------------------


class _ProgressRelay(QObject):
    """Lives on the GUI thread; a report's progress, reported from the worker, arrives here queued."""

    advanced = Signal(int, int, int)  # serial, done, total


class ReportsDialog(QDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self._serial = 0
        self._computing: int | None = None
        self._results: dict[str, tuple[Any, tuple[Any, ...]]] = {}  # kind -> (report, its tables), for the range shown
        self._layouts = ReportLayouts(self)
        self.relay = _ProgressRelay(self)
        self.relay.advanced.connect(self._advanced)
        self.setWindowTitle(self.tr("Reports"))
        fit_to_screen(self, 1240, 860)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reports"), objectName="titleLabel"))
        top.addSpacing(12)
        self.subtitle = QLabel(objectName="subtitleLabel")
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.subtitle, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)

        row = QHBoxLayout()
        row.setSpacing(8)
        today = desk.today()
        self.from_edit = self._date_edit(today)
        self.to_edit = self._date_edit(today)
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.from_edit)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.to_edit)
        row.addSpacing(12)
        self.preset_group = QButtonGroup(self)
        self.preset_buttons: dict[str, QPushButton] = {}
        labels = {
            "today": self.tr("Today"),
            "last_7": self.tr("Last 7 days"),
            "this_month": self.tr("This month"),
            "last_30": self.tr("Last 30 days"),
            "this_year": self.tr("This year"),
        }
        for number, preset in enumerate(PRESETS, start=1):
            button = QPushButton(labels[preset], objectName="presetButton", checkable=True, autoDefault=False)
            button.clicked.connect(lambda _checked=False, name=preset: self.apply_preset(name))
            bind_button(self, button, QKeySequence(f"Alt+{number}"), self.tr("The report over this period"))
            self.preset_group.addButton(button)
            self.preset_buttons[preset] = button
            row.addWidget(button)
        row.addStretch()
        self.progress = QProgressBar(objectName="reportProgress", maximumWidth=220, visible=False, textVisible=True)
        row.addWidget(self.progress)
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="secondaryButton", autoDefault=False)
        self.refresh_button.clicked.connect(lambda: self.compute(force=True))
        bind_button(self, self.refresh_button, Qt.Key.Key_F5, self.tr("Compute the report again"))
        row.addWidget(self.refresh_button)
        layout.addLayout(row)

        self.error = QLabel(objectName="formError", wordWrap=True, visible=False)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.error)

        self.tabs = QTabWidget(objectName="reportTabs")
        titles = {
            "members": self.tr("Members"),
            "points": self.tr("Points"),
            "coupons": self.tr("Coupons"),
            "complaints": self.tr("Complaints"),
            "rfm": self.tr("RFM segments"),
        }
        self.views: dict[str, ReportView] = {}
        for kind in KINDS:
            view = ReportView(kind)
            self.views[kind] = view
            self.tabs.addTab(view, titles[kind])
        self.tabs.currentChanged.connect(lambda _index: self.compute())
        layout.addWidget(self.tabs, 1)

        bottom = QHBoxLayout()
        self.notice = QLabel(objectName="searchMessage", wordWrap=True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.notice, 1)
        self.csv_button = QPushButton(self.tr("Export CSV…"), objectName="secondaryButton", autoDefault=False)
        self.csv_button.clicked.connect(lambda: self.export_csv())
        bind_button(
            self, self.csv_button, QKeySequence("Ctrl+S"), self.tr("Save this report as a CSV file (opens in Excel)")
        )
        self.xlsx_button = QPushButton(self.tr("Export XLSX…"), objectName="secondaryButton", autoDefault=False)
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        bind_button(
            self,
            self.xlsx_button,
            QKeySequence("Ctrl+Shift+S"),
            self.tr("Save this report as an Excel workbook, a sheet per table"),
        )
        close = QPushButton(self.tr("Close"), objectName="secondaryButton", autoDefault=False)
        cancel_button(close, self.tr("Close the reports"))
        close.clicked.connect(self.reject)
        for button in (self.csv_button, self.xlsx_button, close):
            bottom.addWidget(button)
        layout.addLayout(bottom)

        self._recompute = QTimer(self, singleShot=True, interval=RECOMPUTE_DELAY_MS)
        self._recompute.timeout.connect(self._dates_changed)
        self.from_edit.dateChanged.connect(lambda _day: self._recompute.start())
        self.to_edit.dateChanged.connect(lambda _day: self._recompute.start())
        self._enable_export()
        self.apply_preset(DEFAULT_PRESET)
        self.tabs.setFocus()

    def _date_edit(self, today: dt.date) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True, objectName="dateEdit")
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_qdate(reports.EARLIEST_DAY))
        edit.setMaximumDate(_qdate(today))
        edit.setDate(_qdate(today))
        edit.setMinimumWidth(130)
        edit.editingFinished.connect(self._dates_changed)  # Enter computes at once
        return edit

    # --- the range ----------------------------------------------------------------------------
    def range(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date())

    def set_range(self, start: dt.date, end: dt.date) -> None:
        for edit, day in ((self.from_edit, start), (self.to_edit, end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)
        self._recompute.stop()
        self._range_changed()

    def apply_preset(self, preset: str) -> None:
        self.preset_buttons[preset].setChecked(True)
        self.set_range(*preset_range(preset, self.desk.today()))

    def _dates_changed(self) -> None:
        self._recompute.stop()
        start, end = self.range()
        if self._results and all(
            report.start == start.isoformat() and report.end == end.isoformat() for report, _ in self._results.values()
        ):
            return  # editing finished without a change
        # Dates typed by hand: a preset button stays lit only when it still describes the range.
        self.preset_group.setExclusive(False)
        for preset, button in self.preset_buttons.items():
            button.setChecked(preset_range(preset, self.desk.today()) == (start, end))
        self.preset_group.setExclusive(True)
        self._range_changed()

    def _range_changed(self) -> None:
        self._results.clear()
        start, end = self.range()
        store = self.desk.settings.store_name
        days = (end - start).days + 1
        span = (
            self.tr("%1 to %2 · %3 days")
            .replace("%1", start.isoformat())
            .replace("%2", end.isoformat())
            .replace("%3", f"{days:,}")
        )
        self.subtitle.setText(f"{store}  ·  {span}" if store else span)
        self.compute()

    # --- computing ------------------------------------------------------------------------------
    def current_kind(self) -> str:
        return KINDS[self.tabs.currentIndex()]

    def compute(self, force: bool = False) -> None:
        """The shown report for the shown range, off the GUI thread, with its progress in the bar."""
        kind = self.current_kind()
        if force:
            self._results.pop(kind, None)
        if kind in self._results:
            self._enable_export()
            return
        start, end = self.range()
        self._serial += 1
        serial = self._serial
        self._computing = serial
        self.error.setVisible(False)
        self.views[kind].say(
            self.tr("Computing…"), self.tr("%1 to %2").replace("%1", start.isoformat()).replace("%2", end.isoformat())
        )
        self.progress.setRange(0, 0)
        self.progress.setFormat(self.tr("Computing… %p%"))
        self.progress.setVisible(True)
        self._enable_export()
        relay = self.relay

        def progress(done: int, total: int) -> None:
            if shiboken6.isValid(relay):  # on the worker's thread: delivered queued on the GUI thread
                relay.advanced.emit(serial, done, total)

        report_of = reports.REPORTS[kind]
        desk = self.desk

        def work() -> tuple[Any, tuple[Any, ...]]:
            report = report_of(desk, start, end, progress)
            return report, reports.report_tables(report)

        Op(self, work).success(lambda result: self._computed(serial, kind, result)).failure(
            lambda error: self._failed(serial, kind, error)
        ).run()

    def _advanced(self, serial: int, done: int, total: int) -> None:
        if serial == self._computing and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _computed(self, serial: int, kind: str, result: tuple[Any, tuple[Any, ...]]) -> None:
        if serial != self._serial:
            return  # the range or tab changed meanwhile: a newer computation is on its way
        self._computing = None
        self.progress.setVisible(False)
        report, tables = result
        self._results[kind] = result
        figures, sections, empty, note = self._layouts.figures(report, tables)
        self.views[kind].show_report(report, tables, figures, sections, empty, note)
        self.notice.setText(
            self.tr("Computed at %1 from this counter's store.").replace("%1", self.desk.now().strftime("%H:%M"))
        )
        self._enable_export()

    def _failed(self, serial: int, kind: str, error: BaseException) -> None:
        if serial != self._serial:
            return
        self._computing = None
        self.progress.setVisible(False)
        view = self.views[kind]
        if isinstance(error, NotSignedIn):
            self.reject()
            return
        if isinstance(error, NotPermitted):
            view.say(self.tr("Reports are for managers"), error.message(), "bad")
        elif isinstance(error, DeskError):
            fields = getattr(error, "fields", {})
            text = "\n".join(field.message() for field in fields.values()) or error.message()
            view.say(self.tr("This range cannot be reported"), text, "bad")
            self.error.setText(text)
            self.error.setVisible(True)
        else:
            log.error("a report failed", exc_info=error)
            view.say(
                self.tr("The report could not be computed"),
                self.tr(
                    "Something unexpected went wrong; nothing was changed. Try again, and call support if it happens again."
                ),
                "bad",
            )
        self._enable_export()

    def _enable_export(self) -> None:
        ready = self.current_kind() in self._results
        self.csv_button.setEnabled(ready)
        self.xlsx_button.setEnabled(ready)

    # --- exporting ------------------------------------------------------------------------------
    def export_csv(self, path: str | Path | None = None) -> None:
        self.export("csv", path)

    def export_xlsx(self, path: str | Path | None = None) -> None:
        self.export("xlsx", path)

    def suggested_path(self, fmt: str) -> Path:
        report, _ = self._results[self.current_kind()]
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        return Path(folder) / f"{self.current_kind()}-{report.start}-{report.end}.{fmt}"

    def export(self, fmt: str, path: str | Path | None = None) -> None:
        """Save the shown report; without a path, the clerk chooses where (tests pass one)."""
        kind = self.current_kind()
        if kind not in self._results:
            return
        if path is None:
            filters = {"csv": self.tr("CSV file (*.csv)"), "xlsx": self.tr("Excel workbook (*.xlsx)")}
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export report"), str(self.suggested_path(fmt)), filters[fmt]
            )
            if not chosen:
                return
            path = chosen if chosen.lower().endswith("." + fmt) else chosen + "." + fmt
        report, _ = self._results[kind]
        target = Path(path)
        self.csv_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)
        Op(self, lambda: reports.export_report(report, target, fmt)).success(self._exported).failure(
            self._export_failed
        ).run()

    def _exported(self, path: Path) -> None:
        self._enable_export()
        self.error.setVisible(False)
        self.notice.setText(self.tr("Saved as %1").replace("%1", str(path)))

    def _export_failed(self, error: BaseException) -> None:
        self._enable_export()
        if isinstance(error, DeskError):
            text = error.message()
        else:
            log.error("a report export failed", exc_info=error)
            text = self.tr("The report could not be saved; try another folder.")
        self.error.setText(text)
        self.error.setVisible(True)
