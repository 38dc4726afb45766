"""The DuckDB store: one transaction per article, idempotent ids, failures kept, typed filters."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import BadArgument, BadDate, StoreError
from newsgraph.model import (
    Actor,
    Analysis,
    Article,
    Event,
    Mention,
    Quote,
    Relation,
    Span,
    content_hash,
    from_dict,
)
from newsgraph.pipeline import Failure
from newsgraph.store import Filters, Store


def make_analysis(text: str = "Ruritania accused Freedonia of shelling the border. “We will respond,” the minister said.",
                  published: str = "2023-03-01", art_id: str | None = None) -> Analysis:
    h = content_hash(text)
    art = Article(id=art_id or h, text=text, title="Border row", published=published, content_hash=h)
    i = text.index("Freedonia")
    a1 = Actor(id="RUR", name="Ruritania", kind="country", country="RUR", code="RUR",
               mentions=[Mention(0, 9, text[0:9])])
    a2 = Actor(id="FRE", name="Freedonia", kind="country", country="FRE", code="FRE",
               mentions=[Mention(i, i + 9, text[i:i + 9])])
    q0 = text.index("We will")
    quote = Quote(id="q0", text=text[q0:q0 + 15], start=q0, end=q0 + 15, kind="direct", speaker="RUR",
                  cue=Span.of(text, text.index("said"), text.index("said") + 4))
    ev = Event(id="e1", source=["RUR"], target=["FRE"], plover="ACCUSE", cameo="112", goldstein=-2.0,
               quad="verbal conflict", evidence=Span.of(text, 0, text.index(".") + 1), date=published,
               date_precision="day")
    rel = Relation(type="member_of", subject="RUR", object="XTO", source="kb")
    return Analysis(article=art, actors=[a1, a2], quotes=[quote], events=[ev], relations=[rel])


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.duckdb") as s:
        yield s


def test_add_is_idempotent_by_id_and_content(store):
    a = make_analysis()
    assert store.add(a) is True
    assert store.add(a) is False
    same_text_other_id = make_analysis(art_id="custom-id")
    assert store.add(same_text_other_id) is False
    assert store.count("articles") == 1 and store.count("events") == 1


def test_round_trip_of_the_document(store):
    a = make_analysis()
    store.add(a)
    back = store.analysis(a.article.id)
    assert back.to_dict() == a.to_dict()
    assert from_dict(a.to_dict()).to_dict() == a.to_dict()


def test_failed_transaction_leaves_no_half_article(store, monkeypatch):
    a = make_analysis()
    original = store._insert

    def explode(doc):
        original(doc)  # all rows written inside the transaction ...
        raise RuntimeError("disk full")  # ... then the process dies before COMMIT

    monkeypatch.setattr(store, "_insert", explode)
    with pytest.raises(RuntimeError):
        store.add(a)
    monkeypatch.setattr(store, "_insert", original)
    assert store.count("articles") == 0 and store.count("actors") == 0 and store.count("events") == 0
    assert store.add(a) is True


def test_failures_are_recorded(store):
    counts = store.add_many([make_analysis(), Failure("bad.jsonl:3", None, "NG105", "line 3 is not JSON")])
    assert counts == {"stored": 1, "skipped": 0, "failed": 1}
    assert store.failures()[0]["code"] == "NG105"


def test_filters(store):
    store.add(make_analysis())
    store.add(make_analysis("Ruritania and Freedonia traded fire. “We will respond,” the minister said.",
                            "2023-05-02"))
    assert len(store.articles(Filters(actor="RUR"))) == 2
    assert len(store.articles(Filters(date_from="2023-04-01"))) == 1
    assert len(store.articles(Filters(q="shelling"))) == 1
    ev = store.events(Filters(plover="accuse", date_to="2023-04-01"))
    assert len(ev) == 1 and ev[0]["source"] == ["RUR"]
    assert store.events(Filters(cameo="11"))[0]["cameo"] == "112"
    assert store.events(Filters(cameo="19")) == []
    assert store.quotes(Filters(actor="Ruritania"))[0]["speaker"] == "RUR"
    assert {r["id"] for r in store.actors(Filters(kind="country"))} == {"RUR", "FRE"}


def test_filter_values_are_bound_not_pasted(store):
    store.add(make_analysis())
    evil = "x'; DROP TABLE articles; --"
    assert store.articles(Filters(q=evil)) == []
    assert store.events(Filters(actor=evil, plover=evil)) == []
    assert store.count("articles") == 1


def test_bad_filters(store):
    with pytest.raises(BadArgument):
        store.articles(Filters(limit=0))
    with pytest.raises(BadDate):
        store.articles(Filters(date_from="last tuesday"))
    with pytest.raises(BadArgument):
        store.count("sqlite_master")


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError) as exc:
        Store(tmp_path / "none.duckdb", read_only=True)
    assert "newsgraph ingest" in str(exc.value)


def test_not_a_duckdb_file(tmp_path):
    p = tmp_path / "junk.duckdb"
    p.write_text("this is not a database")
    with pytest.raises(StoreError) as exc:
        Store(p)
    assert exc.value.code in {"NG400", "NG401"}
    assert p.read_text() == "this is not a database"  # nothing overwritten


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200).filter(lambda t: "Freedonia" not in t))
def test_property_store_round_trip(tmp_path, text):
    full = "Ruritania accused Freedonia of shelling the border. “We will respond,” the minister said. " + text
    a = make_analysis(full)
    with Store(":memory:") as s:
        s.add(a)
        back = s.analysis(a.article.id)
    assert back.to_dict() == a.to_dict()
    for q in back.quotes:
        assert back.article.text[q.start:q.end] == q.text


def test_quotes_keep_rule_and_confidence_and_filter_by_it(store):
    a = make_analysis()
    a.quotes[0].rule, a.quotes[0].confidence = "post-frame", 0.95
    b = make_analysis("Ruritania denied the allegations of Freedonia. “We will respond,” the minister said.",
                      "2023-05-02")
    b.quotes = [Quote(id="q0", text="the allegations of Freedonia", start=17, end=45, kind="indirect",
                      speaker="RUR", rule="object", confidence=0.5)]
    a.events[0].confidence, b.events[0].confidence = 0.9, 0.4
    store.add(a)
    store.add(b)
    rows = {r["rule"]: r for r in store.quotes(Filters())}
    assert rows["object"]["confidence"] == 0.5 and rows["post-frame"]["confidence"] == 0.95
    assert [r["rule"] for r in store.quotes(Filters(min_confidence=0.6))] == ["post-frame"]
    assert len(store.events(Filters())) == 2 and len(store.events(Filters(min_confidence=0.6))) == 1
    with pytest.raises(BadArgument):
        store.quotes(Filters(min_confidence=1.5))


def test_a_version_3_store_gets_quote_rules_from_its_documents(tmp_path):
    db = tmp_path / "v3.duckdb"
    a = make_analysis()
    a.quotes[0].rule, a.quotes[0].confidence = "post-frame", 0.95
    with Store(db) as s:
        s.add(a)
        # make it look like a version 3 store: quotes without rule and confidence
        s.execute("ALTER TABLE quotes DROP COLUMN rule")
        s.execute("ALTER TABLE quotes DROP COLUMN confidence")
        s.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        signatures = s.count("article_signatures")
    with Store(db) as s:
        row = s.quotes(Filters())[0]
        assert (row["rule"], row["confidence"]) == ("post-frame", 0.95) and s.count("quotes") == 1
        assert s.count("article_signatures") == signatures


def test_public_sql_methods_wrap_errors_and_keep_transactions_whole(store):
    """What analytics and exports use instead of the connection: execute / query / insert_rows /
    transaction / for_thread."""
    store.add(make_analysis())
    assert store.execute("SELECT count(*) FROM articles") == [(1,)]
    assert store.query("SELECT kind, speaker FROM quotes") == [{"kind": "direct", "speaker": "RUR"}]
    with pytest.raises(StoreError, match=r"^querying the store: "):
        store.execute("SELECT * FROM no_such_table")
    with pytest.raises(StoreError, match=r"^linking pairs: "), store.transaction("linking pairs"):
        store.insert_rows("duplicate_pairs", [{"article_a": "a", "article_b": "b", "similarity": 0.9}])
        store.execute("SELECT * FROM no_such_table")
    with pytest.raises(RuntimeError), store.transaction("linking pairs"):
        store.insert_rows("duplicate_pairs", [["a", "b", 0.9]])
        raise RuntimeError("a bug half way")
    assert store.count("duplicate_pairs") == 0  # both transactions rolled back
    with pytest.raises(KeyError, match="unknown column"):
        store.insert_rows("duplicate_pairs", [{"article_a": "a", "article_b": "b", "similarity": 1, "x": 2}])
    reader = store.for_thread()
    try:
        assert reader.known([make_analysis().article.id]) == {make_analysis().article.id}
    finally:
        reader.close()
    assert store.count("articles") == 1  # closing the thread's handle leaves the store open
