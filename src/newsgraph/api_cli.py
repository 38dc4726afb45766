"""``newsgraph serve``: the REST API and the dashboard in one process (uvicorn).

A thin command: it builds the app with :func:`newsgraph.api.create_app` and hands it to uvicorn.
Defaults for host and port come from ``[api]`` in the config (one place for every default).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from typing import Any

import click


@click.command(name="serve")
@click.option("--db", default=None, help="DuckDB store file (default: [store] db in the config, newsgraph.duckdb)")
@click.option("--host", default=None, help="Interface to listen on (default: [api] host in the config, 127.0.0.1).")
@click.option("--port", type=click.IntRange(0, 65535), default=None,
              help="Port to listen on (default: [api] port in the config, 8000).")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes; each opens the store read-only (more than 1 needs ingest off).")
@click.option("--cache", "cache_entries", type=click.IntRange(0, 1_000_000), default=1024, show_default=True,
              help="Answers to repeated GET requests kept in memory per process (0: off).")
@click.option("--log-level", type=click.Choice(["critical", "error", "warning", "info", "debug"]), default="info",
              show_default=True, help="uvicorn's log level.")
@click.pass_obj
def serve(obj: dict[str, Any] | None, db: str | None, host: str | None, port: int | None, workers: int,
          cache_entries: int, log_level: str) -> None:
    """Serve the REST API (/api) and the dashboard (/) over a store, read-only.

    POST /api/ingest stays off unless [api] ingest_token (or NEWSGRAPH_API_INGEST_TOKEN) is set.
    """
    from . import config as _config
    from .errors import ConfigError

    try:
        import uvicorn

        from .api import create_app
    except ModuleNotFoundError as exc:
        raise ConfigError(f"the API needs {exc.name}, which is not installed",
                          hint="pip install 'newsgraph[api]'") from exc
    cfg = (obj or {}).get("config") or _config.load()
    app = create_app(db, config=cfg, cache_entries=cache_entries)  # opens the store: fails here, with one line
    host = host or cfg["api"]["host"]
    port = int(cfg["api"]["port"] if port is None else port)
    click.echo(f"newsgraph: dashboard at http://{host}:{port}/ , API at http://{host}:{port}/api "
               f"(store {db or cfg['store']['db']}, {workers} process(es))", err=True)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=log_level == "debug")
        return
    if cfg["api"]["ingest_token"]:
        raise ConfigError("--workers above 1 needs POST /api/ingest off (one writer per store)",
                          hint="unset [api] ingest_token, or serve with --workers 1")
    app.state.pool.close()
    root = click.get_current_context().find_root().params.get("config_path")
    if root:
        os.environ["NEWSGRAPH_CONFIG"] = str(root)
    os.environ["NEWSGRAPH_SERVE_DB"] = str(db or cfg["store"]["db"])
    os.environ["NEWSGRAPH_SERVE_CACHE"] = str(cache_entries)
    uvicorn.run("newsgraph.api_cli:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level=log_level, access_log=log_level == "debug")


def app_from_env() -> Any:
    """The app for one of several worker processes (uvicorn imports it by name)."""
    from .api import create_app

    return create_app(os.environ["NEWSGRAPH_SERVE_DB"], cache_entries=int(os.environ.get("NEWSGRAPH_SERVE_CACHE", "1024")))


__all__ = ["app_from_env", "serve"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def served(db: str | os.PathLike[str], *, port: int | None = None, args: tuple[str, ...] = (),
           timeout: float = 60) -> Iterator[str]:
    """Run ``newsgraph serve`` over ``db`` in a child process; yield its base URL once it answers.

    For scripts, benchmarks and tests that need a real server on loopback. The child is stopped
    (terminate, then kill) when the block ends; a child that exits early raises with its stderr.
    """
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    from .errors import ConfigError

    port = port or free_port()
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsgraph.cli"]
    proc = subprocess.Popen([*cmd, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "NEWSGRAPH_API_INGEST_TOKEN": ""})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                err = proc.stderr.read().decode() if proc.stderr else ""
                raise ConfigError(f"newsgraph serve exited before answering: {err.strip()[-500:]}")
            try:
                if httpx.get(f"{base}/api/info", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise ConfigError(f"newsgraph serve did not answer on {base} within {timeout:g} s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
