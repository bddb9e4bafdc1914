"""Text normalization shared by the knowledge loader, the engine and the report.

The bottom of the tree: imports nothing of the project.
"""
