"""Knowledge-base hygiene, over the whole KB: heads of state belong to their states, no person is
two states' leader unless the sources say so (a shared monarch), one record per real person,
common words flagged, and a user's alias table checked whole before use."""

from __future__ import annotations

from collections import defaultdict

import pytest

from newsgraph.errors import KBError
from newsgraph.kb import get_kb

# titles under which one person may head several states: a shared monarch, a co-prince
SHARED_HEADS = ("king", "queen", "co-prince", "monarch", "sovereign", "prince")


@pytest.fixture(scope="module")
def kb():
    return get_kb()


def _shared_head(title: str) -> bool:
    return any(w in title.lower() for w in SHARED_HEADS)


@pytest.mark.parametrize("day", ["2026-01-01", "2019-06-01", "2015-01-01"])
def test_current_heads_carry_their_states_code(kb, day):
    wrong = []
    for c in kb.countries.values():
        if not c.un_member:
            continue
        for office in ("head_of_state", "head_of_government"):
            for h in kb.holders(office, c.id, day):
                person = kb.entity(h.person_id)
                if person is None:
                    continue
                if person.country != c.id and not _shared_head(h.title):
                    wrong.append((c.id, office, h.person_id, person.country, h.title))
                code = kb.code_for(h.person_id, day) or ""
                if person.country == c.id and not code.startswith(c.id):
                    wrong.append((c.id, office, h.person_id, "code", code))
    assert not wrong, wrong[:20]


def test_nobody_leads_two_states_at_once_unless_a_shared_monarch(kb):
    spans = defaultdict(list)
    for c in kb.countries.values():
        for office in ("head_of_state", "head_of_government"):
            for h in kb.holders(office, c.id):
                spans[h.person_id].append(h)
    clashes = []
    for pid, hs in spans.items():
        for a in hs:
            for b in hs:
                if a.of < b.of and (a.start or "") < (b.end or "9999") and (b.start or "") < (a.end or "9999") \
                        and not (_shared_head(a.title) or _shared_head(b.title)):
                    clashes.append((pid, a.of, a.title, b.of, b.title))
    assert not clashes, clashes[:20]


@pytest.mark.parametrize("pid", ["joe-biden", "barack-obama", "donald-trump"])
def test_us_presidents_hold_no_territory_office(kb, pid):
    assert {h.of for h in kb.roles(pid)} <= {"USA"}
    for day in ("2010-06-01", "2018-06-01", "2022-06-01", None):
        code = kb.code_for(pid, day) or ""
        assert code.startswith("USA"), (pid, day, code)


def test_merged_records_keep_their_old_ids(kb):
    aliases = kb.doc.get("id_aliases", {})
    assert aliases, "duplicate person records are merged at build"
    for old, new in list(aliases.items())[:200]:
        assert kb.entity(old) is not None and kb.entity(old).id == new
        assert kb.entity(new).kind == "person"


def test_one_record_for_one_leader(kb):
    assert kb.entity("lopez-obrador").id == kb.entity("andres-lopez-obrador").id


def test_romanisations_of_one_name_are_one_record(kb):
    # the Factbook and PETRARCH2 spell the same leaders differently
    assert kb.entity("abdullah-ii").id == kb.entity("abdallah-ii").id
    assert kb.entity("hasan-rohani").id == kb.entity("hasan-ruhani").id


def test_no_surname_is_a_regnal_number(kb):
    from newsgraph.kb.names import ROMAN

    bad = [(p["id"], s) for p in kb._people.values() for s in p["surnames"] if ROMAN.match(s)]
    assert not bad, bad[:10]


def test_no_surname_is_a_generational_suffix(kb):
    """A source that ends a name in "Jr." gave "Jr." as the surname: then the suffix matched every
    other "Jr." and merged different people into one record."""
    from newsgraph.kb.names import SUFFIXES

    bad = [(p["id"], s) for p in kb._people.values() for s in p["surnames"] if s.lower() in SUFFIXES]
    assert not bad, bad[:10]
    holder = kb.find_people("Holder", "2013-07-17")
    assert holder and holder[0].id == "eric-h-holder-jr"


def test_vice_presidents_parsed_from_executive_texts():
    from newsgraph.kb.names import parse_vice_presidents

    got = parse_vice_presidents("President Ann B. SMITH (since 2 May 2019); First Vice President Carl DOE (since "
                                "3 May 2019); Second Vice President Dora ROE Jr. (since 4 May 2019); note - x")
    assert [(t, h.full(), h.since) for t, h in got] == [
        ("First Vice President", "Carl Doe", "2019-05-03"), ("Second Vice President", "Dora Roe Jr.", "2019-05-04")]
    assert parse_vice_presidents("President Ann SMITH; vice president (vacant)") == [("Vice President", None)]
    # a list of several vice presidents is not read; nor is a head of state alone
    assert parse_vice_presidents("President Ann SMITH; Vice Presidents Carl DOE, Dora ROE") == []
    assert parse_vice_presidents("President Ann SMITH (since 2019)") == []


def test_a_statement_before_the_holder_is_no_title():
    from newsgraph.kb.names import parse_executive
    from newsgraph.kb.sources import clean_html

    text = clean_html("Notice: the Union recognizes Ana RUIZ as the rightful head<br><br>President Carl DOE "
                      "(since 3 May 2019); Executive Vice President Dora ROE (since 4 May 2020)")
    assert [(h.title, h.full(), h.since) for h in parse_executive(text)] == [("President", "Carl Doe", "2019-05-03")]
    dated = "0n 2 May 2020, the Assembly restored the post which DOE held; President Carl DOE (since 3 May 2019)"
    assert [h.title for h in parse_executive(dated)] == ["President"]


def test_no_office_title_is_a_sentence(kb):
    bad = [(h.person_id, h.title) for pid in kb._people for h in kb.roles(pid)
           if ":" in h.title or any(c.isdigit() for c in h.title)]
    assert not bad, bad[:10]
    assert not kb.roles("juan-guaido", "2020-01-01")  # a state the US recognised him as head of holds no office
    assert {h.title for h in kb.roles("nicolas-maduro", "2020-01-01")} >= {"President"}


def test_a_vice_president_named_after_the_president_is_another_person(kb):
    # a son who bears his father's names: the text names both, so they are two people
    son = [h for h in kb.holders("vice_president", "GNQ", "2021-06-01")]
    father = kb.holders("head_of_state", "GNQ", "2021-06-01")
    assert son and father and {h.person_id for h in son}.isdisjoint({h.person_id for h in father})


def test_name_words_match_up_to_romanisation_only_when_long():
    from newsgraph.kb.build_people import _covers
    from newsgraph.kb.names import same_word as _same_word

    assert _same_word("abdallah", "abdullah") and _same_word("mohammed", "muhammad")
    assert _same_word("schroder", "schroeder")
    assert not _same_word("v", "vi") and not _same_word("ali", "ala")
    assert not _same_word("akihito", "ohata") and not _same_word("kofi", "akufu")
    assert not _same_word("balicki", "belka")
    # one word is a surname: it must be the other name's last word
    assert _covers(frozenset({"banti"}), frozenset({"tafari", "benti"}), "benti", 1)
    assert not _covers(frozenset({"akihito"}), frozenset({"akihiro", "ohata"}), "ohata", 1)
    # "Karam Karam" is two words, not the surname "Karami"
    assert not _covers(frozenset({"karam"}), frozenset({"omar", "karami"}), "karami", 2)
    # longer names match up to romanisation only word for word
    assert _covers(frozenset({"abdallah", "ii"}), frozenset({"abdullah", "ii"}), "ii", 2)
    assert not _covers(frozenset({"hussen", "mohamud"}), frozenset({"hussein", "mohamed", "farah", "aideed"}),
                       "aideed", 2)


def test_every_common_word_form_is_flagged(kb):
    from newsgraph.kb.store import common_words

    common = common_words()
    unflagged = [p.text for p in kb.phrases() if " " not in p.text and p.text.lower() in common and not p.ambiguous]
    assert not unflagged, unflagged[:20]


def test_common_words_list_is_words_not_names():
    from newsgraph.kb.store import common_words

    words = common_words()
    assert {"may", "will", "house"} & words
    assert not {"putin", "nato", "trump"} & words


# ---- the user's alias table ---------------------------------------------------------------------------

def test_a_good_alias_table_adds_forms(kb, tmp_path):
    f = tmp_path / "aliases.tsv"
    f.write_text("# my forms\nthe Kremlin boss\tvladimir-putin\nBelarus strongman\talexander-lukashenko\n", "utf-8")
    extended = kb.with_aliases(f)
    forms = {p.text: p.kb_id for p in extended.phrases() if p.kb_id in {"vladimir-putin", "alexander-lukashenko"}}
    assert forms["the Kremlin boss"] == "vladimir-putin" and forms["Belarus strongman"] == "alexander-lukashenko"
    assert "the Kremlin boss" not in {p.text for p in kb.phrases()}  # the shipped KB is untouched


@pytest.mark.parametrize(("content", "line", "words"), [
    ("the Kremlin boss\tvladimir-putin\nno tab here\n", 2, "expected"),
    ("the Kremlin boss\tno-such-person\n", 1, "unknown KB id"),
    ("x\tvladimir-putin\n", 1, "too short"),
    ("# comment\n\nform\ta\tb\n", 3, "expected"),
])
def test_a_bad_alias_table_is_refused_naming_file_and_line(kb, tmp_path, content, line, words):
    f = tmp_path / "aliases.tsv"
    f.write_text(content, "utf-8")
    with pytest.raises(KBError) as exc:
        kb.with_aliases(f)
    msg = str(exc.value)
    assert exc.value.code == "NG500" and str(f) in msg and f"line {line}" in msg and words in msg


def test_an_alias_table_from_the_config_is_used_by_the_pipeline(tmp_path):
    from newsgraph import config
    from newsgraph.model import RawDocument
    from newsgraph.pipeline import get_pipeline

    f = tmp_path / "aliases.tsv"
    f.write_text("Papa Bear\talexander-lukashenko\n", "utf-8")
    text = "Critics say Papa Bear ignored the vote."
    plain = get_pipeline(config.load())(RawDocument(text=text, published="2022-05-17"))
    assert not any(x.kb_id == "alexander-lukashenko" for x in plain.actors)
    with config.set(kb={"extra_aliases": str(f)}):
        a = get_pipeline(config.load())(RawDocument(text=text, published="2022-05-17"))
    assert any(x.kb_id == "alexander-lukashenko" and x.mentions[0].evidence == "alias" for x in a.actors)


def test_a_missing_alias_table_is_a_coded_error(tmp_path):
    with pytest.raises(KBError) as exc:
        get_kb(aliases=tmp_path / "nope.tsv")
    assert "nope.tsv" in str(exc.value)


def test_no_country_form_is_a_sources_placeholder(kb):
    """A source writes "none" or "NA" in a name column that has no such name (a country with no long
    form, a territory with no adjective); taken as a name, "none" in any sentence named a state."""
    placeholders = {"none", "na", "n/a", "null", "nan", "-", "--"}
    bad = [(c.id, form) for c in kb.countries.values()
           for form in (c.name, c.official, *c.aliases, *c.adjectives, *c.demonyms)
           if form and form.strip().lower() in placeholders]
    assert not bad, bad
