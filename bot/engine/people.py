"""People a question names, so that answers about them come first.

"ông Hải phát biểu những gì?" shares "phát biểu" with Vượng's and Mai's speeches, but it asks
about Nguyễn Tiến Hải: an answer that speaks of him (here: that the report records no speech by
him) is the right one. A name counts when written in full, after a title ("ông Hải", "bà Mai",
"đồng chí Vượng", "Mr Vuong"), or capitalized inside a sentence ("what did Vuong say"); a bare
"mai" or "hai" is "tomorrow" or "two", and "lĩnh vực" is no Lĩnh.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent, Person
from bot.text.normalize import clean, contains_phrase, fold, starts_sentence, strip_markup, words

#: Words that make the next word a person's name.
_TITLES = frozenset({"ong", "ba", "chi", "dc", "mr", "mrs", "ms", "comrade", "chu", "bac", "co", "anh"})
_WORD = re.compile(r"[^\W\d_]+")
#: The word that makes a post its deputy's, as the matcher reads it ("phó").
DEPUTY = "pho"


class People:
    """The knowledge base's people (followups.yaml) and which intents speak of them."""

    def __init__(self, kb: KnowledgeBase, by_post: Callable[[str], set[str]] | None = None) -> None:
        self._kb = kb
        self._people = [(p, tuple(words(p.name))) for p in kb.followups.people]
        #: The words that call someone by name ("Mai", "Vượng"), folded.
        self._called = frozenset(full[-1] for _, full in self._people)
        #: Each person's descriptions, as their parts (split at "…"), with all their words as a set:
        #: most share a word or two with a question, few all of them, and only those are walked in order.
        self._described = [(p, [(parts, frozenset(t for part in parts for t in part))
                                for d in p.described_as if (parts := _parts(kb.tokens, d))])
                           for p in kb.followups.people]
        self._tokens = kb.tokens
        self._speakers_topics = {p.topic for p in kb.followups.people if p.topic}
        self._by_post = by_post

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one People per knowledge base; asked several times a question
    def named(self, text: str) -> tuple[Person, ...]:
        """The people ``text`` names, in the knowledge base's order: by name, by how people describe
        them (``described_as``), or by a post only they hold ("Bí thư Tỉnh ủy Cà Mau" is Nguyễn Tiến
        Hải; see ``Evidence.named_by_post``)."""
        folded = words(text)
        by_name = list(self.named_by_name(text))
        if not by_name:  # "người đứng đầu Đảng bộ tỉnh" is Nguyễn Tiến Hải
            tokens = self._tokens(text)
            present = set(tokens)
            fitting = [(person, [d for d, needed in described if needed <= present])
                       for person, described in self._described]
            if any(parts for _, parts in fitting):  # most questions have all the words of no description
                # a loose description ("phó … dân vận") names nobody beside a name: "Mai là Phó Trưởng Ban …?"
                capitalized = self._capitalized(text)
                loose = not any(full[-1] in capitalized for _, full in self._people)
                by_name = [person for person, parts in fitting
                           if any((loose or len(d) == 1) and _in_order(tokens, d) for d in parts)]
        if by_name or self._by_post is None or any(full[-1] in folded for _, full in self._people):
            return tuple(by_name)  # "Mai là Phó Trưởng Ban, đúng không?" is about Mai, not the Phó Trưởng Ban
        by_post = self._by_post(text)
        return tuple(person for person, _ in self._people if person.intent in by_post)

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one People per knowledge base; asked several times a question
    def named_by_name(self, text: str) -> tuple[Person, ...]:
        """The people ``text`` names by name: in full, after a title ("ông Hải", "Mr Vuong"), or
        capitalized inside a sentence ("what did Vuong say"); not a bare "mai" (tomorrow)."""
        folded = words(text)
        titled = {w for i, w in enumerate(folded) if i > 0 and folded[i - 1] in _TITLES}
        capitalized = self._capitalized(text, in_sentence=True)
        return tuple(person for person, full in self._people
                     if full[-1] in titled or full[-1] in capitalized or contains_phrase(folded, full))

    def _capitalized(self, text: str, in_sentence: bool = False) -> set[str]:
        """The names ``text`` capitalizes, folded ("Mai", not "mai", tomorrow); ``in_sentence``: not
        where a sentence starts (a capital there proves nothing). A text with none of the names in
        it is not read word by word: most questions name no one."""
        plain = clean(strip_markup(text))
        folded = fold(plain)
        if not any(name in folded for name in self._called):
            return set()
        return {name for m in _WORD.finditer(plain)
                if (name := fold(m.group(0))) in self._called and m.group(0)[0].isupper()
                and not (in_sentence and starts_sentence(plain[: m.start()]))}

    def speaks_of(self, intent: Intent, person: Person) -> bool:
        """Whether ``intent``'s answer is about ``person`` or in their words.

        An answer in someone else's words that only refers to them ("the same point is task 6 of
        Trương Thị Mai's conclusion", in a requirement of Vượng's) is not about them."""
        if intent.id == person.intent or intent.topic == person.topic:
            return True
        return person.name in intent.answer and intent.topic not in self._speakers_topics


#: Words a description may have between two of its own: "người lãnh đạo cao nhất của cả tỉnh" still
#: describes "người lãnh đạo cao nhất của tỉnh".
DESCRIPTION_GAP = 2
#: …and where the curator wrote "…": "phó … dân vận" is "người giữ vị trí phó trong cơ quan tham mưu về
#: vận động quần chúng" too.
WIDE_GAP = 6
#: Words inside or right after a loose description that make it a local post: "Phó Trưởng Ban Dân vận
#: Tỉnh ủy", "phó bí thư huyện ủy phụ trách dân vận" are no deputy of the central board.
_LOCAL = frozenset({"tinh", "huyen", "xa", "province", "provincial", "district"})


def _parts(tokens: Callable[[str], list[str]], description: str) -> tuple[tuple[str, ...], ...]:
    """A description's parts as the matcher reads them, split where the curator wrote "…"."""
    parts = tuple(tuple(tokens(part)) for part in description.split("…"))
    return parts if all(parts) else ()


def _in_order(tokens: list[str], parts: tuple[tuple[str, ...], ...]) -> bool:
    """Whether the parts' words stand in ``tokens`` in order, at most ``DESCRIPTION_GAP`` words apart
    within a part and ``WIDE_GAP`` between parts, and (when there are parts) no local word after."""
    phrase = [(word, WIDE_GAP if k and not j else DESCRIPTION_GAP)
              for k, part in enumerate(parts) for j, word in enumerate(part)]
    starts = [i for i, t in enumerate(tokens) if t == phrase[0][0]]
    for start in starts:
        at = start
        for word, gap in phrase[1:]:
            window = tokens[at + 1:at + 2 + gap]
            if word not in window:
                break
            at += 1 + window.index(word)
        else:
            # "phó bí thư tỉnh ủy phụ trách dân vận", "… dân vận tỉnh ủy": a local post, not the description
            if len(parts) == 1 or not _LOCAL & set(tokens[start:at + 3]):
                return True
    return False
