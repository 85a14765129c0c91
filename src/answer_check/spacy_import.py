"""Import spaCy without its command-line interface.

spaCy's package imports its own command-line interface when it is imported
(``from .cli.info import info`` in ``spacy/__init__.py``), and with it typer, weasel,
requests, httpx and rich: about a quarter of the time of ``import spacy``, paid on every
run, for code that answer-check never calls. ``import_spacy`` imports spaCy with a stand-in
for the ``spacy.cli`` package (its submodules still import normally from their folder) and
for ``spacy.cli.info``, then takes the stand-ins away, so that a later ``import spacy.cli``
gets the real package and ``spacy.info`` still works. If the spaCy in use needs more from
``spacy.cli`` while it is imported, the stand-ins are dropped and spaCy is imported the
ordinary way.
"""

from __future__ import annotations

import importlib.util
import sys
import types
from pathlib import Path
from typing import Any

_STAND_INS = ("spacy.cli", "spacy.cli.info")


def import_spacy() -> types.ModuleType:
    """The ``spacy`` module, imported without its command-line interface if not yet loaded."""
    loaded = sys.modules.get("spacy")
    if loaded is not None:
        return loaded
    spec = importlib.util.find_spec("spacy")
    folders = list(spec.submodule_search_locations or ()) if spec else []
    if not folders:
        import spacy  # not installed as a package: let the import say what is wrong

        return spacy
    package = types.ModuleType("spacy.cli", "Stand-in while spaCy is imported.")
    package.__path__ = [str(Path(folders[0]) / "cli")]
    info = types.ModuleType("spacy.cli.info", "Stand-in while spaCy is imported.")
    info.info = _info  # type: ignore[attr-defined]
    stand_ins = (package, info)
    sys.modules.update(zip(_STAND_INS, stand_ins, strict=True))
    try:
        import spacy
    except ImportError:
        # This spaCy wants more of its CLI at import time: import it the ordinary way. The
        # half-run package is dropped; the submodules it imported are reused.
        sys.modules.pop("spacy", None)
        _drop(stand_ins)
        import spacy
    finally:
        _drop(stand_ins)
    if getattr(spacy, "cli", None) is package:
        delattr(spacy, "cli")
    return spacy


def _drop(stand_ins: tuple[types.ModuleType, ...]) -> None:
    for name, module in zip(_STAND_INS, stand_ins, strict=True):
        if sys.modules.get(name) is module:
            del sys.modules[name]


def _info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``: imports spaCy's command-line interface when first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
