"""The conversation log: the SQLite store and its migrations (database), a thread that runs it
for synchronous front ends (writer), the curators' report over it (report; its web page with
charts in report_html), and a consistent copy of it while the bot writes (backup).

May import ``bot.text`` only.
"""
