"""The report as one web page a curator opens in a browser, on a desk or on a phone.

Self-contained by construction: inline CSS and SVG, no script, font or image, and a
Content-Security-Policy that forbids loading anything, so the file can be mailed or opened
offline. Everything taken from the log is escaped: questions are typed by strangers.

The page draws questions per day (bars) and the fallback rate per day (a line on a fixed
0-100% scale, so two reports compare), the top intents as bars, and every other section as a
table. It reads the sections by key and column name, whatever produced them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Protocol

Cell = str | int | float

#: The charts' viewBox width: about a phone's width in CSS pixels, so text stays readable there.
WIDTH = 400
BAR_COLOUR = "#1f6feb"
LINE_COLOUR = "#cf222e"
INTENT_COLOUR = "#2da44e"
_AXIS = 'stroke="#8c959f" stroke-width="1"'

_STYLE = """
:root { color-scheme: light; }
body { margin: 0; font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       color: #1f2328; background: #fff; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.period { color: #59636e; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem; margin: 0; }
dl div { border: 1px solid #d1d9e0; border-radius: .5rem; padding: .5rem .75rem; }
dt { color: #59636e; font-size: .85rem; }
dd { margin: 0; font-size: 1.3rem; font-weight: 600; overflow-wrap: anywhere; }
svg { display: block; width: 100%; max-width: 40rem; height: auto; }
svg text { font-size: 12px; fill: #59636e; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #d1d9e0;
         vertical-align: top; overflow-wrap: break-word; }
td.q { overflow-wrap: anywhere; }
th { font-size: .85rem; color: #59636e; }
.num { text-align: right; white-space: nowrap; }
.none { color: #59636e; font-style: italic; }
"""


class Table(Protocol):
    """A report section as ``bot.store.report`` builds it: a key, a title, columns and rows."""

    @property
    def key(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def columns(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def rows(self) -> tuple[tuple[Cell, ...], ...]: ...


def render(sections: Sequence[Table]) -> str:
    """The whole page."""
    by_key = {section.key: section for section in sections}
    summary = by_key.get("summary")
    period = next((str(value) for name, value in summary.rows if name == "period"), "") if summary else ""
    body = []
    for section in sections:
        if section.key == "summary":
            body.append(_summary(section))
        elif section.key == "volume":
            body.append(_volume(section))
        elif section.key == "intents":
            body.append(_section(section.title, _intent_bars(section)))
        else:
            body.append(_section(section.title, _table(section)))
    return "\n".join([
        "<!doctype html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>Hội nghị Bot report</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body><main>",
        "<h1>Hội nghị Bot report</h1>",
        f'<p class="period">{escape(period)}</p>' if period else "",
        *body,
        "</main></body>",
        "</html>",
    ])


def _section(title: str, content: str) -> str:
    return f"<section><h2>{escape(title)}</h2>\n{content}\n</section>"


def _text(value: Cell) -> str:
    """A cell as shown: scores and percentages with one decimal."""
    return escape(f"{value:.1f}" if isinstance(value, float) else str(value))


def _summary(section: Table) -> str:
    """The headline figures as cards (the period is the page's subtitle)."""
    cards = "".join(f"<div><dt>{escape(str(name).replace('_', ' '))}</dt><dd>{_text(value)}</dd></div>"
                    for name, value in section.rows if name != "period")
    return f"<section><dl>{cards}</dl></section>"


def _table(section: Table) -> str:
    """A table that fits a phone: questions wrap anywhere, ids after their underscores."""
    if not section.rows:
        return '<p class="none">None.</p>'
    numeric = [all(isinstance(row[i], int | float) for row in section.rows) for i in range(len(section.columns))]
    kinds = ["num" if num else "q" if key == "question" else "" for (key, _), num in
             zip(section.columns, numeric, strict=True)]
    head = "".join(f'<th{" class=num" if kind == "num" else ""}>{escape(heading)}</th>'
                   for (_, heading), kind in zip(section.columns, kinds, strict=True))
    body = "".join("<tr>" + "".join(_td(value, kind) for value, kind in zip(row, kinds, strict=True)) + "</tr>"
                   for row in section.rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _td(value: Cell, kind: str) -> str:
    if kind == "q":
        return f'<td class="q">{_text(value)}</td>'
    if kind == "num":
        return f'<td class="num">{_text(value)}</td>'
    return f"<td>{_text(value).replace('_', '_<wbr>').replace('.', '.<wbr>')}</td>"


def _column(section: Table, name: str) -> list[float]:
    """The numbers of one column."""
    index = [key for key, _ in section.columns].index(name)
    return [float(row[index]) for row in section.rows]


def _volume(section: Table) -> str:
    """Questions per day as bars, and the fallback rate per day as a line."""
    if not section.rows:
        return _section(section.title, '<p class="none">No questions in this period.</p>')
    days = [str(row[0]) for row in section.rows]
    questions = _column(section, "questions")
    rates = _column(section, "fallback_pct")
    return "\n".join([
        _section(section.title, _bars(days, questions)),
        _section("Fallback rate per day (refused or not understood, % of questions)", _line(days, rates)),
        f"<details><summary>The numbers per day</summary>\n{_table(section)}\n</details>",
    ])


# Plot area inside the viewBox, shared by both day charts.
_LEFT, _RIGHT, _TOP, _BOTTOM, _HEIGHT = 34, WIDTH - 8, 14, 150, 172


def _svg(label: str, height: int, parts: list[str]) -> str:
    return (f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{escape(label)}" '
            f'xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


def _day_axis(days: list[str], top_label: str, mid_label: str = "") -> list[str]:
    """Axes, the y labels, and day labels (every k-th, so they never overlap)."""
    parts = [f'<line x1="{_LEFT}" y1="{_BOTTOM}" x2="{_RIGHT}" y2="{_BOTTOM}" {_AXIS}/>',
             f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_RIGHT}" y2="{_TOP}" stroke="#d1d9e0" stroke-dasharray="3 3"/>',
             f'<text x="{_LEFT - 4}" y="{_TOP + 4}" text-anchor="end">{escape(top_label)}</text>',
             f'<text x="{_LEFT - 4}" y="{_BOTTOM + 4}" text-anchor="end">0</text>']
    if mid_label:
        mid = (_TOP + _BOTTOM) / 2
        parts += [f'<line x1="{_LEFT}" y1="{mid}" x2="{_RIGHT}" y2="{mid}" stroke="#d1d9e0" stroke-dasharray="3 3"/>',
                  f'<text x="{_LEFT - 4}" y="{mid + 4}" text-anchor="end">{escape(mid_label)}</text>']
    step = max(1, -(-len(days) // 6))  # at most about six labels
    for i in range(0, len(days), step):
        parts.append(f'<text x="{_x(i, len(days)):.1f}" y="{_BOTTOM + 16}" text-anchor="middle">'
                     f"{escape(days[i][5:])}</text>")  # MM-DD: the year is in the period
    return parts


def _x(i: int, n: int) -> float:
    """The centre of day ``i`` of ``n``."""
    return _LEFT + (_RIGHT - _LEFT) * (i + 0.5) / n


def _bars(days: list[str], values: list[float]) -> str:
    top = max(max(values), 1.0)
    slot = (_RIGHT - _LEFT) / len(days)
    width = max(slot * 0.7, 1.0)
    parts = _day_axis(days, f"{top:g}")
    for i, value in enumerate(values):
        height = (_BOTTOM - _TOP) * value / top
        parts.append(f'<rect x="{_x(i, len(days)) - width / 2:.1f}" y="{_BOTTOM - height:.1f}" '
                     f'width="{width:.1f}" height="{height:.1f}" fill="{BAR_COLOUR}"><title>{escape(days[i])}: '
                     f"{value:g}</title></rect>")
    return _svg("Questions per day", _HEIGHT, parts)


def _line(days: list[str], rates: list[float]) -> str:
    points = [(_x(i, len(days)), _BOTTOM - (_BOTTOM - _TOP) * min(max(rate, 0.0), 100.0) / 100)
              for i, rate in enumerate(rates)]
    parts = _day_axis(days, "100%", "50%")
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2.5" '
                     'stroke-linejoin="round"/>')
    parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{LINE_COLOUR}"><title>{escape(day)}: '
              f"{rate:.1f}%</title></circle>" for (x, y), day, rate in zip(points, days, rates, strict=True)]
    return _svg("Fallback rate per day", _HEIGHT, parts)


def _intent_bars(section: Table) -> str:
    """Each intent's name over a bar as long as its count (the longest is the most asked)."""
    if not section.rows:
        return '<p class="none">None.</p>'
    names = [str(row[0]) for row in section.rows]
    counts = _column(section, "count")
    top = max(counts)
    row_height = 32
    parts = []
    for i, (name, count) in enumerate(zip(names, counts, strict=True)):
        y = i * row_height
        length = (WIDTH - 50) * count / top
        parts += [f'<text x="0" y="{y + 11}">{escape(name)}</text>',
                  f'<rect x="0" y="{y + 15}" width="{max(length, 2.0):.1f}" height="12" fill="{INTENT_COLOUR}"/>',
                  f'<text x="{length + 4:.1f}" y="{y + 25}">{count:g}</text>']
    return _svg("Top answered intents", row_height * len(names), parts)
