"""The manager's approval queue: operations parked by staff who may not do them, run only when approved."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from counter_app.db import approvals as approval_rows
from counter_app.db import staff as staff_rows
from counter_app.db.sealing import unseal
from counter_app.domain.errors import Conflict, DeskError, InvalidInput, NotFound
from counter_app.domain.staff import Actor, HeldForApproval, NeedsManager, Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import approval_requests, members, privacy, voids
from counter_app.services import points as points_service
from counter_app.services.approval_requests import CARRIED_OUT, PARKABLE_ACTIONS, params_context
from counter_app.services.approval_requests import request as request
from counter_app.services.audit import record
from counter_app.services.auth import authorize
from counter_app.services.desk import Desk


def _edit(desk: Desk, ref: str, **fields: str | None) -> Any:
    return members.edit_member(desk, ref, members.ProfileEdit(**fields))


# What may wait for a manager: the action's name, and how to run it from its stored parameters.
PARKABLE: dict[str, Callable[..., Any]] = {
    "member.erase": privacy.erase_member,
    "member.edit": _edit,
    "points.earn": points_service.earn_from_slip,
    "points.cash": points_service.redeem_cash,
    # A clerk who finds a wrong entry asks for its void; it happens when a manager approves.
    "points.void": voids.void_operation,
}
# What an operation asks of the central server, asked before the approval's write transaction opens (as the
# operation does when run directly) and handed to it: no other write at this desk waits on the network.
BEFORE_WRITE: dict[str, Callable[..., dict[str, Any]]] = {
    "points.cash": lambda desk, ref, points, presence=None: {
        "hold": points_service.cash_hold(desk, ref, points, presence)
    },
}
if PARKABLE.keys() != PARKABLE_ACTIONS:  # a request parked must be one a manager can run
    raise ImportError(f"parkable actions differ: {sorted(PARKABLE.keys() ^ PARKABLE_ACTIONS)}")


@dataclass(frozen=True)
class ApprovalInfo:
    approval_id: int
    action: str
    subject: str | None
    requested_by: str
    requested_at: str
    status: str
    decided_by: str | None
    reason: str | None


def _info(row: Any) -> ApprovalInfo:
    return ApprovalInfo(
        row.id,
        row.action,
        row.subject,
        row.requested_by,
        row.requested_at.isoformat(timespec="seconds"),
        row.status,
        row.decided_by,
        row.reason,
    )


def run_or_park(desk: Desk, action: str, subject: str | None, **params: Any) -> Any:
    """Run a parkable operation; if the staff member's role may not, park it and say so (exit 3)."""
    try:
        return PARKABLE[action](desk, **params)
    except NeedsManager:
        approval_id = request(desk, action, subject, params)
        raise HeldForApproval(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Held for a manager's approval as request {approval_id}; nothing is changed until a manager approves it.",
            ),
            approval_id=approval_id,
        ) from None


def pending(desk: Desk) -> list[ApprovalInfo]:
    authorize(desk, Permission.APPROVE, "approval.list")
    with desk.store.read() as connection:
        return [_info(row) for row in approval_rows.pending_requests(connection)]


def parked_params(desk: Desk, connection: Any, approval_id: int) -> dict[str, Any]:
    """What a parked request will run with, for the manager's queue to show (the caller authorised)."""
    return approval_requests.parked_params(desk, connection, approval_id)


def _pending_row(connection: Any, approval_id: int) -> Any:
    row = approval_rows.request_by_id(connection, approval_id)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("Errors", "There is no approval request {approval_id}."), approval_id=approval_id
        )
    if row.status == CARRIED_OUT:
        raise Conflict(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Request {approval_id} was already carried out as operation {op_id}; it is closed and cannot run again.",
            ),
            approval_id=approval_id,
            op_id=row.reason,
        )
    if row.status != "pending":
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "Request {approval_id} was {status} already."),
            approval_id=approval_id,
            status=row.status,
        )
    return row


def approve(desk: Desk, approval_id: int) -> Any:
    """Run the parked operation as its requester, authorised by this manager, in one transaction
    with the approval itself: approved and applied, or neither."""
    manager = authorize(desk, Permission.APPROVE, "approval.approve", f"#{approval_id}")
    failure: DeskError | None = None
    try:
        with desk.store.read() as connection:
            row = _pending_row(connection, approval_id)
            params = json.loads(unseal(desk.store.keys, row.params_sealed, params_context(approval_id)))
        try:
            asked = BEFORE_WRITE[row.action](desk, **params) if row.action in BEFORE_WRITE else {}
        except DeskError as error:
            failure = error
            raise
        with desk.store.write() as connection:
            row = _pending_row(connection, approval_id)  # again: another manager may have decided it meanwhile
            who = staff_rows.staff_by_id(connection, row.requested_by)
            requester = Actor(
                row.requested_by,
                who.name if who else row.requested_by,
                who.role if who else "",
                authorized_by=manager.staff_id,
                authorizer_role=manager.role,
            )
            # Decided before it runs, in the same transaction: the operation, carried out, closes the other
            # requests for the same one (approval_requests.close_carried_out), never this one.
            approval_rows.decide(connection, approval_id, "approved", manager.staff_id, desk.now())
            try:
                with desk.acting_as(requester):
                    result = PARKABLE[row.action](desk, **params, **asked)
            except DeskError as error:
                failure = error
                raise
            record(desk, connection, manager, "approval.approve", row.subject, details=f"#{approval_id} {row.action}")
            return result
    finally:
        if failure is not None:
            # The operation cannot run as asked (the member changed meanwhile): the request fails, visibly.
            with desk.store.write() as connection:
                approval_rows.decide(
                    connection, approval_id, "failed", manager.staff_id, desk.now(), failure.message("en")[:500]
                )
                record(
                    desk,
                    connection,
                    manager,
                    "approval.approve",
                    None,
                    outcome="failed",
                    details=f"#{approval_id}: {failure.message('en')}",
                )


def reject(desk: Desk, approval_id: int, reason: str) -> ApprovalInfo:
    manager = authorize(desk, Permission.APPROVE, "approval.reject", f"#{approval_id}")
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Give a reason for the rejection; the requester will see it."))
    with desk.store.write() as connection:
        row = _pending_row(connection, approval_id)
        approval_rows.decide(connection, approval_id, "rejected", manager.staff_id, desk.now(), reason[:500])
        record(
            desk,
            connection,
            manager,
            "approval.reject",
            row.subject,
            details=f"#{approval_id} {row.action}: {reason[:500]}",
        )
        decided = approval_rows.request_by_id(connection, approval_id)
        assert decided is not None  # _pending_row found it in this transaction
        return _info(decided)
