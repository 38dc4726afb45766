"""Embedded posts, shares of a group, epithets and coordinated reports (issue 15), through the whole
pipeline, and the name rules behind them (issue 13).

Sentences and posts written for these tests; none comes from ../shared.
"""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.model import Analysis, RawDocument
from newsgraph.quotes.posts import SIGNATURE


def analyse(pipeline: Any, text: str, published: str | None = None) -> Analysis:
    return pipeline(RawDocument(text=text, published=published))


def quote(a: Analysis, words: str) -> Any:
    found = [q for q in a.quotes if words in q.text]
    assert found, f"no quote with {words!r}: {[q.text for q in a.quotes]}"
    return found[0]


def speaker(a: Analysis, q: Any) -> Any:
    return a.actor(q.speaker) if q.speaker else None


POSTS = """The mayor answered her critics online.

We will not close a single library this year. Not one. pic.twitter.com/Xy12AbCd — Maria Delgado (@mdelgado) March 3, 2019

Her rival was less sure.

"The budget says otherwise and everyone at city hall knows it" — Riverside Daily News (@RiversideNews) Mar. 4, 2019

Skip Twitter post by @tomreyes Thanks to everyone who came to the town hall tonight! — Tom Reyes (@tomreyes) March 5, 2019 Report

The council votes on Friday."""


def test_an_embedded_post_is_a_direct_quote_of_its_author(pipeline: Any) -> None:
    a = analyse(pipeline, POSTS)
    q = quote(a, "not close a single library")
    assert q.kind == "direct" and q.rule.startswith("embedded-post")
    assert q.text == "We will not close a single library this year. Not one."  # no picture link, no signature
    assert speaker(a, q).name == "Maria Delgado" and q.speaker_kind == "person"
    assert q.cue is not None and q.cue.text == "—"


def test_a_post_by_a_body_is_the_body_s_and_loses_its_marks_and_player_line(pipeline: Any) -> None:
    a = analyse(pipeline, POSTS)
    q = quote(a, "budget says otherwise")
    assert q.text == "The budget says otherwise and everyone at city hall knows it"
    assert q.speaker_kind == "organisation"
    q = quote(a, "Thanks to everyone")
    assert q.text == "Thanks to everyone who came to the town hall tonight!"
    assert speaker(a, q).name == "Tom Reyes"


@pytest.mark.parametrize("text", [
    "The senator — a former teacher (@ the time) — said on March 3, 2019 that she would run.",
    "Follow the mayor on Twitter at @mdelgado for updates from March 3, 2019 onward.",
    "The vote — set for Friday — was delayed, the clerk (@clerk) said.",
])
def test_no_signature_without_dash_name_handle_and_date(text: str) -> None:
    assert SIGNATURE.search(text) is None


@pytest.mark.parametrize("text, words, description, code", [
    ("Sixty-two percent of Americans told pollsters that the economy was slowing down.",
     "economy was slowing", "percent of Americans", "USACVL"),
    ("Half of the Russians asked in the poll said the war had been a mistake.", "war had been a mistake",
     "Half of the Russians", "RUSCVL"),
    ("A majority of voters said the governor should resign.", "governor should resign", "majority of voters", None),
])
def test_a_share_of_a_group_speaks_for_the_group_not_the_state(pipeline: Any, text: str, words: str,
                                                               description: str, code: str | None) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert q.speaker_kind == "generic" and description in (q.speaker_description or "")
    if code:
        assert speaker(a, q).code == code


def test_the_people_of_a_state_with_the_article_stay_the_state(pipeline: Any) -> None:
    a = analyse(pipeline, "The Russians said the talks in Vienna had failed.")
    assert quote(a, "talks in Vienna").speaker_kind == "state"


@pytest.mark.parametrize("text, words, ends", [
    ("Some senators argued that the plan went too far, and a third of the members said they would vote no.",
     "plan went too far", "too far"),
    ("The mayor said the budget was balanced, but the auditor said it was not.", "budget was balanced", "balanced"),
])
def test_a_report_does_not_end_with_the_conjunction_that_joins_the_next(pipeline: Any, text: str, words: str,
                                                                        ends: str) -> None:
    q = quote(analyse(pipeline, text), words)
    assert q.text.endswith(ends)


def test_an_epithet_names_the_person_named_before(pipeline: Any) -> None:
    text = ('Agent Mary Lowe spent 25 years at the bureau. "It was a disgrace," the 25-year veteran added. '
            '"Nobody was held to account."')
    a = analyse(pipeline, text)
    assert speaker(a, quote(a, "a disgrace")).name == "Mary Lowe"


def test_a_new_person_described_is_not_the_person_named_before(pipeline: Any) -> None:
    a = analyse(pipeline, "Mayor Ann Ruiz toured the depot. The Obama administration said the grant was approved.")
    q = quote(a, "grant was approved")
    assert speaker(a, q) is None or speaker(a, q).name != "Ann Ruiz"


def test_another_given_name_before_a_leader_s_surname_is_another_person(pipeline: Any) -> None:
    a = analyse(pipeline, "The senator posed with Ivanka Trump and the press secretary at a gala on Monday.",
                published="2018-02-01")
    assert not any(x.kb_id == "donald-trump" for x in a.actors)
    assert any(x.name == "Ivanka Trump" and x.kind == "person" for x in a.actors)


def test_a_leader_s_surname_alone_still_links_on_the_date(pipeline: Any) -> None:
    # the bearer holds the top office that day of a state the article names ("American")
    a = analyse(pipeline, "Critics said Trump had misled American farmers about trade with China.", published="2018-02-01")
    assert any(x.kb_id == "donald-trump" for x in a.actors)


@pytest.mark.parametrize("text, iso3", [
    ("The project failed, according to the Special Inspector General for Iraq Reconstruction.", "IRQ"),
    ("The Iran Deal was debated for hours in the chamber on Tuesday.", "IRN"),
])
def test_a_state_s_name_inside_another_name_is_no_actor(pipeline: Any, text: str, iso3: str) -> None:
    a = analyse(pipeline, text, published="2018-02-01")
    assert not any(x.kb_id == iso3 for x in a.actors)


@pytest.mark.parametrize("text, iso3", [
    ("The US Senate voted on the bill, and Russia warned of a response.", "RUS"),
    ("U.S. Attorney John Doe said the case against the bank would go ahead.", "USA"),
    ("Russia Weighs New Sanctions", "RUS"),
])
def test_a_state_s_own_body_office_or_headline_keeps_the_state(pipeline: Any, text: str, iso3: str) -> None:
    a = analyse(pipeline, text, published="2018-02-01")
    assert any(x.kb_id == iso3 for x in a.actors)


@pytest.mark.parametrize("text", [
    "The mayor called for calm after the protests on Sunday.",
    "Residents asked for more buses on the night route.",
    "The bridge stayed shut all week, as families ask for shelter in the school gym.",
])
def test_a_thing_asked_for_is_no_report(pipeline: Any, text: str) -> None:
    assert analyse(pipeline, text).quotes == []


def test_a_demand_in_the_speaker_s_words_is_a_quote(pipeline: Any) -> None:
    a = analyse(pipeline, 'The mayor called for "a full and open inquiry into the shooting" on Sunday.')
    q = quote(a, "full and open inquiry")
    assert q.speaker is not None


def test_a_call_on_others_to_act_stays_a_report(pipeline: Any) -> None:
    a = analyse(pipeline, "The envoy called for all parties to publish their accounts of the talks.")
    assert quote(a, "publish their accounts").speaker is not None


@pytest.mark.parametrize("text, title", [
    ("In her new book, “The Quiet Harbor: How a Small Town Rebuilt Its Port,” the author argues the state failed.",
     "The Quiet Harbor"),
    ("The senator told “Meet the Voters” on Sunday that the bill would pass.", "Meet the Voters"),
    ("The mayor attended the “Clean Rivers Now” rally with hundreds of residents.", "Clean Rivers Now"),
    ("Her memoir, “The Long Road Home,” was a hit, critics said.", "The Long Road Home"),
])
def test_a_title_in_title_case_is_named_not_said(pipeline: Any, text: str, title: str) -> None:
    a = analyse(pipeline, text)
    assert not any(q.text.startswith(title) for q in a.quotes if q.kind in ("direct", "partial"))


@pytest.mark.parametrize("text, words", [
    ("“We will rebuild the port by winter,” the mayor said.", "rebuild the port"),
    ("“Jane Roe has got to go!” the protesters chanted outside the hall.", "Jane Roe has got to go"),
    ("“STOP THE VOTE NOW,” the sign-waving crowd shouted at the clerk, the police said.", "STOP THE VOTE"),
    ("He carried the county easily. “Anybody But Mayor Roe,” said Tom Reyes, a retired teacher.", "Anybody But Mayor"),
    ("“Never Again, Never Ever,” the veteran senator told reporters.", "Never Again"),
])
def test_speech_in_sentence_case_or_capitals_stays_a_quote(pipeline: Any, text: str, words: str) -> None:
    assert any(words in q.text for q in analyse(pipeline, text).quotes)


@pytest.mark.parametrize("text, first, second, sayer", [
    ("Officials have warned that the dam is weak and told residents to leave.", "the dam is weak", "to leave",
     "Officials"),
    ("The consulate said his passport was seized and insisted it be returned within a day.", "passport was seized",
     "it be returned", "The consulate"),
    ("The mayor said the city would be flooded by Friday and warned that more rain was coming.",
     "flooded by Friday", "more rain was coming", "The mayor"),
])
def test_a_second_report_coordinated_inside_the_first_has_the_same_sayer(pipeline: Any, text: str, first: str,
                                                                          second: str, sayer: str) -> None:
    a = analyse(pipeline, text)
    q1, q2 = quote(a, first), quote(a, second)
    assert q1.text.endswith(first.split()[-1]) or q1.text.endswith("Friday")  # the first report stops at "and"
    assert q1.speaker_mention.text == sayer and q2.speaker_mention.text == sayer


@pytest.mark.parametrize("text, words, name", [
    ("“Kids deserve better than a side of soda,” Reyes, a Democrat from Fresno, told the Daily Ledger.",
     "side of soda", "Reyes"),
    ("“Rates will rise again,” Ortiz, an economist at the bank, said on Monday.", "Rates will rise", "Ortiz"),
])
def test_a_name_described_as_one_person_is_a_person(pipeline: Any, text: str, words: str, name: str) -> None:
    a = analyse(pipeline, text)
    q = quote(a, words)
    assert speaker(a, q).name == name and q.speaker_kind == "person"


def test_a_name_and_a_verb_of_saying_before_a_colon_frame_the_next_paragraph(pipeline: Any) -> None:
    text = ("Ann Ruiz said the desk was reviewing the story.\n\n"
            "Nora Field, the network's spokeswoman, added (by email):\n\n"
            "\"We stand by our reporting and will publish a full account next week.\"")
    a = analyse(pipeline, text)
    assert speaker(a, quote(a, "stand by our reporting")).name == "Nora Field"


@pytest.mark.parametrize("text", [
    "Students called for the chancellor to resign on Monday.",
    "Opposition leaders called for the president to step down.",
])
def test_a_call_for_someone_to_act_is_an_appeal_not_a_phone_call(pipeline: Any, text: str) -> None:
    # the "for X to Y" clause, parsed as an adverbial clause, is what was called for
    evs = analyse(pipeline, text, published="2019-06-01").events
    assert not [e for e in evs if e.plover == "CONSULT"]
    assert any(e.plover == "REQUEST" for e in evs)


@pytest.mark.parametrize("text, bad", [
    ("The governor signed the order on Friday. Nora Field/Getty Images\n\nCritics said the order went too far.",
     "Nora Field"),
    ("The mayor spoke at the depot. Tom Reyes/AP\n\nShe promised more buses.", "Tom Reyes"),
])
def test_a_photo_credit_names_no_actor(pipeline: Any, text: str, bad: str) -> None:
    a = analyse(pipeline, text, published="2019-06-01")
    assert not any(bad in x.name for x in a.actors)


def test_a_chamber_naming_a_bill_does_not_act(pipeline: Any) -> None:
    a = analyse(pipeline, "Assembly Bill 412 requires schools to serve water with lunch. Bill Reyes backed it, "
                          "and the Assembly passed it in May.", published="2019-06-01")
    names = [x.name for x in a.actors]
    assert not any("412" in n or n in ("Assembly Bill", "Bill 412") for n in names)
    assert any(n == "Bill Reyes" for n in names)
    assert sum(m.text == "Assembly" for x in a.actors for m in x.mentions) <= 1  # only the chamber that passed it


def test_a_state_s_party_members_are_a_party_group_not_the_state(pipeline: Any) -> None:
    a = analyse(pipeline, "German Conservatives said the budget must pass before the summer break.")
    q = quote(a, "budget must pass")
    assert q.speaker_kind == "generic" and speaker(a, q).code == "DEUPTY"
    assert "Conservatives" in (q.speaker_description or "")


@pytest.mark.parametrize("text, quote, speaker", [
    ("Mayor Paul Okafor said the vote did not worry him, since Governor Daniel Osei had promised an open "
     "debate. “I think that is healthy,” he said.", "I think that is healthy", "Paul Okafor"),
    ("Paul Okafor said he got no warning from Daniel Osei before the governor spoke, but he is not worried "
     "that Osei will go around him. He said he talks with the governor “quite often.”", "quite often", "Paul Okafor"),
    # a subject of the main clause is not needed when the subordinate one is the only person
    ("The report was late because Daniel Osei had asked for more time. “We needed it,” he said.",
     "We needed it", "Daniel Osei"),
])
def test_a_he_speaker_continues_the_main_clauses_subject(pipeline: Any, text: str, quote: str, speaker: str) -> None:
    a = analyse(pipeline, text, published="2019-02-01")
    q = next(q for q in a.quotes if quote in q.text)
    assert a.actor(q.speaker).name == speaker


ROUNDUP = """Views on the transit levy

From the first camp

The first camp says the levy is overdue and the city should have passed it years ago.

“The buses are late because the city has starved them for a decade. A levy that pays for drivers is the least the council owes its riders.”

“Every year of delay makes the repair bill larger, and the riders who can least afford a car pay it.”

Helena Marsh, Harbor City Courier

“Commuters have already voted with their feet; the levy simply catches up with them.”

Omar Castillo, The Valley Ledger

From the second camp

Regarding the council’s timetable, “nobody has explained why the levy must pass before the audit is finished.”

Grace Whitfield, Coastal Review

“A city that cannot keep its buses running cannot ask for more money until it shows the books.”

Editorial Board, The New York Times

“The levy is a tax on the people who ride least.”

Lena Brandt and Tomas Ivers, The Valley Ledger"""


def test_quotations_signed_on_the_line_under_them_are_the_signer_s(pipeline: Any) -> None:
    a = analyse(pipeline, ROUNDUP)
    for words, name in (("buses are late", "Helena Marsh"), ("voted with their feet", "Omar Castillo"),
                        ("nobody has explained", "Grace Whitfield")):
        q = quote(a, words)
        assert q.kind == "direct" and q.rule.startswith("signed"), q
        assert speaker(a, q) is not None and speaker(a, q).name == name
        assert q.cue is not None and q.cue.text.startswith(name)
    q = quote(a, "shows the books")  # an outlet's board signs for the outlet
    assert q.rule.startswith("signed") and q.speaker_kind == "organisation"
    assert "New York Times" in q.speaker_mention.text
    q = quote(a, "ride least")  # two writers sign together
    assert q.rule.startswith("signed") and q.speaker_mention.text == "Lena Brandt and Tomas Ivers"


@pytest.mark.parametrize("text", [
    # one such line closes an ordinary story: a byline or credit, not the quotation's signer
    "The council met on Monday.\n\nThe mayor said the levy would pass.\n\n“We have the votes,” she said.\n\n"
    "“It will pass this week.”\n\nHelena Marsh, Harbor City Courier",
    # a list of names and a roll call are no signatures
    "The council met on Monday.\n\n“We have the votes.”\n\nHelena Marsh, Omar Castillo and Grace Whitfield\n\n"
    "“It will pass this week.”\n\nSen. Omar Castillo, D-Ore.\n\nThe vote is on Friday.",
])
def test_a_line_that_only_looks_like_a_signature_signs_nothing(pipeline: Any, text: str) -> None:
    a = analyse(pipeline, text)
    assert not [q for q in a.quotes if q.rule.startswith("signed")]
