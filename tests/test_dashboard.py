"""The dashboard as a person uses it: Playwright drives Debian's Chromium against a real
``newsgraph serve`` process over a store built from the demo corpus (examples/articles).

Assertions are on what a reader sees (visible text), not only on elements existing. Screenshots
go to ``$NEWSGRAPH_SCREENSHOTS`` or a pytest tmp folder. Skips cleanly without /usr/bin/chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from browser_kit import need_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    if not EXAMPLES.is_dir() or not any(EXAMPLES.iterdir()):
        pytest.skip("the demo corpus examples/articles is not there")
    from newsgraph.batch import ingest

    db = tmp_path_factory.mktemp("dash") / "demo.duckdb"
    report = ingest([str(EXAMPLES)], str(db), workers=1)
    assert report.stored > 0, report.to_dict()
    from newsgraph.api_cli import served

    with served(db) as base:
        yield base


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and "404" not in m.text else None)
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not outside, f"the dashboard reached outside the server: {outside}"


def _richest_article(server: str) -> dict[str, Any]:
    items = httpx.get(f"{server}/api/articles", params={"limit": 100}).json()["items"]
    return max(items, key=lambda a: (a["n_quotes"] > 0, a["n_actors"] > 0, a["n_events"], a["n_quotes"]))


def test_read_an_article_click_a_quote_and_an_actor(page: Any, server: str, shots: Path):
    art = _richest_article(server)
    doc = httpx.get(f"{server}/api/articles/{art['id']}").json()
    page.goto(f"{server}/")
    page.get_by_role("link", name=art["title"]).first.click()
    heading = page.locator("#article-title")
    heading.wait_for()
    assert heading.inner_text() == art["title"]
    text = page.locator("#article-text")
    assert doc["article"]["text"][:60].split("\n")[0] in text.inner_text()
    assert f"{len(doc['quotes'])} quotes" in page.locator("article").inner_text()

    if doc["quotes"]:
        quote = page.locator("#article-text .ann.q").first
        quote.click()
        details = page.locator("#details")
        assert "Quote" in details.inner_text()
        shown = details.locator("blockquote").first.inner_text()
        assert any(q["text"].strip() == shown.strip() for q in doc["quotes"]), shown
        assert "speaker" in details.inner_text()
        page.screenshot(path=str(shots / "reader-quote.png"))

    actor = page.locator("#article-text .ann.a").first
    name = actor.inner_text()
    actor.click()
    details = page.locator("#details")
    details.get_by_text("Why this mention is").wait_for()
    said = details.inner_text()
    assert "Actor:" in said and f"“{name}”" in said
    who = next(a for a in doc["actors"] if any(m["text"] == name for m in a["mentions"]))
    assert who["name"] in said and who["kind"] in said
    page.screenshot(path=str(shots / "reader-actor.png"))
    details.get_by_role("button", name="Profile across the store").click()
    details.get_by_text("Across the store", exact=True).wait_for()
    assert "articles" in details.inner_text()


def test_click_an_event_shows_codes_and_goldstein(page: Any, server: str, shots: Path):
    items = httpx.get(f"{server}/api/articles", params={"limit": 100}).json()["items"]
    with_events = [a for a in items if a["n_events"]]
    if not with_events:
        pytest.skip("the demo corpus produced no events with this pipeline")
    art = with_events[0]
    doc = httpx.get(f"{server}/api/articles/{art['id']}").json()
    page.goto(f"{server}/#/article/{art['id']}")
    page.locator("#article-text .ann.ev").first.wait_for()
    page.locator("#article-text .ann.ev").first.click()
    details = page.locator("#details")
    said = details.inner_text()
    ev = doc["events"][0]
    assert "Event" in said and "CAMEO" in said and "Goldstein" in said and "Evidence" in said
    assert any(e["plover"] in said and e["evidence"]["text"].strip() in said for e in doc["events"]), (said, ev)
    page.screenshot(path=str(shots / "reader-event.png"))


def test_draw_a_dyad_timeline_and_list_the_events_of_a_point(page: Any, server: str, shots: Path):
    net = httpx.get(f"{server}/api/network", params={"limit": 50}).json()
    page.goto(f"{server}/#/timeline")
    a, b, series = "RUS", "UKR", None
    for e in sorted(net["edges"], key=lambda x: -x["events"]):  # the heaviest dyad with dated events
        found = httpx.get(f"{server}/api/series", params={"source": e["source"], "target": e["target"],
                                                          "symmetric": "true"}).json()
        if found["points"]:
            a, b, series = e["source"], e["target"], found
            break
    page.get_by_label("Side A (source)").fill(a)
    page.get_by_label("Side B (target)").fill(b)
    page.get_by_role("button", name="Draw").click()
    summary = page.locator("#tl-summary")
    summary.wait_for()
    if series is None:
        assert "No events between" in summary.inner_text()
        page.screenshot(path=str(shots / "timeline-empty.png"))
        return
    total = sum(p["events"] for p in series["points"])
    assert summary.inner_text().startswith(f"{total} event{'' if total == 1 else 's'} between {a} and {b}")
    bars = page.locator("svg.chart g.pt")
    assert bars.count() == len(series["points"])
    bars.first.click()
    page.locator("#tl-events h3").wait_for()
    listed = page.locator("#tl-events").inner_text()
    first = series["points"][0]
    assert f"Events in the week of {first['period']} ({first['events']})" in listed
    assert page.locator("#tl-events tbody tr").count() == first["events"]
    page.screenshot(path=str(shots / "timeline.png"), full_page=True)


def test_csto_vs_nato_preset_draws_or_says_there_is_nothing(page: Any, server: str, shots: Path):
    page.goto(f"{server}/#/timeline")
    page.get_by_role("button", name="CSTO vs NATO").click()
    summary = page.locator("#tl-summary")
    summary.wait_for()
    said = summary.inner_text()
    assert "CSTO" in said and "NATO" in said and re.search(r"^(\d+ events? between|No events between)", said)
    assert "CSTO" in page.locator("#tl-source").input_value()


def test_network_view_draws_the_actors(page: Any, server: str, shots: Path):
    net = httpx.get(f"{server}/api/network/rollup", params={"level": "actor", "limit": 150}).json()
    page.goto(f"{server}/#/network")
    summary = page.locator("#net-summary")
    summary.wait_for()
    if not net["nodes"]:
        assert "No events" in summary.inner_text()
        return
    cut = f" (the {len(net['edges'])} heaviest of {net['total_edges']})" if net["total_edges"] > len(net["edges"]) else ""
    assert summary.inner_text() == f"{len(net['nodes'])} actors, {len(net['edges'])} edges{cut}."
    node = page.locator("svg.net g.node").first
    node.click()
    side = page.locator("#net-details")
    assert "Edges (" in side.inner_text()
    labels = page.locator("svg.net g.node > text").all_text_contents()
    assert {n["name"] for n in net["nodes"]} == set(labels)
    page.screenshot(path=str(shots / "network.png"))


def test_quote_explorer_finds_who_said_what(page: Any, server: str, shots: Path):
    quotes = httpx.get(f"{server}/api/quotes", params={"limit": 200}).json()["items"]
    if not quotes:
        pytest.skip("no quotes in the demo store")
    target = max(quotes, key=lambda q: len(q["text"]))
    word = max(target["text"].split(), key=len).strip(".,;:!?\"'“”")
    page.goto(f"{server}/#/quotes")
    page.locator("#quote-count").wait_for()
    page.get_by_label("Text").fill(word)
    page.get_by_role("button", name="Search").click()
    from playwright.sync_api import expect

    expect(page).to_have_url(re.compile(r"[?&]q="))
    n = len(httpx.get(f"{server}/api/quotes", params={"q": word, "limit": 200}).json()["items"])
    results = page.locator("#quote-results")
    expect(results.locator("#quote-count")).to_have_text(f"{n} quotes")
    rows = results.locator("tbody tr")
    assert all(word.lower() in t.lower() for t in rows.locator("td:nth-child(2)").all_inner_texts())
    page.screenshot(path=str(shots / "quotes.png"))
    sure = len(httpx.get(f"{server}/api/quotes", params={"q": word, "limit": 200, "min_confidence": 0.6}).json()["items"])
    page.get_by_label("Quotes and reported clauses only").check()
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"[?&]min_confidence=0.6"))
    expect(results.locator("#quote-count")).to_have_text(f"{sure} quotes")
    page.get_by_label("Quotes and reported clauses only").uncheck()
    page.get_by_role("button", name="Search").click()
    expect(results.locator("#quote-count")).to_have_text(f"{n} quotes")
    rows.first.get_by_role("link").click()
    page.locator("#article-title").wait_for()
    assert page.locator("#details blockquote").first.inner_text().strip()


def test_quote_explorer_can_leave_out_noun_phrase_quotes(page: Any, server: str):
    every = httpx.get(f"{server}/api/quotes", params={"limit": 200}).json()["items"]
    if not any(q["confidence"] is not None and q["confidence"] < 0.6 for q in every):
        pytest.skip("no low-confidence quotes in the demo store")
    sure = httpx.get(f"{server}/api/quotes", params={"limit": 200, "min_confidence": 0.6}).json()["items"]
    assert len(sure) < len(every)
    page.goto(f"{server}/#/quotes?min_confidence=0.6")
    from playwright.sync_api import expect

    expect(page.get_by_label("Quotes and reported clauses only")).to_be_checked()
    expect(page.locator("#quote-results #quote-count")).to_have_text(f"{len(sure)} quotes")


def test_paste_an_article_and_read_it_on_the_spot(page: Any, server: str, shots: Path):
    before = httpx.get(f"{server}/api/info").json()["counts"]["articles"]
    page.goto(f"{server}/#/analyze")
    page.get_by_label("Article text").fill(
        "Kazakh President Kassym-Jomart Tokayev met Russian President Vladimir Putin in Moscow on Tuesday. "
        "\"We agreed to expand trade,\" Tokayev told reporters after the talks.")
    page.get_by_label("Published").fill("2022-11-29")
    page.get_by_role("button", name="Analyse").click()
    page.locator("#article-text").wait_for()
    assert "analysed on the spot, not stored" in page.locator("#analyze-result").inner_text()
    assert "Tokayev" in page.locator("#article-text").inner_text()
    assert page.locator("#article-text .ann.a").count() >= 2
    page.screenshot(path=str(shots / "analyze.png"))
    assert httpx.get(f"{server}/api/info").json()["counts"]["articles"] == before


def test_errors_are_shown_to_the_user(page: Any, server: str):
    page.goto(f"{server}/#/article/no-such-article")
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "no article with id 'no-such-article'" in alert.inner_text() and "NG701" in alert.inner_text()
