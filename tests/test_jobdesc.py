"""Job-description key terms: extraction quality per job family, coverage in an answer,
keyword stuffing, and the job section of the JSON report."""

from __future__ import annotations

import re
import tomllib

import pytest

from answer_check.analysis import Analysis
from answer_check.jobdesc import extract_terms
from answer_check.language import detect_language

from conftest import DATA

JOBS = DATA / "jobs"
EXPECTED = tomllib.loads((JOBS / "expected.toml").read_text(encoding="utf-8"))
MIN_PRECISION = 0.8


def extracted(name: str) -> list[str]:
    text = (JOBS / f"{name}.txt").read_text(encoding="utf-8")
    return [t.term for t in extract_terms(text, detect_language(text).lang)]


def test_six_job_families_at_least() -> None:
    assert len({spec["family"] for spec in EXPECTED.values()}) >= 6
    assert {p.stem for p in JOBS.glob("*.txt")} == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_must_haves_are_extracted(name: str) -> None:
    got = {t.lower() for t in extracted(name)}
    missing = [t for t in EXPECTED[name]["must_have"] if t.lower() not in got]
    assert not missing, f"{name}: must-haves not extracted: {missing}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_extracted_terms_are_real_skills(name: str) -> None:
    spec = EXPECTED[name]
    real = {t.lower() for t in spec["must_have"] + spec["real"]}
    junk = {t.lower() for t in spec["junk"]}
    got = [t.lower() for t in extracted(name)]
    unlabelled = [t for t in got if t not in real | junk]
    assert not unlabelled, f"{name}: label these new terms in expected.toml: {unlabelled}"
    precision = sum(1 for t in got if t in real) / len(got)
    assert precision >= MIN_PRECISION, f"{name}: precision {precision:.2f}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_boilerplate(name: str) -> None:
    got = " | ".join(extracted(name)).lower()
    for phrase in (
        "looking for",
        "competitive",
        "fast-paced",
        "salary",
        "insurance",
        "team player",
        "communication",
        "gaji",
        "lingkungan kerja",
        "mencari",
    ):
        assert not re.search(rf"\b{phrase}\b", got), f"{name}: boilerplate {phrase!r} extracted"


def test_every_term_says_why_and_is_deterministic() -> None:
    text = (JOBS / "data_analyst.txt").read_text(encoding="utf-8")
    first = extract_terms(text, "en")
    assert first == extract_terms(text, "en")
    by_term = {t.term: t for t in first}
    assert all(t.why for t in first)
    assert "tech_data" in by_term["Tableau"].why
    assert by_term["pandas"].why.startswith("after 'Working knowledge of'")
    assert not by_term["dbt"].required  # under "Nice to have"
    assert text[by_term["Power BI"].start : by_term["Power BI"].end] == "Power BI"


def test_deduplicated_by_lemma() -> None:
    text = "Requirements\n- Experience with dashboards\n- Builds dashboard prototypes\n- SQL\n- sql"
    terms = [t.term.lower() for t in extract_terms(text, "en")]
    assert terms.count("sql") == 1


def test_indonesian_sections_and_degree() -> None:
    text = (
        "Kami mencari Staff Akuntansi.\n\nKualifikasi:\n- S1 Akuntansi\n"
        "- Menguasai Microsoft Excel dan Accurate\n\nBenefit:\n- Gaji kompetitif\n"
    )
    terms = [t.term for t in extract_terms(text, "id")]
    assert "Akuntansi" in terms and "Microsoft Excel" in terms and "Accurate" in terms
    assert not any("gaji" in t.lower() for t in terms)


JOB = "Requirements\n- SQL\n- Tableau\n- Python\n- Excel\n\nNice to have\n- Airflow\n"


def coverage(text: str) -> dict[str, tuple[bool, bool]]:
    analysis = Analysis.of(text, "en", job_text=JOB)
    return {t.term: (t.covered, t.listed_only) for t in analysis.job_terms}


def test_used_in_an_action_counts_fully() -> None:
    cov = coverage("I built the sales dashboard in Tableau and I wrote the SQL behind it.")
    assert cov["Tableau"] == (True, False) and cov["SQL"] == (True, False)
    assert cov["Python"] == (False, False)


def test_a_bare_list_is_only_listed() -> None:
    cov = coverage("Skills: SQL, Tableau, Python, Excel, Airflow.")
    assert all(c == (True, True) for c in cov.values())


def test_negated_mention_does_not_cover() -> None:
    cov = coverage("I have never used Tableau, but I wrote SQL every day.")
    assert cov["Tableau"][0] is False and cov["SQL"] == (True, False)


def test_keyword_stuffing_scores_less_than_use() -> None:
    from answer_check.checks import run_check, validate_params

    params = validate_params("job_match", {}, "test")
    used = Analysis.of(
        "I cleaned the data in Python, I wrote the SQL and I built the Tableau dashboard.",
        "en",
        job_text=JOB,
    )
    listed = Analysis.of("SQL, Tableau, Python, Excel, Airflow, SQL, Tableau.", "en", job_text=JOB)
    assert (
        run_check("job_match", used, params).score
        > 2 * run_check("job_match", listed, params).score
    )


def test_job_match_is_skipped_without_a_job(score_text: object) -> None:
    card = score_text("I built it in Python.", stage="user", qtype="technical_practice")  # type: ignore[operator]
    crit = {c.id: c for c in card.criteria}["job_match"]
    assert crit.skipped and card.job is None


def test_card_and_json_carry_the_job_terms(score_text: object) -> None:
    card = score_text(
        "I wrote the SQL and I built the dashboard in Tableau.",
        stage="user",  # type: ignore[operator]
        qtype="technical_practice",
        job_text=JOB,
    )
    data = card.to_dict()
    terms = {t["term"]: t for t in data["job"]["terms"]}
    assert terms["SQL"]["covered"] and not terms["Python"]["covered"]
    ev = terms["Tableau"]["evidence"][0]
    assert card.answer[ev["start"] : ev["end"]] == ev["text"] == "Tableau"
    assert set(terms["SQL"]) >= {"term", "covered", "evidence"}
