"""Is the member at the desk? A spend's proof checked against what this desk scanned, the refusal or the proof audited."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import used_codes
from counter_app.domain import codes
from counter_app.domain import presence as rule
from counter_app.domain.codes import CardCode, CodeRefused, is_card_ref
from counter_app.domain.presence import Presence, PresenceNeeded, ProofKind
from counter_app.domain.staff import Actor, Permission
from counter_app.services.audit import record, record_alone
from counter_app.services.code_keys import verified_member
from counter_app.services.desk import Desk


def proof_for(ref: str | None, offered: Presence | dict[str, Any] | None) -> Presence | None:
    """The proof a spend goes by: the one offered (a parked request's, read back from its sealed parameters),
    else a printed card's code given as the member's REF (its limits follow it), else none: a typed number."""
    if isinstance(offered, dict):
        return Presence.from_params(offered)
    if offered is not None:
        return offered
    if is_card_ref(ref):
        return Presence(ProofKind.CARD, card=(ref or "").strip())
    return None


def check(
    desk: Desk, connection: Connection, row: Row[Any], points: int, proof: Presence | None, actor: Actor | None
) -> Presence | None:
    """The proof that the member `row` is here for a spend of `points`, or PresenceNeeded saying what is missing.
    None: the spend is within `[presence] free_points` and needs no proof."""
    if not rule.needs_proof(desk.rules, points):
        return None
    if proof is None:
        raise rule.typed_only()
    if proof.via is ProofKind.OVERRIDE:
        return _override(proof, actor)
    if proof.member_uid is not None and proof.member_uid != row.member_uid:
        raise rule.other_member(row.member_no)
    if proof.via is ProofKind.CARD:
        return _card(desk, connection, row, proof)
    if proof.parked and actor is not None and actor.authorized_by is not None and actor.may(Permission.APPROVE):
        # Scanned when the request was made (the request's parameters are sealed with the store's key); the
        # manager approving it now decides, with their name on the entry.
        return proof
    scan = used_codes.scan_of(connection, proof.nonce or "")
    if scan is None or scan.counter_uid != desk.counter_uid:
        raise rule.unknown_scan()
    if scan.member_uid != row.member_uid:
        raise rule.other_member(row.member_no)
    scanned_at = dt.datetime.fromisoformat(scan.seen_at)
    if not rule.code_still_fresh(desk.rules, scanned_at, desk.now()):
        raise rule.code_too_old(desk.rules.presence_code_minutes, scanned_at.strftime("%H:%M"))
    return Presence(ProofKind.CODE, row.member_uid, scanned_at, proof.nonce)


def _override(proof: Presence, actor: Actor | None) -> Presence:
    if actor is None or not actor.may(Permission.APPROVE):
        raise rule.override_not_manager(actor.staff_id if actor else "—")
    if not proof.reason or len(proof.reason) > rule.MAX_REASON_CHARS:
        raise rule.override_without_reason()
    return proof


def _card(desk: Desk, connection: Connection, row: Row[Any], proof: Presence) -> Presence:
    """The printed card's signature, checked again: a card proof names its member by the issuer's signature only."""
    try:
        parsed = codes.parse(proof.card or "")
        if not isinstance(parsed, CardCode):
            raise rule.unknown_scan()
        card_member = verified_member(desk, connection, parsed)
    except CodeRefused:
        raise rule.unknown_scan() from None
    if card_member.id != row.id:
        raise rule.other_member(row.member_no)
    return Presence(ProofKind.CARD, row.member_uid, proof.at, card=proof.card)


def require(desk: Desk, row: Row[Any], action: str, points: int, proof: Presence | None) -> None:
    """Before a spend's hold and write: refused, the refusal audited, when the member is not shown to be here."""
    actor = desk.actor()
    with desk.store.read() as connection:
        try:
            check(desk, connection, row, points, proof, actor)
        except PresenceNeeded as refusal:
            refused = refusal
        else:
            return
    record_alone(
        desk,
        actor,
        "member.presence",
        row.member_no,
        outcome="refused",
        details=f"{action} {points} points: {refused.reason}" + (f" (via {proof.via.value})" if proof else ""),
    )
    raise refused


def confirm(
    desk: Desk,
    connection: Connection,
    row: Row[Any],
    action: str,
    points: int,
    proof: Presence | None,
    actor: Actor | None,
) -> None:
    """In the spend's own transaction: the proof checked again, and the audit entry saying what it was."""
    held = check(desk, connection, row, points, proof, actor)
    if held is None:
        return
    if held.via is ProofKind.OVERRIDE:
        record(
            desk,
            connection,
            actor,
            "presence.override",
            row.member_no,
            details=f"{action} {points} points: {held.reason}",
        )
        return
    when = held.at.strftime("%H:%M:%S") if held.at else "—"
    details = f"{action} {points} points: {held.via.value} scanned {when}" + (
        " (parked request)" if held.parked else ""
    )
    record(desk, connection, actor, "member.presence", row.member_no, details=details)


def by_card(proof: Presence | None) -> bool:
    """A spend on the printed card's proof is held to the card's limits (rules [card])."""
    return proof is not None and proof.via is ProofKind.CARD


def spend_needs_proof(desk: Desk, points: int) -> bool:
    """For a spend form: whether to ask for the member's code before trying (the spend checks again)."""
    return rule.needs_proof(desk.rules, points)
