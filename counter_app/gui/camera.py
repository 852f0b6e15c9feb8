"""The counter camera on screen: capture and decoding in a worker thread, a live preview, and clear words when it fails."""

from __future__ import annotations

import logging
import threading
import time

import cv2
import numpy as np
from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from counter_app.devices.camera import CameraUnavailable, FrameScanner, open_capture

log = logging.getLogger(__name__)

PREVIEW_FPS = 20  # frames sent to the screen at most; the capture itself runs at the camera's rate
PREVIEW_WIDTH = 240


class CameraWorker(QObject):
    """Lives in its own QThread: reads frames, sends a small copy for the preview, decodes some of them."""

    frame = Signal(QImage)
    decoded = Signal(str)
    failed = Signal(str)  # why, in the clerk's language
    stopped = Signal()

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source
        self._running = False
        self.frames_shown = 0

    @Slot()
    def run(self) -> None:
        self._running = True
        try:
            capture, is_file = open_capture(self.source)
        except CameraUnavailable:
            self.failed.emit(
                self.tr(
                    "No camera at “%1”. Check the cable or the camera setting; the handheld scanner and the search box still work."
                ).replace("%1", self.source)
            )
            self.stopped.emit()
            return
        # Decoding runs beside the capture, always on the newest frame: a slow decode drops frames
        # from decoding, never from the preview.
        newest: list = []
        ready = threading.Condition()
        decoding = threading.Thread(target=self._decode_loop, args=(newest, ready), name="camera-decode", daemon=True)
        decoding.start()
        # A video file plays at its own pace (as a camera would deliver it), not as fast as it can be read.
        pace = 1 / (capture.get(cv2.CAP_PROP_FPS) or 30) if is_file else 0.0
        preview_due = 0.0
        try:
            while self._running:
                started = time.monotonic()
                ok, image = capture.read()
                if not ok or image is None:
                    if not is_file:
                        self.failed.emit(
                            self.tr(
                                "The camera stopped sending pictures (unplugged?). Plug it in again and press Camera; scanning with the handheld scanner still works."
                            )
                        )
                    break
                if started >= preview_due:
                    # Due times advance by the interval (not from now), so a 30 fps camera previews at 20, not 15.
                    preview_due = max(preview_due + 1 / PREVIEW_FPS, started - 1 / PREVIEW_FPS)
                    self._show(image)
                with ready:
                    newest[:] = [image]
                    ready.notify()
                if pace:
                    time.sleep(max(0.0, pace - (time.monotonic() - started)))
        except cv2.error:
            log.exception("camera %s failed", self.source)
            self.failed.emit(
                self.tr(
                    "The camera stopped sending pictures (unplugged?). Plug it in again and press Camera; scanning with the handheld scanner still works."
                )
            )
        finally:
            capture.release()
            with ready:
                self._running = False
                ready.notify()
            decoding.join(timeout=5)
            self.stopped.emit()

    def _decode_loop(self, newest: list, ready: threading.Condition) -> None:
        scanner = FrameScanner()
        while True:
            with ready:
                ready.wait_for(lambda: newest or not self._running)
                if not self._running and not newest:
                    return
                image = newest.pop()
            for text in scanner.offer(image):
                self.decoded.emit(text)
            if not self._running:
                return

    def _show(self, image) -> None:
        height, width = image.shape[:2]
        small = cv2.resize(
            image, (PREVIEW_WIDTH, max(1, height * PREVIEW_WIDTH // width)), interpolation=cv2.INTER_AREA
        )
        # Converted straight into a QImage that owns its memory: the GUI thread gets a picture of its own, copied once.
        picture = QImage(small.shape[1], small.shape[0], QImage.Format.Format_RGB888)
        pixels = np.ndarray(
            (small.shape[0], small.shape[1], 3), np.uint8, buffer=picture.bits(), strides=(picture.bytesPerLine(), 3, 1)
        )
        cv2.cvtColor(small, cv2.COLOR_BGR2RGB, dst=pixels)
        self.frame.emit(picture)
        self.frames_shown += 1

    def stop(self) -> None:
        self._running = False


class CameraRun(QObject):
    """One capture: a CameraWorker on its own thread, its signals passed on; stop() is safe at any time (also
    from closeEvent) and `finished` comes once, whether the camera failed, the video ended or it was stopped."""

    frame = Signal(QImage)
    decoded = Signal(str)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, source: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = QThread(self)
        self.worker = CameraWorker(source)
        self.worker.moveToThread(self._thread)
        self._thread.started.connect(self.worker.run)
        self.worker.frame.connect(self.frame)
        self.worker.decoded.connect(self.decoded)
        self.worker.failed.connect(self.failed)
        self.worker.stopped.connect(self._thread.quit)
        self._thread.finished.connect(self._done)

    def start(self) -> None:
        if self._thread is not None:  # a run that has ended is not started again: make a new one
            self._thread.start()

    def stop(self, wait_ms: int = 5000) -> None:
        self.worker.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(wait_ms)
            self._done()

    def _done(self) -> None:
        if self._thread is None:
            return
        self._thread = None
        self.finished.emit()


class CameraPanel(QWidget):
    """The preview beside the search box; scans go to `decoded`, failures are said, never raised."""

    decoded = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="cameraPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preview = QLabel(objectName="cameraPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 3 // 4)
        self.preview.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.message = QLabel(objectName="cameraMessage", wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setMaximumWidth(PREVIEW_WIDTH)
        row = QHBoxLayout()
        self.toggle = QPushButton(self.tr("Camera  F8"), objectName="secondaryButton", checkable=True)
        self.toggle.toggled.connect(lambda on: self.start() if on else self.stop())
        row.addWidget(self.toggle)
        row.addStretch(1)
        layout.addWidget(self.preview)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.source = ""
        self.painted: list[float] = []
        self._run: CameraRun | None = None
        self.worker: CameraWorker | None = None  # while running: bench/scan.py listens to it
        self.preview.setText(self.tr("Camera off"))

    def running(self) -> bool:
        return self._run is not None

    def start(self, source: str | None = None) -> None:
        if source is not None:
            self.source = source
        if self._run is not None:
            return
        if not self.source:
            self.message.setText(
                self.tr(
                    "No camera is set up; choose one in the settings (camera). The handheld scanner works meanwhile."
                )
            )
            self.toggle.setChecked(False)
            return
        self.message.setText("")
        self._run = CameraRun(self.source, self)
        self.worker = self._run.worker
        self._run.frame.connect(self._show_frame)
        self._run.decoded.connect(self.decoded)
        self._run.failed.connect(self._failed)
        self._run.finished.connect(self._finished)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(True)
        self.toggle.blockSignals(False)
        self._run.start()

    def stop(self) -> None:
        if self._run is not None:
            self._run.stop(3000)

    def _finished(self) -> None:
        if self._run is None:
            return
        self._run = None
        self.worker = None
        self.toggle.blockSignals(True)
        self.toggle.setChecked(False)
        self.toggle.blockSignals(False)

    def _show_frame(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.painted.append(time.monotonic())
        del self.painted[: -PREVIEW_FPS * 10]  # the last ten seconds or so: enough to tell the frame rate

    def preview_fps(self) -> float | None:
        """Frames painted per second lately (bench/scan.py prints it)."""
        if len(self.painted) < 2 or self.painted[-1] == self.painted[0]:
            return None
        return (len(self.painted) - 1) / (self.painted[-1] - self.painted[0])

    def _failed(self, message: str) -> None:
        self.message.setText(message)
        self.preview.setText(self.tr("Camera off"))
