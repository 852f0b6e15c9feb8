"""The desk's everyday flows in a real window: sign-in, scan to card, earn, redeem, write-off, registration, lock."""

from __future__ import annotations

import pytest

from tests.realwin import ADMIN, desk_folder, realwin_template, start_desk, wait_for  # noqa: F401 - fixtures

pytestmark = pytest.mark.realwin


def test_sign_in_at_a_persons_pace_opens_the_desk(start_desk):
    desk = start_desk()
    desk.sign_in()
    assert desk.actions() == 4  # staff ID, Tab, PIN, Enter
    assert desk.no_dialog()
