"""The real-window harness: Xvfb, openbox, the real counter-app process, xdotool key events and screenshots."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "artefacts" / "realwin"
TOOLS = ("Xvfb", "openbox", "xdotool", "xwininfo", "xprop")
SCREENS = {"1366x768": (1366, 768), "1024x768": (1024, 768)}

# Staff of the prepared desk; each PIN obeys the desk's rules (not one digit repeated, not a run).
ADMIN, ADMIN_PIN = "ADMIN", "135790"
MANAGER, MANAGER_PIN = "M001", "246810"
CLERK, CLERK_PIN = "C001", "975310"
# The harness reads the store as its own staff member, so that what the desk's window did (signed in as someone
# else) is told apart in the audit log from the harness's reading of it.
PROBE, PROBE_PIN = "QA01", "864208"

# Key timing, as the keyboard-wedge scanner and a person really type (xdotool's delay between keys).
SCANNER_DELAY_MS = 5
PERSON_DELAY_MS = 150
SCANNER_GAP_SETTING_MS = 60  # the most the desk allows
PERSON_PAUSE_S = 0.35  # a person looks at the screen before the next key
WAIT_S = 20.0  # the longest wait for something to show; a loaded 2-core CI machine is slow, never the goal

T = TypeVar("T")


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = WAIT_S, every: float = 0.1) -> T:
    """`probe()`'s first true answer; fails naming `what` was awaited. Tests wait on state, never on time."""
    deadline = time.monotonic() + timeout
    last: T | None = None
    while True:
        last = probe()
        if last:
            return last
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what}; last seen: {last!r}")
        time.sleep(every)


def stays(what: str, probe: Callable[[], bool], seconds: float = 1.5, every: float = 0.25) -> None:
    """`probe()` keeps true for `seconds`: for what must NOT happen (a dialog that must stay open, a booking
    that must not come). A short look, as a person would give it; nothing is measured."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert probe(), f"{what} stopped holding"
        time.sleep(every)


@dataclass(frozen=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.y + self.height

    @property
    def right(self) -> int:
        return self.x + self.width


@dataclass(frozen=True)
class Window:
    id: int
    title: str
    client: Rect  # what the application draws
    frame: Rect  # with the window manager's title bar and borders around it

    @property
    def title_bar(self) -> Rect:
        return Rect(self.frame.x, self.frame.y, self.frame.width, self.client.y - self.frame.y)


class Screen:
    """One X server (Xvfb) at one size, with openbox managing its windows."""

    def __init__(self, width: int, height: int, folder: Path) -> None:
        self.width, self.height, self.folder = width, height, folder
        self._processes: list[subprocess.Popen[bytes]] = []
        read_end, write_end = os.pipe()
        # -displayfd: the server picks a free display and says which when it is ready, so parallel workers never clash.
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=subprocess.DEVNULL,
            stderr=(folder / "xvfb.log").open("wb"),
        )
        os.close(write_end)
        self._processes.append(xvfb)
        with os.fdopen(read_end) as answer:
            number = answer.readline().strip()
        if not number:
            self.close()
            raise RuntimeError(f"Xvfb did not start; see {folder / 'xvfb.log'}")
        self.display = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.display}
        self.env.pop("WAYLAND_DISPLAY", None)
        openbox = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=(folder / "openbox.log").open("wb"),
        )
        self._processes.append(openbox)
        # A window shown before the window manager runs is never decorated: wait for openbox to own the screen.
        wait_for(
            "openbox to manage the screen", lambda: "window id" in self.x("xprop", "-root", "_NET_SUPPORTING_WM_CHECK")
        )

    def x(self, *command: str, check: bool = False) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=30)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed: {done.stderr.strip()}")
        return done.stdout

    def xdotool(self, *args: str) -> str:
        return self.x("xdotool", *args, check=True)

    def screenshot(self, path: Path) -> Path:
        from PIL import ImageGrab

        path.parent.mkdir(parents=True, exist_ok=True)
        ImageGrab.grab(xdisplay=self.display).save(path)
        return path

    def window(self, window_id: int) -> Window | None:
        """A window's title and where it is on the screen, or None when it has gone meanwhile."""
        info = self.x("xwininfo", "-id", str(window_id))
        numbers = {
            key: int(value)
            for key, value in re.findall(
                r"^\s*(Absolute upper-left X|Absolute upper-left Y|Width|Height):\s*(-?\d+)", info, re.M
            )
        }
        if len(numbers) < 4:
            return None
        client = Rect(
            numbers["Absolute upper-left X"], numbers["Absolute upper-left Y"], numbers["Width"], numbers["Height"]
        )
        extents = re.search(
            r"= (\d+), (\d+), (\d+), (\d+)", self.x("xprop", "-id", str(window_id), "_NET_FRAME_EXTENTS")
        )
        left, right, top, bottom = (int(value) for value in extents.groups()) if extents else (0, 0, 0, 0)
        frame = Rect(client.x - left, client.y - top, client.width + left + right, client.height + top + bottom)
        title = self.x("xdotool", "getwindowname", str(window_id)).strip()
        return Window(window_id, title, client, frame)

    def close(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


def cli_env(data_dir: Path, pin: str) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "COUNTER_PIN": pin,
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    }


def cli(
    data_dir: Path, *args: str, staff: str | None = PROBE, pin: str = PROBE_PIN, ok: tuple[int, ...] = (0,), **env: str
) -> Any:
    """`counter-app --json ...` in a child process, as a script would run it; its JSON answer."""
    command = [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", "en", "--json"]
    if staff is not None:
        command += ["--staff", staff]
    done = subprocess.run(
        [*command, *args], env={**cli_env(data_dir, pin), **env}, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    if done.returncode not in ok:
        raise AssertionError(f"counter-app {' '.join(args)} exited {done.returncode}: {done.stdout} {done.stderr}")
    return json.loads(done.stdout) if done.stdout.strip() else None


def prepare_desk(data_dir: Path) -> None:
    """A desk as a mall sets one up, all through the command line: named, its staff, a file printer, members,
    gifts. Tests add what is theirs on their own copy."""

    # Each command written as it is typed at a shell; values with spaces or Chinese come after it.
    def admin(command: str, *more: str, **env: str) -> Any:
        return cli(data_dir, *command.split(), *more, staff=ADMIN, pin=ADMIN_PIN, **env)

    def clerk(command: str, *more: str) -> Any:
        return cli(data_dir, *command.split(), *more, staff=CLERK, pin=CLERK_PIN)

    cli(data_dir, "init", staff=None)
    # On a new desk the first account, an administrator, needs no sign-in.
    cli(
        data_dir,
        "staff",
        "add",
        ADMIN,
        "--role",
        "admin",
        "--name",
        "系统管理员",
        staff=None,
        COUNTER_NEW_PIN=ADMIN_PIN,
    )
    for staff_id, name, role, pin in (
        (MANAGER, "王经理", "manager", MANAGER_PIN),
        (CLERK, "李店员", "clerk", CLERK_PIN),
        (PROBE, "验收脚本", "manager", PROBE_PIN),
    ):
        admin(f"staff add {staff_id} --role {role} --name", name, COUNTER_NEW_PIN=pin)
    admin("settings set store_name", "万象城")
    admin("settings set counter_name", "1F 服务台")
    admin("settings set printer_uri", (data_dir / "printer.bin").as_uri())
    admin("settings set idle_lock_minutes 0")  # no test waits that long; a lock mid-test would be noise
    # The wedge measures key gaps when Qt handles the keys, not by the X events' times: a GUI stall of more than its
    # 35 ms default splits a 270-character dynamic code into typing (issue 17 item 2; seen here even at 60 ms, the
    # first key held apart from the rest). The flows need whole scans, so this desk allows the most the setting
    # takes, as a mall tunes its scanner; a person's keys (150 ms apart here) stay typing.
    admin(f"settings set scanner_max_gap_ms {SCANNER_GAP_SETTING_MS}")
    for phone, name in (("13800138000", "张三丰"), ("13900139000", "李小龙")):
        clerk(f"member register --phone {phone} --consent --name", name)
    clerk("points earn 13800138000 --amount 5000 --slip TPL-0001")
    admin("gift stock G-UMB --points 1500 --add 5 --name", "晴雨伞")
    admin("gift stock G-MUG --points 800 --add 5 --name", "保温杯")
    admin("coupon define C10 --value 10 --min-spend 100 --valid-days 30 --points 500 --title", "满100减10")


class DeskApp:
    """The real `counter-app` in its own process, on `screen`, over `data_dir`."""

    def __init__(self, screen: Screen, data_dir: Path, lang: str, folder: Path) -> None:
        self.screen, self.data_dir, self.lang, self.folder = screen, data_dir, lang, folder
        self.keys_sent: list[str] = []  # every action the harness took, as a clerk would count them
        home = folder / "home"
        home.mkdir(parents=True, exist_ok=True)
        env = {
            **cli_env(data_dir, ""),
            "DISPLAY": screen.display,
            "QT_QPA_PLATFORM": "xcb",
            # The window's saved place lives in QSettings under the user's config: each test starts on a clean one.
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_RUNTIME_DIR": str(home),
        }
        env.pop("COUNTER_PIN", None)
        self.log = (folder / "app.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "counter_app", "--data-dir", str(data_dir), "--lang", lang],
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.main = wait_for("the desk's window", self._first_window, timeout=60)
        screen.xdotool("windowactivate", "--sync", str(self.main.id))

    def _first_window(self) -> Window | None:
        assert self.process.poll() is None, (
            f"the desk exited with {self.process.returncode}: see {self.folder / 'app.log'}"
        )
        windows = self.windows()
        return windows[0] if windows else None

    def windows(self) -> list[Window]:
        """The desk's windows on screen, the main window first."""
        found = self.screen.x("xdotool", "search", "--onlyvisible", "--pid", str(self.process.pid))
        windows = [w for w in (self.screen.window(int(i)) for i in found.split()) if w is not None]
        main_id = getattr(self, "main", None) and self.main.id
        return sorted(windows, key=lambda w: (w.id != main_id, w.id))

    def dialogs(self) -> list[Window]:
        return [w for w in self.windows() if w.id != self.main.id]

    def dialog(self, timeout: float = WAIT_S) -> Window:
        """The one dialog the last action opened."""
        return wait_for("a dialog to open", lambda: self.dialogs()[-1] if self.dialogs() else None, timeout)

    def no_dialog(self) -> bool:
        return not self.dialogs()

    def active_window(self) -> int:
        return int(self.screen.x("xdotool", "getactivewindow").strip() or 0)

    # ---- real key events ----------------------------------------------------------------------------------------
    def type(self, text: str) -> None:
        """A person typing one value: a key every 150 ms."""
        time.sleep(PERSON_PAUSE_S)
        self.keys_sent.append(f"type:{text}")
        self.screen.xdotool("type", "--delay", str(PERSON_DELAY_MS), "--", text)

    def key(self, *names: str) -> None:
        """A person pressing keys one by one (X key names: Return, F4, ctrl+l, Down)."""
        for name in names:
            time.sleep(PERSON_PAUSE_S)
            self.keys_sent.append(f"key:{name}")
            self.screen.xdotool("key", "--clearmodifiers", name)

    def scan(self, code: str) -> None:
        """The keyboard-wedge scanner: the code's keys 5 ms apart, then Enter, in one burst (one xdotool run, so no
        process start-up sits between the last character and Enter)."""
        time.sleep(PERSON_PAUSE_S)  # the clerk lifts the scanner
        self.keys_sent.append(f"scan:{code}")
        # "\r" is typed as the Return key a scanner ends with ("\n" would be Linefeed, which no field takes as Enter).
        self.screen.xdotool("type", "--delay", str(SCANNER_DELAY_MS), "--", code + "\r")

    def actions(self) -> int:
        return len(self.keys_sent)

    def sign_in(self, staff: str = ADMIN, pin: str = ADMIN_PIN) -> None:
        """Staff ID, Tab, PIN, Enter at a person's pace; back when the audit log has the window's sign-in."""
        before = self.audit_seq()
        self.type(staff)
        self.key("Tab")
        self.type(pin)
        self.key("Return")
        wait_for(f"{staff} signed in at the window", lambda: self.audit_since(before, "auth.sign_in", staff))

    # ---- what the store says ----------------------------------------------------------------------------------
    def cli(self, *args: str, **options: Any) -> Any:
        return cli(self.data_dir, *args, **options)

    def audit(self, limit: int = 50) -> list[dict[str, Any]]:
        return self.cli("audit", "list", "--limit", str(limit))

    def audit_seq(self) -> int:
        return max((entry["seq"] for entry in self.audit(5)), default=0)

    def audit_since(self, seq: int, action: str, staff: str | None = None) -> list[dict[str, Any]]:
        """The window's audit entries after `seq` with this action (the harness's own sign-ins are the probe's)."""
        return [
            entry
            for entry in self.audit()
            if entry["seq"] > seq
            and entry["action"] == action
            and entry["staff_id"] != PROBE
            and (staff is None or entry["staff_id"] == staff)
        ]

    def points(self, ref: str) -> int:
        return int(self.member(ref)["points"])

    def history(self, ref: str) -> list[dict[str, Any]]:
        return self.cli("points", "history", ref)

    def member(self, ref: str) -> dict[str, Any]:
        return self.cli("member", "show", ref)

    def code(self, ref: str) -> str:
        """A member's dynamic code as their phone shows it now (each is good once, for about a minute)."""
        return self.cli("member", "code", ref)["code"]

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def shot_name(item: pytest.Item) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid.split("::", 1)[-1])


@contextlib.contextmanager
def screen_at(size: str, folder: Path) -> Iterator[Screen]:
    width, height = SCREENS[size]
    screen = Screen(width, height, folder)
    try:
        yield screen
    finally:
        screen.close()


def _require_tools() -> None:
    missing = missing_tools()
    if missing:
        message = f"the real-window suite needs {', '.join(missing)} (installer/debian.sh test installs them)"
        if os.environ.get("COUNTER_REQUIRE_REALWIN"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def realwin_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One desk prepared through the command line per test process; each test runs on a copy of it."""
    _require_tools()
    folder = tmp_path_factory.mktemp("realwin-template") / "desk"
    prepare_desk(folder)
    return folder


@pytest.fixture
def desk_folder(realwin_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    shutil.copytree(realwin_template, folder)
    return folder


@pytest.fixture
def start_desk(request: pytest.FixtureRequest, desk_folder: Path, tmp_path: Path) -> Iterator[Callable[..., DeskApp]]:
    """`start_desk(size, lang)`: a new X screen of that size with openbox, and the desk started on it over this
    test's copy of the prepared desk. A failed test leaves a screenshot of every such screen in artefacts/realwin/
    (and the desk's log); COUNTER_REALWIN_SHOTS=all keeps one of each test, for a person to look at."""
    started: list[tuple[contextlib.ExitStack, Screen, DeskApp | None]] = []

    def start(size: str = "1366x768", lang: str = "en") -> DeskApp:
        stack = contextlib.ExitStack()
        folder = tmp_path / f"x-{len(started)}"
        folder.mkdir()
        screen = stack.enter_context(screen_at(size, folder))
        started.append((stack, screen, None))
        app = DeskApp(screen, desk_folder, lang, folder)
        started[-1] = (stack, screen, app)
        return app

    yield start
    report = getattr(request.node, "rep_call", None)
    # A failure, and an expected failure too (its picture shows the bug it waits on), keeps its screens.
    failed = report is None or report.failed or hasattr(report, "wasxfail")
    keep = failed or os.environ.get("COUNTER_REALWIN_SHOTS") == "all"
    for index, (stack, screen, app) in enumerate(started):
        if keep:
            name = f"{shot_name(request.node)}-{index}"
            with contextlib.suppress(Exception):
                screen.screenshot(ARTEFACTS / f"{name}.png")
            if app is not None and failed:
                app.log.flush()
                shutil.copyfile(app.folder / "app.log", ARTEFACTS / f"{name}.log")
        if app is not None:
            app.close()
        stack.close()
