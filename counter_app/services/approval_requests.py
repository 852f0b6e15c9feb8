"""Parking an operation for a manager: the request, its parameters sealed, audited; approvals.py runs it once approved."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from counter_app.db import approvals as approval_rows
from counter_app.db.sealing import seal, unseal
from counter_app.domain.errors import DeskError, InvalidInput
from counter_app.domain.presence import Presence
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

# A parked request whose operation was carried out meanwhile (redone with a manager's authority): closed, never run.
CARRIED_OUT = "done"

# What may wait for a manager; approvals.PARKABLE says how each is run from its stored parameters.
PARKABLE_ACTIONS = frozenset({"member.erase", "member.edit", "points.earn", "points.cash", "points.void"})


def params_context(approval_id: int) -> str:
    """What a request's sealed parameters are bound to: they open for this request only."""
    return f"approvals:{approval_id}"


def request(desk: Desk, action: str, subject: str | None, params: dict[str, Any], details: str | None = None) -> int:
    actor = desk.actor()
    if actor is None:
        raise NotSignedIn(QT_TRANSLATE_NOOP("Errors", "Sign in first: this needs a staff member at the desk."))
    if action not in PARKABLE_ACTIONS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "{action} cannot wait for approval; ask a manager to do it now."), action=action
        )
    # A spend's proof that the member was here goes with it, to be shown to the manager who approves it.
    params = {name: value.to_params() if isinstance(value, Presence) else value for name, value in params.items()}
    with desk.store.write() as connection:
        approval_id = approval_rows.add_request(connection, action, subject, actor.staff_id, desk.now())
        # Parameters may carry a phone number: sealed like any personal data, bound to this request.
        sealed = seal(desk.store.keys, json.dumps(params, ensure_ascii=False), params_context(approval_id))
        approval_rows.set_params(connection, approval_id, sealed)
        record(
            desk,
            connection,
            actor,
            "approval.request",
            subject,
            details=f"#{approval_id} {action}" + (f": {details}" if details else ""),
        )
    return approval_id


def parked_params(desk: Desk, connection: Connection, approval_id: int) -> dict[str, Any]:
    """What a parked request will run with (the caller authorised, or is the operation itself)."""
    sealed = approval_rows.sealed_params(connection, approval_id)
    if not sealed:
        return {}
    params: dict[str, Any] = json.loads(unseal(desk.store.keys, sealed, params_context(approval_id)))
    return params


def close_carried_out(
    desk: Desk, connection: Connection, action: str, same: Callable[[dict[str, Any]], bool], op_id: str
) -> list[int]:
    """An operation has one identity: once carried out, the requests still waiting for the same one
    (`same` tells it from their parameters) are closed in its transaction, so approving one later
    cannot do it a second time. Returns the requests closed."""
    closed: list[int] = []
    for row in approval_rows.pending_requests(connection):
        if row.action != action:
            continue
        try:
            matches = same(parked_params(desk, connection, row.id))
        except (DeskError, KeyError, TypeError, ValueError):
            matches = False  # parameters that no longer name a member or an amount are another operation
        if not matches:
            continue
        actor = desk.actor()
        decider = (actor.authorized_by or actor.staff_id) if actor else "system"
        approval_rows.decide(connection, row.id, CARRIED_OUT, decider, desk.now(), op_id)
        record(desk, connection, actor, "approval.close", row.subject, details=f"#{row.id} {action}: as {op_id}")
        closed.append(row.id)
    return closed
