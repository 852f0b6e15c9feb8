"""The counter's side of the wire: enrol, push outbox batches, pull change pages, over requests."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import requests
from pydantic import BaseModel, ValidationError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from sync.protocol import (
    API_PREFIX,
    MAX_PAGE,
    AuditAnswer,
    AuditHead,
    AuditLink,
    AuditPush,
    ChangesPage,
    CodeKind,
    CodeRequest,
    CodeResponse,
    EnrollRequest,
    EnrollResponse,
    HoldRequest,
    HoldResponse,
    Op,
    PhoneIndexKey,
    PhoneIndexKeyRequest,
    PushRequest,
    PushResponse,
    RevealRequest,
    RevealResponse,
    ServerInfo,
)

CONNECT_TIMEOUT = 3.0
READ_TIMEOUT = 30.0
HOLD_TIMEOUT = (1.0, 3.0)
JSON_BODY = {"Content-Type": "application/json"}

Answer = TypeVar("Answer", bound=BaseModel)


class SyncError(Exception):
    """The server could not be used this time. `offline` says whether the network or the server is
    unreachable (try again later, on our own) or the server refused (someone must act)."""

    def __init__(self, message: str, *, offline: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.offline = offline
        self.status = status


class SyncClient:
    def __init__(self, base_url: str, token: str | None = None, *, retries: int = 2) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        # urllib3's Retry: a couple of quick retries with jittered backoff inside one sync round, for
        # a dropped connection or a busy server (Retry-After honoured). Every call is safe to repeat:
        # a push is idempotent by op id. Longer outages are the sync loop's backoff, not this.
        retry = Retry(
            total=retries,
            connect=retries,
            read=retries,
            status=retries,
            backoff_factor=0.2,
            backoff_jitter=0.3,
            backoff_max=5,
            status_forcelist=(429, 502, 503, 504),
            allowed_methods=frozenset({"GET", "POST"}),
            respect_retry_after_header=True,
            raise_on_status=False,
        )
        adapter = HTTPAdapter(max_retries=retry, pool_connections=2, pool_maxsize=4)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def close(self) -> None:
        self.session.close()

    def _call(
        self,
        method: str,
        path: str,
        model: type[Answer],
        timeout: tuple[float, float] = (CONNECT_TIMEOUT, READ_TIMEOUT),
        *,
        data: str | None = None,
        params: dict[str, int] | None = None,
    ) -> Answer:
        headers = JSON_BODY if data is not None else None
        try:
            response = self.session.request(
                method,
                f"{self.base_url}{API_PREFIX}{path}",
                timeout=timeout,
                data=data,
                params=params,
                headers=headers,
            )
        except requests.RequestException as error:
            raise SyncError(
                f"The server at {self.base_url} cannot be reached ({type(error).__name__}).", offline=True
            ) from None
        if response.status_code >= 400:
            try:
                detail = response.json().get("detail")
            except ValueError:
                detail = None
            if not isinstance(detail, str):
                detail = f"HTTP {response.status_code}"
            # 5xx and 429 mean "later"; other refusals mean the request itself is wrong.
            offline = response.status_code >= 500 or response.status_code == 429
            raise SyncError(detail, offline=offline, status=response.status_code)
        try:
            # Straight from the bytes: pydantic parses a first sync's pages of 5,000 members faster than json + validate.
            return model.model_validate_json(response.content)
        except (ValueError, ValidationError):
            raise SyncError(
                f"The server at {self.base_url} answered with something that is not the sync protocol.", offline=False
            ) from None

    def info(self) -> ServerInfo:
        return self._call("GET", "/info", ServerInfo)

    def enroll(self, code: str, counter_uid: str, counter_name: str) -> EnrollResponse:
        body = EnrollRequest(code=code, counter_uid=counter_uid, counter_name=counter_name)
        return self._call("POST", "/enroll", EnrollResponse, data=body.model_dump_json())

    def push(self, ops: list[Op]) -> PushResponse:
        body = PushRequest(ops=ops)
        return self._call("POST", "/push", PushResponse, data=body.model_dump_json())

    def push_audit(self, links: list[AuditLink]) -> AuditAnswer:
        return self._call("POST", "/audit", AuditAnswer, data=AuditPush(links=links).model_dump_json())

    def audit_head(self) -> AuditHead:
        """The newest audit entry of this counter the server acknowledged."""
        return self._call("GET", "/audit", AuditHead, timeout=HOLD_TIMEOUT)

    def hold(self, op_id: str, member_uid: str, points: int, unsent: int) -> HoldResponse:
        """Asked while the clerk waits: short timeouts; no answer means "redeem as if offline"."""
        body = HoldRequest(op_id=op_id, member_uid=member_uid, points=points, unsent=unsent)
        return self._call(
            "POST",
            "/holds",
            HoldResponse,
            timeout=HOLD_TIMEOUT,
            data=body.model_dump_json(),
        )

    def member_code(
        self, member_uid: str, kind: CodeKind, public_key: str | None = None, event_uid: str | None = None
    ) -> CodeResponse:
        body = CodeRequest(member_uid=member_uid, kind=kind, public_key=public_key, event_uid=event_uid)
        # Unset fields stay out: a server from before tickets refuses fields it does not know.
        return self._call(
            "POST",
            "/codes",
            CodeResponse,
            timeout=HOLD_TIMEOUT,
            data=body.model_dump_json(exclude_none=True),
        )

    def phone_index_key(self) -> PhoneIndexKey:
        return self._call("POST", "/phone-index-key", PhoneIndexKey, data=PhoneIndexKeyRequest().model_dump_json())

    def reveal(self, member_uid: str, staff_id: str) -> RevealResponse:
        """A member's full numbers for the manager signed in here; asked while the manager waits."""
        body = RevealRequest(member_uid=member_uid, staff_id=staff_id)
        return self._call("POST", "/members/reveal", RevealResponse, timeout=HOLD_TIMEOUT, data=body.model_dump_json())

    def changes(self, after: int, limit: int = MAX_PAGE) -> ChangesPage:
        return self._call("GET", "/changes", ChangesPage, params={"after": after, "limit": limit})


def skew(server_time: dt.datetime, sent: dt.datetime, received: dt.datetime) -> dt.timedelta:
    """How far the server's clock is ahead of ours, measured at the middle of the round trip."""
    return server_time - (sent + (received - sent) / 2)
