"""Event dates: the clause's own date, else its chain's, else the report's, else the article's."""

from __future__ import annotations

import re
from typing import Any

from ..model import Analysis
from ..nlp import fast_ents
from .common import (
    FUTURE_AUX,
    REPORTING,
    Candidate,
    Token,
    governing_verb,
    modal_scope,
    to_infinitive,
)
from .frames import (
    sentence_of,
)


def event_date(analysis: Analysis, c: Candidate) -> tuple[str | None, str | None]:
    """The date the event's own clause states (via timex); a background event the text puts before
    the story (a past perfect, "had annexed"; a noun with its own year, "the 2014 annexation";
    "former", "previous") is ``(None, "earlier")``: before the publication date, when unknown;
    otherwise the article's publication date (the news of the day)."""
    published = analysis.article.published
    ent = clause_date(c)
    if ent is not None:
        try:
            from ..timex import resolve_date
        except ImportError:  # the timex component is optional
            resolve_date = None
        if resolve_date is not None:
            tense = tense_of(c)
            tv = resolve_date(ent.text, published, tense=tense)
            if tv is not None:
                return tv.value, tv.precision
    if background(c):
        year = noun_year(c)
        return (year, "year") if year else (None, "earlier")
    year = period_year(c) or narrative_year(c, published)
    if year is not None and (not published or year < published[:4]):
        return year, "year"
    if published:
        return published, "day"
    return None, None


def background(c: Candidate) -> bool:
    """Is the event told as background, before the story's time? A past perfect ("had agreed"), a
    noun with a year of its own ("the 2014 annexation"), or "former"/"previous"/"last year's"."""
    pred = c.pred
    gov = governing_verb(pred) if c.frame.pos == "n" else pred
    if gov is not None and gov.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in {"had", "'d"} for a in gov.children):
        return True
    if c.frame.pos == "n":
        return noun_year(c) is not None or any(m.lower_ in {"former", "previous", "earlier", "past"}
                                               for m in pred.children if m.dep_ == "amod")
    return False


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def narrative_year(c: Candidate, published: str | None) -> str | None:
    """The year of a story told in the simple past that the sentence before set in an earlier year
    ("In 1919 the Senate rejected the treaty. Wilson *refused* to compromise."): the act goes on in
    that year. Only the next sentence of the same paragraph, with a main verb in the simple past
    and no date of its own, after a sentence whose own act (its main verb, not a noun: "the 2016
    campaign") is dated in a year before publication; a verb in any other tense ("Ukraine *wants*
    it back") is the story's present."""
    if not published:
        return None
    pred = c.pred
    gov = governing_verb(pred) if c.frame.pos == "n" else pred
    if gov is None or gov.tag_ != "VBD" or any(a.dep_ in {"aux", "auxpass"} for a in gov.children):
        return None
    doc = pred.doc
    sent = sentence_of(pred)
    if sent.start == 0 or fast_ents(doc, {"DATE", "TIME"}, (sent.start, sent.end)):
        return None
    prev = sentence_of(doc[sent.start - 1])
    if any("\n" in doc[k].text_with_ws for k in range(prev.start, sent.start)) or prev.root.tag_ != "VBD":
        return None  # another paragraph, or a sentence that does not tell the past
    when = date_on(prev.root, {prev.root.i})  # the date of that sentence's own act, not a noun's year
    years = _YEAR.findall(when.text) if when is not None else []
    return years[0] if len(years) == 1 and years[0] < published[:4] else None


def noun_year(c: Candidate) -> str | None:
    """The year a noun's own modifiers give it ("the 2014 annexation", "the 2003 invasion")."""
    return own_year(c.pred) if c.frame.pos == "n" else None


def own_year(noun: Token) -> str | None:
    """A year written as a noun's modifier ("the *2014* war")."""
    for m in noun.children:
        if m.dep_ in {"nummod", "compound", "amod", "npadvmod"} and m.text.isdigit() and len(m.text) == 4 \
                and 1900 <= int(m.text) <= 2100:
            return m.text
    return None


def period_year(c: Candidate) -> str | None:
    """The year of a named period the act happened in: "shelled the town *in the 1879 war*",
    "fled *during the 2014 crisis*" (the year is the period noun's own)."""
    gov = governing_verb(c.pred) if c.frame.pos == "n" else c.pred
    if gov is None:
        return None
    for p in gov.children:
        if p.dep_ != "prep" or p.lower_ not in {"in", "during", "amid", "throughout"}:
            continue
        year = next((y for o in p.children if o.dep_ == "pobj" and (y := own_year(o))), None)
        if year is not None:
            return year
    return None


def tense_of(c: Candidate) -> str | None:
    """The tense the clause is told in (for relative dates): "will" says future, a past form past.
    An intent's own telling ("agreed on Thursday to send") is past even though the act is to come."""
    gov = governing_verb(c.pred) if c.frame.pos == "n" else c.pred
    scope = modal_scope(gov)
    if any(a.dep_ == "aux" and a.lower_ in FUTURE_AUX for v in scope for a in v.children):
        return "future"
    if any(v.tag_ in {"VBD", "VBN"} for v in [c.pred, *scope]):
        return "past"
    return None


def clause_date(c: Candidate) -> Any:
    """A DATE/TIME entity attached to the predicate (or, for a noun, to it or its verb) without
    crossing another clause; the heads of an infinitive chain count ("last Thursday became the
    last to *ratify*"), and so does the verb a participle without subject of its own hangs on
    ("flew to Kabul on Monday, *meeting* the president"). Failing that, the date of the report the clause is the content of ("On
    Monday Stoltenberg announced that Erdogan *had agreed* ...")."""
    pred = c.pred
    gov = governing_verb(pred) if c.frame.pos == "n" else pred
    anchors = {pred.i}
    if c.frame.pos == "v" and (c.entry.obj or c.entry.code == "=obj"):
        anchors |= {o.i for o in c.frame.objs}  # "the 2018 summit was held": the object is the event itself
    t = gov
    for _ in range(4):
        if t is None:
            break
        anchors.add(t.i)
        if t.dep_ in {"relcl", "acl"} and t.head.dep_ in {"attr", "oprd"} and to_infinitive(t):
            t = t.head.head  # "became last Thursday the first country *to recognise* X"
            continue
        if t.dep_ == "advcl" and t.tag_ in {"VBG", "VBN"} and t.head.i != t.i and not any(
                ch.dep_ in {"nsubj", "nsubjpass", "mark"} for ch in t.children):
            t = t.head  # "wrote a letter in late March *complaining* ...": a participle shares its verb's time
            continue
        if t.dep_ != "xcomp" or t.head.i == t.i:
            break
        t = t.head
    best = date_on(pred, anchors)
    if best is None and gov is not None:  # "stormed the office and set it on fire *on Wednesday*"
        shared = [x.i for x in gov.conjuncts if x.pos_ in {"VERB", "AUX"} and not any(
            ch.dep_ in {"nsubj", "nsubjpass"} for ch in max(x, gov, key=lambda v: v.i).children)]
        best = date_on(pred, set(shared)) if shared else None
    if best is None and t is not None and t.dep_ == "ccomp" and t.head.lemma_ in REPORTING:
        report = t.head
        around = {report.i}
        if report.dep_ == "pcomp" and report.head.head.i != report.head.i:
            around.add(report.head.head.i)  # "opened the summit on Tuesday *by announcing* that ..."
        elif report.dep_ in {"advcl", "xcomp", "conj"}:
            around.add(report.head.i)
        best = date_on(pred, around)
    return best


# prepositions that make a date the bound of a period, not the time of the act ("has deployed troops
# *since* 2014", "will stay *until* March")
PERIOD_BOUNDS = frozenset({"since", "until", "till"})


def date_on(pred: Token, anchors: set[int]) -> Any:
    """The DATE/TIME entity nearest the predicate whose head chain reaches an anchor without
    crossing a verb, a period bound or a noun it modifies ("the 2014 annexation" dates the
    annexation, not the verb it hangs on)."""
    best = None
    sent = sentence_of(pred)
    # (not ``sent.ents``: spaCy builds every entity of the whole Doc for each such read)
    for ent in fast_ents(pred.doc, {"DATE", "TIME"}, (sent.start, sent.end)):
        t, steps = ent.root, 0
        if t.dep_ in {"nummod", "compound", "amod", "poss"} and t.head.pos_ in {"NOUN", "PROPN"} \
                and t.head.i not in anchors and t.head.ent_type_ not in {"DATE", "TIME"}:
            continue  # a noun's own date
        while t.head.i != t.i and steps < 8:
            t, steps = t.head, steps + 1
            if t.dep_ == "prep" and t.lower_ in PERIOD_BOUNDS:
                break
            if t.i in anchors:
                if best is None or abs(ent.start - pred.i) < abs(best.start - pred.i):
                    best = ent
                break
            if t.pos_ in {"VERB", "AUX"}:
                break
    return best
