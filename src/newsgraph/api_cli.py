"""``newsgraph serve``: the REST API and the dashboard in one process (uvicorn).

A thin command: it builds the app with :func:`newsgraph.api.create_app` and hands it to uvicorn.
Defaults for host and port come from ``[api]`` in the config (one place for every default).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
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
@click.option("--read-only", is_flag=True,
              help="Open the store read-only: `newsgraph ingest` on it then waits for the server to stop "
                   "(several --workers are always read-only).")
@click.pass_obj
def serve(obj: dict[str, Any] | None, db: str | None, host: str | None, port: int | None, workers: int,
          cache_entries: int, log_level: str, read_only: bool = False) -> None:
    """Serve the REST API (/api) and the dashboard (/) over a store.

    With one process (the default) the server is the store's one writer: `newsgraph ingest --db`
    on the same file, run meanwhile, analyses in its own process and sends the results through
    the server (found by the FILE.server.json it writes beside the store), so the dashboard and
    the API see new articles as they are stored. The model is loaded before the first request.
    POST /api/ingest (texts from other machines) stays off unless [api] ingest_token (or
    NEWSGRAPH_API_INGEST_TOKEN) is set.
    """
    import secrets

    from . import config as _config
    from .errors import ConfigError, StoreLocked

    try:
        import uvicorn

        from .api import create_app
    except ModuleNotFoundError as exc:
        raise ConfigError(f"the API needs {exc.name}, which is not installed",
                          hint="pip install 'newsgraph[api]'") from exc
    cfg = (obj or {}).get("config") or _config.load()
    host = host or cfg["api"]["host"]
    port = int(cfg["api"]["port"] if port is None else port)
    check_port(host, port)
    db_path = str(db or cfg["store"]["db"])
    token = secrets.token_urlsafe(24) if workers == 1 and not read_only else None
    try:
        # opens the store: fails here, with one line
        app = create_app(db_path, config=cfg, cache_entries=cache_entries, store_token=token)
    except StoreLocked as exc:
        raise StoreLocked(f"{db_path} is in use by another process (an ingest writing it?)",
                          hint="start `newsgraph serve` first and run the ingest meanwhile: it sends its articles "
                               "through the server; or wait for the other process to finish") from exc
    click.echo(f"newsgraph: dashboard at http://{host}:{port}/ , API at http://{host}:{port}/api "
               f"(store {db_path}, {'read-only' if not token else 'ingest welcome'}, {workers} process(es)); "
               "loading the model ...", err=True)
    if workers == 1:
        with announced(db_path, f"http://{_client_host(host)}:{port}", token) as forget:
            app.state.cleanup.append(forget)  # at shutdown (uvicorn ends the process on SIGTERM)
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


def check_port(host: str, port: int) -> None:
    """Raise :class:`~newsgraph.errors.PortInUse` (NG204) when ``host:port`` is taken, before anything loads."""
    import errno
    import socket

    from .errors import PortInUse

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return  # uvicorn reports a host it cannot resolve
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(addr)
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                why = "is in use by another program" if exc.errno == errno.EADDRINUSE else "needs privileges"
                raise PortInUse(f"port {port} on {host} {why}",
                                hint=f"stop the other server, or choose another port: newsgraph serve --port "
                                     f"{port + 1} (--port 0 picks a free one)") from None
            raise


def _client_host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host


def discovery_file(db: str) -> Path:
    """Where a writable server over ``db`` says where it listens: ``DB.server.json`` beside the store."""
    return Path(str(db) + ".server.json")


@contextlib.contextmanager
def announced(db: str, url: str, token: str | None) -> Iterator[Any]:
    """Write the discovery file (mode 600: it holds the local token) while the block runs; yields
    the function that removes it (safe to call twice). A file left by a killed server is ignored
    by :func:`newsgraph.remote.find_server` (its process is gone) and replaced by the next server."""
    import json

    path = discovery_file(db)

    def forget() -> None:
        with contextlib.suppress(OSError, ValueError):
            if json.loads(path.read_text()).get("pid") == os.getpid():
                path.unlink()

    if not token:
        yield lambda: None
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump({"pid": os.getpid(), "url": url, "token": token, "store": os.path.abspath(db)}, fh)
    try:
        yield forget
    finally:
        forget()


def app_from_env() -> Any:
    """The app for one of several worker processes (uvicorn imports it by name)."""
    from .api import create_app

    return create_app(os.environ["NEWSGRAPH_SERVE_DB"], cache_entries=int(os.environ.get("NEWSGRAPH_SERVE_CACHE", "1024")))


__all__ = ["announced", "app_from_env", "check_port", "discovery_file", "serve"]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def served(db: str | os.PathLike[str], *, port: int | None = None, args: tuple[str, ...] = (),
           timeout: float = 120, writable: bool = False) -> Iterator[str]:
    """Run ``newsgraph serve`` over ``db`` in a child process; yield its base URL once it answers.

    For scripts, benchmarks and tests that need a real server on loopback; read-only unless
    ``writable`` (so the caller may open the store too). The child is stopped (terminate, then
    kill) when the block ends; a child that exits early raises with its stderr.
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
    mode = () if writable or "--workers" in args else ("--read-only",)
    proc = subprocess.Popen([*cmd, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning", *mode, *args],
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
