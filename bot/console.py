"""The console front end: a REPL over the same handlers the Telegram bot uses.

Line editing and history come from ``readline`` where the platform has it; numbered choices
under an answer can be picked by typing their number.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from bot.language import Language
from bot.plain import render
from handlers.commands import command, topic_questions
from handlers.questions import Responder
from handlers.reply import Choice, Reply

HISTORY_FILE = Path.home() / ".hoi_nghi_bot_history"
EXIT_WORDS = frozenset({"/quit", "/exit", "/thoat", "/thoát"})


def _enable_line_editing() -> None:
    """Arrow keys and a persistent history, when readline is available."""
    try:
        import readline
    except ImportError:
        return
    try:
        readline.read_history_file(HISTORY_FILE)
    except OSError:
        pass
    readline.set_history_length(1000)
    import atexit

    def save() -> None:
        try:
            readline.write_history_file(HISTORY_FILE)
        except OSError:
            pass

    atexit.register(save)


class ConsoleSession:
    """One console conversation: remembers the last choices so "2" picks the second."""

    def __init__(self, responder: Callable[[], Responder]) -> None:
        self._responder = responder
        self._choices: tuple[Choice, ...] = ()
        self._lang: Language = "vi"

    def handle(self, line: str) -> Reply:
        """The reply to one typed line."""
        responder = self._responder()
        text = line.strip()
        lang = self._lang
        reply: Reply | None = None
        if text.isdigit() and self._choices and 1 <= int(text) <= len(self._choices):
            chosen = self._choices[int(text) - 1]
            if chosen.target == "topic":
                reply = topic_questions(responder, chosen.id, lang)
            else:
                reply = responder.answer_intent(chosen.id, lang)
        elif text.startswith("/"):
            reply = command(responder, text[1:].split()[0] if text[1:] else "help", lang)
        if reply is None:
            reply = responder.answer(line, prefer=lang)
            self._lang = reply.language
        self._choices = reply.choices
        return reply


def run(responder: Callable[[], Responder], stdin: TextIO = sys.stdin,
        stdout: TextIO = sys.stdout) -> int:
    """Read questions until Ctrl-D, Ctrl-C or /quit; print each answer."""
    interactive = stdin.isatty()
    if interactive:
        _enable_line_editing()
    session = ConsoleSession(responder)
    print(render(command(responder(), "start", "vi")), file=stdout)
    print("\n(Gõ /help để được trợ giúp, /quit hoặc Ctrl-D để thoát.)", file=stdout)
    while True:
        try:
            line = input("\nBạn: ") if interactive else _read_line(stdin)
        except (EOFError, KeyboardInterrupt):
            print("\nTạm biệt!", file=stdout)
            return 0
        if line.strip().lower() in EXIT_WORDS:
            print("Tạm biệt!", file=stdout)
            return 0
        print("\nBot: " + render(session.handle(line)), file=stdout, flush=True)


def _read_line(stdin: TextIO) -> str:
    """A line from a non-terminal stdin; EOF at the end, like ``input``."""
    line = stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\n")
