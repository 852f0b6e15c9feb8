"""`counter-server`: serve the central server, or hand out an enrolment code, load rules and catalog."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import sys
from pathlib import Path

import platformdirs
import uvicorn
from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError

from counter_app.domain.errors import DeskError
from counter_app.domain.members import normalize_name
from counter_app.domain.staff import ROLES, check_pin
from counter_app.paths import make_owner_only_folder
from sync.server import personal
from sync.server.app import DeviceRow, create_app, list_devices, new_enroll_code, revoke_device
from sync.server.jobs import DailyExpiry, run_expiry
from sync.server.publish import PublishError, publish_catalog, publish_rules
from sync.server.staff import StaffCommandError, StaffRow, add_account, clean_staff_id, list_accounts, set_active
from sync.server.store import ServerStore, get_meta

DEFAULT_PORT = 8700


def data_dir() -> Path:
    override = os.environ.get("COUNTER_SERVER_DATA_DIR")
    return Path(override).expanduser() if override else Path(platformdirs.user_data_dir("counter-server", "MemberDesk"))


def database_url(args: argparse.Namespace) -> str:
    if args.db:
        return str(args.db)
    folder = Path(args.data_dir) if args.data_dir else data_dir()
    make_owner_only_folder(folder)  # the server's database and key: owner-only, whatever the umask
    return f"sqlite:///{folder / 'server.db'}"


WORKER_DB_ENV = "COUNTER_SERVER_WORKER_DB"
TRUSTED_PROXY_ENV = "COUNTER_SERVER_TRUSTED_PROXY"  # comma-separated, as --trusted-proxy; also how workers learn it


def trusted_proxies(args: argparse.Namespace) -> list[str]:
    if args.trusted_proxy:
        return [address.strip() for address in args.trusted_proxy if address.strip()]
    return trusted_proxies_from_env()


def worker_app() -> FastAPI:
    """One of several server processes (`--workers N`): its own engine, its own expiry thread (the
    expiry job is idempotent and serialised by the feed head)."""
    key_file = os.environ.get(personal.KEY_FILE_ENV)
    store = ServerStore(os.environ[WORKER_DB_ENV], upgrade=False, key_file=Path(key_file) if key_file else None)
    DailyExpiry(store).start()
    return create_app(store, trusted_proxies=trusted_proxies_from_env())


def trusted_proxies_from_env() -> list[str]:
    return [address.strip() for address in os.environ.get(TRUSTED_PROXY_ENV, "").split(",") if address.strip()]


def device_line(row: DeviceRow) -> str:
    state = f"revoked {row.revoked_at}" if row.revoked else "active"
    return (
        f"{row.device_id}  #{row.counter_no}  {row.store}  {row.counter_uid}  {row.counter_name or '-'}  "
        f"enrolled {row.enrolled_at}  last seen {row.last_seen_at or 'never'}  {state}"
    )


def device_json(row: DeviceRow) -> dict[str, object]:
    return {
        "id": row.device_id,
        "store": row.store,
        "counter_uid": row.counter_uid,
        "name": row.counter_name,
        "counter_no": row.counter_no,
        "enrolled_at": row.enrolled_at,
        "last_seen_at": row.last_seen_at,
        "revoked": row.revoked,
        "revoked_at": row.revoked_at,
    }


def device_command(store: ServerStore, args: argparse.Namespace) -> int:
    if args.device_command == "list":
        rows = list_devices(store)
        if args.json:
            print(json.dumps([device_json(row) for row in rows], ensure_ascii=False))
        else:
            for row in rows:
                print(device_line(row))
        return 0
    revoked = revoke_device(store, args.id.strip())
    if revoked is None:
        print(f"counter-server: no device {args.id!r}; `counter-server device list` shows them.", file=sys.stderr)
        return 4
    print(json.dumps(device_json(revoked), ensure_ascii=False) if args.json else device_line(revoked))
    return 0


PIN_ENV = "COUNTER_PIN"  # as at the counter: never a PIN on the command line


def staff_line(row: StaffRow) -> str:
    where = row.store if row.store is not None else "chain-wide"
    state = "active" if row.active else "disabled"
    return f"{row.staff_id}  {row.name}  {row.role}  {where}  {state}  updated {row.updated_at} by {row.updated_by}"


def staff_json(row: StaffRow) -> dict[str, object]:
    return {
        "staff_id": row.staff_id,
        "name": row.name,
        "role": row.role,
        "store": row.store,
        "chain_wide": row.store is None,
        "active": row.active,
        "updated_at": row.updated_at,
        "updated_by": row.updated_by,
    }


def _new_pin() -> str:
    pin = os.environ.get(PIN_ENV)
    if pin is None:
        if not sys.stdin.isatty():
            raise StaffCommandError(f"Give the new account's PIN in {PIN_ENV} (or run this at a terminal).", 2)
        pin = getpass.getpass("PIN for the new account: ")
    try:
        return check_pin(pin)
    except DeskError as error:
        raise StaffCommandError(error.message("en"), 2) from None


def staff_command(store: ServerStore, args: argparse.Namespace) -> int:
    try:
        if args.staff_command == "list":
            rows = list_accounts(store, args.store.strip() if args.store else None)
            if args.json:
                print(json.dumps([staff_json(row) for row in rows], ensure_ascii=False))
            else:
                for row in rows:
                    print(staff_line(row))
            return 0
        staff_id = clean_staff_id(args.id)
        if args.staff_command == "add":
            from argon2 import PasswordHasher  # loaded only here: it is for this command alone

            store_name = None if args.chain_wide else (args.store or "").strip()
            if store_name is not None and not 1 <= len(store_name) <= 40:
                raise StaffCommandError("Give the account's store (--store, 1 to 40 characters) or --chain-wide.", 2)
            try:
                name = normalize_name(args.name)
            except DeskError as error:
                raise StaffCommandError(f"--name: {error.message('en')}", 2) from None
            row = add_account(store, staff_id, name, args.role, PasswordHasher().hash(_new_pin()), store_name)
        else:
            scope = "" if args.chain_wide else (args.store.strip() if args.store else None)
            row = set_active(store, staff_id, args.staff_command == "enable", scope)
    except StaffCommandError as error:
        print(f"counter-server: {error}", file=sys.stderr)
        return error.exit_code
    print(json.dumps(staff_json(row), ensure_ascii=False) if args.json else staff_line(row))
    return 0


def key_file(args: argparse.Namespace) -> Path | None:
    """--key-file; else, with --data-dir, server.key there; else the store's default (beside server.db)."""
    if args.key_file:
        return Path(args.key_file).expanduser()
    if args.data_dir and not args.db:
        return Path(args.data_dir) / personal.KEY_FILE
    return None


def key_command(args: argparse.Namespace) -> int:
    """Back the key up, or put a backup back; neither needs the key to be where the server looks for it."""
    store = ServerStore(database_url(args), upgrade=False, key_file=key_file(args))
    try:
        with store.read() as connection:
            expected = get_meta(connection, personal.FINGERPRINT_META)
    except SQLAlchemyError as error:
        print(f"counter-server: cannot read the database: {error}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if expected is None:
        print(
            "counter-server: this database has no key yet; start the server once, then back the key up.",
            file=sys.stderr,
        )
        return 4
    target = Path(args.file).expanduser()
    if args.key_command == "backup":
        master = personal.read_key_file(store.key_file)
        if personal.fingerprint_of(master) != expected:
            print(
                f"counter-server: {store.key_file} is not this database's key (it needs {expected}).", file=sys.stderr
            )
            return 5
        try:
            personal.write_key_file(target, master, exclusive=True)
        except FileExistsError:
            print(f"counter-server: {target} exists already; choose a new file name for the backup.", file=sys.stderr)
            return 2
        print(
            f"key {expected} written to {target}. Keep it offline, apart from the database's backups: "
            "with it and a copy of the database anyone can read the members' phone and ID numbers."
        )
        return 0
    master = personal.read_key_file(target)
    if personal.fingerprint_of(master) != expected:
        print(
            f"counter-server: that key belongs to another database (fingerprint {personal.fingerprint_of(master)}, "
            f"this one needs {expected}); nothing was changed.",
            file=sys.stderr,
        )
        return 5
    personal.write_key_file(store.key_file, master)
    print(f"key {expected} restored to {store.key_file}; the server can start again.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="counter-server", description="The member service desk's central server.")
    parser.add_argument(
        "--db", help="SQLAlchemy URL, e.g. postgresql+psycopg://user:pass@host/db (default: SQLite in the data folder)"
    )
    parser.add_argument(
        "--data-dir", help="folder for the SQLite database (default: COUNTER_SERVER_DATA_DIR or the user data folder)"
    )
    parser.add_argument(
        "--key-file",
        help=f"the key that seals phone and ID numbers (default: server.key beside server.db, or in the data folder; env {personal.KEY_FILE_ENV})",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (PostgreSQL: one per core or two; SQLite has one writer, so more rarely help). The rate limits apply per process.",
    )
    parser.add_argument(
        "--trusted-proxy",
        action="append",
        metavar="ADDRESS",
        help=f"a reverse proxy's address whose X-Forwarded-For is believed for the rate limits (repeatable; env {TRUSTED_PROXY_ENV}, comma-separated). Without one, the peer's own address counts.",
    )
    commands = parser.add_subparsers(dest="command")
    code = commands.add_parser("enroll-code", help="print a one-time enrolment code for a counter of STORE")
    code.add_argument("--store", required=True)
    rules = commands.add_parser("rules", help="publish a rules.toml to every counter")
    rules.add_argument("file")
    expire = commands.add_parser("expire", help="expire lapsed points now (the server also does it at start and daily)")
    expire.add_argument("--today", help="YYYY-MM-DD: expire as on this day (default: today)")
    catalog = commands.add_parser("catalog", help="publish the gift catalog and coupon kinds (JSON) to every counter")
    catalog.add_argument("file")
    device = commands.add_parser("device", help="the enrolled counters: list them, revoke one")
    device_commands = device.add_subparsers(dest="device_command", required=True)
    listing = device_commands.add_parser("list", help="every device: id, store, counter, enrolled, last seen, revoked")
    listing.add_argument("--json", action="store_true")
    revoke = device_commands.add_parser("revoke", help="withdraw a device: its token stops working at once")
    revoke.add_argument("id", help="the device id, as `device list` shows it")
    revoke.add_argument("--json", action="store_true")
    staff = commands.add_parser("staff", help="staff accounts the counters share: add, list, disable, enable")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    add = staff_commands.add_parser(
        "add", help=f"a new account of a store, or a chain-wide one (head office); its PIN from {PIN_ENV} or a prompt"
    )
    add.add_argument("id", help="the staff ID, e.g. S012")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=ROLES)
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--store", help="the store whose counters the account works at")
    where.add_argument("--chain-wide", action="store_true", help="an account for every store's counters")
    add.add_argument("--json", action="store_true")
    listing = staff_commands.add_parser("list", help="every account: ID, name, role, store, active or disabled")
    listing.add_argument("--store", help="only this store's accounts")
    listing.add_argument("--json", action="store_true")
    for verb, text in (
        ("disable", "the account can no longer sign in or act at any counter, from each counter's next pull"),
        ("enable", "the account works again"),
    ):
        change = staff_commands.add_parser(verb, help=text)
        change.add_argument("id", help="the staff ID, as `staff list` shows it")
        which = change.add_mutually_exclusive_group()
        which.add_argument("--store", help="which store's account, when several stores use the ID")
        which.add_argument("--chain-wide", action="store_true", help="the chain-wide account of that ID")
        change.add_argument("--json", action="store_true")
    key = commands.add_parser("key", help="back up or restore the key that seals the members' phone and ID numbers")
    key_commands = key.add_subparsers(dest="key_command", required=True)
    backup = key_commands.add_parser("backup", help="write the key to a new file (0600; keep it offline, in a safe)")
    backup.add_argument("--out", dest="file", required=True, metavar="FILE")
    restore = key_commands.add_parser("restore", help="put a backed-up key back where the server looks for it")
    restore.add_argument("file", metavar="FILE")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # migrations are quiet unless something is wrong

    if args.command == "key":
        try:
            return key_command(args)
        except (personal.KeyProblem, OSError) as error:
            print(f"counter-server: {error}", file=sys.stderr)
            return 2
    try:
        store = ServerStore(database_url(args), key_file=key_file(args))
    except personal.KeyProblem as error:
        print(f"counter-server: {error}", file=sys.stderr)
        return 2
    except (SQLAlchemyError, OSError) as error:
        print(f"counter-server: cannot open the database: {error}", file=sys.stderr)
        return 2
    try:
        if args.command == "enroll-code":
            store_name = args.store.strip()
            if not 1 <= len(store_name) <= 40:
                print("counter-server: the store name needs 1 to 40 characters.", file=sys.stderr)
                return 2
            print(new_enroll_code(store, store_name))
            return 0
        if args.command == "device":
            return device_command(store, args)
        if args.command == "staff":
            return staff_command(store, args)
        if args.command == "expire":
            try:
                today = dt.date.fromisoformat(args.today) if args.today else None
            except ValueError:
                print("counter-server: --today takes a date as YYYY-MM-DD.", file=sys.stderr)
                return 2
            print(f"{run_expiry(store, today)} lots expired")
            return 0
        if args.command in ("rules", "catalog"):
            try:
                text = Path(args.file).read_text(encoding="utf-8")
                seq = (
                    publish_rules(store, text) if args.command == "rules" else publish_catalog(store, json.loads(text))
                )
            except (OSError, UnicodeDecodeError, ValueError, PublishError) as error:
                print(f"counter-server: {args.file}: {error}", file=sys.stderr)
                return 2
            print(f"published as change {seq}")
            return 0
        if not 1 <= args.workers <= 64:
            print("counter-server: --workers takes 1 to 64.", file=sys.stderr)
            return 2
        if args.workers == 1:
            DailyExpiry(store).start()
            # proxy_headers off: uvicorn would otherwise take X-Forwarded-For from any local peer as the
            # client's address, and a spoofed header would escape the enrolment rate limit.
            uvicorn.run(
                create_app(store, trusted_proxies=trusted_proxies(args)),
                host=args.host,
                port=args.port,
                log_level="info",
                proxy_headers=False,
            )
        else:
            # Each worker process opens the database itself; the schema was brought up to date above, once.
            os.environ[WORKER_DB_ENV] = database_url(args)
            os.environ[personal.KEY_FILE_ENV] = str(store.key_file)
            os.environ[TRUSTED_PROXY_ENV] = ",".join(trusted_proxies(args))
            uvicorn.run(
                "sync.server.cli:worker_app",
                factory=True,
                host=args.host,
                port=args.port,
                workers=args.workers,
                log_level="info",
                proxy_headers=False,
            )
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
