"""Sanity checks of the technology and method lexicons in ``rubrics/lexicons/``.

The lists are committed files; these tests read only them (never the O*NET source data).
A small local parser follows ``rubrics/lexicons/README.md``: one term a line, ``#`` starts a
comment at the start of a line or after whitespace (so ``C#`` stays a term), a leading ``=``
marks an exact-case term.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

LEXICONS = Path(__file__).resolve().parent.parent / "rubrics" / "lexicons"
FAMILIES = (
    "software",
    "data",
    "design",
    "marketing",
    "sales",
    "finance",
    "hr",
    "operations",
    "customer_service",
)
ATTRIBUTION_START = "This product includes information from the O*NET 29.2 Database"

# Ordinary English words that name tools: if a list holds one, it must be exact-case.
KNOWN_ORDINARY = {
    "word",
    "excel",
    "go",
    "access",
    "outlook",
    "teams",
    "slack",
    "spark",
    "swift",
    "rust",
    "ruby",
    "oracle",
    "chef",
    "puppet",
    "box",
    "numbers",
    "pages",
    "keynote",
}

COMMENT_RE = re.compile(r"(^|\s)#.*$")


def parse(path: Path) -> list[str]:
    """Terms of a lexicon file, in file order, ``=`` markers kept."""
    terms = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = COMMENT_RE.sub("", raw).strip()
        if line:
            terms.append(line)
    return terms


def bare(term: str) -> str:
    return term[1:] if term.startswith("=") else term


TECH_FILES = sorted((LEXICONS / "en").glob("tech_*.txt"))
METHOD_FILES = sorted((LEXICONS / "en").glob("methods_*.txt")) + sorted(
    (LEXICONS / "id").glob("methods_*.txt")
)
ALL_FILES = TECH_FILES + METHOD_FILES


def test_expected_files_exist() -> None:
    names = {p.name for p in TECH_FILES}
    assert names == {f"tech_{f}.txt" for f in (*FAMILIES, "general")}
    for lang in ("en", "id"):
        got = {p.name for p in (LEXICONS / lang).glob("methods_*.txt")}
        assert got == {f"methods_{f}.txt" for f in FAMILIES}, lang


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_list_is_well_formed(path: Path) -> None:
    terms = parse(path)
    assert terms, "empty list"
    seen: dict[str, str] = {}
    for term in terms:
        text = bare(term)
        assert text == text.strip() and text, f"blank term {term!r}"
        key = text.lower()
        assert key not in seen, f"duplicate {term!r} (also {seen[key]!r})"
        seen[key] = term
        assert len(text.split()) <= 5, f"more than five words: {term!r}"
        if len(text) <= 2 or key in KNOWN_ORDINARY:
            assert term.startswith("="), f"short or ordinary word needs '=': {term!r}"


@pytest.mark.parametrize("path", TECH_FILES, ids=lambda p: p.name)
def test_tech_list_size_and_attribution(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    header = " ".join(line[1:].strip() for line in text.splitlines() if line.startswith("#"))
    assert ATTRIBUTION_START in header
    assert "CC BY 4.0" in header and "O*NET® is a trademark of USDOL/ETA" in header
    assert 50 <= len(parse(path)) <= 1500


@pytest.mark.parametrize("path", TECH_FILES, ids=lambda p: p.name)
def test_tech_list_is_sorted(path: Path) -> None:
    terms = parse(path)
    keys = [bare(t).lower() for t in terms]
    assert keys == sorted(keys)


@pytest.mark.parametrize("path", METHOD_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_method_list_size(path: Path) -> None:
    assert 60 <= len(parse(path)) <= 200


def terms_of(name: str, lang: str = "en") -> set[str]:
    return set(parse(LEXICONS / lang / f"{name}.txt"))


@pytest.mark.parametrize(
    ("name", "any_of"),
    [
        ("tech_software", {"Python"}),
        ("tech_software", {"SQL"}),
        ("tech_software", {"Git"}),
        ("tech_software", {"=Go"}),
        ("tech_data", {"Tableau"}),
        ("tech_data", {"=Excel", "Microsoft Excel"}),
        ("tech_data", {"=R"}),
        ("tech_finance", {"QuickBooks", "Intuit QuickBooks", "=SAP"}),
        ("tech_design", {"Figma", "Adobe Photoshop"}),
        ("tech_marketing", {"Google Analytics"}),
        ("tech_operations", {"=SAP", "Microsoft Project"}),
        ("tech_hr", {"=Workday", "HRIS", "Oracle Taleo", "ADP Workforce Now"}),
        ("tech_customer_service", {"Salesforce", "Zendesk"}),
        ("tech_sales", {"Salesforce"}),
        ("tech_general", {"=Word", "Microsoft Word"}),
        ("tech_general", {"=Teams", "Microsoft Teams"}),
        ("methods_software", {"code review"}),
        ("methods_software", {"unit testing"}),
        ("methods_data", {"A/B testing"}),
        ("methods_finance", {"reconciliation"}),
        ("methods_marketing", {"SEO"}),
        ("methods_operations", {"root cause analysis"}),
        ("methods_hr", {"onboarding"}),
        ("methods_design", {"wireframe"}),
        ("methods_sales", {"negotiation"}),
        ("methods_customer_service", {"CSAT"}),
    ],
)
def test_must_have_terms(name: str, any_of: set[str]) -> None:
    assert terms_of(name) & any_of, f"{name} lacks all of {sorted(any_of)}"


@pytest.mark.parametrize(
    ("name", "any_of"),
    [
        ("methods_finance", {"=pembukuan", "rekonsiliasi bank", "laporan keuangan"}),
        ("methods_operations", {"analisis akar masalah"}),
        ("methods_hr", {"rekrutmen"}),
        ("methods_hr", {"=penggajian", "payroll"}),
        ("methods_software", {"code review"}),
    ],
)
def test_indonesian_must_have_terms(name: str, any_of: set[str]) -> None:
    assert terms_of(name, "id") & any_of, f"id/{name} lacks all of {sorted(any_of)}"


def test_ambiguous_tool_names_are_exact_case() -> None:
    """The office names that are ordinary words never appear without the marker."""
    for path in TECH_FILES:
        for term in parse(path):
            if term.lower() in KNOWN_ORDINARY:
                pytest.fail(f"{path.name}: {term!r} must be written with '='")
