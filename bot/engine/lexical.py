"""The lexical index: how well each intent's words explain a question, and the words it knows.

A question is scored against every intent by three measures:

* the best single example: how much of the question's information (words and word pairs
  weighted by rarity, i.e. IDF) the example explains, and how much of the example it uses;
* the intent as a whole: how much of the question its examples and answers explain together,
  which rewards paraphrases that mix words from several examples;
* a fuzzy one (rapidfuzz ``token_sort_ratio``) that forgives typos and word order.

Words the knowledge base has never seen keep their full weight and explain nothing, so a
question about "Bạc Liêu" or "2019" scores low and falls back instead of borrowing the
nearest answer. Unknown words are first corrected against the vocabulary (Telex leftovers,
then edit distance), so "hoij nghij" still counts as "hoi nghi". What to make of the ranking
(answer, ask, refuse) is the matcher's business.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from rapidfuzz import fuzz, process

from bot.engine.context import QUESTION_WORDS
from bot.engine.known_text import KnownText
from bot.engine.language import LanguageDetector
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import OutOfScope
from bot.text.normalize import contains_phrase, is_syllable, marks_fit, other_i_y, raw_words, untelex, words

#: How the three measures add up to a 0-100 score (tuned on tests/questions/tune.yaml):
#: the best single example (F-beta), the intent's whole vocabulary (share of the question it
#: explains), and the best fuzzy ratio.
EXAMPLE_WEIGHT = 0.3
UNION_WEIGHT = 0.35
FUZZY_WEIGHT = 0.35
#: Recall of the question matters more than coverage of the example (F-beta's beta).
RECALL_BETA = 2.0
#: Word pairs count this much relative to single words.
PAIR_WEIGHT = 0.5
#: An answer's own text may match a paraphrase, but counts for less than an example.
ANSWER_TEXT_FACTOR = 0.85
#: Numbers the knowledge base knows weigh this much more than words of the same rarity.
NUMBER_FACTOR = 2.0
#: Unknown numbers (another year, a ninth task) weigh more than unknown words.
UNKNOWN_NUMBER_FACTOR = 2.0
#: Intents kept for fuzzy re-scoring after the lexical pass (of the COVERAGE_SHORTLIST).
SHORTLIST = 8
#: Intents whose examples are scored one by one, the leaders by coverage.
COVERAGE_SHORTLIST = 12
#: Postings entries walked per question before common features are only checked on the
#: intents already found (keeps a 10,000-intent knowledge base fast).
POSTINGS_BUDGET = 4000
#: Intents on which the common features beyond the budget are checked.
LATE_CHECKED = 200
#: Which questions are English, by their words alone (see ``_english_to_english``).
_LANGUAGE = LanguageDetector()
#: Minimum rapidfuzz ratio to accept a spelling correction.
CORRECTION_CUTOFF = 80.0

if TYPE_CHECKING:  # numpy itself is imported where it is used (see LexicalIndex)
    import numpy as np
    import numpy.typing as npt

    _Ints = npt.NDArray[np.int64]
    _Floats = npt.NDArray[np.float64]


#: Words right before a name that rule it out: "theo chính báo cáo (không phải ý kiến riêng)", "not
#: your opinion", folded.
_RULED_OUT = frozenset({("khong", "phai"), ("khong", "can")})
#: Words after a plain "ban" that make it "bản" (a text), not "bạn" (you): "theo ban tong ket" is "theo bản
#: tổng kết", no "theo bạn" asking the bot's opinion.
_A_TEXT = frozenset({"tong", "bao", "danh", "tin", "goc", "tom", "ket", "thao", "dich", "in", "chinh"})


#: Punctuation between clauses, which no out-of-scope name spans (a full stop may sit inside an abbreviation).
_CLAUSE_BREAK = re.compile(r"[,;:!?]")


class Candidate(NamedTuple):
    """An intent and its 0–100 score for one question (a named tuple: ``rank`` makes eight of them a
    question, and a tuple is made several times quicker than a frozen dataclass)."""

    intent_id: str
    score: float


def features(tokens: list[str]) -> set[str]:
    """Words and adjacent word pairs (pairs carry word order: "dan van" is not "van dong").

    Interned, so the thousands of documents that share a feature share one string.
    """
    feats = {sys.intern(t) for t in tokens}
    feats.update(sys.intern(f"{a} {b}") for a, b in itertools.pairwise(tokens))
    return feats


def _question_features(tokens: list[str]) -> dict[str, None]:
    """``features`` in the question's order, words then pairs, and not interned (a question's are dropped after
    ranking). ``rank``'s sums and ties follow this order, so it must not be a set's: that changes with the
    process's hash seed, and with it, for a few questions in ten thousand, the float sums and the answer."""
    return dict.fromkeys([*tokens, *map(" ".join, itertools.pairwise(tokens))])


@dataclass(frozen=True)
class _Text:
    """One matchable text of an intent: an example or title (full weight) or an answer."""

    intent_id: str
    tokens: list[str]
    is_example: bool

    @property
    def factor(self) -> float:
        """How much a match on this text counts."""
        return 1.0 if self.is_example else ANSWER_TEXT_FACTOR


class LexicalIndex:
    """Every intent's texts as weighted features, the vocabulary, and the out-of-scope names; built once per load.

    The postings are numpy arrays, and numpy is imported by the functions that use them, not with
    this module: importing the bot (``python -m bot health``, every command) stays as light as before,
    and an index built, or unpickled from the snapshot, brings numpy in.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        texts = [_Text(intent.id, kb.tokens(text), True)
                 for intent in kb.intents.values() for text in (intent.title, intent.title_en, *intent.examples)]
        texts += [_Text(intent.id, kb.tokens(text), False)
                  for intent in kb.intents.values() for text in (intent.answer, intent.answer_en)]
        report_tokens = [kb.tokens(p) for p in kb.paragraphs]
        self._spellings = _spellings(kb)
        self._build_vocabulary(texts, report_tokens)
        self._build_index(texts)
        #: Every text of the intents and the report, for whole-phrase lookups.
        self.known_text = KnownText([*(t.tokens for t in texts), *(words(p) for p in kb.paragraphs)])

    def _build_vocabulary(self, texts: list[_Text], report_tokens: list[list[str]]) -> None:
        """Known words (for spelling correction), known numbers, IDF, out-of-scope names."""
        kb = self.kb
        vocab_count: dict[str, int] = defaultdict(int)
        for tokens in (*(t.tokens for t in texts), *report_tokens):
            for tok in tokens:
                vocab_count[tok] += 1
        #: The report's word pairs: "danh gia" (đánh giá) before "lai" is no Gia Lai.
        self._report_pairs = {f"{a} {b}" for tokens in report_tokens for a, b in itertools.pairwise(tokens)}
        # Out-of-scope names as spelt and folded: "đánh giá lại" must not read as "Gia Lai".
        self._triggers_by_word: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], OutOfScope]]] = {}
        for oos in kb.out_of_scope:
            for trigger in oos.triggers:
                plain = tuple(words(trigger))
                if plain:
                    self._triggers_by_word.setdefault(plain[0], []).append(
                        (tuple(raw_words(trigger)), plain, oos))
        # Words of synonyms and out-of-scope names are known too: never "correct" them away.
        self.vocab = set(vocab_count) | kb.rewriter.known_words() | {
            tok for group in self._triggers_by_word.values() for _, plain, _ in group for tok in plain}
        self.vague = {w for phrase in kb.matching.vague_words for w in kb.tokens(phrase)}
        # Most frequent first, so a spelling tie resolves to the common word.
        self._vocab_list = sorted(vocab_count, key=lambda t: (-vocab_count[t], t))
        self._corrections: dict[str, str] = {}
        # Numbers the report and the answerable intents use. Refusal examples are left out:
        # they name numbers ("hội nghị năm 2019") precisely because the report does not.
        self.numbers = {t for tokens in report_tokens for t in tokens if t.isdigit()} | {
            t for text in texts if kb.intents[text.intent_id].kind != "refusal"
            for t in text.tokens if t.isdigit()}

        intent_feats: dict[str, set[str]] = defaultdict(set)
        for text in texts:
            intent_feats[text.intent_id].update(features(text.tokens))
        self.intent_feats = {i: frozenset(f) for i, f in intent_feats.items()}
        df: dict[str, int] = defaultdict(int)
        for feats in self.intent_feats.values():
            for f in feats:
                df[f] += 1
        n = max(len(self.intent_feats), 1)
        self._idf = {f: math.log((n + 1) / (d + 0.5)) for f, d in df.items()}
        self._unknown_idf = math.log((n + 1) / 0.5)

    def _build_index(self, texts: list[_Text]) -> None:
        """Flat arrays for ``rank``, and each intent's examples for the fuzzy measure.

        ``rank`` reads a question's postings with a few numpy calls instead of Python loops over
        dicts of lists (a third of the time on the real knowledge base); the arrays are also
        quicker to unpickle from the snapshot. Intents are numbered in ``intent_feats`` order and
        each intent's texts (those with features) are numbered in a row, in text order.
        """
        import numpy as np

        self._intents = tuple(self.intent_feats)
        self._feature_ids = {f: n for n, f in enumerate(self._idf)}
        #: Each feature's ``feature_weight``.
        self._feature_weights = np.array([self.feature_weight(f) for f in self._idf], dtype=np.float64)
        #: …by feature number, for the question's own total (a look-up, not a computation, per feature).
        self._weights: list[float] = self._feature_weights.tolist()
        number = {intent_id: n for n, intent_id in enumerate(self._intents)}
        # Text by text (feature ids only, not the feature sets, are kept: less memory at the peak).
        intent_of: list[int] = []
        weights: list[float] = []
        factors: list[float] = []
        sizes: list[int] = []
        feature_ids: list[int] = []
        fuzzy_docs: dict[str, list[str]] = defaultdict(list)
        for text in texts:
            feats = features(text.tokens)
            if not feats:
                continue
            intent_of.append(number[text.intent_id])
            weights.append(self.weight(feats))
            factors.append(text.factor)
            sizes.append(len(feats))
            feature_ids.extend(self._feature_ids[f] for f in feats)
            if text.is_example:  # sorted words, for token_sort_ratio
                fuzzy_docs[text.intent_id].append(" ".join(sorted(text.tokens)))
        #: Intent n's examples, for the fuzzy measure (each once: only the best one's ratio counts).
        self._fuzzy_docs = tuple(list(dict.fromkeys(fuzzy_docs[intent_id])) for intent_id in self._intents)
        n_intents = len(self._intents)
        by_intent = np.argsort(intent_of, kind="stable")
        number_of = np.empty(len(by_intent), dtype=np.int32)  # a text's number, from its place in ``texts``
        number_of[by_intent] = np.arange(len(by_intent), dtype=np.int32)
        #: Intent n's texts are numbered ``_doc_start[n]`` to ``_doc_start[n] + _doc_sizes[n] - 1``.
        self._doc_sizes = np.bincount(intent_of, minlength=n_intents)
        self._doc_start = self._doc_sizes.cumsum() - self._doc_sizes
        self._doc_weights = np.array(weights, dtype=np.float64)[by_intent]
        self._doc_factors = np.array(factors, dtype=np.float64)[by_intent]

        # Every (feature, intent) pair, sorted by feature then intent, with the texts that have it.
        text_of = np.repeat(np.arange(len(sizes)), sizes)
        keys = np.array(feature_ids, dtype=np.int64) * n_intents + np.array(intent_of, dtype=np.int64)[text_of]
        by_key = np.argsort(keys, kind="stable")
        keys = keys[by_key]
        firsts = np.flatnonzero(np.diff(keys, prepend=-1))
        pair_feature, pair_intent = np.divmod(keys[firsts], n_intents)
        #: Feature f's postings, the intents that have it in ascending order, are
        #: ``_postings[_posting_start[f]:_posting_start[f + 1]]``; pair p's texts are
        #: ``_pair_docs[_pair_doc_start[p]:_pair_doc_start[p + 1]]``, p an index into ``_postings``.
        self._postings = pair_intent.astype(np.int32)
        self._posting_start = _offsets(np.bincount(pair_feature, minlength=len(self._feature_ids)))
        self._pair_doc_start = np.append(firsts, len(keys))
        self._pair_docs = number_of[text_of[by_key]]

    def normalize(self, text: str) -> list[str]:
        """The question as the matcher sees it: normalized, synonyms expanded, typos fixed.

        Synonyms go first (so "task" is not "corrected" to "ask"), then unknown words are
        corrected, then synonyms once more for words the correction produced ("hdnđ").
        """
        return list(self._normalized(text))

    @functools.lru_cache(maxsize=64)  # noqa: B019 - one index per knowledge base; 6 in 10 calls repeat a text
    def _normalized(self, text: str) -> tuple[str, ...]:
        """``normalize``, kept for the matcher's other steps that read the same text again."""
        typed, folded = raw_words(text), words(text)
        if len(typed) == len(folded):
            folded = [self._as_spelt(t, f) for t, f in zip(typed, folded, strict=True)]
        tokens = self.kb.rewriter.rewrite(folded, typed)
        fixed = [self._correct(t) for t in tokens]
        if fixed != tokens and _LANGUAGE.detect(text) == "en":  # English comes typed right, in words the KB lacks
            fixed = [t if _english_to_english(t, f) else f for t, f in zip(tokens, fixed, strict=True)]
        if fixed == tokens:
            return tuple(tokens)
        changed = {i for i, (a, b) in enumerate(zip(tokens, fixed, strict=True)) if a != b}
        return tuple(self.kb.rewriter.rewrite(fixed, only=changed))

    def _as_spelt(self, typed: str, folded: str) -> str:
        """The folded word, or the word as typed when its diacritics make it one the KB never uses.

        "bị hoãn" folds to "bi hoan" like "hoàn thành": kept as "hoãn", it is an unknown word
        that explains nothing, so a question about a postponement is not read as one about
        completing; "giá vàng" is not "giá vận" either (an unknown word typed with its marks is
        no typo to correct). Words typed without marks, or with fewer than the KB's, fold as usual.
        """
        if folded not in self.vocab and (other := other_i_y(typed)) is not None and words(other)[0] in self.vocab:
            typed, folded = other, words(other)[0]  # "nhiệm kì", "nhiem ki": the KB spells it "kỳ"
        if typed == folded:
            return folded
        spellings = self._spellings.get(folded)
        if spellings is None:  # a syllable the KB never uses, typed with its marks: a real word, no typo
            return folded if folded in self.vocab or not is_syllable(folded) else typed
        if not spellings or typed in spellings or any(marks_fit(typed, k) for k in spellings):
            return folded
        return typed

    def _correct(self, token: str) -> str:
        """Map a word the knowledge base never uses to the closest one it does, if close.

        A word kept as spelt (not ASCII, see ``_as_spelt``) is a real word, not a typo.
        """
        if token in self.vocab or token.isdigit() or len(token) < 3 or not token.isascii():
            return token
        cached = self._corrections.get(token)
        if cached is not None:
            return cached
        fixed = untelex(token)
        if fixed not in self.vocab:
            found = process.extractOne(token, self._vocab_list, scorer=fuzz.ratio,
                                       score_cutoff=CORRECTION_CUTOFF)
            fixed = found[0] if found else token
            if fixed in QUESTION_WORDS and len(fixed) < len(token) and is_syllable(token):
                fixed = token  # "xai" (xài, use) is a word of its own, not "ai" (who) mistyped
        if len(self._corrections) < 50_000:
            self._corrections[token] = fixed
        return fixed

    def out_of_scope(self, text: str) -> OutOfScope | None:
        """The first out-of-scope name the question mentions, as whole words.

        A word typed with diacritics must match the name as spelt; a word typed without
        them matches any spelling ("kien giang" and "Kiên Giang" both name the province,
        "giá lại" does not name Gia Lai), unless a two-word name is typed plain and the word before
        makes with its first word a pair of the report ("danh gia lai" is "đánh giá lại"), or, after
        "theo", the word after with its last ("theo chi dao" is "theo chỉ đạo"). A name
        beside one of its entry's ``unless`` words ("bà con Khmer … dân tộc thiểu số") is context:
        the broader words are what is asked. A name is not read across a clause's break ("vùng giáp
        nước bạn: đánh giá thế nào" asks no "bạn đánh giá").
        """
        typed, folded = raw_words(text), words(text)
        if len(typed) != len(folded):
            typed = folded
        breaks: set[int] | None = None  # read only once a name's words stand in the question
        for i, word in enumerate(folded):
            for spelt, plain, oos in self._triggers_by_word.get(word, ()):
                size = len(plain)
                if tuple(folded[i:i + size]) != plain:
                    continue
                if breaks is None:
                    breaks = set(itertools.accumulate(len(words(part)) for part in _CLAUSE_BREAK.split(text)))
                if not breaks.intersection(range(i + 1, i + size)) \
                        and _spelt_or_plain(typed[i:i + size], spelt) \
                        and not any(contains_phrase(folded, words(u)) for u in oos.unless) \
                        and not self._neighbour_reads_it(i, size, typed, folded) \
                        and not (typed[i + size - 1] == "ban" and folded[i + size:i + size + 1] and
                                 folded[i + size] in _A_TEXT) \
                        and tuple(folded[max(0, i - 2):i]) not in _RULED_OUT and folded[i - 1:i] != ["not"]:
                    return oos
        return None

    def _neighbour_reads_it(self, i: int, size: int, typed: list[str], folded: list[str]) -> bool:
        """Whether a two-word name typed plain at ``i`` reads with the word before as a pair of the report's
        words ("danh gia lai" is "đánh giá lại", not Gia Lai), or, after "theo", its last word with the word
        after ("theo chi dao" is "theo chỉ đạo", not "theo chị"; "o Nhat Ban dan van" still names Japan)."""
        if size != 2 or not (typed[i].isascii() and typed[i + 1].isascii()):
            return False
        pairs = self._report_pairs
        before = i > 0 and f"{folded[i - 1]} {folded[i]}" in pairs
        after = folded[i] == "theo" and i + 2 < len(folded) and typed[i + 2].isascii() \
            and f"{folded[i + 1]} {folded[i + 2]}" in pairs
        return before or after

    def feature_weight(self, f: str) -> float:
        """A feature's information: its IDF, less for word pairs, more for numbers.

        Numbers tell "nhiệm vụ 2" from "nhiệm vụ 4" and 2020 from 2019, so they weigh double;
        an unknown one weighs as much as the rarest known feature, doubled again.
        """
        idf = self._idf.get(f)
        if idf is None:
            idf = self._unknown_idf * (UNKNOWN_NUMBER_FACTOR if f.isdigit() else 1.0)
        elif f.isdigit():
            idf *= NUMBER_FACTOR
        return idf * (PAIR_WEIGHT if " " in f else 1.0)

    def unknown_number(self, tokens: Iterable[str]) -> bool:
        """Whether the question has a number the report and the answers never use ("2019", a ninth task)."""
        return any(t.isdigit() and t not in self.numbers for t in tokens)

    def shares_a_pair(self, tokens: list[str], intent_id: str) -> bool:
        """Whether the question has two words in a row that ``intent_id``'s texts have too."""
        feats = self.intent_feats[intent_id]
        return any(f"{a} {b}" in feats for a, b in itertools.pairwise(tokens))

    def weight(self, feats: frozenset[str] | set[str]) -> float:
        """Total information in a feature set."""
        ids, weights = self._feature_ids, self._weights
        return sum([weights[ids[f]] if f in ids else self.feature_weight(f) for f in feats])

    def rank(self, tokens: list[str]) -> tuple[Candidate, ...]:
        """Three passes, each on fewer intents: coverage, best example, fuzzy.

        Coverage (how much of the question an intent's vocabulary explains) is summed over the
        postings, rarest feature first. Once the postings walked exceed a budget, the remaining
        common, low-weight features are only checked on the intents already found: an intent
        sharing nothing but "hội nghị là gì" cannot win anyway, and a large knowledge base
        stays fast. Coverage bounds the other measures, so only its leaders are scored further.

        Every sum adds its terms one by one, rarest feature first (``bincount`` adds in input
        order), and equal coverage goes to the intent found first, as ``heapq.nlargest`` over a
        dict filled in that order would have it. A question touches a few hundred postings of the
        real knowledge base, so the time goes to the number of numpy calls more than to their work.
        """
        import numpy as np

        q_feats = _question_features(tokens)
        ids, weight_of = self._feature_ids, self._weights
        numbers = list(map(ids.get, q_feats))
        q_weight = sum([self.feature_weight(f) if n is None else weight_of[n]
                        for f, n in zip(q_feats, numbers, strict=True)])
        known = [n for n in numbers if n is not None]
        if not known:
            return ()
        n_intents = len(self._intents)
        fids = np.array(known, dtype=np.int64)
        starts = self._posting_start[fids]
        lengths = self._posting_start[fids + 1] - starts
        rarest = lengths.argsort(kind="stable")  # ties in the question's order, as sorted() keeps them
        fids, starts, lengths = fids[rarest], starts[rarest], lengths[rarest]
        weights = self._feature_weights[fids]
        ends = lengths.cumsum()
        walked = max(1, int(ends.searchsorted(POSTINGS_BUDGET, side="right")))
        pairs = _spans(starts[:walked], lengths[:walked], ends[:walked])
        hits = self._postings[pairs]
        pair_weights = weights[:walked].repeat(lengths[:walked])
        covered = _sums(hits, pair_weights, n_intents)
        found_at = np.full(n_intents, len(hits), dtype=np.int64)
        np.minimum.at(found_at, hits, np.arange(len(hits)))
        found = (found_at < len(hits)).nonzero()[0]
        if walked == len(fids):
            short = found[_leading(covered[found], found_at[found], COVERAGE_SHORTLIST)]
            coverage = covered[short]
            late = None
        else:  # only the leaders so far can still win: check the common features on them
            leaders = found[_leading(covered[found], found_at[found], LATE_CHECKED)]
            coverage = covered[leaders]
            late = np.empty((len(fids) - walked, len(leaders)), dtype=np.int64)  # pair per leader, or -1
            for k, (start, length, w) in enumerate(zip(starts[walked:].tolist(), lengths[walked:].tolist(),
                                                       weights[walked:].tolist(), strict=True)):
                at = start + self._postings[start:start + length].searchsorted(leaders)
                has = self._postings[np.minimum(at, start + length - 1)] == leaders
                coverage = coverage + np.where(has, w, 0.0)  # one feature at a time, as the sums above
                late[k] = np.where(has, at, -1)
            picked = _leading(coverage, np.arange(len(leaders)), COVERAGE_SHORTLIST)
            short, coverage, late = leaders[picked], coverage[picked], late[:, picked]

        # F-beta of precision i/d and recall i/q (i the weight shared, d the text's, q the question's)
        # is (1 + beta²)·i / (beta²·q + d): one division per text. The shortlist's texts are laid
        # side by side: intent k's from ``place[k]``, text number t at t - ``offset[k]``.
        beta2 = RECALL_BETA ** 2
        row = np.full(n_intents, -1, dtype=np.int64)  # an intent's place in the shortlist, or -1
        row[short] = np.arange(len(short))
        pair_rows = row[hits]
        mine = (pair_rows >= 0).nonzero()[0]  # positions: quicker to take thrice than a mask
        pairs, pair_rows, pair_weights = pairs[mine], pair_rows[mine], pair_weights[mine]
        if late is not None:  # then the pairs checked late, in feature order too
            late_features, late_rows = (late >= 0).nonzero()
            pairs = np.concatenate((pairs, late[late_features, late_rows]))
            pair_rows = np.concatenate((pair_rows, late_rows))
            pair_weights = np.concatenate((pair_weights, weights[walked:][late_features]))
        first_doc, sizes = self._doc_start[short], self._doc_sizes[short]
        size_ends = sizes.cumsum()
        place = size_ends - sizes
        offset = first_doc - place
        doc_starts = self._pair_doc_start[pairs]
        counts = self._pair_doc_start[pairs + 1] - doc_starts
        docs = self._pair_docs[_spans(doc_starts, counts)] - offset[pair_rows].repeat(counts)
        total = int(size_ends[-1])
        shared = _sums(docs, pair_weights.repeat(counts), total)
        texts = np.arange(total) + offset.repeat(sizes)
        fit = shared * self._doc_factors[texts] / (beta2 * q_weight + self._doc_weights[texts])
        best = np.maximum.reduceat(fit, place) * (1 + beta2)
        lexical = EXAMPLE_WEIGHT * best + UNION_WEIGHT * coverage / q_weight
        # The leaders, ties in shortlist order (as ``heapq.nlargest`` keeps them).
        leading = (-lexical).argsort(kind="stable")[:SHORTLIST]

        # token_sort_ratio against each one's best example, in one C call each (examples are pre-sorted).
        sorted_query = " ".join(sorted(tokens))
        scored = []
        for n, lex in zip(short[leading].tolist(), lexical[leading].tolist(), strict=True):
            found_doc = process.extractOne(sorted_query, self._fuzzy_docs[n], scorer=fuzz.ratio)
            fuzzy = found_doc[1] / 100.0 if found_doc else 0.0
            scored.append(Candidate(self._intents[n], round(100.0 * (lex + FUZZY_WEIGHT * fuzzy), 2)))
        scored.sort(key=lambda c: c.score, reverse=True)
        return tuple(scored)


def _english_to_english(token: str, fixed: str) -> bool:
    """Whether a correction would make one English word another ("presenting" → "preventing", "had" → "hard"),
    neither a Vietnamese syllable: in an English question, a word the KB never uses, not a typo."""
    return fixed != token and not is_syllable(token) and not is_syllable(fixed)


def _spelt_or_plain(typed: list[str], spelt: tuple[str, ...]) -> bool:
    """Whether a name's words are typed as spelt, or all without diacritics: "Ban đánh giá" (the
    Commission judged), one word plain beside others with marks, is no "bạn đánh giá" (you judge)."""
    return all(t == s for t, s in zip(typed, spelt, strict=True)) or all(t.isascii() for t in typed)


def _offsets(counts: _Ints) -> _Ints:
    """Where each of consecutive runs of ``counts[k]`` items starts, then the end: one more number."""
    import numpy as np

    return np.concatenate((np.zeros(1, dtype=np.int64), counts.cumsum(dtype=np.int64)))


def _spans(starts: _Ints, counts: _Ints, ends: _Ints | None = None) -> _Ints:
    """The positions ``starts[k]`` to ``starts[k] + counts[k] - 1``, run after run, in one array
    (``ends``, if given, is ``counts.cumsum()``, already at hand)."""
    import numpy as np

    if ends is None:
        ends = counts.cumsum()
    total = int(ends[-1]) if len(ends) else 0
    return np.arange(total, dtype=np.int64) + (starts - (ends - counts)).repeat(counts)


def _sums(indices: npt.NDArray[np.integer[Any]], weights: _Floats, size: int) -> _Floats:
    """``size`` totals, each the weights at its index added one by one in input order (``bincount``
    does; numpy's ``sum`` pairs them up), so each equals what a Python loop adding them would get."""
    import numpy as np

    return cast("_Floats", np.bincount(indices, weights=weights, minlength=size))


def _leading(values: _Floats, found_at: _Ints, n: int) -> _Ints:
    """Positions of the ``n`` largest values, largest first, ties in ``found_at`` order.

    The order of ``heapq.nlargest`` over a dict filled in ``found_at`` order.
    """
    import numpy as np

    if len(values) <= 8 * n:
        return np.lexsort((found_at, -values))[:n]
    # a partial sort first, keeping every value tied with the n-th
    keep = (values >= np.partition(values, len(values) - n)[len(values) - n]).nonzero()[0]
    return cast("_Ints", keep[np.lexsort((found_at[keep], -values[keep]))][:n])


def _spellings(kb: KnowledgeBase) -> dict[str, set[str]]:
    """Each folded word of the knowledge base with the spellings (diacritics) it is written in.

    Spellings without marks are left out: "hoan thanh" in a no-diacritics example does not make
    "hoãn" a way to write "hoàn".
    """
    texts = list(kb.paragraphs)
    for intent in kb.intents.values():
        texts += [intent.title, intent.answer, intent.detail or "", *intent.examples, *intent.cues]
    pairs = list(kb.rewriter.spellings())
    joined = " ".join(texts)  # a space, not a line break: printable text takes clean()'s fast path
    spelt, plain = raw_words(joined), words(joined)
    if len(spelt) == len(plain):  # all at once, in one pass (it runs at every load)
        pairs += zip(spelt, plain, strict=True)
    else:  # stray marks split some text differently: text by text, leaving those out
        for text in texts:
            spelt, plain = raw_words(text), words(text)
            if len(spelt) == len(plain):
                pairs += zip(spelt, plain, strict=True)
    found: dict[str, set[str]] = defaultdict(set)
    for word, folded in pairs:
        marked = found[folded]  # an empty set: a word only written plain ("dvan", "hn") takes any marks
        if word != folded:
            marked.add(word)
    return found
