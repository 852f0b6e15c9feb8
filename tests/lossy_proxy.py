"""A loopback HTTP proxy for the fault tests: drops requests, loses responses after the server
committed, sends requests twice and delays them, at the rates asked for; or holds back the requests
to one path until the test lets them through (a server that is slow exactly when the test says)."""

from __future__ import annotations

import http.client
import random
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Faults:
    drop_request: float = 0.0
    lose_response: float = 0.0
    duplicate: float = 0.0
    delay: float = 0.0
    delay_seconds: float = 0.1
    counts: dict[str, int] = field(
        default_factory=lambda: {"forwarded": 0, "dropped": 0, "lost": 0, "duplicated": 0, "delayed": 0}
    )


class Gate:
    """Requests whose path starts with `prefix` wait here: `arrived` is set when one does, and it goes on
    to the server only after release()."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.arrived = threading.Event()
        self.opened = threading.Event()

    def release(self) -> None:
        self.opened.set()


class LossyProxy:
    def __init__(self, upstream_port: int, faults: Faults | None = None, seed: int = 1) -> None:
        self.faults = faults or Faults()
        self.gates: list[Gate] = []
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def _relay(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                with proxy.lock:
                    roll = [proxy.random.random() for _ in range(4)]
                f = proxy.faults
                for gate in list(proxy.gates):
                    if self.path.startswith(gate.prefix):
                        gate.arrived.set()
                        gate.opened.wait(120)  # a guard against a test that forgets to release, not a pause
                if roll[0] < f.drop_request:
                    f.counts["dropped"] += 1
                    self.close_connection = True
                    return
                if roll[3] < f.delay:
                    f.counts["delayed"] += 1
                    time.sleep(f.delay_seconds)
                sends = 2 if roll[2] < f.duplicate else 1
                if sends == 2:
                    f.counts["duplicated"] += 1
                for _ in range(sends):
                    try:
                        upstream = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=30)
                        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                        upstream.request(self.command, self.path, body=body, headers=headers)
                        answer = upstream.getresponse()
                        payload = answer.read()
                        status, answer_headers = answer.status, answer.getheaders()
                        upstream.close()
                    except OSError:
                        self.close_connection = True  # the server is down: the counter sees a dead connection
                        return
                f.counts["forwarded"] += 1
                if roll[1] < f.lose_response:
                    f.counts["lost"] += 1  # the server committed; the counter never hears of it
                    self.close_connection = True
                    return
                self.send_response(status)
                for key, value in answer_headers:
                    if key.lower() not in ("content-length", "connection", "transfer-encoding", "date", "server"):
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = _relay

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def gate(self, prefix: str) -> Gate:
        """Hold back requests to `prefix` from now on (until the gate is released)."""
        gate = Gate(prefix)
        self.gates.append(gate)
        return gate

    def close(self) -> None:
        for gate in self.gates:
            gate.release()
        self.httpd.shutdown()
        self.httpd.server_close()
