"""The curator's guide (knowledge/README.md) works as written, on a copy of the knowledge base.

Its YAML blocks are taken from the guide itself, and its commands are run as typed there
(``./run.sh …``, ``.venv/bin/…``), so the guide cannot drift from what the bot does.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

from bot.cli import FEW_EXAMPLES, build_parser
from bot.kb.loader import KnowledgeBase
from bot.kb.schema import Intent
from tests.support import ROOT, run_to_end

GUIDE = ROOT / "knowledge" / "README.md"
README = ROOT / "README.md"
#: Where the guide's step 1 says the worked example goes.
TARGET = "intents/refusals.yaml"
_FENCE = re.compile(r"^( *)```yaml\n(.*?)^\1```", re.MULTILINE | re.DOTALL)
_COMMAND = re.compile(r"`((?:\./run\.sh|\.venv/bin/)[^`]*)`")
_STEPS = "## Adding or changing an answer, step by step"


def yaml_blocks(text: str) -> list[str]:
    """The guide's ```yaml blocks, as a curator would paste them (list indentation removed)."""
    return [textwrap.dedent(block) for _, block in _FENCE.findall(text)]


def commands(text: str) -> list[list[str]]:
    """Every command the text asks the reader to type, split as the shell would."""
    return [shlex.split(found) for found in _COMMAND.findall(text)]


def section(text: str, heading: str) -> str:
    """One ``## `` section of the guide."""
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:end if end > 0 else len(text)]


def run(command: list[str], kb: Path, tmp: Path) -> subprocess.CompletedProcess[str]:
    """A guide's command as typed, on the knowledge copy, with a private log and output file."""
    args = [str(ROOT / command[0]), *command[1:]]
    if "--output" in args:
        args[args.index("--output") + 1] = str(tmp / "report.html")
    if command[0] in ("./run.sh", ".venv/bin/hoi-nghi-bot"):
        args += ["--kb", str(kb)]
    env = {k: v for k, v in os.environ.items() if k != "TELEGRAM_BOT_TOKEN"}
    env.update(BOT_DB_PATH=str(tmp / "bot.sqlite3"), BOT_HISTORY_FILE="off")
    return run_to_end(args, "", env, timeout=300)


@pytest.fixture(scope="module")
def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def test_the_intent_shown_is_valid_and_is_the_real_one(guide: str, kb: KnowledgeBase) -> None:
    [shown] = yaml.safe_load(yaml_blocks(guide)[0])
    intent = Intent.model_validate(shown)
    real = kb.intents[intent.id]
    assert (intent.answer, intent.answer_en, intent.related, intent.sources) == (
        real.answer, real.answer_en, real.related, real.sources)
    assert set(intent.examples) <= set(real.examples)
    assert f"most of its {len(real.examples)} examples left out" in guide


def test_the_worked_example_works_by_the_guides_own_steps(guide: str, kb_copy: Path, tmp_path: Path) -> None:
    steps = section(guide, _STEPS)
    [block] = [b for b in yaml_blocks(steps) if "- id: " in b]
    [added] = yaml.safe_load(block)
    assert f"`{TARGET}`" in steps
    target = kb_copy / TARGET
    target.write_text(target.read_text(encoding="utf-8") + "\n" + block, encoding="utf-8")   # step 1

    typed = commands(steps[steps.index("1. "):])
    checks = [c for c in typed if c[1:] == ["check"]]
    asks = [c for c in typed if c[1:2] == ["ask"]]
    assert checks and len(asks) >= 3, typed
    check = run(checks[0], kb_copy, tmp_path)                                                  # step 2
    assert check.returncode == 0, check.stdout[-3000:] + check.stderr
    assert check.stdout.rstrip().endswith("0 misrouted.")
    assert re.search(rf"^{added['id']} +refusal +{len(added['examples'])} +{len(added['examples'])}$",
                     check.stdout, re.MULTILINE), check.stdout
    assert len(added["examples"]) >= FEW_EXAMPLES
    for ask in asks:                                                                           # step 3
        answered = run(ask, kb_copy, tmp_path)
        assert answered.returncode == 0, answered.stderr
        assert added["answer"] in answered.stdout.replace("\n", " ") or \
            added["answer_en"] in answered.stdout.replace("\n", " "), (ask, answered.stdout)
        assert ask[2] not in added["examples"], f"{ask[2]!r} is an example: try a question worded unlike them"


def test_every_other_command_in_the_guide_runs(guide: str, kb_copy: Path, tmp_path: Path) -> None:
    log = run(["./run.sh", "console"], kb_copy, tmp_path)  # a log for the report commands to read
    assert log.returncode == 0, log.stderr
    outside_steps = guide.replace(section(guide, _STEPS), "")
    typed = list(dict.fromkeys(tuple(command) for command in commands(outside_steps)))
    assert ("./run.sh", "check", "--paragraphs") in typed and any(c[1:2] == ("report",) for c in typed), typed
    outputs = {}
    for command in typed:
        result = run(list(command), kb_copy, tmp_path)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (command, result.stderr[-2000:])
        outputs[command] = result.stdout
    assert "§8: BAN BIÊN TẬP" in outputs[("./run.sh", "check", "--paragraphs")]
    assert (tmp_path / "report.html").read_text(encoding="utf-8").startswith("<!doctype html>")


@pytest.mark.parametrize("doc", [GUIDE, README], ids=["guide", "readme"])
def test_documented_commands_work_from_a_fresh_clone(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert "python -m bot" not in text.replace("`.venv/bin/python -m bot", ""), \
        "a fresh clone has no packages installed: write ./run.sh … (or .venv/bin/hoi-nghi-bot …)"
    for command in commands(text):
        if command[0] in ("./run.sh", ".venv/bin/hoi-nghi-bot") and len(command) > 1:
            try:
                build_parser().parse_args(command[1:])
            except SystemExit as done:  # --version prints and exits 0; a wrong command exits 2
                assert done.code == 0, command
