"""Project-wide checks: the import direction, generated forms in step with ui/, complete catalogs, screenshots."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from counter_app.domain.errors import NotFound
from tests.conftest import ROOT, cli_main, run_cli

sys.path.insert(0, str(ROOT / "resources"))
import build


def test_import_direction_of_the_design_holds():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint) if lint.exists() else "lint-imports"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    assert f"{len(contracts)} kept, 0 broken" in result.stdout  # every contract was read and checked


def test_no_module_outside_the_gui_names_qt():
    offenders = []
    for path in (ROOT / "counter_app").rglob("*.py"):
        if "gui" in path.relative_to(ROOT / "counter_app").parts:
            continue
        if re.search(r"^\s*(from|import)\s+(PySide6|shiboken6)", path.read_text(encoding="utf-8"), re.MULTILINE):
            offenders.append(str(path))
    assert offenders == []


def test_every_service_module_has_its_place_in_the_layers():
    """import-linter checks only the modules a layers contract names: a new service left out would be free to
    import any other, cycles included."""
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    placed = {
        f"{container}.{name.strip()}"
        for contract in contracts
        if contract["type"] == "layers"
        for container in contract["containers"]
        for layer in contract["layers"]
        for name in layer.split("|")
    }
    services = ROOT / "counter_app" / "services"
    modules = {
        "counter_app.services." + ".".join(path.relative_to(services).with_suffix("").parts)
        for path in services.rglob("*.py")
        if path.name != "__init__.py"
    }
    packages = {"counter_app.services." + path.parent.name for path in services.glob("*/__init__.py")}
    assert modules - placed == set()
    assert packages <= placed  # the sync package as one layer among the services, its modules in their own


def sql_written_in(path: Path) -> list[str]:
    """Where a module writes SQL itself: raw statements, text(), or Core statements built in place."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            built = {alias.name for alias in node.names} & {"text", "select", "insert", "update", "delete"}
            found += [f"{path.name}:{node.lineno} imports {name}" for name in sorted(built)]
        elif isinstance(node, ast.Attribute) and node.attr in ("exec_driver_sql", "execute"):
            found.append(f"{path.name}:{node.lineno} calls {node.attr}")
    return found


def test_sql_lives_in_the_store_package():
    """Services call counter_app/db's repository functions; they neither run nor build statements."""
    offenders = [
        line for path in sorted((ROOT / "counter_app" / "services").rglob("*.py")) for line in sql_written_in(path)
    ]
    assert offenders == []
    # The check itself finds what it looks for.
    assert sql_written_in(ROOT / "counter_app" / "db" / "outbox.py")


def test_every_module_says_what_it_is_for():
    missing = []
    for path in list((ROOT / "counter_app").rglob("*.py")) + list((ROOT / "bench").glob("*.py")):
        if "forms" in path.parts and path.name != "__init__.py":
            continue
        text = path.read_text(encoding="utf-8").lstrip()
        if not (text.startswith('"""') or text.startswith("#!")):
            missing.append(str(path.relative_to(ROOT)))
    assert missing == []


def test_generated_forms_match_their_designer_sources(tmp_path):
    for ui_file in sorted(build.UI_DIR.glob("*.ui")):
        fresh = tmp_path / f"ui_{ui_file.stem}.py"
        build.compile_form(ui_file, fresh)
        committed = build.form_module(ui_file)
        assert committed.exists(), f"run python resources/build.py: {committed.name} is missing"
        assert fresh.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
            f"{committed.name} is stale: run python resources/build.py"
        )


def _messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_catalogs_hold_every_string_of_the_code_and_all_are_translated(tmp_path):
    # Extract afresh into a scratch catalog: a string added to the code but not to the catalogs fails here.
    scratch = tmp_path / "scratch.ts"
    sources = [str(p) for p in (ROOT / "counter_app").rglob("*.py") if "forms" not in p.parts] + [
        str(p) for p in build.UI_DIR.glob("*.ui")
    ]
    subprocess.run(
        [build.tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(scratch)],
        check=True,
        capture_output=True,
    )
    in_code = set(_messages(scratch))
    for language in build.LANGUAGES:
        catalog = _messages(build.TS_DIR / f"counter_app_{language}.ts")
        assert in_code <= set(catalog), (
            f"run python resources/build.py --update-ts: {sorted(in_code - set(catalog))[:5]}"
        )
        untranslated = [
            key
            for key in in_code
            if catalog[key].get("type") in ("unfinished", "vanished", "obsolete") or not catalog[key].text
        ]
        assert untranslated == [], f"{language}: untranslated {untranslated[:5]}"


def test_chinese_translations_keep_their_placeholders():
    for (context, source), translation in _messages(build.TS_DIR / "counter_app_zh_CN.ts").items():
        assert sorted(re.findall(r"\{\w+\}|%\d", source)) == sorted(
            re.findall(r"\{\w+\}|%\d", translation.text or "")
        ), (context, source)


@pytest.mark.cli  # the GUI behind the real entry point: a child process, as the docs build runs it
@pytest.mark.parametrize("page", ["main", "card", "register"])
@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_screenshot_command_renders_each_page(tmp_path, data_dir, page, lang):
    assert cli_main("demo-data", "--members", "200", "--seed", "3", data_dir=data_dir).returncode == 0
    out = tmp_path / f"{page}-{lang}.png"
    result = run_cli("screenshot", page, "--out", str(out), data_dir=data_dir, lang=lang)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 500 and image.height() >= 400


@pytest.mark.cli
def test_screenshot_to_an_unwritable_place_says_so(tmp_path, data_dir):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run_cli("screenshot", "main", "--out", str(blocker / "x.png"), data_dir=data_dir)
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.cli
@pytest.mark.parametrize("page", ["earn", "history", "scan", "receipt", "printqueue"])
def test_a_members_page_on_a_desk_without_members_says_what_to_do(tmp_path, data_dir, page):
    out = tmp_path / f"{page}.png"
    result = run_cli("screenshot", page, "--out", str(out), data_dir=data_dir)
    assert result.returncode == NotFound.exit_code, result.stderr
    assert "the desk has none yet: register one, or run demo-data first" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_build_tools_are_on_hand():
    assert shutil.which(build.tool("pyside6-uic"))


def test_the_benchmarks_at_least_compile():
    import py_compile

    for script in (ROOT / "bench").glob("*.py"):
        py_compile.compile(str(script), doraise=True)


def test_the_qt_binding_keeps_its_references_to_none_and_booleans(qapp):
    """PySide6 6.12.0 on Python 3.11 loses a reference to None on every void call and to a bool on every
    signal; a desk open all day then aborts. The dependency range excludes it; this catches any other."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Flag(QObject):
        changed = Signal(bool)

    label, flag = QLabel(), Flag()
    seen = []
    flag.changed.connect(seen.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("会员")
        flag.changed.emit(True)
    seen.clear()
    assert sys.getrefcount(None) - none_before > -100
    assert sys.getrefcount(True) - true_before > -100
