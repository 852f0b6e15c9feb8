"""Manager reports: figures against a small store worked out by hand, bad ranges, the empty store, CSV and XLSX exports, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
import uuid
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from counter_app.domain.errors import InvalidInput
from counter_app.domain.staff import NotPermitted
from counter_app.services import auth, members, points, privacy, reports, rewards, voids
from tests.conftest import NOW, checked_in_at_event, cli_main, form, present, signed_in_desk

START, END = dt.date(2026, 9, 1), dt.date(2026, 11, 23)
A, B, C, D, E, F = "13800138000", "13900139000", "13700137000", "13500135000", "13300133000", "13600136000"


class Clock:
    """The desk's clock, moved by the test to when each thing happened."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 8, 15, 9, 0, tzinfo=NOW.tzinfo)

    def __call__(self) -> dt.datetime:
        return self.now

    def at(self, text: str) -> None:
        self.now = dt.datetime.fromisoformat(text)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def shop(data_dir: Path, clock: Clock):
    """Six members and three months of activity; every figure below is worked out from these lines.

    A  registered 08-15; earns ¥80 (08-20) and ¥10 (08-31 23:59:59), both before the range; ¥100 at 09-01 00:30;
       referral 100 (09-10); ¥250.50 (10-10); gift 100 in from B (10-12); 50 expired (11-01); ¥300 (11-12) voided 11-13.
    B  registered 09-10 referred by A (50); ¥1000 (09-15); 800 points as cash (09-20); gives A 100 (10-12).
    C  registered 10-05; ¥25,000 (10-08) → silver; umbrella for 1500 (11-05).
    F  registered 10-06; ¥500 (10-07); erased 11-21.
    D  registered 11-20; ¥120,000 (11-21) → gold; coupons C10 (written off 11-22), C50 (open), C10 (voided 11-22).
    E  registered 11-22; event check-in 20 (11-22); ¥50 (11-22).
    """
    desk = signed_in_desk(data_dir, clock=clock)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    rewards.define_coupon(desk, "C50", "满500减50", "50", "500", 60, 3800)
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=5)
    members.register_member(desk, form(phone=A, name="张三"))
    clock.at("2026-08-20T11:00:00+08:00")
    points.earn_from_slip(desk, A, "80", "S-0")
    clock.at("2026-08-31T23:59:59+08:00")
    points.earn_from_slip(desk, A, "10", "S-00")
    clock.at("2026-09-01T00:30:00+08:00")
    points.earn_from_slip(desk, A, "100", "S-1")
    clock.at("2026-09-10T09:00:00+08:00")
    members.register_member(desk, form(phone=B, name="李四", referrer=A))
    clock.at("2026-09-15T14:00:00+08:00")
    points.earn_from_slip(desk, B, "1000", "S-2")
    clock.at("2026-09-20T15:00:00+08:00")
    points.redeem_cash(desk, B, 800, presence=present(desk, B))
    clock.at("2026-10-05T10:00:00+08:00")
    members.register_member(desk, form(phone=C, name="王五"))
    clock.at("2026-10-06T10:00:00+08:00")
    members.register_member(desk, form(phone=F, name="赵六"))
    clock.at("2026-10-07T10:00:00+08:00")
    points.earn_from_slip(desk, F, "500", "S-3")
    clock.at("2026-10-08T10:00:00+08:00")
    points.earn_from_slip(desk, C, "25000", "S-4")
    clock.at("2026-10-10T16:00:00+08:00")
    points.earn_from_slip(desk, A, "250.50", "S-5")
    clock.at("2026-10-12T10:00:00+08:00")
    points.gift_points(desk, B, A, 100, presence=present(desk, B))
    clock.at("2026-11-01T00:00:05+08:00")
    with desk.store.write() as connection:
        # The expiry job's entry as it writes it (its lots are not what this test is about).
        member_id = connection.exec_driver_sql(
            "SELECT id FROM members WHERE member_no = ?", (members.find_member(desk, A).member_no,)
        ).scalar()
        connection.exec_driver_sql(
            "INSERT INTO ledger (entry_id, member_id, kind, points, at, note) VALUES (?, ?, 'expire', -50, ?, 'expired 2026-10-31')",
            (str(uuid.uuid4()), member_id, clock.now.isoformat(timespec="microseconds")),
        )
        connection.exec_driver_sql("UPDATE members SET points = points - 50 WHERE id = ?", (member_id,))
    clock.at("2026-11-05T10:00:00+08:00")
    rewards.redeem_gift(desk, C, "G-UMB", presence=present(desk, C))
    clock.at("2026-11-12T12:00:00+08:00")
    voided = points.earn_from_slip(desk, A, "300", "S-6").op_id
    clock.at("2026-11-13T09:00:00+08:00")
    voids.void_operation(desk, voided, "wrong member")
    clock.at("2026-11-20T10:00:00+08:00")
    members.register_member(desk, form(phone=D, name="钱七"))
    clock.at("2026-11-21T10:00:00+08:00")
    points.earn_from_slip(desk, D, "120000", "S-7")
    clock.at("2026-11-21T11:00:00+08:00")
    used = rewards.redeem_coupon(desk, D, "C10", presence=present(desk, D)).coupon.code
    rewards.redeem_coupon(desk, D, "C50", presence=present(desk, D))
    withdrawn = rewards.redeem_coupon(desk, D, "C10", presence=present(desk, D)).op_id
    clock.at("2026-11-21T15:00:00+08:00")
    privacy.erase_member(desk, F, "the member's request of today")
    clock.at("2026-11-22T09:00:00+08:00")
    members.register_member(desk, form(phone=E, name="孙八"))
    clock.at("2026-11-22T10:00:00+08:00")
    rewards.write_off_coupon(desk, used, "150")
    clock.at("2026-11-22T11:00:00+08:00")
    checked_in_at_event(desk, E, "FAIR")
    points.award_activity(desk, E, "FAIR")
    clock.at("2026-11-22T12:00:00+08:00")
    points.earn_from_slip(desk, E, "50", "S-8")
    voids.void_operation(desk, withdrawn, "asked for C50 instead")
    clock.now = NOW
    yield desk
    desk.close()


def _complaint(
    desk,
    category: str,
    opened: str,
    *,
    due: str | None = None,
    answered: str | None = None,
    state: str = "closed",
    root_cause: str | None = None,
    rating: int | None = None,
) -> None:
    opened_at = dt.datetime.fromisoformat(opened)
    due_at = due or (opened_at + dt.timedelta(hours=24)).isoformat(timespec="microseconds")
    with desk.store.write() as connection:
        number = connection.exec_driver_sql("SELECT count(*) FROM complaints").scalar() + 1
        connection.exec_driver_sql(
            "INSERT INTO complaints (complaint_uid, ticket_no, category, severity, description, state, root_cause, rating, opened_at, due_at, answered_at, counter_uid, updated_at) "
            "VALUES (?, ?, ?, 'normal', '测试', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                str(uuid.uuid4()),
                f"C-{opened[:10].replace('-', '')}-0001-{number:03d}",
                category,
                state,
                root_cause,
                rating,
                opened_at.isoformat(timespec="microseconds"),
                due_at,
                answered,
                desk.counter_uid,
                opened,
            ),
        )


@pytest.fixture
def complaints(desk):
    """Seven complaints; the desk's clock reads 2026-11-23 10:30 +08:00."""
    _complaint(
        desk,
        "attitude",
        "2026-09-02T10:00:00+08:00",
        answered="2026-09-02T15:00:00+08:00",
        root_cause="staff_conduct",
        rating=5,
    )  # in time
    _complaint(
        desk,
        "attitude",
        "2026-10-03T09:00:00+08:00",
        answered="2026-10-04T12:00:00+08:00",
        root_cause="staff_conduct",
        rating=2,
    )  # late
    _complaint(
        desk,
        "quality",
        "2026-10-20T09:00:00+08:00",
        answered="2026-10-21T08:59:59+08:00",
        state="resolved",
        root_cause="product_defect",
    )  # in time
    _complaint(desk, "price", "2026-11-22T12:00:00+08:00", state="open")  # due 11-23 12:00: still in time
    _complaint(desk, "response", "2026-11-21T08:00:00+08:00", state="open")  # due 11-22 08:00: overdue
    _complaint(
        desk, "after_sales", "2026-08-10T10:00:00+08:00", state="escalated"
    )  # before the range; open and overdue now
    # Answered at another counter in UTC: 03:00Z is 11:00 at +08:00, an hour after it was due (the text alone says "03:00 < 10:00").
    _complaint(
        desk,
        "quality",
        "2026-09-10T10:00:00+08:00",
        due="2026-09-11T10:00:00.000000+08:00",
        answered="2026-09-11T03:00:00.000000+00:00",
        root_cause="process",
        rating=4,
    )
    return desk


# ---- the figures -----------------------------------------------------------------------------


def test_members_by_tier_growth_and_activity(shop):
    report = reports.members_report(shop, START, END)
    assert (
        report.members,
        report.erased_members,
        report.new_members,
        report.active_members,
        report.active_percent,
    ) == (5, 1, 5, 5, 100.0)
    assert [(t.tier, t.members, t.percent) for t in report.by_tier] == [
        ("regular", 3, 60.0),
        ("silver", 1, 20.0),
        ("gold", 1, 20.0),
        ("diamond", 0, 0.0),
    ]
    # F earned in October but is erased: not active. A's November earn was voided, its October one counts.
    assert [(m.month, m.new_members, m.members_at_end) for m in report.months] == [
        ("2026-09", 1, 2),
        ("2026-10", 2, 4),
        ("2026-11", 2, 5),
    ]


def test_points_issued_redeemed_expired_and_outstanding(shop):
    report = reports.points_report(shop, START, END)
    lines = {k.kind: (k.entries, k.points_in, k.points_out) for k in report.by_kind}
    assert lines == {
        "earn": (8, 100 + 1000 + 500 + 25000 + 250 + 300 + 120000 + 50, 0),
        "referral": (2, 150, 0),
        "activity": (1, 20, 0),
        "gift-in": (1, 100, 0),
        "gift-out": (1, 0, 100),
        "cash": (1, 0, 800),
        "redeem-gift": (1, 0, 1500),
        "redeem-coupon": (3, 0, 800 + 3800 + 800),
        "expire": (1, 0, 50),
        "reversal": (2, 800, 300),
    }
    assert [k.kind for k in report.by_kind] == [
        "earn",
        "activity",
        "referral",
        "gift-in",
        "gift-out",
        "cash",
        "redeem-gift",
        "redeem-coupon",
        "expire",
        "reversal",
    ]
    assert (report.issued, report.redeemed, report.expired, report.given_between_members) == (147_370, 7_700, 50, 100)
    assert (report.corrections, report.net) == (500, 140_120)
    # Every balance now, erased F's 500 included: 90 of them were earned before the range.
    assert report.outstanding == 140_210 == report.net + 90
    assert (report.outstanding_yuan, report.points_per_yuan) == (
        "1752.63",
        80,
    )  # 140,210 / 80 = 1752.625, rounded half up
    assert [(m.month, m.issued, m.redeemed, m.expired, m.corrections, m.net) for m in report.months] == [
        ("2026-09", 1250, 800, 0, 0, 450),
        ("2026-10", 25750, 0, 0, 0, 25750),
        ("2026-11", 120370, 6900, 50, 500, 113920),
    ]


def test_a_day_is_the_counter_s_calendar_day(shop):
    """The range's edges: 23:59:59 on the day before is out, 00:30 on the first day is in."""
    first = reports.points_report(shop, dt.date(2026, 9, 1), dt.date(2026, 9, 1))
    assert [(k.kind, k.points_in) for k in first.by_kind] == [("earn", 100)]
    before = reports.points_report(shop, dt.date(2026, 8, 31), dt.date(2026, 8, 31))
    assert [(k.kind, k.points_in) for k in before.by_kind] == [("earn", 10)]


def test_coupons_issued_written_off_and_open(shop):
    report = reports.coupons_report(shop, START, END)
    assert (report.issued, report.issued_yuan, report.written_off, report.written_off_yuan) == (3, "70.00", 1, "10.00")
    assert (report.used_percent, report.open_now, report.open_yuan) == (33.3, 1, "50.00")
    assert [
        (c.type_code, c.title, c.issued, c.issued_yuan, c.written_off, c.written_off_yuan, c.revoked)
        for c in report.by_type
    ] == [
        ("C10", "满100减10", 2, "20.00", 1, "10.00", 1),
        ("C50", "满500减50", 1, "50.00", 0, "0.00", 0),
    ]
    assert [(m.month, m.issued, m.written_off) for m in report.months] == [
        ("2026-09", 0, 0),
        ("2026-10", 0, 0),
        ("2026-11", 3, 1),
    ]
    september = reports.coupons_report(shop, START, dt.date(2026, 9, 30))
    assert (september.issued, september.written_off, september.by_type, september.used_percent) == (0, 0, (), 0.0)


def test_complaints_by_category_root_cause_promise_and_rating(complaints):
    report = reports.complaints_report(complaints, START, END)
    assert report.opened == 6
    assert [(c.code, c.complaints) for c in report.by_category] == [
        ("attitude", 2),
        ("response", 1),
        ("after_sales", 0),
        ("quality", 2),
        ("price", 1),
        ("environment", 0),
        ("other", 0),
    ]
    assert [(c.code, c.complaints) for c in report.by_root_cause] == [
        ("staff_conduct", 2),
        ("process", 1),
        ("product_defect", 1),
        ("pricing_error", 0),
        ("facility", 0),
        ("misunderstanding", 0),
        ("third_party", 0),
        ("other", 0),
        ("", 2),  # not recorded yet
    ]
    assert (report.sla_met, report.sla_breached, report.sla_pending, report.sla_met_percent) == (2, 3, 1, 40.0)
    assert (report.rated, report.rating_average) == (3, 3.67)
    assert [(r.rating, r.complaints) for r in report.ratings] == [(1, 0), (2, 1), (3, 0), (4, 1), (5, 1)]
    assert (report.open_now, report.overdue_now) == (3, 2)


def test_rfm_scores_and_segments(shop):
    report = reports.rfm_report(shop, START, END)
    assert (report.start, report.end, report.members) == ("2025-11-24", "2026-11-23", 5)
    # recency (days to 11-23) / earns / spend: A 44/4/¥440.50 (its voided ¥300 left out), B 69/1/¥1000,
    # C 46/1/¥25,000, D 2/1/¥120,000, E 1/1/¥50; F is erased. Five members: one a quintile.
    segments = {
        s.segment: (s.members, s.percent, s.recency_days, s.frequency, s.monetary_yuan)
        for s in report.segments
        if s.members
    }
    assert segments == {
        "new": (1, 20.0, 1.0, 1.0, "50.00"),  # E: R5 F1
        "promising": (1, 20.0, 2.0, 1.0, "120000.00"),  # D: R4 F1
        "loyal": (1, 20.0, 44.0, 4.0, "440.50"),  # A: R3 F5
        "hibernating": (2, 40.0, 57.5, 1.0, "13000.00"),  # C: R2 F1, B: R1 F1
    }
    assert [s.segment for s in report.segments] == list(reports.RFM_SEGMENTS)
    assert [
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
    ] == [
        (5, 1, "1", 1, "4", 1, "120000.00"),
        (4, 1, "2", 0, "", 1, "25000.00"),
        (3, 1, "44", 0, "", 1, "1000.00"),
        (2, 1, "46", 0, "", 1, "440.50"),
        (1, 1, "69", 4, "1", 1, "50.00"),  # equal frequencies share the lower score
    ]


def test_every_cell_of_the_rf_grid_has_a_segment():
    assert {reports.rfm_segment(r, f) for r in range(1, 6) for f in range(1, 6)} == set(reports.RFM_SEGMENTS)
    assert (
        reports.rfm_segment(5, 5),
        reports.rfm_segment(5, 1),
        reports.rfm_segment(1, 1),
        reports.rfm_segment(2, 3),
    ) == ("champions", "new", "hibernating", "at_risk")


@pytest.mark.parametrize("name", list(reports.REPORTS))
def test_an_empty_store_gives_zeros(desk, name):
    seen = []
    report = reports.REPORTS[name](desk, START, END, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1] and [done for done, _ in seen] == list(range(1, len(seen) + 1))
    for table in reports.report_tables(report):
        for row in table.rows:
            if row[0] == "Points per ¥1":  # the rules' ratio, not a figure
                continue
            assert all(cell in (0, 0.0, "", "0.00", Decimal(0)) or isinstance(cell, str) for cell in row[1:]), (
                table.title,
                row,
            )
    if name == "points":
        assert (report.issued, report.outstanding, report.outstanding_yuan) == (0, 0, "0.00")
    if name == "complaints":
        assert (report.rating_average, report.sla_met_percent) == (0.0, 0.0)


# ---- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(reports.REPORTS))
@pytest.mark.parametrize(
    "start, end, says",
    [
        (dt.date(2026, 11, 2), dt.date(2026, 11, 1), "before it starts on 2026-11-02; swap the dates"),
        (dt.date(1999, 12, 31), dt.date(2000, 1, 31), "1999-12-31 is before 2000-01-01"),
        (dt.date(2026, 11, 1), dt.date(2027, 11, 24), "2027-11-24 is more than a year ahead"),
        (dt.date(2020, 11, 1), dt.date(2025, 11, 2), "at most 5 years; 2020-11-01 to 2025-11-02 is longer"),
        (dt.datetime(2026, 11, 1, 8, 0), dt.date(2026, 11, 2), "as days"),
        ("2026-11-01", dt.date(2026, 11, 2), "as days"),
    ],
)
def test_bad_ranges_are_refused_with_what_to_do(desk, name, start, end, says):
    with pytest.raises(InvalidInput) as refused:
        reports.REPORTS[name](desk, start, end)
    assert says in refused.value.message("en")
    assert refused.value.exit_code == 2


def test_the_widest_ranges_allowed(desk):
    assert reports.points_report(desk, dt.date(2000, 1, 1), dt.date(2005, 1, 1)).months[-1].month == "2005-01"
    assert reports.members_report(desk, dt.date(2026, 11, 23), dt.date(2027, 11, 23)).months[0].month == "2026-11"
    assert (
        len(reports.points_report(desk, dt.date(2020, 2, 29), dt.date(2025, 2, 28)).months) == 61
    )  # five years from a leap day
    with pytest.raises(InvalidInput):
        reports.points_report(desk, dt.date(2020, 2, 29), dt.date(2025, 3, 1))


def test_only_a_manager_sees_reports(desk):
    auth.add_staff(desk, "K001", "李娜", "clerk", "864209")
    auth.sign_in(desk, "K001", "864209")
    for report in reports.REPORTS.values():
        with pytest.raises(NotPermitted):
            report(desk, START, END)


# ---- export ----------------------------------------------------------------------------------


def test_csv_export_has_a_bom_and_every_table(shop, tmp_path):
    report = reports.points_report(shop, START, END)
    path = reports.export_report(report, tmp_path / "points.csv", "csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfPoints,2026-09-01,2026-11-23\r\n")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[:5] == [
        ["Points", "2026-09-01", "2026-11-23"],
        [],
        ["Summary"],
        ["Figure", "Value"],
        ["From", "2026-09-01"],
    ]
    summary = dict(row for row in rows[5:17] if len(row) == 2)
    assert (
        summary["Points issued"] == "147370"
        and summary["Their cash value now (¥)"] == "1752.63"
        and summary["Net change"] == "140120"
    )
    by_kind = rows.index(["By kind"])
    assert rows[by_kind + 1] == ["Kind", "Entries", "Points in", "Points out"]
    assert rows[by_kind + 2] == ["Earned", "8", "147200", "0"]
    by_month = rows.index(["By month"])
    assert rows[by_month + 1 :] == [
        ["Month", "Issued", "Redeemed", "Expired", "Voids and adjustments", "Net change"],
        ["2026-09", "1250", "800", "0", "0", "450"],
        ["2026-10", "25750", "0", "0", "0", "25750"],
        ["2026-11", "120370", "6900", "50", "500", "113920"],
    ]


def test_xlsx_export_has_a_sheet_per_table_in_the_desk_s_language(shop, tmp_path):
    report = reports.coupons_report(shop, START, END)
    path = reports.export_report(report, tmp_path / "coupons.xlsx")  # the format from the suffix
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "By coupon type", "By month"]
    types = book["By coupon type"]
    assert [[cell.value for cell in row] for row in types.iter_rows()] == [
        ["Coupon type", "Title", "Issued", "Value issued (¥)", "Written off", "Value written off (¥)", "Withdrawn"],
        ["C10", "满100减10", 2, 20, 1, 10, 1],
        ["C50", "满500减50", 1, 50, 0, 0, 0],
    ]
    assert types["D2"].number_format == "#,##0.00" and types["A1"].font.bold
    summary = {row[0].value: row[1].value for row in book["Summary"].iter_rows(min_row=2)}
    assert summary == {
        "From": "2026-09-01",
        "To": "2026-11-23",
        "Coupons issued": 3,
        "Value issued (¥)": 70,
        "Coupons written off": 1,
        "Value written off (¥)": 10,
        "Used of those issued (%)": 33.3,
        "Open coupons now": 1,
        "Open value now (¥)": 50,
    }
    chinese = openpyxl.load_workbook(
        reports.export_report(reports.members_report(shop, START, END), tmp_path / "members.xlsx", language="zh_CN")
    )
    tiers = [row[0].value for row in chinese.worksheets[1].iter_rows(min_row=2)]
    assert tiers == ["普通会员", "银卡", "金卡", "钻石卡"]


@pytest.mark.parametrize("name", list(reports.REPORTS))
def test_every_report_exports_to_both_formats(shop, complaints, tmp_path, name):
    report = reports.REPORTS[name](shop, START, END)
    tables = reports.report_tables(report)
    book = openpyxl.load_workbook(reports.export_report(report, tmp_path / f"{name}.xlsx"))
    assert len(book.sheetnames) == len(tables)
    for sheet, table in zip(book.worksheets, tables, strict=True):
        assert sheet.max_row == len(table.rows) + 1
        for row, cells in zip(table.rows, sheet.iter_rows(min_row=2, values_only=True), strict=True):
            assert [float(c) if isinstance(c, Decimal) else c for c in row] == [
                c if c is not None else "" for c in cells
            ]
    with reports.export_report(report, tmp_path / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert sum(1 for row in csv.reader(handle) if row) == 1 + sum(2 + len(t.rows) for t in tables)


def test_an_unwritable_path_says_so_and_leaves_nothing(shop, tmp_path):
    report = reports.members_report(shop, START, END)
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    for path in (tmp_path / "no-such-folder" / "r.csv", tmp_path, tmp_path / "file.txt" / "r.xlsx"):
        (tmp_path / "file.txt").write_text("x")
        with pytest.raises(InvalidInput) as refused:
            reports.export_report(report, path, "xlsx" if path.suffix != ".csv" else "csv")
        assert "cannot be saved as" in refused.value.message(
            "en"
        ) and "choose a folder you may write to" in refused.value.message("en")
    with pytest.raises(InvalidInput) as wrong:
        reports.export_report(report, tmp_path / "r.pdf")
    assert ".csv or .xlsx" in wrong.value.message("en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


# ---- the command line ------------------------------------------------------------------------


def test_cli_report_as_json_table_and_file(shop, data_dir, tmp_path):
    shop.close()
    done = cli_main("report", "points", "--from", "2026-09-01", "--to", "2026-11-23", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert (document["issued"], document["outstanding_yuan"], document["months"][0]["month"]) == (
        147_370,
        "1752.63",
        "2026-09",
    )
    shown = cli_main("report", "members", "--from", "2026-09-01", "--to", "2026-11-23", data_dir=data_dir)
    assert shown.returncode == 0, shown.stderr
    assert "Members, 2026-09-01 to 2026-11-23" in shown.stdout
    tier_line = next(line for line in shown.stdout.splitlines() if line.startswith("Silver"))
    assert tier_line.split() == ["Silver", "1", "20.0"]
    out = tmp_path / "rfm.xlsx"
    saved = cli_main("report", "rfm", "--to", "2026-11-23", "--out", str(out), "--json", data_dir=data_dir)
    assert saved.returncode == 0, saved.stderr
    assert json.loads(saved.stdout)["file"] == str(out)
    assert openpyxl.load_workbook(out)["Summary"]["B4"].value == 5
    recent = cli_main("report", "coupons", "--json", data_dir=data_dir)  # the 30 days up to today
    assert recent.returncode == 0, recent.stderr
    today = dt.date.today()
    assert (json.loads(recent.stdout)["start"], json.loads(recent.stdout)["end"]) == (
        (today - dt.timedelta(days=29)).isoformat(),
        today.isoformat(),
    )


def test_cli_report_bad_input_and_permissions(desk, data_dir, tmp_path):
    backwards = cli_main("report", "members", "--from", "2026-11-02", "--to", "2026-11-01", data_dir=data_dir)
    assert backwards.returncode == 2 and "swap the dates" in backwards.stderr and "Traceback" not in backwards.stderr
    not_a_date = cli_main("report", "members", "--from", "2026-13-01", data_dir=data_dir)
    assert not_a_date.returncode == 2 and "YYYY-MM-DD" in not_a_date.stderr
    unknown = cli_main("report", "sales", data_dir=data_dir)
    assert unknown.returncode == 2
    unwritable = cli_main("report", "points", "--out", str(tmp_path / "missing" / "p.csv"), data_dir=data_dir)
    assert unwritable.returncode == 2 and "cannot be saved as" in unwritable.stderr
    wrong_format = cli_main("report", "points", "--out", str(tmp_path / "p.txt"), data_dir=data_dir)
    assert wrong_format.returncode == 2 and ".csv or .xlsx" in wrong_format.stderr
    # The clerk's account is made the way an administrator makes one, through the command line.
    added = cli_main(
        "staff",
        "add",
        "K001",
        "--name",
        "李娜",
        "--role",
        "clerk",
        data_dir=data_dir,
        env={"COUNTER_NEW_PIN": "864209"},
    )
    assert added.returncode == 0, added.stderr
    refused = cli_main("report", "points", data_dir=data_dir, staff="K001", pin="864209")
    assert refused.returncode == 6 and "manager" in refused.stderr


# ---- the query plans that keep a million members fast ----------------------------------------


@pytest.mark.parametrize("name", list(reports.REPORTS))
def test_reports_read_the_ledger_through_covering_indexes(shop, name):
    """What bench/reports.py measured at 1 M members holds only with these plans: the ledger is read
    through covering indexes (never its table), and earns are grouped by member from the index's order."""
    from sqlalchemy import event

    statements = []
    listener = lambda conn, cursor, statement, parameters, context, many: statements.append((statement, parameters))  # noqa: E731
    event.listen(shop.store.engine, "before_cursor_execute", listener)
    try:
        reports.REPORTS[name](shop, START, END)
    finally:
        event.remove(shop.store.engine, "before_cursor_execute", listener)
    raw = shop.store.engine.raw_connection()
    try:
        for statement, parameters in statements:
            if statement.strip() == "BEGIN":
                continue
            rows = raw.cursor().execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
            plan = [row[3] for row in rows]
            for step in plan:
                if step.split()[:2] in (
                    ["SCAN", "ledger"],
                    ["SEARCH", "ledger"],
                    ["SEARCH", "reversal"],
                    ["SEARCH", "voided"],
                ):
                    assert "COVERING INDEX" in step, (statement, plan)
            if "GROUP BY member_id" in statement:
                (earns,) = [row for row in rows if "ix_ledger_kind_member" in row[3]]
                siblings = [row[3] for row in rows if row[1] == earns[1]]
                assert "USE TEMP B-TREE FOR GROUP BY" not in siblings, plan  # streamed in member order, not sorted
            if "json_array" in statement:
                assert any("ix_ledger_kind_at (kind=? AND at>? AND at<?)" in step for step in plan), plan
    finally:
        raw.close()


def test_text_that_looks_like_a_formula_stays_text(desk, tmp_path):
    rewards.define_coupon(desk, "CX", '=HYPERLINK("http://x")', "10", "100", 30, 80)
    members.register_member(desk, form())
    points.earn_from_slip(desk, "13800138000", "100", "S-1")
    rewards.redeem_coupon(desk, "13800138000", "CX", presence=present(desk, "13800138000"))
    report = reports.coupons_report(desk, END, END)
    with reports.export_report(report, tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert ["CX", '\'=HYPERLINK("http://x")', "1", "10.00", "0", "0.00", "0"] in list(csv.reader(handle))
    cell = openpyxl.load_workbook(reports.export_report(report, tmp_path / "c.xlsx"))["By coupon type"]["B2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
