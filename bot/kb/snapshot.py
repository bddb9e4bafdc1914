"""What a knowledge folder builds, kept on disk, so a cold start skips loading and indexing.

Loading the knowledge base (YAML and validation) and building what answers from it (every
example normalized and indexed) take about a second on a small machine: most of a one-shot
``ask``. Both depend only on the knowledge files and this code, so the result is pickled under
a key made of the files (names, sizes, times and bytes), the bot's own source, and the
versions of Python and of the libraries whose objects it holds. Any edit, upgrade or other
checkout is a miss, and a miss loads and builds as before, then writes the snapshot anew. It is
a cache: missing, stale, unreadable or unwritable, it only costs the time it would have saved.

Unpickling runs code, so the file is trusted like the code beside it: it lives in the bot's own
cache folder (``BOT_CACHE_DIR``), which only the bot's user may write.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pydantic
import rapidfuzz
import yaml

from bot.kb.loader import KnowledgeBase, fingerprint, load

logger = logging.getLogger("bot.kb.snapshot")

#: The snapshot's file in the cache folder: one file, the last folder built.
SNAPSHOT_NAME = "knowledge-snapshot.pickle"
#: The packages whose code decides what a snapshot holds.
_CODE_ROOTS = (Path(__file__).resolve().parents[1], Path(__file__).resolve().parents[2] / "handlers")

Built = TypeVar("Built")


def load_or_build(folder: Path, cache_dir: Path | None,
                  build: Callable[[KnowledgeBase], Built]) -> tuple[KnowledgeBase, Built]:
    """The folder's knowledge base and ``build(kb)``, from the snapshot when it is current.

    Raises ``KnowledgeError`` as ``load`` does; an invalid folder is never snapshotted.
    ``cache_dir`` None: no snapshot, read and built every time.
    """
    path = cache_dir / SNAPSHOT_NAME if cache_dir is not None else None
    key = _key(folder)
    if path is not None:
        found: tuple[KnowledgeBase, Built] | None = _read(path, key)
        if found is not None:
            return found
    kb = load(folder)
    built = build(kb)
    # Written only when the folder did not change while it was read: the key must say what it holds.
    if path is not None and _key(folder) == key:
        _write(path, key, (kb, built))
    return kb, built


def _key(folder: Path) -> str:
    """A digest of everything a snapshot depends on: the knowledge files, the code, Python and
    the libraries whose objects it holds."""
    import numpy  # here, not at the top: importing the bot must not import numpy (see LexicalIndex)

    versions = (sys.version, pickle.HIGHEST_PROTOCOL, pydantic.VERSION, rapidfuzz.__version__, yaml.__version__,
                numpy.__version__)
    digest = hashlib.sha256(f"{versions}\0{folder}\0".encode())
    for entry in fingerprint(folder):
        digest.update(repr(entry).encode())
        try:
            digest.update((folder / entry[0]).read_bytes())
        except OSError:
            digest.update(b"\0unreadable")
    for root in _CODE_ROOTS:
        for source in sorted(root.rglob("*.py")):
            digest.update(str(source.relative_to(root)).encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The garbage collector off while the snapshot's hundred thousand objects are unpickled: it
    would walk them again and again as they arrive (load 108 ms with it, 32 ms without)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _read(path: Path, key: str) -> tuple[KnowledgeBase, Built] | None:
    """The snapshot's contents if it was made under ``key``; None when missing, stale or damaged."""
    try:
        with path.open("rb") as f:
            stored_key = pickle.load(f)
            if stored_key != key:
                return None
            with _collector_paused():
                kb, built = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged or foreign file: build again, as if it were not there
        logger.warning("knowledge snapshot %s is unreadable (%s: %s); building again", path, type(exc).__name__, exc)
        return None
    return kb, built


def _write(path: Path, key: str, contents: tuple[KnowledgeBase, object]) -> None:
    """Replace the snapshot atomically (a reader never sees half a file); a failure only warns."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".snapshot-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(key, f, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(contents, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except Exception as exc:
        logger.warning("knowledge snapshot %s not written (%s); the next start builds again", path, exc)
