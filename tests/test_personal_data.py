"""Phone and ID numbers sealed at rest, found through blind indexes, and a lost key never loses data silently."""

from __future__ import annotations

import stat

import pytest

from counter_app.db.keys import KEY_FILE, KeyMissing
from counter_app.db.store import STORE_FILE
from counter_app.services import members
from counter_app.services.desk import open_desk
from tests.conftest import form, signed_in_desk

PHONES = ["13800138000", "13912345678", "18600186004"]
ID_NUMBER = "11010519491231002X"


def _raw_store_bytes(data_dir) -> bytes:
    return b"".join(
        (data_dir / name).read_bytes() for name in (STORE_FILE, f"{STORE_FILE}-wal") if (data_dir / name).exists()
    )


def _assert_no_clear_numbers(data) -> None:
    for phone in PHONES:
        for encoding in ("ascii", "utf-16-le"):
            assert phone.encode(encoding) not in data, phone
    assert ID_NUMBER.encode() not in data and ID_NUMBER.lower().encode() not in data


def test_the_raw_store_holds_no_phone_or_id_number_in_clear(data_dir):
    desk = signed_in_desk(data_dir)
    members.register_member(desk, form(phone=PHONES[0], id_number=ID_NUMBER))
    members.register_member(desk, form(phone=PHONES[1], name="李四", referrer=PHONES[0]))
    members.edit_member(desk, PHONES[1], members.ProfileEdit(phone=PHONES[2]))
    _assert_no_clear_numbers(_raw_store_bytes(data_dir))  # while open: the WAL too
    assert members.find_member(desk, PHONES[2]).name == "李四"
    desk.close()
    _assert_no_clear_numbers(_raw_store_bytes(data_dir))


def test_sealed_values_are_bound_to_their_member(desk):
    members.register_member(desk, form(phone=PHONES[0]))
    members.register_member(desk, form(phone=PHONES[1], name="李四"))
    with desk.store.write() as connection:
        # Moving one member's sealed phone onto another is noticed, not shown as theirs.
        connection.exec_driver_sql(
            "UPDATE members SET phone_sealed = (SELECT phone_sealed FROM members WHERE name = '张三丰') WHERE name = '李四'"
        )
    from counter_app.domain.errors import StoreUnavailable

    with pytest.raises(StoreUnavailable) as caught:
        members.find_member(desk, PHONES[1])
    assert "does not open with this store's key" in caught.value.message("en")


def test_the_key_file_is_private_and_the_store_records_its_fingerprint(data_dir):
    desk = open_desk(data_dir)
    fingerprint = desk.store.keys.fingerprint
    desk.close()
    key_file = data_dir / KEY_FILE
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = open_desk(data_dir)
    assert again.store.keys.fingerprint == fingerprint
    again.close()


def test_a_lost_key_stops_the_desk_with_restore_instructions_and_changes_nothing(data_dir, tmp_path):
    desk = signed_in_desk(data_dir)
    members.register_member(desk, form())
    backup = tmp_path / "desk-key-backup.txt"
    from counter_app.db.keys import export_key

    export_key(desk.store.keys, backup)
    desk.close()
    (data_dir / KEY_FILE).unlink()
    before = (data_dir / STORE_FILE).read_bytes()
    with pytest.raises(KeyMissing) as caught:
        open_desk(data_dir)
    message = caught.value.message("en")
    assert "counter-app key import" in message and "Nothing was changed" in message
    assert "密钥" in caught.value.message("zh_CN")
    assert (data_dir / STORE_FILE).read_bytes() == before
    assert not (data_dir / KEY_FILE).exists()  # no new key was made in its place

    from counter_app.services.keys import restore_key

    restore_key(data_dir, backup)
    restored = signed_in_desk(data_dir)
    assert members.find_member(restored, "13800138000").name == "张三丰"
    restored.close()


def test_a_wrong_key_is_refused_on_restore(data_dir, tmp_path):
    open_desk(data_dir).close()
    other = tmp_path / "other"
    open_desk(other).close()
    (data_dir / KEY_FILE).unlink()
    from counter_app.domain.errors import StoreUnavailable
    from counter_app.services.keys import restore_key

    with pytest.raises(StoreUnavailable) as caught:
        restore_key(data_dir, other / KEY_FILE)
    assert "belongs to another store" in caught.value.message("en")
    assert not (data_dir / KEY_FILE).exists()


def test_the_os_keyring_is_used_where_there_is_one(data_dir, monkeypatch):
    """No Secret Service runs here; a keyring backend kept in memory stands in for the OS's."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 5
        entries: dict = {}

        def get_password(self, service, username):
            return self.entries.get((service, username))

        def set_password(self, service, username, password):
            self.entries[(service, username)] = password

        def delete_password(self, service, username):
            self.entries.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        desk = signed_in_desk(data_dir)
        members.register_member(desk, form())
        desk.close()
        assert not (data_dir / KEY_FILE).exists()
        assert len(MemoryKeyring.entries) == 1
        reopened = signed_in_desk(data_dir)
        assert members.find_member(reopened, "13800138000").phone == "138****8000"
        reopened.close()
        MemoryKeyring.entries.clear()
        with pytest.raises(KeyMissing):
            open_desk(data_dir)
    finally:
        keyring.set_keyring(previous)
