"""Each rule's good fixture passes and its bad fixture fails exactly at its marked lines.

Fixtures are checked with --pending, so that the rules for measures not yet in force report
what they find (as pending) like any other rule.
"""

from __future__ import annotations

import pytest

from conftest import RULE_EXAMPLES, check_json, found_outcomes, outcome_markers
from icslint.registry import discover

RULES = discover()


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_bad_fixture_gives_exactly_the_marked_findings(code: str) -> None:
    path = RULE_EXAMPLES / code / "bad.yaml"
    expected = outcome_markers(path)
    assert expected and {c for _, c, _ in expected} == {code}
    exit_code, report = check_json("--pending", "--select", code, "--fail-on", "info", str(path))
    assert found_outcomes(report) == expected
    # Only a breach fails a run; what is not stated is a to-do, not a failure.
    assert exit_code == (1 if any(o == "breach" for _, _, o in expected) else 0)


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_good_fixture_gives_no_findings(code: str) -> None:
    exit_code, report = check_json(
        "--pending", "--select", code, "--fail-on", "info", str(RULE_EXAMPLES / code / "good.yaml")
    )
    assert report["diagnostics"] == []
    assert exit_code == 0
