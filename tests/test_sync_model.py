"""A hypothesis state machine over desk operations, network partitions, restarts and syncs at three
counters: every operation applied exactly once, balance = sum of the ledger, all copies equal."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from counter_app.domain.errors import DeskError
from counter_app.services import members, points, sync
from tests.conftest import form, signed_in_desk, vouched
from tests.sync_harness import Server, database_for, enrolled_counter
from tests.test_sync_faults import check_agreement, settle

pytestmark = [pytest.mark.server, pytest.mark.slow]  # three counters and a server, a long stateful run

PHONES = [f"1380000{n:04d}" for n in range(12)]  # few phones: clashes between counters are common


class ThreeCounters(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="sync-model-"))
        (self.folder / "server").mkdir()
        url, _ = database_for("sqlite", self.folder / "server")
        self.server = Server(url, self.folder / "server").start()
        self.desks = [enrolled_counter(self.folder / f"c{i}", self.server) for i in range(3)]
        self.partitioned = [False, False, False]
        self.slips = 0

    def _members(self, i: int) -> list[str]:
        with self.desks[i].store.read() as connection:
            return [row[0] for row in connection.exec_driver_sql("SELECT member_no FROM members ORDER BY id")]

    @rule(i=st.integers(0, 2), phone=st.sampled_from(PHONES))
    def register(self, i: int, phone: str) -> None:
        with contextlib.suppress(DeskError):  # this counter knows the phone already
            members.register_member(self.desks[i], form(phone=phone, name="模型会员"))

    @rule(i=st.integers(0, 2), pick=st.integers(0, 100), yuan=st.integers(1, 3000))
    def earn(self, i: int, pick: int, yuan: int) -> None:
        known = self._members(i)
        if known:
            self.slips += 1
            points.earn_from_slip(self.desks[i], known[pick % len(known)], f"{yuan}.00", f"M{i}-{self.slips}")

    @rule(i=st.integers(0, 2), pick=st.integers(0, 100), steps=st.integers(1, 40))
    def redeem(self, i: int, pick: int, steps: int) -> None:
        known = self._members(i)
        if known:
            with contextlib.suppress(DeskError):  # not enough points here, or beyond the offline limits
                points.redeem_cash(
                    self.desks[i],
                    known[pick % len(known)],
                    str(steps * self.desks[i].rules.cash_points_per_yuan),
                    presence=vouched(),
                )

    @rule(i=st.integers(0, 2))
    def toggle_partition(self, i: int) -> None:
        self.partitioned[i] = not self.partitioned[i]

    @rule(i=st.integers(0, 2))
    def restart(self, i: int) -> None:
        """The counter's program ends and starts again on the same data folder."""
        self.desks[i].close()
        self.desks[i] = signed_in_desk(self.folder / f"c{i}")

    @precondition(lambda self: not all(self.partitioned))
    @rule(i=st.integers(0, 2))
    def sync(self, i: int) -> None:
        if not self.partitioned[i]:
            sync.sync_once(self.desks[i])

    @invariant()
    def balances_are_the_sum_of_the_ledger(self) -> None:
        for desk in self.desks:
            with desk.store.read() as connection:
                assert (
                    connection.exec_driver_sql(
                        "SELECT COUNT(*) FROM members m WHERE points != (SELECT COALESCE(SUM(points), 0) FROM ledger WHERE member_id = m.id)"
                    ).scalar()
                    == 0
                )

    def teardown(self) -> None:
        try:
            settle(self.desks)
            check_agreement(self.server, self.desks)
        finally:
            for desk in self.desks:
                desk.close()
            self.server.close()


ThreeCounters.TestCase.settings = settings(
    max_examples=12,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_three_counters_converge = ThreeCounters.TestCase
