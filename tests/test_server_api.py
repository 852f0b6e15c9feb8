"""The server's HTTP API fuzzed from its own OpenAPI document by schemathesis: no 5xx, no answer off-schema, bad input refused with a reason."""

from __future__ import annotations

import collections
import json
import uuid

import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from tests.sync_harness import Server, server  # noqa: F401

EXAMPLES = 150  # per operation and generation mode; about 20 s a backend
UNSIGNED_EXAMPLES = 30  # per operation, without a device token

CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "positive_data_acceptance",
    "negative_data_rejection",
    "missing_required_header",
    "ignored_auth",
)
# 400 for what JSON Schema cannot state: one op id twice in a push, a NUL in text. A valid request
# may also meet a wrong enrolment code (403), a member the server never received (404), a cursor
# from another server (409) or the rate limits (429).
ACCEPTED = ["2xx", "400", "403", "404", "409", "429"]
# 413: a body over the size limit.
REJECTED = ["400", "401", "403", "404", "409", "413", "422", "429"]


STAFF = "T001"


def enrolled_token(running: Server) -> str:
    answer = requests.post(
        f"{running.url}/v1/enroll", json={"code": running.enroll_code(), "counter_uid": str(uuid.uuid4())}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    if not running.rows("SELECT staff_id FROM staff WHERE staff_id = :staff", staff=STAFF):
        running.add_staff(STAFF, "clerk")  # who the operations below say made them
    return answer.json()["token"]


def api_schema(running: Server, token: str | None) -> schemathesis.BaseSchema:
    """Signed with `token`; without one, only the checks that hold for any answer (a 401 is not "accepted")."""
    names = CHECKS if token else ("not_a_server_error", "content_type_conformance", "response_schema_conformance")
    checks: dict = {"enabled": False, **{name: {"enabled": True} for name in names}}
    if token:
        checks["positive_data_acceptance"]["expected-statuses"] = ACCEPTED
        checks["negative_data_rejection"]["expected-statuses"] = REJECTED
    # Headers from the configuration count as the operator's credentials: schemathesis sends them on
    # every case and, for ignored_auth, also tries each answered request without them and with a forged token.
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    config = schemathesis.Config.from_dict({"headers": headers, "checks": checks})
    return schemathesis.openapi.from_url(f"{running.url}/openapi.json", config=config)


def assert_a_problem_body(answer) -> None:
    """Every refusal says why, as JSON: {"detail": "a sentence"} (FastAPI's 422 lists the fields instead)."""
    if answer.status_code < 400:
        return
    content_type = answer.headers.get("content-type") or answer.headers.get("Content-Type") or ""
    if isinstance(content_type, list):
        content_type = content_type[0] if content_type else ""
    assert content_type.startswith("application/json"), (answer.status_code, content_type, answer.content[:200])
    problem = json.loads(answer.content)
    assert isinstance(problem, dict) and problem.get("detail"), (answer.status_code, problem)
    if answer.status_code != 422:
        assert isinstance(problem["detail"], str), problem


def fuzz(
    operation: schemathesis.APIOperation,
    mode: GenerationMode,
    base_url: str,
    statuses: collections.Counter,
    examples: int = EXAMPLES,
) -> None:
    session = requests.Session()

    # derandomize: the same requests on every run and in CI, so a failure is one anyone can replay.
    @settings(
        max_examples=examples, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @given(case=operation.as_strategy(generation_mode=mode))
    def requests_pass_the_checks(case: schemathesis.Case) -> None:
        answer = case.call_and_validate(base_url=base_url, session=session, timeout=30)
        assert_a_problem_body(answer)
        statuses[operation.label, mode.value, answer.status_code] += 1

    requests_pass_the_checks()


def test_no_request_makes_the_server_fail_or_answer_off_its_schema(server):
    schema = api_schema(server, enrolled_token(server))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} >= {
        "GET /v1/info",
        "POST /v1/enroll",
        "POST /v1/push",
        "GET /v1/changes",
    }
    statuses: collections.Counter = collections.Counter()
    failures: list[str] = []
    for operation in operations:
        # An operation without parameters or body has no invalid request to make; the device token (a header
        # schemathesis lists for a signed operation) is the configured credentials, not the request's input.
        has_input = bool(operation.body) or any(
            parameter.name.lower() != "authorization" for parameter in operation.iter_parameters()
        )
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if has_input else (GenerationMode.POSITIVE,):
            try:
                fuzz(operation, mode, server.url, statuses)
            except (Exception, BaseExceptionGroup) as error:
                failures.append(f"{operation.label} ({mode.value}):\n{error}")
    summary = "\n".join(
        f"  {label} {mode}: {status} × {count}" for (label, mode, status), count in sorted(statuses.items())
    )
    print(f"\n{sum(statuses.values())} answers passed the checks on {server.db_url.split(':')[0]}:\n{summary}")
    assert not failures, "\n\n".join(failures)
    assert not any(status >= 500 for (_, _, status) in statuses)


def test_without_a_device_token_every_operation_refuses_with_a_problem_and_never_fails(server):
    schema = api_schema(server, None)
    statuses: collections.Counter = collections.Counter()
    failures: list[str] = []
    for operation in [result.ok() for result in schema.get_all_operations()]:
        has_input = bool(operation.body) or next(operation.iter_parameters(), None) is not None
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE) if has_input else (GenerationMode.POSITIVE,):
            try:
                fuzz(operation, mode, server.url, statuses, UNSIGNED_EXAMPLES)
            except (Exception, BaseExceptionGroup) as error:
                failures.append(f"{operation.label} ({mode.value}):\n{error}")
    assert not failures, "\n\n".join(failures)
    answered = collections.defaultdict(set)
    for (label, _, status), _count in statuses.items():
        answered[label].add(status)
    # What needs a device answers 401 (or, for a body it cannot read, 422/413/400) and never anything else.
    for label in ("POST /v1/push", "POST /v1/holds", "POST /v1/codes", "GET /v1/changes"):
        assert answered[label] and answered[label] <= {400, 401, 413, 422}, (label, answered[label])
        assert 401 in answered[label]


def test_what_json_allows_but_the_protocol_does_not_is_refused_with_a_reason(server):
    token = enrolled_token(server)
    signed = {"Authorization": f"Bearer {token}"}

    def push(*ops: dict) -> requests.Response:
        body = {
            "ops": [
                {"op_id": str(uuid.uuid4()), "seq": seq, "at": "2026-11-23T10:30:00+08:00", "staff_id": STAFF, **op}
                for seq, op in enumerate(ops, 1)
            ]
        }
        return requests.post(f"{server.url}/v1/push", json=body, headers=signed, timeout=10)

    # A lone surrogate has no UTF-8 form; the 422 that quotes it must still be sendable.
    answer = requests.post(
        f"{server.url}/v1/enroll", json={"code": "\ud800ABCD", "counter_uid": str(uuid.uuid4())}, timeout=10
    )
    assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "code"]
    # PostgreSQL text cannot hold NUL.
    answer = requests.post(
        f"{server.url}/v1/enroll",
        json={"code": server.enroll_code(), "counter_uid": str(uuid.uuid4()), "counter_name": "东\x00"},
        timeout=10,
    )
    assert answer.status_code == 400 and "counter_name" in answer.json()["detail"]
    member_uid = str(uuid.uuid4())
    registered = push(
        {
            "type": "member.registered",
            "payload": {"member_uid": member_uid, "member_no": "M000100000001", "name": "张伟"},
        }
    )
    assert registered.status_code == 200 and registered.json()["results"][0]["status"] == "applied"
    for payload, where in (
        ({"member_uid": member_uid, "kind": "earn", "delta": 5, "note": "a\x00b"}, "ops.0.payload.note"),
        ({"member_uid": member_uid, "kind": "earn", "delta": 5, "shop": "\udc00"}, "ops.0.payload.shop"),
        ({"member_uid": member_uid, "kind": "earn", "delta": 5, "extra": {"\x00": 1}}, "a key of ops.0.payload.extra"),
    ):
        answer = push({"type": "points.earn", "payload": payload})
        assert answer.status_code == 400 and f"text at {where} " in answer.json()["detail"], answer.text
    # A time is RFC 3339 text with an offset: not seconds since 1970, not a local time of unknown zone.
    for at in (0, 1.7e9, "0008", "2026-11-23T10:30:00", "2026-11-23"):
        answer = push(
            {"type": "points.earn", "at": at, "payload": {"member_uid": member_uid, "kind": "earn", "delta": 5}}
        )
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "ops", 0, "at"], answer.text
    # Nor is "1" or true the number 1.
    for seq in ("1", True):
        answer = push(
            {"type": "points.earn", "seq": seq, "payload": {"member_uid": member_uid, "kind": "earn", "delta": 5}}
        )
        assert answer.status_code == 422 and answer.json()["detail"][0]["loc"] == ["body", "ops", 0, "seq"], answer.text
    # A malformed field inside an operation refuses that operation, with the field named.
    answer = push(
        {"type": "member.updated", "payload": {"member_uid": member_uid, "changes": {"birthday": "31/02/2026"}}}
    )
    result = answer.json()["results"][0]
    assert answer.status_code == 200 and result["status"] == "rejected" and result["reason"].startswith("birthday:")
    # FastAPI would take the last of a repeated parameter; the server refuses to guess.
    answer = requests.get(f"{server.url}/v1/changes?after=0&after=1", headers=signed, timeout=10)
    assert answer.status_code == 400 and "after" in answer.json()["detail"]
    assert requests.get(f"{server.url}/v1/changes", headers=signed, timeout=10).status_code == 200
