"""`enroll` and `sync ...`: the counter and the central server."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from counter_app.cli.output import (
    emit,
    labelled,
    progress_on_terminal,
)
from counter_app.cli.parsing import actions, command
from counter_app.i18n import translate

if TYPE_CHECKING:
    from counter_app.services import sync
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    enroll = command(
        subparsers,
        "enroll",
        run=f"{__name__}:enroll",
        help="enrol this counter with the central server (administrator)",
    )
    enroll.add_argument("--server", required=True, metavar="URL")
    enroll.add_argument("--code", required=True, metavar="ONE_TIME_CODE")
    sync_parser = command(
        subparsers, "sync", run=__name__, help="sync with the central server: keep syncing, or --once"
    )
    sync_parser.add_argument("--once", action="store_true", help="one round (push, then pull) and exit")
    sync_actions = actions(sync_parser, required=False)
    command(sync_actions, "status", help="online or not, pending operations, last sync, review items")
    command(sync_actions, "review", help="operations the server refused and items it opened for a manager")


def enroll(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import sync

    enrolled = sync.enroll(desk, args.server, args.code)
    emit(
        args,
        enrolled,
        lambda: translate("Cli", "Enrolled with {server}: store {store}, counter no. {counter_no}.").format(
            server=enrolled.server, store=enrolled.store, counter_no=enrolled.counter_no
        ),
    )
    return 0


def run(args: argparse.Namespace, desk: Desk) -> int:
    import sys
    import time

    from counter_app.domain.errors import DeskError
    from counter_app.services import sync

    if args.action == "status":
        state = sync.sync_status(desk)
        emit(args, state, lambda: _sync_status_text(state))
        return 0
    if args.action == "review":
        lines = sync.review_list(desk)
        sources = {"rejected": translate("Cli", "refused"), "server": translate("Cli", "server")}
        emit(
            args,
            lines,
            lambda: (
                "\n".join(
                    f"{sources[line.source]}  {line.at[:16].replace('T', ' ')}  {line.what}  {line.details}  ({line.ref})"
                    for line in lines
                )
                or translate("Cli", "Nothing to review.")
            ),
        )
        return 0
    if args.once:
        report = sync.sync_once(desk, progress=progress_on_terminal())
        emit(args, report, lambda: _sync_report_text(report))
        return 0
    failures = 0
    while True:  # until Ctrl+C: the interrupt ends the command like any other
        try:
            report = sync.sync_once(desk)
            failures = 0
            if report.pushed or report.pulled or report.rejected:
                emit(args, report, lambda: _sync_report_text(report))  # noqa: B023 - called at once, in this round
        except DeskError as error:
            failures += 1
            sys.stderr.write(error.message() + "\n")
        time.sleep(sync.next_delay(failures, desk.settings.sync_interval_seconds))


def _sync_report_text(report: sync.SyncReport) -> str:
    from counter_app.services import sync

    text = translate(
        "Cli", "Pushed {pushed} (applied {applied}, refused {rejected}, waiting {held}); pulled {pulled} changes."
    ).format(
        pushed=report.pushed, applied=report.applied, rejected=report.rejected, held=report.held, pulled=report.pulled
    )
    if abs(report.skew_seconds) > sync.SKEW_WARNING.total_seconds():
        text += "\n" + translate(
            "Cli", "This computer's clock differs from the server's by {seconds} s; set the clock right."
        ).format(seconds=round(report.skew_seconds))
    return text


def _sync_status_text(state: sync.SyncStatus) -> str:
    if not state.enrolled:
        return translate("Cli", "Not enrolled: this counter works on its own.")
    pairs: list[tuple[str, object]] = [
        (translate("Cli", "Server"), state.server),
        (translate("Cli", "Connection"), translate("Cli", "online") if state.online else translate("Cli", "offline")),
        (translate("Cli", "Operations waiting to sync"), state.pending),
        (
            translate("Cli", "Oldest waiting"),
            f"{state.oldest_pending_seconds} s" if state.oldest_pending_seconds is not None else "—",
        ),
        (translate("Cli", "Last sync"), (state.last_sync or "—")[:19]),
        (translate("Cli", "Review items"), state.review_open + state.rejected),
    ]
    if state.last_error:
        pairs.append((translate("Cli", "Last problem"), state.last_error))
    if state.offline is not None:
        pairs.append(
            (
                translate("Cli", "Offline redemption"),
                translate(
                    "Cli", "up to {per_member} points per member, {left} left at this counter, until {until}"
                ).format(
                    per_member=state.offline.per_member,
                    left=state.offline.counter_left,
                    until=state.offline.until.replace("T", " "),
                ),
            )
        )
    if state.skew_warning:
        pairs.append(
            (
                translate("Cli", "Clock"),
                translate("Cli", "differs from the server's by {seconds} s; set the clock right").format(
                    seconds=round(state.skew_seconds or 0)
                ),
            )
        )
    return labelled(pairs)
