"""Starting the desk window: Qt application, translations, fonts, style, and the friendly error path."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path

from counter_app import i18n
from counter_app.config import default_data_dir
from counter_app.domain.errors import DeskError
from counter_app.logs import setup_logging
from counter_app.paths import resources_dir

log = logging.getLogger(__name__)
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", "Noto Sans SC")


def _qt_messages_to_log(kind, context, message) -> None:
    # Qt's own warnings belong in the log file, not on the clerk's terminal.
    log.debug("qt: %s", message)


def _application():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_messages_to_log)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("counter-app")
    app.setOrganizationName("MemberDesk")
    return app


def install_translations(app, language: str) -> list:
    """Our catalog plus Qt's own (standard buttons, context menus); kept referenced while installed."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    i18n.set_language(language)
    QLocale.setDefault(QLocale(language))
    installed = []
    for old in getattr(app, "_desk_translators", []):
        app.removeTranslator(old)
    catalogs = [(f"counter_app_{language}", str(resources_dir() / "translations"))]
    if language != "en":
        catalogs.append((f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)))
    for name, folder in catalogs:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        elif name.startswith("counter_app") and language != "en":
            log.warning("translation %s not found in %s: run resources/build.py", name, folder)
    app._desk_translators = installed
    return installed


def apply_fonts(app) -> str | None:
    """Choose a font that has Chinese; without one, names turn to boxes, so say what to install."""
    from PySide6.QtGui import QFont, QFontDatabase

    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            font.setPointSizeF(10.5)
            app.setFont(font)
            return None
    for family in sorted(families):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            app.setFont(QFont(family))
            return None
    log.warning("no font with Chinese characters found")
    return app.translate("DeskApp", "No Chinese font found: install fonts-noto-cjk so names show correctly.")


def apply_style(app) -> None:
    style_file = resources_dir() / "style.qss"
    if style_file.exists():
        # Stylesheet urls resolve against the working folder; point them at resources/ instead.
        style = style_file.read_text(encoding="utf-8").replace("@RESOURCES@", resources_dir().as_posix())
        app.setStyleSheet(style)


def _install_excepthook(app) -> None:
    # A bug in a slot must not kill the desk mid-shift: log it, tell the clerk in a sentence.
    def hook(kind, value, tb):
        log.error("unhandled error: %s", "".join(traceback.format_exception(kind, value, tb)))
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(
            None,
            app.translate("DeskApp", "Member Service Desk"),
            app.translate("DeskApp", "Something unexpected went wrong. Your last completed operation is saved; check the screen and try again."),
        )

    sys.excepthook = hook


def run_gui(args: argparse.Namespace) -> int:
    screenshot = args.command == "screenshot"
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")):
        # Qt would abort with a terse message; say what to do instead.
        i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
        sys.stderr.write(i18n.translate("Cli", "No screen to show the desk on: start it from a desktop session, or use the command line (counter-app --help).") + "\n")
        return 2
    data_dir: Path = args.data_dir or default_data_dir()
    setup_logging(data_dir)
    app = _application()
    from counter_app.services.desk import open_desk

    try:
        desk = open_desk(data_dir)
    except DeskError as error:
        language = args.lang or i18n.DEFAULT_LANGUAGE
        install_translations(app, language)
        sys.stderr.write(error.message() + "\n")
        if not screenshot:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(None, app.translate("DeskApp", "Member Service Desk"), error.message())
        return error.exit_code
    try:
        language = args.lang or desk.settings.language
        install_translations(app, language)
        font_warning = apply_fonts(app)
        apply_style(app)
        from counter_app.gui.main_window import MainWindow

        if screenshot:
            from counter_app.gui.screenshot import take_screenshot

            return take_screenshot(desk, args.page, args.out, args.member, font_warning, args.staff)
        _install_excepthook(app)
        window = MainWindow(desk, font_warning)
        window.show_at_saved_place()
        return app.exec()
    finally:
        desk.close()
