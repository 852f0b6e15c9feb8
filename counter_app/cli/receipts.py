"""`print ...` and --print: receipts printed, previewed, reprinted and queued."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from counter_app import i18n
from counter_app.cli.output import (
    date_argument,
    done_reference,
    emit,
)
from counter_app.cli.parsing import actions, command
from counter_app.domain.errors import InvalidInput
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from counter_app.services import printing
    from counter_app.services.desk import Desk


def add_parser(subparsers: Any) -> None:
    print_parser = actions(
        command(subparsers, "print", run=__name__, help="receipts: test page, reprint, preview, the print queue")
    )
    command(print_parser, "test", help="print a test page (both scripts, rare characters, width, QR, cut)")
    print_reprint = command(print_parser, "reprint", help="another copy of a receipt, stamped 重打 / REPRINT")
    print_reprint.add_argument(
        "reference",
        metavar="OP_ID",
        help="the operation's id (points history), a member number (registration) or a coupon code (write-off)",
    )
    print_preview = command(print_parser, "preview", help="a receipt as it prints, to a PNG (nothing is printed)")
    print_preview.add_argument("reference", metavar="OP_ID", nargs="?")
    print_preview.add_argument("--job", type=int, help="a print job's number instead of an operation")
    print_preview.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm (default: the printer's)")
    print_preview.add_argument("--out", type=Path, required=True)
    print_queue = command(
        print_parser, "queue", help="receipts waiting for the printer (--all: the latest of any state)"
    )
    print_queue.add_argument("--all", action="store_true")
    print_cancel = command(print_parser, "cancel", help="take a stuck receipt out of the queue (manager)")
    print_cancel.add_argument("job_id", type=int)
    print_cancel.add_argument("--reason", required=True)
    command(print_parser, "status", help="ask the printer now: ready, paper out, cover open, not reachable")
    command(print_parser, "run", help="print what waits in the queue now")
    print_samples = command(
        print_parser,
        "samples",
        help="every receipt template with made-up facts, as PNG previews (nothing is printed)",
    )
    print_samples.add_argument("--out", type=Path, required=True, metavar="DIR")
    print_samples.add_argument("--paper", type=int, choices=(58, 80), help="paper width in mm (default: the printer's)")
    print_day = command(print_parser, "day", help="the end-of-day summary of this counter (manager)")
    print_day.add_argument("--date", type=date_argument, help="YYYY-MM-DD (default today)")


def _job_text(job: printing.PrintJobInfo) -> str:
    from counter_app.services import printing

    status = {
        "queued": translate("Cli", "waiting"),
        "printing": translate("Cli", "printing"),
        "printed": translate("Cli", "printed"),
        "cancelled": translate("Cli", "cancelled"),
    }[job.status]
    copy = translate("Cli", "copy {n}").format(n=job.copy_no) if job.copy_no else ""
    problem = (
        i18n.translate("Printing", printing.STATE_ADVICE.get(job.last_state or "", ""))
        if job.status == "queued" and job.last_state
        else ""
    )
    return "  ".join(
        part
        for part in (
            f"#{job.id}",
            job.created_at[:19].replace("T", " "),
            job.kind,
            job.reference,
            status,
            copy,
            problem,
        )
        if part
    )


def run(args: argparse.Namespace, desk: Desk) -> int:
    from counter_app.services import printing

    action = args.action
    if action == "preview":
        if args.reference is None and args.job is None:
            raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "Name the receipt: an operation id, or --job N."))
        png = printing.preview(desk, args.reference, args.job, args.paper)
        try:
            args.out.write_bytes(png)
        except OSError as error:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({reason})."),
                path=str(args.out),
                reason=error.strerror or str(error),
            ) from None
        emit(args, {"file": str(args.out), "bytes": len(png)}, lambda: str(args.out))
        return 0
    if action == "samples":
        try:
            args.out.mkdir(parents=True, exist_ok=True)
            written = []
            for kind, receipt in printing.sample_receipts(desk, args.paper).items():
                target = args.out / f"{kind}.png"
                target.write_bytes(printing.preview_png(desk, receipt, args.paper))
                written.append(str(target))
        except OSError as error:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Errors", "{path} cannot be written ({reason})."),
                path=str(args.out),
                reason=error.strerror or str(error),
            ) from None
        emit(args, written, lambda: "\n".join(written))
        return 0
    if action == "queue":
        jobs = printing.list_jobs(desk, waiting_only=not args.all)
        emit(
            args,
            jobs,
            lambda: "\n".join(_job_text(job) for job in jobs) or translate("Cli", "No receipt waits for the printer."),
        )
        return 0
    if action == "cancel":
        job = printing.cancel_job(desk, args.job_id, args.reason)
        emit(
            args,
            job,
            lambda: translate("Cli", "Print job {job_id} cancelled; reprint it from the history when needed.").format(
                job_id=job.id
            ),
        )
        return 0
    if action == "status":
        state = printing.check_printer(desk, args.printer)
        emit(
            args,
            state,
            lambda: (
                f"{state.uri}: {i18n.translate('Printing', state.advice)}"
                + (f" · {translate('Cli', 'waiting')} {state.waiting}" if state.waiting else "")
            ),
        )
        # Not ready (offline, out of paper, none set) is the printer's state, not a bug: 5, as a broken audit chain.
        return 0 if state.state in ("ready", "unknown") else 5
    if action == "run":
        printed = 0
        while (attempt := printing.print_next(desk)) is not None and attempt.status == "printed":
            printed += 1
        state = printing.printer_state(desk)
        emit(
            args,
            {"printed": printed, "waiting": state.waiting, "state": state.state},
            lambda: (
                translate("Cli", "{printed} printed, {waiting} waiting.").format(printed=printed, waiting=state.waiting)
                + ("" if not state.waiting else " " + i18n.translate("Printing", state.advice))
            ),
        )
        return 0
    if action == "test":
        job = printing.queue_test_page(desk, args.printer)
    elif action == "day":
        job = printing.queue_day_summary(desk, args.date, args.printer)
    else:
        job = printing.reprint(desk, args.reference, args.printer)
    return print_and_report(args, desk, job)


def print_and_report(args: argparse.Namespace, desk: Desk, job: printing.PrintJobInfo, quiet: bool = False) -> int:
    """Wait for the job; a receipt that could not print stays queued, which is a warning, not a failure."""
    import sys

    from counter_app.services import printing

    job = printing.print_job_now(desk, job.id)
    if not quiet:
        emit(args, job, lambda: _job_text(job))
    if job.status != "printed":
        advice = i18n.translate(
            "Printing", printing.STATE_ADVICE.get(job.last_state or "", printing.STATE_ADVICE["unknown"])
        )
        sys.stderr.write(
            translate("Cli", "The receipt did not print yet and waits in the queue as job {job_id}: {advice}").format(
                job_id=job.id, advice=advice
            )
            + "\n"
        )
    return 0


def print_receipt_after(args: argparse.Namespace, desk: Desk) -> None:
    """--print: the operation has committed; its receipt is queued and printed now, or left queued with a warning."""
    import sys

    from counter_app.domain.errors import DeskError
    from counter_app.services import printing

    reference = done_reference.pop("reference", None)
    if not reference:
        return
    try:
        job = printing.queue_receipt(desk, reference, args.printer)
    except DeskError as error:  # the operation stands; only its receipt is missing
        sys.stderr.write(
            translate("Cli", "Done, but the receipt was not queued: {reason}").format(reason=error.message()) + "\n"
        )
        return
    print_and_report(args, desk, job, quiet=True)
