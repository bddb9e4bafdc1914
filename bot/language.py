"""Telling an English question from a Vietnamese one, so each gets its own answer.

The words vote: English function and question words against Vietnamese ones (any word with
Vietnamese diacritics, or a common diacritic-free Vietnamese syllable). Names that English
questions keep in Vietnamese ("Who is Trương Thị Mai?") abstain: they are the words with
diacritics that the English answers themselves use. A tie stays Vietnamese, the users' first
language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from bot.textnorm import clean, fold

Language = Literal["vi", "en"]

_RAW_WORD = re.compile(r"\w+")

# Words that are not also common Vietnamese syllables once diacritics are gone
# ("to", "do", "can", "it", "an", "so" are left out for that reason).
_ENGLISH = frozenset("""
about above after again all also am and any are as ask asked at attend attended be been before
being between both but by could conference chair chaired date did does during each eighth
english fifth first for fourth from gave give given has have held her here him his how i if
into is its last list main many more most my name named not now of one online or other our
people person province provinces requirement requirements report role said says second seventh
she should sixth some speech spoke summary task tasks tell thank thanks that the their them
there these they third this those took under up us was we were what when where which while who
whom whose why will with would year years you your hello hi hey bye goodbye please help morning
weather place happen happened delegates attendees participants organized organised organizer
host hosted discuss discussed mass mobilization mobilisation work party congress central
committee chairs bridge point points attended presented present who's what's main key
""".split())

_VIETNAMESE = frozenset("""
ai gi la cua nhung cac duoc trong nhu nao nay khi ngay nam hoi nghi dan van dong chi tinh uy
bi thu truong pho chinh tri trung uong nhiem vu yeu cau phat bieu ket luan tham du diem cau
bao cao cong tac chuc dien ra ong ba khong voi cho thi se da dang tai nguoi nhan vien bo dai
dau tien thu may nhieu sao vay nha nhe oi minh toi em chu ko j dc ns
""".split())


class LanguageDetector:
    """Votes on a question's language, ignoring the Vietnamese names English answers use."""

    def __init__(self, english_texts: Iterable[str] = ()) -> None:
        self._neutral = frozenset(
            fold(tok) for text in english_texts for tok in _RAW_WORD.findall(clean(text).lower())
            if not tok.isascii()
        )

    def detect(self, text: str, prefer: Language | None = None) -> Language:
        """'en' for an English question, 'vi' for everything else.

        A single English word and nothing else ("task 5", "thanks") is weak evidence: then
        ``prefer`` (the chat's language so far) decides, if given.
        """
        en = vi = 0
        for raw in _RAW_WORD.findall(clean(text).lower()):
            token = fold(raw)
            if token in self._neutral:
                continue
            if raw != token or token in _VIETNAMESE:
                vi += 1
            elif token in _ENGLISH:
                en += 1
        if prefer is not None and en == 1 and vi == 0:
            return prefer
        return "en" if en > vi else "vi"
