"""Broken knowledge files: every problem names the file, the line and the field."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.kb.loader import KnowledgeBase, KnowledgeError, load
from tests.support import run_to_end


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


def _problems(folder: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as err:
        load(folder)
    return [str(p) for p in err.value.problems]


def test_bundled_knowledge_base_is_valid(kb_copy: Path) -> None:
    kb = load(kb_copy)
    assert len(kb.paragraphs) == 8
    assert kb.paragraphs[7] == "BAN BIÊN TẬP"
    assert {"event_chair", "mai_task_7", "person_truong_thi_mai"} <= set(kb.intents)


def test_misspelt_key_names_file_line_and_field(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "event.yaml"
    _edit(f, "  answer_en:", "  answr_en:")
    line = _line_of(f, "answr_en:")
    problems = _problems(kb_copy)
    assert any(p.startswith(f"intents/event.yaml, line {line}, field 'answr_en'") and "unknown field" in p
               for p in problems), problems


def test_duplicate_yaml_key_is_reported_not_silently_kept(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "people.yaml"
    _edit(f, "  title_en:", "  title_en: Duplicate title\n  title_en:")
    line = _line_of(f, "title_en: Duplicate title") + 1
    problems = _problems(kb_copy)
    assert any(f"intents/people.yaml, line {line}, field 'title_en'" in p and "twice" in p
               for p in problems), problems


def test_a_synonym_key_that_differs_only_in_case_is_reported_with_both_lines(kb_copy: Path) -> None:
    """"ND: nhân dân" after "nd: nội dung" would silently win or lose: keys are compared without case."""
    f = kb_copy / "synonyms.yaml"
    _edit(f, "nd: nội dung\n", "nd: nội dung\nND: nhân dân\n")
    first, line = _line_of(f, "nd: nội dung"), _line_of(f, "ND: nhân dân")
    problems = _problems(kb_copy)
    assert any(p.startswith(f"synonyms.yaml, line {line}, field 'ND'") and f"'nd' (line {first})" in p
               for p in problems), problems


def test_the_same_synonym_written_twice_with_the_same_meaning_is_no_problem(kb_copy: Path) -> None:
    _edit(kb_copy / "synonyms.yaml", "nd: nội dung\n", "nd: nội dung\nND: Nội dung\n")
    assert load(kb_copy).rewriter.rewrite(["nd"]) == ["noi", "dung"]


def test_duplicate_id_across_files(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "camau.yaml"
    _edit(f, "- id: camau_leader", "- id: event_date")
    problems = _problems(kb_copy)
    assert any("'event_date' is used twice" in p and "intents/camau.yaml" in p and "intents/event.yaml" in p
               and ", line " in p and "field 'id'" in p for p in problems), problems


def test_dangling_related_id(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "mai.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("related: [", "related: [no_such_intent, ", 1), encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/mai.yaml, line") and "field 'related[0]'" in p
               and "no_such_intent" in p for p in problems), problems


def test_empty_answer(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "event.yaml"
    text = f.read_text(encoding="utf-8")
    start = text.index("  answer: ")
    end = text.index("  answer_en:", start)
    f.write_text(text[:start] + '  answer: ""\n' + text[end:], encoding="utf-8")
    problems = _problems(kb_copy)
    assert any("intents/event.yaml, line" in p and "field 'answer'" in p for p in problems), problems


def test_same_example_under_two_intents(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "people.yaml"
    _edit(f, "  examples:\n", "  examples:\n    - Hội nghị diễn ra KHI NÀO\n")
    problems = _problems(kb_copy)
    assert any("intents/people.yaml, line" in p and "also an example of 'event_date'" in p
               for p in problems), problems


def test_yaml_syntax_error_names_the_line(kb_copy: Path) -> None:
    f = kb_copy / "topics.yaml"
    _edit(f, "- id: people", "- id: [people")
    problems = _problems(kb_copy)
    assert any(p.startswith("topics.yaml, line") and "YAML syntax error" in p for p in problems), problems


def test_cli_reports_problems_without_traceback(kb_copy: Path) -> None:
    _edit(kb_copy / "intents" / "event.yaml", "  answer_en:", "  answr_en:")
    result = run_to_end([sys.executable, "-m", "bot", "check", "--kb", str(kb_copy)], "")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "intents/event.yaml, line" in result.stderr and "answr_en" in result.stderr


def test_one_mistake_is_reported_once_not_by_everything_that_refers_to_it(kb_copy: Path) -> None:
    _edit(kb_copy / "topics.yaml", "- id: people", "\t- id: people")   # a tab breaks the whole file
    f = kb_copy / "intents" / "event.yaml"
    _edit(f, "  examples:\n", "  examples: one string instead of a list\n")  # breaks one intent others cite
    problems = _problems(kb_copy)
    assert len(problems) == 2, problems
    assert problems[0].startswith("topics.yaml, line") and "tab" in problems[0]
    assert "intents/event.yaml, line" in problems[1] and "field 'examples'" in problems[1]


def test_yaml_aliases_are_refused_quickly_not_expanded(kb_copy: Path) -> None:
    (kb_copy / "intents" / "zz.yaml").write_text("- &a {id: x, title: [*a]}\n", encoding="utf-8")
    laughs = "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefg", "bcdefgh", strict=True))
    (kb_copy / "matching.yaml").write_text("a: &a [x, x, x, x, x, x, x, x, x]\n" + laughs, encoding="utf-8")
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/zz.yaml, line 1") and "aliases" in p for p in problems), problems
    assert sum("aliases" in p for p in problems if p.startswith("matching.yaml")) == 1, problems


@pytest.mark.parametrize("name", ["people.yaml", "mai.yaml", "event.yaml"])
def test_a_syntax_error_in_an_intent_file_is_reported_alone(kb_copy: Path, name: str) -> None:
    f = kb_copy / "intents" / name
    _edit(f, "  title: ", '  title: "an unclosed quote ')   # other files cite this file's intents
    problems = _problems(kb_copy)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"intents/{name}, line") and "YAML syntax error" in problems[0]


def test_dangling_covers_id(kb_copy: Path) -> None:
    f = kb_copy / "intents" / "event.yaml"
    _edit(f, "covers: [event_date", "covers: [event_dates")
    problems = _problems(kb_copy)
    assert any(p.startswith("intents/event.yaml, line") and "field 'covers[0]'" in p
               and "event_dates" in p for p in problems), problems


def test_synonyms_leave_plain_words_that_only_look_like_a_key(kb: KnowledgeBase) -> None:
    """"ô" (ông) must not eat a plain "o" (ở); "bảy" (7) must not eat "trình bày" typed plain."""
    assert kb.tokens("hop o dau") == ["hop", "o", "dau"]
    assert kb.tokens("ô Vượng là ai")[:2] == ["ong", "vuong"]
    assert "7" not in kb.tokens("dc Linh trinh bay bao cao")
    assert kb.tokens("nhiệm vụ thứ bảy")[-1] == "7"


@pytest.mark.parametrize(("field", "reply"), [
    ("asks_leave_reply", "smalltalk_help"), ("capability_reply", "smalltalk_help"),
    ("identity_reply", "smalltalk_bot_identity"),
    ("judgement_reply", "smalltalk_complaint"), ("praise_reply", "smalltalk_praise"),
    ("greeting_intent", "smalltalk_greeting"), ("parting_reply", "smalltalk_goodbye"),
])
def test_dangling_reply_to_talk_about_the_bot(kb_copy: Path, field: str, reply: str) -> None:
    f = kb_copy / "matching.yaml"
    _edit(f, f"{field}: {reply}", f"{field}: {reply}s")
    problems = _problems(kb_copy)
    line = _line_of(f, f"{field}:")
    assert any(p.startswith(f"matching.yaml, line {line}") and field in p
               and f"{reply}s" in p for p in problems), problems


@pytest.mark.parametrize("key", ['" "', '"ok"', '"👍 "'])
def test_an_emoji_reply_key_that_is_no_emoji_is_named(kb_copy: Path, key: str) -> None:
    """A key with words or spaces would be found in messages that are no emoji: the loader says so."""
    f = kb_copy / "matching.yaml"
    _edit(f, '"👎": smalltalk_complaint', f'{key}: smalltalk_complaint')
    problems = _problems(kb_copy)
    assert any(p.startswith("matching.yaml") and "emoji_replies" in p and "no emoji" in p for p in problems), problems


def test_dangling_emoji_reply_names_the_file_line_and_emoji(kb_copy: Path) -> None:
    f = kb_copy / "matching.yaml"
    _edit(f, '"👎": smalltalk_complaint', '"👎": smalltalk_complain')
    problems = _problems(kb_copy)
    line = _line_of(f, '"👎": smalltalk_complain')
    assert any(p.startswith(f"matching.yaml, line {line}") and "👎" in p and "smalltalk_complain'" in p
               for p in problems), problems
