"""The deployment recipes in deploy/ run what run.sh runs (``pip install ".[semantic]"``, ``python -m bot``).

They cannot be built here (no container registry); test.sh lints the Dockerfile with hadolint,
this checks what ties them to the bot, and systemd verifies the unit.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

DEPLOY = ROOT / "deploy"


def _instructions(dockerfile: str) -> dict[str, list[str]]:
    """Each Dockerfile instruction's arguments (continuation lines joined), by instruction."""
    joined = re.sub(r"\\\n\s*", " ", dockerfile)
    found: dict[str, list[str]] = {}
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            name, _, args = line.strip().partition(" ")
            found.setdefault(name.upper(), []).append(args)
    return found


def test_the_image_installs_and_runs_the_bot_as_the_tests_do_not_as_root() -> None:
    steps = _instructions((DEPLOY / "Dockerfile").read_text(encoding="utf-8"))
    assert steps["FROM"][0].startswith("python:3.11-slim")
    assert any(re.search(r'\bpip install (--no-cache-dir )?"\.\[semantic\]"', run) for run in steps["RUN"])
    assert steps["CMD"] == ['["python", "-m", "bot", "telegram"]']
    assert steps["HEALTHCHECK"][0].endswith('CMD ["python", "-m", "bot", "health"]')
    assert steps["USER"][0].split(":")[0] not in ("root", "0")
    assert "/app/knowledge" in steps["VOLUME"][0] and "/app/data" in steps["VOLUME"][0]
    assert "BOT_HOME=/app" in steps["ENV"][0]   # .env and data/ are found in /app from any directory


def test_compose_puts_tls_in_front_of_the_webhook_port() -> None:
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    bot = compose["services"]["bot"]
    assert bot["build"]["dockerfile"] == "deploy/Dockerfile"
    env = bot["environment"]
    assert env["TELEGRAM_WEBHOOK_LISTEN"] == "0.0.0.0"
    path = env["TELEGRAM_WEBHOOK_URL"].split("}", 1)[1]
    caddy = (DEPLOY / "Caddyfile").read_text(encoding="utf-8")
    assert f"handle {path} {{" in caddy and f"reverse_proxy bot:{env['TELEGRAM_WEBHOOK_PORT']}" in caddy
    assert {"../knowledge:/app/knowledge:ro", "bot-data:/app/data"} <= set(bot["volumes"])
    assert "443:443" in compose["services"]["caddy"]["ports"]


def test_the_systemd_unit_runs_the_bot_unprivileged_and_restarts_it(tmp_path: Path) -> None:
    unit = (DEPLOY / "hoi-nghi-bot.service").read_text(encoding="utf-8")
    settings = dict(re.findall(r"^(\w+)=(.*)$", unit, re.MULTILINE))
    assert settings["ExecStart"] == "/srv/hoi-nghi-bot/.venv/bin/python -m bot telegram"
    assert settings["User"] not in ("root", "0") and settings["Restart"] == "on-failure"
    assert settings["WorkingDirectory"] == "/srv/hoi-nghi-bot"
    assert settings["EnvironmentFile"] == "/srv/hoi-nghi-bot/.env"
    assert settings["ProtectSystem"] == "strict" and settings["ReadWritePaths"] == "/srv/hoi-nghi-bot/data"
    assert settings["NoNewPrivileges"] == "true"
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    home = tmp_path / "srv"
    (home / ".venv" / "bin").mkdir(parents=True)
    (home / "data").mkdir()
    (home / ".env").touch()
    (home / ".venv" / "bin" / "python").symlink_to(shutil.which("python3") or "/usr/bin/python3")
    copy = tmp_path / "hoi-nghi-bot.service"
    copy.write_text(unit.replace("/srv/hoi-nghi-bot", str(home)), encoding="utf-8")
    verified = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True, text=True, timeout=60)
    assert verified.returncode == 0 and not verified.stderr.strip(), verified.stderr
