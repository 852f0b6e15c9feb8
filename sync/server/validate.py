"""The server's own reading of every pushed points.* and member.tier operation, by the rules in force at its time.

A counter sends what it did; the server does not take its numbers. An earn's points are recomputed from the
slip's amount, the member's tier as the server holds it and the day's promotion; a spend may only take points;
points as cash go in the rules' steps; a void takes back exactly what its operation moved, within the void window;
the day incoming points lapse is the server's to say; and tiers are derived here from the spend, never pushed.
What does not follow the rules is refused (apply.Rejected: a code and its figures, which the counter's review list
says in the clerk's language), so it never reaches a balance.

Which rules: every publication is kept with the moment it took effect (schema.rules_versions); before the first,
the rules shipped with the counters hold. An operation carries the `rules_version` its counter applied. It is
accepted under that version when the version was in force at the operation's time `at`, or was superseded less
than RULES_GRACE before `at` (a counter that was offline, or had not pulled yet, when new rules came out), or took
effect after `at` (the counter had it, so its clock runs behind the server's). An operation without a version (an
outbox entry older than this check) may follow the version in force at `at` or one superseded within the grace.

The checks are one function per ledger kind in CHECKS; a kind without one (birthday, referral, activity,
compensation, adjust: another part of the server checks those) passes with only its expiry derived here.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Connection, bindparam, func, insert, select

from counter_app.domain.ledger import SPENDING, VOIDABLE, LedgerKind
from counter_app.domain.points import BACKDATE_DAYS, MAX_AMOUNT, SLIP_AHEAD, expires_on, points_for, tier_for_spend
from counter_app.domain.rules import Rules, parse_rules
from counter_app.domain.tiers import ROLLING_DAYS, TIERS
from counter_app.paths import resources_dir
from sync.protocol import LedgerOp, MemberTier, Op
from sync.server.apply import Rejected
from sync.server.schema import ledger, rules_versions, tier_changes

# How long after new rules take effect an operation made by the old ones is still taken: a counter offline for up
# to a week keeps earning by the rules it has, and its points still count when it is back.
RULES_GRACE = dt.timedelta(days=7)
# How long a counter may still earn by a tier the member has just lost (a downgrade it has not pulled yet).
TIER_GRACE = RULES_GRACE
ROLLING = dt.timedelta(days=ROLLING_DAYS)
_BEGINNING = dt.datetime.min.replace(tzinfo=dt.UTC)

_PARSED: dict[str, Rules] = {}  # by the text's hash: a published text never changes, so parse it once a process
_VERSIONS = select(rules_versions.c.version, rules_versions.c.text, rules_versions.c.effective_at).order_by(
    rules_versions.c.effective_at, rules_versions.c.id
)
_REVERSED = ledger.alias("reversed")
_SPEND = select(func.coalesce(func.sum(ledger.c.amount_fen), 0)).where(
    ledger.c.member_uid == bindparam("uid"),
    ledger.c.kind == LedgerKind.EARN.value,
    ledger.c.at >= bindparam("since"),
    ~select(_REVERSED.c.entry_id).where(_REVERSED.c.reverses == ledger.c.entry_id).exists(),
)
_SPENDS = (
    select(ledger.c.member_uid, func.sum(ledger.c.amount_fen))
    .where(
        ledger.c.member_uid.in_(bindparam("uids", expanding=True)),
        ledger.c.kind == LedgerKind.EARN.value,
        ledger.c.at >= bindparam("since"),
        ~select(_REVERSED.c.entry_id).where(_REVERSED.c.reverses == ledger.c.entry_id).exists(),
    )
    .group_by(ledger.c.member_uid)
)
_TIER_SINCE = select(func.max(tier_changes.c.at)).where(tier_changes.c.member_uid == bindparam("uid"))
_TIERS_LATELY = select(tier_changes.c.old_tier).where(
    tier_changes.c.member_uid == bindparam("uid"), tier_changes.c.at >= bindparam("since")
)


def _parsed(text: str) -> Rules:
    key = hashlib.sha256(text.encode()).hexdigest()
    rules = _PARSED.get(key)
    if rules is None:
        rules = _PARSED[key] = parse_rules(text)
    return rules


@dataclass(frozen=True)
class _Period:
    """One version of the rules and the time it was in force: [start, end); end None while it still is."""

    rules: Rules
    start: dt.datetime
    end: dt.datetime | None


class RulesBook:
    """The rules of every period, read once a push (a publication may come between two pushes)."""

    def __init__(self, connection: Connection) -> None:
        shipped = _parsed((resources_dir() / "rules.toml").read_text(encoding="utf-8"))
        starts = [(shipped, _BEGINNING)] + [
            (_parsed(row.text), dt.datetime.fromisoformat(row.effective_at)) for row in connection.execute(_VERSIONS)
        ]
        self.periods = [
            _Period(rules, start, starts[n + 1][1] if n + 1 < len(starts) else None)
            for n, (rules, start) in enumerate(starts)
        ]

    def in_force(self, at: dt.datetime) -> Rules:
        # Newest first: most operations are made under the rules now in force. The first period has no start.
        for period in reversed(self.periods[1:]):
            if period.start <= at:
                return period.rules
        return self.periods[0].rules

    def for_op(self, at: dt.datetime, claimed: int | None) -> list[Rules]:
        """The rules an operation made at `at` may follow, the one in force first; refused when none may be."""
        in_force = self.in_force(at)
        lately = [p for p in self.periods if p.end is not None and p.start <= at < p.end + RULES_GRACE]
        if claimed is None:
            return [in_force, *(p.rules for p in reversed(lately) if p.rules is not in_force)]
        if in_force.version == claimed:
            return [in_force]
        for period in [*reversed(lately), *(p for p in self.periods if p.start > at)]:
            if period.rules.version == claimed:
                return [period.rules]
        if any(p.rules.version == claimed for p in self.periods):
            raise Rejected(
                "old_rules",
                f"Rules version {claimed} was no longer in force at {at.isoformat()} (version {in_force.version} was).",
                version=claimed,
                in_force=in_force.version,
            )
        raise Rejected("unknown_rules", f"The server never published rules version {claimed}.", version=claimed)


@dataclass
class Checks:
    """What the checks of one push share: the rules book, read at first need."""

    connection: Connection
    ops: list[Op] = field(default_factory=list)  # the push
    book: RulesBook | None = None
    gifts: dict[str, SimpleNamespace] = field(default_factory=dict)  # a gift given, by device: what is left to receive
    spends: dict[str, int] | None = None  # the 365-day spend of the push's earning members, read in one query

    def spend(self, member_uid: str, at: dt.datetime) -> int:
        """A member's spend of the 365 days before the push's first earn (before `at` for a member not read ahead)."""
        if self.spends is None:
            earning = [op for op in self.ops if op.type.startswith("points.") and op.payload.get("kind") == "earn"]
            uids = {str(op.payload.get("member_uid")) for op in earning}
            since = min((op.at for op in earning), default=at) - ROLLING
            self.spends = dict.fromkeys(uids, 0)
            if uids:
                rows = self.connection.execute(_SPENDS, {"uids": sorted(uids), "since": since.isoformat()})
                self.spends.update((str(row[0]), int(row[1] or 0)) for row in rows)
        known = self.spends.get(member_uid)
        if known is not None:
            return known
        return int(
            self.connection.execute(_SPEND, {"uid": member_uid, "since": (at - ROLLING).isoformat()}).scalar_one()
        )

    def rules(self, at: dt.datetime, claimed: int | None) -> list[Rules]:
        if self.book is None:
            self.book = RulesBook(self.connection)
        return self.book.for_op(at, claimed)


@dataclass
class Verdict:
    """What the server makes of a ledger operation that follows the rules."""

    lots: list[tuple[dt.date | None, int]] = field(default_factory=list)  # points coming in, by the day they lapse
    tier: str | None = None  # the tier the member reaches with it (an earn crossing a threshold)
    # Called with the lots a spend drew from, (expires_on, points), first spent first: a gift's receiver gets those.
    drawn: Callable[[list[tuple[str | None, int]]], None] | None = None


@dataclass(frozen=True)
class _Op:
    checks: Checks
    device: Any
    op: Op
    payload: LedgerOp
    member: SimpleNamespace  # the server's member, as this push has changed it so far
    reversed_entry: Any  # for a void: the ledger entry it takes back

    def rules(self) -> list[Rules]:
        return self.checks.rules(self.op.at, self.payload.rules_version)


def checks_of(batch: Any, connection: Connection) -> Checks:
    checks: Checks | None = batch.rules_checks
    if checks is None:
        checks = batch.rules_checks = Checks(connection, batch.ops)
    return checks


def ledger_op(
    checks: Checks, device: Any, op: Op, payload: LedgerOp, member: SimpleNamespace, reversed_entry: Any
) -> Verdict:
    """The one place a pushed points.* operation is checked: by its kind's check, else only its expiry derived."""
    kind = payload.kind
    if kind not in _KINDS:
        raise Rejected("unknown_kind", f"No kind of points entry {kind!r}.", kind=kind)
    if (kind == LedgerKind.REVERSAL) != (payload.reverses is not None):
        raise Rejected(
            "malformed", f"Malformed {op.type}: reverses: a void names its entry, nothing else does",
            field="reverses", problem="a void names the entry it takes back; no other entry does",
        )  # fmt: skip
    return CHECKS.get(kind, _derived_expiry)(_Op(checks, device, op, payload, member, reversed_entry))


def _derived_expiry(c: _Op) -> Verdict:
    """Points in by a kind checked elsewhere: they lapse as the rules in force say, whatever the counter wrote."""
    if c.payload.delta <= 0:
        return Verdict()
    return Verdict(lots=[(expires_on(c.op.at.date(), c.rules()[0]), c.payload.delta)])


def _spend(c: _Op) -> Verdict:
    if c.payload.delta >= 0:
        raise Rejected(
            "spend_adds_points",
            f"A {c.payload.kind} entry only takes points; this one adds {c.payload.delta}.",
            kind=c.payload.kind,
            got=c.payload.delta,
        )
    return Verdict()


def _cash(c: _Op) -> Verdict:
    """Points as cash: in whole yuan at the rules' ratio, and the yuan written on it are those points'."""
    _spend(c)
    points = -c.payload.delta
    for rules in c.rules():
        step = rules.cash_points_per_yuan
        if points % step == 0 and c.payload.note in (None, f"¥{points // step}"):
            return Verdict()
    step = c.rules()[0].cash_points_per_yuan
    if points % step:
        raise Rejected(
            "cash_not_in_steps",
            f"Points become cash in steps of {step}; {points} is not one.",
            step=step,
            points=points,
        )
    raise Rejected(
        "wrong_cash",
        f"{points} points are ¥{points // step} in cash, not {c.payload.note}.",
        expected=f"¥{points // step}",
        got=c.payload.note or "",
    )


def _gift_out(c: _Op) -> Verdict:
    """Points given: a spend, and what the friend receives comes next from the same counter (see _gift_in)."""
    _spend(c)
    gift = SimpleNamespace(next_seq=c.op.seq + 1, left=-c.payload.delta, lots=[], at=c.op.at)

    def drawn(lots: list[tuple[str | None, int]]) -> None:
        gift.lots = [(dt.date.fromisoformat(day) if day else None, points) for day, points in lots]
        # What the server's lots could not cover (an overdraw) lapses as the giver's newest points would.
        short = gift.left - sum(points for _, points in lots)
        if short > 0:
            gift.lots.append((expires_on(c.op.at.date(), c.rules()[0]), short))

    c.checks.gifts[c.device.device_id] = gift
    return Verdict(drawn=drawn)


def _gift_in(c: _Op) -> Verdict:
    """Points received: the counter writes them right after the gift, in one transaction, one entry for each lot
    the giver's points came from. They must follow a gift given at the same counter and add up to it; they lapse
    when the giver's lots at the server would have, so that a gift never stretches a lot's life."""
    points = c.payload.delta
    gift = c.checks.gifts.get(c.device.device_id)
    if gift is None and points > 0:
        gift = _gift_from_last_push(c)
    if points <= 0 or gift is None or gift.next_seq != c.op.seq or points > gift.left:
        raise Rejected(
            "gift_unmatched",
            "Points received without a gift of as many points given just before at the same counter.",
            got=points,
        )
    gift.next_seq += 1
    gift.left -= points
    lots, wanted = [], points
    while wanted:
        # Past the lots known (a gift from the previous push): no later than the giver's newest points could lapse.
        day, left = gift.lots[0] if gift.lots else (expires_on(gift.at.date(), c.rules()[0]), wanted)
        take = min(left, wanted)
        lots.append((day, take))
        wanted -= take
        if gift.lots:
            gift.lots[0] = (day, left - take)
            if left == take:
                gift.lots.pop(0)
    c.checks.gifts[c.device.device_id] = gift
    return Verdict(lots=lots)


def _gift_from_last_push(c: _Op) -> SimpleNamespace | None:
    """A gift this counter gave at the same moment and the previous push ended before all of it was received."""
    given = c.checks.connection.execute(
        select(ledger.c.delta, ledger.c.at)
        .where(ledger.c.counter_uid == c.device.counter_uid, ledger.c.kind == LedgerKind.GIFT_OUT.value)
        .order_by(ledger.c.at.desc())
        .limit(1)
    ).first()
    if given is None or abs(c.op.at - dt.datetime.fromisoformat(given.at)) > dt.timedelta(minutes=1):
        return None
    received = c.checks.connection.execute(
        select(func.coalesce(func.sum(ledger.c.delta), 0)).where(
            ledger.c.counter_uid == c.device.counter_uid,
            ledger.c.kind == LedgerKind.GIFT_IN.value,
            ledger.c.at >= given.at,
        )
    ).scalar_one()
    left = -given.delta - int(received)
    if left <= 0:
        return None
    return SimpleNamespace(next_seq=c.op.seq, left=left, lots=[], at=dt.datetime.fromisoformat(given.at))


def _earn(c: _Op) -> Verdict:
    """floor(amount × points per yuan × the tier's and the day's multipliers), the tier being the member's at the
    server before this slip; the slip's spend may lift the member to a higher tier at once."""
    payload, member = c.payload, c.member
    if not payload.amount_fen or not payload.slip_no:
        raise Rejected("earn_without_slip", "Points from a slip need its amount and number.")
    if payload.amount_fen > MAX_AMOUNT * 100:
        raise Rejected("invalid", "amount_fen: more than a slip can hold", field="amount_fen", problem="too large")
    slip_at = payload.at or c.op.at
    if not c.op.at - dt.timedelta(days=BACKDATE_DAYS) - SLIP_AHEAD <= slip_at <= c.op.at + SLIP_AHEAD:
        raise Rejected(
            "slip_out_of_time",
            f"The slip's time {slip_at.isoformat()} is more than {BACKDATE_DAYS} days before, or after, its operation.",
            at=slip_at.isoformat(timespec="minutes"),
            days=BACKDATE_DAYS,
        )
    day, held = slip_at.date(), member.tier
    candidates = c.rules()
    rules = next((r for r in candidates if points_for(payload.amount_fen, held, day, r) == payload.delta), None)
    if rules is None:
        # A counter that has not heard of an upgrade yet earns by the lower tier; one that has not heard of a
        # downgrade, by the tier the member held until lately. Either is the rules as that counter knew them.
        tiers = _tiers_lately(c, held)
        rules = next(
            (r for r in candidates for tier in tiers if points_for(payload.amount_fen, tier, day, r) == payload.delta),
            None,
        )
    if rules is None:
        expected = points_for(payload.amount_fen, held, day, candidates[0])
        raise Rejected(
            "wrong_points",
            f"Slip {payload.slip_no} of ¥{payload.amount_fen / 100:.2f} earns {expected} points for a {held} member "
            f"on {day.isoformat()}, not {payload.delta}.",
            expected=expected,
            got=payload.delta,
            amount=f"{payload.amount_fen / 100:.2f}",
            tier=held,
        )
    spend = _spend_of(c) + payload.amount_fen
    member.spend_fen = spend
    due = tier_for_spend(spend, rules)
    return Verdict(
        lots=[(expires_on(day, rules), payload.delta)] if payload.delta > 0 else [],
        tier=due if TIERS.index(due) > TIERS.index(held) else None,
    )


def _tiers_lately(c: _Op, held: str) -> list[str]:
    lately = c.checks.connection.execute(
        _TIERS_LATELY, {"uid": c.member.member_uid, "since": (c.op.at - TIER_GRACE).isoformat()}
    ).scalars()
    highest = max([TIERS.index(held), *(TIERS.index(tier) for tier in lately if tier in TIERS)])
    return [tier for tier in TIERS[: highest + 1] if tier != held]


def _spend_of(c: _Op) -> int:
    """The member's spend of the last 365 days at the server, read once a push (for all its earning members in one
    query) and counted on in memory. The window is the one of the push's first earn: a slip that leaves it during
    the push still counts, in the member's favour, until the next push."""
    spend: int | None = getattr(c.member, "spend_fen", None)
    if spend is None:
        spend = c.checks.spend(c.member.member_uid, c.op.at)
    return int(spend)


def _void(c: _Op) -> Verdict:
    """A void takes back exactly what its operation moved, for the same member, within the rules' days."""
    entry, payload = c.reversed_entry, c.payload
    if entry.kind not in VOIDABLE:
        raise Rejected("not_voidable", f"A {entry.kind} entry cannot be voided.", kind=entry.kind)
    if entry.member_uid != c.member.member_uid:
        raise Rejected("void_other_member", f"The voided operation {entry.entry_id} is another member's.")
    if payload.delta != -entry.delta:
        raise Rejected(
            "wrong_void",
            f"A void of {entry.entry_id} moves {-entry.delta} points, not {payload.delta}.",
            expected=-entry.delta,
            got=payload.delta,
        )
    made = dt.datetime.fromisoformat(entry.at)
    rules = c.rules()
    days = max(r.void_within_days for r in rules)
    if c.op.at - made > dt.timedelta(days=days):
        raise Rejected(
            "void_too_late",
            f"Operation {entry.entry_id} is from {made.date().isoformat()}; only the last {days} days can be voided.",
            when=made.date().isoformat(),
            days=days,
        )
    if entry.kind == LedgerKind.EARN and entry.amount_fen:
        c.member.spend_fen = _spend_of(c) - (entry.amount_fen if entry.at >= (c.op.at - ROLLING).isoformat() else 0)
    if payload.delta <= 0:
        return Verdict()
    # Points spent come back. Which lots they were drawn from is not kept here; they came from points earned by the
    # day they were spent, so they lapse no later than those could have.
    return Verdict(lots=[(expires_on(made.date(), rules[0]), payload.delta)])


CHECKS: dict[str, Callable[[_Op], Verdict]] = {
    LedgerKind.EARN: _earn,
    **{kind: _spend for kind in SPENDING},
    LedgerKind.CASH: _cash,
    LedgerKind.GIFT_OUT: _gift_out,
    LedgerKind.GIFT_IN: _gift_in,
    LedgerKind.REVERSAL: _void,
}
_KINDS = frozenset(kind.value for kind in LedgerKind)


def member_tier(checks: Checks, op: Op, payload: MemberTier, member: Any) -> str:
    """The tier that stands after a counter's member.tier: tiers are derived here, never pushed. An upgrade comes
    only with spend, so a pushed one is refused. A downgrade (a counter's anniversary review) is the server's to
    judge: at the tier's anniversary the member keeps what the server's spend earns; before it, the tier stays. Either
    way the counter hears the tier that stands, and is not refused for a review it made by its own data."""
    held = str(member.tier)
    if TIERS.index(payload.tier) > TIERS.index(held):
        raise Rejected(
            "tier_not_earned",
            f"Member {member.member_no} holds {held} by the server's spend; a tier is not pushed.",
            expected=held,
            got=payload.tier,
        )
    if payload.tier == held:
        return held
    since = checks.connection.execute(_TIER_SINCE, {"uid": member.member_uid}).scalar() or member.registered_at
    if op.at - dt.datetime.fromisoformat(since) < ROLLING:
        return held
    spend = checks.connection.execute(
        _SPEND, {"uid": member.member_uid, "since": (op.at - ROLLING).isoformat()}
    ).scalar_one()
    due = tier_for_spend(int(spend), checks.rules(op.at, None)[0])
    return max(payload.tier, due, key=TIERS.index) if TIERS.index(due) < TIERS.index(held) else str(held)


def record_tier(
    connection: Connection, member_uid: str, old: str, new: str, at: dt.datetime, why: str, op_id: str
) -> None:
    connection.execute(
        insert(tier_changes).values(
            member_uid=member_uid, old_tier=old, new_tier=new, at=at.isoformat(), reason=why, op_id=op_id
        )
    )
