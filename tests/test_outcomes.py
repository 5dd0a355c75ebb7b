"""Outcomes: breach, not stated, passed, not applicable; decided by the engine from what each rule
saw and what its provision asks of the document."""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import EXAMPLES, check_json, run
from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Outcome,
    Requires,
    Severity,
    Unknown,
)
from icslint.engine import check_file, combine
from icslint.registry import RuleSpec, discover

RULES = {spec.code: spec for spec in discover()}
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
CITE = (Citation("An Act", "section 1", "https://example.org/act"),)


# --- the engine ------------------------------------------------------------------------------


def _spec(requires: Requires, *yielded: Finding | NotApplicable) -> RuleSpec:
    def check(document: object, options: object) -> Iterator[Finding | NotApplicable]:
        yield from yielded

    return RuleSpec(
        code="ICB999",
        slug="test-rule",
        applies_to="icb-constitution",
        level=Level.STATUTE,
        severity=Severity.ERROR,
        citations=CITE,
        requires=requires,
        check=check,
    )


@pytest.mark.parametrize(
    ("requires", "finding", "outcome", "severity"),
    [
        (Requires.CONTENT, Contradiction(("icb",), "m"), Outcome.BREACH, Severity.ERROR),
        (Requires.CONDUCT, Contradiction(("icb",), "m"), Outcome.BREACH, Severity.ERROR),
        (Requires.CONTENT, Missing(("icb",), "m"), Outcome.BREACH, Severity.ERROR),
        (Requires.CONDUCT, Missing(("icb",), "m"), Outcome.NOT_STATED, Severity.INFO),
        (Requires.CONTENT, Unknown(("icb",), "m"), Outcome.NOT_STATED, Severity.INFO),
        (Requires.CONDUCT, Unknown(("icb",), "m"), Outcome.NOT_STATED, Severity.INFO),
    ],
)
def test_the_engine_decides_outcome_and_severity(
    write, requires: Requires, finding: Finding, outcome: Outcome, severity: Severity
) -> None:
    path = write("kind: icb-constitution\nschema_version: 1\nicb:\n  name: NHS Test ICB\n")
    result = combine([check_file(path, [_spec(requires, finding)])], [], None)
    (diagnostic,) = result.diagnostics
    assert (diagnostic.outcome, diagnostic.severity, diagnostic.line) == (outcome, severity, 3)
    assert [(r.code, r.outcome) for r in result.outcomes] == [("ICB999", outcome)]


def test_a_rule_with_nothing_to_say_passed_and_one_that_does_not_apply_says_why(write) -> None:
    path = write("kind: icb-constitution\nschema_version: 1\n")
    passed = check_file(path, [_spec(Requires.CONTENT)])
    skipped = check_file(path, [_spec(Requires.CONTENT, NotApplicable("in force from 2024"))])
    assert [(r.outcome, r.reason) for r in passed.results] == [(Outcome.PASSED, "")]
    assert [(r.outcome, r.reason) for r in skipped.results] == [
        (Outcome.NOT_APPLICABLE, "in force from 2024")
    ]
    assert skipped.diagnostics == ()


# --- every rule is classified, and says why --------------------------------------------------


def test_every_rule_says_what_its_provision_asks_of_the_document() -> None:
    unclassified = [code for code, spec in RULES.items() if spec.requires is None]
    assert unclassified == []
    _, out, _ = run("rules", "--format", "json")
    listed = json.loads(out)
    for entry in listed:
        if entry["code"].startswith("ICL"):
            assert entry["requires"] is None
        else:
            assert entry["requires"] in ("content", "conduct"), entry["code"]
            assert entry["provision"], entry["code"]


# The law review found these too strict when silence was a breach: duties on the body, not
# content the document must hold.
CONDUCT = [
    *(f"ICP{n:03d}" for n in range(10, 19)),
    "ICB139",
    "ICB140",
    *(f"ICB{n:03d}" for n in range(80, 86)),
    "ICB069",
    "ICB120",
    "ICB130",
]


@pytest.mark.parametrize("code", CONDUCT)
def test_duties_on_the_body_are_conduct(code: str) -> None:
    assert RULES[code].requires is Requires.CONDUCT


@pytest.mark.parametrize(
    "code", ["ICB002", "ICB003", "ICB010", "ICB030", "ICB050", "ICB051", "ICB060", "ICB061"]
)
def test_what_schedule_1b_says_the_constitution_must_contain_is_content(code: str) -> None:
    assert RULES[code].requires is Requires.CONTENT


def test_explain_shows_the_class_and_the_deciding_words() -> None:
    code, out, _ = run("explain", "ICB050")
    assert code == 0
    assert "Requires: content: the document itself must say this, so silence is a breach." in out
    assert "What the provision asks of the document:" in out
    assert "The constitution must provide for the chair to be appointed by NHS England" in out
    _, out, _ = run("explain", "ICB139")
    assert "Requires: conduct: a duty on the body that the document need not repeat" in out


# --- silence is not a breach -----------------------------------------------------------------

# Words in a provision that require the document itself to hold something.
_REQUIRES_THE_DOCUMENT = re.compile(
    r"\b(constitution|terms of reference)\b[^.]*?\b(must|may not|shall|is to)\b", re.I
)


def _without_each_section(path: Path) -> Iterator[tuple[str, str]]:
    yaml = YAML()
    for key in list(yaml.load(path.read_text(encoding="utf-8"))):
        if key in ("kind", "schema_version"):
            continue
        data = yaml.load(path.read_text(encoding="utf-8"))
        del data[key]
        text = io.StringIO()
        yaml.dump(data, text)
        yield key, text.getvalue()


CASES = [
    pytest.param(path, key, text, id=f"{path.stem}-without-{key}")
    for path in VALID
    for key, text in _without_each_section(path)
]


@pytest.mark.parametrize(("path", "key", "text"), CASES)
def test_leaving_out_a_section_breaches_only_content_the_law_requires(
    write, path: Path, key: str, text: str
) -> None:
    _, report = check_json(str(write(text, path.name)))
    for d in report["diagnostics"]:
        if d["code"].startswith("ICL"):
            continue
        spec = RULES[d["code"]]
        if spec.requires is Requires.CONDUCT:
            # Leaving a section out contradicts nothing: a duty on the body is only not stated.
            assert (d["outcome"], d["severity"]) == ("not-stated", "info"), d
        if d["severity"] == "error":
            # Leaving a section out contradicts nothing: an error is content the law requires.
            assert spec.requires is Requires.CONTENT, d
            assert _REQUIRES_THE_DOCUMENT.search(spec.sections["Provision"]), spec.code


def test_leaving_out_the_board_breaches_exactly_what_schedule_1b_and_nhs_england_require(
    write,
) -> None:
    path = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
    text = dict(_without_each_section(path))["board"]
    _, report = check_json(str(write(text, path.name)))
    errors = {(d["code"], d["outcome"]) for d in report["diagnostics"] if d["severity"] == "error"}
    assert errors == {
        (code, "breach")
        for code in (
            "ICB010",
            "ICB012",
            "ICB013",
            "ICB014",
            "ICB015",
            "ICB016",
            "ICB018",
            "ICB050",
            "ICB052",
            "ICB055",
            "ICB060",
            "ICB061",
        )
    }


def test_an_empty_constitution_gives_no_error_from_a_conduct_rule(write) -> None:
    _, report = check_json(str(write("kind: icb-constitution\nschema_version: 1\n")))
    errors = {d["code"] for d in report["diagnostics"] if d["severity"] == "error"}
    assert errors
    assert all(RULES[code].requires is Requires.CONTENT for code in errors)


# --- unknown is unknown ----------------------------------------------------------------------

PARTIAL_BOARD = """\
kind: icb-constitution
schema_version: 1
meta:
  version: "2.1"
icb:
  name: NHS Wealdmoor Integrated Care Board
board:
  seats:
    - id: chair
      title: Chair
      role: chair
    - id: chief_executive
      title: Chief Executive
      role: chief_executive
    - id: non_executives
      title: Non-executive members
      role: ordinary
      category: non_executive
    - id: partners
      title: Partner members
      role: ordinary
      category: partner
"""

# Numbers a message may print although the document above does not give them: the law's own
# (ages, periods, sizes), provision numbers, and the document's version.
_LEGAL_NUMBERS = re.compile(
    r"(?i:Act \d{4}|\d{4} Act|July 2024)|"
    r"\b(paragraphs?|section|sections|clause|clauses|regulation|Schedule|s|para|Part|SI|No\.|version)"
    r"\s*[\dA-Z.]*[\dA-Z](\(\w+\))*|\b\d+ (to|and) \d+\b|\b(19|20)\d\d/\d+\b|"
    r"\b(3|5|28)\s+(months|years|days)\b|2\.1|\b10\b principles",
)


def test_seats_without_counts_and_a_version_without_a_date_state_no_count_or_date(write) -> None:
    _, report = check_json(str(write(PARTIAL_BOARD)))
    messages = [d["message"] for d in report["diagnostics"]]
    assert messages
    for message in messages:
        assert not re.search(r"\b\d{4}-\d\d-\d\d\b", message), message
        # YAML keys in the fix (conviction_5y_3m) are names, not numbers.
        rest = _LEGAL_NUMBERS.sub("", re.sub(r"\b\w*_\w*\b", "", message))
        assert not re.search(r"\d", rest), message
    outcomes = {(d["code"], d["outcome"]) for d in report["diagnostics"]}
    # "At least three ordinary members" cannot be shown from seats that give no count.
    assert ("ICB010", "not-stated") in outcomes
    assert ("ICB010", "breach") not in outcomes


# --- reports ---------------------------------------------------------------------------------

CHAIR_FAULTS = EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml"


def test_text_lists_breaches_then_what_is_not_stated_then_a_summary(write) -> None:
    path = write(PARTIAL_BOARD)
    code, out, _ = run("check", str(path))
    lines = out.splitlines()
    heading = lines.index(
        "Not stated (the documents do not say these things; they are not breaches, but check "
        "whether each should be stated):"
    )
    before = [line for line in lines[:heading] if line.startswith(path.as_posix())]
    after = [line for line in lines[heading:] if line.startswith(path.as_posix())]
    assert before and all(re.search(r" (error|warning|info): ", line) for line in before)
    assert after and all(" not stated: " in line for line in after)
    summary = lines[-1]
    assert re.fullmatch(
        r"\d+ breach(es)? \(([^)]*)\) · \d+ not stated · \d+ passed · \d+ not applicable "
        r"in 1 file\.",
        summary,
    ), summary
    assert code == 1


def test_json_gives_each_finding_its_outcome_and_each_rule_its_result(write) -> None:
    path = write(PARTIAL_BOARD)
    _, report = check_json(str(path))
    assert report["version"] == 2
    assert {d["outcome"] for d in report["diagnostics"]} == {"breach", "not-stated"}
    (entry,) = report["files"]
    assert entry["path"] == path.as_posix() and entry["kind"] == "icb-constitution"
    results = {r["code"]: r["outcome"] for r in entry["rules"]}
    assert set(results) == {c for c in RULES}
    assert results["ICP001"] == "not-applicable"
    assert results["ICB002"] == "passed"
    assert results["ICB010"] == "not-stated"
    summary = report["summary"]
    assert summary["breach"] == sum(d["outcome"] == "breach" for d in report["diagnostics"])
    assert summary["passed"] == sum(
        r["outcome"] == "passed" for r in entry["rules"] if not r["code"].startswith("ICP")
    )


def test_sarif_marks_a_breach_fail_and_what_is_not_stated_review(write) -> None:
    _, out, _ = run("check", "--format", "sarif", str(write(PARTIAL_BOARD)))
    results = json.loads(out)["runs"][0]["results"]
    kinds = {(r["kind"], r["level"] if r["kind"] == "review" else "x") for r in results}
    assert ("review", "none") in kinds and ("fail", "x") in kinds
    assert all(r["properties"]["outcome"] in ("breach", "not-stated") for r in results)


def test_github_gitlab_and_junit_carry_the_outcome(write) -> None:
    path = str(write(PARTIAL_BOARD))
    _, out, _ = run("check", "--format", "github", path)
    assert re.search(
        r"^::notice .*title=ICB010 \[board-minimum-membership\] not stated::", out, re.M
    )
    _, out, _ = run("check", "--format", "gitlab", path)
    issues = json.loads(out)
    assert any(
        i["description"].startswith("ICB010 [board-minimum-membership] Not stated: ")
        for i in issues
    )
    _, out, _ = run("check", "--format", "junit", path)
    assert re.search(
        r'<testcase name="ICB010 board-minimum-membership"[^>]*>\s*<skipped '
        r'message="not stated: ',
        out,
    )


def test_fail_on_counts_breaches_and_not_stated_fails_only_when_asked(write) -> None:
    # Only not-stated findings: a pass, unless the team wants a complete document.
    text = PARTIAL_BOARD
    path = write(text)
    code, report = check_json("--select", "ICB010", str(path))
    assert {d["outcome"] for d in report["diagnostics"]} == {"not-stated"}
    assert code == 0
    assert check_json("--select", "ICB010", "--fail-on", "info", str(path))[0] == 0
    assert check_json("--select", "ICB010", "--fail-on-not-stated", str(path))[0] == 1
    (path.parent / ".icslint.yaml").write_text("fail-on-not-stated: true\n")
    code, _, _ = run(
        "check", "--config", str(path.parent / ".icslint.yaml"), "--select", "ICB010", str(path)
    )
    assert code == 1
    code, _, _ = run(
        "check",
        "--config",
        str(path.parent / ".icslint.yaml"),
        "--select",
        "ICB010",
        "--no-fail-on-not-stated",
        str(path),
    )
    assert code == 0


# --- words for users -------------------------------------------------------------------------

# Words and tags of the team's research notes, which user-facing text must not carry. A source
# tag such as S01 is a word of its own (ICS010 is a rule code, not a tag).
BANNED = re.compile(r"session|\[[VSU]\]|\bS\d\d\b|herokuapp|intranet")


def test_rule_documentation_has_no_internal_tags_or_notes() -> None:
    docs = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text()
    assert BANNED.findall(docs) == []
    for code in RULES:
        _, out, _ = run("explain", code)
        assert BANNED.findall(out) == [], code
