"""Every `counter-app` command fuzzed with hostile arguments: an exit code from CLI.md, never a traceback,
--json output that parses, and a refused command changes nothing stored."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.cli import build_parser
from counter_app.db.store import STORE_FILE
from tests.conftest import ADMIN, ADMIN_PIN, ROOT, cli_main, phone_code

# Per command (about 70 commands, 25 ms a call); COUNTER_FUZZ_EXAMPLES=500 for a deeper run by hand.
EXAMPLES = int(os.environ.get("COUNTER_FUZZ_EXAMPLES", "10"))
EXITS = {0, 2, 3, 4, 5, 6}  # CLI.md; 1 is a bug
MANAGER, MANAGER_PIN = "MGR1", "246802"
CLERK, CLERK_PIN = "CLK1", "357913"
# Options every command takes but that reach outside the store (a printer, another folder, the language):
# each is fuzzed where it is the command's own business, not on every command.
GLOBAL = {"help", "json", "data_dir", "lang", "staff", "manager", "print", "printer"}
# What the store holds that a refused command must leave alone. The audit log, staff (sign-in times and
# failed PINs) and store_meta (the audit head) record the attempt itself.
KEPT = (
    "members",
    "member_changes",
    "outbox",
    "approvals",
    "ledger",
    "points_lots",
    "lot_draws",
    "tier_changes",
    "gift_catalog",
    "coupon_types",
    "coupons",
    "review_items",
    "complaints",
    "complaint_events",
    "member_events",
    "event_signups",
)
# A held operation (exit 3) parks a request and its record; the money and the members stay as they were.
MONEY = ("members", "ledger", "points_lots", "lot_draws", "coupons", "gift_catalog")

HOSTILE_TEXT = [
    "1e309",
    "-1e309",
    "9" * 5001,
    "-" + "9" * 5001,
    "1" + "0" * 30,
    str(2**63),
    str(2**64),
    str(-(2**63) - 1),
    "-1",
    "0",
    "-0",
    "NaN",
    "inf",
    "0x10",
    "1_000",
    "１２３",  # full-width
    "٣",  # Arabic-Indic digit
    "",
    " ",
    "\x00",
    "a\x00b",
    "\udcff\udcfe",  # argv bytes that are not UTF-8, as Python hands them over
    "\ud800",
    "\u202eRTL\u202c",
    "\u200f13800138000",
    "\t\r\n\x1b[31m\x07",
    "'; DROP TABLE members; --",
    "' OR '1'='1",
    '"%_\\',
    "../../../etc/passwd",
    "/dev/zero",
    "C:\\Windows\\System32",
    "CON",
    "x" * 100_000,
    "张" * 5000,
    "9999-12-31T23:59:59+14:00",
    "0001-01-01",
    "2026-02-30",
    "2026-11-23T10:30:00",
    "points:99999999999999999999",
    "coupon:\x00",
    "review:" + "9" * 5001,
    "compensation:-1",
]


def _fsdecoded(raw: bytes) -> str:
    return os.fsdecode(raw.replace(b"\x00", b""))


HOSTILE = st.one_of(
    st.sampled_from(HOSTILE_TEXT),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=40),  # lone surrogates too
    st.binary(max_size=30).map(_fsdecoded),  # what os.fsencode'd argv bytes come back as
    st.integers().map(str),
    st.floats().map(repr),
    st.text(st.characters(min_codepoint=0, max_codepoint=0x1F), max_size=10),
)


def _leaves(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    subs = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
    if not subs:
        return [(path, parser)]
    found = []
    for name, sub in subs[0].choices.items():
        found += _leaves(sub, (*path, name))
    return found


PARSER = build_parser()
LEAVES = dict(_leaves(PARSER))
# `sync` alone keeps syncing until stopped; once is enough (the store is not enrolled).
LEAVES[("sync", "--once")] = next(
    action for action in PARSER._actions if isinstance(action, argparse._SubParsersAction)
).choices["sync"]
# Left out: it renders the GUI with Qt (test_gui's business).
NOT_FUZZED = {("screenshot",)}


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    """A desk with two members, points, a manager, a complaint, a gift, a coupon type, an event and a parked
    payout: each example starts from a copy, so that a command that succeeds leaves the next one alone."""
    folder = tmp_path_factory.mktemp("fuzz") / "desk"

    def ok(*args: str, expect: int = 0, **kw) -> dict:
        done = cli_main(*args, "--json", data_dir=folder, **kw)
        assert done.returncode == expect, (args, done.stdout, done.stderr)
        return json.loads(done.stdout) if done.stdout.strip() else {}

    ok("staff", "add", MANAGER, "--name", "王经理", "--role", "manager", env={"COUNTER_NEW_PIN": MANAGER_PIN})
    ok("staff", "add", CLERK, "--name", "刘店员", "--role", "clerk", env={"COUNTER_NEW_PIN": CLERK_PIN})
    first = ok(
        "member", "register", "--phone", "13800138000", "--name", "张三丰", "--birthday", "1990-11-02", "--consent"
    )
    ok("member", "register", "--phone", "13900139000", "--name", "李四", "--consent")
    earned = ok("points", "earn", "13800138000", "--amount", "60000", "--slip", "S-1")
    ok("gift", "stock", "G1", "--name", "保温杯", "--points", "800", "--add", "5")
    ok(
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
        "400",
    )
    ok("coupon", "redeem", "13800138000", "--type", "C10", "--code", phone_code(folder, "13800138000"))
    ok(
        "event",
        "create",
        "E1",
        "--title",
        "亲子活动",
        "--from",
        "2026-01-01T09:00:00+08:00",
        "--to",
        "2030-01-01T18:00:00+08:00",
        "--points",
        "10",
    )
    ticket = ok("complaint", "open", "13800138000", "--category", "other", "--text", "空调太冷")
    ok(
        "points",
        "cash",
        "13800138000",
        "--points",
        "48000",
        "--code",
        phone_code(folder, "13800138000"),
        expect=3,
        staff=CLERK,
        pin=CLERK_PIN,
    )
    parked = ok("approvals", "list")
    coupons = ok("coupon", "list", "13800138000")
    known = {
        "ref": ["13800138000", "13900139000", first.get("member_no", "")],
        "to": ["13900139000"],
        "referrer": ["13800138000"],
        "ticket": [str(ticket.get("ticket") or ticket.get("id") or ticket.get("complaint_id") or "1")],
        "approval_id": [str(item["ref"]) for item in parked] + ["review:1", "compensation:1"],
        "request_id": ["1"],
        "sku": ["G1"],
        "code": ["E1", *(c.get("code", "") for c in coupons if isinstance(c, dict))],
        "type": ["C10"],
        "type_code": ["C11"],
        "op_id": [earned.get("op_id", "")],
        "reference": [earned.get("op_id", "")],
        "staff_id": [MANAGER, "NEW1"],
        "phone": ["13700137000"],
        "name": ["赵六"],
        "amount": ["100.00"],
        "points": ["800"],
        "slip": ["S-2"],
        "event": ["E1"],
        "category": ["other", "attitude"],
        "text": ["太吵了"],
        "reason": ["顾客要求"],
        "birthday": ["1991-12-01"],
        "gender": ["F"],
        "id_number": ["11010519491231002X"],
    }
    (folder.parent / "files").mkdir()
    (folder.parent / "files" / "junk").write_bytes(os.urandom(256))
    (folder.parent / "files" / "empty").write_bytes(b"")
    return folder, {key: [v for v in values if v] for key, values in known.items()}


def _snapshot(folder: Path, tables: tuple[str, ...]) -> dict[str, str]:
    with closing(sqlite3.connect(f"file:{folder / STORE_FILE}?mode=ro", uri=True)) as connection:
        return {
            table: hashlib.sha256(
                repr(sorted(map(repr, connection.execute(f"SELECT * FROM {table}").fetchall()))).encode()
            ).hexdigest()
            for table in tables
        }


def _value(action: argparse.Action, known: dict[str, list[str]], files: Path) -> st.SearchStrategy[str]:
    dest = action.dest
    if action.type is Path or action.type is not None and getattr(action.type, "__name__", "") == "Path":
        # Files only inside the test's folder (a hostile name, never another path on this machine).
        return st.one_of(st.sampled_from(["junk", "empty", "missing", "out.csv", "out.xlsx", "out.png"]), HOSTILE).map(
            lambda name: str(files / ("f-" + name.replace("/", "_").replace("\\", "_")))
        )
    if dest == "server":
        return HOSTILE.map(lambda rest: "http://127.0.0.1:9/" + rest) | HOSTILE.filter(lambda text: "://" not in text)
    if dest == "members":  # demo data: a bound the command checks, but not thousands of members each example
        return st.one_of(st.sampled_from(["3"]), HOSTILE).filter(lambda text: not _between(text, 20, 5_000_000))
    choices = [str(choice) for choice in action.choices] if action.choices else []
    good = choices or known.get(dest, [])
    return st.one_of(st.sampled_from(good), HOSTILE) if good else HOSTILE


def _between(text: str, low: int, high: int) -> bool:
    digits = "".join(ch for ch in text.strip() if ch.isdigit())
    return bool(digits) and len(digits) < 9 and low <= int(digits) <= high


@st.composite
def command_lines(draw, path: tuple[str, ...], known: dict[str, list[str]], files: Path) -> list[str]:
    parser = LEAVES[path]
    line = [part for part in path]
    for action in parser._actions:
        if action.dest in GLOBAL | {"once"} or isinstance(action, argparse._SubParsersAction):
            continue
        if not action.option_strings:  # a positional
            if action.nargs in ("?", "*") and draw(st.booleans()):
                continue
            line.append(draw(_value(action, known, files)))
            if action.nargs == "+" and draw(st.booleans()):
                line.append(draw(_value(action, known, files)))
            continue
        option = max(action.option_strings, key=len)
        if action.nargs == 0:
            if draw(st.booleans()):
                line.append(option)
        elif action.required or draw(st.booleans()):
            line.append(f"{option}={draw(_value(action, known, files))}")
    if path[0] == "print" and draw(st.booleans()):
        # Printers this machine cannot reach harm: a closed local port, no USB device, a file in the test's folder.
        rest = draw(HOSTILE)
        uri = draw(
            st.sampled_from(
                [
                    "tcp://127.0.0.1:9" + rest,
                    "tcp://127.0.0.1:" + rest,
                    "usb://" + rest,
                    "file://" + str(files / ("p-" + rest.replace("/", "_"))),
                    rest.replace("://", ""),
                    "gopher://" + rest,
                ]
            )
        )
        line.append(f"--printer={uri}")
    if draw(st.integers(0, 4)) == 0:
        line.append(f"--manager={draw(st.sampled_from([MANAGER]) | HOSTILE)}")
    if draw(st.booleans()):
        line.append("--json")
    return line


PATHS = sorted(path for path in LEAVES if path not in NOT_FUZZED)


@pytest.mark.slow
@pytest.mark.parametrize("path", PATHS, ids=[" ".join(path) for path in PATHS])
def test_a_hostile_command_line_gets_an_exit_code_and_a_sentence_never_a_crash(path, prepared, tmp_path):
    base, known = prepared
    files = base.parent / "files"
    pins = st.sampled_from([MANAGER_PIN, "000000"]) | HOSTILE.filter(_environ_safe)

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        line=command_lines(path, known, files),
        staff=st.sampled_from([(ADMIN, ADMIN_PIN), (CLERK, CLERK_PIN)]),
        lang=st.sampled_from(["en", "zh_CN"]),
        new_pin=pins,
        manager_pin=pins,
    )
    def refused_or_done(line: list[str], staff: tuple[str, str], lang: str, new_pin: str, manager_pin: str) -> None:
        folder = tmp_path / "desk"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(base, folder)
        before = _snapshot(folder, KEPT)
        done = cli_main(
            *line,
            data_dir=folder,
            staff=staff[0],
            pin=staff[1],
            lang=lang,
            env={"COUNTER_NEW_PIN": new_pin, "COUNTER_MANAGER_PIN": manager_pin},
        )
        shown = (
            f"{staff[0]}: {line!r}\nexit {done.returncode}\nstdout: {done.stdout[:2000]}\nstderr: {done.stderr[:2000]}"
        )
        if done.returncode == 1:
            logs = sorted((folder / "logs").glob("*.log")) if (folder / "logs").exists() else []
            shown += "\nlog: " + "".join(log.read_text(errors="replace")[-4000:] for log in logs)
        assert done.returncode in EXITS, shown
        assert "Traceback" not in done.stderr and "Traceback" not in done.stdout, shown
        if "--json" in line and done.stdout.strip():
            json.loads(done.stdout)
            done.stdout.encode("utf-8")  # what a real process can write out
        elif "--json" in line and done.returncode == 0:
            pytest.fail(f"--json printed nothing\n{shown}")
        if done.returncode == 3:
            assert _snapshot(folder, MONEY) == {k: v for k, v in before.items() if k in MONEY}, shown
        elif done.returncode != 0:
            assert _snapshot(folder, KEPT) == before, shown

    refused_or_done()


def _environ_safe(text: str) -> bool:
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return False
    return "\x00" not in text and len(text) < 10_000


def test_every_command_is_fuzzed():
    assert len(PATHS) >= 60
    assert {("points", "earn"), ("complaint", "open"), ("approvals", "approve"), ("enroll",)} <= set(PATHS)
    assert ADMIN_PIN


# What the fuzz found, each kept as a test of its own.


@pytest.mark.parametrize("variable", ["COUNTER_PIN", "COUNTER_MANAGER_PIN", "COUNTER_NEW_PIN"])
def test_a_pin_in_the_environment_that_is_not_utf8_exits_2_naming_the_variable(data_dir, variable):
    """Found by the fuzz: a manager PIN of bytes that are not UTF-8 crashed the password check (exit 1)."""
    register = ("member", "register", "--phone", "13800138000", "--name", "张三丰", "--consent")
    assert cli_main(*register, data_dir=data_dir).returncode == 0
    not_utf8 = os.fsdecode(b"13\xff\xfe90")  # as Python hands over environment bytes that are not UTF-8
    command = {
        "COUNTER_PIN": ("member", "show", "13800138000", "--json"),
        "COUNTER_MANAGER_PIN": ("points", "cash", "13800138000", "--points", "800", f"--manager={MANAGER}", "--json"),
        "COUNTER_NEW_PIN": ("staff", "add", "NEW1", "--name", "新员工", "--role", "clerk", "--json"),
    }[variable]
    env = {variable: not_utf8}
    pin = not_utf8 if variable == "COUNTER_PIN" else ADMIN_PIN
    before = _snapshot(data_dir, KEPT)
    refused = cli_main(*command, data_dir=data_dir, env=env, pin=pin)
    assert refused.returncode == 2, refused.stderr
    error = json.loads(refused.stdout)["error"]
    assert error["kind"] == "InvalidInput"
    assert error["message"] == f"{variable} holds something that is not text (bytes that are not UTF-8); set it again."
    assert "Traceback" not in refused.stderr
    in_chinese = cli_main(*command[:-1], data_dir=data_dir, env=env, pin=pin, lang="zh_CN")
    assert in_chinese.returncode == 2 and f"{variable} 含有非文本内容" in in_chinese.stderr
    assert _snapshot(data_dir, KEPT) == before
    staff = json.loads(cli_main("staff", "list", "--json", data_dir=data_dir).stdout)
    assert "NEW1" not in {account["staff_id"] for account in staff}


def test_a_key_backup_to_a_file_name_that_is_not_utf8_is_written_and_audited_escaped(data_dir, tmp_path):
    """Found by the fuzz: the key was written, then its audit entry crashed on the file name (exit 1)."""
    target = Path(os.fsdecode(str(tmp_path).encode() + b"/key-\xd7backup"))
    done = cli_main("key", "export", f"--out={target}", "--json", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["file"] == str(target)
    done.stdout.encode("utf-8")  # \udcd7 as a JSON escape: a real process can write it
    assert os.path.exists(os.fsencode(target))
    audit = json.loads(cli_main("audit", "list", "--json", data_dir=data_dir).stdout)
    exported = next(entry for entry in audit if entry["action"] == "key.export")
    assert exported["details"].endswith("/key-\\xd7backup")
    assert cli_main("audit", "verify", data_dir=data_dir).returncode == 0


@pytest.mark.cli
def test_a_file_name_that_is_not_utf8_is_echoed_escaped_by_a_real_process(data_dir, tmp_path):
    """A person's output naming such a file: escapes on stdout, not a crash at the last step."""
    cli_main("status", data_dir=data_dir)
    # A strict stdout, as under a locale that is not POSIX's (POSIX's surrogateescape writes the bytes back).
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_PIN": ADMIN_PIN, "PYTHONIOENCODING": "utf-8:strict"}
    target = str(tmp_path).encode() + b"/key-\xd7backup"
    base = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en", "--staff", ADMIN]
    done = subprocess.run(
        [*base, "key", "export", b"--out=" + target], capture_output=True, env=env, timeout=120, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    assert b"key-\\udcd7backup" in done.stdout and b"Traceback" not in done.stderr
    assert os.path.exists(target)


def test_print_status_of_a_printer_that_is_not_ready_exits_5_not_1(data_dir, tmp_path):
    """Found by the fuzz: a printer not ready (here none set) exited 1, the code CLI.md keeps for bugs."""
    done = cli_main("print", "status", f"--printer=file://{tmp_path}/no/such/folder/printer", data_dir=data_dir)
    assert done.returncode == 5, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
