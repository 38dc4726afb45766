"""The command line as a user runs it: real process, exit codes, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """Ministers agree to reopen border crossings

TBILISI, March 3 (Newsgraph) - The foreign ministers of Armenia and Georgia met in Tbilisi on Friday
and agreed to reopen two border crossings, the Georgian Foreign Ministry said.

"This is good news for our citizens," Georgian Foreign Minister Ilia Darchiashvili told reporters.

Share this article
"""


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("NEWSGRAPH_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=env, timeout=300)


def assert_one_line_error(proc: subprocess.CompletedProcess, code: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode != 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith(f"error[{code}]:"), err


@pytest.mark.parametrize(("setup", "code"), [
    (lambda p: None, "NG101"),
    (lambda p: p.write_bytes(b""), "NG102"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100)), "NG103"),
])
def test_read_bad_input_is_one_coded_line(tmp_path, setup, code):
    p = tmp_path / "input.txt"
    setup(p)
    assert_one_line_error(run("read", str(p)), code)


def test_bad_date_and_bad_csv(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Talks resumed in Geneva.")
    assert_one_line_error(run("read", str(p), "--date", "1850-01-01"), "NG109")
    c = tmp_path / "a.csv"
    c.write_text("id,headline\n1,Hello\n")
    assert_one_line_error(run("read", str(c)), "NG106")


def test_query_without_store_says_what_to_do(tmp_path):
    proc = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert_one_line_error(proc, "NG400")
    assert "newsgraph ingest" in proc.stderr.decode()


def test_unknown_command_is_a_usage_error():
    proc = run("frobnicate")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()


def test_read_json_text_and_stdin(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, "utf-8")
    proc = run("read", str(p), "--date", "2023-03-04", "--url", "https://example.org/a")
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "newsgraph.analysis/1"
    assert doc["article"]["published"] == "2023-03-04"
    assert doc["article"]["url"] == "https://example.org/a"
    assert doc["article"]["dateline"] == "TBILISI"
    assert "Share this article" not in doc["article"]["text"]
    text = doc["article"]["text"]
    for a in doc["actors"]:
        for m in a["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    proc = run("read", "-", "--format", "text", "--date", "2023-03-04", stdin=ARTICLE.encode())
    assert proc.returncode == 0
    out = proc.stdout.decode()
    assert out.startswith("Ministers agree to reopen border crossings") and "ACTORS" in out and "QUOTES" in out
    assert not out.lstrip().startswith("{")


def test_read_jsonl_keeps_order_ids_and_reports_bad_lines(tmp_path):
    p = tmp_path / "w.jsonl"
    p.write_text("\n".join([json.dumps({"id": "first", "text": "Ministers met in Vienna on Monday."}),
                            "not json at all",
                            json.dumps({"id": "third", "text": "Talks ended on Tuesday.", "published": "2021-02-02"})]))
    proc = run("read", str(p), "--format", "jsonl")
    # every document is printed, in order; a failed item makes the exit status 1 and is said on stderr
    assert proc.returncode == 1, proc.stderr.decode()
    assert [line for line in proc.stderr.decode().splitlines() if line.startswith("error[")] == [
        line for line in proc.stderr.decode().splitlines() if line.startswith("error[NG105]")]
    lines = [json.loads(x) for x in proc.stdout.decode().splitlines()]
    assert [x["article"].get("id") for x in lines] == ["first", None, "third"]
    assert lines[1]["error"]["code"] == "NG105"
    assert lines[2]["article"]["published"] == "2021-02-02"


def test_ingest_twice_stores_once_and_records_failures(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "in" / "b.txt").write_text("Ministers met in Vienna on Monday.", "utf-8")
    (tmp_path / "in" / "empty.txt").write_text("", "utf-8")
    db = str(tmp_path / "s.duckdb")
    first = run("ingest", str(tmp_path / "in"), "--db", db, "--date", "2023-03-04")
    assert first.returncode == 1, first.stderr.decode()  # the others are stored; a failure is never exit 0
    assert first.stdout.decode().startswith("2 stored, 0 already stored, 1 failed")
    assert "NG102" in first.stderr.decode()
    second = run("ingest", str(tmp_path / "in"), "--db", db)
    assert second.returncode == 1 and second.stdout.decode().startswith("0 stored, 2 already stored, 1 failed")
    proc = run("articles", "--db", db, "--format", "json")
    rows = json.loads(proc.stdout)
    assert len(rows) == 2
    proc = run("actors", "--db", db, "--format", "csv", "--country", "GEO")
    assert proc.returncode == 0 and proc.stdout.decode().startswith("id,name,kind,country")
    quotes = json.loads(run("quotes", "--db", db, "--format", "json").stdout)
    assert quotes and all(q["rule"] and 0 < q["confidence"] <= 1 for q in quotes)
    sure = json.loads(run("quotes", "--db", db, "--format", "json", "--min-confidence", "0.8").stdout)
    assert all(q["confidence"] >= 0.8 for q in sure)
    refused = run("quotes", "--db", db, "--min-confidence", "2")  # checked by newsgraph.query: a coded error
    assert refused.returncode == 1 and b"error[NG110]" in refused.stderr


def test_read_explain_shows_each_mentions_evidence(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kyrgyz President Sadyr Japarov met the press. Japarov said he was pleased.", "utf-8")
    out = run("read", str(f), "--date", "2022-09-16", "--format", "text", "--explain")
    assert out.returncode == 0, out.stderr
    text = out.stdout.decode() if isinstance(out.stdout, bytes) else out.stdout
    assert "Actors explained" in text
    assert "KB sadyr-japarov" in text and "earlier-mention" in text and "full" in text and "coreference" in text
