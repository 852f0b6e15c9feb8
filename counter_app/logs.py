"""Where the desk writes what went wrong: a rotating log file in the data folder, and a crash file for hard crashes."""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import io
import logging
import logging.handlers
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from counter_app import __version__
from counter_app.paths import create_owner_only_file, make_owner_only_folder, owner_only_opener, tighten_folder

LOG_FOLDER = "logs"
LOG_FILE = "desk.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# A record's first line, as FORMAT writes it; the lines after it (a traceback) belong to it.
_RECORD_START = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}) (DEBUG|INFO|WARNING|ERROR|CRITICAL) (\S+): ?(.*)$")

crash_log = logging.getLogger("counter_app.crash")
_lock = threading.Lock()
_crash_file: IO[str] | None = None  # faulthandler writes to this descriptor when the process dies; kept open


class _DeskFormatter(logging.Formatter):
    """The usual format, but an exception already written out in full is referred to, not repeated.

    A failed background task is logged where it failed (tasks.Op) and often again by the widget that
    shows the clerk a sentence; support wants one traceback, and a line saying where else it surfaced.
    """

    def format(self, record: logging.LogRecord) -> str:
        error = record.exc_info[1] if record.exc_info else None
        first = getattr(error, "_desk_logged_in", None)
        if error is not None and first is not None and first is not record:
            # (The same record is formatted twice: the rotating handler measures it before writing it.)
            record = logging.makeLogRecord({**record.__dict__, "exc_info": None, "exc_text": None})
            record.msg = f"{record.msg} ({type(error).__name__}: traceback logged above)"
            return super().format(record)
        text = super().format(record)
        if error is not None and first is None:
            # An exception type with __slots__ takes no mark: it is simply written out again.
            with contextlib.suppress(AttributeError):
                error._desk_logged_in = record  # type: ignore[attr-defined]  # a mark of ours on the exception itself
        return text


class _OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every desk.log it opens, the first and each one after a rotation, is 0600 whatever the umask:
    the log names staff and members."""

    def _open(self) -> io.TextIOWrapper:
        create_owner_only_file(Path(self.baseFilename))
        return super()._open()


def log_folder(data_dir: Path) -> Path:
    return data_dir / LOG_FOLDER


def setup_logging(data_dir: Path) -> Path | None:
    """Log to data_dir/logs/desk.log (1 MB × 5) and hard crashes to crash.log; None when that folder cannot be written.

    Idempotent: a second call for the same folder changes nothing; a call for another folder moves
    the desk's handler there (tests and the screenshot command open several data folders)."""
    folder = log_folder(data_dir)
    path = folder / LOG_FILE
    root = logging.getLogger()
    with _lock:
        ours = [handler for handler in root.handlers if getattr(handler, "_desk_log", False)]
        if any(
            handler.baseFilename == os.path.abspath(path)
            for handler in ours
            if isinstance(handler, logging.FileHandler)
        ):
            return path
        try:
            make_owner_only_folder(folder)
            tightened = tighten_folder(folder, os.listdir(folder))  # the logs folder is all ours
            handler: logging.Handler = _OwnerOnlyRotatingFileHandler(
                path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
            )
        except OSError:
            # Without any handler, logging's last resort would print tracebacks on the clerk's terminal.
            if not ours:
                quiet = logging.NullHandler()
                quiet._desk_log = True  # type: ignore[attr-defined]
                root.addHandler(quiet)
            return None
        handler.setFormatter(_DeskFormatter(FORMAT))
        handler._desk_log = True  # type: ignore[attr-defined]
        for old in ours:
            root.removeHandler(old)
            old.close()
        root.addHandler(handler)
        root.setLevel(logging.INFO)
        logging.getLogger("alembic.runtime.plugins").setLevel(
            logging.WARNING
        )  # a line per plugin at every start: noise
        _enable_faulthandler(folder)
    for changed in tightened:
        logging.getLogger(__name__).warning("%s was readable by other accounts; it is now owner-only", changed)
    return path


def _enable_faulthandler(folder: Path) -> None:
    """A segfault in a native library (Qt, OpenCV, a printer driver) skips every Python handler:
    faulthandler still writes each thread's stack to crash.log before the process dies."""
    global _crash_file
    path = folder / CRASH_FILE
    try:
        if path.exists() and path.stat().st_size > MAX_BYTES:
            path.replace(path.with_name(CRASH_FILE + ".1"))
        crash_file = open(path, "a", encoding="utf-8", opener=owner_only_opener)  # noqa: SIM115 - must outlive this call
    except OSError:
        return
    faulthandler.enable(file=crash_file, all_threads=True)
    if _crash_file is not None:
        _crash_file.close()
    _crash_file = crash_file


def crash_file_path() -> Path | None:
    """Where faulthandler writes now (None when it is not set up by us)."""
    return Path(_crash_file.name) if _crash_file is not None and faulthandler.is_enabled() else None


def log_unhandled(
    error_type: type[BaseException], error: BaseException, tb: TracebackType | None, context: dict[str, Any]
) -> None:
    """One ERROR record for a bug nobody caught: its traceback, and what the desk was doing."""
    details = {"app_version": __version__, **context}
    summary = ", ".join(f"{key}={value}" for key, value in details.items() if value not in (None, ""))
    crash_log.error("unhandled %s: %s [%s]", error_type.__name__, error, summary, exc_info=(error_type, error, tb))


@dataclass(frozen=True)
class LogEntry:
    """One log record: its first line split up, and any lines after it (a traceback)."""

    at: str  # as written, local time: "2026-11-23 10:30:00,123"; "" for lines no record claims
    level: str  # DEBUG … CRITICAL; "" for such lines
    source: str  # the logger's name
    message: str
    details: str  # the traceback, or ""
    file: str  # desk.log, desk.log.1, …

    def text(self) -> str:
        head = f"{self.at} {self.level} {self.source}: {self.message}" if self.level else self.message
        return f"{head}\n{self.details}" if self.details else head


def log_files(data_dir: Path) -> list[Path]:
    """The log and its rotated copies that exist, oldest first (desk.log.5 … desk.log.1, desk.log)."""
    folder = log_folder(data_dir)
    candidates = [folder / f"{LOG_FILE}.{number}" for number in range(BACKUP_COUNT + 5, 0, -1)] + [folder / LOG_FILE]
    return [path for path in candidates if path.is_file()]


def parse_log(text: str, file: str = LOG_FILE) -> list[LogEntry]:
    entries: list[LogEntry] = []
    head: list[str] | None = None
    details: list[str] = []

    def close() -> None:
        if head is not None:
            entries.append(LogEntry(head[0], head[1], head[2], head[3], "\n".join(details), file))

    for line in text.splitlines():
        match = _RECORD_START.match(line)
        if match:
            close()
            head, details = list(match.groups()), []
        elif head is None:
            # Lines before the first record (a file written by something else): kept, never dropped.
            entries.append(LogEntry("", "", "", line, "", file))
        else:
            details.append(line)
    close()
    return entries


def read_log(data_dir: Path) -> list[LogEntry]:
    """Every record of the log and its rotated copies, oldest first. Raises OSError when a file cannot be read."""
    entries: list[LogEntry] = []
    for path in log_files(data_dir):
        entries.extend(parse_log(path.read_text(encoding="utf-8", errors="replace"), path.name))
    return entries


def tail_lines(data_dir: Path, count: int = 200) -> list[str]:
    """The last `count` lines written, across the rotated copies when the current file is short."""
    lines: list[str] = []
    for path in reversed(log_files(data_dir)):
        try:
            lines[:0] = path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        if len(lines) >= count:
            break
    return lines[-count:]


def crash_report(data_dir: Path) -> tuple[dt.datetime, str] | None:
    """When the last hard crash was written (the crash file's time) and its text; None if there was none."""
    path = log_folder(data_dir) / CRASH_FILE
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        return dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone(), path.read_text(
            encoding="utf-8", errors="replace"
        )
    except OSError:
        return None
