"""Webhook mode under hostile traffic, against the real bot process on 127.0.0.1.

Strangers' bodies are refused before they are read, half-sent requests do not use up file
descriptors, Telegram's own updates are still answered, and DEBUG logs keep secrets and users'
messages out.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import socket
import sqlite3
import time
from collections.abc import AsyncIterator, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import tornado.web
from tornado.netutil import bind_sockets

from bot.channels.telegram import webhook_guard
from bot.channels.telegram.webhook_guard import SECRET_HEADER
from tests.fake_telegram.client import FakeTelegramClient
from tests.fake_telegram.process import FakeTelegramServer, free_port
from tests.support import DEADLINE, wait_for
from tests.telegram_harness import TOKEN, BotProcess, text_of

SECRET = "s3cret-Header_Value"
HOOK = "https://bot.example.org/hook"


@contextlib.contextmanager
def webhook_bot(server: FakeTelegramServer, port: int, env: dict[str, str] | None = None,
                max_open_files: int | None = None) -> Iterator[BotProcess]:
    """The bot in webhook mode on 127.0.0.1:``port``, once it has registered its webhook and listens."""
    settings = {"TELEGRAM_WEBHOOK_URL": HOOK, "TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
                "TELEGRAM_WEBHOOK_PORT": str(port), "TELEGRAM_WEBHOOK_SECRET": SECRET, **(env or {})}
    with BotProcess(server, settings, max_open_files=max_open_files) as proc, server.client(TOKEN) as fake:
        wait_for(lambda: fake.webhook().get("url") == HOOK and listening(port),
                 lambda: f"the webhook registered and served; the bot's log:\n{proc.log()}")
        yield proc


def listening(port: int) -> bool:
    """Whether something accepts connections on 127.0.0.1:``port``."""
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def ask(fake: FakeTelegramClient, port: int, chat: int, text: str, **sender: Any) -> str:
    """Post one update as Telegram would (with the secret) and return the bot's answer."""
    seq = fake.send_text(chat, "chào", user_id=chat, chat_type="private")["seq"]  # the chat exists
    update = {"update_id": 990000 + chat % 10000, "message": {
        "message_id": 77, "date": int(time.time()), "text": text,
        "chat": {"id": chat, "type": "private", "first_name": "W"},
        "from": {"id": chat, "is_bot": False, "first_name": "W", **sender}}}
    response = httpx.post(f"http://127.0.0.1:{port}/hook", content=json.dumps(update), timeout=DEADLINE,
                          headers={"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": SECRET})
    assert response.status_code == 200
    return text_of(fake.wait_for_reply(chat, seq, DEADLINE))


def status_kb(pid: int, field: str) -> int:
    """A field of /proc/PID/status in kB (VmRSS, VmHWM: the peak)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def big_body_without_secret(port: int, size: int) -> int:
    """POST ``size`` bytes without the secret header; how many the bot let in before closing."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock, contextlib.suppress(OSError):
        sock.sendall(f"POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {size}\r\n\r\n".encode())
        chunk = b"x" * 2**20
        while sent < size:
            sock.sendall(chunk)
            sent += len(chunk)
    return sent


def half_sent(port: int) -> socket.socket | None:
    """A connection that starts a request and never finishes its headers (None if refused)."""
    try:
        sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        sock.sendall(b"POST /hook HTTP/1.1\r\nHost: x\r\n")
    except OSError:
        return None
    return sock


def test_strangers_cannot_exhaust_memory_or_file_descriptors(server: FakeTelegramServer) -> None:
    port = free_port()
    with webhook_bot(server, port, max_open_files=1024) as bot, server.client(TOKEN) as fake:
        assert "Nhiệm vụ thứ 6" in ask(fake, port, 4101, "nhiệm vụ thứ 6 là gì")
        peak = status_kb(bot.pid, "VmHWM")
        with ThreadPoolExecutor(8) as pool:  # 8 × 95 MB without the secret, at once
            let_in = list(pool.map(lambda _: big_body_without_secret(port, 95 * 2**20), range(8)))
        growth_mb = (status_kb(bot.pid, "VmHWM") - peak) / 1024
        assert growth_mb < 40, f"peak memory grew by {growth_mb:.0f} MB; bodies let in: {let_in}"
        with ThreadPoolExecutor(50) as pool:  # more half-sent requests than the bot has descriptors
            socks = [s for s in pool.map(lambda _: half_sent(port), range(1100)) if s is not None]
        try:
            assert "Nhiệm vụ thứ 2" in ask(fake, port, 4102, "nhiệm vụ thứ 2 là gì")  # Telegram still gets through
            descriptors = len(list(Path(f"/proc/{bot.pid}/fd").iterdir()))
            assert descriptors < 300, f"{descriptors} open file descriptors"
        finally:
            for sock in socks:
                sock.close()
        assert bot.alive()
        bot.stop()
        log = bot.log()
    assert "Too many open files" not in log and "Traceback" not in log, log[-3000:]
    refusals = [line for line in log.splitlines() if "refused" in line.lower()]
    assert 1 <= len(refusals) <= 3, refusals  # the flood is summed up, not logged per request


def test_debug_logs_keep_secrets_and_messages_out(server: FakeTelegramServer) -> None:
    port = free_port()
    with webhook_bot(server, port, {"LOG_LEVEL": "DEBUG"}) as bot, server.client(TOKEN) as fake:
        assert "Nhiệm vụ thứ 6" in ask(fake, port, 987654321, "nhiệm vụ thứ 6 là gì zqxjw", first_name="Zyxwvut")
        bot.stop()  # everything is logged and written
        key = pseudonym_key(bot.db_path)
        log = bot.log()
    assert "served on" in log  # the bot does log
    for secret in (SECRET, TOKEN.split(":")[1], key, "zqxjw", "Zyxwvut", "987654321"):
        assert secret not in log, f"{secret!r} is in the log"


def pseudonym_key(db: Path) -> str:
    """The generated pseudonym key, wherever this version keeps it (key file, or inside the database)."""
    key_file = db.with_name(db.name + ".key")
    if key_file.exists():
        return key_file.read_text().strip()
    with sqlite3.connect(db) as conn:
        return str(conn.execute("SELECT value FROM meta WHERE key = 'secret'").fetchone()[0])


# --- the guard in-process, with short timeouts ----------------------------------------------------

class Echo(tornado.web.RequestHandler):
    """Stands for python-telegram-bot's handler: says how much body it got."""

    async def post(self) -> None:
        self.write(f"got {len(self.request.body)}")


@pytest.fixture
async def guarded(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[int]:
    """A guarded server on a free 127.0.0.1 port (yielded), with half-second timeouts and interval."""
    for name in ("IDLE_TIMEOUT_S", "BODY_TIMEOUT_S", "FLOOD_LOG_INTERVAL_S"):
        monkeypatch.setattr(webhook_guard, name, 0.5)
    http = webhook_guard.GuardedHTTPServer(tornado.web.Application([("/hook", Echo)]), secret=SECRET)
    [sock] = bind_sockets(0, "127.0.0.1")
    http.add_sockets([sock])
    yield sock.getsockname()[1]
    http.stop()
    await http.close_all_connections()


async def closed_by_server(reader: asyncio.StreamReader, deadline: float = 10.0) -> bytes:
    """Everything the server sends until it closes the connection."""
    return await asyncio.wait_for(reader.read(), deadline)


async def test_refused_before_the_body_with_a_readable_answer(guarded: int) -> None:
    url = f"http://127.0.0.1:{guarded}/hook"
    async with httpx.AsyncClient(timeout=10) as client:
        assert (await client.post(url, content=b"{}")).status_code == 403
        wrong = await client.post(url, content=b"{}", headers={SECRET_HEADER: "wrong"})
        assert wrong.status_code == 403
        too_big = await client.post(url, content=b"x" * (2 * 2**20), headers={SECRET_HEADER: SECRET})
        assert too_big.status_code == 413
        ok = await client.post(url, content=b"{}", headers={SECRET_HEADER: SECRET})
        assert (ok.status_code, ok.text) == (200, "got 2")


async def test_half_sent_and_slow_requests_are_timed_out(guarded: int) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", guarded)
    writer.write(b"POST /hook HTTP/1.1\r\nHost: x\r\n")  # headers never finished
    assert await closed_by_server(reader) == b""
    reader, writer = await asyncio.open_connection("127.0.0.1", guarded)
    writer.write(f"POST /hook HTTP/1.1\r\nHost: x\r\n{SECRET_HEADER}: {SECRET}\r\n"
                 "Content-Length: 100\r\n\r\n0123456789".encode())  # 10 bytes of a promised 100
    assert b"got" not in await closed_by_server(reader)
    writer.close()


async def test_a_flood_is_logged_once_per_interval(guarded: int, caplog: pytest.LogCaptureFixture) -> None:
    url = f"http://127.0.0.1:{guarded}/hook"
    async with httpx.AsyncClient(timeout=10) as client:
        for _ in range(50):
            assert (await client.post(url, content=b"{}")).status_code == 403
    deadline = asyncio.get_running_loop().time() + 10
    while sum(refused(caplog)) < 50:
        assert asyncio.get_running_loop().time() < deadline, refused(caplog)
        await asyncio.sleep(0.1)
    assert len(refused(caplog)) <= 3  # the first at once, then sums per interval


def refused(caplog: pytest.LogCaptureFixture) -> list[int]:
    """The counts of the webhook's refusal lines so far."""
    return [int(re.search(r"refused (\d+)", r.getMessage())[1])  # type: ignore[index]
            for r in caplog.records if r.name == "bot.telegram.webhook"]
