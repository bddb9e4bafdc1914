"""Peak memory: the resident set size a bot process needs, against the aim of 100 MB.

A fresh process loads the real knowledge base and answers the question mix (its RSS right
after the imports is given for scale); for the generated knowledge bases the peak RSS of their
latency workers (``bench.latency``) is reported. Read from ``VmHWM``, not ``ru_maxrss``: see
``bench.common.rss_mb`` and bench/README.md.
"""

from __future__ import annotations

import json
from typing import Any

from bench.common import AIM_RSS_MB, Table, run_child


def real_memory(sample: list[str], questions: int) -> dict[str, Any]:
    """Peak RSS of a process that loads the bundled knowledge and answers ``questions``."""
    # Self-contained (reads VmHWM itself, imports nothing from bench/), so the RSS after the
    # imports is the bot's own.
    script = f"""
import json, sys
def rss_mb(field):
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(l.split()[1]) * 1024 / 1e6 for l in fh if l.startswith(field + ":"))
qs = json.load(sys.stdin)
from bot.kb.loader import DEFAULT_KB_DIR, load
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


def report(table: Table, mem: dict[str, Any], generated: dict[int, dict[str, Any]]) -> None:
    """Rows for ``real_memory``'s result, then the peak of each generated knowledge base's worker."""
    if "error" in mem:
        table.row("real KB", mem["error"])
    else:
        table.row(f"real KB, load + {mem['questions']:,} answers", f"{mem['peak']:.0f} MB",
                  f"< {AIM_RSS_MB:g} MB", mem["peak"] < AIM_RSS_MB)
        table.row("  RSS after imports, before loading", f"{mem['imports']:.0f} MB")
    for n, res in generated.items():
        if "error" in res:
            continue
        answered = len(res["cold"]) + len(res["warm"])
        table.row(f"generated {n:,}, load + {answered:,} answers", f"{res['rss_peak']:.0f} MB",
                  f"< {AIM_RSS_MB:g} MB" if n == 10_000 else "",
                  res["rss_peak"] < AIM_RSS_MB if n == 10_000 else None)
