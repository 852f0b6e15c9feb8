"""The store's data key: backing it up and restoring it (the only way back from a lost keyring)."""

from __future__ import annotations

from pathlib import Path

from counter_app.db.keys import KEY_FILE, export_key, fingerprint_of, read_key_backup, save_key
from counter_app.db.meta import key_record_in_file
from counter_app.db.store import STORE_FILE
from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.staff import Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.paths import shown_path
from counter_app.services.audit import record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk


def back_up_key(desk: Desk, target: Path) -> str:
    """Write the key to `target` (created, never overwritten, mode 0600). Returns its fingerprint."""
    actor = authorize(desk, Permission.KEY_BACKUP, "key.export")
    try:
        export_key(desk.store.keys, target)
    except FileExistsError:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "{path} exists already; choose a new file name for the key backup."),
            path=str(target),
        ) from None
    except OSError as error:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The key backup {path} cannot be written ({reason})."),
            path=str(target),
            reason=error.strerror or str(error),
        ) from None
    record_alone(desk, actor, "key.export", desk.store.keys.fingerprint, details=shown_path(target))
    return desk.store.keys.fingerprint


def restore_key(data_dir: Path, source: Path) -> str:
    """Put a backed-up key back where the desk looks for it, after checking it is this store's key.
    Works without opening the desk: that is exactly what a lost key prevents."""
    master = read_key_backup(source)
    store_file = data_dir / STORE_FILE
    if not store_file.exists():
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "There is no desk store in {path}; check --data-dir."), path=str(data_dir)
        )
    recorded = key_record_in_file(store_file)
    if recorded.get("key_fingerprint") != fingerprint_of(master):
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP(
                "Errors",
                "That key belongs to another store (fingerprint {found}, this store needs {needed}); nothing was changed.",
            ),
            found=fingerprint_of(master),
            needed=recorded.get("key_fingerprint", "—"),
        )
    save_key(data_dir, recorded["key_account"], master)
    return fingerprint_of(master)


__all__ = ["KEY_FILE", "back_up_key", "restore_key"]
