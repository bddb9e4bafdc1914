"""Waiting in tests: on events, never on time; a process that must end always ends.

A passing test never waits out a deadline: it goes on the moment its condition holds. So the
deadlines are generous, because they only decide how long a broken test takes to fail, and a busy
CI machine can be ten times slower than an idle one. Use these instead of ``time.sleep``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import resource
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, AnyStr, TypeVar

ROOT = Path(__file__).resolve().parent.parent
#: How long something that should happen (a reply, a row, an edit going live) may take.
DEADLINE = 20.0
#: How long a process may take to start (imports are slow on a busy machine) or a whole command
#: (``python -m bot …``) to run, before it counts as hung.
PROCESS_DEADLINE = 120.0
#: How often a condition is looked at.
POLL_S = 0.05

T = TypeVar("T")
#: What a wait is for, or a function that says so when the wait fails.
Describe = str | Callable[[], str]


def wait_for(condition: Callable[[], T], what: Describe, timeout: float = DEADLINE) -> T:
    """Poll ``condition`` until it returns something truthy and return that; fail after ``timeout``.

    ``what`` names the awaited event in the failure; a function is called only then (e.g. to
    show a log as it is at the deadline).
    """
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(_missed(what, timeout))
        time.sleep(POLL_S)
    return result


async def wait_for_async(condition: Callable[[], T], what: Describe, timeout: float = DEADLINE) -> T:
    """``wait_for`` inside an event loop: the loop keeps running while the condition is polled."""
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        if time.monotonic() > deadline:
            raise AssertionError(_missed(what, timeout))
        await asyncio.sleep(POLL_S)
    return result


def _missed(what: Describe, timeout: float) -> str:
    return f"{what() if callable(what) else what}: not within {timeout:g} s"


def child_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """``env`` (default: ours) for a Python child that prints its stacks when aborted (see ``end``)."""
    return {**(os.environ if env is None else env), "PYTHONFAULTHANDLER": "1"}


def end(proc: subprocess.Popen[Any], timeout: float = DEADLINE) -> bool:
    """Wait for ``proc`` to end; if it does not, make it print its stacks and kill it. True if it ended.

    A Python child started with ``child_env`` dumps every thread's stack on SIGABRT, so the
    output of a hung process shows where it hung.
    """
    try:
        proc.wait(timeout)
        return True
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):  # the stacks, not a core file
            resource.prlimit(proc.pid, resource.RLIMIT_CORE, (0, 0))
        proc.send_signal(signal.SIGABRT)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return False


def run_to_end(args: Sequence[str | bytes], stdin: AnyStr, env: Mapping[str, str] | None = None,
               timeout: float = PROCESS_DEADLINE, stdout: int | IO[Any] = subprocess.PIPE,
               ) -> subprocess.CompletedProcess[AnyStr]:
    """Run ``args`` in the project folder with ``stdin`` as its whole input; fail with its output if it hangs.

    Text in, text out; bytes in, bytes out. ``stdout`` may send its output elsewhere (a file, a pipe).
    """
    proc = subprocess.Popen(list(args), cwd=ROOT, env=child_env(env), text=isinstance(stdin, str),
                            stdin=subprocess.PIPE, stdout=stdout, stderr=subprocess.PIPE)
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        end(proc, 0)
        out, err = proc.communicate()
        raise AssertionError(f"{args!r} did not end within {timeout:g} s\n"
                             f"--- stdout ---\n{out!s}\n--- stderr ---\n{err!s}") from None
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


class LineProcess:
    """A line-by-line exchange with a process (``ask --json -``): every read has a deadline.

    Use as a context manager: at the end its stdin is closed and it must exit within the
    deadline, or the test fails with everything it printed.
    """

    def __init__(self, args: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        self.args = list(args)
        self._proc = subprocess.Popen(self.args, cwd=ROOT, env=child_env(env), text=True, bufsize=1,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self._lines: queue.Queue[str] = queue.Queue()
        self._stderr: list[str] = []
        assert self._proc.stdout is not None and self._proc.stderr is not None
        self._readers = [self._reader(self._proc.stdout, self._lines.put),
                         self._reader(self._proc.stderr, self._stderr.append)]

    @staticmethod
    def _reader(stream: IO[str], sink: Callable[[str], object]) -> threading.Thread:
        """Read ``stream`` line by line in a thread, so that no read blocks the test."""
        def pump() -> None:
            for line in stream:
                sink(line)

        thread = threading.Thread(target=pump, daemon=True)
        thread.start()
        return thread

    def say(self, line: str) -> str:
        """Send one line and return the next line it prints (the first waits for it to start)."""
        assert self._proc.stdin is not None
        self._proc.stdin.write(line + "\n")
        self._proc.stdin.flush()
        try:
            return self._lines.get(timeout=PROCESS_DEADLINE)
        except queue.Empty:
            raise AssertionError(f"no answer to {line!r} within {PROCESS_DEADLINE:g} s\n{self.stderr()}") from None

    def stderr(self) -> str:
        """What it printed on stderr so far."""
        return "".join(self._stderr)

    def close(self) -> int:
        """Close its stdin and wait for it to end; its exit code."""
        assert self._proc.stdin is not None
        self._proc.stdin.close()
        ended = end(self._proc)
        for reader in self._readers:
            reader.join(5)
        assert ended, f"{' '.join(self.args)} did not end within {DEADLINE:g} s of its input's end\n{self.stderr()}"
        return self._proc.returncode

    @property
    def returncode(self) -> int | None:
        """Its exit code once it has ended."""
        return self._proc.returncode

    def __enter__(self) -> LineProcess:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
