"""Tests of `bot/kb`."""
