"""Build the desk's one-folder bundle (dist/counter-app/) with PyInstaller, and check that it runs.

    python installer/build.py               resources (forms, .qm), then the bundle; build files go to build/
    python installer/build.py --smoke       ... then run the bundled counter-app and check what it does
    python installer/build.py --installer   ... then (Windows, Inno Setup's iscc on PATH) dist/counter-app-VERSION-setup.exe
    python installer/build.py --archive     ... then (Linux) dist/counter-app-VERSION-linux-ARCH.tar.gz, with install.sh
    python installer/build.py --no-build --smoke   check the bundle already in dist/

Run it with the interpreter of the project's virtual environment (.venv/bin/python, .venv\\Scripts\\python):
PyInstaller bundles what that environment has installed. Prints the build time and the bundle's size;
exits non-zero, saying what failed, when a step or a smoke check fails.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import unicodedata
from pathlib import Path

if str(Path(__file__).resolve().parent) not in sys.path:  # imported by the tests rather than run
    sys.path.append(str(Path(__file__).resolve().parent))
import bundle_files

ROOT = Path(bundle_files.ROOT)
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "counter-app.spec"
ISS = INSTALLER / "windows" / "counter-app.iss"
LINUX_FILES = (INSTALLER / "linux" / "install.sh", INSTALLER / "linux" / "counter-app.desktop")
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "counter-app"
WINDOWS = sys.platform.startswith("win")
EXECUTABLE = BUNDLE / ("counter-app.exe" if WINDOWS else "counter-app")
SMOKE_STAFF, SMOKE_PIN = "A001", "864209"  # the smoke's own throw-away desk
SMOKE_TIMEOUT = 180  # seconds for one bundled command; the first start of a cold bundle is the slowest


class BuildFailed(Exception):
    """A step of the build or a smoke check failed; the message says which and why."""


def run(command: list[str], **kwargs) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(command, **kwargs)
    if result.returncode != 0:
        if command[0] == sys.executable:
            what = command[2] if command[1] == "-m" else Path(command[1]).name
        else:
            what = Path(command[0]).name
        raise BuildFailed(f"{what} exited with {result.returncode}")


def bundle_requirements() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as pyproject:
        return tomllib.load(pyproject)["project"]["optional-dependencies"]["bundle"]


def ensure_pyinstaller() -> None:
    """Install the project's `bundle` extra (PyInstaller) into this interpreter's environment when it lacks it."""
    if importlib.util.find_spec("PyInstaller") is not None:
        try:
            from importlib.metadata import version

            from packaging.requirements import Requirement

            if all(
                Requirement(line).specifier.contains(version(Requirement(line).name)) for line in bundle_requirements()
            ):
                return
        except ImportError:
            return  # no packaging to compare versions with: take the PyInstaller that is there
    run([sys.executable, "-m", "pip", "install", "--quiet", *bundle_requirements()])


def bundle_size(folder: Path) -> tuple[int, int]:
    """Bytes and number of files in the bundle (links counted as themselves, not what they point to)."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or path.is_file():
            total += path.lstat().st_size
            count += 1
    return total, count


def build(clean: bool, verbose: bool) -> float:
    ensure_pyinstaller()
    started = time.monotonic()
    run([sys.executable, str(ROOT / "resources" / "build.py")])
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath", str(WORK)]
    if clean:
        command.append("--clean")
    if not verbose:
        command.append("--log-level=WARN")
    run([*command, str(SPEC)], cwd=ROOT)
    if not WINDOWS:
        # The bundle carries its own installer: copy the folder to a counter PC and run install.sh there.
        for path in LINUX_FILES:
            shutil.copy2(path, BUNDLE / path.name)
    return time.monotonic() - started


# ---- the smoke run -------------------------------------------------------------------------------


def _has_chinese(text: str) -> bool:
    return any(unicodedata.name(char, "").startswith("CJK UNIFIED IDEOGRAPH") for char in text)


def png_problem(path: Path, min_width: int = 640, min_height: int = 400) -> str | None:
    """None for a readable PNG of at least the given size that is not one flat colour; else what is wrong."""
    if not path.is_file():
        return f"{path} was not written"
    data = path.read_bytes()
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or data[12:16] != b"IHDR":
        return f"{path} is not a PNG"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if width < min_width or height < min_height:
        return f"{path} is {width}x{height}, smaller than {min_width}x{min_height}"
    try:
        from PIL import Image
    except ImportError:
        return None
    with Image.open(path) as picture:
        picture.load()
        low, high = zip(*picture.convert("RGB").getextrema(), strict=True)
    if low == high:
        return f"{path} is one flat colour"
    return None


class Smoke:
    """Runs the bundled executable in a clean environment (a fresh data folder, offscreen Qt, no repo on the path)."""

    def __init__(self, executable: Path, scratch: Path) -> None:
        self.executable = executable
        self.scratch = scratch
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.env = {
            name: value
            for name, value in os.environ.items()
            if name not in ("PYTHONPATH", "PYTHONHOME", "COUNTER_RESOURCES_DIR", "VIRTUAL_ENV")
        }
        self.env.update(QT_QPA_PLATFORM="offscreen", COUNTER_DATA_DIR=str(scratch / "data"), PYTHONIOENCODING="utf-8")

    def run(
        self, *args: str, extra_env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()
    ) -> subprocess.CompletedProcess:
        env = {**self.env, **(extra_env or {})}
        # From a folder of its own: nothing may be found by accident in the working folder.
        return subprocess.run(
            [*prefix, str(self.executable), *args],
            capture_output=True,
            env=env,
            cwd=self.scratch,
            timeout=SMOKE_TIMEOUT,
            encoding="utf-8",
            errors="replace",
        )

    def check(self, name: str, problem: str | None, result: subprocess.CompletedProcess | None = None) -> None:
        if problem is None:
            self.passed.append(name)
            print(f"ok   {name}", flush=True)
            return
        self.failed.append(name)
        print(f"FAIL {name}: {problem}", flush=True)
        if result is not None:
            print(
                f"--- exit code {result.returncode}; stdout:\n{result.stdout}\n--- stderr:\n{result.stderr}", flush=True
            )

    def version(self) -> None:
        result = self.run("--version")
        problem = None
        if result.returncode != 0:
            problem = f"exit code {result.returncode}"
        elif not result.stdout.startswith("counter-app"):
            problem = "the output does not start with 'counter-app'"
        self.check("counter-app --version", problem, result)

    def self_check(self) -> None:
        result = self.run(extra_env={"COUNTER_BUNDLE_CHECK": "1"})
        if result.returncode == 0:  # on a failure check() shows the whole output
            print(result.stdout.rstrip(), flush=True)
        self.check(
            "bundle self-check (installer/bundle_check.py)",
            None if result.returncode == 0 else f"exit code {result.returncode}",
            result,
        )

    def chinese_cli(self) -> None:
        # A new store: the migrations run from the bundle; the answer comes from the bundled .ts catalog.
        result = self.run("--lang", "zh_CN", "init")
        problem = f"exit code {result.returncode}" if result.returncode != 0 else None
        if problem is None and not _has_chinese(result.stdout):
            problem = f"no Chinese in the answer {result.stdout.strip()!r}"
        self.check("counter-app --lang zh_CN init (migrations, catalog)", problem, result)
        english, chinese = self.run("--lang", "en", "status"), self.run("--lang", "zh_CN", "status")
        problem = None
        if english.returncode != 0 or chinese.returncode != 0:
            problem = f"exit codes {english.returncode} (en), {chinese.returncode} (zh_CN)"
        elif not _has_chinese(chinese.stdout) or chinese.stdout == english.stdout:
            problem = f"zh_CN status is not in Chinese: {chinese.stdout.strip()!r}"
        self.check("counter-app status in en and zh_CN", problem, chinese if chinese.returncode else english)

    def members(self) -> None:
        # The main page shows members, so it needs a signed-in clerk: the desk's first account, then demo members (Faker).
        added = self.run(
            "staff", "add", SMOKE_STAFF, "--name", "王经理", "--role", "admin", extra_env={"COUNTER_NEW_PIN": SMOKE_PIN}
        )
        if added.returncode != 0:
            self.check("counter-app staff add (the first account)", f"exit code {added.returncode}", added)
            return
        result = self.run(
            "--staff", SMOKE_STAFF, "demo-data", "--members", "50", "--seed", "3", extra_env={"COUNTER_PIN": SMOKE_PIN}
        )
        self.check(
            "counter-app staff add, demo-data",
            None if result.returncode == 0 else f"exit code {result.returncode}",
            result,
        )

    def screenshot(self) -> None:
        out = self.scratch / "main.png"
        result = self.run(
            "screenshot", "main", "--staff", SMOKE_STAFF, "--out", str(out), extra_env={"COUNTER_PIN": SMOKE_PIN}
        )
        problem = f"exit code {result.returncode}" if result.returncode != 0 else png_problem(out)
        self.check("counter-app screenshot main (offscreen Qt)", problem, result)
        if problem is None:
            kept = DIST / "smoke-main.png"
            shutil.copy2(out, kept)
            print(f"     the screenshot: {kept}")

    def x11(self) -> None:
        # Counter PCs run Qt's xcb platform: under a virtual X server when there is one (debian.sh bundle installs xvfb).
        xvfb_run = shutil.which("xvfb-run")
        if WINDOWS or not xvfb_run:
            print("skip counter-app on X11 (xcb): no xvfb-run here", flush=True)
            return
        out = self.scratch / "login-xcb.png"
        result = self.run(
            "screenshot",
            "login",
            "--out",
            str(out),
            extra_env={"QT_QPA_PLATFORM": "xcb"},
            prefix=(xvfb_run, "--auto-servernum", "--server-args=-screen 0 1280x800x24"),
        )
        problem = f"exit code {result.returncode}" if result.returncode != 0 else png_problem(out)
        self.check("counter-app screenshot login on X11 (xcb, Xvfb)", problem, result)

    def run_all(self) -> bool:
        for step in (self.version, self.self_check, self.chinese_cli, self.members, self.screenshot, self.x11):
            try:
                step()
            except subprocess.TimeoutExpired as error:
                self.check(step.__name__, f"no answer within {error.timeout} s: {' '.join(map(str, error.cmd))}")
        print(f"smoke: {len(self.passed)} passed, {len(self.failed)} failed", flush=True)
        return not self.failed


def smoke() -> None:
    if not EXECUTABLE.is_file():
        raise BuildFailed(f"{EXECUTABLE} does not exist: build the bundle first")
    with tempfile.TemporaryDirectory(prefix="counter-app-smoke-") as scratch:
        if not Smoke(EXECUTABLE, Path(scratch)).run_all():
            raise BuildFailed("the bundle's smoke run failed (see FAIL above)")


# ---- what is handed to counter PCs ---------------------------------------------------------------


def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for base in (
        os.environ.get("ProgramFiles(x86)"),  # noqa: SIM112 - Windows spells these names so
        os.environ.get("ProgramFiles"),  # noqa: SIM112
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "Programs"),
    ):
        if base and os.path.isfile(os.path.join(base, "Inno Setup 6", "ISCC.exe")):
            return os.path.join(base, "Inno Setup 6", "ISCC.exe")
    return None


def iscc_command(iscc: str, version: str, bundle: Path = BUNDLE, output: Path = DIST) -> list[str]:
    """The Inno Setup compiler's command line: the version comes from counter_app.__version__, never from the script."""
    return [iscc, f"/DAppVersion={version}", f"/DBundleDir={bundle}", f"/DOutputDir={output}", str(ISS)]


def windows_installer(version: str) -> Path:
    if not WINDOWS:
        raise BuildFailed("--installer builds the Windows setup program: run it on Windows (see installer/README.md)")
    iscc = find_iscc()
    if not iscc:
        raise BuildFailed(
            "Inno Setup's iscc was not found: install Inno Setup 6 (https://jrsoftware.org/isinfo.php) or put ISCC.exe on PATH"
        )
    run(iscc_command(iscc, version))
    return DIST / f"counter-app-{version}-setup.exe"


def linux_archive(version: str) -> Path:
    if WINDOWS:
        raise BuildFailed("--archive packs the Linux bundle; on Windows use --installer")
    target = DIST / f"counter-app-{version}-linux-{platform.machine()}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(BUNDLE, arcname="counter-app")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="run the bundled counter-app and check what it does")
    parser.add_argument("--installer", action="store_true", help="Windows: build the setup program with Inno Setup")
    parser.add_argument("--archive", action="store_true", help="Linux: pack the bundle as a .tar.gz")
    parser.add_argument("--no-build", action="store_true", help="use the bundle already in dist/")
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (drop PyInstaller's cache)")
    parser.add_argument("--verbose", action="store_true", help="PyInstaller's full log")
    args = parser.parse_args(argv)
    version = bundle_files.app_version()
    try:
        if not args.no_build:
            seconds = build(args.clean, args.verbose)
            size, files = bundle_size(BUNDLE)
            print(f"bundle: {BUNDLE}")
            print(f"build time: {seconds:.0f} s; bundle size: {size / 1e6:.0f} MB in {files} files")
        if args.smoke:
            smoke()
        if args.installer:
            print(f"setup program: {windows_installer(version)}")
        if args.archive:
            print(f"archive: {linux_archive(version)}")
    except BuildFailed as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
