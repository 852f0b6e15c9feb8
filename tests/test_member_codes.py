"""Member codes at one desk: what a scan opens, and every attack on a code refused (forged, tampered, stale, replayed, foreign)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from counter_app.domain import codes
from counter_app.domain.codes import CodeRefused
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.services import code_keys, member_codes, members, points, rewards
from counter_app.services.member_codes import scan
from tests.conftest import NOW, cli_main, form, present, signed_in_desk
from tests.sync_harness import Clock


@pytest.fixture
def clock():
    return Clock(NOW)


@pytest.fixture
def desk(data_dir, clock):
    opened = signed_in_desk(data_dir, clock)
    yield opened
    opened.close()


@pytest.fixture
def member(desk):
    card = members.register_member(desk, form())
    points.earn_from_slip(desk, card.member_no, "9000", "S-1")
    return card


def outbox_types(desk) -> list[str]:
    with desk.store.read() as connection:
        return [row.op_type for row in connection.exec_driver_sql("SELECT op_type FROM outbox ORDER BY seq")]


def refused(reason: str, call, *args) -> CodeRefused:
    with pytest.raises(CodeRefused) as caught:
        call(*args)
    assert caught.value.reason == reason, caught.value.message("en")
    return caught.value


def test_a_dynamic_code_opens_the_card_once_and_a_copy_is_refused(desk, member):
    payload = member_codes.member_code(desk, member.member_no)
    assert payload.startswith("MD1.") and payload.isascii()
    opened = scan(desk, payload)
    assert (opened.kind, opened.via, opened.card.member_no, opened.ref) == (
        "member",
        "code",
        member.member_no,
        member.member_no,
    )
    assert outbox_types(desk)[-1] == "code.used"
    error = refused("replayed", scan, desk, payload)
    assert "already scanned at this desk" in error.message("en") and "10:30" in error.message("en")
    assert "已" in error.message("zh_CN")
    # A fresh code from the same phone a moment later is fine: only the copy is refused.
    assert scan(desk, member_codes.member_code(desk, member.member_no)).card.member_no == member.member_no


def test_codes_live_one_step_either_side_of_now(desk, member, clock):
    payload = member_codes.member_code(desk, member.member_no)
    clock.now = NOW + dt.timedelta(seconds=codes.STEP_SECONDS)  # the next minute: still good
    assert scan(desk, payload).card.member_no == member.member_no
    clock.now = NOW - dt.timedelta(minutes=3)
    stale_future = member_codes.member_code(desk, member.member_no)
    clock.now = NOW + dt.timedelta(minutes=3)
    old = member_codes.member_code(desk, member.member_no)
    clock.now = NOW
    refused("future", scan, desk, old)
    clock.now = NOW + dt.timedelta(minutes=3)
    assert "expired" in refused("expired", scan, desk, stale_future).message("en")


def test_every_tampered_character_is_refused(desk, member):
    payload = member_codes.member_code(desk, member.member_no)
    for position in range(len(payload)):
        original = payload[position]
        replacement = "B" if original != "B" else "C"
        tampered = payload[:position] + replacement + payload[position + 1 :]
        with pytest.raises(CodeRefused):
            scan(desk, tampered)
    assert outbox_types(desk).count("code.used") == 0  # nothing opened, nothing recorded


def test_forged_codes_are_refused(desk, member):
    issuer = code_keys.own_issuer(desk)
    ours = codes.public_bytes(issuer)
    phone = Ed25519PrivateKey.generate()
    until = NOW + dt.timedelta(days=30)
    # An attacker's issuer key, claiming to be ours: the certificate's signature fails.
    attacker = Ed25519PrivateKey.generate()
    certificate = bytearray(codes.issue_certificate(attacker, _uid(desk, member), codes.public_bytes(phone), until))
    certificate[1:5] = codes.key_id(ours)
    assert refused("forged", scan, desk, codes.present(bytes(certificate), phone, NOW))
    # A genuine certificate, but the code signed by another phone: the presentation's signature fails.
    genuine = codes.issue_certificate(issuer, _uid(desk, member), codes.public_bytes(phone), until)
    refused("forged", scan, desk, codes.present(genuine, Ed25519PrivateKey.generate(), NOW))
    # A card code for this member made up by someone without the key.
    forged_card = bytearray(
        base64.urlsafe_b64decode(codes.issue_card(attacker, _uid(desk, member), NOW.date())[4:] + "==")
    )
    forged_card[1:5] = codes.key_id(ours)
    refused("forged", scan, desk, "MC1." + base64.urlsafe_b64encode(bytes(forged_card)).rstrip(b"=").decode())
    # An expired certificate with a current, correctly signed presentation.
    lapsed = codes.issue_certificate(issuer, _uid(desk, member), codes.public_bytes(phone), NOW - dt.timedelta(days=1))
    refused("certificate_expired", scan, desk, codes.present(lapsed, phone, NOW))


def _uid(desk, member) -> str:
    with desk.store.read() as connection:
        return connection.exec_driver_sql(
            "SELECT member_uid FROM members WHERE member_no = ?", (member.member_no,)
        ).scalar_one()


def test_a_code_from_another_chain_is_named_as_such(tmp_path, desk, member):
    other = signed_in_desk(tmp_path / "other-mall")
    try:
        stranger = members.register_member(other, form(phone="13900139000", name="李四"))
        payload = member_codes.member_code(other, stranger.member_no)
        card = member_codes.member_code(other, stranger.member_no, static=True)
    finally:
        other.close()
    assert "another mall" in refused("other_chain", scan, desk, payload).message("en")
    refused("other_chain", scan, desk, card)


@pytest.mark.parametrize(
    "payload, reason",
    [
        ("MD1." + "A" * 2000, "too_long"),
        ("MD1.", "damaged"),
        ("MD1.!!!!", "damaged"),
        ("MD2." + "A" * 263, "newer"),
        ("MD01." + "A" * 263, "damaged"),
        ("ZZ1.hello", "unknown"),
        ("\x00\x01\x02binary\xff", "unknown"),
        ("CP1.CP-0000-0000-0000-X", "damaged"),
        ("EV1." + "A" * 10, "damaged"),
    ],
)
def test_junk_is_refused_with_a_clear_sentence(desk, payload, reason):
    error = refused(reason, scan, desk, payload)
    assert error.exit_code == 2 and "{" not in error.message("zh_CN")


def test_text_that_is_no_code_goes_to_the_search_box(desk):
    assert scan(desk, "13800138000").kind == "text"


def test_a_member_not_on_this_desk_yet(desk, member):
    issuer = code_keys.own_issuer(desk)
    phone = Ed25519PrivateKey.generate()
    certificate = codes.issue_certificate(
        issuer, str(uuid.uuid4()), codes.public_bytes(phone), NOW + dt.timedelta(days=1)
    )
    with pytest.raises(NotFound, match="not on this desk yet"):
        scan(desk, codes.present(certificate, phone, NOW))


def test_a_static_card_opens_the_card_but_redeems_less(desk, member):
    card_code = member_codes.member_code(desk, member.member_no, static=True)
    opened = scan(desk, card_code)
    assert (opened.via, opened.ref) == ("card", card_code)
    assert scan(desk, card_code).card.member_no == member.member_no  # static: the same code works again
    with pytest.raises(InvalidInput, match="phone code or ID"):
        points.redeem_cash(desk, card_code, 800)
    rewards.stock_gift(desk, "MUG", "马克杯", 1500, add=5)
    rewards.redeem_gift(desk, card_code, "MUG", 1)
    with pytest.raises(InvalidInput, match="at most 2000 points a day") as caught:
        rewards.redeem_gift(desk, card_code, "MUG", 1)
    assert "1500" in caught.value.message("en")
    # With the dynamic code the same member redeems as usual: the scan shows them present.
    shown = scan(desk, member_codes.member_code(desk, member.member_no))
    assert rewards.redeem_gift(desk, shown.ref, "MUG", 1, presence=shown.presence).points == 1500


def test_coupon_and_event_codes(desk, member):
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 200)
    coupon = rewards.redeem_coupon(desk, member.member_no, "C10", presence=present(desk, member.member_no))
    code = rewards.member_coupons(desk, member.member_no)[0].code
    found = scan(desk, codes.coupon_payload(code))
    assert found.kind == "coupon" and found.coupon.code == code and coupon.points == 200
    event = str(uuid.uuid4())
    ticket = codes.issue_ticket(code_keys.own_issuer(desk), event, _uid(desk, member))
    opened = scan(desk, ticket)
    assert (opened.via, opened.event_uid, opened.card.member_no) == ("ticket", event, member.member_no)


def test_a_dynamic_code_is_not_taken_where_it_could_be_spent_twice(desk, member):
    payload = member_codes.member_code(desk, member.member_no)
    with pytest.raises(InvalidInput, match="read once"):
        members.find_member(desk, payload)


def test_the_cli_takes_codes_wherever_it_takes_a_member(data_dir):
    made = cli_main(
        "member", "register", "--phone", "13800138000", "--name", "张三", "--consent", "--json", data_dir=data_dir
    )
    assert made.returncode == 0, made.stderr
    member_no = json.loads(made.stdout)["member_no"]
    code = cli_main("member", "code", member_no, "--json", data_dir=data_dir)
    assert code.returncode == 0, code.stderr
    payload = json.loads(code.stdout)["code"]
    shown = cli_main("member", "show", payload, "--json", data_dir=data_dir)
    assert shown.returncode == 0 and json.loads(shown.stdout)["member_no"] == member_no
    again = cli_main("member", "show", payload, "--json", data_dir=data_dir)
    assert again.returncode == 2 and "copy" in again.stderr and "Traceback" not in again.stderr
    assert json.loads(again.stdout)["error"]["kind"] == "CodeRefused"
    card = json.loads(cli_main("member", "code", member_no, "--static", "--json", data_dir=data_dir).stdout)["code"]
    scanned = cli_main("scan", card, "--json", data_dir=data_dir)
    assert json.loads(scanned.stdout)["via"] == "card"
    cash = cli_main("points", "cash", card, "--points", "80", data_dir=data_dir)
    assert cash.returncode == 2 and "printed card" in cash.stderr
    junk = cli_main("scan", "MD1.AAAA", data_dir=data_dir, lang=None)
    assert junk.returncode == 2 and "损坏" in junk.stderr


# The parser takes whatever a scanner types: only a parsed code or a clear refusal, never a crash.
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


@st.composite
def payloads(draw):
    shape = draw(st.sampled_from(["text", "prefixed", "exact", "mutated"]))
    if shape == "text":
        return draw(st.text(max_size=700))
    prefix = draw(st.sampled_from(["MD1.", "MC1.", "EV1.", "CP1.", "MD2.", "md1.", "MD1", "XX1."]))
    if shape == "prefixed":
        return prefix + draw(st.text(max_size=400))
    length = {"MD1.": 263, "MC1.": 120, "EV1.": 142}.get(prefix, draw(st.integers(0, 300)))
    body = draw(st.text(alphabet=ALPHABET, min_size=length, max_size=length))
    if shape == "mutated":
        index = draw(st.integers(0, max(0, len(body) - 1)))
        body = body[:index] + draw(st.characters()) + body[index + 1 :]
    return prefix + body


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payloads())
def test_fuzzing_the_parser_gives_only_clear_refusals(payload):
    key = FUZZ_ISSUER_PUBLIC
    try:
        parsed = codes.parse(payload)
        if isinstance(parsed, codes.DynamicCode):
            codes.verify_member_code(parsed, key, NOW)
        elif isinstance(parsed, codes.CardCode):
            codes.verify_card(parsed, key)
        elif isinstance(parsed, codes.EventTicket):
            codes.verify_ticket(parsed, key)
        else:
            assert isinstance(parsed, codes.CouponCode)
            return
    except CodeRefused as error:
        assert error.message("en") and error.message("zh_CN")
        return
    pytest.fail(f"random bytes passed as a signed code: {payload!r}")


FUZZ_ISSUER_PUBLIC = codes.public_bytes(Ed25519PrivateKey.generate())
