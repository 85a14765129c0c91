"""spaCy is imported without its command-line interface, and nothing else changes."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[1] / "src")


def run(code: str, *path: str) -> str:
    """Run ``code`` in a fresh interpreter (nothing imported yet) and return its output."""
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": ":".join([*path, SRC])},
    )
    return result.stdout.strip()


def test_real_spacy_imports_without_its_cli_and_still_works() -> None:
    out = run(
        """
        import sys
        from answer_check.spacy_import import import_spacy
        spacy = import_spacy()
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        print(len(list(nlp("I led the team. We won.").sents)))
        print(any(m.split(".")[0] in ("typer", "weasel", "requests", "httpx") for m in sys.modules))
        print("spacy.cli" in sys.modules)
        import spacy.cli  # the real package comes in when asked for
        print(hasattr(spacy.cli, "download"))
        print(import_spacy() is spacy)
        """
    )
    assert out.split() == ["2", "False", "False", "True", "True"]


def fake_spacy(root: Path, init: str) -> str:
    """A package named spacy whose CLI package records that it ran."""
    pkg = root / "spacy"
    (pkg / "cli").mkdir(parents=True)
    (pkg / "__init__.py").write_text(init, encoding="utf-8")
    (pkg / "cli" / "__init__.py").write_text(
        "import builtins\nbuiltins.CLI_RAN = True\nextra = 'from the real CLI'\n"
        "from .info import info\n",
        encoding="utf-8",
    )
    (pkg / "cli" / "info.py").write_text("def info():\n    return 'real info'\n", encoding="utf-8")
    (pkg / "cli" / "util.py").write_text("VALUE = 7\n", encoding="utf-8")
    return str(root)


def test_cli_package_is_skipped_but_its_submodules_import(tmp_path: Path) -> None:
    path = fake_spacy(tmp_path, "from .cli.info import info\nfrom .cli.util import VALUE\n")
    out = run(
        """
        import builtins
        from answer_check.spacy_import import import_spacy
        spacy = import_spacy()
        print(getattr(builtins, "CLI_RAN", False), spacy.VALUE, spacy.info())
        """,
        path,
    )
    # The CLI package never ran, a submodule still imported, and spacy.info reaches the
    # real function when called.
    assert out == "False 7 real info"


def test_a_spacy_that_needs_more_of_its_cli_is_imported_the_ordinary_way(tmp_path: Path) -> None:
    path = fake_spacy(tmp_path, "from .cli import extra\nfrom .cli.info import info\n")
    out = run(
        """
        import builtins, sys
        from answer_check.spacy_import import import_spacy
        spacy = import_spacy()
        print(getattr(builtins, "CLI_RAN", False), spacy.extra, spacy.info())
        print(sys.modules["spacy.cli"].__file__.endswith("__init__.py"))
        """,
        path,
    )
    assert out.split("\n") == ["True from the real CLI real info", "True"]
