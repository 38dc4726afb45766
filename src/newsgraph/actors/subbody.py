"""A body of an organisation named by the organisation's name and what the body does.

News names an agency of an organisation by the organisation's name, the agency's field and a
descriptive head noun: "the UN refugee agency", "the United Nations Human Rights Office", "the
U.N. children's agency". The organisation's name alone would link the parent; the KB may hold the
agency itself under its formal name ("UN High Commission for Refugees", "United Nations
Children's Fund"). The agency is the KB body that

* carries one of the parent's names in its own name (a body of that organisation),
* has every field word the mention gives ("refugee", "human rights"), and
* has no field word of its own the mention lacks (a "Development Fund for Women" is not the
  "development programme"),

with the mention's head noun either one of the body's own words or a word news uses for any
agency ("agency", "office", "body", "watchdog"): a "Human Rights Council" is not a "Commission for
Human Rights". With no such body, or with bodies that disagree, the parent keeps the mention.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .state import State

# head nouns of a body's name
BODY_HEADS = frozenset({"agency", "office", "body", "watchdog", "commission", "council", "committee", "fund",
                        "programme", "program", "organization", "organisation", "court", "tribunal", "mission",
                        "panel", "secretariat", "bank", "assembly", "forum", "authority", "force"})
# heads news uses for any agency, whatever its formal name calls it
_ANY_AGENCY = frozenset({"agency", "office", "body", "watchdog"})
# words of a formal name that say what kind of body it is or whose, not what it works on
_FORM_WORDS = BODY_HEADS | {"high", "commissioner", "united", "nations", "un", "u.n.", "for", "of", "the", "and",
                            "on", "in", "international", "world", "special", "s", "&"}


def _word(w: str) -> str:
    w = w.lower().removesuffix("'s").removesuffix("’s")
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def _words(name: str) -> set[str]:
    return {_word(w) for w in re.findall(r"[\w.&'’]+", name)}


_FORM_STEMS = frozenset(_word(w) for w in _FORM_WORDS)


@lru_cache(maxsize=4)
def _bodies(kb: Any) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Parent organisation id -> [(body id, the body's field words and form words)] for every KB
    organisation whose name carries one of the parent's names as whole words."""
    names: dict[str, set[str]] = {}
    for p in kb.phrases():
        if p.kind == "organization" and p.attr in {"name", "alias", "acronym"}:
            names.setdefault(p.kb_id, set()).add(" ".join(str(p.text).split()))
    parents: dict[str, list[tuple[str, frozenset[str]]]] = {}
    by_form: dict[str, set[str]] = {}
    for oid, forms in names.items():
        for f in forms:
            f = f.removeprefix("the ")
            if len(f) >= 2:
                by_form.setdefault(f, set()).add(oid)
    for oid, forms in names.items():
        words = frozenset(_words(" ".join(forms)))
        for f in forms:
            toks = f.split()
            for n in range(1, len(toks)):
                for k in range(len(toks) - n + 1):
                    for parent in by_form.get(" ".join(toks[k:k + n]), ()):
                        if parent != oid and all(b != oid for b, _ in parents.get(parent, [])):
                            parents.setdefault(parent, []).append((oid, words))
    return parents


def sub_body(st: State, h: Any, parent: str) -> tuple[int, str] | None:
    """The end token and KB id of the parent's body the words after hit ``h`` name ("UN *refugee
    agency*"), or None."""
    if st.kb is None:
        return None
    end, field = h.end, []
    head = None
    while end < len(st.doc) and end - h.end < 5:
        tok = st.doc[end]
        if tok.tag_ == "POS" and field:
            end += 1
            continue
        if not tok.is_alpha or tok.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            break
        end += 1
        if tok.lower_ in BODY_HEADS:
            head = (end, tok.lower_)
            break
        field.append(_word(tok.text))
    if head is None or not field:
        return None
    end, noun = head
    fits = []
    for body, words in _bodies(st.kb).get(parent, []):
        own = words - _FORM_STEMS
        if set(field) <= words and own <= set(field) and (noun in _ANY_AGENCY or _word(noun) in words):
            fits.append(body)
    codes = {getattr(st.kb.entity(b), "code", None) for b in fits}
    # (the KB may hold one body twice, from two sources: one code, one body)
    return (end, sorted(fits)[0]) if fits and len(codes) == 1 else None
