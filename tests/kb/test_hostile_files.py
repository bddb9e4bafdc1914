"""Knowledge files written by mistake or by an attacker: refused at once, with file and line.

Whatever lands in the knowledge folder, loading ends in a knowledge base or a list of located
problems, quickly and in bounded memory; never a hang, a traceback or an answer that fails later.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.kb.loader import load
from bot.kb.schema import MAX_TEXT_CHARS
from bot.kb.yamlsource import MAX_FILE_BYTES, read_yaml
from handlers.questions import Responder
from tests.conftest import ROOT
from tests.kb.test_loader import _edit, _problems


def _intent_file(**fields: object) -> str:
    """An intent file holding one valid intent, with ``fields`` changed."""
    intent = {"id": "zz_test", "topic": "event", "title": "Câu hỏi kiểm thử?", "title_en": "A test question?",
              "examples": ["câu hỏi kiểm thử thứ nhất", "câu hỏi kiểm thử thứ hai"],
              "answer": "Câu trả lời kiểm thử.", "answer_en": "A test answer.", "sources": [1], **fields}
    return yaml.safe_dump([intent], allow_unicode=True, sort_keys=False)


def _alias_key_bomb(levels: int) -> str:
    """Nine-fold nested lists, the last used as a mapping key (``? *k7``): 9**8 items if built."""
    lines = ["k0: &k0 [a, a, a, a, a, a, a, a, a]"]
    lines += [f"k{i}: &k{i} [{', '.join([f'*k{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join([*lines, f"? *k{levels - 1}", ": x", ""])


# -- YAML structure (item 1 and its relatives) ---------------------------------------------

def test_alias_used_as_a_mapping_key_is_refused_with_its_line(kb_copy: Path) -> None:
    (kb_copy / "synonyms.yaml").write_text("k0: &k0 [ban, dan, van]\n? *k0\n: ban dân vận\n", encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("synonyms.yaml, line 2") and "alias" in p for p in problems), problems


def test_alias_key_bomb_is_refused_at_once(kb_copy: Path) -> None:
    bomb = _alias_key_bomb(8)
    assert len(bomb.encode()) < 500  # the 483 bytes took 33 s and 1.6 GB
    (kb_copy / "synonyms.yaml").write_text(bomb, encoding="utf-8")
    problems = [p for p in _problems(kb_copy) if p.startswith("synonyms.yaml")]
    assert len(problems) == 1 and problems[0].startswith("synonyms.yaml, line 2") and "alias" in problems[0]


def test_a_list_as_a_mapping_key_is_refused(kb_copy: Path) -> None:
    with (kb_copy / "synonyms.yaml").open("a", encoding="utf-8") as fh:
        fh.write("? [ban, dan, van]\n: ban dân vận\n")
    lines = (kb_copy / "synonyms.yaml").read_text(encoding="utf-8").count("\n")
    problems = _problems(kb_copy)
    assert any(p.startswith(f"synonyms.yaml, line {lines - 1}") and "key must be plain text" in p
               for p in problems), problems


def test_billion_laughs_in_values_is_refused_at_its_first_alias(kb_copy: Path) -> None:
    laughs = "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi", strict=True))
    (kb_copy / "stopwords.yaml").write_text("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + laughs,
                                            encoding="utf-8")
    problems = [p for p in _problems(kb_copy) if p.startswith("stopwords.yaml")]
    assert len(problems) == 1 and problems[0].startswith("stopwords.yaml, line 2") and "alias" in problems[0]


@pytest.mark.parametrize("text", [
    "[" * 1000 + "]" * 1000,                                        # deeper than Python's recursion limit
    "".join(" " * i + "a:\n" for i in range(990)) + " " * 990 + "b\n",  # the same as a block mapping
])
def test_deeply_nested_yaml_is_a_problem_not_a_crash(kb_copy: Path, text: str) -> None:
    (kb_copy / "matching.yaml").write_text(text, encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("matching.yaml") and "nest" in p for p in problems), problems


@pytest.mark.parametrize(("line", "what"), [
    ("- 2020-13-45", "month"),           # a date that does not exist
    ("- 2020-02-30", "day"),
    ("- " + "1" * 5000, "digits"),       # an integer too long for Python to convert
])
def test_unconvertible_scalars_are_problems_to_quote(kb_copy: Path, line: str, what: str) -> None:
    with (kb_copy / "stopwords.yaml").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    n = (kb_copy / "stopwords.yaml").read_text(encoding="utf-8").count("\n")
    problems = _problems(kb_copy)
    assert any(p.startswith(f"stopwords.yaml, line {n}") and what in p and "quotes" in p
               for p in problems), problems


@pytest.mark.parametrize(("content", "what"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", "not UTF-8"),  # a binary file named .yaml
    (b"- id: x\n  title: a\x00b\n", "line 2: YAML syntax error"),           # a NUL byte
    (b"- id: ok\n- id: \xc3(\n", "line 2"),                            # bad UTF-8 on line 2
])
def test_binary_and_invalid_text_is_named(kb_copy: Path, content: bytes, what: str) -> None:
    (kb_copy / "intents" / "zz.yaml").write_bytes(content)
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml") and what in p for p in problems), problems


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from([*"&*!?-:[]{},|>'\"#%@`\n\t ab1.", "\x00", "\ud800", "é"]),
               max_size=80))
def test_any_text_reads_as_data_or_problems(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    read_yaml(path, "fuzz.yaml")  # data or problems, never an exception


# -- messages (item 2) ---------------------------------------------------------------------

@pytest.mark.parametrize(("old", "new", "field", "what"), [
    ('source_line: "Nguồn: {paragraphs}', 'source_line: "Nguồn: {paragraph}', "source_line", "{paragraph}"),
    ('source_line_en: "Source: {paragraphs}', 'source_line_en: "Source:', "source_line_en", "{paragraphs}"),
    ("đọc {limit} ký tự", "đọc {limit:>999999999} ký tự", "truncated", "{limit:>999999999}"),
    ("read only its first {limit}", "read only its first {limit", "truncated_en", "brace"),
    ('clarify: "Ý bạn là câu nào?"', 'clarify: "Ý bạn là {0}?"', "clarify", "{0}"),
])
def test_message_placeholders_are_checked_at_load(kb_copy: Path, old: str, new: str, field: str,
                                                  what: str) -> None:
    f = kb_copy / "messages.yaml"
    _edit(f, old, new)
    line = next(n for n, text in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(f"{field}:"))
    problems = _problems(kb_copy)
    assert any(p.startswith(f"messages.yaml, line {line}, field '{field}'") and what in p
               for p in problems), problems


def test_numbered_list_placeholders_are_checked_at_load(kb_copy: Path) -> None:
    f = kb_copy / "lists.yaml"
    _edit(f, "nêu {count} nhiệm vụ trọng tâm năm 2021, đánh số", "nêu {cout} nhiệm vụ trọng tâm năm 2021, đánh số")
    problems = _problems(kb_copy)  # before: "nhiệm vụ thứ 9" failed with KeyError at answer time
    assert any(p.startswith("lists.yaml, line") and "field 'beyond'" in p and "{cout}" in p for p in problems), problems


# -- files and sizes (item 3) --------------------------------------------------------------

@pytest.mark.parametrize("target", ["/dev/zero", "outside.yaml"])
def test_links_out_of_the_folder_are_refused(kb_copy: Path, tmp_path: Path, target: str) -> None:
    (tmp_path / "outside.yaml").write_text(_intent_file(id="outside"), encoding="utf-8")  # valid, but elsewhere
    (kb_copy / "intents" / "zz.yaml").symlink_to(tmp_path / target)
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml") and "outside the knowledge folder" in p for p in problems), problems


def test_a_linked_folder_out_of_the_folder_is_refused(kb_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    (kb_copy / "intents").rename(outside)
    (kb_copy / "intents").symlink_to(outside)
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/event.yaml") and "outside the knowledge folder" in p for p in problems), problems


def test_links_inside_the_folder_are_followed(kb_copy: Path) -> None:
    (kb_copy / "drafts").mkdir()
    (kb_copy / "intents" / "event.yaml").rename(kb_copy / "drafts" / "event.yaml")
    (kb_copy / "intents" / "event.yaml").symlink_to(Path("..") / "drafts" / "event.yaml")
    assert "event_date" in load(kb_copy).intents


def test_a_fifo_is_refused_not_waited_on(kb_copy: Path) -> None:
    os.mkfifo(kb_copy / "intents" / "zz.yaml")
    problems = _problems(kb_copy)  # before: start-up hung here forever
    assert any(p.startswith("intents/zz.yaml") and "not a regular file" in p for p in problems), problems


def test_a_folder_named_like_a_file_is_refused(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").mkdir()
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml") and "not a regular file" in p for p in problems), problems


def test_an_oversized_file_is_refused_before_parsing(kb_copy: Path) -> None:
    padding = ("# " + "x" * 98 + "\n") * (MAX_FILE_BYTES // 100 + 1)
    (kb_copy / "topics.yaml").write_text((kb_copy / "topics.yaml").read_text(encoding="utf-8") + padding,
                                         encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("topics.yaml") and f"{MAX_FILE_BYTES:,} bytes" in p for p in problems), problems


def test_a_huge_single_line_is_refused(kb_copy: Path) -> None:
    (kb_copy / "stopwords.yaml").write_text("- " + "ạ" * (MAX_FILE_BYTES // 2), encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("stopwords.yaml") and f"{MAX_FILE_BYTES:,} bytes" in p for p in problems), problems


def test_a_valid_intent_file_loads(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text(_intent_file(), encoding="utf-8")
    assert Responder(load(kb_copy)).answer("câu hỏi kiểm thử thứ nhất").intent == "zz_test"


@pytest.mark.parametrize("field", ["answer", "answer_en", "detail", "title"])
def test_an_answer_longer_than_one_telegram_message_is_refused(kb_copy: Path, field: str) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text(_intent_file(**{field: "chữ " * 25_000}),  # 100k characters
                                                 encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml, line") and f"field '{field}'" in p
               and f"at most {MAX_TEXT_CHARS:,}" in p for p in problems), problems


def test_sources_must_be_paragraph_numbers(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text(_intent_file(sources=[True]), encoding="utf-8")  # was paragraph 1
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml, line") and "field 'sources[0]'" in p for p in problems), problems


def test_sources_are_checked_against_the_report_as_it_is(kb_copy: Path) -> None:
    report = kb_copy / "bao-cao-hoi-nghi-dan-van-2020.txt"
    paragraphs = [line for line in report.read_text(encoding="utf-8").splitlines() if line.strip()]
    report.write_text("\n\n".join(paragraphs[:3]) + "\n", encoding="utf-8")
    problems = _problems(kb_copy)
    assert any("field 'sources[" in p and "paragraph 7 does not exist" in p and "3 paragraphs" in p
               for p in problems), problems


def test_an_empty_intent_file_is_a_warning(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text("# drafts go here\n", encoding="utf-8")
    kb = load(kb_copy)
    assert [str(w) for w in kb.warnings] == ["intents/zz.yaml: no intents in this file (empty)"]


# -- the command line ----------------------------------------------------------------------

def _limit_memory() -> None:
    """Run in the child: 1 GB of address space (``check`` needs under 100 MB)."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.parametrize("damage", ["alias key", "placeholder", "fifo", "nul", "deep", "date"])
def test_check_never_prints_a_traceback(kb_copy: Path, damage: str) -> None:
    if damage == "alias key":  # one level more than the issue's: exhausted memory
        (kb_copy / "synonyms.yaml").write_text(_alias_key_bomb(9), encoding="utf-8")
    elif damage == "placeholder":
        _edit(kb_copy / "messages.yaml", "{paragraphs}", "{paragraph}")
    elif damage == "fifo":
        (kb_copy / "topics.yaml").unlink()
        os.mkfifo(kb_copy / "topics.yaml")
    elif damage == "nul":
        (kb_copy / "intents" / "zz.yaml").write_bytes(b"\x00" * 1000)
    elif damage == "deep":
        (kb_copy / "followups.yaml").write_text("[" * 999 + "]" * 999, encoding="utf-8")
    else:
        with (kb_copy / "stopwords.yaml").open("a", encoding="utf-8") as fh:
            fh.write("- 2020-13-45\n")
    result = subprocess.run([sys.executable, "-m", "bot", "check", "--kb", str(kb_copy)],
                            capture_output=True, text=True, cwd=ROOT, timeout=120, preexec_fn=_limit_memory)
    assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr
    assert "problem(s):" in result.stderr
