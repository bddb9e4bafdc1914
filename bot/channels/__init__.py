"""Front ends: the console, Telegram, the plain-text renderer and the log format they share.

Owns how people reach the bot, nothing about what it answers. May import ``handlers``,
``bot.engine``, ``bot.kb``, ``bot.store`` and ``bot.text``; never ``bot.cli`` or ``bot.config``
(settings are passed in by the command line).
"""
