"""Running an operation that may need a manager: on refusal, a manager authorises it on the spot or it is parked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from counter_app.domain.staff import NeedsManager, Permission
from counter_app.gui.override_dialog import PARK, OverrideDialog
from counter_app.gui.tasks import Op
from counter_app.services import approvals
from counter_app.services.desk import Desk


def run_guarded(
    parent: QWidget,
    desk: Desk,
    work: Callable[[], Any],
    on_success: Callable[[Any], Any],
    on_failure: Callable[[BaseException], Any],
    *,
    action: str,
    permission: Permission,
    park: tuple[str, str | None, dict[str, Any]] | None = None,
    on_parked: Callable[[int], Any] | None = None,
) -> None:
    """`park` = (parkable action, subject, parameters) where the operation may wait for a manager."""

    def refused(error: BaseException) -> None:
        if not isinstance(error, NeedsManager):
            on_failure(error)
            return
        dialog = OverrideDialog(desk, action, permission, parkable=park is not None, parent=parent)
        outcome = dialog.exec()
        if outcome == QDialog.DialogCode.Accepted and dialog.actor is not None:
            authorised = dialog.actor

            def as_authorised() -> Any:
                with desk.acting_as(authorised):
                    return work()

            Op(parent, as_authorised).success(on_success).failure(on_failure).run()
        elif outcome == PARK and park is not None:
            Op(parent, lambda: approvals.request(desk, *park)).success(on_parked or (lambda _id: None)).failure(
                on_failure
            ).run()

    Op(parent, work).success(on_success).failure(refused).run()
