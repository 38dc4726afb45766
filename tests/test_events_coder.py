"""The event coder on hand-written sentences, with hand-made actors (so only the coder is tested).

Each test states who the actors are by the phrases that mention them; the coder must find the
predicate, code it, and map its arguments to those actors.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from newsgraph.events import coder_for, events_coder
from newsgraph.events.coder import Coder
from newsgraph.events.dictionary import load_dictionary
from newsgraph.model import Actor, Analysis, Article, Mention, Quote

COUNTRIES = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Kenya": "KEN"}


def analyse(nlp, text: str, extra: dict[str, tuple[str, str, str | None]] | None = None,
            published: str = "2022-05-17", quotes: list[Quote] | None = None) -> Analysis:
    """An analysis with actors for every country name above (and ``extra`` phrases)."""
    table = {name: (code, "country", code) for name, code in COUNTRIES.items()}
    table.update(extra or {})
    actors: dict[str, Actor] = {}
    for phrase, (aid, kind, country) in table.items():
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            a = actors.setdefault(aid, Actor(id=aid, name=phrase, kind=kind, country=country))
            a.mentions.append(Mention(m.start(), m.end(), m.group(0)))
    analysis = Analysis(article=Article(id="t1", text=text, published=published), actors=list(actors.values()),
                        quotes=list(quotes or []))
    analysis.doc = nlp(text)
    return analysis


def events(nlp, text: str, coder: Coder | None = None, **kw):
    analysis = analyse(nlp, text, **kw)
    return (coder or coder_for({"events": {}})).events(analysis)


def one(evs, plover):
    found = [e for e in evs if e.plover == plover]
    assert found, f"no {plover} among {[(e.plover, e.cameo, e.source, e.target) for e in evs]}"
    return found[0]


@pytest.mark.parametrize(("text", "plover", "cameo_root", "source", "target"), [
    ("Norway condemned Chile on Monday.", "ACCUSE", "11", "NOR", "CHL"),
    ("Norway sharply criticised Chile over its fishing policy.", "ACCUSE", "11", "NOR", "CHL"),
    ("Peru sent food aid to Bolivia after the floods.", "AID", "07", "PER", "BOL"),
    ("Norway imposed sanctions on Chile last week.", "SANCTION", "16", "NOR", "CHL"),
    ("Norway hosted talks with Chile in Oslo.", "CONSULT", "04", "NOR", "CHL"),
    ("Peru expelled the Bolivian ambassador.", "SANCTION", "16", "PER", "BOL"),
    ("Norway praised Chile for its reforms.", "SUPPORT", "05", "NOR", "CHL"),
    ("Chilean troops shelled Peru overnight.", "ASSAULT", "19", "CHL", "PER"),
    ("Kenya urged Chile to release the detained sailors.", "REQUEST", "02", "KEN", "CHL"),
    ("Norway demanded that Chile withdraw its ships.", "REQUEST", "10", "NOR", "CHL"),
    ("Norway rejected a proposal from Chile.", "REJECT", "12", "NOR", "CHL"),
    ("Peru arrested three Bolivian activists.", "COERCE", "17", "PER", "BOL"),
])
def test_coding_table(nlp, text, plover, cameo_root, source, target):
    evs = events(nlp, text, extra={"Chilean troops": ("CHLMIL", "group", "CHL"),
                                   "Bolivian ambassador": ("BOLGOV", "group", "BOL"),
                                   "Bolivian activists": ("BOLCVL", "group", "BOL")})
    ev = one(evs, plover)
    assert ev.cameo.startswith(cameo_root)
    sources = {s[:3] for s in ev.source}
    targets = {t[:3] for t in ev.target}
    assert source in sources and target in targets
    assert ev.quad is not None and ev.goldstein is not None


def test_negation(nlp):
    assert not [e for e in events(nlp, "Norway did not attack Chile.") if e.plover == "ASSAULT"]
    ev = one(events(nlp, "Norway will not help Chile."), "REJECT")      # a refusal, as PETRARCH codes it
    assert ev.source == ["NOR"] and ev.target == ["CHL"]
    evs = events(nlp, "Norway did not agree with Chile on the quotas.")
    assert not [e for e in evs if e.plover == "AGREE"]
    assert one(evs, "REJECT").target == ["CHL"]


def test_negated_events_kept_on_request(nlp):
    coder = Coder(load_dictionary(), keep_negated=True)
    ev = one(events(nlp, "Norway did not attack Chile.", coder=coder), "ASSAULT")
    assert ev.negated is True


def test_reported_but_denied(nlp):
    text = "Norway denied attacking Chile."
    assert not [e for e in events(nlp, text) if e.plover == "ASSAULT"]
    ev = one(events(nlp, text, coder=Coder(load_dictionary(), keep_negated=True)), "ASSAULT")
    assert ev.negated and ev.source == ["NOR"] and "denied" in ev.rule


def test_place_from_the_clause(nlp):
    from newsgraph.model import Place, Span

    text = "Norway attacked Chile in Valparaiso on Monday."
    analysis = analyse(nlp, text)
    s = text.index("Valparaiso")
    analysis.places = [Place(id="geonames:3868626", name="Valparaiso", country="CHL",
                             mentions=[Span(s, s + 10, "Valparaiso")])]
    ev = one(Coder(load_dictionary()).events(analysis), "ASSAULT")
    assert ev.place == "geonames:3868626"


def test_future_and_hypothetical(nlp):
    ev = one(events(nlp, "Norway will deliver food aid to Chile next month."), "AGREE")
    assert ev.cameo.startswith("033") and ev.mode == "future"
    ev = one(events(nlp, "Norway will impose sanctions on Chile."), "THREATEN")
    assert ev.cameo == "1312" and ev.mode == "future"
    ev = one(events(nlp, "Norway could attack Chile."), "ASSAULT")
    assert ev.mode == "hypothetical"


def test_conditions_are_not_events(nlp):
    evs = events(nlp, "If Norway attacks Chile, Peru will condemn Norway.")
    assert not [e for e in evs if e.plover == "ASSAULT"]


def test_frames_code_the_content(nlp):
    ev = one(events(nlp, "Norway threatened to impose sanctions on Chile."), "THREATEN")
    assert ev.cameo == "1312" and ev.target == ["CHL"]
    evs = events(nlp, "Norway accused Chile of shelling its border towns.")
    assert one(evs, "ACCUSE").cameo == "1123"
    assert not [e for e in evs if e.plover == "ASSAULT"]  # alleged, not reported as done
    ev = one(events(nlp, "Peru promised to send medicine to Bolivia."), "AGREE")
    assert ev.cameo == "0333" and ev.target == ["BOL"]


def test_statement_with_obligation_is_a_demand(nlp):
    ev = one(events(nlp, "Norway said Chile must release the prisoners."), "REQUEST")
    assert ev.source == ["NOR"] and ev.target == ["CHL"] and ev.cameo == "1053"


@pytest.mark.parametrize(("text", "target"), [
    ("\u201cYou must release the prisoners,\u201d Norway told Chile.", "CHL"),  # "you": the one told
    ("Norway said the provinces should be free to decide and Chile should release the prisoners.", "CHL"),
])
def test_a_demand_falls_on_the_one_who_must_act(nlp, text, target):
    ev = one(events(nlp, text), "REQUEST")
    assert ev.source == ["NOR"] and ev.target == [target], (ev.source, ev.target, ev.rule)


@pytest.mark.parametrize("text", [
    "Norway said the budget must include money for the border with Chile.",  # a thing must, no one is asked
    "\u201cThat must happen within ten days,\u201d Norway said of the talks with Chile.",
])
def test_what_a_thing_must_do_is_no_demand(nlp, text):
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    assert not [e for e in evs if "+obligation-demand" in e.rule]


@pytest.mark.parametrize("text", [
    "Chile helped thwart terrorist attacks in Peru last week.",
    "Chile prevented an attack on the embassy of Peru.",
    "Peru foiled a plot to bomb the embassy of Chile.",  # the plot went with its bombing
    "Chile stopped Peru from attacking the border towns.",
])
def test_a_prevented_act_did_not_happen(nlp, text):
    """A verb of prevention ("thwart", "foil", "prevent", "avert") names what did not happen, and
    its subject is not the one who would have done it."""
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    assert not [e for e in evs if e.plover == "ASSAULT"], [(e.plover, e.source, e.target, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Chile called off a planned meeting with Peru at the border.",
    "Chile cancelled its talks with Peru on Monday.",
    "The summit between Chile and Peru was postponed until June.",
    "Chile scrapped a visit to Peru after the border clash.",
    "Chile called off its attack on the border towns of Peru.",
])
def test_a_called_off_act_did_not_take_place(nlp, text):
    """A verb of cancelling ("cancel", "call off", "scrap", "postpone") names a meeting, a visit or
    an attack that did not take place: none is coded as done."""
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    assert not [e for e in evs if e.plover in ("CONSULT", "ASSAULT")], [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Chile called off a planned meeting with Peru at the border.",
    "Chile cancelled its talks with Peru on Monday.",
    "Chile scrapped the negotiations with Peru.",
])
def test_calling_off_talks_halts_negotiations(nlp, text):
    """Calling off talks or a meeting with someone halts negotiations with them (CAMEO 164)."""
    ev = one(events(nlp, text, coder=coder_for({"events": {"one_sided": True}})), "SANCTION")
    assert ev.cameo == "164" and ev.source == ["CHL"] and ev.target == ["PER"], (ev.cameo, ev.source, ev.target)


@pytest.mark.parametrize("text", [
    "Chile cancelled a planned visit to Peru after the border clash.",
    "Chile called off its trip to Peru.",
])
def test_calling_off_a_visit_reduces_relations(nlp, text):
    """Calling off a visit to a state reduces relations with it (CAMEO 160)."""
    ev = one(events(nlp, text, coder=coder_for({"events": {"one_sided": True}})), "SANCTION")
    assert ev.cameo == "160" and ev.source == ["CHL"] and ev.target == ["PER"], (ev.cameo, ev.source, ev.target)


@pytest.mark.parametrize("text", [
    "Chile and Peru held talks on Monday.",
    "Chile called the meeting with Peru a success.",
])
def test_held_or_judged_talks_took_place(nlp, text):
    """Near misses: talks held, or a meeting called a success, took place."""
    one(events(nlp, text, coder=coder_for({"events": {"one_sided": True}})), "CONSULT")


@pytest.mark.parametrize("text", [
    "Chile is not opposed to the plan of Peru.",
    "Chile's leaders are not opposed to the plan of Peru, officials said.",
    "Chile would not be opposed to the plan of Peru.",
])
def test_a_negated_copula_negates_its_predicate(nlp, text):
    """"is not opposed": the copula carries the negation of the predicative word coded as the act."""
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    assert not [e for e in evs if e.plover in ("ACCUSE", "REJECT")], [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text, source, target", [
    ("Chile is strongly opposed to Peru's membership.", "CHL", "PER"),
    ("Chile was opposed by Peru in the vote.", "PER", "CHL"),  # a true passive: its agent opposes
])
def test_being_opposed_to_something_is_opposing_it(nlp, text, source, target):
    """"X is opposed to Y" states X's stance (a stative participle): X opposes Y."""
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    ev = next(e for e in evs if e.plover in ("ACCUSE", "REJECT"))
    assert ev.source == [source] and ev.target == [target], (ev.source, ev.target, ev.rule)


@pytest.mark.parametrize(("text", "plover", "mode"), [
    ("Chile hatched a plot to bomb the embassy of Peru.", "THREATEN", "future"),  # intended only
    ("Chile carried out a plan to shell the border towns of Peru.", "ASSAULT", None),  # a plan carried out
    ("Chile headed a plot to bomb the embassy of Peru.", "THREATEN", "future"),  # led, not headed off
    ("Chile launched an attack on Peru.", "ASSAULT", None),
])
def test_the_act_a_plot_or_plan_intends_is_not_done(nlp, text, plover, mode):
    evs = events(nlp, text, coder=coder_for({"events": {"one_sided": True}}))
    ev = one(evs, plover)
    assert ev.mode == mode and not (plover != "ASSAULT" and [e for e in evs if e.plover == "ASSAULT"])


def test_passives(nlp):
    ev = one(events(nlp, "Chile was attacked by Norway on Sunday."), "ASSAULT")
    assert ev.source == ["NOR"] and ev.target == ["CHL"]
    ev = one(events(nlp, "Weapons were supplied to Bolivia in large numbers."), "AID")
    assert ev.source == [] and ev.target == ["BOL"]  # the passive leaves its doer unknown


DEMONYMS = {"Ugandan": ("UGA", "country", "UGA"), "Kenyan": ("KEN", "country", "KEN"),
            "Peruvian": ("PER", "country", "PER"), "Chilean": ("CHL", "country", "CHL")}


@pytest.mark.parametrize(("text", "plover", "pair"), [
    ("Ugandan and Kenyan officials agreed to cooperate on water.", "AGREE", {"UGA", "KEN"}),
    ("Peruvian and Chilean negotiators agreed to share fishing data.", "AGREE", {"PER", "CHL"}),
    ("Ugandan and Kenyan officials met in Kampala.", "CONSULT", {"UGA", "KEN"}),
])
def test_compound_subjects_are_reciprocal(nlp, text, plover, pair):
    ev = one(events(nlp, text, extra=DEMONYMS), plover)
    assert set(ev.source) == pair and set(ev.target) == pair


def test_a_named_partner_is_no_compound_subject(nlp):
    ev = one(events(nlp, "Ugandan officials agreed to cooperate with Kenyan officials.", extra=DEMONYMS), "AGREE")
    assert ev.source == ["UGA"] and ev.target == ["KEN"]


def test_dates_come_from_the_clause(nlp):
    ev = one(events(nlp, "Norway attacked Chile on Monday."), "ASSAULT")
    assert (ev.date, ev.date_precision) == ("2022-05-16", "day")
    ev = one(events(nlp, "Norway sent aid to Chile in January."), "AID")
    assert (ev.date, ev.date_precision) == ("2022-01", "month")
    ev = one(events(nlp, "Norway condemned Chile."), "ACCUSE")
    assert (ev.date, ev.date_precision) == ("2022-05-17", "day")  # the article's date


def test_one_sided_flag(nlp):
    text = "Norway mobilized its reservists."
    assert not events(nlp, text)
    ev = one(events(nlp, text, coder=Coder(load_dictionary(), one_sided=True)), "MOBILIZE")
    assert ev.source == ["NOR"] and ev.target == []


def test_extension_table(nlp, tmp_path):
    text = "Norway bamboozled Chile at the summit."
    assert not events(nlp, text)
    extra = tmp_path / "verbs.tsv"
    extra.write_text("v\tbamboozle\t-\t-\t-\t-\t-\t112\tt:dobj\ttrick\n", "utf-8")
    ev = one(events(nlp, text, coder=coder_for({"events": {"extra_verbs": str(extra)}})), "ACCUSE")
    assert ev.source == ["NOR"] and ev.target == ["CHL"] and ev.cameo == "112"


def test_quoted_allegation_is_the_speakers_accusation(nlp):
    text = "“Chile is shelling our villages every night,” the Norwegian president said."
    start = text.index("Chile")
    q = Quote(id="q1", text=text[start:text.index(",”")], start=start, end=text.index(",”"), kind="direct",
              speaker="NORPRES")
    evs = events(nlp, text, extra={"Norwegian president": ("NORPRES", "person", "NOR")}, quotes=[q])
    ev = one(evs, "ACCUSE")
    assert ev.source == ["NORPRES"] and ev.target == ["CHL"] and ev.quote == "q1"
    assert not [e for e in evs if e.plover == "ASSAULT"]


def test_headline_is_its_own_sentence(nlp):
    evs = events(nlp, "Norway slams Chile over whaling\n\nOslo: The row grew on Tuesday.")
    ev = one(evs, "ACCUSE")
    assert ev.evidence.text.startswith("Norway slams Chile")


def test_events_are_deterministic_and_anchored(nlp):
    text = "Peru sent food aid to Bolivia. Norway condemned Chile."
    a, b = events(nlp, text), events(nlp, text)
    assert [e.id for e in a] == [e.id for e in b] and len({e.id for e in a}) == len(a)
    for e in a:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.predicate is not None and text[e.predicate.start:e.predicate.end] == e.predicate.text
        assert 0 < e.confidence < 1


def test_component_uses_config(nlp):
    analysis = analyse(nlp, "Norway mobilized its reservists.")
    ctx = SimpleNamespace(config={"events": {"one_sided": True, "extra_verbs": ""}})
    assert events_coder(analysis, ctx).events
    ctx = SimpleNamespace(config={"events": {"one_sided": False, "extra_verbs": ""}})
    assert not events_coder(analysis, ctx).events
    assert events_coder(Analysis(article=Article(id="x", text="")), ctx).events == []


@pytest.mark.parametrize("text", [
    "Norway lifted the trade sanctions against Chile on Monday.",
    "Norway eased the fishing restrictions imposed on Chile in 2019.",
    "Norway ended its embargo against Chile last week.",
])
def test_what_is_lifted_against_a_state_makes_it_the_target(nlp, text):
    """Easing or lifting what was against X (CAMEO 08) is done for X: the phrase on the object
    names the target, and the sanctions undone are no new sanctions."""
    evs = events(nlp, text)
    yielded = [e for e in evs if e.cameo.startswith("08")]
    assert yielded and yielded[0].source == ["NOR"] and yielded[0].target == ["CHL"]
    assert not [e for e in evs if e.plover == "SANCTION"]


def test_cooperation_against_a_common_foe_still_has_no_foe_as_partner(nlp):
    evs = events(nlp, "Norway agreed to cooperate with Peru against Chile.",)
    assert not [e for e in evs if e.plover in {"AGREE", "COOPERATE"} and "CHL" in e.target]


def test_a_clause_of_its_own_inside_the_object_is_still_coded(nlp):
    evs = events(nlp, "Norway eased the curfew imposed on Kenya after Chile attacked Peru.")
    assert [e for e in evs if e.plover == "ASSAULT" and e.source == ["CHL"]]


@pytest.mark.parametrize("text, target", [
    ("Norway helped Chile rebuild the harbour after the storm.", "CHL"),
    ("Norway sent engineers to help Peru repair the bridges.", "PER"),
])
def test_the_subject_of_a_bare_infinitive_is_the_helped_party(nlp, text, target):
    """"helped X build": the parse makes X the infinitive's subject; it is whom the help is for."""
    ev = one(events(nlp, text), "AID")
    assert ev.source == ["NOR"] and ev.target == [target]


def test_a_clause_of_saying_gives_no_small_clause_target(nlp):
    evs = events(nlp, "Norway helped after Chile said Peru would build a harbour.")
    assert not [e for e in evs if e.plover == "AID" and e.target]


def _parsed(words, heads, deps, pos, tags):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_name_parsed_as_a_label_of_a_call_is_the_one_called():
    """"called President X on Monday" is a telephone call; the parser may read the name as a label
    (``oprd``, as in "called him a liar"), with no object: the name is then the object."""
    from newsgraph.events.detection import naming
    from newsgraph.events.frames import verb_frame

    doc = _parsed(["Norway", "called", "President", "Smith", "on", "Monday"], [1, 1, 3, 1, 1, 4],
                  ["nsubj", "ROOT", "compound", "oprd", "prep", "pobj"],
                  ["PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN"], ["NNP", "VBD", "NNP", "NNP", "IN", "NNP"])
    f = verb_frame(doc[1], "call")
    assert [t.text for t in f.objs] == ["Smith"]
    assert not naming(SimpleNamespace(frame=f, code="041", pred=doc[1]))
    doc = _parsed(["Norway", "called", "him", "a", "liar"], [1, 1, 1, 4, 1],
                  ["nsubj", "ROOT", "dobj", "det", "oprd"],
                  ["PROPN", "VERB", "PRON", "DET", "NOUN"], ["NNP", "VBD", "PRP", "DT", "NN"])
    f = verb_frame(doc[1], "call")
    assert [t.text for t in f.objs] == ["him"]
    assert naming(SimpleNamespace(frame=f, code="041", pred=doc[1]))
