"""The knowledge base: YAML reading with line numbers (yamlsource), its schema, loading and
validation (loader), live reload of curators' edits (live), and the snapshot on disk of what a
folder builds, for fast cold starts (snapshot).

May import ``bot.text`` only: what is built from a loaded base is passed in by the caller.
"""
