"""The console as a person uses it: in a real terminal (a pseudo-terminal), 80 columns wide."""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.channels.console import ConsoleSession
from bot.channels.plain import render
from bot.store.database import LogConfig
from bot.store.writer import BackgroundStore
from handlers.questions import Responder
from tests.conftest import ROOT

COLUMNS = 80
#: Generous: the machine is shared; nothing here is a timing assertion.
DEADLINE_S = 60.0
#: How long a first Ctrl-C gets before it is pressed again (see the Ctrl-C test).
RETRY_S = 10.0
_CONTROL = re.compile(r"(\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\r\n\b])")


def _draw(output: str) -> str:
    """The lines a terminal shows for ``output``: carriage return, backspace and erase-line
    move and clear as on a screen; other control sequences are dropped."""
    lines: list[list[str]] = [[]]
    col = 0
    for piece in _CONTROL.split(output):
        line = lines[-1]
        if piece == "\n":
            lines.append([])
            col = 0
        elif piece == "\r":
            col = 0
        elif piece == "\b":
            col = max(col - 1, 0)
        elif piece == "\x1b[K":
            del line[col:]
        elif not piece.startswith("\x1b"):
            for char in piece:
                if col < len(line):
                    line[col] = char
                else:
                    line.append(char)
                col += 1
    return "\n".join("".join(line) for line in lines)


class Terminal:
    """``python -m bot console`` on a pseudo-terminal: type keys, wait for what appears."""

    def __init__(self, tmp: Path, *args: str, env: dict[str, str] | None = None) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, COLUMNS, 0, 0))
        full_env = {k: v for k, v in os.environ.items()
                    if k not in ("TELEGRAM_BOT_TOKEN", "COLUMNS", "LINES")}
        full_env.update(HOME=str(tmp), TERM="xterm", BOT_DB_PATH=str(tmp / "bot.sqlite3"),
                        BOT_HISTORY_FILE=str(tmp / "history"))
        full_env.update(env or {})
        self.proc = subprocess.Popen([sys.executable, "-m", "bot", "console", *args], cwd=ROOT,
                                     stdin=slave, stdout=slave, stderr=slave, env=full_env,
                                     preexec_fn=_own_terminal)
        os.close(slave)
        self.master = master
        self.raw = b""

    @property
    def screen(self) -> str:
        """Everything shown so far, as a terminal draws it (a line can be overwritten)."""
        return _draw(self.raw.decode("utf-8", "replace"))

    @property
    def flat(self) -> str:
        """The screen with line breaks and runs of spaces as one space (wrapping undone)."""
        return re.sub(r"\s+", " ", self.screen)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_for(self, text: str, after: int = 0) -> int:
        """Read until ``text`` shows, however wrapped (after ``flat`` position ``after``); its position."""
        deadline = time.monotonic() + DEADLINE_S
        while (found := self.flat.find(text, after)) < 0:
            if time.monotonic() > deadline or not self._read(deadline - time.monotonic()):
                raise AssertionError(f"{text!r} did not appear; the screen:\n{self.screen[-3000:]}")
        return found

    def printed(self, text: str) -> int:
        """How many times ``text`` has been printed: counted in the raw output, which a line that
        the terminal redraws cannot shorten (``flat`` positions can move back)."""
        return self.raw.count(text.encode())

    def wait_printed(self, text: str, times: int, within: float = DEADLINE_S) -> int:
        """Read until ``text`` has been printed more than ``times`` times (for at most ``within``
        seconds); its last ``flat`` position."""
        deadline = time.monotonic() + within
        while self.printed(text) <= times:
            if time.monotonic() > deadline or not self._read(deadline - time.monotonic()):
                raise AssertionError(f"{text!r} was not printed again; the screen:\n{self.screen[-3000:]}")
        return self.flat.rfind(text)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], max(timeout, 0))
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the console has exited and the terminal is closed
            return False
        self.raw += chunk
        return bool(chunk)

    def finish(self) -> int:
        """Wait for the console to exit (reading what it prints on the way); its exit code."""
        deadline = time.monotonic() + DEADLINE_S
        while self.proc.poll() is None and time.monotonic() < deadline:
            self._read(0.2)
        while self._read(0.1):
            pass
        return self.proc.wait(timeout=5)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        os.close(self.master)


def _own_terminal() -> None:
    """In the child: a session of its own whose controlling terminal is the pty, so Ctrl-C is SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path)
    yield term
    term.close()


def test_welcome_and_hint_are_wrapped_to_the_terminal(terminal: Terminal) -> None:
    terminal.wait_for("Bạn: ")
    lines = terminal.screen.split("\n")
    assert max(len(line) for line in lines) < COLUMNS, "\n".join(line for line in lines if len(line) >= COLUMNS)
    assert "/good" in terminal.screen and "Ctrl-D" in terminal.screen


def test_ctrl_c_clears_the_line_and_ctrl_d_quits(terminal: Terminal, tmp_path: Path) -> None:
    terminal.wait_for("Bạn: ")
    terminal.type("giá vàng hôm nay")
    terminal.wait_for("hôm nay")
    prompts = terminal.printed("Bạn: ")
    terminal.type("\x03")                 # Ctrl-C: the typed words are dropped, the console stays
    try:
        after_ctrl_c = terminal.wait_printed("Bạn: ", prompts, within=RETRY_S)
    except AssertionError:
        # Typed before readline took the terminal, the keys were echoed by the terminal itself and
        # the Ctrl-C reached Python outside readline's wait: it is seen only at the next signal, as a
        # person would press Ctrl-C again when nothing happens.
        terminal.type("\x03")
        after_ctrl_c = terminal.wait_printed("Bạn: ", prompts)
    terminal.type("ai chu tri hoi nghi\r")
    terminal.wait_for("Ban Dân vận Trung ương", after_ctrl_c)
    assert "không đề cập" not in terminal.screen    # "giá vàng" was never asked
    terminal.wait_for("Bạn: ", after_ctrl_c + 10)
    terminal.type("\x04")                 # Ctrl-D quits
    assert terminal.finish() == 0
    assert "Tạm biệt" in terminal.screen
    assert "ai chu tri hoi nghi" in (tmp_path / "history").read_text(encoding="utf-8")


def test_history_file_can_be_turned_off(tmp_path: Path) -> None:
    term = Terminal(tmp_path, env={"BOT_HISTORY_FILE": "off"})
    try:
        term.wait_for("Bạn: ")
        term.type("ai chu tri hoi nghi\r")
        term.wait_for("Ban Dân vận Trung ương")
        term.type("/quit\r")
        assert term.finish() == 0
    finally:
        term.close()
    assert not (tmp_path / "history").exists() and not (tmp_path / ".hoi_nghi_bot_history").exists()


def test_english_conversation_gets_an_english_prompt_and_goodbye(terminal: Terminal) -> None:
    terminal.wait_for("Bạn: ")
    terminal.type("Who attended at the Ca Mau bridge point?\r")
    terminal.wait_for("You: ")
    terminal.type("/quit\r")
    assert terminal.finish() == 0
    assert "Goodbye!" in terminal.screen and "Tạm biệt" not in terminal.screen


def test_a_rejected_live_edit_is_printed_above_the_prompt_and_the_line_is_kept(kb_copy: Path,
                                                                                 tmp_path: Path) -> None:
    term = Terminal(tmp_path, "--kb", str(kb_copy))
    try:
        term.wait_for("Bạn: ")
        events = kb_copy / "intents" / "event.yaml"
        text = events.read_text(encoding="utf-8")
        events.write_text(text.replace("Hội nghị diễn ra vào sáng", "ĐÃ SỬA: sáng", 1), encoding="utf-8")
        reloaded = term.wait_for("knowledge reloaded")   # a good edit is announced, above the prompt
        term.wait_for("Bạn: ", reloaded)
        term.type("ai chu tri")
        term.wait_for("ai chu tri", reloaded)
        events.write_text(text.replace("  answer_en:", "  answr_en:", 1), encoding="utf-8")
        warning = term.wait_for("answr_en")
        redrawn = term.wait_for("Bạn: ai chu tri", warning)   # the prompt and the typed words again
        screen = term.screen
        line = screen[screen.rfind("\n", 0, screen.find("rejected")) + 1:screen.find("rejected")]
        assert "Bạn:" not in line, f"the warning is printed over the prompt: {line!r}"
        term.type(" hoi nghi\r")
        term.wait_for("Ban Dân vận Trung ương", redrawn)
    finally:
        term.close()


def test_help_names_every_console_command_choices_and_follow_ups(responder: Responder) -> None:
    text = render(ConsoleSession(lambda: responder).handle("/help"))
    for needed in ("/topics", "/about", "/good", "/bad", "/quit", "Ctrl-D", "Ctrl-C", "1, 2", "nói rõ hơn", "nguồn"):
        assert needed in text, needed
    english = ConsoleSession(lambda: responder)
    english.handle("When was the conference held?")
    assert "/good" in render(english.handle("/help")) and "tell me more" in render(english.handle("/help"))


def test_an_unknown_command_is_called_unknown_with_the_closest_one(responder: Responder) -> None:
    session = ConsoleSession(lambda: responder)
    typo = render(session.handle("/topic"))
    assert "/topic" in typo and "/topics?" in typo and len(typo.splitlines()) == 1
    nothing_close = render(session.handle("/foo"))
    assert "/foo" in nothing_close and "/help" in nothing_close and len(nothing_close.splitlines()) == 1


def test_an_empty_enter_gets_a_one_line_hint(responder: Responder) -> None:
    session = ConsoleSession(lambda: responder)
    session.welcome()
    for typed in ("", "   "):
        hint = render(session.handle(typed))
        assert len(hint.splitlines()) == 1 and "/help" in hint
    assert "Hội nghị diễn ra khi nào?" in render(session.handle("1"))  # the welcome's numbers still work


def test_a_second_rating_of_the_same_answer_says_it_replaced_the_first(responder: Responder,
                                                                       tmp_path: Path) -> None:
    store = BackgroundStore(LogConfig(tmp_path / "log.sqlite3", None))
    try:
        session = ConsoleSession(lambda: responder, store)
        session.handle("ai chu tri hoi nghi")
        first, again, changed = (render(session.handle(r)) for r in ("/good", "/good", "/bad"))
        assert first == "Cảm ơn, mình đã ghi nhận."
        assert again != first and "👍" in again
        assert "👎" in changed and "👍" in changed and changed not in (first, again)
        session.handle("ai chu tri hoi nghi")
        assert render(session.handle("/bad")) == first   # a new answer is rated afresh
    finally:
        store.close()
