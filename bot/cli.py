"""Command line: ``python -m bot [console|ask|check|eval|telegram] [--kb DIR]``.

Kept thin: parse, load the knowledge base, hand over to a front end. Telegram's packages are
imported only by the ``telegram`` command, so console and ``ask`` start fast.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from bot import config
from bot.kb.live import LiveKnowledge, watch_in_thread
from bot.kb.loader import KnowledgeBase, KnowledgeError, load
from handlers.questions import Responder, responder_builder
from handlers.reply import Reply


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; every command takes ``--kb``."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--kb", metavar="DIR", help="knowledge folder (default: BOT_KB_DIR or ./knowledge)")
    parser = argparse.ArgumentParser(prog="python -m bot", parents=[common],
                                     description="Hội nghị Bot: questions about the 31/12/2020 conference.")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("console", parents=[common], help="chat in the terminal")
    ask = sub.add_parser("ask", parents=[common], help="answer one question ('-': one per stdin line)")
    ask.add_argument("question", help="the question, or - to read questions from stdin")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.add_argument("--session", action="store_true",
                     help="with -: the lines are one conversation, so follow-ups ('ông ấy là ai?', "
                          "'còn nhiệm vụ tiếp theo?', 'nguồn?') refer to the lines before them")
    check = sub.add_parser("check", parents=[common], help="validate the knowledge base and route every example")
    check.add_argument("--paragraphs", action="store_true", help="also print the report's numbered paragraphs")
    ev = sub.add_parser("eval", parents=[common], help="accuracy per category on question set files")
    ev.add_argument("files", nargs="+", type=Path)
    sub.add_parser("telegram", parents=[common], help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    purge = sub.add_parser("purge", parents=[common], help="delete logged exchanges older than a period")
    purge.add_argument("--older-than", required=True, metavar="AGE", help="e.g. 90d, 12h, 2w")
    rep = sub.add_parser("report", parents=[common], help="what users asked and what the bot missed")
    rep.add_argument("--since", default="7d", metavar="AGE", help="period to cover (default 7d)")
    rep.add_argument("--format", default="text", choices=("text", "md", "csv"))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; exit codes: 0 ok, 1 check/eval failed, 2 bad knowledge or usage."""
    config.load_dotenv()
    args = build_parser().parse_args(argv)
    command = args.command
    if command is None:
        if os.environ.get("TELEGRAM_BOT_TOKEN"):
            command = "telegram"
        else:
            print("TELEGRAM_BOT_TOKEN is not set: starting the console.", file=sys.stderr)
            command = "console"
    try:
        kb = load(config.kb_dir(args.kb))
    except KnowledgeError as exc:
        print(f"The knowledge base has {len(exc.problems)} problem(s):", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    # Long-running front ends warm the semantic second opinion in the background.
    build = responder_builder(config.cache_dir(), background=command in ("console", "telegram"))
    responder = build(kb)
    if command == "console":
        from bot.channels.console import run
        from bot.store.writer import BackgroundStore

        live = _live(responder, build)
        store = BackgroundStore(config.log_config())
        try:
            return run(live.current, store)
        finally:
            store.close()
    if command == "ask":
        if args.question == "-":
            return _ask_stream(_live(responder, build), args.json, args.session)
        _emit(args.question, responder.answer(args.question), args.json)
        return 0
    if command == "check":
        return _check(kb, responder, args.paragraphs)
    if command == "eval":
        return _eval(responder, args.files)
    if command == "telegram":
        from bot.channels.telegram.app import run_telegram

        return run_telegram(kb, config.log_config(), build)
    if command in ("purge", "report"):
        return _log_command(args, kb)
    return 2


def reply_json(question: str, reply: Reply) -> dict[str, object]:
    """The ``ask --json`` contract: question, answer, intent, score, fallback, suggestions, sources.

    ``answer`` is what the bot says (and its note); the choices and sources have their own fields.
    """
    return {
        "question": question,
        "answer": "\n\n".join(part for part in (reply.text, reply.note) if part),
        "intent": reply.intent,
        "score": reply.score,
        "fallback": reply.fallback,
        "kind": reply.kind.value,
        "language": reply.language,
        "suggestions": [c.label for c in reply.choices],
        "suggestion_ids": [c.id for c in reply.choices],
        "sources": list(reply.sources),
    }


def _log_command(args: argparse.Namespace, kb: KnowledgeBase) -> int:
    """``purge`` and ``report`` over the conversation log."""
    import asyncio
    import sqlite3

    from bot.store.database import Store, parse_duration
    from bot.store.report import report_from_db

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
        if args.command == "report":
            print(asyncio.run(report_from_db(path, age, kb.matching.accept_score, args.format)))
        else:
            print(f"Deleted {asyncio.run(purge())} exchange(s) older than {args.older_than}.")
    except (sqlite3.Error, OSError, ValueError) as exc:  # locked, not a log, unreadable key file
        print(f"Cannot use the conversation log at {path}: {exc}", file=sys.stderr)
        return 1
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
    earlier lines). A reader that goes away (``| head``) or Ctrl-C ends the stream quietly.
    """
    from handlers.conversation import Conversation
    from handlers.followups import ChatContext

    conversation = Conversation(live.current, "ask")
    ctx = ChatContext()
    try:
        for line in sys.stdin:
            question = line.rstrip("\r\n")
            if session:
                turn = conversation.ask(question, ctx, "ask", "ask")
                reply, ctx = turn.reply, turn.context
            else:
                reply = live.current().answer(question)
            _emit(question, reply, as_json)
    except BrokenPipeError:
        sys.stderr.close()  # nothing more can be written; avoid the interpreter's own complaint
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except KeyboardInterrupt:
        return 130
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
    note = f" ({settled} routed only with the semantic model's help)" if settled else ""
    print(f"\n{len(kb.intents)} intents, {total} examples, {bad} misrouted{note}.")
    return 1 if bad else 0


def _eval(responder: Responder, files: list[Path]) -> int:
    """Print accuracy per category for each question set."""
    from bot.tools.evaluate import evaluate, load_cases, report

    for path in files:
        print(f"== {path}")
        print(report(evaluate(responder, load_cases(path))))
    return 0
