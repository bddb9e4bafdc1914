"""Shared fixtures: the real knowledge base, loaded once, and a responder over it.

Tests run in a random order (pytest-randomly); the seed is printed at the end of every run, so
a failure that depends on the order can be replayed with ``./test.sh --randomly-seed=N``.
Helpers to wait on events and to run processes to their end are in ``tests/support.py``.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase, load
from handlers.questions import Responder
from tests.support import ROOT

__all__ = ["QUESTIONS", "ROOT"]
# Bots started by the tests answer from the words alone: fast and the same on every machine. The
# semantic second opinion has its own tests (tests/engine/test_semantic.py), which turn it on.
os.environ.setdefault("BOT_SEMANTIC", "off")
#: The question sets (tune, holdout, and the independent ones).
QUESTIONS = Path(__file__).resolve().parent / "questions"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The bundled knowledge base."""
    return load(DEFAULT_KB_DIR)


@pytest.fixture(scope="session")
def responder(kb: KnowledgeBase) -> Responder:
    """A responder over the bundled knowledge base."""
    return Responder(kb)


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """A writable copy of the knowledge folder, for tests that break or edit it."""
    target = tmp_path / "knowledge"
    shutil.copytree(DEFAULT_KB_DIR, target)
    return target


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    """Print the shuffle's seed even under ``-q`` (pytest-randomly only shows it in the header)."""
    seed = getattr(config.option, "randomly_seed", None)
    if isinstance(seed, int):
        terminalreporter.write_line(f"random order: replay this order with --randomly-seed={seed}")
