"""Render the CLI reference from the commands' own --help texts (sqlite-utils' test_docs practice)."""

from __future__ import annotations

import click
from click.testing import CliRunner


def _walk(group: click.Group, path: list[str]) -> list[list[str]]:
    out = [path]
    for name in sorted(group.commands):
        cmd = group.commands[name]
        if isinstance(cmd, click.Group):
            out += _walk(cmd, [*path, name])
        else:
            out.append([*path, name])
    return out


def command_paths() -> list[list[str]]:
    from .cli import _attach_optional, cli

    _attach_optional()
    return _walk(cli, [])


def render() -> str:
    from .cli import cli

    runner = CliRunner()
    parts = ["# newsgraph command-line reference", "",
             "Generated from `--help` by `make docs` (scripts/gen_cli_docs.py); a test keeps it in step.", ""]
    for path in command_paths():
        result = runner.invoke(cli, [*path, "--help"], prog_name="newsgraph", terminal_width=100)
        title = " ".join(["newsgraph", *path])
        parts += [f"## {title}", "", "```", result.output.rstrip(), "```", ""]
    return "\n".join(parts)
