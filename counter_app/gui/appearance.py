"""How the desk looks: the font with Chinese at the clerk's text size, and the standard or high-contrast theme.

Everything goes through the application (its font, palette and stylesheet), so applying again after the
settings change restyles every open window at once. The stylesheet's own sizes (font-size, min-height,
min-width) are scaled by the same factor as the font, or those widgets would stay small.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from counter_app.config import FONT_SCALES, THEMES, Settings
from counter_app.paths import resources_dir

log = logging.getLogger(__name__)
BASE_POINT_SIZE = 10.5
CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans SC",
)
STYLE_FILE = "style.qss"
THEME_LAYERS = {"standard": None, "high_contrast": "style-high-contrast.qss"}  # laid over style.qss
_SCALED = re.compile(r"\b(font-size|min-height|min-width)(\s*:\s*)(\d+(?:\.\d+)?)(pt|px)\b")

# The high-contrast theme's palette, for what the stylesheet does not reach (tooltips, message boxes,
# menus, table text); its text/background pairs are checked for contrast in the tests.
HIGH_CONTRAST_PALETTE = {
    QPalette.ColorRole.Window: "#ffffff",
    QPalette.ColorRole.WindowText: "#000000",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f0f0f0",
    QPalette.ColorRole.Text: "#000000",
    QPalette.ColorRole.PlaceholderText: "#595959",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#000000",
    QPalette.ColorRole.Highlight: "#000080",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#000000",
    QPalette.ColorRole.Link: "#00009f",
    QPalette.ColorRole.BrightText: "#ffffff",
}
HIGH_CONTRAST_DISABLED_TEXT = "#595959"
# Which palette roles are read on which: (text role, background role).
PALETTE_PAIRS = (
    (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
    (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
    (QPalette.ColorRole.Text, QPalette.ColorRole.AlternateBase),
    (QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Base),
    (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
    (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight),
    (QPalette.ColorRole.ToolTipText, QPalette.ColorRole.ToolTipBase),
    (QPalette.ColorRole.Link, QPalette.ColorRole.Base),
)


def font_family() -> str | None:
    """A family that has Chinese: the known good ones first, else any that says it writes Simplified Chinese."""
    families = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in families:
            return family
    for family in sorted(families):
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None


def _scale(settings: Settings | None) -> float:
    percent = settings.ui_font_scale if settings is not None else 100
    return (percent if percent in FONT_SCALES else 100) / 100


def _theme(settings: Settings | None) -> str:
    theme = settings.ui_theme if settings is not None else "standard"
    return theme if theme in THEMES else "standard"


def apply_fonts(app: QApplication, settings: Settings | None = None) -> str | None:
    """The application font at the clerk's size; without a Chinese font, names turn to boxes, so say what to install."""
    family = font_family()
    font = QFont(family) if family else QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * _scale(settings))
    app.setFont(font)
    if family is None:
        log.warning("no font with Chinese characters found")
        return app.translate("DeskApp", "No Chinese font found: install fonts-noto-cjk so names show correctly.")
    return None


def scale_sizes(style: str, factor: float) -> str:
    """Every font-size, min-height and min-width in the stylesheet times factor (pt stays pt, px stays px)."""
    if factor == 1:
        return style

    def scaled(match: re.Match) -> str:
        value = float(match.group(3)) * factor
        number = f"{value:.1f}".rstrip("0").rstrip(".") if match.group(4) == "pt" else str(round(value))
        return f"{match.group(1)}{match.group(2)}{number}{match.group(4)}"

    return _SCALED.sub(scaled, style)


def stylesheet(theme: str = "standard", factor: float = 1.0) -> str:
    """style.qss, the theme's layer over it, sizes scaled, @RESOURCES@ pointing at resources/."""
    parts = []
    for name in (STYLE_FILE, THEME_LAYERS.get(theme)):
        if name is None:
            continue
        path = resources_dir() / name
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
        else:
            log.warning("stylesheet %s missing", path)
    # Stylesheet urls resolve against the working folder; point them at resources/ instead.
    return scale_sizes("\n".join(parts), factor).replace("@RESOURCES@", resources_dir().as_posix())


def _palette(app: QApplication, theme: str) -> QPalette:
    palette = app.style().standardPalette()
    if theme != "high_contrast":
        return palette
    for role, colour in HIGH_CONTRAST_PALETTE.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(HIGH_CONTRAST_DISABLED_TEXT))
    return palette


def apply_style(app: QApplication, settings: Settings | None = None) -> None:
    theme = _theme(settings)
    app.setPalette(_palette(app, theme))
    app.setStyleSheet(stylesheet(theme, _scale(settings)))
    app.setProperty("desk_theme", theme)


def apply_appearance(app: QApplication, settings: Settings | None) -> str | None:
    """Font size and theme from the settings, on the whole application; again at any time to restyle open windows.

    Returns a sentence for the status bar when no Chinese font is installed."""
    warning = apply_fonts(app, settings)
    apply_style(app, settings)  # after the font: setting the stylesheet re-polishes every widget with it
    return warning


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    rgb = QColor(colour)
    channels = []
    for value in (rgb.redF(), rgb.greenF(), rgb.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, from 1 (same) to 21 (black on white); text needs 4.5 (AA)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
