"""Telegram: the Application, its settings and how it runs (app), callbacks (handlers), admin
commands (admin), what they share (services), HTML/keyboard rendering (render), Telegram's
flood limits (flood), whether the Bot API server answers (network), webhook mode (webhook), its
hardened HTTP server (webhook_guard) and the health check (health).

Imports flow app → handlers → admin → services, and app → webhook → webhook_guard, health →
network, services; render is used by handlers only, flood by app only.
"""
