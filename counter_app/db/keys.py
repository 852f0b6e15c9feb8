"""The store's data key: in the OS keyring, or in a 0600 key file beside the store where there is none.

One random 32-byte master key per store; subkeys for sealing, blind indexes, the audit chain and its head
are derived from it with HKDF. The store records the key's fingerprint, so a missing or wrong key
is noticed at start and never replaced silently (that would make every sealed value unreadable).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from counter_app.domain.errors import StoreUnavailable
from counter_app.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

KEY_FILE = "desk.key"
KEYRING_SERVICE = "counter-app data key"
MIN_KEYRING_PRIORITY = 1  # below this keyring's backends are the "fail" one or plaintext files


@dataclass(frozen=True)
class DataKeys:
    seal: bytes  # AES-256-GCM: phone and ID numbers, outbox payloads
    index: bytes  # HMAC-SHA256: blind indexes (exact phone, phone tail)
    audit: bytes  # HMAC-SHA256: the audit chain
    anchor: bytes  # HMAC-SHA256: the audit chain's head record and the head the server acknowledged
    fingerprint: str
    master: bytes


class KeyMissing(StoreUnavailable):
    """The store holds sealed data but its key is not where it was kept."""


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"counter-app " + purpose).derive(master)


def fingerprint_of(master: bytes) -> str:
    return hashlib.sha256(b"counter-app key fingerprint\x00" + master).hexdigest()[:16]


def data_keys(master: bytes) -> DataKeys:
    return DataKeys(
        seal=_derive(master, b"seal v1"),
        index=_derive(master, b"blind index v1"),
        audit=_derive(master, b"audit chain v1"),
        anchor=_derive(master, b"audit head v1"),
        fingerprint=fingerprint_of(master),
        master=master,
    )


def _keyring() -> Any:
    """The OS keyring when it is a real one (Secret Service, Windows, macOS), else None."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except KeyringError:
        return None
    if getattr(backend, "priority", 0) < MIN_KEYRING_PRIORITY:
        return None
    return backend


def _encode(master: bytes) -> str:
    return base64.b64encode(master).decode("ascii")


def _decode(text: str) -> bytes | None:
    try:
        master = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        return None
    return master if len(master) == 32 else None


def _read_keyring(account: str) -> bytes | None:
    backend = _keyring()
    if backend is None:
        return None
    try:
        stored = backend.get_password(KEYRING_SERVICE, account)
    except Exception:  # a locked or broken keyring: fall back to the file, and say so in the log
        log.warning("the OS keyring could not be read", exc_info=True)
        return None
    return _decode(stored) if stored else None


def _read_file(data_dir: Path) -> bytes | None:
    path = data_dir / KEY_FILE
    if not path.exists():
        return None
    return _decode(path.read_text(encoding="ascii", errors="replace"))


def _write_file(data_dir: Path, master: bytes) -> Path:
    path = data_dir / KEY_FILE
    temporary = path.with_suffix(".tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(_encode(master) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    os.chmod(path, 0o600)
    return path


def save_key(data_dir: Path, account: str, master: bytes) -> str:
    """Keep the key in the keyring if there is one, else in the key file. Returns where it went."""
    backend = _keyring()
    if backend is not None:
        try:
            backend.set_password(KEYRING_SERVICE, account, _encode(master))
            return "keyring"
        except Exception:
            log.warning("the OS keyring refused the key; using the key file", exc_info=True)
    _write_file(data_dir, master)
    return "file"


def load_keys(data_dir: Path, account: str, expected: str | None) -> tuple[DataKeys, bool]:
    """The store's keys, and whether they were made just now (a store that never had one)."""
    for master in (_read_keyring(account), _read_file(data_dir)):
        if master is None:
            continue
        if expected is None or fingerprint_of(master) == expected:
            return data_keys(master), False
    if expected is not None:
        raise KeyMissing(
            QT_TRANSLATE_NOOP(
                "Errors",
                "The data key of this store (fingerprint {fingerprint}) is missing from the keyring and from {path}. "
                "Restore it from the key backup with: counter-app key import FILE. Nothing was changed; "
                "without the key, phone and ID numbers cannot be read.",
            ),
            fingerprint=expected,
            path=str(data_dir / KEY_FILE),
        )
    master = secrets.token_bytes(32)
    save_key(data_dir, account, master)
    return data_keys(master), True


def export_key(keys: DataKeys, target: Path) -> None:
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(_encode(keys.master) + "\n")


def read_key_backup(source: Path) -> bytes:
    try:
        master = _decode(source.read_text(encoding="ascii", errors="replace"))
    except OSError as error:
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The key backup {path} cannot be read ({reason})."),
            path=str(source),
            reason=error.strerror or str(error),
        ) from None
    if master is None:
        raise StoreUnavailable(QT_TRANSLATE_NOOP("Errors", "{path} is not a desk key backup."), path=str(source))
    return master
