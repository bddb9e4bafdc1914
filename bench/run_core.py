"""Core benchmarks: answer latency, knowledge size, ``ask`` throughput, cold start, memory.

    python -m bench.run_core            # full run, a few minutes
    python -m bench.run_core --quick    # smaller everything, under a minute

Prints figures with the aims beside them; never asserts a time (these machines are noisy).
Every in-process measurement runs in a fresh child process (``--worker``), so one knowledge
base's memory and caches never leak into the next figure, and the child's peak RSS is a
figure of its own. See bench/README.md for what each line means.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
COLD_QUESTION = "Hội nghị diễn ra khi nào?"
QUESTION_FILES = ("tests/questions/tune.yaml", "tests/questions/holdout.yaml")
SEED = 20201231
PYCACHE = str(Path(tempfile.gettempdir()) / "bench-pycache")

AIM_P99_REAL_MS = 1.0
AIM_P99_10K_MS = 10.0
AIM_COLD_S = 0.5
AIM_RSS_MB = 100.0


# -- plans ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SizePlan:
    """How hard to measure one generated knowledge base."""

    intents: int
    load_reps: int          # load + index build, repeated (median quoted)
    questions: int          # half real questions, half garbled generated examples
    warm_budget_s: float    # warm passes over the questions repeat while within this budget
    max_warm: int
    breakdown: int          # questions timed stage by stage
    breakdown_reps: int     # each stage timed this often per question (fastest kept)
    load_split: bool        # also time YAML parsing and text normalization on their own
    sample_answers: int     # questions answered under the line sampler (repeated for >= 3 s)
    sample_build: bool      # one more load + build under the line sampler
    gc_off_build: bool      # one more index build with the garbage collector paused


@dataclass(frozen=True)
class Plan:
    name: str
    real_load_reps: int
    real_warm_budget_s: float
    real_max_warm: int
    real_breakdown: int
    real_breakdown_reps: int
    sizes: tuple[SizePlan, ...]
    throughput_n: int
    throughput_reps: int
    cold_runs: int
    importtime_runs: int
    memory_questions: int
    sample_budget_s: float  # seconds of line sampling per knowledge base (at least one pass)


FULL = Plan("full", real_load_reps=7, real_warm_budget_s=8.0, real_max_warm=40, real_breakdown=260,
            real_breakdown_reps=5,
            sizes=(SizePlan(1_000, 3, 260, 8.0, 6, 120, 3, True, 260, True, True),
                   SizePlan(10_000, 2, 100, 15.0, 2, 20, 1, True, 30, False, True)),
            throughput_n=2000, throughput_reps=3, cold_runs=7, importtime_runs=3,
            memory_questions=1000, sample_budget_s=3.0)
QUICK = Plan("quick", real_load_reps=3, real_warm_budget_s=2.0, real_max_warm=8, real_breakdown=100,
             real_breakdown_reps=3,
             sizes=(SizePlan(1_000, 1, 80, 2.0, 1, 20, 3, False, 80, True, False),),
             throughput_n=300, throughput_reps=1, cold_runs=3, importtime_runs=1,
             memory_questions=300, sample_budget_s=1.0)


# -- small helpers ----------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))
    return ordered[k]


def fmt_ms(ms: float) -> str:
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    return f"{ms:.2f} ms"


def rss_mb(field: str = "VmHWM") -> float:
    """Peak (``VmHWM``) or current (``VmRSS``) resident set size of this process, in MB.

    Not ``ru_maxrss``: on Linux a child's ru_maxrss starts at its parent's high-water mark
    (it is carried across fork and exec), so a benchmark parent holding a big generated
    knowledge base would inflate every child's figure. VmHWM counts the process's own memory
    only; ru_maxrss is the fallback where /proc is missing.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6


def child_env() -> dict[str, str]:
    """The environment for the bot's subprocesses: this checkout, the bundled knowledge."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.pop("BOT_KB_DIR", None)
    # Cache bytecode as a deployed bot would, but outside the checkout (never in the repo).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


def real_questions() -> list[str]:
    """Every question of the tune and holdout sets, in file order."""
    import yaml

    out: list[str] = []
    for name in QUESTION_FILES:
        data = yaml.load((ROOT / name).read_text(encoding="utf-8"),
                         Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        out.extend(str(item["q"]) for item in data if isinstance(item, dict) and "q" in item)
    return out


def run_child(args: list[str], stdin: str | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PY, *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env=child_env(), timeout=timeout, check=False)


def worker(spec: dict[str, Any]) -> dict[str, Any]:
    """Run ``worker_main`` in a fresh interpreter and return its JSON result."""
    proc = run_child(["-m", "bench.run_core", "--worker"], stdin=json.dumps(spec))
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        return {"error": f"worker exited {proc.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


# -- the worker: everything measured inside one process ---------------------------------


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
    least disturbed by the neighbours on a shared machine). "rank_nofuzzy" is ``_rank`` with
    rapidfuzz's scorers swapped for a constant, so rank − rank_nofuzzy is what the fuzzy
    re-scoring of the shortlist costs. Uses the matcher's internals (``_rank``, ``_postings``,
    ...) read-only; when they have been renamed those figures come back as None.
    """
    import bot.matcher as bm

    m = responder.matcher
    limit = responder.kb.matching.max_question_chars
    keys = ("answer", "detect", "normalize", "match", "rank", "rank_nofuzzy",
            "fuzzy", "match_rest", "wording")
    stages: dict[str, list[float]] = {k: [] for k in keys}
    tokens_of: dict[str, list[str]] = {}
    rank = getattr(m, "_rank", None)
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

    for q in questions:
        text = q[:limit]
        tokens = list(m.normalize(text))
        tokens_of[q] = tokens
        calls: list[tuple[str, Callable[[], object]]] = [
            ("answer", lambda: responder.answer(q)),  # noqa: B023
            ("detect", lambda: responder.detector.detect(text)),  # noqa: B023
            ("normalize", lambda: m.normalize(text)),  # noqa: B023
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
        from bot.yamlsource import read_yaml

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
    from bot.knowledge import load
    from handlers.questions import Responder
    import_ms = (time.perf_counter() - t0) * 1000
    rss_imports = rss_mb("VmRSS")

    folder = Path(spec["folder"])
    loads, builds = [], []
    responder = None
    from bot.knowledge import KnowledgeError

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


# -- subprocess figures: cold start, import time, throughput, memory --------------------


def cold_start(runs: int) -> dict[str, Any]:
    """Wall time of ``python -m bot ask "…"`` (after one untimed run warms the disk cache)."""
    cmd = ["-m", "bot", "ask", COLD_QUESTION]
    first = run_child(cmd)
    if first.returncode != 0:
        return {"error": (first.stderr.strip().splitlines() or ["?"])[-1]}
    walls, bare = [], []
    for _ in range(runs):
        t = time.perf_counter()
        run_child(cmd)
        walls.append(time.perf_counter() - t)
        t = time.perf_counter()
        run_child(["-c", "pass"])
        bare.append(time.perf_counter() - t)
    # Where the seconds go, measured inside a child that does what ``ask`` does.
    script = f"""
import json, time
t0 = time.perf_counter()
import bot.cli
t1 = time.perf_counter()
from bot.knowledge import DEFAULT_KB_DIR, load
kb = load(DEFAULT_KB_DIR)
t2 = time.perf_counter()
from handlers.questions import Responder
r = Responder(kb)
t3 = time.perf_counter()
from bot.plain import render
render(r.answer({COLD_QUESTION!r}))
t4 = time.perf_counter()
print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3]))
"""
    parts = []
    for _ in range(max(3, runs // 2)):
        proc = run_child(["-c", script])
        if proc.returncode == 0:
            parts.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    phases = [statistics.median(p[i] for p in parts) for i in range(4)] if parts else None
    # What a start without a bytecode cache (PYTHONDONTWRITEBYTECODE, read-only tree) adds.
    sources = sorted((ROOT / "bot").glob("*.py")) + sorted((ROOT / "handlers").glob("*.py"))
    compiles = []
    for _ in range(5):
        t = time.perf_counter()
        for src in sources:
            compile(src.read_text(encoding="utf-8"), str(src), "exec")
        compiles.append(time.perf_counter() - t)
    return {"walls": walls, "bare": bare, "phases": phases, "compile": statistics.median(compiles),
            "sources": len(sources)}


_PROJECT = ("bot", "handlers", "__main__")
#: Packages a library pulls in lazily (at class-definition time, so importtime nests them under
#: the project module that triggered it): charged to that library.
_ALIASES = {"annotated_types": "pydantic", "pydantic_core": "pydantic", "typing_extensions": "pydantic",
            "typing_inspection": "pydantic"}


def import_costs(runs: int) -> dict[str, Any]:
    """``python -X importtime -m bot ask "…"``, grouped by what the project asked for.

    Every module's own (self) time is charged to the outermost third-party or stdlib module
    on its import chain, i.e. to what a ``bot``/``handlers`` module imported directly
    ("pydantic" includes pydantic_core, annotated_types, importlib.metadata, email.* it pulls
    in). The project's own modules are charged to themselves. Medians over ``runs``.
    """
    groups: dict[str, list[float]] = {}
    heaviest: dict[str, dict[str, list[float]]] = {}
    totals = []
    for _ in range(runs):
        proc = run_child(["-X", "importtime", "-m", "bot", "ask", COLD_QUESTION])
        rows = []
        for line in proc.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            head, _cumulative, raw = line[len("import time:"):].split("|")
            self_us = int(head.strip())
            depth = (len(raw) - len(raw.lstrip(" ")) - 1) // 2
            rows.append((depth, raw.strip(), self_us))
        # Output is post-order (children before parents); reversed it is pre-order.
        run_groups: dict[str, float] = {}
        run_heavy: dict[str, dict[str, float]] = {}
        stack: list[str] = []
        for depth, name, self_us in reversed(rows):
            del stack[depth:]
            stack.append(name)
            owner = next((a for a in stack if a.split(".")[0] not in _PROJECT), None)
            key = _ALIASES.get(owner.split(".")[0], owner.split(".")[0]) if owner else name
            run_groups[key] = run_groups.get(key, 0.0) + self_us / 1000
            run_heavy.setdefault(key, {})[name] = self_us / 1000
        totals.append(sum(run_groups.values()))
        for key, ms in run_groups.items():
            groups.setdefault(key, []).append(ms)
        for key, mods in run_heavy.items():
            for name, ms in mods.items():
                heaviest.setdefault(key, {}).setdefault(name, []).append(ms)
    ranked = sorted(((statistics.median(v), k) for k, v in groups.items()), reverse=True)
    out = []
    for ms, key in ranked:
        top = sorted(((statistics.median(v), n) for n, v in heaviest[key].items()), reverse=True)
        out.append((key, ms, [(n, m) for m, n in top[:2]]))
    return {"groups": out, "total": statistics.median(totals) if totals else 0.0}


def throughput(questions: list[str], n: int, reps: int) -> dict[str, Any]:
    """``ask --json -`` fed ``n`` questions on stdin: end-to-end rate and time to first answer."""
    batch = [questions[i % len(questions)] for i in range(n)]
    payload = "".join(q.replace("\n", " ") + "\n" for q in batch).encode("utf-8")
    results = []
    for _ in range(reps):
        with tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen([PY, "-m", "bot", "ask", "--json", "-"], stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=err, cwd=ROOT, env=child_env())
            assert proc.stdin is not None and proc.stdout is not None

            def feed(pipe: Any = proc.stdin) -> None:
                try:
                    pipe.write(payload)
                finally:
                    pipe.close()

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            got, first, last = 0, None, None
            for line in proc.stdout:
                now = time.perf_counter()
                if first is None:
                    first = now
                    json.loads(line)  # the contract: one JSON object per line
                got += 1
                last = now
            proc.wait()
            writer.join()
            if got != n or first is None or last is None:
                err.seek(0)
                tail = (err.read().decode("utf-8", "replace").strip().splitlines() or ["?"])[-1]
                return {"error": f"got {got}/{n} answers (exit {proc.returncode}): {tail}"}
            results.append((n / (last - t0), first - t0, (n - 1) / (last - first) if last > first else 0.0,
                            last - t0))
    return {"qps": statistics.median(r[0] for r in results),
            "startup": statistics.median(r[1] for r in results),
            "steady": statistics.median(r[2] for r in results),
            "total": statistics.median(r[3] for r in results), "reps": reps}


def real_memory(sample: list[str], questions: int) -> dict[str, Any]:
    """Peak RSS of a process that loads the bundled knowledge and answers ``questions``."""
    script = f"""
import json, sys
def rss_mb(field):
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(l.split()[1]) * 1024 / 1e6 for l in fh if l.startswith(field + ":"))
qs = json.load(sys.stdin)
from bot.knowledge import DEFAULT_KB_DIR, load
from handlers.questions import Responder
after_imports = rss_mb("VmRSS")
r = Responder(load(DEFAULT_KB_DIR))
for i in range({questions}):
    r.answer(qs[i % len(qs)])
print(json.dumps([after_imports, rss_mb("VmHWM")]))
"""
    proc = run_child(["-c", script], stdin=json.dumps(sample))
    if proc.returncode != 0:
        return {"error": (proc.stderr.strip().splitlines() or ["?"])[-1]}
    imports, peak = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"imports": imports, "peak": peak, "questions": questions}


# -- the report -------------------------------------------------------------------------


@dataclass
class Table:
    rows: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def section(self, title: str) -> None:
        self.rows.append(("", "", "", ""))
        self.rows.append((f"== {title}", "", "", ""))

    def row(self, label: str, value: str, aim: str = "", ok: bool | None = None) -> None:
        verdict = "" if ok is None else ("meets" if ok else "MISSES")
        self.rows.append((label, value, aim, verdict))

    def render(self) -> str:
        w0 = max(len(r[0]) for r in self.rows if not r[0].startswith("==")) + 2
        w1 = max((len(r[1]) for r in self.rows if r[2]), default=0) + 2
        out = []
        for label, value, aim, verdict in self.rows:
            if label.startswith("==") or not (label or value):
                out.append(label)
            elif aim:
                out.append(f"{label:<{w0}}{value:<{w1}}aim {aim}" + (f": {verdict}" if verdict else ""))
            else:
                out.append(f"{label:<{w0}}{value}")
        return "\n".join(out)


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
                                              ("rank", "_rank"), ("match_rest", "rest of match"),
                                              ("wording", "wording"))))
        if b.get("rank_nofuzzy") is not None:
            table.row("    _rank split", f"{part('fuzzy', 'rapidfuzz scorers alone')} · "
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_core", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shrink everything (under a minute)")
    parser.add_argument("--keep", metavar="DIR", help="write the generated knowledge folders here and keep them")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker_main(json.load(sys.stdin))))
        return 0

    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    table = Table()
    questions = real_questions()
    rng = random.Random(SEED)

    from bench.gen_kb import generate
    from bot.knowledge import DEFAULT_KB_DIR

    head = _revision()
    print(f"Hội nghị Bot core benchmark ({plan.name}) · {head} · Python "
          f"{sys.version.split()[0]} · {os.cpu_count()} CPUs · question mix: {len(questions)} "
          f"questions of {' + '.join(Path(f).name for f in QUESTION_FILES)}", flush=True)

    def progress(what: str) -> None:
        print(f"  … {what} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)

    # One untimed run fills the bytecode cache (outside the checkout) and the disk cache.
    run_child(["-m", "bot", "ask", COLD_QUESTION])

    # 1. The real knowledge base.
    progress("real knowledge base")
    real = worker({"folder": str(DEFAULT_KB_DIR), "load_reps": plan.real_load_reps, "questions": questions,
                   "warm_budget_s": plan.real_warm_budget_s, "max_warm": plan.real_max_warm,
                   "breakdown": plan.real_breakdown, "breakdown_reps": plan.real_breakdown_reps,
                   "load_split": True, "sample_answers": len(questions), "sample_budget_s": plan.sample_budget_s,
                   "sample_build": not args.quick,
                   "gc_off_build": True, "seed": SEED})
    table.section("answer latency (Responder.answer, in process, time.perf_counter_ns)")
    report_kb(table, "real KB", real, AIM_P99_REAL_MS)

    # 2. Generated knowledge bases.
    gen_results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="bench-kb-") as tmp:
        base = Path(args.keep) if args.keep else Path(tmp)
        for size in plan.sizes:
            progress(f"generating {size.intents:,} intents")
            folder = base / f"kb-{size.intents}"
            t = time.perf_counter()
            generate(folder, size.intents, SEED)
            gen_s = time.perf_counter() - t
            progress(f"measuring {size.intents:,} intents")
            half = size.questions // 2
            mix = rng.sample(questions, k=min(half, len(questions)))
            res = worker({"folder": str(folder), "load_reps": size.load_reps, "questions": mix,
                          "generated": size.questions - len(mix), "warm_budget_s": size.warm_budget_s,
                          "max_warm": size.max_warm, "breakdown": size.breakdown,
                          "breakdown_reps": size.breakdown_reps, "sample_answers": size.sample_answers,
                          "sample_budget_s": plan.sample_budget_s,
                          "sample_build": size.sample_build, "gc_off_build": size.gc_off_build,
                          "load_split": size.load_split, "seed": SEED})
            res["gen_s"] = gen_s
            gen_results[size.intents] = res
            aim = AIM_P99_10K_MS if size.intents == 10_000 else None
            report_kb(table, f"generated {size.intents:,}", res, aim)
    if not any(s.intents == 10_000 for s in plan.sizes):
        table.notes.append("--quick skips the 10,000-intent knowledge base (its load alone takes "
                           "tens of seconds); run without --quick for the p99 < 10 ms aim.")

    # 3. ask --json - throughput.
    progress("ask --json - throughput")
    table.section(f"`python -m bot ask --json -` fed {plan.throughput_n:,} questions on stdin "
                  f"(median of {plan.throughput_reps})")
    tp = throughput(questions, plan.throughput_n, plan.throughput_reps)
    if "error" in tp:
        table.row("throughput", tp["error"])
    else:
        table.row("end to end, incl. start-up", f"{tp['qps']:,.0f} questions/s ({tp['total']:.2f} s)")
        table.row("start-up (spawn → first answer)", f"{tp['startup'] * 1000:.0f} ms")
        table.row("after start-up", f"{tp['steady']:,.0f} questions/s")

    # 4. Cold start and imports.
    progress("cold start")
    cs = cold_start(plan.cold_runs)
    table.section(f"cold start: `python -m bot ask \"{COLD_QUESTION}\"` (wall, subprocess)")
    if "error" in cs:
        table.row("cold ask", cs["error"])
    else:
        med = statistics.median(cs["walls"])
        table.row(f"cold ask, median of {len(cs['walls'])}",
                  f"{med * 1000:.0f} ms (min {min(cs['walls']) * 1000:.0f}, max {max(cs['walls']) * 1000:.0f})",
                  f"< {AIM_COLD_S:g} s", med < AIM_COLD_S)
        table.row("  bare interpreter (python -c pass)", f"{statistics.median(cs['bare']) * 1000:.0f} ms")
        if cs["phases"]:
            imp, ld, bld, ans = (x * 1000 for x in cs["phases"])
            table.row("  inside: import bot.cli", f"{imp:.0f} ms")
            table.row("  inside: load knowledge", f"{ld:.0f} ms")
            table.row("  inside: build Responder (index)", f"{bld:.0f} ms")
            table.row("  inside: first answer + render", f"{ans:.1f} ms")
        table.row(f"  + compiling the {cs['sources']} project modules",
                  f"{cs['compile'] * 1000:.0f} ms more when no bytecode cache can be written")
    progress("import time")
    ic = import_costs(plan.importtime_runs)
    table.section(f"python -X importtime, same command: top 8 (self time charged to what the project "
                  f"imports; median of {plan.importtime_runs})")
    table.row("all imports", f"{ic['total']:.0f} ms")
    for key, ms, mods in ic["groups"][:8]:
        detail = ", ".join(f"{n} {m:.1f}" for n, m in mods)
        table.row(f"  {key}", f"{ms:5.1f} ms   (heaviest: {detail})")

    # 5. Memory.
    progress("memory")
    table.section("peak memory (peak RSS, VmHWM, of a fresh process; see README for why not ru_maxrss)")
    mem = real_memory(questions, plan.memory_questions)
    if "error" in mem:
        table.row("real KB", mem["error"])
    else:
        table.row(f"real KB, load + {mem['questions']:,} answers", f"{mem['peak']:.0f} MB",
                  f"< {AIM_RSS_MB:g} MB", mem["peak"] < AIM_RSS_MB)
        table.row("  RSS after imports, before loading", f"{mem['imports']:.0f} MB")
    for n, res in gen_results.items():
        if "error" in res:
            continue
        answered = len(res["cold"]) + len(res["warm"])
        table.row(f"generated {n:,}, load + {answered:,} answers", f"{res['rss_peak']:.0f} MB",
                  f"< {AIM_RSS_MB:g} MB" if n == 10_000 else "",
                  res["rss_peak"] < AIM_RSS_MB if n == 10_000 else None)
    for n, res in gen_results.items():
        if "error" not in res:
            table.notes.append(f"generating the {n:,}-intent folder took {res['gen_s']:.1f} s (not a bot figure)")

    print(table.render())
    for note in table.notes:
        print(f"note: {note}")
    print(f"(benchmark wall time {time.perf_counter() - started:.0f} s; load average "
          f"{_loadavg()} at the start, {_loadavg(now=True)} at the end)")
    return 0


_LOAD_AT_START = os.getloadavg() if hasattr(os, "getloadavg") else None


def _loadavg(now: bool = False) -> str:
    """The 1-minute load average: above the CPU count, other work was competing."""
    if _LOAD_AT_START is None:
        return "n/a"
    return f"{(os.getloadavg() if now else _LOAD_AT_START)[0]:.1f}"


def _revision() -> str:
    """The commit measured, and whether the working tree differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.splitlines()
        return f"commit {head}" + (f" + {len(dirty)} modified files" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"


if __name__ == "__main__":
    raise SystemExit(main())
