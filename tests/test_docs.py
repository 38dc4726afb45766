"""The docs stay true: CLI reference in step with --help, README's two commands, CI calls the test command."""

from __future__ import annotations

import re
from pathlib import Path

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
