"""Member use cases: register, look up, search, edit the profile, read its history."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Row

from counter_app.db import members as rows
from counter_app.db import points as points_rows
from counter_app.db import rewards as reward_rows
from counter_app.db import sealing
from counter_app.db.outbox import append_op
from counter_app.domain.codes import looks_like_code
from counter_app.domain.coupons import display as display_coupon
from counter_app.domain.errors import Conflict, DeskError, FieldError, InvalidInput, NotFound, form_invalid
from counter_app.domain.members import (
    RegistrationForm,
    field_checks,
    format_member_no,
    id_number_birthday,
    mask_id_number,
    mask_name,
    mask_phone,
    normalize_phone,
    parse_member_no,
    registry_phone_index,
    validate_registration,
)
from counter_app.domain.search import QueryKind, classify_query
from counter_app.domain.staff import NeedsManager, Permission
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services.audit import record, record_alone
from counter_app.services.auth import authorize
from counter_app.services.balances import award_referral
from counter_app.services.code_keys import member_for_code
from counter_app.services.desk import Desk
from counter_app.services.sync.enrolment import phone_index_key


@dataclass(frozen=True)
class MemberSummary:
    """One line of a search result."""

    member_no: str
    name: str
    phone: str  # masked
    tier: str
    points: int


@dataclass(frozen=True)
class MemberCard:
    """What the desk shows when a member is opened; personal data comes masked."""

    member_no: str
    name: str
    phone: str  # masked
    gender: str | None
    birthday: str | None
    id_number: str | None  # masked
    tier: str
    points: int
    spend_12m: str  # yuan, two decimals
    registered_at: str
    referrer_no: str | None
    consent_version: str
    expiring: list[dict[str, Any]] = field(default_factory=list)
    coupons: list[dict[str, Any]] = field(default_factory=list)
    tier_history: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SearchResult:
    query_kind: str | None
    members: list[MemberSummary]
    more: bool  # there are more matches than listed: the clerk should type more
    exact: MemberCard | None = None  # a whole phone or member number: the desk opens the card at once


@dataclass(frozen=True)
class ProfileChange:
    field: str
    old: str | None
    new: str | None
    changed_at: str
    op_id: str


@dataclass(frozen=True)
class ProfileEdit:
    """Fields to change, as typed; None leaves a field alone, "" clears an optional one."""

    phone: str | None = None
    name: str | None = None
    gender: str | None = None
    birthday: str | None = None
    id_number: str | None = None


def member_phone(desk: Desk, row: Row[Any]) -> str | None:
    return (
        sealing.unseal(desk.store.keys, row.phone_sealed, sealing.phone_context(row.member_uid))
        if row.phone_sealed
        else None
    )


def member_id_number(desk: Desk, row: Row[Any]) -> str | None:
    return (
        sealing.unseal(desk.store.keys, row.id_number_sealed, sealing.id_number_context(row.member_uid))
        if row.id_number_sealed
        else None
    )


def shown_phone(desk: Desk, row: Row[Any]) -> str:
    """The masked phone: of the phone sealed here, or as the registry sent it for a member registered elsewhere."""
    phone = member_phone(desk, row)
    return mask_phone(phone) if phone else (row.phone_masked or mask_phone(""))


def registry_index_of(desk: Desk, connection: Connection, phone: str) -> str | None:
    """The registry's blind index of a phone; None before enrolment brought the chain's key."""
    key = phone_index_key(desk, connection)
    return registry_phone_index(key, phone) if key is not None else None


def _has_phone(desk: Desk, connection: Connection, row: Row[Any], phone: str) -> bool:
    """Whether the member's phone is PHONE: the one sealed here, or the registry's by its blind index."""
    if row.phone_sealed:
        return member_phone(desk, row) == phone
    return row.registry_index is not None and registry_index_of(desk, connection, phone) == row.registry_index


def _card(desk: Desk, connection: Connection, row: Row[Any]) -> MemberCard:
    referrer_no = None
    if row.referrer_id is not None:
        referrer = rows.member_by(connection, id=row.referrer_id)
        referrer_no = referrer.member_no if referrer else None
    return MemberCard(
        member_no=row.member_no,
        name=row.name,
        phone=shown_phone(desk, row),
        gender=row.gender,
        birthday=row.birthday.isoformat() if row.birthday else None,
        id_number=mask_id_number(member_id_number(desk, row)) or row.id_number_masked,
        tier=row.tier,
        points=row.points,
        spend_12m=f"{Decimal(row.spend_12m_cents) / 100:.2f}",
        registered_at=row.registered_at.isoformat(timespec="seconds"),
        referrer_no=referrer_no,
        consent_version=row.consent_version,
        expiring=[
            {"points": lot.points, "expires_on": str(lot.expires_on)}
            for lot in points_rows.expiring(
                connection, row.id, desk.today(), desk.today() + dt.timedelta(days=desk.rules.expiry_warn_days)
            )
        ],
        tier_history=[
            {"from": t.old_tier, "to": t.new_tier, "at": t.at[:10], "reason": t.reason}
            for t in points_rows.recent_tier_changes(connection, row.id, 5)
        ],
        coupons=[
            {"title": c.title, "code": display_coupon(c.code), "valid_until": c.valid_until}
            for c in reward_rows.usable_coupons(connection, row.id, desk.today())
        ],
    )


def _summary(desk: Desk, row: Row[Any]) -> MemberSummary:
    return MemberSummary(
        member_no=row.member_no,
        name=row.name,
        phone=shown_phone(desk, row),
        tier=row.tier,
        points=row.points,
    )


def _by_phone(desk: Desk, connection: Connection, phone: str) -> Row[Any] | None:
    """A member registered here by its phone sealed here; one registered elsewhere by the registry's blind index."""
    found = rows.member_by(connection, phone_index=sealing.phone_index(desk.store.keys, phone))
    if found is not None:
        return found
    index = registry_index_of(desk, connection, phone)
    return rows.member_by(connection, registry_index=index) if index is not None else None


def _find_row(desk: Desk, connection: Connection, ref: str) -> Row[Any] | None:
    """A member reference is a phone number, a member number, or a static card code / event ticket."""
    if looks_like_code(ref):
        return member_for_code(desk, connection, ref)
    member_no = parse_member_no(ref)
    if member_no:
        return rows.member_by(connection, member_no=member_no)
    try:
        phone = normalize_phone(ref)
    except FieldError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Errors", "“{ref}” is neither a mobile number nor a member number (M and 12 digits)."),
            ref=ref[:40],
        ) from None
    return _by_phone(desk, connection, phone)


def require_member(desk: Desk, connection: Connection, ref: str) -> Row[Any]:
    row = _find_row(desk, connection, ref)
    if row is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "Errors", "No member has the phone or member number {ref}; check it, or register the member."
            ),
            ref=ref[:40],
        )
    return row


def find_member(desk: Desk, ref: str) -> MemberCard:
    authorize(desk, Permission.LOOKUP, "member.lookup")
    with desk.store.read() as connection:
        return _card(desk, connection, require_member(desk, connection, ref))


def search_members(desk: Desk, text: str, limit: int | None = None) -> SearchResult:
    """The one search box: phone, phone tail, member number, name fragment or pinyin initials."""
    authorize(desk, Permission.LOOKUP, "member.search")
    limit = desk.settings.search_limit if limit is None else limit
    if limit < 1:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "The result limit must be at least 1."))
    query = classify_query(text)
    if query is None:
        return SearchResult(query_kind=None, members=[], more=False)
    with desk.store.read() as connection:
        if query.kind in (QueryKind.PHONE, QueryKind.MEMBER_NO):
            if query.kind is QueryKind.PHONE:
                row = _by_phone(desk, connection, query.value)
            else:
                row = rows.member_by(connection, member_no=query.value)
            if row is None:
                return SearchResult(query_kind=query.kind.value, members=[], more=False)
            return SearchResult(query.kind.value, [_summary(desk, row)], False, exact=_card(desk, connection, row))
        fetch = limit + 1
        keys = desk.store.keys
        if query.tail is not None:
            letters = query.value if query.kind is QueryKind.INITIALS else None
            found = rows.search_with_tail(
                connection, sealing.tail_index(keys, query.tail), fetch, key=query.value, letters=letters
            )
        elif query.kind is QueryKind.PHONE_TAIL:
            found = rows.search_phone_tail(connection, sealing.tail_index(keys, query.value), fetch)
        elif query.kind is QueryKind.INITIALS:
            # Letters are pinyin initials for Chinese names, and a fragment of a Latin name.
            found = rows.search_initials(connection, query.value, fetch)
            if len(found) < fetch:
                seen = {row.id for row in found}
                found += [row for row in rows.search_name(connection, query.value, fetch) if row.id not in seen]
        else:
            found = rows.search_name(connection, query.value, fetch)
    members = [_summary(desk, row) for row in found[:limit]]
    return SearchResult(query_kind=query.kind.value, members=members, more=len(found) > limit)


def recent_members(desk: Desk, limit: int = 20) -> list[MemberSummary]:
    """The members registered last at this desk, newest first."""
    authorize(desk, Permission.LOOKUP, "member.recent")
    with desk.store.read() as connection:
        return [_summary(desk, row) for row in rows.recent_members(connection, limit)]


def register_member(desk: Desk, form: RegistrationForm) -> MemberCard:
    """Register a new member: one transaction with its outbox entry; a phone already known is a conflict."""
    actor = authorize(desk, Permission.REGISTER, "member.register")
    registration = validate_registration(form, desk.today())
    rows.prepare_name_index(registration.name)
    now = desk.now()
    with desk.store.write() as connection:
        existing = _by_phone(desk, connection, registration.phone)
        if existing is not None:
            raise Conflict(
                QT_TRANSLATE_NOOP("Errors", "This phone is already registered: member {member_no}."),
                member_no=existing.member_no,
            )
        referrer_id = referrer_uid = None
        if registration.referrer:
            try:
                referrer = _find_row(desk, connection, registration.referrer)
            except InvalidInput as error:
                raise form_invalid({"referrer": FieldError(error.template, None, **error.params)}) from None
            if referrer is None:
                raise form_invalid(
                    {
                        "referrer": FieldError(
                            QT_TRANSLATE_NOOP(
                                "Errors", "No member has the phone or member number {ref}; check the referrer."
                            ),
                            ref=registration.referrer[:40],
                        )
                    }
                )
            referrer_id, referrer_uid = referrer.id, referrer.member_uid
        member_no = _next_member_no(connection, desk.settings.counter_no)
        member_uid = str(uuid.uuid4())
        values = {
            "member_uid": member_uid,
            "member_no": member_no,
            **sealing.sealed_member_fields(desk.store.keys, member_uid, registration.phone, registration.id_number),
            "registry_index": registry_index_of(desk, connection, registration.phone),
            "name": registration.name,
            "gender": registration.gender,
            "birthday": registration.birthday,
            "referrer_id": referrer_id,
            "consent_version": desk.settings.privacy_notice_version,
            "consented_at": now,
            "registered_at": now,
            "updated_at": now,
            "counter_uid": desk.counter_uid,
        }
        rows.insert_member(connection, values)
        payload = {
            key: values[key]
            for key in ("member_uid", "member_no", "name", "gender", "birthday", "consent_version", "consented_at")
        }
        payload.update(phone=registration.phone, id_number=registration.id_number, referrer_uid=referrer_uid)
        append_op(connection, desk.store.keys, desk.counter_uid, "member.registered", payload, now)
        registered = _written_member(connection, member_uid)
        if desk.rules.referral_when == "registration":
            award_referral(desk, connection, registered, actor)
        card = _card(desk, connection, _written_member(connection, member_uid))
        record(desk, connection, actor, "member.register", member_no, after=_audit_view(card))
        return card


def _written_member(connection: Connection, member_uid: str) -> Row[Any]:
    """The member this transaction has just written, read back as the card shows it."""
    row = rows.member_by(connection, member_uid=member_uid)
    if row is None:
        raise RuntimeError(f"member {member_uid} was written but cannot be read back")
    return row


def _next_member_no(connection: Connection, counter_no: int) -> str:
    while True:
        # A counter renumbered in settings could meet numbers it handed out before: skip those.
        member_no = format_member_no(counter_no, rows.allocate_member_seqs(connection))
        if not rows.member_no_exists(connection, member_no):
            return member_no


def edit_member(desk: Desk, ref: str, edit: ProfileEdit) -> MemberCard:
    """Change profile fields; every changed field is kept in the history and sent in one outbox entry."""
    actor = authorize(desk, Permission.EDIT_MEMBER, "member.edit")
    checks = field_checks(desk.today())
    wanted: dict[str, Any] = {}
    errors: dict[str, DeskError] = {}
    for field_name, check in checks.items():
        value = getattr(edit, field_name)
        if value is None:
            continue
        try:
            wanted[field_name] = check(value)
        except FieldError as error:
            errors[field_name] = error
    if errors:
        raise form_invalid(errors)
    if "phone" in wanted and not actor.may(Permission.APPROVE):
        # The phone is the member's unified ID, the key to their points: only a manager moves it.
        with desk.store.read() as connection:
            row = require_member(desk, connection, ref)
            moves = not _has_phone(desk, connection, row, wanted["phone"])
        if moves:
            record_alone(
                desk, actor, "member.edit", row.member_no, outcome="refused", details="phone change needs a manager"
            )
            raise NeedsManager(
                QT_TRANSLATE_NOOP(
                    "Errors", "Changing a member's phone number (their member ID) needs a manager's authority."
                )
            )
    if "name" in wanted:
        rows.prepare_name_index(wanted["name"])
    now = desk.now()
    with desk.store.write() as connection:
        row = require_member(desk, connection, ref)
        current = {
            "phone": member_phone(desk, row),
            "name": row.name,
            "gender": row.gender,
            "birthday": row.birthday,
            "id_number": member_id_number(desk, row),
        }
        if "phone" in wanted and _has_phone(desk, connection, row, wanted["phone"]):
            current["phone"] = wanted["phone"]  # the same number typed again, for a member registered elsewhere
        changed = {name: (current[name], value) for name, value in wanted.items() if current[name] != value}
        if "phone" in changed:
            holder = _by_phone(desk, connection, wanted["phone"])
            if holder is not None:
                raise Conflict(
                    QT_TRANSLATE_NOOP("Errors", "This phone is already registered: member {member_no}."),
                    member_no=holder.member_no,
                )
        birthday = changed.get("birthday", (None, current["birthday"]))[1]
        id_number = changed.get("id_number", (None, current["id_number"]))[1]
        if id_number and birthday and id_number_birthday(id_number) != birthday:
            raise form_invalid(
                {
                    "birthday": FieldError(
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "The birthday differs from the one in the ID number ({born}); correct one of them.",
                        ),
                        born=id_number_birthday(id_number).isoformat(),
                    )
                }
            )
        if not changed:
            return _card(desk, connection, row)
        values: dict[str, Any] = {
            name: new for name, (_, new) in changed.items() if name in ("name", "gender", "birthday")
        }
        sealed = sealing.sealed_member_fields(
            desk.store.keys, row.member_uid, changed.get("phone", (None, None))[1], id_number
        )
        if "phone" in changed:
            values.update({column: sealed[column] for column in ("phone_sealed", "phone_index", "phone_tail_index")})
            new_phone = changed["phone"][1]
            values["registry_index"] = registry_index_of(desk, connection, new_phone) if new_phone else None
            values["phone_masked"] = None  # the phone is sealed here now
        if "id_number" in changed:
            values["id_number_sealed"] = sealed["id_number_sealed"]
            values["id_number_masked"] = None
        values["updated_at"] = now
        rows.update_member(connection, row.id, values)
        _, op_id = append_op(
            connection,
            desk.store.keys,
            desk.counter_uid,
            "member.updated",
            # The values seen before the change let the server tell a clash with another counter's edit.
            {
                "member_uid": row.member_uid,
                "changes": {name: new for name, (_, new) in changed.items()},
                # A member registered elsewhere: its phone and ID number were never here to compare.
                "before": {name: old for name, (old, _) in changed.items() if not _unknown_here(row, name)},
            },
            now,
        )
        masked = _masked_changes(changed)
        rows.record_changes(connection, row.id, op_id, masked, now)
        audited = {
            field: tuple(_AUDIT_MASKS.get(field, _same)(value) for value in pair) for field, pair in masked.items()
        }
        record(
            desk,
            connection,
            actor,
            "member.edit",
            row.member_no,
            before={k: v[0] for k, v in audited.items()},
            after={k: v[1] for k, v in audited.items()},
        )
        return _card(desk, connection, _written_member(connection, row.member_uid))


def _unknown_here(row: Row[Any], name: str) -> bool:
    if name == "phone":
        return not row.phone_sealed and row.phone_masked is not None
    if name == "id_number":
        return not row.id_number_sealed and row.id_number_masked is not None
    return False


def _same(value: Any) -> Any:
    return value


# The audit log outlives an erasure, so it keeps names and birthdays only in part.
_AUDIT_MASKS: dict[str, Callable[[Any], Any]] = {
    "name": mask_name,
    "birthday": lambda value: f"{str(value)[:4]}-**-**" if value else value,
}


def _audit_view(card: MemberCard) -> dict[str, Any]:
    """What the audit keeps of a member: as masked as the card."""
    return {"name": mask_name(card.name), "phone": card.phone, "id_number": card.id_number, "gender": card.gender}


def _masked_changes(changed: dict[str, tuple[Any, Any]]) -> dict[str, tuple[Any, Any]]:
    # The history is shown at the desk: it keeps personal numbers as masked as the card does.
    masks = {"phone": lambda v: mask_phone(v) if v else v, "id_number": mask_id_number}
    return {name: tuple(masks.get(name, lambda v: v)(v) for v in pair) for name, pair in changed.items()}  # type: ignore[misc]


def profile_history(desk: Desk, ref: str) -> list[ProfileChange]:
    authorize(desk, Permission.LOOKUP, "member.history")
    with desk.store.read() as connection:
        row = require_member(desk, connection, ref)
        return [
            ProfileChange(
                field=change.field,
                old=change.old_value,
                new=change.new_value,
                changed_at=change.changed_at.isoformat(timespec="seconds"),
                op_id=change.op_id,
            )
            for change in rows.change_history(connection, row.id)
        ]
