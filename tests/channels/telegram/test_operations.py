"""Running the bot for real: loud one-line failures, health, a clean stop on SIGTERM, JSON logs.

Each test starts the real bot process (``python -m bot``) against the local Bot API server.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time

import httpx
import pytest

from bot.channels.telegram.webhook import CHECK_EVERY_S, FIRST_CHECK_S
from tests.fake_telegram.process import FakeTelegramServer, free_port
from tests.telegram_harness import BOT_ID, ROOT, TOKEN, BotProcess, User, text_of

WEBHOOK = "https://bot.example.org/hook"


def _health(bot: BotProcess) -> subprocess.CompletedProcess[str]:
    """``python -m bot health`` as a container's health check runs it, beside the running bot."""
    return subprocess.run([sys.executable, "-m", "bot", "health"], capture_output=True, text=True,
                          cwd=ROOT, env=bot.env, timeout=60)


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _problems(text: str) -> list[str]:
    """What the bot printed besides its INFO and WARNING log lines: the failure, in one line."""
    return [line for line in _lines(text) if " INFO " not in line and " WARNING " not in line]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_answers_what_was_received_writes_the_log_and_exits_0(sig: int) -> None:
    # Telegram's one-message-a-second per chat keeps answers in flight when the signal comes.
    with FakeTelegramServer(flood="telegram") as server, BotProcess(server) as bot:
        client = server.client(TOKEN)
        chat, asked = 5101, 6
        for n in range(asked):
            client.send_text(chat, f"task {n % 7 + 1}", user_id=chat, chat_type="private")
        assert client.wait_for_reply(chat, 0, 30), bot.log()
        bot.signal(sig)
        assert bot.wait(120) == 0, bot.log()
        answered = len(client.sent(chat))
        assert answered + client.pending()["count"] == asked  # nothing taken and dropped
        with sqlite3.connect(bot.db_path) as db:
            assert db.execute("SELECT COUNT(*) FROM exchanges").fetchone()[0] == answered
        log = bot.log()
        assert "stopped" in log and "Traceback" not in log, log


def test_an_unreachable_server_is_a_one_line_warning_and_its_return_an_info() -> None:
    port = free_port()
    server = FakeTelegramServer(port=port)
    bot = BotProcess(server)
    started = time.monotonic()
    bot.start(wait_for_commands=False)
    try:
        down = f"WARNING bot.telegram: Cannot reach the Bot API server 127.0.0.1:{port} ("
        assert bot.wait_for_log(down, 30), bot.log()
        at_start = time.monotonic() - started
        with server:
            assert bot.wait_for_log(f"The Bot API server 127.0.0.1:{port} answers again", 60), bot.log()
            assert "Trương Thị Mai" in text_of(User(server.client(TOKEN), 5201).say("ai chu tri hoi nghi", timeout=30))
            server.kill()
            killed = time.monotonic()
            assert bot.wait_for_log(down, 30, times=2), bot.log()
            mid_run = time.monotonic() - killed
        print(f"\nfirst warning: {at_start:.1f} s after start (server down), {mid_run:.1f} s after a kill")
        assert bot.alive()
        bot.signal(signal.SIGTERM)  # while the server is down: still a clean stop
        assert bot.wait(60) == 0
        log = bot.log()
        assert "Traceback" not in log, log
    finally:
        bot.stop()


def test_a_stop_signal_while_waiting_for_the_server_at_start_exits_0() -> None:
    bot = BotProcess(FakeTelegramServer(port=free_port())).start(wait_for_commands=False)
    try:
        assert bot.wait_for_log("Cannot reach the Bot API server", 30), bot.log()
        bot.signal(signal.SIGTERM)
        assert bot.wait(60) == 0
    finally:
        bot.stop()


def test_a_rejected_token_is_one_line_without_a_traceback() -> None:
    with FakeTelegramServer() as server:
        server.client(TOKEN).pending()  # the server now knows the bot by its real token
        wrong = f"{BOT_ID}:AAHwrongTOKENsecretValue0123456789abcdefXY"
        bot = BotProcess(server, {"TELEGRAM_BOT_TOKEN": wrong}).start(wait_for_commands=False)
        try:
            assert bot.wait(60) == 2
            output = bot.log()
        finally:
            bot.stop()
    assert _problems(output) == ["Cannot start the Telegram bot: the Bot API server rejected TELEGRAM_BOT_TOKEN "
                                 "(check it with @BotFather)."], output
    assert wrong.split(":")[1] not in output


@pytest.mark.parametrize(("url", "reason"), [
    ("http://bot.example.org/hook", "must start with https://"),
    ("https://bot.example.org:8080/hook", "uses port 8080; Telegram posts only to ports 443, 80, 88, 8443"),
])
def test_a_webhook_url_telegram_would_refuse_stops_before_starting(url: str, reason: str) -> None:
    with FakeTelegramServer() as server:
        bot = BotProcess(server, {"TELEGRAM_WEBHOOK_URL": url}).start(wait_for_commands=False)
        try:
            assert bot.wait(60) == 2
            [line] = _problems(bot.log())
        finally:
            bot.stop()
        assert line.startswith("Cannot start the Telegram bot: TELEGRAM_WEBHOOK_URL") and reason in line
        assert server.client(TOKEN).webhook()["url"] == ""  # nothing was asked of Telegram


def test_telegrams_refusal_of_the_webhook_is_shown_in_one_line_and_stops_the_bot() -> None:
    with FakeTelegramServer() as server:
        env = {"TELEGRAM_WEBHOOK_URL": "https://127.0.0.1/hook", "TELEGRAM_WEBHOOK_PORT": str(free_port())}
        bot = BotProcess(server, env).start(wait_for_commands=False)
        try:
            assert bot.wait(60) == 1
            errors = _problems(bot.log())
        finally:
            bot.stop()
    [line] = errors
    assert line.startswith("Cannot start the Telegram bot: Telegram refused the webhook https://127.0.0.1/hook: ")
    assert line.lower().endswith("bad webhook: ip address 127.0.0.1 is reserved")


def test_webhook_health_delivery_errors_and_the_health_command() -> None:
    port = free_port()
    env = {"TELEGRAM_WEBHOOK_URL": WEBHOOK, "TELEGRAM_WEBHOOK_PORT": str(port)}
    with FakeTelegramServer() as server, BotProcess(server, env) as bot:
        fake = server.client(TOKEN)
        deadline = time.monotonic() + 30
        while fake.webhook()["url"] != WEBHOOK and time.monotonic() < deadline:
            time.sleep(0.1)
        # Failing from the start: the bot's first look (FIRST_CHECK_S after start) usually sees it,
        # a later one (every CHECK_EVERY_S) surely does, however slow the machine.
        fake.webhook_error("Connection timed out")
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10)
        assert health.status_code == 200, health.text
        status = health.json()
        assert status["ok"] and status["mode"] == "webhook" and status["database"]["writable"]
        assert status["knowledge"]["intents"] > 50 and len(status["knowledge"]["version"]) == 12
        assert "seconds_since_last_update" in status
        checked = _health(bot)
        assert checked.returncode == 0 and checked.stdout.startswith("healthy: webhook"), checked

        assert bot.wait_for_log(f"WARNING bot.telegram: Telegram cannot deliver updates to {WEBHOOK}: "
                                "Connection timed out", FIRST_CHECK_S + CHECK_EVERY_S + 30), bot.log()
        bot.signal(signal.SIGTERM)
        assert bot.wait(60) == 0
        stopped = _health(bot)
        assert stopped.returncode == 1 and stopped.stdout.startswith("not running"), stopped


def test_json_logs_are_one_object_a_line_without_the_token() -> None:
    with FakeTelegramServer() as server, BotProcess(server, {"LOG_FORMAT": "json"}) as bot:
        User(server.client(TOKEN), 5301).say("xin chào")
        entries = [json.loads(line) for line in _lines(bot.log())]
    assert {"time", "level", "logger", "message"} <= set(entries[0])
    assert any(e["message"].startswith("bot @") for e in entries)
    assert all(TOKEN.split(":")[1] not in json.dumps(e) for e in entries)
