"""The first-run setup's progress: whether a new desk still needs the wizard, and each of its steps saved in one transaction."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from counter_app import config
from counter_app.db import meta as store_meta
from counter_app.db import staff as staff_rows
from counter_app.domain.errors import DeskError, FieldError, InvalidInput, form_invalid
from counter_app.domain.staff import Actor, Permission, normalize_staff_id
from counter_app.i18n import QT_TRANSLATE_NOOP
from counter_app.services import auth
from counter_app.services.audit import record
from counter_app.services.desk import Desk

SETUP_KEY = "first_run"  # store meta: {"started": bool, "finished": bool, "done": [steps], "admin": staff ID}
# The steps saved after the administrator exists, in the wizard's order; each is recorded with what it saved.
STEPS = ("store", "server", "printer", "camera")


@dataclass(frozen=True)
class SetupProgress:
    has_staff: bool
    started: bool  # the wizard began on this desk (False on a desk set up before the wizard, or from the command line)
    finished: bool
    done: tuple[str, ...]  # of STEPS, those saved
    admin_id: str | None  # the administrator the wizard made, who signs in to carry on after a crash

    @property
    def needed(self) -> bool:
        return not self.has_staff or (self.started and not self.finished)

    def next_step(self) -> str | None:
        """The first step not saved yet; None when all are (only Finish is left)."""
        return next((step for step in STEPS if step not in self.done), None)


def _state(connection: Connection) -> dict[str, Any]:
    raw = store_meta.get_meta(connection, SETUP_KEY)
    try:
        state = json.loads(raw) if raw else {}
    except ValueError:
        state = {}
    return state if isinstance(state, dict) else {}


def _save_state(connection: Connection, state: dict[str, Any]) -> None:
    store_meta.set_meta(connection, SETUP_KEY, json.dumps(state, ensure_ascii=False, sort_keys=True))


def progress(desk: Desk) -> SetupProgress:
    with desk.store.read() as connection:
        state = _state(connection)
        has_staff = staff_rows.staff_count(connection) > 0
    done = tuple(step for step in STEPS if step in state.get("done", ()))
    return SetupProgress(has_staff, bool(state.get("started")), bool(state.get("finished")), done, state.get("admin"))


def needs_setup(desk: Desk) -> bool:
    """No staff yet, or the wizard began and was not finished: the wizard is offered (again) at start."""
    return progress(desk).needed


def check_store(store_name: str, counter_name: str) -> tuple[str, str]:
    """The store page's values, checked before anything exists to save them with; a store must have a name."""
    errors: dict[str, DeskError] = {}
    values: dict[str, str] = {}
    for key, value in (("store_name", store_name), ("counter_name", counter_name)):
        text = " ".join((value or "").split())
        try:
            values[key] = config.coerce(key, text)
        except InvalidInput:
            # The declaration's only check is the length ("≤ 40"): say it as a person would.
            limit = config.setting_for(key).rule.lstrip("≤ ")
            errors[key] = FieldError(
                QT_TRANSLATE_NOOP("Errors", "Too long: at most {limit} characters, this one has {count}."),
                limit=limit,
                count=len(text),
            )
    if "store_name" not in errors and not values["store_name"]:
        errors["store_name"] = FieldError(
            QT_TRANSLATE_NOOP("Errors", "Enter the store's name: it is shown on screen and printed on every receipt.")
        )
    if errors:
        raise form_invalid(errors)
    return values["store_name"], values["counter_name"]


def create_admin(desk: Desk, staff_id: str, name: str, pin: str) -> Actor:
    """The first administrator, signed in. The desk is marked as being set up first, so that a crash right
    after the account is made still brings the wizard back (resuming) instead of leaving half a setup."""
    try:
        shown_id = normalize_staff_id(staff_id)
    except FieldError:
        shown_id = None  # create_first_admin refuses it below, with the field's message
    with desk.store.write() as connection:
        marked = staff_rows.staff_count(connection) == 0
        if marked:
            _save_state(connection, {**_state(connection), "started": True, "finished": False, "admin": shown_id})
    try:
        auth.create_first_admin(desk, staff_id, name, pin)
    except DeskError:
        if marked:
            with desk.store.write() as connection:
                if staff_rows.staff_count(connection) == 0:  # refused input leaves nothing behind
                    store_meta.delete_meta(connection, SETUP_KEY)
        raise
    return auth.sign_in(desk, staff_id, pin)


def save_step(desk: Desk, step: str, changes: dict[str, Any]) -> config.Settings:
    """One step's settings and the step's mark, in one transaction: a step is either saved whole or not at all."""
    if step not in STEPS:
        raise InvalidInput(QT_TRANSLATE_NOOP("Errors", "There is no setup step called {step}."), step=step)
    actor = auth.authorize(desk, Permission.SETTINGS, "setup.step", step)
    changed = desk.settings
    for key, value in changes.items():
        changed = changed.with_value(key, value)  # each checked by its declaration; a refusal saves nothing
    with desk.store.write() as connection:
        state = _state(connection)
        _save_state(
            connection,
            {**state, "started": True, "done": [s for s in STEPS if s in state.get("done", ()) or s == step]},
        )
        for key in changes:
            before, after = getattr(desk.settings, key), getattr(changed, key)
            if before != after:
                record(desk, connection, actor, "settings.change", key, before={key: before}, after={key: after})
        record(desk, connection, actor, "setup.step", step)
        if changes:
            # Written last inside the transaction: a failed write rolls the marks and audit entries back.
            config.save_settings(desk.data_dir, changed)
    desk.settings = changed
    return changed


def finish_setup(desk: Desk) -> SetupProgress:
    """The wizard's Finish: from now on the desk starts at the sign-in page."""
    actor = auth.authorize(desk, Permission.SETTINGS, "setup.finish")
    with desk.store.write() as connection:
        _save_state(connection, {**_state(connection), "started": True, "finished": True})
        record(desk, connection, actor, "setup.finish", None)
    return progress(desk)
