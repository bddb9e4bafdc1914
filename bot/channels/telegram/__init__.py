"""Telegram: the Application and its settings (app), callbacks (handlers), admin commands
(admin), what they share (services), HTML/keyboard rendering (render) and the hardened webhook
server (webhook).

Imports flow app → handlers → admin → services; render is used by handlers only, webhook by app.
"""
