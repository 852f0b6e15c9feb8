"""The audit chain: each entry's digest covers its canonical form and the previous entry's digest."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

GENESIS = "0" * 64
# The fields the digest covers, in a fixed order; a change to any of them breaks the chain.
CHAINED_FIELDS = (
    "seq",
    "at",
    "staff_id",
    "role",
    "authorized_by",
    "counter_uid",
    "action",
    "subject",
    "outcome",
    "before",
    "after",
    "details",
)


def canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(
        {field: entry.get(field) for field in CHAINED_FIELDS}, ensure_ascii=False, sort_keys=True, separators=(",", ":")
    ).encode("utf-8")


def digest(key: bytes, previous: str, entry: dict[str, Any]) -> str:
    """Keyed (HMAC-SHA256): without the store's key an edited entry cannot be re-chained to look whole."""
    return hmac.new(key, previous.encode("ascii") + b"\x00" + canonical(entry), hashlib.sha256).hexdigest()


def head_seal(key: bytes, seq: int, entry_digest: str) -> str:
    """The head record's own HMAC: moving the head back to an older entry needs the desk's key."""
    return hmac.new(key, f"audit head\x00{seq}:{entry_digest}".encode("ascii"), hashlib.sha256).hexdigest()


def acknowledged_seal(key: bytes, seq: int, entry_digest: str, at: str) -> str:
    """The HMAC of the head the central server acknowledged, as the desk keeps it for offline checks."""
    return hmac.new(key, f"audit acknowledged\x00{seq}:{entry_digest}:{at}".encode("ascii"), hashlib.sha256).hexdigest()


def seal_matches(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode("ascii"), given.encode("ascii", "replace"))
