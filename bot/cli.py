"""Command line: ``python -m bot [console|ask|check|eval|telegram|warm|report|purge|backup|health] [--kb DIR]``.

Kept thin: parse, load the knowledge base, hand over to a front end. Telegram's packages are
imported only by the ``telegram`` command, so console and ``ask`` start fast.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bot import __version__, config
from bot.engine.semantic import SemanticIndex, Warmth
from bot.kb.live import LiveKnowledge, watch_in_thread
from bot.kb.loader import KnowledgeBase, KnowledgeError
from handlers.questions import Responder, responder_builder, start_responder
from handlers.reply import Kind, Reply

#: Below this many examples ``check`` names an intent as thin: with every intent cut to its first
#: 8 examples the bot answers 94% of unseen questions, with 3 only 84% (bench/examples_needed.py).
FEW_EXAMPLES = 8


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every command takes ``--kb``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--kb", metavar="DIR", help="knowledge folder (default: BOT_KB_DIR or ./knowledge)")
    parser = argparse.ArgumentParser(prog="python -m bot", parents=[common],
                                     description="Hội nghị Bot: questions about the 31/12/2020 conference.")
    parser.add_argument("--version", action="version", version=f"hoi-nghi-bot {__version__}")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("console", parents=[common], help="chat in the terminal")
    ask = sub.add_parser("ask", parents=[common], help="answer one question ('-': one per stdin line)")
    ask.add_argument("question", nargs="+", help="the question (quotes optional), or - to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--session", action="store_true",
                     help="with -: the lines are one conversation, so follow-ups ('ông ấy là ai?', "
                          "'còn nhiệm vụ tiếp theo?', 'nguồn?') refer to the lines before them")
    check = sub.add_parser("check", parents=[common], help="validate the knowledge base and route every example")
    check.add_argument("--paragraphs", action="store_true", help="also print the report's numbered paragraphs")
    ev = sub.add_parser("eval", parents=[common], help="accuracy per category on question set files")
    ev.add_argument("files", nargs="+", type=Path)
    sub.add_parser("telegram", parents=[common], help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    sub.add_parser("warm", parents=[common],
                   help="prepare the semantic second opinion's vectors (once after install, about a minute "
                        "and a half on 2 cores; a one-shot ask uses them only when prepared)")
    purge = sub.add_parser("purge", parents=[common], help="delete logged exchanges older than a period")
    purge.add_argument("--older-than", required=True, metavar="AGE", help="e.g. 90d, 12h, 2w")
    rep = sub.add_parser("report", parents=[common], help="what users asked and what the bot missed")
    rep.add_argument("--since", default="7d", metavar="AGE", help="period to cover (default 7d)")
    rep.add_argument("--format", default="text", choices=("text", "md", "csv", "html"),
                     help="html: one self-contained page with charts, to open in a browser")
    rep.add_argument("--output", metavar="FILE", type=Path, help="write the report to FILE instead of printing it")
    bak = sub.add_parser("backup", parents=[common], help="a consistent copy of the live conversation log")
    bak.add_argument("path", type=Path, help="the copy's file, or a folder for a dated file")
    sub.add_parser("health", parents=[common], help="whether the running Telegram bot is healthy (exit code 0/1)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; exit codes: 0 ok, 1 check/eval failed, 2 bad knowledge or usage, 130 Ctrl-C.

    A reader that goes away (``| head``) ends any command quietly, as ``head`` expects.
    """
    _tolerate_bad_bytes()
    try:
        return _run(build_parser().parse_args(argv))
    except BrokenPipeError:
        sys.stderr.close()  # nothing more can be written; avoid the interpreter's own complaint
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    """Load the knowledge base and run the parsed command."""
    config.load_dotenv()
    command = args.command
    if command == "health":
        return _health()
    if command == "backup":
        return _backup(args.path)
    if command is None:
        if os.environ.get("TELEGRAM_BOT_TOKEN"):
            command = "telegram"
        else:
            print("TELEGRAM_BOT_TOKEN is not set: starting the console.", file=sys.stderr)
            command = "console"
    question = _question(args) if command == "ask" else None
    warmth = _warmth(command, question)
    if command == "console":
        # Threads started from here on (log writer, knowledge watcher, semantic warm-up) inherit a
        # blocked Ctrl-C, so the signal reaches the main thread and its prompt, never a worker.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        responder = start_responder(config.kb_dir(args.kb), config.cache_dir(), warmth)
    except KnowledgeError as exc:
        print(f"The knowledge base has {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    kb = responder.kb
    for warning in kb.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    build = responder_builder(config.cache_dir(), warmth)
    if command == "console":
        from bot.channels.console import run
        from bot.store.writer import BackgroundStore

        live = _live(responder, build)
        store = BackgroundStore(config.log_config())
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        try:
            return run(live.current, store, history=config.history_file())
        finally:
            store.close()
    if question is not None:  # ask
        if question == "-":
            return _ask_stream(_live(responder, build), args.json, args.session)
        _emit(question, responder.answer(question), args.json)
        return 0
    if command == "check":
        return _check(kb, responder, args.paragraphs)
    if command == "warm":
        return _warm(kb)
    if command == "eval":
        return _eval(responder, args.files)
    if command == "telegram":
        from bot.channels.telegram.app import run_telegram

        return run_telegram(responder, config.log_config(), build)
    if command in ("purge", "report"):
        return _log_command(args, responder)
    return 2


def _tolerate_bad_bytes() -> None:
    """Undecodable input bytes become U+FFFD and unencodable output characters "?", never a crash.

    Python's default depends on the locale: strict UTF-8 dies on the first bad byte (losing the
    lines read with it), and under C.UTF-8 bad bytes pass through as invalid UTF-8 in the output.
    """
    for stream in (sys.stdin, sys.stdout):  # stderr already escapes what it cannot write
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def reply_json(question: str, reply: Reply) -> dict[str, object]:
    """The ``ask --json`` contract: question, answer, intent, score, fallback, suggestions, sources.

    ``answer`` is what the bot says (and its note); the choices and sources have their own fields.
    ``intent`` names the curated refusal that answered (``kind: refusal``, ``fallback: true``);
    it is null only when the bot fell back on its own. ``suggestion_ids`` pairs each suggestion
    with its type, ``intent`` (a question) or ``topic``.
    """
    return {
        "question": question,
        "answer": "\n\n".join(part for part in (reply.text, reply.note) if part),
        "intent": reply.matched if reply.kind is Kind.REFUSAL else reply.intent,
        "score": reply.score,
        "fallback": reply.fallback,
        "kind": reply.kind.value,
        "language": reply.language,
        "suggestions": [c.label for c in reply.choices],
        "suggestion_ids": [{"type": c.target, "id": c.id} for c in reply.choices],
        "sources": list(reply.sources),
    }


def _log_command(args: argparse.Namespace, responder: Responder) -> int:
    """``purge`` and ``report`` over the conversation log."""
    import asyncio
    import sqlite3

    from bot.store.database import Store, parse_duration
    from bot.store.report import report_from_db
    from handlers.followups import FollowupResolver

    try:
        age = parse_duration(args.older_than if args.command == "purge" else args.since)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    path = config.db_path()
    if not path.exists():
        print(f"No conversation log at {path} (set BOT_DB_PATH).", file=sys.stderr)
        return 2
    async def purge() -> int:
        store = await Store.open(path, config.pseudonym_secret())
        try:
            return await store.purge(age)
        finally:
            await store.close()

    try:
        if args.command == "purge":
            print(f"Deleted {asyncio.run(purge())} exchange(s) older than {args.older_than}.")
            return 0
        text = asyncio.run(report_from_db(path, age, responder.kb.matching.accept_score, args.format,
                                          FollowupResolver(responder).looks_like))
    except (sqlite3.Error, OSError, ValueError) as exc:  # locked, not a log, unreadable key file
        print(f"Cannot use the conversation log at {path}: {exc}", file=sys.stderr)
        return 1
    if args.output is None:
        print(text)
        return 0
    try:
        args.output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        print(f"Cannot write the report to {args.output}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Report written to {args.output}", file=sys.stderr)
    return 0


def _health() -> int:
    """``health``: one line from the running bot's health file; 0 healthy, 1 not."""
    from bot.channels.telegram.health import health_file, read_health

    healthy, line = read_health(health_file(config.db_path()))
    print(line)
    return 0 if healthy else 1


def _backup(target: Path) -> int:
    """``backup``: copy the live conversation log with SQLite's online backup API."""
    import sqlite3

    from bot.store.backup import backup

    try:
        result = backup(config.db_path(), target)
    except (OSError, sqlite3.Error) as exc:
        print(f"Backup failed: {exc}", file=sys.stderr)
        return 1
    print(f"Backed up {result.exchanges} exchange(s) to {result.path} "
          f"({result.size / 1024:.0f} KB in {result.seconds:.2f} s).")
    return 0


def _warmth(command: str, question: str | None) -> Warmth:
    """When to build the semantic second opinion: long-running front ends (the console,
    Telegram, ``ask -``'s stream of questions) in the background; a one-shot ``ask`` only from
    prepared vectors; ``check``, ``eval`` and ``warm`` wait for it, as their results must be complete."""
    if command in ("console", "telegram") or question == "-":
        return "background"
    return "cached" if question is not None else "wait"


def _question(args: argparse.Namespace) -> str:
    """``ask``'s question. The shell passes bytes: undecodable ones become U+FFFD, as on stdin, not raw
    bytes in the JSON."""
    return " ".join(os.fsencode(word).decode("utf-8", "replace") for word in args.question)


def _warm(kb: KnowledgeBase) -> int:
    """Embed what the vector cache lacks, and say what was done (0, also when semantic is off)."""
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    started = time.perf_counter()
    index = SemanticIndex.build(kb, config.cache_dir())
    if index is None:
        print("Nothing to prepare: the semantic second opinion is off (see above).")
    else:
        print(f"Semantic vectors ready in {config.cache_dir()} ({time.perf_counter() - started:.1f} s).")
    return 0


def _live(responder: Responder, build: Callable[[KnowledgeBase], Responder]) -> LiveKnowledge[Responder]:
    """Serve ``responder`` and pick up knowledge edits in the background (long-running modes)."""
    logging.basicConfig(format="%(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    live = LiveKnowledge(responder.kb, build, responder)
    watch_in_thread(live)
    return live


def _emit(question: str, reply: Reply, as_json: bool) -> None:
    """Print one answer (plain or one JSON line) and flush, so pipes see it at once."""
    from bot.channels.plain import render

    text = json.dumps(reply_json(question, reply), ensure_ascii=False) if as_json else render(reply)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _ask_stream(live: LiveKnowledge[Responder], as_json: bool, session: bool) -> int:
    """Answer every stdin line with the knowledge serving at that moment.

    Lines are independent questions, or with ``session`` one conversation (follow-ups refer to
    earlier lines).
    """
    from handlers.conversation import Conversation
    from handlers.followups import ChatContext

    conversation = Conversation(live.current, "ask")
    ctx = ChatContext()
    for line in sys.stdin:
        question = line.rstrip("\r\n")
        turn = conversation.ask(question, ctx, "ask", "ask")
        reply = turn.reply
        if session:
            ctx = turn.context
        _emit(question, reply, as_json)
    return 0


def _check(kb: KnowledgeBase, responder: Responder, paragraphs: bool) -> int:
    """Route every example to its own intent; print a table; fail on any misroute."""
    if paragraphs:
        for n, text in enumerate(kb.paragraphs, 1):
            print(f"§{n}: {text}\n")
    bad = settled = 0
    print(f"{'intent':<36} {'kind':<9} {'examples':>8} {'routed':>6}")
    for intent in kb.intents.values():
        lines = []
        for example in intent.examples:
            reply = responder.answer(example)
            got = reply.matched if reply.kind.value in (intent.kind, "answer") else None
            if got != intent.id:
                bad += 1
                lines.append(f"    '{example}' → {got or reply.kind.value} ({reply.score:.1f})")
            elif reply.semantic is not None:  # the words alone would not have settled it
                settled += 1
                lines.append(f"    '{example}' → {got} ({reply.score:.1f}, settled by the semantic model: "
                             f"cosine {reply.semantic:.2f})")
        routed = len(intent.examples) - sum("settled by" not in line for line in lines)
        print(f"{intent.id:<36} {intent.kind:<9} {len(intent.examples):>8} {routed:>6}")
        for line in lines:
            print(line)
    total = sum(len(i.examples) for i in kb.intents.values())
    thin = [f"{i.id} ({len(i.examples)})" for i in kb.intents.values() if len(i.examples) < FEW_EXAMPLES]
    if thin:
        print(f"\nFewer than {FEW_EXAMPLES} examples, so answered only when asked much like them "
              f"(knowledge/README.md, 'How many examples'): {', '.join(thin)}")
    note = f" ({settled} routed only with the semantic model's help)" if settled else ""
    print(f"\n{len(kb.intents)} intents, {total} examples, {bad} misrouted{note}.")
    return 1 if bad else 0


def _eval(responder: Responder, files: list[Path]) -> int:
    """Print accuracy per category for each question set."""
    from bot.tools.evaluate import QuestionSetError, evaluate, load_cases, report

    try:
        sets = [(path, load_cases(path)) for path in files]
    except QuestionSetError as exc:
        print(f"eval: {exc}", file=sys.stderr)
        return 2
    for path, cases in sets:
        print(f"== {path}")
        print(report(evaluate(responder, cases)))
    return 0
