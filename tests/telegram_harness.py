"""Running the real bot process (``python -m bot``) against the local fake Bot API server."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from .fake_telegram.client import FakeTelegramClient
from .fake_telegram.process import FakeTelegramServer
from .support import DEADLINE, PROCESS_DEADLINE, ROOT, child_env, end, wait_for

BOT_ID = 7012345678
TOKEN = f"{BOT_ID}:AAHtestTOKENsecretValue0123456789abcdefXYZ"
USERNAME = f"test_{BOT_ID}_bot"
#: Whether the messages collected so far are the whole reply.
Complete = Callable[[list[dict[str, Any]]], bool]


class BotProcess:
    """``python -m bot`` in a subprocess pointed at a fake server, stopped by its own pid."""

    def __init__(self, server: FakeTelegramServer, extra_env: dict[str, str] | None = None,
                 args: tuple[str, ...] = (), max_open_files: int | None = None) -> None:
        self.server = server
        self.args = args
        self.max_open_files = max_open_files
        self._db_dir = tempfile.TemporaryDirectory()
        self.db_path = Path(self._db_dir.name) / "bot.sqlite3"
        self.env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": server.base_url,
                    "TELEGRAM_BASE_FILE_URL": server.file_base_url, "LOG_LEVEL": "INFO",
                    "BOT_DB_PATH": str(self.db_path), **(extra_env or {})}
        self.log_path = Path(self._db_dir.name) / "bot.log"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, wait_for_commands: bool = True) -> BotProcess:
        """Start the bot; by default wait until it has registered its command menu."""
        # Appended to by the bot and read by the test: separate opens, so reading never moves its writes.
        with self.log_path.open("ab") as log:
            self._process = subprocess.Popen([sys.executable, "-m", "bot", *self.args], cwd=ROOT,
                                             env=child_env(self.env), stdin=subprocess.DEVNULL,
                                             stdout=log, stderr=subprocess.STDOUT,
                                             preexec_fn=self._limit if self.max_open_files else None)
        if wait_for_commands:
            with self.server.client(TOKEN) as client:
                wait_for(lambda: self._running() and client.commands()["calls"],
                         lambda: f"the bot registering its commands; its log:\n{self.log()}", PROCESS_DEADLINE)
        return self

    def _running(self) -> bool:
        """True while it runs; an exit is an error with its log."""
        if not self.alive():
            raise RuntimeError(f"the bot exited:\n{self.log()}")
        return True

    def wait_for_log(self, needle: str, timeout: float = DEADLINE, times: int = 1) -> bool:
        """Wait until the bot has logged ``needle`` (``times`` times); past ``timeout``, fail with its log.

        The bot may have exited meanwhile (a refused webhook makes it stop): its log still counts.
        """
        wait_for(lambda: self.log().count(needle) >= times,
                 lambda: f"{needle!r} ×{times} in the bot's log:\n{self.log()}", timeout)
        return True

    def _limit(self) -> None:
        """In the child: at most ``max_open_files`` file descriptors, as on a default Linux host."""
        assert self.max_open_files is not None
        resource.setrlimit(resource.RLIMIT_NOFILE, (self.max_open_files, self.max_open_files))

    @property
    def pid(self) -> int:
        """The bot's process id (it is running)."""
        assert self._process is not None
        return self._process.pid

    def log(self) -> str:
        """Everything the bot printed so far."""
        return self.log_path.read_text("utf-8", "replace") if self.log_path.exists() else ""

    def alive(self) -> bool:
        """Whether the process is still running."""
        return self._process is not None and self._process.poll() is None

    def signal(self, sig: int) -> None:
        """Send ``sig`` to the bot process."""
        assert self._process is not None
        self._process.send_signal(sig)

    def wait(self, timeout: float = 60) -> int:
        """Wait for the process to exit; its exit code."""
        assert self._process is not None
        return self._process.wait(timeout)

    def stop(self) -> None:
        """SIGTERM; a bot that does not stop in time prints its stacks, is killed, and fails the test."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            assert end(self._process), f"the bot did not stop on SIGTERM; its log:\n{self.log()}"

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.stop()
        finally:
            self._db_dir.cleanup()


class User:
    """A simulated Telegram user in their own private chat (or in a group)."""

    def __init__(self, client: FakeTelegramClient, user_id: int, chat_id: int | None = None,
                 chat_type: str = "private", language_code: str = "vi") -> None:
        self.client = client
        self.user_id = user_id
        self.chat_id = chat_id if chat_id is not None else user_id
        self.chat_type = chat_type
        self.language_code = language_code

    def say(self, text: str | None = None, until: Complete | None = None, timeout: float = DEADLINE,
            **fields: Any) -> list[dict[str, Any]]:
        """Send a message and return what the bot sent back (see ``collect``)."""
        return self.collect(self._send(text, **fields)["seq"], until, timeout)

    def ignored(self, text: str | None = None, **fields: Any) -> None:
        """Assert the bot does not answer this group message, without waiting for a silence.

        A question addressed to the bot follows it; one chat's messages are handled in order, so
        if the first was answered, that answer comes first. In groups the bot quotes what it answers.
        """
        seq = self._send(text, **fields)["seq"]
        probe = self._send(f"@{USERNAME} nhiệm vụ thứ 1")
        replies = self.collect(seq)
        assert [m["reply_to_message_id"] for m in replies] == [probe["message_id"]] * len(replies), replies

    def _send(self, text: str | None, **fields: Any) -> dict[str, Any]:
        body = {"chat_type": self.chat_type, "language_code": self.language_code,
                "first_name": f"User{self.user_id}", **fields}
        if text is not None:
            body["text"] = text
        return self.client.send_message(self.chat_id, user_id=self.user_id, **body)

    def press(self, message: dict[str, Any], data: str, until: Complete | None = None) -> list[dict[str, Any]]:
        """Press a button of a bot message and return what the bot sent or edited."""
        sent = self.client.sent(self.chat_id)
        seq = sent[-1]["seq"] if sent else 0
        self.client.press_button(self.chat_id, message["message_id"], data, user_id=self.user_id)
        return self.collect(seq, until)

    def collect(self, after_seq: int, until: Complete | None = None,
                timeout: float = DEADLINE) -> list[dict[str, Any]]:
        """What the bot sends after ``after_seq``: the first messages, or more until ``until(messages)``.

        A reply is one message unless it is longer than Telegram allows; then pass ``until``
        (e.g. ``has_buttons``: the keyboard comes with the last part).
        """
        got: list[dict[str, Any]] = []

        def complete() -> bool:
            got.extend(self.client.wait_for_reply(self.chat_id, got[-1]["seq"] if got else after_seq, 1.0))
            return bool(got) and (until is None or until(got))

        wait_for(complete, lambda: f"the bot's reply in chat {self.chat_id} (got {got})", timeout)
        return got


def has_buttons(messages: list[dict[str, Any]]) -> bool:
    """Whether the last message has inline buttons (a long answer's last part does)."""
    return bool(buttons(messages[-1]))


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a sent message."""
    markup = message.get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]


def text_of(messages: list[dict[str, Any]]) -> str:
    """All the text the bot sent, joined."""
    return "\n".join(str(m.get("text", "")) for m in messages)
