"""Core benchmarks: answer latency, knowledge size, ``ask`` throughput, cold start, memory.

    python -m bench.run_core            # full run, a few minutes
    python -m bench.run_core --quick    # smaller everything, under a minute

Prints figures with the aims beside them; never asserts a time (these machines are noisy).
Every in-process measurement runs in a fresh child process (``--worker``), so one knowledge
base's memory and caches never leak into the next figure, and the child's peak RSS is a
figure of its own. See bench/README.md for what each line means.

This module is the entry point: the plans (how hard to measure), the arguments and the order
of the run. What is measured lives in ``bench.latency``, ``bench.throughput``,
``bench.startup`` and ``bench.memory``; what they share in ``bench.common``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import latency, memory, startup, throughput
from bench.common import (
    AIM_P99_10K_MS,
    AIM_P99_REAL_MS,
    COLD_QUESTION,
    QUESTION_FILES,
    SEED,
    Table,
    loadavg,
    real_questions,
    revision,
    run_child,
)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_core", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="shrink everything (under a minute)")
    parser.add_argument("--keep", metavar="DIR", help="write the generated knowledge folders here and keep them")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(latency.worker_main(json.load(sys.stdin))))
        return 0

    plan = QUICK if args.quick else FULL
    started = time.perf_counter()
    table = Table()
    questions = real_questions()
    rng = random.Random(SEED)

    from bench.gen_kb import generate
    from bot.kb.loader import DEFAULT_KB_DIR

    head = revision()
    print(f"Hội nghị Bot core benchmark ({plan.name}) · {head} · Python "
          f"{sys.version.split()[0]} · {os.cpu_count()} CPUs · question mix: {len(questions)} "
          f"questions of {' + '.join(Path(f).name for f in QUESTION_FILES)}", flush=True)

    def progress(what: str) -> None:
        print(f"  … {what} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)

    # One untimed run fills the bytecode cache (outside the checkout) and the disk cache.
    run_child(["-m", "bot", "ask", COLD_QUESTION])

    # 1. The real knowledge base.
    progress("real knowledge base")
    real = latency.measure({"folder": str(DEFAULT_KB_DIR), "load_reps": plan.real_load_reps,
                            "questions": questions, "warm_budget_s": plan.real_warm_budget_s,
                            "max_warm": plan.real_max_warm, "breakdown": plan.real_breakdown,
                            "breakdown_reps": plan.real_breakdown_reps, "load_split": True,
                            "sample_answers": len(questions), "sample_budget_s": plan.sample_budget_s,
                            "sample_build": not args.quick, "gc_off_build": True, "seed": SEED})
    table.section("answer latency (Responder.answer, in process, time.perf_counter_ns)")
    latency.report_kb(table, "real KB", real, AIM_P99_REAL_MS)

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
            res = latency.measure({"folder": str(folder), "load_reps": size.load_reps, "questions": mix,
                                   "generated": size.questions - len(mix), "warm_budget_s": size.warm_budget_s,
                                   "max_warm": size.max_warm, "breakdown": size.breakdown,
                                   "breakdown_reps": size.breakdown_reps, "sample_answers": size.sample_answers,
                                   "sample_budget_s": plan.sample_budget_s,
                                   "sample_build": size.sample_build, "gc_off_build": size.gc_off_build,
                                   "load_split": size.load_split, "seed": SEED})
            res["gen_s"] = gen_s
            gen_results[size.intents] = res
            aim = AIM_P99_10K_MS if size.intents == 10_000 else None
            latency.report_kb(table, f"generated {size.intents:,}", res, aim)
    if not any(s.intents == 10_000 for s in plan.sizes):
        table.notes.append("--quick skips the 10,000-intent knowledge base (its load alone takes "
                           "tens of seconds); run without --quick for the p99 < 10 ms aim.")

    # 3. ask --json - throughput.
    progress("ask --json - throughput")
    table.section(f"`python -m bot ask --json -` fed {plan.throughput_n:,} questions on stdin "
                  f"(median of {plan.throughput_reps})")
    throughput.report(table, throughput.throughput(questions, plan.throughput_n, plan.throughput_reps))

    # 4. Cold start and imports.
    progress("cold start")
    cs = startup.cold_start(plan.cold_runs)
    table.section(f"cold start: `python -m bot ask \"{COLD_QUESTION}\"` (wall, subprocess)")
    startup.report_cold(table, cs)
    progress("import time")
    ic = startup.import_costs(plan.importtime_runs)
    table.section(f"python -X importtime, same command: top 8 (self time charged to what the project "
                  f"imports; median of {plan.importtime_runs})")
    startup.report_imports(table, ic)

    # 5. Memory.
    progress("memory")
    table.section("peak memory (peak RSS, VmHWM, of a fresh process; see README for why not ru_maxrss)")
    memory.report(table, memory.real_memory(questions, plan.memory_questions), gen_results)
    for n, res in gen_results.items():
        if "error" not in res:
            table.notes.append(f"generating the {n:,}-intent folder took {res['gen_s']:.1f} s (not a bot figure)")

    print(table.render())
    for note in table.notes:
        print(f"note: {note}")
    print(f"(benchmark wall time {time.perf_counter() - started:.0f} s; load average "
          f"{loadavg()} at the start, {loadavg(now=True)} at the end)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
