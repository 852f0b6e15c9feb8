"""Member codes across a chain over real HTTP: the server signs, counters verify offline, a replay at another counter is caught."""

from __future__ import annotations

import pytest
import requests

from counter_app.domain.codes import CodeRefused
from counter_app.domain.errors import StoreUnavailable
from counter_app.services import member_codes, members, points, sync
from counter_app.services.member_codes import scan
from tests.conftest import form
from tests.sync_harness import enrolled_counter, server, sqlite_server  # noqa: F401


def test_a_code_signed_by_the_server_opens_at_every_counter_once(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    points.earn_from_slip(east, card.member_no, "500", "S-1")
    sync.sync_once(east)
    sync.sync_once(west)
    payload = member_codes.member_code(east, card.member_no)  # as the member's phone shows it
    assert scan(west, payload).card.member_no == card.member_no  # verified offline with the pinned key
    sync.sync_once(west)
    sync.sync_once(east)  # east learns the nonce west used
    with pytest.raises(CodeRefused, match="another counter") as caught:
        scan(east, payload)
    assert caught.value.reason == "replayed"
    assert server.scalar("SELECT COUNT(*) FROM used_codes") == 1
    east.close()
    west.close()


def test_the_same_code_at_two_offline_counters_is_flagged_for_review(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    card = members.register_member(east, form())
    sync.sync_once(east)
    sync.sync_once(west)
    payload = member_codes.member_code(east, card.member_no)
    # Neither counter has heard of the other's scan: both open the card (offline first), the server notices.
    scan(east, payload)
    scan(west, payload)
    sync.sync_once(east)
    sync.sync_once(west)
    sync.sync_once(east)
    lines = [line for line in sync.review_list(east) if line.kind == "replayed_code"]
    assert len(lines) == 1
    assert card.member_no in lines[0].details and "copy" in lines[0].details
    assert server.scalar("SELECT COUNT(*) FROM review_items WHERE kind = 'replayed_code'") == 1
    east.close()
    west.close()


def test_static_cards_and_certificates_come_from_the_server_only_for_members_it_knows(sqlite_server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    card = members.register_member(desk, form())
    with pytest.raises(Exception, match="does not know member"):
        member_codes.member_code(desk, card.member_no)
    sync.sync_once(desk)
    printed = member_codes.member_code(desk, card.member_no, static=True)
    assert scan(desk, printed).via == "card"
    # Counters enrolled before member codes existed pin the key from here at their next sync.
    info = requests.get(f"{sqlite_server.url}/v1/info", timeout=5).json()
    assert len(info["code_key"]) == 43
    desk.close()


def test_without_the_server_a_code_cannot_be_made_but_scanning_goes_on(sqlite_server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    card = members.register_member(desk, form())
    sync.sync_once(desk)
    payload = member_codes.member_code(desk, card.member_no)
    sqlite_server.close()
    with pytest.raises(StoreUnavailable, match="cannot be reached"):
        member_codes.member_code(desk, card.member_no)
    assert scan(desk, payload).card.member_no == card.member_no  # verification needs no network
    desk.close()


def test_the_server_refuses_bad_certificate_requests(sqlite_server, tmp_path):
    desk = enrolled_counter(tmp_path / "desk", sqlite_server)
    members.register_member(desk, form())
    sync.sync_once(desk)
    client = sync._client(desk)
    uid = sqlite_server.scalar("SELECT member_uid FROM members")
    for body, status in [
        ({"member_uid": uid, "kind": "certificate"}, 400),
        ({"member_uid": uid, "kind": "certificate", "public_key": "A" * 42}, 422),
        ({"member_uid": uid, "kind": "passport"}, 422),
        ({"member_uid": "00000000-0000-0000-0000-000000000000", "kind": "card"}, 404),
    ]:
        answer = client.session.post(f"{sqlite_server.url}/v1/codes", json=body, timeout=5)
        assert answer.status_code == status, (body, answer.text)
    assert (
        requests.post(f"{sqlite_server.url}/v1/codes", json={"member_uid": uid, "kind": "card"}, timeout=5).status_code
        == 401
    )
    client.close()
    desk.close()
