"""The README's figures are what the bot measures now, not what it measured once."""

from __future__ import annotations

from bench.readme_figures import README, blocks, fill


def test_readme_figures_match_the_code() -> None:
    text = README.read_text(encoding="utf-8")
    generated = blocks()
    missing = [name for name in generated if f"<!-- figures:{name} -->" not in text]
    assert not missing, f"README.md lost the markers of {missing}"
    assert fill(text, generated) == text, (
        "README.md's figures differ from what the bot measures now; run "
        "`.venv/bin/python -m bench.readme_figures --write` and commit the result. They should read:\n"
        + "".join(generated.values()))
