"""A chat's turn: follow-up or new question, the reply, the log entry, the new context.

Shared by Telegram and the console so both remember context and log exchanges the same way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from bot.engine.language import Language
from bot.store.database import Exchange
from handlers.followups import ChatContext, FollowupResolver
from handlers.questions import Responder
from handlers.reply import Reply


class Recorder(Protocol):
    """Where exchanges go (the conversation log); ``log`` must never block or raise."""

    def log(self, exchange: Exchange) -> str: ...


@dataclass(frozen=True)
class Turn:
    """The outcome of one message: what to send, the chat's new context, the log id."""

    reply: Reply
    context: ChatContext
    exchange_id: str | None


class Conversation:
    """Answers messages for one channel ("telegram", "console") with context and logging."""

    def __init__(self, responder: Callable[[], Responder], channel: str,
                 recorder: Recorder | None = None) -> None:
        self._responder = responder
        self.channel = channel
        self.recorder = recorder

    def ask(self, text: str, ctx: ChatContext, chat: str, user: str,
            prefer: Language | None = None) -> Turn:
        """A typed message: a follow-up of the last answer, or a new question."""
        started = time.perf_counter()
        responder = self._responder()
        resolver = FollowupResolver(responder)
        lang = prefer or ctx.language
        reply = resolver.resolve(text, ctx, lang) or responder.answer(text, prefer=lang)
        return self._finish(resolver, reply, ctx, text, chat, user, started)

    def choose(self, intent_id: str, lang: Language, ctx: ChatContext, chat: str, user: str) -> Turn | None:
        """A picked question (button or number); None if it no longer exists."""
        started = time.perf_counter()
        responder = self._responder()
        reply = responder.answer_intent(intent_id, lang)
        if reply is None:
            return None
        intent = responder.kb.intents[intent_id]
        title = intent.title_en if lang == "en" else intent.title
        return self._finish(FollowupResolver(responder), reply, ctx, title, chat, user, started)

    def _finish(self, resolver: FollowupResolver, reply: Reply, ctx: ChatContext, question: str,
                chat: str, user: str, started: float) -> Turn:
        exchange_id = None
        if self.recorder is not None:
            exchange_id = self.recorder.log(Exchange(
                ts=time.time(), channel=self.channel, chat=chat, user=user, question=question,
                normalized=reply.normalized, intent=reply.matched, kind=reply.kind.value,
                score=reply.score, language=reply.language,
                elapsed_ms=(time.perf_counter() - started) * 1000.0, candidate=reply.candidate))
        return Turn(reply, resolver.update(ctx, reply), exchange_id)
