"""The dashboard under hostile content, in Chromium: stored articles whose title, text, URL and id
carry script, ``javascript:`` and ``data:`` payloads are shown as text, never run, never linked;
the same for an article pasted into "Analyse text". Checks the DOM, not only the screen.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from browser_kit import need_browser

pytestmark = [pytest.mark.browser, pytest.mark.slow]


SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned='img'\">"
BODY = ("On a wet Tuesday the Kremlin leader Vladimir Putin told reporters talks with NATO would go on. "
        "“We are ready,” he said.")
HOSTILE = [
    {"id": "xss/1 <b>bold</b>", "title": f"Title {IMG} and {SCRIPT}", "url": "javascript:window.__pwned='js-url'",
     "text": f"{BODY}\n\nA paragraph with {SCRIPT} and {IMG} and <a href=\"javascript:alert(1)\">a link</a>."},
    {"id": "xss-2", "title": "Data URL source", "url": "data:text/html,<script>window.__pwned='data-url'</script>",
     "text": f"{BODY}\n\n\"onmouseover=\"window.__pwned='attr' x=\" and ' single ' quotes."},
    {"id": "xss-3", "title": "Good source", "url": "https://example.org/news/1?a=<b>&c=\"d\"", "text": BODY},
    {"id": "xss-4", "title": "Odd schemes", "url": "  JaVaScRiPt:window.__pwned='mixed-case'", "text": BODY},
    {"id": "xss-5", "title": "vbscript", "url": "vbscript:msgbox(1)", "text": BODY},
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    need_browser()
    from newsgraph.api_cli import served
    from newsgraph.batch import ingest

    folder = tmp_path_factory.mktemp("xss")
    feed = folder / "hostile.jsonl"
    feed.write_text("\n".join(json.dumps({**a, "published": "2023-05-01"}) for a in HOSTILE) + "\n", "utf-8")
    db = folder / "xss.duckdb"
    report = ingest([str(feed)], str(db), workers=1)
    assert report.stored == len(HOSTILE), report.to_dict()
    with served(db) as base:
        yield base


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:,")) else None)
    yield pg
    ctx.close()
    assert not dialogs, f"a script ran: {dialogs}"
    assert not outside, f"the page fetched something outside the server: {outside}"


def assert_nothing_ran(page: Any) -> None:
    assert page.evaluate("window.__pwned") is None, page.evaluate("window.__pwned")
    view = page.locator("#view")
    # no element came from the content: no script, image, iframe or object inside the view, no
    # inline event handler, and no link other than the dashboard's own routes and http(s)
    assert view.locator("script, img, iframe, object, embed").count() == 0
    assert page.evaluate("""() => [...document.querySelectorAll('#view *')].filter(
        el => [...el.attributes].some(a => a.name.startsWith('on'))).length""") == 0
    hrefs = page.evaluate("() => [...document.querySelectorAll('#view a[href]')].map(a => a.getAttribute('href'))")
    for h in hrefs:
        assert h.startswith(("#", "/", "http://", "https://")), h
        assert not h.lower().lstrip().startswith(("javascript:", "data:", "vbscript:")), h


@pytest.mark.parametrize("art", HOSTILE, ids=[a["id"] for a in HOSTILE])
def test_a_stored_hostile_article_is_shown_as_text(page: Any, server: str, art: dict[str, str]):
    page.goto(f"{server}/#/article/{quote(art['id'], safe='')}")
    title = page.locator("#article-title")
    title.wait_for()
    assert title.inner_text() == art["title"]  # the markup is shown as the text it is
    text = page.locator("#article-text").inner_text()
    assert "Putin" in text
    if "<script>" in art["text"]:
        assert "<script>" in text and "<img src=x" in text
    source = page.locator("#article-source")
    if art["url"].startswith("https://"):
        assert source.get_attribute("href") == "https://example.org/news/1?a=%3Cb%3E&c=%22d%22"
    else:
        assert source.count() == 1 and source.get_attribute("href") is None  # shown, never linked
        source.click()  # clicking it does nothing
    page.locator("#article-text .ann").first.click()
    page.locator("#details").wait_for()
    assert_nothing_ran(page)
    # the article list beside the reader shows the hostile titles as text too
    page.locator("#article-list li").first.wait_for()
    assert IMG in page.locator("#article-list").inner_text()
    assert_nothing_ran(page)


def test_an_id_with_a_slash_opens_from_the_list(page: Any, server: str):
    page.goto(f"{server}/#/articles")
    page.locator("#article-list a", has_text="Title").first.click()
    page.locator("#article-title").wait_for()
    assert page.locator("#article-title").inner_text() == HOSTILE[0]["title"]
    assert f"id {HOSTILE[0]['id']}" in page.locator("article").inner_text()
    assert_nothing_ran(page)


def test_a_pasted_hostile_article_is_shown_as_text(page: Any, server: str):
    page.goto(f"{server}/#/analyze")
    page.locator("#analyze-text").fill(HOSTILE[0]["text"])
    page.locator("#analyze-title").fill(HOSTILE[0]["title"])
    page.get_by_role("button", name="Analyse").click()
    page.locator("#analyze-result #article-title").wait_for(timeout=180_000)
    assert page.locator("#analyze-result #article-title").inner_text() == HOSTILE[0]["title"]
    assert "<script>" in page.locator("#analyze-result #article-text").inner_text()
    assert_nothing_ran(page)


def test_the_analysts_pages_show_hostile_text_as_text(page: Any, server: str):
    """Explorer rows and their evidence, the map, the network and the timelines: stored hostile
    titles and hostile filter values typed into the URL are text, never markup."""
    from playwright.sync_api import expect

    page.goto(f"{server}/#/events")
    count = page.locator("#ex-count")
    expect(count).to_have_attribute("data-total", re.compile(r"^\d+$"))
    opened = 0
    for button in page.locator("#ex-table tr.ev-row button").all():
        button.click()
        opened += 1
    expect(page.locator("#ex-table blockquote.ev-sentence")).to_have_count(opened)
    if opened:  # the evidence links to its article by the stored (hostile) title, as text
        assert any(a["title"] in page.locator("#ex-table").inner_text() for a in HOSTILE)
    assert_nothing_ran(page)
    page.goto(f"{server}/#/events?q={quote(SCRIPT)}&actor={quote(IMG)}")
    expect(page.locator("#ex-count")).to_have_attribute("data-total", "0")
    assert page.locator("#ex-q").input_value() == SCRIPT and page.locator("#ex-actor").input_value() == IMG
    assert_nothing_ran(page)
    for route in (f"#/network?focus={quote(IMG)}", "#/map", f"#/timeline?source={quote(SCRIPT)}&target={quote(IMG)}"):
        page.goto(f"{server}/{route}")
        page.locator("#net-summary, #map-summary, #tl-summary, .alert:not([hidden])").first.wait_for()
        assert_nothing_ran(page)
