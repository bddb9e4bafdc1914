"""Batch throughput: how many questions per second ``python -m bot ask --json -`` answers.

One subprocess is fed the question mix on stdin by a writer thread while the parent reads one
JSON line per answer, so the figures are the pipe-fed console path end to end: the rate
including start-up, the time to the first answer, and the rate after it.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import tempfile
import threading
import time
from typing import Any

from bench.common import PY, ROOT, Table, child_env


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


def report(table: Table, tp: dict[str, Any]) -> None:
    """Rows for ``throughput``'s result."""
    if "error" in tp:
        table.row("throughput", tp["error"])
        return
    table.row("end to end, incl. start-up", f"{tp['qps']:,.0f} questions/s ({tp['total']:.2f} s)")
    table.row("start-up (spawn → first answer)", f"{tp['startup'] * 1000:.0f} ms")
    table.row("after start-up", f"{tp['steady']:,.0f} questions/s")
