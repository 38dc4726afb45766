"""Stories across outlets: articles of several news sources telling the same news become one story
with its articles and merged events; unrelated articles and far-apart dates stay apart."""

from __future__ import annotations

import json

import pytest

from newsgraph import batch, config
from newsgraph.evaluate.splits import split_of
from newsgraph.evaluate.stories import Pair, load_pairs, score
from newsgraph.store import Store
from newsgraph.stories import cluster_stories, group, stories, story, story_events

NO_NLP = {"pipeline": {"order": ["ingest"]}}

# made-up news, written for this test: three outlets on one vote, two on one storm, singles
ARTICLES = [
    ("vote-a", "https://north.example.com/a", "2024-03-04",
     "Freedonia parliament approves disputed water treaty with Sylvania",
     "The Freedonian parliament approved the disputed water treaty with Sylvania on Monday after a long night "
     "of debate, sending the accord on the Rella river dams to the president for signature."),
    ("vote-b", "https://south.example.org/b", "2024-03-05",
     "Sylvania welcomes Freedonia vote on water treaty",
     "Sylvania welcomed the vote of the Freedonian parliament approving the water treaty, saying the Rella river "
     "dams accord ends a decade of quarrels over the disputed river."),
    ("vote-c", "https://east.example.net/c", "2024-03-04",
     "Freedonian lawmakers back Rella water treaty",
     "Lawmakers in Freedonia backed the Rella river water treaty with Sylvania in a late vote, after the "
     "opposition failed to delay the disputed accord on the dams."),
    ("storm-a", "https://north.example.com/s", "2024-03-05",
     "Cyclone Ilse floods coastal towns in Marovia",
     "Cyclone Ilse flooded coastal towns across Marovia overnight, cutting power to thousands of homes as "
     "rescue teams searched for missing fishermen."),
    ("storm-b", "https://west.example.com/s2", "2024-03-06",
     "Marovia counts damage after cyclone Ilse",
     "Marovia began counting the damage left by cyclone Ilse in its coastal towns, where floods cut power and "
     "fishermen are still missing."),
    ("late-vote", "https://west.example.com/l", "2024-05-20",
     "Freedonia parliament approves disputed water treaty again",
     "The Freedonian parliament approved the disputed water treaty with Sylvania on the Rella river dams a "
     "second time, months later, after a court ruling."),
    ("other", "https://east.example.net/o", "2024-03-05",
     "Museum in Kordavia opens wing for bronze age tools",
     "A museum in Kordavia opened a new wing for bronze age tools found near the old harbour by students."),
]


@pytest.fixture()
def store(tmp_path):
    feed = tmp_path / "news.jsonl"
    feed.write_text("\n".join(json.dumps({"id": i, "url": u, "published": d, "title": t, "text": x})
                              for i, u, d, t, x in ARTICLES) + "\n", "utf-8")
    db = tmp_path / "s.duckdb"
    batch.ingest([str(feed)], str(db), config=config.load(**NO_NLP), workers=1)
    with Store(db) as s:
        yield s


def test_articles_of_one_news_from_several_outlets_become_one_story(store):
    rep = cluster_stories(store, config=config.load(analytics={"story_max_df": 1.0}))
    assert rep.articles == len(ARTICLES) and rep.stories == 2
    rows = stories(store, min_sources=1)
    by_size = sorted(rows, key=lambda r: -r["n_articles"])
    assert [r["n_articles"] for r in by_size] == [3, 2]
    vote = story(store, by_size[0]["story_id"])
    assert {a["article_id"] for a in vote["articles"]} == {"vote-a", "vote-b", "vote-c"}
    assert vote["n_sources"] == 3 and vote["sources"] == ["east.example.net", "north.example.com", "south.example.org"]
    assert str(vote["date_start"]) == "2024-03-04" and str(vote["date_end"]) == "2024-03-05"
    storm = story(store, by_size[1]["story_id"])
    assert {a["article_id"] for a in storm["articles"]} == {"storm-a", "storm-b"}
    # the same words months later, and an unrelated article, stay out
    placed = {a["article_id"] for r in rows for a in story(store, r["story_id"])["articles"]}
    assert "late-vote" not in placed and "other" not in placed
    assert stories(store, min_sources=3) == [r for r in rows if r["n_sources"] >= 3]
    again = cluster_stories(store, config=config.load(analytics={"story_max_df": 1.0}))  # stable ids
    assert {r["story_id"] for r in stories(store, min_sources=1)} == {r["story_id"] for r in rows}
    assert again.stories == 2


def test_a_strict_link_keeps_articles_apart(store):
    rep = cluster_stories(store, config=config.load(analytics={"story_max_df": 1.0}), story_link=0.99)
    assert rep.stories == 0 and stories(store, min_sources=1) == []


def test_merged_events_count_articles_and_sources(store):
    cluster_stories(store, config=config.load(analytics={"story_max_df": 1.0}))
    sid = next(r["story_id"] for r in stories(store, min_sources=1) if r["n_articles"] == 3)
    for aid in ("vote-a", "vote-c"):  # dyad rows as the store writes them with an analysed article
        store.execute("INSERT INTO event_dyads (article_id, event_id, date, source_id, target_id, plover, cameo, quad, "
                      "goldstein, negated) VALUES (?, 'e1', DATE '2024-03-04', 'FRE', 'SYL', 'AGREE', '057', "
                      "'verbal cooperation', 8.0, false)", [aid])
    merged = story_events(store, sid)
    assert len(merged) == 1
    assert (merged[0]["reports"], merged[0]["n_articles"], merged[0]["n_sources"]) == (2, 2, 2)


def test_grouping_needs_cohesion_not_just_a_chain():
    # a-b and b-c are strong, a-c was never close: with cohesion the chain does not close
    pairs = [("a", "b", 0.9), ("b", "c", 0.8)]
    assert group(pairs, link=0.3, cohesion=0.0) == [["a", "b", "c"]]
    assert group(pairs, link=0.3, cohesion=0.5) == [["a", "b"]]
    assert group(pairs, link=0.95, cohesion=0.0) == []


def test_bad_settings_are_a_coded_error(store):
    from newsgraph.errors import BadArgument

    with pytest.raises(BadArgument):
        cluster_stories(store, story_link=0)


def test_cli_lists_and_shows_stories(store, capsys, monkeypatch):
    from newsgraph.cli import main

    db = store.path
    store.close()
    monkeypatch.setenv("NEWSGRAPH_ANALYTICS_STORY_MAX_DF", "1.0")
    main(["stories", "--db", db, "--min-sources", "3", "--format", "json"])
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 1 and rows[0]["n_sources"] == 3
    main(["stories", "--db", db, "--no-regroup", "--show", rows[0]["story_id"], "--format", "json"])
    assert len(json.loads(capsys.readouterr().out)["articles"]) == 3
    with pytest.raises(SystemExit) as exit_:
        main(["stories", "--db", db, "--no-regroup", "--show", "nope"])
    assert exit_.value.code == 1 and "NG110" in capsys.readouterr().err


def test_pair_scoring_counts_each_cell():
    pairs = [Pair("a", "b", "many", True), Pair("c", "d", "none", False), Pair("e", "f", "some", True),
             Pair("g", "h", "none", False), Pair("x", "y", "none", True)]
    story_of = {"a": "s1", "b": "s1", "c": "s2", "d": "s2", "e": "s3"}
    r = score(pairs, story_of, present=set("abcdefgh"))
    assert (r["tp"], r["fp"], r["fn"], r["tn"], r["missing"]) == (1, 1, 1, 1, 1)
    assert r["precision"] == 0.5 and r["recall"] == 0.5


def test_the_gold_pairs_hold_ids_and_labels_only_and_split_both_ways():
    pairs = load_pairs()
    assert len(pairs) == 100 and len({p.key for p in pairs}) == 100
    assert {p.stratum for p in pairs} == {"none", "some", "many"}
    assert all(len(p.a) == 16 and len(p.b) == 16 for p in pairs)  # AllSides ids, no text
    parts = {p.split for p in pairs}
    assert parts == {"tune", "check"} and all(split_of("allsides_pairs", p.key) == p.split for p in pairs)


def test_api_lists_and_shows_stories(store):
    import asyncio

    import httpx

    from newsgraph.api import create_app

    cluster_stories(store, config=config.load(analytics={"story_max_df": 1.0}))
    db = store.path
    store.close()
    app = create_app(db)

    async def get(url: str) -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
            return await c.get(url)

    page = asyncio.run(get("/api/stories?min_sources=2")).json()
    assert [r["n_sources"] for r in page["items"]] == [3, 2]
    one = asyncio.run(get(f"/api/stories/{page['items'][0]['story_id']}"))
    assert one.status_code == 200 and len(one.json()["articles"]) == 3
    missing = asyncio.run(get("/api/stories/nope"))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "NG701"
    assert asyncio.run(get("/api/stories?q=cyclone")).json()["items"][0]["n_articles"] == 2
