"""Print the CLI reference (docs/cli.md) generated from every command's --help.

Run `make docs` after changing a command; tests/test_docs.py fails when docs/cli.md is out of step.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsgraph.clidoc import render

if __name__ == "__main__":
    sys.stdout.write(render())
