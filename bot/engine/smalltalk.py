"""Small-talk cues in a message: found as the user typed them, and taken out to see what is left.

"Cảm ơn bot nhé, mình đủ thông tin rồi" is thanks however many other words it has; "Xin chào,
hội nghị diễn ra khi nào?" is a question once "Xin chào" is taken out. The matcher decides which;
this module only finds the cues and removes them (and the words that address the bot).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from bot.kb.loader import KnowledgeBase
from bot.text.normalize import PhraseSet, marks_fit, raw_words, words

Payload = TypeVar("Payload")

#: Question words, spelt with their marks: a plain word typed fits them, another mark does not.
_QUESTION_WORDS: PhraseSet[tuple[None, tuple[str, ...]]] = PhraseSet(
    (words(w), (None, tuple(raw_words(w)))) for w in (
        "ai", "gì", "j", "nào", "đâu", "sao", "bao nhiêu", "bao giờ", "bao lâu", "mấy giờ", "ngày mấy", "what", "who",
        "when", "where", "which", "why", "how"))


def _spelt_right(phrases: PhraseSet[tuple[Payload, tuple[str, ...]]],
                 text: str) -> list[tuple[tuple[str, ...], Payload, int]]:
    """The phrases found in ``text`` as spelt: (folded words, payload, index just after).

    A word typed with marks must fit the phrase's ("bạn" is "bạn", not "Ban"); a plain word fits
    any, unless the message is typed with marks elsewhere: "trưởng ban là ai" is no "bạn là ai".
    """
    folded, typed = words(text), raw_words(text)
    found = phrases.find(folded)
    if len(typed) != len(folded):
        return [(phrase, payload, end) for phrase, (payload, _), end in found]
    all_plain = all(t.isascii() for t in typed)

    def fits(word: str, key: str) -> bool:
        return marks_fit(word, key) and (all_plain or not word.isascii() or key.isascii())

    return [(phrase, payload, end) for phrase, (payload, spelt), end in found
            if all(fits(typed[end - len(phrase) + k], spelt[k]) for k in range(len(phrase)))]


@dataclass(frozen=True)
class Cue:
    """A small-talk cue found in a message: its folded words, its intent, the index just after it."""

    words: tuple[str, ...]
    intent_id: str
    end: int


class SmallTalkCues:
    """The knowledge base's small-talk cues and address words ("bot", "bạn", "cháu")."""

    def __init__(self, kb: KnowledgeBase, vague: set[str]) -> None:
        # Cues are found in the message's own words, filler included: "bạn là ai" keeps its "bạn"
        # (without it, "là ai" would take any "… là ai?"), and is spelt as the curator wrote it.
        self._cues: PhraseSet[tuple[str, tuple[str, ...]]] = PhraseSet(
            (folded, (intent.id, tuple(raw_words(cue)))) for intent in kb.intents.values() for cue in intent.cues
            if (folded := tuple(words(cue))) and len(folded) == len(raw_words(cue)) and not set(folded) <= vague)
        self._asking: PhraseSet[None] = PhraseSet((words(cue), None) for cue in kb.matching.asks_question)
        self._address = sorted((tuple(t) for w in kb.matching.address_words if (t := words(w))), key=len,
                               reverse=True)

    def find(self, text: str) -> list[Cue]:
        """The cues in ``text``, spelt right."""
        return [Cue(cue, intent_id, end) for cue, intent_id, end in _spelt_right(self._cues, text)]

    @staticmethod
    def without_cues(text: str, cues: list[Cue]) -> str:
        """The message with its cues taken out, as typed.

        Longest cues first: "chào anh chị ạ" goes whole, not as "chào" leaving "anh chị" (read as
        "ảnh", the photos).
        """
        folded, typed = words(text), raw_words(text)
        shown = typed if len(typed) == len(folded) else folded
        kept = [True] * len(folded)
        for cue in sorted(cues, key=lambda c: len(c.words), reverse=True):
            start = cue.end - len(cue.words)
            if all(kept[start:cue.end]):
                kept[start:cue.end] = [False] * len(cue.words)
        return " ".join(word for word, keep in zip(shown, kept, strict=True) if keep)

    def asks(self, text: str) -> bool:
        """Whether ``text`` (a message without its cues) asks a question: "cho mình hỏi … ngày nào".

        The words that say a question comes must be followed by a question word, spelt right
        ("… bác muốn hỏi chút về hội nghị, bot trả lời được không" only announces one; "báo cáo"
        is no "bao").
        """
        starts = [end for _, _, end in self._asking.find(words(text))]
        return bool(starts) and any(end > starts[0] for *_, end in _spelt_right(_QUESTION_WORDS, text))

    def without_address(self, tokens: list[str]) -> list[str]:
        """``tokens`` without the words that address the bot: every "cháu", "bot", "bạn"."""
        rest = list(tokens)
        for address in self._address:
            at = 0
            while at + len(address) <= len(rest):
                if tuple(rest[at:at + len(address)]) == address:
                    del rest[at:at + len(address)]
                else:
                    at += 1
        return rest
