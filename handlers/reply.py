"""What a handler returns: platform-neutral, so Telegram, the console and tests share it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from bot.engine.language import Language


class Kind(Enum):
    """Why the reply says what it says; front ends and logs branch on it."""

    ANSWER = "answer"
    SMALLTALK = "smalltalk"
    REFUSAL = "refusal"
    OUT_OF_SCOPE = "out_of_scope"
    CLARIFY = "clarify"
    FALLBACK = "fallback"
    EMPTY = "empty"
    COMMAND = "command"


@dataclass(frozen=True)
class Choice:
    """Something the user can pick next: a question (intent) or a topic, with its label."""

    target: Literal["intent", "topic"]
    id: str
    label: str


@dataclass(frozen=True)
class Reply:
    """One answer to one message."""

    text: str
    kind: Kind
    language: Language
    matched: str | None = None
    candidate: str | None = None  # the best-scoring intent, even when the bot fell back
    score: float = 0.0
    sources: tuple[int, ...] = ()
    choices: tuple[Choice, ...] = ()
    choices_heading: str = ""
    note: str = ""
    source_line: str = ""
    normalized: str = ""
    semantic: float | None = None  # the semantic model's cosine when its second opinion decided

    @property
    def intent(self) -> str | None:
        """The answered intent (the contract's ``intent``): None when falling back."""
        return None if self.fallback else self.matched

    @property
    def fallback(self) -> bool:
        """True when the report does not answer the question (the contract's ``fallback``)."""
        return self.kind in (Kind.REFUSAL, Kind.OUT_OF_SCOPE, Kind.FALLBACK, Kind.EMPTY)
