"""Enrolled counters as an attacker meets them: another store's code cannot take one over, a lost answer
is retried safely, a forged X-Forwarded-For does not escape the enrolment limit, and head office lists
and revokes devices with `counter-server device`."""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from counter_app.domain.errors import Conflict
from counter_app.services import members, points, sync
from counter_app.services.sync.enrolment import central_client
from sync.client import SyncError
from tests.conftest import NOW, form, signed_in_desk
from tests.sync_harness import (  # noqa: F401
    Server,
    balances,
    database_for,
    enrolled_counter,
    server,
    server_balances,
    sqlite_server,
)

REVOKED = "This counter was revoked at the central server; ask head office to enrol it again."


def enrol(running: Server, code: str, counter_uid: str, forwarded_for: str | None = None) -> requests.Response:
    headers = {"X-Forwarded-For": forwarded_for} if forwarded_for else {}
    return requests.post(
        f"{running.url}/v1/enroll", json={"code": code, "counter_uid": counter_uid}, headers=headers, timeout=10
    )


def changes(running: Server, token: str) -> requests.Response:
    return requests.get(f"{running.url}/v1/changes", headers={"Authorization": f"Bearer {token}"}, timeout=10)


def test_another_stores_code_cannot_take_over_an_enrolled_counter(server, tmp_path):
    # Before: 200, the real counter's token revoked and the counter moved to 大悦城.
    desk = enrolled_counter(tmp_path / "desk", server)
    card = members.register_member(desk, form())
    sync.sync_once(desk)
    stolen = server.enroll_code("大悦城")  # a valid code, for another store
    answer = enrol(server, stolen, desk.counter_uid)
    assert answer.status_code == 409, answer.text
    assert "already enrolled" in answer.json()["detail"] and answer.json().keys() == {"detail"}
    assert server.rows("SELECT store, revoked FROM devices") == [("万达广场", False)]
    assert server.scalar("SELECT COUNT(*) FROM enroll_codes WHERE used_by IS NOT NULL") == 1  # the stolen one unused
    assert "enrolment refused" in (server.folder / "server.log").read_text(encoding="utf-8")
    # The real counter goes on syncing with its token.
    points.earn_from_slip(desk, card.member_no, "100.00", "S-1")
    assert sync.sync_once(desk).applied == 1
    assert balances(desk) == server_balances(server) and server_balances(server)[card.member_no] > 0
    # The desk offered another code itself: refused with a sentence, its enrolment untouched.
    with pytest.raises(Conflict, match="already enrolled with the central server; head office must revoke it"):
        sync.enroll(desk, server.url, server.enroll_code("万达广场"))
    sync.sync_once(desk)
    assert server.scalar("SELECT COUNT(*) FROM devices") == 1
    desk.close()


def test_a_lost_enrolment_answer_is_retried_with_the_same_code(server, tmp_path):
    # Before: the retry got 403 "wrong, used or expired"; a flaky network needed a new code.
    desk = signed_in_desk(tmp_path / "desk", lambda: NOW)
    code = server.enroll_code()
    lost = enrol(server, code, desk.counter_uid)  # reached the server; the answer never reached the desk
    assert lost.status_code == 200, lost.text
    result = sync.enroll(desk, server.url, code)  # the clerk tries again with the same code
    assert result.device_id == lost.json()["device_id"] and result.counter_no == lost.json()["counter_no"]
    assert result.store == lost.json()["store"] == "万达广场"
    assert server.scalar("SELECT COUNT(*) FROM devices") == 1
    # The token of the lost answer no longer works; the desk's does.
    assert changes(server, lost.json()["token"]).status_code == 401
    members.register_member(desk, form())
    assert sync.sync_once(desk).applied >= 1
    # Retrying over raw HTTP too: the same device, a fresh token each time, the previous one dead.
    again = enrol(server, code, desk.counter_uid)
    assert again.status_code == 200 and again.json()["device_id"] == result.device_id
    assert changes(server, again.json()["token"]).status_code == 200
    with pytest.raises(Conflict, match="refused the sync"):
        sync.sync_once(desk)  # the desk's token was replaced by the raw retry above
    # A used code with another counter_uid is refused as before.
    other = enrol(server, code, str(uuid.uuid4()))
    assert other.status_code == 403 and "used or expired" in other.json()["detail"]
    desk.close()


def test_a_forged_x_forwarded_for_does_not_escape_the_enrolment_limit(sqlite_server):
    # Before: uvicorn took X-Forwarded-For from a local peer as the client, so each forged address got a fresh bucket.
    statuses = [enrol(sqlite_server, "WRONG-CODE", str(uuid.uuid4()), f"198.51.100.{i}").status_code for i in range(14)]
    assert statuses[0] == 403 and 429 in statuses, statuses


def test_behind_a_trusted_proxy_the_limit_counts_the_right_most_untrusted_address(tmp_path):
    folder = tmp_path / "server"
    url, _ = database_for("sqlite", folder)
    proxied = Server(url, folder, options=("--trusted-proxy", "127.0.0.1")).start()
    try:
        # Each client behind the proxy has its own bucket.
        assert {enrol(proxied, "WRONG-CODE", str(uuid.uuid4()), f"198.51.100.{i}").status_code for i in range(14)} == {
            403
        }
        # One client flooding gets the limit, whatever it writes left of the proxy's own entry.
        flood = [enrol(proxied, "WRONG-CODE", str(uuid.uuid4()), "203.0.113.7").status_code for _ in range(14)]
        assert 429 in flood, flood
        spoofed = enrol(proxied, "WRONG-CODE", str(uuid.uuid4()), "192.0.2.1, 203.0.113.7")
        assert spoofed.status_code == 429, spoofed.text
    finally:
        proxied.close()


def test_head_office_lists_and_revokes_devices_and_the_counter_hears_why(server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", server)
    sync.sync_once(desk)
    listed = server.command("device", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    (device,) = json.loads(listed.stdout)
    assert device["store"] == "万达广场" and device["counter_uid"] == desk.counter_uid
    assert device["enrolled_at"] and device["last_seen_at"] and device["revoked"] is False
    assert {"id", "name", "revoked_at"} <= device.keys()
    text = server.command("device", "list")
    assert text.returncode == 0 and device["id"] in text.stdout and "active" in text.stdout
    unknown = server.command("device", "revoke", "no-such-device")
    assert unknown.returncode == 4 and "device list" in unknown.stderr
    revoked = server.command("device", "revoke", device["id"])
    assert revoked.returncode == 0, revoked.stderr
    assert device["id"] in revoked.stdout and "revoked" in revoked.stdout
    (after,) = json.loads(server.command("device", "list", "--json").stdout)
    assert after["revoked"] is True and after["revoked_at"]
    # The counter's next sync: refused at once, with a sentence the desk shows in its language.
    client = central_client(desk)
    try:
        with pytest.raises(SyncError) as refused:
            client.changes(0)
    finally:
        client.close()
    assert refused.value.status == 403 and str(refused.value).startswith(REVOKED)
    with pytest.raises(Conflict) as shown:
        sync.sync_once(desk)
    assert str(shown.value) == REVOKED
    assert shown.value.message("zh_CN") == "本服务台已被中心服务器撤销；请联系总部重新登记。"
    # Enrolled again with a new code from head office: the same device, syncing again.
    again = sync.enroll(desk, server.url, server.enroll_code())
    assert again.device_id == device["id"]
    sync.sync_once(desk)
    (back,) = json.loads(server.command("device", "list", "--json").stdout)
    assert back["revoked"] is False
    desk.close()
