"""The docs stay true: CLI reference in step with --help, README's two commands, CI calls the test command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsgraph.clidoc import command_paths, render

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_in_step_with_help():
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    assert doc == render(), "docs/cli.md is out of date: run `make docs`"


def test_every_command_is_documented():
    doc = (ROOT / "docs" / "cli.md").read_text("utf-8")
    for path in command_paths():
        assert f"## {' '.join(['newsgraph', *path])}\n" in doc


def test_readme_has_the_two_setup_commands_and_ci_calls_the_test_one():
    readme = (ROOT / "README.md").read_text("utf-8")
    block = re.search(r"## Set up.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert re.search(r"^make test$", ci, re.M)
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_project_files_exist():
    for name in ("LICENSE", "NOTICE", "CHANGELOG.md", "README.md", "pyproject.toml"):
        assert (ROOT / name).is_file(), name


# ---------------------------------------------------------------------------------------------
# snippets that run: every ```sh and ```python block of README.md and docs/*.md, in order, in a
# scratch copy of the project's examples (with ../shared beside it when it is there)
# ---------------------------------------------------------------------------------------------

DOCS = ["README.md", *sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```(sh|python)\n(.*?)^```", re.S | re.M)


def snippets(name: str) -> list[tuple[str, str]]:
    """(language, code) of the runnable blocks of a document; the set-up block (make demo, make test:
    what CI itself runs) is the one block left out."""
    blocks = FENCE.findall((ROOT / name).read_text("utf-8"))
    return [(lang, code) for lang, code in blocks
            if not all(line.split("#")[0].strip().startswith("make ") for line in code.splitlines() if line.strip())]


def test_snippets_name_only_files_that_ship():
    for name in DOCS:
        for _, code in snippets(name):
            for path in re.findall(r"\bexamples/[\w./-]+", code):
                assert (ROOT / path.rstrip(".")).exists(), f"{name} names {path}, which does not ship"


def test_the_glossary_explains_every_code_a_filter_takes():
    from newsgraph.events.codebook import PLOVER_EVENTS
    from newsgraph.model import ACTOR_KINDS, QUADS, QUOTE_KINDS
    from newsgraph.timex import PRECISIONS

    text = (ROOT / "docs" / "glossary.md").read_text("utf-8")
    for code in (*PLOVER_EVENTS, *QUADS, *ACTOR_KINDS, *QUOTE_KINDS, *PRECISIONS, "earlier", "Goldstein"):
        assert code in text, code
    for root in range(1, 21):
        assert f"| {root:02d} |" in text, root


def _workspace(tmp: Path) -> tuple[Path, dict[str, str]]:
    import os
    import shutil
    import sys

    proj = tmp / "newsgraph"
    proj.mkdir()
    shutil.copytree(ROOT / "examples", proj / "examples")
    venv = Path(sys.executable).parent.parent
    (proj / ".venv").symlink_to(venv)
    shared = ROOT.parent / "shared"
    if shared.exists():
        (tmp / "shared").symlink_to(shared)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSGRAPH_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(ROOT / "src")
    return proj, env


def _serve_line(line: str, proj: Path, env: dict[str, str]) -> None:
    """``newsgraph serve ...``: start it, wait until it answers, stop it."""
    import shlex
    import subprocess
    import sys
    import time

    import httpx

    from newsgraph.api_cli import free_port

    args = shlex.split(line.split("#")[0])[2:]
    if "--port" in args:
        del args[args.index("--port"):args.index("--port") + 2]
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", *args, "--port", str(port)], cwd=proj,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else line
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/info", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        raise AssertionError(f"{line}: no answer within 300 s")
    finally:
        proc.terminate()
        proc.wait(30)


def run_document(name: str, tmp: Path) -> None:
    import subprocess
    import sys

    proj, env = _workspace(tmp)
    for lang, code in snippets(name):
        if lang == "python":
            proc = subprocess.run([sys.executable, "-c", code], cwd=proj, env=env, capture_output=True, text=True,
                                  timeout=900)
            assert proc.returncode == 0, f"{name}: python block failed:\n{code}\n{proc.stderr[-2000:]}"
            continue
        for line in code.splitlines():
            if not line.split("#")[0].strip():
                continue
            if line.startswith("newsgraph serve"):
                _serve_line(line, proj, env)
                continue
            proc = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=proj, env=env, capture_output=True,
                                  text=True, timeout=900)
            assert proc.returncode == 0, f"{name}: `{line}` failed:\n{proc.stderr[-2000:]}"


@pytest.mark.slow
@pytest.mark.parametrize("name", [d for d in DOCS if snippets(d)])
def test_every_snippet_runs(name: str, tmp_path: Path):
    if "../shared" in "".join(code for _, code in snippets(name)) and not (ROOT.parent / "shared").exists():
        pytest.skip("this document's snippets read ../shared")
    run_document(name, tmp_path)
