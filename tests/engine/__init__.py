"""Tests of `bot/engine`."""
