"""How the search box reads input, and the terms a name is indexed by."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from counter_app.domain.errors import FieldError
from counter_app.domain.search import QueryKind, classify_query, name_grams, name_key, pinyin_initials


def test_chinese_names_index_single_characters_and_pairs():
    assert name_grams("张三丰") == ["张", "三", "丰", "张三", "三丰"]
    assert name_grams("王五") == ["王", "五", "王五"]


def test_latin_names_fold_case_and_spaces():
    assert name_key("Anna Li") == "annali"
    assert "li" in name_grams("Anna LI")


def test_pinyin_initials_cover_polyphonic_surnames():
    assert pinyin_initials("张三丰") == ["zsf"]
    assert {"ctf", "stf"} <= set(pinyin_initials("单田芳"))  # 单 reads shan as a surname
    assert {"zxx", "cxx"} <= set(pinyin_initials("曾小贤"))
    assert pinyin_initials("Anna Li") == []


def test_initials_variants_are_bounded():
    assert 1 <= len(pinyin_initials("朝长行重乐解单曾")) <= 8


@pytest.mark.parametrize(
    ("typed", "kind", "value"),
    [
        ("13800138000", QueryKind.PHONE, "13800138000"),
        ("+86 138-0013-8000", QueryKind.PHONE, "13800138000"),
        ("8000", QueryKind.PHONE_TAIL, "8000"),
        ("８０００", QueryKind.PHONE_TAIL, "8000"),
        ("M000100000017", QueryKind.MEMBER_NO, "M000100000017"),
        ("000100000017", QueryKind.MEMBER_NO, "M000100000017"),
        ("zsf", QueryKind.INITIALS, "zsf"),
        ("ZSF", QueryKind.INITIALS, "zsf"),
        ("张", QueryKind.NAME, "张"),
        (" 张 三 ", QueryKind.NAME, "张三"),
    ],
)
def test_what_the_clerk_typed_is_recognised(typed, kind, value):
    query = classify_query(typed)
    assert (query.kind, query.value, query.tail) == (kind, value, None)


@pytest.mark.parametrize(
    ("typed", "kind", "value", "tail"),
    [
        ("张伟 8000", QueryKind.NAME, "张伟", "8000"),
        ("8000 zw", QueryKind.INITIALS, "zw", "8000"),
        ("Anna Li 0003", QueryKind.INITIALS, "annali", "0003"),
    ],
)
def test_a_name_and_the_phones_last_four_narrow_each_other(typed, kind, value, tail):
    query = classify_query(typed)
    assert (query.kind, query.value, query.tail) == (kind, value, tail)


@pytest.mark.parametrize("typed", ["", "   ", None])
def test_nothing_typed_searches_nothing(typed):
    assert classify_query(typed) is None


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("x" * 51, "at most 50"),
        ("M000100000018", "check digit"),
        ("M0001", "M followed by 12 digits"),
        ("12", "last 4 digits"),
        ("23456", "last 4 digits"),
        ("138001", "last 4 digits"),  # phones are sealed: no prefix search, only whole number or tail
        ("!!!", "phone number, member number, name"),
        ("1380013800a", None),
    ],
)
def test_unsearchable_input_says_what_to_type(typed, says):
    if says is None:
        assert classify_query(typed).kind is QueryKind.NAME
        return
    with pytest.raises(FieldError) as caught:
        classify_query(typed)
    assert says in caught.value.message("en")


@settings(max_examples=3000, deadline=None)
@given(st.text(max_size=80))
def test_any_text_is_either_a_query_or_a_clear_refusal(text):
    try:
        query = classify_query(text)
    except FieldError as error:
        assert error.message("en") and error.message("zh_CN")
    else:
        assert query is None or query.value


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6))
def test_every_chinese_name_is_found_by_its_own_pairs(name):
    grams = name_grams(name)
    for i in range(len(name) - 1):
        assert name[i : i + 2] in grams
    assert pinyin_initials(name)
