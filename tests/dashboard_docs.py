"""Analysis documents written by hand for the dashboard's tests (sentences made up for newsgraph):
events with known sides, countries, places, triggers and dates, so the explorer, map and roll-up
have exact answers. One event is misdated decades early (an outlier for the timeline's axis)."""

from __future__ import annotations

from typing import Any


def _span(text: str, part: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def _actor(text: str, aid: str, name: str, kind: str, country: str | None, *mentions: str) -> dict[str, Any]:
    spans = []
    for m in mentions:
        word, _, nth = m.partition("#")
        spans.append({**_span(text, word, int(nth or 0)), "rule": "hand"})
    return {"id": aid, "name": name, "kind": kind, "country": country, "code": None, "roles": [], "mentions": spans}


def _event(text: str, eid: str, source: list[str], target: list[str], plover: str, cameo: str, goldstein: float,
           quad: str, date: str, evidence: str, trigger: str, *, place: str | None = None,
           confidence: float = 0.7) -> dict[str, Any]:
    ev = _span(text, evidence)
    t = text.index(trigger, ev["start"])
    return {"id": eid, "source": source, "target": target, "plover": plover, "cameo": cameo, "goldstein": goldstein,
            "quad": quad, "mode": None, "negated": False, "date": date, "date_precision": "day", "place": place,
            "evidence": ev, "confidence": confidence, "predicate": {"start": t, "end": t + len(trigger), "text": trigger}}


def _doc(aid: str, published: str, title: str, text: str, actors: list[dict[str, Any]], events: list[dict[str, Any]],
         places: list[dict[str, Any]]) -> dict[str, Any]:
    return {"schema": "newsgraph.analysis/1",
            "article": {"id": aid, "title": title, "url": f"https://example.org/{aid}", "published": published,
                        "dateline": None, "text": text, "content_hash": aid},
            "actors": actors, "quotes": [], "events": events, "relations": [], "places": places}


def documents() -> list[dict[str, Any]]:
    north = ("LAKESIDE - The Finnish president Aino Lehto phoned the Russian leader Pavel Orlov on Saturday. "
             "Moscow threatened Helsinki with countermeasures on Friday. Stockholm and Helsinki asked the "
             "alliance to admit them. Orlov accused Stockholm of reckless plans.")
    a = [_actor(north, "aino-lehto", "Aino Lehto", "person", "FIN", "Aino Lehto"),
         _actor(north, "pavel-orlov", "Pavel Orlov", "person", "RUS", "Pavel Orlov", "Orlov#1"),
         _actor(north, "RUS", "Russia", "country", "RUS", "Moscow"),
         _actor(north, "FIN", "Finland", "country", "FIN", "Helsinki", "Helsinki#1"),
         _actor(north, "SWE", "Sweden", "country", "SWE", "Stockholm", "Stockholm#1"),
         _actor(north, "NATO", "NATO", "organization", None, "the alliance")]
    north_doc = _doc("hand-north", "2022-05-20", "Hand-made: a call, a threat and an application", north, a, [
        _event(north, "n1", ["aino-lehto"], ["pavel-orlov"], "CONSULT", "040", 1.0, "verbal cooperation", "2022-05-14",
               "The Finnish president Aino Lehto phoned the Russian leader Pavel Orlov on Saturday", "phoned",
               place="hand:lakeside", confidence=0.8),
        _event(north, "n2", ["RUS"], ["FIN"], "THREATEN", "138", -7.0, "verbal conflict", "2022-05-20",
               "Moscow threatened Helsinki with countermeasures on Friday", "threatened", confidence=0.7),
        _event(north, "n3", ["SWE", "FIN"], ["NATO"], "REQUEST", "100", 3.0, "verbal cooperation", "2022-05-18",
               "Stockholm and Helsinki asked the alliance to admit them", "asked", confidence=0.5),
        _event(north, "n4", ["pavel-orlov"], ["SWE"], "ACCUSE", "112", -2.0, "verbal conflict", "2022-05-19",
               "Orlov accused Stockholm of reckless plans", "accused", confidence=0.6),
    ], [{"id": "hand:lakeside", "name": "Lakeside", "country": "FIN", "lat": 61.5, "lon": 23.8, "feature": "city",
         "mentions": [_span(north, "LAKESIDE")]}])

    south = ("RIVERTON - Russian guns shelled Riverton overnight. The Finnish minister Oskari Vaara promised "
             "Ukraine new air defences. The NATO member states pledged shells to Kyiv. Kyiv accused Moscow of "
             "shelling the city, an archive note dated to 1999 says.")
    b = [_actor(south, "RUS", "Russia", "country", "RUS", "Russian", "Moscow"),
         _actor(south, "UKR", "Ukraine", "country", "UKR", "Ukraine", "Kyiv", "Kyiv#1"),
         _actor(south, "oskari-vaara", "Oskari Vaara", "person", "FIN", "Oskari Vaara"),
         _actor(south, "NATO-MEMBERS", "NATO member states", "group", None, "NATO member states")]
    south_doc = _doc("hand-south", "2024-03-01", "Hand-made: shelling and pledges", south, b, [
        _event(south, "s1", ["RUS"], ["UKR"], "ASSAULT", "195", -10.0, "material conflict", "2024-02-29",
               "Russian guns shelled Riverton overnight", "shelled", place="hand:riverton", confidence=0.9),
        _event(south, "s2", ["oskari-vaara"], ["UKR"], "AID", "070", 7.0, "material cooperation", "2024-03-01",
               "The Finnish minister Oskari Vaara promised Ukraine new air defences", "promised", confidence=0.7),
        _event(south, "s3", ["NATO-MEMBERS"], ["UKR"], "AID", "070", 7.0, "material cooperation", "2024-03-01",
               "The NATO member states pledged shells to Kyiv", "pledged", confidence=0.6),
        _event(south, "s4", ["UKR"], ["RUS"], "ACCUSE", "112", -2.0, "verbal conflict", "1999-01-04",
               "Kyiv accused Moscow of shelling the city", "accused", confidence=0.6),
    ], [{"id": "hand:riverton", "name": "Riverton", "country": "UKR", "lat": 49.9, "lon": 36.3, "feature": "city",
         "mentions": [_span(south, "RIVERTON")]}])
    return [north_doc, south_doc]
