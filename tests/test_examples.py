"""The shipped examples: the valid ones are clean, each invalid one fails exactly as marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, found_outcomes, outcome_markers, run

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


def test_valid_examples_pass_with_no_findings() -> None:
    code, report = check_json(str(EXAMPLES / "valid"))
    assert report["diagnostics"] == []
    assert report["summary"] == {
        "files": 4,
        "error": 0,
        "warning": 0,
        "info": 0,
        "breach": 0,
        "not-stated": 0,
        "pending": 0,
        "passed": 408,
        "not-applicable": 44,
        "suppressed": 0,
        "waived": 0,
    }
    assert code == 0


def test_there_are_at_least_six_invalid_examples() -> None:
    assert len(INVALID) >= 6


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_example_gives_exactly_its_marked_findings(path: Path) -> None:
    expected = outcome_markers(path)
    assert expected, f"{path.name} has no # [CODE] markers"
    code, report = check_json(str(path))
    assert found_outcomes(report) == expected
    assert code == 1


def test_checking_the_valid_folder_from_the_command_line_exits_0() -> None:
    code, out, _ = run("check", str(EXAMPLES / "valid"))
    assert code == 0
    valid = (EXAMPLES / "valid").as_posix()
    # A rule that passes only because of what a document records says so, to be checked.
    assert out.splitlines() == [
        "Passed because of what the documents record (check that each still holds):",
        f"{valid}/severnmoor-icb-constitution-draft-2026.yaml: ICB012 passed: The director of "
        "nursing is not a board member: NHS England agreed to this departure from its model on "
        "20 November 2025 (Letter from the NHS England regional director for the Midlands, "
        "20 November 2025).",
        f"{valid}/wealdmoor-icb-constitution.yaml: ICB061 passed: The chief executive's post is "
        "shared with other ICBs; the constitution records that the post-holder is employed by "
        "NHS Wealdmoor Integrated Care Board.",
        "All checks passed: 0 breaches · 0 not stated · 408 passed · 44 not applicable in 4 files.",
    ]
