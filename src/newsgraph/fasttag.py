"""A faster drop-in for spaCy's ``attribute_ruler`` + ``lemmatizer`` pair, same output token for token.

In the English pipelines these two components cost about a fifth of the whole parse (about 21 and
10 ms for a 950-token news article with ``en_core_web_sm``): the attribute ruler runs a
:class:`~spacy.matcher.Matcher` with ~180 patterns over every token, and the lemmatizer calls
Python code per token. Almost all of that work depends only on a few attributes of one token
(its tag, lower-case form, dependency label...), which repeat endlessly in news text. This
component compiles the loaded ruler's own patterns and memoises, per distinct token key, which
pattern tokens match and what they set; the lemmatizer's own ``lemmatize`` is called once per
distinct (form, POS, morphology) and its answer reused. Results are written back with
``Doc.from_array``.

It is installed only when it can reproduce the originals exactly: the ruler must come straight
before the lemmatizer, every pattern must use only plain token predicates (equality, ``IN``,
``NOT_IN``, ``REGEX`` on the attributes listed in :data:`_READ`; no operators, no extension
attributes) and set only POS/TAG/LEMMA/MORPH/DEP, and the lemmatizer must be spaCy's own
(rule or lookup mode). Otherwise spaCy's components run untouched. ``[nlp] fast_tagging = false``
turns it off; ``tests/test_fasttag.py`` and ``benchmarks/bench_fasttag.py`` check it against
the originals token for token.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy as np

NAME = "newsgraph_fast_tagging"
RULER, LEMMATIZER = "attribute_ruler", "lemmatizer"

# pattern keys this component can read from a token, and how (spaCy attribute name -> to_array id)
_READ = ("ORTH", "TEXT", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
         "IS_DIGIT", "IS_TITLE", "IS_UPPER", "IS_LOWER", "SHAPE")
_STRING_KEYS = {"ORTH", "TEXT", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"}
_WRITE = ("POS", "TAG", "LEMMA", "MORPH", "DEP")
_MAX_CACHE = 500_000  # distinct token keys kept before a memo is cleared (memory stays flat)


class Unsupported(Exception):
    """The loaded pipeline's ruler or lemmatizer cannot be reproduced exactly: keep spaCy's."""


def _attr_id(name: str) -> int:
    import spacy.attrs

    return int(getattr(spacy.attrs, "ORTH" if name == "TEXT" else name))


def _predicate(key: str, spec: Any) -> tuple[frozenset[Any] | None, Callable[[Any], bool]]:
    """One token-pattern condition: the values it accepts when it is a plain set (for an index), and
    the condition as a function of the token's value for ``key``."""
    if isinstance(spec, dict):
        if len(spec) != 1:
            raise Unsupported(f"pattern condition {spec!r}")
        (op, arg), = spec.items()
        if op == "IN":
            allowed = frozenset(arg)
            return allowed, allowed.__contains__
        if op == "NOT_IN":
            banned = frozenset(arg)
            return None, lambda v: v not in banned
        if op == "REGEX" and key in _STRING_KEYS:
            rx = re.compile(arg)
            return None, lambda v: bool(rx.search(v))
        raise Unsupported(f"pattern operator {op}")
    if isinstance(spec, bool) or (isinstance(spec, str) and key in _STRING_KEYS):
        return frozenset([spec]), lambda v: v == spec
    raise Unsupported(f"pattern value {spec!r} for {key}")


class FastTagging:
    """Runs where the attribute ruler and the lemmatizer ran, producing exactly their output."""

    def __init__(self, ruler: Any, lemmatizer: Any):
        from spacy.pipeline import Lemmatizer
        from spacy.tokens import Doc

        # spaCy's own lemmatizers answer from the token's form, POS and morphology alone
        if (not isinstance(lemmatizer, Lemmatizer) or lemmatizer.mode not in ("rule", "lookup")
                or not type(lemmatizer).__module__.startswith("spacy.")):
            raise Unsupported("the lemmatizer is not one of spaCy's rule or lookup lemmatizers")
        lemmatizer(Doc(ruler.vocab, words=[]))  # checks its tables once, as its first call would
        self.ruler, self.lemmatizer = ruler, lemmatizer
        self.vocab = ruler.vocab
        write_ids = {_attr_id(n): n for n in _WRITE}
        self.keys: list[str] = []  # the token attributes the patterns read (columns)
        self.conds: list[tuple[int, Callable[[Any], bool]]] = []  # (column, condition)
        self.preds: list[frozenset[int]] = []  # pattern tokens, as the conditions they need
        self.rules: list[tuple[list[int], int, dict[int, int]]] = []  # pattern tokens, index, attrs
        self._indexed: list[dict[Any, list[int]]] = []  # per column: value -> conditions it meets
        self._other: list[list[int]] = []  # per column: conditions tested value by value
        for i, attrs in enumerate(ruler.attrs):
            if any(k not in write_ids for k in attrs):
                raise Unsupported("an attribute-ruler rule sets something other than POS/TAG/LEMMA/MORPH/DEP")
            for pattern in ruler.matcher.get(str(i))[1]:
                ids = []
                for tok in pattern:
                    if not tok:
                        raise Unsupported("an empty token pattern (wildcard)")
                    need = []
                    for key, spec in tok.items():
                        if key not in _READ:
                            raise Unsupported(f"pattern key {key}")
                        if key not in self.keys:
                            self.keys.append(key)
                        c = self.keys.index(key)
                        accepted, pred = _predicate(key, spec)
                        self.conds.append((c, pred))
                        need.append(len(self.conds) - 1)
                        while len(self._indexed) <= c:
                            self._indexed.append({})
                            self._other.append([])
                        if accepted is None:
                            self._other[c].append(len(self.conds) - 1)
                        else:
                            for value in accepted:
                                self._indexed[c].setdefault(value, []).append(len(self.conds) - 1)
                    self.preds.append(frozenset(need))
                    ids.append(len(self.preds) - 1)
                self.rules.append((ids, ruler.indices[i], {int(k): int(v) for k, v in attrs.items()}))
        self.read_ids = [_attr_id(k) for k in self.keys]
        self.single = [(ids[0], attrs) for ids, index, attrs in self.rules if len(ids) == 1 and index in (0, -1)]
        self.multi = [(order, ids, index, attrs) for order, (ids, index, attrs) in enumerate(self.rules)
                      if not (len(ids) == 1 and index in (0, -1))]
        self.multi_preds = sorted({pid for _, ids, _, _ in self.multi for pid in ids})
        self.write_ids = [i for i in write_ids if any(i in a for _, _, a in self.rules)] or [_attr_id("POS")]
        self.col = {attr: j for j, attr in enumerate(self.write_ids)}
        # memos: a column's value -> its class (the set of that column's conditions it meets);
        # a token's classes -> (pattern tokens matched, one-token rule updates); lemmas
        self._value_class: list[dict[int, int]] = [{} for _ in self.keys]
        self._classes: list[dict[frozenset[int], int]] = [{} for _ in self.keys]
        self._class_conds: list[list[frozenset[int]]] = [[] for _ in self.keys]
        self._key_memo: dict[tuple[int, ...], tuple[frozenset[int], np.ndarray, np.ndarray]] = {}
        self._lemma_memo: dict[tuple[int, int, int], int] = {}

    # -- the attribute ruler ----------------------------------------------------------------------

    def _class(self, c: int, value: int) -> int:
        memo = self._value_class[c]
        cls = memo.get(value)
        if cls is None:
            key = self.keys[c]
            v = self.vocab.strings[value] if key in _STRING_KEYS else bool(value) if key.startswith("IS_") else value
            met = frozenset([*self._indexed[c].get(v, ()), *(i for i in self._other[c] if self.conds[i][1](v))])
            classes = self._classes[c]
            if met not in classes:
                classes[met] = len(classes)
                self._class_conds[c].append(met)
            if len(memo) > _MAX_CACHE:
                memo.clear()
            cls = memo[value] = classes[met]
        return cls

    def _key_info(self, key: tuple[int, ...]) -> tuple[frozenset[int], np.ndarray, np.ndarray]:
        """Pattern tokens matched by a token of these classes; what the one-token rules set on it."""
        info = self._key_memo.get(key)
        if info is None:
            met = frozenset().union(*(self._class_conds[c][k] for c, k in enumerate(key)))
            hits = frozenset(i for i, need in enumerate(self.preds) if need <= met)
            mask = np.zeros(len(self.write_ids), dtype=bool)
            vals = np.zeros(len(self.write_ids), dtype=np.uint64)
            for pid, attrs in self.single:  # rule order: later rules win, as in AttributeRuler.match
                if pid in hits:
                    for a, v in attrs.items():
                        mask[self.col[a]], vals[self.col[a]] = True, v
            info = self._key_memo[key] = (hits, mask, vals)
        return info

    def _apply_rules(self, doc: Any) -> None:
        n = len(doc)
        read = doc.to_array(self.read_ids).reshape(n, -1)
        classes = np.empty(read.shape, dtype=np.int64)
        for c in range(read.shape[1]):
            uniq, inv = np.unique(read[:, c], return_inverse=True)
            classes[:, c] = np.asarray([self._class(c, v) for v in uniq.tolist()], dtype=np.int64)[inv.ravel()]
        ukeys, inv = np.unique(classes, axis=0, return_inverse=True)
        inv = inv.ravel()
        infos = [self._key_info(tuple(k)) for k in ukeys.tolist()]
        before = doc.to_array(self.write_ids).reshape(n, -1)
        mask = np.stack([m for _, m, _ in infos])[inv]
        vals = np.stack([v for _, _, v in infos])[inv]
        rows = np.where(mask, vals, before)
        if self.multi:
            self._apply_multi(rows, before, infos, inv)
        doc.from_array(self.write_ids, rows)

    def _apply_multi(self, rows: np.ndarray, before: np.ndarray, infos: list[Any], inv: np.ndarray) -> None:
        """Rules over several tokens (rare: "gon na", "let 's"): the tokens they touch are redone exactly."""
        n = len(inv)
        has = {pid: np.asarray([pid in hits for hits, _, _ in infos], dtype=bool)[inv] for pid in self.multi_preds}
        special: dict[int, list[tuple[int, dict[int, int]]]] = {}
        for order, ids, index, attrs in self.multi:
            span = len(ids)
            if span > n:
                continue
            ok = np.ones(n - span + 1, dtype=bool)
            for k, pid in enumerate(ids):
                ok &= has[pid][k: n - span + 1 + k]
            for start in np.flatnonzero(ok).tolist():
                target = start + index if index >= 0 else start + span + index
                if 0 <= target < n:
                    special.setdefault(target, []).append((order, attrs))
        single_order = [order for order, (ids, index, _) in enumerate(self.rules) if len(ids) == 1 and index in (0, -1)]
        for i, extra in special.items():
            hits = infos[inv[i]][0]
            ordered = [(order, attrs) for order, (pid, attrs) in zip(single_order, self.single, strict=True)
                       if pid in hits] + extra
            row = before[i].copy()
            for _, attrs in sorted(ordered, key=lambda oa: oa[0]):
                for a, v in attrs.items():
                    row[self.col[a]] = v
            rows[i] = row

    # -- the lemmatizer ---------------------------------------------------------------------------

    def _apply_lemmas(self, doc: Any) -> None:
        """Lemmas as the lemmatizer sets them: where none is set yet (or everywhere, with overwrite)."""
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        forms = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = np.arange(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(forms[:, 3] == 0)
        if not len(todo):
            return
        ukeys, first, inv = np.unique(forms[todo, :3], axis=0, return_index=True, return_inverse=True)
        memo = self._lemma_memo
        strings = self.vocab.strings
        values = []
        for key, at in zip(map(tuple, ukeys.tolist()), first.tolist(), strict=True):
            value = memo.get(key)
            if value is None:
                if len(memo) > _MAX_CACHE:
                    memo.clear()
                value = memo[key] = strings.add(self.lemmatizer.lemmatize(doc[int(todo[at])])[0])
            values.append(value)
        lemmas = forms[:, 3].copy()
        lemmas[todo] = np.asarray(values, dtype=np.uint64)[inv.ravel()]
        doc.from_array([LEMMA], lemmas)

    def __call__(self, doc: Any) -> Any:
        if len(doc):
            self._apply_rules(doc)  # the lemmatizer reads what the ruler set (POS, MORPH, lemma exceptions)
            self._apply_lemmas(doc)
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


def install(nlp: Any) -> bool:
    """Put :class:`FastTagging` in place of the ruler and lemmatizer when it reproduces them exactly."""
    from spacy.language import Language

    names = nlp.pipe_names
    if NAME in names:
        return True
    if RULER not in names or LEMMATIZER not in names or names.index(LEMMATIZER) != names.index(RULER) + 1:
        return False
    try:
        FastTagging(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))
    except Unsupported:
        return False
    if not Language.has_factory(NAME):
        @Language.factory(NAME)
        def make_fast_tagging(nlp: Any, name: str) -> FastTagging:
            return FastTagging(nlp.get_pipe(RULER), nlp.get_pipe(LEMMATIZER))
    nlp.add_pipe(NAME, after=LEMMATIZER)
    nlp.disable_pipe(RULER)
    nlp.disable_pipe(LEMMATIZER)
    return True


__all__ = ["NAME", "FastTagging", "Unsupported", "install"]
