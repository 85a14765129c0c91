"""HR stage: a rubric per question type, HR check kinds, feedback messages, practice questions."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from answer_check.analysis import Analysis
from answer_check.app import list_practice_questions
from answer_check.checks import run_check, validate_params
from answer_check.cli import main
from answer_check.model import ScoreCard
from answer_check.questions import question_types
from answer_check.rubric import find_rubric
from answer_check.scoring import Request, score

from conftest import DATA

HR_TYPES = question_types("hr")
HR_SETS = sorted((DATA / "answers").glob("hr.*.toml"))
CROSS_HR = ("answers_question", "negative_talk", "trait_claims", "fillers")


def run(kind: str, text: str, question: str | None = None, **params: object) -> float:
    analysis = Analysis.of(text, "en", question=question)
    return run_check(kind, analysis, validate_params(kind, params, "test")).score


@pytest.mark.parametrize("qtype", HR_TYPES)
def test_every_hr_type_has_a_rubric_with_the_cross_hr_checks(qtype: str) -> None:
    rubric = find_rubric("hr", qtype)
    ids = {c.id for c in rubric.criteria}
    assert set(CROSS_HR) <= ids, f"{rubric.path}: missing {set(CROSS_HR) - ids}"
    total = sum(c.weight for c in rubric.criteria)
    cross = sum(c.weight for c in rubric.criteria if c.id in CROSS_HR)
    assert 10 <= 100 * cross / total <= 30, "cross-HR checks should weigh 10-30% of the rubric"
    assert max(c.weight for c in rubric.criteria) / total <= 0.25, "no criterion above 25%"


@pytest.mark.parametrize("qtype", HR_TYPES)
def test_every_hr_type_has_an_answer_set(qtype: str) -> None:
    assert (DATA / "answers" / f"hr.{qtype}.toml").is_file()


def _cards(path: Path) -> list[ScoreCard]:
    stage, qtype = path.stem.split(".")
    answers = tomllib.loads(path.read_text(encoding="utf-8"))["answers"]
    rubric = find_rubric(stage, qtype)
    return [
        score(
            Request(
                text=a["text"],
                stage=stage,
                question=a.get("question"),
                rubric=rubric,
                lang=a.get("lang", "en"),
            )
        )
        for a in answers
    ]


@pytest.mark.parametrize("path", HR_SETS, ids=lambda p: p.stem)
def test_every_criterion_message_names_what_it_found_or_what_is_missing(path: Path) -> None:
    for card in _cards(path):
        for crit in card.criteria:
            where = f"{path.name}: {crit.id} on {card.answer[:40]!r}"
            assert crit.message.strip(), f"{where}: empty message"
            if crit.skipped:
                continue
            positive = [e for e in crit.evidence if e.polarity == "+"]
            if positive:
                # it names what it found: a quoted item or a count
                assert "\u201c" in crit.message or any(ch.isdigit() for ch in crit.message), where
            if crit.level != "met":
                assert crit.suggestion.strip(), f"{where}: no suggestion for a criterion not met"


def test_evidence_offsets_index_the_answer() -> None:
    for path in HR_SETS:
        for card in _cards(path):
            for crit in card.criteria:
                for ev in crit.evidence:
                    assert card.answer[ev.start : ev.end] == ev.text, (path.name, crit.id, ev)


# --- trait_claims -------------------------------------------------------------------------


def test_trait_claims_without_evidence_cost_points() -> None:
    bare = run("trait_claims", "I am a hard worker and a team player.")
    backed = run(
        "trait_claims",
        "I am a hard worker. Last month I covered 12 extra shifts, and "
        "I trained two new cashiers myself.",
    )
    assert bare <= 0.4
    assert backed == 1.0


def test_no_trait_claim_is_clean() -> None:
    assert run("trait_claims", "I called the supplier and fixed the order.") == 1.0


def test_a_verb_is_not_a_trait_claim() -> None:
    # "I was organizing" is an action, not the claim "I am very organized"
    assert run("trait_claims", "I was organizing the files when the phone rang.") == 1.0


# --- negative_talk ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "My old boss was incompetent.",
        "I hated my manager.",
        "The management at my last company was a joke.",
        "My previous supervisor was a terrible person.",
    ],
)
def test_negative_talk_found(text: str) -> None:
    assert run("negative_talk", text) <= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I told my manager that the new system was terrible.",
        "My colleague was frustrated, so I listened to her.",
        "My supervisor was not lazy at all.",
        "The weather was terrible, so I called my manager.",
    ],
)
def test_negative_talk_not_found(text: str) -> None:
    assert run("negative_talk", text) == 1.0


# --- actions_planned ----------------------------------------------------------------------


def test_actions_planned_counts_would_and_will_not_done() -> None:
    plan = "I would call the client, I will check the order and I'd offer a refund."
    story = "I called the client, I checked the order and I offered a refund."
    assert run("actions_planned", plan) == 1.0
    assert run("actions_planned", story) == 0.0
    assert run("actions_planned", story, modes=["done"]) == 1.0


# --- parts --------------------------------------------------------------------------------

INTRO = ["intro_present", "intro_past", "intro_future"]


def test_parts_in_order_and_out_of_order() -> None:
    ordered = (
        "Currently I work as a nurse. Before that, I studied in Yogyakarta. "
        "Now I am looking for a role in paediatrics."
    )
    shuffled = (
        "I am looking for a role in paediatrics. I studied in Yogyakarta. "
        "Currently I work as a nurse."
    )
    assert run("parts", ordered, lexicons=INTRO, in_order=True) == 1.0
    assert run("parts", shuffled, lexicons=INTRO, in_order=True) == 0.75
    assert run("parts", shuffled, lexicons=INTRO) == 1.0
    assert run("parts", "Currently I work as a nurse.", lexicons=INTRO) == pytest.approx(1 / 3)


# --- 'asked': criteria the question did not ask about are skipped --------------------------


def test_a_strength_only_question_skips_the_weakness_criteria(
    score_text: Callable[..., ScoreCard],
) -> None:
    answer = (
        "My main strength is planning. For example, last year I planned the stock count "
        "for five stores, and we finished it in one night instead of two."
    )
    card = score_text(answer, question="What is your greatest strength?")
    assert card.question.type == "strengths_weaknesses"
    skipped = {c.id for c in card.criteria if c.skipped}
    assert {"weakness_real", "not_disguised", "improvement_steps", "progress"} <= skipped
    assert "strength_named" not in skipped
    assert any("did not ask" in note for note in card.notes)
    both = score_text(answer, question="What are your strengths and weaknesses?")
    assert not {c.id for c in both.criteria if c.skipped} & skipped
    assert card.score > both.score


def test_no_question_means_every_criterion_applies(score_text: Callable[..., ScoreCard]) -> None:
    card = score_text("My weakness is public speaking.", qtype="strengths_weaknesses")
    assert not [c.id for c in card.criteria if c.skipped and c.id != "answers_question"]


# --- questions command --------------------------------------------------------------------


def test_practice_questions_cover_every_hr_type_in_both_languages() -> None:
    text = list_practice_questions("hr")
    for qtype in HR_TYPES:
        assert f"hr.{qtype}\n" in text
    assert "  [en] " in text and "  [id] " in text


def test_questions_command_filters_by_type_and_language(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["questions", "--stage", "hr", "--type", "situational", "--lang", "id"]
    )
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "hr.situational"
    assert len(lines) >= 5 and all(line.startswith("  [id] ") for line in lines[1:])


def test_questions_command_default_is_hr(runner: CliRunner) -> None:
    result = runner.invoke(main, ["questions"])
    assert result.exit_code == 0
    assert "hr.self_introduction" in result.stdout and "user." not in result.stdout


def test_questions_command_unknown_type_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["questions", "--type", "nope"])
    assert result.exit_code == 2
    assert "E201" in result.stderr and "situational" in result.stderr
    assert "Traceback" not in result.stderr


def test_questions_command_has_help(runner: CliRunner) -> None:
    result = runner.invoke(main, ["questions", "--help"])
    assert result.exit_code == 0 and "--lang" in result.stdout


@pytest.mark.parametrize(
    ("text", "lang", "counts"),
    [
        ("Our backlog was huge, so I built a triage board. As a result we cleared it in 2 weeks.",
         "en", True),
        ("Our backlog was huge, so I built a triage board. As a result I stayed in the team "
         "for 3 years.", "en", False),
        ("Antrean kami panjang, jadi saya membuat papan triase. Hasilnya, saya bertahan di tim "
         "selama tiga tahun.", "id", False),
    ],
)  # fmt: skip
def test_a_tenure_is_no_measured_result(text: str, lang: str, counts: bool) -> None:
    """'for 3 years' says how long something went on, not by how much the outcome moved."""
    analysis = Analysis.of(text, lang)
    out = run_check("quantified", analysis, {"min": 1, "kinds": ["duration"], "scope": "result"})
    assert (out.score == 1.0) is counts
