"""What the Telegram callbacks share: the serving knowledge, the log, the chats' contexts.

Kept apart from the callbacks so that the admin commands and the user-facing handlers both
import it, and not each other.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import OrderedDict
from dataclasses import dataclass, field

from telegram.ext import ContextTypes

from bot.kb.live import LiveKnowledge
from bot.store.database import Exchange, LogConfig, Store
from handlers.conversation import Conversation
from handlers.followups import ChatContext
from handlers.questions import Responder

#: How many chats' contexts stay in memory (the rest are reloaded from the store on demand).
CONTEXTS_IN_MEMORY = 10_000
#: How long a chat's first message waits for its saved context before starting afresh.
CONTEXT_LOAD_S = 0.3


@dataclass
class Services:
    """What the callbacks need, kept in ``application.bot_data``.

    It is also the conversation's recorder: exchanges go to the store once it is open.
    """

    live: LiveKnowledge[Responder]
    log_config: LogConfig
    admin_ids: frozenset[int] = field(default_factory=frozenset)
    store: Store | None = None
    contexts: OrderedDict[int, ChatContext] = field(default_factory=OrderedDict)
    conversation: Conversation = field(init=False)

    def __post_init__(self) -> None:
        self.conversation = Conversation(self.live.current, "telegram", recorder=self)

    def responder(self) -> Responder:
        """The responder serving now (it changes when the knowledge is edited)."""
        return self.live.current()

    def log(self, exchange: Exchange) -> str:
        """Queue an exchange in the conversation log; '' while there is no store."""
        return self.store.log(exchange) if self.store is not None else ""

    async def context_for(self, chat_id: int) -> ChatContext:
        """The chat's context: from memory, else from the store (it survives restarts)."""
        ctx = self.contexts.get(chat_id)
        if ctx is None:
            saved = None
            if self.store is not None:
                # A locked or broken database must not hold up the answer: start afresh instead.
                with contextlib.suppress(Exception):
                    saved = await asyncio.wait_for(self.store.load_context(str(chat_id)), CONTEXT_LOAD_S)
            ctx = ChatContext.from_dict(saved)
            self._keep(chat_id, ctx)
        return ctx

    def _keep(self, chat_id: int, ctx: ChatContext) -> None:
        """Remember a context in memory, forgetting the least recently used chats beyond the cap."""
        self.contexts[chat_id] = ctx
        self.contexts.move_to_end(chat_id)
        while len(self.contexts) > CONTEXTS_IN_MEMORY:
            self.contexts.popitem(last=False)

    def remember(self, chat_id: int, ctx: ChatContext) -> None:
        """Keep the chat's new context in memory and, if it changed, queue it for the store."""
        if self.contexts.get(chat_id) == ctx:
            return
        self._keep(chat_id, ctx)
        if self.store is not None:
            self.store.remember(str(chat_id), ctx.to_dict())


def services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    """The shared services object."""
    svc: Services = context.application.bot_data["services"]
    return svc


