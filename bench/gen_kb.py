"""Generate a large, valid knowledge folder for benchmarks.

``generate(folder, n_intents, seed)`` writes ``folder/intents/gen_*.yaml`` with ``n_intents``
synthetic intents and copies every non-intent file (topics, synonyms, stopwords, out of scope,
messages, matching, follow-ups, the report) from the real knowledge folder, so the result loads
with ``bot.kb.loader.load`` exactly like the real one. The real intents are kept too
(``intents/real.yaml``, as validated when generation started): the non-intent files name some
of them (follow-ups point at the "who is …?" intents), and a grown knowledge base would still
hold them, so real questions keep their real answers among the generated ones. The folder
therefore has ``n_intents`` + the real count (75 today); ``keep_real=False`` leaves them out
(the load then fails if another file names a real intent).

The text is "Vietnamese-ish": every word comes from the real knowledge base. Each intent gets
a *subject* (two or three word pairs taken from real examples, e.g. "chính quyền" + "biên
giới") and 8-12 examples built as ``[filler] head subject [middle] tail``, where heads, middles
and tails are word spans cut from real examples ("đồng chí Vượng", "nói gì về", "là gì",
"thế nào ko"). About a quarter are typed without diacritics and some are English, as in the
real knowledge base. Answers are sentences of the real answers prefixed by the subject.

Because the vocabulary is the real one (about 1,100 distinct words), a big generated
knowledge base shares its words far more densely than a real 10,000-intent one would: the
postings lists are long, which makes it a pessimistic case for the matcher's lexical pass.

Examples never repeat across intents after the loader's own normalization (synonyms expanded,
fillers dropped), which the loader would reject.

Run ``python -m bench.gen_kb DIR N [SEED]`` to write one by hand.
"""

from __future__ import annotations

import itertools
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.engine.language import LanguageDetector
from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase, KnowledgeError, load
from bot.text.normalize import fold

INTENTS_PER_FILE = 500
_SPLIT = re.compile(r"[\w/]+|[^\w\s]")
_SENTENCE = re.compile(r"(?<=[.;])\s+")
_FILLERS_VI = ("cho mình hỏi", "cho em hỏi", "bạn ơi", "xin hỏi", "mình muốn biết", "cho tôi biết")
_ENDINGS_VI = ("", "", "", "", " ạ", " vậy", " nhé", " ko", " không", "?")
_ENDINGS_EN = ("", "", "?", " please")

try:  # libyaml's emitter when present: writing 10,000 intents with the pure-Python one is slow
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover
    _Dumper = yaml.SafeDumper


@dataclass
class _Pools:
    """Word spans cut from the real examples and answers."""

    heads_vi: list[str]
    tails_vi: list[str]
    middles_vi: list[str]
    pairs_vi: list[str]
    heads_en: list[str]
    tails_en: list[str]
    answers_vi: list[str]
    answers_en: list[str]
    titles_en: list[str]


def _words(text: str) -> list[str]:
    """Words of a real example, punctuation dropped, case kept (names stay capitalized)."""
    return [w for w in _SPLIT.findall(text) if w[0].isalnum()]


def _pools(kb: KnowledgeBase) -> _Pools:
    """Cut heads (first 1-3 words), tails (last 1-3), middles and word pairs from real text."""
    detect = LanguageDetector(t for i in kb.intents.values() for t in (i.answer_en, i.title_en)).detect
    heads_vi: set[str] = set()
    tails_vi: set[str] = set()
    middles_vi: set[str] = set()
    pairs_vi: set[str] = set()
    heads_en: set[str] = set()
    tails_en: set[str] = set()
    for intent in kb.intents.values():
        for example in intent.examples:
            ws = _words(example)
            if len(ws) < 2:
                continue
            english = detect(example) == "en"
            heads, tails = (heads_en, tails_en) if english else (heads_vi, tails_vi)
            for k in (1, 2, 3):
                if len(ws) > k:
                    heads.add(" ".join(ws[:k]))
                    tails.add(" ".join(ws[-k:]))
            if not english:
                for a, b in itertools.pairwise(ws):
                    pairs_vi.add(f"{a} {b}")
                for i in range(1, len(ws) - 2):
                    middles_vi.add(" ".join(ws[i:i + 2]))

    def sentences(texts: list[str]) -> list[str]:
        out = [s.strip() for t in texts for s in _SENTENCE.split(t) if len(s.split()) >= 6]
        return sorted(set(out))

    answers = [i for i in kb.intents.values() if i.kind == "answer"]
    return _Pools(
        heads_vi=sorted(heads_vi), tails_vi=sorted(tails_vi), middles_vi=sorted(middles_vi),
        pairs_vi=sorted(pairs_vi), heads_en=sorted(heads_en), tails_en=sorted(tails_en),
        answers_vi=sentences([i.answer for i in answers]),
        answers_en=sentences([i.answer_en for i in answers]),
        titles_en=sorted({i.title_en for i in answers}),
    )


def _example(rng: random.Random, pools: _Pools, subject: list[str]) -> str:
    """One way of asking about ``subject``: Vietnamese (some without diacritics) or English."""
    # Each example uses part of the subject, in either order, as people phrase it differently.
    parts = subject if rng.random() < 0.6 else rng.sample(subject, k=max(1, len(subject) - 1))
    core = " ".join(parts)
    if rng.random() < 0.15:
        text = f"{rng.choice(pools.heads_en)} {core} {rng.choice(pools.tails_en)}{rng.choice(_ENDINGS_EN)}"
        return text[0].upper() + text[1:]
    pieces = []
    if rng.random() < 0.15:
        pieces.append(rng.choice(_FILLERS_VI))
    pieces.append(rng.choice(pools.heads_vi))
    pieces.append(core)
    if rng.random() < 0.35:
        pieces.append(rng.choice(pools.middles_vi))
    pieces.append(rng.choice(pools.tails_vi))
    text = " ".join(pieces) + rng.choice(_ENDINGS_VI)
    if rng.random() < 0.25:
        text = fold(text)
    elif rng.random() < 0.4:
        text = text[0].upper() + text[1:]
    return text


def _load_real(attempts: int = 5) -> KnowledgeBase:
    """The bundled knowledge base; retried briefly, as curators may be mid-edit."""
    for attempt in range(attempts):
        try:
            return load(DEFAULT_KB_DIR)
        except KnowledgeError:
            if attempt == attempts - 1:
                raise
            time.sleep(2)
    raise AssertionError("unreachable")


def generate(folder: Path, n_intents: int, seed: int, keep_real: bool = True) -> Path:
    """Write a knowledge folder with ``n_intents`` generated intents; return ``folder``.

    ``folder`` is created (or emptied of intents); the generated part is deterministic in
    ``seed`` and the real knowledge base.
    """
    folder = Path(folder)
    real = _load_real()
    pools = _pools(real)
    topics = list(real.topics)
    rng = random.Random(seed)

    folder.mkdir(parents=True, exist_ok=True)
    for src in DEFAULT_KB_DIR.iterdir():
        if src.is_file() and src.suffix in (".yaml", ".txt"):
            shutil.copy2(src, folder / src.name)
    intents_dir = folder / "intents"
    if intents_dir.exists():
        shutil.rmtree(intents_dir)
    intents_dir.mkdir()
    if keep_real:
        snapshot = [i.model_dump(mode="json", exclude_none=True) for i in real.intents.values()]
        with (intents_dir / "real.yaml").open("w", encoding="utf-8") as fh:
            fh.write("# The real intents, as loaded when this folder was generated.\n")
            yaml.dump(snapshot, fh, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)

    # The real examples are not in the generated folder, but keeping clear of them too means
    # a real question never lands on a generated example word for word by accident.
    seen = {tuple(real.tokens(e)) for i in real.intents.values() for e in i.examples}
    intents: list[dict[str, object]] = []
    for n in range(n_intents):
        topic = rng.choice(topics)
        intent_id = f"gen_{topic}_{n:05d}"
        subject = rng.sample(pools.pairs_vi, k=rng.choice((2, 2, 3)))
        want = rng.randint(8, 12)
        examples: list[str] = []
        attempts = 0
        while len(examples) < want:
            attempts += 1
            text = _example(rng, pools, subject)
            key = tuple(real.tokens(text))
            if len(key) < 2 or key in seen:
                if attempts > 200:  # a crowded subject: widen it instead of looping forever
                    subject = [*subject, rng.choice(pools.pairs_vi)]
                    attempts = 0
                continue
            seen.add(key)
            examples.append(text)
        core = " ".join(subject)
        answer = f"{core[0].upper()}{core[1:]}: " + " ".join(
            rng.sample(pools.answers_vi, k=rng.choice((1, 2))))
        answer_en = f"On {fold(core)}: " + " ".join(rng.sample(pools.answers_en, k=rng.choice((1, 2))))
        title = examples[0].rstrip("?").strip()
        intent: dict[str, object] = {
            "id": intent_id,
            "kind": "answer",
            "topic": topic,
            "title": f"{title[0].upper()}{title[1:]}?",
            "title_en": rng.choice(pools.titles_en),
            "examples": examples,
            "answer": answer,
            "answer_en": answer_en,
        }
        if intents and rng.random() < 0.5:
            earlier = [str(i["id"]) for i in intents[-50:]]
            intent["related"] = rng.sample(earlier, k=min(len(earlier), rng.randint(1, 3)))
        intent["sources"] = [1]
        intents.append(intent)

    for start in range(0, len(intents), INTENTS_PER_FILE):
        chunk = intents[start:start + INTENTS_PER_FILE]
        path = intents_dir / f"gen_{start // INTENTS_PER_FILE:03d}.yaml"
        with path.open("w", encoding="utf-8") as fh:
            fh.write(f"# Generated by bench/gen_kb.py (seed {seed}); not real knowledge.\n")
            yaml.dump(chunk, fh, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    return folder


def questions(kb: KnowledgeBase, n: int, seed: int) -> list[str]:
    """``n`` questions about a generated knowledge base: its generated examples, lightly garbled.

    A third are asked as written, the rest with a word dropped, two words swapped, the
    diacritics stripped or a letter doubled, so the matcher's fuzzy and correction paths run.
    """
    rng = random.Random(seed)
    ids = sorted(i for i in kb.intents if i.startswith("gen_")) or sorted(kb.intents)
    out: list[str] = []
    for _ in range(n):
        example = rng.choice(kb.intents[rng.choice(ids)].examples)
        ws = example.split()
        how = rng.randrange(5)
        if how == 1 and len(ws) > 3:
            del ws[rng.randrange(len(ws))]
        elif how == 2 and len(ws) > 2:
            i = rng.randrange(len(ws) - 1)
            ws[i], ws[i + 1] = ws[i + 1], ws[i]
        elif how == 3:
            ws = fold(" ".join(ws)).split()
        elif how == 4:
            i = rng.randrange(len(ws))
            if len(ws[i]) > 2:
                j = rng.randrange(len(ws[i]))
                ws[i] = ws[i][:j] + ws[i][j] + ws[i][j:]
        out.append(" ".join(ws))
    return out


def main(argv: list[str]) -> int:
    """``python -m bench.gen_kb DIR N [SEED]``: write a folder and check that it loads."""
    if len(argv) not in (2, 3):
        print("usage: python -m bench.gen_kb DIR N_INTENTS [SEED]", file=sys.stderr)
        return 2
    folder = generate(Path(argv[0]), int(argv[1]), int(argv[2]) if len(argv) == 3 else 1)
    kb = load(folder)
    total = sum(len(i.examples) for i in kb.intents.values())
    generated = sum(1 for i in kb.intents if i.startswith("gen_"))
    print(f"{folder}: {len(kb.intents)} intents ({generated} generated), {total} examples; loads cleanly.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
