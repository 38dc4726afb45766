"""Each stage of the actor resolver on its own: detection, evidence, roles, agents, places.

A stage is a function of the resolver's state; these tests build the state for a sentence
written for them, run only the stages before the one under test, and call it directly.
"""

from __future__ import annotations

import pytest

from newsgraph.actors import agents, evidence, mentions, roles
from newsgraph.actors.resolve import REFERENCE_RULES, Resolver
from newsgraph.kb import get_kb
from newsgraph.model import Analysis, Article


@pytest.fixture(scope="module")
def state(nlp):
    def _state(text: str, published: str | None = "2019-05-01", *, names: bool = True) -> Resolver:
        analysis = Analysis(article=Article(id="t", text=text, published=published))
        analysis.doc = nlp(text)
        r = Resolver(analysis, get_kb())
        r.detect()
        if names:
            mentions.link_names(r, r.hits, r.ents)
        return r

    return _state


def tok(r: Resolver, word: str) -> int:
    return next(t.i for t in r.doc if t.text == word)


def test_the_stage_order_is_one_visible_tuple():
    names = [f.__name__ for f in REFERENCE_RULES]
    assert names.index("try_title_name") < names.index("try_surname") < names.index("try_pronoun")
    assert names[-2:] == ["try_generic_agent", "try_role_agent"]  # a role no one named comes last


def test_detection_finds_kb_forms_and_entities(state):
    r = state("Kenyan President William Ruto met NATO officials.", names=False)
    kinds = {e.kind for h in r.hits for e in h.entries}
    assert {"country", "organization"} <= kinds and r.ents


def test_names_stage_links_full_names_only(state):
    r = state("Vladimir Putin spoke. Putin left.")
    linked = {(r.text[s:e], aid) for s, e, aid, *_ in r.mentions}
    assert ("Vladimir Putin", "vladimir-putin") in linked
    assert not any(t == "Putin" for t, _ in linked)  # the bare surname waits for the reference stage


@pytest.mark.parametrize("text, published", [
    ("President Trump Sunday called the Russian president.", "2017-12-17"),
    ("President Macron Sunday called the Russian president.", "2019-05-05"),
])
def test_a_day_after_a_name_is_no_part_of_it(state, text, published):
    """ "President X Sunday called": the tagger ran the day into the name; the day is no part of it,
    so no person named "X Sunday" is made."""
    r = state(text, published)
    linked = [r.text[s:e] for s, e, *_ in r.mentions]
    assert not any("Sunday" in x for x in linked), linked


def test_evidence_stage_links_a_surname_only_with_a_held_title(state):
    r = state("Spokesman Merkel left early. Chancellor Merkel stayed.", "2015-06-01")
    assert evidence.try_surname(r, tok(r, "Merkel"), ("spokesperson", "Spokesman", None)) is not None
    first = {aid for s, e, aid, *_ in r.mentions}
    assert "angela-merkel" not in first  # angela-merkel was never a spokesman
    second = [t.i for t in r.doc if t.text == "Merkel"][1]
    evidence.try_surname(r, second, ("chancellor", "Chancellor", None))
    assert "angela-merkel" in {aid for s, e, aid, *_ in r.mentions}


def test_evidence_kinds_of_rules():
    assert evidence.evidence_of("kb-name+title") == "full"
    assert evidence.evidence_of("surname") == "earlier-mention"
    assert evidence.evidence_of("same-name") == "earlier-mention"
    assert evidence.evidence_of("title-kb") == "role-on-date"
    assert evidence.evidence_of("pronoun") == "coreference"
    assert evidence.evidence_of("agent-generic") == "agent"


def test_roles_stage_gives_the_holder_of_an_office_on_the_date(state):
    r = state("The Belarusian President spoke.", "2022-05-16")
    end = roles.try_title(r, 0)
    assert end is not None and "alexander-lukashenko" in {m[2] for m in r.mentions}


def test_agents_stage_reads_the_sentences_state(state):
    r = state("Police fired tear gas in Nairobi.")
    assert agents.sentence_country(r, tok(r, "Police")) == "KEN"
    r = state("Police fired tear gas in Nairobi and Kampala.")
    assert agents.sentence_country(r, tok(r, "Police")) is None  # two states: no guess


def test_places_stage_tells_a_location_from_a_participant(state):
    r = state("Fighting went on in Syria. The force in Lebanon grew. Washington imposed sanctions on Tehran.")
    assert r.locative(tok(r, "Syria"), tok(r, "Syria") + 1)
    assert not r.locative(tok(r, "Lebanon"), tok(r, "Lebanon") + 1)
    assert not r.locative(tok(r, "Tehran"), tok(r, "Tehran") + 1)
    assert r.locative(tok(r, "Lebanon"), tok(r, "Lebanon") + 1, strict=True)


def test_every_word_that_gives_an_organisation_its_sector_marks_an_organisation_name() -> None:
    """A name with a word that gives an unknown organisation its sector ("Daily", "Tribune") is never
    read as a person's name."""
    from newsgraph.actors import lexicon as lx

    assert set(lx.ORG_NAME_SECTORS) <= lx.ORG_WORDS
