"""The one background-work helper: run a function off the GUI thread, hand its result back on the GUI thread.

    Op(parent, lambda: search_members(desk, text)).success(show).failure(show_error).run()

The worker gets plain data and returns plain DTOs; callbacks run on the GUI thread, and are
dropped if `parent` was destroyed meanwhile. Tests switch to `run_synchronously(True)`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from counter_app.domain.errors import DeskError

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Relay(QObject):
    """Lives on the GUI thread; a signal emitted from a worker is delivered there (queued)."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(lambda deliver: deliver())


_relay: _Relay | None = None
_synchronous = False


def run_synchronously(enabled: bool) -> None:
    global _synchronous
    _synchronous = enabled


def _get_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[], None]) -> None:
        super().__init__()
        self._work = work

    def run(self) -> None:
        self._work()


class Op(Generic[T]):
    def __init__(self, parent: QObject, fn: Callable[[], T]) -> None:
        self._parent = parent
        self._fn = fn
        self._on_success: Callable[[T], Any] = lambda result: None
        self._on_failure: Callable[[BaseException], Any] | None = None

    def success(self, callback: Callable[[T], Any]) -> Op[T]:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], Any]) -> Op[T]:
        self._on_failure = callback
        return self

    def _outcome(self) -> Callable[[], None]:
        try:
            result = self._fn()
        except Exception as error:  # handed to the GUI thread, never lost in a worker
            if not isinstance(error, DeskError):
                # A bug: logged here, where its traceback is whole, even if the window that asked is gone by now.
                log.error(
                    "background task %s (for %s) failed",
                    getattr(self._fn, "__qualname__", self._fn),
                    type(self._parent).__name__,
                    exc_info=error,
                )
            failure = error  # "as" names die with the block
            return lambda: self._deliver_failure(failure)
        return lambda: self._deliver_success(result)

    def _alive(self) -> bool:
        return shiboken6.isValid(self._parent)

    def _deliver_success(self, result: T) -> None:
        if self._alive():
            self._on_success(result)

    def _deliver_failure(self, error: BaseException) -> None:
        if not self._alive():
            return
        if self._on_failure is None:
            if isinstance(error, DeskError):
                log.warning(
                    "background task %s refused: %s", getattr(self._fn, "__qualname__", self._fn), error.message("en")
                )
            return
        self._on_failure(error)

    def run(self) -> None:
        if _synchronous:
            self._outcome()()
            return
        relay = _get_relay()
        QThreadPool.globalInstance().start(_Runnable(lambda: relay.finished.emit(self._outcome())))


def wait_for_tasks(msecs: int = 30_000) -> bool:
    return QThreadPool.globalInstance().waitForDone(msecs)
