"""The coder's argument, frame, modality and discourse rules, each on sentences written for it.

Actors are given by hand (as in test_events_coder) so that only the coder is under test; a few
tests add places the way the places component would.
"""

from __future__ import annotations

import re

import pytest

from newsgraph.events import coder_for
from newsgraph.model import Actor, Analysis, Article, Mention, Place, Span

COUNTRIES = {"Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Kenya": "KEN", "Ghana": "GHA",
             "Togo": "TGO", "Nepal": "NPL", "Laos": "LAO", "Somalia": "SOM"}


def analyse(nlp, text: str, extra: dict[str, tuple[str, str, str | None]] | None = None,
            places: dict[str, str] | None = None, published: str = "2022-05-17") -> Analysis:
    """Actors for the country names above and ``extra`` phrases; places {name: ISO3}."""
    table = {name: (code, "country", code) for name, code in COUNTRIES.items()}
    table.update(extra or {})
    actors: dict[str, Actor] = {}
    for phrase, (aid, kind, country) in sorted(table.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text):
            if any(x.start < m.end() and m.start() < x.end for a in actors.values() for x in a.mentions):
                continue  # a longer phrase already claims it
            a = actors.setdefault(aid, Actor(id=aid, name=phrase, kind=kind, country=country))
            a.mentions.append(Mention(m.start(), m.end(), m.group(0)))
    found_places = []
    for name, iso3 in (places or {}).items():
        for m in re.finditer(re.escape(name), text):
            found_places.append(Place(id=f"geo:{name}", name=name, country=iso3,
                                      mentions=[Span(m.start(), m.end(), name)]))
    analysis = Analysis(article=Article(id="r1", text=text, published=published), actors=list(actors.values()),
                        places=found_places)
    analysis.doc = nlp(text)
    return analysis


def events(nlp, text: str, **kw):
    return coder_for({"events": {}}).events(analyse(nlp, text, **kw))


def one(evs, plover):
    found = [e for e in evs if e.plover == plover]
    assert found, f"no {plover} among {[(e.plover, e.cameo, e.source, e.target, e.rule) for e in evs]}"
    return found[0]


def sides(ev):
    return set(ev.source), set(ev.target)


# ---- arguments ---------------------------------------------------------------------------------------

def test_pronoun_bound_by_the_reporting_subject(nlp):
    ev = one(events(nlp, "Nepal said it would send food aid to Laos."), "AGREE")
    assert sides(ev) == ({"NPL"}, {"LAO"}) and ev.cameo.startswith("033") and ev.mode == "future"
    ev = one(events(nlp, "Norway says it is willing to withdraw its ships from Chile."), "AGREE")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_pronoun_must_fit_its_antecedent(nlp):
    extra = {"President Mwale": ("mwale", "person", "KEN")}
    evs = events(nlp, "President Mwale said it would attack Ghana.", extra=extra)
    assert not [e for e in evs if "mwale" in e.source]  # "it" is not a person


def test_each_other_is_reciprocal(nlp):
    ev = one(events(nlp, "Ghana and Togo accused each other of shelling border villages."), "ACCUSE")
    assert sides(ev) == ({"GHA", "TGO"}, {"GHA", "TGO"}) and "each-other" in ev.rule


def test_the_two_sides_are_the_last_pair(nlp):
    text = "Peru and Bolivia exchanged fire along the border on Sunday. Chile urged the two sides to hold talks."
    ev = one(events(nlp, text), "REQUEST")
    assert ev.source == ["CHL"] and set(ev.target) == {"PER", "BOL"}


def test_the_two_governments_are_the_countries_of_the_last_dyad(nlp):
    extra = {"Prime Minister Dahl": ("dahl", "person", "NOR"), "President Rojas": ("rojas", "person", "CHL")}
    text = ("Prime Minister Dahl met President Rojas in Oslo on Monday. "
            "The two governments agreed to expand trade.")
    ev = one(events(nlp, text, extra=extra), "AGREE")
    assert sides(ev) == ({"NOR", "CHL"}, {"NOR", "CHL"})


def test_adjectival_passive_subject_is_the_doer(nlp):
    ev = one(events(nlp, "Kenya is committed to sending aid to Somalia."), "AGREE")
    assert ev.source == ["KEN"] and ev.target == ["SOM"]
    extra = {"Chilean troops": ("CHLMIL", "group", "CHL"), "Peruvian rebels": ("PERREB", "group", "PER")}
    ev = one(events(nlp, "Chilean troops were engaged in heavy fighting with Peruvian rebels.", extra=extra),
             "ASSAULT")
    assert ev.source == ["CHLMIL"] and ev.target == ["PERREB"]


def test_subject_control_verbs(nlp):
    ev = one(events(nlp, "Norway used the summit to criticise Chile."), "ACCUSE")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_possessive_pronoun_yields_to_a_named_recipient(nlp):
    ev = one(events(nlp, "Peru reneged on its commitment to Bolivia."), "REJECT")
    assert sides(ev) == ({"PER"}, {"BOL"})


def test_phrases_on_the_objects_of_phrase(nlp):
    ev = one(events(nlp, "Norway speeded up the withdrawal of its soldiers from Chile."), "RETREAT")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_participle_places_a_population(nlp):
    ev = one(events(nlp, "Norway sent food aid to refugees fleeing the fighting in Chile."), "AID")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_agent_of_a_participle_on_the_object(nlp):
    ev = one(events(nlp, "Norway criticised the sanctions imposed by Chile."), "ACCUSE")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_event_noun_after_a_motion_verb_takes_its_subject(nlp):
    extra = {"Peruvian": ("PER", "country", "PER"), "Bolivian": ("BOL", "country", "BOL")}
    ev = one(events(nlp, "Peruvian and Bolivian negotiators returned to Geneva for talks.", extra=extra), "CONSULT")
    assert sides(ev) == ({"PER", "BOL"}, {"PER", "BOL"})


def test_reciprocity_needs_a_joint_act(nlp):
    # a promise is one-sided: no "Norway -> Norway" from "promised aid"
    assert not events(nlp, "Norway promised more aid.")
    extra = {"Chilean officials": ("CHLGOV", "group", "CHL")}
    assert not events(nlp, "Chilean officials agreed on Monday.", extra=extra)  # one country's officials


# ---- frames ------------------------------------------------------------------------------------------

def test_agreeing_to_sanction_is_the_sanction(nlp):
    ev = one(events(nlp, "Norway and Chile agreed to impose sanctions on Peru."), "SANCTION")
    assert ev.cameo == "163" and ev.target == ["PER"]
    ev = one(events(nlp, "Norway agreed to send medicine to Chile."), "AGREE")
    assert ev.cameo == "0333" and ev.mode == "future"


def test_a_decision_is_coded_as_what_it_decides(nlp):
    evs = events(nlp, "Peru decided to lift sanctions on Bolivia.")
    assert [e.cameo for e in evs] == ["085"] and evs[0].source == ["PER"] and evs[0].target == ["BOL"]


def test_helper_verb_gives_way_to_its_complement(nlp):
    ev = one(events(nlp, "Kenya helped support Somalia's new government."), "SUPPORT")
    assert sides(ev) == ({"KEN"}, {"SOM"})
    assert not [e for e in events(nlp, "Kenya helped support Somalia's new government.") if e.plover == "AID"]


def test_preparing_an_attack_through_an_aspect_verb(nlp):
    extra = {"Chilean army": ("CHLMIL", "group", "CHL")}
    ev = one(events(nlp, "The Chilean army prepared to resume shelling Peru.", extra=extra), "MOBILIZE")
    assert ev.cameo == "150" and sides(ev) == ({"CHLMIL"}, {"PER"})


def test_demand_targets_whoever_must_act(nlp):
    extra = {"Bolivian fishermen": ("BOLAGR", "group", "BOL")}
    ev = one(events(nlp, "Norway reiterated its demand that Chile ease restrictions on Bolivian fishermen.",
                    extra=extra), "REQUEST")
    assert ev.target == ["CHL"]


def test_compulsion_by_no_one_is_not_an_event(nlp):
    ev = one(events(nlp, "Chile said it would be forced to take countermeasures against Peru."), "THREATEN")
    assert sides(ev) == ({"CHL"}, {"PER"}) and ev.mode == "future"
    assert not [e for e in events(nlp, "Chile took countermeasures against Peru.") if e.plover == "THREATEN"]


# ---- modality and conditions -------------------------------------------------------------------------

def test_conditional_threat_targets_the_condition(nlp):
    ev = one(events(nlp, "Norway threatened to cut aid if Chile held the vote."), "THREATEN")
    assert sides(ev) == ({"NOR"}, {"CHL"}) and ev.mode == "hypothetical"
    ev = one(events(nlp, "Kenya warned that it would respond if Ghana closed the border."), "THREATEN")
    assert sides(ev) == ({"KEN"}, {"GHA"}) and ev.mode == "hypothetical"


def test_mode_is_modality_and_plover_mode_is_separate(nlp):
    ev = one(events(nlp, "Norway accused Chile of fraud."), "ACCUSE")
    assert ev.mode is None and ev.plover_mode == "allege"
    assert ev.to_dict()["plover_mode"] == "allege"


def test_relative_dates_follow_the_telling_not_the_intent(nlp):
    ev = one(events(nlp, "Norway agreed on Thursday to send aid to Chile."), "AGREE")
    assert ev.date == "2022-05-12"  # the Thursday before publication, though the aid is to come


def test_dates_from_the_governing_clause(nlp):
    ev = one(events(nlp, "Kenya last Thursday became the first country to recognise Somalia."), "SUPPORT")
    assert ev.date == "2022-05-12"
    ev = one(events(nlp, "Norway announced on Monday that Chile had agreed to release Peruvian fishermen.",
                    extra={"Peruvian": ("PER", "country", "PER")}), "AGREE")
    assert ev.date == "2022-05-16"


# ---- inferred targets and sources -------------------------------------------------------------------

def test_domestic_coercion_targets_the_coercers_country(nlp):
    extra = {"Ghanaian police": ("GHACOP", "group", "GHA")}
    analysis = analyse(nlp, "Ghanaian police arrested dozens of students on Friday.", extra=extra)
    ev = one(coder_for({"events": {}}).events(analysis), "COERCE")
    assert ev.source == ["GHACOP"] and ev.target == ["GHA"] and "domestic" in ev.rule
    implied = analysis.actor("GHA")
    assert implied is not None and implied.kind == "country" and not implied.mentions


def test_threatened_curfew_is_domestic(nlp):
    extra = {"President Mwale": ("mwale", "person", "KEN")}
    ev = one(events(nlp, "President Mwale threatened to impose a curfew in the capital.", extra=extra),
             "THREATEN")
    assert ev.target == ["KEN"]


def test_crowd_placed_by_the_clause(nlp):
    ev = one(events(nlp, "Hundreds of protesters rallied in Lima against the new tax.", places={"Lima": "PER"}),
             "PROTEST")
    assert ev.source == ["PER"] and ev.target == ["PER"] and "located-population" in ev.rule
    assert ev.confidence < 0.7


def test_agentless_attack_noun_with_a_named_victim(nlp):
    ev = one(events(nlp, "An air strike on Bolivia left ten people dead."), "ASSAULT")
    assert ev.source == [] and ev.target == ["BOL"]
    extra = {"Chilean soldiers": ("CHLMIL", "group", "CHL")}
    ev = one(events(nlp, "A car bombing killed two Chilean soldiers.", extra=extra), "ASSAULT")
    assert ev.source == [] and ev.target == ["CHLMIL"]


def test_lifted_sanctions_are_not_imposed_ones(nlp):
    evs = events(nlp, "Lifting the sanctions on Bolivia is out of the question.")
    assert not [e for e in evs if e.plover == "SANCTION"]


# ---- discourse ---------------------------------------------------------------------------------------

def test_definite_attack_refers_to_the_earlier_one(nlp):
    text = "Peru shelled Bolivian border posts on Monday. Norway condemned the attack."
    ev = one(events(nlp, text, extra={"Bolivian": ("BOL", "country", "BOL")}), "ACCUSE")
    assert sides(ev) == ({"NOR"}, {"PER"}) and "anaphora" in ev.rule


def test_the_decision_refers_to_a_recent_act(nlp):
    ev = one(events(nlp, "Chile invited Peru to join the trade pact. Norway welcomed the decision."), "SUPPORT")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_a_response_targets_whoever_acted_against_the_responder(nlp):
    extra = {"Chilean diplomats": ("CHLGOV", "group", "CHL")}
    ev = one(events(nlp, "Norway expelled two Chilean diplomats. Chile hit back on Friday.", extra=extra), "ACCUSE")
    assert sides(ev) == ({"CHL"}, {"NOR"}) and "response" in ev.rule


# ---- dictionary additions ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "plover", "cameo", "source", "target"), [
    ("Peru pulled out of the fishing agreement with Chile.", "SANCTION", "161", "PER", "CHL"),
    ("Thousands of Bolivians sought refuge in Peru.", "REQUEST", "0233", "BOL", "PER"),
    ("Norway called the election in Chile a sham.", "ACCUSE", "111", "NOR", "CHL"),
    ("Norway approved the sale of fighter jets to Chile.", "AGREE", "0312", "NOR", "CHL"),
    ("Kenya submitted an application for membership of the Andean Pact.", "REQUEST", "020", "KEN", "ANDEAN"),
    ("Kenya became a full member of the Andean Pact.", "SUPPORT", "050", "KEN", "ANDEAN"),
])
def test_new_patterns(nlp, text, plover, cameo, source, target):
    extra = {"Bolivians": ("BOL", "country", "BOL"), "Andean Pact": ("ANDEAN", "organization", None)}
    ev = one(events(nlp, text, extra=extra), plover)
    assert ev.cameo == cameo and source in ev.source and target in ev.target


def test_evidence_covers_what_was_agreed(nlp):
    ev = one(events(nlp, "Norway and Chile agreed that Chile would buy four Norwegian frigates."), "AGREE")
    assert "buy" in ev.evidence.text and "frigates" in ev.evidence.text


def test_patient_nouns_take_their_possessor_as_target(nlp):
    extra = {"Kenyan police": ("KENCOP", "group", "KEN"), "Ali Hassan": ("ali-hassan", "person", "SOM")}
    evs = events(nlp, "Kenyan police confirmed Ali Hassan's arrest in Nairobi.", extra=extra)
    assert not [e for e in evs if e.source == ["ali-hassan"]]  # "his arrest": he did not arrest anyone


def test_protest_in_defiance_of(nlp):
    extra = {"Chilean authorities": ("CHLGOV", "group", "CHL")}
    ev = one(events(nlp, "Thousands of people blocked roads in Lima in defiance of Chilean authorities.",
                    extra=extra, places={"Lima": "PER"}), "PROTEST")
    assert ev.source == ["PER"] and ev.target == ["CHLGOV"]


def test_aid_suspended_in_a_place_is_withheld_from_its_country(nlp):
    ev = one(events(nlp, "Norway suspended aid deliveries in Lima on Monday.", places={"Lima": "PER"}), "SANCTION")
    assert sides(ev) == ({"NOR"}, {"PER"})


def test_out_of_phrases(nlp):
    extra = {"Kenyan peacekeepers": ("KENMIL", "group", "KEN")}
    ev = one(events(nlp, "Kenyan peacekeepers were shipped out of Somalia on Friday.", extra=extra), "SANCTION")
    assert ev.source == ["KENMIL"] and ev.target == ["SOM"] and "moved-troops" in ev.rule


def test_words_that_only_look_like_events(nlp):
    extra = {"Mr Lopez": ("lopez", "person", "CHL"), "Ms Soto": ("soto", "person", "CHL")}
    assert not events(nlp, "The custody battle between Mr Lopez and Ms Soto ended.", extra=extra)
    assert not events(nlp, "A fire destroyed two hundred homes in Peru.")
    assert not [e for e in events(nlp, "The president of Chile was sworn in at noon in Peru.") if e.plover == "AGREE"]


def test_obligation_is_not_an_act_done(nlp):
    ev = one(events(nlp, "Norway must send aid to Chile."), "AID")
    assert ev.mode == "hypothetical"


def test_relational_nouns_are_not_their_possessor(nlp):
    evs = events(nlp, "Norway urged its allies to sanction Chile.")
    assert not [e for e in evs if e.plover == "REQUEST" and e.target == ["NOR"]]


def test_conjoined_verbs_share_their_object(nlp):
    evs = events(nlp, "Norway donated and delivered medicine to Chile.")
    assert {e.cameo for e in evs if sides(e) == ({"NOR"}, {"CHL"})} >= {"071", "073"}


def test_weapons_and_transfers(nlp):
    ev = one(events(nlp, "Norway said it would give Chile new air defence systems."), "AGREE")
    assert ev.cameo == "0332" and sides(ev) == ({"NOR"}, {"CHL"})
    ev = one(events(nlp, "The transfer of fighter jets from Norway to Chile began."), "AID")
    assert sides(ev) == ({"NOR"}, {"CHL"})


def test_date_of_the_report_that_carries_the_clause(nlp):
    text = "Kenya opened the summit on Monday by announcing that it would send troops to Somalia."
    ev = one(events(nlp, text), "MOBILIZE")
    assert ev.date == "2022-05-16" and sides(ev) == ({"KEN"}, {"SOM"}) and ev.mode == "future"


@pytest.mark.parametrize(("text", "cameo"), [
    ("Kenya expelled the Norwegian peacekeepers.", "1661"),
    ("Kenya expelled two inspectors from Norway.", "1662"),
    ("Kenya expelled the Norwegian aid agencies.", "1663"),
    ("A Kenyan court found the Norwegian captain guilty of smuggling.", "116"),
    ("Norway gave Chile a deadline to withdraw its ships.", "139"),
    ("Norway is pressuring Chile to reopen the border.", "10"),
    ("Norway lifted its boycott of Chilean wine.", "085"),
    ("Norway shared evidence with Chile about the smuggling ring.", "064"),
    ("Norway contributed ten million dollars to the Chilean relief fund.", "070"),
    ("Kenya announced the deployment of troops to Somalia on a peacekeeping mission.", "074"),
    ("Kenyan soldiers arrived in Somalia to deliver food aid.", "07"),
])
def test_codes_from_the_codebook(nlp, text, cameo):
    extra = {"Norwegian": ("NOR", "country", "NOR"), "Chilean": ("CHL", "country", "CHL"),
             "Kenyan": ("KEN", "country", "KEN"), "Norwegian peacekeepers": ("NORMIL", "group", "NOR"),
             "Norwegian aid agencies": ("NORNGO", "group", "NOR"), "Norwegian captain": ("NORCVL", "group", "NOR"),
             "Kenyan soldiers": ("KENMIL", "group", "KEN")}
    codes = [e.cameo for e in events(nlp, text, extra=extra)]
    assert any(code.startswith(cameo) for code in codes), codes


def test_kept_negations_say_how_they_are_negated(nlp):
    from newsgraph.events.coder import Coder
    from newsgraph.events.dictionary import load_dictionary

    coder = Coder(load_dictionary(), keep_negated=True)
    ev = one(coder.events(analyse(nlp, "Norway did not attack Chile.")), "ASSAULT")
    assert ev.negated and ev.mode == "negated"
    ev = one(coder.events(analyse(nlp, "Norway denied attacking Chile.")), "ASSAULT")
    assert ev.negated and ev.mode == "denied"


def test_inferred_sides_can_be_switched_off(nlp):
    text = "Peru shelled Bolivian border posts on Monday. Norway condemned the attack."
    analysis = analyse(nlp, text, extra={"Bolivian": ("BOL", "country", "BOL")})
    evs = coder_for({"events": {"infer_sides": False}}).events(analysis)
    assert not [e for e in evs if e.plover == "ACCUSE"]


def test_protest_purpose_names_the_addressee(nlp):
    ev = one(events(nlp, "Students in Lima blocked a road to show their anger at Chile's fishing policy.",
                    places={"Lima": "PER"}), "PROTEST")
    assert ev.source == ["PER"] and ev.target == ["CHL"]
