"""What every part of the core benchmark shares: constants, aims, helpers and the table.

Measures nothing itself. It holds the question mix, the environment and launcher of the child
processes (so every figure comes from the same checkout, knowledge and bytecode cache), the
peak-RSS reader, the percentile and time formatting of the figures, the run's context (commit,
load average) and the table they are printed in.
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

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


def run_child(args: list[str], stdin: str | None = None, timeout: float = 900,
              env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the bot's interpreter in this checkout; ``env`` adds to ``child_env()``."""
    return subprocess.run([PY, *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
                          env={**child_env(), **(env or {})}, timeout=timeout, check=False)


_LOAD_AT_START = os.getloadavg() if hasattr(os, "getloadavg") else None


def loadavg(now: bool = False) -> str:
    """The 1-minute load average: above the CPU count, other work was competing."""
    if _LOAD_AT_START is None:
        return "n/a"
    return f"{(os.getloadavg() if now else _LOAD_AT_START)[0]:.1f}"


def revision() -> str:
    """The commit measured, and whether the working tree differs from it."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.splitlines()
        return f"commit {head}" + (f" + {len(dirty)} modified files" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "commit unknown"


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
