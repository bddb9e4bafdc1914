"""Whether a run of words stands, in that order, somewhere in the knowledge base or the report.

The evidence checks names this way ("Ban Tuyên giáo" is not a name the knowledge base holds,
though both its words are known) several times for a question with capitals. Searching one
long string of every text took 0.1 ms a look-up, up to a millisecond for one question; here
each word pair knows where it stands, so a look-up reads the positions of the phrase's rarest
pair and compares a few words. The positions are flat integer arrays: the index is read back
from the knowledge snapshot in 3 ms, where lists of positions per pair took 17.
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Sequence

#: A word's number in ``KnownText``'s arrays where one text ends and the next begins.
_BETWEEN = -1


class KnownText:
    """Texts as word numbers, with the positions of every word pair; a phrase never spans two texts."""

    def __init__(self, texts: Iterable[Sequence[str]]) -> None:
        self._numbers: dict[str, int] = {}
        self._words = array("i")
        at: dict[str, list[int]] = {}
        for tokens in texts:
            start = len(self._words)
            self._words.extend(self._numbers.setdefault(t, len(self._numbers)) for t in tokens)
            for i, (a, b) in enumerate(itertools.pairwise(tokens), start=start):
                at.setdefault(f"{a} {b}", []).append(i)
            self._words.append(_BETWEEN)
        #: Pair n ("a b") stands at ``_places[_starts[n]:_starts[n + 1]]``.
        self._pairs = {pair: n for n, pair in enumerate(at)}
        self._starts = array("i", [0])
        self._places = array("i")
        for places in at.values():
            self._places.extend(places)
            self._starts.append(len(self._places))

    def has(self, phrase: Sequence[str]) -> bool:
        """Whether ``phrase`` (folded words) stands in one of the texts as a whole run."""
        if len(phrase) < 2:
            return len(phrase) == 1 and phrase[0] in self._numbers
        numbers = [self._numbers.get(w, _BETWEEN) for w in phrase]
        if _BETWEEN in numbers:
            return False
        pairs: list[int] = []
        for a, b in itertools.pairwise(phrase):
            pair = self._pairs.get(f"{a} {b}")
            if pair is None:
                return False
            pairs.append(pair)
        offset, rarest = min(enumerate(pairs), key=lambda found: self._starts[found[1] + 1] - self._starts[found[1]])
        size, wanted = len(phrase), array("i", numbers)
        return any(p >= offset and self._words[p - offset:p - offset + size] == wanted
                   for p in self._places[self._starts[rarest]:self._starts[rarest + 1]])
