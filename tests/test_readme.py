"""Docs as tests (sqlite-utils style): the README names every command the CLI has, and its
"Exit codes" table lists exactly the codes the code can exit with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer.main

import m365inv.errors as errors
from m365inv.cli import app
from m365inv.errors import ExitCode
from tools import readme

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands(cmd: Any, path: tuple[str, ...]) -> Iterator[str]:
    subs = getattr(cmd, "commands", None)
    if not subs:
        yield " ".join(path)
        return
    for name, sub in sorted(subs.items()):
        if not sub.hidden:
            yield from _commands(sub, (*path, name))


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", text, re.S | re.M)
    assert match, f"README has no '## {title}' section"
    return match.group(1)


def test_every_command_is_in_the_readme() -> None:
    commands = list(_commands(typer.main.get_command(app), ("m365inv",)))
    assert len(commands) > 20  # the walk really found the sub-apps
    text = README.read_text(encoding="utf-8")
    missing = [c for c in commands if not re.search(rf"{re.escape(c)}(?![\w-])", text)]
    assert missing == []


def test_readme_starts_with_the_two_commands() -> None:
    block = _section("Two commands on a fresh machine")
    lines = [ln for ln in block.splitlines() if ln.startswith("$ ")]
    assert [ln.split("#")[0].strip() for ln in lines[:2]] == ["$ make demo", "$ make test"]


def test_exit_code_table_matches_the_code() -> None:
    rows = re.findall(r"^\|\s*(\d+)\s*\|", _section("Exit codes"), re.M)
    documented = [int(r) for r in rows]
    assert len(documented) == len(set(documented)), "a code is listed twice"
    assert set(documented) == {int(code) for code in ExitCode}
    # every error's code is one of them; each row's behaviour: tests/scanner/cli/test_exit_codes.py
    raised = {errors.ScannerError.exit_code} | {
        sub.exit_code for sub in _subclasses(errors.ScannerError)
    }
    assert raised <= set(ExitCode)
    assert errors.Interrupted.exit_code == 130


def test_generated_blocks_are_current() -> None:
    """The README's demo output and ``--help`` block, and docs/cli.md, are what the code prints
    today (the demo runs on the sandbox, ~2 s). Stale: run ``make readme``."""
    text = README.read_text(encoding="utf-8")
    assert readme.readme(text) == text, "README.md is stale: run `make readme`"
    assert readme.CLI_DOC.read_text(encoding="utf-8") == readme.cli_doc(), (
        "docs/cli.md is stale: run `make readme`"
    )
