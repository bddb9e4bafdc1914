"""Telegram load benchmark: many users asking at once, our bot against an echo bot.

    python -m bench.telegram_load                 # 50 users x 20 questions, as conversations
    python -m bench.telegram_load --burst         # the same 1000 messages injected at once
    python -m bench.telegram_load --quick         # 10 users x 5 questions
    python -m bench.telegram_load --flood         # the server enforces Telegram's flood limits
    python -m bench.telegram_load --users 50 --questions 20 --run-timeout 300

Four runs, in the order echo, ours, ours, echo (so drift over time hits both bots alike).
Each run starts a fresh fake Bot API server (tests/fake_telegram) and a fresh bot process:
``python -m bot`` through tests/telegram_harness.BotProcess (BOT_DB_PATH in a temporary
folder), or bench/echo_bot.py, the python-telegram-bot floor with the same concurrency.
A warm-up question (its own chat) must be answered before the load starts: that proves the
bot is polling and keeps first-use costs out of the figures.

Our bot runs with ``TELEGRAM_PACING=off`` (no pacing, as the echo bot), so the figures are
what one process can answer. ``--flood``: the server refuses messages over Telegram's flood
limits with 429 (``tests/fake_telegram/flood.py``) and our bot paces as in production; the
echo bot, without a rate limiter, loses what is refused.

Load: ``--users`` private chats, each asking ``--questions`` questions from
tests/questions/tune.yaml (every user starts at a different question). Conversation mode
(default): a user sends the next question once the previous one is answered, or once 30 s
have passed. ``--burst``: every user sends all its questions at once, without waiting.

Measurement: one long poll on the control API's ``wait`` (no chat filter, ``after_seq`` of
the last entry seen) observes every message the bot sends; the first reply in a chat after a
question answers it (per chat, first in first out). Latency = the moment the observer gets
the reply - the moment just before the question's POST to the control API. At most 20
questions are in flight to the control API at a time, and a question's clock starts only
once it may go, so the injector's own queue is not counted. The control calls go through
aiohttp, not tests/fake_telegram/client.py's httpx (see ``Control``), to keep this process
from taking CPU from the bot.

Printed per run and per bot (median of its two runs): messages sent, replies received,
lost (no reply within 30 s), p50/p95/p99 latency of the replies received (ms), messages per
second (replies / wall time from the first question to the last reply), the CPU ms per
question used during the load by the fake server, the bot and this process (injector and
observer), and the CPU the rest of the machine used meanwhile (in % of one CPU: other work
on a shared machine skews every figure), then ours/echo ratios of p95 and throughput.
"extra" counts bot messages beyond one per question (a reply split in two parts, or a reply
after its question was given up as lost).
Nothing is asserted: the aims (nothing lost, p95 and throughput no worse than echo's) are
printed beside the figures. Every process is stopped by its own pid (SIGTERM, then SIGKILL).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import aiohttp
import yaml

from tests.fake_telegram.process import FakeTelegramServer
from tests.telegram_harness import TOKEN, BotProcess

ROOT = Path(__file__).resolve().parent.parent
QUESTIONS_FILE = ROOT / "tests" / "questions" / "tune.yaml"
RUN_ORDER = ("echo", "ours", "ours", "echo")
LOST_AFTER_S = 30.0
START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
INJECT_CONCURRENCY = 20
OBSERVE_POLL_S = 5.0
FIRST_CHAT_ID = 5_000_001
WARMUP_CHAT_ID = 4_999_999
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Question:
    """One injected question and when its reply was seen."""

    chat_id: int
    injected: float
    replied: float | None = None
    done: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def latency(self) -> float | None:
        """Seconds to the reply, None if it never came or came after LOST_AFTER_S."""
        if self.replied is None or self.replied - self.injected > LOST_AFTER_S:
            return None
        return self.replied - self.injected


@dataclass(frozen=True)
class RunResult:
    """The figures of one run."""

    bot: str
    sent: int
    replies: int
    lost: int
    extra: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    per_s: float
    wall_s: float
    cpu_server_ms: float
    cpu_bot_ms: float
    cpu_bench_ms: float
    others_pct: float
    timed_out: bool


class Control:
    """The two control-API calls the load makes (``message`` and ``wait``), over aiohttp.

    tests/fake_telegram/client.py does the same over httpx, which here costs 1.5-4 ms of CPU
    per request (more with more requests in flight): as much as the echo bot spends on a
    whole message, taken from the same two CPUs. aiohttp costs about 0.2 ms.
    """

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def send_text(self, chat_id: int, text: str) -> None:
        """A user sends ``text`` in their private chat."""
        async with self.session.post(f"/_test/{TOKEN}/message",
                                     json={"chat_id": chat_id, "text": text}) as response:
            response.raise_for_status()

    async def wait(self, after_seq: int, timeout: float) -> list[dict[str, Any]]:
        """Everything the bot sent after ``after_seq``, in any chat, once there is some."""
        async with self.session.get(f"/_test/{TOKEN}/wait",
                                    params={"after_seq": after_seq, "timeout": timeout}) as response:
            response.raise_for_status()
            entries: list[dict[str, Any]] = await response.json()
            return entries


class Observer:
    """Follows everything the bot sends with one long poll; pairs replies with questions."""

    def __init__(self, control: Control, chat_ids: list[int], after_seq: int) -> None:
        self.control = control
        self.after_seq = after_seq
        self.extra = 0
        self.questions: list[Question] = []
        self._open: dict[int, deque[Question]] = {chat_id: deque() for chat_id in chat_ids}

    def expect(self, chat_id: int) -> Question:
        """Register a question about to be sent in ``chat_id``; its clock starts now."""
        question = Question(chat_id, time.perf_counter())
        self._open[chat_id].append(question)
        self.questions.append(question)
        return question

    async def run(self) -> None:
        """Long-poll the outgoing log until cancelled."""
        while True:
            entries = await self.control.wait(self.after_seq, OBSERVE_POLL_S)
            seen = time.perf_counter()
            for entry in entries:
                self.after_seq = entry["seq"]
                waiting = self._open.get(entry["chat_id"])
                if entry["method"] != "sendMessage" or waiting is None:
                    continue
                if not waiting:
                    self.extra += 1
                    continue
                question = waiting.popleft()
                question.replied = seen
                question.done.set()


# -- load -------------------------------------------------------------------------------


async def _ask(observer: Observer, control: Control, gate: asyncio.Semaphore, chat_id: int,
               text: str) -> Question:
    """Send one question once the injection gate lets it go."""
    async with gate:
        question = observer.expect(chat_id)
        await control.send_text(chat_id, text)
    return question


async def _await_reply(question: Question) -> None:
    """Wait until the question is answered or LOST_AFTER_S have passed since it was sent."""
    remaining = LOST_AFTER_S - (time.perf_counter() - question.injected)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(question.done.wait(), max(remaining, 0.0))


async def _converse(observer: Observer, control: Control, gate: asyncio.Semaphore, chat_id: int,
                    texts: list[str]) -> None:
    """Ask one question at a time, each after the previous reply (or after LOST_AFTER_S)."""
    for text in texts:
        await _await_reply(await _ask(observer, control, gate, chat_id, text))


async def _burst(observer: Observer, control: Control, gate: asyncio.Semaphore, chat_id: int,
                 texts: list[str]) -> None:
    """Send every question without waiting, then wait for the replies."""
    questions = [await _ask(observer, control, gate, chat_id, text) for text in texts]
    for question in questions:
        await _await_reply(question)


def _session(server: FakeTelegramServer, connections: int, timeout: float) -> aiohttp.ClientSession:
    """An aiohttp session to the fake server keeping at most ``connections`` open."""
    return aiohttp.ClientSession(server.base_url, connector=aiohttp.TCPConnector(limit=connections),
                                 timeout=aiohttp.ClientTimeout(total=timeout))


async def _load(server: FakeTelegramServer, scripts: dict[int, list[str]], burst: bool,
                after_seq: int, run_timeout: float) -> tuple[Observer, bool]:
    """Run every user's script; returns the observer and whether the run deadline cut it short."""
    async with (_session(server, INJECT_CONCURRENCY, LOST_AFTER_S) as inject,
                _session(server, 1, OBSERVE_POLL_S + LOST_AFTER_S) as watch):
        control, gate = Control(inject), asyncio.Semaphore(INJECT_CONCURRENCY)
        observer = Observer(Control(watch), list(scripts), after_seq)
        user = _burst if burst else _converse
        watcher = asyncio.create_task(observer.run())
        try:
            await asyncio.wait_for(asyncio.gather(*(user(observer, control, gate, chat_id, texts)
                                                    for chat_id, texts in scripts.items())),
                                   run_timeout)
            timed_out = False
        except TimeoutError:
            timed_out = True
        finally:
            watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await watcher
    return observer, timed_out


# -- processes --------------------------------------------------------------------------


@dataclass(frozen=True)
class Running:
    """A started bot process: its pid, whether it still runs, what it printed."""

    pid: int
    alive: Callable[[], bool]
    log: Callable[[], str]


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL after STOP_TIMEOUT_S."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def _echo_bot(server: FakeTelegramServer) -> Iterator[Running]:
    """bench/echo_bot.py against ``server``."""
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_BASE_URL": server.base_url,
           "TELEGRAM_BASE_FILE_URL": server.file_base_url}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen([sys.executable, "-m", "bench.echo_bot"], cwd=ROOT, env=env,
                                   stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        try:
            yield Running(process.pid, lambda: process.poll() is None, lambda: _read(log))
        finally:
            _stop(process)


def _read(log: IO[bytes]) -> str:
    """Everything written to ``log`` so far."""
    log.seek(0)
    return log.read().decode("utf-8", "replace")


@contextlib.contextmanager
def _our_bot(server: FakeTelegramServer) -> Iterator[Running]:
    """``python -m bot`` against ``server``, its conversation log in a temporary folder; paced
    to Telegram's limits only if the server enforces them."""
    with tempfile.TemporaryDirectory(prefix="bench-telegram-") as tmp:
        bot = BotProcess(server, {"BOT_DB_PATH": str(Path(tmp) / "bot.sqlite3"),
                                  "TELEGRAM_PACING": "on" if server.flood else "off"})
        try:
            bot.start()
            process = bot._process  # BotProcess has no public pid; read for CPU accounting only
            assert process is not None
            yield Running(process.pid, bot.alive, bot.log)
        finally:
            bot.stop()


def _warm_up(server: FakeTelegramServer, bot: Running, text: str) -> int:
    """Ask one question in a chat of its own until answered; returns the last outgoing seq."""
    with server.client(TOKEN) as client:
        seq = client.send_text(WARMUP_CHAT_ID, text)["seq"]
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if not bot.alive():
                raise RuntimeError(f"the bot exited before answering:\n{bot.log()}")
            if client.wait_for_reply(WARMUP_CHAT_ID, seq, 1.0):
                last: int = client.sent()[-1]["seq"]
                return last
    raise RuntimeError(f"the bot did not answer within {START_TIMEOUT_S:.0f} s:\n{bot.log()}")


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _machine_busy_seconds() -> float:
    """CPU time every process on the machine has used (all CPUs), from /proc/stat."""
    user, nice, system, _idle, _iowait, irq, softirq, steal = (
        int(x) for x in Path("/proc/stat").read_text().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS


def _snapshot(server_pid: int, bot_pid: int) -> list[float]:
    """CPU seconds so far of the server, the bot, this process, the machine; and the clock."""
    return [_cpu_seconds(server_pid), _cpu_seconds(bot_pid), time.process_time(),
            _machine_busy_seconds(), time.perf_counter()]


# -- runs -------------------------------------------------------------------------------


def run_once(kind: str, scripts: dict[int, list[str]], warm_text: str, burst: bool,
             run_timeout: float, flood: bool = False) -> RunResult:
    """One fresh server (enforcing Telegram's flood limits if ``flood``) and bot, warm-up, load, figures."""
    start_bot = _our_bot if kind == "ours" else _echo_bot
    with FakeTelegramServer(flood="telegram" if flood else None) as server, start_bot(server) as bot:
        assert server.pid is not None
        after_seq = _warm_up(server, bot, warm_text)
        before = _snapshot(server.pid, bot.pid)
        observer, timed_out = asyncio.run(_load(server, scripts, burst, after_seq, run_timeout))
        after = _snapshot(server.pid, bot.pid)
    return summarise(kind, observer, timed_out, [b - a for a, b in zip(before, after, strict=True)])


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile of sorted ``values``; NaN when empty."""
    if not values:
        return math.nan
    return values[max(math.ceil(p / 100 * len(values)) - 1, 0)]


def summarise(kind: str, observer: Observer, timed_out: bool, used: list[float]) -> RunResult:
    """The figures of one run from its questions and the CPU ``used`` (see ``_snapshot``)."""
    questions = observer.questions
    latencies = sorted(q.latency for q in questions if q.latency is not None)
    replied = [q.replied for q in questions if q.latency is not None and q.replied is not None]
    wall = max(replied) - min(q.injected for q in questions) if replied else math.nan
    server, bot, bench, machine, elapsed = used
    per_question = 1000 / max(len(questions), 1)
    return RunResult(
        bot=kind, sent=len(questions), replies=len(latencies), lost=len(questions) - len(latencies),
        extra=observer.extra, p50_ms=percentile(latencies, 50) * 1000,
        p95_ms=percentile(latencies, 95) * 1000, p99_ms=percentile(latencies, 99) * 1000,
        per_s=len(latencies) / wall if replied else 0.0, wall_s=wall,
        cpu_server_ms=server * per_question, cpu_bot_ms=bot * per_question,
        cpu_bench_ms=bench * per_question,
        others_pct=max(machine - server - bot - bench, 0.0) / elapsed * 100, timed_out=timed_out)


# -- report -----------------------------------------------------------------------------

COLUMNS = (("sent", "sent", "{:.0f}"), ("replies", "replies", "{:.0f}"), ("lost", "lost", "{:.0f}"),
           ("extra", "extra", "{:.0f}"), ("p50 ms", "p50_ms", "{:.1f}"), ("p95 ms", "p95_ms", "{:.1f}"),
           ("p99 ms", "p99_ms", "{:.1f}"), ("msg/s", "per_s", "{:.1f}"), ("wall s", "wall_s", "{:.2f}"),
           ("srv ms/q", "cpu_server_ms", "{:.2f}"), ("bot ms/q", "cpu_bot_ms", "{:.2f}"),
           ("bench ms/q", "cpu_bench_ms", "{:.2f}"), ("others %", "others_pct", "{:.0f}"))


def figures(result: RunResult) -> dict[str, float]:
    """The numeric columns of a result."""
    return {key: float(getattr(result, key)) for _, key, _ in COLUMNS}


def table(rows: list[tuple[str, dict[str, float]]]) -> str:
    """Right-aligned columns under a header."""
    header = [f"{'':<10}"] + [f"{title:>12}" for title, _, _ in COLUMNS]
    lines = ["".join(header)]
    for label, values in rows:
        cells = [f"{label:<10}"] + [f"{fmt.format(values[key]):>12}" for _, key, fmt in COLUMNS]
        lines.append("".join(cells))
    return "\n".join(lines)


def report(results: list[RunResult]) -> str:
    """Per-run table, per-bot medians, ours/echo ratios with the aims."""
    runs = [(f"{i}. {r.bot}{' *' if r.timed_out else ''}", figures(r)) for i, r in enumerate(results, 1)]
    medians: dict[str, dict[str, float]] = {}
    for kind in ("echo", "ours"):
        mine = [figures(r) for r in results if r.bot == kind]
        medians[kind] = {key: statistics.median(f[key] for f in mine) for _, key, _ in COLUMNS}
    ours, echo = medians["ours"], medians["echo"]
    lines = ["Runs (ms/q: CPU ms per question used by the fake server, the bot, this process;",
             "others %: CPU the rest of the machine used meanwhile, in % of one CPU):", table(runs)]
    if any(r.timed_out for r in results):
        lines.append("* cut short by --run-timeout: questions never sent are not counted")
    lines += ["", "Per bot (median of its two runs):", table(list(medians.items())), "",
              f"ours/echo p95 latency: {ours['p95_ms'] / echo['p95_ms']:.2f}   (aim <= 1.00)",
              f"ours/echo throughput:  {ours['per_s'] / echo['per_s']:.2f}   (aim >= 1.00)",
              f"lost by ours: {ours['lost']:.0f}   (aim 0)"]
    return "\n".join(lines)


def load_questions(count: int) -> list[str]:
    """The first ``count`` distinct ``q`` fields of the tune question set."""
    entries: list[dict[str, Any]] = yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))
    texts = list(dict.fromkeys(str(e["q"]) for e in entries if e.get("q")))
    if len(texts) < count:
        raise SystemExit(f"{QUESTIONS_FILE} has only {len(texts)} questions, {count} asked for")
    return texts[:count]


def main(argv: list[str] | None = None) -> int:
    """Parse the options, run echo, ours, ours, echo, print the tables."""
    parser = argparse.ArgumentParser(prog="python -m bench.telegram_load", description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, help="simulated private chats (default 50, quick 10)")
    parser.add_argument("--questions", type=int, help="questions per user (default 20, quick 5)")
    parser.add_argument("--burst", action="store_true", help="inject every question at once")
    parser.add_argument("--quick", action="store_true", help="10 users x 5 questions")
    parser.add_argument("--flood", action="store_true",
                        help="the server enforces Telegram's flood limits; our bot paces as in production")
    parser.add_argument("--run-timeout", type=float, default=300.0,
                        help="seconds one run's load may take at most (default 300)")
    args = parser.parse_args(argv)
    users = (10 if args.quick else 50) if args.users is None else args.users
    count = (5 if args.quick else 20) if args.questions is None else args.questions
    if users < 1 or count < 1:
        parser.error("--users and --questions must be at least 1")
    *texts, warm_text = load_questions(count + 1)  # the warm-up question is not in the load
    scripts = {FIRST_CHAT_ID + i: texts[i % count:] + texts[:i % count] for i in range(users)}
    mode = ("burst" if args.burst else "conversation") + (", Telegram's flood limits" if args.flood else "")
    print(f"{users} users x {count} questions, {mode} mode, {os.cpu_count()} CPUs, "
          f"lost after {LOST_AFTER_S:.0f} s", flush=True)
    results: list[RunResult] = []
    for i, kind in enumerate(RUN_ORDER, 1):
        print(f"run {i}/{len(RUN_ORDER)}: {kind} ...", file=sys.stderr, flush=True)
        results.append(run_once(kind, scripts, warm_text, args.burst, args.run_timeout, args.flood))
    print(report(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
