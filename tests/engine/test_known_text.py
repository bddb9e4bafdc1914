"""Whole-phrase look-ups that tell a name the knowledge base holds from one made of its words."""

from __future__ import annotations

from bot.engine.known_text import KnownText


def test_a_phrase_is_known_only_as_a_whole_run_within_one_text() -> None:
    known = KnownText([["ban", "dan", "van", "trung", "uong"], ["ban", "tuyen", "giao"], ["ca", "mau"]])
    assert known.has(["dan", "van", "trung"])
    assert known.has(["ca", "mau"]) and known.has(["giao"])
    assert not known.has(["ban", "trung", "uong"])  # every word known, not in this order
    assert not known.has(["giao", "ca"])  # the end of one text and the start of the next
    assert not known.has(["mau", "ca"]) and not known.has([])


def test_a_phrase_is_found_wherever_its_rarest_pair_stands() -> None:
    """The look-up starts from the phrase's rarest pair, which may be its last one."""
    texts = [["hoi", "nghi", "toan", "quoc"]] * 50 + [["hoi", "nghi", "ban", "tuyen", "giao"]]
    known = KnownText(texts)
    assert known.has(["hoi", "nghi", "ban", "tuyen"])
    assert not known.has(["hoi", "nghi", "ban", "dan"])
