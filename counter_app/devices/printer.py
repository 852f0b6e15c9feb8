"""The receipt printer without Qt: laid-out receipts to ESC/POS bytes through python-escpos, and sending them to a printer.

Chinese goes two ways, chosen by the printer's profile, never by python-escpos's code-page guessing
(which picks a Western page for hanzi): printers with a GB18030 or GBK font get `FS &` + the bytes +
`FS .`; a line the printer's font cannot hold (rare characters, emoji, Arabic), and every line on a
printer with no Chinese font, is drawn with a CJK font and sent as a raster image.
"""

from __future__ import annotations

import contextlib
import io
import logging
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from PIL import Image, ImageDraw, ImageFont

from counter_app.domain.errors import InvalidInput
from counter_app.domain.receipts import PAPER_COLUMNS, Laid, Line, Logo, Qr, cell_width
from counter_app.i18n import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

CHINESE_MODES = ("gb18030", "gbk", "raster")
DOTS = {58: 384, 80: 576}  # printable dots across at 203 dpi
LINE_DOTS = 24  # the printer's 12×24 / 24×24 font: the raster fallback draws on the same grid
CONNECT_TIMEOUT_S = 3.0
STATUS_TIMEOUT_S = 2.0
CHUNK = 4096
DLE_EOT = b"\x10\x04"


@dataclass(frozen=True)
class PrinterProfile:
    paper_mm: int = 80
    chinese: str = "gb18030"  # what the printer's own font holds: gb18030, gbk, or raster (no Chinese font)
    native_qr: bool = True  # the printer draws QR codes itself (GS ( k); else the QR is sent as a picture
    status: bool = True  # the printer answers DLE EOT real-time status queries
    logo: str = ""  # a picture file printed at the top, scaled to the paper

    @property
    def columns(self) -> int:
        return PAPER_COLUMNS[self.paper_mm]

    @property
    def dots(self) -> int:
        return DOTS[self.paper_mm]


# ---- fonts for the raster fallback and the preview -----------------------------------------

_FONT_NAMES = (
    "Noto Sans CJK SC",
    "WenQuanYi Micro Hei",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
)
_FALLBACK_NAMES = ("DejaVu Sans",)  # Arabic, Hebrew and symbols that CJK fonts lack
_WINDOWS_FONTS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "seguisym.ttf")


def _fc_match(name: str) -> tuple[str, int] | None:
    if not shutil.which("fc-match"):
        return None
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\t%{index}\t%{family}", name], capture_output=True, text=True, timeout=5
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = found.split("\t")
    if len(parts) == 3 and parts[0] and name.lower() in parts[2].lower():
        return parts[0], int(parts[1] or 0)
    return None


@lru_cache(maxsize=1)
def receipt_fonts() -> tuple[tuple[str, int], ...]:
    """The fonts a raster line is drawn with, first match first: a CJK font, then a wide-coverage one."""
    found: list[tuple[str, int]] = []
    for name in _FONT_NAMES + _FALLBACK_NAMES:
        match = _fc_match(name)
        if match and match not in found:
            found.append(match)
    if sys.platform == "win32":
        windows = Path(r"C:\Windows\Fonts")
        found += [(str(windows / file), 0) for file in _WINDOWS_FONTS if (windows / file).exists()]
    if not found:
        log.warning("no CJK font found: receipts will print Chinese as '?' where the printer has no Chinese font")
    return tuple(found)


@lru_cache(maxsize=8)
def _font(path: str, index: int, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, size, index=index)


@lru_cache(maxsize=4096)
def _font_for(char: str, size: int) -> ImageFont.FreeTypeFont | None:
    """The first receipt font that has a glyph for `char` (not its "missing" box)."""
    for path, index in receipt_fonts():
        font = _font(path, index, size)
        if _glyph(font, char, size) != _glyph(font, "\U0010fffd", size):  # a private-use code point no font draws
            return font
    return None


def _glyph(font: ImageFont.FreeTypeFont, char: str, size: int) -> bytes:
    picture = Image.new("L", (size * 2, size * 2), 0)
    ImageDraw.Draw(picture).text((0, 0), char, font=font, fill=255)
    return picture.tobytes()


def has_cjk_font() -> bool:
    return _font_for("会", 22) is not None


def _visual_order(text: str) -> str:
    """Right-to-left runs (Arabic, Hebrew names) in the order a picture must show them."""
    if not any("\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc" for char in text):
        return text
    from bidi import get_display

    return str(get_display(text))


def draw_lines(lines: list[Line], dots: int, columns: int) -> Image.Image:
    """Text lines as a 1-bit picture on the printer's grid: ASCII one cell, everything else two."""
    cell = dots // columns
    heights = [LINE_DOTS * (2 if line.big else 1) + 6 for line in lines]
    picture = Image.new("L", (dots, max(1, sum(heights))), 255)
    top = 0
    for line, height in zip(lines, heights, strict=True):
        scale = 2 if line.big else 1
        x = 0
        for char in _visual_order(line.text):
            width = cell_width(char) * cell * scale
            if char != " " and x + width <= dots:
                picture.paste(0, (x, top), mask=_tile(char, width, height, scale, line.bold))
            x += width
        top += height
    return picture.point(lambda value: 0 if value < 160 else 255, "1")


@lru_cache(maxsize=8192)
def _tile(char: str, width: int, height: int, scale: int, bold: bool) -> Image.Image:
    """One character drawn once in its cell (a mask: 255 is ink), then pasted wherever it recurs."""
    size = (LINE_DOTS - 2) * scale
    font = _font_for(char, size)
    shown = char if font is not None else "?"
    font = font or _font_for("?", size)
    if font is None:
        return Image.new("L", (width, height), 0)
    # A wide Latin letter (m, W) is drawn at its own width and narrowed into the cell, as printer fonts are.
    drawn = max(width, int(font.getlength(shown)) + 2 + bold)
    tile = Image.new("L", (drawn, height), 0)
    pen = ImageDraw.Draw(tile)
    for dx in (0, 1) if bold else (0,):
        pen.text((drawn / 2 + dx, 3 + size / 2), shown, font=font, fill=255, anchor="mm")
    return tile if drawn == width else tile.resize((width, height), Image.Resampling.LANCZOS)


def qr_picture(payload: str, dots: int) -> Image.Image:
    import qrcode

    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=6, border=2)
    code.add_data(payload)
    code.make(fit=True)
    picture: Image.Image = code.make_image(fill_color="black", back_color="white").get_image().convert("1")
    side = min(picture.width, dots * 2 // 3)
    return picture.resize((side, side), Image.Resampling.NEAREST)


def logo_picture(path: str, dots: int) -> Image.Image | None:
    """The store's logo scaled to at most half the paper; None (and a log line) if it cannot be read."""
    if not path:
        return None
    try:
        with Image.open(path) as source:
            source.load()
            picture = source.convert("L")
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        log.warning("receipt logo %s not printed: %s", path, error)
        return None
    scale = min(1.0, dots / 2 / max(1, picture.width), 160 / max(1, picture.height))
    picture = picture.resize((max(1, int(picture.width * scale)), max(1, int(picture.height * scale))))
    return picture.convert("1")


def _centred(picture: Image.Image, dots: int) -> Image.Image:
    canvas = Image.new("1", (dots, picture.height), 1)
    canvas.paste(picture, ((dots - min(picture.width, dots)) // 2, 0))
    return canvas


def preview_picture(laid: list[Laid], profile: PrinterProfile) -> Image.Image:
    """The receipt as it will come out of the printer, on white paper with margins: for the screen."""
    parts: list[Image.Image] = []
    pending: list[Line] = []

    def flush() -> None:
        if pending:
            parts.append(draw_lines(pending, profile.dots, profile.columns))
            pending.clear()

    for item in laid:
        if isinstance(item, Line):
            pending.append(item)
            continue
        flush()
        if isinstance(item, Qr):
            parts.append(_centred(qr_picture(item.payload, profile.dots), profile.dots))
        elif isinstance(item, Logo):
            logo = logo_picture(profile.logo, profile.dots)
            if logo is not None:
                parts.append(_centred(logo, profile.dots))
    flush()
    margin = 24
    height = sum(part.height for part in parts) + 2 * margin + 40
    paper = Image.new("RGB", (profile.dots + 2 * margin, height), (255, 255, 255))
    top = margin
    for part in parts:
        paper.paste(part.convert("RGB"), (margin, top))
        top += part.height
    # The cut: a dashed line where the knife goes.
    pen = ImageDraw.Draw(paper)
    for x in range(0, paper.width, 12):
        pen.line((x, height - 20, x + 6, height - 20), fill=(150, 150, 150), width=2)
    return paper


def png_bytes(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


# ---- ESC/POS -------------------------------------------------------------------------------


def text_bytes(text: str, chinese: str) -> bytes | None:
    """The line as the printer's own font can print it, or None when it must be drawn."""
    if text.isascii():
        return text.encode("ascii")
    if chinese == "raster":
        return None
    out = bytearray()
    for char in text:
        if char.isascii():
            out += char.encode("ascii")
            continue
        try:
            encoded = char.encode(chinese)
        except UnicodeEncodeError:
            return None
        # GB18030's four-byte forms are in the printer's font only for CJK extension A.
        if len(encoded) != 2 and not "\u3400" <= char <= "\u4dbf":
            return None
        out += encoded
    return b"\x1c&" + bytes(out) + b"\x1c."


def render_escpos(laid: list[Laid], profile: PrinterProfile) -> bytes:
    """The ESC/POS job for one receipt: init, lines, pictures, QR, feed and cut."""
    from escpos.printer import Dummy

    printer = Dummy()
    # python-escpos checks a picture's width against the profile's; its profile data is shared, so a copy.
    printer.profile.profile_data = {
        **printer.profile.profile_data,
        "media": {"dpi": 203, "width": {"mm": profile.paper_mm, "pixels": profile.dots}},
    }
    printer.hw("INIT")
    printer._raw(b"\x1b\x33\x1e")  # line spacing 30 dots: hanzi rows do not touch
    raster: list[Line] = []

    def flush_raster() -> None:
        if raster:
            printer.image(draw_lines(raster, profile.dots, profile.columns), impl="bitImageRaster", fragment_height=960)
            raster.clear()

    for item in laid:
        if isinstance(item, Line):
            encoded = text_bytes(item.text, profile.chinese)
            if encoded is None and has_cjk_font():
                raster.append(item)
                continue
            if encoded is None:  # no font to draw with: the printer gets what it can show
                encoded = (
                    text_bytes(
                        "".join(char if char.isascii() else "?" * cell_width(char) for char in item.text), "gb18030"
                    )
                    or b""
                )
            flush_raster()
            printer._raw(b"\x1b\x45" + (b"\x01" if item.bold else b"\x00"))
            printer._raw(b"\x1d\x21" + (b"\x11" if item.big else b"\x00"))
            printer._raw(encoded + b"\n")
            continue
        flush_raster()
        printer._raw(b"\x1b\x45\x00\x1d\x21\x00")
        if isinstance(item, Qr):
            if profile.native_qr:
                printer._raw(b"\x1b\x61\x01")
                printer.qr(item.payload, native=True, size=6)
                printer._raw(b"\x1b\x61\x00")
            else:
                printer.image(_centred(qr_picture(item.payload, profile.dots), profile.dots), impl="bitImageRaster")
        elif isinstance(item, Logo):
            logo = logo_picture(profile.logo, profile.dots)
            if logo is not None:
                printer.image(_centred(logo, profile.dots), impl="bitImageRaster")
    flush_raster()
    printer._raw(b"\x1b\x64\x04")  # feed past the knife
    printer.cut()
    output: bytes = printer.output
    return output


# ---- where the printer is ------------------------------------------------------------------


@dataclass(frozen=True)
class PrinterAddress:
    kind: str  # tcp, usb, serial, file, lp
    target: str
    port: int = 0
    vendor: int = 0
    product: int = 0
    baud: int = 9600

    @property
    def uri(self) -> str:
        if self.kind == "tcp":
            return f"tcp://{self.target}:{self.port}"
        if self.kind == "usb":
            return f"usb://{self.vendor:04x}:{self.product:04x}"
        if self.kind == "serial":
            return f"serial://{self.target}?baud={self.baud}"
        return f"{self.kind}://{self.target}"


_BAD_URI = QT_TRANSLATE_NOOP(
    "Errors",
    "“{uri}” is not a printer address. Use tcp://HOST:9100, usb://VID:PID (e.g. usb://0416:5011), serial:///dev/ttyUSB0?baud=9600, file:///dev/usb/lp0 or lp://QUEUE.",
)


def parse_printer_uri(uri: str) -> PrinterAddress:
    text = (uri or "").strip()
    if not text or len(text) > 300 or not text.isprintable():
        raise InvalidInput(_BAD_URI, uri=text[:60])
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    try:
        if scheme == "tcp":
            host, port = parts.hostname, parts.port or 9100
            if not host or parts.path not in ("", "/"):
                raise ValueError(text)
            return PrinterAddress("tcp", host, port=port)
        if scheme == "usb":
            vendor, _, product = (parts.netloc or parts.path.lstrip("/")).partition(":")
            return PrinterAddress("usb", "", vendor=int(vendor, 16), product=int(product, 16))
        if scheme == "serial":
            path = unquote(parts.path or parts.netloc)
            baud = int(parse_qs(parts.query).get("baud", ["9600"])[0])
            if not path or baud not in (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200):
                raise ValueError(text)
            return PrinterAddress("serial", path, baud=baud)
        if scheme == "file":
            path = unquote(parts.path)
            if not path:
                raise ValueError(text)
            return PrinterAddress("file", path)
        if scheme == "lp":
            queue = parts.netloc or parts.path.lstrip("/")
            if not queue.replace("-", "").replace("_", "").isalnum():
                raise ValueError(text)
            return PrinterAddress("lp", queue)
    except ValueError:
        raise InvalidInput(_BAD_URI, uri=text[:60]) from None
    raise InvalidInput(_BAD_URI, uri=text[:60])


# ---- talking to it -------------------------------------------------------------------------

# What the desk can know about a printer, each with what the clerk should do about it.
READY, OFFLINE, PAPER_OUT, COVER_OPEN, NO_ANSWER, UNREACHABLE, UNKNOWN = (
    "ready",
    "offline",
    "paper_out",
    "cover_open",
    "no_answer",
    "unreachable",
    "unknown",
)


class PrintFailed(Exception):
    """The job did not (certainly) print. `reached` says whether any of it may have come out."""

    def __init__(self, state: str, detail: str, reached: bool) -> None:
        super().__init__(f"{state}: {detail}")
        self.state, self.detail, self.reached = state, detail, reached


def _state_from_status(printer_status: bytes, offline_cause: bytes, paper: bytes) -> str:
    if paper and paper[0] & 0x60:
        return PAPER_OUT
    if offline_cause and offline_cause[0] & 0x04:
        return COVER_OPEN
    if offline_cause and offline_cause[0] & 0x20:
        return PAPER_OUT
    if printer_status and printer_status[0] & 0x08:
        return OFFLINE
    return READY


class _Connection:
    """One open printer, through python-escpos's device classes; reads only where the device can answer."""

    def __init__(self, address: PrinterAddress, timeout: float) -> None:
        from escpos import printer as devices
        from escpos.exceptions import DeviceNotFoundError

        self.address = address
        try:
            if address.kind == "tcp":
                self.device = devices.Network(host=address.target, port=address.port, timeout=timeout)
            elif address.kind == "usb":
                self.device = devices.Usb(
                    idVendor=address.vendor, idProduct=address.product, timeout=int(timeout * 1000)
                )
            elif address.kind == "serial":
                self.device = devices.Serial(devfile=address.target, baudrate=address.baud, timeout=timeout)
            elif address.kind == "file":
                self.device = devices.File(devfile=address.target, auto_flush=True)
            else:
                self.device = devices.LP(printername=address.target)
            self.device.open()
        except DeviceNotFoundError as error:
            raise PrintFailed(
                UNREACHABLE, str(error).splitlines()[-1] if str(error) else type(error).__name__, reached=False
            ) from None
        except Exception as error:  # the device libraries raise their own kinds (usb.core, serial, OSError)
            raise PrintFailed(UNREACHABLE, f"{type(error).__name__}: {error}", reached=False) from None
        if address.kind == "tcp":
            # Status queries are 3-byte writes awaiting an answer: without NODELAY, Nagle holds each one
            # until the printer's delayed ACK (40 ms) comes back.
            self.device.device.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if address.kind == "file" and not getattr(self.device, "device", None):
            raise PrintFailed(UNREACHABLE, f"cannot open {address.target}", reached=False)

    @property
    def can_answer(self) -> bool:
        return self.address.kind in ("tcp", "usb", "serial")

    def status(self) -> str:
        """The printer's state by DLE EOT 1, 2 and 4; NO_ANSWER when it stays silent."""
        if self.address.kind == "tcp":
            self.device.device.settimeout(STATUS_TIMEOUT_S)
        try:
            answers = [self.device.query_status(DLE_EOT + bytes([n])) for n in (1, 2, 4)]
        except TimeoutError:
            return NO_ANSWER
        except Exception as error:
            raise PrintFailed(UNREACHABLE, f"{type(error).__name__}: {error}", reached=False) from None
        if not all(answers):
            return NO_ANSWER
        return _state_from_status(*answers)

    def send(self, data: bytes) -> None:
        self.device._raw(data)

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a device that already went away says nothing new
            self.device.close()


def query_printer(address: PrinterAddress, timeout: float = CONNECT_TIMEOUT_S) -> str:
    """The printer's state now, for the status bar and the test button."""
    try:
        connection = _Connection(address, timeout)
    except PrintFailed as failure:
        return failure.state
    try:
        return connection.status() if connection.can_answer else UNKNOWN
    except PrintFailed as failure:
        return failure.state
    finally:
        connection.close()


def send_job(address: PrinterAddress, data: bytes, *, ask_status: bool, timeout: float = CONNECT_TIMEOUT_S) -> None:
    """Print one job or raise PrintFailed. With status, the printer is asked before (nothing is sent to a
    printer out of paper) and after (its answer comes only once every byte before the query arrived)."""
    connection = _Connection(address, timeout)
    sending = False  # from the first byte on, a failure may have left paper in the printer
    try:
        asking = ask_status and connection.can_answer
        if asking:
            before = connection.status()
            if before != READY:
                raise PrintFailed(before, "before sending", reached=False)
        sending = True
        for start in range(0, len(data), CHUNK):
            connection.send(data[start : start + CHUNK])
        if asking:
            try:
                after = connection.status()
            except PrintFailed as failure:  # gone while answering: what was sent may have printed
                raise PrintFailed(failure.state, failure.detail, reached=True) from None
            if after != READY:
                raise PrintFailed(after, "after sending", reached=True)
    except PrintFailed:
        raise
    except Exception as error:  # a broken pipe, a reset, a USB or serial error half-way
        raise PrintFailed(UNREACHABLE, f"{type(error).__name__}: {error}", reached=sending) from None
    finally:
        connection.close()
