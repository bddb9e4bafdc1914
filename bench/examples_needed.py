"""How many examples an intent needs: every intent cut to its first k examples, then scored.

    python -m bench.examples_needed

The curator's guide (knowledge/README.md) quotes this table. Questions nobody wrote as
examples (the question sets in tests/questions/) are answered by an index built from only the
first k examples of each intent (titles and answers stay); accuracy falls as k shrinks, which
is how many different wordings an intent needs before it answers questions it has not seen.
Takes about half a minute; it measures quality, not time, so the machine's load does not matter.
"""

from __future__ import annotations

import statistics
from dataclasses import replace

from bench.common import ROOT
from bot.kb.loader import DEFAULT_KB_DIR, KnowledgeBase, load
from bot.tools.evaluate import evaluate, load_cases
from handlers.questions import Responder

#: Examples kept per intent; None keeps them all.
CUTS: tuple[int | None, ...] = (2, 3, 5, 8, 12, None)
SETS = ("tune", "holdout", "dev", "fresh")


def cut(kb: KnowledgeBase, keep: int | None) -> KnowledgeBase:
    """The knowledge base with each intent's examples cut to the first ``keep``."""
    if keep is None:
        return kb
    return replace(kb, intents={i: intent.model_copy(update={"examples": intent.examples[:keep]})
                                for i, intent in kb.intents.items()})


def main() -> None:
    kb = load(DEFAULT_KB_DIR)
    cases = [case for name in SETS for case in load_cases(ROOT / "tests" / "questions" / f"{name}.yaml")]
    counts = [len(i.examples) for i in kb.intents.values() if i.kind == "answer"]
    print(f"{len(kb.intents)} intents; answer intents have {min(counts)}-{max(counts)} examples "
          f"(median {statistics.median(counts):g}); {len(cases)} questions from {', '.join(SETS)}")
    print(f"{'examples per intent':<20} {'answerable accuracy':>20} {'rejection':>10}")
    for keep in CUTS:
        outcome = evaluate(Responder(cut(kb, keep)), cases)
        right, asked = sum(outcome.answerable), len(outcome.answerable)
        label = "all" if keep is None else f"first {keep}"
        print(f"{label:<20} {f'{outcome.answer_accuracy:.1%} ({right}/{asked})':>20} "
              f"{outcome.rejection_rate:>10.1%}")


if __name__ == "__main__":
    main()
