"""Stories across outlets: articles from different news sources reporting the same news, grouped.

A *story* is a group of stored articles (two or more) that report the same news: the same
announcement, vote, attack, hearing or result, told by several outlets, reactions and analysis
pegged on it included. Event clusters (:func:`newsgraph.analytics.cluster_events`) group the
*event reports* of one dyad and type; a story groups *articles*, whatever events were coded in
them, and its events are merged per dyad and type (:func:`story_events`).

How articles are compared, all in DuckDB:

1. Each article is read as its title and the start of its text (``[analytics] story_lead_chars``;
   where a news article says what happened), cut into lower-cased words of three letters or
   more, without stop words. Title words count ``story_title_weight`` times.
2. Words are weighted by rarity over the store (TF-IDF: ``(1 + ln tf) x ln(N / df)``). Words
   found in one article only cannot link two, and words in more than ``story_max_df`` of the
   articles (the week's "president", "said") say nothing about which story an article tells:
   both are left out.
3. Candidate pairs share at least one word and are published at most ``story_days`` apart (a
   join on word and day, so the store is never compared all against all). Their similarity is
   the cosine of the two weighted word vectors.
4. Pairs at or above ``story_link`` are merged strongest first, and two groups are only merged
   when the *average* similarity over all their article pairs (0 for a pair never compared) is
   at least ``story_cohesion``: a chain of articles each a little like the next does not become
   one sprawling story (single-link clustering's failure), which keeps pairwise precision up.

Stories are rewritten as a whole (``stories``: one row per story; ``story_articles``: its
articles with their news source). Articles without a publication date are not placed in
stories. The story id is a hash of its earliest article's id: stable while that article stays
the earliest.

Measured on hand-labelled AllSides pairs (:mod:`newsgraph.evaluate.stories`): see the docs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .analytics import NEWS_SOURCE_SQL, STOPWORDS, analytics_config
from .errors import BadArgument, StoreError

if TYPE_CHECKING:
    from .store import Store

_STORY_TABLES = ("stories", "story_articles")


@dataclass
class StoryReport:
    articles: int = 0  # dated articles compared
    words: int = 0  # distinct words that can link two articles
    candidates: int = 0  # pairs compared (sharing a word, close in time)
    links: int = 0  # pairs at or above story_link
    stories: int = 0  # groups of two or more articles
    in_stories: int = 0  # articles placed in a story
    multi_source: int = 0  # stories told by two or more news sources

    def to_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


def story_settings(config: dict[str, Any] | None = None, **overrides: Any) -> dict[str, Any]:
    """The story parameters (``[analytics] story_*``), with any non-None override on top."""
    acfg = analytics_config(config)
    keys = ("story_days", "story_link", "story_cohesion", "story_lead_chars", "story_title_weight", "story_max_df")
    out = {k: acfg[k] for k in keys}
    out.update({k: v for k, v in overrides.items() if v is not None})
    if out["story_days"] < 0 or not 0 < out["story_link"] <= 1 or not 0 <= out["story_cohesion"] <= 1 \
            or out["story_lead_chars"] < 1 or out["story_title_weight"] <= 0 or not 0 < out["story_max_df"] <= 1:
        raise BadArgument(f"story settings out of range: {out}",
                          hint="days >= 0, link in (0, 1], cohesion in [0, 1], lead_chars >= 1, title weight > 0, "
                               "max_df in (0, 1]")
    return out


def similar_pairs(store: Store, settings: dict[str, Any]) -> tuple[list[tuple[str, str, float]], StoryReport]:
    """Every candidate pair (article a < article b) with its cosine similarity, and the counts."""
    rep = StoryReport()
    days, lead = int(settings["story_days"]), int(settings["story_lead_chars"])
    store.execute("""
        CREATE OR REPLACE TEMP TABLE _st_tok AS
        WITH words AS (
            SELECT id, published, unnest(regexp_extract_all(lower(coalesce(title, '')), '[a-z0-9]+')) AS w, true AS t
            FROM articles WHERE published IS NOT NULL
            UNION ALL
            SELECT id, published, unnest(regexp_extract_all(lower(left(coalesce(text, ''), ?)), '[a-z0-9]+')), false
            FROM articles WHERE published IS NOT NULL)
        SELECT id, published, w, count(*) FILTER (WHERE NOT t) + ? * count(*) FILTER (WHERE t) AS tf
        FROM words
        WHERE len(w) > 2 AND NOT list_contains(?, w) AND NOT regexp_matches(w, '^[0-9]+$')
        GROUP BY id, published, w""", [lead, float(settings["story_title_weight"]), list(STOPWORDS)])
    n = int(store.execute("SELECT count(DISTINCT id) FROM _st_tok")[0][0])
    rep.articles = n
    if n < 2:
        return [], rep
    max_df = max(2, int(float(settings["story_max_df"]) * n))
    store.execute("""
        CREATE OR REPLACE TEMP TABLE _st_w AS
        WITH df AS (SELECT w, count(*) AS df FROM _st_tok GROUP BY w HAVING count(*) BETWEEN 2 AND ?)
        SELECT t.id, t.published, t.w, (1 + ln(t.tf)) * ln(? / df.df) AS weight
        FROM _st_tok t JOIN df USING (w)""", [max_df, float(n)])
    rep.words = int(store.execute("SELECT count(DISTINCT w) FROM _st_w")[0][0])
    store.execute("""
        CREATE OR REPLACE TEMP TABLE _st_norm AS
        SELECT id, sqrt(sum(weight * weight)) AS norm FROM _st_w GROUP BY id""")
    # the join key is (word, day): each article's words are offered on every day of its window
    rows = store.execute("""
        WITH shifted AS (
            SELECT id, w, weight, published + CAST(k AS INTEGER) AS day
            FROM _st_w, range(-?, ? + 1) r(k))
        SELECT a.id, b.id, sum(a.weight * b.weight) / (na.norm * nb.norm) AS sim
        FROM shifted a
        JOIN _st_w b ON b.w = a.w AND b.published = a.day AND a.id < b.id
        JOIN _st_norm na ON na.id = a.id
        JOIN _st_norm nb ON nb.id = b.id
        GROUP BY a.id, b.id, na.norm, nb.norm""", [days, days])
    for table in ("_st_tok", "_st_w", "_st_norm"):
        store.execute(f"DROP TABLE {table}")
    rep.candidates = len(rows)
    return [(str(a), str(b), float(s)) for a, b, s in rows], rep


def group(pairs: list[tuple[str, str, float]], link: float, cohesion: float) -> list[list[str]]:
    """Groups of two or more articles: pairs at or above ``link``, strongest first, merged when the
    two groups' average pairwise similarity (0 for a pair not listed) is at least ``cohesion``."""
    sim: dict[tuple[str, str], float] = {}
    for a, b, s in pairs:
        sim[(a, b) if a < b else (b, a)] = s
    members: dict[str, list[str]] = {}
    where: dict[str, str] = {}
    for a, b, s in sorted(pairs, key=lambda p: (-p[2], p[0], p[1])):
        if s < link:
            break
        ga, gb = where.get(a, a), where.get(b, b)
        if ga == gb:
            continue
        ma, mb = members.get(ga, [ga]), members.get(gb, [gb])
        total = sum(sim.get((x, y) if x < y else (y, x), 0.0) for x in ma for y in mb)
        if total / (len(ma) * len(mb)) < cohesion:
            continue
        keep, drop = (ga, gb) if len(ma) >= len(mb) else (gb, ga)
        merged = members.pop(keep, [keep]) + members.pop(drop, [drop])
        members[keep] = merged
        for x in merged:
            where[x] = keep
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def cluster_stories(store: Store, *, config: dict[str, Any] | None = None, **overrides: Any) -> StoryReport:
    """Group the stored articles into stories and rewrite ``stories`` / ``story_articles``.

    ``overrides``: any of the ``story_*`` settings (``story_link=0.3`` ...) for this call."""
    import pyarrow as pa

    settings = story_settings(config, **overrides)
    with store.transaction("grouping articles into stories"):
        pairs, rep = similar_pairs(store, settings)
        groups = group(pairs, float(settings["story_link"]), float(settings["story_cohesion"]))
        rep.links = sum(1 for _, _, s in pairs if s >= float(settings["story_link"]))
        best: dict[str, float] = {}
        for a, b, s in pairs:  # each article's strongest link (within or outside its story)
            best[a], best[b] = max(best.get(a, 0.0), s), max(best.get(b, 0.0), s)
        ids = [aid for g in groups for aid in g]
        labels = pa.table({"article_id": pa.array(ids, pa.string()),
                           "root": pa.array([g[0] for g in groups for _ in g], pa.string()),
                           "score": pa.array([round(best.get(aid, 0.0), 4) for aid in ids], pa.float64())})
        store.execute("DELETE FROM story_articles")
        store.execute("DELETE FROM stories")
        with store.registered({"_st_labels": labels}):
            store.execute(f"""
                CREATE OR REPLACE TEMP TABLE _st_members AS
                SELECT l.root, l.article_id, a.published, {NEWS_SOURCE_SQL} AS news_source, a.title, a.url, l.score
                FROM _st_labels l JOIN articles a ON a.id = l.article_id""")
        # the story id: a hash of its earliest article (then the smallest id)
        store.execute("""
            CREATE OR REPLACE TEMP TABLE _st_ids AS
            SELECT root, substr(sha256('story:' || arg_min(article_id, (published, article_id))), 1, 16) AS story_id
            FROM _st_members GROUP BY root""")
        store.execute("""
            INSERT INTO story_articles
            SELECT i.story_id, m.article_id, m.published, m.news_source, m.title, m.url, m.score
            FROM _st_members m JOIN _st_ids i USING (root) ORDER BY i.story_id, m.published, m.article_id""")
        store.execute("""
            INSERT INTO stories
            SELECT i.story_id, min(m.published), max(m.published), count(*), count(DISTINCT m.news_source),
                   list_sort(list_distinct(list(m.news_source))), arg_min(m.title, (m.published, m.article_id)),
                   arg_min(m.article_id, (m.published, m.article_id)), round(avg(m.score), 4)
            FROM _st_members m JOIN _st_ids i USING (root) GROUP BY i.story_id""")
        store.execute("DROP TABLE _st_members")
        store.execute("DROP TABLE _st_ids")
        rep.stories = len(groups)
        rep.in_stories = len(ids)
        rep.multi_source = int(store.execute("SELECT count(*) FROM stories WHERE n_sources > 1")[0][0])
    return rep


def _need_tables(store: Store) -> None:
    have = {r[0] for r in store.execute("SELECT table_name FROM information_schema.tables")}
    if not set(_STORY_TABLES) <= have:
        raise StoreError("this store has no stories yet", hint="run `newsgraph stories --db FILE` (it groups them)")


def stories(store: Store, *, date_from: str | None = None, date_to: str | None = None, min_sources: int = 1,
            min_articles: int = 2, search: str | None = None, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    """Stored stories, most widely reported first (news sources, then articles)."""
    from .analytics import date_conditions

    _need_tables(store)
    where, params = date_conditions(date_from, date_to, first="date_start", last="date_end")
    where = ["n_sources >= ?", "n_articles >= ?", *where]
    params = [min_sources, min_articles, *params]
    if search:
        where.append("story_id IN (SELECT story_id FROM story_articles WHERE title ILIKE ?)")
        params.append(f"%{search}%")
    return store.query(
        "SELECT story_id, date_start, date_end, n_articles, n_sources, sources, title, lead_article, cohesion "
        f"FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY n_sources DESC, n_articles DESC, date_start, story_id LIMIT ? OFFSET ?", [*params, limit, offset])


def story_articles(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The articles of one story, earliest first."""
    _need_tables(store)
    return store.query(
        "SELECT article_id, published, news_source, title, url, score FROM story_articles WHERE story_id = ? "
        "ORDER BY published, article_id", [story_id])


def story_events(store: Store, story_id: str, *, include_negated: bool = False) -> list[dict[str, Any]]:
    """The story's events merged: one row per source, target and PLOVER type over all its
    articles, with how many articles and news sources report it, its dates and Goldstein mean."""
    _need_tables(store)
    negated = "" if include_negated else "AND NOT d.negated"
    return store.query(
        f"""SELECT d.source_id AS source, d.target_id AS target, d.plover, mode(d.cameo) AS cameo, mode(d.quad) AS quad,
                   round(avg(d.goldstein), 3) AS goldstein, min(d.date) AS date_start, max(d.date) AS date_end,
                   count(*) AS reports, count(DISTINCT d.article_id) AS n_articles,
                   count(DISTINCT s.news_source) AS n_sources, list_sort(list_distinct(list(s.news_source))) AS sources
            FROM story_articles s JOIN event_dyads d ON d.article_id = s.article_id
            WHERE s.story_id = ? {negated}
            GROUP BY d.source_id, d.target_id, d.plover
            ORDER BY n_articles DESC, reports DESC, d.plover, d.source_id, d.target_id""", [story_id])


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    """One story: its row, its articles and its merged events (None when there is no such story)."""
    _need_tables(store)
    rows = store.query("SELECT story_id, date_start, date_end, n_articles, n_sources, sources, title, lead_article, "
                       "cohesion FROM stories WHERE story_id = ?", [story_id])
    if not rows:
        return None
    return {**rows[0], "articles": story_articles(store, story_id), "events": story_events(store, story_id)}


def same_story(store: Store) -> dict[str, str]:
    """Article id -> story id, for every article placed in a story."""
    _need_tables(store)
    return {str(a): str(s) for a, s in store.execute("SELECT article_id, story_id FROM story_articles")}


__all__ = ["StoryReport", "cluster_stories", "group", "same_story", "similar_pairs", "stories", "story",
           "story_articles", "story_events", "story_settings"]
