"""The server's own work: expiring lapsed points, at start and then daily."""

from __future__ import annotations

import datetime as dt
import logging
import threading

from sync.server.apply import expire_lapsed
from sync.server.store import ServerStore

log = logging.getLogger("counter_server")


def run_expiry(store: ServerStore, today: dt.date | None = None) -> int:
    """In batches, each one transaction with its feed entries; returns the lots expired."""
    now = dt.datetime.now().astimezone()
    today = today or now.date()
    total = 0
    while True:
        with store.write() as connection:
            done = expire_lapsed(connection, today, now)
        total += done
        if not done:
            return total


class DailyExpiry(threading.Thread):
    def __init__(self, store: ServerStore) -> None:
        super().__init__(name="daily-expiry", daemon=True)
        self.store = store

    def run(self) -> None:
        last = None
        while True:
            today = dt.date.today()
            if today != last:
                try:
                    log.info("expired %d lots", run_expiry(self.store, today))
                    last = today
                except Exception:  # the next hour tries again; serving goes on
                    log.exception("expiry failed")
            threading.Event().wait(3600)
