"""The bundle's self-check: run inside the frozen counter-app (COUNTER_BUNDLE_CHECK=1), one line per part, exit 1 on a failure.

Each check uses the library the way the desk does, so a data file, plugin or native library that
PyInstaller left out shows here rather than at a counter. English only: this is for IT and CI.
"""

from __future__ import annotations

import io
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

QR_TEXT = "M00012345"


def _inside_bundle(path: str | os.PathLike) -> bool:
    bundle = getattr(sys, "_MEIPASS", None)
    return bool(bundle) and Path(path).resolve().is_relative_to(Path(bundle).resolve())


def check_frozen() -> str:
    assert getattr(sys, "frozen", False), "not running from a PyInstaller bundle"
    assert sys.flags.utf8_mode, "the spec's UTF-8 mode is off: Chinese output would fail in a pipe on Windows"
    return f"{sys._MEIPASS}; UTF-8 mode"


def check_resources() -> str:
    from counter_app import i18n
    from counter_app.config import RULES_FILE
    from counter_app.paths import resources_dir

    folder = resources_dir()
    wanted = [
        folder / "style.qss",
        folder / RULES_FILE,
        folder / "icons" / "chevron-down.svg",
        folder / "icons" / "counter-app.svg",
    ]
    wanted += [
        i18n.translations_dir() / f"counter_app_{language}.{kind}"
        for language in i18n.LANGUAGES
        for kind in ("ts", "qm")
    ]
    missing = [str(path) for path in wanted if not path.is_file()]
    assert not missing, f"missing: {missing}"
    assert _inside_bundle(folder), f"resources read from {folder}, outside the bundle"
    translated = len(i18n._catalog("zh_CN"))  # what the CLI reads from the .ts file
    assert translated, "the Chinese catalog (.ts) has no translation the CLI can read"
    return f"{folder}; {translated} Chinese messages for the CLI"


def check_migrations() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from counter_app.db import store

    assert _inside_bundle(store.MIGRATIONS), f"migrations at {store.MIGRATIONS}, outside the bundle"
    config = Config()
    config.set_main_option("script_location", str(store.MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    assert head == store.SCHEMA_HEAD, f"head {head}, the store expects {store.SCHEMA_HEAD}"
    for revision in script.walk_revisions():
        assert revision.module is not None  # each script imported, with what it imports
    return f"head {head}, {len(list(script.walk_revisions()))} revisions"


def _qr_picture():
    import numpy as np
    import qrcode

    picture = qrcode.make(QR_TEXT, box_size=8, border=4).get_image().convert("L")
    return np.array(picture)


def check_decoders() -> str:
    from counter_app.devices.decoders import DECODERS, decode_codes

    gray = _qr_picture()
    found = {}
    for name, decoder in DECODERS.items():
        found[name] = decode_codes(gray, decoder())
    wrong = {name: texts for name, texts in found.items() if texts != [QR_TEXT]}
    assert not wrong, f"read {wrong} instead of {QR_TEXT!r}"
    return ", ".join(sorted(found))


def check_zbar_library() -> str:
    from pyzbar import zbar_library

    libzbar, dependencies = zbar_library.load()
    path = getattr(libzbar, "_name", "")
    if not sys.platform.startswith("win"):
        # The bundle carries its own libzbar: a counter PC need not have libzbar0 installed.
        assert path and os.path.isabs(path) and _inside_bundle(path), (
            f"libzbar loaded from {path!r}, not from the bundle"
        )
    return path


def check_qt() -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtGui import QGuiApplication, QImageReader
    from PySide6.QtSvg import QSvgRenderer

    from counter_app.paths import resources_dir

    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    assert _inside_bundle(translations), f"Qt's translations at {translations}, outside the bundle"
    translator = QTranslator()
    assert translator.load("qtbase_zh_CN", translations), f"qtbase_zh_CN.qm not loadable from {translations}"
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    names = {path.name for path in (plugins / "platforms").iterdir()}
    wanted = (
        {"qwindows.dll", "qoffscreen.dll"} if sys.platform.startswith("win") else {"libqxcb.so", "libqoffscreen.so"}
    )
    assert wanted <= names, f"platform plugins {sorted(names)} lack {sorted(wanted - names)}"
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    formats = {bytes(name).decode() for name in QImageReader.supportedImageFormats()}
    assert {"svg", "png", "jpeg"} <= formats, f"image formats: {sorted(formats)}"
    assert QSvgRenderer(str(resources_dir() / "icons" / "counter-app.svg")).isValid()
    return f"platforms {sorted(names)}; translations {translations}"


def check_printing() -> str:
    from escpos import capabilities
    from escpos.printer import Dummy

    from counter_app.devices.printer import has_cjk_font

    assert capabilities.get_profile("default") is not None
    printer = Dummy()
    printer.text("ok\n")
    printer.qr(QR_TEXT, native=False)
    assert printer.output
    from bidi import get_display

    assert get_display("abc") == "abc"
    return f"escpos capabilities, qrcode, bidi; CJK font for raster lines: {'yes' if has_cjk_font() else 'none found on this PC'}"


def check_libraries() -> str:
    import argon2
    import keyring.backend
    import openpyxl
    import phonenumbers
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    from faker import Faker
    from pypinyin import Style, lazy_pinyin
    from stdnum.cn import ric

    assert lazy_pinyin("会员", style=Style.FIRST_LETTER) == ["h", "y"]
    assert phonenumbers.is_valid_number(phonenumbers.parse("+8613800138000"))
    assert ric.is_valid("11010519491231002X")
    assert Faker("zh_CN").name()
    hasher = argon2.PasswordHasher()
    assert hasher.verify(hasher.hash("135790"), "135790")
    key = AESGCM.generate_key(bit_length=256)
    assert AESGCM(key).decrypt(b"\0" * 12, AESGCM(key).encrypt(b"\0" * 12, b"ok", None), None) == b"ok"
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "会员"
    workbook.save(io.BytesIO())
    backends = sorted(type(backend).__module__ for backend in keyring.backend.get_all_keyring())
    assert backends, "no keyring backend at all"
    return f"keyring backends {backends}"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("frozen", check_frozen),
    ("resources", check_resources),
    ("migrations", check_migrations),
    ("decoders", check_decoders),
    ("libzbar", check_zbar_library),
    ("qt", check_qt),
    ("printing", check_printing),
    ("libraries", check_libraries),
)


def main() -> int:
    failed = 0
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as error:  # every part is reported, and the run fails at the end
            failed += 1
            print(f"FAIL {name}: {error!r}")
            traceback.print_exc(file=sys.stdout)
        else:
            print(f"ok   {name}: {detail}")
    print(f"bundle check: {len(CHECKS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
