"""Hội nghị Bot: answers questions about the 31/12/2020 national conference on mass mobilization."""

__version__ = "0.1.0"
