"""State of the fake server: one BotState per bot, change signals, and the --state file."""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

JsonDict = dict[str, Any]

TOKEN_RE = re.compile(r"^(\d{1,20}):([A-Za-z0-9_-]{30,50})$")
_DEFAULT_EXCLUDED_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class ApiError(Exception):
    """A Bot API error: HTTP status ``code`` and Telegram's ``description``."""

    def __init__(self, code: int, description: str, parameters: JsonDict | None = None) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters  # ResponseParameters, e.g. retry_after with a 429


def now() -> int:
    """Current Unix time in seconds, as Telegram dates are."""
    return int(time.time())


def quoted(message: JsonDict) -> JsonDict:
    """A message as it appears in another's reply_to_message (no deeper nesting)."""
    return {k: v for k, v in message.items() if k != "reply_to_message"}


class Signal:
    """Wakes every coroutine currently waiting for a change."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake the current waiters; later waiters wait for the next fire."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float) -> None:
        """Wait for the next fire or ``timeout`` seconds, whichever comes first."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event.wait(), max(timeout, 0.0))


@dataclass
class BotState:
    """Everything the fake Telegram knows about one bot."""

    bot_id: int
    token: str | None = None
    next_update_id: int = 1
    seq: int = 0
    callback_counter: int = 0
    updates: list[JsonDict] = field(default_factory=list)
    last_message_ids: dict[int, int] = field(default_factory=dict)
    chats: dict[int, JsonDict] = field(default_factory=dict)
    users: dict[int, JsonDict] = field(default_factory=dict)
    messages: dict[tuple[int, int], JsonDict] = field(default_factory=dict)
    open_callbacks: dict[str, JsonDict] = field(default_factory=dict)
    sent_by_chat: dict[int, list[JsonDict]] = field(default_factory=dict)
    actions: list[JsonDict] = field(default_factory=list)
    answered_callbacks: list[JsonDict] = field(default_factory=list)
    command_calls: list[JsonDict] = field(default_factory=list)
    commands: dict[str, JsonDict] = field(default_factory=dict)
    errors: list[JsonDict] = field(default_factory=list)
    webhook: JsonDict = field(default_factory=dict)
    allowed_updates: list[str] | None = None
    poll_generation: int = 0
    dirty: bool = False
    update_signal: Signal = field(default_factory=Signal)
    sent_signal: Signal = field(default_factory=Signal)

    @property
    def username(self) -> str:
        """The bot's username, ``test_<id>_bot``."""
        return f"test_{self.bot_id}_bot"

    @property
    def user(self) -> JsonDict:
        """The bot as the ``from`` of its messages."""
        return {"id": self.bot_id, "is_bot": True, "first_name": f"Test Bot {self.bot_id}",
                "username": self.username}

    @property
    def me(self) -> JsonDict:
        """The getMe result."""
        return {**self.user, "can_join_groups": True, "can_read_all_group_messages": False,
                "supports_inline_queries": False, "can_connect_to_business": False,
                "has_main_web_app": False}

    def next_message_id(self, chat_id: int) -> int:
        """Allocate the next message id in ``chat_id``."""
        self.last_message_ids[chat_id] = self.last_message_ids.get(chat_id, 0) + 1
        self.dirty = True
        return self.last_message_ids[chat_id]

    def next_seq(self) -> int:
        """Allocate the next sequence number of the bot's outgoing log."""
        self.seq += 1
        self.dirty = True
        return self.seq

    def next_callback_id(self) -> str:
        """Allocate a callback query id (a digit string, like Telegram's)."""
        self.callback_counter += 1
        self.dirty = True
        return f"{self.bot_id}{self.callback_counter:08d}"

    def save_user(self, user: JsonDict) -> None:
        """Remember a user seen in a simulated update."""
        self.users[user["id"]] = user
        self.dirty = True

    def save_chat(self, chat: JsonDict) -> None:
        """Remember a chat the bot may now write to."""
        self.chats[chat["id"]] = chat
        self.dirty = True

    def save_message(self, message: JsonDict) -> None:
        """Store the current version of a message (never mutated later, only replaced)."""
        self.messages[(message["chat"]["id"], message["message_id"])] = message

    def accepts(self, update_type: str) -> bool:
        """Whether the bot's allowed_updates setting lets this update type be queued."""
        if not self.allowed_updates:
            return update_type not in _DEFAULT_EXCLUDED_UPDATES
        return update_type in self.allowed_updates

    def enqueue(self, update_type: str, payload: JsonDict) -> tuple[JsonDict, bool]:
        """Create an update; queue it if allowed. Returns (update, queued)."""
        update = {"update_id": self.next_update_id, update_type: payload}
        self.next_update_id += 1
        self.dirty = True
        queued = self.accepts(update_type)
        if queued:
            self.updates.append(update)
            self.update_signal.fire()
        return update, queued

    def confirm(self, offset: int) -> None:
        """Apply getUpdates' offset: drop confirmed updates (negative: keep the last -offset)."""
        before = len(self.updates)
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        elif offset < 0:
            self.updates = self.updates[offset:]
        self.dirty |= len(self.updates) != before

    def drop_pending(self) -> None:
        """Forget every pending update (drop_pending_updates)."""
        self.dirty |= bool(self.updates)
        self.updates = []

    def begin_poll(self) -> int:
        """Start a getUpdates call; earlier waiting calls are terminated. Returns its id."""
        self.poll_generation += 1
        self.update_signal.fire()
        return self.poll_generation

    def record_sent(self, entry: JsonDict) -> JsonDict:
        """Append a sendMessage/edit to the outgoing log with a new seq."""
        entry = {"seq": self.next_seq(), **entry}
        self.sent_by_chat.setdefault(entry["chat_id"], []).append(entry)
        self.sent_signal.fire()
        return entry

    def sent_after(self, chat_id: int | None, after_seq: int) -> list[JsonDict]:
        """Outgoing entries with seq > after_seq, in one chat or in all, in order."""
        if chat_id is not None:
            entries = self.sent_by_chat.get(chat_id, [])
            return entries[bisect.bisect_right(entries, after_seq, key=lambda e: e["seq"]) :]
        merged = [e for chat in self.sent_by_chat.values() for e in chat if e["seq"] > after_seq]
        return sorted(merged, key=lambda e: e["seq"])

    def log_error(self, method: str, error: ApiError, params: JsonDict) -> None:
        """Remember a request the fake rejected with a 4xx."""
        self.errors.append({"method": method, "error_code": error.code,
                            "description": error.description, "params": params, "date": now()})

    def to_json(self) -> JsonDict:
        """The persisted part: counters, chats, users and pending updates."""
        return {
            "token": self.token,
            "next_update_id": self.next_update_id,
            "seq": self.seq,
            "callback_counter": self.callback_counter,
            "last_message_ids": {str(k): v for k, v in self.last_message_ids.items()},
            "chats": list(self.chats.values()),
            "users": list(self.users.values()),
            "updates": self.updates,
        }

    @classmethod
    def from_json(cls, bot_id: int, data: JsonDict) -> BotState:
        """Rebuild a bot from ``to_json`` output, re-learning messages and open callback queries."""
        bot = cls(bot_id=bot_id, token=data["token"], next_update_id=data["next_update_id"],
                  seq=data["seq"], callback_counter=data["callback_counter"],
                  updates=data["updates"])
        bot.last_message_ids = {int(k): v for k, v in data["last_message_ids"].items()}
        bot.chats = {c["id"]: c for c in data["chats"]}
        bot.users = {u["id"]: u for u in data["users"]}
        for update in bot.updates:
            message = update.get("message") or update.get("edited_message")
            if message is not None:
                if "reply_to_message" in message:
                    bot.save_message(message["reply_to_message"])
                bot.save_message(message)
            query = update.get("callback_query")
            if query is not None:
                bot.save_message(query["message"])
                bot.open_callbacks[query["id"]] = {
                    "chat_id": query["message"]["chat"]["id"],
                    "message_id": query["message"]["message_id"],
                    "user_id": query["from"]["id"], "data": query.get("data")}
        return bot


class Store:
    """All bots of one server, looked up by token or id, optionally persisted to a file."""

    def __init__(self, state_file: Path | None = None, strict_html: bool = False) -> None:
        self.state_file = state_file
        self.strict_html = strict_html
        self.closing = False
        self.bots: dict[int, BotState] = {}
        if state_file is not None and state_file.exists():
            data = json.loads(state_file.read_text(encoding="utf-8"))
            self.bots = {int(k): BotState.from_json(int(k), v) for k, v in data["bots"].items()}

    def bot(self, bot_id: int) -> BotState:
        """The bot with this id, created on first use."""
        if bot_id not in self.bots:
            self.bots[bot_id] = BotState(bot_id=bot_id, dirty=True)
        return self.bots[bot_id]

    def bot_for_token(self, token: str) -> BotState:
        """The bot a Bot API token names: 404 if malformed, 401 if the id has another token."""
        match = TOKEN_RE.match(token)
        if match is None:
            raise ApiError(404, "Not Found")
        bot = self.bot(int(match.group(1)))
        if bot.token is None:
            bot.token = token
            bot.dirty = True
        elif bot.token != token:
            raise ApiError(401, "Unauthorized")
        return bot

    def flush(self) -> None:
        """Write the state file if anything persisted changed (atomically)."""
        if not any(bot.dirty for bot in self.bots.values()):
            return
        for bot in self.bots.values():
            bot.dirty = False
        if self.state_file is None:
            return
        data = {"bots": {str(k): bot.to_json() for k, bot in self.bots.items()}}
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.state_file)

    def shutdown(self) -> None:
        """Make every long poll return now: the server is stopping."""
        self.closing = True
        for bot in self.bots.values():
            bot.update_signal.fire()
            bot.sent_signal.fire()
