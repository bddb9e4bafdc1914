"""Settings: every variable the code reads is in .env.example; files are found in the project folder."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import config
from tests.conftest import ROOT

#: How the code reads a setting: os.environ.get("NAME"…) or os.environ["NAME"].
READS = re.compile(r"""environ(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]+)["']""")


def test_env_example_lists_every_variable_the_code_reads() -> None:
    read = {name for top in ("bot", "handlers") for path in (ROOT / top).rglob("*.py")
            for name in READS.findall(path.read_text(encoding="utf-8"))}
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    listed = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", example, re.MULTILINE))
    assert {"TELEGRAM_BOT_TOKEN", "BOT_DB_PATH", "LOG_FORMAT"} <= read
    assert read - listed == set()


def test_dotenv_and_data_are_found_in_the_project_folder_from_anywhere(tmp_path: Path, kb_copy: Path) -> None:
    home = tmp_path / "home"
    shutil.copytree(kb_copy, home / "knowledge")
    path = home / "knowledge" / "intents" / "event.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Hội nghị diễn ra vào sáng ngày 31/12/2020", "NHÀ: sáng ngày 31/12/2020", 1),
                    encoding="utf-8")
    (home / ".env").write_text("BOT_DB_PATH=data/log.sqlite3\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_"))}
    env.update(BOT_HOME=str(home), PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "bot", "console"], input="hội nghị diễn ra khi nào\n",
                         capture_output=True, text=True, cwd=elsewhere, env=env, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "NHÀ:" in run.stdout                          # home/knowledge, not the bundled one
    assert (home / "data" / "log.sqlite3").is_file()     # .env's relative path, in the home folder
    assert not (elsewhere / "data").exists()


def test_without_bot_home_the_checkout_is_the_project_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOT_HOME", raising=False)
    monkeypatch.delenv("BOT_KB_DIR", raising=False)
    assert config.home() == ROOT
    assert config.kb_dir(None) == ROOT / "knowledge"
