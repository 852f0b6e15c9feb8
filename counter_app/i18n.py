"""Translation of core messages (errors, CLI text) from the same Qt Linguist catalogs the GUI uses."""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

from counter_app.domain.languages import Language
from counter_app.paths import resources_dir

DEFAULT_LANGUAGE = Language.ZH_CN.value
LANGUAGES = tuple(language.value for language in Language)

_state = threading.local()
_default = {"language": DEFAULT_LANGUAGE}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for extraction by pyside6-lupdate under `context`; returns it unchanged."""
    return text


def translations_dir() -> Path:
    return resources_dir() / "translations"


@cache
def _catalog(language: str) -> dict[tuple[str, str], str]:
    """Read a .ts catalog; the CLI has no Qt, so it reads the Linguist XML directly."""
    path = translations_dir() / f"counter_app_{language}.ts"
    catalog: dict[tuple[str, str], str] = {}
    if not path.exists():
        return catalog
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished") or not translation.text:
                continue
            catalog[(name, source)] = translation.text
    return catalog


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(language)
    _default["language"] = language


def language() -> str:
    return getattr(_state, "language", None) or _default["language"]


def translate(context: str, text: str, language_: str | None = None) -> str:
    return _catalog(language_ or language()).get((context, text), text)
