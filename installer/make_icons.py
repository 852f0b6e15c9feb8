"""Draw the desk's icon files from resources/icons/counter-app.svg: a 256 px PNG and a Windows .ico.

    .venv/bin/python installer/make_icons.py

Run after changing the SVG and commit what it writes, so that a Windows build needs nothing more.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "counter-app.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Explorer, the taskbar and the start menu ask for


def render(size: int) -> Image.Image:
    """The SVG drawn by Qt at `size` pixels square, as a Pillow RGBA image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.exit(f"{SVG} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    pictures = {size: render(size) for size in ICO_SIZES}
    pictures[256].save(ICONS / "counter-app.png", optimize=True)
    # Each size drawn from the vector, not scaled down from 256: small icons stay sharp.
    largest = pictures[256]
    largest.save(
        ICONS / "counter-app.ico",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[pictures[size] for size in ICO_SIZES[:-1]],
    )
    print(f"wrote {ICONS / 'counter-app.png'} and {ICONS / 'counter-app.ico'}")


if __name__ == "__main__":
    main()
