"""The open desk as every service call receives it: the store, the settings and rules in force, who is signed in."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from counter_app import config
from counter_app.db.store import Store
from counter_app.domain.rules import Rules
from counter_app.domain.staff import Actor


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@dataclass
class Desk:
    data_dir: Path
    store: Store
    settings: config.Settings
    counter_uid: str
    rules: Rules  # the chain's loyalty rules in force
    clock: Callable[[], dt.datetime] = field(default=local_now)
    session: Actor | None = None  # who is signed in at this desk
    _acting: threading.local = field(default_factory=threading.local, repr=False)

    def __post_init__(self) -> None:
        self.store.who_acts = self._who_acts  # every outbox entry says who made it

    def _who_acts(self) -> tuple[str | None, str | None]:
        actor = self.actor()
        return (actor.staff_id, actor.authorized_by) if actor is not None else (None, None)

    def actor(self) -> Actor | None:
        """The signed-in staff member, or, inside `acting_as`, that identity with its authorising manager."""
        return getattr(self._acting, "actor", None) or self.session

    @contextlib.contextmanager
    def acting_as(self, actor: Actor) -> Iterator[None]:
        """For this thread only: the GUI runs an overridden operation in a worker while searches go on."""
        previous = getattr(self._acting, "actor", None)
        self._acting.actor = actor
        try:
            yield
        finally:
            self._acting.actor = previous

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()

    def close(self) -> None:
        self.store.close()
