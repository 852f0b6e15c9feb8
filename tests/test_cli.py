"""The command line: JSON, exit codes, languages and clean errors.

Most tests call counter_app.cli.main in this process (`cli_main`); those marked `cli` start the real
`python -m counter_app` in a child process, for what only a process shows: start-up, --help and --version,
exit codes, Ctrl+C, stdin and the PIN, environment variables."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import subprocess
import sys

import pytest

from counter_app.db.store import STORE_FILE
from tests.conftest import ADMIN, ADMIN_PIN, ROOT, cli_main, phone_code, run_cli


def register(data_dir, *extra, phone="13800138000", name="张三丰", lang="en", runner=cli_main):
    return runner(
        "member", "register", "--phone", phone, "--name", name, "--consent", *extra, data_dir=data_dir, lang=lang
    )


def assert_clean(result):
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def test_init_then_register_show_and_search(data_dir):
    assert cli_main("init", data_dir=data_dir).returncode == 0
    made = register(data_dir, "--gender", "F", "--birthday", "1990-05-17", "--json")
    assert made.returncode == 0, made.stderr
    card = json.loads(made.stdout)
    assert card["member_no"] == "M000100000017" and card["phone"] == "138****8000"
    shown = cli_main("member", "show", "+86 138-0013-8000", "--json", data_dir=data_dir)
    document = json.loads(shown.stdout)
    assert {"member_no", "name", "phone", "tier", "points", "spend_12m", "expiring", "coupons"} <= set(document)
    assert document["name"] == "张三丰"
    found = cli_main("member", "search", "zsf", "--json", data_dir=data_dir)
    assert [m["member_no"] for m in json.loads(found.stdout)["members"]] == ["M000100000017"]


def test_human_output_is_chinese_by_default_and_english_on_request(data_dir):
    register(data_dir)
    chinese = cli_main("member", "show", "13800138000", data_dir=data_dir, lang=None)
    assert "会员号: M000100000017" in chinese.stdout and "普通会员" in chinese.stdout
    english = cli_main("member", "show", "13800138000", data_dir=data_dir, lang="en")
    assert "Member no.: M000100000017" in english.stdout and "Regular" in english.stdout
    after_command = cli_main("member", "show", "13800138000", "--lang", "en", data_dir=data_dir, lang=None)
    assert "Member no.:" in after_command.stdout


@pytest.mark.cli
def test_conflict_exits_5_naming_the_member(data_dir):
    register(data_dir)
    again = register(data_dir, runner=run_cli, phone="+86 138 0013 8000", name="李四", lang=None)
    assert again.returncode == 5
    assert again.stderr.strip() == "该手机号已注册，会员号 M000100000017。"
    assert again.stdout == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--phone", "abc"], "only digits"),
        (["--phone", "010-12345678"], "landline"),
        (["--phone", "+852 6123 4567"], "from HK"),
        (["--name", "😀"], "remove “😀”"),
        (["--name", "x" * 10_000], "at most 40 characters"),
        (["--name", "   "], "Enter the member's name"),
        (["--birthday", "2099-01-01"], "future"),
        (["--birthday", "1899-12-31"], "before 1900"),
        (["--id-number", "110105194912310021"], "check character"),
    ],
)
def test_bad_input_exits_2_with_a_sentence(data_dir, args, says):
    values = {"--phone": "13800138000", "--name": "张三丰"}
    extra = []
    for flag, value in zip(args[::2], args[1::2], strict=False):
        if flag in values:
            values[flag] = value
        else:
            extra += [flag, value]
    result = cli_main(
        "member",
        "register",
        "--phone",
        values["--phone"],
        "--name",
        values["--name"],
        "--consent",
        *extra,
        data_dir=data_dir,
    )
    assert result.returncode == 2
    assert says in result.stderr
    assert_clean(result)
    assert cli_main("member", "search", "8000", data_dir=data_dir).returncode == 4  # nothing stored


def test_missing_consent_and_many_errors_are_listed_field_by_field(data_dir):
    result = cli_main("member", "register", "--phone", "abc", "--name", "", data_dir=data_dir)
    assert result.returncode == 2
    assert "Mobile number:" in result.stderr and "Name:" in result.stderr and "Consent:" in result.stderr
    as_json = cli_main("member", "register", "--phone", "abc", "--name", "", "--json", data_dir=data_dir)
    error = json.loads(as_json.stdout)["error"]
    assert error["kind"] == "InvalidInput" and set(error["fields"]) == {"phone", "name", "consent"}


@pytest.mark.cli
def test_usage_mistakes_exit_2(data_dir):
    result = run_cli("member", "register", "--name", "张三", data_dir=data_dir)
    assert result.returncode == 2 and "--phone" in result.stderr
    assert run_cli("member", "frobnicate", data_dir=data_dir).returncode == 2
    assert run_cli("member", "search", "张", "--limit", "0", data_dir=data_dir).returncode == 2
    assert run_cli("demo-data", "--members", "0", data_dir=data_dir).returncode == 2


@pytest.mark.cli
def test_not_found_exits_4(data_dir):
    result = run_cli("member", "show", "13311112222", data_dir=data_dir)
    assert result.returncode == 4 and "register the member" in result.stderr


def test_edit_and_history(data_dir):
    register(data_dir)
    edited = cli_main("member", "edit", "13800138000", "--name", "张君宝", "--json", data_dir=data_dir)
    assert json.loads(edited.stdout)["name"] == "张君宝"
    history = json.loads(cli_main("member", "history", "13800138000", "--json", data_dir=data_dir).stdout)
    assert [(h["field"], h["old"], h["new"]) for h in history] == [("name", "张三丰", "张君宝")]


@pytest.mark.cli
def test_a_damaged_store_exits_2_and_is_left_alone(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / STORE_FILE).write_bytes(b"garbage" * 1000)
    result = run_cli("member", "search", "张", data_dir=data_dir, lang=None, staff=None)
    assert result.returncode == 2 and "已损坏" in result.stderr
    assert_clean(result)
    assert (data_dir / STORE_FILE).read_bytes() == b"garbage" * 1000


def test_settings_are_checked(data_dir):
    ok = cli_main("settings", "set", "counter_no", "12", "--json", data_dir=data_dir)
    assert json.loads(ok.stdout)["counter_no"] == 12
    bad = cli_main("settings", "set", "counter_no", "twelve", data_dir=data_dir)
    assert bad.returncode == 2 and "1-9999" in bad.stderr
    made = register(data_dir, "--json")
    assert json.loads(made.stdout)["member_no"].startswith("M0012")


def test_a_broken_settings_file_is_named(data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.json").write_text("{not json", encoding="utf-8")
    result = cli_main("status", data_dir=data_dir, staff=None)
    assert result.returncode == 2 and "settings.json" in result.stderr


def test_demo_data_and_status(data_dir):
    made = cli_main("demo-data", "--members", "300", "--seed", "7", "--json", data_dir=data_dir)
    assert json.loads(made.stdout) == {"members": 300}
    status = json.loads(cli_main("status", "--json", data_dir=data_dir).stdout)
    assert status["has_members"] and status["demo_data"] and status["pending_ops"] == 0


@pytest.mark.cli
def test_data_dir_from_the_environment(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "COUNTER_DATA_DIR": str(tmp_path / "from-env")}
    result = subprocess.run(
        [sys.executable, "-m", "counter_app", "init", "--json"], capture_output=True, text=True, env=env
    )
    assert json.loads(result.stdout)["data_dir"] == str(tmp_path / "from-env")
    assert (tmp_path / "from-env" / STORE_FILE).exists()


@pytest.mark.cli
def test_the_window_on_a_damaged_store_says_so_without_a_traceback(data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    (data_dir / STORE_FILE).write_bytes(b"garbage" * 1000)
    result = run_cli("screenshot", "main", "--out", str(tmp_path / "x.png"), data_dir=data_dir, staff=None)
    assert result.returncode == 2 and "damaged" in result.stderr
    assert_clean(result)
    assert not (tmp_path / "x.png").exists()


@pytest.mark.cli
def test_no_screen_gets_a_sentence_not_a_qt_abort(data_dir):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "No screen to show the desk on" in result.stderr


def test_key_backup_and_restore_from_the_command_line(data_dir, tmp_path):
    register(data_dir)
    backup = tmp_path / "key.txt"
    exported = cli_main("key", "export", "--out", str(backup), "--json", data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert cli_main("key", "export", "--out", str(backup), data_dir=data_dir).returncode == 2  # never overwritten
    (data_dir / "desk.key").unlink()
    lost = cli_main("member", "show", "13800138000", data_dir=data_dir)
    assert lost.returncode == 2 and "counter-app key import" in lost.stderr
    assert_clean(lost)
    restored = cli_main("key", "import", str(backup), "--json", data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["fingerprint"] == json.loads(exported.stdout)["fingerprint"]
    assert (
        json.loads(cli_main("member", "show", "13800138000", "--json", data_dir=data_dir).stdout)["phone"]
        == "138****8000"
    )


def test_a_new_desk_starts_with_its_first_administrator(tmp_path):
    data_dir = tmp_path / "fresh"
    refused = cli_main(
        "staff",
        "add",
        "K001",
        "--name",
        "小李",
        "--role",
        "clerk",
        data_dir=data_dir,
        staff=None,
        env={"COUNTER_NEW_PIN": "357924"},
    )
    assert refused.returncode == 2 and "must be an administrator" in refused.stderr
    made = cli_main(
        "staff",
        "add",
        "a001",
        "--name",
        "王经理",
        "--role",
        "admin",
        "--json",
        data_dir=data_dir,
        staff=None,
        env={"COUNTER_NEW_PIN": "864209"},
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["staff_id"] == "A001"
    second = cli_main(
        "staff",
        "add",
        "K001",
        "--name",
        "小李",
        "--role",
        "clerk",
        data_dir=data_dir,
        staff=None,
        env={"COUNTER_NEW_PIN": "357924"},
    )
    assert second.returncode == 6 and "Sign in first" in second.stderr
    added = cli_main(
        "staff",
        "add",
        "K001",
        "--name",
        "小李",
        "--role",
        "clerk",
        data_dir=data_dir,
        staff="A001",
        pin="864209",
        env={"COUNTER_NEW_PIN": "357924"},
    )
    assert added.returncode == 0, added.stderr


@pytest.mark.cli
def test_commands_need_a_signed_in_staff_member_and_the_right_pin(data_dir):
    register(data_dir)
    anonymous = run_cli("member", "show", "13800138000", data_dir=data_dir, staff=None)
    assert anonymous.returncode == 6 and "--staff" in anonymous.stderr
    wrong = run_cli("member", "show", "13800138000", data_dir=data_dir, pin="999999")
    assert wrong.returncode == 6 and "wrong PIN" in wrong.stderr
    assert_clean(wrong)
    no_pin = run_cli("member", "show", "13800138000", data_dir=data_dir, env={"COUNTER_PIN": ""})
    assert no_pin.returncode == 6


def add_clerk_and_manager(data_dir) -> None:
    """K001, a clerk (PIN 357924), and M001, a manager (PIN 468035), added by the administrator on the command line."""
    for staff_id, name, role, pin in (("K001", "小李", "clerk", "357924"), ("M001", "张经理", "manager", "468035")):
        made = cli_main(
            "staff", "add", staff_id, "--name", name, "--role", role, data_dir=data_dir, env={"COUNTER_NEW_PIN": pin}
        )
        assert made.returncode == 0, made.stderr


@pytest.mark.cli
def test_a_clerks_erasure_is_held_for_approval_with_exit_3(data_dir):
    register(data_dir)
    add_clerk_and_manager(data_dir)
    held = run_cli(
        "member",
        "erase",
        "13800138000",
        "--reason",
        "会员申请",
        "--json",
        data_dir=data_dir,
        staff="K001",
        pin="357924",
    )
    assert held.returncode == 3, held.stderr
    approval_id = json.loads(held.stdout)["error"]["approval_id"]
    assert f"request {approval_id}" in held.stderr
    assert run_cli("member", "show", "13800138000", data_dir=data_dir).returncode == 0  # nothing applied
    listed = json.loads(run_cli("approvals", "list", "--json", data_dir=data_dir, staff="M001", pin="468035").stdout)
    assert [a["approval_id"] for a in listed] == [approval_id]
    approved = run_cli("approvals", "approve", str(approval_id), data_dir=data_dir, staff="M001", pin="468035")
    assert approved.returncode == 0, approved.stderr
    assert run_cli("member", "show", "13800138000", data_dir=data_dir).returncode == 4


def test_a_manager_authorises_a_clerk_on_the_command_line(data_dir):
    register(data_dir)
    add_clerk_and_manager(data_dir)
    refused = cli_main("member", "reveal", "13800138000", data_dir=data_dir, staff="K001", pin="357924")
    assert refused.returncode == 6 and "manager can authorise" in refused.stderr
    revealed = cli_main(
        "member",
        "reveal",
        "13800138000",
        "--manager",
        "M001",
        "--json",
        data_dir=data_dir,
        staff="K001",
        pin="357924",
        env={"COUNTER_MANAGER_PIN": "468035"},
    )
    assert revealed.returncode == 0, revealed.stderr
    assert json.loads(revealed.stdout)["phone"] == "13800138000"
    entries = json.loads(cli_main("audit", "list", "--json", "--limit", "5", data_dir=data_dir).stdout)
    reveal = next(e for e in entries if e["action"] == "member.reveal")
    assert (reveal["staff_id"], reveal["authorized_by"]) == ("K001", "M001")


def test_audit_verify_exits_5_and_names_the_edited_entry(data_dir):
    import sqlite3

    register(data_dir)
    ok = cli_main("audit", "verify", "--json", data_dir=data_dir)
    assert ok.returncode == 0 and json.loads(ok.stdout)["intact"]
    with sqlite3.connect(data_dir / STORE_FILE) as db:
        db.execute("DROP TRIGGER audit_log_no_update")
        db.execute("UPDATE audit_log SET outcome = 'refused' WHERE seq = 2")
    broken = cli_main("audit", "verify", data_dir=data_dir)
    assert broken.returncode == 5
    assert broken.stdout.strip() == "Audit entry 2 was edited after it was written."


def test_export_writes_a_new_private_file(data_dir, tmp_path):
    import stat

    register(data_dir)
    out = tmp_path / "member.json"
    assert cli_main("member", "export", "13800138000", "--out", str(out), data_dir=data_dir).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["phone"] == "13800138000"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert cli_main("member", "export", "13800138000", "--out", str(out), data_dir=data_dir).returncode == 2


def test_points_earn_cash_and_history_from_the_command_line(data_dir):
    register(data_dir)
    earned = cli_main(
        "points",
        "earn",
        "13800138000",
        "--amount",
        "1234.50",
        "--slip",
        "A-17",
        "--shop",
        "优衣库",
        "--at",
        "2026-11-20T14:05+08:00",
        "--json",
        data_dir=data_dir,
    )
    assert earned.returncode == 0, earned.stderr
    document = json.loads(earned.stdout)
    assert (document["points"], document["balance"], document["tier"]) == (1234, 1234, "regular")
    again = cli_main("points", "earn", "13800138000", "--amount", "10", "--slip", "a-17", data_dir=data_dir)
    assert again.returncode == 5 and document["op_id"] in again.stderr
    bad = cli_main("points", "earn", "13800138000", "--amount", "12.345", "--slip", "B-1", data_dir=data_dir)
    assert bad.returncode == 2 and "two decimals" in bad.stderr
    cashed = cli_main(
        "points",
        "cash",
        "13800138000",
        "--points",
        "800",
        "--json",
        "--code",
        phone_code(data_dir, "13800138000"),
        data_dir=data_dir,
    )
    assert json.loads(cashed.stdout)["yuan"] == "10.00" and json.loads(cashed.stdout)["balance"] == 434
    odd = cli_main("points", "cash", "13800138000", "--points", "100", data_dir=data_dir)
    assert odd.returncode == 2 and "80 or 160" in odd.stderr
    history = json.loads(cli_main("points", "history", "13800138000", "--json", data_dir=data_dir).stdout)
    assert [(h["kind"], h["points"]) for h in history] == [("cash", -800), ("earn", 1234)]
    shown = json.loads(cli_main("member", "show", "13800138000", "--json", data_dir=data_dir).stdout)
    assert shown["points"] == 434


def test_gifts_and_coupons_from_the_command_line(data_dir):
    register(data_dir)
    cli_main("points", "earn", "13800138000", "--amount", "5000", "--slip", "CL-1", data_dir=data_dir)
    assert (
        cli_main(
            "gift", "stock", "G-CUP", "--name", "保温杯", "--points", "3000", "--add", "1", data_dir=data_dir
        ).returncode
        == 0
    )
    assert [g["sku"] for g in json.loads(cli_main("gift", "list", "--json", data_dir=data_dir).stdout)] == ["G-CUP"]
    redeemed = json.loads(
        cli_main(
            "gift",
            "redeem",
            "13800138000",
            "--sku",
            "G-CUP",
            "--json",
            "--code",
            phone_code(data_dir, "13800138000"),
            data_dir=data_dir,
        ).stdout
    )
    assert (redeemed["balance"], redeemed["stock_left"]) == (2000, 0)
    assert (
        cli_main(
            "coupon",
            "define",
            "C10",
            "--title",
            "满100减10",
            "--value",
            "10",
            "--min-spend",
            "100",
            "--valid-days",
            "30",
            "--points",
            "800",
            data_dir=data_dir,
        ).returncode
        == 0
    )
    issued = json.loads(
        cli_main(
            "coupon",
            "redeem",
            "13800138000",
            "--type",
            "C10",
            "--json",
            "--code",
            phone_code(data_dir, "13800138000"),
            data_dir=data_dir,
        ).stdout
    )
    code = issued["coupon"]["code"]
    assert cli_main("coupon", "write-off", code, "--spend", "150", data_dir=data_dir).returncode == 0
    twice = cli_main("coupon", "write-off", code, data_dir=data_dir)
    assert twice.returncode == 5 and "used already" in twice.stderr
    assert json.loads(cli_main("coupon", "show", code, "--json", data_dir=data_dir).stdout)["status"] == "written_off"


@pytest.mark.cli
def test_help_lists_every_command_and_exits_0(data_dir):
    shown = run_cli("--help", data_dir=data_dir, staff=None)
    assert shown.returncode == 0 and shown.stderr == ""
    for name in ("member", "points", "coupon", "complaint", "approvals", "sync", "decode", "print", "report"):
        assert f"\n    {name} " in shown.stdout
    member = run_cli("member", "--help", data_dir=data_dir, staff=None)
    assert member.returncode == 0 and "register" in member.stdout and "erase" in member.stdout


@pytest.mark.cli
def test_version_names_the_app_and_its_libraries(data_dir):
    from counter_app import __version__

    alone = subprocess.run(
        [sys.executable, "-m", "counter_app", "--version"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert alone.returncode == 0 and alone.stdout.startswith("counter-app") and __version__ in alone.stdout
    with_options = run_cli("--version", data_dir=data_dir)
    assert with_options.returncode == 0 and with_options.stdout == alone.stdout


@pytest.mark.cli
def test_building_the_parser_imports_no_service():
    script = (
        "import sys; from counter_app import cli; cli.build_parser(); "
        "print([m for m in sys.modules if m.startswith(('counter_app.services', 'counter_app.db', 'sqlalchemy', 'sync'))])"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_report_names_are_the_services_reports():
    from counter_app.cli.reports import REPORT_NAMES
    from counter_app.services import reports

    assert tuple(reports.REPORTS) == REPORT_NAMES


@pytest.mark.cli
def test_ctrl_c_ends_sync_with_exit_130_and_no_traceback(data_dir):
    cli_main("init", data_dir=data_dir)
    syncing = subprocess.Popen(
        [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en", "--staff", ADMIN, "sync"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "COUNTER_PIN": ADMIN_PIN},
    )
    try:
        first = syncing.stderr.readline()  # the first round ran: not enrolled, it waits for the next
        assert "not enrolled" in first
        syncing.send_signal(signal.SIGINT)
        _, rest = syncing.communicate(timeout=60)
    finally:
        syncing.kill()
    assert syncing.returncode == 130
    assert "Traceback" not in rest and "KeyboardInterrupt" not in rest


@pytest.mark.cli
def test_a_pin_is_asked_for_only_on_a_terminal(data_dir):
    cli_main("init", data_dir=data_dir)
    command = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en", "--staff", ADMIN]
    env = {k: v for k, v in os.environ.items() if k != "COUNTER_PIN"}
    piped = subprocess.run(
        [*command, "status"], input=ADMIN_PIN + "\n", capture_output=True, text=True, env=env, timeout=60, cwd=ROOT
    )
    assert piped.returncode == 2
    assert piped.stderr.strip() == "No terminal to ask for the PIN on: put it in COUNTER_PIN."
    assert piped.stdout == ""


def _points_and_history(data_dir):
    shown = json.loads(cli_main("member", "show", "13800138000", "--json", data_dir=data_dir).stdout)
    history = json.loads(cli_main("points", "history", "13800138000", "--json", data_dir=data_dir).stdout)
    return shown["points"], [(line["kind"], line["points"]) for line in history]


@pytest.mark.parametrize(
    ("amount", "says"),
    [
        ("12,50", "comma only separates thousands"),  # once read as ¥1,250
        ("1,25.00", "comma only separates thousands"),
        ("1_000", "amount in yuan"),
        ("1e2", "amount in yuan"),
        ("1e309", "amount in yuan"),  # once exit 1
        ("9" * 5001, "too large for one slip"),  # once exit 1
        ("NaN", "amount in yuan"),
    ],
)
def test_points_earn_refuses_an_amount_not_written_as_on_a_slip(data_dir, amount, says):
    register(data_dir)
    refused = cli_main(
        "points", "earn", "13800138000", "--amount", amount, "--slip", "A-1", "--json", data_dir=data_dir
    )
    assert refused.returncode == 2
    assert_clean(refused)
    error = json.loads(refused.stdout)["error"]
    assert error["kind"] == "InvalidInput" and says in error["fields"]["amount"]
    assert _points_and_history(data_dir) == (0, [])
    in_chinese = cli_main(
        "points", "earn", "13800138000", "--amount", amount, "--slip", "A-1", data_dir=data_dir, lang="zh_CN"
    )
    assert in_chinese.returncode == 2 and "金额" in in_chinese.stderr
    assert (
        cli_main("points", "earn", "13800138000", "--amount", "1,250.00", "--slip", "A-1", data_dir=data_dir).returncode
        == 0
    )
    assert _points_and_history(data_dir) == (1250, [("earn", 1250)])


@pytest.mark.parametrize(
    ("points_", "says"),
    [
        ("8,00", "comma only separates thousands"),
        ("1e2", "whole number"),
        ("1_600", "whole number"),
        ("800.0", "whole number"),
        ("9" * 5001, "more points than any member holds"),  # once exit 1
        ("-800", "more than zero"),
    ],
)
def test_points_cash_refuses_points_that_are_not_a_whole_number_in_bounds(data_dir, points_, says):
    register(data_dir)
    assert (
        cli_main("points", "earn", "13800138000", "--amount", "2000", "--slip", "A-1", data_dir=data_dir).returncode
        == 0
    )
    refused = cli_main("points", "cash", "13800138000", f"--points={points_}", data_dir=data_dir)
    assert refused.returncode == 2 and says in refused.stderr
    assert_clean(refused)
    assert _points_and_history(data_dir) == (2000, [("earn", 2000)])
    grouped = cli_main(
        "points",
        "cash",
        "13800138000",
        "--points",
        "1,600",
        "--json",
        "--code",
        phone_code(data_dir, "13800138000"),
        data_dir=data_dir,
    )
    assert json.loads(grouped.stdout)["yuan"] == "20.00"


NOT_TEXT = [
    pytest.param("bad \udcff\udcfe bytes", id="invalid-utf8"),  # as Python hands over argv bytes that are not UTF-8
    pytest.param("nul\x00inside", id="nul"),
]


@pytest.mark.parametrize("text", NOT_TEXT)
def test_an_argument_that_is_not_text_exits_2_naming_the_option_and_changes_nothing(data_dir, text):
    register(data_dir)
    opened = cli_main(
        "complaint", "open", "13800138000", "--category", "other", "--text", text, "--json", data_dir=data_dir
    )
    assert opened.returncode == 2
    assert_clean(opened)
    error = json.loads(opened.stdout)["error"]
    assert error["kind"] == "InvalidInput" and error["message"].startswith("--text holds something that is not text")
    assert "--text" in opened.stderr
    assert json.loads(cli_main("complaint", "list", "--json", data_dir=data_dir).stdout) == []
    in_chinese = cli_main(
        "complaint", "open", "--walk-in", "--category", "other", "--text", text, data_dir=data_dir, lang="zh_CN"
    )
    assert in_chinese.returncode == 2 and "--text 含有非文本内容" in in_chinese.stderr
    earn = cli_main("points", "earn", "13800138000", "--amount", "100", "--slip", text, data_dir=data_dir)
    assert earn.returncode == 2 and "--slip" in earn.stderr
    cash = cli_main("points", "cash", text, "--points", "800", data_dir=data_dir)
    assert cash.returncode == 2 and "REF" in cash.stderr
    assert _points_and_history(data_dir) == (0, [])
    assert json.loads(cli_main("complaint", "list", "--json", data_dir=data_dir).stdout) == []


def test_a_data_folder_with_a_nul_is_refused_before_it_is_used(tmp_path):
    from counter_app import cli

    folder = f"{tmp_path}/desk\x00data"
    with contextlib.redirect_stderr(io.StringIO()) as stderr:
        code = cli.main(["--data-dir", folder, "--lang", "en", "status"])
    assert code == 2 and "--data-dir holds something that is not text" in stderr.getvalue()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.cli
def test_argv_bytes_that_are_not_utf8_get_a_sentence_and_exit_2(data_dir):
    register(data_dir)
    assert (
        cli_main("points", "earn", "13800138000", "--amount", "100", "--slip", "A-1", data_dir=data_dir).returncode == 0
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_PIN": ADMIN_PIN}
    base = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en", "--staff", ADMIN]
    for command in (
        ["complaint", "open", "13800138000", "--category", "other", "--text", b"\xe6\x8a\x95\xe8\xaf\x89 \xff\xfe"],
        ["points", "cash", b"1380013800\xff", "--points", "80"],
        ["points", "earn", "13800138000", "--amount", "100", "--slip", b"B-\xc3"],
    ):
        done = subprocess.run(base + command, capture_output=True, env=env, timeout=120, cwd=ROOT)
        stderr = done.stderr.decode("utf-8", "replace")
        assert done.returncode == 2, stderr
        assert "Traceback" not in stderr and "holds something that is not text" in stderr
    assert _points_and_history(data_dir) == (100, [("earn", 100)])
    assert json.loads(cli_main("complaint", "list", "--json", data_dir=data_dir).stdout) == []
