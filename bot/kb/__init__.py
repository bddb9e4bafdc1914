"""The knowledge base: YAML reading with line numbers (yamlsource), its schema, loading and
validation (loader), and live reload of curators' edits (live).

May import ``bot.text`` only: what is built from a loaded base is passed in by the caller.
"""
