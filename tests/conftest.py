"""Shared fixtures: the real knowledge base, loaded once, and a responder over it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase, load
from handlers.questions import Responder

ROOT = Path(__file__).resolve().parent.parent
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
