"""Each rule's good fixture passes and its bad fixture fails exactly at its marked lines.

Fixtures are checked with --pending, so that the rules for measures not yet in force report
what they find (as pending) like any other rule. A whole-system rule's fixtures are folders
(`good/`, `bad/`) of documents checked together, with markers in the file each finding is in.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RULE_EXAMPLES, check_json, outcome_markers
from icslint.registry import discover

RULES = discover()


def _fixture(code: str, name: str) -> Path:
    """A rule's fixture: `name.yaml`, or for a whole-system rule the folder `name/`."""
    folder = RULE_EXAMPLES / code / name
    return folder if folder.is_dir() else RULE_EXAMPLES / code / f"{name}.yaml"


def _marked(fixture: Path) -> set[tuple[str, int, str, str]]:
    files = sorted(fixture.glob("*.yaml")) if fixture.is_dir() else [fixture]
    return {
        (f.name, line, code, outcome) for f in files for line, code, outcome in outcome_markers(f)
    }


def _found(report: dict[str, object]) -> set[tuple[str, int, str, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return {(Path(d["path"]).name, d["line"], d["code"], d["outcome"]) for d in diagnostics}


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_bad_fixture_gives_exactly_the_marked_findings(code: str) -> None:
    fixture = _fixture(code, "bad")
    expected = _marked(fixture)
    assert expected and {c for _, _, c, _ in expected} == {code}
    exit_code, report = check_json("--pending", "--select", code, "--fail-on", "info", str(fixture))
    assert _found(report) == expected
    # Only a breach fails a run; what is not stated is a to-do, not a failure.
    assert exit_code == (1 if any(o == "breach" for _, _, _, o in expected) else 0)


@pytest.mark.parametrize("code", [s.code for s in RULES])
def test_good_fixture_gives_no_findings(code: str) -> None:
    fixture = _fixture(code, "good")
    exit_code, report = check_json("--pending", "--select", code, "--fail-on", "info", str(fixture))
    assert report["diagnostics"] == []
    assert exit_code == 0
