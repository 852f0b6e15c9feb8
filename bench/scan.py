"""From a scan to the member's card on screen, on a store of a million members; prints its figures as JSON.

    python bench/scan.py                        build 1,000,000 demo members in a temporary folder, then measure
    python bench/scan.py --members 100000       a smaller store
    python bench/scan.py --data-dir DIR         measure (and keep) a store in DIR, building it only if empty

Measured, each over --scans different members:
- verify: a dynamic member code parsed and both signatures checked offline (no store);
- scan service: `member_codes.scan` as the desk calls it: verify, the nonce written with its outbox entry, the card read;
- scan to card painted: the real main window offscreen; the clock starts at the scanner's Enter key and stops
  when the member card has painted the member (search and card work run in the desk's worker threads);
- camera preview: frames painted per second while a video plays through the camera panel.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchdesk import demo_desk, percentile

from counter_app.domain import codes
from counter_app.services import member_codes


def figures(samples: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(samples), 3),
        "p95_ms": round(percentile(samples, 0.95), 3),
        "max_ms": round(max(samples), 3),
    }


def member_nos(desk, count: int, seed: int) -> list[str]:
    with desk.store.read() as connection:
        total = connection.exec_driver_sql("SELECT max(id) FROM members").scalar()
        picks = random.Random(seed).sample(range(1, total + 1), count)
        return [
            connection.exec_driver_sql("SELECT member_no FROM members WHERE id = ?", (pick,)).scalar() for pick in picks
        ]


def bench_verify(desk, payloads: list[str]) -> dict[str, float]:
    key = member_codes.issuer_key(desk)
    samples = []
    for payload in payloads:
        start = time.perf_counter_ns()
        codes.verify_member_code(codes.parse(payload), key, desk.now())
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return figures(samples)


def bench_scan_service(desk, payloads: list[str]) -> dict[str, float]:
    samples = []
    for payload in payloads:
        start = time.perf_counter_ns()
        member_codes.scan(desk, payload)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return figures(samples)


def bench_window(desk, payloads: list[str], expected: list[str], video: Path) -> dict[str, object]:
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from counter_app.gui.app import apply_style, install_translations
    from counter_app.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    install_translations(app, "zh_CN")
    apply_style(app)
    window = MainWindow(desk)
    window.resize(1280, 800)
    window.show()
    window._signed_in(desk.session)

    # Waiting is an event loop, not a processEvents() spin: PySide6 on Python 3.11 loses a reference to
    # None on each of millions of calls and aborts.
    loop = QEventLoop()

    class PaintWatch(QObject):
        painted_at: float | None = None
        wanted = ""

        def eventFilter(self, watched, event):
            if (
                event.type() == QEvent.Type.Paint
                and self.painted_at is None
                and window.card.card is not None
                and window.card.card.member_no == self.wanted
            ):
                self.painted_at = time.perf_counter()
                loop.quit()
            return False

    watch = PaintWatch()
    window.card.installEventFilter(watch)
    give_up = QTimer(singleShot=True, interval=10_000)
    give_up.timeout.connect(loop.quit)
    samples = []
    for payload, member_no in zip(payloads, expected, strict=True):
        watch.wanted, watch.painted_at = member_no, None
        for char in payload:  # the scanner's burst; its own typing time is not the desk's
            QTest.keyClick(window.search_box, char)
        start = time.perf_counter()
        QTest.keyClick(window.search_box, Qt.Key.Key_Return)
        give_up.start()
        if watch.painted_at is None:
            loop.exec()
        give_up.stop()
        if watch.painted_at is None:
            raise SystemExit(f"the card for {member_no} never showed: {window.search_message.text()}")
        samples.append((watch.painted_at - start) * 1000)
    result: dict[str, object] = {"scan_to_card_painted": figures(samples)}

    window.camera.setVisible(True)
    window.camera.start(str(video))
    window.camera.worker.stopped.connect(loop.quit)
    give_up.start(30_000)
    loop.exec()
    fps = window.camera.preview_fps()
    result["camera_preview_fps"] = round(fps, 1) if fps else None
    window.close()
    return result


def make_video(path: Path, seconds: int = 5) -> Path:
    """A 720p camera's view at 30 fps: a busy counter top, no code (the preview's cost is the frames, not the codes)."""
    import cv2
    import numpy as np

    rng = np.random.default_rng(1)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (1280, 720))
    base = cv2.GaussianBlur(rng.integers(60, 200, (720, 1280, 3), dtype=np.uint8), (31, 31), 0)
    for index in range(seconds * 30):
        writer.write(np.roll(base, index * 4, axis=1))
    writer.release()
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=1_000_000)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data-dir", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as scratch:
        folder = args.data_dir or Path(scratch) / "desk"
        desk, built = demo_desk(folder, args.members, args.seed)
        chosen = member_nos(desk, args.scans * 3, args.seed)
        # Each scan is a fresh code from the member's phone, as at the counter.
        verify_codes = [member_codes.member_code(desk, no) for no in chosen[: args.scans]]
        service_codes = [member_codes.member_code(desk, no) for no in chosen[args.scans : 2 * args.scans]]
        window_members = chosen[2 * args.scans :]
        window_codes = [member_codes.member_code(desk, no) for no in window_members]
        report = {
            "members": args.members,
            "store_built_s": built,
            "scans": args.scans,
            "verify": bench_verify(desk, verify_codes),
            "scan_service": bench_scan_service(desk, service_codes),
        }
        report.update(bench_window(desk, window_codes, window_members, make_video(Path(scratch) / "counter.avi")))
        desk.close()
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
