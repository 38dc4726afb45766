"""Event stages on their own: dates of background events, modality, one event once, no self-dyads.

Sentences written for these tests; actors come from the pipeline."""

from __future__ import annotations

import pytest

from newsgraph.events.dedup import merge_reports, same_act
from newsgraph.model import Event, RawDocument, Span


@pytest.fixture(scope="module")
def read(pipeline):
    def _read(text: str, published: str = "2022-05-17"):
        return pipeline(RawDocument(text=text, published=published))

    return _read


def ev(plover="ACCUSE", cameo="111", src=("RUS",), tgt=("UKR",), start=0, word="accused", date="2022-05-17",
       precision="day", modality="asserted"):
    text = "x" * 400
    return Event(id=f"e{start}", source=list(src), target=list(tgt), plover=plover, cameo=cameo, goldstein=-2.0,
                 quad="verbal conflict", evidence=Span(start, start + 10, text[start:start + 10]),
                 predicate=Span(start, start + len(word), word), date=date, date_precision=precision,
                 modality=modality)


def test_restatements_of_one_act_become_one_event():
    first, again = ev(start=5), ev(start=200)
    out = merge_reports([again, first])
    assert len(out) == 1 and out[0].evidence.start == 5 and [s.start for s in out[0].also_reported] == [200]


@pytest.mark.parametrize("other", [
    ev(start=200, tgt=("USA",)),                     # another target
    ev(start=200, cameo="112"),                      # another act
    ev(start=200, modality="planned"),               # threatened, not done
    ev(start=200, date="2022-04-01"),                # another day
    ev(start=200, word="condemned"),                 # told in other words, outside the lead
])
def test_different_acts_stay_apart(other):
    assert not same_act(ev(start=100), other, lead_end=50)
    assert len(merge_reports([ev(start=100), other], lead=50)) == 2


def test_the_lead_restates_in_its_own_words():
    assert same_act(ev(start=5, word="slammed"), ev(start=200, word="criticised"), lead_end=50)


def test_a_later_noun_names_an_act_already_told():
    """"the envoys met ... the meeting": a noun refers back; a verb in other words tells anew."""
    told = ev(start=100, word="met", cameo="043", plover="CONSULT")
    noun = ev(start=200, word="meeting", cameo="043", plover="CONSULT")
    noun.rule = "newsgraph:n:meeting:1"
    assert same_act(told, noun, lead_end=50)
    verb = ev(start=200, word="talked", cameo="043", plover="CONSULT")
    verb.rule = "newsgraph:v:talk:1"
    assert not same_act(told, verb, lead_end=50)
    assert not same_act(noun, verb, lead_end=50)  # a verb after the noun is no restatement by a noun


def test_a_restatement_that_leaves_out_the_target_is_the_same_act():
    """"Russia shelled Ukraine ... Russia shelled again": the same doer and word, the target left out."""
    full, short = ev(start=100, word="shelled"), ev(start=200, word="shelled", tgt=())
    out = merge_reports([short, full], lead=50)
    assert len(out) == 1 and out[0].target == ["UKR"] and [s.start for s in out[0].also_reported] == [200]
    out = merge_reports([ev(start=100, word="shelled", tgt=()), ev(start=200, word="shelled")], lead=50)
    assert len(out) == 1 and out[0].target == ["UKR"]  # the first report takes the side the later one names


def test_two_words_of_one_clause_for_one_act_are_one_event():
    """"met the envoy to discuss the row": what the meeting was for is the meeting."""
    met = ev(start=100, word="met", cameo="043", plover="CONSULT")
    met.evidence = Span(100, 170, "x" * 70)
    talk = ev(start=140, word="discuss", cameo="041", plover="CONSULT", tgt=())
    out = merge_reports([met, talk], lead=50)
    assert len(out) == 1 and out[0].target == ["UKR"] and out[0].cameo == "043"
    for other in (ev(start=140, word="discuss", cameo="041", plover="CONSULT", tgt=(), src=("BLR",)),  # another doer
                  ev(start=140, word="demand", cameo="100", plover="REQUEST", tgt=()),  # another kind of act
                  ev(start=300, word="discuss", cameo="041", plover="CONSULT", tgt=())):  # outside the clause
        assert len(merge_reports([met, other], lead=50)) == 2
    untargeted = ev(start=100, word="met", cameo="043", plover="CONSULT", tgt=())
    untargeted.evidence = Span(100, 170, "x" * 70)
    # neither names a target: nothing says they are one act
    assert len(merge_reports([untargeted, ev(start=140, word="discuss", cameo="041", plover="CONSULT", tgt=())],
                             lead=50)) == 2


@pytest.mark.parametrize("other", [
    ev(start=200, word="shelled", src=(), tgt=("UKR",)),        # no doer: another party may have done it
    ev(start=200, word="shelled", src=("BLR",), tgt=()),        # another doer
    ev(start=200, word="bombed", tgt=()),                       # other words, outside the lead
])
def test_a_report_with_a_side_left_out_stays_apart_otherwise(other):
    assert len(merge_reports([ev(start=100, word="shelled"), other], lead=50)) == 2


@pytest.mark.parametrize(("text", "precision"), [
    ("Russia had annexed Crimea before the talks began.", "earlier"),
    ("The talks recalled the 2014 annexation of Crimea by Russia.", "year"),
    ("Ukraine said Russia had attacked Moldova.", "earlier"),
])
def test_background_events_are_not_dated_at_publication(read, text, precision):
    a = read(text)
    dated = [e for e in a.events if e.date_precision == precision]
    assert dated, [(e.plover, e.date, e.date_precision) for e in a.events]
    assert all(e.date != "2022-05-17" for e in dated)


@pytest.mark.parametrize(("text", "word"), [
    ("Norway condemned the 2014 annexation of Crimea by Russia.", "condemned"),
    ("Since the 2014 annexation of Crimea, NATO has deployed troops to Poland.", "deployed"),
    ("Russia has deployed troops in Crimea since 2014.", "deployed"),
    ("Chile criticised the 2019 sanctions that Peru imposed on Bolivia.", "criticised"),
])
def test_a_date_of_a_noun_or_a_period_bound_is_not_the_verbs(read, text, word):
    """"the 2014 annexation" dates the annexation, "since 2014" starts a period: neither is the
    time of the condemnation or the deployment, which are the news of the day."""
    a = read(text, "2022-05-17")
    found = [e for e in a.events if e.predicate is not None and e.predicate.text == word]
    assert found and all(e.date == "2022-05-17" for e in found), [(e.predicate, e.date) for e in a.events]


@pytest.mark.parametrize(("text", "year"), [
    ("The 2018 summit between Russia and China was held in Beijing.", "2018"),
    ("China and Russia held their 2018 summit in Beijing.", "2018"),
    ("Russia annexed Crimea in 2014.", "2014"),
])
def test_an_event_nouns_own_year_dates_the_verb_that_holds_it(read, text, year):
    a = read(text, "2022-05-17")
    assert any(e.date == year for e in a.events), [(e.plover, e.date) for e in a.events]


@pytest.mark.parametrize(("text", "word", "date"), [
    ("In 1919 the parliament of Ghana rejected the treaty with Togo. The president of Ghana then attacked "
     "the parliament.", "attacked", "1919"),
    ("In 1919 the parliament of Ghana rejected the treaty with Togo. The president of Ghana now criticizes "
     "the parliament.", "criticizes", "2014-11-12"),
    ("In 1919 the parliament of Ghana rejected the treaty with Togo.\n\nThe president of Ghana attacked the "
     "parliament.", "attacked", "2014-11-12"),
    ("In 1919 the parliament of Ghana rejected the treaty with Togo. On Wednesday the president of Ghana "
     "attacked the parliament.", "attacked", "2014-11-12"),
])
def test_a_story_told_in_the_simple_past_goes_on_in_the_year_set_before(read, text, word, date):
    """The next sentence of the paragraph, in the simple past and with no date of its own, goes on in
    the earlier year the sentence before set; another tense, another paragraph or a date of its own
    keep the news of the day."""
    a = read(text, "2014-11-12")
    found = [e for e in a.events if e.predicate is not None and e.predicate.text == word]
    assert found and all(e.date == date for e in found), [(e.predicate, e.date) for e in a.events]


def test_the_news_of_the_day_keeps_the_publication_date(read):
    a = read("Russia attacked Ukraine on Monday.", "2022-05-17")
    assert any(e.date == "2022-05-16" for e in a.events)


@pytest.mark.parametrize(("text", "word", "date"), [
    ("Russia wrote to Ukraine in late March complaining about the grain convoys.", "complaining", "2022-03"),
    ("The Kenyan foreign minister flew to Kampala on Monday, meeting President Museveni.", "meeting", "2022-05-16"),
])
def test_a_participle_takes_the_time_of_its_verb(read, text, word, date):
    a = read(text)
    found = [e for e in a.events if e.predicate is not None and e.predicate.text == word]
    assert found and found[0].date == date, [(e.predicate, e.date) for e in a.events]


def test_a_clause_with_its_own_subject_keeps_its_own_time(read):
    a = read("Russia recalled its envoy in March after Ukrainian officials accused Moscow of shelling.")
    found = [e for e in a.events if e.predicate is not None and e.predicate.text == "accused"]
    assert found and found[0].date != "2022-03"


@pytest.mark.parametrize(("text", "modality"), [
    ("Russia will impose sanctions on Ukraine.", "planned"),
    ("Russia could impose sanctions on Ukraine.", "hypothetical"),
    ("Russia can impose sanctions on Ukraine, the minister said.", "hypothetical"),  # able to, not done
    ("Russia imposed sanctions on Ukraine.", "asserted"),
    ("Russia is likely to impose sanctions on Ukraine.", "hypothetical"),
    ("It is possible that Russia imposed sanctions on Ukraine.", "hypothetical"),
    ("Russia is set to impose sanctions on Ukraine.", "planned"),
    ("Russia wants to impose sanctions on Ukraine.", "hypothetical"),
    ("Russia wanted to seize the ports of Ukraine.", "hypothetical"),
    ("Russia looks forward to talks with Ukraine.", "hypothetical"),
    ("Russia wants talks with Ukraine.", "hypothetical"),
    # an act a dropped PETRARCH2 pattern had absorbed is read for modality when it is given back
    ("Officials hinted that Russia might impose sanctions on Ukraine.", "hypothetical"),
    ("Officials hinted that Russia had imposed sanctions on Ukraine.", "asserted"),
])
def test_modality_says_whether_it_happened(read, text, modality):
    a = read(text)
    assert a.events and a.events[0].modality == modality
    assert a.to_dict()["events"][0]["modality"] == modality


@pytest.mark.parametrize(("title", "first"), [
    ("Chile to expel Peruvian diplomats", "SANTIAGO (Reuters) - Chile's government met on Monday."),
    ("Kenya to hold talks with Uganda over border", "NAIROBI (Reuters) - The cabinet met on Monday."),
])
def test_a_headline_infinitive_is_an_act_to_come(pipeline, title, first):
    """Headline English writes an announced act as a bare infinitive ("X to expel Y"): planned, not done."""
    a = pipeline(RawDocument(text=first, title=title, published="2022-05-17"))
    in_title = [e for e in a.events if e.evidence.start < len(title)]
    assert in_title and all(e.modality == "planned" for e in in_title), [
        (e.plover, e.modality, e.evidence.text) for e in a.events]


@pytest.mark.parametrize("text", [
    "Time to talk to Iran about the dam",
    "Chile expelled Peruvian diplomats on Monday.",
    "For Chile to expel the diplomats, the cabinet must agree.",
])
def test_an_infinitive_that_is_no_headline_act_is_not_marked_as_one(nlp, text):
    from newsgraph.events.common import headline_infinitive

    assert not any(headline_infinitive(t) for t in nlp(text))


@pytest.mark.parametrize("text", [
    "Peru's police arrested dozens of protesters in Lima.",
    "Thousands of Peruvians marched in Lima against the government.",
    "Russia meddled in its own election, officials in Moscow said.",
])
def test_no_event_has_one_actor_on_both_sides(read, text):
    for e in read(text).events:
        assert not (len(set(e.source)) == 1 and set(e.source) == set(e.target)), (e.plover, e.source, e.target)


@pytest.mark.parametrize("text", [
    "Russia imposed new sanctions on Ukraine on Monday.",
    "Ukrainian troops launched an attack on Russian positions near the river.",
])
def test_an_event_noun_done_by_its_verb_is_one_event(read, text):
    a = read(text)
    assert len(a.events) == 1, [(e.plover, e.predicate, e.source, e.target) for e in a.events]
    assert a.events[0].source and a.events[0].target


def test_an_event_noun_of_another_kind_stays_apart(read):
    a = read("Russia condemned the attack on the Ukrainian embassy.")
    assert [e.plover for e in a.events] == ["ACCUSE"]  # the condemnation, not a second attack by Russia
    assert not any(e.plover == "ASSAULT" and e.source == ["RUS"] for e in a.events)


def test_an_act_someone_braces_for_is_no_event(read):
    assert not read("Ukrainian grain traders spent the week preparing; they braced for fresh sanctions on Russia.").events


def test_a_plan_up_a_chain_of_verbs_is_planned(read):
    a = read("Russia is going to continue to cooperate with the Ukrainian inquiry.")
    assert a.events and all(e.modality == "planned" for e in a.events)


@pytest.mark.parametrize("text", [
    "The senator called them the bravest generation.",
    "Can we call this border policy humane?",
])
def test_a_verb_of_calling_with_a_name_after_its_object_is_no_call(read, text):
    assert not any(e.plover == "CONSULT" for e in read(text).events)


def test_a_telephone_call_is_still_a_call(read):
    a = read("Putin called Erdogan on Tuesday.")
    assert [(e.plover, e.cameo) for e in a.events] == [("CONSULT", "041")]


def test_a_date_after_on_is_no_one_called_upon(read):
    a = read("Putin called Erdogan on Tuesday.")
    assert not any(e.plover == "REQUEST" for e in a.events)


@pytest.mark.parametrize("text", [
    "Villagers in Ghana fled the fighting across the border.",
    "Hundreds of Ghanaian families escaped the shelling of their town.",
    "The Ghanaian garrison survived the bombing with few losses.",
])
def test_who_flees_or_survives_an_attack_did_not_carry_it_out(read, text):
    assert not any(e.plover == "ASSAULT" and e.source for e in read(text).events)


@pytest.mark.parametrize("text", [
    "Ghanaian reporters covering the march were stopped at the bridge.",
    "Crowds in Accra watched the protest from the square.",
    "Ghana's envoy recalled the bombing of the embassy in 1998.",
])
def test_who_looks_on_at_an_event_did_not_carry_it_out(read, text):
    assert not any(e.plover in {"PROTEST", "ASSAULT"} and e.source for e in read(text).events), [
        (e.plover, e.source, e.target) for e in read(text).events]


@pytest.mark.parametrize("text, doer, verb", [
    ("Ghana thanked Japan for sending aid after the floods.", "JPN", "sending"),
    ("Chile praised Peru for helping the flood victims.", "PER", "helping"),
    ("Peru congratulated Chile for signing the trade accord.", "CHL", "signing"),
])
def test_the_object_does_what_it_is_thanked_or_blamed_for(read, text, doer, verb):
    a = read(text)
    acts = [e for e in a.events if e.predicate is not None and e.predicate.text == verb]
    assert acts and all(doer in e.source for e in acts), [(e.plover, e.source, e.target, e.predicate) for e in a.events]


@pytest.mark.parametrize("text, target", [
    ("Norway suspended its weapons deals with Chile.", "CHL"),
    ("Norway suspended arms sales and trade ties with Chile.", "CHL"),
])
def test_the_other_party_of_a_relation_the_object_names_is_the_target(read, text, target):
    a = read(text)
    assert any(target in e.target for e in a.events), [(e.plover, e.source, e.target) for e in a.events]


def test_a_verb_phrase_on_a_person_object_takes_no_target_from_the_persons_links(read):
    a = read("Chilean police detained a man with links to Norway on Monday.")
    assert not any("NOR" in e.target for e in a.events)


@pytest.mark.parametrize("text, agent", [
    ("Rebels in Chad freed dozens of prisoners on Sunday.", "TCDCRM"),
    ("Police in Chad arrested two suspects after the blast.", "TCDCVL"),
    ("Gunmen in Chad seized three hostages near the border.", "TCDCVL"),
    ("Chadian troops distributed food to people who had fled the floods.", "TCDCVL"),
])
def test_people_held_sought_or_singled_out_are_the_target(read, text, agent):
    a = read(text)
    assert any(agent in e.target for e in a.events), [(e.plover, e.source, e.target) for e in a.events]


@pytest.mark.parametrize("text, target", [
    ("The Chilean foreign minister travelled to Norway for two days of talks.", "NOR"),
    ("The Chilean foreign minister cut short his visit to Norway.", "NOR"),
])
def test_the_state_a_visitor_goes_to_hosts_the_visit(read, text, target):
    a = read(text)
    ev = next(e for e in a.events if e.plover == "CONSULT")
    assert ev.target == [target]
    # the country the text names is the evidence of that side
    assert [m.text for m in a.actor(target).mentions] == ["Norway"]


def test_a_visit_takes_no_host_from_where_a_meeting_happens(read):
    a = read("The Chilean foreign minister met the Peruvian envoy in Oslo.")
    assert not any("NOR" in e.target for e in a.events)


def test_a_city_that_gives_the_side_stays_a_place(read):
    a = read("Chile returned the stolen paintings to Oslo on Monday.")
    ev = next(e for e in a.events if e.target)
    assert ev.target == ["NOR"] and not a.actor("NOR").mentions


@pytest.mark.parametrize("text", [
    "Asked whether the talks would resume, the Chilean minister said no.",
    "The Chilean minister was asked why Peru left the talks.",
    'The Chilean minister asked the Peruvian envoy: "Will you sign?"',
    "Chile asked the court whether the treaty applied.",
    "Chile's foreign minister asked about the border talks on Wednesday.",
    "The Chilean minister asked Peru about the missing fishermen.",
])
def test_asking_a_question_is_no_request(read, text):
    assert not any(e.plover == "REQUEST" for e in read(text).events)


@pytest.mark.parametrize("text, target", [
    ("The Chilean minister asked Peru to return to the talks.", "PER"),
    ("Chile asked Peru for $5 million in aid.", "PER"),
])
def test_asking_for_an_act_or_a_thing_stays_a_request(read, text, target):
    assert any(e.plover == "REQUEST" and target in e.target for e in read(text).events)


@pytest.mark.parametrize("text", [
    "No country has recognised the new government in Lima.",
    "No Chilean troops were put on alert.",
    "Nobody attacked the convoy near the border.",
    "None of the Chilean ministers will attend the summit in Lima.",
])
def test_an_act_no_one_did_is_no_event_and_no_refusal(read, text):
    assert not read(text).events


def test_a_no_elsewhere_in_the_sentence_leaves_the_act(read):
    a = read("Chile imposed sanctions on Peru, but no country followed.")
    assert any(e.plover == "SANCTION" and e.source == ["CHL"] for e in a.events)


@pytest.mark.parametrize("text", [
    "Chile and Peru conducted large-scale military drills last week.",
    "Chile and Peru shared intelligence on the smuggling gang.",
])
def test_material_cooperation_by_several_with_no_one_else_is_among_themselves(read, text):
    ev = next(e for e in read(text).events if e.plover == "COOPERATE")
    assert set(ev.source) == set(ev.target) == {"CHL", "PER"}


def test_one_states_drills_stay_a_show_of_force(read):
    ev = next(e for e in read("Chile conducted military drills near the border.").events)
    assert ev.plover == "MOBILIZE" and not ev.target


@pytest.mark.parametrize("text, target", [
    ("Chile ordered a withdrawal of the 2,000 Chilean troops in Peru.", ["PER"]),
    ("The Chilean president ordered a withdrawal of Chilean troops.", []),
])
def test_forces_a_state_moves_are_its_own_not_the_target(read, text, target):
    ev = next(e for e in read(text, "2019-05-01").events if e.plover == "RETREAT")
    assert ev.target == target


def test_surrendering_to_ones_own_authorities_keeps_them_as_target(read):
    a = read("A Chilean opposition leader surrendered to the Chilean police on Tuesday.", "2019-05-01")
    assert any(e.target for e in a.events)


@pytest.mark.parametrize("text, year", [
    ("Peru shelled Chilean positions during the 2014 war.", "2014"),
    ("Peru shelled Chilean positions in the 1979 war.", "1979"),
])
def test_an_act_inside_a_period_with_its_own_year_takes_that_year(read, text, year):
    (ev,) = read(text, "2019-05-01").events
    assert (ev.date, ev.date_precision) == (year, "year")


def test_a_period_of_the_publication_year_leaves_the_day(read):
    (ev,) = read("Peru shelled Chilean positions in the 2019 offensive.", "2019-05-01").events
    assert (ev.date, ev.date_precision) == ("2019-05-01", "day")


@pytest.mark.parametrize("text", [
    "The detention of the sailors by Iran angered London.",
    "The sailors' detention by Iran angered London.",
])
def test_a_state_that_detains_unnamed_people_stays_the_doer(read, text):
    evs = [e for e in read(text, "2018-05-01").events if e.plover == "COERCE"]
    assert evs and evs[0].source == ["IRN"] and evs[0].target == ["IRNCVL"], [
        (e.plover, e.source, e.target, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Chile renewed its call for Peru to free the fishermen.",
    "The accord calls for Peru to withdraw its troops by May.",
])
def test_an_act_asked_for_in_a_for_to_clause_is_not_done(read, text):
    a = read(text)
    assert not any(e.source == ["PER"] and e.modality == "asserted" for e in a.events), [
        (e.plover, e.source, e.target, e.modality) for e in a.events]


@pytest.mark.parametrize("text", ["Chile pressed Peru to free the fishermen.", "Chile pushed Peru to reopen the border."])
def test_pressing_someone_to_act_is_a_demand(read, text):
    a = read(text)
    assert any(e.plover == "REQUEST" and e.source == ["CHL"] and e.target == ["PER"] for e in a.events), [
        (e.plover, e.source, e.target) for e in a.events]


@pytest.mark.parametrize("text", ["Chile pressed the point at the summit.",
                                  "Chilean police pushed the crowd back from the gates."])
def test_pressing_or_pushing_without_an_infinitive_is_no_demand(read, text):
    assert not any(e.plover == "REQUEST" for e in read(text).events)


def test_a_call_a_dropped_pattern_had_absorbed_is_coded_on_its_own(read):
    """A PETRARCH2 pattern the detector does not confirm gives back the event nouns it had taken in."""
    a = read("Chile repeated its call for a ceasefire in the region.")
    assert any(e.plover == "REQUEST" and e.source == ["CHL"] for e in a.events), [
        (e.plover, e.source, e.rule) for e in a.events]


@pytest.mark.parametrize("text", [
    "Peru threatens the security of the whole region, Chile said.",
    "Peru's actions threaten the stability of Chile, its president said.",
    "Chile threatened the integrity of the vote, the monitors said.",
])
def test_threatening_a_condition_is_endangering_it_not_a_threat(read, text):
    assert not any(e.plover == "THREATEN" for e in read(text).events)


@pytest.mark.parametrize("text", [
    'Two Russian bombers flew near the coast on Tuesday. The Russian embassy said the flights were routine. '
    'Ambassador Ivan Petrov said they complied with the rules and "cannot be regarded as threatening."',
    "Chilean ships sailed past the port. Peru said the ships could be seen as threatening its fishermen.",
])
def test_what_something_is_judged_as_is_no_act(read, text):
    """"regarded as threatening": a verb of judging says what a thing is taken for."""
    assert not any(e.plover in {"THREATEN", "ACCUSE"} and "threat" in (e.predicate.text if e.predicate else "")
                   for e in read(text).events), [(e.plover, e.predicate) for e in read(text).events]


@pytest.mark.parametrize("text, target", [
    ("Chile threatened Peru with new sanctions.", "PER"),
    ("The Chilean army threatened the villagers on Monday.", None),
])
def test_a_threat_made_to_someone_stays(read, text, target):
    evs = [e for e in read(text).events if e.plover == "THREATEN"]
    assert evs and (target is None or target in evs[0].target)


def test_seeking_to_act_is_an_aim_not_a_request(read):
    a = read("Chile sought to block the inspectors from the mine.")
    assert not any(e.plover == "REQUEST" for e in a.events)
    b = read("Chile sought help from Peru after the floods.")
    assert any(e.plover == "REQUEST" and e.source == ["CHL"] and e.target == ["PER"] for e in b.events)


def test_asking_someone_a_question_is_no_request(read):
    assert not any(e.plover == "REQUEST" for e in read("Chile asked Peru a question about the border.").events)
    assert any(e.plover == "REQUEST" for e in read("Chile asked Peru for help after the floods.").events)


@pytest.mark.parametrize("text", [
    "The Chilean president signed the executive order on Monday.",
    "The bill was signed into law by the Chilean president.",
    "Chile's foreign minister signed a letter to the editors.",
])
def test_signing_a_bill_an_order_or_a_letter_is_no_agreement(read, text):
    assert not any(e.plover in {"SUPPORT", "AGREE"} for e in read(text).events)


def test_signing_an_accord_stays_an_agreement(read):
    assert any(e.plover == "SUPPORT" for e in read("Chile and Peru signed a trade accord in Lima.").events)


@pytest.mark.parametrize("text", ["Chile's foreign minister talked to reporters in Lima on Monday.",
                                  "The Chilean president talks to the media every week."])
def test_talking_to_reporters_is_a_statement_not_a_consultation(read, text):
    assert not any(e.plover == "CONSULT" for e in read(text).events)


def test_talking_with_a_counterpart_stays_a_consultation(read):
    a = read("Chile's foreign minister talked with Peru's foreign minister by phone.")
    assert any(e.plover == "CONSULT" for e in a.events)


@pytest.mark.parametrize("text, plover, source, target", [
    ("The decision drew condemnation from Peru on Monday.", "ACCUSE", "PER", None),
    ("Chile faced criticism from Peru over the border.", "ACCUSE", "PER", "CHL"),
    ("Chile won praise from Peru for the fishing deal.", "SUPPORT", "PER", "CHL"),
    ("Chile received aid from Peru after the floods.", "AID", "PER", "CHL"),
    ("The move followed pressure from Peru.", "REQUEST", "PER", None),
])
def test_the_from_phrase_of_a_said_act_names_who_said_it(read, text, plover, source, target):
    evs = [e for e in read(text).events if e.plover == plover]
    assert evs and evs[0].source == [source], [(e.plover, e.source, e.target) for e in read(text).events]
    assert target is None or evs[0].target == [target]


@pytest.mark.parametrize("text, source, target", [
    ("Chile's decision drew the ire of Peru.", "PER", "CHL"),
    ("Chile faced the wrath of Peru over the border.", "PER", "CHL"),
    ("Chile earned a rebuke from Peru on Monday.", "PER", "CHL"),
    ("The remarks by Chile provoked a backlash from Peru.", "PER", "CHL"),
    ("Chile's remarks sparked outrage among Peruvian lawmakers.", "PER", "CHL"),
])
def test_disapproval_drawn_or_caused_is_aimed_at_who_drew_or_caused_it(read, text, source, target):
    """ "X drew the ire of Y", "X's remarks sparked outrage among Y": Y disapproves of X; the one
    who draws or causes it is its target, never its doer."""
    evs = [e for e in read(text).events if e.plover == "ACCUSE"]
    assert evs and any(source in s for s in evs[0].source) and any(target in t for t in evs[0].target), \
        [(e.plover, e.source, e.target, e.rule) for e in read(text).events]


@pytest.mark.parametrize("second", ["The move drew sharp criticism from Bolivia.",
                                    "Bolivia said the decision was a reckless mistake.",
                                    "The decision sparked outrage among Bolivian lawmakers."])
def test_disapproval_of_an_act_named_before_is_aimed_at_its_doer(read, second):
    """ "The move drew criticism", "said the decision was a mistake": a definite description of an
    earlier act names whoever did it as the target."""
    evs = [e for e in read("Chile expelled Peru's ambassador on Monday. " + second).events if e.plover == "ACCUSE"]
    assert evs and any("BOL" in s for s in evs[0].source) and evs[0].target == ["CHL"], \
        [(e.plover, e.source, e.target, e.rule) for e in evs]


def test_an_act_named_before_needs_an_earlier_act(read):
    evs = [e for e in read("The weather was cold on Monday. The move drew criticism from Bolivia.").events
           if e.plover == "ACCUSE"]
    assert evs and not evs[0].target


def test_outrage_at_no_ones_act_has_no_target(read):
    assert not [e for e in read("The storm caused outrage among Chilean farmers.").events
                if e.plover == "ACCUSE" and e.target]


@pytest.mark.parametrize("text", ["Chile said the inquiry by Peru was a witch hunt.",
                                  "Chile said Peru's vote on the border was a stunt."])
def test_a_verdict_in_a_statement_survives_the_detector(read, text):
    """The detector learned statements as no event; the content of one ("said X was a sham") is
    read by the rules, and it does not veto that reading."""
    evs = [e for e in read(text).events if e.plover == "ACCUSE"]
    assert evs and evs[0].source == ["CHL"] and evs[0].target == ["PER"], [(e.plover, e.source, e.target, e.rule)
                                                                         for e in read(text).events]


def test_a_move_from_a_place_keeps_its_doer(read):
    evs = [e for e in read("Chilean troops withdrew from the town.").events if e.plover == "RETREAT"]
    assert evs and all("CHL" in s for e in evs for s in e.source)


@pytest.mark.parametrize("text", ["Peru dismissed warnings by Chile that it would face sanctions.",
                                  "Peru rejected the demand by Chile for talks."])
def test_a_reaction_to_an_act_is_aimed_at_its_doer(read, text):
    evs = [e for e in read(text).events if e.plover == "REJECT"]
    assert evs and evs[0].source == ["PER"] and evs[0].target == ["CHL"], [(e.plover, e.source, e.target) for e in evs]


@pytest.mark.parametrize(("text", "plover"), [
    ("Bolivia condemned Peru's arrest of the activist.", "ACCUSE"),
    ("Bolivia condemned the expulsion of the Chilean envoy by Peru.", "ACCUSE"),
    ("Bolivia praised Peru's release of the prisoners.", "SUPPORT"),
])
def test_a_reaction_is_aimed_at_the_doer_not_at_whom_the_act_was_done_to(read, text, plover):
    evs = [e for e in read(text).events if e.plover == plover]
    assert evs and evs[0].source == ["BOL"] and evs[0].target == ["PER"], [(e.plover, e.source, e.target) for e in evs]


@pytest.mark.parametrize("text", ["Chile's foreign minister stressed diplomacy during talks with Peru on Friday.",
                                  "Chile's foreign minister told reporters before a meeting with Peru's president."])
def test_who_speaks_around_a_meeting_takes_part_in_it(read, text):
    evs = [e for e in read(text).events if e.plover == "CONSULT"]
    assert evs and evs[0].source and all(s.startswith("CHL") or "chile" in s for s in evs[0].source), [
        (e.plover, e.source, e.target) for e in evs]


def test_what_happened_before_someone_spoke_is_not_theirs(read):
    a = read("After the attack on the embassy, Chile's president said the talks would go on.")
    assert not any(e.plover == "ASSAULT" and e.source for e in a.events)


@pytest.mark.parametrize("text", [
    "The virus has killed more than 2,000 people in Chile.",
    "Floods killed 40 villagers in southern Peru on Monday.",
    "An earthquake killed dozens of people in Ecuador.",
])
def test_harm_done_by_a_disease_or_a_natural_hazard_is_no_event(read, text):
    assert not [e for e in read(text).events if e.plover == "ASSAULT"]


@pytest.mark.parametrize("text", ["Gunmen killed two guards in Kabul.", "A car bomb killed two guards in Kabul."])
def test_harm_done_by_people_or_their_weapons_stays_an_event(read, text):
    assert [e for e in read(text).events if e.plover == "ASSAULT"]


@pytest.mark.parametrize("text", [
    "President Ilves backed away on Monday from the pension reform after the strikes.",
    "Chancellor Rauch backed down on the fuel tax after the protests.",
])
def test_a_phrasal_verb_is_not_its_bare_verb(read, text):
    evs = read(text, "2018-05-01").events
    assert not any(e.plover == "SUPPORT" for e in evs), [(e.plover, e.rule) for e in evs]
    assert any(e.plover == "CONCEDE" for e in evs), [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Critics attacked the president's failure to condemn President Sorin Vale for the raids.",
    "Lawmakers deplored the minister's refusal to recognise the Republic of Arland.",
])
def test_an_act_after_a_noun_of_failure_or_refusal_is_not_done(read, text):
    evs = read(text, "2018-05-01").events
    assert not any(e.modality == "asserted" and (":v:condemn:" in e.rule or ":v:recognise:" in e.rule)
                   for e in evs), [(e.plover, e.modality, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Chile's president attacked the opposition over the pension bill.",
    "Chile's president clashed with the news media over the leaked report.",
    "Chile's president has declared war on the parliament, the opposition said.",
    "Kofi Mensah fought the governor of Accra over the budget for months.",
])
def test_a_person_quarrelling_with_a_political_body_does_so_in_words(read, text):
    """The whole pipeline (generic agents from the actors component): a person fights the press, a
    party or the opposition in words: criticism (111), not force."""
    evs = read(text).events
    assert "ASSAULT" not in {e.plover for e in evs} and any(e.cameo == "111" for e in evs), \
        [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Gunmen attacked the offices of a newspaper in Santiago, Chile.",
    "Chilean soldiers fought rebels near the border with Peru.",
    "The president of Chile declared war on Peru after the border raid.",
])
def test_armed_men_attacking_a_newspaper_stay_force(read, text):
    """Force stays force when armed men act, or when a state is the target."""
    evs = read(text).events
    assert "ASSAULT" in {e.plover for e in evs}, [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "A Peruvian man flew to Santiago to see his cousins.",
    "A Bolivian tourist travelled to Chile last week.",
])
def test_ordinary_people_travelling_make_no_visit_of_state(read, text):
    evs = read(text).events
    assert not [e for e in evs if e.cameo.startswith("042")], [(e.plover, e.cameo, e.source, e.rule) for e in evs]


def test_an_official_travelling_still_visits(read):
    evs = read("Chile's foreign minister flew to Lima for talks with Peru.").events
    assert [e for e in evs if e.cameo.startswith("042")], [(e.plover, e.cameo, e.source, e.rule) for e in evs]


@pytest.mark.parametrize("text, accuse", [
    ("Rebel-piloted planes slammed into the towers in Accra.", False),
    ("Rebel fighters' trucks slammed into the gates of the barracks in Accra on Monday.", False),
    ("Rebel leaders slammed the government of Ghana over the fuel prices.", True),
])
def test_slamming_into_something_is_a_collision_not_criticism(read, text, accuse):
    """ "slammed into" a place or a thing is a collision; "slammed X over Y" is criticism."""
    evs = read(text).events
    assert bool([e for e in evs if e.plover == "ACCUSE"]) == accuse, [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Ghana's finance minister defended the decision on Monday.",
    "Ghana's president defended his record in a speech to parliament.",
    "Ghana's president defended the budget cuts in a radio interview.",
])
def test_a_defence_of_ones_own_acts_is_no_event(read, text):
    """CAMEO's verbal defence (052) defends an actor's acts; justifying one's own decision or record,
    or a thing of no one's, takes part in no interaction."""
    evs = read(text).events
    assert not [e for e in evs if e.cameo[:3] in ("052", "032")], [(e.plover, e.cameo, e.target) for e in evs]


@pytest.mark.parametrize("text, target", [
    ("Ghana's president defended Togo against the accusations.", "TGO"),
    ("Ghana's president defended Togo's decision to close the border.", "TGO"),
])
def test_defending_a_state_or_its_acts_is_support(read, text, target):
    ev = next(e for e in read(text).events if e.plover == "SUPPORT")
    assert ev.cameo == "052" and ev.target == [target]


@pytest.mark.parametrize("text", [
    "Ghana's opposition party opposed the government's plan to raise fuel taxes.",
    "Senators from Togo opposed the bill on Tuesday.",
    "Ghana's president opposes the proposal to close the border.",
])
def test_opposing_a_bill_or_a_plan_rejects_it(read, text):
    """Opposing a proposal (a bill, a plan, a nomination) rejects it: PLOVER REJECT, as analysts code
    it, not a disapproval of someone."""
    evs = read(text).events
    assert [e for e in evs if e.plover == "REJECT"] and not [e for e in evs if e.plover == "ACCUSE"], \
        [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text, plover", [
    ("Ghana's finance minister distanced himself from the president's remarks on Monday.", "ACCUSE"),
    ("Several Ghanaian candidates tore into him over the tax plan.", "ACCUSE"),
    ("Ghana's president took exception to the Togolese reporter's questions.", "ACCUSE"),
    ("Ghana's opposition leader came out against Togo's trade deal on Monday.", "REJECT"),
    ("Two Ghanaian soldiers testified against the Togolese commander on Tuesday.", "ACCUSE"),
    ("Ghana's senators balked at Togo's demand for compensation.", "REJECT"),
])
def test_idioms_of_disapproval_are_accusations_or_rejections(read, text, plover):
    """Distancing oneself from someone, tearing into them, taking exception to them, testifying
    against them (CAMEO 110-112); coming out against a proposal rejects it (120)."""
    evs = read(text).events
    assert [e for e in evs if e.plover == plover], [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Shrapnel tore into the walls of the embassy in Accra.",
    "Ghana's team came out on top against Togo in the final.",
    "Ghana's minister tried to distance the party from the scandal.",
])
def test_the_same_words_without_a_stance_are_no_accusation(read, text):
    evs = read(text).events
    assert not [e for e in evs if e.plover in {"ACCUSE", "REJECT"}], [(e.plover, e.cameo, e.rule) for e in evs]


def test_balking_at_an_act_refuses_it_and_does_not_do_it(read):
    evs = read("Ghana balked at sending troops to Togo.").events
    assert [e for e in evs if e.plover == "REJECT"], [(e.plover, e.cameo, e.rule) for e in evs]
    assert not [e for e in evs if e.plover == "MOBILIZE" and e.mode != "negated"], [(e.plover, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Ghana warned Togo not to send troops to the border.",
    "Ghana warned Togo against sending troops to the border.",
])
def test_a_warning_to_someone_not_to_act_threatens_them_and_codes_no_act(read, text):
    """What the addressee is warned against doing is the addressee's act, not done and not the
    warner's: the warning is a threat to them (CAMEO 13), not a threat of force nor a deployment."""
    evs = read(text).events
    assert not [e for e in evs if e.plover == "MOBILIZE"], [(e.plover, e.cameo, e.rule) for e in evs]
    assert not [e for e in evs if e.cameo == "138"], [(e.plover, e.cameo, e.rule) for e in evs]
    assert [e for e in evs if e.plover in {"THREATEN", "ACCUSE"} and e.target], [(e.plover, e.cameo, e.target)
                                                                                  for e in evs]


@pytest.mark.parametrize("text", [
    "Ghana's finance minister struggled to explain the budget on Monday.",
    "Farmers in Ghana who are struggling with the drought asked for help.",
])
def test_struggling_is_difficulty_not_an_assault(read, text):
    evs = read(text).events
    assert not [e for e in evs if e.plover == "ASSAULT"], [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text", [
    "Ghana halted talks with Togo on Monday.",
    "Ghana broke off negotiations with Togo on Monday.",
    "Ghana's president announced an end to negotiations with Togo.",
    "Ghana put an end to talks with Togo on Monday.",
])
def test_talks_that_are_ended_are_not_coded_as_held(read, text):
    """The end of an act under way is told, not a new act: no consultation is coded."""
    evs = read(text).events
    assert not [e for e in evs if e.plover == "CONSULT"], [(e.plover, e.cameo, e.rule) for e in evs]


def test_talks_held_at_the_end_of_a_week_are_held(read):
    evs = read("Ghana held talks with Togo at the end of the week.").events
    assert [e for e in evs if e.plover == "CONSULT"], [(e.plover, e.cameo, e.rule) for e in evs]


@pytest.mark.parametrize("text, lemma", [
    ("Ghana did not sign the accord, nor did it send troops to Togo.", "send"),
    ("Ghana neither signed the accord nor sent troops to Togo.", "sent"),
    ("Neither Ghana nor Benin sent troops to Togo last year.", "sent"),
])
def test_an_act_negated_by_neither_or_nor_is_not_asserted(read, text: str, lemma: str) -> None:
    """"nor did it send", "neither ... nor sent", "neither A nor B sent": no one sent troops."""
    a = read(text)
    start = a.article.text.index(lemma)
    assert not [e for e in a.events if e.predicate is not None and e.predicate.start == start
                and e.modality == "asserted" and not e.negated]


def test_an_act_feared_in_a_lest_clause_did_not_happen(read) -> None:
    a = read("Ghana sealed its eastern border lest Togo send troops across it.")
    start = a.article.text.index("send")
    assert not [e for e in a.events if e.predicate is not None and e.predicate.start == start]


def test_coordinated_acts_without_nor_stay_asserted(read) -> None:
    a = read("Ghana sent troops to Togo and signed the accord with Benin.")
    start = a.article.text.index("sent")
    assert [e for e in a.events if e.predicate is not None and e.predicate.start == start]


@pytest.mark.parametrize("text, source", [
    ("Opposition leaders in Ghana say the parliament is to blame for the crisis.", "GHAOPP"),
    ("“The parliament of Ghana is to blame for this crisis,” said Kofi Mensah, the opposition leader.",
     "kofi-mensah"),
    ("The parliament of Ghana is to blame for the crisis.", None),
])
def test_whoever_is_to_blame_is_blamed_not_blaming(read, text: str, source: str | None) -> None:
    """"X is to blame": an infinitive of passive sense; X is the target, the source is whoever says
    so (a reporting verb's subject, a quote's speaker), else unknown."""
    accusations = [e for e in read(text).events if e.plover == "ACCUSE"]
    assert accusations and all("GHALEG" in e.target for e in accusations)
    assert all(("GHALEG" not in e.source) for e in accusations)
    if source is not None:
        assert any(source in e.source for e in accusations)


def test_not_to_blame_blames_no_one(read) -> None:
    a = read("The parliament of Ghana is not to blame for the crisis, Kofi Mensah said.")
    assert not [e for e in a.events if e.plover == "ACCUSE"]


@pytest.mark.parametrize("text, plover, target", [
    ("Ghana voiced support for Togo in the border dispute.", "SUPPORT", "TGO"),
    ("Chile announced its backing for Peru's bid to host the summit.", "SUPPORT", "PER"),
    ("Ghana signaled support for Togo on Monday.", "SUPPORT", "TGO"),
    ("Chile voiced opposition to Peru's military buildup.", "ACCUSE", "PER"),
    ("Chile announced its opposition to Peru's fishing bill.", "REJECT", "PER"),
])
def test_support_or_opposition_voiced_is_that_stance(read, text: str, plover: str, target: str) -> None:
    """Voicing, announcing or signalling support for X supports X, as "expressed support" does;
    voicing opposition to X disapproves of X, as "opposed X" does, and to a bill or a plan rejects it."""
    events = read(text).events
    assert any(e.plover == plover and target in e.target for e in events), [
        (e.plover, e.source, e.target) for e in events]


@pytest.mark.parametrize("text", [
    "The union in Ghana fought for higher wages for nurses.",
    "Chile's opposition vowed to battle for every vote in the north.",
])
def test_fighting_for_a_cause_is_no_combat(read, text: str) -> None:
    """Fighting or battling for wages, rights or votes is a campaign, not force."""
    assert not any(e.plover in {"ASSAULT", "THREATEN"} for e in read(text).events), [
        (e.plover, e.source, e.target) for e in read(text).events]


def test_an_armed_body_fighting_for_a_cause_still_fights(read) -> None:
    assert any(e.plover == "ASSAULT" for e in read("Rebels in Mali fought for the rights of the north.").events)


def test_a_trip_within_the_travellers_own_state_is_no_visit(read) -> None:
    """A head of state flying to a city of their own state makes no visit of state; to another
    state's city they do."""
    home = read("The president of Ghana, John Mahama, flew to Kumasi on Friday.").events
    abroad = read("The president of Ghana, John Mahama, flew to Lome on Friday.").events
    assert not [e for e in home if e.plover == "CONSULT"], [(e.plover, e.source, e.target) for e in home]
    assert [e for e in abroad if e.plover == "CONSULT" and "TGO" in e.target], [
        (e.plover, e.source, e.target) for e in abroad]


# ---- removals from a post, leave, contempt, tariffs: PLOVER SANCTION --------------------------
@pytest.mark.parametrize("text", [
    "The Chicago police department fired two officers on Friday.",
    "The Chicago police department placed the officer on administrative leave.",
    "Lawmakers in Lima ousted the speaker of the assembly in March.",
    "Governor Ann Marlow removed the state health director from her post.",
    "Mayor Ann Marlow suspended the city's fire chief without pay.",
    "A Senate panel voted on Tuesday to hold Interior Secretary Ann Marlow in contempt of Congress.",
    "A federal judge held the Kenyan official in contempt of court.",
    "Washington raised tariffs on Chinese imports last week.",
    "Beijing imposed 25% levies on American soybeans.",
    "The European Union increased duties on Chinese steel.",
])
def test_removal_leave_contempt_and_tariffs_are_sanctions(read, text):
    assert "SANCTION" in {e.plover for e in read(text).events}, text


@pytest.mark.parametrize("text", [
    "Soldiers fired on the crowd in Lima.",
    "The rebels fired rockets at the airport in Aden.",
    "The company raised prices in Brazil.",
    "The minister placed flowers on the memorial in Kyiv.",
    "Police removed protesters from the square in Minsk.",
    "The Kenyan president holds the press in contempt.",
])
def test_sanction_words_in_other_senses_are_no_sanction(read, text):
    assert "SANCTION" not in {e.plover for e in read(text).events}, text


# ---- an act to come: an intent only when announced or addressed ---------------------------------
@pytest.mark.parametrize("text", [
    "The Harvard project will release a guide for campaigns in March.",
    "The Kenyan administration was planning to provide new funds.",
    "Critics want the Kenyan president to explain how he will fund the repairs.",
])
def test_an_unannounced_act_to_come_with_no_counterpart_is_no_intent(read, text):
    assert "AGREE" not in {e.plover for e in read(text).events}, text


@pytest.mark.parametrize("text", [
    "The Kenyan government said it would provide more funds for schools.",
    "The Kenyan ministry said it would reopen the border.",
    "\u201cWe will send more doctors,\u201d the Kenyan health minister said.",
    "The Kenyan government will provide new funds to Uganda.",
])
def test_an_announced_or_addressed_act_to_come_is_an_intent(read, text):
    assert "AGREE" in {e.plover for e in read(text).events}, text


# ---- what an act was for is not told as done ----------------------------------------------------
@pytest.mark.parametrize("text, aim", [
    ("The Kenyan army sent troops to the border to attack the rebels.", "ASSAULT"),
    ("Kenya deployed two brigades to the north to fight the Somali militants.", "ASSAULT"),
    ("Kenyan police raided the offices of the newspaper to arrest its editor.", "173"),
])
def test_the_aim_of_an_act_is_not_done(read, text, aim):
    evs = read(text).events
    assert aim not in {e.plover for e in evs} | {e.cameo for e in evs}, text


@pytest.mark.parametrize("text, plover", [
    ("The Kenyan army attacked the rebels near the border.", "ASSAULT"),
    ("Kenya agreed to withdraw its troops from Somalia.", "AGREE"),
    ("The Kenyan government decided to expel the Somali ambassador.", "SANCTION"),
])
def test_acts_that_are_no_aim_stay(read, text, plover):
    assert plover in {e.plover for e in read(text).events}, text


@pytest.mark.parametrize("text, plover", [
    ("Thousands of Kenyans gathered in Nairobi to denounce the new tax law.", "ACCUSE"),
    ("The Kenyan president went on television to criticize the Somali government.", "ACCUSE"),
])
def test_a_verbal_aim_is_met_by_the_act_that_serves_it(read, text, plover):
    assert plover in {e.plover for e in read(text).events}, text


# ---- criticism undergone, retorts and scorn: ACCUSE ---------------------------------------------
@pytest.mark.parametrize("text, source, target", [
    ("Kenyan President Uhuru Kenyatta faced allegations of corruption last year.", None, "uhuru-kenyatta"),
    ("Kenyan President Uhuru Kenyatta faced sharp criticism from Kenyan lawmakers.", "KENLEG", "uhuru-kenyatta"),
    ("Kenyan President Uhuru Kenyatta came under fire for his tax plan.", None, "uhuru-kenyatta"),
    ("Kenyan President Uhuru Kenyatta drew criticism from Somali officials.", "SOMGOV", "uhuru-kenyatta"),
    ("Kenyan President Uhuru Kenyatta snapped back at Somali officials on Friday.", "uhuru-kenyatta", "SOMGOV"),
    ("Protesters in Nairobi booed Kenyan President Uhuru Kenyatta.", "KENOPP", "uhuru-kenyatta"),
    ("Kenyan President Uhuru Kenyatta declared the Somali vote a sham.", "uhuru-kenyatta", None),
])
def test_criticism_undergone_retorts_and_scorn_are_accusations(read, text, source, target):
    evs = [e for e in read(text).events if e.plover == "ACCUSE"]
    assert evs, text
    assert any((source is None or source in e.source) and (target is None or target in e.target) for e in evs), \
        [(e.source, e.target) for e in evs]


@pytest.mark.parametrize("text", [
    "Kenyan President Uhuru Kenyatta faced a tough re-election race.",
    "Kenyan President Uhuru Kenyatta faced reporters in Nairobi on Monday.",
    "Kenyan troops came under fire from Somali militants near the border.",
    "The Kenyan ministry declared a state of emergency in Nairobi.",
])
def test_facing_and_declaring_in_other_senses_are_no_accusation(read, text):
    assert "ACCUSE" not in {e.plover for e in read(text).events}, text


@pytest.mark.parametrize("text, target", [
    ("The Kenyan ministry asked for parliament to act immediately.", "KENLEG"),
    ("The Kenyan ministry asked on Monday for Somalia to reopen the border.", "SOM"),
])
def test_the_subject_of_a_for_clause_is_the_one_asked(read, text, target):
    evs = [e for e in read(text).events if e.plover == "REQUEST"]
    assert any(target in e.target for e in evs), [(e.source, e.target) for e in evs]


def test_criticism_drawn_by_an_earlier_act_targets_its_doer(read):
    text = ("The Kenyan army shelled the Somali town of Kismayo on Monday.\n\n"
            "The attack drew sharp criticism from Somali officials.")
    evs = [e for e in read(text).events if e.plover == "ACCUSE"]
    assert any("SOMGOV" in e.source and "KENMIL" in e.target for e in evs), [(e.source, e.target) for e in evs]


@pytest.mark.parametrize("text, target", [
    ("The Kenyan ministry waved off the Somali complaint.", "SOM"),
    ("The Kenyan minister pushed back against a question from Somali officials.", "SOMGOV"),
    ("Kenyan President Uhuru Kenyatta shrugged off the Somali request.", "SOM"),
])
def test_waving_off_and_pushing_back_reject(read, text, target):
    evs = [e for e in read(text).events if e.plover == "REJECT"]
    assert any(target in e.target for e in evs), [(e.plover, e.source, e.target) for e in read(text).events]


def test_pushing_back_a_date_is_no_rejection(read):
    assert "REJECT" not in {e.plover for e in read("Kenyan officials pushed back the vote to March.").events}


def test_a_pattern_may_ask_for_the_of_phrase_on_its_object(read):
    """"took control of the town": the parse hangs "of" on "control", where a pattern still finds it."""
    evs = read("The Kenyan army took control of the town on Monday.").events
    assert any(e.cameo == "192" and "KENMIL" in e.source for e in evs), [(e.cameo, e.source) for e in evs]


@pytest.mark.parametrize("text", [
    "Rebels targeted a government convoy near the border on Tuesday.",
    "The army targeted the camps with artillery.",
    "The convoy was targeted by gunmen near the town.",
    "Israel targeted Hamas commanders in Gaza.",
    "The Taliban targeted a police checkpoint in Kunduz.",
])
def test_targeting_by_armed_bodies_or_with_weapons_is_an_assault(read, text):
    assert [e.cameo for e in read(text).events] == ["190"]


@pytest.mark.parametrize("text", [
    "The senator's campaign targeted suburban voters with new ads.",
    "The union targeted three lawmakers in its spring mailers.",
    "House Democrats are targeting a limited number of the president's companies.",
    "The governor targeted wasteful agencies in his first budget.",
])
def test_targeting_by_a_campaign_is_no_assault(read, text):
    assert not [e for e in read(text).events if e.cameo.startswith(("18", "19", "20"))]


@pytest.mark.parametrize("text", [
    "The two senators battled over the budget for weeks.",
    "The governor is locked in a battle for power with the legislature.",
    "Both parties have feuded for months over the election law.",
])
def test_a_contest_in_words_with_one_side_named_is_no_fight(read, text):
    assert not [e for e in read(text).events if e.cameo.startswith(("18", "19", "20"))]


@pytest.mark.parametrize("text", [
    "Rebels battled for control of the northern town.",
    "Government troops fought for the airport overnight.",
    "Police fought with protesters outside the parliament.",
])
def test_a_fight_by_those_who_can_fight_stays_one(read, text):
    assert [e.cameo for e in read(text).events if e.cameo.startswith(("18", "19", "20"))]


@pytest.mark.parametrize("text", [
    "The province was hit by floods last week.",
    "Dozens of villagers were killed by the virus in the north.",
])
def test_harm_by_a_natural_hazard_in_the_passive_is_no_event(read, text):
    assert not [e for e in read(text).events if e.cameo.startswith(("18", "19", "20"))]


def test_harm_by_someone_in_the_passive_stays(read):
    assert [e for e in read("The village was attacked by gunmen on Sunday.").events if e.plover == "ASSAULT"]
