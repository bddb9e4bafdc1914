"""Start-up cost: how long ``python -m bot ask "…"`` takes from a cold process, and why.

The wall time of the whole command (the aim is about it), the bare interpreter for scale, the
phases timed from inside a child that does what ``ask`` does (imports, load, index build,
first answer), the compile time added when no bytecode cache can be written, and
``-X importtime`` grouped by what the project imports. A one-shot console answer pays all of
this on every question, so it matters as much as the answer latency.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import AIM_COLD_S, COLD_QUESTION, ROOT, Table, run_child
from bot.kb.snapshot import SNAPSHOT_NAME


def cold_start(runs: int) -> dict[str, Any]:
    """Wall time of ``python -m bot ask "…"`` (after one untimed run warms the disk cache): with
    the knowledge snapshot current (every start but the first after an edit) and without it."""
    cmd = ["-m", "bot", "ask", COLD_QUESTION]
    with tempfile.TemporaryDirectory(prefix="bench-cache-") as cache:
        env = {"BOT_CACHE_DIR": cache}
        first = run_child(cmd, env=env)
        if first.returncode != 0:
            return {"error": (first.stderr.strip().splitlines() or ["?"])[-1]}
        walls, unsnapped, bare = [], [], []
        for _ in range(runs):
            t = time.perf_counter()
            run_child(cmd, env=env)
            walls.append(time.perf_counter() - t)
            t = time.perf_counter()
            run_child(["-c", "pass"])
            bare.append(time.perf_counter() - t)
            (Path(cache) / SNAPSHOT_NAME).unlink()
            t = time.perf_counter()
            run_child(cmd, env=env)  # builds and writes the snapshot again
            unsnapped.append(time.perf_counter() - t)
    # Where the seconds go, measured inside a child that does what ``ask`` does.
    script = f"""
import json, time
t0 = time.perf_counter()
import bot.cli
t1 = time.perf_counter()
from bot.kb.loader import DEFAULT_KB_DIR, load
kb = load(DEFAULT_KB_DIR)
t2 = time.perf_counter()
from handlers.questions import Responder
r = Responder(kb)
t3 = time.perf_counter()
from bot.channels.plain import render
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
    sources = sorted((ROOT / "bot").rglob("*.py")) + sorted((ROOT / "handlers").rglob("*.py"))
    compiles = []
    for _ in range(5):
        t = time.perf_counter()
        for src in sources:
            compile(src.read_text(encoding="utf-8"), str(src), "exec")
        compiles.append(time.perf_counter() - t)
    return {"walls": walls, "unsnapped": unsnapped, "bare": bare, "phases": phases,
            "compile": statistics.median(compiles), "sources": len(sources)}


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


def report_cold(table: Table, cs: dict[str, Any]) -> None:
    """Rows for ``cold_start``'s result."""
    if "error" in cs:
        table.row("cold ask", cs["error"])
        return
    med = statistics.median(cs["walls"])
    table.row(f"cold ask, median of {len(cs['walls'])}",
              f"{med * 1000:.0f} ms (min {min(cs['walls']) * 1000:.0f}, max {max(cs['walls']) * 1000:.0f})",
              f"< {AIM_COLD_S:g} s", med < AIM_COLD_S)
    table.row("  the first start after an edit (no snapshot)",
              f"{statistics.median(cs['unsnapped']) * 1000:.0f} ms, median of {len(cs['unsnapped'])}")
    table.row("  bare interpreter (python -c pass)", f"{statistics.median(cs['bare']) * 1000:.0f} ms")
    if cs["phases"]:
        imp, ld, bld, ans = (x * 1000 for x in cs["phases"])
        table.row("  inside, without the snapshot: import bot.cli", f"{imp:.0f} ms")
        table.row("  inside: load knowledge", f"{ld:.0f} ms")
        table.row("  inside: build Responder (index)", f"{bld:.0f} ms")
        table.row("  inside: first answer + render", f"{ans:.1f} ms")
    table.row(f"  + compiling the {cs['sources']} project modules",
              f"{cs['compile'] * 1000:.0f} ms more when no bytecode cache can be written")


def report_imports(table: Table, ic: dict[str, Any]) -> None:
    """Rows for ``import_costs``'s result: the total and the 8 heaviest groups."""
    table.row("all imports", f"{ic['total']:.0f} ms")
    for key, ms, mods in ic["groups"][:8]:
        detail = ", ".join(f"{n} {m:.1f}" for n, m in mods)
        table.row(f"  {key}", f"{ms:5.1f} ms   (heaviest: {detail})")
