"""Tests, mirroring the package: answers, knowledge loading, front ends, storage."""
