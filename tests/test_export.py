"""Exports read back by the tools they are for: GDELT column layout, PLOVER records, JSONL/CSV,
Parquet (pyarrow, DuckDB), and the network as GraphML / GEXF / JSON parsed with networkx."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from corpus_fixtures import analyses
from newsgraph import analytics as an
from newsgraph.errors import BadArgument
from newsgraph.export import (
    EVENT_COLUMNS,
    GDELT_COLUMNS,
    export_events,
    export_network,
    network_json,
    plover_records,
    write_network,
)
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
COL = {name: i for i, name in enumerate(GDELT_COLUMNS)}


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "c.duckdb"
    with Store(path) as s:
        for a in analyses():
            s.add(a)
        an.find_duplicates(s)
    return path


@pytest.fixture
def store(db):
    with Store(db, read_only=True) as s:
        yield s


def _gdelt_rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text("utf-8").splitlines()]


def test_gdelt_has_61_columns_in_order(store, tmp_path):
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:34] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    out = tmp_path / "events.tsv"
    n = export_events(store, "gdelt", str(out))
    rows = _gdelt_rows(out)
    assert n == len(rows) == 11  # one row per dyad; the negated event is left out
    assert all(len(r) == 61 for r in rows)
    assert len({r[0] for r in rows}) == len(rows) and all(r[0].isdigit() for r in rows)


def test_gdelt_values(store, tmp_path):
    out = tmp_path / "events.tsv"
    export_events(store, "gdelt", str(out))
    rows = _gdelt_rows(out)
    putin = next(r for r in rows if r[COL["Actor1Name"]] == "VLADIMIR PUTIN")
    assert putin[COL["Actor1Code"]] == "RUSGOV" and putin[COL["Actor1CountryCode"]] == "RUS"
    assert putin[COL["Actor1Type1Code"]] == "GOV"
    assert putin[COL["EventCode"]] == "130" and putin[COL["EventRootCode"]] == "13"
    assert putin[COL["QuadClass"]] == "3" and float(putin[COL["GoldsteinScale"]]) == -4.4
    assert (putin[COL["SQLDATE"]], putin[COL["MonthYear"]], putin[COL["Year"]]) == ("20230308", "202303", "2023")
    assert putin[COL["FractionDate"]] == "2023.1863"
    assert putin[COL["SOURCEURL"]] == "https://example-wire.com/a/2"
    assert len(putin[COL["DATEADDED"]]) == 14
    duda = next(r for r in rows if r[COL["Actor1Name"]] == "ANDRZEJ DUDA")
    assert duda[COL["ActionGeo_Type"]] == "4"  # a world city
    assert duda[COL["ActionGeo_CountryCode"]] == "PL"  # FIPS 10-4, as GDELT
    assert duda[COL["ActionGeo_FullName"]] == "Warsaw, Poland"
    assert float(duda[COL["ActionGeo_Lat"]]) == pytest.approx(52.23)
    nato = next(r for r in rows if r[COL["Actor2Name"]] == "NATO")
    assert nato[COL["Actor2Code"]] == "IGONATO" and nato[COL["Actor2Type1Code"]] == "IGO"
    assert nato[COL["Actor2CountryCode"]] == ""


def test_gdelt_per_real_event_needs_clusters(db, tmp_path):
    with Store(db, read_only=True) as s, pytest.raises(BadArgument) as exc:
        export_events(s, "gdelt", str(tmp_path / "x.tsv"), unit="event")
    assert "newsgraph clusters" in str(exc.value)
    with Store(db) as s:
        an.cluster_events(s)
        out = tmp_path / "real.tsv"
        n = export_events(s, "gdelt", str(out), unit="event")
    rows = _gdelt_rows(out)
    assert n == len(rows) == 9
    top = next(r for r in rows if r[COL["Actor1Code"]] == "RUS" and r[COL["Actor2Code"]] == "UKR")
    # three reports, three outlets, two independent articles (the wire copy counts once)
    assert (top[COL["NumMentions"]], top[COL["NumSources"]], top[COL["NumArticles"]]) == ("3", "3", "2")


def test_plover_records_look_like_the_gold_standard(store, tmp_path):
    out = tmp_path / "p.json"
    n = export_events(store, "plover", str(out))
    recs = json.loads(out.read_text("utf-8"))
    assert n == len(recs) == 10  # events, not dyads; negated left out
    for r in recs:
        assert {"id", "date", "source", "target", "event", "mode", "eventText", "context", "text",
                "language", "publication", "coder", "version", "dateCoded"} <= set(r)
    two = next(r for r in recs if r["event"] == "THREATEN")
    assert [(a["actorText"], a["code"], a.get("sector")) for a in two["source"]] == [
        ("Vladimir Putin", "RUS", "GOV"), ("Belarus", "BLR", None)]
    assert two["target"] == [{"actorText": "Poland", "code": "POL", "actorId": "POL"}]
    duda = next(r for r in recs if r["event"] == "CONSULT")
    assert duda["eventLoc"] == {"name": "Warsaw", "country code": "PL", "lat": 52.23, "lon": 21.01}
    aid = next(r for r in recs if r["source"][0]["actorId"] == "CSTO")
    assert aid["source"][0]["code"] == "IGO"
    # the per-document generator filters by date
    doc = analyses()[-1].to_dict()
    assert [r["date"] for r in plover_records(doc, date_from="2024-02-01")] == ["2024-02-05"]


def test_jsonl_csv_parquet(store, tmp_path):
    import pyarrow.parquet as pq

    jl = tmp_path / "e.jsonl"
    assert export_events(store, "jsonl", str(jl)) == 11
    recs = [json.loads(line) for line in jl.read_text("utf-8").splitlines()]
    assert list(recs[0]) == list(EVENT_COLUMNS)
    assert sum(r["negated"] for r in recs) == 1
    copy = [r for r in recs if r["duplicate_of"]]
    assert len(copy) == 1 and copy[0]["news_source"] == "daily-reprint.example.org"
    two = next(r for r in recs if len(r["source"]) == 2)
    assert two["source_names"] == ["Vladimir Putin", "Belarus"]

    cv = tmp_path / "e.csv"
    export_events(store, "csv", str(cv), date_from="2023-03-08", date_to="2023-03-08")
    with cv.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 2 and {r["source"] for r in rows} == {"vladimir-putin;BLR", "RUS"}

    pa_path = tmp_path / "e.parquet"
    export_events(store, "parquet", str(pa_path))
    table = pq.read_table(pa_path)
    assert table.num_rows == 11 and table.column_names == list(EVENT_COLUMNS)
    assert str(table.schema.field("source").type) == "list<element: string>"
    assert str(table.schema.field("date").type) == "date32[day]"
    assert store.execute("SELECT count(*) FROM read_parquet(?) WHERE plover = 'ACCUSE'", [str(pa_path)])[0][0] == 6


def test_bad_export_requests(store, tmp_path):
    with pytest.raises(BadArgument):
        export_events(store, "xml", str(tmp_path / "x"))
    with pytest.raises(BadArgument):
        export_events(store, "parquet", "-")
    with pytest.raises(BadArgument):
        export_events(store, "csv", str(tmp_path / "x"), unit="event")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("streamed", [True, False])
def test_network_files_parse_back_with_networkx(store, tmp_path, fmt, streamed):
    g = an.network(store)
    path = tmp_path / f"net.{fmt}"
    if streamed:  # what `newsgraph network` writes, straight from DuckDB
        assert export_network(store, fmt, str(path)) == (g.number_of_nodes(), g.number_of_edges())
    else:  # a networkx graph written by networkx
        write_network(g, fmt, str(path))
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.is_directed()
    assert set(back.nodes) == set(g.nodes) and back.number_of_edges() == g.number_of_edges()
    edge = back.edges["RUS", "UKR"]
    assert int(edge["sign"]) == -1 and float(edge["weight"]) == 2  # the wire copy is not counted twice
    assert float(edge["goldstein_sum"]) == -4.0 and int(edge["conflict"]) == 2
    node = back.nodes["vladimir-putin"]
    assert (node["kind"], node["country"], node["code"]) == ("person", "RUS", "RUSGOV")
    assert back.nodes["NATO"]["name" if fmt == "graphml" else "label"] == "NATO"


def test_streamed_network_escapes_markup(tmp_path):
    from corpus_fixtures import ACTORS, Doc, Ev, build

    ACTORS["odd"] = ('Tom & "Jerry" <Ltd>', "organization", None, None)
    ACTORS["r&d"] = ("Research & Development", "group", None, None)
    try:
        d = Doc('Tom & "Jerry" <Ltd> accused Poland of theft. Research & Development met Poland.', "2023-01-02",
                [Ev(["odd"], ["POL"], "ACCUSE", 'Tom & "Jerry" <Ltd> accused Poland of theft'),
                 Ev(["r&d"], ["POL"], "CONSULT", "Research & Development met Poland")])
        with Store(":memory:") as s:
            s.add(build(d))
            for fmt in ("graphml", "gexf", "json"):
                export_network(s, fmt, str(tmp_path / f"n.{fmt}"))
    finally:
        del ACTORS["odd"], ACTORS["r&d"]
    back = nx.read_graphml(tmp_path / "n.graphml")
    assert back.nodes["odd"]["name"] == 'Tom & "Jerry" <Ltd>'
    assert back.has_edge("r&d", "POL") and nx.read_gexf(tmp_path / "n.gexf").has_edge("r&d", "POL")
    assert nx.read_gexf(tmp_path / "n.gexf").nodes["odd"]["label"] == 'Tom & "Jerry" <Ltd>'
    data = json.loads((tmp_path / "n.json").read_text("utf-8"))
    assert {n["id"]: n["name"] for n in data["nodes"]}["odd"] == 'Tom & "Jerry" <Ltd>'


def test_network_json(store, tmp_path):
    g = an.network(store)
    path = tmp_path / "net.json"
    write_network(g, "json", str(path))
    data = json.loads(path.read_text("utf-8"))
    assert data == json.loads(json.dumps(network_json(g)))
    streamed = tmp_path / "streamed.json"
    export_network(store, "json", str(streamed))
    got = json.loads(streamed.read_text("utf-8"))
    got["edges"].sort(key=lambda e: (e["source"], e["target"]))  # edge order is unspecified when streamed
    assert got == data
    assert data["directed"] is True
    assert {n["id"] for n in data["nodes"]} == set(g.nodes)
    edge = next(e for e in data["edges"] if (e["source"], e["target"]) == ("BLR", "ARM"))
    assert edge["sign"] == 1 and edge["cooperation"] == 1
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_edges() == g.number_of_edges()


# ---------------------------------------------------------------------------------------------- commands

def _cli():
    from newsgraph.cli import _attach_optional, cli

    _attach_optional()
    return cli


def test_series_network_export_clusters_commands(db, tmp_path):
    cli = _cli()
    runner = CliRunner()
    res = runner.invoke(cli, ["series", "--db", str(db), "--source", "RUS", "--target", "UKR", "--by", "day",
                              "--format", "csv"])
    assert res.exit_code == 0, res.output
    lines = res.stdout.strip().splitlines()
    assert lines[0].startswith("period,events,articles,goldstein_sum,goldstein_mean,verbal_cooperation")
    assert lines[1].startswith("2023-03-06,1,1,-2.0")
    res = runner.invoke(cli, ["series", "--db", str(db), "--source", "RUS", "--format", "json", "--by", "month"])
    data = json.loads(res.stdout)
    assert data["source"]["kind"] == "country" and data["rows"][0]["events"] == 4  # two reports (a copy left out), Putin, Russia->Poland
    out = tmp_path / "n.gexf"
    res = runner.invoke(cli, ["network", "--db", str(db), "--format", "gexf", "-o", str(out)])
    assert res.exit_code == 0 and nx.read_gexf(out).number_of_nodes() == 10
    res = runner.invoke(cli, ["clusters", "--db", str(db), "--format", "json", "--min-articles", "2"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)[0]["n_articles"] == 3
    out = tmp_path / "g.tsv"
    res = runner.invoke(cli, ["export", "--db", str(db), "--format", "gdelt", "--unit", "event", "-o", str(out)])
    assert res.exit_code == 0 and len(_gdelt_rows(out)) == 9
    res = runner.invoke(cli, ["export", "--db", str(db), "--format", "jsonl"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == 11


def test_command_errors_are_one_line(db):
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    env.pop("NEWSGRAPH_DEBUG", None)
    proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "export", "--db", str(db), "--format", "parquet"],
                          capture_output=True, cwd=ROOT, env=env, timeout=120)
    err = proc.stderr.decode().strip().splitlines()
    assert proc.returncode != 0 and len(err) == 1 and err[0].startswith("error[NG110]:"), err


def test_part_writer_falls_back_when_the_one_pass_order_cannot_be_checked(tmp_path):
    from newsgraph.export import _write_parts

    with Store(":memory:") as s:
        s.execute("CREATE TEMP TABLE t AS SELECT range AS i FROM range(5)")
        parts = [("sql", "SELECT 'first'"), ("text", "middle"), ("sql", "SELECT CAST(i AS VARCHAR) FROM t"),
                 ("text", "end")]
        out = tmp_path / "x.txt"
        _write_parts(s, parts, str(out))
    assert out.read_text().split() == ["first", "middle", "0", "1", "2", "3", "4", "end"]
