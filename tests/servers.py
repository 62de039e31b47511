"""Real servers a test may start for itself, on a free loopback port, stopped afterwards."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    """A loopback port nothing listens on (at the moment of asking)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def redis_server() -> Iterator[RedisServer]:
    """Debian's redis-server on 127.0.0.1 and a free port, without persistence."""
    folder = tempfile.mkdtemp(prefix="rameau-redis-")
    port = free_port()
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            folder,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = RedisServer(port, process)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)
        yield server
    finally:
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)


DEPLOY_VCL = Path(__file__).resolve().parent.parent / "deploy" / "varnish"
BACKENDS_VCL = """
import directors;
probe liveness {{ .url = "/-/liveness"; .interval = 1s; .timeout = 2s; .window = 3; .threshold = 1; .initial = 1; }}
{backends}
acl purgers {{ "127.0.0.1"; }}
sub vcl_init {{
    new apps = directors.round_robin();
{members}
}}
"""


@dataclass
class LoggedServer:
    """A server process a test started on a loopback port, and the file its output goes to."""

    port: int
    process: subprocess.Popen
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_until(self, ready: Callable[[], bool], name: str, timeout: float, pause: float = 0.1) -> None:
        """Poll `ready` until it says True; fail with the log if the process ends or time runs out."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"{name} exited at start-up:\n{self.log()}")
            try:
                if ready():
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{name} did not answer within {timeout} s:\n{self.log()}")
            time.sleep(pause)

    def stop(self, timeout: float = 25) -> None:
        """SIGTERM to the process group (started with start_new_session), SIGKILL if it lingers."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)


@contextmanager
def varnish_server(backend_ports: list[int], port: int | None = None) -> Iterator[LoggedServer]:
    """Debian's varnishd with deploy/varnish/default.vcl on 127.0.0.1 and a free port, in front
    of the app servers on these loopback ports (its backends.vcl swapped for theirs); only
    127.0.0.1 may purge. Stopped afterwards, its folder removed."""
    folder = Path(tempfile.mkdtemp(prefix="rameau-varnish-"))
    port = port or free_port()
    backends = "\n".join(
        f'backend app{n} {{ .host = "127.0.0.1"; .port = "{p}"; .probe = liveness; .first_byte_timeout = 35s; }}'
        for n, p in enumerate(backend_ports, 1)
    )
    members = "\n".join(f"    apps.add_backend(app{n});" for n in range(1, len(backend_ports) + 1))
    (folder / "backends.vcl").write_text(BACKENDS_VCL.format(backends=backends, members=members))
    log_path = folder / "varnish.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            [
                "varnishd", "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-n", str(folder / "work"),
                "-f", str(DEPLOY_VCL / "default.vcl"), "-p", f"vcl_path={folder}:{DEPLOY_VCL}", "-s", "malloc,64m",
            ],
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server = LoggedServer(port, process, log_path)

    def listening() -> bool:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True

    try:
        server.wait_until(listening, "varnishd", timeout=20)
        yield server
    finally:
        server.stop(timeout=15)
        shutil.rmtree(folder, ignore_errors=True)
