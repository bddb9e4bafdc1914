"""Loading and validating the knowledge folder into one immutable ``KnowledgeBase``.

Every problem found is collected (not just the first) and reported with its file, line and
field, so a curator fixes a broken edit in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from bot.kb.schema import Followups, Intent, Matching, Messages, NumberedList, OutOfScope, Topic
from bot.kb.yamlsource import Located, Problem, describe, read_text, read_yaml
from bot.text.normalize import Phrase, PhraseRewriter, is_syllable, raw_words, words

REPORT_FILE = "bao-cao-hoi-nghi-dan-van-2020.txt"
DEFAULT_KB_DIR = Path(__file__).resolve().parents[2] / "knowledge"

M = TypeVar("M", bound=BaseModel)
#: Name, size, modification time and inode of every knowledge file: which version of a folder.
Fingerprint = tuple[tuple[str, int, int, int], ...]


class KnowledgeError(Exception):
    """The knowledge folder does not validate; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


#: How many texts ``KnowledgeBase.tokens`` keeps (a question's, while it is answered).
_TEXTS_KEPT = 64


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows, validated and ready for the matcher."""

    folder: Path
    paragraphs: tuple[str, ...]
    intents: dict[str, Intent]
    topics: dict[str, Topic]
    out_of_scope: tuple[OutOfScope, ...]
    lists: tuple[NumberedList, ...]
    messages: Messages
    matching: Matching
    followups: Followups
    rewriter: PhraseRewriter
    #: The folder as it was just before it was read: an edit made during the load differs from it.
    version: Fingerprint = ()
    #: Things that load but are probably mistakes (an empty intent file).
    warnings: tuple[Problem, ...] = ()
    #: The texts ``tokens`` read last: the matcher's checks read one question three times on average.
    _token_cache: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, compare=False, repr=False)

    def tokens(self, text: str) -> list[str]:
        """Folded words with synonyms expanded and filler dropped: the matcher's view of text."""
        found = self._token_cache.get(text)
        if found is None:
            if len(self._token_cache) >= _TEXTS_KEPT:
                self._token_cache.clear()
            found = self._token_cache[text] = tuple(self.rewriter.rewrite(words(text), raw_words(text)))
        return list(found)


def fingerprint(folder: Path) -> Fingerprint:
    """Name, size, modification time and inode of every knowledge file below ``folder``.

    Only YAML and the report count: an editor's swap or backup file is not an edit. The inode
    catches a file replaced by a rename within the same clock tick.
    """
    entries = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".txt")):
        try:
            st = path.stat()
        except OSError:
            continue
        if path.is_file():
            entries.append((str(path.relative_to(folder)), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(entries)


def load(folder: Path | str = DEFAULT_KB_DIR) -> KnowledgeBase:
    """Read and validate a knowledge folder; raise ``KnowledgeError`` listing every problem."""
    folder = Path(folder)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    if not folder.is_dir():
        raise KnowledgeError([Problem(str(folder), None, "", "no such knowledge folder")])

    version = fingerprint(folder)
    paragraphs = _read_report(folder, problems)
    topic_ids: set[str] = set()
    intent_ids: set[str] = set()
    topics = _index(_load_list(folder / "topics.yaml", Topic, problems, folder, topic_ids) or [], problems)
    intent_docs = sorted((folder / "intents").glob("*.yaml"))
    if not intent_docs:
        problems.append(Problem("intents/", None, "", "no intent files (intents/*.yaml)"))
    intent_files = []
    for f in intent_docs:
        known = len(problems)
        entries = _load_list(f, Intent, problems, folder, intent_ids)
        if entries == [] and len(problems) == known:  # a new file not written yet, or one emptied by mistake
            warnings.append(Problem(_display(f, folder), None, "", "no intents in this file (empty)"))
        intent_files.append(entries)
    intent_items = [item for entries in intent_files for item in entries or []]
    intents = _index(intent_items, problems)
    # An unreadable intent file hides which ids it declares: references to intents are then not
    # judged, so one syntax error is reported once and not again by everything citing that file.
    known_ids = intent_ids if all(entries is not None for entries in intent_files) else None
    out_of_scope = [m for m, _, _ in _load_list(folder / "out_of_scope.yaml", OutOfScope,
                                                 problems, folder) or []]
    lists = _load_list(folder / "lists.yaml", NumberedList, problems, folder) or []
    messages, _ = _load_one(folder / "messages.yaml", Messages, problems, folder)
    matching, matching_doc = _load_one(folder / "matching.yaml", Matching, problems, folder)
    followups, followups_doc = _load_one(folder / "followups.yaml", Followups, problems, folder)
    rewriter = _rewriter(folder, problems)

    _check_references(intent_items, known_ids, topic_ids, len(paragraphs), problems)
    _check_shared_examples(intent_items, rewriter, problems)
    for numbered, doc, at in lists:
        for j, item in enumerate(numbered.items):
            if known_ids is not None and item not in known_ids:
                path = (*at, "items", j)
                problems.append(Problem(doc.file, doc.line_of(path), describe(path), f"no intent has id '{item}'"))
    if followups is not None and followups_doc is not None and known_ids is not None:
        for i, person in enumerate(followups.people):
            if person.intent not in intent_ids:
                path = ("people", i, "intent")
                problems.append(Problem(followups_doc.file, followups_doc.line_of(path), describe(path),
                                        f"no intent has id '{person.intent}'"))
    if matching is not None and matching_doc is not None and known_ids is not None:
        replies: list[tuple[tuple[str, ...], str | None]] = [
            ((name,), getattr(matching, name))
            for name in ("asks_leave_reply", "capability_reply", "identity_reply", "judgement_reply", "praise_reply",
                         "speakers_reply", "opinion_reply", "greeting_intent", "parting_reply")]
        replies += [(("emoji_replies", emoji), reply) for emoji, reply in matching.emoji_replies.items()]
        for path, reply in replies:
            if reply not in (None, *known_ids):
                problems.append(Problem(matching_doc.file, matching_doc.line_of(path), describe(path),
                                        f"no intent has id '{reply}'"))
    if problems or messages is None or matching is None or followups is None:
        raise KnowledgeError(problems)
    return KnowledgeBase(
        folder=folder,
        paragraphs=paragraphs,
        intents={k: v[0] for k, v in intents.items()},
        topics={k: v[0] for k, v in topics.items()},
        out_of_scope=tuple(out_of_scope),
        lists=tuple(m for m, _, _ in lists),
        messages=messages,
        matching=matching,
        followups=followups,
        rewriter=rewriter,
        version=version,
        warnings=tuple(warnings),
    )


def _read_report(folder: Path, problems: list[Problem]) -> tuple[str, ...]:
    """The report's paragraphs (its non-empty lines), numbered from 1 by position."""
    text = read_text(folder / REPORT_FILE, REPORT_FILE, folder)
    if isinstance(text, Problem):
        problems.append(text)
        return ()
    return tuple(line.strip() for line in text.splitlines() if line.strip())


Entry = tuple[Any, Located, tuple[str | int, ...]]


def _load_list(path: Path, model: type[M], problems: list[Problem], root: Path,
               declared: set[str] | None = None) -> list[Entry] | None:
    """Validate a file holding a YAML list of ``model`` items; keep where each came from.

    ``declared`` collects every id the file names, valid entry or not, so one broken entry is
    reported once and not again by every reference to it. None when the file could not be read
    as a list at all (its ids are unknown).
    """
    doc = _read(path, problems, root)
    if doc is None:
        return None
    if doc.data is None:
        return []
    if not isinstance(doc.data, list):
        problems.append(Problem(doc.file, doc.line_of(()), "", "expected a list of entries ('- id: ...')"))
        return None
    entries: list[Entry] = []
    for i, raw in enumerate(doc.data):
        if declared is not None and isinstance(raw, dict) and isinstance(raw.get("id"), str):
            declared.add(raw["id"])
        item = _validate(model, raw, doc, (i,), problems)
        if item is not None:
            entries.append((item, doc, (i,)))
    return entries


def _load_one(path: Path, model: type[M], problems: list[Problem], root: Path) -> tuple[M | None, Located | None]:
    """Validate a file holding one YAML mapping of ``model`` fields; also return the document."""
    doc = _read(path, problems, root)
    if doc is None:
        return None, None
    return _validate(model, doc.data if doc.data is not None else {}, doc, (), problems), doc


def _read(path: Path, problems: list[Problem], root: Path) -> Located | None:
    """Parse one YAML file, moving its syntax problems into ``problems``."""
    display = _display(path, root)
    if not path.exists():
        problems.append(Problem(display, None, "", "file is missing"))
        return None
    doc = read_yaml(path, display, root)
    problems.extend(doc.problems)
    return None if doc.problems and doc.data is None else doc


def _display(path: Path, root: Path) -> str:
    """A file's name as curators see it: relative to the knowledge folder."""
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _validate(model: type[M], raw: Any, doc: Located, at: tuple[str | int, ...],
              problems: list[Problem]) -> M | None:
    """Validate ``raw`` as ``model``, turning pydantic's errors into located problems."""
    if not isinstance(raw, dict):
        problems.append(Problem(doc.file, doc.line_of(at), describe(at), "expected a mapping of fields"))
        return None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        for err in exc.errors():
            path = (*at, *err["loc"])
            name = err["loc"][0] if err["loc"] else ""
            friendly = _FRIENDLY.get(err["type"])
            msg = friendly.format(**err.get("ctx", {})) if friendly else err["msg"]
            problems.append(Problem(doc.file, doc.line_of(path), describe(path) or str(name), msg))
        return None


#: pydantic's wording where a curator needs another: what to do, not only what is wrong.
_FRIENDLY = {
    "extra_forbidden": "unknown field (misspelt?)",
    "value_error": "{error}",  # our validators' own words, without pydantic's "Value error, "
    "string_too_long": "too long: at most {max_length:,} characters, so that a reply fits one Telegram message",
}


def _index(entries: list[Entry], problems: list[Problem]) -> dict[str, Entry]:
    """Map id → entry, reporting ids used twice."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        item, doc, at = entry
        if item.id in seen:
            _, first_doc, first_at = seen[item.id]
            problems.append(Problem(
                doc.file, doc.line_of((*at, "id")), describe((*at, "id")),
                f"id '{item.id}' is used twice (also {first_doc.file}, line {first_doc.line_of((*first_at, 'id'))})"))
            continue
        seen[item.id] = entry
    return seen


def _rewriter(folder: Path, problems: list[Problem]) -> PhraseRewriter:
    """Synonyms (phrase → meaning) and stopwords (phrase → nothing) as one rewriter.

    One-word stopwords are strict: "hả" is dropped only when typed so, never "Hà" or a plain
    "ha"; longer ones ("cho em hỏi") are unambiguous, so typed without diacritics they go too.
    """
    phrases: list[Phrase] = []
    syn = _read(folder / "synonyms.yaml", problems, folder)
    if syn is not None and syn.data is not None:
        if not isinstance(syn.data, dict):
            problems.append(Problem(syn.file, syn.line_of(()), "", "expected 'what people type: what it means' lines"))
        else:
            seen: dict[tuple[str, ...], str] = {}  # the key's words as typed, lower-cased → the key
            plurals: list[tuple[str, tuple[str, ...]]] = []  # English keys' plurals, with their meaning
            for key, value in syn.data.items():
                if not isinstance(value, str) or not words(value) or not words(key):
                    problems.append(Problem(syn.file, syn.line_of((key,)), key,
                                            "needs a non-empty text on both sides of ':'"))
                    continue
                # A one-letter key with a mark ("ô") must be typed so: a plain "o" is "ở" in a hurry.
                one_letter = len(words(key)) == 1 and len(words(key)[0]) == 1 and not str(key).isascii()
                spelt = tuple(raw_words(key))
                first = seen.setdefault(spelt, key)
                if first != key and words(syn.data[first]) != words(value):  # "ND" after "nd": one would win
                    problems.append(Problem(
                        syn.file, syn.line_of((key,)), key,
                        f"'{key}' is the same key as '{first}' (line {syn.line_of((first,))}) with another "
                        "meaning: keys are compared without case; keep one"))
                    continue
                phrases.append(_phrase(key, tuple(words(value)), strict=one_letter))
                if (plural := _english_plural(str(key))) is not None:
                    plurals.append((plural, tuple(words(value))))
            # "Politburo members" read as "Politburo member", unless a curator wrote that plural as a key
            phrases += [_phrase(plural, meaning, strict=False) for plural, meaning in plurals
                        if tuple(raw_words(plural)) not in seen]
    stop = _read(folder / "stopwords.yaml", problems, folder)
    if stop is not None and stop.data is not None:
        if not isinstance(stop.data, list):
            problems.append(Problem(stop.file, stop.line_of(()), "", "expected a list of phrases ('- ạ')"))
        else:
            for i, phrase in enumerate(stop.data):
                if not isinstance(phrase, str) or not words(phrase):
                    problems.append(Problem(stop.file, stop.line_of((i,)), f"[{i}]", "needs a non-empty phrase"))
                    continue
                phrases.append(_phrase(phrase, (), strict=len(words(phrase)) == 1))
    return PhraseRewriter(phrases)


def _english_plural(key: str) -> str | None:
    """An English key's plural ("Politburo member" → "Politburo members"), or None when its last word is a
    Vietnamese syllable, an abbreviation in capitals, a past or -ing form, or plural already: synonyms are
    curated in the singular. Plurals never typed ("chairmans") are harmless rules that never match."""
    *head, last = raw_words(key) or [""]
    if key.isupper() or len(last) < 4 or not (last.isascii() and last.isalpha()) or last.endswith(("s", "ed", "ing")) \
            or is_syllable(last):
        return None
    if last.endswith(("ch", "sh", "x")):
        plural = last + "es"
    elif last.endswith("y") and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return " ".join((*head, plural))


def _phrase(text: str, replacement: tuple[str, ...], strict: bool) -> Phrase:
    """A rewrite rule from a curator's spelling of a phrase."""
    typed, folded = tuple(raw_words(text)), tuple(words(text))
    if len(typed) != len(folded):  # odd marks split the words differently: compare folded only
        typed = folded
    return Phrase(typed, folded, replacement, strict)


def _check_references(entries: Iterable[Entry], intent_ids: set[str] | None, topic_ids: set[str],
                      paragraph_count: int, problems: list[Problem]) -> None:
    """Related ids and topics must exist; answer intents must cite paragraphs the report has.

    An unreadable topics.yaml, intent file (``intent_ids`` None) or report is reported once, by
    itself: what refers to it is then not checked.
    """
    for intent, doc, at in entries:
        for relation in ("related", "covers"):
            for j, rel in enumerate(getattr(intent, relation)):
                path = (*at, relation, j)
                if intent_ids is not None and rel not in intent_ids:
                    problems.append(Problem(doc.file, doc.line_of(path), describe(path), f"no intent has id '{rel}'"))
                elif rel == intent.id:
                    problems.append(Problem(doc.file, doc.line_of(path), describe(path),
                                            f"an intent cannot name itself in '{relation}'"))
        if topic_ids and intent.topic not in topic_ids:
            problems.append(Problem(doc.file, doc.line_of((*at, "topic")), describe((*at, "topic")),
                                    f"no topic has id '{intent.topic}' (see topics.yaml)"))
        if intent.kind == "answer" and not intent.sources:
            problems.append(Problem(doc.file, doc.line_of((*at, "id")), describe((*at, "sources")),
                                    "an answer must cite at least one report paragraph"))
        for j, n in enumerate(intent.sources):
            if paragraph_count and not 1 <= n <= paragraph_count:
                path = (*at, "sources", j)
                problems.append(Problem(doc.file, doc.line_of(path), describe(path),
                                        f"paragraph {n} does not exist: the report has {paragraph_count} "
                                        f"paragraphs (python -m bot check --paragraphs lists them)"))


def _check_shared_examples(entries: Iterable[Entry], rewriter: PhraseRewriter,
                           problems: list[Problem]) -> None:
    """The same question (after normalization) may not be an example of two intents."""
    owner: dict[tuple[str, ...], tuple[str, str, int | None]] = {}
    for intent, doc, at in entries:
        for j, example in enumerate(intent.examples):
            key = tuple(rewriter.rewrite(words(example), raw_words(example)))
            path = (*at, "examples", j)
            first = owner.setdefault(key, (intent.id, doc.file, doc.line_of(path)))
            if first[0] != intent.id:
                problems.append(Problem(
                    doc.file, doc.line_of(path), describe(path),
                    f"'{example}' is also an example of '{first[0]}' ({first[1]}, line {first[2]})"))
