"""Issue 16 item 6, tried as an attacker would: spending a member's points with a typed phone, another member's
code, an old or replayed code, a photocopied card beyond its limits, a forged code, and overrides by the wrong people."""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import json

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from counter_app.domain.errors import InvalidInput
from counter_app.domain.presence import Presence, PresenceNeeded, ProofKind
from counter_app.domain.rules import parse_rules
from counter_app.gui.points_dialogs import RedeemDialog
from counter_app.gui.presence_dialog import PresenceDialog
from counter_app.services import audit, auth, member_codes, members, points, rewards
from tests.conftest import ROOT, cli_main, form, phone_code, signed_in_desk
from tests.test_gui import open_window, type_and_enter

PHONE, FRIEND = "13800138000", "13900139000"
CLERK, CLERK_PIN = "K001", "357924"
MANAGER, MANAGER_PIN = "M001", "468035"
SHIPPED_RULES = (ROOT / "resources" / "rules.toml").read_text(encoding="utf-8")


def cli_team(data_dir):
    """Two members (the first with 20,000 points), a gift, a clerk and a manager, made through the CLI."""
    for phone, name in ((PHONE, "张三丰"), (FRIEND, "李四")):
        made = cli_main("member", "register", "--phone", phone, "--name", name, "--consent", data_dir=data_dir)
        assert made.returncode == 0, made.stderr
    assert cli_main("points", "earn", PHONE, "--amount", "20000", "--slip", "S-1", data_dir=data_dir).returncode == 0
    assert (
        cli_main(
            "gift", "stock", "MUG", "--name", "马克杯", "--points", "2400", "--add", "5", data_dir=data_dir
        ).returncode
        == 0
    )
    for staff_id, name, role, pin in (
        (CLERK, "服务台小李", "clerk", CLERK_PIN),
        (MANAGER, "张经理", "manager", MANAGER_PIN),
    ):
        added = cli_main(
            "staff", "add", staff_id, "--name", name, "--role", role, data_dir=data_dir, env={"COUNTER_NEW_PIN": pin}
        )
        assert added.returncode == 0, added.stderr


def clerk(*args, data_dir, **extra):
    return cli_main(*args, data_dir=data_dir, staff=CLERK, pin=CLERK_PIN, **extra)


def balance(data_dir, ref=PHONE):
    return json.loads(cli_main("member", "show", ref, "--json", data_dir=data_dir).stdout)["points"]


def audit_lines(data_dir):
    return json.loads(cli_main("audit", "list", "--limit", "20", "--json", data_dir=data_dir).stdout)


# ---- the CLI, as a dishonest clerk uses it -----------------------------------------------------------------------


def test_a_typed_phone_spends_nothing_in_either_language(data_dir):
    cli_team(data_dir)
    for command in (
        ("points", "cash", PHONE, "--points", "800"),
        ("gift", "redeem", PHONE, "--sku", "MUG"),
        ("points", "gift", PHONE, "--to", FRIEND, "--points", "100"),
    ):
        refused = clerk(*command, data_dir=data_dir)
        assert refused.returncode == 6, refused.stderr
        assert "A typed phone or member number only looks the member up" in refused.stderr
    in_chinese = clerk("points", "cash", PHONE, "--points", "800", data_dir=data_dir, lang="zh_CN")
    assert in_chinese.returncode == 6 and "手动输入的手机号或会员号只能查询会员" in in_chinese.stderr
    assert "Traceback" not in in_chinese.stderr
    assert balance(data_dir) == 20000
    refusals = [line for line in audit_lines(data_dir) if line["action"] == "member.presence"]
    assert refusals and all(line["outcome"] == "refused" for line in refusals)
    # Looking up and earning still take a typed phone.
    assert clerk("member", "show", PHONE, data_dir=data_dir).returncode == 0
    assert clerk("points", "earn", PHONE, "--amount", "10", "--slip", "S-2", data_dir=data_dir).returncode == 0


def test_the_members_own_code_spends_and_says_so_in_the_audit(data_dir):
    cli_team(data_dir)
    paid = clerk(
        "points", "cash", PHONE, "--points", "800", "--code", phone_code(data_dir, PHONE), "--json", data_dir=data_dir
    )
    assert paid.returncode == 0, paid.stderr
    assert json.loads(paid.stdout)["yuan"] == "10.00" and balance(data_dir) == 19200
    # The code as REF proves it too.
    gave = clerk("points", "gift", phone_code(data_dir, PHONE), "--to", FRIEND, "--points", "100", data_dir=data_dir)
    assert gave.returncode == 0, gave.stderr
    proofs = [line for line in audit_lines(data_dir) if line["action"] == "member.presence"]
    assert len(proofs) == 2 and all("code scanned" in line["details"] for line in proofs)


def test_another_members_code_does_not_spend_for_this_one(data_dir):
    cli_team(data_dir)
    refused = clerk(
        "points", "cash", PHONE, "--points", "800", "--code", phone_code(data_dir, FRIEND), data_dir=data_dir
    )
    assert refused.returncode == 6 and "belongs to another member" in refused.stderr
    assert balance(data_dir) == 20000


def test_an_old_code_and_a_replayed_code_are_refused(data_dir):
    cli_team(data_dir)
    # A screenshot of the member's phone from ten minutes ago.
    past = signed_in_desk(data_dir, clock=lambda: dt.datetime.now().astimezone() - dt.timedelta(minutes=10))
    try:
        old = member_codes.member_code(past, PHONE)
    finally:
        past.close()
    expired = clerk("points", "cash", PHONE, "--points", "800", "--code", old, data_dir=data_dir)
    assert expired.returncode == 2 and "has expired" in expired.stderr
    code = phone_code(data_dir, PHONE)
    assert clerk("points", "cash", PHONE, "--points", "800", "--code", code, data_dir=data_dir).returncode == 0
    replayed = clerk("points", "cash", PHONE, "--points", "800", "--code", code, data_dir=data_dir)
    assert replayed.returncode == 2 and "already scanned at this desk" in replayed.stderr
    assert balance(data_dir) == 19200


def test_the_printed_card_spends_only_within_its_limits(data_dir):
    cli_team(data_dir)
    card = json.loads(cli_main("member", "code", PHONE, "--static", "--json", data_dir=data_dir).stdout)["code"]
    cash = clerk("points", "cash", PHONE, "--points", "800", "--code", card, data_dir=data_dir)
    assert cash.returncode == 2 and "not the printed card" in cash.stderr
    too_much = clerk("gift", "redeem", PHONE, "--sku", "MUG", "--code", card, data_dir=data_dir)
    assert too_much.returncode == 2 and "at most 2000 points a day" in too_much.stderr
    within = clerk("points", "gift", card, "--to", FRIEND, "--points", "500", data_dir=data_dir)
    assert within.returncode == 0, within.stderr
    assert balance(data_dir) == 19500


def test_a_forged_code_is_refused(data_dir):
    cli_team(data_dir)
    genuine = phone_code(data_dir, PHONE)
    raw = bytearray(base64.urlsafe_b64decode(genuine[4:] + "=" * (-len(genuine[4:]) % 4)))
    raw[-1] ^= 0x01  # the phone's signature, one bit off
    forged = "MD1." + base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    refused = clerk("points", "cash", PHONE, "--points", "800", "--code", forged, data_dir=data_dir)
    assert refused.returncode == 2 and "signature is not valid" in refused.stderr
    ticket_or_text = clerk("points", "cash", PHONE, "--points", "800", "--code", PHONE, data_dir=data_dir)
    assert ticket_or_text.returncode == 2 and "not the member's own code" in ticket_or_text.stderr
    assert balance(data_dir) == 20000


def test_only_a_manager_overrides_and_only_with_a_reason(data_dir):
    cli_team(data_dir)
    by_clerk = clerk("points", "cash", PHONE, "--points", "800", "--override-reason", "I know her", data_dir=data_dir)
    assert by_clerk.returncode == 6 and "Only a manager may vouch" in by_clerk.stderr
    manager = {"COUNTER_MANAGER_PIN": MANAGER_PIN}
    no_reason = clerk("points", "cash", PHONE, "--points", "800", "--manager", MANAGER, data_dir=data_dir, env=manager)
    assert no_reason.returncode == 6 and "A typed phone" in no_reason.stderr
    blank = clerk(
        "points",
        "cash",
        PHONE,
        "--points",
        "800",
        "--manager",
        MANAGER,
        "--override-reason",
        "  ",
        data_dir=data_dir,
        env=manager,
    )
    assert blank.returncode == 6 and "needs a reason" in blank.stderr
    both = clerk("points", "cash", PHONE, "--points", "800", "--code", "x", "--override-reason", "y", data_dir=data_dir)
    assert both.returncode == 2 and "not both" in both.stderr
    assert balance(data_dir) == 20000
    vouched = clerk(
        "points", "cash", PHONE, "--points", "800", "--manager", MANAGER,
        "--override-reason", "phone battery flat; ID card checked", data_dir=data_dir, env=manager,
    )  # fmt: skip
    assert vouched.returncode == 0, vouched.stderr
    assert balance(data_dir) == 19200
    (entry,) = [line for line in audit_lines(data_dir) if line["action"] == "presence.override"]
    assert (entry["staff_id"], entry["authorized_by"]) == (CLERK, MANAGER)
    assert "phone battery flat; ID card checked" in entry["details"]


# ---- the services, with proofs made up in the same process -----------------------------------------------------


@pytest.fixture
def shop(desk):
    members.register_member(desk, form())
    members.register_member(desk, form(phone=FRIEND, name="李四"))
    points.earn_from_slip(desk, PHONE, "20000", "S-1")
    return desk


def test_a_made_up_proof_names_nothing_the_desk_scanned(shop):
    uid = members.find_member(shop, PHONE)
    with shop.store.read() as connection:
        member_uid = members.require_member(shop, connection, uid.member_no).member_uid
    made_up = Presence(ProofKind.CODE, member_uid, shop.now(), nonce="00" * 8)
    with pytest.raises(PresenceNeeded, match="did not scan"):
        points.redeem_cash(shop, PHONE, 800, presence=made_up)
    made_up_card = Presence(ProofKind.CARD, card="MC1.AAAA")
    with pytest.raises(PresenceNeeded):
        points.redeem_cash(shop, PHONE, 800, presence=made_up_card)
    assert members.find_member(shop, PHONE).points == 20000


def test_a_scan_shows_the_member_here_for_the_rules_minutes_only(shop):
    proof = member_codes.scan(shop, member_codes.member_code(shop, PHONE)).presence
    assert points.redeem_cash(shop, PHONE, 800, presence=proof).balance == 19200
    shop.clock = lambda: dt.datetime(2026, 11, 23, 10, 34, tzinfo=proof.at.tzinfo)
    assert points.redeem_cash(shop, PHONE, 800, presence=proof).balance == 18400  # still within 5 minutes
    shop.clock = lambda: dt.datetime(2026, 11, 23, 10, 36, tzinfo=proof.at.tzinfo)
    with pytest.raises(PresenceNeeded, match="more than 5 minutes ago"):
        points.redeem_cash(shop, PHONE, 800, presence=proof)
    assert members.find_member(shop, PHONE).points == 18400


def test_free_points_spend_without_proof_and_the_rules_are_checked():
    rules = parse_rules(SHIPPED_RULES)
    assert (rules.presence_free_points, rules.presence_code_minutes) == (0, 5)
    older = parse_rules(SHIPPED_RULES.replace("[presence]", "[old_presence]"))
    assert (older.presence_free_points, older.presence_code_minutes) == (0, 5)
    for old, new, named in (
        ("code_minutes = 5", "code_minutes = 0", "presence.code_minutes"),
        ("code_minutes = 5", "code_minutes = 61", "presence.code_minutes"),
        ("free_points = 0", "free_points = -1", "presence.free_points"),
        ("free_points = 0", 'free_points = "lots"', "presence.free_points"),
    ):
        with pytest.raises(InvalidInput) as caught:
            parse_rules(SHIPPED_RULES.replace(old, new))
        assert named in caught.value.message("en")


def test_a_spend_within_free_points_needs_no_proof(shop):
    shop.rules = dataclasses.replace(shop.rules, presence_free_points=800)
    assert points.redeem_cash(shop, PHONE, 800).balance == 19200
    with pytest.raises(PresenceNeeded):
        points.redeem_cash(shop, PHONE, 880)


# ---- the desk window ----------------------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, qapp, shop):
    from counter_app.gui import tasks

    rewards.stock_gift(shop, "MUG", "马克杯", 1500, add=3)
    yield open_window(qtbot, qapp, shop)
    tasks.run_synchronously(False)


def _when_asked(work):
    """`work(dialog)` on the presence dialog once it is up."""
    seen = {}

    def run():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog
        work(dialog)

    QTimer.singleShot(0, run)
    return seen


def test_a_card_opened_by_typing_asks_for_the_code_and_the_scan_spends(qtbot, window, shop):
    type_and_enter(qtbot, window.search_box, PHONE)
    assert window.card.identification.text() == "Looked up · scan to redeem"
    dialog = RedeemDialog(shop, window.card.card, window, ref=window.card_ref, presence=window.card.presence)
    qtbot.addWidget(dialog)
    assert dialog.presence_label.text() == "Looked up by phone or number: scan the member's code to redeem"
    seen = _when_asked(lambda asked: asked.take_scan(member_codes.member_code(shop, PHONE)))
    dialog.redeem_gift("MUG")
    assert isinstance(seen["dialog"], PresenceDialog)
    assert members.find_member(shop, PHONE).points == 18500


def test_the_card_scanned_shows_the_member_present_and_redeems_without_asking(qtbot, window, shop):
    window.handle_scan(member_codes.member_code(shop, PHONE))
    assert window.card.identification.text() == "Present · code 10:30"
    dialog = RedeemDialog(shop, window.card.card, window, ref=window.card_ref, presence=window.card.presence)
    qtbot.addWidget(dialog)
    assert dialog.presence_label.text() == "Member present: code scanned 10:30"
    dialog.redeem_gift("MUG")  # no dialog comes up: nothing is scheduled to answer one
    assert members.find_member(shop, PHONE).points == 18500


def test_a_manager_overrides_in_the_dialog_with_a_reason(qtbot, window, shop):
    auth.add_staff(shop, CLERK, "服务台小李", "clerk", CLERK_PIN)
    auth.add_staff(shop, MANAGER, "张经理", "manager", MANAGER_PIN)
    auth.sign_in(shop, CLERK, CLERK_PIN)
    type_and_enter(qtbot, window.search_box, PHONE)
    dialog = RedeemDialog(shop, window.card.card, window, ref=window.card_ref)
    qtbot.addWidget(dialog)

    def vouch(asked):
        asked.manager_edit.setText(MANAGER)
        asked.pin_edit.setText(MANAGER_PIN)
        asked.reason_edit.setText("ID card checked")
        asked.override()

    _when_asked(vouch)
    dialog.redeem_gift("MUG")
    assert members.find_member(shop, PHONE).points == 18500
    auth.sign_in(shop, MANAGER, MANAGER_PIN)
    (entry,) = [line for line in audit.recent(shop) if line.action == "presence.override"]
    assert (entry.staff_id, entry.authorized_by) == (CLERK, MANAGER) and "ID card checked" in entry.details


def test_cancelled_asking_redeems_nothing(qtbot, window, shop):
    type_and_enter(qtbot, window.search_box, PHONE)
    dialog = RedeemDialog(shop, window.card.card, window, ref=window.card_ref)
    qtbot.addWidget(dialog)
    _when_asked(lambda asked: asked.reject())
    dialog.redeem_gift("MUG")
    assert dialog.error.text() == "Nothing was redeemed: the member's code was not scanned."
    assert members.find_member(shop, PHONE).points == 20000
