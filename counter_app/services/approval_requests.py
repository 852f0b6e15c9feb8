"""Parking an operation for a manager: the request, its parameters sealed, audited; approvals.py runs it once approved."""

from __future__ import annotations

import json
from typing import Any

from counter_app.db import approvals as approval_rows
from counter_app.db.sealing import seal
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record
from counter_app.services.auth import NotSignedIn
from counter_app.services.desk import Desk

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
