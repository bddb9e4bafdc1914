"""Settings from the environment, with a ``.env`` file as a fallback for local runs.

Real environment variables win over ``.env``; secrets (the bot token) are only ever read
here and are never logged or echoed back. ``.env``, ``data/`` and ``knowledge/`` are found in
the project folder (``BOT_HOME``), not the current directory, so cron and systemd can start the
bot from anywhere; relative paths in settings are relative to it too.
"""

from __future__ import annotations

import os
from pathlib import Path

from bot.kb.loader import DEFAULT_KB_DIR
from bot.store.database import LogConfig


def home() -> Path:
    """The project folder: ``BOT_HOME``, else the checkout this package runs from (it has a
    ``knowledge/`` folder), else the current directory (an installed copy without ``BOT_HOME``)."""
    chosen = os.environ.get("BOT_HOME")
    if chosen:
        return Path(chosen).expanduser().resolve()
    checkout = Path(__file__).resolve().parents[1]
    return checkout if (checkout / "knowledge").is_dir() else Path.cwd()


def _in_home(value: str) -> Path:
    """A path setting: absolute as given, relative to the project folder otherwise."""
    return home() / Path(value).expanduser()


def load_dotenv(path: Path | None = None) -> None:
    """Put ``KEY=value`` lines of ``path`` (default: the project's ``.env``) into the environment
    unless already set."""
    path = home() / ".env" if path is None else path
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
    """The knowledge folder: ``--kb`` (relative to where you are), else ``BOT_KB_DIR``, else the
    project's ``knowledge/`` (the bundled one when there is none)."""
    if cli_value:
        return Path(cli_value)
    chosen = os.environ.get("BOT_KB_DIR")
    if chosen:
        return _in_home(chosen)
    folder = home() / "knowledge"
    return folder if folder.is_dir() else DEFAULT_KB_DIR


#: Where the conversation log lives (in the project folder) unless BOT_DB_PATH says otherwise.
DEFAULT_DB_PATH = Path("data/bot.sqlite3")


def db_path() -> Path:
    """The conversation log's SQLite file: ``BOT_DB_PATH`` or ``data/bot.sqlite3``, in the project folder."""
    return _in_home(os.environ.get("BOT_DB_PATH") or str(DEFAULT_DB_PATH))


def pseudonym_secret() -> str | None:
    """The key for pseudonymising ids in the log (``BOT_PSEUDONYM_SECRET``), if set."""
    return os.environ.get("BOT_PSEUDONYM_SECRET") or None


def cache_dir() -> Path:
    """Where derived data is cached (the semantic vectors): ``BOT_CACHE_DIR``, else beside the log."""
    chosen = os.environ.get("BOT_CACHE_DIR")
    return _in_home(chosen) if chosen else db_path().parent


def log_config() -> LogConfig:
    """The conversation log's file and pseudonym key, as the front ends open it."""
    return LogConfig(db_path(), pseudonym_secret())


def history_file() -> Path | None:
    """The console's history of typed lines: ``BOT_HISTORY_FILE``, ``off`` for none.

    It keeps questions in plain text, so it can be turned off; default ``~/.hoi_nghi_bot_history``.
    """
    value = os.environ.get("BOT_HISTORY_FILE", "").strip()
    if value.lower() in ("off", "none", "no", "false", "0"):
        return None
    return Path(value).expanduser() if value else Path.home() / ".hoi_nghi_bot_history"
