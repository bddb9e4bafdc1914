"""Telegram: the Application and its settings (app), callbacks (handlers), admin commands
(admin), what they share (services) and HTML/keyboard rendering (render).

Imports flow app → handlers → admin → services; render is used by handlers only.
"""
