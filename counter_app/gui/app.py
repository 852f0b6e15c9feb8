"""Starting the desk window: Qt application, translations, fonts, style, and the friendly error path."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from counter_app import i18n
from counter_app.config import default_data_dir
from counter_app.domain.errors import DeskError
from counter_app.logs import setup_logging
from counter_app.paths import resources_dir

log = logging.getLogger(__name__)

# Qt and the desk's own window modules are imported inside the functions below, once they are needed: with
# them this module takes 1.1 s to import, and a desk with no screen would wait that long for its sentence (0.1 s now).


def _qt_messages_to_log(kind, context, message) -> None:
    # Qt's own warnings belong in the log file, not on the clerk's terminal.
    log.debug("qt: %s", message)


def _application():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    qInstallMessageHandler(_qt_messages_to_log)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication), "the desk's windows need a QApplication, not a bare core application"
    app.setApplicationName("counter-app")
    app.setOrganizationName("MemberDesk")
    # Every window carries the desk's icon; on Linux the desktop file name ties the windows to the menu entry.
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "counter-app.svg")))
    app.setDesktopFileName("counter-app")
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


def apply_fonts(app, settings=None) -> str | None:
    """The font with Chinese at the clerk's text size (counter_app.gui.appearance); a sentence when none is installed."""
    from counter_app.gui.appearance import apply_fonts as apply_desk_fonts

    return apply_desk_fonts(app, settings)


def apply_style(app, settings=None) -> None:
    """The standard or high-contrast stylesheet, its sizes scaled with the text (counter_app.gui.appearance)."""
    from counter_app.gui.appearance import apply_style as apply_desk_style

    apply_desk_style(app, settings)


def run_gui(args: argparse.Namespace) -> int:
    screenshot = args.command == "screenshot"
    if screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        # Qt would abort with a terse message; say what to do instead.
        i18n.set_language(args.lang or i18n.DEFAULT_LANGUAGE)
        sys.stderr.write(
            i18n.translate(
                "Cli",
                "No screen to show the desk on: start it from a desktop session, or use the command line (counter-app --help).",
            )
            + "\n"
        )
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
        font_warning = apply_fonts(app, desk.settings)
        apply_style(app, desk.settings)
        from counter_app.gui.main_window import MainWindow

        if screenshot:
            from counter_app.gui.screenshot import take_screenshot

            return take_screenshot(desk, args.page, args.out, args.member, font_warning, args.staff)
        from counter_app.gui.support import install_crash_handler

        install_crash_handler(app, desk)  # a bug in a slot must not end the shift: logged, and a sentence for the clerk
        from counter_app.services.first_run import needs_setup

        actor = None
        if needs_setup(desk):
            from counter_app.gui.first_run import run_wizard

            actor = run_wizard(desk)
            if actor is None:
                return 0  # cancelled: what the wizard saved stays, and the next start carries on from there
        window = MainWindow(desk, font_warning)
        window.show_at_saved_place()
        if actor is not None:
            window._signed_in(actor)  # the wizard's administrator is signed in already
        return app.exec()
    finally:
        desk.close()
