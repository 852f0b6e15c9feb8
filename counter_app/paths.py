"""Where the desk finds its shipped resources (translations, styles, icons), and how its own data files are kept owner-only."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path


def shown_path(path: Path | str) -> str:
    """A file name as text: bytes in it that are not UTF-8 (any are allowed on POSIX) shown as \\xNN escapes,
    so it can go into the audit trail, a message or JSON."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def resources_dir() -> Path:
    # A PyInstaller bundle unpacks next to the executable; a checkout keeps resources/ at the top.
    override = os.environ.get("COUNTER_RESOURCES_DIR")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


# The desk's data folder holds members' personal data and the staff's PIN hashes: only the account the
# desk runs under may read it, whatever umask the process was started with.
OWNER_ONLY_FOLDER = 0o700
OWNER_ONLY_FILE = 0o600
_CHECK_MODES = os.name == "posix"  # Windows has no mode bits to tighten; a folder's ACLs come from its parent


def owner_only_opener(path: str, flags: int) -> int:
    """For open(..., opener=...): a file the call creates is 0600 from its first byte (the umask can only clear bits)."""
    return os.open(path, flags, OWNER_ONLY_FILE)


def make_owner_only_folder(folder: Path) -> None:
    """Create the folder (and any missing parents) and make it 0700; mkdir's own mode would be cut by the umask."""
    folder.mkdir(parents=True, exist_ok=True)
    tighten(folder)


def create_owner_only_file(path: Path) -> None:
    """An empty file, 0600 before anyone writes to it; an existing one is only tightened."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, OWNER_ONLY_FILE))
    tighten(path)


def tighten(path: Path) -> bool:
    """Clear the group and other bits of a file (to 0600) or folder (to 0700); True when they had any."""
    if not _CHECK_MODES:
        return False
    try:
        status = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(status.st_mode):
        return False  # a link's own mode means nothing; what it points to is not ours to change
    wanted = OWNER_ONLY_FOLDER if stat.S_ISDIR(status.st_mode) else OWNER_ONLY_FILE
    if stat.S_IMODE(status.st_mode) & ~wanted == 0:
        return False
    os.chmod(path, stat.S_IMODE(status.st_mode) & wanted)
    return True


def tighten_folder(folder: Path, names: Iterable[str]) -> list[Path]:
    """Tighten the folder and, of what is in it, the named files and folders (a folder with all it holds), as an
    older desk (or a copy) may have left them 0644; returns what changed. Only the named entries: a data
    folder chosen with --data-dir may hold other people's files, which are not the desk's to change."""
    changed = [folder] if tighten(folder) else []
    if not _CHECK_MODES or not folder.is_dir():
        return changed
    for name in names:
        top = folder / name
        if tighten(top):
            changed.append(top)
        if top.is_dir() and not top.is_symlink():
            for root, folders, files in os.walk(top):
                for inner in [*folders, *files]:
                    path = Path(root) / inner
                    if tighten(path):
                        changed.append(path)
    return changed
