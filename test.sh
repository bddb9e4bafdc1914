#!/usr/bin/env bash
# Set up (once) and run every test: lint, types, the knowledge-base check, then pytest.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/pip install --quiet --disable-pip-version-check -e ".[test,semantic]" > .venv/install.log 2>&1; then
  cat .venv/install.log
  exit 1
fi
.venv/bin/ruff check bot handlers tests bench
.venv/bin/mypy
BOT_SEMANTIC=off .venv/bin/python -m bot check > /dev/null || { BOT_SEMANTIC=off .venv/bin/python -m bot check; exit 1; }
exec .venv/bin/python -m pytest "$@"
