"""Understanding a question: language detection and ranking the intents (the matcher).

Pure: no I/O, no Telegram. May import ``bot.kb`` (the loaded knowledge) and ``bot.text``.
"""
