"""Sources a researcher can count (issue 15): the sayer, its kind, its description, one actor per
person, through the whole pipeline (actors component included).

Sentences written for these tests; none comes from ../shared.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import Analysis, RawDocument


def analyse(pipeline: Any, text: str) -> Analysis:
    return pipeline(RawDocument(text=text))


def quote(a: Analysis, words: str) -> Any:
    found = [q for q in a.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text for q in a.quotes]}"
    return found[0]


@pytest.mark.parametrize("text, words, description", [
    ("A senior official said the talks in Geneva would resume next week.", "talks in Geneva", "senior official"),
    ("A source familiar with the negotiations said the deal was close.", "deal was close", "familiar with"),
    ("Two diplomats, speaking on condition of anonymity, said the embassy would reopen.", "embassy would reopen",
     "diplomats"),
])
def test_anonymous_sources_have_a_speaker_kind_and_description(pipeline: Any, text: str, words: str,
                                                               description: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker is not None and q.speaker_kind == "anonymous"
    assert description in (q.speaker_description or "")


@pytest.mark.parametrize("text, words", [
    ("Officials said the bridge would stay closed until the inspection ends.", "bridge would stay"),
    ("The ministry said the shipment had been delayed by the storm.", "shipment had been"),
    ("Police said the road would reopen on Sunday morning.", "road would reopen"),
])
def test_institutional_and_generic_sources_have_a_speaker(pipeline: Any, text: str, words: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker is not None and q.speaker_kind in ("generic", "organisation")
    assert q.speaker_description


@pytest.mark.parametrize("text, words, label", [
    ('"We are proud of you," the vice president told the crew.', "proud of you", "vice president"),
    ('"The budget is final," the finance minister said on Monday.', "budget is final", "finance minister"),
])
def test_an_unnamed_titled_speaker_keeps_the_whole_title(pipeline: Any, text: str, words: str, label: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == label


def test_a_named_person_is_a_person_without_description(pipeline: Any) -> None:
    q = quote(analyse(pipeline, "Maria Okafor, the finance minister, said the budget was balanced."), "budget")
    assert q.speaker_kind == "person" and q.speaker_description is None


@pytest.mark.parametrize("text, words", [
    ("Russian senators said the treaty should be suspended at once.", "treaty should be suspended"),
    ("Americans said in a poll that rents were their main worry.", "rents were"),
    ("Many Iranians say the new fuel prices have hurt them.", "fuel prices"),
    ("In the survey, 62% of Americans said rents were their main worry.", "rents were"),
])
def test_groups_are_not_states(pipeline: Any, text: str, words: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == "generic" and a.actor(q.speaker).kind != "country"


@pytest.mark.parametrize("text", [
    "Russia said the talks would resume next week.",
    "The Russians said the talks would resume next week.",  # a side in talks, as often as its people
])
def test_a_state_that_speaks_stays_the_state(pipeline: Any, text: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, "talks would resume")
    assert q.speaker_kind == "state" and a.actor(q.speaker).kind == "country"


@pytest.mark.parametrize("text", [
    "Maria Okafor, the finance minister, said the budget was balanced. Okafor added that taxes would not rise.",
    "Carla Benitez runs a bakery in the old town. Benitez said the new tax would ruin small shops.",
])
def test_a_surname_after_the_full_name_is_the_same_actor(pipeline: Any, text: str) -> None:
    a = analyse(pipeline, text)
    speakers = {q.speaker for q in a.quotes}
    assert len(a.quotes) >= 1 and len(speakers) == 1 and a.actor(speakers.pop()).kind == "person"


@pytest.mark.parametrize("text, addressee", [
    ("The governor was warned that the levee could fail within days.", "The governor"),
    ("The envoy was told that the border would stay shut.", "The envoy"),
])
def test_the_addressee_is_never_the_speaker(pipeline: Any, text: str, addressee: str) -> None:
    a = analyse(pipeline, text)
    assert all(q.speaker_mention is None or q.speaker_mention.text != addressee for q in a.quotes)


@pytest.mark.parametrize("text, question, answer", [
    ("When asked whether he would resign, the minister said he had done nothing wrong.", "would resign",
     "done nothing wrong"),
    ("The governor was asked on Monday what would happen if the levy failed. “We will find the money,” "
     "the governor said.", "levy failed", "find the money"),
    ("“It is too early,” the coach said when asked if the team could still win the title.", "still win",
     "too early"),
])
def test_the_reporters_question_is_not_the_interviewees_words(pipeline: Any, text: str, question: str,
                                                              answer: str) -> None:
    # nobody named put the question: it is no one's quote (the guideline: questions put by the reporter)
    a = analyse(pipeline, text)
    assert not [q for q in a.quotes if question in q.text]
    assert quote(a, answer).speaker_mention is not None


def test_a_question_put_by_a_named_asker_is_the_askers(pipeline: Any) -> None:
    a = analyse(pipeline, "The senator was asked by Councillor Ruth Ambler whether the depot would close.")
    q = quote(a, "depot would close")
    assert q.speaker_mention is not None and "Ambler" in q.speaker_mention.text


@pytest.mark.parametrize("text, words", [
    ("Prime Minister Theresa May delayed the vote. May said the deal was still the best on offer.", "best on offer"),
    ("Prime Minister Theresa May delayed the vote. “We will keep talking,” May said.", "keep talking"),
    ("Prime Minister Theresa May delayed the vote. May told lawmakers the deal would return in January.",
     "return in January"),
])
def test_a_surname_the_parser_reads_as_a_modal_is_the_speaker(pipeline: Any, text: str, words: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    speaker = a.actor(q.speaker) if q.speaker else None
    assert speaker is not None and speaker.kb_id == "theresa-may"


def test_a_modal_is_still_a_modal(pipeline: Any) -> None:
    a = analyse(pipeline, "Prime Minister Theresa May delayed the vote. May I ask why, said the speaker of the house.")
    assert not any(m.text == "May" for x in a.actors for m in x.mentions)


def test_bulleted_reported_speech_after_a_colon_frame(pipeline: Any) -> None:
    a = analyse(pipeline, "The prime minister said:\n\n- the army will leave the border towns;\n"
                          "- prisoners will be exchanged within a month;\n- talks will resume in May.")
    items = [q for q in a.quotes if q.rule.startswith("bullet")]
    assert len(items) == 3 and len({q.speaker for q in items}) == 1
    assert all(q.speaker_mention.text == "The prime minister" for q in items)


@pytest.mark.parametrize("text, words, named", [
    ("The trade talks stalled again on Friday, according to Lena Hart, an analyst at the Baltic Institute. "
     "A senior diplomat who briefed reporters on the talks did not mention tariffs.\n\n"
     "“We will not sign this draft,” said the diplomat, who spoke on condition of anonymity.", "sign this draft",
     "Lena Hart"),
    ("Lena Hart, an analyst, called the plan weak. A ministry spokesman who declined to be named said the vote "
     "would be delayed.\n\n“There is no date yet,” the spokesman added.", "no date yet", "Lena Hart"),
    ("Judge Omar Said ruled on Monday. An official who was not authorised to speak said the court was closed."
     "\n\n“Nobody told us,” the official said.", "Nobody told us", "Omar Said"),
])
def test_the_description_refers_back_to_its_indefinite_introduction(pipeline: Any, text: str, words: str,
                                                                    named: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == "anonymous" and named not in a.actor(q.speaker).name


def test_a_description_of_a_named_person_stays_that_person(pipeline: Any) -> None:
    a = analyse(pipeline, "A governor from the north spoke first at the meeting. Then Governor Ruth Mills "
                          "took the stage.\n\n“We will find the money,” the governor said.")
    q = quote(a, "find the money")
    assert a.actor(q.speaker).name == "Ruth Mills" and q.speaker_kind == "person"


@pytest.mark.parametrize("text, words, name", [
    ("Tom Baker spoke first. “He has no plan at all,” Lopez said about Baker after the debate.", "no plan", "Lopez"),
    ("Ruiz answered on Tuesday.\n\n“My record speaks for itself.”", "My record", "Ruiz"),
])
def test_a_name_without_an_actor_is_a_person_speaker(pipeline: Any, text: str, words: str, name: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name and q.speaker_kind == "person"


@pytest.mark.parametrize("text, words, speaker", [
    ("Ruiz answered on Tuesday.\n\n“My record speaks for itself.”", "My record", "Ruiz"),
    ("The finance minister responded angrily in parliament.\n\n“These figures are simply wrong.”", "figures are",
     "The finance minister"),
    ("The union leader replied at once.\n\n“Nobody asked the workers.”", "Nobody asked", "The union leader"),
])
def test_a_turn_announced_by_a_verb_of_saying_takes_the_next_quotation(pipeline: Any, text: str, words: str,
                                                                       speaker: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and q.speaker_mention.text == speaker and q.rule.startswith("previous-cue")


def test_a_sentence_without_a_verb_of_saying_announces_no_turn(pipeline: Any) -> None:
    q = quote(analyse(pipeline, "The minister left the room in silence.\n\n“We will publish new ones.”"), "publish")
    assert q.speaker_mention is None


@pytest.mark.parametrize("text, words, name", [
    ("The lead negotiator for the northern provinces, Grace Achieng, said the deal would be signed in May.",
     "deal would be signed", "Grace Achieng"),
    ("The director of the water authority in Mombasa, Peter Kamau, said the pipes would be replaced.",
     "pipes would be replaced", "Peter Kamau"),
])
def test_a_name_set_off_after_a_long_description_is_the_speaker(pipeline: Any, text: str, words: str,
                                                                name: str) -> None:
    """The name in apposition names the subject however long its description; the parser may hang it
    on the last place or body of the description, but a person is no apposition of a place."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name


@pytest.mark.parametrize("text, words, other", [
    ("Vice President Laura Finch met the miners on Monday.\n\nThe president said later that the mine would stay "
     "open.", "mine would stay", "Laura Finch"),
    ("Deputy Prime Minister Omar Haddad opened the debate.\n\nThe prime minister said the budget was fair.",
     "budget was fair", "Omar Haddad"),
])
def test_a_titled_speaker_is_not_the_holder_of_another_office(pipeline: Any, text: str, words: str,
                                                             other: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is None or a.actor(q.speaker).name != other


def test_a_titled_speaker_still_refers_back_to_the_holder(pipeline: Any) -> None:
    a = analyse(pipeline, "President Laura Finch met the miners on Monday.\n\nThe president said later that "
                          "the mine would stay open.")
    q = quote(a, "mine would stay")
    assert q.speaker is not None and a.actor(q.speaker).name == "Laura Finch"


def test_a_name_after_a_verb_of_calling_is_no_label_said() -> None:
    """"called President X on Monday" parsed with the name as a label and no object: the one
    telephoned, not words said; "called him a liar" keeps its label."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.quotes.content import _object_children

    doc = Doc(Vocab(), words=["Norway", "called", "President", "Smith", "on", "Monday"], heads=[1, 1, 3, 1, 1, 4],
              deps=["nsubj", "ROOT", "compound", "oprd", "prep", "pobj"],
              pos=["PROPN", "VERB", "PROPN", "PROPN", "ADP", "PROPN"], lemmas=["Norway", "call", "President",
                                                                              "Smith", "on", "Monday"])
    assert _object_children(doc[1]) == []
    doc = Doc(Vocab(), words=["Norway", "called", "him", "a", "liar"], heads=[1, 1, 1, 4, 1],
              deps=["nsubj", "ROOT", "dobj", "det", "oprd"], pos=["PROPN", "VERB", "PRON", "DET", "NOUN"],
              lemmas=["Norway", "call", "he", "a", "liar"])
    assert [t.text for t in _object_children(doc[1])] == ["him", "liar"]


@pytest.mark.parametrize("text, words, person", [
    ("Rosa Delgado toured the plant on Monday. Her supporters say she will win easily.", "she will win", "Rosa Delgado"),
    ("Senator Paul Ferris spoke in Leeds. Ferris aides said the speech was rewritten twice.", "speech was rewritten",
     "Paul Ferris"),
    ("Chancellor Ilse Brandt landed in Oslo. Her spokesman said she would stay two days.", "stay two days",
     "Ilse Brandt"),
    ("Omar Haddad was charged on Friday. Haddad's lawyers said he would plead not guilty.", "plead not guilty",
     "Omar Haddad"),
])
def test_people_tied_to_a_person_are_not_that_person(pipeline: Any, text: str, words: str, person: str) -> None:
    """"her supporters", "X aides", "X's lawyers": a group or another person tied to X speaks, not X."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name != person
    assert q.speaker_kind != "person" or "lawyer" not in (q.speaker_description or "")


@pytest.mark.parametrize("text, words, person", [
    ("Rosa Delgado toured the plant on Monday. She said the plant would stay open.", "plant would stay", "Rosa Delgado"),
    ("Omar Haddad was charged on Friday. Haddad said he would plead not guilty.", "plead not guilty", "Omar Haddad"),
    ("Chancellor Ilse Brandt landed in Oslo. The chancellor said the talks went well.", "talks went well",
     "Ilse Brandt"),
])
def test_the_person_still_speaks_for_themselves(pipeline: Any, text: str, words: str, person: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == person


@pytest.mark.parametrize("text, words, code", [
    ("A Russian Foreign Ministry spokesman said the talks would continue.", "talks would continue", "RUSGOV"),
    ("A spokesman for the German government said the plan was fair.", "plan was fair", "DEUGOV"),
])
def test_a_spokesman_takes_the_sector_of_the_body_spoken_for(pipeline: Any, text: str, words: str,
                                                              code: str) -> None:
    """CAMEO codes a spokesman by whom they speak for, never as media (the source dictionary's
    bare "spokesman" is MED)."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).code == code


def test_a_spokesman_alone_is_no_media_actor() -> None:
    from newsgraph.actors.lexicon import sector_of

    assert sector_of("spokesman") is None and sector_of("spokeswomen") is None
    assert sector_of("foreign ministry spokesman") == "GOV"
    assert sector_of("journalists") == "MED"


def test_a_noun_inside_a_phrase_set_off_by_commas_is_no_subject() -> None:
    """The parser may give a verb two subjects when a phrase set off by commas stands between the
    subject and the verb ("The council, as part of a case against some members of the family,
    said"); the noun inside the interjection does not speak. Two subjects split by a line break
    (a dateline above the sentence) keep the nearer one."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from newsgraph.quotes.speaker import subject_of

    words = ["The", "council", ",", "as", "part", "of", "a", "case", "against", "some", "members", "of", "the",
             "family", ",", "said", "it", "had", "the", "files"]
    heads = [1, 15, 15, 15, 3, 4, 7, 5, 7, 10, 15, 10, 13, 11, 15, 15, 17, 15, 19, 17]
    deps = ["det", "nsubj", "punct", "prep", "pobj", "prep", "det", "pobj", "prep", "det", "nsubj", "prep", "det",
            "pobj", "punct", "ROOT", "nsubj", "ccomp", "det", "dobj"]
    pos = ["DET", "NOUN", "PUNCT", "ADP", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN", "ADP", "DET", "NOUN",
           "PUNCT", "VERB", "PRON", "VERB", "DET", "NOUN"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    sp = subject_of(doc[15])
    assert sp is not None and doc[sp.head].text == "council"
    # no commas around the nearer one: the nearer subject stays
    words2 = ["Monday", "\n", "The", "senator", "says", "it", "is", "over"]
    doc2 = Doc(Vocab(), words=words2, heads=[4, 0, 3, 4, 4, 6, 4, 6],
               deps=["nsubj", "dep", "det", "nsubj", "ROOT", "nsubj", "ccomp", "acomp"],
               pos=["PROPN", "SPACE", "DET", "NOUN", "VERB", "PRON", "AUX", "ADV"])
    sp2 = subject_of(doc2[4])
    assert sp2 is not None and doc2[sp2.head].text == "senator"


def test_she_said_goes_to_the_woman_not_the_man_named_last(pipeline: Any) -> None:
    a = analyse(pipeline, "Nancy Okafor met the mayor on Monday. John Harker arrived later.\n\n"
                          "\"We have a deal,\" she said after the meeting.")
    q = quote(a, "We have a deal")
    assert q.speaker is not None and a.actor(q.speaker).name == "Nancy Okafor"


def test_its_authors_are_not_the_state(pipeline: Any) -> None:
    a = analyse(pipeline, "Norway published a study on fishing. Its authors say the stocks are falling.")
    q = quote(a, "stocks are falling")
    assert q.speaker is None or a.actor(q.speaker).kind != "country"


@pytest.mark.parametrize("text, words", [
    ("Lena Hart said the port should be ready for delays and said the strike would spread.", "strike would spread"),
    ("Lena Hart, the port's director, said the repairs will cost $2 million but vowed that fees would not rise.",
     "fees would not rise"),
])
def test_a_second_report_parallel_to_the_first_has_its_sayer(pipeline: Any, text: str, words: str) -> None:
    # the parser hangs the second verb of saying on the first one's content
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and "Hart" in q.speaker_mention.text


class _Tok:
    """A parsed token reduced to what the parallel-report rule reads (the parses that need the
    rule depend on whole sentences, so the rule is checked on the structure itself)."""

    def __init__(self, i: int, lemma: str, tag: str, dep: str, head: Any = None) -> None:
        self.i, self.lemma_, self.tag_, self.dep_ = i, lemma, tag, dep
        self.head = head if head is not None else self
        self.children: list[Any] = []
        if head is not None:
            head.children.append(self)


@pytest.mark.parametrize("aux, tag, parallel", [(None, "VBD", True), ("will", "VBD", True), ("have", "VBD", False),
                                               ("be", "VBN", False), ("be", "VBD", True)])
def test_a_second_participle_under_one_auxiliary_is_no_parallel_report(aux: str | None, tag: str,
                                                                       parallel: bool) -> None:
    from newsgraph.quotes.speaker import parallel_report

    # "X said [prices <aux> rise/risen ...] and told ...": with "have" on the inner verb the second
    # verb can be its participle ("have risen ... and told", whichever tag the tagger gives "told"),
    # with "be" only a participle can share it ("were violated and demanded ..." is a second report);
    # with a modal it cannot
    said = _Tok(1, "say", "VBD", "ROOT")
    inner = _Tok(4, "rise", "VBN" if aux in ("have", "be") else "VB", "ccomp", said)
    if aux:
        _Tok(3, aux, "VBP" if aux != "will" else "MD", "aux", inner)
    second = _Tok(8, "tell", tag, "conj", inner)
    assert (parallel_report(second) is said) == parallel


def test_a_verb_of_saying_inside_the_content_keeps_its_own_subject(pipeline: Any) -> None:
    a = analyse(pipeline, "Lena Hart said the dockers walked out and told managers to wait.")
    assert not any(q.speaker_mention is not None and "Hart" in q.speaker_mention.text and q.text == "to wait"
                   for q in a.quotes)


@pytest.mark.parametrize("text, words, kind, description", [
    ("Republicans said the bill would raise taxes on small firms.", "raise taxes", "generic", "Republicans"),
    ("Many Democrats argued that the measure went too far.", "went too far", "generic", "Many Democrats"),
    ('"We need a vote this week," a Florida Republican told reporters.', "vote this week", "anonymous",
     "a Florida Republican"),
    ("One Ohio Democrat said the count should start again.", "count should start", "anonymous", "Ohio Democrat"),
])
def test_party_members_are_a_group_or_an_unnamed_person(pipeline: Any, text: str, words: str, kind: str,
                                                        description: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_kind == kind and description in (q.speaker_description or "")


@pytest.mark.parametrize("text, words, name", [
    ('Senator Jane Holloway criticised the budget on Monday. "This plan fails working families," the Michigan '
     'Democrat said.', "fails working", "Jane Holloway"),
    ('Rep. Tom Marsh spoke after the hearing. "We were misled," the Ohio Republican said.', "were misled",
     "Tom Marsh"),
])
def test_the_party_epithet_of_a_named_person_is_that_person(pipeline: Any, text: str, words: str, name: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == "person" and name in a.actor(q.speaker).name


def test_a_party_epithet_with_nobody_named_before_is_nobody(pipeline: Any) -> None:
    """Without a person named earlier, "the Republican" stays unresolved (no guess)."""
    q = quote(analyse(pipeline, '"It was a mistake," the Republican said.'), "mistake")
    assert q.speaker is None


@pytest.mark.parametrize("text, words, kind, name", [
    ('"The numbers do not add up," the Daily Ledger said in an editorial.', "add up", "organisation",
     "Daily Ledger"),
    ("Harbor Review's Dana Whitfield wrote that the plan was doomed.", "plan was doomed", "person",
     "Dana Whitfield"),
])
def test_a_named_speaker_without_an_actor_is_a_body_only_when_its_name_says_so(
        pipeline: Any, text: str, words: str, kind: str, name: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == kind and a.actor(q.speaker).name == name


@pytest.mark.parametrize("text, words", [
    ("The Trump Administration said on Monday that the tariffs would stay.", "tariffs would stay"),
    ("The Trump administration said on Monday that the tariffs would stay.", "tariffs would stay"),
])
def test_a_leaders_government_speaks_for_the_state_not_the_leader(pipeline: Any, text: str, words: str) -> None:
    """Capitalised or not, "the Trump Administration" that says something is the government of
    the leader's state, never the leader in person nor a body of its own."""
    a = pipeline(RawDocument(text=text, published="2018-04-11"))
    q = quote(a, words)
    assert q.speaker == "USAGOV"


@pytest.mark.parametrize("text, words, name", [
    ("In a letter to the mayor, council leader Anna Kell urged him to use his powers to stop “every sale of "
     "public land to outside firms.”", "every sale", "Anna Kell"),
    ("After a question from Rep. Dana Bell, D-Ohio, Omar Frey said he had warned the board twice.",
     "warned the board", "Omar Frey"),
    # an adverb between the subject and the verb, a hyphenated surname the tagger calls an organisation
    ("Lena Ortiz-Vega won the primary in June. In an interview with the online talk show “The Daily Roundup,” "
     "a member of a donor-funded network of small outlets called The Media Circle, Ortiz-Vega also concedes "
     "that the show's coverage lifted her campaign.", "coverage lifted", "Ortiz-Vega"),
])
def test_the_subject_the_parser_hung_on_a_fronted_phrase_is_the_speaker(pipeline: Any, text: str, words: str,
                                                                         name: str) -> None:
    """A finite main verb has a subject: with none in the parse, the noun phrase right before the
    verb, set off from the fronted phrase by a comma, is the sayer."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker is not None and q.speaker_mention is not None
    assert name in q.speaker_mention.text


@pytest.mark.parametrize("text, words, author", [
    ("The Senate panel released an analysis on Monday. “Legal arrivals have doubled since 1990,” the analysis "
     "reads.", "doubled since", "Senate"),
    ("The mayor sent a letter to the board. “We cannot wait another winter,” the letter says.", "another winter",
     "mayor"),
    ("A report by the city auditor found waste in the depot. According to the report, fuel went missing for years.",
     "fuel went missing", "auditor"),
])
def test_a_document_named_before_speaks_for_its_author(pipeline: Any, text: str, words: str, author: str) -> None:
    """"the analysis reads", "according to the report": the document the text introduced with its
    author, so its author speaks."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and author in q.speaker_mention.text


@pytest.mark.parametrize("text, words, author", [
    ("In a statement, the harbour authority said the pier would reopen. The statement added that repairs had "
     "cost twice the estimate.", "repairs had cost", "harbour authority"),
    ("The union wrote in a letter to members that the strike was over. “Return on Monday,” the letter says.",
     "Return on Monday", "union"),
    ("The petition, signed by forty farmers, argues that the canal must stay open.", "canal must stay open",
     "farmers"),
    ("A study published by the Lakeside Institute found that rents rose. The study says wages stalled.",
     "wages stalled", "Lakeside Institute"),
    ("Attorneys for the mill owner filed a brief on Friday. The brief claims the fine is unlawful.",
     "fine is unlawful", "Attorneys"),
])
def test_a_document_speaks_for_whoever_said_or_wrote_it(pipeline: Any, text: str, words: str, author: str) -> None:
    """"X said in a statement ... The statement added", "the petition, signed by Y,": the author of the
    document is the one the verb of saying or the participle of authoring names (and a noun the tagger
    calls an adjective, "filed a brief", is still the document)."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and author in q.speaker_mention.text


@pytest.mark.parametrize("text, words, not_author", [
    ("The petition, delivered on Tuesday, argues that the canal must stay open.", "canal must stay open",
     "Tuesday"),
    ("Residents read the statement aloud at the meeting. The statement says the canal must stay open.",
     "canal must stay open", "Residents"),
    ("The text of the ruling, as published by Residents Weekly, says that the canal must stay open.",
     "canal must stay open", "Residents"),
    ("The mayor defended the curfew, according to a video posted by the Harbour Gazette. "
     "“Nobody wants this, but the streets must be safe at night.”", "streets must be safe", "Gazette"),
])
def test_a_document_without_a_named_author_names_none(pipeline: Any, text: str, words: str,
                                                      not_author: str) -> None:
    """A participle with no agent, a reader who is no author, one who passes a text on ("as
    published by X") or posts a recording of someone's speech ("a video posted by X") gives the
    document no author."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is None or not_author not in q.speaker_mention.text


@pytest.mark.parametrize("text, content", [
    ("The port authority published an audit of the docks. According to the audit, two cranes were unsafe.",
     "two cranes were unsafe"),
    ("According to people close to the harbour board, the tender will be cancelled.", "the tender will be cancelled"),
    ("According to the statement, which was issued late on Sunday, the border stays shut.", "the border stays shut"),
])
def test_according_to_reports_only_the_clause_it_frames(pipeline: Any, text: str, content: str) -> None:
    """The content of "according to X, ..." starts after X and all that modifies it, wherever the
    speaker X stands for was named."""
    q = quote(analyse(pipeline, text), content.split()[-1])
    assert q.text.strip(" .") == content


@pytest.mark.parametrize("text, words, name", [
    ("“There's a lot of doubt about paying growers more money for water based on old claims,” Prof. Elena Marsh, "
     "Director of the Institute for Research in Soil and Water at the Westfield State University School of "
     "Agriculture and author of Who Owns the River?, told me several years ago.", "paying growers", "Elena Marsh"),
    ("“We have waited for this road since my grandfather was a boy in the valley,” Marta Quill, a retired teacher "
     "who has lived in the village for seventy years and chairs the local history society, said.",
     "waited for this road", "Marta Quill"),
])
def test_a_sayer_with_a_long_description_before_the_verb_speaks(pipeline: Any, text: str, words: str,
                                                                name: str) -> None:
    """However long the apposition between the name and the verb of saying after a quotation (a
    title with a question mark in it included), the name is the sayer."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and name in q.speaker_mention.text


def test_a_document_of_unknown_author_stays_a_document(pipeline: Any) -> None:
    """An indefinite mention with no author starts another document: no earlier author is borrowed."""
    a = analyse(pipeline, "The council published a study last year. A report found rising costs. "
                          "“Costs rose by a third,” the report says.")
    q = quote(a, "Costs rose")
    assert q.speaker_mention is not None and "council" not in q.speaker_mention.text


def test_the_same_words_reported_by_two_cues_are_one_quote(pipeline: Any) -> None:
    a = analyse(pipeline, 'The league criticized the mayor for the remarks, saying the vote is a "basic civic '
                          'right."')
    assert len([q for q in a.quotes if "basic civic right" in q.text]) == 1


@pytest.mark.parametrize("text, words, sayer", [
    ('The president, Ana Ruiz, said on Tuesday that the harvest was "a disaster," Radio Sur reports.',
     "a disaster", "president"),
    ('Kosta Ivanov, a member of parliament, wrote on Facebook that the decision meant "the region faces full '
     'chaos."', "full chaos", "Kosta Ivanov"),
])
def test_of_two_reports_of_the_same_words_the_inner_speech_is_the_sayers(pipeline: Any, text: str, words: str,
                                                                          sayer: str) -> None:
    """"X said that ..., the agency reports": X said it, the agency passes it on; but a document's
    verb inside a report ("the decision meant ...") is no one speaking."""
    a = analyse(pipeline, text)
    found = [q for q in a.quotes if words in q.text]
    assert len(found) == 1 and found[0].speaker_mention is not None and sayer in found[0].speaker_mention.text


@pytest.mark.parametrize("text, words, name", [
    ("The Senate's Agriculture subcommittee held a hearing on farm aid. Members heard from growers. "
     "The subcommittee said the payments had grown too fast.", "payments had grown", "Agriculture subcommittee"),
    ("The Harvard panel on water policy published its findings. “We need more dams,” the panel said.",
     "more dams", "Harvard panel"),
    ("Lakeside County's school board met on Tuesday.\n\nThe board said classes would resume in March.",
     "classes would resume", "school board"),
])
def test_a_bare_description_of_a_body_is_the_body_named_before(pipeline: Any, text: str, words: str,
                                                               name: str) -> None:
    """"the subcommittee said" after "the Senate's Agriculture subcommittee": that body, an
    organisation of the text, also across a paragraph break."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and q.speaker_kind == "organisation"
    assert name in a.actor(q.speaker).name
    assert any(name in m.text for m in a.actor(q.speaker).mentions)


@pytest.mark.parametrize("text, words", [
    ("A panel of doctors met in the capital. The panel said the vaccine was safe.", "vaccine was safe"),
    ("Officials formed a new committee last year. The committee said it would report in May.", "report in May"),
    ("The Senate's ethics panel opened a review. A new panel was formed in May. The panel said the review was "
     "fair.", "review was fair"),
])
def test_a_body_never_named_stays_a_description(pipeline: Any, text: str, words: str) -> None:
    """No name before, or an unnamed "a new panel" in between: nothing to borrow."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == "generic" and q.speaker_description
    assert q.speaker is None or "Senate" not in a.actor(q.speaker).name


def test_a_document_named_paragraphs_before_speaks_for_its_author(pipeline: Any) -> None:
    a = analyse(pipeline, "The regional water board issued an analysis of the drought on Monday.\n\n"
                          "“Reservoirs are at a third of capacity,” the analysis reads.")
    q = quote(a, "Reservoirs are")
    assert q.speaker_mention is not None and "board" in q.speaker_mention.text


def test_another_sayer_in_between_keeps_the_document_unattributed_to_the_first_author(pipeline: Any) -> None:
    """"X issued a statement ... Y said ... ‘...,’ the statement said": the second statement may be Y's."""
    a = analyse(pipeline, "The mining company issued a statement denying the claims.\n\n"
                          "The workers' union said the mine was unsafe.\n\n"
                          "“We will not go back underground,” the statement said.")
    q = quote(a, "go back underground")
    assert q.speaker_mention is None or "company" not in q.speaker_mention.text


def test_a_modified_document_noun_does_not_borrow_an_earlier_author(pipeline: Any) -> None:
    """"the committee report" names its own kind of author; an earlier "the auditor's report" is another."""
    a = analyse(pipeline, "The city auditor's report found waste in the depot. Lawmakers argued for weeks. "
                          "The committee report says the depot should close.")
    q = quote(a, "depot should close")
    assert q.speaker_mention is None or "auditor" not in q.speaker_mention.text


@pytest.mark.parametrize("first, later", [("Northwind Technologies", "Northwind"), ("Acme Corp.", "Acme"),
                                          ("Brightline Holdings", "Brightline")])
def test_a_company_s_short_name_is_the_same_organisation(pipeline: Any, first: str, later: str) -> None:
    a = analyse(pipeline, f"{first} announced a new factory in Ohio on Monday. {later} said the plant would "
                          f"employ 400 people. Analysts said {later} had struggled for years.")
    orgs = [x for x in a.actors if x.kind == "organization" and later in x.name]
    assert len(orgs) == 1, [(x.name, [m.text for m in x.mentions]) for x in orgs]


def test_same_company_needs_only_legal_form_words_after_the_short_name() -> None:
    from newsgraph.actors.state import same_company

    assert same_company("Northwind Technologies", "Northwind") and same_company("Acme", "Acme Corp.")
    assert same_company("Brightline Holdings Group Inc", "Brightline")
    assert not same_company("Apple Records", "Apple")          # a business line, not a legal form
    assert not same_company("Group", "Holdings Group")          # nothing left but the form words
    assert not same_company("Acme", "Acme")                     # the same name is not a short form
    assert not same_company("Northwind Technologies", "Southwind")


@pytest.mark.parametrize("text, words, name", [
    ("Crews worked all night. “The levee is holding for now,” WXYZ reports.", "levee is holding", "WXYZ"),
    ("The bill passed on Friday. The NFLA said the vote was a betrayal of its members.", "vote was a betrayal",
     "NFLA"),
])
def test_a_speaker_named_in_capitals_alone_is_a_body(pipeline: Any, text: str, words: str, name: str) -> None:
    """"WXYZ reports", "the NFLA said": an unknown name written in capitals, alone, is an organisation."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name
    assert a.actor(q.speaker).kind == "organization" and q.speaker_kind == "organisation"


def test_a_capitalised_name_with_other_words_is_not_taken_as_a_body(pipeline: Any) -> None:
    a = analyse(pipeline, "The talks stalled. “Old PACT remains in force,” Old PACT says.")
    assert all(x.name != "PACT" for x in a.actors)


def test_a_frame_verb_the_parser_reads_as_a_plural_noun_still_frames(pipeline: Any) -> None:
    """“...,” the Tribune notes.: the -s form of a verb of saying ending the frame after a name."""
    a = analyse(pipeline, "Crews worked all night. \"The reservoir is considered full at 900 feet, and it's at "
                          "that level that water began running over the old gate early Sunday,\" the Tribune notes.")
    q = quote(a, "reservoir is considered full")
    assert q.cue is not None and q.cue.text == "notes"
    assert q.speaker_mention is not None and "Tribune" in q.speaker_mention.text


@pytest.mark.parametrize("text, words, speaker", [
    ("The talks broke down after a Vance demand that the allies pay five times more. Vance left early.",
     "allies pay five times", "Vance"),
    ("A Brookings study found that most small towns lost jobs.", "small towns lost jobs", "Brookings"),
    ("A White House statement said the president would travel to Ohio on Friday.", "would travel to Ohio",
     "United States"),
])
def test_the_author_named_before_a_speech_noun_speaks(pipeline: Any, text: str, words: str, speaker: str) -> None:
    """"a Vance demand that", "a Brookings study found that", "a White House statement said": the
    person, body or seat of government named before the noun is who states the content."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and speaker in a.actor(q.speaker).name


@pytest.mark.parametrize("text", [
    "The Iran statement was read aloud by the envoy.",
    "Tourists walked past the Kremlin walls on Sunday.",
])
def test_a_topic_or_a_place_before_a_noun_is_no_author(pipeline: Any, text: str) -> None:
    a = analyse(pipeline, text)
    assert not a.quotes
    assert all(x.kind != "country" or x.id != "RUS" for x in a.actors)


@pytest.mark.parametrize("text, words, name", [
    ("Acme's chief executive, Lionel Park, said the plant would close in March.", "plant would close", "Lionel Park"),
    ("The firm's spokesman, Grant Hall, said the offer was final.", "offer was final", "Grant Hall"),
])
def test_a_name_set_off_beside_a_person_noun_is_the_person(pipeline: Any, text: str, words: str, name: str) -> None:
    """"the company's chief executive, X Y, said": the tagger may take the name for a building or a
    body; set off beside a noun for a person it is a person's, and that person speaks."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name and a.actor(q.speaker).kind == "person"


def test_a_name_ending_the_subject_phrase_speaks(pipeline: Any) -> None:
    """"The presumptive nominee for governor Lena Marsh said": the name at the end of the subject's
    phrase is who speaks, not the person who spoke before."""
    a = analyse(pipeline, "Mayor Tom Briggs spoke on Monday. The presumptive Democratic nominee for governor "
                          "Lena Marsh said she would restore the funding.")
    q = quote(a, "restore the funding")
    assert q.speaker is not None and a.actor(q.speaker).name == "Lena Marsh"


def test_they_before_a_later_frame_is_not_the_reporting_outlet(pipeline: Any) -> None:
    """"They expect X, the Daily Ledger reported": the frame after the clause reports it; "they" are
    whom the text spoke of before, never the outlet named after the pronoun."""
    a = analyse(pipeline, "Local farmers met the minister on Friday. They expect prices to fall by spring, "
                          "the Daily Ledger reported.")
    they = next((x for x in a.actors for m in x.mentions if m.text == "They"), None)
    assert they is None or "Ledger" not in (they.name or "")


@pytest.mark.parametrize("text, words, name", [
    ("Obama praised Tomas Ruiz, the FIFA referee who revealed that he is retiring, at the dinner.", "retiring",
     "Tomas Ruiz"),
    ("The coach called Dario Vukovic, the NBA center who revealed he is leaving, on Monday.", "leaving",
     "Dario Vukovic"),
    # a name the tagger does not tag as a person, object of the verb before it
    ("The report cited Ana Ruiz, a World Bank economist who said growth would slow.", "growth would slow",
     "Ana Ruiz"),
])
def test_a_relative_clause_on_a_description_of_a_named_person_is_that_persons(pipeline: Any, text: str, words: str,
                                                                               name: str) -> None:
    """"X, the league's referee who said ...": the named person speaks, not the league that
    modifies the description."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name


@pytest.mark.parametrize("text, words, who", [
    ("Paul Lind’s plan to cut the levy is “reckless” for a city budget, his predecessor as mayor Anna Berg has said.",
     "reckless", "anna-berg"),
    ("“Taxes must fall,” her successor as party leader Jane Roe said on Monday.", "Taxes must fall", "jane-roe"),
])
def test_a_name_after_a_role_with_as_is_the_speaker_not_the_possessor(pipeline: Any, text: str, words: str,
                                                                      who: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


@pytest.mark.parametrize("text, words, who", [
    ("“Costs will fall next year,” said Regional Office of Transport and Works Director Lena Marsh.",
     "Costs will fall", "lena-marsh"),
])
def test_a_titled_name_after_a_body_is_the_speaker_not_the_body(pipeline: Any, text: str, words: str,
                                                                 who: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


def test_a_body_with_a_description_after_it_stays_the_speaker(pipeline: Any) -> None:
    q = quote(analyse(pipeline, "“We will appeal,” said Acme Holdings, the parent of the firm."), "We will appeal")
    assert q.speaker == "acme-holdings"


@pytest.mark.parametrize("text, words, who", [
    ("Okafor, questioned again about the 1998 merger, said the deal was lawful.", "deal was lawful", "okafor"),
    ("Delia Marsh, pressed by the committee on the payments, said the funds were returned.", "funds were returned",
     "delia-marsh"),
])
def test_a_subject_set_off_before_a_participle_phrase_speaks(pipeline: Any, text: str, words: str, who: str) -> None:
    """"X, pressed on Y, said ...": the parser may make "X pressed" a clause of its own and leave the
    verb of saying without a subject; the subject set off before the participle is the sayer."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


@pytest.mark.parametrize("text, words, who", [
    ("Footage emerged of economist Karl Brandt saying the voters had been misled.", "voters had been misled",
     "karl-brandt"),
    ("A recording surfaced of Senator Alma Reyes telling donors the bill would pass.", "bill would pass",
     "alma-reyes"),
])
def test_a_participle_of_saying_right_after_a_name_is_that_names(pipeline: Any, text: str, words: str,
                                                                who: str) -> None:
    """"a video of X saying ...": the participle is a reduced relative on the name before it; the
    video, the main verb's subject, says nothing."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


def test_a_participle_after_a_named_subject_stays_with_the_subject(pipeline: Any) -> None:
    """"X met Y, saying ...": a named subject of the main verb does the saying, not the name before
    the participle."""
    a = analyse(pipeline, "Mayor Lena Marsh met Governor Tom Briggs on Monday, saying the budget was final.")
    q = quote(a, "budget was final")
    assert q.speaker == "lena-marsh"


@pytest.mark.parametrize("text, words, who", [
    ("Norway pulled out of the negotiations over the weekend after the shelling started again, saying it refused "
     "to bargain while under attack.", "refused to bargain", "NOR"),
    ("Norway quit the talks on Sunday after artillery fire began again, saying it refused to bargain while under "
     "attack.", "refused to bargain", "NOR"),
])
def test_a_participle_after_a_subordinate_clause_is_the_main_subjects(pipeline: Any, text: str, words: str,
                                                                      who: str) -> None:
    """", saying ..." after an "after/when" clause whose subject cannot speak (gunfire, a vote) tells
    what the main clause's subject said."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


@pytest.mark.parametrize("text, words, who", [
    ("Police were called after Nadia Kovac phoned the station late on Sunday, saying shots had been fired.",
     "shots had been fired", "nadia-kovac"),
    ("The ministry closed the office after the ambassador complained, saying the staff were unsafe.",
     "staff were unsafe", "ambassador"),
])
def test_a_participle_after_a_subordinate_clause_with_a_speaker_keeps_it(pipeline: Any, text: str, words: str,
                                                                         who: str) -> None:
    """"... after X phoned, saying ...": the subordinate clause's subject can speak; the participle
    stays with it."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and who in (q.speaker, a.actor(q.speaker).name)


@pytest.mark.parametrize("text, words", [
    ("Governor Lena Marsh spoke on Monday. The Marsh campaign said the advert was false.", "advert was false"),
    ("Governor Lena Marsh won on Monday. The Marsh transition team said the offer was final.", "offer was final"),
])
def test_a_persons_team_or_campaign_is_not_the_person(pipeline: Any, text: str, words: str) -> None:
    """"the X campaign said", "the X transition team said": the people around X speak as a body, not X."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker != "lena-marsh" and q.speaker_description


@pytest.mark.parametrize("text, words, who", [
    ("The mayor posted an article from the Harbor Gazette saying the bridge was safe.", "bridge was safe",
     "harbor-gazette"),
    ("An article in the Harbor Gazette said the bridge was safe.", "bridge was safe", "harbor-gazette"),
])
def test_a_document_a_publication_printed_speaks_for_it(pipeline: Any, text: str, words: str, who: str) -> None:
    """"shared an article from X saying ...", "an article in X said ...": the document's words are its
    publisher's, not those of whoever shared it."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


def test_a_document_in_a_place_has_no_author_there(pipeline: Any) -> None:
    q = quote(analyse(pipeline, "A report in Lisbon said the talks had failed."), "talks had failed")
    assert q.speaker != "PRT"


@pytest.mark.parametrize("text, words, who", [
    ("Minister Lena Marsh was quoted by the Harbor Gazette as saying the talks had failed.", "talks had failed",
     "lena-marsh"),
    ("Minister Lena Marsh was cited by state radio as saying that the border would reopen.", "border would reopen",
     "lena-marsh"),
])
def test_who_was_quoted_speaks_not_who_quoted_them(pipeline: Any, text: str, words: str, who: str) -> None:
    """"X was quoted by Y as saying ...": Y quotes; X said it."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker == who


@pytest.mark.parametrize("text, words, who", [
    ("The port will reopen to grain ships in May, Transport Minister Ivan Petrov said, the Interfax news agency "
     "reported.", "port will reopen", "Petrov"),
    ("Rebels had left the northern town overnight, a military spokesman said on Friday, the agency reported.",
     "Rebels had left", "spokesman"),
])
def test_a_second_frame_closing_the_sentence_is_the_channel_not_the_content(pipeline: Any, text: str, words: str,
                                                                            who: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert who in (q.speaker_mention.text if q.speaker_mention else "")
    assert not any(q.text.startswith(("the Interfax", "the agency")) for q in a.quotes)


def test_a_reporting_clause_with_its_own_object_stays_content(pipeline: Any) -> None:
    a = analyse(pipeline, "The minister said the agency reported a sharp rise in new cases.")
    assert quote(a, "agency reported a sharp rise").speaker_mention.text == "The minister"


@pytest.mark.parametrize("first, second", [("senator", "governor"), ("mayor", "ambassador")])
def test_a_title_takes_no_earlier_speaker_described_by_another_title(pipeline: Any, first: str, second: str) -> None:
    a = analyse(pipeline, f"The {first} said she was worried about the budget, and the {second} said he was not.")
    q1, q2 = quote(a, "worried about the budget"), quote(a, "he was not")
    assert q1.speaker is not None and q2.speaker is not None and q1.speaker != q2.speaker


def test_a_news_outlet_is_not_the_person_a_title_names_later(pipeline: Any) -> None:
    a = analyse(pipeline, "The newspaper reported that the minister said exports fell sharply in March.")
    q = next(q for q in a.quotes if q.text.startswith("exports fell sharply"))
    paper = next(q for q in a.quotes if q.text.startswith("the minister said"))
    assert q.speaker_mention is not None and q.speaker_mention.text == "the minister"
    assert paper.speaker is not None and q.speaker != paper.speaker


@pytest.mark.parametrize("words, given, expected", [
    ("Mr. Hale", "tom-hale", None),  # the actor stage's reading stands: it bears the surname
    ("Hale", "tom-hale", None),
    ("Hale", None, "tom-hale"),  # no reading: the bearer named first, the story's principal
    ("Mr. Hale", None, "tom-hale"),
])
def test_a_surname_speaker_keeps_the_bearer_it_was_read_as(pipeline: Any, words: str, given: str | None,
                                                           expected: str | None) -> None:
    """Two people share a surname: "Mr. Hale said" read as one of them stays that one, never the
    other bearer because that one was named in full too."""
    from newsgraph.quotes.parsed import Speaker
    from newsgraph.quotes.sources import same_person

    text = ("Governor Tom Hale spoke at the school on Monday. His wife, Ann Hale, runs a charity there.\n\n"
            f"“We will build it this year,” {words} said.")
    a = analyse(pipeline, text)
    start = text.rindex(words)
    head = next(t for t in a.doc if t.idx == start + len(words) - 4)
    actor = next((x for x in a.actors if x.id == given), None)
    found = same_person(a, a.doc, Speaker(head.i, start, start + len(words), "subject"), actor)
    assert (found.id if found else None) == expected


@pytest.mark.parametrize("text, words, name", [
    ("Hundreds lined the road. “We came for the river,” one of them, Omar Bekele, 41, told reporters.",
     "came for the river", "Omar Bekele"),
    ("One of the nurses, Grace Mwangi, said the ward had run out of gloves.", "run out of gloves", "Grace Mwangi"),
])
def test_one_of_a_group_named_in_apposition_is_the_speaker(pipeline: Any, text: str, words: str, name: str) -> None:
    """"one of them, <name>, said": the name sets off who the one is; no group speaks."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name and q.speaker_kind == "person"


@pytest.mark.parametrize("text", [
    "Data suggest there was a rise in thefts over the summer.",
    "The data indicate that fewer families moved away this year.",
])
def test_measurements_that_suggest_are_no_ones_words(pipeline: Any, text: str) -> None:
    assert analyse(pipeline, text).quotes == []


@pytest.mark.parametrize("text, words", [
    ("The marchers shouted the slogan, “jobs now, jobs here,” all the way to the plaza.", "jobs now"),
    ("He closed with his catchphrase, “keep the lights on,” as he always does.", "keep the lights on"),
])
def test_a_slogan_set_off_by_a_comma_is_named_not_said(pipeline: Any, text: str, words: str) -> None:
    assert not any(words in q.text for q in analyse(pipeline, text).quotes)


@pytest.mark.parametrize("text, words, sayer", [
    ("The plant will close next year, reported the local paper.", "plant will close", "the local paper"),
    ("The ruling will allow the appeal to go ahead, reported CourtWatch.", "appeal to go ahead", "CourtWatch"),
])
def test_a_sayer_put_after_its_verb_once_the_content_is_given_is_the_speaker(pipeline: Any, text: str, words: str,
                                                                           sayer: str) -> None:
    """"<content>, reported the paper": the content came first, so the noun phrase after the verb
    is no content of it but the inverted subject (read where the parser makes the content the
    verb's clausal complement; where it makes the verb a conjunct of the content, as it often
    does, no quote is found yet)."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and q.speaker_mention.text == sayer


def test_an_object_of_a_verb_of_saying_with_no_content_before_it_is_no_speaker(pipeline: Any) -> None:
    a = analyse(pipeline, "The clerk reported the theft to the sheriff, who said the safe was empty.")
    assert all(q.speaker_mention is None or "theft" not in q.speaker_mention.text for q in a.quotes)


@pytest.mark.parametrize("text, words, sayer", [
    ("The senator made the case that the levy would pay for itself within a decade.", "levy would pay", "The senator"),
    ("She used a chart to make the case that “permits here take far too long” before the vote.",
     "permits here take", "She"),
])
def test_making_the_case_that_is_arguing_it(pipeline: Any, text: str, words: str, sayer: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and q.speaker_mention.text == sayer


@pytest.mark.parametrize("text", [
    "In case that the talks fail, the ministry will step in.",
    "The judge heard the case that the tenants brought against the landlord.",
])
def test_a_case_that_is_no_argument_is_no_quote(pipeline: Any, text: str) -> None:
    assert analyse(pipeline, text).quotes == []


@pytest.mark.parametrize("text, words, sayer", [
    ("The critic wrote a reply. “The report is a sham,” hissed the editors of the site.", "report is a sham",
     "the editors of the site"),
    ("The singer whined to the host, “Nobody returned my calls for years.”", "Nobody returned my calls", "The singer"),
    ("The mayor groaned that the budget was a mess again.", "budget was a mess", "The mayor"),
])
def test_verbs_of_speaking_in_a_manner_frame_a_quotation(pipeline: Any, text: str, words: str, sayer: str) -> None:
    """hiss, whine, groan, snarl, gripe ...: verbs of speaking in a manner are verbs of saying."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and q.speaker_mention.text == sayer


@pytest.mark.parametrize("text, words", [
    ("Kofi Boateng spoke on Monday. Boateng's rival for the nomination said on Thursday that the plan was a "
     "mistake.", "plan was a mistake"),
    ("Kofi Boateng spoke on Monday. Boateng's counterpart in Togo said the border would stay open.",
     "border would stay open"),
    ("Kofi Boateng spoke on Monday. Boateng's predecessor said the deal had been a mistake.", "deal had been"),
])
def test_the_person_a_relation_is_named_by_is_not_the_speaker(pipeline: Any, text: str, words: str) -> None:
    """"X's rival said", "X's predecessor said": someone tied to X speaks, never X."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker != "kofi-boateng" and q.speaker_description


@pytest.mark.parametrize("text, words, name", [
    ("The talks ended.\n\nHolt's predecessor as speaker, John Carter, said on Friday that he backed the bill.",
     "backed the bill", "John Carter"),
    ("John Holt spoke first. His predecessor as chairman, John Carter, said on Friday that he backed the bill.",
     "backed the bill", "John Carter"),
    ("The farmers met on Monday.\n\nBoateng's successor as party chairman, Ama Mensah, told reporters that the "
     "vote would be held in May.", "vote would be held", "Ama Mensah"),
])
def test_a_name_set_off_after_the_role_someone_held_is_who_held_it(pipeline: Any, text: str, words: str,
                                                                      name: str) -> None:
    """"his predecessor as chairman, <name>, said": the parser may hang the name on the role; the
    name is the one who held it, the phrase's head."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker is not None and a.actor(q.speaker).name == name


@pytest.mark.parametrize("text, words, who", [
    ("Transgender rights advocates, meanwhile, are vowing to fight on after the ruling.", "fight on",
     "Transgender rights advocates"),
    ("Disability rights advocates, meanwhile, are warning that the law will fail.", "law will fail",
     "Disability rights advocates"),
    ("Immigrant rights advocates, meanwhile, are warning that the law will fail.", "law will fail",
     "Immigrant rights advocates"),
])
def test_a_subject_set_off_by_an_interjected_adverb_is_the_speaker(pipeline: Any, text: str, words: str,
                                                                    who: str) -> None:
    """"X, meanwhile, are vowing ...": the parser may leave the subject unlabelled when an adverb in
    commas comes between it and its verb; it still speaks."""
    q = quote(analyse(pipeline, text), words)
    assert q.speaker_mention is not None and q.speaker_mention.text == who


@pytest.mark.parametrize("text, name", [
    ("The U.S. Treasury said on Monday that the rules would change.", "U.S. Treasury"),
    ("The U.K. Border Force said on Monday that the checks would resume.", "U.K. Border Force"),
])
def test_a_state_body_named_with_its_state_is_no_person(pipeline: Any, text: str, name: str) -> None:
    """A body whose name carries its state's abbreviation has a name shaped like no one's, even in
    two words a tagger may take for a person's."""
    a = analyse(pipeline, text)
    actor = next(x for x in a.actors if x.name == name)
    assert actor.kind == "organization"


@pytest.mark.parametrize("text, words, name", [
    ("But two farm groups, the Prairie Growers League and the Rural Supply Council, said the tariff could hurt "
     "their members.", "tariff could hurt", "Prairie Growers League"),
    ("Two unions, the Dockers Guild and the Harbour Crews Alliance, said on Monday that the strike would go on.",
     "strike would go on", "Dockers Guild"),
])
def test_bodies_named_after_a_plural_noun_are_who_speaks(pipeline: Any, text: str, words: str, name: str) -> None:
    """ "two groups, A and B, said": the parser joins the names to the noun as a coordination; they set
    off who the groups are, and the first named speaks (as "A and B said" gives A)."""
    a = analyse(pipeline, text)
    q = quote(a, words)
    speaker = next((x for x in a.actors if x.id == q.speaker), None)
    assert speaker is not None and speaker.name == name, (q.speaker, [(x.id, x.name) for x in a.actors])


def test_a_name_in_a_list_of_groups_is_not_who_speaks_for_them(pipeline: Any) -> None:
    a = analyse(pipeline, "Farm groups, dock unions and the Rural Supply Council said the tariff would hurt them.")
    q = quote(a, "tariff would hurt")
    speaker = next((x for x in a.actors if x.id == q.speaker), None)
    assert speaker is None or speaker.name != "Rural Supply Council"


def _parsed(rows: list[tuple[str, int, str, str]]) -> Any:
    """A parse given by hand (word, head, dependency, coarse tag): the parser's mistakes to test
    against cannot be written into English on demand."""
    import spacy
    from spacy.tokens import Doc

    words = [w for w, *_ in rows]
    spaces = [not (k + 1 < len(words) and words[k + 1] in {".", ","}) for k in range(len(words))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=[h for _, h, _, _ in rows],
               deps=[d for *_, d, _ in rows], pos=[p for *_, p in rows])


class _Recent:
    def __init__(self, rows: list[tuple[int, int, Any]]):
        self.rows = rows

    def recent(self, before: int, after: int) -> list[tuple[int, int, Any]]:
        return [r for r in reversed(self.rows) if after <= r[0] < before]

    def is_speaker(self, start: int) -> bool:
        return False


def test_a_pronoun_after_a_person_the_parser_saw_as_no_subject_takes_no_older_subject() -> None:
    """"... the speech that Ruiz gave. And Cole touted the plan. ‘...,’ he said": when the parser
    reads the later person as no subject ("Cole" as a modifier), the subject of a clause inside
    an older sentence is no surer antecedent: no person is chosen (the actors stage's reading stands)."""
    from types import SimpleNamespace

    from newsgraph.model import Actor
    from newsgraph.quotes.parsed import Speaker
    from newsgraph.quotes.sources import recent_person

    doc = _parsed([
        ("He", 1, "nsubj", "PRON"), ("cited", 1, "ROOT", "VERB"), ("the", 3, "det", "DET"),
        ("speech", 1, "dobj", "NOUN"), ("that", 6, "dobj", "PRON"), ("Ruiz", 6, "nsubj", "PROPN"),
        ("gave", 3, "relcl", "VERB"), (".", 1, "punct", "PUNCT"),
        ("And", 12, "cc", "CCONJ"), ("Cole", 12, "nmod", "PROPN"), ("touted", 12, "amod", "VERB"),
        ("the", 12, "det", "DET"), ("plan", 12, "ROOT", "NOUN"), (".", 12, "punct", "PUNCT"),
        ("We", 16, "nsubj", "PRON"), ("will", 16, "aux", "AUX"), ("go", 19, "ccomp", "VERB"),
        (",", 19, "punct", "PUNCT"), ("he", 19, "nsubj", "PRON"), ("said", 19, "ROOT", "VERB"),
        (".", 19, "punct", "PUNCT"),
    ])
    ruiz = Actor(id="ruiz", name="Ruiz", kind="person")
    cole = Actor(id="cole", name="Cole", kind="person")
    mention = {t.i: (t.idx, t.idx + len(t.text)) for t in doc}
    discourse = _Recent([(*mention[5], ruiz), (*mention[9], cole)])
    he = doc[18]
    analysis = SimpleNamespace(article=SimpleNamespace(text=doc.text))
    assert recent_person(analysis, doc, Speaker(he.i, he.idx, he.idx + 2), discourse) is None
    # with no later person named, the subject of the older clause is the antecedent
    assert recent_person(analysis, doc, Speaker(he.i, he.idx, he.idx + 2), _Recent([(*mention[5], ruiz)])) is ruiz
