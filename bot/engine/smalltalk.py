"""Small-talk cues in a message: found as the user typed them, and taken out to see what is left.

"Cảm ơn bot nhé, mình đủ thông tin rồi" is thanks however many other words it has; "Xin chào,
hội nghị diễn ra khi nào?" is a question once "Xin chào" is taken out. The matcher decides which;
this module only finds the cues and removes them (and the words that address the bot).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.kb.loader import KnowledgeBase
from bot.text.normalize import PhraseSet, marks_fit, raw_words, words


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
        self._address = sorted((tuple(t) for w in kb.matching.address_words if (t := words(w))), key=len,
                               reverse=True)

    def find(self, text: str) -> list[Cue]:
        """The cues in ``text``, spelt right.

        A word typed with marks must fit the cue's ("bạn" is "bạn", not "Ban"); a plain word fits
        any, unless the message is typed with marks elsewhere: "trưởng ban là ai" is no "bạn là ai".
        """
        folded, typed = words(text), raw_words(text)
        found = self._cues.find(folded)
        if len(typed) != len(folded):
            return [Cue(cue, intent_id, end) for cue, (intent_id, _), end in found]
        all_plain = all(t.isascii() for t in typed)

        def fits(word: str, key: str) -> bool:
            return marks_fit(word, key) and (all_plain or not word.isascii() or key.isascii())

        return [Cue(cue, intent_id, end) for cue, (intent_id, spelt), end in found
                if all(fits(typed[end - len(cue) + k], spelt[k]) for k in range(len(cue)))]

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
