"""run.sh and test.sh set up .venv through scripts/venv.sh: they say what to do when they cannot,
recreate a venv that cannot work, and run pip only when pyproject.toml changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = ROOT / "scripts" / "venv.sh"
VERSION = f"{sys.version_info.major}.{sys.version_info.minor}"


def source(call: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``call`` in bash after sourcing scripts/venv.sh."""
    return subprocess.run(["bash", "-c", f". {SCRIPT}; {call}"], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, **env}, timeout=120)


def fake_python(folder: Path, body: str) -> Path:
    """An executable standing in for a Python interpreter."""
    path = folder / "python"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_a_python_older_than_3_11_is_named_with_what_to_do(tmp_path: Path) -> None:
    old = fake_python(tmp_path, 'case "$1" in -V) echo "Python 3.9.2";; *) exit 1;; esac')
    result = source("ensure_venv .", tmp_path, PYTHON=str(old), VENV=str(tmp_path / "venv"))
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Python 3.11 or newer is needed; {old} is Python 3.9.2. Install a newer "
                                     "one and run again with PYTHON=/path/to/python3.11.")
    missing = source("ensure_venv .", tmp_path, PYTHON="python3.0-nowhere")
    assert missing.returncode == 1 and missing.stderr.startswith("Cannot find python3.0-nowhere: install Python")


def test_a_python_without_venv_support_says_which_package_to_install(tmp_path: Path) -> None:
    no_venv = fake_python(tmp_path, 'case "$*" in *"print("*) echo 3.12;; *"-m venv"*) exit 1;; esac')
    result = source("ensure_venv .", tmp_path, PYTHON=str(no_venv), VENV=str(tmp_path / "venv"))
    assert result.returncode == 1
    assert "sudo apt install python3.12-venv" in result.stderr
    assert not (tmp_path / "venv").exists()


def test_a_venv_that_cannot_work_is_recognised(tmp_path: Path) -> None:
    other = tmp_path / "other"
    fake_python(other / "bin", 'case "$*" in *"print("*) echo 3.10;; esac')
    assert source(f"venv_problem {VERSION}", tmp_path, VENV=str(other)).stdout.strip() == \
        f"it was made by Python 3.10, not {VERSION}"
    gone = tmp_path / "gone"
    (gone / "bin").mkdir(parents=True)
    (gone / "bin" / "python").symlink_to(tmp_path / "uninstalled-python")
    assert source(f"venv_problem {VERSION}", tmp_path, VENV=str(gone)).stdout.strip() == "its Python no longer runs"
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True, timeout=120)
    assert source(f"venv_problem {VERSION}", tmp_path, VENV=str(bare)).stdout.strip() == "it has no pip"
    assert source(f"venv_problem {VERSION}", tmp_path, VENV=str(tmp_path / "new")).stdout == ""


def test_pip_runs_again_only_when_pyproject_changes(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(sys.executable)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")

    def needs(spec: str) -> bool:
        return source(f'needs_install "{spec}"', tmp_path, VENV=str(venv)).returncode == 0

    assert needs(".")                                               # nothing installed yet
    source('install_stamp ".[test]" > "$VENV/.installed"', tmp_path, VENV=str(venv))
    assert not needs(".[test]") and not needs(".")                  # the test extras hold the bot's needs
    source('install_stamp . > "$VENV/.installed"', tmp_path, VENV=str(venv))
    assert needs(".[test]") and not needs(".")
    source('install_stamp ".[test,semantic]" > "$VENV/.installed"', tmp_path, VENV=str(venv))
    assert not needs(".[semantic]") and not needs(".[test,semantic]")   # run.sh after test.sh
    with (tmp_path / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write("\n# a new dependency\n")
    assert needs(".")
