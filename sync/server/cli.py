"""`counter-server`: serve the central server, or hand out an enrolment code, load rules and catalog."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path

import platformdirs
import uvicorn
from fastapi import FastAPI
from sqlalchemy.exc import SQLAlchemyError

from counter_app.paths import make_owner_only_folder
from sync.server.app import create_app, new_enroll_code
from sync.server.jobs import DailyExpiry, run_expiry
from sync.server.publish import PublishError, publish_catalog, publish_rules
from sync.server.store import ServerStore

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


def worker_app() -> FastAPI:
    """One of several server processes (`--workers N`): its own engine, its own expiry thread (the
    expiry job is idempotent and serialised by the feed head)."""
    store = ServerStore(os.environ[WORKER_DB_ENV], upgrade=False)
    DailyExpiry(store).start()
    return create_app(store)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="counter-server", description="The member service desk's central server.")
    parser.add_argument(
        "--db", help="SQLAlchemy URL, e.g. postgresql+psycopg://user:pass@host/db (default: SQLite in the data folder)"
    )
    parser.add_argument(
        "--data-dir", help="folder for the SQLite database (default: COUNTER_SERVER_DATA_DIR or the user data folder)"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes (PostgreSQL: one per core or two; SQLite has one writer, so more rarely help). The rate limits apply per process.",
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
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)  # migrations are quiet unless something is wrong

    try:
        store = ServerStore(database_url(args))
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
            uvicorn.run(create_app(store), host=args.host, port=args.port, log_level="info")
        else:
            # Each worker process opens the database itself; the schema was brought up to date above, once.
            os.environ[WORKER_DB_ENV] = database_url(args)
            uvicorn.run(
                "sync.server.cli:worker_app",
                factory=True,
                host=args.host,
                port=args.port,
                workers=args.workers,
                log_level="info",
            )
        return 0
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
