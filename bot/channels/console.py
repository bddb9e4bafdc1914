"""The console front end: a REPL over the same handlers the Telegram bot uses.

Line editing and history come from ``readline`` where the platform has it; numbered choices
under an answer can be picked by typing their number. As in Python's own prompt, Ctrl-C drops
the line being typed and Ctrl-D (or /quit) ends the conversation. Warnings that arrive while
someone types (a rejected knowledge edit) are printed above the prompt, which is then drawn
again with what was typed so far.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import sys
import textwrap
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from bot.channels.plain import render
from bot.engine.language import Language
from bot.store.writer import BackgroundStore
from handlers.commands import COMMANDS, command, topic_questions, unknown_command
from handlers.conversation import Conversation, Turn
from handlers.followups import ChatContext
from handlers.questions import Responder
from handlers.reply import Choice, Kind, Reply

EXIT_WORDS = frozenset({"/quit", "/exit", "/thoat", "/thoát"})
#: Every command the console knows, for "did you mean".
CONSOLE_COMMANDS = (*COMMANDS, "good", "bad", "quit")
#: The console is one conversation; its context is saved under this key.
CONSOLE_CHAT = "console"
_THUMBS = {1: "👍", -1: "👎"}


@dataclass(frozen=True)
class _Words:
    """The console's own sentences in one language (the knowledge base's are in messages.yaml)."""

    prompt: str
    goodbye: str
    hint: str
    empty: str
    help: str
    thanks: str
    same: str
    changed: str
    nothing_to_rate: str


_WORDS: dict[Language, _Words] = {
    "vi": _Words(
        prompt="Bạn: ", goodbye="Tạm biệt!",
        hint="(Gõ /help để được trợ giúp, /good hoặc /bad để đánh giá câu trả lời vừa rồi, "
             "/quit hoặc Ctrl-D để thoát.)",
        empty="(Bạn hãy gõ một câu hỏi, một số trong danh sách vừa hiện, hoặc /help.)",
        help="Trong cửa sổ này: gõ số (1, 2, …) để chọn một câu hỏi hay chủ đề trong danh sách vừa "
             "hiện; sau một câu trả lời có thể hỏi tiếp \"nói rõ hơn\", \"nguồn?\", \"còn nhiệm vụ tiếp "
             "theo?\", \"ông ấy là ai?\"; /good hoặc /bad để đánh giá câu trả lời vừa rồi; Ctrl-C xoá "
             "dòng đang gõ; /quit hoặc Ctrl-D để thoát.",
        thanks="Cảm ơn, mình đã ghi nhận.",
        same="Câu trả lời này đã được bạn đánh giá {new} rồi.",
        changed="Đã đổi đánh giá câu trả lời vừa rồi: {new} thay cho {old}.",
        nothing_to_rate="Chưa có câu trả lời nào để đánh giá (hoặc chưa có nhật ký)."),
    "en": _Words(
        prompt="You: ", goodbye="Goodbye!",
        hint="(Type /help for help, /good or /bad to rate the last answer, /quit or Ctrl-D to quit.)",
        empty="(Type a question, a number from the list just shown, or /help.)",
        help="In this window: type a number (1, 2, …) to pick a question or topic from the list just "
             "shown; after an answer you can ask \"tell me more\", \"source?\", \"what's next?\", \"who "
             "is he?\"; /good or /bad rates the last answer; Ctrl-C clears the line; /quit or Ctrl-D "
             "quits.",
        thanks="Thanks, noted.",
        same="You had already rated this answer {new}.",
        changed="Changed your rating of the last answer: {new} instead of {old}.",
        nothing_to_rate="There is no answer to rate yet (or no conversation log)."),
}


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
        self._last_rating: int | None = None  # of the last exchange, to say when a rating changes

    @property
    def words(self) -> _Words:
        """The console's sentences in the conversation's language."""
        return _WORDS[self._ctx.language]

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
        if not text:
            reply = Reply(self.words.empty, Kind.COMMAND, lang)
        # isdecimal, not isdigit: "²" and "③" are digits int() refuses; a long number is no choice.
        elif text.isdecimal() and len(text) <= 3 and self._choices and 1 <= int(text) <= len(self._choices):
            chosen = self._choices[int(text) - 1]
            if chosen.target == "topic":
                reply = topic_questions(responder, chosen.id, lang)
            else:
                turn = self._conversation.choose(chosen.id, lang, self._ctx, self._chat, self._chat)
        elif text.lower() in ("/good", "/bad"):
            reply = self._rate(1 if text.lower() == "/good" else -1)
        elif text.startswith("/"):
            reply = self._command(responder, text[1:].split()[0] if text[1:].split() else "help", lang)
        if reply is None and turn is None:
            turn = self._conversation.ask(line, self._ctx, self._chat, self._chat)
        if turn is not None:
            reply = turn.reply
            self._last_exchange, self._last_rating = turn.exchange_id or "", None
            if turn.context != self._ctx and self._store is not None:
                self._store.remember(self._chat, turn.context.to_dict())
            self._ctx = turn.context
        assert reply is not None
        if reply.kind is not Kind.COMMAND or reply.choices:  # /good, /bad, /help keep the numbers
            self._choices = reply.choices
        return reply

    def _command(self, responder: Responder, name: str, lang: Language) -> Reply:
        """/help (with the console's own keys), the shared commands, or "no such command"."""
        if name.lower() not in COMMANDS:
            return unknown_command(name, CONSOLE_COMMANDS, lang)
        reply = command(responder, name, lang)
        return replace(reply, text=f"{reply.text}\n\n{self.words.help}") if name.lower() == "help" else reply

    def _rate(self, rating: int) -> Reply:
        """/good and /bad: rate the last answer, saying so when it replaces an earlier rating."""
        words = self.words
        stored = self._store is not None and self._store.feedback(self._last_exchange, rating, self._chat)
        if not stored:
            text = words.nothing_to_rate
        elif self._last_rating is None:
            text = words.thanks
        elif self._last_rating == rating:
            text = words.same.format(new=_THUMBS[rating])
        else:
            text = words.changed.format(new=_THUMBS[rating], old=_THUMBS[self._last_rating])
        if stored:
            self._last_rating = rating
        return Reply(text, Kind.COMMAND, self._ctx.language)


class Screen:
    """The terminal: text wrapped to its width, and warnings printed above a prompt in use."""

    def __init__(self, out: TextIO, wrap: bool) -> None:
        self._out = out
        self._wrap = wrap
        self._lock = threading.Lock()
        self._prompt: str | None = None  # shown and waiting for a line

    def show(self, text: str) -> None:
        """Print ``text`` (wrapped on a terminal)."""
        with self._lock:
            print(_wrap(text) if self._wrap else text, file=self._out, flush=True)

    def read(self, prompt: str) -> str:
        """A line typed at ``prompt`` (with line editing when readline is there).

        The prompt is set and cleared without the lock (one assignment is atomic): a Ctrl-C landing
        between taking and entering a lock would leave it held, and the next prompt would wait forever.
        """
        self._prompt = prompt
        try:
            return input(prompt)
        finally:
            self._prompt = None

    def above(self, text: str) -> None:
        """Print ``text`` above the prompt, then draw the prompt again with what was typed."""
        with self._lock:
            prompt = self._prompt
            if prompt is None:
                print(_wrap(text) if self._wrap else text, file=self._out, flush=True)
                return
            self._out.write(f"\r\x1b[K{_wrap(text)}\n{prompt}{_typed()}")
            self._out.flush()


class _AboveThePrompt(logging.Handler):
    """Log records printed with ``Screen.above``, so they never land in the middle of typing."""

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self._screen = screen
        self.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._screen.above(self.format(record))
        except Exception:
            self.handleError(record)


def run(responder: Callable[[], Responder], store: BackgroundStore | None = None,
        stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout, history: Path | None = None) -> int:
    """Read questions until Ctrl-D or /quit; print each answer.

    ``history`` is the file that keeps typed lines between runs (None: kept in memory only).
    """
    interactive = stdin.isatty()
    screen = Screen(stdout, wrap=interactive)
    if interactive:
        _enable_line_editing(history)
        logging.basicConfig(level=logging.WARNING, handlers=[_AboveThePrompt(screen)], force=True)
        logging.getLogger("bot.kb.live").setLevel(logging.INFO)  # "knowledge reloaded" too
    session = ConsoleSession(responder, store)
    screen.show("Bot: " + render(session.welcome()))
    screen.show("\n" + session.words.hint)
    while True:
        words = session.words
        try:
            if interactive:
                stdout.write("\n")
                line = screen.read(words.prompt)
            else:
                line = _read_line(stdin)
        except KeyboardInterrupt:
            if not interactive:
                return 0
            stdout.write("\n")  # the typed line is dropped; a fresh prompt follows
            continue
        except EOFError:
            screen.show("\n" + words.goodbye)
            return 0
        if line.strip().lower() in EXIT_WORDS:
            screen.show(words.goodbye)
            return 0
        screen.show("\nBot: " + render(session.handle(line)))


def _enable_line_editing(history: Path | None) -> None:
    """Arrow keys, and a history kept in ``history`` (owner-only: it holds the questions asked)."""
    try:
        import readline
    except ImportError:
        return
    readline.set_history_length(1000)
    if history is None:
        return
    with contextlib.suppress(OSError):
        readline.read_history_file(history)
    import atexit

    def save() -> None:
        with contextlib.suppress(OSError):
            readline.write_history_file(history)
            history.chmod(0o600)

    atexit.register(save)


def _typed() -> str:
    """What has been typed at the prompt so far ('' without readline)."""
    try:
        import readline
    except ImportError:
        return ""
    return readline.get_line_buffer()


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
