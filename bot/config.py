"""Settings from the environment, with a ``.env`` file as a fallback for local runs.

Real environment variables win over ``.env``; secrets (the bot token) are only ever read
here and are never logged or echoed back.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.kb.loader import DEFAULT_KB_DIR
from bot.store.database import LogConfig


def load_dotenv(path: Path = Path(".env")) -> None:
    """Put ``KEY=value`` lines of ``path`` into the environment unless already set."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(key, value)


def kb_dir(cli_value: str | None) -> Path:
    """The knowledge folder: ``--kb``, else ``BOT_KB_DIR``, else the bundled one."""
    chosen = cli_value or os.environ.get("BOT_KB_DIR")
    return Path(chosen) if chosen else DEFAULT_KB_DIR


#: Where the conversation log lives unless BOT_DB_PATH says otherwise.
DEFAULT_DB_PATH = Path("data/bot.sqlite3")


def db_path() -> Path:
    """The conversation log's SQLite file: ``BOT_DB_PATH`` or ``data/bot.sqlite3``."""
    return Path(os.environ.get("BOT_DB_PATH") or DEFAULT_DB_PATH)


def pseudonym_secret() -> str | None:
    """The key for pseudonymising ids in the log (``BOT_PSEUDONYM_SECRET``), if set."""
    return os.environ.get("BOT_PSEUDONYM_SECRET") or None


def cache_dir() -> Path:
    """Where derived data is cached (the semantic vectors): ``BOT_CACHE_DIR``, else beside the log."""
    chosen = os.environ.get("BOT_CACHE_DIR")
    return Path(chosen) if chosen else db_path().parent


def log_config() -> LogConfig:
    """The conversation log's file and pseudonym key, as the front ends open it."""
    return LogConfig(db_path(), pseudonym_secret())
