"""Whether the member is at the desk for a spend: the proofs a desk accepts, and when a spend needs one."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from counter_app.domain.rules import Rules
from counter_app.domain.staff import NotPermitted
from counter_app.i18n import QT_TRANSLATE_NOOP

MAX_REASON_CHARS = 200
CLOCK_SLACK = dt.timedelta(minutes=1)  # a scan "from the future" by less than this is a clock's tick, not a forgery


class ProofKind(enum.StrEnum):
    """How the desk knows the member is there; the value is what the audit and a parked request carry."""

    CODE = "code"  # the member's dynamic code, scanned at this desk
    CARD = "card"  # the printed static card: it can be photocopied, so the card's limits apply
    OVERRIDE = "override"  # a manager vouches for the member, with a reason


PROOF_LABELS: dict[str, str] = {  # in the "Presence" context
    ProofKind.CODE: QT_TRANSLATE_NOOP("Presence", "Member code scanned"),
    ProofKind.CARD: QT_TRANSLATE_NOOP("Presence", "Printed card"),
    ProofKind.OVERRIDE: QT_TRANSLATE_NOOP("Presence", "Manager override"),
}


@dataclass(frozen=True)
class Presence:
    """A proof offered for one member. Only the scan service makes code and card proofs; a spend checks each
    against the desk's own record (a code: the nonce it verified and remembered; a card: its signature again),
    so a proof typed or made up names nothing the desk has seen."""

    via: ProofKind
    member_uid: str | None = None  # None for an override: it is given for the operation it comes with
    at: dt.datetime | None = None  # when the code or card was scanned
    nonce: str | None = None  # code: the nonce the scan remembered
    card: str | None = None  # card: the printed code's payload
    reason: str | None = None  # override: why the manager vouches for the member
    parked: bool = False  # read back from a request parked for a manager: it held when the request was made

    @classmethod
    def override(cls, reason: str) -> Presence:
        return cls(ProofKind.OVERRIDE, reason=" ".join((reason or "").split()) or None)

    def to_params(self) -> dict[str, Any]:
        """For a parked request's sealed parameters."""
        return {
            "via": self.via.value,
            "member_uid": self.member_uid,
            "at": self.at.isoformat() if self.at else None,
            "nonce": self.nonce,
            "card": self.card,
            "reason": self.reason,
        }

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> Presence:
        at = params.get("at")
        return cls(
            ProofKind(params["via"]),
            params.get("member_uid"),
            dt.datetime.fromisoformat(at) if at else None,
            params.get("nonce"),
            params.get("card"),
            params.get("reason"),
            parked=True,
        )


class PresenceNeeded(NotPermitted):
    """A spend refused until the member is shown to be there; never parked: a manager cannot approve a member
    into the room later. `reason` names why, for the audit and the tests."""

    def __init__(self, reason: str, template: str, **params: object) -> None:
        self.reason = reason
        super().__init__(template, **params)


def needs_proof(rules: Rules, points: int) -> bool:
    """A spend above `[presence] free_points` needs the member at the desk."""
    return points > rules.presence_free_points


def code_still_fresh(rules: Rules, scanned_at: dt.datetime, now: dt.datetime) -> bool:
    """A code scanned within `[presence] code_minutes` still shows the member is there."""
    return now - dt.timedelta(minutes=rules.presence_code_minutes) <= scanned_at <= now + CLOCK_SLACK


def typed_only() -> PresenceNeeded:
    return PresenceNeeded(
        "typed",
        QT_TRANSLATE_NOOP(
            "Errors",
            "A typed phone or member number only looks the member up; to spend points scan the member's code (on the command line: --code), or a manager overrides with a reason.",
        ),
    )


def other_member(member_no: str) -> PresenceNeeded:
    return PresenceNeeded(
        "other_member",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The code scanned belongs to another member, not {member_no}; scan {member_no}'s own code.",
        ),
        member_no=member_no,
    )


def code_too_old(minutes: int, scanned: str) -> PresenceNeeded:
    return PresenceNeeded(
        "stale",
        QT_TRANSLATE_NOOP(
            "Errors",
            "The member's code was scanned at {time}, more than {minutes} minutes ago; scan the member's code again.",
        ),
        minutes=minutes,
        time=scanned,
    )


def unknown_scan() -> PresenceNeeded:
    return PresenceNeeded(
        "unknown_scan",
        QT_TRANSLATE_NOOP(
            "Errors", "This desk did not scan that member code; scan the member's code at this desk again."
        ),
    )


def override_without_reason() -> PresenceNeeded:
    return PresenceNeeded(
        "no_reason",
        QT_TRANSLATE_NOOP(
            "Errors",
            "A manager's override needs a reason of 1 to {limit} characters, e.g. the member's ID was checked.",
        ),
        limit=MAX_REASON_CHARS,
    )


def override_not_manager(staff_id: str) -> PresenceNeeded:
    return PresenceNeeded(
        "not_manager",
        QT_TRANSLATE_NOOP(
            "Errors",
            "Only a manager may vouch that the member is here; {staff_id} may not. A manager authorises it with their ID and PIN (on the command line: --manager ID).",
        ),
        staff_id=staff_id,
    )
