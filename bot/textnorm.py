"""Text normalization shared by the knowledge base and the questions.

Both sides go through the same steps, so "Hoà", "hòa", "HOA" and an NFD-typed "hòa" all meet
as the token ``hoa``. The steps are pure and allocation-light: the knowledge base runs them
once at load, a question once per message.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping, Sequence

# Unicode categories that carry no meaning for matching: controls, format marks (zero-width
# joiners, RTL/LTR marks, BOM), and unassigned/private/surrogate code points.
_INVISIBLE = frozenset({"Cc", "Cf", "Cn", "Co", "Cs"})
_WORD = re.compile(r"\w+")
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")

# Telex leftovers: people whose input method is off type "hooij nghij" for "hội nghị".
_TELEX_TONE = frozenset("sfrxj")
_TELEX_VOWELS = (("aa", "a"), ("aw", "a"), ("ee", "e"), ("oo", "o"), ("ow", "o"),
                 ("uw", "u"), ("dd", "d"))


def clean(text: str) -> str:
    """NFC-compose and replace invisible or control characters with spaces."""
    text = unicodedata.normalize("NFC", text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        " " if unicodedata.category(ch) in _INVISIBLE else ch for ch in text
    )


def _fold_table() -> dict[int, str | None]:
    """Latin letters with diacritics → their base letter; combining marks → nothing.

    Built once from Unicode's own decompositions, so every Vietnamese letter (and the rest
    of Latin) is covered without a hand-written list; đ/Đ have no decomposition and are
    mapped by hand.
    """
    table: dict[int, str | None] = {ord("đ"): "d", ord("Đ"): "d"}
    for code in (*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base.isascii() and base != chr(code):
            table[code] = base.lower()
    for code in range(0x0300, 0x0370):  # stray combining marks (NFD input NFC cannot compose)
        table[code] = None
    return table


_FOLD = _fold_table()


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics (đ→d included), keeping other scripts."""
    text = clean(text).lower()
    return text if text.isascii() else text.translate(_FOLD)


def strip_markup(text: str) -> str:
    """Drop HTML a user pasted or typed: script/style blocks, tags; decode entities.

    "<b>nhiệm vụ thứ 4</b> là gì &amp; <script>…</script>" is still a question about task 4.
    """
    if "<" in text:
        text = _SCRIPT.sub(" ", text)
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def words(text: str) -> list[str]:
    """Fold and split into word tokens (letters and digits); punctuation and markup are dropped."""
    return _WORD.findall(fold(strip_markup(text)))


def raw_words(text: str) -> list[str]:
    """Lower-cased word tokens with their diacritics, aligned one-to-one with ``words``."""
    return _WORD.findall(clean(strip_markup(text)).lower())


def untelex(token: str) -> str:
    """Undo raw Telex keystrokes in one token ("nghij" → "nghi", "dduwowcj" → "duoc")."""
    if len(token) > 2 and token[-1] in _TELEX_TONE:
        token = token[:-1]
    for pair, letter in _TELEX_VOWELS:
        token = token.replace(pair, letter)
    return token


Table = Mapping[tuple[str, ...], tuple[str, ...]]


class PhraseRewriter:
    """Rewrites token sequences by tables of phrases, longest match first.

    ``loose`` keys match folded tokens: "bdv", "BĐV" and "bđv" all expand to "ban dan van".
    ``exact`` keys match the typed tokens with their diacritics, for short fillers whose
    folded form is a real word: "hả" is dropped, "Hà" (Nội) is not. Keys and expansions are
    token tuples; expansions are folded.
    """

    def __init__(self, loose: Table, exact: Table | None = None) -> None:
        self._loose = dict(loose)
        self._exact = dict(exact or {})
        # Phrase lengths by first word, longest first: most words start no phrase at all.
        lengths: dict[str, set[int]] = {}
        for key in (*self._loose, *self._exact):
            lengths.setdefault(key[0], set()).add(len(key))
        self._sizes = {first: sorted(sizes, reverse=True) for first, sizes in lengths.items()}

    def rewrite(self, tokens: Sequence[str], raw: Sequence[str] | None = None) -> list[str]:
        """Return the folded ``tokens`` with every known phrase replaced by its expansion.

        ``raw`` (the same tokens with diacritics) enables the exact table.
        """
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            sizes = [*self._sizes.get(raw[i], ())] if raw is not None else []
            sizes.extend(self._sizes.get(tokens[i], ()))
            for size in sorted(set(sizes), reverse=True):
                if size > n - i:
                    continue
                hit = self._exact.get(tuple(raw[i:i + size])) if raw is not None else None
                if hit is None:
                    hit = self._loose.get(tuple(tokens[i:i + size]))
                if hit is not None:
                    out.extend(hit)
                    i += size
                    break
            else:
                out.append(tokens[i])
                i += 1
        return out

    def known_words(self) -> set[str]:
        """Every folded word the tables mention, so spelling correction leaves them alone."""
        return {t for table in (self._loose, self._exact) for key in table for t in key} | {
            t for table in (self._loose, self._exact) for value in table.values() for t in value}
