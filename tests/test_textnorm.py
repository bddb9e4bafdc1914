"""Normalization: the ways people type the same Vietnamese word must meet."""

from __future__ import annotations

import unicodedata

from bot.textnorm import PhraseRewriter, clean, fold, untelex, words


def test_diacritics_and_d_are_folded() -> None:
    assert fold("Đồng chí Trương Thị Mai") == "dong chi truong thi mai"
    assert words("Ai chủ trì Hội nghị?") == ["ai", "chu", "tri", "hoi", "nghi"]


def test_old_and_new_tone_placement_meet() -> None:
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"


def test_nfd_input_is_composed_first() -> None:
    nfd = unicodedata.normalize("NFD", "Bí thư Tỉnh ủy")
    assert nfd != "Bí thư Tỉnh ủy"
    assert words(nfd) == words("Bí thư Tỉnh ủy") == ["bi", "thu", "tinh", "uy"]


def test_invisible_characters_do_not_glue_or_split_words() -> None:
    # zero-width space, RTL mark, BOM and a control character
    assert words("hội\u200bnghị\u200f \ufeffCà\x07Mau") == ["hoi", "nghi", "ca", "mau"]
    assert clean("a\u200db") == "a b"


def test_untelex_undoes_raw_keystrokes() -> None:
    assert untelex("nghij") == "nghi"
    assert untelex("hooij") == "hoi"
    assert untelex("dduwowcj") == "duoc"


def test_phrase_rewriter_prefers_longest_match() -> None:
    rw = PhraseRewriter({("bdv",): ("ban", "dan", "van"), ("bdv", "tw"): ("bdvtw",), ("a",): ()})
    assert rw.rewrite(["bdv", "tw", "a", "bdv"]) == ["bdvtw", "ban", "dan", "van"]
