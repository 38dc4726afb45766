"""Hand-built analyses for the corpus tests (analytics, exports, shards): no spaCy needed.

Every text here is written for these tests. ``doc()`` builds one :class:`Analysis` whose events
point at evidence sentences found in the text, so offsets hold as in real output.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.model import Actor, Analysis, Article, Event, Mention, Place, Span, content_hash

# id -> (name, kind, country, code)
ACTORS = {
    "RUS": ("Russia", "country", "RUS", "RUS"),
    "BLR": ("Belarus", "country", "BLR", "BLR"),
    "UKR": ("Ukraine", "country", "UKR", "UKR"),
    "POL": ("Poland", "country", "POL", "POL"),
    "USA": ("United States", "country", "USA", "USA"),
    "ARM": ("Armenia", "country", "ARM", "ARM"),
    "NATO": ("NATO", "organization", None, "IGONATO"),
    "CSTO": ("Collective Security Treaty Organization", "organization", None, "IGOCSTO"),
    "vladimir-putin": ("Vladimir Putin", "person", "RUS", "RUSGOV"),
    "andrzej-duda": ("Andrzej Duda", "person", "POL", "POLGOV"),
}
QUAD = {"ACCUSE": ("112", -2.0, "verbal conflict"), "CONSULT": ("040", 1.0, "verbal cooperation"),
        "AID": ("070", 7.0, "material cooperation"), "ASSAULT": ("190", -10.0, "material conflict"),
        "THREATEN": ("130", -4.4, "verbal conflict"), "AGREE": ("057", 8.0, "verbal cooperation")}


@dataclass
class Ev:
    """An event to put into a test article: who, what, the evidence sentence (a substring)."""

    source: list[str]
    target: list[str]
    plover: str
    evidence: str
    date: str | None = None
    negated: bool = False
    place: str | None = None


@dataclass
class Doc:
    text: str
    published: str
    events: list[Ev] = field(default_factory=list)
    url: str | None = None
    places: list[tuple[str, str, str, float, float, str]] = field(default_factory=list)  # id, name, iso3, lat, lon, feature


def _mentions(text: str, name: str) -> list[Mention]:
    out, start = [], text.find(name)
    while start >= 0:
        out.append(Mention(start, start + len(name), name, rule="test"))
        start = text.find(name, start + 1)
    return out


def build(d: Doc) -> Analysis:
    """The analysis of one hand-written article."""
    h = content_hash(d.text)
    art = Article(id=h, text=d.text, title=d.text.split("\n")[0], url=d.url, published=d.published, content_hash=h)
    used = {a for e in d.events for a in (*e.source, *e.target)}
    actors = []
    for aid in sorted(used):
        name, kind, country, code = ACTORS[aid]
        found = _mentions(d.text, name) or _mentions(d.text, name.split()[-1])
        actors.append(Actor(id=aid, name=name, kind=kind, country=country, code=code, mentions=found))
    events = []
    for i, e in enumerate(d.events):
        start = d.text.index(e.evidence)
        cameo, goldstein, quad = QUAD[e.plover]
        events.append(Event(id=content_hash(f"{h}:{i}", 12), source=e.source, target=e.target, plover=e.plover,
                            cameo=cameo, goldstein=goldstein, quad=quad, negated=e.negated,
                            evidence=Span.of(d.text, start, start + len(e.evidence)),
                            date=e.date or d.published, date_precision="day", place=e.place))
    places = []
    for pid, name, iso3, lat, lon, feature in d.places:
        s = d.text.index(name)
        places.append(Place(id=pid, name=name, country=iso3, lat=lat, lon=lon, feature=feature,
                            mentions=[Span.of(d.text, s, s + len(name))]))
    return Analysis(article=art, actors=actors, events=events, places=places)


WIRE = ("Russia accused Ukraine of shelling a power station near the front line on Monday, "
        "the defence ministry in Moscow said in a statement. The ministry said the strike damaged "
        "two transformers and cut electricity to several villages for most of the night. Officials "
        "in Kyiv rejected the claim and said Russian forces had fired on the plant themselves. "
        "Independent monitors were not able to reach the site to confirm either account.")


def corpus() -> list[Doc]:
    """A small news week: a wire story and its copy, other reports of the same events, a bloc event."""
    copy_text = "MOSCOW (Wire) - " + WIRE + " The station had been repaired only last month."
    return [
        Doc(WIRE, "2023-03-06", [Ev(["RUS"], ["UKR"], "ACCUSE", "Russia accused Ukraine of shelling a power station")],
            url="https://www.example-wire.com/a/1"),
        Doc(copy_text, "2023-03-06", [Ev(["RUS"], ["UKR"], "ACCUSE", "Russia accused Ukraine of shelling a power station")],
            url="https://daily-reprint.example.org/world/77"),
        Doc("Moscow blames Kyiv for power plant strike\n\nRussia on Tuesday accused Ukraine of shelling a power "
            "station and leaving villages without electricity.", "2023-03-07",
            [Ev(["RUS"], ["UKR"], "ACCUSE", "Russia on Tuesday accused Ukraine of shelling a power station")],
            url="https://other-news.example.net/s/9"),
        Doc("Putin and Belarus warn Poland\n\nVladimir Putin and Belarus threatened Poland over new border "
            "fortifications on Wednesday. Later Russia accused Poland of provoking tension.", "2023-03-08",
            [Ev(["vladimir-putin", "BLR"], ["POL"], "THREATEN", "Vladimir Putin and Belarus threatened Poland"),
             Ev(["RUS"], ["POL"], "ACCUSE", "Later Russia accused Poland of provoking tension")],
            url="https://example-wire.com/a/2"),
        Doc("Poland hosts talks\n\nAndrzej Duda met United States envoys in Warsaw to discuss air defence. "
            "Poland did not attack anyone, officials stressed.", "2023-03-15",
            [Ev(["andrzej-duda"], ["USA"], "CONSULT", "Andrzej Duda met United States envoys in Warsaw",
                place="warsaw"),
             Ev(["POL"], ["RUS"], "ASSAULT", "Poland did not attack anyone", negated=True)],
            url="https://news.example.pl/talks",
            places=[("warsaw", "Warsaw", "POL", 52.23, 21.01, "city")]),
        Doc("Aid for Armenia\n\nThe Collective Security Treaty Organization sent aid to Armenia after the "
            "earthquake, and Belarus sent aid to Armenia as well.", "2023-03-20",
            [Ev(["CSTO"], ["ARM"], "AID", "The Collective Security Treaty Organization sent aid to Armenia"),
             Ev(["BLR"], ["ARM"], "AID", "Belarus sent aid to Armenia as well")]),
        Doc("Belarus and NATO trade words\n\nBelarus accused NATO of massing troops, a week after Belarus "
            "accused NATO of spying.", "2024-02-05",
            [Ev(["BLR"], ["NATO"], "ACCUSE", "Belarus accused NATO of massing troops"),
             Ev(["BLR"], ["NATO"], "ACCUSE", "Belarus accused NATO of spying", date="2024-01-29")]),
    ]


def analyses() -> list[Analysis]:
    return [build(d) for d in corpus()]


# a bloc of our own for roll-up tests: Belarus only until the end of 2023
BLOC = [("RUS", "XBLOC", "member", "2002-05-14", None), ("BLR", "XBLOC", "member", "2002-05-14", "2023-12-31"),
        ("ARM", "XBLOC", "observer", "2002-05-14", None)]


# ---------------------------------------------------------------------------------------------
# small raw articles for the ingest paths (workers, Dask, crash tests): made-up news in plain words
# ---------------------------------------------------------------------------------------------

_STATES = ["Russia", "Ukraine", "Poland", "Belarus", "Armenia", "Georgia", "Turkey", "France", "Germany", "China"]
_VERBS = ["accused", "criticized", "threatened", "met", "supported", "condemned", "attacked", "helped"]
_TOPICS = ["border fortifications", "grain exports", "a pipeline deal", "prisoner exchanges", "air defence",
           "fishing rights", "a customs dispute", "election observers"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def news_texts(n: int, seed: int = 11) -> list[str]:
    """``n`` distinct short articles: a headline, a dateline-free lead and a quote."""
    import random

    rng = random.Random(seed)
    out, seen = [], set()
    while len(out) < n:
        a, b = rng.sample(_STATES, 2)
        verb, topic, day = rng.choice(_VERBS), rng.choice(_TOPICS), rng.choice(_DAYS)
        text = (f"{a} and {b} at odds over {topic}\n\n"
                f"{a} {verb} {b} on {day} over {topic}, officials in both capitals said. "
                f"The foreign minister of {a} said talks would continue next week.\n\n"
                f"\"We expect {b} to respect the agreement on {topic},\" the minister told reporters. "
                f"Diplomats from {rng.choice(_STATES)} offered to mediate. (story {len(out)})")
        if text not in seen:
            seen.add(text)
            out.append(text)
    return out


def table_rows(store, table: str) -> list[tuple]:
    """Every row of a store table but its ingestion time, in a stable order (to compare two stores)."""
    cols = [r[0] for r in store.execute(f"DESCRIBE {table}") if r[0] != "ingested_at"]
    return sorted(store.execute(f"SELECT {', '.join(cols)} FROM {table}"), key=repr)


def stored_docs(store) -> dict[str, dict]:
    """The stored JSON documents by article id, without timing fields."""
    import json

    out = {}
    for aid, doc in store.execute("SELECT id, doc FROM articles"):
        d = json.loads(doc)
        for k in [k for k in d.get("meta", {}) if "time" in k or k.endswith("seconds")]:
            del d["meta"][k]
        out[aid] = d
    return out
