"""A pretend ESC/POS receipt printer on a loopback TCP port, with playable faults, for the tests and for trying the desk without a printer."""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import logging
import re
import selectors
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

from counter_app.devices.decoders import ZxingDecoder, decode_codes

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_AFTER_BYTES = 200  # "disconnect_mid_job": where a job is torn unless told otherwise
POLL_S = 0.1  # how often idle threads look at stop() and the mode: stop() waits about this long
STOP_WAIT_S = 2.0  # stop() gives the threads this long in all, then leaves them (they are daemons)
MAX_IMAGE_BYTES = (
    4_000_000  # a larger declared bit image is skipped, not buffered: a garbled length must not take the memory
)
QUIET_ZONE = 16  # white pixels put around a printed picture before looking for QR codes in it
QR_MIN_SIDE = 21  # smallest QR code, in modules; smaller pictures are not looked at

MODES = ("ready", "offline", "paper_out", "cover_open", "paper_low", "disconnect_mid_job", "silent")
NOT_PRINTING = ("paper_out", "cover_open", "silent")  # modes whose received jobs are discarded, not printed

ESC, FS, GS, DLE = 0x1B, 0x1C, 0x1D, 0x10
LF, FF = 0x0A, 0x0C
EOT, ENQ, DC4 = 0x04, 0x05, 0x14

# Printable bytes: everything from space up, and tab. Other control bytes are commands or ignored.
_CONTROL = re.compile(rb"[\x00-\x08\x0a-\x1f]")

# ESC t n: the code pages a receipt printer commonly has, by number; any other is read as cp437.
CODE_PAGES = {
    0: "cp437",
    2: "cp850",
    3: "cp860",
    4: "cp863",
    5: "cp865",
    16: "cp1252",
    17: "cp866",
    18: "cp852",
    19: "cp858",
}

# How many parameter bytes follow each fixed-length command (after the two command bytes).
_ESC_PARAMETERS = {
    **dict.fromkeys(b"@2<imLS\x0c", 0),
    **dict.fromkeys(b"aE-!GdJt3MV{A+ %?=RUTKervu", 1),
    **dict.fromkeys(b"$\\cBf", 2),
    ord("p"): 3,
    ord("W"): 8,
}
_GS_PARAMETERS = {
    **dict.fromkeys(b":c", 0),
    **dict.fromkeys(b"!BHhwfarb|ITj/E", 1),
    **dict.fromkeys(b"LWP$\\", 2),
    **dict.fromkeys(b"^z", 3),
    ord("g"): 4,
}
_FS_PARAMETERS = {
    **dict.fromkeys(b"&.", 0),
    **dict.fromkeys(b"!C-W", 1),
    **dict.fromkeys(b"Sp", 2),
    ord("2"): 74,  # c1 c2 and a 24x24 user-defined character
}


@dataclass
class PrintedReceipt:
    """What came out of the printer between two cuts, as far as a test can read it back."""

    lines: list[str] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    cut: bool = False
    raw: bytes = b""
    connection_no: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class _NeedMore(Exception):
    """The command at hand continues in bytes not received yet."""


@dataclass
class _ReceiptInProgress:
    lines: list[str] = field(default_factory=list)
    images: list[Image.Image] = field(default_factory=list)
    qr_payloads: list[str] = field(default_factory=list)
    raw: bytearray = field(default_factory=bytearray)
    has_print_data: bool = False  # anything beyond real-time status queries
    spoiled: bool = False  # print data arrived while the printer could not print


class EscposParser:
    """The printer's side of an ESC/POS byte stream: fed bytes in any pieces, gives back the receipts it finished.

    Usable without sockets: `EscposParser().feed(data)` -> finished receipts; `end()` -> what was left uncut.
    While `printing` is False (no paper, cover open), receipts cut go to `discarded` instead.
    """

    def __init__(
        self, *, connection_no: int = 0, decode_images: bool = True, on_status: Callable[[int], None] | None = None
    ) -> None:
        self.connection_no = connection_no
        self.decode_images = decode_images
        self.on_status = on_status  # called with n for each DLE EOT n, as soon as it is read
        self.unknown_commands = 0
        self.printing = True
        self.discarded: list[PrintedReceipt] = []
        self._buffer = bytearray()
        self._skip_remaining = 0  # data bytes of a skipped command still to come
        self._reset_modes()
        self._receipt = _ReceiptInProgress()
        self._line: list[tuple[str, bytearray]] = []  # the line being printed, in runs of one encoding
        self._bands: list[np.ndarray] = []  # ESC * stripes of one picture, joined when something else comes
        self._qr_data: bytes | None = None  # GS ( k "store": printed by the next GS ( k "print"
        self._graphics: Image.Image | None = None  # GS ( L "store": printed by the next GS ( L "print"
        self._cut = False

    def _reset_modes(self) -> None:
        self._chinese = False
        self._code_page = "cp437"

    # -- the stream ------------------------------------------------------------------------------

    def feed(self, data: bytes) -> list[PrintedReceipt]:
        """Read more of the stream; the receipts cut in it, in order."""
        buffer = self._buffer
        buffer += data
        finished: list[PrintedReceipt] = []
        pos = 0
        while pos < len(buffer):
            if self._skip_remaining:
                taken = min(self._skip_remaining, len(buffer) - pos)
                self._receipt.raw += buffer[pos : pos + taken]
                self._skip_remaining -= taken
                pos += taken
                continue
            try:
                end = self._step(buffer, pos)
            except _NeedMore:
                break
            self._receipt.raw += buffer[pos:end]
            pos = end
            if self._cut:
                self._cut = False
                spoiled = self._receipt.spoiled
                (self.discarded if spoiled else finished).append(self._finish(cut=True))
        del buffer[:pos]
        return finished

    def end(self) -> PrintedReceipt | None:
        """The stream stopped (the connection closed): what was printed since the last cut, if anything was."""
        receipt = self._receipt
        receipt.raw += self._buffer
        if self._buffer or self._skip_remaining:
            receipt.has_print_data = True
        self._buffer = bytearray()
        self._skip_remaining = 0
        torn = self._finish(cut=False)
        return torn if receipt.has_print_data else None

    def _finish(self, *, cut: bool) -> PrintedReceipt:
        self._end_line(if_empty=False)
        self._print_bands()
        done = self._receipt
        self._receipt = _ReceiptInProgress()
        return PrintedReceipt(done.lines, done.images, done.qr_payloads, cut, bytes(done.raw), self.connection_no)

    # -- one command or text run, from pos; returns where the next begins --------------------------

    @staticmethod
    def _need(buffer: bytearray, end: int) -> None:
        if len(buffer) < end:
            raise _NeedMore

    def _step(self, buffer: bytearray, pos: int) -> int:
        byte = buffer[pos]
        if byte == DLE:
            return self._real_time(buffer, pos)
        self._receipt.has_print_data = True
        if not self.printing:
            self._receipt.spoiled = True
        if byte == ESC:
            return self._esc(buffer, pos)
        if byte == GS:
            return self._gs(buffer, pos)
        if byte == FS:
            return self._fs(buffer, pos)
        if byte == LF:
            # The line feed that ends each ESC * stripe is part of the picture, not a blank line.
            self._end_line(if_empty=not self._bands)
            return pos + 1
        if byte == FF:
            self._end_line(if_empty=False)
            return pos + 1
        if byte < 0x20 and byte != 0x09:
            return pos + 1  # CR, NUL, CAN and the like print nothing
        match = _CONTROL.search(buffer, pos)
        end = match.start() if match else len(buffer)
        self._print_bands()
        encoding = "gb18030" if self._chinese else self._code_page
        if self._line and self._line[-1][0] == encoding:
            self._line[-1][1].extend(buffer[pos:end])
        else:
            self._line.append((encoding, bytearray(buffer[pos:end])))
        return end

    def _unknown(self, pos: int) -> int:
        self.unknown_commands += 1
        return pos + 2

    def _real_time(self, buffer: bytearray, pos: int) -> int:
        self._need(buffer, pos + 2)
        function = buffer[pos + 1]
        if function == EOT:
            self._need(buffer, pos + 3)
            n = buffer[pos + 2]
            if n in (7, 8):  # ink and peripheral status carry one more byte
                self._need(buffer, pos + 4)
                return pos + 4
            if self.on_status is not None:
                self.on_status(n)
            return pos + 3
        if function == ENQ:
            self._need(buffer, pos + 3)
            return pos + 3
        if function == DC4:
            self._need(buffer, pos + 3)
            length = {1: 5, 2: 5, 3: 5, 7: 4, 8: 10}.get(buffer[pos + 2], 3)
            self._need(buffer, pos + length)
            return pos + length
        return pos + 1  # a lone DLE is not a command: a printer ignores it

    def _esc(self, buffer: bytearray, pos: int) -> int:
        self._need(buffer, pos + 2)
        command = buffer[pos + 1]
        parameters = _ESC_PARAMETERS.get(command)
        if parameters is not None:
            end = pos + 2 + parameters
            self._need(buffer, end)
            if command == ord("@"):
                # Initialise: the unprinted line is dropped and the character modes reset, as on a printer.
                self._line = []
                self._reset_modes()
            elif command == ord("t"):
                self._code_page = CODE_PAGES.get(buffer[pos + 2], "cp437")
            elif command in (ord("d"), ord("J")):
                self._end_line(if_empty=False)
            return end
        if command == ord("*"):
            self._need(buffer, pos + 5)
            m, columns = buffer[pos + 2], buffer[pos + 3] | buffer[pos + 4] << 8
            bytes_per_column = 3 if m & 0x20 else 1
            end = pos + 5 + columns * bytes_per_column
            self._need(buffer, end)
            self._add_band(bytes(buffer[pos + 5 : end]), columns, bytes_per_column)
            return end
        if command == ord("D"):  # tab positions, up to 32, ended by NUL
            self._need(buffer, pos + 3)
            nul = buffer.find(0, pos + 2, pos + 35)
            if nul >= 0:
                return nul + 1
            self._need(buffer, pos + 35)
            return pos + 34
        if command == ord("&"):  # user-defined characters: y c1 c2, then per character x and y*x bytes
            self._need(buffer, pos + 5)
            height, first, last = buffer[pos + 2], buffer[pos + 3], buffer[pos + 4]
            end = pos + 5
            for _ in range(max(0, last - first + 1)):
                self._need(buffer, end + 1)
                end += 1 + height * buffer[end]
            self._need(buffer, end)
            return end
        if command == ord("("):
            return self._skip_by_length(buffer, pos, 2)
        return self._unknown(pos)

    def _gs(self, buffer: bytearray, pos: int) -> int:
        self._need(buffer, pos + 2)
        command = buffer[pos + 1]
        parameters = _GS_PARAMETERS.get(command)
        if parameters is not None:
            end = pos + 2 + parameters
            self._need(buffer, end)
            return end
        if command == ord("V"):
            self._need(buffer, pos + 3)
            end = pos + 4 if buffer[pos + 2] in (65, 66, 97, 98, 103, 104) else pos + 3
            self._need(buffer, end)
            self._cut = True
            return end
        if command == ord("v"):
            return self._raster_image(buffer, pos)
        if command == ord("("):
            self._need(buffer, pos + 5)
            length = buffer[pos + 3] | buffer[pos + 4] << 8
            end = pos + 5 + length
            if buffer[pos + 2] == ord("k"):
                self._need(buffer, end)
                self._two_dimensional_code(bytes(buffer[pos + 5 : end]))
                return end
            if buffer[pos + 2] == ord("L"):
                self._need(buffer, end)
                self._graphics_function(bytes(buffer[pos + 5 : end]))
                return end
            return self._skip_by_length(buffer, pos, 2)
        if command == ord("8"):  # GS 8 L: GS ( L with a four-byte length
            self._need(buffer, pos + 7)
            length = int.from_bytes(buffer[pos + 3 : pos + 7], "little")
            end = pos + 7 + length
            if buffer[pos + 2] == ord("L") and length <= MAX_IMAGE_BYTES:
                self._need(buffer, end)
                self._graphics_function(bytes(buffer[pos + 7 : end]))
                return end
            return self._skip(pos + 7, length)
        if command == ord("k"):
            self._need(buffer, pos + 3)
            m = buffer[pos + 2]
            if m <= 6:  # function A: data ended by NUL
                nul = buffer.find(0, pos + 3, pos + 3 + 256)
                if nul >= 0:
                    return nul + 1
                self._need(buffer, pos + 3 + 256)
                return pos + 3 + 255
            self._need(buffer, pos + 4)
            end = pos + 4 + buffer[pos + 3]  # function B: n, then n bytes
            self._need(buffer, end)
            return end
        if command == ord("*"):  # downloaded bit image: x y and x*y*8 bytes
            self._need(buffer, pos + 4)
            return self._skip(pos + 4, buffer[pos + 2] * buffer[pos + 3] * 8)
        return self._unknown(pos)

    def _fs(self, buffer: bytearray, pos: int) -> int:
        self._need(buffer, pos + 2)
        command = buffer[pos + 1]
        parameters = _FS_PARAMETERS.get(command)
        if parameters is not None:
            end = pos + 2 + parameters
            self._need(buffer, end)
            if command == ord("&"):
                self._chinese = True
            elif command == ord("."):
                self._chinese = False
            return end
        if command == ord("("):
            return self._skip_by_length(buffer, pos, 2)
        return self._unknown(pos)

    def _skip_by_length(self, buffer: bytearray, pos: int, prefix: int) -> int:
        """ESC ( / GS ( / FS ( fn pL pH and pL + pH*256 bytes of data."""
        header = pos + prefix + 3
        self._need(buffer, header)
        return self._skip(header, buffer[header - 2] | buffer[header - 1] << 8)

    def _skip(self, data_start: int, length: int) -> int:
        # The data is passed over as it arrives, never held: its length may be anything.
        self._skip_remaining = length
        return data_start

    # -- what gets printed -------------------------------------------------------------------------

    def _end_line(self, *, if_empty: bool) -> None:
        if self._line or if_empty:
            self._receipt.lines.append(
                "".join(data.decode(encoding, errors="replace") for encoding, data in self._line)
            )
        self._line = []

    def _raster_image(self, buffer: bytearray, pos: int) -> int:
        self._need(buffer, pos + 8)
        if buffer[pos + 2] not in (0x30, 0x00):
            return self._unknown(pos)
        width_bytes = buffer[pos + 4] | buffer[pos + 5] << 8
        height = buffer[pos + 6] | buffer[pos + 7] << 8
        size = width_bytes * height
        if size > MAX_IMAGE_BYTES:
            return self._skip(pos + 8, size)
        end = pos + 8 + size
        self._need(buffer, end)
        if size:
            # Double width or height (m = 1..3) stretches the dots on paper; the picture keeps the data's own size.
            bits = np.unpackbits(np.frombuffer(bytes(buffer[pos + 8 : end]), np.uint8)).reshape(height, width_bytes * 8)
            self._add_image(bits.astype(bool))
        return end

    def _add_band(self, data: bytes, columns: int, bytes_per_column: int) -> None:
        if not columns:
            return
        band = np.unpackbits(np.frombuffer(data, np.uint8)).reshape(columns, bytes_per_column * 8).T.astype(bool)
        if self._bands and self._bands[-1].shape != band.shape:
            self._print_bands()
        self._bands.append(band)

    def _print_bands(self) -> None:
        if self._bands:
            dots = np.vstack(self._bands)
            self._bands = []
            self._add_image(dots)

    def _two_dimensional_code(self, body: bytes) -> None:
        if len(body) < 2 or body[0] != 49:  # cn 49: QR code; PDF417 and others are passed over
            return
        function = body[1]
        if function == 80:
            self._qr_data = body[3:]  # after m
        elif function == 81 and self._qr_data is not None:
            # A printer prints the stored code only when told to: a job that stores and never prints shows nothing.
            self._print_bands()
            self._receipt.qr_payloads.append(self._qr_data.decode("utf-8", errors="replace"))

    def _graphics_function(self, body: bytes) -> None:
        if len(body) < 2 or body[0] not in (0x30, 0x00):
            return
        function = body[1]
        if function == 112 and len(body) >= 10 and body[2] == 48:  # store a monochrome raster graphic
            width, height = body[6] | body[7] << 8, body[8] | body[9] << 8
            row_bytes = (width + 7) // 8
            data = body[10:]
            if width and height and len(data) >= row_bytes * height:
                bits = np.unpackbits(np.frombuffer(data[: row_bytes * height], np.uint8)).reshape(height, row_bytes * 8)
                self._graphics = Image.fromarray(~bits[:, :width].astype(bool))
        elif function == 50 and self._graphics is not None:
            self._print_bands()
            self._add_picture(self._graphics)
            self._graphics = None

    def _add_image(self, dots: np.ndarray) -> None:
        """A picture from its dots, True where the head burns (black)."""
        self._add_picture(Image.fromarray(~dots))

    def _add_picture(self, picture: Image.Image) -> None:
        self._receipt.images.append(picture)
        if self.decode_images:
            self._receipt.qr_payloads.extend(qr_codes_in(picture))


_decoder = None


def qr_codes_in(picture: Image.Image) -> list[str]:
    """The QR codes' texts in a printed picture, with a quiet zone added (a printed code often comes without one)."""
    global _decoder
    if min(picture.size) < QR_MIN_SIDE:
        return []
    gray = np.array(ImageOps.expand(picture.convert("L"), border=QUIET_ZONE, fill=255), dtype=np.uint8)
    try:
        if _decoder is None:
            _decoder = ZxingDecoder()
        return decode_codes(gray, _decoder)
    except Exception:  # a decoder fault must not lose the receipt it was looking at
        log.exception("could not look for QR codes in a printed picture")
        return []


def status_byte(mode: str, n: int) -> int | None:
    """The byte an Epson-compatible printer answers to DLE EOT n in this mode; None where it says nothing."""
    if mode == "silent" or n not in (1, 2, 3, 4):
        return None
    if n == 1:  # printer status; bit 3: offline
        return 0x16 | (0x08 if mode in ("paper_out", "cover_open") else 0)
    if n == 2:  # offline cause; bit 2: cover open, bit 5: stopped at paper end
        return 0x12 | {"cover_open": 0x04, "paper_out": 0x20}.get(mode, 0)
    if n == 3:  # error cause: none of these faults is an error
        return 0x12
    return 0x12 | {"paper_low": 0x0C, "paper_out": 0x60}.get(mode, 0)  # roll paper sensor


def _is_loopback(host: str) -> bool:
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)}
    except OSError:
        return False
    return bool(addresses) and all(
        ipaddress.ip_address(str(address).split("%")[0]).is_loopback for address in addresses
    )


@dataclass
class _Connection:
    number: int
    sock: socket.socket
    thread: threading.Thread | None = None


class PrinterEmulator:
    """A receipt printer on a TCP port, as the desk reaches a networked one; faults played through `mode`.

    Modes:
      ready               prints; status answers "online, paper adequate".
      offline             the port refuses connections (the listening socket is closed; the port stays
                          reserved by a bound, non-listening socket and listens again on leaving offline);
                          open connections are reset.
      paper_out           accepts; status: offline, stopped at paper end, paper end; jobs are discarded.
      cover_open          accepts; status: offline, cover open; jobs are discarded.
      paper_low           prints; the roll paper sensor says near end.
      disconnect_mid_job  resets a connection once it has sent `after_bytes` bytes (those are a torn receipt);
                          with `times=N` only the next N, then back to ready.
      silent              accepts and reads everything, never answers a status query, prints nothing;
                          connections stay open until the client gives up or stop().
    """

    def __init__(
        self,
        host: str = DEFAULT_HOST,
        port: int = 0,
        mode: str = "ready",
        *,
        allow_remote: bool = False,
        decode_images: bool = True,
        on_receipt: Callable[[PrintedReceipt], None] | None = None,
        **mode_parameters: int | None,
    ) -> None:
        if not allow_remote and not _is_loopback(host):
            raise ValueError(
                f"the printer emulator listens on loopback only, not {host!r} (allow_remote=True to insist)"
            )
        self.host = host
        self.decode_images = decode_images
        self.on_receipt = on_receipt  # called from a connection's thread for each receipt and torn receipt
        self._port = port
        self._lock = threading.Condition()
        self._receipts: list[PrintedReceipt] = []
        self._torn: list[PrintedReceipt] = []
        self._discarded: list[PrintedReceipt] = []
        self._connections: dict[int, _Connection] = {}
        self._connection_count = 0
        self._unknown_commands = 0
        self._mode = "ready"
        self._after_bytes = DEFAULT_AFTER_BYTES
        self._times: int | None = None
        self._version = 0  # bumped by each mode change; the accept thread applies them in order
        self._applied = 0
        self._listener: socket.socket | None = None
        self._listening = False
        self._wake: tuple[socket.socket, socket.socket] | None = None
        self._accept_thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self.play(mode, **mode_parameters)

    # -- life --------------------------------------------------------------------------------------

    def start(self) -> PrinterEmulator:
        if self._accept_thread is not None:
            return self
        self._stopping.clear()
        # Bound here, so that the port is known on return; the accept thread makes it listen unless offline.
        self._listener = self._bind(self._port, listen=False)
        self._listening = False
        self._port = self._listener.getsockname()[1]
        self._wake = socket.socketpair()
        self._accept_thread = threading.Thread(target=self._serve, name=f"printer-emulator:{self._port}", daemon=True)
        self._accept_thread.start()
        self._wait_applied()
        return self

    def stop(self) -> None:
        """Closes the port and every connection (what they sent since a cut is kept as torn), in about POLL_S."""
        thread = self._accept_thread
        if thread is None:
            return
        self._stopping.set()
        self._poke()
        deadline = time.monotonic() + STOP_WAIT_S
        thread.join(max(0.0, deadline - time.monotonic()))
        with self._lock:
            handlers = [connection.thread for connection in self._connections.values() if connection.thread]
        for handler in handlers:
            handler.join(max(0.0, deadline - time.monotonic()))
        if self._wake is not None:
            for end in self._wake:
                end.close()
            self._wake = None
        self._accept_thread = None

    def __enter__(self) -> PrinterEmulator:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        return self._port

    @property
    def uri(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"tcp://{host}:{self._port}"

    # -- faults ------------------------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return self._mode

    @mode.setter
    def mode(self, mode: str) -> None:
        self.play(mode)

    def play(self, mode: str, *, after_bytes: int | None = None, times: int | None = None) -> None:
        """Switch to a mode; it holds for what happens next, on open connections too. Returns when the port follows it."""
        if mode not in MODES:
            raise ValueError(f"unknown printer mode {mode!r}; one of {', '.join(MODES)}")
        if after_bytes is not None and after_bytes < 0:
            raise ValueError("after_bytes must be 0 or more")
        if times is not None and times < 1:
            raise ValueError("times must be 1 or more")
        with self._lock:
            self._mode = mode
            self._after_bytes = DEFAULT_AFTER_BYTES if after_bytes is None else after_bytes
            self._times = times
            self._version += 1
        self._poke()
        if threading.current_thread() is not self._accept_thread:
            self._wait_applied()

    def _claim_disconnect(self) -> bool:
        """Whether this connection is to be torn now; counts down `times`."""
        with self._lock:
            if self._mode != "disconnect_mid_job":
                return False
            if self._times is not None:
                self._times -= 1
                if self._times == 0:
                    self._mode, self._times = "ready", None
                    self._version += 1
            return True

    # -- what was printed --------------------------------------------------------------------------

    @property
    def receipts(self) -> list[PrintedReceipt]:
        """Receipts that reached a cut, in arrival order."""
        with self._lock:
            return list(self._receipts)

    @property
    def torn(self) -> list[PrintedReceipt]:
        """What connections sent after their last cut before they closed (cut=False)."""
        with self._lock:
            return list(self._torn)

    @property
    def discarded(self) -> list[PrintedReceipt]:
        """Receipts cut while the printer could not print (paper out, cover open, silent)."""
        with self._lock:
            return list(self._discarded)

    @property
    def connection_count(self) -> int:
        with self._lock:
            return self._connection_count

    @property
    def unknown_commands(self) -> int:
        with self._lock:
            return self._unknown_commands

    def wait_for(self, count: int, timeout: float = 5.0) -> bool:
        """Blocks until at least `count` receipts arrived; whether they did within `timeout` seconds."""
        return self._wait(lambda: len(self._receipts) >= count, timeout)

    def wait_for_torn(self, count: int, timeout: float = 5.0) -> bool:
        return self._wait(lambda: len(self._torn) >= count, timeout)

    def wait_for_discarded(self, count: int, timeout: float = 5.0) -> bool:
        return self._wait(lambda: len(self._discarded) >= count, timeout)

    def clear(self) -> None:
        with self._lock:
            self._receipts.clear()
            self._torn.clear()
            self._discarded.clear()

    def _wait(self, predicate: Callable[[], bool], timeout: float) -> bool:
        with self._lock:
            return self._lock.wait_for(predicate, timeout)

    def _keep(self, receipt: PrintedReceipt) -> None:
        with self._lock:
            (self._receipts if receipt.cut else self._torn).append(receipt)
            self._lock.notify_all()
        if self.on_receipt is not None:
            try:
                self.on_receipt(receipt)
            except Exception:  # the listener's fault must not cost the connection
                log.exception("on_receipt failed")

    # -- the port ----------------------------------------------------------------------------------

    def _bind(self, port: int, *, listen: bool = True) -> socket.socket:
        # IPv4 first: "localhost" is then the 127.0.0.1 that clients are usually given.
        addresses = sorted(
            socket.getaddrinfo(self.host, port, type=socket.SOCK_STREAM), key=lambda info: info[0] != socket.AF_INET
        )
        family, kind, proto, _name, address = addresses[0]
        sock = socket.socket(family, kind, proto)
        # The same port is bound again on leaving offline, while the old connections linger in TIME_WAIT.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
            if listen:
                sock.listen(16)
        except OSError:
            sock.close()
            raise
        sock.setblocking(False)
        return sock

    def _poke(self) -> None:
        wake = self._wake
        if wake is not None:
            with contextlib.suppress(OSError):
                wake[1].send(b"\0")

    def _wait_applied(self) -> None:
        with self._lock:
            version = self._version
            self._lock.wait_for(lambda: self._applied >= version or self._accept_thread is None, STOP_WAIT_S)

    def _serve(self) -> None:
        """The accept thread: the only one that opens and closes the listening socket."""
        selector = selectors.DefaultSelector()
        assert self._wake is not None
        selector.register(self._wake[0], selectors.EVENT_READ)
        try:
            while not self._stopping.is_set():
                with self._lock:
                    version, offline = self._version, self._mode == "offline"
                self._follow_mode(selector, offline)
                with self._lock:
                    self._applied = version
                    self._lock.notify_all()
                for key, _events in selector.select(POLL_S * 5):
                    if key.fileobj is self._wake[0]:
                        with contextlib.suppress(OSError):
                            self._wake[0].recv(4096)
                    elif self._listening:
                        self._accept()
        finally:
            selector.close()
            if self._listener is not None:
                self._listener.close()
                self._listener = None
            with self._lock:
                self._lock.notify_all()

    def _follow_mode(self, selector: selectors.BaseSelector, offline: bool) -> None:
        if offline and self._listening:
            assert self._listener is not None
            selector.unregister(self._listener)
            self._listener.close()
            self._listening = False
            try:
                # Held bound but not listening, the port refuses connections and stays ours.
                self._listener = self._bind(self._port, listen=False)
            except OSError:
                self._listener = None
        elif not offline and not self._listening:
            try:
                if self._listener is None:
                    self._listener = self._bind(self._port)
                else:
                    self._listener.listen(16)
            except OSError:
                log.exception("the printer emulator could not listen on port %s again", self._port)
                return
            selector.register(self._listener, selectors.EVENT_READ)
            self._listening = True

    def _accept(self) -> None:
        assert self._listener is not None
        try:
            sock, _address = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            log.exception("accept failed")
            return
        sock.settimeout(POLL_S)
        with self._lock:
            self._connection_count += 1
            connection = _Connection(self._connection_count, sock)
            self._connections[connection.number] = connection
        connection.thread = threading.Thread(
            target=self._handle, args=(connection,), name=f"printer-connection-{connection.number}", daemon=True
        )
        connection.thread.start()

    # -- one connection ----------------------------------------------------------------------------

    def _handle(self, connection: _Connection) -> None:
        sock = connection.sock

        def answer(n: int) -> None:
            byte = status_byte(self._mode, n)
            if byte is not None:
                with contextlib.suppress(OSError):
                    sock.sendall(bytes((byte,)))

        parser = EscposParser(connection_no=connection.number, decode_images=self.decode_images, on_status=answer)
        received = 0
        reset = False
        try:
            while not self._stopping.is_set():
                if self._mode == "offline":
                    reset = True
                    break
                try:
                    chunk = sock.recv(65536)
                except TimeoutError:
                    continue
                except OSError:
                    break
                if not chunk:
                    break
                if (
                    self._mode == "disconnect_mid_job"
                    and received + len(chunk) >= self._after_bytes
                    and self._claim_disconnect()
                ):
                    reset = True
                    chunk = chunk[: max(0, self._after_bytes - received)]
                received += len(chunk)
                parser.printing = self._mode not in NOT_PRINTING
                unknown_before = parser.unknown_commands
                for receipt in parser.feed(chunk):
                    self._keep(receipt)
                with self._lock:
                    self._unknown_commands += parser.unknown_commands - unknown_before
                    self._discarded += parser.discarded
                    parser.discarded.clear()
                    self._lock.notify_all()
                if reset:
                    break
        finally:
            if reset:
                # An RST, not a FIN: the client's next send fails, as when a printer is switched off mid-job.
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            sock.close()
            torn = parser.end()
            if torn is not None:
                self._keep(torn)
            with self._lock:
                self._connections.pop(connection.number, None)


# -- python -m counter_app.devices.printer_emulator --------------------------------------------------


def _show(receipt: PrintedReceipt, save: Path | None, number: int) -> None:
    out = [f"=== receipt {number} (connection {receipt.connection_no}) ==="]
    out += receipt.lines
    out += [f"[QR] {payload}" for payload in receipt.qr_payloads]
    for index, picture in enumerate(receipt.images, 1):
        if save is not None:
            path = save / f"receipt-{number:04d}-image-{index}.png"
            picture.save(path)
            out.append(f"[image {picture.width}x{picture.height}] {path}")
        else:
            out.append(f"[image {picture.width}x{picture.height}]")
    out.append("--- cut ---" if receipt.cut else "--- torn: the connection closed before a cut ---")
    print("\n".join(out), flush=True)


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(
        prog="python -m counter_app.devices.printer_emulator",
        description="A pretend ESC/POS receipt printer on a TCP port.",
    )
    arguments.add_argument(
        "--host", default=None, help=f"address to listen on (default {DEFAULT_HOST}; given explicitly, any address)"
    )
    arguments.add_argument("--port", type=int, default=9100, help="TCP port (default 9100; 0: any free one)")
    arguments.add_argument("--mode", choices=MODES, default="ready")
    arguments.add_argument(
        "--after-bytes", type=int, default=DEFAULT_AFTER_BYTES, help="disconnect_mid_job: bytes before the reset"
    )
    arguments.add_argument("--times", type=int, default=None, help="disconnect_mid_job: only the next N connections")
    arguments.add_argument("--save", type=Path, default=None, metavar="DIR", help="save printed images as PNG here")
    args = arguments.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")
    if args.save is not None:
        args.save.mkdir(parents=True, exist_ok=True)
    shown = 0
    lock = threading.Lock()

    def show(receipt: PrintedReceipt) -> None:
        nonlocal shown
        with lock:
            shown += 1
            _show(receipt, args.save, shown)

    parameters = {"after_bytes": args.after_bytes, "times": args.times} if args.mode == "disconnect_mid_job" else {}
    printer = PrinterEmulator(
        args.host or DEFAULT_HOST,
        args.port,
        args.mode,
        allow_remote=args.host is not None,
        on_receipt=show,
        **parameters,
    )
    with printer:
        print(f"printer emulator on {printer.uri}, mode {printer.mode}; Ctrl+C to stop", file=sys.stderr, flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
