"""Tests of `bot/tools`."""
