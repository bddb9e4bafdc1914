"""A local fake of the Telegram Bot API for end-to-end tests.

``server`` runs it (``python -m tests.fake_telegram.server --port PORT``), ``client``
wraps its ``/_test/`` control API and ``process`` starts and stops it as a subprocess.
"""
