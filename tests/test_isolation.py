"""One bad file never sinks a batch, and one article never runs unbounded (issue: reliability).

File-system trouble is a failure of that file with its reason; bytes that are not UTF-8 are read
with a warning (or refused under --strict), never reinterpreted; JSON beyond the reader's limits is
a coded error for that record; an article over its time budget fails alone; a long text is analysed
in sections with every offset exact. Fast tests use a pipeline without spaCy where they can.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from corpus_fixtures import news_texts
from newsgraph import config, limits
from newsgraph.batch import ingest, ingest_items
from newsgraph.errors import AnalysisTimeout, RecordTooComplex
from newsgraph.ingest.readers import MAX_JSON_DEPTH, load_json, read_inputs
from newsgraph.model import Analysis, RawDocument
from newsgraph.pipeline import Failure, Pipeline, component
from newsgraph.store import Store

NO_NLP = {"pipeline": {"order": ["ingest"]}}


def failures(db: Path) -> dict[str, tuple[str, str]]:
    with Store(db, read_only=True) as s:
        return {Path(src).name: (code, msg) for src, _, code, msg in
                s.execute("SELECT source, item_id, code, message FROM failures")}


# ------------------------------------------------------------------------------ the file system

def odd_folder(root: Path) -> Path:
    """A folder with good files beside a symlink loop, an unreadable file, a FIFO, a dangling link,
    a socket, a device, a folder named like a file and a file name that is not UTF-8."""
    d = root / "in"
    (d / "sub").mkdir(parents=True)
    for i, text in enumerate(news_texts(3)):
        (d / f"good{i}.txt").write_text(text, "utf-8")
    (d / "sub" / "deep.txt").write_text("Officials met in Vienna on Monday to discuss the talks.", "utf-8")
    os.symlink("loop.txt", d / "loop.txt")  # a link to itself
    (d / "locked.txt").write_text("Nobody may read this.", "utf-8")
    (d / "locked.txt").chmod(0)
    os.mkfifo(d / "pipe.txt")
    os.symlink("missing.txt", d / "dangling.txt")
    os.symlink("/dev/zero", d / "zero.txt")  # a character device: reading it would never end
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "sock.txt"))
    sock.close()
    (d / "folder.txt").mkdir()
    (d / "folder.txt" / "inside.txt").write_text("The minister spoke in Riga on Friday.", "utf-8")
    os.symlink(".", d / "sub" / "back")  # a folder link: not followed, so no loop
    (d / os.fsdecode(b"bad-\xff-name.txt")).write_text("Talks resumed in Geneva on Tuesday.", "utf-8")
    return d


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make chmod 000 bite when the tests run as root (root reads any file)."""
    if os.geteuid() != 0:
        return
    real_open = Path.open

    def guarded(self: Path, *a: Any, **k: Any) -> Any:
        if self.exists() and (self.stat().st_mode & 0o777) == 0:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *a, **k)

    monkeypatch.setattr(Path, "open", guarded)


def test_a_folder_of_odd_files_ingests_everything_else_and_lists_them(tmp_path, unreadable):
    d = odd_folder(tmp_path)
    db = tmp_path / "s.duckdb"
    report = ingest([str(d)], str(db), config=config.load(**NO_NLP), workers=1)
    assert report.stored == 6, report.to_dict()  # good0-2, sub/deep, folder.txt/inside, the odd name
    got = failures(db)
    assert set(got) == {"loop.txt", "locked.txt", "pipe.txt", "dangling.txt", "zero.txt", "sock.txt"}, got
    assert {code for code, _ in got.values()} == {"NG113"}
    assert "symbolic link loop" in got["loop.txt"][1]
    assert "permission denied" in got["locked.txt"][1]
    assert "FIFO" in got["pipe.txt"][1] and "not opened" in got["pipe.txt"][1]
    assert "link to nothing" in got["dangling.txt"][1]
    assert "character device" in got["zero.txt"][1]
    assert "socket" in got["sock.txt"][1]
    again = ingest([str(d)], str(db), config=config.load(**NO_NLP), workers=1)  # a rerun: the same outcome
    assert (again.stored, again.skipped, again.failed) == (0, 6, 6)


def test_special_files_given_by_name_are_failures_not_hangs(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(read_inputs([str(tmp_path / "pipe.txt"), "/dev/zero"], extensions=(".txt",)))
    assert [type(i) for i in items] == [Failure, Failure]
    assert {i.code for i in items} == {"NG113"}


def test_a_file_that_vanishes_while_read_is_a_failure(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Ministers met in Geneva.", "utf-8")
    (tmp_path / "b.txt").write_text("Talks ended in Oslo.", "utf-8")
    real = Path.open

    def vanish(self: Path, *a: Any, **k: Any) -> Any:
        if self.name == "a.txt":
            raise FileNotFoundError(2, "No such file or directory", str(self))
        return real(self, *a, **k)

    monkeypatch.setattr(Path, "open", vanish)
    items = list(read_inputs([str(tmp_path)], extensions=(".txt",)))
    assert isinstance(items[0], Failure) and items[0].code == "NG113" and "vanished" in items[0].message
    assert isinstance(items[1], RawDocument)


def test_a_folder_that_cannot_be_listed_is_a_failure(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Ministers met in Geneva.", "utf-8")
    (tmp_path / "shut").mkdir()
    real = os.scandir

    def scandir(path: Any) -> Any:
        if str(path).endswith("shut"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)], extensions=(".txt",)))
    assert [type(i).__name__ for i in items] == ["RawDocument", "Failure"]
    assert "cannot list the folder" in items[1].message and items[1].code == "NG113"


# ------------------------------------------------------------------------------ decoding you can see

CP1252 = "Der Außenminister sprach in Kyjiw über die Lage.".encode("cp1252")


def test_invalid_utf8_is_replaced_and_counted_or_refused_under_strict(tmp_path):
    (tmp_path / "a.txt").write_bytes(CP1252)
    (tmp_path / "b.jsonl").write_bytes(b'{"id": "j1", "text": "Ministers met in ' + b"K\xf6ln" + b'."}\n'
                                       b'{"id": "j2", "text": "Talks ended."}\n')
    (tmp_path / "c.csv").write_bytes(b"id,text\nc1,Talks in M\xfcnchen ended.\nc2,All good here.\n")
    items = list(read_inputs([str(tmp_path)], extensions=(".txt", ".jsonl", ".csv")))
    docs = {i.source.rsplit("/", 1)[-1]: i for i in items}
    assert all(isinstance(i, RawDocument) for i in items)
    assert "\ufffd" in docs["a.txt"].text and "2 byte sequences" in docs["a.txt"].warnings[0]
    assert docs["b.jsonl:1"].warnings and not docs["b.jsonl:2"].warnings
    assert docs["c.csv:2"].warnings and not docs["c.csv:3"].warnings
    strict = list(read_inputs([str(tmp_path)], extensions=(".txt", ".jsonl", ".csv"), strict_encoding=True))
    codes = {i.source.rsplit("/", 1)[-1]: getattr(i, "code", "ok") for i in strict}
    assert codes == {"a.txt": "NG111", "b.jsonl:1": "NG111", "b.jsonl:2": "ok", "c.csv:2": "NG111", "c.csv:3": "ok"}


def test_ingest_reports_the_warning(tmp_path):
    (tmp_path / "a.txt").write_bytes(CP1252)
    report = ingest([str(tmp_path)], str(tmp_path / "s.duckdb"), config=config.load(**NO_NLP), workers=1)
    assert report.stored == 1 and report.warned == 1 and "not valid UTF-8" in report.warnings[0]


# ------------------------------------------------------------------------------ JSON limits

@pytest.mark.parametrize("line", [
    "[" * 100_000 + "]" * 100_000,  # deeper than Python's parser goes
    '{"text": "x", "extra": ' + "[" * 70 + "1" + "]" * 70 + "}",  # within Python's reach, past ours
    '{"text": "x", "n": ' + "9" * 5000 + "}",
    '{"text": "x", "n": 1.' + "5" * 5000 + "}",
    '{"text": "x", "id": -' + "1" * 200 + "}",
])
def test_json_beyond_the_limits_is_a_coded_error(line):
    with pytest.raises(RecordTooComplex) as exc:
        load_json(line)
    assert exc.value.code == "NG112"


def test_json_within_the_limits_loads():
    nested: Any = 1
    for _ in range(MAX_JSON_DEPTH - 1):
        nested = [nested]
    assert load_json(json.dumps({"text": "x", "deep": nested, "n": 10**50}))["n"] == 10**50


def test_a_jsonl_file_of_hostile_records_fails_each_alone(tmp_path):
    lines = [json.dumps({"id": "ok1", "text": "Ministers met in Geneva on Monday."}),
             "[" * 50_000 + "]" * 50_000,
             '{"id": "big", "text": "x", "n": ' + "7" * 6000 + "}",
             json.dumps({"id": "sur\ud800", "text": "Talks in Oslo \udcff ended.", "title": "\ud83d"}),
             json.dumps({"id": "x" * 500, "text": "An id far too long."}),
             json.dumps({"id": "a/b c?d%", "text": "An id with a slash is fine."}),
             json.dumps({"id": "ok2", "text": "Talks ended in Vienna."})]
    (tmp_path / "h.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "s.duckdb"
    report = ingest([str(tmp_path / "h.jsonl")], str(db), config=config.load(**NO_NLP), workers=1)
    codes = sorted(f["code"] for f in report.failures)
    assert codes == ["NG105", "NG112", "NG112"], report.failures
    with Store(db, read_only=True) as s:
        ids = {r[0] for r in s.execute("SELECT id FROM articles")}
    assert ids == {"ok1", "ok2", "sur\ufffd", "a/b c?d%"}


# ------------------------------------------------------------------------------ the time budget

_SLEEPS: dict[str, float] = {}


@component("test.slow")
def _slow(analysis: Analysis, ctx: Any) -> Analysis:
    """Sleeps (checking the budget, as a component's long loop does) when the text says SLOW."""
    if "SLOW" in analysis.article.text:
        end = time.monotonic() + 5
        while time.monotonic() < end:
            limits.check("in test.slow")
            time.sleep(0.01)
    return analysis


@component("test.noop")
def _noop(analysis: Analysis, ctx: Any) -> Analysis:
    return analysis


SLOW_CFG = {"pipeline": {"order": ["ingest", "slow", "after"]}, "components": {"slow": "test.slow", "after": "test.noop"}}


def test_an_article_over_its_budget_fails_alone_and_is_recorded(tmp_path):
    cfg = config.load(input={"max_seconds": 0.5}, **SLOW_CFG)
    raws = [RawDocument(text=t, source=f"mem:{i}") for i, t in enumerate(news_texts(5))]
    raws[2] = RawDocument(text="SLOW " + raws[2].text, source="mem:slow")
    t0 = time.monotonic()
    report = ingest_items(raws, str(tmp_path / "s.duckdb"), config=cfg, workers=1)
    assert time.monotonic() - t0 < 4  # stopped at its budget, not after the component's 5 s
    assert report.stored == 4 and report.failed == 1
    assert report.failures[0]["code"] == "NG301" and report.failures[0]["source"] == "mem:slow"
    assert failures(tmp_path / "s.duckdb")["mem:slow"][0] == "NG301"


def test_the_budget_counts_an_articles_own_work_not_its_neighbours():
    # five articles of 0.3 s each after one shared parse, a budget of 0.5 s: each is within it
    @component("test.steady")
    def steady(analysis: Analysis, ctx: Any) -> Analysis:
        time.sleep(0.3)
        return analysis

    cfg = config.load(input={"max_seconds": 0.5}, pipeline={"order": ["ingest", "nlp", "steady", "after"]},
                      components={"steady": "test.steady", "after": "test.noop"})
    pipe = Pipeline(cfg)
    pipe.ctx.__dict__["nlp"] = FakeNlp()
    out = list(pipe.pipe([RawDocument(text=t) for t in news_texts(5)]))
    assert all(isinstance(a, Analysis) for a in out), out


def test_one_article_alone_raises_the_timeout():
    cfg = config.load(input={"max_seconds": 0.3}, **SLOW_CFG)
    with pytest.raises(AnalysisTimeout) as exc:
        Pipeline(cfg)("SLOW down, the minister said.")
    assert exc.value.code == "NG301" and "max_seconds" in exc.value.one_line()


def test_no_budget_means_no_limit():
    cfg = config.load(input={"max_seconds": 0}, **SLOW_CFG)
    d = limits.Deadline(0)
    assert d.left() is None and not d.expired()
    assert isinstance(Pipeline(cfg)("Nothing slow here."), Analysis)


# ------------------------------------------------------------------------------ a failing parse

class FakeNlp:
    """spaCy's face for the runner: fails on a text holding BOOM, in a batch and alone."""

    def __call__(self, text: str) -> Any:
        if "BOOM" in text:
            raise ValueError("[E088] Text of length 3000000 exceeds maximum")
        return object()

    def pipe(self, texts: list[str], batch_size: int = 32) -> Any:
        for t in texts:
            yield self(t)


def test_a_parse_that_fails_for_the_batch_fails_only_its_article():
    cfg = config.load(pipeline={"order": ["ingest", "nlp"]})
    pipe = Pipeline(cfg)
    pipe.ctx.__dict__["nlp"] = FakeNlp()
    raws = [RawDocument(text=t, source=f"mem:{i}") for i, t in enumerate(news_texts(6))]
    raws[3] = RawDocument(text="BOOM " + raws[3].text, source="mem:boom")
    out = list(pipe.pipe(raws))
    assert [type(x).__name__ for x in out] == ["Analysis"] * 3 + ["Failure"] + ["Analysis"] * 2
    assert out[3].code == "NG300" and "E088" in out[3].message


# ------------------------------------------------------------------------------ long texts, in sections

def test_a_long_text_is_analysed_in_sections_with_exact_offsets(pipeline, monkeypatch):
    from newsgraph import sections

    monkeypatch.setattr(sections, "SECTION_CHARS", 1500)
    paras = [f"In Moscow the Kremlin chief Vladimir Putin told a briefing Moscow would “respond” to NATO (part {i})."
             f"\n\nFinland and Sweden joined the alliance, officials in Helsinki said. He added: “We are ready.”"
             for i in range(30)]
    text = "\n\n".join(paras)
    a = pipeline(RawDocument(text=text, published="2023-05-01"))
    doc = a.to_dict()
    assert doc["meta"]["sections"] >= 4
    body = doc["article"]["text"]
    from test_offsets import spans_of

    spans = spans_of(doc)
    assert len(spans) > 50
    for span in spans:
        assert body[span["start"]:span["end"]] == span["text"], span
    ids = [a["id"] for a in doc["actors"]]
    assert len(ids) == len(set(ids))  # one actor per id, mentions merged
    assert [q["id"] for q in doc["quotes"]] == [f"q{i}" for i in range(1, len(doc["quotes"]) + 1)]
    events = [e["id"] for e in doc["events"]]
    assert len(events) == len(set(events))
    putin = next(x for x in doc["actors"] if "Putin" in x["name"])
    assert len(putin["mentions"]) >= 12  # mentions from every section
    quoted = {q["id"] for q in doc["quotes"]}
    assert all(e.get("quote") in quoted for e in doc["events"] if e.get("quote"))


def test_sections_cover_the_text_and_cut_at_paragraphs():
    from newsgraph.sections import needs_sections, section_bounds

    text = "\n\n".join(["word " * 40] * 60)
    bounds = section_bounds(text, size=1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(e - s <= 1000 for s, e in bounds)
    assert all(text[e - 2:e] == "\n\n" for _, e in bounds[:-1])
    dense = '"' * 40_000  # punctuation: cut by tokens (each mark is one), not characters
    assert needs_sections(dense) and len(section_bounds(dense)) >= 3
    nowhere = "x" * 5000  # no break anywhere: a hard cut
    assert section_bounds(nowhere, size=1000)[0] == (0, 1000)


# ------------------------------------------------------------------------------ the command line, for real

@pytest.mark.slow
def test_done_when_a_folder_with_a_loop_an_unreadable_file_and_a_fifo(tmp_path):
    """`newsgraph ingest` over a folder with a symlink loop, an unreadable file and a FIFO ingests
    everything else, lists the three and exits 1 (as root, without the capabilities that let root
    read any file, so that chmod 000 holds)."""
    d = tmp_path / "in"
    d.mkdir()
    for i, text in enumerate(news_texts(4)):
        (d / f"good{i}.txt").write_text(text, "utf-8")
    os.symlink("loop.txt", d / "loop.txt")
    (d / "locked.txt").write_text("Nobody may read this.", "utf-8")
    (d / "locked.txt").chmod(0)
    os.mkfifo(d / "pipe.txt")
    db = tmp_path / "s.duckdb"
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: a chmod 000 file stays readable")
        prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    env = {**os.environ, "NEWSGRAPH_INGEST_WORKERS": "1"}
    proc = subprocess.run([*prefix, sys.executable, "-m", "newsgraph.cli", "ingest", str(d), "--db", str(db)],
                          capture_output=True, env=env, timeout=600, check=False)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert proc.stdout.decode().startswith("4 stored, 0 already stored, 3 failed"), proc.stdout.decode()
    for name in ("loop.txt", "locked.txt", "pipe.txt"):
        assert any(name in line and "error[NG113]" in line for line in err.splitlines()), (name, err)
    assert "NG999" not in err and "Traceback" not in err


@pytest.mark.slow
def test_done_when_a_19_mb_article_among_100_good_ones(tmp_path):
    """The 100 good articles are stored; the 19 MB one is stored in sections or failed with its
    coded reason; a rerun stores nothing twice and ends the same way."""
    from hostile import prose

    d = tmp_path / "in"
    d.mkdir()
    for i, text in enumerate(news_texts(100, seed=41)):
        (d / f"good{i:03d}.txt").write_text(text, "utf-8")
    (d / "zz-huge.txt").write_text(prose(19 * 1024 * 1024, 7), "utf-8")
    db = tmp_path / "s.duckdb"
    cfg = config.load(input={"max_seconds": 30})
    reports = [ingest([str(d)], str(db), config=cfg, workers=2) for _ in range(2)]
    with Store(db, read_only=True) as s:
        sources = {r[0] for r in s.execute("SELECT source FROM articles")}
        failures = list(s.execute("SELECT source, code FROM failures"))
    assert sum(Path(x).name.startswith("good") for x in sources if x) == 100
    huge_stored = any(x and Path(x).name == "zz-huge.txt" for x in sources)
    huge_failed = [code for item, code in failures if "zz-huge.txt" in (item or "")]
    assert huge_stored or huge_failed, failures
    assert all(code.startswith("NG") and code != "NG999" for _, code in failures)
    first, rerun = reports
    assert first.stored + first.failed == 101 and first.stored >= 100
    assert rerun.stored == 0 and rerun.skipped == first.stored and rerun.failed == first.failed
