"""The printer emulator: what python-escpos sends comes back as receipts, statuses answer per mode, faults play."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
import qrcode
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Network
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from counter_app.devices.printer_emulator import EscposParser, PrintedReceipt, PrinterEmulator, status_byte

ROOT = Path(__file__).resolve().parent.parent
CHINESE = "会员服务台 积分 1,288"
CHINESE_BYTES = b"\x1c&" + CHINESE.encode("gb18030") + b"\x1c."


@pytest.fixture
def printer():
    with PrinterEmulator() as emulator:
        yield emulator


def connect(emulator: PrinterEmulator, timeout: float = 5) -> Network:
    client = Network(host="127.0.0.1", port=emulator.port, timeout=timeout)
    client.open()
    return client


def picture_with_block(width: int = 64, height: int = 32) -> Image.Image:
    picture = Image.new("RGB", (width, height), "white")
    ImageDraw.Draw(picture).rectangle((8, 4, 23, 19), fill="black")
    return picture


def qr_picture(text: str) -> Image.Image:
    code = qrcode.QRCode(box_size=4, border=4)
    code.add_data(text)
    return code.make_image().get_image().convert("RGB")


def black(picture: Image.Image, x: int, y: int) -> bool:
    return picture.convert("L").getpixel((x, y)) == 0


# -- receipts ---------------------------------------------------------------------------------------


def test_a_receipt_from_python_escpos_comes_back_whole(printer: PrinterEmulator) -> None:
    client = connect(printer)
    client._raw(CHINESE_BYTES + b"\n")
    client.textln("Member 0042")
    client.set(align="center", bold=True)
    client.textln("Thank you")
    client.image(picture_with_block())
    client.image(qr_picture("member:0042"))
    client.qr("op:1234", native=True)
    client.cut()
    client.close()

    assert printer.wait_for(1, timeout=5)
    (receipt,) = printer.receipts
    assert receipt.lines == [CHINESE, "Member 0042", "Thank you"]
    assert receipt.qr_payloads == ["member:0042", "op:1234"]  # in the order printed
    assert len(receipt.images) == 2
    assert receipt.images[0].size == (64, 32)
    assert black(receipt.images[0], 10, 10) and not black(receipt.images[0], 40, 10)
    assert receipt.cut and receipt.connection_no == 1
    assert receipt.raw.startswith(CHINESE_BYTES) and receipt.raw.endswith(b"\x1dV\x00")
    assert printer.torn == [] and printer.unknown_commands == 0


def test_pictures_in_columns_and_graphics_and_a_qr_rendered_by_escpos(printer: PrinterEmulator) -> None:
    client = connect(printer)
    client.image(picture_with_block(40, 30), impl="bitImageColumn")
    client.image(picture_with_block(40, 30), impl="graphics")
    client.qr("coupon:77", native=False)
    client.cut()
    client.close()

    assert printer.wait_for(1)
    (receipt,) = printer.receipts
    columns, graphics, code = receipt.images
    assert columns.size == (40, 48)  # two 24-dot stripes
    assert graphics.size == (40, 30)
    for picture in (columns, graphics):
        assert black(picture, 10, 10) and not black(picture, 30, 10) and not black(picture, 10, 25)
    assert code.height > 21
    assert receipt.qr_payloads == ["coupon:77"]
    # The ESC * stripes' own line feeds are not blank lines; the two escpos puts around its QR picture are.
    assert receipt.lines == ["", "", ""]


def test_several_receipts_on_one_connection_and_on_several(printer: PrinterEmulator) -> None:
    first = connect(printer)
    for number in range(3):
        first.textln(f"receipt {number}")
        first.cut()
    second = connect(printer)
    second.textln("from the second")
    second.cut(feed=False)
    first.close()
    second.close()

    assert printer.wait_for(4)
    by_connection = sorted((receipt.connection_no, receipt.lines[0]) for receipt in printer.receipts)
    assert by_connection == [(1, "receipt 0"), (1, "receipt 1"), (1, "receipt 2"), (2, "from the second")]
    assert printer.connection_count == 2
    printer.clear()
    assert printer.receipts == [] and not printer.wait_for(1, timeout=0.05)


def test_a_job_closed_before_its_cut_is_torn_and_status_only_connections_leave_nothing(
    printer: PrinterEmulator,
) -> None:
    client = connect(printer)
    assert client.is_online()
    client.close()
    client = connect(printer)
    client.textln("printed")
    client.cut()
    client.text("half a li")
    client.close()

    assert printer.wait_for_torn(1)
    (torn,) = printer.torn
    assert torn.lines == ["half a li"] and not torn.cut and torn.raw == b"half a li"
    assert [receipt.lines for receipt in printer.receipts] == [["printed"]]


# -- status -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "statuses", "online", "paper"),
    [
        ("ready", {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}, True, 2),
        ("paper_low", {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x1E}, True, 1),
        ("paper_out", {1: 0x1E, 2: 0x32, 3: 0x12, 4: 0x72}, False, 0),
        ("cover_open", {1: 0x1E, 2: 0x16, 3: 0x12, 4: 0x12}, False, 2),
        ("disconnect_mid_job", {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}, True, 2),
    ],
)
def test_status_answers_as_an_epson_printer_does(
    printer: PrinterEmulator, mode: str, statuses: dict[int, int], online: bool, paper: int
) -> None:
    printer.play(mode, after_bytes=10_000)
    client = connect(printer)
    for n, expected in statuses.items():
        assert client.query_status(bytes((0x10, 0x04, n))) == bytes((expected,))
    assert client.is_online() is online
    assert client.paper_status() == paper
    client.close()


def test_status_for_other_queries_is_silence() -> None:
    assert status_byte("ready", 5) is None
    assert status_byte("silent", 1) is None


def test_paper_out_discards_the_job_and_printing_resumes_after(printer: PrinterEmulator) -> None:
    printer.mode = "paper_out"
    client = connect(printer)
    client.textln("lost")
    client.cut()
    assert client.paper_status() == 0  # answered in the middle of the job
    printer.mode = "ready"
    client.textln("kept")
    client.cut()
    client.close()

    assert printer.wait_for(1)
    assert [receipt.lines for receipt in printer.receipts] == [["kept"]]
    assert [receipt.lines for receipt in printer.discarded] == [["lost"]]


# -- faults -----------------------------------------------------------------------------------------


def test_offline_refuses_connections_at_once_and_the_port_comes_back(printer: PrinterEmulator) -> None:
    idle = connect(printer)
    printer.mode = "offline"
    started = time.monotonic()
    with pytest.raises(DeviceNotFoundError):
        connect(printer)
    assert time.monotonic() - started < 1
    with pytest.raises(OSError):  # the open connection was reset too
        for _ in range(200):
            idle._raw(b"x" * 1024)
            time.sleep(0.01)

    printer.mode = "ready"
    client = connect(printer)
    client.textln("back")
    client.cut()
    client.close()
    assert printer.wait_for(1)
    assert printer.receipts[0].lines == ["back"]


def test_offline_from_the_start() -> None:
    with PrinterEmulator(mode="offline") as emulator:
        with pytest.raises(DeviceNotFoundError):
            connect(emulator)
        emulator.mode = "ready"
        connect(emulator).close()


def test_disconnect_mid_job_tears_the_receipt_and_the_client_sees_it(printer: PrinterEmulator) -> None:
    printer.play("disconnect_mid_job", after_bytes=200, times=1)
    client = connect(printer)
    client.textln("a long job")
    with pytest.raises((BrokenPipeError, ConnectionResetError)):
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            client._raw(b"line of a big job\n" * 500)
    client.close()

    assert printer.wait_for_torn(1)
    (torn,) = printer.torn
    assert len(torn.raw) == 200 and not torn.cut and torn.lines[0] == "a long job"
    assert printer.mode == "ready"  # times=1 is used up
    client = connect(printer)
    client.textln("whole")
    client.cut()
    client.close()
    assert printer.wait_for(1) and printer.receipts[0].lines == ["whole"]


def test_silent_accepts_and_never_answers(printer: PrinterEmulator) -> None:
    printer.mode = "silent"
    client = connect(printer, timeout=0.5)
    client.textln("into the void")
    client.cut()
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        client.query_status(b"\x10\x04\x01")
    assert 0.4 < time.monotonic() - started < 2
    assert printer.receipts == []
    started = time.monotonic()
    printer.stop()  # the connection still open
    assert time.monotonic() - started < 1.5
    assert [receipt.lines for receipt in printer.discarded] == [["into the void"]]
    client.close()


def test_stop_is_prompt_with_connections_open_and_keeps_their_bytes() -> None:
    emulator = PrinterEmulator().start()
    clients = [connect(emulator) for _ in range(3)]
    clients[0].text("unfinished")
    time.sleep(0.2)
    started = time.monotonic()
    emulator.stop()
    assert time.monotonic() - started < 1.5
    assert [receipt.lines for receipt in emulator.torn] == [["unfinished"]]
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("printer-")]
    for client in clients:
        client.close()


def test_modes_and_hosts_are_checked() -> None:
    with pytest.raises(ValueError):
        PrinterEmulator(mode="jammed")
    with pytest.raises(ValueError):
        PrinterEmulator(host="0.0.0.0")
    emulator = PrinterEmulator(host="localhost")
    with emulator:
        assert emulator.uri == f"tcp://localhost:{emulator.port}" and emulator.port > 0


# -- the parser alone -------------------------------------------------------------------------------


def test_parser_reads_chinese_and_code_pages_and_skips_commands() -> None:
    parser = EscposParser(decode_images=False)
    stream = (
        b"\x1b@\x1bt\x00caf\x82\n"  # cp437 é
        + CHINESE_BYTES
        + b" ok\n"
        + b"\x1ba\x01\x1bE\x01\x1b-\x01\x1b!\x30\x1bG\x01\x1bd\x02\x1bJ\x10\x1b2\x1b3\x20\x1bM\x01\x1bV\x01\x1b{\x00"
        + b"\x1bp\x00\x19\xfa\x1c!\x00\x1cC\x00\x1c-\x00\x1cW\x01\x1d!\x11\x1dB\x01\x1dL\x00\x00\x1dW\x00\x02"
        + b"\x1dH\x02\x1dh\x50\x1dw\x02\x1df\x00\x1da\x00\x1dr\x01\x10\x05\x02\x10\x14\x01\x00\x01"
        + b"\x1dk\x04CODE39\x00\x1dkI\x05{B123\x1d(L\x04\x000\x31\x00\x00\x1d8L\x02\x00\x00\x000\x45"
        + b"\x1d(A\x02\x00\x00\x00\x1d(k\x03\x001C\x03"
        + b"\x1bX\x1d\x99\x1c\x77"  # unknown, each a pair
        + b"after\n"
        + b"\x1c&"
        + "中".encode("gb18030")
        + b"\x1b@"
        + "中".encode("gb18030")
        + b"\n"  # ESC @ leaves Chinese mode
        + b"\x1dVA\x03"
    )
    (receipt,) = parser.feed(stream)
    assert receipt.lines[:3] == ["café", CHINESE + " ok", "after"]
    assert receipt.lines[3] == "中".encode("gb18030").decode("cp437")
    assert parser.unknown_commands == 3 and receipt.cut
    assert parser.end() is None


def test_parser_prints_a_stored_qr_only_when_told_to() -> None:
    store = b"\x1d(k\x0a\x001P0op:1234"
    (stored_only,) = EscposParser().feed(store + b"\x1dV\x00")
    (printed,) = EscposParser().feed(store + b"\x1d(k\x03\x001Q0\x1dV\x00")
    assert stored_only.qr_payloads == [] and printed.qr_payloads == ["op:1234"]


def test_a_parser_without_paper_discards_what_it_is_sent() -> None:
    parser = EscposParser(decode_images=False)
    parser.printing = False
    assert parser.feed(b"\x10\x04\x04") == []
    parser.printing = True
    (printed,) = parser.feed(b"kept\n\x1dV\x00")  # a status query alone spoils nothing
    parser.printing = False
    assert parser.feed(b"lost\n") == []
    parser.printing = True
    assert parser.feed(b"\x1dV\x00") == []
    assert printed.lines == ["kept"] and [receipt.lines for receipt in parser.discarded] == [["lost"]]


def test_a_huge_declared_image_is_skipped_not_held() -> None:
    parser = EscposParser()
    size = 255 * 65535
    parser.feed(b"\x1dv0\x00\xff\x00\xff\xff")  # 16 MB of raster data announced
    for start in range(0, size, 1_000_000):
        assert (
            parser.feed(
                b"\x1dV\x00" * (min(size - start, 1_000_000) // 3) + b"\x00" * (min(size - start, 1_000_000) % 3)
            )
            == []
        )
    (receipt,) = parser.feed(b"\x1dV\x00")
    assert receipt.images == [] and len(receipt.raw) == 8 + size + 3
    assert len(parser._buffer) == 0


def _valid_commands() -> st.SearchStrategy[tuple[bytes, str | None, bool]]:
    """(bytes, the line it prints or None, whether it cuts)."""
    byte = st.integers(0, 255)
    word = st.text(alphabet="ABCxyz019 .,:", min_size=1, max_size=12)
    fixed = st.sampled_from(
        [
            b"\x1ba",
            b"\x1bE",
            b"\x1b-",
            b"\x1b!",
            b"\x1bG",
            b"\x1bd",
            b"\x1bJ",
            b"\x1bt",
            b"\x1b3",
            b"\x1bM",
            b"\x1bV",
            b"\x1b{",
            b"\x1c!",
            b"\x1cC",
            b"\x1c-",
            b"\x1cW",
            b"\x1d!",
            b"\x1dB",
            b"\x1dH",
            b"\x1dh",
            b"\x1dw",
            b"\x1df",
            b"\x1da",
            b"\x1dr",
            b"\x10\x05",
        ]
    )
    raster = st.tuples(st.integers(0, 4), st.integers(0, 30)).flatmap(
        lambda size: st.binary(min_size=size[0] * size[1], max_size=size[0] * size[1]).map(
            lambda data, size=size: b"\x1dv0\x00" + bytes((size[0], 0, size[1], 0)) + data
        )
    )
    columns = st.tuples(st.sampled_from([0, 33]), st.integers(1, 30)).flatmap(
        lambda mc: st.binary(min_size=mc[1] * (3 if mc[0] else 1), max_size=mc[1] * (3 if mc[0] else 1)).map(
            lambda data, mc=mc: b"\x1b*" + bytes((mc[0], mc[1], 0)) + data + b"\n"
        )
    )
    two_d = st.binary(max_size=40).map(
        lambda data: b"\x1d(k" + (len(data) + 3).to_bytes(2, "little") + b"1P0" + data + b"\x1d(k\x03\x001Q0"
    )
    by_length = st.tuples(st.sampled_from([b"\x1d(L", b"\x1d(A", b"\x1b(A", b"\x1c(A"]), st.binary(max_size=30)).map(
        lambda pair: pair[0] + len(pair[1]).to_bytes(2, "little") + pair[1]
    )
    barcode_a = st.binary(max_size=20).map(lambda data: b"\x1dk\x04" + data.replace(b"\x00", b"1") + b"\x00")
    barcode_b = st.binary(max_size=20).map(lambda data: b"\x1dkI" + bytes((len(data),)) + data)
    return st.one_of(
        word.map(lambda text: (text.encode() + b"\n", text, False)),
        word.map(lambda text: (b"\x1c&" + text.encode("gb18030") + b"\x1c.\n", text, False)),
        st.tuples(fixed, byte).map(lambda pair: (pair[0] + bytes((pair[1],)), None, False)),
        st.tuples(byte, byte, byte).map(lambda p: (b"\x1bp" + bytes(p), None, False)),
        st.sampled_from([b"\x1b@", b"\x1b2", b"\x10\x04\x01", b"\x10\x04\x04", b"\x1dL\x00\x00", b"\x1dW\x40\x02"]).map(
            lambda c: (c, None, False)
        ),
        st.one_of(raster, columns, two_d, by_length, barcode_a, barcode_b).map(lambda c: (c, None, False)),
        st.sampled_from([b"\x1dV\x00", b"\x1dV1", b"\x1dVA\x05", b"\x1dVB\x00"]).map(lambda c: (c, None, True)),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.lists(st.integers(0, 600), max_size=6))
def test_random_bytes_never_break_the_parser(data: bytes, cuts: list[int]) -> None:
    parser = EscposParser()
    pieces = [data[a:b] for a, b in zip([0, *sorted(cuts)], [*sorted(cuts), len(data)], strict=True)]
    receipts = [receipt for piece in pieces for receipt in parser.feed(piece)]
    torn = parser.end()
    total = b"".join(receipt.raw for receipt in receipts) + (torn.raw if torn else b"")
    assert len(total) <= len(data) and data.startswith(total)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_valid_commands(), max_size=25), st.lists(st.integers(0, 2000), max_size=8))
def test_valid_commands_in_any_pieces_read_back_exactly(
    commands: list[tuple[bytes, str | None, bool]], splits: list[int]
) -> None:
    stream = b"".join(command for command, _line, _cut in commands)
    whole = EscposParser(decode_images=False).feed(stream)
    parser = EscposParser(decode_images=False)
    edges = sorted({min(split, len(stream)) for split in splits})
    pieces = [stream[a:b] for a, b in zip([0, *edges], [*edges, len(stream)], strict=True)]
    pieced = [receipt for piece in pieces for receipt in parser.feed(piece)]

    assert len(whole) == sum(cut for _command, _line, cut in commands)
    assert [(r.lines, r.qr_payloads, r.raw, [i.tobytes() for i in r.images]) for r in pieced] == [
        (r.lines, r.qr_payloads, r.raw, [i.tobytes() for i in r.images]) for r in whole
    ]
    expected_lines = [line for _command, line, _cut in commands if line is not None]
    torn = parser.end()
    printed = [line for receipt in [*pieced, *([torn] if torn else [])] for line in receipt.lines]
    assert printed == expected_lines
    assert parser.unknown_commands == 0


def test_printed_receipt_text() -> None:
    assert PrintedReceipt(lines=["a", "b"]).text == "a\nb"


# -- python -m counter_app.devices.printer_emulator ------------------------------------------------------


def test_the_command_line_prints_receipts_and_saves_pictures(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "counter_app.devices.printer_emulator", "--port", "0", "--save", str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        banner = _read_line(process.stderr, timeout=10)
        assert "tcp://127.0.0.1:" in banner
        port = int(banner.split("tcp://127.0.0.1:")[1].split(",")[0])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as client:
            client.sendall(CHINESE_BYTES + b"\n")
            code = qrcode.QRCode(box_size=3, border=1)
            code.add_data("member:9")
            bits = np.array(code.make_image().get_image().convert("1"), dtype=bool)
            width = (bits.shape[1] + 7) // 8 * 8
            padded = np.ones((bits.shape[0], width), dtype=bool)
            padded[:, : bits.shape[1]] = bits
            raster = np.packbits(~padded, axis=1).tobytes()
            client.sendall(
                b"\x1dv0\x00"
                + bytes((width // 8, 0, bits.shape[0] % 256, bits.shape[0] // 256))
                + raster
                + b"\x1dV\x00"
            )
        out = [_read_line(process.stdout, timeout=10) for _ in range(5)]
        assert out[1:] == [
            CHINESE,
            "[QR] member:9",
            f"[image {width}x{bits.shape[0]}] {tmp_path / 'receipt-0001-image-1.png'}",
            "--- cut ---",
        ]
        assert Image.open(tmp_path / "receipt-0001-image-1.png").size == (width, bits.shape[0])
    finally:
        process.send_signal(signal.SIGINT)
        try:
            assert process.wait(timeout=5) == 0
        finally:
            process.kill()
            process.stdout.close()
            process.stderr.close()


def test_the_command_line_stays_on_loopback_unless_told() -> None:
    with pytest.raises(ValueError):
        PrinterEmulator(host="192.0.2.1")
    from counter_app.devices.printer_emulator import main

    with pytest.raises(SystemExit):
        main(["--mode", "jammed"])


def _read_line(stream, timeout: float) -> str:
    """One line from a child's pipe, or fail after `timeout` seconds (a hung child must not hang the tests)."""
    result: list[bytes] = []
    reader = threading.Thread(target=lambda: result.append(stream.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    assert result, "no line in time"
    return result[0].decode("utf-8").rstrip("\n")
