"""Members' personal data at the server: phone and ID number sealed (AES-256-GCM) under a key kept outside the
database, phones found by a blind index (HMAC-SHA256), and what the change feed may say about them.

The key is one random 32-byte master in a 0600 file (by default `server.key` beside `server.db`, or where
`--key-file` / COUNTER_SERVER_KEY_FILE puts it: on another volume, a secrets mount). Subkeys for sealing, the
blind index and counter pseudonyms are derived from it with HKDF. The database records the key's fingerprint:
a missing or wrong key stops the server at start instead of making every sealed value unreadable.

The index subkey is handed to every enrolled counter (a counter finds a member by a typed phone offline);
the sealing subkey never leaves the server.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
import secrets
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import Connection, insert, select

from counter_app.domain.members import mask_id_number, mask_phone, registry_phone_index
from counter_app.paths import make_owner_only_folder, tighten
from sync.protocol import RevealRequest, RevealResponse
from sync.server.schema import members, reveals

log = logging.getLogger("counter_server")

KEY_FILE = "server.key"
KEY_FILE_ENV = "COUNTER_SERVER_KEY_FILE"
FINGERPRINT_META = "key_fingerprint"
VERSION = b"\x01"
NONCE_BYTES = 12


class KeyProblem(Exception):
    """The server's key is missing, unreadable or not this database's: the sentence says what to do."""


@dataclass(frozen=True)
class ServerKeys:
    seal: bytes  # AES-256-GCM: phone and ID number at rest; never leaves the server
    index: bytes  # HMAC-SHA256: the phone's blind index; counters get it at enrolment
    counters: bytes  # HMAC-SHA256: the pseudonyms counters know each other by in the feed
    ops: bytes  # HMAC-SHA256: what applied_ops keeps of an op's body (a plain hash of it gives up a phone)
    fingerprint: str
    master: bytes


def _derive(master: bytes, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"counter-server " + purpose).derive(master)


def fingerprint_of(master: bytes) -> str:
    return hashlib.sha256(b"counter-server key fingerprint\x00" + master).hexdigest()[:16]


def server_keys(master: bytes) -> ServerKeys:
    return ServerKeys(
        seal=_derive(master, b"seal v1"),
        index=_derive(master, b"phone index v1"),
        counters=_derive(master, b"counter pseudonym v1"),
        ops=_derive(master, b"op body v1"),
        fingerprint=fingerprint_of(master),
        master=master,
    )


def body_mac(keys: ServerKeys, body_hash: str) -> str:
    """What the server keeps to know an op id's body again: the body's SHA-256 under a key of its own. The
    plain hash would let a copy of the database guess a phone or ID number in the body (11 digits: a few
    minutes of hashing, every other field being in the ledger and the feed)."""
    return hmac.new(keys.ops, body_hash.encode("ascii"), hashlib.sha256).hexdigest()


def default_key_file(database: str | None) -> Path:
    """COUNTER_SERVER_KEY_FILE, else beside a SQLite file (server.db → server.key), else in the data folder."""
    override = os.environ.get(KEY_FILE_ENV)
    if override:
        return Path(override).expanduser()
    if database and database != ":memory:" and not database.startswith("file:"):
        return Path(database).with_suffix(".key")
    from sync.server.cli import data_dir  # the data folder is the command line's to say

    return data_dir() / KEY_FILE


def _encode(master: bytes) -> str:
    return base64.b64encode(master).decode("ascii")


def _decode(text: str) -> bytes | None:
    try:
        master = base64.b64decode(text.strip(), validate=True)
    except ValueError:
        return None
    return master if len(master) == 32 else None


def read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="ascii", errors="replace")
    except OSError as error:
        raise KeyProblem(f"The key file {path} cannot be read ({error.strerror or error}).") from None
    master = _decode(text)
    if master is None:
        raise KeyProblem(f"{path} is not a counter-server key (32 bytes in base64 on one line).")
    return master


def write_key_file(path: Path, master: bytes, exclusive: bool = False) -> None:
    """0600 from its first byte, in a 0700 folder; written whole (a temporary file renamed) unless EXCLUSIVE,
    which never overwrites (a backup)."""
    make_owner_only_folder(path.parent)
    target = path if exclusive else path.with_name(path.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(target, flags, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as handle:
        handle.write(_encode(master) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    if not exclusive:
        os.replace(target, path)
    tighten(path)


def load_keys(path: Path, expected: str | None) -> ServerKeys:
    """The key in PATH, checked against the fingerprint the database recorded (EXPECTED). A database that
    never had one and no key file: a new key is made. A database that had one and no key file: refused."""
    if path.exists():
        tighten(path)
        master = read_key_file(path)
        if expected is not None and fingerprint_of(master) != expected:
            raise KeyProblem(
                f"The key in {path} (fingerprint {fingerprint_of(master)}) is not this database's (it needs "
                f"{expected}); restore the right one with: counter-server key restore BACKUP. Nothing was changed."
            )
        return server_keys(master)
    if expected is not None:
        raise KeyProblem(
            f"The server's key (fingerprint {expected}) is missing: no file {path}. Restore it from the key backup "
            "with: counter-server key restore BACKUP (or point --key-file at it). Nothing was changed; without the "
            "key no phone or ID number can be read."
        )
    master = secrets.token_bytes(32)
    write_key_file(path, master)
    return server_keys(master)


def seal(keys: ServerKeys, value: str, context: str) -> bytes:
    """CONTEXT (the column and the member's uid) is authenticated: a value moved to another row fails to open."""
    nonce = os.urandom(NONCE_BYTES)
    return VERSION + nonce + AESGCM(keys.seal).encrypt(nonce, value.encode("utf-8"), context.encode("utf-8"))


def unseal(keys: ServerKeys, blob: bytes, context: str) -> str:
    if not blob or blob[:1] != VERSION:
        raise KeyProblem(f"A sealed value ({context}) is not in the server's format.")
    try:
        return AESGCM(keys.seal).decrypt(blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :], context.encode()).decode()
    except InvalidTag:
        raise KeyProblem(f"A sealed value ({context}) does not open with this server's key.") from None


def phone_index(index_key: bytes, phone: str) -> str:
    """The blind index of a normalized phone, as the counters compute it (the same function, the same key)."""
    return registry_phone_index(index_key, phone)


def phone_context(member_uid: str) -> str:
    return f"members.phone:{member_uid}"


def id_number_context(member_uid: str) -> str:
    return f"members.id_number:{member_uid}"


def contact_context(complaint_uid: str) -> str:
    return f"complaint_events.contact:{complaint_uid}"


def sealed_contact(keys: ServerKeys, complaint_uid: str, data: dict[str, Any]) -> bytes | None:
    """A walk-in complaint's opening DATA loses its clear contact (popped): the masked form stays in DATA, as the
    feed carries it, and the sealed one is returned for the event's row (None: there was none)."""
    contact = data.pop("contact", None)
    if not contact:
        return None
    data["contact_masked"] = mask_phone(str(contact))
    return seal(keys, str(contact), contact_context(complaint_uid))


def opened_contact(keys: ServerKeys, row: Any) -> str | None:
    return unseal(keys, row.contact_sealed, contact_context(row.complaint_uid)) if row.contact_sealed else None


def sealed_columns(keys: ServerKeys, member_uid: str, phone: str | None, id_number: str | None) -> dict[str, Any]:
    """The members row's columns for a phone and an ID number (None: none)."""
    return {
        "phone_sealed": seal(keys, phone, phone_context(member_uid)) if phone else None,
        "phone_index": phone_index(keys.index, phone) if phone else None,
        "id_number_sealed": seal(keys, id_number, id_number_context(member_uid)) if id_number else None,
    }


def sealed_phone_columns(keys: ServerKeys, member_uid: str, phone: str | None) -> dict[str, Any]:
    columns = sealed_columns(keys, member_uid, phone, None)
    return {"phone_sealed": columns["phone_sealed"], "phone_index": columns["phone_index"]}


def sealed_id_number(keys: ServerKeys, member_uid: str, id_number: str | None) -> bytes | None:
    return seal(keys, id_number, id_number_context(member_uid)) if id_number else None


def opened_phone(keys: ServerKeys, row: Any) -> str | None:
    return unseal(keys, row.phone_sealed, phone_context(row.member_uid)) if row.phone_sealed else None


def opened_id_number(keys: ServerKeys, row: Any) -> str | None:
    return unseal(keys, row.id_number_sealed, id_number_context(row.member_uid)) if row.id_number_sealed else None


def feed_fields(keys: ServerKeys, row: Any) -> dict[str, Any]:
    """What the feed says of a member's phone and ID number: the blind index and the masked forms only."""
    phone = opened_phone(keys, row)
    return {
        "phone_index": row.phone_index,
        "phone_masked": mask_phone(phone) if phone else None,
        "id_number_masked": mask_id_number(opened_id_number(keys, row)),
    }


# Keys under which feed data names a counter by its counter_uid. A counter_uid is what enrolment binds a
# device by: counters must not learn each other's, so the feed names a counter by a pseudonym instead.
COUNTER_KEYS = frozenset({"counter_uid", "used_counter", "first_counter"})


def counter_pseudonym(keys: ServerKeys, counter_uid: str) -> str:
    """The same for one counter at every counter (complaints fold by it), worthless for enrolment."""
    digest = hmac.new(keys.counters, counter_uid.encode(), hashlib.sha256).digest()
    return str(uuid.UUID(bytes=digest[:16], version=4))


def without_counter_uids(keys: ServerKeys, data: Any) -> Any:
    """DATA with every counter_uid in it (at any depth) replaced by its pseudonym; "server" and the like stay."""
    if isinstance(data, dict):
        return {
            key: counter_pseudonym(keys, value)
            if key in COUNTER_KEYS and isinstance(value, str) and _is_uuid(value)
            else without_counter_uids(keys, value)
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [without_counter_uids(keys, item) for item in data]
    return data


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return len(value) == 36


def index_key_text(keys: ServerKeys) -> str:
    """The blind index's key as enrolment hands it to a counter."""
    return _encode(keys.index)


def reveal(connection: Connection, device: Any, request: RevealRequest, now: dt.datetime) -> RevealResponse | None:
    """A member's phone and ID number for the manager a counter names, recorded in `reveals` in the same
    transaction: no answer leaves without its row. None: no such member."""
    from sync.server.apply import resolve  # apply imports this module

    keys: ServerKeys = connection.info["keys"]
    member_uid = resolve(connection, request.member_uid)
    if member_uid is None:
        return None
    row = connection.execute(select(members).where(members.c.member_uid == member_uid)).one()
    connection.execute(
        insert(reveals).values(
            at=now.isoformat(),
            device_id=device.device_id,
            counter_no=device.counter_no,
            store=device.store,
            staff_id=request.staff_id,
            member_uid=member_uid,
            fields="phone,id_number",
        )
    )
    log.info(
        "full numbers of member %s shown to %s at counter %s (%s)",
        row.member_no,
        request.staff_id,
        device.counter_no,
        device.store,
    )
    return RevealResponse(
        member_uid=member_uid,
        member_no=row.member_no,
        phone=opened_phone(keys, row),
        id_number=opened_id_number(keys, row),
    )
