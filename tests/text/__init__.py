"""Tests of `bot/text`."""
