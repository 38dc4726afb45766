"""The verb (and event-noun) dictionary: readable TSV patterns, compiled once and indexed by lemma.

Every line of ``data/verbs.tsv`` (ours), ``data/verbs_petrarch.tsv`` (converted from PETRARCH2) and a
user's ``[events] extra_verbs`` file has ten tab-separated columns; ``-`` or nothing means "any"::

    pos  lemma  particle  object  prep  pobj  subject  cameo  roles  comment
    v    impose  -        sanction*  on  -    -        163    -      impose sanctions on someone
    v    accuse  -        -          of  &crime  -     1121   -      accuse of a crime
    n    operation -      peacekeep* -   -    -        074    of:t   a peacekeeping operation

``pos``      ``v`` a verb (matched on the predicate's lemma), ``n`` an event noun or nominalisation.
``particle`` a phrasal particle ("call *off*", "step *up*").
``object``   words that must occur in the object: the direct object, the passive subject, the
             complement verb and its object ("threatened to *ban*"); for nouns, their modifiers
             ("*peacekeeping* operation", "*air* strike").
``prep``     a preposition that must head a phrase on the predicate (or on its object) ...
``pobj``     ... with these words in it ("accuse ... *of* *war crimes*").
``subject``  words that must occur in the subject ("*protesters* demanded ...").
``cameo``    the CAMEO code; ``---`` says "this is not an event" (overrides looser patterns);
             ``=obj`` takes the code of the event noun in the object ("*launch* an attack").
``roles``    space-separated argument and frame rules, all optional:
             ``swap`` subject is the target, the prepositional object the source ("receive aid from");
             ``recip`` a joint act: with a compound or group subject and no target, each is the
             other's target ("X and Y agreed"); ``topic`` the object is what is talked about, not a
             target ("discuss"); ``t:SLOT,SLOT`` / ``s:SLOT,...`` where target / source are found
             (``dobj``, ``dative``, ``ccomp``, ``xcomp``, ``poss``, ``compound``, ``amod`` or a
             preposition such as ``with``); ``of:s`` / ``of:t`` the role of an "of" phrase on a noun,
             ``poss:t`` a possessor that undergoes the act ("*his* arrest");
             frame rules for a complement verb ("promised *to send aid*"): ``intent`` (cooperation ->
             intent, conflict -> threat), ``agree`` (cooperation -> intent, conflict -> that act:
             "agreed to impose sanctions" is the sanction), ``decide`` (the act decided: "decided to
             ease sanctions" is the easing), ``ready`` (conflict -> mobilisation),
             ``refuse`` (cooperation -> rejection), ``request`` / ``appeal`` (what is asked for), ``threat``,
             ``deny`` (the complement did not happen), ``allege`` (conflict -> accusation), ``command``
             (an order is coded as what it imposes), ``via`` (a helper verb: "helped *support* X" is
             the support; with no coded complement the verb's own code stands); ``state``: in the
             passive, the subject is the doer ("is committed to", "was engaged in"); ``own`` (user
             tables): your patterns for the lemma replace ours instead of merging with them; ``obj``:
             needs a direct object;
             ``noinf``: not with a to-infinitive of purpose and no object ("fight *to keep* X" is an
             effort, not a fight); ``inf``: only with an object and a to-infinitive ("pressed *X to
             pass* the bill" is a demand, "pressed the button" is not);
             ``sense``: the object decides the verb's sense ("attack *a plan*" is criticism), so the
             learned detector does not retype it;
             ``absorb``: what it comments on is not coded separately ("claimed responsibility *for
             the blast*"); ``joint``: an exercise held with others is cooperation (062).
``comment``  free text.

Words: lower case; ``word*`` matches by prefix; ``a|b`` alternatives; ``war_crime*`` a phrase (both
words must occur); ``&name`` a synonym set from ``data/sets.tsv`` / ``sets_petrarch.tsv`` (a set
member may be a phrase with spaces); several terms separated by spaces must all occur. In ``object``
and ``pobj``, ``=person`` says the object itself is a person: a name, a pronoun or a post ("fired
*Smith*", "spoke with *the finance minister*"; :data:`~newsgraph.events.frames.PERSON_HEAD_WORDS`).

The most specific matching pattern wins (words in object/pobj count most); on a tie a user's
pattern beats ours. PETRARCH2's patterns serve only the lemmas our table does not list (and count
one point less), because many of them are leftovers of its older phrase matcher.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ConfigError

COLUMNS = ("pos", "lemma", "particle", "object", "prep", "pobj", "subject", "cameo", "roles", "comment")
ORIGIN_RANK = {"user": 3, "newsgraph": 2, "petrarch2": 1}
FRAME_ROLES = ("intent", "agree", "decide", "ready", "refuse", "request", "appeal", "threat", "deny", "allege",
               "command", "via")

Atom = tuple[str, bool]  # (text, prefix?)
Alternative = tuple[Atom, ...]  # all atoms must match (a phrase)
Term = tuple[Alternative, ...]  # any alternative may match


@dataclass(frozen=True, slots=True)
class Entry:
    """One compiled pattern."""

    pos: str
    lemma: str
    particle: str
    obj: tuple[Term, ...]
    prep: str
    pobj: tuple[Term, ...]
    subject: tuple[Term, ...]
    code: str | None  # None: explicitly not an event; "=obj": the object noun's code
    roles: frozenset[str]
    slots: tuple[tuple[str, tuple[str, ...]], ...]  # ("t", ("dobj", "to")), ("s", (...)), ("of", ("s",))
    origin: str
    line: int
    comment: str
    specificity: float

    def slot(self, name: str) -> tuple[str, ...] | None:
        for key, values in self.slots:
            if key == name:
                return values
        return None

    @property
    def frame(self) -> str | None:
        for r in FRAME_ROLES:
            if r in self.roles:
                return r
        return None


class Region:
    """The words of one argument slot, for pattern matching (lemmas and lower-cased forms)."""

    __slots__ = ("_sorted", "words")

    def __init__(self, words: Iterable[str] = ()):
        self.words: set[str] = set(words)
        self._sorted: list[str] | None = None

    def add(self, *words: str) -> None:
        self.words.update(words)
        self._sorted = None

    def has(self, atom: Atom) -> bool:
        text, prefix = atom
        if not prefix:
            return text in self.words
        if self._sorted is None:  # prefix lookups by bisection: patterns test many prefixes per region
            self._sorted = sorted(self.words)
        i = bisect_left(self._sorted, text)
        return i < len(self._sorted) and self._sorted[i].startswith(text)

    def match(self, terms: Sequence[Term]) -> bool:
        return all(any(all(self.has(a) for a in alt) for alt in term) for term in terms)


def _atoms(word: str) -> Alternative:
    """``"war_crime*"`` or ``"war crime*"`` -> both words must occur (a phrase, order free)."""
    return tuple((w.rstrip("*"), w.endswith("*")) for w in word.replace("_", " ").split() if w.rstrip("*"))


def compile_terms(text: str, sets: dict[str, list[str]]) -> tuple[Term, ...]:
    """``"sanction*|embargo &food"`` -> two terms (AND), the first with two alternatives (OR)."""
    terms: list[Term] = []
    for chunk in text.split():
        alts: list[Alternative] = []
        for option in chunk.split("|"):
            option = option.strip()
            if option.startswith("&"):
                members = sets.get(option)
                if members is None:
                    raise ConfigError(f"unknown synonym set {option}",
                                      hint="define it in a sets TSV (name<TAB>word|word) or remove it")
                alts.extend(_atoms(m) for m in members)
            elif option:
                alts.append(_atoms(option))
        alts = [a for a in alts if a]
        if alts:
            terms.append(tuple(alts))
    return tuple(terms)


def _clean(value: str) -> str:
    value = value.strip()
    return "" if value in {"-", "*"} else value


def _slots(roles: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    out = []
    for r in roles:
        if ":" in r:
            key, _, vals = r.partition(":")
            out.append((key, tuple(v for v in vals.split(",") if v)))
    return tuple(out)


def parse_line(cols: list[str], sets: dict[str, list[str]], origin: str, line: int) -> Entry:
    cols = [*cols, *[""] * (len(COLUMNS) - len(cols))]
    pos, lemma, particle, obj, prep, pobj, subject, cameo, roles, comment = (
        _clean(c) if i < 9 else c.strip() for i, c in enumerate(cols[: len(COLUMNS)]))
    if pos not in {"v", "n"} or not lemma:
        raise ConfigError(f"{origin} line {line}: expected pos 'v' or 'n' and a lemma, got {cols[:2]}",
                          hint="columns: " + " ".join(COLUMNS))
    code: str | None
    if cameo in {"---", ""}:
        code = None
    elif cameo == "=obj" or cameo.isdigit():
        code = cameo
    else:
        raise ConfigError(f"{origin} line {line}: bad CAMEO code {cameo!r}",
                          hint="write digits like 111 or 0874, '---' for 'not an event', or '=obj'")
    role_words = roles.split()
    o, p, s = compile_terms(obj, sets), compile_terms(pobj, sets), compile_terms(subject, sets)
    spec = 2.0 * len(o) + 2.0 * len(p) + (1.0 if prep else 0.0) + (1.0 if particle else 0.0) + 1.0 * len(s)
    if cameo == "=obj":
        spec += 1.5
    if "inf" in role_words:  # (a frame it needs: tried before the lemma's general pattern)
        spec += 0.5
    if origin == "petrarch2" and spec:
        spec -= 1.0
    return Entry(pos, lemma.lower(), particle.lower(), o, prep.lower(), p, s, code, frozenset(role_words),
                 _slots(role_words), origin, line, comment, spec)


def read_sets(text: str) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        name, _, words = raw.partition("\t")
        sets.setdefault(name.strip().lower(), []).extend(w.strip() for w in words.split("|") if w.strip())
    return sets


def read_entries(text: str, sets: dict[str, list[str]], origin: str) -> Iterator[Entry]:
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        yield parse_line(raw.split("\t"), sets, origin, n)


class Dictionary:
    """Compiled patterns indexed by (pos, lemma); each list sorted best-first."""

    def __init__(self, entries: Iterable[Entry]):
        index: dict[tuple[str, str], list[Entry]] = {}
        for e in entries:
            index.setdefault((e.pos, e.lemma), []).append(e)
        for lst in index.values():
            lst.sort(key=lambda e: (-e.specificity, -ORIGIN_RANK.get(e.origin, 0), e.line))
        self._index = index

    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def entries(self, pos: str, lemma: str) -> list[Entry]:
        return self._index.get((pos, lemma), [])

    def all_entries(self) -> list[Entry]:
        """Every pattern, in table order (for audits and listings)."""
        return sorted((e for lst in self._index.values() for e in lst), key=lambda e: (e.origin, e.line))

    def has(self, pos: str, lemma: str) -> bool:
        return (pos, lemma) in self._index

    def lemmas(self, pos: str) -> set[str]:
        return {lemma for p, lemma in self._index if p == pos}


def _package_text(name: str) -> str:
    return resources.files("newsgraph.events").joinpath(f"data/{name}").read_text("utf-8")


@cache
def _builtin_sets() -> dict[str, list[str]]:
    sets = read_sets(_package_text("sets_petrarch.tsv"))
    for name, words in read_sets(_package_text("sets.tsv")).items():
        sets[name] = words  # ours replace PETRARCH2's set of the same name
    return sets


@cache
def set_terms(expr: str) -> tuple[Term, ...]:
    """A term expression over the built-in sets (``"&verdict"``), compiled once."""
    return compile_terms(expr, _builtin_sets())


@cache
def load_dictionary(extra: str = "") -> Dictionary:
    """The built-in dictionary, plus the user's TSV at ``extra`` (``[events] extra_verbs``)."""
    sets = dict(_builtin_sets())
    entries = list(read_entries(_package_text("verbs_petrarch.tsv"), sets, "petrarch2"))
    entries += read_entries(_package_text("verbs.tsv"), sets, "newsgraph")
    if extra:
        path = Path(extra).expanduser()
        if not path.is_file():
            raise ConfigError(f"[events] extra_verbs file {path} does not exist",
                              hint="point it at a TSV in the format of newsgraph/events/data/verbs.tsv")
        text = path.read_text("utf-8")
        user_sets = read_sets("\n".join(line[4:] for line in text.splitlines() if line.startswith("set\t")))
        sets.update(user_sets)
        body = "\n".join(line for line in text.splitlines() if not line.startswith("set\t"))
        entries += read_entries(body, sets, "user")
    return Dictionary(_apply_own(entries))


def _apply_own(entries: list[Entry]) -> list[Entry]:
    """Our table owns every lemma it lists: PETRARCH2's patterns only serve lemmas we do not list
    (many of its patterns are leftovers: "condemn ... attack" as a condolence). A user's pattern
    marked ``own`` likewise replaces ours for its lemma; unmarked user patterns merge with ours."""
    ours = {(e.pos, e.lemma) for e in entries if e.origin == "newsgraph"}
    users = {(e.pos, e.lemma) for e in entries if e.origin == "user" and "own" in e.roles}
    out = []
    for e in entries:
        key = (e.pos, e.lemma)
        if e.origin == "petrarch2" and (key in ours or key in users):
            continue
        if e.origin == "newsgraph" and key in users:
            continue
        out.append(e)
    return out


__all__ = ["COLUMNS", "Dictionary", "Entry", "Region", "compile_terms", "load_dictionary", "parse_line",
           "read_entries", "read_sets", "set_terms"]
