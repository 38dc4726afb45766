"""A small explicit public API (httpx practice), and no heavy work at import time."""

from __future__ import annotations

import subprocess
import sys

import newsgraph
from newsgraph import errors


def test_all_is_complete_and_importable():
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name
    ours = {n for n in dir(newsgraph) if not n.startswith("_") and callable(getattr(newsgraph, n))
            and getattr(getattr(newsgraph, n), "__module__", "").startswith("newsgraph")}
    assert ours <= set(newsgraph.__all__), ours - set(newsgraph.__all__)


def test_import_does_not_load_spacy_or_duckdb():
    code = "import sys, newsgraph; print('spacy' in sys.modules, 'duckdb' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False False"


def test_error_codes_are_unique_and_documented():
    classes = [getattr(errors, n) for n in errors.__all__ if isinstance(getattr(errors, n), type)]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes))
    for c in classes:
        assert c.code in errors.__doc__, f"{c.__name__} {c.code} is not in the errors module table"


def test_duckdb_errors_are_wrapped():
    import duckdb

    err = errors.wrap_duckdb(duckdb.IOException('Could not set lock on file "x": Conflicting lock'), "opening")
    assert isinstance(err, errors.StoreLocked) and err.code == "NG401"
    err = errors.wrap_duckdb(duckdb.CatalogException("Table x does not exist"), "querying")
    assert type(err) is errors.StoreError


def test_error_for_rebuilds_the_class():
    e = errors.error_for("NG105", "line 3 is not JSON")
    assert isinstance(e, errors.BadRecord) and e.code == "NG105"
