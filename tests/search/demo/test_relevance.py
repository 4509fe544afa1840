"""The relevance set (tests/search/relevance.yaml) against the demo content."""

from pathlib import Path

import pytest
import yaml

import search

pytestmark = pytest.mark.django_db

RELEVANCE_FILE = Path(__file__).resolve().parent.parent / "relevance.yaml"
REQUIRED_SHARE = 0.90


def load_cases():
    return yaml.safe_load(RELEVANCE_FILE.read_text(encoding="utf-8"))


def test_relevance_file_is_realistic():
    cases = load_cases()
    assert len(cases) >= 40
    kinds = {case["kind"] for case in cases}
    assert {"compound", "typo", "colloquial", "english", "word"} <= kinds
    assert any(case["query"] == "søppel" for case in cases)


def test_relevance_postgres(demo, settings):
    settings.PORTAL_SEARCH_BACKEND = "postgres"
    cases = load_cases()
    missing = [c["expect"] for c in cases if c["expect"] not in demo]
    assert not missing, f"relevance.yaml names pages the demo lacks: {missing}"
    urls = {slug: page.url for slug, page in demo.items()}
    failures = []
    for case in cases:
        results = search.search(case["query"], language="nb")
        top = [hit.url for hit in results.hits[:3]]
        if urls[case["expect"]] not in top:
            failures.append(
                (case["query"], case["expect"], [hit.title for hit in results.hits[:3]])
            )
    passed = len(cases) - len(failures)
    share = passed / len(cases)
    report = [f"Relevance (PostgreSQL, top 3): {passed}/{len(cases)} = {share:.1%}"]
    report += [f"  MISS {q!r}: wanted {e}, got {g}" for q, e, g in failures]
    print("\n" + "\n".join(report))  # noqa: T201 - printing the score is the point
    assert share >= REQUIRED_SHARE, failures
