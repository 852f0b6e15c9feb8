"""The manager reports' aggregate queries, written for SQLite's indexes over a million members.

`lower` and `upper` bound the stored times' date part as text: from the first day, before the day after
the last (see services/reports.py on why days are matched on the text). Months are the text's first
7 characters.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, text

# Earns a manager voided are left out of activity and spend, as the rolling spend leaves them
# (db/points.spend_since). NOT IN over the few reversals builds one small lookup table once; it
# matches by rowid, which every index holds, so the earns' covering index stays covering.
_NOT_VOIDED = "rowid NOT IN (SELECT voided.rowid FROM ledger AS reversal JOIN ledger AS voided ON voided.entry_id = reversal.reverses WHERE reversal.reverses IS NOT NULL)"
# Members erased on request are no longer anyone's to count as active or to segment.
_NOT_ERASED = "member_id NOT IN (SELECT id FROM members WHERE erased_at IS NOT NULL)"

# The range's months as [lo, hi) bounds on the date text: the first and last cut at the range's ends.
_MONTHS_CTE = """months(lo, hi) AS (
    SELECT :lower, min(date(:lower, 'start of month', '+1 month'), :upper)
    UNION ALL SELECT hi, min(date(hi, '+1 month'), :upper) FROM months WHERE hi < :upper
)"""

_COMPLAINTS_IN_RANGE = "FROM complaints WHERE opened_at >= :lower AND opened_at < :upper"


def _rows(connection: Connection, sql: str, **params: Any) -> list[Row[Any]]:
    return list(connection.execute(text(sql), params))


def _counts(connection: Connection, sql: str, **params: Any) -> dict[Any, int]:
    return {key: int(n) for key, n in connection.execute(text(sql), params).all()}


# ---- members ------------------------------------------------------------------------------------


def member_counts(connection: Connection, tiers: Sequence[str], lower: str) -> tuple[list[int], int, int, int]:
    """(members now in each of `tiers`, members now in a tier not among them, erased members, members on the
    books before `lower`), in one pass: a GROUP BY over a million members sorts them all first."""
    tier_params = {f"tier_{n}": tier for n, tier in enumerate(tiers)}
    per_tier = ", ".join(f"coalesce(sum(erased_at IS NULL AND tier = :{key}), 0)" for key in tier_params)
    counts = connection.execute(
        text(
            f"SELECT {per_tier}, coalesce(sum(erased_at IS NULL AND tier NOT IN ({', '.join(':' + key for key in tier_params)})), 0), "
            "coalesce(sum(erased_at IS NOT NULL), 0), coalesce(sum(registered_at < :lower), 0) - coalesce(sum(erased_at < :lower), 0) FROM members"
        ),
        {"lower": lower, **tier_params},
    ).one()
    other_tiers, erased, on_books = counts[len(tiers) :]
    return [int(n) for n in counts[: len(tiers)]], int(other_tiers), int(erased), int(on_books)


def members_in_other_tiers(connection: Connection, tiers: Sequence[str]) -> dict[str, int]:
    """Members now (not erased) by tier, for the tiers not among `tiers`."""
    tier_params = {f"tier_{n}": tier for n, tier in enumerate(tiers)}
    return _counts(
        connection,
        f"SELECT tier, count(*) FROM members WHERE erased_at IS NULL AND tier NOT IN ({', '.join(':' + key for key in tier_params)}) GROUP BY tier",
        **tier_params,
    )


def joined_and_left(connection: Connection, lower: str, upper: str) -> list[Row[Any]]:
    """(joined month or None, erased month or None, n) of the members who joined or were erased in the range:
    only those are grouped (and so sorted)."""
    return _rows(
        connection,
        "SELECT CASE WHEN registered_at >= :lower AND registered_at < :upper THEN substr(registered_at, 1, 7) END AS joined, "
        "CASE WHEN erased_at >= :lower AND erased_at < :upper THEN substr(erased_at, 1, 7) END AS left, count(*) AS n FROM members "
        "WHERE (registered_at >= :lower AND registered_at < :upper) OR (erased_at >= :lower AND erased_at < :upper) GROUP BY 1, 2",
        lower=lower,
        upper=upper,
    )


def active_members(connection: Connection, lower: str, upper: str) -> int:
    """Members (not erased) with an earn in the range that was not voided."""
    # Earns come in member order from ix_ledger_kind_member: grouping them needs no sort.
    active: int = connection.execute(
        text(
            "SELECT count(*) FROM (SELECT member_id FROM ledger WHERE kind = 'earn' AND at >= :lower AND at < :upper "
            f"AND {_NOT_VOIDED} GROUP BY member_id HAVING {_NOT_ERASED})"
        ),
        {"lower": lower, "upper": upper},
    ).scalar_one()
    return active


# ---- points -------------------------------------------------------------------------------------


def points_by_kind_and_month(connection: Connection, lower: str, upper: str) -> list[Row[Any]]:
    """(month, kind, figures) for every kind in the ledger and month of the range; figures is the JSON array
    [entries, points in, points out]."""
    # One range of ix_ledger_kind_at per kind and month, each summed on its own: a GROUP BY month
    # over the range would sort every entry in it. The kinds are found by skipping along the index.
    return _rows(
        connection,
        f"""
        WITH RECURSIVE
        kinds(kind) AS (
            SELECT min(kind) FROM ledger
            UNION ALL SELECT (SELECT min(kind) FROM ledger WHERE kind > kinds.kind) FROM kinds WHERE kinds.kind IS NOT NULL
        ),
        {_MONTHS_CTE}
        SELECT substr(months.lo, 1, 7) AS month, kinds.kind AS kind, (
            SELECT json_array(count(*), coalesce(sum(CASE WHEN points > 0 THEN points END), 0), coalesce(sum(CASE WHEN points < 0 THEN -points END), 0))
            FROM ledger WHERE ledger.kind = kinds.kind AND ledger.at >= months.lo AND ledger.at < months.hi
        ) AS figures
        FROM kinds, months WHERE kinds.kind IS NOT NULL
        """,
        lower=lower,
        upper=upper,
    )


def points_outstanding(connection: Connection) -> int:
    """The members' balances, summed."""
    outstanding: int = connection.execute(text("SELECT coalesce(sum(points), 0) FROM members")).scalar_one()
    return outstanding


# ---- coupons ------------------------------------------------------------------------------------


def coupons_issued(connection: Connection, lower: str, upper: str) -> list[Row[Any]]:
    """(type_code, month, n, fen, used, revoked) of the coupons issued in the range."""
    return _rows(
        connection,
        "SELECT type_code, substr(issued_at, 1, 7) AS month, count(*) AS n, sum(value_fen) AS fen, "
        "sum(status = 'written_off') AS used, sum(status = 'revoked') AS revoked "
        "FROM coupons WHERE issued_at >= :lower AND issued_at < :upper GROUP BY 1, 2",
        lower=lower,
        upper=upper,
    )


def coupons_written_off(connection: Connection, lower: str, upper: str) -> list[Row[Any]]:
    """(type_code, month, n, fen) of the coupons written off in the range."""
    return _rows(
        connection,
        "SELECT type_code, substr(used_at, 1, 7) AS month, count(*) AS n, sum(value_fen) AS fen "
        "FROM coupons WHERE status = 'written_off' AND used_at >= :lower AND used_at < :upper GROUP BY 1, 2",
        lower=lower,
        upper=upper,
    )


def coupons_open(connection: Connection, today: str) -> tuple[int, int]:
    """(count, fen) of the issued coupons still valid on `today`."""
    n, fen = connection.execute(
        text(
            "SELECT count(*), coalesce(sum(value_fen), 0) FROM coupons WHERE status = 'issued' AND valid_until >= :today"
        ),
        {"today": today},
    ).one()
    return int(n), int(fen)


def coupon_titles(connection: Connection) -> dict[str, str]:
    return {code: title for code, title in connection.execute(text("SELECT type_code, title FROM coupon_types")).all()}


# ---- complaints ---------------------------------------------------------------------------------


def complaint_promises(connection: Connection, lower: str, upper: str, now: str) -> Row[Any]:
    """Of the complaints opened in the range: opened, met, breached, pending (the answer promise at `now`),
    rated and rating_sum."""
    # julianday: the answer and its due time may carry different offsets (answered at another counter).
    return connection.execute(
        text(
            "SELECT count(*) AS opened, "
            "coalesce(sum(answered_at IS NOT NULL AND julianday(answered_at) <= julianday(due_at)), 0) AS met, "
            "coalesce(sum(CASE WHEN answered_at IS NOT NULL THEN julianday(answered_at) > julianday(due_at) ELSE julianday(due_at) < julianday(:now) END), 0) AS breached, "
            "coalesce(sum(answered_at IS NULL AND julianday(due_at) >= julianday(:now)), 0) AS pending, "
            "coalesce(sum(rating BETWEEN 1 AND 5), 0) AS rated, coalesce(sum(CASE WHEN rating BETWEEN 1 AND 5 THEN rating END), 0) AS rating_sum "
            + _COMPLAINTS_IN_RANGE
        ),
        {"lower": lower, "upper": upper, "now": now},
    ).one()


def complaints_by_category(connection: Connection, lower: str, upper: str) -> dict[str, int]:
    return _counts(
        connection, "SELECT category, count(*) " + _COMPLAINTS_IN_RANGE + " GROUP BY 1", lower=lower, upper=upper
    )


def complaints_by_root_cause(connection: Connection, lower: str, upper: str) -> dict[str, int]:
    """By root cause; '' for those with none recorded."""
    return _counts(
        connection,
        "SELECT coalesce(root_cause, ''), count(*) " + _COMPLAINTS_IN_RANGE + " GROUP BY 1",
        lower=lower,
        upper=upper,
    )


def complaints_by_rating(connection: Connection, lower: str, upper: str) -> dict[int, int]:
    return _counts(
        connection,
        "SELECT rating, count(*) " + _COMPLAINTS_IN_RANGE + " AND rating BETWEEN 1 AND 5 GROUP BY 1",
        lower=lower,
        upper=upper,
    )


def complaints_open(connection: Connection, now: str) -> tuple[int, int]:
    """(open, of those the unanswered ones past their promise at `now`)."""
    open_now, overdue_now = connection.execute(
        text(
            "SELECT count(*), coalesce(sum(answered_at IS NULL AND julianday(due_at) < julianday(:now)), 0) FROM complaints "
            "WHERE state NOT IN ('resolved', 'closed')"
        ),
        {"now": now},
    ).one()
    return int(open_now), int(overdue_now)


# ---- RFM ----------------------------------------------------------------------------------------


def rfm_cells(connection: Connection, end: str, lower: str, upper: str) -> list[Row[Any]]:
    """Members who earned in the range, scored 1-5 on recency (days to `end`), frequency and monetary value by
    quintile of rank (ties share the lower score), grouped by (r, f, m): n, the sums and each figure's range."""
    return _rows(
        connection,
        f"""
        WITH per_member AS MATERIALIZED (
            -- Earns come in member order from ix_ledger_kind_member: grouped as they stream, unsorted.
            SELECT CAST(julianday(:end) - julianday(substr(max(at), 1, 10)) AS INTEGER) AS recency, count(*) AS frequency,
                   coalesce(sum(amount_fen), 0) AS monetary
            FROM ledger
            WHERE kind = 'earn' AND at >= :lower AND at < :upper AND {_NOT_VOIDED}
            GROUP BY member_id HAVING {_NOT_ERASED}
        ),
        n(n) AS (SELECT count(*) FROM per_member),
        -- rank() - 1 is how many members do worse; ties share it. Recency: fewer days is better.
        scored AS (
            SELECT recency, frequency, monetary,
                   1 + 5 * (rank() OVER (ORDER BY recency DESC) - 1) / n AS r,
                   1 + 5 * (rank() OVER (ORDER BY frequency) - 1) / n AS f,
                   1 + 5 * (rank() OVER (ORDER BY monetary) - 1) / n AS m
            FROM per_member, n
        )
        SELECT r, f, m, count(*) AS n, sum(recency) AS recency_sum, sum(frequency) AS frequency_sum, sum(monetary) AS monetary_sum,
               min(recency) AS r_low, max(recency) AS r_high, min(frequency) AS f_low, max(frequency) AS f_high,
               min(monetary) AS m_low, max(monetary) AS m_high
        FROM scored GROUP BY r, f, m
        """,
        end=end,
        lower=lower,
        upper=upper,
    )
