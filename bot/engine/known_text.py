"""Whether a run of words stands, in that order, somewhere in the knowledge base or the report.

The evidence checks names this way ("Ban Tuyên giáo" is not a name the knowledge base holds,
though both its words are known) several times for a question with capitals. Searching one
long string of every text took 0.1 ms a look-up, up to a millisecond for one question; here
each word pair knows where it stands, so a look-up reads the positions of the phrase's rarest
pair and compares a few words.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence


class KnownText:
    """Texts as word lists, with the positions of every word pair; a phrase never spans two texts."""

    def __init__(self, texts: Iterable[Sequence[str]]) -> None:
        self._words: list[str] = []
        self._pairs: dict[tuple[str, str], list[int]] = defaultdict(list)
        for tokens in texts:
            start = len(self._words)
            self._words.extend(tokens)
            for i in range(start, len(self._words) - 1):
                self._pairs[self._words[i], self._words[i + 1]].append(i)
            self._words.append("")  # the end of a text: no pair crosses it
        self._single = frozenset(self._words) - {""}
        self._pairs = dict(self._pairs)

    def has(self, phrase: Sequence[str]) -> bool:
        """Whether ``phrase`` (folded words) stands in one of the texts as a whole run."""
        if len(phrase) < 2:
            return len(phrase) == 1 and phrase[0] in self._single
        pairs = [self._pairs.get((a, b), []) for a, b in itertools.pairwise(phrase)]
        offset, places = min(enumerate(pairs), key=lambda found: len(found[1]))
        size = len(phrase)
        target = list(phrase)
        return any(self._words[p - offset:p - offset + size] == target for p in places if p >= offset)
