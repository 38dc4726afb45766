"""Queries: one validation for every face, complete results, streamed exports, DataFrames and Arrow."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import cli
from newsgraph.errors import BadArgument, BadDate, NewsgraphError, UnknownCountry
from newsgraph.model import Event, Span
from newsgraph.query import SPECS, TARGETS, filters_of, query_date, validate
from newsgraph.store import Store
from test_store import make_analysis

N_ARTICLES = 60
EVENTS_EACH = 12  # 720 events: more than one fetch chunk (500), so streaming is exercised


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "q.duckdb"
    with Store(path) as store:
        for i in range(N_ARTICLES):
            text = (f"Ruritania accused Freedonia of raid number {i} on the border. "
                    "“We will respond,” the minister said.")
            a = make_analysis(text, published=f"2022-{1 + i % 12:02d}-{1 + i % 27:02d}", art_id=f"art-{i:03d}")
            base = a.events[0]
            a.events = [Event(id=f"e{k}", source=["RUR"], target=["FRE"], plover="ACCUSE" if k % 2 else "THREATEN",
                              cameo="112" if k % 2 else "138", goldstein=-2.0, quad="verbal conflict",
                              evidence=Span.of(text, 0, base.evidence.end), date=a.article.published,
                              date_precision="day") for k in range(EVENTS_EACH)]
            store.add(a)
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=True)
    err = result.stderr if hasattr(result, "stderr") else ""
    if isinstance(result.exception, NewsgraphError):
        err += f"error[{result.exception.code}]: {result.exception.one_line()}"
    return result.exit_code, result.stdout, err


# ---------------------------------------------------------------------------------------------
# validation: one place
# ---------------------------------------------------------------------------------------------

def test_every_filter_belongs_to_a_query_and_has_help():
    for name, spec in SPECS.items():
        assert spec.targets and set(spec.targets) <= set(TARGETS) and spec.help, name
    assert "plover" in filters_of("events") and "plover" not in filters_of("articles")


@pytest.mark.parametrize(("target", "given", "error", "names"), [
    ("events", {"plovr": "ACCUSE"}, BadArgument, "did you mean 'plover'"),
    ("events", {"plover": "ACUSE"}, BadArgument, "did you mean 'ACCUSE'"),
    ("events", {"cameo": "99"}, BadArgument, "unknown CAMEO code '99'"),
    ("events", {"cameo": "1x"}, BadArgument, "2 to 4 digits"),
    ("events", {"quad": "verbal confict"}, BadArgument, "did you mean 'verbal conflict'"),
    ("events", {"country": "RSU"}, UnknownCountry, "did you mean RUS"),
    ("events", {"date_from": "the other day"}, BadDate, "not a date"),
    ("events", {"date_from": "2023-02-01", "date_to": "2023-01-31"}, BadArgument, "is empty"),
    ("events", {"min_confidence": "sure"}, BadArgument, "not a number"),
    ("events", {"limit": -1}, BadArgument, "0 or more"),
    ("articles", {"plover": "ACCUSE"}, BadArgument, "only events do"),
    ("actors", {"kind": "persn"}, BadArgument, "did you mean 'person'"),
    ("quotes", {"kind": "direkt"}, BadArgument, "did you mean 'direct'"),
    ("evnts", {}, BadArgument, "did you mean 'events'"),
])
def test_bad_filters_are_coded_errors_naming_the_nearest_value(target, given, error, names):
    with pytest.raises(error) as info:
        validate(target, given)
    assert names in info.value.one_line()


def test_filters_are_normalised():
    f = validate("events", {"plover": "accuse", "country": "Russia", "from": "2022", "to": "2022-02", "limit": 0})
    assert (f.plover, f.country, f.date_from, f.date_to, f.limit) == ("ACCUSE", "RUS", "2022-01-01", "2022-02-28", None)
    assert query_date("2022-05", "to date", end=True) == "2022-05-31"
    assert validate("events", {"q": "", "plover": " "}).q is None  # a cleared form field is no filter ...
    with pytest.raises(BadArgument):
        validate("events", {"plovr": ""})  # ... but a misspelt name is refused, empty or not
    with pytest.raises(BadDate):
        query_date("2999-01-01", "to date")


# ---------------------------------------------------------------------------------------------
# complete results and exports
# ---------------------------------------------------------------------------------------------

def test_python_results_are_complete_and_come_as_frames(db: Path):
    with newsgraph.connect(db) as corpus:
        stored = corpus.stats()
        events = corpus.events()
        assert len(events) == events.total() == stored["events"] == N_ARTICLES * EVENTS_EACH
        assert len(events.rows()) == stored["events"]
        assert corpus.events(limit=7, offset=3).count() == 7 and len(corpus.events(limit=7).rows()) == 7
        frame = corpus.events(plover="ACCUSE").df()
        assert len(frame) == stored["events"] // 2 and set(frame["plover"]) == {"ACCUSE"}
        table = corpus.quotes().arrow()
        assert table.num_rows == stored["quotes"] and "speaker" in table.column_names
        assert corpus.events(cameo="13").count() == stored["events"] // 2
        assert corpus.articles(date_from="2022-03", date_to="2022-03").count() == N_ARTICLES // 12
        with pytest.raises(BadArgument):
            corpus.events(kind="direct")


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_cli_exports_every_stored_row(db: Path, fmt: str, tmp_path: Path):
    """The exported row count equals the stored count: no silent page of 50."""
    with Store(db, read_only=True) as store:
        stored = store.stats()
    for what in ("events", "quotes", "articles"):
        code, out, err = invoke(what, "--db", str(db), "--format", fmt)
        assert code == 0, err
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out)))
        elif fmt == "json":
            rows = json.loads(out)
        else:
            rows = [json.loads(line) for line in out.splitlines()]
        assert len(rows) == stored[what], (what, fmt)
    target = tmp_path / f"events.{fmt}"
    code, _, _ = invoke("events", "--db", str(db), "--format", fmt, "-o", str(target))
    assert code == 0 and target.stat().st_size > 0


def test_cli_table_says_when_it_shows_part(db: Path):
    code, out, err = invoke("events", "--db", str(db))
    assert code == 0 and len(out.splitlines()) == 2 + 50
    assert f"showing 50 of {N_ARTICLES * EVENTS_EACH:,}; --limit 0 for all" in err
    code, out, err = invoke("events", "--db", str(db), "--limit", "0")
    assert len(out.splitlines()) == 2 + N_ARTICLES * EVENTS_EACH and "showing" not in err
    code, out, err = invoke("articles", "--db", str(db), "--limit", "5", "--format", "csv")
    assert len(out.splitlines()) == 1 + 5


def test_cli_refuses_bad_filters_with_a_code(db: Path):
    code, _, err = invoke("events", "--db", str(db), "--plover", "ACUSE")
    assert code != 0 and "NG110" in err and "ACCUSE" in err
    code, _, err = invoke("events", "--db", str(db), "--country", "Freedonia-ish")
    assert code != 0 and "NG502" in err
    code, _, _ = invoke("articles", "--db", str(db), "--plover", "ACCUSE")  # not an option of articles
    assert code == 2


def test_the_api_exports_every_row_with_the_same_checks(db: Path):
    from newsgraph.api import create_app
    from test_api import Api

    app = create_app(str(db), warm=False)
    api = Api(app)
    try:
        with Store(db, read_only=True) as store:
            stored = store.stats()
        r = api.get("/api/export/events", params={"format": "csv"})
        assert r.status_code == 200 and r.headers["x-total-count"] == str(stored["events"])
        assert len(list(csv.DictReader(io.StringIO(r.text)))) == stored["events"]
        r = api.get("/api/export/quotes", params={"format": "jsonl", "limit": 5})
        assert len(r.text.splitlines()) == 5 and r.headers["x-row-count"] == "5"
        assert len(api.get("/api/export/articles", params={"format": "json"}).json()) == stored["articles"]
        err = api.get("/api/export/events", params={"plovr": "ACCUSE"}).json()["error"]
        assert err["code"] == "NG110" and "did you mean 'plover'" in err["message"]
        assert api.get("/api/export/evnts").json()["error"]["code"] == "NG110"
    finally:
        app.state.pool.close()
