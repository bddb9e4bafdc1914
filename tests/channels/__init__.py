"""Tests of `bot/channels`."""
