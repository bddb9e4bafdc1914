"""The admins' report over the conversation log: what people ask and what the bot misses.

``build_report`` is pure (rows in, text out) so it is tested without a database;
``report_from_db`` reads the rows. Similar unanswered questions are grouped so that one gap in
the knowledge base shows up once, with how often it was hit.

Questions are whatever users typed, so every format neutralises them: no control characters
(terminal escapes, bidi overrides) in any; no Markdown or HTML that would render (images that
call home, links, extra table columns); no CSV cell a spreadsheet would run as a formula.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from time import time

from rapidfuzz import fuzz, process

from bot.store import report_html
from bot.store.database import LoggedExchange, Store
from bot.text.normalize import words

LIMIT = 20  # rows per list section
SIMILAR = 75.0  # token_sort_ratio at which two unanswered questions are the same gap
NEAR_MISS = 10.0  # points under the acceptance score that make a fallback a near miss
#: A question is compared only with the groups sharing one of its LOOKUP_KEYS rarest keys (words,
#: and their first three letters), at most GROUPS_PER_KEY groups per key (the largest), so grouping
#: stays linear in distinct questions: 10,000 distinct ones take about a second, not 36.
LOOKUP_KEYS = 8
GROUPS_PER_KEY = 50

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


def _keys(form: str) -> set[str]:
    """What a question is looked up by: its words, and their first three letters (for typos)."""
    tokens = form.split()
    return {*tokens, *(token[:3] + "…" for token in tokens if len(token) > 3)}


def group_questions(questions: Iterable[str]) -> list[tuple[int, str]]:
    """Greedy clusters of similar questions as (count, representative), largest first.

    Forms are taken most frequent first, each joining the cluster whose representative it
    matches best; ``token_sort_ratio`` (not ``token_set_ratio``) so that a short question is not
    merged into every longer one containing it. Only clusters sharing one of the form's rarest
    keys are candidates (see LOOKUP_KEYS): similar questions share most words, so on real
    questions this groups as comparing with every cluster did, and a week of distinct junk takes
    seconds, not minutes. The representative is its first form's most common spelling, the one
    with diacritics on a tie (easier to read).
    """
    spellings: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for question in questions:
        if form := _form(question):
            spellings[form][question.strip()] += 1
    frequency = Counter(key for form in spellings for key in _keys(form))
    representatives: list[str] = []
    counts: list[int] = []
    labels: list[str] = []
    clusters_with: defaultdict[str, list[int]] = defaultdict(list)  # key → clusters, largest first
    for form, counter in sorted(spellings.items(), key=lambda item: (-item[1].total(), item[0])):
        keys = _keys(form)
        rarest = sorted(keys, key=lambda key: (frequency[key], key))[:LOOKUP_KEYS]
        candidates = sorted({i for key in rarest for i in clusters_with[key][:GROUPS_PER_KEY]})
        hit = process.extractOne(form, [representatives[i] for i in candidates], scorer=fuzz.token_sort_ratio,
                                 score_cutoff=SIMILAR)
        if hit is None:
            for key in keys:
                clusters_with[key].append(len(representatives))
            representatives.append(form)
            counts.append(counter.total())
            labels.append(max(counter, key=lambda text: (counter[text], sum(not c.isascii() for c in text))))
        else:
            counts[candidates[hit[2]]] += counter.total()
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


def _near_misses(rows: Sequence[LoggedExchange], accept_score: float,
                 followup: Callable[[str], bool]) -> list[tuple[str, float, int, str]]:
    """(nearest intent, best score, count, question) for fallbacks just under the acceptance score.

    The matcher almost had these: if the nearest intent is right, add the question to its
    examples; if not, to the intent that should answer it. Follow-up phrases ("còn nhiệm vụ tiếp
    theo?") are left out: they fall back only without a previous answer, and as an example they
    would teach an intent to answer every "what's next".
    """
    near: defaultdict[str, list[LoggedExchange]] = defaultdict(list)
    for row in rows:
        if (row.kind == "fallback" and accept_score - NEAR_MISS <= row.score < accept_score
                and not followup(row.question)):
            near[_form(row.question)].append(row)
    return sorted(((same[0].candidate or "-", max(r.score for r in same), len(same), same[0].question)
                   for same in near.values()),
                  key=lambda item: (-item[1], -item[2], item[3]))


def _grouped(rows: Sequence[LoggedExchange], label: Callable[[LoggedExchange], str]) -> list[tuple[int, str, str]]:
    """Similar questions grouped as (count, question, label), the label most common for its wording."""
    labels: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        labels[_form(row.question)][label(row)] += 1
    out = []
    for count, question in group_questions(row.question for row in rows):
        common = labels[_form(question)].most_common(1)
        out.append((count, question, common[0][0] if common else "-"))
    return out


def _refusal(row: LoggedExchange) -> str:
    """Which curated reply refused: the refusal intent, or the out-of-scope names."""
    return (row.intent or "-") if row.kind == "refusal" else "out_of_scope.yaml"


def _percent(part: int, whole: int) -> float:
    """``part`` as a percentage of ``whole`` (0 when there is nothing)."""
    return 100.0 * part / whole if whole else 0.0


def _sections(rows: Sequence[LoggedExchange], accept_score: float, since_label: str,
              followup: Callable[[str], bool] = lambda _: False) -> list[Section]:
    """The report's content, independent of the output format.

    Questions are what people typed, less commands and empty messages (counted on their own).
    A question is answered, asked back ("Ý bạn là…?"), refused by design (a curated refusal or a
    name the report never covers) or not understood (the generic fallback): only the last kind
    is a gap in the knowledge base.
    """
    asked = [row for row in rows if row.kind not in ("command", "empty")]
    refused = [row for row in asked if row.kind in ("refusal", "out_of_scope")]
    missed = [row for row in asked if row.kind == "fallback"]
    answered = [row for row in asked if row.kind in ("answer", "smalltalk")]
    per_day = Counter(_day(row.ts) for row in asked)
    unanswered_per_day = Counter(_day(row.ts) for row in (*refused, *missed))
    intents = Counter(row.intent for row in answered if row.intent)
    return [
        Section("summary", "Summary", (("metric", "Metric"), ("value", "Value")), (
            ("period", since_label), ("exchanges", len(rows)), ("questions", len(asked)),
            ("answered", len(answered)), ("asked_back", sum(row.kind == "clarify" for row in asked)),
            ("refused_by_design", len(refused)), ("not_understood", len(missed)),
            ("fallback_rate", f"{_percent(len(refused) + len(missed), len(asked)):.1f}%" if asked else "-"),
            ("empty_messages", sum(row.kind == "empty" for row in rows)))),
        Section("volume", "Questions per day (UTC)",
                (("day", "Day"), ("questions", "Questions"), ("unanswered", "Refused or not understood"),
                 ("fallback_pct", "Fallback %")),
                tuple((day, count, unanswered_per_day[day], _percent(unanswered_per_day[day], count))
                      for day, count in sorted(per_day.items()))),
        Section("intents", "Top answered intents", (("intent", "Intent"), ("count", "Count")),
                tuple(sorted(intents.items(), key=lambda item: (-item[1], item[0]))[:LIMIT])),
        Section("not_understood", "Not understood (fell back), similar ones grouped: gaps to fill",
                (("count", "Count"), ("question", "Question"), ("nearest", "Nearest intent")),
                tuple(_grouped(missed, lambda row: row.candidate or "-")[:LIMIT])),
        Section("refused", "Refused by design (the report does not say), similar ones grouped",
                (("count", "Count"), ("question", "Question"), ("refusal", "Refused by")),
                tuple(_grouped(refused, _refusal)[:LIMIT])),
        Section("lowest_rated", "Lowest-rated answers",
                (("intent", "Intent"), ("down", "👎"), ("up", "👍")), tuple(_lowest_rated(rows)[:LIMIT])),
        Section("suggested", f"Suggested example questions (fell back within {NEAR_MISS:g} points "
                f"of the acceptance score {accept_score:g}; follow-up phrases left out)",
                (("intent", "Nearest intent"), ("score", "Score"), ("count", "Count"),
                 ("question", "Question")),
                tuple(_near_misses(rows, accept_score, followup)[:LIMIT])),
    ]


#: Characters that act instead of showing: C0/C1 controls (terminal escapes), bidi overrides.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_BREAKS = "\t\n\v\f\r\x85\u2028\u2029"
#: Characters with a meaning in a Markdown table cell (links, images, HTML, emphasis, columns).
_MARKDOWN = re.compile(r"([\\`*_\[\]<>&|~!])")
#: Leading characters that make a spreadsheet run a cell as a formula (OWASP's CSV injection list).
_FORMULA = ("=", "+", "-", "@")


def _visible(text: str) -> str:
    """One line of inert text: line breaks and tabs become spaces, other controls show as
    ``\\x1b`` or ``\\u202e`` instead of acting on the reader's terminal or editor."""
    return _CONTROL.sub(lambda m: " " if m[0] in _BREAKS else ascii(m[0])[1:-1], text)


def _cell(value: Cell) -> str:
    """Scores with one decimal; text made visible."""
    return f"{value:.1f}" if isinstance(value, float) else _visible(str(value))


def _md_cell(value: Cell) -> str:
    """A Markdown table cell: Markdown and HTML characters escaped, so text renders as typed."""
    return _MARKDOWN.sub(r"\\\1", _cell(value))


def _csv_cell(value: Cell) -> str:
    """A CSV cell no spreadsheet runs as a formula: OWASP's rule, a ``'`` before a leading = + - @
    (not before "-" alone, the report's "no value")."""
    text = _cell(value)
    return "'" + text if isinstance(value, str) and text != "-" and text.lstrip().startswith(_FORMULA) else text


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
            out.append("| " + " | ".join(map(_md_cell, row)) + " |")
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
                             **{name: _csv_cell(v) for (name, _), v in zip(section.columns, row, strict=True)}})
    return buffer.getvalue()


_RENDERERS = {"text": _text, "md": _md, "csv": _csv, "html": report_html.render}
FORMATS = tuple(_RENDERERS)


def build_report(rows: Sequence[LoggedExchange], accept_score: float, fmt: str = "text",
                 since_label: str = "", followup: Callable[[str], bool] = lambda _: False) -> str:
    """The report over ``rows`` (as ``Store.exchanges_since`` returns them) in text, md, csv or html.

    ``followup`` tells a follow-up phrase, never suggested as an example question.
    """
    if fmt not in _RENDERERS:
        raise ValueError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
    return _RENDERERS[fmt](_sections(rows, accept_score, since_label, followup))


async def report_from_db(path: Path, since_seconds: float, accept_score: float, fmt: str = "text",
                         followup: Callable[[str], bool] = lambda _: False) -> str:
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
    return build_report(rows, accept_score, fmt, label, followup)
