# Sourced by run.sh and test.sh: make sure .venv exists, was made by a Python 3.11+, has pip,
# and holds the project installed as pyproject.toml now says; say what is happening meanwhile.
#
#   ensure_venv .         # the bot's dependencies
#   ensure_venv ".[test]" # and the test tools
#
# PYTHON picks the interpreter (default python3); VENV the folder (default .venv). pip runs only
# when pyproject.toml changed since the last install (or the venv is new): a stamp in the venv
# records what was installed from which pyproject.toml.

PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}

# The chosen Python's version ("3.11"), or a message saying what to do and a failure.
python_version() {
  if ! command -v "$PYTHON" > /dev/null 2>&1; then
    echo "Cannot find $PYTHON: install Python 3.11 or newer, or set PYTHON=/path/to/python3.11." >&2
    return 1
  fi
  if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2> /dev/null; then
    echo "Python 3.11 or newer is needed; $PYTHON is $("$PYTHON" -V 2>&1)." \
         "Install a newer one and run again with PYTHON=/path/to/python3.11." >&2
    return 1
  fi
  "$PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])'
}

# Why the venv cannot be used as it is (made by another Python, its Python gone, no pip); empty if it can.
venv_problem() {
  local want=$1 have
  [ -e "$VENV" ] || return 0
  if ! have=$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2> /dev/null); then
    echo "its Python no longer runs"
  elif [ "$have" != "$want" ]; then
    echo "it was made by Python $have, not $want"
  elif ! "$VENV/bin/python" -m pip --version > /dev/null 2>&1; then
    echo "it has no pip"
  fi
}

# The project's install stamp: pyproject.toml's digest, then what was installed (e.g. ".[test]").
install_stamp() {
  echo "$("$VENV/bin/python" -c 'import hashlib; print(hashlib.sha256(open("pyproject.toml", "rb").read()).hexdigest())') $1"
}

# The extras a pip target names, one per line: ".[test,semantic]" gives test and semantic.
extras_of() {
  case $1 in *\[*) local names=${1#*\[}; names=${names%]}; tr ',' '\n' <<< "$names" ;; esac
}

# Whether pip must run: nothing installed yet, pyproject.toml changed, or an extra not installed.
needs_install() {
  local spec=$1 stamp installed extra
  stamp=$(cat "$VENV/.installed" 2> /dev/null) || return 0
  installed=${stamp#* }
  [ "${stamp%% *}" = "$(install_stamp "$spec" | cut -d' ' -f1)" ] || return 0
  for extra in $(extras_of "$spec"); do
    extras_of "$installed" | grep -qx "$extra" || return 0
  done
  return 1
}

ensure_venv() {
  local spec=$1 want problem
  want=$(python_version) || return 1
  problem=$(venv_problem "$want")
  if [ -n "$problem" ]; then
    echo "Recreating $VENV: $problem." >&2
    rm -rf "$VENV"
  fi
  if [ ! -e "$VENV" ]; then
    echo "Creating $VENV with Python $want…" >&2
    if ! "$PYTHON" -m venv "$VENV" > /dev/null 2>&1 || ! "$VENV/bin/python" -m pip --version > /dev/null 2>&1; then
      rm -rf "$VENV"
      echo "Cannot create a virtual environment with pip. On Debian or Ubuntu: sudo apt install" \
           "python$want-venv, then run again." >&2
      return 1
    fi
  fi
  needs_install "$spec" || return 0
  echo "Installing the project and its dependencies into $VENV (a minute or two the first time)…" >&2
  rm -f "$VENV/.installed"
  # pip's own output goes to the log; a line per package is the progress shown.
  if ! "$VENV/bin/python" -m pip install --disable-pip-version-check --progress-bar off -e "$spec" 2>&1 \
      | tee "$VENV/install.log" \
      | while IFS= read -r line; do
          case $line in
            Collecting*) echo "  ${line%% (*}" >&2 ;;
            Processing*) file=${line%% (*}; echo "  Processing ${file##*/}" >&2 ;;
            "Installing collected packages"*) echo "  Installing them…" >&2 ;;
          esac
        done; then
    tail -n 20 "$VENV/install.log" >&2
    echo "Installing failed; the whole log is in $VENV/install.log." >&2
    return 1
  fi
  install_stamp "$spec" > "$VENV/.installed"
  echo "Installed." >&2
}
