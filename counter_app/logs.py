"""Where the desk writes what went wrong: a rotating log file in the data folder."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE = "desk.log"


def setup_logging(data_dir: Path) -> Path | None:
    """Log to data_dir/logs/desk.log (1 MB × 5); None when that folder cannot be written."""
    folder = data_dir / "logs"
    root = logging.getLogger()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(folder / LOG_FILE, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        # Without any handler, logging's last resort would print tracebacks on the clerk's terminal.
        root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / LOG_FILE
