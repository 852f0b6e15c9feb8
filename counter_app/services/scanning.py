"""Scanning as a use case: the QR codes in picture files (`counter-app decode`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from counter_app.devices.decoders import ImageUnreadable, ZxingDecoder, decode_codes, read_image
from counter_app.i18n import QT_TRANSLATE_NOOP, translate

MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class DecodedImage:
    file: str
    texts: list[str]
    error: str | None = None  # in the user's language; texts is then empty


def decode_images(paths: list[Path]) -> list[DecodedImage]:
    """Every QR code in each file; a file that cannot be read says why, and the others go on."""
    decoder = ZxingDecoder()
    results = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise ImageUnreadable("too large")
            gray = read_image(path.read_bytes())
        except FileNotFoundError:
            results.append(
                DecodedImage(
                    str(path),
                    [],
                    translate("Errors", QT_TRANSLATE_NOOP("Errors", "There is no file {path}.")).format(path=path),
                )
            )
            continue
        except (OSError, ImageUnreadable):
            results.append(
                DecodedImage(
                    str(path),
                    [],
                    translate(
                        "Errors",
                        QT_TRANSLATE_NOOP(
                            "Errors",
                            "{path} is not a picture that can be read (PNG, JPEG or WebP, at most 64 MB); check the file.",
                        ),
                    ).format(path=path),
                )
            )
            continue
        results.append(DecodedImage(str(path), decode_codes(gray, decoder)))
    return results
