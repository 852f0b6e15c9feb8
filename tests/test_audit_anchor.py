"""The audit log anchored off the counter, attacked as someone with the data folder would: cut tails, moved heads,
forged and replayed pushes, against the real server over HTTP (SQLite and PostgreSQL) and the real command line."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counter_app.db import keys
from counter_app.db.store import STORE_FILE
from counter_app.domain.audit import GENESIS, acknowledged_seal, head_seal
from counter_app.services import members, points, sync
from sync.client import SyncClient
from sync.protocol import AuditLink
from tests.conftest import cli_main, form, signed_in_desk
from tests.sync_harness import enrolled_counter, server  # noqa: F401

# How many of the newest entries the attacker deletes: more than the sign-ins of the commands a test runs after
# the cut, since each command's sign-in is an entry that follows the cut (verify then names a rewritten entry).
CUT = 8


# --- what the attacker does, with sqlite3 and the files of the data folder ------------------------------


def _db(folder: Path) -> closing[sqlite3.Connection]:
    return closing(sqlite3.connect(folder / STORE_FILE, isolation_level=None))


def _entries(folder: Path) -> list[tuple[int, str]]:
    with _db(folder) as db:
        return db.execute("SELECT seq, digest FROM audit_log ORDER BY seq").fetchall()


def _meta(folder: Path, key: str) -> str | None:
    with _db(folder) as db:
        row = db.execute("SELECT value FROM store_meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _stolen_keys(folder: Path) -> keys.DataKeys:
    """The key file beside the store (no OS keyring here), read as a thief with the folder would."""
    return keys.data_keys(keys.read_key_backup(folder / keys.KEY_FILE))


def _cut_tail(folder: Path, count: int, head: str | None = None, acknowledged: str | None = None) -> tuple[int, str]:
    """Drop the guard triggers, delete the newest COUNT entries, write HEAD (and the acknowledged head) if given.
    Returns the new last entry."""
    with _db(folder) as db:
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        last = db.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
        db.execute("DELETE FROM audit_log WHERE seq > ?", (last - count,))
        new_last = db.execute("SELECT seq, digest FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        if head is not None:
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_head'", (head,))
        if acknowledged is not None:
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_acknowledged'", (acknowledged,))
    return new_last


def _verify(folder: Path, *options: str, lang: str = "en") -> tuple[int, dict]:
    done = cli_main("audit", "verify", *options, "--json", data_dir=folder, lang=lang)
    assert "Traceback" not in done.stderr
    return done.returncode, json.loads(done.stdout)


def _verify_text(folder: Path, *options: str, lang: str = "en") -> tuple[int, str]:
    done = cli_main("audit", "verify", *options, data_dir=folder, lang=lang)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout.strip()


def _busy_desk(folder: Path, server):
    """An enrolled counter that did a morning's work and synced it: the server acknowledged its chain."""
    desk = enrolled_counter(folder, server)
    card = members.register_member(desk, form(phone="13800138000", name="张伟"))
    for slip in range(1, 9):
        points.earn_from_slip(desk, card.member_no, "100.00", f"S-{slip}")
    report = sync.sync_once(desk)
    assert report.audit_acknowledged > CUT + 1
    return desk, card, report


def _token_client(desk, server) -> SyncClient:
    token = sync._client(desk).session.headers["Authorization"].split()[1]
    return SyncClient(server.url, token)


def _links(folder: Path) -> list[AuditLink]:
    """The desk's chain as links, read straight from its file (as a forger would build a push)."""
    with _db(folder) as db:
        rows = db.execute(
            "SELECT seq, at, action, outcome, staff_id, authorized_by, digest FROM audit_log ORDER BY seq"
        ).fetchall()
    previous, links = GENESIS, []
    for seq, at, action, outcome, staff_id, authorized_by, digest in rows:
        links.append(
            AuditLink(
                seq=seq,
                prev=previous,
                digest=digest,
                at=at,
                action=action,
                outcome=outcome,
                staff_id=staff_id,
                authorized_by=authorized_by,
            )
        )
        previous = digest
    return links


# --- honest rounds --------------------------------------------------------------------------------------


def test_honest_rounds_are_acknowledged_and_keep_verifying_intact(server, tmp_path):
    folder = tmp_path / "desk"
    desk, card, report = _busy_desk(folder, server)
    acknowledged = report.audit_acknowledged
    assert acknowledged > 5
    head = server.rows("SELECT seq, digest FROM audit_heads")
    assert [(row.seq, row.digest) for row in head] == [_entries(folder)[acknowledged - 1]]
    assert server.scalar("SELECT count(*) FROM audit_links") == acknowledged
    code, answer = _verify(folder)
    assert code == 0 and answer["intact"] is True
    # The --json shape of before is all there; the anchor comes as added fields.
    assert {"entries_checked", "intact", "first_bad_entry", "problem", "message"} <= set(answer)
    assert answer["acknowledged_source"] == "server" and answer["acknowledged_seq"] == acknowledged
    assert answer["last_entry"] >= acknowledged
    # Another day's work and round: the head moves on and the log still verifies.
    points.earn_from_slip(desk, card.member_no, "50.00", "S-9")
    second = sync.sync_once(desk)
    assert second.audit_acknowledged > acknowledged and second.audit_refused_at is None
    assert server.scalar("SELECT seq FROM audit_heads") == second.audit_acknowledged
    assert server.scalar("SELECT count(*) FROM review_items WHERE kind = 'audit_break'") == 0
    code, text = _verify_text(folder)
    assert code == 0
    assert (
        text.startswith("The audit log is intact") and f"acknowledged entries up to {second.audit_acknowledged}" in text
    )
    desk.close()


def test_only_the_links_leave_the_counter_never_personal_data(server, tmp_path):
    folder = tmp_path / "desk"
    desk, card, _ = _busy_desk(folder, server)
    with _db(folder) as db:
        local = " ".join(str(v) for row in db.execute("SELECT * FROM audit_log").fetchall() for v in row)
    assert card.member_no in local and "张" in local  # the entries here name the member (masked) ...
    stored = " ".join(str(v) for row in server.rows("SELECT * FROM audit_links") for v in row)
    # ... the server gets the chain's links: no member number, no (masked) name or phone, no before/after
    for personal in (card.member_no, "张", "138****8000", "13800138000"):
        assert personal not in stored
    desk.close()


# --- the attacks ----------------------------------------------------------------------------------------


def test_a_cut_tail_with_the_head_moved_back_without_the_key_is_caught_offline(server, tmp_path):
    """Before: the head record was "seq:digest", copied from the new last entry, and verify said intact."""
    folder = tmp_path / "desk"
    desk, _, _ = _busy_desk(folder, server)
    desk.close()
    server.stop()  # the attacker unplugged the counter: verify has only what is in the folder
    new_last = _cut_tail(folder, CUT, head=None)
    seq, digest = new_last
    for forged in (
        f"{seq}:{digest}",
        f"{seq}:{digest}:{'0' * 64}",
        f"{seq}:{digest}:{head_seal(b'x' * 32, seq, digest)}",
    ):
        with _db(folder) as db:
            db.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_head'", (forged,))
        code, answer = _verify(folder)
        assert (code, answer["intact"], answer["problem"]) == (5, False, "head_forged"), forged
        assert answer["acknowledged_source"] == "local"
    code, text = _verify_text(folder)
    assert code == 5 and "written without the desk's key" in text and "could not be asked" in text
    code, text = _verify_text(folder, lang="zh_CN")
    assert code == 5 and "不是用本服务台的密钥写入的" in text and "无法联系中央服务器" in text


def test_a_cut_made_with_the_key_is_caught_by_the_head_the_server_acknowledged(server, tmp_path):
    """Before: with the key the cut chain and its head were whole again, and verify said intact; now the server
    holds the acknowledged head, and the next push does not continue it (refused, one review item)."""
    folder = tmp_path / "desk"
    desk, card, report = _busy_desk(folder, server)
    acknowledged = report.audit_acknowledged
    desk.close()
    stolen = _stolen_keys(folder)
    seq, digest = _cut_tail(folder, CUT)
    with _db(folder) as db:
        db.execute(
            "UPDATE store_meta SET value = ? WHERE key = 'audit_head'",
            (f"{seq}:{digest}:{head_seal(stolen.anchor, seq, digest)}",),
        )
    # The record of the acknowledged head is left: offline, it alone shows the cut.
    code, answer = _verify(folder, "--offline")
    assert (code, answer["problem"], answer["acknowledged_seq"]) == (5, "cut", acknowledged)
    # Now the record moved back too, with the key: the folder is consistent, only the server knows better.
    at = "2026-11-23T10:00:00+08:00"
    with _db(folder) as db:
        db.execute(
            "UPDATE store_meta SET value = ? WHERE key = 'audit_acknowledged'",
            (f"{seq}:{digest}:{at}:{acknowledged_seal(stolen.anchor, seq, digest, at)}",),
        )
    code, answer = _verify(folder, "--offline")
    assert code == 0 and answer["intact"] is True and answer["acknowledged_source"] == "local"  # nothing to see here
    code, answer = _verify(folder)
    assert (code, answer["intact"], answer["problem"]) == (5, False, "cut")
    # The first entry missing is the one after the newest here (the sign-ins since the cut follow it).
    assert (answer["first_bad_entry"], answer["acknowledged_seq"], answer["acknowledged_source"]) == (
        answer["last_entry"] + 1,
        acknowledged,
        "server",
    )
    code, text = _verify_text(folder)
    assert code == 5
    assert f"but the central server acknowledged entries up to {acknowledged}: the newest entries were cut" in text
    code, text = _verify_text(folder, lang="zh_CN")
    assert code == 5 and f"但中央服务器已确认到第 {acknowledged} 条：最新的记录被删去了" in text

    # The desk works on: its new entries follow the cut, not the acknowledged chain; the server refuses them.
    desk = signed_in_desk(folder)
    points.earn_from_slip(desk, card.member_no, "10.00", "S-20")
    for _ in range(2):  # every round sends them again; one break is one review item
        refused = sync.sync_once(desk)
        assert refused.audit_refused_at is not None and refused.audit_refused_at <= acknowledged
    assert server.scalar("SELECT seq FROM audit_heads") == acknowledged
    items = server.rows("SELECT kind, details FROM review_items WHERE kind = 'audit_break'")
    assert len(items) == 1
    details = json.loads(items[0].details)
    assert (details["problem"], details["acknowledged_seq"]) == ("fork", acknowledged)
    # The review item reaches the counters, in the clerk's words.
    lines = [line for line in sync.review_list(desk) if line.kind == "audit_break"]
    assert len(lines) == 1 and "cut or rewritten" in lines[0].details
    desk.close()


def test_an_entry_rewritten_with_the_key_at_the_acknowledged_seq_is_named(server, tmp_path):
    folder = tmp_path / "desk"
    desk, _, report = _busy_desk(folder, server)
    acknowledged = report.audit_acknowledged
    desk.close()
    stolen = _stolen_keys(folder)
    # Rewrite the newest acknowledged entry with the key: chain and head whole again, digest another.
    from counter_app.domain.audit import digest as chain_digest

    with _db(folder) as db:
        db.row_factory = sqlite3.Row
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        db.execute("DELETE FROM audit_log WHERE seq > ?", (acknowledged,))
        row = dict(db.execute("SELECT * FROM audit_log WHERE seq = ?", (acknowledged,)).fetchone())
        previous = db.execute("SELECT digest FROM audit_log WHERE seq = ?", (acknowledged - 1,)).fetchone()[0]
        row["details"] = "nothing happened"
        new = chain_digest(stolen.audit, previous, {k: v for k, v in row.items() if k != "digest"})
        db.execute("UPDATE audit_log SET details = ?, digest = ? WHERE seq = ?", (row["details"], new, acknowledged))
        db.execute(
            "UPDATE store_meta SET value = ? WHERE key = 'audit_head'",
            (f"{acknowledged}:{new}:{head_seal(stolen.anchor, acknowledged, new)}",),
        )
    code, answer = _verify(folder)
    assert (code, answer["problem"], answer["first_bad_entry"]) == (5, "rewritten", acknowledged)


def test_forged_audit_pushes_that_break_the_chain_are_refused_at_the_server(server, tmp_path):
    folder = tmp_path / "desk"
    desk, _, report = _busy_desk(folder, server)
    acknowledged = report.audit_acknowledged
    client = _token_client(desk, server)
    links = _links(folder)
    tip = links[acknowledged - 1]
    stored = server.scalar("SELECT count(*) FROM audit_links")
    forged = {
        # an entry after a gap: entries between are "lost"
        "gap": [tip.model_copy(update={"seq": acknowledged + 2, "prev": tip.digest, "digest": "a" * 64})],
        # the next entry, but chained to something else
        "broken_link": [tip.model_copy(update={"seq": acknowledged + 1, "prev": "b" * 64, "digest": "c" * 64})],
        # the acknowledged tip again, with another digest: a rewritten history
        "fork": [tip.model_copy(update={"digest": "d" * 64})],
    }
    for code, push in forged.items():
        answer = client.push_audit(push)
        assert (answer.status, answer.code, answer.head.seq) == ("refused", code, acknowledged), code
        assert answer.review_id is not None
    assert server.scalar("SELECT count(*) FROM audit_links") == stored
    assert server.scalar("SELECT seq FROM audit_heads") == acknowledged
    kinds = [
        json.loads(row.details)["problem"]
        for row in server.rows("SELECT details FROM review_items WHERE kind = 'audit_break' ORDER BY id")
    ]
    assert kinds == ["gap", "broken_link", "fork"]
    # A push that is partly good and then breaks keeps nothing: one transaction.
    good = links[acknowledged:] if len(links) > acknowledged else []
    mixed = [*good, tip.model_copy(update={"seq": len(links) + 5, "digest": "e" * 64})]
    assert client.push_audit(mixed).status == "refused"
    assert server.scalar("SELECT count(*) FROM audit_links") == stored
    # Without a token nothing is taken at all.
    anonymous = SyncClient(server.url)
    with pytest.raises(Exception, match="device token"):
        anonymous.push_audit([links[0]])
    client.close()
    anonymous.close()
    desk.close()


def test_a_replayed_or_duplicated_audit_push_changes_nothing(server, tmp_path):
    folder = tmp_path / "desk"
    desk, card, report = _busy_desk(folder, server)
    acknowledged = report.audit_acknowledged
    client = _token_client(desk, server)
    links = _links(folder)[:acknowledged]
    before = (
        server.scalar("SELECT count(*) FROM audit_links"),
        server.scalar("SELECT acknowledged_at FROM audit_heads"),
    )
    for replay in (links, links[-2:], links[:1]):
        answer = client.push_audit(replay)
        assert (answer.status, answer.head.seq) == ("acknowledged", acknowledged)
    assert (
        server.scalar("SELECT count(*) FROM audit_links"),
        server.scalar("SELECT acknowledged_at FROM audit_heads"),
    ) == before
    # Old and new together (the answer to the last push was lost): the new ones are taken once.
    points.earn_from_slip(desk, card.member_no, "20.00", "S-30")
    everything = _links(folder)
    answer = client.push_audit(everything[acknowledged - 2 :])
    assert (answer.status, answer.head.seq) == ("acknowledged", len(everything))
    assert client.push_audit(everything[acknowledged - 2 :]).head.seq == len(everything)
    assert server.scalar("SELECT count(*) FROM audit_links") == len(everything)
    assert server.scalar("SELECT count(*) FROM review_items WHERE kind = 'audit_break'") == 0
    # The desk's own round after that: nothing left to send, still intact against the server.
    sync.sync_once(desk)
    code, answer = _verify(folder)
    assert code == 0 and answer["intact"] is True
    client.close()
    desk.close()


def test_offline_verify_checks_here_and_names_the_last_acknowledged_head(server, tmp_path):
    folder = tmp_path / "desk"
    desk, _, report = _busy_desk(folder, server)
    desk.close()
    server.stop()
    code, answer = _verify(folder)
    assert code == 0 and answer["intact"] is True
    assert (answer["acknowledged_source"], answer["acknowledged_seq"]) == ("local", report.audit_acknowledged)
    code, text = _verify_text(folder)
    assert code == 0 and f"The last head it acknowledged, as known here: entry {report.audit_acknowledged}" in text
    code, text = _verify_text(folder, lang="zh_CN")
    assert code == 0 and f"本机所知服务器最后确认的是第 {report.audit_acknowledged} 条" in text
    # The record itself moved back without the key: named, not believed.
    with _db(folder) as db:
        value = db.execute("SELECT value FROM store_meta WHERE key = 'audit_acknowledged'").fetchone()[0]
        rest = value.split(":", 2)[2]
        db.execute(
            "UPDATE store_meta SET value = ? WHERE key = 'audit_acknowledged'",
            (f"1:{_entries(folder)[0][1]}:{rest}",),
        )
    code, answer = _verify(folder)
    assert (code, answer["problem"]) == (5, "acknowledged_forged")


def test_an_older_copy_of_the_data_folder_put_back_is_caught_by_the_server(server, tmp_path):
    """No key needed: a copy taken earlier has a head and an acknowledged head sealed by the desk itself.
    Before: verify said intact. Now: the server acknowledged more than the copy holds."""
    folder = tmp_path / "desk"
    desk, card, _ = _busy_desk(folder, server)
    desk.close()
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    desk = signed_in_desk(folder)
    for slip in range(40, 44):
        points.earn_from_slip(desk, card.member_no, "300.00", f"S-{slip}")
    later = sync.sync_once(desk).audit_acknowledged
    desk.close()
    shutil.rmtree(folder)
    shutil.copytree(copy, folder)
    code, answer = _verify(folder)
    assert (code, answer["problem"], answer["acknowledged_seq"]) == (5, "cut", later)
    code, answer = _verify(folder, "--offline")
    assert code == 0 and answer["intact"] is True  # the folder alone cannot know


# --- a store from before the keyed head ---------------------------------------------------------------


def _as_before_0017(folder: Path, head: str) -> None:
    """The store as a desk of before the keyed head left it: head "seq:digest", schema migrated down to the
    revision before the keyed head's (looked up, not named: migrations are renumbered when branches merge)."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.script import ScriptDirectory

    from counter_app.db.store import _alembic_config

    config = _alembic_config()
    script = ScriptDirectory.from_config(config)
    keyed = next(rev for rev in script.walk_revisions() if str(rev.path).endswith("_keyed_audit_head.py"))
    engine = sa.create_engine(f"sqlite:///{folder / STORE_FILE}")
    with engine.begin() as connection:
        config.attributes.update(connection=connection)
        command.downgrade(config, str(keyed.down_revision))
    engine.dispose()
    with _db(folder) as db:
        db.execute("UPDATE store_meta SET value = ? WHERE key = 'audit_head'", (head,))


def test_an_upgraded_store_gets_its_untouched_head_keyed(tmp_path):
    folder = tmp_path / "desk"
    signed_in_desk(folder).close()
    seq, digest = _entries(folder)[-1]
    _as_before_0017(folder, f"{seq}:{digest}")
    code, answer = _verify(folder)
    assert code == 0 and answer["intact"] is True and answer["acknowledged_source"] is None
    stored = _meta(folder, "audit_head")
    assert stored is not None and stored.count(":") == 2


def test_an_upgraded_store_whose_old_head_was_already_moved_back_is_named(tmp_path):
    """A tail cut before the upgrade (head "seq:digest" copied from the new last entry, which nothing could
    tell before): the upgrade keys only a head naming the newest entry, so this one stays unkeyed and named."""
    folder = tmp_path / "desk"
    desk = signed_in_desk(folder)
    members.register_member(desk, form(phone="13800138000", name="张伟"))
    members.register_member(desk, form(phone="13900139000", name="李娜"))
    desk.close()
    entries = _entries(folder)
    seq, digest = entries[-2]
    _as_before_0017(folder, f"{seq}:{digest}")  # names an older entry than the newest: moved back
    code, answer = _verify(folder)
    assert (code, answer["problem"]) == (5, "head_forged")


def test_a_cut_tail_is_not_laundered_by_the_next_entry(tmp_path):
    """Before: deleting the newest entries with the head left alone was seen only until the desk wrote again;
    the next entry (every command's sign-in is one) re-sealed the head over the cut and verify said intact."""
    folder = tmp_path / "desk"
    desk = signed_in_desk(folder)
    members.register_member(desk, form(phone="13800138000", name="张伟"))
    members.register_member(desk, form(phone="13900139000", name="李娜"))
    desk.close()
    last = _entries(folder)[-1][0]
    _cut_tail(folder, 2)
    code, answer = _verify(folder)  # signs in first: an entry after the cut
    assert (code, answer["problem"], answer["first_bad_entry"]) == (5, "deleted", last - 1)
    assert _entries(folder)[-1][0] > last - 2  # the desk did write on, and the finding is sealed in its chain
    with _db(folder) as db:
        found = db.execute("SELECT action, outcome FROM audit_log WHERE seq = ?", (last - 1,)).fetchone()
    assert found == ("audit.head_mismatch", "found")
