"""`member ...` and `scan`-free member work: register, show, search, edit, codes, personal data."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import i18n
from counter_app.cli.output import (
    emit,
    labelled,
    tier_label,
    write_new_file,
)
from counter_app.cli.parsing import actions, command
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from counter_app.services import members
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    member = actions(command(subparsers, "member", run=__name__, help="register, show, search and edit members"))
    register = command(member, "register", help="register a new member")
    register.add_argument("--phone", required=True)
    register.add_argument("--name", required=True)
    register.add_argument("--gender", choices=["F", "M"])
    register.add_argument("--birthday", metavar="YYYY-MM-DD")
    register.add_argument("--id-number")
    register.add_argument("--referrer", metavar="REF")
    register.add_argument("--consent", action="store_true", help="the member agreed to the privacy notice")
    show = command(member, "show", help="a member's card")
    show.add_argument("ref", metavar="REF")
    search = command(member, "search", help="phone digits, member number, name or pinyin initials")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--limit", type=int)
    edit = command(member, "edit", help="change profile fields (an empty value clears an optional field)")
    edit.add_argument("ref", metavar="REF")
    for option in ("--phone", "--name", "--gender", "--birthday", "--id-number"):
        edit.add_argument(option)
    history = command(member, "history", help="a member's profile changes")
    history.add_argument("ref", metavar="REF")
    code = command(
        member,
        "code",
        help="a current member code, as the member's phone shows it (or --static: the card code)",
    )
    code.add_argument("ref", metavar="REF")
    code.add_argument(
        "--static", action="store_true", help="the static code printed on a member card (for members without a phone)"
    )
    reveal = command(member, "reveal", help="show a member's full phone and ID number (manager; audited)")
    reveal.add_argument("ref", metavar="REF")
    export = command(member, "export", help="everything held on a member, as JSON (manager; audited)")
    export.add_argument("ref", metavar="REF")
    export.add_argument("--out", type=Path, help="write to this new file instead of stdout")
    erase = command(
        member,
        "erase",
        help="erase a member's personal data on request (manager; others park it for approval)",
    )
    erase.add_argument("ref", metavar="REF")
    erase.add_argument("--reason", required=True)


def run(args: argparse.Namespace, desk: Desk) -> int:
    import json
    import sys

    from counter_app.domain.members import FIELD_LABELS, RegistrationForm
    from counter_app.services import approvals, member_codes, members, privacy

    action = args.action
    if action == "register":
        form = RegistrationForm(
            phone=args.phone,
            name=args.name,
            gender=args.gender,
            birthday=args.birthday,
            id_number=args.id_number,
            referrer=args.referrer,
            consent=args.consent,
        )
        card = members.register_member(desk, form)
        emit(args, card, lambda: translate("Cli", "Member registered.") + "\n" + _card_text(card))
    elif action == "show":
        card = members.find_member(desk, args.ref)
        emit(args, card, lambda: _card_text(card))
    elif action == "search":
        if args.limit is not None and not 1 <= args.limit <= 1000:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "--limit must be between 1 and 1000."))
        result = members.search_members(desk, args.text, args.limit)
        emit(args, result, lambda: _list_text(result))
        return 0 if result.members else 4
    elif action == "edit":
        fields = {
            "phone": args.phone,
            "name": args.name,
            "gender": args.gender,
            "birthday": args.birthday,
            "id_number": args.id_number,
        }
        card = approvals.run_or_park(desk, "member.edit", args.ref[:40], ref=args.ref, **fields)
        emit(args, card, lambda: translate("Cli", "Profile saved.") + "\n" + _card_text(card))
    elif action == "reveal":
        revealed = privacy.reveal_personal_data(desk, args.ref)
        emit(
            args,
            revealed,
            lambda: labelled(
                [
                    (translate("Cli", "Member no."), revealed.member_no),
                    (translate("Cli", "Phone"), revealed.phone or "—"),
                    (translate("Cli", "ID number"), revealed.id_number or "—"),
                ]
            ),
        )
    elif action == "export":
        document = privacy.export_member_data(desk, args.ref)
        if args.out:
            write_new_file(args.out, json.dumps(document, ensure_ascii=False, indent=2))
            emit(
                args,
                {"file": str(args.out)},
                lambda: translate("Cli", "Member data written to {path}; hand it over securely.").format(path=args.out),
            )
        else:
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
    elif action == "erase":
        erasure = approvals.run_or_park(desk, "member.erase", args.ref[:40], ref=args.ref, reason=args.reason)
        emit(
            args,
            erasure,
            lambda: translate("Cli", "Personal data of member {member_no} erased.").format(member_no=erasure.member_no),
        )
    elif action == "code":
        payload = member_codes.member_code(desk, args.ref, static=args.static)
        emit(args, {"code": payload, "kind": "card" if args.static else "dynamic"}, lambda: payload)
    elif action == "history":
        changes = members.profile_history(desk, args.ref)
        emit(
            args,
            changes,
            lambda: (
                "\n".join(
                    f"{c.changed_at}  {i18n.translate('Fields', FIELD_LABELS.get(c.field, c.field))}: {c.old or '—'} → {c.new or '—'}"
                    for c in changes
                )
                or translate("Cli", "No profile changes yet.")
            ),
        )
    return 0


def _card_text(card: members.MemberCard) -> str:
    gender = {"F": translate("Cli", "female"), "M": translate("Cli", "male")}.get(card.gender or "", "—")
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Member no."), card.member_no),
        (translate("Cli", "Name"), card.name),
        (translate("Cli", "Phone"), card.phone),
        (translate("Cli", "Tier"), tier_label(card.tier)),
        (translate("Cli", "Points"), card.points),
        (translate("Cli", "12-month spend"), f"¥{card.spend_12m}"),
        (translate("Cli", "Gender"), gender),
        (translate("Cli", "Birthday"), card.birthday or "—"),
        (translate("Cli", "Registered"), card.registered_at),
    ]
    if card.id_number:
        pairs.append((translate("Cli", "ID number"), card.id_number))
    if card.referrer_no:
        pairs.append((translate("Cli", "Referred by"), card.referrer_no))
    return labelled(pairs)


def _list_text(result: members.SearchResult) -> str:
    if not result.members:
        return translate("Cli", "No member found.")
    lines = [f"{m.member_no}  {m.phone}  {m.name}  {tier_label(m.tier)}  {m.points}" for m in result.members]
    if result.more:
        lines.append(translate("Cli", "More members match; type more of the name or number."))
    return "\n".join(lines)
