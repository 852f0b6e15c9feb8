"""Reading QR codes from pictures: three decoders behind one small protocol, and the desk's pipeline over them."""

from __future__ import annotations

from typing import Protocol

import cv2
import numpy as np

# A camera frame is first looked at small (a code filling a tenth of a 720p frame is still
# large enough there, and decoding is several times faster); only if that finds nothing, whole.
DOWNSCALE_TO = 800  # longest side, pixels
MAX_IMAGE_PIXELS = 50_000_000  # a larger "image" is refused: decoding it would take the desk's memory


class ImageUnreadable(Exception):
    """Not an image OpenCV can read (empty, truncated, another kind of file), or far too large."""


class Decoder(Protocol):
    name: str

    def decode(self, gray: np.ndarray) -> list[str]:
        """Every QR code's text in a greyscale picture, in the decoder's order."""


class ZxingDecoder:
    """zxing-cpp: finds more codes than zbar in rotated, blurred and small ones, in a fraction of the time."""

    name = "zxing-cpp"

    def __init__(self) -> None:
        import zxingcpp

        self._zxing = zxingcpp

    def decode(self, gray: np.ndarray) -> list[str]:
        found = self._zxing.read_barcodes(gray, formats=self._zxing.BarcodeFormats(self._zxing.BarcodeFormat.QRCode))
        # In reading order, top to bottom then left to right, whatever order the decoder found them in.
        found = sorted(
            (result for result in found if result.valid),
            key=lambda result: (result.position.top_left.y // 50, result.position.top_left.x),
        )
        return [result.text for result in found]


class ZbarDecoder:
    """zbar through pyzbar, as the planning documents name it."""

    name = "pyzbar"

    def decode(self, gray: np.ndarray) -> list[str]:
        from pyzbar.pyzbar import ZBarSymbol, decode

        return [symbol.data.decode("utf-8", errors="replace") for symbol in decode(gray, symbols=[ZBarSymbol.QRCODE])]


class OpenCvDecoder:
    """OpenCV's own detector: no further library, the slowest of the three."""

    name = "opencv"

    def __init__(self) -> None:
        self._detector = cv2.QRCodeDetector()

    def decode(self, gray: np.ndarray) -> list[str]:
        ok, texts, _points, _ = self._detector.detectAndDecodeMulti(gray)
        return [text for text in texts if text] if ok else []


DECODERS: dict[str, type] = {decoder.name: decoder for decoder in (ZxingDecoder, ZbarDecoder, OpenCvDecoder)}


def read_image(data: bytes) -> np.ndarray:
    """PNG, JPEG, WebP (whatever OpenCV reads) as greyscale; from bytes, so any file name works."""
    if not data:
        raise ImageUnreadable("empty file")
    header = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_REDUCED_GRAYSCALE_8)
    if header is None:
        raise ImageUnreadable("not an image")
    if header.shape[0] * header.shape[1] * 64 > MAX_IMAGE_PIXELS:
        raise ImageUnreadable("too large")
    gray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if gray is None:
        raise ImageUnreadable("not an image")
    return gray


def decode_codes(gray: np.ndarray, decoder: Decoder) -> list[str]:
    """Downscaled first, then at full size; each text once, in the order found."""
    longest = max(gray.shape[:2])
    attempts = [gray]
    if longest > DOWNSCALE_TO:
        scale = DOWNSCALE_TO / longest
        attempts.insert(0, cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA))
    for picture in attempts:
        texts = decoder.decode(picture)
        if texts:
            return list(dict.fromkeys(texts))
    return []
