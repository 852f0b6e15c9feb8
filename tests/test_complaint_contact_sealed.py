"""A walk-in customer's complaint contact, tried as an attacker would: the feed read with another counter's device
token, that counter's store and data folder, server.db's rows and bytes, a server upgraded from before s0013.

Before: the contact went into the server's complaint_events and every counter's feed in clear, and every counter
of the chain kept it (sealed under its own key: a copied data folder with its desk.key opened it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from counter_app.db import complaints as complaint_rows
from counter_app.db.sealing import unseal
from counter_app.domain import receipts as templates
from counter_app.services import complaints, printing, sync
from sync.client import SyncClient
from sync.protocol import Op, OpResult
from sync.server.personal import opened_contact
from sync.server.store import ServerStore
from tests.conftest import NOW, ROOT, cli_main
from tests.sync_harness import Server, database_for, enrolled_counter, server  # noqa: F401
from tests.test_server_personal_data import device_token, whole_feed

CONTACT, MASKED = "13900139000", "139****9000"


def _receipt_text(desk, ticket: str) -> str:
    with desk.store.read() as connection:
        receipt = printing.build_receipt(desk, connection, ticket, "en")
    return "\n".join(templates.plain_text(templates.lay_out(receipt, 48)))


def _every_byte(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file())


def test_a_walk_in_contact_reaches_no_other_counter_and_the_server_keeps_it_sealed(server, tmp_path):
    east = enrolled_counter(tmp_path / "east", server)
    west = enrolled_counter(tmp_path / "west", server)
    try:
        taken = complaints.open_complaint(
            east, None, "quality", "衣服开线", "high", walk_in_name="王女士", contact="139 0013 9000"
        )
        assert sync.sync_once(east).rejected == 0
        sync.sync_once(west)
        ticket = taken.ticket_no
        # The raw feed, with west's device token: the masked contact only, nowhere the number.
        feed = whole_feed(server, device_token(west))
        assert CONTACT not in json.dumps(feed, ensure_ascii=False)
        [opening] = [c["data"] for c in feed if c["kind"] == "complaint" and c["data"]["kind"] == "opened"]
        assert opening["data"]["contact_masked"] == MASKED and "contact" not in opening["data"]
        # West shows the masked contact (detail, list, receipt) and holds nothing more: no clear, no sealed copy.
        assert complaints.show_complaint(west, ticket).contact == MASKED
        assert [c.contact for c in complaints.list_complaints(west)] == [MASKED]
        west_receipt = _receipt_text(west, ticket)
        assert MASKED in west_receipt and CONTACT not in west_receipt
        with west.store.read() as connection:
            cached = connection.exec_driver_sql("SELECT contact_sealed, contact_masked FROM complaints").one()
            payloads = [row[0] for row in connection.exec_driver_sql("SELECT payload FROM complaint_events")]
        assert tuple(cached) == (None, MASKED)
        assert all("contact_sealed" not in payload and CONTACT not in payload for payload in payloads)
        # East took it: it keeps its own sealed contact, opens it, and shows and prints it as before (masked).
        assert complaints.show_complaint(east, ticket).contact == MASKED
        east_receipt = _receipt_text(east, ticket)
        assert MASKED in east_receipt and CONTACT not in east_receipt
        with east.store.read() as connection:
            sealed = connection.exec_driver_sql("SELECT complaint_uid, contact_sealed FROM complaints").one()
        assert unseal(east.store.keys, sealed[1], complaint_rows.contact_context(sealed[0])) == CONTACT
        # The server: the contact sealed under its key, bound to the complaint; no row or feed entry holds it.
        rows = server.rows("SELECT * FROM complaint_events")
        dumped = json.dumps([[str(value) for value in row] for row in rows], ensure_ascii=False)
        dumped += json.dumps([str(row) for row in server.rows("SELECT data FROM change_log")], ensure_ascii=False)
        assert CONTACT not in dumped
        [opened] = [row for row in rows if row.kind == "opened"]
        assert json.loads(opened.data)["contact_masked"] == MASKED and "contact" not in json.loads(opened.data)
        store = ServerStore(server.db_url, upgrade=False, key_file=server.key_file)
        try:
            assert opened_contact(store.keys, opened) == CONTACT
        finally:
            store.close()
    finally:
        east.close()
        west.close()
    # West's CLI says the same, masked; and west's whole data folder, copied, holds no number.
    shown = cli_main("complaint", "show", ticket, "--json", data_dir=tmp_path / "west")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["contact"] == MASKED and CONTACT not in shown.stdout
    assert CONTACT.encode() not in _every_byte(tmp_path / "west")
    if server.db_url.startswith("sqlite"):
        server.stop()  # every byte on disk, the WAL as it was
        for path in Path(server.folder).glob("server.db*"):
            assert CONTACT.encode() not in path.read_bytes(), path


def test_a_forged_contact_is_still_refused_and_a_pushed_mask_is_not_taken(server, tmp_path):
    """The protocol's pattern still holds the contact; data the server writes itself (contact_masked) is not
    taken from a counter."""
    east = enrolled_counter(tmp_path / "east", server)
    try:
        opened = {
            "ticket_no": "C-20261123-0001-901",
            "category": "quality",
            "severity": "normal",
            "description": "x",
            "due_at": "2026-11-24T10:00:00+08:00",
        }

        assert sync.sync_once(east).rejected == 0  # east's accounts reach the server, which checks who sends
        client = SyncClient(server.url, device_token(east))

        def push(data: dict) -> OpResult:
            payload = {
                "complaint_uid": str(uuid.uuid4()),
                "kind": "opened",
                "at": NOW.isoformat(),
                "staff_id": "ADMIN",
                "counter_uid": east.counter_uid,
                "data": data,
            }
            op = Op(op_id=str(uuid.uuid4()), seq=900, type="complaint.event", at=NOW, payload=payload, staff_id="ADMIN")
            [result] = client.push([op]).results
            return result

        refused = push({**opened, "contact": "13900139000abc"})
        assert (
            refused.status == "rejected" and refused.code == "malformed" and refused.params["field"] == "data.contact"
        )
        taken = push({**opened, "ticket_no": "C-20261123-0001-902", "contact_masked": "real-looking"})
        assert taken.status == "applied", taken
        [data] = [json.loads(row[0]) for row in server.rows("SELECT data FROM complaint_events")]
        assert "contact_masked" not in data and "contact" not in data
    finally:
        east.close()


def test_the_upgrade_seals_clear_contacts_and_rewrites_the_feed(tmp_path, request):
    """A server database at s0012 with a walk-in's contact in clear (its event and its feed entry), upgraded; a
    counter enrolled after pulls the rewritten feed from the start."""
    for backend in ("sqlite", "postgresql"):
        folder = tmp_path / backend
        url, drop = database_for(backend, folder)
        request.addfinalizer(drop)
        key_file = folder / "server.key"
        complaint_uid = _server_at_s0012_with_a_clear_contact(url, key_file)
        store = ServerStore(url, key_file=key_file)
        try:
            with store.read() as connection:
                [event] = connection.execute(text("SELECT * FROM complaint_events")).all()
                feed = "".join(row[0] for row in connection.execute(text("SELECT data FROM change_log")))
            assert CONTACT not in event.data and json.loads(event.data)["contact_masked"] == MASKED
            assert opened_contact(store.keys, event) == CONTACT and event.complaint_uid == complaint_uid
            assert CONTACT not in feed and MASKED in feed
        finally:
            store.close()
        if backend == "sqlite":
            for path in folder.glob("server.db*"):
                assert CONTACT.encode() not in path.read_bytes(), path
        running = Server(url, folder).start()
        try:
            west = enrolled_counter(folder / "west", running)
            try:
                sync.sync_once(west)
                assert complaints.show_complaint(west, "C-20261120-0001-001").contact == MASKED
            finally:
                west.close()
        finally:
            running.close()


def _server_at_s0012_with_a_clear_contact(url: str, key_file: Path) -> str:
    """Migrated to s0012 (with its key) in a child process, then filled as that server filled a walk-in's opening."""
    subprocess.run(
        [sys.executable, "-c", _S0012, url, str(key_file)], check=True, cwd=ROOT, capture_output=True, timeout=120
    )
    complaint_uid, event_id, pseudonym = str(uuid.uuid4()), str(uuid.uuid4()), str(uuid.uuid4())
    data = {
        "category": "quality",
        "contact": CONTACT,
        "counter_no": 1,
        "description": "衣服开线",
        "due_at": "2026-11-21T10:00:00+08:00",
        "severity": "high",
        "ticket_no": "C-20261120-0001-001",
        "walk_in_name": "王女士",
    }
    row = {
        "event_id": event_id,
        "complaint_uid": complaint_uid,
        "kind": "opened",
        "at": "2026-11-20T10:00:00+08:00",
        "staff_id": "ADMIN",
        "counter_uid": str(uuid.uuid4()),
        "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
        "received_at": "2026-11-20T10:00:01+00:00",
    }
    change = {**{key: row[key] for key in ("event_id", "complaint_uid", "kind", "at", "staff_id")}}
    change |= {"counter_uid": pseudonym, "data": data}
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO complaint_events (event_id, complaint_uid, kind, at, staff_id, counter_uid, data, "
                "received_at) VALUES (:event_id, :complaint_uid, :kind, :at, :staff_id, :counter_uid, :data, :received_at)"
            ),
            row,
        )
        connection.execute(
            text("INSERT INTO change_log (seq, kind, key, data) VALUES (1, 'complaint', :key, :data)"),
            {"key": event_id, "data": json.dumps(change, ensure_ascii=False, separators=(",", ":"))},
        )
        connection.execute(text("UPDATE feed_head SET seq = 1"))
    engine.dispose()
    return complaint_uid


# Alembic up to s0012 only, in a child process, with the server's key as counter-server hands it to s0012.
_S0012 = """
import sys
from pathlib import Path
from alembic import command
from alembic.config import Config
from sync.server.store import MIGRATIONS, ServerStore
store = ServerStore(sys.argv[1], upgrade=False, key_file=Path(sys.argv[2]))
config = Config()
config.set_main_option("script_location", str(MIGRATIONS))
with store.engine.begin() as connection:
    config.attributes["connection"] = connection
    config.attributes["server_keys"] = store.keys_for
    command.upgrade(config, "s0012")
store.close()
"""


def test_a_counter_upgraded_keeps_only_the_masked_contact_of_another_counters_walk_in(tmp_path):
    """Before 0018 a pulled walk-in's contact came in clear and was sealed here under this store's key (a copied
    data folder with its desk.key opened it); after, only its masked form stays. The counter's own walk-in keeps
    its sealed contact."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.script import ScriptDirectory

    from counter_app.db.store import _alembic_config
    from counter_app.domain.complaints import ComplaintEvent
    from tests.conftest import signed_in_desk

    folder = tmp_path / "west"
    west = signed_in_desk(folder)
    own = complaints.open_complaint(west, None, "price", "价签不符", walk_in_name="李先生", contact="13700137000")
    pulled_uid = str(uuid.uuid4())
    with west.store.write() as connection:  # as a counter of before 0018 kept what an old server's feed brought
        opening = {
            "category": "quality",
            "contact_sealed": complaint_rows.seal_contact(west.store.keys, pulled_uid, CONTACT),
            "counter_no": 2,
            "description": "衣服开线",
            "due_at": NOW.isoformat(),
            "severity": "high",
            "ticket_no": "C-20261123-0002-001",
            "walk_in_name": "王女士",
        }
        event = ComplaintEvent(str(uuid.uuid4()), pulled_uid, "opened", NOW, str(uuid.uuid4()), "ADMIN", opening)
        complaint_rows.insert_event(connection, event, pulled=True)
        complaint_rows.rebuild(connection, pulled_uid)
    west.close()
    config = _alembic_config()
    masked = next(
        rev
        for rev in ScriptDirectory.from_config(config).walk_revisions()
        if str(rev.path).endswith("_complaint_contact_masked.py")
    )
    engine = sa.create_engine(f"sqlite:///{folder / 'desk.sqlite3'}")
    with engine.begin() as connection:
        config.attributes.update(connection=connection)
        command.downgrade(config, str(masked.down_revision))
    engine.dispose()
    west = signed_in_desk(folder)  # opening the store upgrades it
    try:
        assert complaints.show_complaint(west, "C-20261123-0002-001").contact == MASKED
        assert complaints.show_complaint(west, own.ticket_no).contact == "137****7000"
        with west.store.read() as connection:
            rows = {
                row[0]: (row[1], row[2])
                for row in connection.exec_driver_sql(
                    "SELECT complaint_uid, contact_sealed, contact_masked FROM complaints"
                )
            }
            payload = connection.exec_driver_sql(
                "SELECT payload FROM complaint_events WHERE complaint_uid = ?", (pulled_uid,)
            ).scalar_one()
        assert rows[pulled_uid] == (None, MASKED)
        assert "contact_sealed" not in payload and json.loads(payload)["contact_masked"] == MASKED
        sealed_own = rows[own.complaint_uid][0]
        assert unseal(west.store.keys, sealed_own, complaint_rows.contact_context(own.complaint_uid)) == "13700137000"
    finally:
        west.close()
