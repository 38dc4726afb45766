"""Input you can trust: explicit column mapping, a printed summary of it, a warning for undated corpora,
and one reading of front matter for the CLI and newsgraph.read()."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import MissingColumn
from newsgraph.ingest.readers import Columns, count_items, read_csv, read_inputs, read_jsonl
from newsgraph.model import RawDocument
from newsgraph.pipeline import Failure

ROOT = Path(__file__).resolve().parents[1]
MAPPED = ROOT / "examples" / "mapped"

CSV = ("key,when,head,story\n"
       "k1,2021-06-02,Lakeside talks,\"The mayors of two lakeside towns met to talk about ferries.\"\n"
       "k2,2021-06-03,Harbour plan,\"A harbour plan was approved by the regional council.\"\n")


def test_named_columns_feed_each_part_and_the_mapping_is_said():
    notes: list[str] = []
    cols = Columns(text="story", published="when", id="key", title="head")
    docs = list(read_csv(io.StringIO(CSV), "towns.csv", columns=cols, note=notes.append))
    assert [(d.id, d.published, d.title) for d in docs] == [("k1", "2021-06-02", "Lakeside talks"),
                                                            ("k2", "2021-06-03", "Harbour plan")]
    assert notes == ["towns.csv: text <- 'story', date <- 'when', id <- 'key', url: none, title <- 'head'"]


def test_detected_columns_are_said_too():
    notes: list[str] = []
    line = '{"body": "A ferry line reopened after the winter.", "date": "2021-03-01", "link": "https://example.org/f"}\n'
    (doc,) = list(read_jsonl(io.StringIO(line), "ferries.jsonl", note=notes.append))
    assert (doc.published, doc.url) == ("2021-03-01", "https://example.org/f")
    assert notes == ["ferries.jsonl: text <- 'body' (detected), date <- 'date' (detected), id: none, "
                     "url <- 'link' (detected), title: none"]


def test_a_named_column_that_is_absent_is_a_coded_error_naming_the_nearest():
    with pytest.raises(MissingColumn) as info:
        list(read_csv(io.StringIO(CSV), "towns.csv", columns=Columns(text="storey")))
    assert "did you mean 'story'" in info.value.one_line()
    line = '{"story": "A bridge opened.", "key": "x"}\n'
    (bad,) = list(read_jsonl(io.StringIO(line), "b.jsonl", columns=Columns(text="story", id="ky")))
    assert isinstance(bad, Failure) and bad.code == "NG105" and "did you mean 'key'" in bad.message


def test_the_shipped_examples_need_their_mapping():
    items = list(read_inputs([str(MAPPED / "desk.csv")], extensions=(".csv",)))
    assert isinstance(items[0], Failure) and items[0].code == "NG106"
    cols = Columns(text="story", published="filed", id="ref", url="link")
    docs = list(read_inputs([str(MAPPED / "desk.csv")], extensions=(".csv",), columns=cols))
    assert all(isinstance(d, RawDocument) and d.published and d.url for d in docs)
    assert count_items([str(MAPPED)], (".csv", ".jsonl")) == 4


def test_front_matter_is_read_alike_by_the_cli_and_python():
    import newsgraph

    text = ("---\ntitle: Ferry talks\npublished: 2021-06-02\nurl: https://example.org/ferry\nid: ferry-1\n---\n"
            "The mayors of two lakeside towns met on Monday to talk about the ferry timetable.\n")
    a = newsgraph.read(text)
    assert (a.article.id, a.article.title, a.article.published, a.article.url) == (
        "ferry-1", "Ferry talks", "2021-06-02", "https://example.org/ferry")
    assert not a.article.text.startswith("---")
    assert newsgraph.read(text, published="2021-06-09").article.published == "2021-06-09"


@pytest.mark.slow
def test_cli_prints_the_mapping_shows_progress_and_warns_once_for_undated_articles(tmp_path: Path):
    db = tmp_path / "u.duckdb"
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(MAPPED / "undated.jsonl"), "--db",
                           str(db), "--text-col", "story", "--id-col", "ref", "--progress"], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert "2/2" in proc.stderr and "articles/s" in proc.stderr  # the bar knows the total and the rate
    assert proc.stdout.startswith("2 stored, 0 already stored, 0 failed; ") and " events, " in proc.stdout
    assert "text <- 'story', date: none, id <- 'ref'" in proc.stderr
    assert proc.stderr.count("have no publication date") == 1 and "2 of 2 articles" in proc.stderr
    assert "relative dates" in proc.stderr
