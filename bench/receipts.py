"""Receipts: how long one takes to render, and how fast the print queue drains into the printer emulator.

    python bench/receipts.py                 every template, 58 and 80 mm, GB18030 text and raster; 300 queued receipts
    python bench/receipts.py --queue 1000    a longer queue

Render: the layout and the ESC/POS bytes of one receipt as the queue makes them (fonts loaded once
beforehand, as in a desk that has printed once). Queue: earn receipts queued on a real store, printed
by the desk's PrintWorker over TCP to the emulator with status queries before and after each job, as
against a networked printer. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

from benchdesk import demo_desk, percentile

from counter_app.devices import printer as devices
from counter_app.devices.printer_emulator import PrinterEmulator
from counter_app.domain import receipts as templates
from counter_app.services import printing
from counter_app.services.desk import change_setting

RENDER_GOAL_MS = 20.0


def render_figures(desk, rounds: int) -> dict:
    samples = printing.sample_receipts(desk)
    figures = {}
    for chinese in ("gb18030", "raster"):
        for paper in (58, 80):
            profile = devices.PrinterProfile(paper_mm=paper, chinese=chinese, native_qr=chinese != "raster")
            for receipt in samples.values():  # warm: fonts and glyphs loaded, as after the first receipt of the day
                devices.render_escpos(templates.lay_out(receipt, profile.columns), profile)
            times = []
            for _ in range(rounds):
                for receipt in samples.values():
                    start = time.perf_counter()
                    devices.render_escpos(templates.lay_out(receipt, profile.columns), profile)
                    times.append((time.perf_counter() - start) * 1000)
            figures[f"{chinese} {paper} mm"] = {
                "median_ms": round(statistics.median(times), 2),
                "p95_ms": round(percentile(times, 0.95), 2),
                "max_ms": round(max(times), 2),
            }
    return figures


def queue_figures(desk, count: int) -> dict:
    import dataclasses

    from counter_app.domain.members import RegistrationForm
    from counter_app.services import members, points

    desk.rules = dataclasses.replace(desk.rules, max_slips_per_member_per_day=count + 1, large_earn_yuan=10**9)
    members.register_member(desk, RegistrationForm(phone="13800138000", name="张三丰", consent=True))
    refs = [points.earn_from_slip(desk, "13800138000", "88", f"B-{n}").op_id for n in range(count)]
    with PrinterEmulator() as printer:
        change_setting(desk, "printer_uri", printer.uri)
        start = time.perf_counter()
        for ref in refs:
            printing.queue_receipt(desk, ref)
        queued = time.perf_counter() - start
        worker = printing.PrintWorker(desk)
        start = time.perf_counter()
        worker.start()
        done = printer.wait_for(count, timeout=600)
        drained = time.perf_counter() - start
        worker.stop()
        byte_counts = [len(receipt.raw) for receipt in printer.receipts]
    return {
        "receipts": count,
        "all_printed": done,
        "queue_ms_each": round(queued / count * 1000, 2),
        "drain_s": round(drained, 2),
        "receipts_per_s": round(count / drained, 1),
        "bytes_per_receipt": round(statistics.mean(byte_counts)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="renders of each template per profile")
    parser.add_argument("--queue", type=int, default=300, help="receipts through the queue")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        desk, _ = demo_desk(Path(folder), 1, 1)  # one demo member: the desk is set up; the bench adds its own
        change_setting(desk, "store_name", "万达广场")
        render = render_figures(desk, args.rounds)
        worst = max(figure["p95_ms"] for figure in render.values())
        result = {
            "render": render,
            "render_goal": f"{'PASS' if worst <= RENDER_GOAL_MS else 'FAIL'}: p95 {worst} ms ≤ {RENDER_GOAL_MS} ms",
            "queue": queue_figures(desk, args.queue),
        }
        desk.close()
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
