"""The desk's settings, each declared once with its type, default and check; kept in settings.json."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from counter_app.domain.errors import InvalidInput
from counter_app.domain.languages import LANGUAGE_NAMES
from counter_app.i18n import LANGUAGES, QT_TRANSLATE_NOOP
from counter_app.paths import make_owner_only_folder, owner_only_opener, resources_dir, tighten

if TYPE_CHECKING:
    from counter_app.domain.rules import Rules

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 1
APP_NAME = "counter-app"
APP_AUTHOR = "MemberDesk"


def default_data_dir() -> Path:
    """COUNTER_DATA_DIR, else the platform's user data folder (e.g. ~/.local/share/counter-app)."""
    override = os.environ.get("COUNTER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class Setting:
    """One setting: its type, default and check, plus what the settings dialog shows for it.

    `label` and `help` are marked for translation (context "Settings"); `choices` lists the values
    of a setting that takes one of a few, so the dialog offers exactly those, by `choice_names`.
    """

    key: str
    kind: type
    default: Any
    help: str
    check: Callable[[Any], bool] = lambda value: True
    rule: str = ""
    group: str = "desk"
    label: str = ""
    choices: tuple[Any, ...] = ()
    bounds: tuple[int, int] | None = None  # an int setting's lowest and highest value; its check and rule follow
    choice_names: tuple[
        str, ...
    ] = ()  # what the dialog calls each of `choices` (context "Settings"), in the same order
    restart: bool = False  # takes effect the next time the desk starts, not when saved

    def __post_init__(self) -> None:
        if self.bounds is not None:
            low, high = self.bounds
            object.__setattr__(self, "check", lambda value: low <= value <= high)
            if not self.rule:
                object.__setattr__(self, "rule", f"{low}-{high}")


# The settings dialog's pages, in the order it shows them.
GROUPS: tuple[tuple[str, str], ...] = (
    ("desk", QT_TRANSLATE_NOOP("Settings", "Desk")),
    ("printer", QT_TRANSLATE_NOOP("Settings", "Printer")),
    ("scanner", QT_TRANSLATE_NOOP("Settings", "Camera and scanner")),
    ("display", QT_TRANSLATE_NOOP("Settings", "Language and display")),
    ("server", QT_TRANSLATE_NOOP("Settings", "Server")),
)

THEMES = ("standard", "high_contrast")
FONT_SCALES = (100, 115, 130, 150, 175, 200)


def _one_of(*values: Any) -> Callable[[Any], bool]:
    return lambda value: value in values


YES_NO = (QT_TRANSLATE_NOOP("Settings", "Yes"), QT_TRANSLATE_NOOP("Settings", "No"))


SETTINGS: tuple[Setting, ...] = (
    # The desk
    Setting(
        "store_name",
        str,
        "",
        QT_TRANSLATE_NOOP("Settings", "The mall or store shown on screen and receipts"),
        lambda v: len(v) <= 40,
        "≤ 40",
        label=QT_TRANSLATE_NOOP("Settings", "Store name"),
    ),
    Setting(
        "counter_name",
        str,
        "",
        QT_TRANSLATE_NOOP("Settings", "This counter's name, e.g. 1F 服务台"),
        lambda v: len(v) <= 40,
        "≤ 40",
        label=QT_TRANSLATE_NOOP("Settings", "Counter name"),
    ),
    Setting(
        "counter_no",
        int,
        1,
        QT_TRANSLATE_NOOP("Settings", "This counter's number in the chain; part of every member number"),
        bounds=(1, 9999),
        label=QT_TRANSLATE_NOOP("Settings", "Counter number"),
    ),
    Setting(
        "idle_lock_minutes",
        int,
        5,
        QT_TRANSLATE_NOOP("Settings", "Lock the desk after this many idle minutes (0: never)"),
        bounds=(0, 240),
        label=QT_TRANSLATE_NOOP("Settings", "Lock when idle (minutes)"),
    ),
    Setting(
        "search_limit",
        int,
        50,
        QT_TRANSLATE_NOOP("Settings", "How many members a search lists at most"),
        bounds=(1, 500),
        label=QT_TRANSLATE_NOOP("Settings", "Search results at most"),
    ),
    Setting(
        "privacy_notice_version",
        str,
        "2026-01",
        QT_TRANSLATE_NOOP("Settings", "Version of the privacy notice members consent to"),
        lambda v: 1 <= len(v) <= 20,
        "1-20",
        label=QT_TRANSLATE_NOOP("Settings", "Privacy notice version"),
    ),
    # The receipt printer: where it is and what its firmware can do (python-escpos cannot ask it).
    Setting(
        "printer_uri",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Settings",
            "The receipt printer: tcp://HOST:9100, usb://VID:PID, serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0, lp://QUEUE; empty: none",
        ),
        lambda v: len(v) <= 300 and v.isprintable(),
        "a printer address, ≤ 300",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Printer address"),
    ),
    Setting(
        "printer_paper_mm",
        int,
        80,
        QT_TRANSLATE_NOOP("Settings", "Paper width in mm: 58 (32 columns) or 80 (48 columns)"),
        _one_of(58, 80),
        "58 | 80",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Paper width (mm)"),
        choices=(80, 58),
        choice_names=(
            QT_TRANSLATE_NOOP("Settings", "80 mm (48 characters a line)"),
            QT_TRANSLATE_NOOP("Settings", "58 mm (32 characters a line)"),
        ),
    ),
    Setting(
        "printer_chinese",
        str,
        "gb18030",
        QT_TRANSLATE_NOOP(
            "Settings", "The printer's Chinese font: gb18030, gbk, or raster (none: Chinese is printed as pictures)"
        ),
        _one_of("gb18030", "gbk", "raster"),
        "gb18030 | gbk | raster",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Chinese characters"),
        choices=("gb18030", "gbk", "raster"),
        choice_names=(
            QT_TRANSLATE_NOOP("Settings", "GB18030 font (most printers sold in China)"),
            QT_TRANSLATE_NOOP("Settings", "GBK font (older printers)"),
            QT_TRANSLATE_NOOP("Settings", "No Chinese font: print Chinese as pictures (slower)"),
        ),
    ),
    Setting(
        "printer_qr",
        str,
        "native",
        QT_TRANSLATE_NOOP("Settings", "QR codes drawn by the printer (native) or sent as pictures (image)"),
        _one_of("native", "image"),
        "native | image",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "QR codes"),
        choices=("native", "image"),
        choice_names=(
            QT_TRANSLATE_NOOP("Settings", "Drawn by the printer"),
            QT_TRANSLATE_NOOP("Settings", "Sent as pictures (printers that cannot draw QR codes)"),
        ),
    ),
    Setting(
        "printer_status",
        str,
        "yes",
        QT_TRANSLATE_NOOP("Settings", "Whether the printer answers status queries (paper out, cover open)"),
        _one_of("yes", "no"),
        "yes | no",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Printer reports its status"),
        choices=("yes", "no"),
        choice_names=YES_NO,
    ),
    Setting(
        "printer_logo",
        str,
        "",
        QT_TRANSLATE_NOOP("Settings", "A picture printed at the top of every receipt (PNG or JPEG); empty: none"),
        lambda v: len(v) <= 300,
        "≤ 300",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Receipt logo"),
    ),
    Setting(
        "print_receipts",
        str,
        "yes",
        QT_TRANSLATE_NOOP("Settings", "Print a receipt after every operation when a printer is set"),
        _one_of("yes", "no"),
        "yes | no",
        group="printer",
        label=QT_TRANSLATE_NOOP("Settings", "Print a receipt after each operation"),
        choices=("yes", "no"),
        choice_names=YES_NO,
    ),
    # A handheld scanner types like a keyboard, but faster than any person: that is how it is told apart.
    Setting(
        "camera",
        str,
        "",
        QT_TRANSLATE_NOOP(
            "Settings", "The counter camera: its number (0, 1, …), a device path or a video file; empty: no camera"
        ),
        lambda v: len(v) <= 300,
        "≤ 300",
        group="scanner",
        label=QT_TRANSLATE_NOOP("Settings", "Camera"),
    ),
    Setting(
        "scanner_max_gap_ms",
        int,
        35,
        QT_TRANSLATE_NOOP("Settings", "Longest pause between a scanner's keystrokes, in ms (people type 80+ ms apart)"),
        bounds=(5, 60),
        group="scanner",
        label=QT_TRANSLATE_NOOP("Settings", "Scanner key gap (ms)"),
    ),
    Setting(
        "scanner_min_length",
        int,
        6,
        QT_TRANSLATE_NOOP("Settings", "Fewest characters a scan has"),
        bounds=(3, 64),
        group="scanner",
        label=QT_TRANSLATE_NOOP("Settings", "Shortest scan (characters)"),
    ),
    Setting(
        "scanner_prefix",
        str,
        "",
        QT_TRANSLATE_NOOP("Settings", "Characters the scanner sends before each code (empty: none)"),
        lambda v: len(v) <= 4 and v.isprintable(),
        "≤ 4 printable",
        group="scanner",
        label=QT_TRANSLATE_NOOP("Settings", "Scanner prefix"),
    ),
    Setting(
        "scanner_suffix",
        str,
        "enter",
        QT_TRANSLATE_NOOP("Settings", "What the scanner sends after each code"),
        _one_of("enter", "tab", "none"),
        "enter | tab | none",
        group="scanner",
        label=QT_TRANSLATE_NOOP("Settings", "Scanner suffix"),
        choices=("enter", "tab", "none"),
        choice_names=(
            QT_TRANSLATE_NOOP("Settings", "Enter"),
            QT_TRANSLATE_NOOP("Settings", "Tab"),
            QT_TRANSLATE_NOOP("Settings", "Nothing (the scan ends when the keys stop)"),
        ),
    ),
    # Language and display: font scaling and a high-contrast theme for clerks who need them.
    Setting(
        "language",
        str,
        "zh_CN",
        QT_TRANSLATE_NOOP("Settings", "Language of the desk: zh_CN or en"),
        lambda v: v in LANGUAGES,
        "zh_CN | en",
        group="display",
        label=QT_TRANSLATE_NOOP("Settings", "Language"),
        choices=LANGUAGES,
        choice_names=tuple(LANGUAGE_NAMES.get(code, code) for code in LANGUAGES),
        restart=True,
    ),
    Setting(
        "ui_theme",
        str,
        "standard",
        QT_TRANSLATE_NOOP(
            "Settings", "Colours of the desk: standard, or high_contrast (black on white, strong outlines)"
        ),
        lambda v: v in THEMES,
        "standard | high_contrast",
        group="display",
        label=QT_TRANSLATE_NOOP("Settings", "Theme"),
        choices=THEMES,
        choice_names=(
            QT_TRANSLATE_NOOP("Settings", "Standard"),
            QT_TRANSLATE_NOOP("Settings", "High contrast (black on white, strong outlines)"),
        ),
    ),
    Setting(
        "ui_font_scale",
        int,
        100,
        QT_TRANSLATE_NOOP("Settings", "Text size in percent of the standard size"),
        lambda v: v in FONT_SCALES,
        " | ".join(map(str, FONT_SCALES)),
        group="display",
        label=QT_TRANSLATE_NOOP("Settings", "Text size (%)"),
        choices=FONT_SCALES,
    ),
    # The central server (the address itself comes with enrolment; see `counter-app enroll`).
    Setting(
        "sync_interval_seconds",
        int,
        15,
        QT_TRANSLATE_NOOP("Settings", "Seconds between syncs with the central server while all is well"),
        bounds=(5, 3600),
        group="server",
        label=QT_TRANSLATE_NOOP("Settings", "Sync every (seconds)"),
    ),
)
_BY_KEY = {setting.key: setting for setting in SETTINGS}


@dataclass
class Settings:
    """The values in force; unknown keys in the file are kept, untouched, for newer versions."""

    values: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, key: str) -> Any:
        if key in _BY_KEY:
            return self.values.get(key, _BY_KEY[key].default)
        raise AttributeError(key)

    def with_value(self, key: str, value: Any) -> Settings:
        return Settings({**self.values, key: coerce(key, value)}, dict(self.extra))


def setting_for(key: str) -> Setting:
    """The declaration of `key`; an unknown key is refused with the list of the known ones."""
    setting = _BY_KEY.get(key)
    if setting is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "There is no setting called {key}; the settings are: {keys}."),
            key=key,
            keys=", ".join(_BY_KEY),
        )
    return setting


def coerce(key: str, value: Any) -> Any:
    setting = _BY_KEY.get(key)
    if setting is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "There is no setting called {key}; the settings are: {keys}."),
            key=key,
            keys=", ".join(_BY_KEY),
        )
    try:
        # Only text or whole numbers: a list in a hand-edited settings.json must not become "['x']".
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise TypeError(value)
        typed = setting.kind(value)
        if setting.kind is int and isinstance(value, str) and not value.strip().lstrip("-").isdigit():
            raise ValueError(value)
    except (TypeError, ValueError, OverflowError):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The setting {key} must be {rule}; “{value}” is not."),
            key=key,
            rule=setting.rule,
            value=value,
        ) from None
    if not setting.check(typed):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The setting {key} must be {rule}; “{value}” is not."),
            key=key,
            rule=setting.rule,
            value=value,
        )
    return typed


def load_settings(data_dir: Path) -> Settings:
    path = data_dir / SETTINGS_FILE
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except (OSError, ValueError) as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The settings file {path} cannot be read ({reason}); fix it or delete it to start from the defaults.",
            ),
            path=str(path),
            reason=str(error),
        ) from None
    values = {}
    extra = {}
    for key, value in raw.items():
        if key == "version":
            continue
        if key in _BY_KEY:
            values[key] = coerce(key, value)
        else:
            extra[key] = value
    return Settings(values, extra)


RULES_FILE = "rules.toml"


def load_rules(data_dir: Path) -> Rules:
    """The chain's rules: DATA_DIR/rules.toml when the chain has sent one, else the shipped default."""
    # Loaded on first use: `counter-app --version` loads this module, and the rules (tomllib, decimal) would
    # cost it 0.008 s of its 0.09 s.
    from counter_app.domain.rules import parse_rules

    path = data_dir / RULES_FILE
    if not path.exists():
        path = resources_dir() / RULES_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The rules file {path} cannot be read ({reason})."),
            path=str(path),
            reason=error.strerror or str(error),
        ) from None
    return parse_rules(text)


def save_settings(data_dir: Path, settings: Settings) -> None:
    make_owner_only_folder(data_dir)
    path = data_dir / SETTINGS_FILE
    document = {"version": SETTINGS_VERSION, **settings.extra, **settings.values}
    temporary = path.with_suffix(".tmp")
    with open(temporary, "w", encoding="utf-8", opener=owner_only_opener) as handle:
        handle.write(json.dumps(document, ensure_ascii=False, indent=2))
    tighten(temporary)  # a leftover .tmp from a crash keeps its old mode when opened again
    os.replace(temporary, path)  # a crash mid-write leaves the old file whole
