"""Personal data on request: a manager reveals, exports or erases one member's data (PIPL), each audited."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from counter_app.db import members as rows
from counter_app.db.outbox import append_op
from counter_app.domain.errors import InvalidInput, NotFound, StoreUnavailable
from counter_app.domain.members import ERASED_NAME as ERASED_NAME
from counter_app.domain.staff import NotPermitted, Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import approval_requests
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk
from counter_app.services.members import member_id_number, member_phone, require_member
from counter_app.services.sync.enrolment import central_client, revoked_refusal, was_revoked
from sync.client import SyncError
from sync.protocol import RevealResponse

REASON_MAX = 500


@dataclass(frozen=True)
class RevealedData:
    member_no: str
    name: str
    phone: str | None
    id_number: str | None


def reveal_personal_data(desk: Desk, ref: str) -> RevealedData:
    """The full phone and ID number of one member, for a manager; every reveal is audited. A member registered
    at another counter has them only at the central server: asked there, online, and audited there too."""
    actor = authorize(desk, Permission.REVEAL_PERSONAL_DATA, "member.reveal")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
    if not registered_elsewhere(row):
        with desk.store.write() as connection:
            row = require_member(desk, connection, ref)
            record(desk, connection, actor, "member.reveal", row.member_no, details="phone, id_number")
            return RevealedData(row.member_no, row.name, member_phone(desk, row), member_id_number(desk, row))
    answer = _ask_the_server(desk, actor, row)
    with desk.store.write() as connection:
        record(desk, connection, actor, "member.reveal", row.member_no, details="phone, id_number; from the server")
    return RevealedData(row.member_no, row.name, answer.phone, answer.id_number)


def registered_elsewhere(row: Any) -> bool:
    """The member's phone or ID number is known here only masked: another counter registered them."""
    return (not row.phone_sealed and row.phone_masked is not None) or (
        not row.id_number_sealed and row.id_number_masked is not None
    )


def _ask_the_server(desk: Desk, actor: Any, row: Any) -> RevealResponse:
    """Outside any transaction of the store: the manager waits on the network, no other write does."""
    try:
        client = central_client(desk)
    except InvalidInput:
        raise StoreUnavailable(_ONLY_AT_THE_SERVER) from None
    try:
        return client.reveal(row.member_uid, actor.staff_id)
    except SyncError as error:
        record_alone(desk, actor, "member.reveal", row.member_no, outcome="refused", details=str(error))
        if error.offline:
            raise StoreUnavailable(_ONLY_AT_THE_SERVER) from None
        if was_revoked(error):
            raise revoked_refusal() from None
        if error.status == 403 and str(error).startswith("Full numbers refused"):
            # The server knows its staff: this account is unknown there, disabled, another store's, or no manager.
            raise NotPermitted(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "The central server does not know {staff} as an active manager of this store, so it shows no full numbers; ask head office to check the account.",
                ),
                staff=actor.staff_id,
            ) from None
        raise StoreUnavailable(
            QT_TRANSLATE_NOOP("Errors", "The central server refused to show the full numbers: {reason}"),
            reason=str(error),
        ) from None
    finally:
        client.close()


_ONLY_AT_THE_SERVER = QT_TRANSLATE_NOOP(
    "Errors",
    "This member was registered at another counter: their full phone and ID number are kept only at the central "
    "server, which cannot be reached now. Ask again when the counter is online.",
)


def export_member_data(desk: Desk, ref: str) -> dict[str, Any]:
    """Everything the desk holds on one member, unmasked, as the member may ask for it (PIPL art. 45)."""
    actor = authorize(desk, Permission.EXPORT_MEMBER_DATA, "member.export")
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        history = rows.change_history(connection, row.id)
        document = {
            "member_no": row.member_no,
            "name": row.name,
            "phone": member_phone(desk, row),
            "id_number": member_id_number(desk, row),
            "gender": row.gender,
            "birthday": row.birthday.isoformat() if row.birthday else None,
            "tier": row.tier,
            "points": row.points,
            "spend_12m": f"{row.spend_12m_cents / 100:.2f}",
            "registered_at": row.registered_at.isoformat(),
            "consent": {"notice_version": row.consent_version},
            "profile_changes": [
                {"field": h.field, "old": h.old_value, "new": h.new_value, "changed_at": h.changed_at.isoformat()}
                for h in history
            ],
            "exported_at": desk.now().isoformat(),
            "exported_by": actor.staff_id,
        }
        record(desk, connection, actor, "member.export", row.member_no)
        return document


@dataclass(frozen=True)
class Erasure:
    member_no: str
    erased_at: str


def erase_member(desk: Desk, ref: str, reason: str) -> Erasure:
    """Erase a member's personal data on request. The member number and the points ledger stay
    (accounts must balance); name, phone, ID number, birthday, gender and the search entry go."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Give the reason for the erasure (e.g. the member's request of today).")
        )
    if len(reason) > REASON_MAX:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "The reason is too long: at most {limit} characters."), limit=REASON_MAX
        )
    actor = authorize(desk, Permission.ERASE_MEMBER, "member.erase")
    now = desk.now()
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        if row.erased_at is not None:
            raise NotFound(
                QT_TRANSLATE_NOOP("Errors", "Member {member_no}'s personal data was erased already, on {when}."),
                member_no=row.member_no,
                when=row.erased_at.date().isoformat(),
            )
        # A member is erased once: a request parked for this erasure is carried out by this one (told
        # while the parked reference, a phone perhaps, still finds the member).
        op_id = str(uuid.uuid4())
        approval_requests.close_carried_out(
            desk,
            connection,
            "member.erase",
            lambda params: require_member(desk, connection, str(params["ref"])).id == row.id,
            op_id,
        )
        rows.erase_personal_data(
            connection,
            row.id,
            {
                "name": ERASED_NAME,
                "phone_sealed": None,
                "phone_index": None,
                "phone_tail_index": None,
                "id_number_sealed": None,
                "registry_index": None,
                "phone_masked": None,
                "id_number_masked": None,
                "gender": None,
                "birthday": None,
                "erased_at": now,
                "updated_at": now,
            },
        )
        append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "member.erased",
            {"member_uid": row.member_uid, "reason": reason},
            now,
            op_id=op_id,
        )
        record(desk, connection, actor, "member.erase", row.member_no, details=reason)
        return Erasure(row.member_no, now.isoformat(timespec="seconds"))
