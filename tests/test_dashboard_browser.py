"""The dashboard and a report in a real browser (headless Chromium driven by Playwright).

No console errors, nothing fetched from the network, the table sorts, highlights show.
Skipped only when Debian's chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from answer_check.batch import BatchOptions, run_batch

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="needs Debian's chromium at /usr/bin/chromium "
    "(apt-get install chromium; .ci/run does it)",
)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("batch") / "out"
    run_batch(BatchOptions(input=ROOT / "examples" / "batch" / "class.csv", out=folder, jobs=1))
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


class Watched:
    """A page whose console errors, page errors and network requests are recorded."""

    def __init__(self, browser: Any) -> None:
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.fetched: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))

        def route(r: Any) -> None:
            url = r.request.url
            if url.startswith(("file://", "data:")):
                r.continue_()
            else:
                self.fetched.append(url)
                r.abort()

        self.context.route("**/*", route)

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    w = Watched(browser)
    yield w
    assert w.problems == [], w.problems
    assert w.fetched == [], f"fetched from the network: {w.fetched}"
    w.close()


def _column(page: Any, table: str, index: int) -> list[str]:
    cells = page.locator(f"#{table} tbody tr td:nth-child({index})")
    return [c.strip() for c in cells.all_inner_texts()]


def test_dashboard_sorts_and_is_offline(out: Path, watched: Watched) -> None:
    page = watched.open(out / "index.html")
    assert page.locator("h1").inner_text() == "Class overview"
    assert page.locator("svg.hist rect").count() == 10
    assert page.locator("svg.scatter circle").count() == 12
    assert page.locator("#criteria tbody tr").first.is_visible()

    score_header = page.locator("#answers-table th", has_text="Score")
    score_header.locator("button").click()
    assert score_header.get_attribute("aria-sort") == "ascending"
    scores = [int(s) for s in _column(page, "answers-table", 7)]
    assert scores == sorted(scores) and len(scores) == 12
    score_header.locator("button").click()
    assert score_header.get_attribute("aria-sort") == "descending"
    scores = [int(s) for s in _column(page, "answers-table", 7)]
    assert scores == sorted(scores, reverse=True)

    page.locator("#answers-table th", has_text="Student").locator("button").click()
    students = _column(page, "answers-table", 3)
    assert students == sorted(students, key=str.casefold)
    page.locator("#answers-table th", has_text="Question").locator("button").click()
    questions = _column(page, "answers-table", 4)
    assert questions == sorted(questions, key=str.casefold)

    # the table links to each report, and the link works
    first = page.locator("#answers-table tbody tr a.id").first
    href = first.get_attribute("href")
    assert href is not None and (out / href).is_file()
    first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(href)


def test_dashboard_shows_everything_without_javascript(out: Path, browser: Any) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    assert page.locator("#answers-table tbody tr").count() == 12
    assert page.locator("#students-table tbody tr").count() == 6
    context.close()


def test_report_highlights_are_visible(out: Path, watched: Watched) -> None:
    page = watched.open(out / "reports" / "ayu-1.html")
    marks = page.locator(".answer mark")
    assert marks.count() > 3
    assert marks.first.is_visible()
    background = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    back = page.locator(".crumbs a")
    assert back.is_visible() and back.get_attribute("href") == "../index.html"
    assert "Ayu Lestari" in page.locator(".crumbs").inner_text()
    back.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/index.html")
