"""Staff, permissions, lockout, manager override, approvals, personal-data requests and the audit chain."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import sqlite3
import subprocess
import sys
import threading
import time

import pytest
from argon2 import PasswordHasher, Type

from counter_app.db.store import STORE_FILE
from counter_app.domain.errors import DeskError, InvalidInput, NotFound
from counter_app.domain.staff import ROLE_PERMISSIONS, HeldForApproval, NeedsManager, NotPermitted, Permission
from counter_app.services import approvals, audit, auth, demo, keys, members, privacy
from counter_app.services.desk import change_setting
from tests.conftest import ADMIN, ADMIN_PIN, NOW, ROOT, checked_in_at_event, form, present

PINS = {"cashier": "246813", "clerk": "357924", "manager": "468035", "admin2": "579146"}


@pytest.fixture
def team(desk):
    """One account per role, made by the administrator; the desk stays signed in as the administrator."""
    auth.add_staff(desk, "C001", "收银员小王", "cashier", PINS["cashier"])
    auth.add_staff(desk, "K001", "服务台小李", "clerk", PINS["clerk"])
    auth.add_staff(desk, "M001", "张经理", "manager", PINS["manager"])
    members.register_member(desk, form())
    return desk


def as_role(desk, role):
    staff_id = {"cashier": "C001", "clerk": "K001", "manager": "M001", "admin": ADMIN}[role]
    auth.sign_in(desk, staff_id, PINS.get(role, ADMIN_PIN))
    return desk


def audit_rows(desk):
    with desk.store.read() as connection:
        return connection.exec_driver_sql(
            "SELECT seq, staff_id, role, authorized_by, action, subject, outcome, details FROM audit_log ORDER BY seq"
        ).all()


def test_the_desk_hashes_pins_with_argon2id_at_the_librarys_defaults():
    import importlib

    from counter_app.services import auth as real_auth

    fresh = importlib.reload(real_auth).PIN_HASHER
    defaults = PasswordHasher()
    try:
        assert fresh.type is Type.ID
        assert (fresh.time_cost, fresh.memory_cost, fresh.parallelism) == (
            defaults.time_cost,
            defaults.memory_cost,
            defaults.parallelism,
        )
    finally:
        real_auth.PIN_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def test_pins_are_stored_only_as_hashes(team):
    with team.store.read() as connection:
        stored = dict(connection.exec_driver_sql("SELECT staff_id, pin_hash FROM staff").all())
    assert all(value.startswith("$argon2id$") for value in stored.values())
    assert all(pin not in " ".join(stored.values()) for pin in PINS.values())


def test_the_first_administrator_is_made_once(desk):
    with pytest.raises(NotPermitted):
        auth.create_first_admin(desk, "X001", "某人", "864209")


@pytest.mark.parametrize(
    ("pin", "says"),
    [("12", "4 to 12 digits"), ("1111", "too easy"), ("123456", "too easy"), ("short", "8 to 64"), ("", "8 to 64")],
)
def test_weak_pins_are_refused(desk, pin, says):
    with pytest.raises(InvalidInput) as caught:
        auth.add_staff(desk, "S009", "新同事", "clerk", pin)
    assert says in caught.value.message("en")


def test_five_wrong_pins_lock_the_account_for_five_minutes(team):
    clock = [NOW]
    team.clock = lambda: clock[0]
    for _ in range(5):
        with pytest.raises(NotPermitted) as caught:
            auth.sign_in(team, "K001", "000000")
        assert "wrong PIN" in caught.value.message("en")
    with pytest.raises(NotPermitted) as caught:
        auth.sign_in(team, "K001", PINS["clerk"])  # the right PIN, but too late
    assert "locked after 5 wrong PINs until 10:35" in caught.value.message("en")
    clock[0] = NOW + dt.timedelta(minutes=5, seconds=1)
    assert auth.sign_in(team, "K001", PINS["clerk"]).role == "clerk"
    outcomes = [
        (row.action, row.outcome) for row in audit_rows(team) if row.subject == "K001" and row.action != "staff.add"
    ]
    assert outcomes.count(("auth.sign_in", "refused")) == 5  # four wrong PINs and the refusal while locked
    assert ("staff.locked_out", "refused") in outcomes
    assert outcomes[-1] == ("auth.sign_in", "done")


def test_an_administrator_can_lift_a_lockout(team):
    for _ in range(5):
        with pytest.raises(NotPermitted):
            auth.sign_in(team, "K001", "000000")
    as_role(team, "admin")
    auth.change_staff(team, "K001", unlock=True)
    assert auth.sign_in(team, "K001", PINS["clerk"]).staff_id == "K001"


def test_unknown_and_disabled_accounts_get_the_same_answer(team):
    with pytest.raises(NotPermitted) as unknown:
        auth.sign_in(team, "NOBODY", "123789")
    auth.change_staff(team, "C001", active=False)
    with pytest.raises(NotPermitted) as disabled:
        auth.sign_in(team, "C001", PINS["cashier"])
    assert unknown.value.message("en") == disabled.value.message("en") == "Unknown staff ID or wrong PIN; try again."


def _operations(desk):
    """Each desk operation that exists today, with the permission the table gives it."""
    from counter_app.services import points, rewards, voids

    def slip():
        return f"M-{len(audit_rows(desk))}"

    def void():
        op_ids = desk._matrix_voidable
        return voids.void_operation(desk, op_ids.pop() if op_ids else "none", "matrix")

    return {
        "earn": (Permission.EARN, lambda: points.earn_from_slip(desk, "13800138000", "100", slip())),
        "activity": (Permission.EARN, lambda: points.award_activity(desk, "13800138000", "MATRIX-EV")),
        "cash": (
            Permission.REDEEM,
            lambda: points.redeem_cash(desk, "13800138000", 80, presence=present(desk, "13800138000")),
        ),
        "redeem_gift": (
            Permission.REDEEM,
            lambda: rewards.redeem_gift(desk, "13800138000", "G-MATRIX", presence=present(desk, "13800138000")),
        ),
        "gift_stock": (Permission.RULES, lambda: rewards.stock_gift(desk, "G-MATRIX", add=1)),
        "void": (Permission.VOID, void),
        "find_member": (Permission.LOOKUP, lambda: members.find_member(desk, "13800138000")),
        "search": (Permission.LOOKUP, lambda: members.search_members(desk, "张")),
        "history": (Permission.LOOKUP, lambda: members.profile_history(desk, "13800138000")),
        "register": (
            Permission.REGISTER,
            lambda: members.register_member(desk, form(phone=f"1390013{len(audit_rows(desk)):04d}", name="新会员")),
        ),
        "edit": (
            Permission.EDIT_MEMBER,
            lambda: members.edit_member(desk, "13800138000", members.ProfileEdit(gender="M")),
        ),
        "reveal": (Permission.REVEAL_PERSONAL_DATA, lambda: privacy.reveal_personal_data(desk, "13800138000")),
        "export": (Permission.EXPORT_MEMBER_DATA, lambda: privacy.export_member_data(desk, "13800138000")),
        "audit_verify": (Permission.AUDIT, lambda: audit.verify(desk)),
        "approvals": (Permission.APPROVE, lambda: approvals.pending(desk)),
        "staff_list": (Permission.MANAGE_STAFF, lambda: auth.list_staff(desk)),
        "settings": (Permission.SETTINGS, lambda: change_setting(desk, "store_name", "万象城")),
        "demo_data": (Permission.DEMO_DATA, lambda: demo.make_demo_members(desk, 3, seed=1)),
        "key_backup": (
            Permission.KEY_BACKUP,
            lambda: keys.back_up_key(desk, desk.data_dir / f"key-{len(audit_rows(desk))}.txt"),
        ),
    }


@pytest.mark.parametrize("role", ["cashier", "clerk", "manager", "admin"])
def test_every_operation_for_every_role_follows_the_table_and_refusals_are_audited(team, role):
    from counter_app.services import points, rewards

    points.earn_from_slip(team, "13800138000", "5000", "MATRIX-SEED")
    rewards.stock_gift(team, "G-MATRIX", "钥匙扣", 100, add=5)
    team._matrix_voidable = [points.earn_from_slip(team, "13800138000", "10", f"MATRIX-V{n}").op_id for n in range(2)]
    checked_in_at_event(team, "13800138000", "MATRIX-EV")  # activity points need a real event and the check-in
    as_role(team, role)
    for name, (permission, operation) in _operations(team).items():
        allowed = permission in ROLE_PERMISSIONS[role]
        before = len(audit_rows(team))
        if allowed:
            operation()
            continue
        expected = NeedsManager if permission in ROLE_PERMISSIONS["manager"] else NotPermitted
        with pytest.raises(expected):
            operation()
        refusal = audit_rows(team)[before:]
        assert [(r.action.split(".")[0], r.outcome, r.staff_id, r.role) for r in refusal][-1][1:] == (
            "refused",
            team.session.staff_id,
            role,
        ), name
        assert permission.value in refusal[-1].details, name


def test_signed_out_nothing_runs(team):
    auth.sign_out(team)
    with pytest.raises(auth.NotSignedIn):
        members.search_members(team, "张")


def test_a_manager_authorises_a_clerk_on_the_spot_and_both_are_recorded(team):
    as_role(team, "clerk")
    with pytest.raises(NeedsManager):
        privacy.reveal_personal_data(team, "13800138000")
    authorised = auth.manager_override(team, "M001", PINS["manager"], Permission.REVEAL_PERSONAL_DATA, "member.reveal")
    with team.acting_as(authorised):
        revealed = privacy.reveal_personal_data(team, "13800138000")
    assert revealed.phone == "13800138000"
    last = audit_rows(team)[-1]
    assert (last.action, last.staff_id, last.authorized_by, last.outcome) == ("member.reveal", "K001", "M001", "done")
    with pytest.raises(NeedsManager):
        privacy.reveal_personal_data(team, "13800138000")  # the authority was for that one operation


def test_a_clerk_cannot_authorise_a_clerk(team):
    as_role(team, "cashier")
    with pytest.raises(NotPermitted) as caught:
        auth.manager_override(team, "K001", PINS["clerk"], Permission.REVEAL_PERSONAL_DATA, "member.reveal")
    assert "may not authorise" in caught.value.message("en")
    with pytest.raises(NotPermitted):
        auth.manager_override(team, "M001", "000000", Permission.REVEAL_PERSONAL_DATA, "member.reveal")


def test_a_parked_operation_runs_only_when_a_manager_approves(team):
    as_role(team, "cashier")
    with pytest.raises(HeldForApproval) as held:
        approvals.run_or_park(team, "member.edit", "13800138000", ref="13800138000", name="张君宝")
    approval_id = held.value.params["approval_id"]
    assert held.value.exit_code == 3
    as_role(team, "manager")
    assert members.find_member(team, "13800138000").name == "张三丰"  # nothing applied yet
    assert [a.approval_id for a in approvals.pending(team)] == [approval_id]
    card = approvals.approve(team, approval_id)
    assert card.name == "张君宝"
    assert approvals.pending(team) == []
    edit_entry = [row for row in audit_rows(team) if row.action == "member.edit"][-1]
    assert (edit_entry.staff_id, edit_entry.authorized_by) == ("C001", "M001")
    with pytest.raises(InvalidInput):
        approvals.approve(team, approval_id)


def test_a_rejected_request_changes_nothing_and_keeps_its_reason(team):
    as_role(team, "clerk")
    with pytest.raises(HeldForApproval) as held:
        approvals.run_or_park(team, "member.erase", "13800138000", ref="13800138000", reason="会员来电要求")
    approval_id = held.value.params["approval_id"]
    as_role(team, "manager")
    with pytest.raises(InvalidInput):
        approvals.reject(team, approval_id, "  ")
    info = approvals.reject(team, approval_id, "需会员本人到场")
    assert (info.status, info.reason, info.decided_by) == ("rejected", "需会员本人到场", "M001")
    assert members.find_member(team, "13800138000").name == "张三丰"


def test_an_approval_whose_operation_cannot_run_fails_visibly(team):
    as_role(team, "cashier")
    with pytest.raises(HeldForApproval) as held:
        approvals.run_or_park(team, "member.edit", "13800138000", ref="13800138000", phone="13900139000")
    as_role(team, "admin")
    members.register_member(team, form(phone="13900139000", name="李四"))  # the phone is taken meanwhile
    as_role(team, "manager")
    with pytest.raises(DeskError):  # refused in a sentence, not a crash
        approvals.approve(team, held.value.params["approval_id"])
    with team.store.read() as connection:
        status, reason = connection.exec_driver_sql("SELECT status, reason FROM approvals").one()
    assert status == "failed" and "already registered" in reason
    assert members.find_member(team, "13800138000").phone == "138****8000"


def test_erasure_removes_personal_data_but_keeps_the_member_number(team):
    as_role(team, "manager")
    card = members.find_member(team, "13800138000")
    members.edit_member(team, "13800138000", members.ProfileEdit(birthday="1990-05-17"))
    erased = privacy.erase_member(team, "13800138000", "会员本人书面申请")
    assert erased.member_no == card.member_no
    with pytest.raises(NotFound):
        members.find_member(team, "13800138000")
    assert members.search_members(team, "张三丰").members == []
    after = members.find_member(team, card.member_no)
    assert (after.name, after.phone, after.birthday, after.gender) == ("（已删除）", "****", None, None)
    assert all(change.old is None and change.new is None for change in members.profile_history(team, card.member_no))
    with pytest.raises(NotFound):
        privacy.erase_member(team, card.member_no, "again")
    with pytest.raises(InvalidInput):
        privacy.erase_member(team, card.member_no, "")
    team.close()
    raw = (team.data_dir / STORE_FILE).read_bytes()
    assert "张三丰".encode() not in raw


def test_export_gives_everything_unmasked_to_a_manager_and_is_audited(team):
    as_role(team, "manager")
    document = privacy.export_member_data(team, "13800138000")
    assert (document["phone"], document["name"], document["exported_by"]) == ("13800138000", "张三丰", "M001")
    assert audit_rows(team)[-1].action == "member.export"


def test_screens_and_audit_never_show_full_numbers(team):
    as_role(team, "manager")
    members.edit_member(team, "13800138000", members.ProfileEdit(phone="13911112222"))
    details = " ".join(str(value) for row in audit_rows(team) for value in row)
    with team.store.read() as connection:
        raw_audit = " ".join(str(v) for row in connection.exec_driver_sql("SELECT * FROM audit_log").all() for v in row)
    assert "13800138000" not in raw_audit and "13911112222" not in raw_audit
    assert "138****8000" in raw_audit and "139****2222" in raw_audit
    assert details


# --- the audit chain -------------------------------------------------------------------------


def _tamper(desk, *statements):
    """What someone with sqlite3 and the file can do: drop the guards, then change rows."""
    path = desk.data_dir / STORE_FILE
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for statement in statements:
            db.execute(statement)


def test_an_untouched_chain_verifies(team):
    report = audit.verify(team)
    assert report.intact and report.entries_checked == len(audit_rows(team)) >= 6


def test_the_log_refuses_updates_and_deletes_from_sql(team):
    with pytest.raises(Exception, match="append-only"), team.store.write() as connection:
        connection.exec_driver_sql("UPDATE audit_log SET staff_id = 'X' WHERE seq = 1")
    with pytest.raises(Exception, match="append-only"), team.store.write() as connection:
        connection.exec_driver_sql("DELETE FROM audit_log WHERE seq = 1")


def test_an_edited_entry_is_named(team):
    _tamper(team, "UPDATE audit_log SET staff_id = 'M001' WHERE seq = 3")
    report = audit.verify(team)
    assert (report.intact, report.first_bad_entry, report.problem) == (False, 3, "edited")
    assert report.message == "Audit entry 3 was edited after it was written."


def test_a_deleted_entry_is_named(team):
    _tamper(team, "DELETE FROM audit_log WHERE seq = 4")
    report = audit.verify(team)
    assert (report.first_bad_entry, report.problem) == (4, "deleted")


def test_deleting_the_newest_entries_is_noticed(team):
    last = len(audit_rows(team))
    _tamper(team, f"DELETE FROM audit_log WHERE seq >= {last - 1}")
    report = audit.verify(team)
    assert (report.first_bad_entry, report.problem) == (last - 1, "deleted")


def test_an_inserted_entry_is_named(team):
    last = len(audit_rows(team))
    _tamper(
        team,
        f"INSERT INTO audit_log (seq, at, staff_id, role, counter_uid, action, subject, outcome, digest) VALUES ({last + 1}, '2026-11-23T10:31:00+08:00', 'M001', 'manager', 'x', 'member.reveal', 'M000100000017', 'done', '{'0' * 64}')",
    )
    report = audit.verify(team)
    assert (report.first_bad_entry, report.problem) == (last + 1, "inserted")


class _SlowHasher(PasswordHasher):
    """The test hasher, slowed to a real check's pace (and counted), so parallel attempts overlap in it."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.checks = 0
        self._lock = threading.Lock()

    def verify(self, hash, password):
        with self._lock:
            self.checks += 1
        time.sleep(1.5)
        return super().verify(hash, password)


def _locked(desk, staff_id):
    with desk.store.read() as connection:
        return connection.exec_driver_sql("SELECT locked_until FROM staff WHERE staff_id = ?", (staff_id,)).scalar()


def _lockout_story(desk, staff_id):
    rows = [row for row in audit_rows(desk) if row.subject == staff_id and row.action != "staff.add"]
    wrong = [row for row in rows if (row.details or "").startswith("wrong PIN")]
    locked_out = [row for row in rows if row.action == "staff.locked_out"]
    refused_locked = [row for row in rows if row.details == "account locked"]
    signed_in = [row for row in rows if row.outcome == "done"]
    return wrong, locked_out, refused_locked, signed_in


def test_twenty_wrong_pins_in_parallel_make_five_wrong_attempts_and_the_right_pin_after_them_is_refused(
    team, monkeypatch
):
    """Attack: 20 threads try wrong PINs at once, then the right PIN follows while they are being checked.
    Before: every thread passed the lock check before any was counted, and the right PIN got in.
    After: each attempt is counted before its hash runs; the fifth sets the lock, the rest are refused unhashed."""
    hasher = _SlowHasher()
    monkeypatch.setattr(auth, "PIN_HASHER", hasher)
    start = threading.Barrier(20)

    def wrong_pin(number):
        start.wait()
        auth.sign_in(team, "K001", f"{900000 + number}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=21) as pool:
        wrong = [pool.submit(wrong_pin, number) for number in range(20)]
        # The right PIN follows once the lock is on record, or after 1 s at most: either way while every
        # wrong PIN is still in its 1.5 s check, so none of them has been counted the old way yet.
        deadline = time.monotonic() + 1.0
        while time.monotonic() < deadline and not _locked(team, "K001"):
            time.sleep(0.01)
        right = pool.submit(auth.sign_in, team, "K001", PINS["clerk"])
        outcomes = [future.exception() for future in [*wrong, right]]
    assert all(isinstance(outcome, NotPermitted) for outcome in outcomes)
    assert "locked after 5 wrong PINs until 10:35" in outcomes[-1].message("en")
    assert hasher.checks == 5  # only the five allowed attempts had their PIN checked
    assert _locked(team, "K001") is not None
    wrong_rows, locked_out, refused_locked, signed_in = _lockout_story(team, "K001")
    assert sorted(row.details for row in wrong_rows) == [f"wrong PIN ({n} of 5)" for n in (1, 2, 3, 4)]
    assert [(row.details, row.outcome) for row in locked_out] == [("5 wrong PINs", "refused")]
    assert len(refused_locked) == 16  # fifteen wrong PINs and the right one, refused while locked
    assert signed_in == []


_CHILD_ATTEMPTS = """
import datetime as dt, sys, time
from pathlib import Path
from counter_app.services import auth
from counter_app.services.desk import open_desk
CHINA = dt.timezone(dt.timedelta(hours=8))
desk = open_desk(Path(sys.argv[1]), clock=lambda: dt.datetime(2026, 11, 23, 10, 30, tzinfo=CHINA))
while time.time() < float(sys.argv[2]):
    time.sleep(0.005)
for pin in sys.argv[3:]:
    try:
        auth.sign_in(desk, "K001", pin)
        print("in")
    except Exception as error:
        print("refused", type(error).__name__)
desk.close()
"""


def test_wrong_pins_from_four_processes_at_once_still_lock_after_five(team):
    """Attack: four processes on one data folder try five wrong PINs each at the same moment, then the right one.
    Before: each process passed the lock check with the others' attempts uncounted. After: five counted, then locked."""
    wrong_pins = [f"{900000 + n}" for n in range(5)]
    start_at = time.time() + 3  # the children start importing now; they try their PINs together
    children = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD_ATTEMPTS, str(team.data_dir), str(start_at), *wrong_pins, PINS["clerk"]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for _ in range(4)
    ]
    results = [child.communicate(timeout=120) for child in children]
    assert all(child.returncode == 0 for child in children), [err for _, err in results]
    lines = [line for out, _ in results for line in out.splitlines()]
    assert len(lines) == 24 and "in" not in lines  # the right PIN came after the lock in every process
    with pytest.raises(NotPermitted) as caught:
        auth.sign_in(team, "K001", PINS["clerk"])
    assert "locked after 5 wrong PINs until 10:35" in caught.value.message("en")
    wrong_rows, locked_out, refused_locked, signed_in = _lockout_story(team, "K001")
    assert sorted(row.details for row in wrong_rows) == [f"wrong PIN ({n} of 5)" for n in (1, 2, 3, 4)]
    assert [(row.details, row.outcome) for row in locked_out] == [("5 wrong PINs", "refused")]
    assert len(refused_locked) == 24 - 5 + 1  # the other wrong PINs, the right ones, and the parent's try
    assert signed_in == []
