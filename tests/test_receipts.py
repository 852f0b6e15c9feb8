"""Receipts: every template through python-escpos to the printer emulator, the print queue's promises, and bad input."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import random
import threading
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app import i18n
from counter_app.devices import printer as devices
from counter_app.devices.printer_emulator import EscposParser, PrinterEmulator
from counter_app.domain import receipts as templates
from counter_app.domain.errors import Conflict, InvalidInput, NotFound
from counter_app.domain.staff import NeedsManager
from counter_app.services import auth, members, points, printing, rewards, voids
from counter_app.services.desk import change_setting
from tests.conftest import NOW, cli_main, form, present

HEADER = templates.Header(
    "万达广场",
    "1F 服务台",
    7,
    "K001",
    "李娜",
    dt.datetime(2026, 11, 23, 14, 5, 9),
    "3f6c2a4e-9d1b-4c7e-8f00-1234567890ab",
)
MEMBER = templates.MemberFacts("M000700000019", "张三丰", "138****8000", "gold", 12880, (("2026-12-31", 300),))


def all_templates(language: str = "zh_CN", member: templates.MemberFacts = MEMBER) -> dict[str, templates.Receipt]:
    complaint = templates.ComplaintFacts(
        "C-20261123-0007",
        "服务态度",
        "高",
        "优衣库",
        "店员态度冷淡，" * 10,
        "138****8000",
        dt.datetime(2026, 11, 24, 14, 5),
    )
    figures = [
        templates.DayFigure(templates.DAY_FIGURE_LABELS["earn"], 12, "3,400"),
        templates.DayFigure(templates.DAY_FIGURE_LABELS["write_off"], 3, "￥30.00"),
    ]
    return {
        "registration": templates.registration_receipt(HEADER, member, language, referral_points=50),
        "earn": templates.earn_receipt(
            HEADER, member, language, amount_fen=128850, slip_no="UQ-42", shop="优衣库", points=2577, upgraded=True
        ),
        "gift": templates.gift_receipt(HEADER, member, language, gift_name="晴雨伞", sku="G-UMB", qty=2, points=3000),
        "coupon": templates.coupon_receipt(
            HEADER,
            member,
            language,
            title="满100减10",
            code="CP-4F7K-9QXD-M2ZA-7",
            value="￥10.00",
            min_spend="￥100.00",
            valid_until="2026-12-23",
            points=800,
        ),
        "cash": templates.cash_receipt(HEADER, member, language, points=800, yuan_text="10.00"),
        "write_off": templates.write_off_receipt(
            HEADER, member, language, title="满100减10", code="CP-4F7K-9QXD-M2ZA-7", value="￥10.00", spend="￥150.00"
        ),
        "points_gift": templates.points_gift_receipt(
            HEADER, member, language, to_member_no="M000700000027", to_masked_name="李*", points=500
        ),
        "void": templates.void_receipt(
            HEADER, member, language, voided="9a1b", points=-2577, reason="顾客退货", authorised_by="M001"
        ),
        "complaint": templates.complaint_receipt(HEADER, member, language, complaint),
        "day_summary": templates.day_summary_receipt(HEADER, language, dt.date(2026, 11, 23), figures),
        "test": templates.test_page_receipt(HEADER, language, 48),
    }


def printed(data: bytes) -> list:
    parser = EscposParser()
    return parser.feed(data)


# ---- layout ---------------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [32, 48])
@pytest.mark.parametrize("kind", templates.RECEIPT_KINDS)
def test_every_line_of_every_template_fits_the_paper(kind, columns):
    for item in templates.lay_out(all_templates()[kind].as_reprint(2), columns):
        if isinstance(item, templates.Line):
            assert templates.text_width(item.text) <= (columns // 2 if item.big else columns), item.text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300), st.sampled_from([32, 48, 16]))
def test_wrapping_never_overflows_and_never_splits_or_loses_a_character(text, columns):
    lines = templates.wrap(text, columns)
    assert all(templates.text_width(line) <= columns for line in lines)
    # Every character kept by clean() is on some line, in order; only spaces at breaks go.
    assert "".join(lines).replace(" ", "") == templates.clean(text).replace(" ", "")


def test_cjk_counts_double_and_pairs_are_justified():
    assert templates.text_width("会员ABC") == 7
    (line,) = templates.lay_out(templates.Receipt("x", "r", (templates.Pair("积分", "1,200"),), "zh_CN"), 32)
    assert templates.text_width(line.text) == 32 and line.text.startswith("积分") and line.text.endswith("1,200")


def test_long_names_wrap_at_character_boundaries_with_the_value_on_its_own_line():
    name = "阿卜杜拉·穆罕默德·阿里·侯赛因·伊本·哈桑·萨利赫"
    laid = templates.plain_text(
        templates.lay_out(templates.Receipt("x", "r", (templates.Pair("会员", name),), "zh_CN"), 32)
    )
    assert len(laid) >= 2 and all(templates.text_width(line) <= 32 for line in laid)
    assert "".join(line.strip() for line in laid).replace(" ", "") == ("会员" + name).replace(" ", "")


def test_direction_overrides_and_control_characters_never_reach_paper():
    assert templates.clean("张\u202e三\u200b丰\x00\x1b@\n李") == "张三丰@ 李"


def test_a_500_character_note_is_shortened_and_wrapped():
    receipt = templates.void_receipt(
        HEADER, MEMBER, "zh_CN", voided="x", points=-1, reason="退" * 500, authorised_by="M001"
    )
    reason_lines = [line for line in templates.plain_text(templates.lay_out(receipt, 32)) if "退" in line]
    assert sum(line.count("退") for line in reason_lines) == templates.NOTE_LIMIT - 1
    assert reason_lines[-1].rstrip().endswith("…")


def test_a_receipt_survives_its_round_trip_through_the_queue():
    for receipt in all_templates().values():
        assert templates.receipt_from_json(templates.receipt_to_json(receipt)) == receipt


# ---- through python-escpos to the emulator --------------------------------------------------


@pytest.mark.parametrize("paper", [58, 80])
@pytest.mark.parametrize("kind", templates.RECEIPT_KINDS)
def test_each_template_prints_its_text_qr_and_cut(kind, paper):
    receipt = all_templates()[kind]
    profile = devices.PrinterProfile(paper_mm=paper, chinese="gb18030")
    laid = templates.lay_out(receipt, profile.columns)
    with PrinterEmulator() as printer:
        devices.send_job(devices.parse_printer_uri(printer.uri), devices.render_escpos(laid, profile), ask_status=True)
        assert printer.wait_for(1, 5)
        (got,) = printer.receipts
    assert got.cut
    as_text = [
        line.rstrip()
        for line in templates.plain_text(laid)
        if line.strip() and devices.text_bytes(line, "gb18030") is not None
    ]
    assert [line.rstrip() for line in got.lines if line.strip()] == as_text
    assert len(got.images) == (1 if kind == "test" else 0)  # the test page's rare characters are drawn
    assert any("万达广场" in line for line in got.lines)
    assert got.qr_payloads[-1] == HEADER.reference
    if kind == "coupon":
        assert "CP-4F7K-9QXD-M2ZA-7" in got.qr_payloads


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_printer_without_chinese_gets_pictures_of_the_lines_and_a_picture_of_the_qr(language):
    i18n.set_language(language)
    receipt = all_templates(language)["earn"]
    profile = devices.PrinterProfile(paper_mm=58, chinese="raster", native_qr=False)
    laid = templates.lay_out(receipt, 32)
    data = devices.render_escpos(laid, profile)
    assert "会".encode("gb18030") not in data  # no Chinese bytes a Western code page would misprint
    (got,) = printed(data)
    assert got.images and all(image.width == 384 for image in got.images)
    assert HEADER.reference in got.qr_payloads  # read back from the picture
    ascii_lines = [line.rstrip() for line in templates.plain_text(laid) if line.isascii() and line.strip()]
    assert (
        ascii_lines and [line.rstrip() for line in got.lines if line.strip()] == ascii_lines
    )  # ASCII-only lines stay text


def test_rare_characters_emoji_and_right_to_left_names_print_as_pictures_on_a_chinese_printer():
    member = dataclasses.replace(MEMBER, name="𠀀堃 😀 محمد")
    profile = devices.PrinterProfile(paper_mm=80, chinese="gbk")
    laid = templates.lay_out(all_templates(member=member)["earn"], 48)
    (got,) = printed(devices.render_escpos(laid, profile))
    assert len(got.images) == 1  # the name's line alone; the rest stays text
    assert not any("堃" in line for line in got.lines) and any("优衣库" in line for line in got.lines)
    picture = devices.draw_lines([templates.Line(member.name)], 576, 48)
    assert picture.getbbox() is not None  # something was drawn


def test_a_character_outside_gb2312_but_in_gbk_is_text_on_a_gbk_printer():
    member = dataclasses.replace(MEMBER, name="王堃")
    (got,) = printed(
        devices.render_escpos(
            templates.lay_out(all_templates(member=member)["earn"], 48), devices.PrinterProfile(chinese="gbk")
        )
    )
    assert not got.images and any("王堃" in line for line in got.lines)


def test_a_missing_logo_or_one_that_is_not_a_picture_prints_the_receipt_without_it(tmp_path):
    not_a_picture = tmp_path / "logo.png"
    not_a_picture.write_text("this is not a PNG")
    good = tmp_path / "good.png"
    from PIL import Image

    Image.new("L", (800, 200), 0).save(good)
    receipt = all_templates()["earn"]
    for logo, pictures in ((str(tmp_path / "missing.png"), 0), (str(not_a_picture), 0), (str(good), 1)):
        (got,) = printed(devices.render_escpos(templates.lay_out(receipt, 48), devices.PrinterProfile(logo=logo)))
        assert len(got.images) == pictures and got.cut
        if pictures:
            assert got.images[0].width == 576  # scaled to the paper, centred


def test_preview_looks_like_the_receipt_with_its_stamp():
    import io

    from PIL import Image

    receipt = all_templates()["earn"].as_reprint(3)
    for paper in (58, 80):
        profile = devices.PrinterProfile(paper_mm=paper)
        picture = Image.open(
            io.BytesIO(devices.png_bytes(devices.preview_picture(templates.lay_out(receipt, profile.columns), profile)))
        )
        assert picture.width == profile.dots + 48 and picture.height > 600
    assert any("REPRINT #3" in line for line in templates.plain_text(templates.lay_out(receipt, 32)))


# ---- addresses and printers that fail ------------------------------------------------------


@pytest.mark.parametrize(
    "uri",
    [
        "",
        "http://printer",
        "tcp://",
        "tcp://host:99999",
        "usb://xyz",
        "serial:///dev/ttyS0?baud=7",
        "lp://a b",
        "tcp://h\x00:9100",
        "file://",
    ],
)
def test_a_printer_address_that_makes_no_sense_says_how_to_write_one(uri):
    with pytest.raises(InvalidInput) as caught:
        devices.parse_printer_uri(uri)
    assert "tcp://HOST:9100" in caught.value.message("en")


def test_each_kind_of_address_is_understood():
    assert devices.parse_printer_uri("tcp://10.0.0.9").uri == "tcp://10.0.0.9:9100"
    assert devices.parse_printer_uri("usb://0416:5011").vendor == 0x0416
    assert devices.parse_printer_uri("serial:///dev/ttyUSB0?baud=115200").baud == 115200
    assert devices.parse_printer_uri("file:///dev/usb/lp0").target == "/dev/usb/lp0"
    assert devices.parse_printer_uri("lp://front_desk").target == "front_desk"


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("uri", "state"),
    [
        ("tcp://no-such-printer.invalid:9100", devices.UNREACHABLE),
        (None, devices.UNREACHABLE),
        ("usb://0416:5011", devices.UNREACHABLE),
        ("file:///no/such/dir/lp0", devices.UNREACHABLE),
    ],
)
def test_a_printer_that_is_not_there_fails_fast_and_nothing_is_reached(uri, state):
    uri = uri or f"tcp://127.0.0.1:{_free_port()}"  # a port that refuses
    started = time.monotonic()
    with pytest.raises(devices.PrintFailed) as caught:
        devices.send_job(devices.parse_printer_uri(uri), b"\x1b@hello\n", ask_status=True)
    assert caught.value.state == state and not caught.value.reached
    assert time.monotonic() - started < devices.CONNECT_TIMEOUT_S + 2


def test_a_printer_that_accepts_and_never_answers_is_given_up_on():
    with PrinterEmulator(mode="silent") as printer, pytest.raises(devices.PrintFailed) as caught:
        devices.send_job(devices.parse_printer_uri(printer.uri), b"\x1b@hello\n", ask_status=True)
    assert caught.value.state == devices.NO_ANSWER and not caught.value.reached


@pytest.mark.parametrize(
    ("mode", "state"), [("paper_out", devices.PAPER_OUT), ("cover_open", devices.COVER_OPEN), ("ready", devices.READY)]
)
def test_the_printer_says_what_is_wrong_with_it(mode, state):
    with PrinterEmulator(mode=mode) as printer:
        assert devices.query_printer(devices.parse_printer_uri(printer.uri)) == state


def test_a_file_or_device_path_gets_the_bytes(tmp_path):
    target = tmp_path / "lp0"
    target.touch()
    data = devices.render_escpos(templates.lay_out(all_templates()["cash"], 32), devices.PrinterProfile(paper_mm=58))
    devices.send_job(devices.parse_printer_uri(f"file://{target}"), data, ask_status=True)
    (got,) = printed(target.read_bytes())
    assert got.cut and any("10.00" in line for line in got.lines)


def test_a_serial_printer_gets_the_bytes_through_pyserial():
    master, slave = os.openpty()
    os.set_blocking(master, False)
    data = devices.render_escpos(templates.lay_out(all_templates()["gift"], 32), devices.PrinterProfile(paper_mm=58))
    devices.send_job(devices.parse_printer_uri(f"serial://{os.ttyname(slave)}?baud=9600"), data, ask_status=False)
    received = b""
    deadline = time.monotonic() + 5
    while len(received) < len(data) and time.monotonic() < deadline:
        try:
            received += os.read(master, 65536)
        except BlockingIOError:
            time.sleep(0.01)
    os.close(master)
    os.close(slave)
    (got,) = printed(received)
    assert any("晴雨伞" in line for line in got.lines)


# ---- the queue at the desk ------------------------------------------------------------------


@pytest.fixture
def shop(desk):
    members.register_member(desk, form())
    change_setting(desk, "store_name", "万达广场")
    change_setting(desk, "printer_paper_mm", 58)
    rewards.stock_gift(desk, "G-UMB", "晴雨伞", 1500, add=5)
    rewards.define_coupon(desk, "C10", "满100减10", "10", "100", 30, 800)
    return desk


def _printer(desk, printer: PrinterEmulator) -> None:
    change_setting(desk, "printer_uri", printer.uri)


def test_every_desk_operation_prints_its_receipt_from_what_was_committed(shop):
    desk = shop
    earned = points.earn_from_slip(desk, "13800138000", "20000", "R-1", shop="优衣库", at=NOW)
    gift = rewards.redeem_gift(desk, "13800138000", "G-UMB", presence=present(desk, "13800138000"))
    coupon = rewards.redeem_coupon(desk, "13800138000", "C10", presence=present(desk, "13800138000"))
    cash = points.redeem_cash(desk, "13800138000", 800, presence=present(desk, "13800138000"))
    written = rewards.write_off_coupon(desk, coupon.coupon.code, "150")
    members.register_member(desk, form(phone="13900139000", name="李娜"))
    given = points.gift_points(desk, "13800138000", "13900139000", 500, presence=present(desk, "13800138000"))
    voided = voids.void_operation(desk, gift.op_id, "顾客改主意")
    references = [
        earned.op_id,
        gift.op_id,
        coupon.op_id,
        cash.op_id,
        written.code,
        "M000100000025",
        given.op_id,
        voided.op_id,
    ]
    with PrinterEmulator() as printer:
        _printer(desk, printer)
        jobs = [printing.queue_receipt(desk, reference) for reference in references]
        while printing.print_next(desk) is not None:
            pass
        assert printer.wait_for(len(references), 5)
        got = printer.receipts
    assert [job.kind for job in jobs] == [
        "earn",
        "gift",
        "coupon",
        "cash",
        "write_off",
        "registration",
        "points_gift",
        "void",
    ]
    assert all(job.status == "printed" for job in printing.list_jobs(desk))
    assert [receipt.qr_payloads[-1] for receipt in got] == references
    earn_text = got[0].text
    assert (
        "优衣库" in earn_text and "R-1" in earn_text and "138****8000" in earn_text and "13800138000" not in earn_text
    )
    assert "+20,000" in earn_text and "M000100000017" in earn_text
    assert "晴雨伞" in got[1].text and "-1,500" in got[1].text
    assert coupon.coupon.code in got[2].qr_payloads
    assert "￥10.00" in got[3].text and "￥150.00" in got[4].text
    assert "M000100000025" in got[5].text and "李娜" in got[5].text
    assert "M000100000025" in got[6].text and "顾客改主意" in got[7].text


def test_a_reference_with_no_committed_operation_queues_nothing(shop):
    with PrinterEmulator() as printer:
        _printer(shop, printer)
        with pytest.raises(NotFound):
            printing.queue_receipt(shop, "no-such-operation")
        with pytest.raises(Conflict):  # the slip earned once; its second try wrote nothing, so prints nothing
            points.earn_from_slip(shop, "13800138000", "100", "R-1", at=NOW)
            points.earn_from_slip(shop, "13800138000", "100", "R-1", at=NOW)
    assert [job.kind for job in printing.list_jobs(shop)] == []


def test_no_printer_set_says_how_to_set_one(shop):
    earned = points.earn_from_slip(shop, "13800138000", "100", "R-9", at=NOW)
    with pytest.raises(InvalidInput) as caught:
        printing.queue_receipt(shop, earned.op_id)
    assert "printer_uri" in caught.value.message("en")
    assert not printing.wants_receipts(shop)


def test_paper_out_holds_the_queue_in_order_and_it_drains_when_paper_is_back(shop):
    refs = [points.earn_from_slip(shop, "13800138000", "100", f"R-{n}", at=NOW).op_id for n in range(3)]
    with PrinterEmulator(mode="paper_out") as printer:
        _printer(shop, printer)
        for ref in refs:
            printing.queue_receipt(shop, ref)
        first = printing.print_next(shop, retry_after=lambda attempts: 0)
        assert first.status == "queued" and first.last_state == devices.PAPER_OUT
        state = printing.printer_state(shop)
        assert (
            state.state == devices.PAPER_OUT
            and state.waiting == 3
            and "paper" in i18n.translate("Printing", state.advice)
        )
        printer.mode = "ready"
        while printing.print_next(shop) is not None:
            pass
        assert printer.wait_for(3, 5)
        assert [receipt.qr_payloads[-1] for receipt in printer.receipts] == refs
        assert not any("REPRINT" in receipt.text for receipt in printer.receipts)  # nothing had gone out: no copy
    assert printing.printer_state(shop).state == devices.READY


def test_a_printer_lost_mid_receipt_gets_a_stamped_copy_next(shop):
    ref = points.earn_from_slip(shop, "13800138000", "100", "R-1", at=NOW).op_id
    with PrinterEmulator() as printer:
        _printer(shop, printer)
        printer.play("disconnect_mid_job", after_bytes=300, times=1)
        printing.queue_receipt(shop, ref)
        failed = printing.print_next(shop, retry_after=lambda attempts: 0)
        assert failed.status == "queued" and printer.wait_for_torn(1, 5)
        done = printing.print_next(shop)
        assert done.status == "printed" and done.copy_no == 1
        assert printer.wait_for(1, 5)
        (copy,) = printer.receipts
    assert "REPRINT #1" in copy.text and "重打" in copy.text


def test_reprints_are_numbered_stamped_and_audited(shop):
    ref = points.earn_from_slip(shop, "13800138000", "100", "R-1", at=NOW).op_id
    with PrinterEmulator() as printer:
        _printer(shop, printer)
        printing.queue_receipt(shop, ref)
        first, second = printing.reprint(shop, ref), printing.reprint(shop, ref)
        while printing.print_next(shop) is not None:
            pass
        assert printer.wait_for(3, 5)
        texts = [receipt.text for receipt in printer.receipts]
    assert (first.copy_no, second.copy_no) == (1, 2)
    assert "REPRINT" not in texts[0] and "REPRINT #1" in texts[1] and "REPRINT #2" in texts[2]
    from counter_app.services import audit

    assert [line.action for line in audit.recent(shop, 5)].count("print.reprint") == 2


def test_only_a_manager_cancels_a_stuck_job_and_it_is_never_printed(shop, data_dir):
    ref = points.earn_from_slip(shop, "13800138000", "100", "R-1", at=NOW).op_id
    change_setting(shop, "printer_uri", f"tcp://127.0.0.1:{_free_port()}")
    job = printing.queue_receipt(shop, ref)
    auth.add_staff(shop, "K001", "李娜", "clerk", "246810")
    auth.sign_in(shop, "K001", "246810")
    with pytest.raises(NeedsManager):
        printing.cancel_job(shop, job.id, "printer broken")
    auth.sign_in(shop, "ADMIN", "135790")
    with pytest.raises(InvalidInput):
        printing.cancel_job(shop, job.id, "  ")
    assert printing.cancel_job(shop, job.id, "printer broken").status == "cancelled"
    assert printing.print_next(shop) is None
    with pytest.raises(Conflict):
        printing.cancel_job(shop, job.id, "again")


def test_nothing_is_lost_across_a_restart_and_a_half_sent_job_comes_back_stamped(data_dir):
    from tests.conftest import signed_in_desk

    desk = signed_in_desk(data_dir)
    members.register_member(desk, form())
    refs = [points.earn_from_slip(desk, "13800138000", "100", f"R-{n}", at=NOW).op_id for n in range(2)]
    change_setting(desk, "printer_uri", f"tcp://127.0.0.1:{_free_port()}")
    for ref in refs:
        printing.queue_receipt(desk, ref)
    printing._claim_next(desk)  # a process took the first job and died while sending it
    desk.close()
    desk = signed_in_desk(data_dir)
    assert (
        printing.recover_interrupted(desk, older_than_s=0) == 1
    )  # the worker does this at start, for claims over 2 minutes old
    with PrinterEmulator() as printer:
        change_setting(desk, "printer_uri", printer.uri)
        with desk.store.write() as connection:  # the queue keeps each job's printer: point them at the new one
            connection.exec_driver_sql("UPDATE print_jobs SET printer_uri = ?", (printer.uri,))
        worker = printing.PrintWorker(desk, retry_after=lambda attempts: 0.01)
        worker.start()
        try:
            assert printer.wait_for(2, 10)
        finally:
            worker.stop()
        texts = [receipt.text for receipt in printer.receipts]
    desk.close()
    assert "REPRINT #1" in texts[0] and "REPRINT" not in texts[1]


def test_two_hundred_receipts_through_disconnects_and_paper_outs_none_lost_no_unmarked_copy(shop):
    desk = shop
    desk.rules = dataclasses.replace(desk.rules, max_slips_per_member_per_day=1000)
    for n in range(9):
        members.register_member(desk, form(phone=f"1390013900{n}", name="会员" + "甲乙丙丁戊己庚辛壬"[n]))
    phones = ["13800138000"] + [f"1390013900{n}" for n in range(9)]
    refs = [points.earn_from_slip(desk, phones[n % 10], "100", f"S-{n}", at=NOW).op_id for n in range(200)]
    rng = random.Random(7)
    with PrinterEmulator() as printer:
        _printer(desk, printer)
        stop = threading.Event()

        def faults() -> None:  # the printer misbehaves at random while the queue prints
            while not stop.is_set():
                fault = rng.random()
                if fault < 0.25:
                    printer.play("disconnect_mid_job", after_bytes=rng.randint(1, 1500), times=1)
                elif fault < 0.4:
                    printer.mode = "paper_out"
                elif fault < 0.5:
                    printer.mode = "offline"
                else:
                    printer.mode = "ready"
                stop.wait(rng.uniform(0.005, 0.05))

        chaos = threading.Thread(target=faults, daemon=True)
        worker = printing.PrintWorker(desk, retry_after=lambda attempts: 0.005)
        chaos.start()
        worker.start()
        try:
            for ref in refs:
                printing.queue_receipt(desk, ref)
                worker.wake()
            time.sleep(1.0)
        finally:
            stop.set()
            chaos.join(5)
            printer.mode = "ready"
            worker.wake()
        deadline = time.monotonic() + 60
        while printing.printer_state(desk).waiting and time.monotonic() < deadline:
            time.sleep(0.05)
        worker.stop()
        got = printer.receipts
        torn = printer.torn
    assert printing.printer_state(desk).waiting == 0
    by_ref: dict[str, list[str]] = {}
    for receipt in got:
        by_ref.setdefault(receipt.qr_payloads[-1], []).append(receipt.text)
    assert set(by_ref) == set(refs)  # 0 lost
    unmarked = {ref: sum("REPRINT" not in text for text in texts) for ref, texts in by_ref.items()}
    assert max(unmarked.values()) == 1 and sum(unmarked.values()) <= 200  # 0 unmarked duplicates
    assert torn, "the chaos should have cut some receipts"


# ---- the command line -----------------------------------------------------------------------


def test_cli_prints_an_operation_and_warns_when_the_printer_is_down(data_dir, tmp_path):
    with PrinterEmulator() as printer:
        assert (
            cli_main(
                "member", "register", "--phone", "13800138000", "--name", "张三丰", "--consent", data_dir=data_dir
            ).returncode
            == 0
        )
        done = cli_main(
            "points",
            "earn",
            "13800138000",
            "--amount",
            "88",
            "--slip",
            "A-1",
            "--print",
            "--printer",
            printer.uri,
            "--json",
            data_dir=data_dir,
        )
        assert done.returncode == 0, done.stderr
        assert printer.wait_for(1, 5) and "M000100000017" in printer.receipts[0].text
    refused = f"tcp://127.0.0.1:{_free_port()}"
    down = cli_main(
        "points",
        "earn",
        "13800138000",
        "--amount",
        "88",
        "--slip",
        "A-2",
        "--print",
        "--printer",
        refused,
        data_dir=data_dir,
    )
    assert down.returncode == 0 and "waits in the queue" in down.stderr
    queue = cli_main("print", "queue", "--json", data_dir=data_dir)
    assert queue.returncode == 0 and '"status": "queued"' in queue.stdout
    out = tmp_path / "receipt.png"
    preview = cli_main("print", "preview", "M000100000017", "--paper", "58", "--out", str(out), data_dir=data_dir)
    assert preview.returncode == 0 and out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = cli_main("print", "test", "--printer", "ftp://x", data_dir=data_dir)
    assert bad.returncode == 2 and "tcp://HOST:9100" in bad.stderr and "Traceback" not in bad.stderr
