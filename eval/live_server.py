"""A policyqa server in a background thread on a free loopback port: what the browser tests and
the benchmarks talk to. Only ever 127.0.0.1."""
from __future__ import annotations

import socket
import threading
import time


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    def __init__(self, services, port: int):
        import uvicorn

        from ui.server import build_app

        self.base = f"http://127.0.0.1:{port}"
        self._server = uvicorn.Server(uvicorn.Config(build_app(services), host="127.0.0.1", port=port,
                                                     log_level="warning"))
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self, timeout_s: float = 30.0) -> "LiveServer":
        self._thread.start()
        deadline = time.time() + timeout_s
        while not self._server.started:
            if time.time() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"the server did not start on {self.base}")
            time.sleep(0.1)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
