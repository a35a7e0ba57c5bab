"""Help that reads well (issue 14, item 8), for every command: values have metavars, flags show
none, arguments appear as NAME / [NAME] (not ``{name}``), repeatable options say so, closed
choices list their values, and nothing is cut mid-word on a narrow terminal."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from m365inv.cli import app
from tools.readme import command_paths

ROOT = typer.main.get_command(app)


def _leaf_commands() -> Iterator[tuple[tuple[str, ...], Any]]:
    for path in command_paths(ROOT, ()):
        cmd: Any = ROOT
        for name in path:
            cmd = cmd.commands[name]
        if not getattr(cmd, "commands", None):
            yield path, cmd


LEAVES = list(_leaf_commands())


def test_every_command_is_checked() -> None:
    assert len(LEAVES) > 25


@pytest.mark.parametrize(("path", "cmd"), LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_options_and_arguments_are_named_for_people(path: tuple[str, ...], cmd: Any) -> None:
    for p in cmd.params:
        if p.param_type_name == "argument":
            assert p.metavar and p.metavar.isupper(), (path, p.name)
            continue
        if getattr(p, "is_flag", False) or p.name == "help":
            continue
        assert p.metavar, f"{' '.join(path)} {p.opts[0]} has no metavar"
        assert "<" not in p.metavar and "[" not in p.metavar, p.metavar
        if p.multiple:
            assert "repeatable" in (p.help or ""), f"{p.opts[0]} does not say it is repeatable"


@pytest.mark.parametrize(("path", "cmd"), LEAVES, ids=[" ".join(p) for p, _ in LEAVES])
def test_help_text_has_no_type_noise_and_no_broken_words(path: tuple[str, ...], cmd: Any) -> None:
    text = CliRunner(env={"COLUMNS": "60"}).invoke(app, [*path, "--help"]).output
    usage = text.splitlines()[0]
    assert "{" not in usage and "[[" not in usage, usage
    assert not re.search(r"<(bool|str|path|int|float|list)", text), text
    words = set(re.findall(r"[A-Za-z][\w-]*", text))
    choices = {c for p in cmd.params if p.metavar for c in p.metavar.split("|") if "|" in p.metavar}
    for choice in choices:  # e.g. client_secret|cert_password|… printed whole
        assert choice in words or choice in text, (choice, text)


def test_closed_choices_show_their_values() -> None:
    text = CliRunner().invoke(app, ["diff", "--help"]).output
    assert "--format text|md|json" in text
    text = CliRunner().invoke(app, ["scan", "--help"]).output
    assert "--lang en|de" in text and "-f, --format LIST" in text
    text = CliRunner().invoke(app, ["profile", "add", "--help"]).output
    assert "--auth secret|certificate|device_code|managed_identity" in text
