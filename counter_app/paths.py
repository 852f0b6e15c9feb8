"""Where the desk finds its shipped resources (translations, styles, icons)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_dir() -> Path:
    # A PyInstaller bundle unpacks next to the executable; a checkout keeps resources/ at the top.
    override = os.environ.get("COUNTER_RESOURCES_DIR")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
