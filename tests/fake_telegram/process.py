"""Run the fake server as a subprocess on a free 127.0.0.1 port (context manager or fixture)."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal

import httpx

from ..support import PROCESS_DEADLINE
from .client import AsyncFakeTelegramClient, FakeTelegramClient

REPO_ROOT = Path(__file__).resolve().parents[2]
FixtureScope = Literal["session", "package", "module", "class", "function"]


def free_port(host: str = "127.0.0.1") -> int:
    """A port that was free a moment ago (bind to port 0, read it, release it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class FakeTelegramServer:
    """``python -m tests.fake_telegram.server`` in a subprocess, stopped by its own pid."""

    def __init__(self, *, state_file: Path | str | None = None, host: str = "127.0.0.1",
                 port: int | None = None, strict_html: bool = False, flood: str | None = None,
                 startup_timeout: float = PROCESS_DEADLINE, stop_timeout: float = 5.0) -> None:
        self.state_file = Path(state_file) if state_file is not None else None
        self.host = host
        self.port = port or free_port(host)
        self.strict_html = strict_html
        self.flood = flood
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def base_url(self) -> str:
        """``http://host:port`` of the server."""
        return f"http://{self.host}:{self.port}"

    @property
    def api_base_url(self) -> str:
        """What PTB's ``base_url`` takes (the token is appended to it)."""
        return f"{self.base_url}/bot"

    @property
    def file_base_url(self) -> str:
        """What PTB's ``base_file_url`` takes."""
        return f"{self.base_url}/file/bot"

    @property
    def pid(self) -> int | None:
        """Process id of the running server, if any."""
        return self._process.pid if self._process is not None else None

    def command(self) -> list[str]:
        """The command line that starts the server."""
        cmd = [sys.executable, "-m", "tests.fake_telegram.server", "--host", self.host,
               "--port", str(self.port)]
        if self.state_file is not None:
            cmd += ["--state", str(self.state_file)]
        if self.strict_html:
            cmd.append("--strict-html")
        if self.flood is not None:
            cmd += ["--flood", self.flood]
        return cmd

    def start(self) -> FakeTelegramServer:
        """Start the subprocess and wait until it answers ``/_test/health``."""
        if self._process is not None:
            raise RuntimeError("the fake Telegram server is already running")
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process
        self._process = subprocess.Popen(self.command(), cwd=REPO_ROOT, stdin=subprocess.DEVNULL,
                                         stdout=self._log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                output = self._read_log()
                self.stop()
                raise RuntimeError(f"fake Telegram server exited at start:\n{output}")
            try:
                if httpx.get(f"{self.base_url}/_test/health", timeout=0.5).is_success:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        output = self._read_log()
        self.stop()
        raise RuntimeError(f"fake Telegram server did not answer in time:\n{output}")

    def _read_log(self) -> str:
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def stop(self) -> None:
        """Terminate the server (SIGTERM), killing it if it has not exited in time."""
        if self._process is not None:
            if self._process.poll() is None:
                self._process.terminate()
                try:
                    self._process.wait(self.stop_timeout)
                except subprocess.TimeoutExpired:
                    self._process.kill()
                    self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
        self.stop()

    def restart(self) -> FakeTelegramServer:
        """Stop and start again on the same port (and state file)."""
        self.stop()
        return self.start()

    def client(self, bot: int | str) -> FakeTelegramClient:
        """A sync control client for ``bot`` (token or id)."""
        return FakeTelegramClient(self.base_url, bot)

    def async_client(self, bot: int | str) -> AsyncFakeTelegramClient:
        """An async control client for ``bot`` (token or id)."""
        return AsyncFakeTelegramClient(self.base_url, bot)

    def __enter__(self) -> FakeTelegramServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def fake_telegram_fixture(scope: FixtureScope = "function", **options: Any) -> Callable[..., Any]:
    """A pytest fixture yielding a started FakeTelegramServer (options go to its constructor).

    Usage in a test module or conftest: ``fake_telegram = fake_telegram_fixture(scope="module")``.
    """
    import pytest

    @pytest.fixture(scope=scope)
    def fake_telegram() -> Iterator[FakeTelegramServer]:
        with FakeTelegramServer(**options) as server:
            yield server

    return fake_telegram
