"""`counter-app decode` and the decoders: pictures the test makes, in each format, and broken files."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from counter_app.devices.decoders import DECODERS, ImageUnreadable, ZxingDecoder, decode_codes, read_image
from tests.conftest import cli_main


def qr(text: str, module: int = 8) -> np.ndarray:
    code = cv2.QRCodeEncoder.create().encode(text)
    code = cv2.resize(code, None, fx=module, fy=module, interpolation=cv2.INTER_NEAREST)
    return cv2.copyMakeBorder(code, 4 * module, 4 * module, 4 * module, 4 * module, cv2.BORDER_CONSTANT, value=255)


def picture(*codes: np.ndarray, size: tuple[int, int] = (720, 1280)) -> np.ndarray:
    """Codes side by side on a grey counter top, as a camera would see them."""
    canvas = np.full(size, 180, np.uint8)
    x = 40
    for code in codes:
        canvas[60 : 60 + code.shape[0], x : x + code.shape[1]] = code
        x += code.shape[1] + 60
    return canvas


def save(path, image, extension):
    ok, data = cv2.imencode(extension, image)
    assert ok
    path.write_bytes(data.tobytes())
    return path


@pytest.mark.parametrize("name", sorted(DECODERS))
def test_every_decoder_reads_a_plain_code(name):
    # Our codes are ASCII (a version prefix and base32/base64); OpenCV's decoder reads no UTF-8.
    assert DECODERS[name]().decode(qr("M1:ZHANG-8000")) == ["M1:ZHANG-8000"]


def test_a_big_photo_is_looked_at_small_first_then_whole():
    small_code = picture(qr("CP-SMALL", module=3), size=(3000, 4000))
    assert decode_codes(small_code, ZxingDecoder()) == ["CP-SMALL"]
    assert decode_codes(picture(qr("BIG"), size=(3000, 4000)), ZxingDecoder()) == ["BIG"]
    assert decode_codes(np.full((720, 1280), 200, np.uint8), ZxingDecoder()) == []


def test_decode_reads_png_jpeg_and_webp_and_every_code_in_each(tmp_path):
    png = save(tmp_path / "two.png", picture(qr("M1:first"), qr("M1:second")), ".png")
    jpeg = save(tmp_path / "会员码.jpg", picture(qr("CP-ABCD")), ".jpg")
    webp = save(tmp_path / "code.webp", picture(qr("EV:2026-SPRING")), ".webp")
    blank = save(tmp_path / "blank.png", np.full((200, 200), 255, np.uint8), ".png")
    done = cli_main("decode", str(png), str(jpeg), str(webp), str(blank), data_dir=tmp_path / "desk", staff=None)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n") == ["M1:first\tM1:second", "CP-ABCD", "EV:2026-SPRING", "", ""]
    as_json = json.loads(
        cli_main("decode", str(png), str(blank), "--json", data_dir=tmp_path / "desk", staff=None).stdout
    )
    assert as_json == [
        {"file": str(png), "texts": ["M1:first", "M1:second"], "error": None},
        {"file": str(blank), "texts": [], "error": None},
    ]


def test_broken_files_are_named_and_the_others_still_read(tmp_path):
    good = save(tmp_path / "good.png", picture(qr("M1:ok")), ".png")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(good.read_bytes()[:200])
    junk = tmp_path / "junk.jpg"
    junk.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "nowhere.png"
    done = cli_main(
        "decode", str(empty), str(good), str(truncated), str(junk), str(missing), data_dir=tmp_path / "desk", staff=None
    )
    assert done.returncode == 2
    assert done.stdout.split("\n") == ["", "M1:ok", "", "", "", ""]
    for path in (empty, truncated, junk):
        assert (
            f"{path} is not a picture that can be read (PNG, JPEG or WebP, at most 64 MB); check the file."
            in done.stderr
        )
    assert f"There is no file {missing}." in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("data", [b"", b"\x89PNG\r\n\x1a\n", b"GIF89a" + b"\0" * 100, "图片".encode()])
def test_read_image_refuses_what_is_not_a_picture(data):
    with pytest.raises(ImageUnreadable):
        read_image(data)
