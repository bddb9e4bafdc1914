"""The console front end: a REPL over the same handlers the Telegram bot uses.

Line editing and history come from ``readline`` where the platform has it; numbered choices
under an answer can be picked by typing their number.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.channels.plain import render
from bot.store.writer import BackgroundStore
from handlers.commands import command, topic_questions
from handlers.conversation import Conversation, Turn
from handlers.followups import ChatContext
from handlers.questions import Responder
from handlers.reply import Choice, Kind, Reply

HISTORY_FILE = Path.home() / ".hoi_nghi_bot_history"
EXIT_WORDS = frozenset({"/quit", "/exit", "/thoat", "/thoát"})
#: The console is one conversation; its context is saved under this key.
CONSOLE_CHAT = "console"


def _enable_line_editing() -> None:
    """Arrow keys and a persistent history, when readline is available."""
    try:
        import readline
    except ImportError:
        return
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY_FILE)
    readline.set_history_length(1000)
    import atexit

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(HISTORY_FILE)

    atexit.register(save)


class ConsoleSession:
    """One console conversation: context, the log, and "2" picking the second choice."""

    def __init__(self, responder: Callable[[], Responder], store: BackgroundStore | None = None,
                 chat: str = CONSOLE_CHAT) -> None:
        self._responder = responder
        self._store = store
        self._chat = chat
        self._conversation = Conversation(responder, "console", recorder=store)
        self._ctx = ChatContext.from_dict(store.load_context(chat) if store else None)
        self._choices: tuple[Choice, ...] = ()
        self._last_exchange = ""

    def welcome(self) -> Reply:
        """The opening reply; its topics are the first numbered choices."""
        reply = command(self._responder(), "start", self._ctx.language)
        self._choices = reply.choices
        return reply

    def handle(self, line: str) -> Reply:
        """The reply to one typed line."""
        responder = self._responder()
        text = line.strip()
        lang = self._ctx.language
        turn: Turn | None = None
        reply: Reply | None = None
        # isdecimal, not isdigit: "²" and "③" are digits int() refuses; a long number is no choice.
        if text.isdecimal() and len(text) <= 3 and self._choices and 1 <= int(text) <= len(self._choices):
            chosen = self._choices[int(text) - 1]
            if chosen.target == "topic":
                reply = topic_questions(responder, chosen.id, lang)
            else:
                turn = self._conversation.choose(chosen.id, lang, self._ctx, self._chat, self._chat)
        elif text.lower() in ("/good", "/bad"):
            reply = self._rate(1 if text.lower() == "/good" else -1)
        elif text.startswith("/"):
            reply = command(responder, text[1:].split()[0] if text[1:] else "help", lang)
        if reply is None and turn is None:
            turn = self._conversation.ask(line, self._ctx, self._chat, self._chat)
        if turn is not None:
            reply = turn.reply
            self._last_exchange = turn.exchange_id or ""
            if turn.context != self._ctx and self._store is not None:
                self._store.remember(self._chat, turn.context.to_dict())
            self._ctx = turn.context
        assert reply is not None
        if reply.kind is not Kind.COMMAND or reply.choices:  # /good, /bad, /help keep the numbers
            self._choices = reply.choices
        return reply

    def _rate(self, rating: int) -> Reply:
        """/good and /bad: rate the last answer."""
        lang = self._ctx.language
        stored = self._store is not None and self._store.feedback(self._last_exchange, rating, self._chat)
        if lang == "en":
            text = "Thanks, noted." if stored else "There is no answer to rate yet (or no conversation log)."
        else:
            text = ("Cảm ơn, mình đã ghi nhận." if stored
                    else "Chưa có câu trả lời nào để đánh giá (hoặc chưa có nhật ký).")
        return Reply(text, Kind.COMMAND, lang)


def run(responder: Callable[[], Responder], store: BackgroundStore | None = None,
        stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Read questions until Ctrl-D, Ctrl-C or /quit; print each answer."""
    interactive = stdin.isatty()
    if interactive:
        _enable_line_editing()
    session = ConsoleSession(responder, store)
    print(render(session.welcome()), file=stdout)
    print("\n(Gõ /help để được trợ giúp, /good hoặc /bad để đánh giá câu trả lời vừa rồi, "
          "/quit hoặc Ctrl-D để thoát.)", file=stdout)
    while True:
        try:
            line = input("\nBạn: ") if interactive else _read_line(stdin)
        except (EOFError, KeyboardInterrupt):
            print("\nTạm biệt!", file=stdout)
            return 0
        if line.strip().lower() in EXIT_WORDS:
            print("Tạm biệt!", file=stdout)
            return 0
        text = "Bot: " + render(session.handle(line))
        print("\n" + (_wrap(text) if interactive else text), file=stdout, flush=True)


def _wrap(text: str) -> str:
    """Wrap long lines at word boundaries to the terminal's width (keeping list indents)."""
    width = max(shutil.get_terminal_size().columns - 1, 40)
    return "\n".join(
        textwrap.fill(line, width, subsequent_indent=" " * (len(line) - len(line.lstrip()) + 3))
        if len(line) > width else line
        for line in text.split("\n"))


def _read_line(stdin: TextIO) -> str:
    """A line from a non-terminal stdin; EOF at the end, like ``input``."""
    line = stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")
