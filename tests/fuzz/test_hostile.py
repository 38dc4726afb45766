"""The hostile-input corpus (:mod:`hostile`): for every input, ingest finishes within the input's
time budget with a result or a coded error, never NG999, and nothing stored before is lost.

Each input is ingested on its own into one store that already holds a reference article; after
each, the reference article must still be there, unchanged, and no article may have gone. A
subset (``fast``) runs in ``make test``; every case runs in ``make test-slow``. Some cases are also
read through ``newsgraph read`` (exit status and one coded line) and posted to the API (in
test_api_safety.py).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hostile import Case, cases, prose

from newsgraph import config
from newsgraph.batch import ingest
from newsgraph.store import Store

CASES = cases()
# time a case may take beyond its budget: one section's unit of work, model loading on the first
# case, cleaning and storing a 19 MB text, and a loaded 2-core machine
SLACK = 60.0
CODE = re.compile(r"^NG\d{3}$")


def test_the_corpus_is_big_and_varied():
    assert len(CASES) >= 200
    families = {c.name.split("-")[0] for c in CASES}
    assert {"huge", "empty", "binary", "encoding", "quotes", "json", "number", "control", "rtl", "runon", "html",
            "fs", "zip"} <= families
    assert sum(c.fast for c in CASES) >= 20


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A store holding one reference article before any hostile input arrives."""
    folder = tmp_path_factory.mktemp("fuzz-store")
    ref = folder / "reference.txt"
    ref.write_text("Finland joins NATO\n\nFinland formally joined NATO on Tuesday, officials in Helsinki said. "
                   "“This is a historic day,” the Finnish president said.", "utf-8")
    db = folder / "fuzz.duckdb"
    report = ingest([str(ref)], str(db), workers=1, published="2023-04-04")
    assert report.stored == 1, report.to_dict()
    with Store(db, read_only=True) as s:
        (doc,) = [json.loads(r[0]) for r in s.execute("SELECT doc FROM articles")]
    return {"db": db, "reference": doc, "count": 1}


def _params() -> list[Any]:
    return [pytest.param(c, id=c.name, marks=() if c.fast else pytest.mark.slow) for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_hostile_input(case: Case, store: dict[str, Any], tmp_path: Path):
    src = case.make(tmp_path)
    cfg = config.load(input={"max_seconds": case.budget})
    t0 = time.monotonic()
    report = ingest([str(src)], str(store["db"]), config=cfg, workers=1)  # raises nothing for any input
    elapsed = time.monotonic() - t0
    assert elapsed < case.budget + SLACK, f"{case.name} took {elapsed:.0f} s"
    for f in report.failures:
        assert CODE.match(f["code"]) and f["message"], f
        assert f["code"] != "NG999", f
    with Store(store["db"], read_only=True) as s:
        codes = {r[0] for r in s.execute("SELECT DISTINCT code FROM failures")}
        assert "NG999" not in codes
        rows = s.execute("SELECT doc FROM articles WHERE id = ?", [store["reference"]["article"]["id"]])
        assert rows and json.loads(rows[0][0]) == store["reference"], "the reference article changed"
        count = s.count("articles")
        for (doc,) in s.execute("SELECT doc FROM articles"):  # every stored span indexes its text
            d = json.loads(doc)
            body = d["article"]["text"]
            for a in d["actors"]:
                for m in a["mentions"]:
                    assert body[m["start"]:m["end"]] == m["text"]
            for q in d["quotes"]:
                assert body[q["start"]:q["end"]] == q["text"]
    assert count >= store["count"], "an article stored before was lost"
    store["count"] = count


# ---------------------------------------------------------------------------------------------- the CLI

CLI_CASES = ["empty-file", "binary-png", "encoding-invalid-6", "json-depth-100000", "number-id-5000", "fs-fifo",
             "fs-self-loop", "control-jsonl-id", "zip-bomb-gzip-as-html", "encoding-jsonl-surrogates"]


@pytest.mark.parametrize("name", CLI_CASES)
def test_the_cli_says_what_failed_with_a_code_and_a_non_zero_status(name: str, tmp_path: Path, capsys: pytest.CaptureFixture):
    from newsgraph.cli import main

    case = next(c for c in CASES if c.name == name)
    src = case.make(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["read", str(src), "--format", "jsonl"])
        raise SystemExit(0)
    out, err = capsys.readouterr()
    status = exc.value.code or 0
    assert "Traceback" not in err and "NG999" not in err + out
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    failed = [r for r in records if "error" in r]
    if failed or not records:
        assert status != 0, (name, out, err)
        assert any(re.match(r"^error\[NG\d{3}\]: ", line) for line in err.splitlines()), err
    else:
        assert status == 0, (name, err)


def test_a_long_prose_text_is_stored_in_sections(store: dict[str, Any], tmp_path: Path):
    """The fast version of 'a long article is stored (sectioned)': 120 KB of prose, offsets exact."""
    p = tmp_path / "long.txt"
    p.write_text(prose(120_000, 21), "utf-8")
    report = ingest([str(p)], str(store["db"]), config=config.load(input={"max_seconds": 120}), workers=1)
    assert report.stored == 1 and report.failed == 0, report.to_dict()
