#!/usr/bin/env bash
# Set up (once) and run every test: lint (Python and the Dockerfile), types, the knowledge-base
# check, then pytest: two workers (pytest-xdist), since most tests wait on a bot process or a
# server, and each test sets up its own; `./test.sh -n 0` runs them in one process.
# pip runs only when pyproject.toml changed since the last install (see scripts/venv.sh).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/venv.sh
ensure_venv ".[test,semantic]"
"$VENV/bin/ruff" check bot handlers tests bench
"$VENV/bin/hadolint" deploy/Dockerfile
"$VENV/bin/mypy"
BOT_SEMANTIC=off "$VENV/bin/python" -m bot check > /dev/null || { BOT_SEMANTIC=off "$VENV/bin/python" -m bot check; exit 1; }
exec "$VENV/bin/python" -m pytest -n 2 "$@"
