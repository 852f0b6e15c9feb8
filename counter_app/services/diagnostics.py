"""What support needs to know about a desk: versions, settings, sync and printer state, the log's tail — never secrets or members' data.

The report is written in English whatever the desk's language, so that support reads every desk's
report the same way. Each part is gathered on its own: a desk whose store is broken still reports
its versions, settings and log, with a line saying what could not be read.

Log lines are scrubbed before they are shown (`scrub`): anything that looks like a mainland mobile
number or a national ID number, a PIN, token, password or key given as `name=value`, a bearer token, an enrolment code,
the password in an address, an Argon2 hash, the parameters of a failed SQL statement, e-mail
addresses, and Chinese text (in our English log it is members' names, addresses and notes) are replaced.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.metadata
import importlib.util
import platform
import re
import shutil
import sqlite3
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import __version__, config, logs

if TYPE_CHECKING:  # --version loads this module: it stays clear of the store and SQLAlchemy
    from counter_app.services.desk import Desk

LOG_LINES = 200
CRASH_LINES = 60
NOT_INSTALLED = "not installed"

# The libraries whose versions support asks for first: (distribution names to try, module to read __version__ from).
LIBRARIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("PySide6", ("PySide6", "PySide6-Essentials"), "PySide6"),
    ("SQLAlchemy", ("SQLAlchemy",), "sqlalchemy"),
    ("alembic", ("alembic",), "alembic"),
    ("requests", ("requests",), "requests"),
    ("python-escpos", ("python-escpos",), "escpos"),
    ("pyzbar", ("pyzbar",), "pyzbar"),
    ("zxing-cpp", ("zxing-cpp",), "zxingcpp"),
    ("opencv-python-headless", ("opencv-python-headless", "opencv-python"), "cv2"),
    ("Pillow", ("Pillow",), "PIL"),
    ("cryptography", ("cryptography",), "cryptography"),
    ("argon2-cffi", ("argon2-cffi",), "argon2"),
    ("phonenumbers", ("phonenumbers",), "phonenumbers"),
    ("pypinyin", ("pypinyin",), "pypinyin"),
    ("openpyxl", ("openpyxl",), "openpyxl"),
    ("pydantic", ("pydantic",), "pydantic"),
)
# Only the GUI may load Qt: outside it the binding's version comes from metadata, or from the module if already loaded.
_NEVER_IMPORT = {"PySide6"}

# What scrub() replaces, in this order (IDs before phones: an ID number contains digit runs a phone pattern could match).
_SECRET_NAMES = r"pins?|passwords?|passwd|passphrase|secret|token|access_token|refresh_token|api_?key|private_?key|authorization|enrol(?:l)?(?:ment)?_?code|one_time_code|otp"
_SCRUBBERS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\[parameters: .*"), "[parameters: removed]"),
    (re.compile(r"\$argon2[a-z]*\$[^\s'\"]+"), "[hash]"),
    (re.compile(r"(?i)\bbearer\s+[^\s'\",;]+"), "Bearer [removed]"),
    (re.compile(r"(?i)\b(" + _SECRET_NAMES + r")\b(['\"]?\s*[:=]\s*['\"]?)[^\s'\",;&)}\]]+"), r"\1\2[removed]"),
    (
        re.compile(r"(?i)(\benrol(?:l)?\b.*?--code[=\s]+)[^\s'\",;]+"),
        r"\1[removed]",
    ),  # `counter-app enroll --code …` quoted in a log
    (re.compile(r"(?i)\b(\w[\w+.-]*://)[^\s/@:]+:[^\s/@]+@"), r"\1[removed]@"),
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    # National ID numbers (GB 11643): 18 characters, the last a digit or X; the old 15-digit form too.
    (re.compile(r"(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])"), "[ID number]"),
    # Mainland mobile numbers, with or without +86 and the spaces or dashes people type.
    (re.compile(r"(?<![0-9A-Za-z])(?:(?:\+|00)?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?![0-9A-Za-z])"), "[phone]"),
)
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")
# Settings whose values could be secret if a later version adds them (none of today's are).
_SECRET_SETTING = re.compile(r"(?i)pin|password|secret|token|key")


def scrub(text: str, chinese: bool = True) -> str:
    """`text` with phone numbers, ID numbers and secrets replaced, and Chinese text unless `chinese` is
    False (a setting such as the store's name is the desk's own, not a member's)."""
    lines = text.split("\n")
    for pattern, replacement in _SCRUBBERS:
        lines = [pattern.sub(replacement, line) for line in lines]
    if chinese:
        lines = [_CHINESE.sub("[Chinese text]", line) for line in lines]
    return "\n".join(lines)


def _module_version(module_name: str) -> str | None:
    """A version from the module itself, for a bundle that did not collect the package's metadata."""
    module = sys.modules.get(module_name)
    if module is None:
        if module_name in _NEVER_IMPORT:
            return None
        try:
            if importlib.util.find_spec(module_name) is None:
                return None
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                module = importlib.import_module(module_name)
        except Exception:  # a broken native library must not break --version
            return "installed, cannot be loaded"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # argon2 warns that __version__ is deprecated
        version = getattr(module, "__version__", None)
    return str(version) if version else "installed (version unknown)"


def _version(distributions: tuple[str, ...], module_name: str) -> str:
    for name in distributions:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        except Exception:  # malformed metadata: try the module
            break
    found = _module_version(module_name)
    if found is None and module_name in _NEVER_IMPORT and importlib.util.find_spec(module_name) is not None:
        return "installed (version unknown)"
    return found or NOT_INSTALLED


def library_versions() -> dict[str, str]:
    """counter-app, Python, SQLite, the key libraries ("not installed" where missing) and the platform."""
    versions = {
        "counter-app": __version__,
        "Python": f"{platform.python_version()} ({platform.python_implementation()})",
        "SQLite": sqlite3.sqlite_version,
    }
    for label, distributions, module_name in LIBRARIES:
        versions[label] = _version(distributions, module_name)
    qt_core = sys.modules.get("PySide6.QtCore")
    if qt_core is not None:
        versions["Qt runtime"] = qt_core.qVersion()
    versions["Platform"] = platform.platform()
    return versions


def version_text() -> str:
    """`counter-app X.Y.Z`, then one `name: version` line per library (what `counter-app --version` prints)."""
    versions = library_versions()
    width = max(map(len, versions))
    return "\n".join(
        [
            f"counter-app {versions.pop('counter-app')}",
            *(f"  {name + ':':<{width + 1}} {value}" for name, value in versions.items()),
        ]
    )


def _guarded(gather: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """A part that cannot be read says why; the rest of the report is still gathered."""
    try:
        return gather()
    except Exception as error:
        return {"unavailable": scrub(f"{type(error).__name__}: {error}")}


def _without_password(address: str | None) -> str | None:
    return scrub(address, chinese=False) if address else address


def _size(path: Path) -> str:
    size = float(path.stat().st_size)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return ""


def _system(data_dir: Path) -> dict[str, Any]:
    usage = shutil.disk_usage(data_dir if data_dir.exists() else data_dir.parent)
    now = dt.datetime.now().astimezone()
    return {
        "machine": platform.machine(),
        "python_executable": sys.executable,
        "installer_build": bool(getattr(sys, "frozen", False)),
        "time_now": now.isoformat(timespec="seconds"),
        "time_zone": now.tzname(),
        "free_space": f"{usage.free / 1024**3:.1f} GB of {usage.total / 1024**3:.1f} GB",
    }


def _desk_part(desk: Desk) -> dict[str, Any]:
    # Imported here, as are the sync and printing services below: `counter-app --version` loads this module and
    # answers in 0.09 s; the store module alone takes 0.3 s to import, the printing service (sync with it) 0.5 s
    # (measured: time $PY -m counter_app --version, and python -c "import counter_app.services.printing").
    from counter_app.db.store import SCHEMA_HEAD, schema_version

    with desk.store.read() as connection:
        schema = schema_version(connection)
    actor = desk.session
    return {
        "data_folder": str(desk.data_dir),
        "store_file": f"{desk.store.path} ({_size(desk.store.path)})"
        if desk.store.path.exists()
        else str(desk.store.path),
        "schema_version": schema,
        "schema_head": SCHEMA_HEAD,
        "counter_uid": desk.counter_uid,
        "counter_no": desk.settings.counter_no,
        "counter_name": desk.settings.counter_name,
        "store_name": desk.settings.store_name,
        "language": desk.settings.language,
        "signed_in": f"{actor.staff_id} ({actor.role})" if actor else None,
    }


def _sync_part(desk: Desk) -> dict[str, Any]:
    from counter_app.services.sync.status import sync_status  # lazily, to keep --version fast: see _desk_part

    state = sync_status(desk)
    part: dict[str, Any] = {
        "enrolled": state.enrolled,
        "server": _without_password(state.server),
        "store": state.store,
        "online": state.online,
        "last_sync": state.last_sync,
        "last_error": scrub(state.last_error) if state.last_error else None,
        "pending_operations": state.pending,
        "oldest_pending_seconds": state.oldest_pending_seconds,
        "review_items_open": state.review_open,
        "rejected_operations": state.rejected,
        "clock_skew_seconds": state.skew_seconds,
        "change_feed": f"{state.cursor} of {state.head}",
    }
    if state.offline is not None:
        part["offline_limits"] = {
            "since": state.offline.since,
            "until": state.offline.until,
            "per_member": state.offline.per_member,
            "counter_left": state.offline.counter_left,
            "expired": state.offline.expired,
        }
    return part


def _settings_group(settings: config.Settings, group: str) -> dict[str, Any]:
    return {
        setting.key: _setting_value(setting.key, getattr(settings, setting.key))
        for setting in config.SETTINGS
        if setting.group == group
    }


def _setting_value(key: str, value: Any) -> Any:
    if _SECRET_SETTING.search(key) and value not in ("", None):
        return "[removed]"
    return scrub(value, chinese=False) if isinstance(value, str) else value


def _printer_part(desk: Desk) -> dict[str, Any]:
    from counter_app.services.printing import printer_state  # lazily, to keep --version fast: see _desk_part

    part = _settings_group(desk.settings, "printer")
    state = printer_state(desk)
    part["last_known_state"] = state.state
    part["receipts_waiting"] = state.waiting
    return part


def _all_settings(settings: config.Settings) -> dict[str, Any]:
    values = {setting.key: _setting_value(setting.key, getattr(settings, setting.key)) for setting in config.SETTINGS}
    # Keys a newer version wrote: kept in the file, shown here so support sees them too.
    values.update(
        {
            f"(unknown) {key}": _setting_value(key, value)
            if isinstance(value, (str, int, float, bool)) or value is None
            else "[…]"
            for key, value in settings.extra.items()
        }
    )
    return values


def _crash_part(data_dir: Path) -> dict[str, Any]:
    found = logs.crash_report(data_dir)
    if found is None:
        return {"last_hard_crash": None}
    at, text = found
    return {
        "last_hard_crash": at.isoformat(timespec="seconds"),
        "trace": [scrub(line) for line in text.splitlines()[-CRASH_LINES:]],
    }


def diagnostics(
    desk: Desk | None,
    data_dir: Path | None = None,
    log_lines: int = LOG_LINES,
    extra: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The report as plain data (for --json). Without a desk (its store would not open) the parts that need it are left out.

    `extra` adds parts gathered elsewhere (the GUI adds its screen and Qt platform)."""
    folder = desk.data_dir if desk is not None else (data_dir or config.default_data_dir())
    report: dict[str, Any] = {
        "generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "versions": library_versions(),
        "system": _guarded(lambda: _system(folder)),
    }
    if desk is not None:
        settings = desk.settings
        report["desk"] = _guarded(lambda: _desk_part(desk))
        report["sync"] = _guarded(lambda: _sync_part(desk))
        report["printer"] = _guarded(lambda: _printer_part(desk))
    else:
        report["desk"] = {"data_folder": str(folder), "store": "not open"}
        try:
            settings = config.load_settings(folder)
        except Exception as error:
            settings = None
            message = getattr(error, "message", None)  # a DeskError says it in words
            report["settings"] = {"unavailable": scrub(str(message() if callable(message) else error))}
    if settings is not None:
        report["camera_and_scanner"] = _settings_group(settings, "scanner")
        report["settings"] = _all_settings(settings)
    report.update(extra or {})
    report["crash"] = _guarded(lambda: _crash_part(folder))
    log_path = logs.log_folder(folder) / logs.LOG_FILE
    report["log"] = {"file": str(log_path), "lines": [scrub(line) for line in logs.tail_lines(folder, log_lines)]}
    return report


def _value_text(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def render_report(report: dict[str, Any]) -> str:
    """The report as text to paste into a message to support."""
    lines = [f"counter-app {report['versions']['counter-app']} diagnostics, {report['generated']}", ""]
    for part, content in report.items():
        if part in ("generated", "log", "crash"):
            continue
        lines.append(f"[{part.replace('_', ' ')}]")
        for key, value in content.items():
            if isinstance(value, dict):
                value = ", ".join(f"{name}={_value_text(item)}" for name, item in value.items())
            lines.append(f"  {key.replace('_', ' ')}: {_value_text(value)}")
        lines.append("")
    crash = report.get("crash", {})
    lines.append("[last hard crash]")
    if crash.get("last_hard_crash"):
        lines.append(f"  written {crash['last_hard_crash']}:")
        lines.extend(f"  {line}" for line in crash.get("trace", []))
    else:
        lines.append("  " + _value_text(crash.get("unavailable") or "none recorded"))
    lines.append("")
    log_part = report["log"]
    lines.append(f"[log: last {len(log_part['lines'])} lines of {log_part['file']}]")
    lines.extend(log_part["lines"] or ["(the log is empty)"])
    return "\n".join(lines) + "\n"


def diagnostics_report(
    desk: Desk | None, data_dir: Path | None = None, extra: dict[str, dict[str, Any]] | None = None
) -> str:
    """Everything support needs, as plain text; see the module docstring for what is left out."""
    return render_report(diagnostics(desk, data_dir, extra=extra))
