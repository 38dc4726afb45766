"""Serve and ingest together: the server is the store's one writer and a local ingest stores
through it; a busy port is a coded error with the fix."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.api_cli import check_port, discovery_file
from newsgraph.errors import PortInUse
from newsgraph.remote import find_server
from newsgraph.store import Store
from test_store import make_analysis

ROOT = Path(__file__).resolve().parents[1]
MAPPED = ROOT / "examples" / "mapped"


def test_a_busy_port_is_a_coded_error_naming_the_fix():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(PortInUse) as info:
            check_port("127.0.0.1", port)
    assert info.value.code == "NG204" and f"--port {port + 1}" in info.value.one_line()
    check_port("127.0.0.1", port)  # free again


def test_no_server_or_a_stale_discovery_file_means_a_direct_ingest(tmp_path: Path):
    db = tmp_path / "s.duckdb"
    assert find_server(str(db)) is None
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    gone = int(proc.stdout)  # a process that has exited
    discovery_file(str(db)).write_text(json.dumps({"pid": gone, "url": "http://127.0.0.1:9", "token": "x",
                                                   "store": os.path.abspath(db)}))
    assert find_server(str(db)) is None


def test_the_store_route_takes_documents_with_the_local_token_only(tmp_path: Path):
    from newsgraph.api import create_app
    from test_api import Api

    db = tmp_path / "w.duckdb"
    with Store(db) as store:
        store.add(make_analysis())
    app = create_app(str(db), store_token="local-secret", warm=False)
    api = Api(app)
    try:
        doc = make_analysis("Ruritania thanked Freedonia for the grain. “We will repay it,” the envoy said.",
                            art_id="grain-1").to_dict()
        body = {"documents": [doc], "failures": [{"source": "x.jsonl:2", "id": None, "code": "NG105",
                                                  "message": "line 2 is not JSON"}]}
        wrong = api.post("/api/store", json=body, headers={"Authorization": "Bearer guess"})
        assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "NG704"
        assert api.get("/api/articles").json()["total"] == 1
        ok = api.post("/api/store", json=body, headers={"Authorization": "Bearer local-secret"})
        assert ok.json() == {"stored": 1, "skipped": 0, "failed": 1}
        assert api.get("/api/articles").json()["total"] == 2  # seen at once: the cache was cleared
        again = api.post("/api/store", json={"documents": [doc]}, headers={"Authorization": "Bearer local-secret"})
        assert again.json() == {"stored": 0, "skipped": 1, "failed": 0}
    finally:
        app.state.pool.close()


@pytest.mark.slow
def test_ingest_stores_through_a_running_server_while_it_answers(tmp_path: Path):
    import httpx

    from newsgraph.api_cli import served

    db = tmp_path / "live.duckdb"
    with Store(db) as store:
        store.add(make_analysis())
    with served(db, writable=True) as base:
        assert discovery_file(str(db)).exists() and find_server(str(db)) is not None
        before = httpx.get(f"{base}/api/articles").json()["total"]
        proc = subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(MAPPED), "--db", str(db),
                               "--text-col", "story", "--id-col", "ref"],
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr
        assert "through the server" in proc.stdout and proc.stdout.startswith("4 stored, 0 already stored, 0 failed")
        page = httpx.get(f"{base}/api/articles").json()
        assert page["total"] == before + 4  # the server sees them at once (its cache is cleared)
        again = subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(MAPPED), "--db", str(db),
                                "--text-col", "story", "--id-col", "ref"], capture_output=True, text=True, timeout=900)
        assert again.stdout.startswith("0 stored, 4 already stored"), again.stdout + again.stderr
        # queries from the command line reach the store through the server too, complete
        listed = subprocess.run([sys.executable, "-m", "newsgraph.cli", "articles", "--db", str(db), "--format",
                                 "jsonl"], capture_output=True, text=True, timeout=600)
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == before + 4
    assert not discovery_file(str(db)).exists()  # removed when the server stopped
    with Store(db, read_only=True) as store:
        assert store.count("articles") == before + 4
