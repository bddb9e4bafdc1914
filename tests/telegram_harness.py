"""Running the real bot process (``python -m bot``) against the local fake Bot API server."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .fake_telegram.client import FakeTelegramClient
from .fake_telegram.process import FakeTelegramServer

ROOT = Path(__file__).resolve().parent.parent
BOT_ID = 7012345678
TOKEN = f"{BOT_ID}:AAHtestTOKENsecretValue0123456789abcdefXYZ"
USERNAME = f"test_{BOT_ID}_bot"


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
        self._log: IO[bytes] | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, wait_for_commands: bool = True) -> BotProcess:
        """Start the bot; by default wait until it has registered its command menu."""
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the process
        self._process = subprocess.Popen([sys.executable, "-m", "bot", *self.args], cwd=ROOT,
                                         env=self.env, stdin=subprocess.DEVNULL,
                                         stdout=self._log, stderr=subprocess.STDOUT,
                                         preexec_fn=self._limit if self.max_open_files else None)
        if wait_for_commands:
            client = self.server.client(TOKEN)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if self._process.poll() is not None:
                    raise RuntimeError(f"bot exited at start:\n{self.log()}")
                if client.commands()["calls"]:
                    return self
                time.sleep(0.05)
            raise RuntimeError(f"bot did not register its commands:\n{self.log()}")
        return self

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
        if self._log is None:
            return ""
        self._log.seek(0)
        return self._log.read().decode("utf-8", "replace")

    def alive(self) -> bool:
        """Whether the process is still running."""
        return self._process is not None and self._process.poll() is None

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after a timeout."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()

    def __enter__(self) -> BotProcess:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
        if self._log is not None:
            self._log.close()
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

    def say(self, text: str | None = None, timeout: float = 10.0, **fields: Any) -> list[dict[str, Any]]:
        """Send a message and return what the bot sent back (possibly several messages)."""
        body = {"chat_type": self.chat_type, "language_code": self.language_code,
                "first_name": f"User{self.user_id}", **fields}
        if text is not None:
            body["text"] = text
        seq = self.client.send_message(self.chat_id, user_id=self.user_id, **body)["seq"]
        return self.collect(seq, timeout)

    def press(self, message: dict[str, Any], data: str, timeout: float = 10.0) -> list[dict[str, Any]]:
        """Press a button of a bot message and return what the bot sent or edited."""
        seq = self.client.sent(self.chat_id)[-1]["seq"] if self.client.sent(self.chat_id) else 0
        self.client.press_button(self.chat_id, message["message_id"], data, user_id=self.user_id)
        return self.collect(seq, timeout)

    def collect(self, after_seq: int, timeout: float, settle: float = 0.3) -> list[dict[str, Any]]:
        """Everything the bot sends after ``after_seq``, until it has been quiet for ``settle`` s."""
        got = self.client.wait_for_reply(self.chat_id, after_seq, timeout)
        while got:
            more = self.client.wait_for_reply(self.chat_id, got[-1]["seq"], settle)
            if not more:
                break
            got.extend(more)
        return got


def buttons(message: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a sent message."""
    markup = message.get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]


def text_of(messages: list[dict[str, Any]]) -> str:
    """All the text the bot sent, joined."""
    return "\n".join(str(m.get("text", "")) for m in messages)
