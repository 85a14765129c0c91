"""Docs as tests: every command and every check kind is documented."""

from __future__ import annotations

import re

import click
import pytest

from answer_check.checks import REGISTRY
from answer_check.cli import main

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
RUBRICS_README = (ROOT / "rubrics" / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full + " "))
    return out


@pytest.mark.parametrize(("name", "command"), _commands(main), ids=lambda x: str(x))
def test_every_command_has_help_with_an_example_and_is_in_the_readme(
    name: str, command: click.Command
) -> None:
    assert command.help and command.help.strip(), f"'{name}' has no help text"
    assert "Example" in command.help, f"'{name}' help has no example"
    assert f"answer-check {name}" in README, f"'answer-check {name}' is not in README.md"


@pytest.mark.parametrize("kind", sorted(REGISTRY))
def test_every_check_kind_is_documented(kind: str) -> None:
    assert re.search(rf"^### `{kind}`$", RUBRICS_README, re.MULTILINE), (
        f"check kind '{kind}' has no section in rubrics/README.md"
    )
    for param in REGISTRY[kind].params:
        assert f"`{param.name}`" in RUBRICS_README, f"parameter {kind}.{param.name} is undocumented"


def test_quick_start_is_two_commands() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, re.DOTALL)
    assert len(blocks) == 2 and all(len(b.strip().splitlines()) == 1 for b in blocks)
    assert "answer-check score examples/" in blocks[0]
    assert "pytest" in blocks[1]
