"""The admins' report over the conversation log: what people ask and what the bot misses.

``build_report`` is pure (rows in, text out) so it is tested without a database;
``report_from_db`` reads the rows. Similar unanswered questions are grouped so that one gap in
the knowledge base shows up once, with how often it was hit.
"""

from __future__ import annotations

import csv
import io
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from time import time

from rapidfuzz import fuzz, process

from bot.store.database import FALLBACK_KINDS, LoggedExchange, Store
from bot.text.normalize import words

LIMIT = 20  # rows per list section
SIMILAR = 75.0  # token_sort_ratio at which two unanswered questions are the same gap
NEAR_MISS = 10.0  # points under the acceptance score that make a fallback a near miss

Cell = str | int | float


@dataclass(frozen=True)
class Section:
    """One table of the report; columns are (CSV name, heading)."""

    key: str
    title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[tuple[Cell, ...], ...]


def _form(question: str) -> str:
    """The comparison form: lower case, no diacritics, no punctuation."""
    return " ".join(words(question))


def group_questions(questions: Iterable[str]) -> list[tuple[int, str]]:
    """Greedy clusters of similar questions as (count, representative), largest first.

    Forms are taken most frequent first, each joining the first cluster whose representative
    it matches; ``token_sort_ratio`` (not ``token_set_ratio``) so that a short question is not
    merged into every longer one containing it. The representative is its first form's most
    common spelling, the one with diacritics on a tie (easier to read).
    """
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for question in questions:
        if form := _form(question):
            spellings[form][question.strip()] += 1
    representatives: list[str] = []
    counts: list[int] = []
    labels: list[str] = []
    for form, counter in sorted(spellings.items(), key=lambda item: (-item[1].total(), item[0])):
        hit = process.extractOne(form, representatives, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR)
        if hit is None:
            representatives.append(form)
            counts.append(counter.total())
            labels.append(max(counter, key=lambda text: (counter[text], sum(not c.isascii() for c in text))))
        else:
            counts[hit[2]] += counter.total()
    return sorted(zip(counts, labels, strict=True), key=lambda group: -group[0])


def _day(ts: float) -> str:
    """The UTC calendar day, so days do not depend on the server's time zone."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d")


def _lowest_rated(rows: Sequence[LoggedExchange]) -> list[tuple[str, int, int]]:
    """(intent, 👎, 👍) for answers with any 👎, worst balance first, then most 👎."""
    votes: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.intent:
            votes[row.intent][0] += row.down
            votes[row.intent][1] += row.up
    return sorted(((intent, down, up) for intent, (down, up) in votes.items() if down),
                  key=lambda item: (item[2] - item[1], -item[1], item[0]))


def _near_misses(rows: Sequence[LoggedExchange], accept_score: float) -> list[tuple[str, float, int, str]]:
    """(nearest intent, best score, count, question) for fallbacks just under the acceptance score.

    The matcher almost had these: if the nearest intent is right, add the question to its
    examples; if not, to the intent that should answer it.
    """
    near: defaultdict[str, list[LoggedExchange]] = defaultdict(list)
    for row in rows:
        if row.kind == "fallback" and accept_score - NEAR_MISS <= row.score < accept_score:
            near[_form(row.question)].append(row)
    return sorted(((same[0].candidate or "-", max(r.score for r in same), len(same), same[0].question)
                   for same in near.values()),
                  key=lambda item: (-item[1], -item[2], item[3]))


def _sections(rows: Sequence[LoggedExchange], accept_score: float, since_label: str) -> list[Section]:
    """The report's content, independent of the output format."""
    unanswered = [row for row in rows if row.kind in FALLBACK_KINDS]
    questions = sum(row.kind != "command" for row in rows)
    rate = f"{len(unanswered) / questions:.1%}" if questions else "-"
    per_day = Counter(_day(row.ts) for row in rows)
    missed_per_day = Counter(_day(row.ts) for row in unanswered)
    intents = Counter(row.intent for row in rows if row.intent)
    return [
        Section("summary", "Summary", (("metric", "Metric"), ("value", "Value")), (
            ("period", since_label), ("exchanges", len(rows)), ("questions", questions),
            ("unanswered", len(unanswered)), ("fallback_rate", rate))),
        Section("volume", "Volume per day (UTC)",
                (("day", "Day"), ("exchanges", "Exchanges"), ("unanswered", "Unanswered")),
                tuple((day, count, missed_per_day[day]) for day, count in sorted(per_day.items()))),
        Section("intents", "Top intents", (("intent", "Intent"), ("count", "Count")),
                tuple(sorted(intents.items(), key=lambda item: (-item[1], item[0]))[:LIMIT])),
        Section("unanswered", "Unanswered questions, similar ones grouped",
                (("count", "Count"), ("question", "Question")),
                tuple(group_questions(row.question for row in unanswered)[:LIMIT])),
        Section("lowest_rated", "Lowest-rated answers",
                (("intent", "Intent"), ("down", "👎"), ("up", "👍")), tuple(_lowest_rated(rows)[:LIMIT])),
        Section("suggested", f"Suggested example questions (fell back within {NEAR_MISS:g} points "
                f"of the acceptance score {accept_score:g})",
                (("intent", "Nearest intent"), ("score", "Score"), ("count", "Count"),
                 ("question", "Question")),
                tuple(_near_misses(rows, accept_score)[:LIMIT])),
    ]


def _cell(value: Cell) -> str:
    """Scores with one decimal; everything else as is."""
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def _numeric(section: Section) -> list[bool]:
    """Which columns hold only numbers (aligned right)."""
    return [all(isinstance(row[i], int | float) for row in section.rows) for i in range(len(section.columns))]


def _text(sections: Sequence[Section]) -> str:
    """Plain text: a title per section and columns aligned, numbers to the right."""
    out = ["Hội nghị Bot report", ""]
    for section in sections:
        out += [section.title, "-" * len(section.title)]
        if not section.rows:
            out += ["(none)", ""]
            continue
        table = [[heading for _, heading in section.columns], *([_cell(v) for v in r] for r in section.rows)]
        widths = [max(len(line[i]) for line in table) for i in range(len(section.columns))]
        for line in table:
            cells = [c.rjust(w) if num else c.ljust(w)
                     for c, w, num in zip(line, widths, _numeric(section), strict=True)]
            out.append("  ".join(cells).rstrip())
        out.append("")
    return "\n".join(out)


def _md(sections: Sequence[Section]) -> str:
    """Markdown: a heading and a table per section."""
    out = ["# Hội nghị Bot report", ""]
    for section in sections:
        out += [f"## {section.title}", ""]
        if not section.rows:
            out += ["_None._", ""]
            continue
        out.append("| " + " | ".join(heading for _, heading in section.columns) + " |")
        out.append("|" + "|".join("---:" if num else "---" for num in _numeric(section)) + "|")
        for row in section.rows:
            cells = (_cell(v).replace("|", "\\|").replace("\n", " ") for v in row)
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def _csv(sections: Sequence[Section]) -> str:
    """One CSV: a ``section`` column, then the union of every section's columns."""
    names = list(dict.fromkeys(name for section in sections for name, _ in section.columns))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, ["section", *names], lineterminator="\n")
    writer.writeheader()
    for section in sections:
        for row in section.rows:
            writer.writerow({"section": section.key,
                             **{name: _cell(v) for (name, _), v in zip(section.columns, row, strict=True)}})
    return buffer.getvalue()


_RENDERERS = {"text": _text, "md": _md, "csv": _csv}
FORMATS = tuple(_RENDERERS)


def build_report(rows: Sequence[LoggedExchange], accept_score: float, fmt: str = "text",
                 since_label: str = "") -> str:
    """The report over ``rows`` (as ``Store.exchanges_since`` returns them) in text, md or csv."""
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _RENDERERS[fmt](_sections(rows, accept_score, since_label))


async def report_from_db(path: Path, since_seconds: float, accept_score: float, fmt: str = "text") -> str:
    """The report over the last ``since_seconds`` of the log at ``path``."""
    if not path.is_file():
        raise FileNotFoundError(f"no conversation log at {path}")
    start = time() - since_seconds
    store = await Store.open(path)
    try:
        rows = await store.exchanges_since(start)
    finally:
        await store.close()
    label = f"since {datetime.fromtimestamp(start, UTC):%Y-%m-%d %H:%M} UTC"
    return build_report(rows, accept_score, fmt, label)
