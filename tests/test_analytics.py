"""Corpus analytics on hand-built analyses: near duplicates, reports -> real events, series with
bloc roll-ups as of each event's date, and the signed actor network."""

from __future__ import annotations

import random
from datetime import date

import pytest

from corpus_fixtures import BLOC, Doc, Ev, analyses, build, corpus
from newsgraph import analytics as an
from newsgraph.errors import BadArgument
from newsgraph.store import Store


@pytest.fixture
def store():
    with Store(":memory:") as s:
        for a in analyses():
            assert s.add(a)
        yield s


def _ids(store):
    return [a.article.id for a in analyses()]


# ---------------------------------------------------------------------------------------------- MinHash

def test_minhash_estimates_jaccard():
    rng = random.Random(7)
    words = [f"w{i}" for i in range(2000)]
    errors = []
    for _ in range(60):
        base = [rng.choice(words) for _ in range(rng.randint(60, 400))]
        edited = list(base)
        for _ in range(rng.randint(0, len(base) // 3)):
            edited[rng.randrange(len(edited))] = rng.choice(words)
        a, b = " ".join(base), " ".join(edited)
        sa, sb = set(an.shingle_hashes(a).tolist()), set(an.shingle_hashes(b).tolist())
        true = len(sa & sb) / len(sa | sb)
        errors.append(an.signature_similarity(an.minhash_signature(a), an.minhash_signature(b)) - true)
    assert abs(sum(errors) / len(errors)) < 0.02  # unbiased
    assert max(map(abs, errors)) < 0.2


def test_minhash_basics():
    text = corpus()[0].text
    sig = an.minhash_signature(text)
    assert sig.dtype.name == "uint32" and len(sig) == an.MINHASH_PERMUTATIONS
    assert (an.minhash_signature(text) == sig).all()  # deterministic
    assert an.signature_similarity(sig, an.minhash_signature(text.upper())) == 1.0  # case-insensitive
    assert an.signature_similarity(sig, an.minhash_signature(corpus()[5].text)) < 0.2
    assert len(an.minhash_signature("")) == an.MINHASH_PERMUTATIONS


# ---------------------------------------------------------------------------------------------- duplicates

def test_wire_copy_is_linked_to_the_original(store):
    rep = an.find_duplicates(store)
    assert (rep.groups, rep.copies) == (1, 1)
    original, copy = _ids(store)[:2]
    rows = store.query("SELECT article_id, canonical_id, similarity FROM article_duplicates ORDER BY similarity DESC")
    assert {r["article_id"] for r in rows} == {original, copy}
    assert all(r["canonical_id"] == original for r in rows)  # same day: the one stored first is canonical
    assert store.query("SELECT * FROM duplicate_pairs")[0]["similarity"] >= 0.7
    # idempotent: a rerun rewrites the same links
    assert an.find_duplicates(store).to_dict() == rep.to_dict()
    assert store.count("article_duplicates") == 2


def test_threshold_and_bad_arguments(store):
    assert an.find_duplicates(store, threshold=1.0).groups == 0
    with pytest.raises(BadArgument):
        an.find_duplicates(store, threshold=0)
    with pytest.raises(BadArgument):
        an.find_duplicates(store, bands=7)


def test_earlier_article_is_canonical_whatever_the_order_stored():
    docs = corpus()
    copy, original = build(docs[1]), build(docs[0])
    copy.article.published = "2023-03-07"  # the copy ran a day later, but is stored first
    with Store(":memory:") as s:
        s.add(copy)
        s.add(original)
        an.find_duplicates(s)
        canon = {r[0] for r in s.execute("SELECT canonical_id FROM article_duplicates")}
    assert canon == {original.article.id}


def test_signatures_are_backfilled_for_old_stores(store):
    store.execute("DELETE FROM article_signatures")
    rep = an.find_duplicates(store)
    assert rep.signed == 7 and rep.copies == 1


# ---------------------------------------------------------------------------------------------- clusters

def test_reports_cluster_into_real_events(store):
    an.find_duplicates(store)
    rep = an.cluster_events(store)
    assert rep.reports == 11  # the negated event is not a report of anything
    rows = an.clusters(store)
    top = rows[0]
    # the wire story, its copy and another outlet's report a day later: one real event
    assert (top["source"], top["target"], top["plover"]) == ("RUS", "UKR", "ACCUSE")
    assert (top["n_reports"], top["n_articles"], top["n_independent"], top["n_sources"]) == (3, 3, 2, 3)
    assert (top["date_start"], top["date_end"]) == (date(2023, 3, 6), date(2023, 3, 7))
    assert top["sources"] == ["daily-reprint.example.org", "example-wire.com", "other-news.example.net"]
    reports = an.cluster_reports(store, top["cluster_id"])
    assert len(reports) == 3 and sum(r["duplicate_of"] is not None for r in reports) == 1
    assert all(r["url"] for r in reports)
    # the same dyad and type a week apart stays two events; same day, different type stays apart
    blr_nato = [r for r in rows if (r["source"], r["target"]) == ("BLR", "NATO")]
    assert len(blr_nato) == 2
    assert {r["plover"] for r in rows if r["target"] == "POL"} == {"THREATEN", "ACCUSE"}
    # every report belongs to exactly one cluster
    assert store.count("event_cluster_reports") == rep.reports
    assert sum(r["n_reports"] for r in an.clusters(store, limit=1000)) == rep.reports


def test_cluster_ids_are_stable_and_filters_work(store):
    an.cluster_events(store)
    first = [r["cluster_id"] for r in an.clusters(store)]
    an.cluster_events(store)
    assert [r["cluster_id"] for r in an.clusters(store)] == first
    assert all(r["n_articles"] >= 2 for r in an.clusters(store, min_articles=2))
    assert len(an.clusters(store, min_articles=2)) == 1
    assert {r["target"] for r in an.clusters(store, actor="NATO")} == {"NATO"}
    assert all(r["date_start"] >= date(2024, 1, 1) for r in an.clusters(store, date_from="2024-01-01"))


def test_dissimilar_evidence_on_the_same_day_is_two_events():
    text = ("Border incidents\n\nRussia accused Ukraine of shelling a power station. In a separate matter, "
            "Russia accused Ukraine of mistreating prisoners held in camps near Kharkiv.")
    d = Doc(text, "2023-05-01", [Ev(["RUS"], ["UKR"], "ACCUSE", "Russia accused Ukraine of shelling a power station"),
                                 Ev(["RUS"], ["UKR"], "ACCUSE",
                                    "Russia accused Ukraine of mistreating prisoners held in camps near Kharkiv")])
    with Store(":memory:") as s:
        s.add(build(d))
        assert an.cluster_events(s, jaccard=0.5).clusters == 2
        assert an.cluster_events(s, jaccard=0.0).clusters == 1


# ---------------------------------------------------------------------------------------------- series

def test_country_series_by_day_counts_events_once_and_skips_copies(store):
    an.find_duplicates(store)
    rows = an.series(store, "RUS", "UKR", by="day", provider=None).rows
    assert [(r["period"], r["events"]) for r in rows] == [(date(2023, 3, 6), 1), (date(2023, 3, 7), 1)]
    assert rows[0]["goldstein_sum"] == -2.0 and rows[0]["verbal_conflict"] == 1
    with_copies = an.series(store, "RUS", "UKR", by="day", provider=None, include_copies=True).rows
    assert with_copies[0]["events"] == 2


def test_series_fills_gaps_and_respects_dates(store):
    rows = an.series(store, "BLR", "NATO", by="week", provider=None).rows
    assert [r["period"] for r in rows] == [date(2024, 1, 29), date(2024, 2, 5)]
    rows = an.series(store, "BLR", "NATO", by="week", date_from="2024-01-15", date_to="2024-02-20", provider=None).rows
    assert [r["events"] for r in rows] == [0, 0, 1, 1, 0, 0]
    assert rows[0]["goldstein_mean"] is None and rows[0]["goldstein_sum"] == 0.0
    monthly = an.series(store, "BLR", "NATO", by="month", provider=None).rows
    assert [(r["period"], r["events"]) for r in monthly] == [(date(2024, 1, 1), 1), (date(2024, 2, 1), 1)]
    with pytest.raises(BadArgument):
        an.series(store, "BLR", "NATO", by="year", provider=None)


def test_a_person_counts_for_the_person_and_for_the_state(store):
    putin = an.series(store, "Putin", "POL", by="month", provider=None)
    assert putin.source.kind == "actor" and putin.source.ids == ["vladimir-putin"]
    assert putin.rows[0]["events"] == 1
    rus = an.series(store, "RUS", "POL", by="month", provider=None)
    assert rus.rows[0]["events"] == 2  # Putin's threat and Russia's accusation
    # a country named by name resolves to the country
    assert an.series(store, "Russia", "Poland", by="month", provider=None).rows[0]["events"] == 2


def test_negated_events_are_left_out_unless_asked(store):
    assert an.series(store, "POL", "RUS", provider=None).rows == []
    assert an.series(store, "POL", "RUS", provider=None, include_negated=True).rows[0]["material_conflict"] == 1


def test_bloc_rolls_up_members_as_of_each_event_date(store):
    bloc = an.TableMemberships(BLOC)
    s = an.series(store, "XBLOC", None, by="month", provider=bloc)
    assert s.source.kind == "organization"
    assert [m for m, _, _ in s.source.members] == ["BLR", "RUS"]  # the observer is not a member
    by_month = {r["period"]: r["events"] for r in s.rows}
    # March 2023: Russia x3 reports (copy included as no dedupe ran), Putin+Belarus (one event), Russia->Poland,
    # Belarus->Armenia
    assert by_month[date(2023, 3, 1)] == 6
    # 2024: Belarus had left the bloc, so its accusations against NATO do not count
    assert all(v == 0 for p, v in by_month.items() if p.year == 2024)
    # the same events with Belarus still a member
    forever = an.TableMemberships([("BLR", "XBLOC", "member", "2002-05-14", None)])
    s2 = an.series(store, "XBLOC", "NATO", by="month", provider=forever)
    assert sum(r["events"] for r in s2.rows) == 2


def test_bloc_versus_bloc_and_the_organisation_itself():
    """CSTO vs NATO: members' events on both sides, and the organisations' own events."""
    text = ("Blocs trade accusations\n\nRussia accused Poland of hosting missiles. NATO accused Belarus of "
            "staging drills. The Collective Security Treaty Organization accused NATO of expansion.")
    d = Doc(text, "2023-06-01", [
        Ev(["RUS"], ["POL"], "ACCUSE", "Russia accused Poland of hosting missiles"),
        Ev(["NATO"], ["BLR"], "ACCUSE", "NATO accused Belarus of staging drills"),
        Ev(["CSTO"], ["NATO"], "ACCUSE", "The Collective Security Treaty Organization accused NATO of expansion")])
    members = an.TableMemberships([
        ("RUS", "CSTO", "member", "1992", None), ("BLR", "CSTO", "member", "1992", None),
        ("POL", "NATO", "member", "1999-03-12", None), ("USA", "NATO", "member", "1949", None)])
    with Store(":memory:") as s:
        s.add(build(d))
        csto_nato = an.series(s, "CSTO", "NATO", by="month", provider=members)
        nato_csto = an.series(s, "NATO", "CSTO", by="month", provider=members)
    assert csto_nato.rows[0]["events"] == 2  # Russia -> Poland, CSTO -> NATO
    assert nato_csto.rows[0]["events"] == 1  # NATO -> Belarus
    assert csto_nato.target.kind == "organization"


def test_membership_periods_accept_year_and_month_bounds_and_date_only_providers():
    class AsOfOnly:
        """A provider that only answers 'as of a date' (None gives nothing)."""

        def members(self, org_id, on):
            if on is None:
                return []
            return [m for m in (an.Membership("AAA", "ORG", "member", "2020-03", "2020-04"),) if "2020-03-01" <= on < "2020-05-01"]

    periods = an.membership_periods(AsOfOnly(), "ORG", date(2019, 1, 1), date(2021, 1, 1))
    assert periods == [("AAA", "2020-03-01", "2020-05-01")]  # end exclusive: April included
    table = an.TableMemberships([("BBB", "ORG", "member", "1999", "2001")])
    assert an.membership_periods(table, "org", date(2000, 6, 1), date(2000, 7, 1)) == [("BBB", "1999-01-01", "2002-01-01")]
    assert an.membership_periods(table, "ORG", date(2005, 1, 1), date(2006, 1, 1)) == []


def test_series_without_a_knowledge_base_warns_and_still_answers(store, monkeypatch):
    monkeypatch.setattr(an, "kb_memberships", lambda: None)
    s = an.series(store, "CSTO", "ARM", by="month")
    assert s.warnings and s.rows[0]["events"] == 1  # the organisation's own event


# ---------------------------------------------------------------------------------------------- network

def test_network_is_weighted_signed_and_attributed(store):
    g = an.network(store)
    assert g.is_directed()
    assert g["RUS"]["UKR"]["weight"] == 3 and g["RUS"]["UKR"]["sign"] == -1
    assert g["BLR"]["ARM"]["sign"] == 1 and g["BLR"]["ARM"]["cooperation"] == 1
    assert g.nodes["vladimir-putin"]["kind"] == "person" and g.nodes["vladimir-putin"]["country"] == "RUS"
    assert g.nodes["NATO"]["code"] == "IGONATO"
    assert not g.has_edge("POL", "RUS")  # the negated attack
    an.find_duplicates(store)
    assert an.network(store)["RUS"]["UKR"]["weight"] == 2  # the wire copy is not counted again
    folded = an.network(store, by="country")
    assert folded["RUS"]["POL"]["weight"] == 2 and "vladimir-putin" not in folded
    assert an.network(store, min_weight=2).number_of_edges() == 2
    assert an.network(store, date_from="2024-01-01").number_of_nodes() == 2


def test_knowledge_base_roll_up_csto_and_nato(store):
    """With the shipped knowledge base: CSTO and NATO members as of each event's date."""
    kb = an.kb_memberships()
    if kb is None:
        pytest.skip("the knowledge base is not available")
    csto = an.series(store, "CSTO", "POL", by="month")
    assert csto.source.kind == "organization" and {"RUS", "BLR", "ARM"} <= {m for m, _, _ in csto.source.members}
    assert csto.rows[0]["events"] == 2  # Russia's accusation, and Putin with Belarus (one event)
    nato = an.series(store, "NATO", None, by="month")
    assert "POL" in {m for m, _, _ in nato.source.members}
    assert sum(r["events"] for r in nato.rows) == 1  # Duda's talks; Poland's negated attack is left out
    assert an.series(store, "Putin", None, by="month").source.kind == "actor"  # not an organisation


def test_series_events_are_the_events_behind_a_row(store):
    an.find_duplicates(store)
    rows = an.series(store, "XBLOC", "POL", by="week", provider=an.TableMemberships(BLOC)).rows
    assert [(r["period"], r["events"]) for r in rows] == [(date(2023, 3, 6), 2)]
    events = an.series_events(store, "XBLOC", "POL", "2023-03-08", by="week", provider=an.TableMemberships(BLOC))
    assert len(events) == 2 and {e["plover"] for e in events} == {"THREATEN", "ACCUSE"}
    assert an.series_events(store, "RUS", "UKR", "2023-03-06", by="day", provider=None)[0]["evidence"].startswith(
        "Russia accused Ukraine")
    assert len(an.series_events(store, "RUS", "UKR", "2023-03-06", by="day", provider=None,
                                include_copies=True)) == 2


class _AsOfOnly:
    """The knowledge base seen only through ``members(org, on)``: the month-by-month path."""

    def __init__(self, kb):
        self.kb = kb

    def members(self, org_id, on=None):
        return self.kb.members(org_id, on)


@pytest.mark.parametrize(("org", "first", "last"), [
    ("NATO", date(1990, 1, 1), date(2024, 6, 30)),
    ("CSTO", date(1995, 1, 1), date(2023, 12, 31)),
    ("EU", date(2000, 3, 1), date(2021, 2, 28)),
])
def test_the_kbs_membership_history_gives_the_periods_asking_month_by_month_gives(org, first, last):
    from newsgraph.kb import get_kb

    kb = get_kb()
    at_once = an.membership_periods(kb, org, first, last)
    monthly = an.membership_periods(_AsOfOnly(kb), org, first, last)
    assert at_once and set(monthly) <= set(at_once)
    # only periods shorter than a month between two month starts may be missing month by month
    assert all(end[:7] == start[:7] or end[:7] <= first.isoformat()[:7] for _m, start, end in set(at_once) - set(monthly))


def test_an_unknown_organisation_has_no_members_in_the_kb_either():
    from newsgraph.kb import get_kb

    assert an.membership_periods(get_kb(), "NOT-AN-ORG", date(2000, 1, 1), date(2001, 1, 1)) == []
