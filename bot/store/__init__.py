"""The conversation log: the SQLite store and its migrations (database), a thread that runs it
for synchronous front ends (writer), and the curators' report over it (report; its web page with
charts in report_html).

May import ``bot.text`` only.
"""
