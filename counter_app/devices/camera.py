"""The counter camera without Qt: frames from OpenCV, and the throttled decoding that turns them into scans."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np

from counter_app.devices.decoders import Decoder, ZxingDecoder, decode_codes

DECODE_EVERY_S = 0.1  # decode at most ten frames a second: the preview stays smooth on two cores
SAME_CODE_QUIET_S = 3.0  # a code held in front of the camera is one scan, not thirty


class CameraUnavailable(Exception):
    """No camera at that number or path, or it stopped giving frames (unplugged, taken by another program)."""


def open_capture(source: str) -> tuple[cv2.VideoCapture, bool]:
    """A camera by number ("0"), a device path, or a video file; and whether it is a file (played at its own pace)."""
    source = source.strip()
    if not source:
        raise CameraUnavailable("no camera configured")
    is_file = not source.isdigit() and Path(source).is_file()
    capture = cv2.VideoCapture(int(source) if source.isdigit() else source)
    if not capture.isOpened():
        capture.release()
        raise CameraUnavailable(source)
    return capture, is_file


class FrameScanner:
    """Decides which frames are decoded and which texts are new: the decoder never falls behind the preview."""

    def __init__(self, decoder: Decoder | None = None, clock: Callable[[], float] = time.monotonic) -> None:
        self.decoder = decoder or ZxingDecoder()
        self.clock = clock
        self._last_decode = float("-inf")
        self._recent: dict[str, float] = {}

    def offer(self, frame: np.ndarray) -> list[str]:
        """Texts newly seen in this frame (empty when the frame is skipped)."""
        now = self.clock()
        if now - self._last_decode < DECODE_EVERY_S:
            return []
        self._last_decode = now
        gray = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        fresh = []
        for text in decode_codes(gray, self.decoder):
            if now - self._recent.get(text, float("-inf")) > SAME_CODE_QUIET_S:
                fresh.append(text)
            self._recent[text] = now
        self._recent = {text: seen for text, seen in self._recent.items() if now - seen <= SAME_CODE_QUIET_S}
        return fresh
