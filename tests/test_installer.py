"""The installer's files, checked without building: what the bundle carries, the desktop entry, the icons, the Windows script."""

from __future__ import annotations

import ast
import configparser
import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from counter_app import __version__, i18n
from tests.conftest import ROOT

INSTALLER = ROOT / "installer"


def _load(path: Path, name: str):
    # By file, under a name of its own: resources/build.py is imported as `build` by test_project.py.
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bundle_files = _load(INSTALLER / "bundle_files.py", "bundle_files")  # what installer/counter-app.spec ships
build = _load(INSTALLER / "build.py", "installer_build")

RESOURCE_SUFFIXES = (".qss", ".toml", ".svg", ".png", ".ico", ".qm", ".ts", ".json")


def _shipped_resources() -> set[str]:
    """Paths under resources/ that the spec puts into the bundle's resources/ folder."""
    shipped = set()
    for source, dest in bundle_files.resource_datas():
        assert Path(dest).parts[0] == "resources", dest
        shipped.add(Path(source).relative_to(ROOT / "resources").as_posix())
    return shipped


def _resource_names_in_the_code() -> set[str]:
    """Every string in the desk's code that names a file under resources/ (by its path or its file name)."""
    files = {
        path.relative_to(ROOT / "resources").as_posix() for path in (ROOT / "resources").rglob("*") if path.is_file()
    }
    named = set()
    for module in (ROOT / "counter_app").rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and node.value.endswith(RESOURCE_SUFFIXES)
            ):
                named.update(path for path in files if path == node.value or path.endswith("/" + node.value))
    for sheet in (ROOT / "resources").glob("*.qss"):
        named.update(re.findall(r"@RESOURCES@/([\w./-]+)", sheet.read_text(encoding="utf-8")))
    return named


def test_the_bundle_ships_every_resource_the_desk_reads():
    named = _resource_names_in_the_code()
    assert {
        "style.qss",
        "rules.toml",
        "icons/chevron-down.svg",
        "icons/counter-app.svg",
    } <= named  # the scan finds them
    catalogs = {
        f"translations/counter_app_{language}.{kind}" for language in bundle_files.LANGUAGES for kind in ("ts", "qm")
    }
    assert named | catalogs <= _shipped_resources()
    assert bundle_files.LANGUAGES == i18n.LANGUAGES


def test_the_bundle_leaves_out_build_steps_and_screenshots():
    shipped = _shipped_resources()
    assert "build.py" not in shipped
    assert not [path for path in shipped if path.startswith("screenshots/")]


def test_a_bundle_is_not_built_without_its_compiled_catalogs(tmp_path, monkeypatch):
    (tmp_path / "translations").mkdir()
    for language in bundle_files.LANGUAGES:
        (tmp_path / "translations" / f"counter_app_{language}.ts").write_text("<TS/>", encoding="utf-8")
    monkeypatch.setattr(bundle_files, "RESOURCES", str(tmp_path))
    assert sorted(Path(path).name for path in bundle_files.missing_catalogs()) == sorted(
        f"counter_app_{language}.qm" for language in bundle_files.LANGUAGES
    )


def test_the_migrations_go_along_as_files_where_the_store_looks_for_them():
    from counter_app.db import store

    datas = bundle_files.migration_datas()
    # In the bundle the store module sits at _MEIPASS/counter_app/db/, so its MIGRATIONS is this folder there.
    expected_home = Path(store.MIGRATIONS).relative_to(ROOT)
    shipped = {(Path(source).relative_to(store.MIGRATIONS).as_posix(), Path(dest)) for source, dest in datas}
    scripts = sorted(path.relative_to(store.MIGRATIONS).as_posix() for path in Path(store.MIGRATIONS).rglob("*.py"))
    assert "env.py" in scripts and len(scripts) > 10
    for script in scripts:
        assert (script, (expected_home / script).parent) in shipped
    assert not [source for source, _ in datas if "__pycache__" in source]


def test_what_the_migrations_import_is_bundled_by_name():
    imports = bundle_files.migration_imports()
    # PyInstaller never reads the migration scripts (they are data), so these must be named.
    assert {
        "alembic",
        "sqlalchemy",
        "counter_app.db.models",
        "counter_app.db.sealing",
        "counter_app.domain.search",
    } <= set(imports)
    assert "__future__" not in imports


@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6QmlModels.so.6", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        (os.path.join("PySide6", "Qt", "plugins", "platforminputcontexts", "qtvirtualkeyboardplugin.dll"), True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("PySide6/Qt/translations/qtbase_en.qm", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", False),
        ("PySide6/Qt/lib/libQt6Svg.so.6", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),  # Chinese input
        (os.path.join("PySide6", "Qt6Charts.dll"), False),
        ("resources/translations/counter_app_de.qm", False),  # only Qt's own catalogs are thinned
    ],
)
def test_only_unused_qt_parts_are_left_out(dest, dropped):
    assert bundle_files.left_out(dest) is dropped


def test_the_version_comes_from_the_app():
    with open(ROOT / "pyproject.toml", "rb") as pyproject:
        project = tomllib.load(pyproject)["project"]
    assert bundle_files.app_version() == __version__ == project["version"]
    assert any(line.startswith("pyinstaller") for line in project["optional-dependencies"]["bundle"])


def _iss() -> str:
    return (INSTALLER / "windows" / "counter-app.iss").read_text(encoding="utf-8-sig")


def _iss_section(name: str) -> list[str]:
    lines, inside = [], False
    for line in _iss().splitlines():
        if line.startswith("["):
            inside = line.strip() == f"[{name}]"
        elif inside and line.strip() and not line.startswith((";", "#")):
            lines.append(line.strip())
    return lines


def test_the_windows_setup_takes_its_version_from_the_build_script():
    setup = dict(line.split("=", 1) for line in _iss_section("Setup"))
    assert setup["AppVersion"] == "{#AppVersion}"
    assert re.search(r"#ifndef AppVersion\s+#error", _iss())
    assert not re.search(r"\d+\.\d+\.\d+", "\n".join(_iss_section("Setup")))  # no version written into the script
    command = build.iscc_command("ISCC.exe", __version__)
    assert f"/DAppVersion={__version__}" in command and command[-1] == str(build.ISS)
    assert f"/DBundleDir={build.BUNDLE}" in command


def test_the_windows_setup_installs_the_bundle_and_keeps_the_members_data():
    setup = dict(line.split("=", 1) for line in _iss_section("Setup"))
    assert setup["DefaultDirName"] == r"{autopf}\MemberDesk\counter-app"
    assert (
        INSTALLER / "windows" / setup["SetupIconFile"].replace("\\", "/")
    ).resolve() == ROOT / "resources" / "icons" / "counter-app.ico"
    assert any(
        line.startswith('Source: "{#BundleDir}\\*"') and "recursesubdirs" in line for line in _iss_section("Files")
    )
    assert any("{autoprograms}" in line and "counter-app.exe" in line for line in _iss_section("Icons"))
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in _iss_section("Icons"))
    # platformdirs keeps the store in %LOCALAPPDATA%\MemberDesk\counter-app: nothing there may go with the program.
    removed = " ".join(_iss_section("UninstallDelete") + _iss_section("InstallDelete")).lower()
    assert removed and not re.search(r"\{(localappdata|userappdata|commonappdata|userdocs|%)", removed)


def test_the_desktop_entry_opens_the_desk_with_its_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(INSTALLER / "linux" / "counter-app.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Name"] == "会员服务台" and desktop["Name[en]"] == "Member Service Desk"
    assert desktop["Exec"] == "/opt/counter-app/counter-app"
    assert "Office" in desktop["Categories"].split(";")
    assert desktop["Icon"] == "counter-app"
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").is_file()


def test_the_icons_are_drawn_at_the_sizes_desktops_ask_for():
    from PIL import Image

    with Image.open(ROOT / "resources" / "icons" / "counter-app.png") as png:
        assert png.size == (256, 256) and png.mode == "RGBA"
    with Image.open(ROOT / "resources" / "icons" / "counter-app.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


def test_install_sh_installs_for_a_user_and_uninstalls_again(tmp_path):
    bundle = tmp_path / "dist" / "counter-app"
    icons = bundle / "_internal" / "resources" / "icons"
    icons.mkdir(parents=True)
    for name in ("counter-app.png", "counter-app.svg"):
        (icons / name).write_bytes((ROOT / "resources" / "icons" / name).read_bytes())
    program = bundle / "counter-app"
    program.write_text("#!/bin/sh\necho desk\n")
    program.chmod(0o755)
    home = tmp_path / "home"
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    script = str(INSTALLER / "linux" / "install.sh")
    result = subprocess.run(["bash", script, "--user", str(bundle)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    installed = home / ".local" / "opt" / "counter-app" / "counter-app"
    assert (
        subprocess.run([str(home / ".local" / "bin" / "counter-app")], capture_output=True, text=True).stdout
        == "desk\n"
    )
    entry = (home / ".local" / "share" / "applications" / "counter-app.desktop").read_text(encoding="utf-8")
    assert f"Exec={installed}\n" in entry and "Name=会员服务台" in entry
    assert (home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "counter-app.png").is_file()
    data = home / ".local" / "share" / "counter-app"
    data.mkdir()
    (data / "desk.sqlite3").write_text("members")
    result = subprocess.run(["bash", script, "--user", "--uninstall"], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert not installed.exists() and not (home / ".local" / "bin" / "counter-app").exists()
    assert (data / "desk.sqlite3").read_text() == "members"


def test_install_sh_refuses_a_folder_without_a_bundle(tmp_path):
    result = subprocess.run(
        ["bash", str(INSTALLER / "linux" / "install.sh"), "--user", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PATH": os.environ["PATH"], "HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 2 and "no bundle" in result.stderr
    assert not (tmp_path / "home" / ".local" / "opt").exists()


def _runtime_hook():
    return _load(
        INSTALLER / "hooks" / "pyi_rth_bundled_libraries.py", "pyi_rth_bundled_libraries"
    )  # outside a bundle it only defines its function


def test_the_runtime_hook_finds_a_bundled_libzbar(tmp_path):
    hook = _runtime_hook()
    assert hook.bundled_library("zbar", str(tmp_path)) is None
    (tmp_path / "libzbar-64.dll").write_bytes(b"")
    (tmp_path / "libzbarlike.so.1").write_bytes(b"")
    assert hook.bundled_library("zbar", str(tmp_path)) is None
    (tmp_path / "libzbar.so.0").write_bytes(b"")
    assert hook.bundled_library("zbar", str(tmp_path)) == str(tmp_path / "libzbar.so.0")
    assert hook.bundled_library("zbar", str(tmp_path / "missing")) is None


def test_the_smoke_run_tells_a_real_screenshot_from_a_broken_one(tmp_path):
    from PIL import Image, ImageDraw

    good = Image.new("RGB", (1024, 700), "white")
    ImageDraw.Draw(good).rectangle((10, 10, 200, 80), fill="navy")
    good.save(tmp_path / "good.png")
    Image.new("RGB", (1024, 700), "black").save(tmp_path / "flat.png")
    Image.new("RGB", (300, 200), "white").save(tmp_path / "small.png")
    (tmp_path / "text.png").write_text("not a picture")
    assert build.png_problem(tmp_path / "good.png") is None
    assert "flat colour" in build.png_problem(tmp_path / "flat.png")
    assert "smaller" in build.png_problem(tmp_path / "small.png")
    assert "not a PNG" in build.png_problem(tmp_path / "text.png")
    assert "not written" in build.png_problem(tmp_path / "missing.png")


def test_the_build_script_explains_itself():
    result = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "--smoke" in result.stdout and "--installer" in result.stdout


def test_the_installer_scripts_parse():
    for script in ("linux/install.sh", "debian.sh"):
        result = subprocess.run(["bash", "-n", str(INSTALLER / script)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
    for script in (
        "build.py",
        "bundle_files.py",
        "bundle_check.py",
        "launch.py",
        "make_icons.py",
        "hooks/pyi_rth_bundled_libraries.py",
    ):
        text = (INSTALLER / script).read_text(encoding="utf-8")
        ast.parse(text)
        assert text.startswith('"""'), f"{script} does not say what it is for"
    compile((INSTALLER / "counter-app.spec").read_text(encoding="utf-8"), "counter-app.spec", "exec")


def _checkout_for_the_installer(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of what installer/debian.sh reads, with a .venv whose pip only writes down that it was asked.

    The developer's own .venv is never touched: the copy's .venv/bin/python hands everything but pip to
    the interpreter running these tests, and its counter-app starts the real desk from this checkout."""
    checkout = tmp_path / "checkout"
    for name in ("installer/debian.sh", "pyproject.toml", "resources/build.py"):
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        (checkout / name).write_bytes((ROOT / name).read_bytes())
    (checkout / "ui").mkdir()
    for ui_file in (ROOT / "ui").glob("*.ui"):
        (checkout / "ui" / ui_file.name).write_bytes(ui_file.read_bytes())
    (checkout / "resources" / "translations").mkdir()
    for catalog in (ROOT / "resources" / "translations").glob("*.ts"):
        (checkout / "resources" / "translations" / catalog.name).write_bytes(catalog.read_bytes())
    (checkout / "counter_app" / "gui" / "forms").mkdir(parents=True)  # nothing built yet
    pip_log = tmp_path / "pip.log"
    venv_bin = checkout / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "python").write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -m ] && [ "$2" = pip ]; then\n'
        f'  echo "$*" >>"{pip_log}"\n'
        '  [ -z "$OFFLINE" ] || { echo "ERROR: No matching distribution found (offline)" >&2; exit 1; }\n'
        "  exit 0\n"
        "fi\n"
        f'exec "{sys.executable}" "$@"\n'
    )
    (venv_bin / "counter-app").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m counter_app "$@"\n')
    # The machine's packages count as installed: the test neither asks apt nor needs sudo.
    fake_bin = tmp_path / "bin"
    fake_bin.mkdir()
    (fake_bin / "dpkg-query").write_text("#!/bin/sh\nprintf 'install ok installed'\n")
    for name in ("apt-get", "sudo"):
        (fake_bin / name).write_text(f"#!/bin/sh\necho '{name} was called' >&2\nexit 97\n")
    for script in [*venv_bin.iterdir(), *fake_bin.iterdir()]:
        script.chmod(0o755)
    return checkout, pip_log


def _start(checkout: Path, mode: str, *args: str, offline: bool = False) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PATH": f"{checkout.parent / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "PYTHON": sys.executable,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
    }
    if offline:  # no index within reach, whichever pip would look
        env.update(OFFLINE="1", PIP_INDEX_URL="http://127.0.0.1:9/", PIP_NO_INDEX="1")
    return subprocess.run(
        ["bash", str(checkout / "installer" / "debian.sh"), mode, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _pip_calls(pip_log: Path) -> list[str]:
    calls = pip_log.read_text().splitlines() if pip_log.exists() else []
    pip_log.unlink(missing_ok=True)
    return calls


def test_an_installed_desk_starts_without_pip_or_a_network(tmp_path):
    checkout, pip_log = _checkout_for_the_installer(tmp_path)

    first = _start(checkout, "run", "--version")
    assert first.returncode == 0, first.stderr
    assert _pip_calls(pip_log) == ["-m pip install -q --upgrade pip", "-m pip install -q -e ."]
    # Each long step says what it does before it starts.
    assert "Installing the desk's Python packages" in first.stdout
    assert "Building forms and translations" in first.stdout
    assert first.stdout.index("Installing") < first.stdout.index("Building") < first.stdout.index(__version__)
    for language in bundle_files.LANGUAGES:
        assert (checkout / "resources" / "translations" / f"counter_app_{language}.qm").is_file()
    assert (checkout / "counter_app" / "gui" / "forms" / "ui_register_dialog.py").is_file()
    stamp = (checkout / ".venv" / ".counter-app-installed").read_text()
    assert stamp.startswith(f"run {__version__} ")

    second = _start(checkout, "run", "--version", offline=True)
    assert second.returncode == 0, second.stderr
    assert _pip_calls(pip_log) == []
    assert "Installing" not in second.stdout and "Building" not in second.stdout
    assert __version__ in second.stdout

    # A catalog edited since it was built is built again, still without pip.
    catalog = checkout / "resources" / "translations" / "counter_app_en.ts"
    qm = catalog.with_suffix(".qm")
    os.utime(qm, (catalog.stat().st_mtime - 10,) * 2)
    third = _start(checkout, "run", "--version", offline=True)
    assert third.returncode == 0, third.stderr
    assert _pip_calls(pip_log) == [] and "Building forms and translations" in third.stdout
    assert qm.stat().st_mtime >= catalog.stat().st_mtime


def test_the_test_tools_and_a_changed_pyproject_are_installed_once(tmp_path):
    checkout, pip_log = _checkout_for_the_installer(tmp_path)
    assert _start(checkout, "run", "--version").returncode == 0
    _pip_calls(pip_log)

    # test needs more than run: its first start installs the extras, its second nothing.
    tools = _start(checkout, "test", "--version")
    assert tools.returncode == 0, tools.stderr
    assert _pip_calls(pip_log)[-1] == "-m pip install -q -e .[test]"
    again = _start(checkout, "test", "--version", offline=True)
    assert again.returncode == 0, again.stderr
    assert _pip_calls(pip_log) == []
    # What test installed includes all that run needs.
    desk = _start(checkout, "run", "--version", offline=True)
    assert desk.returncode == 0, desk.stderr
    assert _pip_calls(pip_log) == []

    # A changed pyproject.toml may name new dependencies: offline, that start says pip failed.
    pyproject = checkout / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + "\n# a new dependency\n")
    offline = _start(checkout, "run", "--version", offline=True)
    assert offline.returncode != 0 and "No matching distribution" in offline.stderr
    assert _pip_calls(pip_log)
    online = _start(checkout, "run", "--version")
    assert online.returncode == 0, online.stderr
    assert _pip_calls(pip_log) == ["-m pip install -q --upgrade pip", "-m pip install -q -e ."]
    assert "apt-get was called" not in online.stderr + offline.stderr + desk.stderr
