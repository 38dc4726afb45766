"""Speech only, and calibrated confidence (issue 15).

Each rule has phrasings written for these tests where it must fire and a near miss where it must
not. No sentence here comes from ../shared.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from newsgraph.model import Analysis, Article
from newsgraph.quotes import build_quotes, confidence, find_attributions


def run(nlp: Any, text: str, body_start: int = 0, **options: bool) -> Analysis:
    doc = nlp(text)
    analysis = Analysis(article=Article(id="t", text=text, body_start=body_start), doc=doc, actors=[])
    analysis.quotes = build_quotes(analysis, find_attributions(text, doc, **options))
    return analysis


def has(analysis: Analysis, words: str) -> bool:
    return any(words in q.text for q in analysis.quotes)


def mention(analysis: Analysis, words: str) -> str | None:
    q = next(q for q in analysis.quotes if words in q.text)
    return q.speaker_mention.text if q.speaker_mention else None


# ---- speech not (yet) made: an infinitive under intention, expectation, attempt, refusal ----------

@pytest.mark.parametrize("text, words", [
    ("The governor plans to announce that the steel plant will close in spring.", "plant will close"),
    ("The senator is expected to argue that the new tariff hurts dairy farmers.", "tariff hurts"),
    ("The minister declined to say whether the northern border would reopen.", "border would reopen"),
    ("Her lawyers will try to claim that the contract was never signed.", "contract was never"),
])
def test_unrealised_speech_is_not_a_quote(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


@pytest.mark.parametrize("text, words", [
    ("The governor went on to say that the steel plant will close in spring.", "plant will close"),
    ("The governor announced that the steel plant will close in spring.", "plant will close"),
])
def test_speech_that_happened_stays(nlp: Any, text: str, words: str) -> None:
    assert has(run(nlp, text), words)


# ---- the writer's connectives ---------------------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("She is touring the coast on Friday and may win the port towns. That said, the governor cannot "
     "realistically win a majority in the assembly this year.", "governor cannot"),
    ("The party is spending heavily in the south and could gain seats. That said, Moreno still trails "
     "the incumbent by nine points.", "Moreno still trails"),
    ("He is campaigning in the valley and could split the farm vote. Having said that, Okafor remains "
     "the favourite in the northern districts.", "Okafor remains"),
    ("The count went on all night. Needless to say, the second vote was far closer than the first.", "second vote"),
])
def test_discourse_connectives_report_nothing(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_real_report_after_said_and_a_comma_stays(nlp: Any) -> None:
    a = run(nlp, "The mayor said that, in her view, the harbour will stay open until June.")
    assert has(a, "harbour will stay open") and mention(a, "harbour will stay open") == "The mayor"


# ---- nothing said: a negated report of a question or of a thing ---------------------------------

@pytest.mark.parametrize("text, words", [
    ("The minister did not say whether the northern border would reopen.", "border would reopen"),
    ("The envoy never revealed who had sent the anonymous letter.", "sent the anonymous"),
    ("The company hasn't explained how it would pay the fines.", "pay the fines"),
    ("The mayor did not reveal her choice for the housing post.", "choice for the housing"),
])
def test_negated_reports_of_questions_and_things_are_not_quotes(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text, unquoted_objects=True), words)


@pytest.mark.parametrize("text, words", [
    ("The governor did not criticize the union publicly for the strike.", "union publicly"),
    ("The coach never praised the referees for their calls.", "referees for"),
    ("The envoy did not accuse the northern rebels of breaking the truce.", "breaking the truce"),
])
def test_a_negated_judgement_voiced_nothing(nlp: Any, text: str, words: str) -> None:
    """"did not criticize X for Y": no criticism was voiced, so there is nothing to attribute."""
    assert not has(run(nlp, text), words)


def test_a_judgement_voiced_stays(nlp: Any) -> None:
    assert has(run(nlp, "The envoy accused the northern rebels of breaking the truce."), "breaking the truce")


def test_a_negated_that_clause_stays_and_is_marked_negated(nlp: Any) -> None:
    a = run(nlp, "The minister did not say that the northern border would reopen.")
    assert has(a, "border would reopen")
    q = next(q for q in a.quotes if "border would reopen" in q.text)
    assert a.scratch["quotes"][q.id]["negated"] is True


def test_an_affirmed_object_report_stays(nlp: Any) -> None:
    assert has(run(nlp, "The mayor revealed her choice for the housing post on Monday.", unquoted_objects=True),
               "choice for the housing")


# ---- the plain object of an act is its target, not what was said --------------------------------

@pytest.mark.parametrize("text, words", [
    ("Protesters interrupted the rally in the main square twice.", "rally"),
    ("The crowd chanted his name for almost an hour.", "his name"),
    ("The rebels threatened the village elders with reprisals.", "village elders"),
])
def test_target_objects_are_not_contents(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_threat_with_its_infinitive_stays(nlp: Any) -> None:
    a = run(nlp, "The rebels threatened to attack the village if the army returned.")
    assert has(a, "attack the village") and mention(a, "attack the village") == "The rebels"


# ---- a name is not a report; the one asked is not the asker ----------------------------------------

@pytest.mark.parametrize("text, words", [
    ("The fighters belong to the desert branch, as the group is called in the north.", "fighters belong"),
    ("Shipments go through the eastern corridor, as the route is known locally.", "Shipments go"),
])
def test_an_as_clause_that_names_is_no_frame(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_an_as_clause_that_reports_stays_a_frame(nlp: Any) -> None:
    a = run(nlp, "The ferry will run again in May, as the harbour master said on Monday.")
    assert has(a, "ferry will run") and mention(a, "ferry will run") == "the harbour master"


@pytest.mark.parametrize("text, words", [
    ("A senior official, asked about the delays, declined to comment.", "the delays"),
    ("The mayor, asked about the flooding, walked away from reporters.", "the flooding"),
])
def test_the_one_asked_about_a_topic_said_nothing_of_it(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


# ---- agreeing to do something is an act; agreeing that something is so is a statement -----------

@pytest.mark.parametrize("text, words", [
    ("The two companies agreed to merge their shipping units next year.", "merge their shipping"),
    ("Under the accord the province agreed to cap its coal output.", "cap its coal"),
    ("The union finally agreed to end the strike on Friday.", "end the strike"),
])
def test_agreeing_to_an_act_is_not_speech(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_agreeing_that_something_is_so_stays(nlp: Any) -> None:
    a = run(nlp, "The ministers agreed that the old treaty had failed.")
    assert has(a, "old treaty had failed") and mention(a, "old treaty had failed") == "The ministers"


# ---- the subject of a verb of hearing or rejecting is not the author of the speech noun ---------

@pytest.mark.parametrize("text, noun_verb", [
    ("The general rejected the allegation that his troops fired first.", "The general"),
    ("Voters have heard claims that the mayor took bribes from builders.", "Voters"),
    ("The ministry disputed the suggestion that the dam was unsafe.", "The ministry"),
])
def test_receivers_and_rejecters_do_not_author_the_claim(nlp: Any, text: str, noun_verb: str) -> None:
    a = run(nlp, text)
    assert all(q.speaker_mention is None or q.speaker_mention.text != noun_verb for q in a.quotes)


def test_a_repeated_claim_is_the_repeaters(nlp: Any) -> None:
    a = run(nlp, "The general repeated the claim that his troops fired first.")
    assert has(a, "troops fired first") and mention(a, "troops fired first") == "The general"


# ---- scare quotes in the topic are no quotation ------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("Residents complained about the “temporary” closure of the clinic.", "temporary"),
    ("Parents phoned the school to complain about the “new rules”.", "new rules"),
    ("The opposition protested over the “emergency” decree for weeks.", "emergency"),
])
def test_scare_quotes_inside_a_topic_phrase_are_not_the_subjects_words(nlp: Any, text: str, words: str) -> None:
    a = run(nlp, text)
    assert not any(q.kind in ("partial", "direct") and q.text.strip("“”\"") == words for q in a.quotes), \
        [(q.text, q.kind) for q in a.quotes]


@pytest.mark.parametrize("text, words", [
    ("Doctors warned about “a wave of infections we cannot handle”.", "a wave of infections we cannot handle"),
    ("The mayor complained about “a council that never listens”.", "a council that never listens"),
    ("The union complained that the rules were “unfair and rushed”.", "unfair and rushed"),
])
def test_a_whole_quoted_phrase_after_a_verb_of_saying_stays_a_quote(nlp: Any, text: str, words: str) -> None:
    assert has(run(nlp, text), words)


@pytest.mark.parametrize("text", [
    "She called her brother “Bobby” as a child.",
    "The army dubbed the offensive “Operation Dawn Wind”.",
    "Fans nicknamed the striker “The Hammer of the North”.",
])
def test_a_name_given_with_a_label_verb_is_not_a_quote(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


@pytest.mark.parametrize("text, words", [
    ("Governor Ann Reyes called the plan “a betrayal of every farmer in the state.”", "a betrayal of every farmer"),
    ("Critics have called the law “unworkable”.", "unworkable"),
])
def test_what_a_label_verb_says_of_its_object_stays_a_quote(nlp: Any, text: str, words: str) -> None:
    assert has(run(nlp, text), words)


# ---- headline quotes are marked --------------------------------------------------------------

def test_quotes_in_the_headline_are_marked(nlp: Any) -> None:
    title = "Mayor: “We will rebuild the bridge”"
    text = f"{title}\n\n“We will rebuild the bridge by winter,” the mayor told the council on Monday."
    a = run(nlp, text, body_start=len(title) + 2)
    body = [q for q in a.quotes if q.start >= len(title)]
    head = [q for q in a.quotes if q.start < len(title)]
    assert body and all(not q.in_headline for q in body)
    assert all(q.in_headline for q in head)


@pytest.mark.parametrize("title, body", [
    ("Mayor: “We will rebuild the bridge”", "“We will rebuild the bridge by winter,” the mayor told the council on Monday."),
    ("Minister says ‘talks will resume next week’",
     "The minister told reporters the mood was good. “Talks will resume next week,” she said."),
    ("Union leader: 'no deal without a pay rise'",
     "The union leader, Petra Holm, said: \"There will be no deal without a pay rise for every nurse.\""),
])
def test_a_headline_quote_the_body_repeats_is_counted_once(nlp: Any, title: str, body: str) -> None:
    a = run(nlp, f"{title}\n\n{body}", body_start=len(title) + 2)
    assert a.quotes and not any(q.in_headline for q in a.quotes), [(q.text, q.in_headline) for q in a.quotes]


@pytest.mark.parametrize("title, body", [
    ("Senator warns of ‘a crisis nobody is ready for’", "The senator said the budget was late. “Hospitals are not ready,” she added."),
    ("Mayor: “We will rebuild the bridge”", "The mayor told the council the river had risen again on Monday."),
])
def test_a_headline_quote_the_body_does_not_repeat_is_kept_apart(nlp: Any, title: str, body: str) -> None:
    a = run(nlp, f"{title}\n\n{body}", body_start=len(title) + 2)
    assert [q for q in a.quotes if q.in_headline], [(q.text, q.in_headline) for q in a.quotes]


def test_headline_repeats_needs_most_words_in_one_body_quote() -> None:
    from newsgraph.quotes import headline_repeats

    text = "A B: 'tax cuts for all workers'\n\nHe said 'tax cuts' help. She said 'all workers' gain."
    head = (text.index("tax"), text.index("'\n") )
    body = [(m, m + n) for m, n in ((text.index("tax cuts' help") , 8), (text.index("all workers' gain"), 11))]
    assert headline_repeats(text, text.index("He"), [head, *body]) == set()  # spread over two quotes: not a repeat
    assert headline_repeats(text, text.index("He"), [head, (text.index("He"), len(text))]) == {0}


# ---- calibrated confidence --------------------------------------------------------------------

def test_the_reliability_table_is_counts_of_known_keys() -> None:
    data = json.loads(confidence.TABLE.read_text("utf-8"))
    assert data["quotes"] == sum(n for n, _ in data["counts"].values())
    for k, (n, r) in data["counts"].items():
        _fam, kind, ctx = k.split("|")
        assert kind in ("direct", "partial", "indirect") and ctx in confidence.CONTEXTS and 0 <= r <= n


def test_confidence_is_the_smoothed_precision_of_the_key() -> None:
    data = json.loads(confidence.TABLE.read_text("utf-8"))
    n, r = data["counts"]["post-frame|direct|named"]
    assert n > 100 and confidence.estimate("post-frame", "direct", "named") == pytest.approx(r / n, abs=0.01)
    # an unseen key borrows its rule's precision, never 0 or 1
    assert 0.05 < confidence.estimate("post-frame", "direct", "no-such-context") < 1


def test_context_of_a_quote() -> None:
    assert confidence.context_of("post-frame", "the mayor", "person") == "named"
    assert confidence.context_of("post-frame", "She", "person") == "pronoun"
    assert confidence.context_of("clause+description", "a senior official", "anonymous") == "description"
    assert confidence.context_of("clause+previous-speaker", "she", "person") == "back"
    assert confidence.context_of("unattributed", None, None) == "none"
    assert confidence.family("clause+recent-person:agent") == "clause"


def test_quotes_carry_the_table_confidence(nlp: Any) -> None:
    a = run(nlp, "“We will rebuild the bridge by winter,” the mayor told the council. "
                 "The minister warned against hasty decisions on the border.", unquoted_objects=True)
    framed = next(q for q in a.quotes if "rebuild" in q.text)
    obj = next(q for q in a.quotes if "hasty decisions" in q.text)
    assert framed.confidence == confidence.of(framed.rule, framed.kind, framed.speaker_mention.text,
                                              framed.speaker_kind)
    assert framed.confidence >= 0.9 > 0.8 > obj.confidence


# ---- a quoted clause or name modifying a noun is mentioned, not used ---------------------------

@pytest.mark.parametrize("text, words", [
    ("The senator was mocked for it by his rival in “you are no statesman” fashion during the debate.", "statesman"),
    ("It was a “whatever it takes” moment for the central bank.", "whatever it takes"),
    ("She dismissed the complaint in “not my problem is it” style and left the room.", "not my problem"),
])
def test_quoted_clauses_used_as_modifiers_are_terms(nlp: Any, text: str, words: str) -> None:
    a = run(nlp, text)
    assert not any(words in q.text and q.kind in ("direct", "partial") for q in a.quotes)
    assert any(words in a.article.text[s.start:s.end] for s in a.scratch["terms"])


@pytest.mark.parametrize("text, words", [
    ("The governor called the tax a “filthy” lie at the rally.", "filthy"),
    ("The mayor proposed a “very short-term” budget to keep the city running.", "very short-term"),
])
def test_quoted_words_of_a_speaker_before_a_noun_stay_partial_quotes(nlp: Any, text: str, words: str) -> None:
    a = run(nlp, text)
    assert any(q.text == words and q.kind == "partial" for q in a.quotes)


# ---- a spaced straight mark opening a quotation that starts with a nested one -------------------

@pytest.mark.parametrize("text, inner", [
    ("The surgeon closed the clinic. \" 'Call me and wait for the ruling.' That is what I told my patients,\" "
     "he says.", "'Call me and wait for the ruling.' That is what I told my patients"),
    ("\" ‘Stay home,’ that was the advice we gave,\" the officer said.", "‘Stay home,’ that was the advice we gave"),
])
def test_a_spaced_opening_mark_before_a_nested_quote_opens(text: str, inner: str) -> None:
    from newsgraph.quotes.marks import find_quotes

    quotes = find_quotes(text)
    assert [text[q.start:q.end].strip().rstrip(",") for q in quotes] == [inner]
    assert len(quotes[0].inner) == 1


def test_a_lone_spaced_mark_opens_nothing() -> None:
    from newsgraph.quotes.marks import find_quotes

    text = "The shelf is 6 \" wide and the box is 5 \" deep, the carpenter said."
    assert find_quotes(text) == []


# ---- a time is not a reason; a content never runs over a paragraph --------------------------------

@pytest.mark.parametrize("text", [
    "Tom Baker attacked Ana Ruiz on Monday.\n\n“She has failed this city and she knows it.”",
    "The governor blamed the mayor on Friday.",
    "The coach criticized the referee on Sunday night.",
])
def test_a_time_after_a_verb_of_judging_is_not_its_reason(nlp: Any, text: str) -> None:
    a = run(nlp, text)
    assert not any(q.kind == "indirect" and q.rule.startswith("clause") for q in a.quotes)


def test_a_reason_after_a_verb_of_judging_is_content(nlp: Any) -> None:
    a = run(nlp, "The governor criticized the mayor on Friday for the delays at the port.")
    assert has(a, "for the delays")


# ---- sayers named by a verb of speaking, a possessed speech noun, or "by X" (issue 15) ------------

def test_a_verb_of_speaking_frames_the_quotation_before_it(nlp) -> None:
    a = run(nlp, "“To know him is to trust him,” Mr. Okafor spoke of his rival. “He is a fair man.”")
    assert mention(a, "trust him") == "Mr. Okafor"


def test_a_verb_of_speaking_alone_reports_nothing(nlp) -> None:
    a = run(nlp, "Mr. Okafor spoke at a rally on Monday. Later he talked with farmers about the harvest.")
    assert a.quotes == []


@pytest.mark.parametrize("text, words, sayer", [
    ("Both sides quoted Judge Ruiz’s remark that “no ferry sails without a captain.”", "ferry sails", "Judge Ruiz"),
    ("Critics cited the mayor's claim that taxes would fall next year.", "taxes would fall", "the mayor"),
])
def test_a_possessed_speech_noun_names_its_sayer(nlp, text: str, words: str, sayer: str) -> None:
    assert mention(run(nlp, text), words) == sayer


@pytest.mark.parametrize("text, words, sayer", [
    ("He ignored the warnings by senior officials that the dam could fail.", "dam could fail", "senior officials"),
    ("Nobody heeded the warnings by the engineers that the dam could fail.", "dam could fail", "the engineers"),
])
def test_a_speech_noun_with_by_or_from_names_its_sayer(nlp, text: str, words: str, sayer: str) -> None:
    assert mention(run(nlp, text), words) == sayer


def test_a_paragraph_in_capitals_after_a_name_is_a_link_not_a_quote(nlp) -> None:
    text = "The talks ended on Monday.\n\nOKAFOR: FARMERS WILL NOT PAY THE NEW TAX\n\nThe vote is next week."
    assert not has(run(nlp, text), "FARMERS")


def test_a_transcript_line_after_a_name_is_still_a_quote(nlp) -> None:
    text = "The talks ended on Monday.\n\nOKAFOR: Farmers will not pay the new tax, and we said so.\n\nThe vote is next."
    assert has(run(nlp, text), "Farmers will not pay")


# ---- a document that acts is no report; the one told is no speaker (issue 15) ---------------------

@pytest.mark.parametrize("text", [
    "The bill targets children of seasonal workers.",
    "The order bans imports of steel from three countries.",
])
def test_a_document_doing_something_reports_nothing(nlp, text: str) -> None:
    assert run(nlp, text).quotes == []


@pytest.mark.parametrize("text, words", [
    ("The report found that the ministry overspent by a third.", "ministry overspent"),
    ("The statement highlighted efforts that had “kept the peace for a decade”.", "kept the peace"),
    ("The memo shows the plan failed within a week.", "plan failed"),
])
def test_a_document_stating_a_clause_reports_it(nlp, text: str, words: str) -> None:
    assert has(run(nlp, text), words)


@pytest.mark.parametrize("text, words", [
    ("When told that the orchard figures were contested, Governor Ruiz said: \"I do not think so.\"", "orchard figures"),
    ("Told that the budget would fail, Senator Hale insisted that it would pass.", "budget would fail"),
    ("Residents were warned that the river could flood.", "river could flood"),
])
def test_what_the_subject_was_told_is_not_the_subjects_words(nlp, text: str, words: str) -> None:
    a = run(nlp, text)
    assert not any(words in q.text and q.speaker_mention is not None and "Ruiz" in q.speaker_mention.text + "Hale"
                   for q in a.quotes)
    assert not has(a, words)


def test_the_teller_named_by_an_agent_is_the_speaker(nlp) -> None:
    assert mention(run(nlp, "Ruiz was told by his aides that the claim was disputed."), "claim was disputed") == \
        "his aides"


def test_two_cues_for_one_content_make_one_quote(nlp) -> None:
    a = run(nlp, "The ministry's statement went on to say \"these raids are meant to frighten voters.\"")
    assert len([q for q in a.quotes if "frighten voters" in q.text]) == 1


@pytest.mark.parametrize("text, words", [
    ("“Turnout will be high,” said Nora Lind. I have argued for months that the levy is a losing issue.", "levy is"),
    ("“Turnout will be high,” Lind said. As I wrote last week, the levy is a losing issue.", "levy is"),
])
def test_the_writers_own_words_are_not_the_last_speakers(nlp, text: str, words: str) -> None:
    a = run(nlp, text)
    assert mention(a, "Turnout will be high") == "Nora Lind" or mention(a, "Turnout will be high") == "Lind"
    q = next((q for q in a.quotes if words in q.text), None)
    assert q is None or q.speaker is None


def test_i_inside_a_quotation_is_the_quoted_speaker(nlp) -> None:
    a = run(nlp, "“I told them that the levy was a losing issue,” said Nora Lind.")
    assert mention(a, "levy was") == "Nora Lind"


# ---- stating plainly: "made (it) clear that", "was clear that" ---------------------------------------

@pytest.mark.parametrize("text, words, who", [
    ("The mayor has made clear that the depot will not close.", "depot will not close", "The mayor"),
    ("Okafor made it clear that she would not run again.", "would not run again", "Okafor"),
    ("During the hearing, the senator was clear that he would vote no.", "would vote no", "the senator"),
    ("The ministry has made it clear that it will appeal the ruling.", "will appeal", "The ministry"),
])
def test_making_a_point_clear_reports_it(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and mention(a, words) == who


@pytest.mark.parametrize("text, words", [
    ("It was clear that the depot would close.", "depot would close"),
    ("The data made it clear that costs were rising.", "costs were rising"),
    ("The rules are clear that members must vote in person.", "members must vote"),
    ("We should be clear that the leak changed nothing.", "leak changed nothing"),
])
def test_clarity_without_a_speaker_reports_nothing(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


@pytest.mark.parametrize("text, words", [
    ('The union leader called the judge\'s ruling "cowardly."', "cowardly"),
    ('Critics have called the plan a "disaster."', "disaster"),
])
def test_a_quoted_label_is_a_partial_quote_whatever_the_tagger_calls_it(nlp: Any, text: str, words: str) -> None:
    """"called the ruling “cowardly”": the quoted label is the speaker's word, also when the tagger
    reads it as an adverb of the verb."""
    assert has(run(nlp, text), words)


def test_an_unquoted_label_is_no_quote(nlp: Any) -> None:
    assert not run(nlp, "The union leader called the judge's ruling cowardly.").quotes


# ---- a doubt is no statement: "wondered if", "questioned what" ---------------------------------------

@pytest.mark.parametrize("text, words", [
    ("The vote left many analysts wondering if the pact would last the winter.", "pact would last"),
    ("One cannot help but wonder whether the merger has already failed.", "merger has already"),
    ("Residents questioned what the council had done with the flood money.", "council had done"),
])
def test_a_doubt_opens_no_statement(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_question_put_is_the_askers_words(nlp: Any) -> None:
    a = run(nlp, "The senator asked if the pact would last the winter.")
    assert has(a, "pact would last")


# ---- quoted words that nobody says: an epithet in apposition, a list of quoted words ----------------

@pytest.mark.parametrize("text, words", [
    ("Nora Lind, “the quiet fixer,” is now telling donors that the fund is safe.", "quiet fixer"),
    ("Tom Reyes, “the people's lawyer,” announced that he would run for governor.", "people's lawyer"),
])
def test_an_epithet_after_a_name_is_no_quote(nlp: Any, text: str, words: str) -> None:
    a = run(nlp, text)
    assert not has(a, words) and len(a.quotes) == 1


def test_words_said_between_commas_after_a_name_stay_a_quote(nlp: Any) -> None:
    a = run(nlp, "Nora Lind, “we will never surrender,” told the crowd that the march would go on.")
    assert has(a, "never surrender")


def test_a_list_of_quoted_words_is_no_floating_quote(nlp: Any) -> None:
    a = run(nlp, "The council will now turn to the “big league,” “phenomenal” transit plan that was promised.")
    assert not has(a, "phenomenal")


def test_two_quoted_sentences_in_a_row_stay_quotes(nlp: Any) -> None:
    a = run(nlp, "The mayor spoke for an hour. “We will win,” “We will fight on,” she said to the crowd.")
    assert has(a, "We will fight on")


# ---- the writer bidding the reader: an imperative reports nobody's words ---------------------------

@pytest.mark.parametrize("text, words", [
    ("Call your senator today and tell them to vote against the levy.", "vote against the levy"),
    ("Thank you for reading our weekly digest.", "reading our weekly"),
    ("Tell your neighbours that the clinic opens at nine.", "clinic opens"),
])
def test_an_imperative_is_no_report(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_subject_that_tells_others_to_act_is_a_speaker(nlp: Any) -> None:
    a = run(nlp, "The senator told them to vote against the levy.")
    assert mention(a, "vote against the levy") == "The senator"


# ---- orders: the one who orders speaks, the one ordered does not ------------------------------------

@pytest.mark.parametrize("text, words, who", [
    ("Governor Ray Collins ordered the whole state to shut down on Friday.", "to shut down", "Governor Ray Collins"),
    ("The mayor instructed every city worker to stay home.", "to stay home", "The mayor"),
])
def test_an_order_to_act_is_the_orderers_words(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and mention(a, words) == who


@pytest.mark.parametrize("text, words", [
    ("The chemical firm was ordered to pay ninety million in damages.", "to pay ninety"),
    ("The mayor ordered a review of the depot's accounts.", "a review"),
])
def test_the_one_ordered_says_nothing_and_an_order_of_a_thing_is_no_quote(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_groups_attacking_someone_for_a_vote_report_no_words(nlp: Any) -> None:
    assert not run(nlp, "Advocacy groups are attacking the senator for voting against the bill.").quotes


# ---- a fronted participle is no subject: "Asked who ..., the aide, X, said" ---------------------------

def test_a_fronted_question_leaves_the_named_aide_as_speaker(nlp: Any) -> None:
    a = run(nlp, "Asked who was advising the mayor, the city's press secretary, Ana Ortiz, said the mayor was resting.")
    assert mention(a, "mayor was resting") == "Ana Ortiz"


def test_a_fronted_question_before_a_plain_subject_keeps_it(nlp: Any) -> None:
    a = run(nlp, "Asked about the depot, the mayor said it would stay open.")
    assert mention(a, "would stay open") == "the mayor"


# ---- a final frame after a clause the tagger read as a participle ----------------------------------

@pytest.mark.parametrize("text, words, who", [
    ("Retail hiring essentially stalled in March, the statistics office said Monday.", "Retail hiring", "the statistics office"),
    ("Grain exports unexpectedly slumped in the spring, the ministry said.", "Grain exports", "the ministry"),
])
def test_a_clause_before_a_final_frame_is_its_content(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and mention(a, words) == who


def test_a_participle_phrase_before_a_final_frame_is_no_content(nlp: Any) -> None:
    assert not run(nlp, "Given the delays in the harbour project, the minister said.").quotes


# ---- a plea and a complement adjective are no report ---------------------------------------------

@pytest.mark.parametrize("text", [
    "Rowe, 58, pleaded guilty in March 2011 to bribery and lying to auditors who were checking his accounts.",
    "The list included a clerk, Dan Ives, who pleaded guilty to hiding his income over three years, and "
    "Al Cole, who was convicted of fraud.",
])
def test_pleading_guilty_is_no_quote(nlp: Any, text: str) -> None:
    assert not any("guilty" in q.text for q in run(nlp, text).quotes)


# ---- a curly closer closes the curly opener, not a straight mark left open inside -----------------

def test_an_unclosed_straight_mark_inside_curly_quotes_does_not_swallow_the_frame(nlp: Any) -> None:
    a = run(nlp, "“Now I have to write a column called \"Rent Is a Right,” Dana Wilde, the paper's "
                 "housing reporter, wrote on Monday.")
    q = next(q for q in a.quotes if "write a column" in q.text)
    assert "Dana" not in q.text and mention(a, "write a column") == "Dana Wilde"


# ---- a name the parser hung elsewhere before a subjectless verb is its subject --------------------

@pytest.mark.parametrize("text, who", [
    ("Also criticising Ohio, Vice editor Lena Ortiz tweeted on May 2, “this is cruel and needless.”", "Lena Ortiz"),
    ("Criticising the verdict, radio host Sam Kerr tweeted on Monday, \"This is a disgrace.\"", "Sam Kerr"),
])
def test_a_name_before_a_verb_without_subject_is_the_speaker(nlp: Any, text: str, who: str) -> None:
    a = run(nlp, text)
    assert len(a.quotes) == 1 and a.quotes[0].speaker_mention is not None and who in a.quotes[0].speaker_mention.text


# ---- a title and a name before a colon ----------------------------------------------------------

@pytest.mark.parametrize("text, who", [
    ("Senate spokesman Tom Reilly: \"The bill is dead and everyone knows it.\"", "Tom Reilly"),
    ("FROM THE AGENCY: The agency's chief economist Mary Clark: \"Rates will rise.\"", "Mary Clark"),
])
def test_a_titled_name_before_a_colon_is_the_speaker(nlp: Any, text: str, who: str) -> None:
    a = run(nlp, text)
    assert len(a.quotes) == 1 and a.quotes[0].speaker_mention is not None and a.quotes[0].speaker_mention.text == who


@pytest.mark.parametrize("text, who", [
    ("The mayor has long fought the levy (Councillor Ruth Okafor: \"It hurts the shops\") and lost.", "Ruth Okafor"),
    ("The vote split the town (Mayor Ines Duarte: “We will heal soon”) for years.", "Ines Duarte"),
])
def test_a_name_and_a_colon_opening_a_parenthesis_is_the_speaker(nlp: Any, text: str, who: str) -> None:
    """An aside in parentheses that opens with a name and a colon gives that person's words."""
    a = run(nlp, text)
    assert len(a.quotes) == 1 and a.quotes[0].speaker_mention is not None and who in a.quotes[0].speaker_mention.text


@pytest.mark.parametrize("text, words, who", [
    ("President Ana Ruiz told Carl Brandt she is \"worried\" the other leader could act alone, saying any "
     "decision on the dam must be \"within the framework of talks between the two sides\".", "framework", "Ana Ruiz"),
    ("Officials said the minister walked out of the meeting, saying the talks were a sham.", "a sham", "minister"),
])
def test_a_participle_of_saying_after_a_reported_possibility_is_the_reporters(nlp: Any, text: str, words: str,
                                                                              who: str) -> None:
    """", saying ..." hung on a verb the report only calls possible ("could act") is the reporter's;
    hung on an act the report tells as done ("walked out"), it is the doer's."""
    a = run(nlp, text)
    q = next(q for q in a.quotes if words in q.text)
    assert q.speaker_mention is not None and who in q.speaker_mention.text, q.speaker_mention


def test_a_name_the_parser_made_the_object_of_an_inverted_verb_of_saying_is_the_speaker(nlp: Any) -> None:
    """ "In practice, replies Ruiz, “...”": a verb of saying takes no person as its object."""
    a = run(nlp, "Dr. Ana Ruiz studied the data for years. In practice, replies Ruiz, "
                 "\"I know many people who use it and do well.\"")
    q = next(q for q in a.quotes if "many people" in q.text)
    assert q.speaker_mention is not None and "Ruiz" in q.speaker_mention.text


@pytest.mark.parametrize("text, who", [
    ("The talks ended on Monday. Media caption Okafor: 'We will not give up on this agreement' The envoy flew home.",
     "Okafor"),
    ("The talks ended on Monday.\n\nMedia caption Ruth Okafor: \"We will not give up on this agreement\"\n\n"
     "The envoy left.", "Ruth Okafor"),
    ("The talks ended on Monday. Media caption Okafor on the talks: 'We will not give up on this agreement' "
     "The envoy flew home.", "Okafor"),
    ("The vote was close.\n\nMayor Ines Duarte on the result: \"We will heal soon.\"", "Mayor Ines Duarte"),
    ("The clip will not play here. Media caption Ghanaian PM Okafor: 'I will be your guide on this tour' "
     "The border has long been disputed.", "Ghanaian PM Okafor"),
])
def test_a_caption_or_label_naming_a_speaker_before_a_colon_is_the_speaker(nlp: Any, text: str, who: str) -> None:
    """A clip's caption labels who speaks in it ("Media caption X: ..."), with or without a topic
    after the name ("X on the result: ..."), as a name alone before a colon does."""
    a = run(nlp, text)
    assert len(a.quotes) == 1 and a.quotes[0].speaker_mention is not None \
        and a.quotes[0].speaker_mention.text == who, [(q.text, q.speaker_mention) for q in a.quotes]


@pytest.mark.parametrize("text", [
    "The storm hit the coast.\n\nMedia caption The storm in pictures: \"It was terrifying\"",
    "The minister spoke on Monday. He set out his demands of Ghana on trade: \"Open the border.\"",
])
def test_a_topic_or_a_verb_frame_before_a_colon_names_no_caption_speaker(nlp: Any, text: str) -> None:
    """Near misses: a caption naming no one, and a verb's frame whose object has a topic phrase."""
    a = run(nlp, text)
    assert all(q.speaker_mention is None or q.speaker_mention.text not in ("The storm", "Ghana", "pictures")
               for q in a.quotes)


def test_a_name_in_a_phrase_with_a_verb_before_a_colon_is_not_the_speaker(nlp: Any) -> None:
    a = run(nlp, "He made his position clear to Senator Jones: \"No deal.\"")
    assert all(q.speaker_mention is None or "Jones" not in q.speaker_mention.text for q in a.quotes)


# ---- the main verb before a colon frames the quotation, not a verb inside its object ---------------

@pytest.mark.parametrize("text, who", [
    ("The governor's office lists three reasons why the transit plan won't work:\n\n"
     "\"First, it costs too much. Second, nobody wants it.\"", "The governor's office"),
    ("The rebels issued a communique, which read as follows: “Our fight goes on, and we will not stop "
     "until the end.”", "The rebels"),
])
def test_the_main_verb_before_a_colon_gives_the_speaker(nlp: Any, text: str, who: str) -> None:
    a = run(nlp, text)
    q = next(q for q in a.quotes if q.kind == "direct")
    assert q.speaker_mention is not None and q.speaker_mention.text == who


# ---- an opinion voiced, a finding with its author -------------------------------------------------

@pytest.mark.parametrize("text, words, who", [
    ("The minister rejected the economists' assessment that the reform had failed.", "reform had failed",
     "the economists"),
    ("Warren reiterated her view that the banks must be broken up.", "banks must be broken", "her"),
])
def test_an_opinion_or_finding_with_its_holder_is_a_quote(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and who in (mention(a, words) or "")


@pytest.mark.parametrize("text", [
    "It was his view that the war was lost.",
    "The verdict reaffirms my long belief that our courts work.",
    "The senator maintained a belief that the deal would hold.",
])
def test_an_opinion_held_is_no_quote(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


@pytest.mark.parametrize("text, words, who", [
    ("The Congressional Budget Office finds that the plan would raise premiums by 20 percent.", "raise premiums",
     "The Congressional Budget Office"),
    ("Economists at the bank calculated that the tariffs would cost each household $800 a year.", "tariffs would cost",
     "Economists"),
    ("Researchers found that the new vaccine lowered infections by half.", "lowered infections", "Researchers"),
    ("Auditors determined that the fund had lost track of $40 million.", "lost track", "Auditors"),
    ("The appeals court held that the county had drawn its districts unlawfully.", "drawn its districts",
     "The appeals court"),
    ("The judge found that the officers had no warrant for the search.", "no warrant", "The judge"),
])
def test_a_bodys_finding_is_a_quote(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and who in (mention(a, words) or "")


@pytest.mark.parametrize("text", [
    "He found that he liked the quiet life in the country.",
    "Police found the car abandoned near the river.",
    "Smith showed that the numbers were wrong.",
    "Investors found some comfort after cities that reopened haven't shown a new surge.",
    "The court held a hearing on the motion last week.",
    "Inspectors found the bridge in poor repair.",
])
def test_a_persons_finding_or_a_found_thing_is_no_quote(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


@pytest.mark.parametrize("text, words", [
    ("The mayor reminded reporters that the levy had passed with votes from both parties.", "levy had passed"),
    ("She reminded the crowd that she had voted against the war.", "voted against the war"),
    ("The agency reminded drivers that the bridge stays closed through May.", "bridge stays closed"),
])
def test_a_reminder_by_someone_is_a_quote(nlp: Any, text: str, words: str) -> None:
    assert has(run(nlp, text), words)


@pytest.mark.parametrize("text", [
    "The crash reminded investors that prices can fall fast.",
    "An old song reminded him that years had gone by.",
    "It reminded me that the season was nearly over.",
])
def test_a_reminder_by_a_thing_is_no_quote(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


# ---- speech still to come, a supposition, a passive reaching a second verb -----------------------

@pytest.mark.parametrize("text, words", [
    ("The governor will tell lawmakers on Friday that the new budget closes the gap.", "budget closes the gap"),
    ("Let's say you and your sister are from a town far from any court.", "you and your sister"),
    ("Some tenants were evicted and told to come back for a hearing in the spring.", "come back for a hearing"),
])
def test_speech_to_come_a_supposition_or_a_passive_conjunct_is_no_quote(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_what_people_will_tell_you_is_what_they_say(nlp: Any) -> None:
    a = run(nlp, "Even though the critics will tell you they stand for thrift, their record shows otherwise.")
    assert has(a, "they stand for thrift")


def test_a_conjunct_of_a_passive_inside_a_report_keeps_its_sayer(nlp: Any) -> None:
    a = run(nlp, "The mayor said the city would be flooded by Friday and warned that more rain was coming.")
    assert has(a, "more rain was coming")


# ---- phrasal verbs of retort ----------------------------------------------------------------------

@pytest.mark.parametrize("text, words, who", [
    ("Mr Hale fired back, \"your paper has never been fair to me,\" drawing laughter.", "never been fair", "Mr Hale"),
    ("\"That is a lie,\" the senator hit back on Monday.", "That is a lie", "the senator"),
])
def test_a_phrasal_verb_of_retort_frames_a_quotation(nlp: Any, text: str, words: str, who: str) -> None:
    a = run(nlp, text)
    assert has(a, words) and mention(a, words) == who


def test_a_verb_of_firing_without_its_particle_is_no_verb_of_saying(nlp: Any) -> None:
    a = run(nlp, "The gunners fired \"warning shots\" over the ridge.")
    assert all(q.cue is None or q.cue.text != "fired" for q in a.quotes)


@pytest.mark.parametrize("text", [
    "This guide will help you understand how the tax is worked out.",
    "The new law lets counties decide how ballots are counted.",
    "The memo made staff rethink how the office was run.",
])
def test_a_documents_causative_verb_reports_nothing(nlp: Any, text: str) -> None:
    """A causative verb's clause ("help you understand", "lets counties decide") is what the
    document brings about, no proposition it states."""
    assert not run(nlp, text).quotes


@pytest.mark.parametrize("text", ["The memo shows the plan failed.", "The audit found that the plan failed."])
def test_a_document_that_states_a_clause_is_still_quoted(nlp: Any, text: str) -> None:
    assert [q.text for q in run(nlp, text).quotes] == ["the plan failed"]


def test_a_document_that_makes_clear_a_clause_is_quoted(nlp: Any) -> None:
    """"makes clear that ...": a causative verb with a that-clause states it."""
    assert has(run(nlp, "The report makes clear that the councils broke the rules."), "councils broke the rules")


@pytest.mark.parametrize("text", [
    "Senators deplored the president's failure to condemn the governor for the raids.",
    "The mayor announced a plan to argue that the tax was illegal.",
])
def test_a_saying_after_a_noun_of_failure_or_plan_is_not_said(pipeline, text):
    from newsgraph.model import RawDocument

    assert not pipeline(RawDocument(text=text)).quotes


# ---- a programme's quoted title after "told" is the one told, not what was said ---------------

@pytest.mark.parametrize("text, content", [
    ("The senator told KXBT's \"Capitol Morning\" on Friday that the levy would not pass this year.",
     "the levy would not pass this year"),
    ("The envoy told WRNA's \"Week Ahead\" the talks would go on.", "the talks would go on"),
    ("The senator told CBS's \"Face the Voters\" on Sunday that the levy would not pass this year.",
     "the levy would not pass this year"),
    ("The senator told CBS's \"Meet the Voters\" on Sunday that the levy would not pass this year.",
     "the levy would not pass this year"),
])
def test_a_quoted_programme_title_is_no_content(nlp: Any, text: str, content: str) -> None:
    a = run(nlp, text)
    assert [q.text for q in a.quotes] == [content]


def test_a_headline_reported_with_that_is_still_what_was_said(nlp: Any) -> None:
    a = run(nlp, "The paper reported that \"Fuel Taxes Will Rise Again\" and readers were angry.")
    assert any("Fuel Taxes Will Rise Again" in q.text for q in a.quotes)


def test_a_quote_framed_by_telling_a_programme_keeps_its_speaker(nlp: Any) -> None:
    a = run(nlp, "\"We are not going to fold,\" the treasurer told ABC's \"Meet the Nation.\"")
    assert [q.text for q in a.quotes] == ["We are not going to fold"]
    assert mention(a, "not going to fold") == "the treasurer"


# ---- "claimed to have ...": an asserted infinitive is what was said -----------------------------

@pytest.mark.parametrize("text, content", [
    ("Mr. Hale claimed to have never met the donor.", "to have never met the donor"),
    ("The firm professes to know nothing about the payments.", "to know nothing about the payments"),
])
def test_an_asserted_infinitive_is_reported_speech(nlp: Any, text: str, content: str) -> None:
    assert [q.text for q in run(nlp, text).quotes] == [content]


@pytest.mark.parametrize("text", ["The group claimed responsibility for the attack.", "She claimed the prize in 2010."])
def test_claiming_a_thing_is_no_speech(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


# ---- "the tape shows X saying": the one shown speaks, not the recording -----------------------

@pytest.mark.parametrize("text, sayer", [
    ("\"We will not close the plant,\" the tape shows Mr. Hale saying.", "Mr. Hale"),
    ("\"We will not close the plant,\" a recording caught the mayor telling donors.", "the mayor"),
])
def test_the_one_shown_saying_is_the_speaker(nlp: Any, text: str, sayer: str) -> None:
    assert mention(run(nlp, text), "close the plant") == sayer


# ---- a witness's report of another's quoted words: two quotes, two speakers --------------------

def test_a_witness_reports_the_clause_and_the_quoted_words_are_the_others(pipeline: Any) -> None:
    from newsgraph.model import RawDocument

    a = pipeline(RawDocument(text="Mr. Hale said that Mrs. Ortiz described the audit as \"a fog\" over the agency."))
    assert mention(a, "Mrs. Ortiz described") == "Mr. Hale"
    inner = next(q for q in a.quotes if q.text == "a fog")
    assert inner.speaker_mention is not None and inner.speaker_mention.text == "Mrs. Ortiz"


# ---- a speech noun's own verb in a clause before the colon frames the quotation ----------------

def test_the_maker_of_a_request_in_a_clause_before_the_colon_speaks(nlp: Any) -> None:
    a = run(nlp, "The talks included a dinner in which the minister made an odd request to the envoy: \"Give me your word.\"")
    assert mention(a, "Give me your word") == "the minister"


def test_the_main_verb_still_frames_when_the_speech_noun_comes_first(nlp: Any) -> None:
    a = run(nlp, "The senator, who gave a long speech, then added: \"We are done here.\"")
    assert mention(a, "We are done here") == "The senator"


# ---- "suggested raising the limit": a proposal in a gerund is what was put forward ----------------

@pytest.mark.parametrize("text, content", [
    ("Two governors have suggested lifting the cap to $80,000.", "lifting the cap to $80,000"),
    ("The panel recommended closing two of the bases.", "closing two of the bases"),
])
def test_a_proposal_in_a_gerund_is_reported_speech(nlp: Any, text: str, content: str) -> None:
    assert [q.text for q in run(nlp, text).quotes] == [content]


def test_what_the_polls_suggest_is_a_reading_not_speech(nlp: Any) -> None:
    assert not run(nlp, "The polls suggest tightening races in three states.").quotes


@pytest.mark.parametrize("text", [
    "The rebels would do what the president claims to want.",
    "A truce may let the allies do what the premier claims to want: a quick exit from the war.",
])
def test_what_someone_claims_to_want_states_nothing(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


def test_a_verb_of_saying_the_parser_read_as_a_plural_noun_with_a_subject_frames_the_quote(nlp: Any) -> None:
    a = run(nlp, "The agency issued its annual report. \"Wildfires are getting worse,\" the 800-page report states.")
    assert mention(a, "Wildfires are getting worse") == "the 800-page report"


# ---- "X said:" and a paragraph in no marks: a block quotation ------------------------------------

@pytest.mark.parametrize("text, content, sayer", [
    ("In a statement, the ministry said:\n\nThe talks will resume next week in Vienna, and both sides have "
     "agreed to pause new sanctions.\n\nNo date was given.", "The talks will resume next week in Vienna", "the ministry"),
    ("The governor wrote on Facebook:\n\nWe will not let this stand. Our state will fight the ruling in every "
     "court.\n\nThe post drew replies.", "We will not let this stand", "The governor"),
])
def test_a_paragraph_after_a_colon_frame_of_saying_is_a_block_quote(nlp: Any, text: str, content: str,
                                                                     sayer: str) -> None:
    a = run(nlp, text)
    q = next(q for q in a.quotes if q.text.startswith(content))
    assert q.kind == "direct" and q.speaker_mention is not None and q.speaker_mention.text == sayer


@pytest.mark.parametrize("text", [
    "The plan has three parts:\n\nThe first part cuts taxes for families with children under five.",
    "Here are the results from the county:\n\nTurnout was up by ten points over the last election in every district.",
])
def test_a_paragraph_after_a_colon_with_no_saying_is_no_quote(nlp: Any, text: str) -> None:
    assert not run(nlp, text).quotes


@pytest.mark.parametrize("text, content, sayer", [
    ("The senator sent this email message to supporters: The problem is not caused by some law of nature. "
     "The problem starts in the capital.", "The problem is not caused", "The senator"),
    ("The firm issued the following statement: We regret the delay and will refund every buyer by Friday.",
     "We regret the delay", "The firm"),
])
def test_a_sentence_after_a_colon_frame_in_the_same_paragraph_is_a_block_quote(nlp: Any, text: str, content: str,
                                                                                sayer: str) -> None:
    a = run(nlp, text)
    q = next(q for q in a.quotes if q.text.startswith(content))
    assert q.rule.startswith("block") and q.speaker_mention is not None and q.speaker_mention.text == sayer


def test_a_colon_after_no_saying_in_a_paragraph_is_no_quote(nlp: Any) -> None:
    assert not run(nlp, "The team made one change: The coach moved the striker to the wing for the second half.").quotes


def test_a_subtitle_after_a_colon_is_no_block_quote(nlp: Any) -> None:
    assert not [q for q in run(nlp, "The judge cited her book Adrift: The Quiet Years of a Small River Town "
                                    "and Its Mills.").quotes if q.rule.startswith("block")]


# ---- a condition, and a clause of time or cause before the main clause ------------------------

@pytest.mark.parametrize("text, words", [
    ("If the chairman says the merger is off, the shares will fall sharply.", "merger is off"),
    ("Unless the court rules that the levy is void, the port keeps collecting it.", "levy is void"),
    ("Even if the minister said the crossing would stay shut, few traders believed her.", "crossing would"),
])
def test_a_verb_of_saying_in_a_condition_reports_nothing(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_report_that_holds_a_condition_stays(nlp: Any) -> None:
    a = run(nlp, "The mayor said that if the council voted no, she would step down at once.")
    assert has(a, "she would step down") and mention(a, "she would step down") == "The mayor"


@pytest.mark.parametrize("text, said, not_said", [
    ("When the governor said our road problems are the capital's fault, the farmers cheered loudly.",
     "capital's fault", "farmers cheered"),
    ("Because the coach said the squad was exhausted, the final was moved to Sunday.",
     "squad was exhausted", "final was moved"),
    ("When the mayor said the budget problems were the province's fault, voters listened.",
     "province's fault", "voters listened"),
    ("When the governor said our budget problems are the capital's fault, voters listened.",
     "capital's fault", "voters listened"),
])
def test_a_report_in_a_clause_before_the_main_clause_ends_at_its_comma(nlp: Any, text: str, said: str,
                                                                       not_said: str) -> None:
    a = run(nlp, text)
    assert has(a, said) and not has(a, not_said)


@pytest.mark.parametrize("text, words", [
    ("After the minister said the crossing would stay shut, the traders protested.", "After the minister"),
    ("When the envoy announced the new quota, the fishermen complained.", "When the envoy"),
])
def test_a_clause_of_time_before_a_final_verb_is_not_its_content(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


# ---- a frame set inside the clause it reports ------------------------------------------------------

@pytest.mark.parametrize("text, whole, speaker", [
    ("The harbour levy, the mayor said, will pay for the new sea wall.",
     "The harbour levy, the mayor said, will pay for the new sea wall", "the mayor"),
    ("Cheaper fares, Nkosi argued, would bring commuters back to the trains.",
     "Cheaper fares, Nkosi argued, would bring commuters back to the trains", "Nkosi"),
    ("The report's main finding, the committee wrote, is that the dam was never inspected.",
     "The report's main finding, the committee wrote, is that the dam was never inspected", "the committee"),
])
def test_a_frame_between_subject_and_verb_reports_the_whole_clause(nlp: Any, text: str, whole: str,
                                                                     speaker: str) -> None:
    a = run(nlp, text)
    q = next(q for q in a.quotes if q.text == whole)
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


def test_a_frame_after_a_whole_clause_keeps_the_clause_only(nlp: Any) -> None:
    a = run(nlp, "The river is rising fast, the engineer said, and the bridge may close tonight.")
    assert has(a, "The river is rising fast")
    assert not any("the engineer said" in q.text for q in a.quotes)


# ---- what a text brings about is not what it says ----------------------------------------------------

@pytest.mark.parametrize("text, words", [
    ("The new zoning plan makes cheap housing far less likely.", "housing far less likely"),
    ("The amended bill makes roadside hunting illegal in winter.", "roadside hunting illegal"),
    ("The ruling makes the ferry company liable for the spill.", "company liable"),
])
def test_a_causative_small_clause_is_no_report(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


def test_a_document_stating_a_clause_stays(nlp: Any) -> None:
    assert has(run(nlp, "The audit memo shows the ferry company ignored the warnings."), "ignored the warnings")


@pytest.mark.parametrize("text, whole", [
    ("The harvest, as the farm minister said, is the worst in a decade.",
     "The harvest, as the farm minister said, is the worst in a decade"),
    ("The canal tolls will rise in May, as the port authority noted on Friday.",
     "The canal tolls will rise in May"),
    ("As a columnist wrote for a weekly paper last year, the mill was never going to reopen.",
     "the mill was never going to reopen"),
])
def test_an_as_frame_reports_the_clause_it_is_set_in(nlp: Any, text: str, whole: str) -> None:
    assert any(q.text == whole for q in run(nlp, text).quotes)


@pytest.mark.parametrize("text, words", [
    ("The ribbon was cut at noon as the crowd on the quay cheered.", "ribbon was cut"),
    ("The toll from the floods rose to nine as officials were accused of ignoring the warnings.", "toll from the floods"),
    ("The two mayors signed the pact on Friday, as the men gushed with praise for each other.", "mayors signed the pact"),
])
def test_an_as_clause_of_time_or_manner_reports_nothing(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


@pytest.mark.parametrize("text, whole, speaker", [
    ("As the harbour master put it, the new quay will never pay for itself.",
     "the new quay will never pay for itself", "the harbour master"),
    ("The new quay will never pay for itself, as the harbour master put it.",
     "The new quay will never pay for itself", "the harbour master"),
])
def test_as_someone_put_it_frames_a_report(nlp: Any, text: str, whole: str, speaker: str) -> None:
    q = next(q for q in run(nlp, text).quotes if q.text == whole)
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker


@pytest.mark.parametrize("text, words, speaker", [
    ("The governor's argument is that the toll road will pay for itself.", "the toll road will pay for itself",
     "The governor's"),
    ("The union's position is that the pay offer is an insult.", "the pay offer is an insult", "The union's"),
    ("The mayor's answer was that the audit had found nothing.", "the audit had found nothing", "The mayor's"),
])
def test_an_owned_argument_stated_through_a_copula_is_a_report(nlp: Any, text: str, words: str, speaker: str) -> None:
    a = run(nlp, text)
    q = next(q for q in a.quotes if q.text == words)
    assert q.speaker_mention is not None and q.speaker_mention.text.startswith(speaker.split("'")[0])


@pytest.mark.parametrize("text, words", [
    ("The problem is that the toll road will never pay for itself.", "toll road will never"),
    ("The point is that the pay offer came too late.", "pay offer came too late"),
    ("The mayor's position is weaker than it was a year ago.", "weaker than it was"),
])
def test_an_unowned_or_unstated_copula_is_no_report(nlp: Any, text: str, words: str) -> None:
    assert not has(run(nlp, text), words)


@pytest.mark.parametrize("text", [
    "Intelligence indicated that the commander had been killed in the raid.",
    "The information suggests that the dam was never inspected.",
])
def test_intelligence_or_information_that_indicates_is_evidence_not_a_sayer(nlp: Any, text: str) -> None:
    from newsgraph.quotes.cues import not_a_report

    verb = next(t for t in nlp(text) if t.lemma_ in ("indicate", "suggest"))
    assert not_a_report(verb) == "inference"
