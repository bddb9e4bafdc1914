#!/usr/bin/env bash
# Set up (once) and run the whole test suite, then the knowledge-base check.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[test]"
.venv/bin/python -m bot check > /dev/null || { .venv/bin/python -m bot check; exit 1; }
exec .venv/bin/python -m pytest "$@"
