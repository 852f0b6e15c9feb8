"""Member identity rules: phones, names, birthdays, ID numbers, member numbers, masks."""

from __future__ import annotations

import datetime as dt

import pytest

from counter_app.domain.errors import FieldError, InvalidInput
from counter_app.domain.members import (
    RegistrationForm,
    format_member_no,
    mask_id_number,
    mask_phone,
    normalize_id_number,
    normalize_name,
    normalize_phone,
    parse_birthday,
    parse_gender,
    parse_member_no,
    validate_registration,
)

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "+86 138-0013-8000",
        "+86 13800138000",
        "138 0013 8000",
        "(+86) 138.0013.8000",
        "１３８００１３８０００",
    ],
)
def test_every_way_of_typing_a_mobile_is_the_same_member(typed):
    assert normalize_phone(typed) == "13800138000"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Enter the member's mobile number"),
        ("   ", "Enter the member's mobile number"),
        ("138OO138OOO", "only digits"),
        ("phone: 13800138000", "only digits"),
        ("1380013800", "too short: it has 10 digits"),
        ("13800", "too short"),
        ("138001380001", "too long: it has 12 digits"),
        ("010-12345678", "landline"),
        ("021 6123 4567", "landline"),
        ("+852 6123 4567", "this number is from HK"),
        ("+1 415 555 2671", "this number is from US"),
        ("14012345678", "not a mainland mobile number"),
        ("+", "not a phone number"),
    ],
)
def test_a_bad_phone_gets_a_sentence_saying_what_is_wrong(typed, says):
    with pytest.raises(FieldError) as caught:
        normalize_phone(typed)
    assert says in caught.value.message("en")


def test_phone_messages_read_in_chinese_by_default():
    with pytest.raises(FieldError) as caught:
        normalize_phone("010-12345678")
    assert caught.value.message("zh_CN") == "这是固定电话号码；请登记会员的手机号。"


@pytest.mark.parametrize("name", ["张三丰", "欧阳 娜娜", "买买提·艾力", "O'Brien", "Anna-Lena Li", "𠮷野家"])
def test_real_names_are_accepted(name):
    assert normalize_name(name) == name


def test_name_whitespace_is_tidied():
    assert normalize_name("  张   三丰 \t") == "张 三丰"


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("", "Enter the member's name"),
        ("   \t ", "Enter the member's name"),
        ("张" * 10_000, "at most 40 characters, this one has 10000"),
        ("张三😀", "remove “😀”"),
        ("Robert'); DROP TABLE members;--", "remove “)”"),
        ("张三1", "remove “1”"),
        ("张\x00三", "remove “U+0000”"),
        ("<b>张三</b>", "remove “<”"),
    ],
)
def test_bad_names_are_refused_with_the_offending_character(name, says):
    with pytest.raises(FieldError) as caught:
        normalize_name(name)
    assert says in caught.value.message("en")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1990-05-17", dt.date(1990, 5, 17)),
        ("19900517", dt.date(1990, 5, 17)),
        ("1990/5/7", dt.date(1990, 5, 7)),
        ("1990年5月7日", dt.date(1990, 5, 7)),
        ("", None),
        (None, None),
        ("2026-11-23", TODAY),
        ("1900-01-01", dt.date(1900, 1, 1)),
    ],
)
def test_birthdays_in_the_forms_clerks_type(typed, expected):
    assert parse_birthday(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("2026-11-24", "future"),
        ("2099-01-01", "future"),
        ("1899-12-31", "before 1900-01-01"),
        ("1990-02-30", "not a date on the calendar"),
        ("17/05/1990", "YYYY-MM-DD"),
        ("soon", "YYYY-MM-DD"),
        ("1990-13-01", "not a date"),
    ],
)
def test_impossible_birthdays_are_refused(typed, says):
    with pytest.raises(FieldError) as caught:
        parse_birthday(typed, TODAY)
    assert says in caught.value.message("en")


def test_gender_accepts_letters_and_chinese():
    assert [parse_gender(v) for v in ("f", "M", "女", "男", "", None)] == ["F", "M", "F", "M", None, None]
    with pytest.raises(FieldError):
        parse_gender("X")


def test_id_number_check_digit_per_gb_11643():
    assert normalize_id_number("11010519491231002x") == "11010519491231002X"
    assert normalize_id_number(" ") is None
    with pytest.raises(FieldError) as caught:
        normalize_id_number("110105194912310021")
    assert "check character is wrong" in caught.value.message("en")
    with pytest.raises(FieldError) as caught:
        normalize_id_number("11010519491231")
    assert "18 characters" in caught.value.message("en")
    with pytest.raises(FieldError) as caught:
        normalize_id_number("110105194913310021")  # month 13, check digit right
    assert "impossible birth date" in caught.value.message("en")


def test_registration_collects_every_field_error_at_once():
    bad = RegistrationForm(phone="abc", name="", birthday="2099-01-01", id_number="110105194912310021", consent=False)
    with pytest.raises(InvalidInput) as caught:
        validate_registration(bad, TODAY)
    assert set(caught.value.fields) == {"phone", "name", "birthday", "id_number", "consent"}
    assert caught.value.exit_code == 2


def test_id_number_fills_in_the_birthday_and_must_agree_with_it():
    ok = validate_registration(
        RegistrationForm(phone="13800138000", name="张三", id_number="11010519491231002X", consent=True), TODAY
    )
    assert ok.birthday == dt.date(1949, 12, 31)
    with pytest.raises(InvalidInput) as caught:
        validate_registration(
            RegistrationForm(
                phone="13800138000", name="张三", id_number="11010519491231002X", birthday="1950-01-01", consent=True
            ),
            TODAY,
        )
    assert "1949-12-31" in caught.value.fields["birthday"].message("en")


def test_member_numbers_carry_a_check_digit():
    number = format_member_no(1, 1)
    assert number == "M000100000017"
    assert parse_member_no(number) == number
    assert parse_member_no(number[1:]) == number  # the M may be left off
    assert parse_member_no("m000100000017") == number
    assert parse_member_no("M000100000018") is None  # one digit off
    assert parse_member_no("13800138000") is None
    with pytest.raises(ValueError):
        format_member_no(0, 1)


def test_masks_hide_the_middle():
    assert mask_phone("13800138000") == "138****8000"
    assert mask_id_number("11010519491231002X") == "110***********002X"
    assert mask_id_number(None) is None
