"""The HTTP face of the central server: enrolment, push, holds, change feed; every request authenticated."""

# No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations at run
# time, and those naming the `device` dependency defined inside create_app would not resolve.
import datetime as dt
import hashlib
import json
import logging
import secrets
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Connection, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.protocol import (
    API_PREFIX,
    MAX_BODY_BYTES,
    MAX_PAGE,
    PROTOCOL_VERSION,
    AuditAnswer,
    AuditHead,
    AuditPush,
    ChangesPage,
    CodeRequest,
    CodeResponse,
    EnrollRequest,
    EnrollResponse,
    HoldRequest,
    HoldResponse,
    PhoneIndexKey,
    PhoneIndexKeyRequest,
    Problem,
    PushRequest,
    PushResponse,
    RevealRequest,
    RevealResponse,
    ServerInfo,
)
from sync.server import personal
from sync.server.apply import Rejected, RetryLater, apply_ops, hold_points, resolve, retry_all
from sync.server.audit_anchor import acknowledged_head, receive_links
from sync.server.codes import Issuer
from sync.server.schema import change_log, devices, enroll_codes, feed_head
from sync.server.store import ServerStore, utc_now

log = logging.getLogger("counter_server")

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud over the phone
CODE_VALID = dt.timedelta(hours=24)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_enroll_code(store: ServerStore, store_name: str, now: dt.datetime | None = None) -> str:
    """A one-time code for one counter of STORE, valid for a day."""
    now = now or utc_now()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    with store.write() as connection:
        connection.execute(
            insert(enroll_codes).values(
                code_hash=token_hash(code),
                store=store_name,
                created_at=now.isoformat(),
                expires_at=(now + CODE_VALID).isoformat(),
            )
        )
    return f"{code[:4]}-{code[4:]}"


REVOKED = "This counter was revoked at the central server; ask head office to enrol it again."
SEEN_EVERY = dt.timedelta(minutes=1)  # a device's last-seen time is written at most this often


def peer_address(request: Request, trusted: frozenset[str]) -> str:
    """Who is asking, for the rate limit: the TCP peer; behind a trusted proxy, the right-most address in
    X-Forwarded-For that is not one of the trusted proxies (anything left of it the client could have written)."""
    peer = request.client.host if request.client else "?"
    if peer not in trusted:
        return peer
    hops = [hop.strip() for header in request.headers.getlist("x-forwarded-for") for hop in header.split(",")]
    for hop in reversed(hops):
        if hop and hop not in trusted:
            return hop
    return peer


def _enrol(
    connection: Connection, code: str, body: EnrollRequest, token: str, client: str, now: dt.datetime
) -> tuple[str, int, str]:
    """Bind COUNTER_UID to the code's store, or, for a retry of the same code by the same counter, issue it a
    fresh token (the one from the lost answer stops working). Returns device id, counter number, store."""
    row = connection.execute(select(enroll_codes).where(enroll_codes.c.code_hash == token_hash(code))).first()
    if row is None or dt.datetime.fromisoformat(row.expires_at) < now:
        raise HTTPException(
            403, "This enrolment code is wrong, used or expired; ask for a new one (counter-server enroll-code)."
        )
    known = connection.execute(select(devices).where(devices.c.counter_uid == body.counter_uid)).first()
    if row.used_by is not None:
        if known is not None and known.device_id == row.used_by and not known.revoked:
            # The same counter with the same code: its answer was lost on the way. Tokens are kept
            # hashed, so the first one cannot be sent again; a new one replaces it.
            connection.execute(
                update(devices).where(devices.c.device_id == known.device_id).values(token_hash=token_hash(token))
            )
            log.info(
                "enrolment retried by device %s (counter %s) from %s: new token",
                known.device_id,
                body.counter_uid,
                client,
            )
            return known.device_id, known.counter_no, known.store
        raise HTTPException(
            403, "This enrolment code is wrong, used or expired; ask for a new one (counter-server enroll-code)."
        )
    if known is not None and not known.revoked:
        # Counter uids are no secret (they travel with every member a counter registered): a code
        # for any store must not take over an enrolled counter, revoke its token and move it.
        log.warning(
            "enrolment refused: counter %s is already enrolled as device %s of store %s; a code for store %s was offered from %s",
            body.counter_uid,
            known.device_id,
            known.store,
            row.store,
            client,
        )
        raise HTTPException(
            409,
            "This counter is already enrolled with this server; it cannot be enrolled again with another code. "
            "If it must be, head office revokes it first (counter-server device revoke ID).",
        )
    if known is not None:
        # Revoked by the administrator, now enrolled again on a new code: a new token, same number.
        device_id, counter_no = known.device_id, known.counter_no
        connection.execute(
            update(devices)
            .where(devices.c.device_id == device_id)
            .values(token_hash=token_hash(token), revoked=False, revoked_at=None, store=row.store)
        )
    else:
        device_id = secrets.token_hex(8)
        counter_no = (connection.execute(select(func.max(devices.c.counter_no))).scalar() or 0) + 1
        if counter_no > 9999:
            raise HTTPException(409, "This server has 9,999 counters already; no more can be enrolled.")
        connection.execute(
            insert(devices).values(
                device_id=device_id,
                counter_uid=body.counter_uid,
                store=row.store,
                counter_name=body.counter_name,
                counter_no=counter_no,
                token_hash=token_hash(token),
                enrolled_at=now.isoformat(),
                revoked=False,
            )
        )
    connection.execute(update(enroll_codes).where(enroll_codes.c.code_hash == row.code_hash).values(used_by=device_id))
    log.info("device %s (counter %s) enrolled for store %s from %s", device_id, body.counter_uid, row.store, client)
    return device_id, counter_no, row.store


def _note_seen(store: ServerStore, device: Any) -> None:
    """Keep the device's last-seen time for the administrator, written at most once a minute."""
    now = utc_now()
    if device.last_seen_at and now - dt.datetime.fromisoformat(device.last_seen_at) < SEEN_EVERY:
        return
    try:
        with store.write_aside() as connection:
            if connection is not None:  # None: the writer is busy; a later request keeps the time
                connection.execute(
                    update(devices).where(devices.c.device_id == device.device_id).values(last_seen_at=now.isoformat())
                )
    except OperationalError as error:  # a busy database must not cost the counter its request
        log.info("last-seen time of device %s not kept: %s", device.device_id, error)


@dataclass(frozen=True)
class DeviceRow:
    device_id: str
    store: str
    counter_uid: str
    counter_name: str
    counter_no: int
    enrolled_at: str
    last_seen_at: str | None
    revoked_at: str | None
    revoked: bool


def list_devices(store: ServerStore) -> list[DeviceRow]:
    """Every enrolled counter, revoked ones too, by counter number."""
    with store.read() as connection:
        rows = connection.execute(select(devices).order_by(devices.c.counter_no)).all()
    return [
        DeviceRow(
            device_id=row.device_id,
            store=row.store,
            counter_uid=row.counter_uid,
            counter_name=row.counter_name,
            counter_no=row.counter_no,
            enrolled_at=row.enrolled_at,
            last_seen_at=row.last_seen_at,
            revoked_at=row.revoked_at,
            revoked=bool(row.revoked),
        )
        for row in rows
    ]


def revoke_device(store: ServerStore, device_id: str, now: dt.datetime | None = None) -> DeviceRow | None:
    """Withdraw a device: its token stops working at once and its next request hears why. None: no such device.
    Revoking twice keeps the first time."""
    now = now or utc_now()
    with store.write() as connection:
        connection.execute(
            update(devices)
            .where(devices.c.device_id == device_id, devices.c.revoked.is_(False))
            .values(revoked=True, revoked_at=now.isoformat())
        )
        found = connection.execute(select(devices.c.device_id).where(devices.c.device_id == device_id)).first()
    if found is None:
        return None
    log.warning("device %s revoked", device_id)
    return next(row for row in list_devices(store) if row.device_id == device_id)


class RateLimit:
    """A token bucket per client: bursts pass, a flood gets 429 with the seconds to wait."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def wait_for(self, key: str) -> float:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1:
                self._buckets[key] = (tokens - 1, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate


class BodyLimit:
    """ASGI middleware: a body over the limit is refused with 413 before it is read whole."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _problem(413, f"The request is larger than {self.limit} bytes; send fewer operations at a time.")(
                scope, receive, send
            )
            return
        seen = 0

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise _TooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _TooLarge:
            await _problem(413, f"The request is larger than {self.limit} bytes; send fewer operations at a time.")(
                scope, receive, send
            )


class _TooLarge(Exception):
    pass


def _problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def refuse_unstorable_text(body: BaseModel) -> None:
    """JSON can carry a NUL or a lone surrogate (\\u0000, \\ud800); UTF-8 and PostgreSQL text cannot, so say where."""
    where = _unstorable_at(body.model_dump(), "")
    if where is not None:
        raise HTTPException(
            400,
            f"The text at {where} contains a NUL character or a lone surrogate, which the server cannot store; remove it and send again.",
        )


def _unstorable_at(value: Any, where: str) -> str | None:
    if isinstance(value, str):
        return None if _storable(value) else where
    if isinstance(value, dict):
        for key, item in value.items():
            if not _storable(key):
                return f"a key of {where or 'the body'}"
            if (found := _unstorable_at(item, f"{where}.{key}" if where else key)) is not None:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            if (found := _unstorable_at(item, f"{where}.{index}")) is not None:
                return found
    return None


def _storable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: {"model": Problem} for status in (400, 401, 403, 404, 409, 413, 429, 503)
}


def create_app(
    store: ServerStore,
    name: str = "counter-server",
    rate: float = 200.0,
    burst: int = 400,
    trusted_proxies: Iterable[str] = (),
) -> FastAPI:
    """TRUSTED_PROXIES: the addresses of reverse proxies whose X-Forwarded-For is believed (none by default)."""
    app = FastAPI(title="Member service desk — central server", version=str(PROTOCOL_VERSION), responses=PROBLEMS)
    app.add_middleware(BodyLimit, limit=MAX_BODY_BYTES)
    limits = RateLimit(rate, burst)
    enrol_limits = RateLimit(0.5, 10)  # guessing codes is slow work
    trusted = frozenset(trusted_proxies)
    bearer = HTTPBearer(auto_error=False)
    issuer = Issuer(store)

    @app.exception_handler(HTTPException)
    async def _http_problem(request: Request, error: HTTPException) -> JSONResponse:
        return _problem(error.status_code, str(error.detail), getattr(error, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
        # FastAPI's own 422, but ASCII-escaped: it quotes the input, and a lone surrogate there has no UTF-8 form.
        return Response(
            json.dumps({"detail": jsonable_encoder(error.errors())}), status_code=422, media_type="application/json"
        )

    @app.exception_handler(OperationalError)
    async def _database_busy(request: Request, error: OperationalError) -> JSONResponse:
        log.warning("database unavailable: %s", error)
        return _problem(
            503, "The server's database is busy or unreachable; the counter will try again.", {"Retry-After": "2"}
        )

    def device(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> Any:
        if credentials is None or not credentials.credentials:
            raise HTTPException(
                401,
                "Sign the request with the device token from enrolment (Authorization: Bearer …).",
                {"WWW-Authenticate": "Bearer"},
            )
        with store.read() as connection:
            found = connection.execute(
                select(devices).where(devices.c.token_hash == token_hash(credentials.credentials))
            ).first()
        if found is None:
            raise HTTPException(
                401, "This device token is unknown or revoked; enrol the counter again.", {"WWW-Authenticate": "Bearer"}
            )
        if found.revoked:
            # 403, not 401: the token is the right one, the administrator has withdrawn the device.
            raise HTTPException(
                403,
                f"{REVOKED} (revoked at {found.revoked_at or 'an unknown time'})",
                {"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        _note_seen(store, found)
        wait = limits.wait_for(found.device_id)
        if wait:
            raise HTTPException(
                429,
                f"Too many requests from this counter; wait {wait:.1f} s.",
                {"Retry-After": str(max(1, round(wait)))},
            )
        return found

    @app.get(f"{API_PREFIX}/info", response_model=ServerInfo)
    def info() -> ServerInfo:
        return ServerInfo(name=name, server_time=utc_now(), code_key=issuer.public_key)

    @app.post(f"{API_PREFIX}/enroll", response_model=EnrollResponse)
    def enroll(body: EnrollRequest, request: Request) -> EnrollResponse:
        refuse_unstorable_text(body)
        client = peer_address(request, trusted)
        wait = enrol_limits.wait_for(client)
        if wait:
            raise HTTPException(
                429, f"Too many enrolment attempts; wait {wait:.0f} s.", {"Retry-After": str(max(1, round(wait)))}
            )
        now = utc_now()
        code = body.code.replace("-", "").replace(" ", "").upper()
        token = secrets.token_urlsafe(32)
        try:
            with store.write() as connection:
                device_id, counter_no, store_name = _enrol(connection, code, body, token, client, now)
        except IntegrityError:
            raise HTTPException(409, "Another counter enrolled at the same moment; try again.") from None
        return EnrollResponse(
            device_id=device_id,
            token=token,
            store=store_name,
            counter_no=counter_no,
            server_time=now,
            code_key=issuer.public_key,
            phone_index_key=personal.index_key_text(store.keys),
        )

    @app.post(f"{API_PREFIX}/phone-index-key", response_model=PhoneIndexKey)
    def phone_index_key(body: PhoneIndexKeyRequest, found: Annotated[Any, Depends(device)]) -> PhoneIndexKey:
        """For a counter enrolled before enrolment handed the key out."""
        return PhoneIndexKey(phone_index_key=personal.index_key_text(store.keys))

    @app.post(f"{API_PREFIX}/members/reveal", response_model=RevealResponse)
    def reveal(body: RevealRequest, found: Annotated[Any, Depends(device)]) -> RevealResponse:
        """ "Show full number" for a manager at a counter; every answer is recorded in `reveals`. STAFF_ID must be
        an active account of the counter's store (or chain-wide) that may see personal data; a refusal is logged."""
        from sync.server import staff as staff_accounts  # staff imports apply, as this module does

        with store.write() as connection:
            try:
                staff_accounts.check_revealer(connection, found, body.staff_id)
            except Rejected as refusal:
                log.warning(
                    "full numbers refused to %s at counter %s (%s): %s",
                    body.staff_id,
                    found.counter_no,
                    found.store,
                    refusal.code,
                )
                raise HTTPException(403, f"Full numbers refused: {refusal}") from None
            revealed = personal.reveal(connection, found, body, utc_now())
        if revealed is None:
            raise HTTPException(404, "The server has no such member yet; sync the counter, then ask again.")
        return revealed

    @app.post(f"{API_PREFIX}/codes", response_model=CodeResponse)
    def member_code(body: CodeRequest, found: Annotated[Any, Depends(device)]) -> CodeResponse:
        """What the member app gets at sign-in (a certificate for its key), or a card code to print."""
        with store.read() as connection:
            member_uid = resolve(connection, body.member_uid)
        if member_uid is None:
            raise HTTPException(404, "The server has no such member yet; sync the counter, then ask again.")
        if body.kind == "card":
            return CodeResponse(member_uid=member_uid, card=issuer.card(member_uid, utc_now().date()))
        if body.kind == "ticket":
            if body.event_uid is None:
                raise HTTPException(400, "A ticket needs the event's id.")
            return CodeResponse(member_uid=member_uid, ticket=issuer.ticket(body.event_uid, member_uid))
        if body.public_key is None:
            raise HTTPException(400, "A certificate needs the member device's public key.")
        try:
            certificate = issuer.certificate(member_uid, body.public_key, utc_now())
        except ValueError:
            raise HTTPException(400, "That public key is not an Ed25519 key.") from None
        return CodeResponse(member_uid=member_uid, certificate=certificate)

    @app.post(f"{API_PREFIX}/push", response_model=PushResponse)
    def push(body: PushRequest, found: Annotated[Any, Depends(device)]) -> PushResponse:
        ids = [op.op_id for op in body.ops]
        if len(set(ids)) != len(ids):
            raise HTTPException(400, "The same operation id appears twice in one push.")
        refuse_unstorable_text(body)
        now = utc_now()
        try:
            with store.write() as connection:
                results = apply_ops(connection, found, body.ops, now)
        except (RetryLater, OperationalError):
            results = retry_all(body.ops)
        return PushResponse(results=results, server_time=now)

    @app.post(f"{API_PREFIX}/audit", response_model=AuditAnswer)
    def audit_push(body: AuditPush, found: Annotated[Any, Depends(device)]) -> AuditAnswer:
        """The counter's audit entries not yet acknowledged: kept if they continue its chain, else refused."""
        refuse_unstorable_text(body)
        with store.write() as connection:
            return receive_links(connection, found, list(body.links), utc_now())

    @app.get(f"{API_PREFIX}/audit", response_model=AuditHead)
    def audit_head(found: Annotated[Any, Depends(device)]) -> AuditHead:
        with store.read() as connection:
            return acknowledged_head(connection, found.device_id)

    @app.post(f"{API_PREFIX}/holds", response_model=HoldResponse)
    def hold(body: HoldRequest, found: Annotated[Any, Depends(device)]) -> HoldResponse:
        with store.write() as connection:
            return hold_points(connection, found, body, utc_now())

    @app.get(f"{API_PREFIX}/changes", response_model=ChangesPage)
    def changes(
        request: Request,
        found: Annotated[Any, Depends(device)],
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> Response:  # the page as JSON text, spliced; response_model above documents it
        # FastAPI would quietly take the last of a repeated parameter; which cursor was meant is a guess.
        repeated = [name for name in ("after", "limit") if len(request.query_params.getlist(name)) > 1]
        if repeated:
            raise HTTPException(400, f"The request gives {' and '.join(repeated)} more than once; give each once.")
        with store.read() as connection:
            head = connection.execute(select(feed_head.c.seq).where(feed_head.c.id == 1)).scalar_one()
            if after > head:
                raise HTTPException(
                    409,
                    f"The counter has read up to change {after} but this server has only {head}; it is another server, or its data was reset. Enrol the counter again.",
                )
            rows = connection.execute(
                select(change_log)
                .where(
                    change_log.c.seq > after,
                    change_log.c.seq <= head,
                    or_(change_log.c.store.is_(None), change_log.c.store == found.store),
                )
                .order_by(change_log.c.seq)
                .limit(limit)
            ).all()
        # A page short of the limit read everything up to the head: the changes for other stores' counters
        # in between are passed over, and the cursor moves past them too, so they are never asked for again.
        cursor = rows[-1].seq if len(rows) == limit else head
        # The feed keeps each change's data as JSON text: the page is spliced from it, not parsed and
        # written again (a first sync of a million members is two hundred pages of five thousand).
        changes = ",".join(
            f'{{"seq":{row.seq},"kind":{json.dumps(row.kind)},"key":{json.dumps(row.key, ensure_ascii=False)},"data":{row.data}}}'
            for row in rows
        )
        tail = ChangesPage(
            changes=[], cursor=cursor, head=head, more=bool(rows) and cursor < head, server_time=utc_now()
        ).model_dump_json()
        body = '{"changes":[' + changes + "]," + tail[1:].replace('"changes":[],', "", 1)
        return Response(body.encode(), media_type="application/json")

    return app
