"""Tools for curators and developers: scoring the bot on question sets (evaluate).

May import ``handlers`` and everything below it; never a front end.
"""
