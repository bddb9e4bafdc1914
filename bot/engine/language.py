"""Telling an English question from a Vietnamese one, so each gets its own answer.

The words vote: English function and question words against Vietnamese ones (any word with
Vietnamese diacritics, or a common diacritic-free Vietnamese syllable). Names that English
questions keep in Vietnamese ("Who is Trương Thị Mai?") abstain: they are the words with
diacritics that the English answers themselves use. A tie stays Vietnamese, the users' first
language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from bot.text.normalize import fold, raw_words, words

Language = Literal["vi", "en"]

# Words that are not also common Vietnamese syllables once diacritics are gone
# ("to", "do", "can", "it", "an", "so" are left out for that reason).
_ENGLISH = frozenset({
    "about", "above", "after", "again", "all", "also", "am", "and", "any", "are", "as", "ask", "asked",
    "at", "attend", "attended", "attendees", "be", "been", "before", "being", "between", "both",
    "bridge", "but", "by", "bye", "central", "chair", "chaired", "chairs", "committee", "conference",
    "congress", "could", "date", "delegates", "did", "discuss", "discussed", "does", "during", "each",
    "eighth", "english", "fifth", "first", "for", "fourth", "from", "gave", "give", "given", "goodbye",
    "happen", "happened", "has", "have", "held", "hello", "help", "her", "here", "hey", "hi", "him",
    "his", "host", "hosted", "how", "i", "if", "into", "is", "its", "key", "last", "list", "main",
    "many", "mass", "mobilisation", "mobilization", "more", "morning", "most", "my", "name", "named",
    "not", "now", "of", "one", "online", "or", "organised", "organized", "organizer", "other", "our",
    "participants", "party", "people", "person", "place", "please", "point", "points", "present",
    "presented", "province", "provinces", "report", "requirement", "requirements", "role", "said",
    "says", "second", "seventh", "she", "should", "sixth", "some", "speech", "spoke", "summary", "task",
    "tasks", "tell", "thank", "thanks", "that", "the", "their", "them", "there", "these", "they",
    "third", "this", "those", "took", "under", "up", "us", "was", "we", "weather", "were", "what",
    "what's", "when", "where", "which", "while", "who", "who's", "whom", "whose", "why", "will", "with",
    "work", "would", "year", "years", "you", "your",
})

_VIETNAMESE = frozenset({
    "ai", "ba", "bao", "bi", "bieu", "bo", "cac", "cao", "cau", "chi", "chinh", "cho", "chu", "chuc",
    "cong", "cua", "da", "dai", "dan", "dang", "dau", "dc", "diem", "dien", "dong", "du", "duoc", "em",
    "gi", "hoi", "j", "ket", "khi", "khong", "ko", "la", "luan", "may", "minh", "nam", "nao", "nay",
    "ngay", "nghi", "nguoi", "nha", "nhan", "nhe", "nhiem", "nhieu", "nhu", "nhung", "ns", "oi", "ong",
    "phat", "pho", "ra", "sao", "se", "tac", "tai", "tham", "thi", "thu", "tien", "tinh", "toi", "tri",
    "trong", "trung", "truong", "uong", "uy", "van", "vay", "vien", "voi", "vu", "yeu",
})


class LanguageDetector:
    """Votes on a question's language, ignoring the Vietnamese names English answers use."""

    def __init__(self, english_texts: Iterable[str] = (), vietnamese_texts: Iterable[str] = ()) -> None:
        # (split as ``detect`` splits a question)
        english = {tok for text in english_texts for tok in raw_words(text)}
        vietnamese = {tok for text in vietnamese_texts for tok in raw_words(text)}
        # Words of the English answers that carry diacritics, or that the Vietnamese answers use
        # too, are the names and terms English keeps in Vietnamese ("Ban Dân vận Trung ương").
        self._neutral = frozenset(fold(tok) for tok in english if not tok.isascii() or tok in vietnamese)

    def detect(self, text: str, prefer: Language | None = None) -> Language:
        """'en' for an English question, 'vi' for everything else.

        No evidence, or a single English word and nothing else ("task 5", "source?"), is too
        little: then ``prefer`` (the chat's language so far) decides, if given.
        """
        en = vi = 0
        typed, folded = raw_words(text), words(text)  # split once for the matcher too (both are kept per text)
        if len(folded) != len(typed):  # stray marks split a word differently: fold each word as typed
            folded = [fold(raw) for raw in typed]
        for raw, token in zip(typed, folded, strict=True):
            if token in self._neutral:
                continue
            if raw != token or token in _VIETNAMESE:
                vi += 1
            elif token in _ENGLISH:
                en += 1
        if prefer is not None and vi == 0 and en <= 1:
            return prefer
        return "en" if en > vi else "vi"
