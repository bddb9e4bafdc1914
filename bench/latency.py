"""In-process answer latency: how fast ``Responder.answer`` is, where its time goes, and why.

For one knowledge base at a time, a fresh child process (``python -m bench.run_core --worker``,
fed a JSON spec on stdin) loads it, builds the index, and times ``answer`` per question: first
sight, then warm passes (the figure the aims are about), each stage of ``answer`` on its own,
how much of the index one question touches, and, in passes of their own, which project lines
the CPU time goes to. A fresh process per knowledge base keeps one's caches and memory out of
the next one's figures, and its peak RSS is itself a figure (reported by ``bench.memory``).
"""

from __future__ import annotations

import gc
import json
import math
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import ROOT, Table, fmt_ms, pct, rss_mb, run_child


def measure(spec: dict[str, Any]) -> dict[str, Any]:
    """Run ``worker_main`` in a fresh interpreter (``python -m bench.run_core --worker``) and
    return its JSON result; ``spec`` says which folder, which questions and how hard."""
    proc = run_child(["-m", "bench.run_core", "--worker"], stdin=json.dumps(spec))
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"error": f"worker exited {proc.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


class GcWatch:
    """Counts and times garbage collections while active (pauses show up as latency tails)."""

    def __init__(self) -> None:
        self.pauses_ms: list[float] = []
        self._start = 0
        self.active = False

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if not self.active or info.get("generation") != 2:
            return
        if phase == "start":
            self._start = time.perf_counter_ns()
        else:
            self.pauses_ms.append((time.perf_counter_ns() - self._start) / 1e6)


def _time_passes(answer: Callable[[str], object], questions: list[str], budget_s: float,
                 max_warm: int, rng: random.Random) -> tuple[list[float], list[float], int]:
    """One cold pass (each question seen for the first time), then warm passes in shuffled order."""
    cold: list[float] = []
    for q in questions:
        t = time.perf_counter_ns()
        answer(q)
        cold.append((time.perf_counter_ns() - t) / 1e6)
    warm: list[float] = []
    passes = 0
    start = time.perf_counter()
    while passes < max_warm and (passes == 0 or time.perf_counter() - start < budget_s):
        order = questions[:]
        rng.shuffle(order)
        for q in order:
            t = time.perf_counter_ns()
            answer(q)
            warm.append((time.perf_counter_ns() - t) / 1e6)
        passes += 1
    return cold, warm, passes


def _stage_breakdown(responder: Any, questions: list[str], reps: int) -> dict[str, Any]:
    """Per-question time of each stage of ``answer``, warm, and the shape of the lexical pass.

    Each stage of each question is timed ``reps`` times, interleaved, keeping the fastest (the
    least disturbed by the neighbours on a shared machine). "rank_nofuzzy" is ``rank`` with
    rapidfuzz's scorers swapped for a constant, so rank − rank_nofuzzy is what the fuzzy
    re-scoring of the shortlist costs. Uses the matcher's internals (its lexical index's
    ``rank``) read-only; when they have been renamed those figures come back as None.
    """
    import bot.engine.lexical as bm

    m = responder.matcher
    limit = responder.kb.matching.max_question_chars
    keys = ("answer", "detect", "normalize", "match", "rank", "rank_nofuzzy",
            "fuzzy", "match_rest", "wording")
    stages: dict[str, list[float]] = {k: [] for k in keys}
    tokens_of: dict[str, list[str]] = {}
    rank = getattr(getattr(m, "_lexical", None), "rank", None)
    try:
        if rank is not None:
            rank(list(m.normalize("hội nghị")))
    except Exception:
        rank = None
    real_fuzz = getattr(bm, "fuzz", None)

    class _NoFuzz:
        def __getattr__(self, name: str) -> Any:
            if name.endswith("ratio"):
                return lambda *a, **k: 0.0
            return getattr(real_fuzz, name)

    no_fuzz = _NoFuzz()

    def rank_nofuzzy(tokens: list[str]) -> object:
        setattr(bm, "fuzz", no_fuzz)  # noqa: B010 - swapped for one call, restored below
        try:
            return rank(tokens)  # type: ignore[misc]
        finally:
            setattr(bm, "fuzz", real_fuzz)  # noqa: B010

    # The index keeps the texts it normalized last, so repetitions would time a lookup: time the work.
    lexical = getattr(m, "_lexical", None)
    uncached = getattr(getattr(lexical, "_normalized", None), "__wrapped__", None)

    def normalize(text: str) -> object:
        return uncached(lexical, text) if uncached is not None else m.normalize(text)

    for q in questions:
        text = q[:limit]
        tokens = list(m.normalize(text))
        tokens_of[q] = tokens
        calls: list[tuple[str, Callable[[], object]]] = [
            ("answer", lambda: responder.answer(q)),  # noqa: B023
            ("detect", lambda: responder.detector.detect(text)),  # noqa: B023
            ("normalize", lambda: normalize(text)),  # noqa: B023
            ("match", lambda: m.match(text)),  # noqa: B023
        ]
        if rank is not None and tokens:
            calls.append(("rank", lambda: rank(tokens)))  # noqa: B023
            if real_fuzz is not None:
                calls.append(("rank_nofuzzy", lambda: rank_nofuzzy(tokens)))  # noqa: B023
        best = {k: math.inf for k, _ in calls}
        for _ in range(reps):
            for key, fn in calls:
                t = time.perf_counter_ns()
                fn()
                best[key] = min(best[key], (time.perf_counter_ns() - t) / 1e6)
        for key, ms in best.items():
            stages[key].append(ms)
        # Derived per question: the parts the timings above leave over.
        stages["wording"].append(max(0.0, best["answer"] - best["detect"] - best["match"]))
        if "rank" in best:
            stages["match_rest"].append(max(0.0, best["match"] - best["normalize"] - best["rank"]))
        if "rank_nofuzzy" in best:
            stages["fuzzy"].append(max(0.0, best["rank"] - best["rank_nofuzzy"]))

    out: dict[str, Any] = {k: (statistics.median(v) if v else None) for k, v in stages.items()}
    total = sum(stages["answer"]) or 1.0
    out["share"] = {k: (sum(v) / total if v else None) for k, v in stages.items()}
    out["reps"] = reps
    out["n"] = len(questions)

    # How much of the index one question touches.
    try:
        postings, intent_postings, docs = m._postings, m._intent_postings, m._docs
        features = bm._features
        feats_n, visited, touched = [], [], []
        for q in questions:
            toks = tokens_of[q]
            if not toks:
                continue
            feats = features(toks)
            feats_n.append(len(feats))
            lists = [postings.get(f, ()) for f in feats]
            visited.append(sum(len(x) for x in lists) + sum(len(intent_postings.get(f, ())) for f in feats))
            touched.append(len(set().union(*lists)))
        out["index"] = {"docs": len(docs), "features": statistics.median(feats_n),
                        "visited": statistics.median(visited), "touched": statistics.median(touched)}
    except (AttributeError, TypeError, ValueError, statistics.StatisticsError):
        out["index"] = None
    return out


def _load_split(folder: Path, kb: Any) -> dict[str, float | None]:
    """YAML parsing alone, and text normalization of every matchable text alone (ms)."""
    out: dict[str, float | None] = {"yaml_ms": None, "tokens_ms": None}
    try:
        from bot.kb.yamlsource import read_yaml

        files = sorted(folder.glob("*.yaml")) + sorted((folder / "intents").glob("*.yaml"))
        t = time.perf_counter()
        for f in files:
            read_yaml(f, f.name)
        out["yaml_ms"] = (time.perf_counter() - t) * 1000
    except Exception:
        pass
    texts = [t for i in kb.intents.values()
             for t in (i.title, i.title_en, *i.examples, i.answer, i.answer_en)]
    t = time.perf_counter()
    for text in texts:
        kb.tokens(text)
    out["tokens_ms"] = (time.perf_counter() - t) * 1000
    out["texts"] = len(texts)
    return out


class LineSampler:
    """Which lines of ``bot/`` and ``handlers/`` the process spends its CPU time on.

    A profiling timer (``ITIMER_PROF``, CPU time) interrupts the main thread every
    ``interval`` seconds; the handler counts the innermost frame that belongs to the project
    (time inside rapidfuzz, pydantic or YAML code is charged to the project line that called
    it). Needs no change to the code measured and survives its refactorings; it costs some
    speed while active, so it runs in a pass of its own, never during the timed ones.
    """

    def __init__(self, interval: float = 0.0005) -> None:
        self.interval = interval
        self.counts: dict[tuple[str, int, str], int] = {}
        self._roots = tuple(str(ROOT / d) + os.sep for d in ("bot", "handlers"))

    def __enter__(self) -> LineSampler:
        import signal

        self._old = signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc: object) -> None:
        import signal

        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._old)

    def _sample(self, _signum: int, frame: Any) -> None:
        while frame is not None and not frame.f_code.co_filename.startswith(self._roots):
            frame = frame.f_back
        if frame is not None and frame.f_lineno is not None:
            key = (frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name)
            self.counts[key] = self.counts.get(key, 0) + 1

    def top(self, n: int) -> dict[str, Any]:
        """The ``n`` hottest lines as (share, "file:line", function, source text)."""
        import linecache

        total = sum(self.counts.values())
        rows = []
        for (path, line, func), count in sorted(self.counts.items(), key=lambda kv: -kv[1])[:n]:
            code = " ".join(linecache.getline(path, line).split())
            rows.append((count / total, f"{Path(path).parent.name}/{Path(path).name}:{line}", func, code))
        return {"samples": total, "lines": rows}


def worker_main(spec: dict[str, Any]) -> dict[str, Any]:
    """Load a knowledge base, answer questions, report timings and peak memory."""
    t0 = time.perf_counter()
    from bot.kb.loader import load
    from handlers.questions import Responder
    import_ms = (time.perf_counter() - t0) * 1000
    rss_imports = rss_mb("VmRSS")

    folder = Path(spec["folder"])
    loads, builds = [], []
    responder = None
    from bot.kb.loader import KnowledgeError

    kb = None
    for rep in range(spec["load_reps"]):
        responder = kb = None  # the previous load must not count towards this one's peak
        gc.collect()
        t = time.perf_counter()
        try:
            kb = load(folder)
        except KnowledgeError:
            if rep > 0 or spec.get("retried"):
                raise
            time.sleep(2)  # curators may be mid-edit of the real folder: one retry
            spec["retried"] = True
            t = time.perf_counter()
            kb = load(folder)
        t1 = time.perf_counter()
        responder = Responder(kb)
        t2 = time.perf_counter()
        loads.append((t1 - t) * 1000)
        builds.append((t2 - t1) * 1000)
    assert responder is not None
    rss_loaded = rss_mb()

    questions = list(spec["questions"])
    if spec.get("generated", 0):
        from bench.gen_kb import questions as gen_questions

        questions += gen_questions(responder.kb, spec["generated"], spec["seed"])
        random.Random(spec["seed"]).shuffle(questions)  # so any prefix mixes both kinds

    watch = GcWatch()
    gc.callbacks.append(watch)
    watch.active = True
    cold, warm, passes = _time_passes(responder.answer, questions, spec["warm_budget_s"],
                                      spec["max_warm"], random.Random(spec["seed"]))
    watch.active = False
    gen2_before = len(watch.pauses_ms)
    breakdown = (_stage_breakdown(responder, questions[: spec["breakdown"]], spec.get("breakdown_reps", 3))
                 if spec["breakdown"] else None)
    hot_answer = None
    if spec.get("sample_answers"):
        # The kernel delivers the profiling signal every few ms at best: repeat the questions
        # until the budget is spent, so there are several hundred samples.
        start = time.perf_counter()
        with LineSampler() as sampler:
            while True:
                for q in questions[: spec["sample_answers"]]:
                    responder.answer(q)
                if time.perf_counter() - start >= spec.get("sample_budget_s", 0):
                    break
        hot_answer = sampler.top(6)
    rss_peak = rss_mb()

    # Extras that would raise the memory high-water mark: after it has been read.
    # The split is measured with everything loaded so far frozen out of the collector's
    # sight, so the knowledge base held in this process does not slow its collections.
    split = None
    if spec.get("load_split"):
        gc.collect()
        gc.freeze()
        split = _load_split(folder, responder.kb)
        gc.unfreeze()
    kb = responder.kb
    responder = None
    sizes = {"intents": len(kb.intents),
             "generated_intents": sum(1 for i in kb.intents if i.startswith("gen_")),
             "examples": sum(len(i.examples) for i in kb.intents.values())}
    hot_build = None
    if spec.get("sample_build"):
        gc.collect()
        with LineSampler() as sampler:
            Responder(load(folder))
        hot_build = sampler.top(6)
    build_nogc = None
    if spec.get("gc_off_build"):
        gc.collect()
        gc.disable()
        t = time.perf_counter()
        Responder(kb)
        build_nogc = (time.perf_counter() - t) * 1000
        gc.enable()
    return {
        **sizes,
        "import_ms": import_ms, "load_ms": loads, "build_ms": builds,
        "cold": cold, "warm": warm, "passes": passes, "questions": len(questions),
        "gc2": watch.pauses_ms[:gen2_before],
        "breakdown": breakdown, "split": split,
        "rss_imports": rss_imports, "rss_loaded": rss_loaded, "rss_peak": rss_peak,
        "hot_answer": hot_answer, "hot_build": hot_build, "build_nogc_ms": build_nogc,
    }


def lat(values: list[float]) -> str:
    return f"p50 {fmt_ms(pct(values, 50))} · p99 {fmt_ms(pct(values, 99))} · max {fmt_ms(max(values))}"


def report_kb(table: Table, name: str, res: dict[str, Any], aim_ms: float | None) -> None:
    """Rows for one knowledge base's worker result."""
    if "error" in res:
        table.row(f"{name}", res["error"])
        return
    loads, builds = res["load_ms"], res["build_ms"]
    reps = len(loads)
    made = res.get("generated_intents", 0)
    mix = f" ({made:,} generated + {res['intents'] - made} real)" if made else ""
    table.row(f"{name}: size", f"{res['intents']:,} intents{mix} · {res['examples']:,} examples")
    table.row("  load (YAML + validation)",
              f"{fmt_ms(statistics.median(loads))}  (median of {reps})")
    nogc = res.get("build_nogc_ms")
    table.row("  index build (Responder)", f"{fmt_ms(statistics.median(builds))}  (median of {reps})"
              + (f" · {fmt_ms(nogc)} with GC paused (1 run)" if nogc is not None else ""))
    split = res.get("split")
    if split:
        yaml_ms = split.get("yaml_ms")
        bits = []
        if yaml_ms is not None:
            bits.append(f"YAML parse alone {fmt_ms(yaml_ms)}")
        bits.append(f"normalizing its {split['texts']:,} texts alone {fmt_ms(split['tokens_ms'])}")
        table.row("    of which", " · ".join(bits))
    warm, cold = res["warm"], res["cold"]
    ok = None if aim_ms is None else pct(warm, 99) < aim_ms
    table.row(f"  answer(), warm (n={len(warm):,}, {res['passes']} passes)", lat(warm),
              f"p99 < {aim_ms:g} ms" if aim_ms else "", ok)
    table.row(f"  answer(), first sight (n={len(cold):,})", lat(cold))
    gc2 = res.get("gc2") or []
    if gc2:
        table.row("  gen-2 GC pauses during those", f"{len(gc2)} · max {fmt_ms(max(gc2))}")
    b = res.get("breakdown")
    if b:
        def part(key: str, name: str) -> str:
            ms, sh = b.get(key), b["share"].get(key)
            return f"{name} {fmt_ms(ms)} ({sh:.0%})" if ms is not None and sh is not None else f"{name} n/a"

        table.row(f"  stages, median per question (share), n={b['n']}",
                  f"answer {fmt_ms(b['answer'])} = " + " · ".join(
                      part(k, n) for k, n in (("detect", "language"), ("normalize", "normalize"),
                                              ("rank", "rank"), ("match_rest", "rest of match"),
                                              ("wording", "wording"))))
        if b.get("rank_nofuzzy") is not None:
            table.row("    rank split", f"{part('fuzzy', 'rapidfuzz scorers alone')} · "
                      f"{part('rank_nofuzzy', 'all the rest (Python)')}")
        idx = b.get("index")
        if idx:
            table.row("    index touched per question",
                      f"{idx['features']:.0f} features → {idx['visited']:,.0f} postings entries, "
                      f"{idx['touched']:,.0f} of {idx['docs']:,} docs scored")
    for key, what in (("hot_answer", "answer()"), ("hot_build", "load + index build")):
        hot = res.get(key)
        if hot and hot["samples"]:
            table.row(f"  hot lines in {what}", f"(line sampler, {hot['samples']:,} samples)")
            for share, where, func, code in hot["lines"]:
                table.row(f"    {share:4.0%} {where}", f"{func}: {code[:90]}")

