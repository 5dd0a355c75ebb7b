"""The CI report formats of `icslint check`: SARIF, GitHub, GitLab Code Quality and JUnit."""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from junitparser import Failure, JUnitXml

from conftest import EXAMPLES, ROOT, run
from icslint.diagnostics import Diagnostic, Level, Severity
from icslint.engine import CheckedFile, Result, Suppressed
from icslint.registry import RuleSpec, discover
from icslint.reporters import fingerprints, github, gitlab, junit, sarif
from icslint.tool_codes import TOOL_CODES

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
VALID = sorted((EXAMPLES / "valid").glob("*.yaml"))
FORMATS = ("sarif", "github", "gitlab", "junit")
SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)
SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
ALL_RULES: tuple[RuleSpec, ...] = (*TOOL_CODES, *discover())
BY_CODE = {spec.code: spec for spec in ALL_RULES}
ids = [path.name for path in INVALID]
# Examples that never become a document (bad YAML, schema errors, unknown kind).
UNREADABLE = {"icb-duplicate-key.yaml", "icb-misspelt-keys.yaml", "not-an-icslint-document.yaml"}


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run in GitHub Actions too: never append to the real job summary."""
    monkeypatch.delenv(github.STEP_SUMMARY, raising=False)


def findings(path: Path | str) -> list[dict[str, Any]]:
    """The diagnostics `--format json` reports for a file."""
    _, out, _ = run("check", "--format", "json", str(path))
    diagnostics: list[dict[str, Any]] = json.loads(out)["diagnostics"]
    return diagnostics


def check(output_format: str, *paths: Path | str) -> tuple[int, str]:
    code, out, _ = run("check", "--format", output_format, *map(str, paths))
    return code, out


def kind_of(path: Path) -> str | None:
    match = re.search(r"^kind:\s*(\S+)", path.read_text(encoding="utf-8"), re.M)
    return match[1] if match else None


def diagnostic(
    code: str = "ICB011",
    line: int = 3,
    message: str = "A message.",
    severity: Severity = Severity.ERROR,
    loc: tuple[str | int, ...] = ("board", "seats", 3, "role"),
    path: str = "docs/board.yaml",
) -> Diagnostic:
    spec = BY_CODE.get(code)
    return Diagnostic(
        path=path,
        line=line,
        column=5,
        code=code,
        rule=spec.slug if spec else "made-up-rule",
        severity=severity,
        level=spec.level if spec else Level.GUIDANCE,
        message=message,
        citations=spec.citations if spec else (),
        loc=loc,
    )


def made_up_result() -> Result:
    """Findings of every severity, and one suppressed by a comment and one by a waiver."""
    info = diagnostic("ICS999", 2, "Consider this.", Severity.INFO, ("icb",))
    warning = diagnostic("ICB116", 4, "Lower the quorum.", Severity.WARNING, ("standing_orders",))
    error = diagnostic("ICB011", 9, "No role | none, at all: 100%\nsecond line")
    return Result(
        diagnostics=(info, warning, error),
        checked=(CheckedFile("docs/board.yaml", "icb-constitution"),),
        rules=ALL_RULES,
        suppressed=(
            Suppressed(
                diagnostic("ICB011", 20), "comment", "Agreed with NHSE", "docs/board.yaml:19"
            ),
            Suppressed(diagnostic("ICB016", 30, loc=()), "waiver", "", "icslint.toml:4"),
        ),
    )


def render(module: Any, result: Result) -> str:
    stream = io.StringIO()
    module.report(result, stream)
    return stream.getvalue()


# --- SARIF ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_sarif_is_valid_and_has_one_result_per_finding(path: Path) -> None:
    code, out = check("sarif", path)
    log = json.loads(out)
    Draft4Validator(SARIF_SCHEMA).validate(log)
    assert code == 1
    [run_] = log["runs"]
    results = run_["results"]
    expected = findings(path)
    assert Counter(
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in results
    ) == Counter((d["code"], d["line"], d["column"]) for d in expected)
    # What is not stated is for review: SARIF requires level "none" for it.
    assert sorted(r["level"] for r in results) == sorted(
        SARIF_LEVELS[d["severity"]] if d["outcome"] == "breach" else "none" for d in expected
    )
    rules = run_["tool"]["driver"]["rules"]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
            path.as_uri()
        )
    prints = [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in results]
    assert len(set(prints)) == len(prints)


def test_sarif_driver_describes_every_rule_that_ran() -> None:
    _, out = check("sarif", EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml")
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "icslint"
    assert driver["version"]
    # informationUri is optional in SARIF 2.1.0, and icslint has no public home to point at.
    assert "informationUri" not in driver
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [spec.code for spec in ALL_RULES]
    for descriptor in rules:
        spec = BY_CODE[descriptor["id"]]
        assert descriptor["name"] == spec.slug
        assert descriptor["shortDescription"]["text"] == spec.title
        assert descriptor["properties"]["level"] == spec.level.value
        assert descriptor["properties"]["tags"]
        if spec.citations:
            assert descriptor["helpUri"] == spec.citations[0].url
        else:
            assert "helpUri" not in descriptor
        # Every rule documents its requirement and fix, icslint's own codes included.
        assert descriptor["fullDescription"]["text"] != spec.title
        assert descriptor["help"]["text"]
    assert rules[0]["fullDescription"]["text"].startswith("The file must be one plain YAML")


def test_sarif_relative_paths_stay_relative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = "examples/invalid/icb-chair-and-chief-executive.yaml"
    _, out = check("sarif", relative)
    log = json.loads(out)
    uris = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for r in log["runs"][0]["results"]
    }
    assert uris == {relative}
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == relative
    assert str(ROOT) not in out


def test_sarif_suppressed_findings_info_and_logical_locations() -> None:
    result = made_up_result()
    log = json.loads(render(sarif, result))
    Draft4Validator(SARIF_SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(result.diagnostics) + len(result.suppressed)
    assert [r["level"] for r in results[:3]] == ["note", "warning", "error"]
    assert [r.get("suppressions") for r in results[:3]] == [None, None, None]
    assert results[3]["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "Agreed with NHSE",
            "properties": {"where": "docs/board.yaml:19"},
        }
    ]
    assert results[4]["suppressions"][0]["kind"] == "external"
    assert "justification" not in results[4]["suppressions"][0]
    assert results[2]["locations"][0]["logicalLocations"] == [
        {"name": "role", "fullyQualifiedName": "board.seats[3].role", "kind": "member"}
    ]
    # A finding about the whole document has no logical location.
    assert "logicalLocations" not in results[4]["locations"][0]
    # A rule that did not run but has a finding is still described.
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]] == {
        "id": "ICS999",
        "name": "made-up-rule",
        "properties": {"level": "guidance", "tags": ["guidance"]},
    }


def test_sarif_and_gitlab_share_fingerprints() -> None:
    path = EXAMPLES / "invalid" / "icb-quorum-arithmetic.yaml"
    sarif_log = json.loads(check("sarif", path)[1])
    quality = json.loads(check("gitlab", path)[1])
    assert [
        r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in sarif_log["runs"][0]["results"]
    ] == [issue["fingerprint"] for issue in quality]


# --- GitHub ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_github_one_annotation_per_finding(path: Path) -> None:
    code, out = check("github", path)
    lines = out.splitlines()
    expected = findings(path)
    annotations = [line for line in lines if line.startswith("::")]
    assert len(annotations) == len(expected)
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    for line, d in zip(annotations, expected, strict=True):
        assert line.startswith(
            f"::{commands[d['severity']]} file={github.escape_property(d['path'])},"
            f"line={d['line']},col={d['column']},title={d['code']} [{d['rule']}]"
            + ("::" if d["outcome"] == "breach" else " not stated::")
        )
        assert line.endswith(github.escape_data(d["message"]))
    _, text, _ = run("check", str(path))
    assert lines[-1] == text.splitlines()[-1]
    assert len(lines) == len(expected) + 1
    assert code == 1


def test_github_escaping() -> None:
    text = "100% sure, see: line one\nline two\r"
    assert github.escape_data(text) == "100%25 sure, see: line one%0Aline two%0D"
    assert github.escape_property(text) == "100%25 sure%2C see%3A line one%0Aline two%0D"
    line = github.annotation(
        diagnostic(message=text, path="C:/a,b/doc.yaml", severity=Severity.INFO)
    )
    assert line == (
        "::notice file=C%3A/a%2Cb/doc.yaml,line=3,col=5,title=ICB011 [ordinary-member-term]"
        "::100%25 sure, see: line one%0Aline two%0D"
    )
    assert "\n" not in line


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_github_step_summary_lists_every_finding(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.md"
    target.write_text("Earlier step.\n", encoding="utf-8")
    monkeypatch.setenv(github.STEP_SUMMARY, str(target))
    code, out = check("github", path)
    summary = target.read_text(encoding="utf-8")
    assert summary.startswith("Earlier step.\n## icslint\n")  # appended, not replaced
    rows = [line for line in summary.splitlines() if line.startswith("| `")]
    # Breaches first, then what is not stated, as in the text report.
    expected = sorted(findings(path), key=lambda d: d["outcome"] != "breach")
    assert len(rows) == len(expected)
    for row, d in zip(rows, expected, strict=True):
        assert row.startswith(f"| `{d['path']}:{d['line']}` | {d['code']} [{d['rule']}] |")
    assert "## icslint" not in out
    assert code == 1


def test_github_step_summary_when_all_checks_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "summary.md"
    monkeypatch.setenv(github.STEP_SUMMARY, str(target))
    code, out = check("github", *VALID)
    assert code == 0
    assert out == (
        "All checks passed: 0 breaches · 0 not stated · 408 passed · 44 not applicable "
        "in 4 files.\n"
    )
    assert "All checks passed" in target.read_text(encoding="utf-8")
    assert "| --- |" not in target.read_text(encoding="utf-8")


def test_github_step_summary_not_written_when_unset(tmp_path: Path) -> None:
    code, out = check("github", INVALID[0])
    assert code == 1
    assert "## icslint" not in out
    assert list(tmp_path.iterdir()) == []


def test_github_step_summary_escapes_table_cells() -> None:
    summary = github.step_summary(made_up_result())
    rows = [line for line in summary.splitlines() if line.startswith("| `")]
    assert len(rows) == 3
    assert rows[2].endswith("| No role \\| none, at all: 100%<br>second line |")
    assert "| breach (error) | 1 |" in summary and "| breach (info) | 1 |" in summary
    assert "2 suppressed finding(s)" in summary
    assert github.escape_cell("a|b\nc") == "a\\|b<br>c"
    assert github.escape_cell("<img src=x> *bold* [link](u)") == (
        "&lt;img src=x&gt; \\*bold\\* \\[link\\](u)"
    )


def test_github_step_summary_write_failure_is_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(github.STEP_SUMMARY, str(tmp_path / "missing" / "summary.md"))
    out = render(github, made_up_result())
    assert out.splitlines()[-1].startswith("::warning title=icslint::cannot write the step summary")


# --- GitLab ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_gitlab_code_quality(path: Path) -> None:
    code, out = check("gitlab", path)
    issues = json.loads(out)
    assert isinstance(issues, list)
    expected = findings(path)
    assert len(issues) == len(expected)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, d in zip(issues, expected, strict=True):
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["check_name"] == d["code"]
        assert issue["severity"] == severities[d["severity"]]
        assert issue["location"] == {"path": d["path"], "lines": {"begin": d["line"]}}
        assert d["message"] in issue["description"]
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints)
    assert code == 1


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_gitlab_fingerprints_survive_inserted_lines(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    document = Path(path.name)
    original = path.read_text(encoding="utf-8")
    document.write_text(original, encoding="utf-8")
    before = json.loads(check("gitlab", document)[1])

    lines = original.splitlines(keepends=True)
    # After the `kind:` line, or at the top when no finding lies below it.
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("kind:")), 0)
    if all(issue["location"]["lines"]["begin"] <= at for issue in before):
        at = 0
    inserted = ["# A note added in review.\n", "# Another.\n", "# And a third.\n", "\n"]
    document.write_text("".join(lines[:at] + inserted + lines[at:]), encoding="utf-8")
    after = json.loads(check("gitlab", document)[1])

    assert {i["fingerprint"] for i in after} == {i["fingerprint"] for i in before}
    assert len(after) == len(before)
    moved = [
        (b["location"]["lines"]["begin"], a["location"]["lines"]["begin"])
        for b, a in zip(before, after, strict=True)
        if b["location"]["lines"]["begin"] > at
    ]
    assert moved, "no finding below the inserted lines"
    assert all(new == old + len(inserted) for old, new in moved)


def test_fingerprints_repeated_location_gets_an_occurrence_index() -> None:
    first = diagnostic(line=3)
    second = diagnostic(line=8, message="Another finding at the same place.")
    other_rule = diagnostic(code="ICB016", line=8)
    prints = fingerprints.fingerprints([second, first, other_rule])
    assert len(set(prints)) == 3
    # Numbered in document order, whatever order they are given in.
    assert prints[1] == fingerprints.fingerprint(
        "docs/board.yaml", "ICB011", "board.seats[3].role", 0
    )
    assert prints[0] == fingerprints.fingerprint(
        "docs/board.yaml", "ICB011", "board.seats[3].role", 1
    )
    # Neither the line nor the message is part of a fingerprint.
    moved = fingerprints.fingerprints([diagnostic(line=40, message="Reworded.")])
    assert moved == [prints[1]]


def test_gitlab_leaves_out_suppressed_findings() -> None:
    result = made_up_result()
    issues = json.loads(render(gitlab, result))
    assert [i["check_name"] for i in issues] == ["ICS999", "ICB116", "ICB011"]
    assert [i["severity"] for i in issues] == ["info", "minor", "major"]
    # The suppressed ICB011 at the same YAML path comes later in the file and takes index 1.
    assert issues[2]["fingerprint"] == fingerprints.fingerprint(
        "docs/board.yaml", "ICB011", "board.seats[3].role", 0
    )


# --- JUnit -----------------------------------------------------------------------------------


def applicable(kind: str | None) -> list[RuleSpec]:
    return [spec for spec in ALL_RULES if spec.applies_to in ("any", kind)]


@pytest.mark.parametrize("path", INVALID, ids=ids)
def test_junit_one_suite_per_file_and_a_failure_per_failing_rule(path: Path) -> None:
    code, out = check("junit", path)
    ET.fromstring(out.encode("utf-8"))  # well-formed for the standard library too
    xml = JUnitXml.fromstring(out.encode("utf-8"))
    [suite] = list(xml)
    assert suite.name == path.as_posix()
    expected = findings(path)
    failing = Counter(
        (d["path"], d["code"])
        for d in expected
        if d["outcome"] == "breach" and d["severity"] in ("error", "warning")
    )
    assert xml.failures == suite.failures == len(failing)
    cases = list(suite)
    failed = {
        case.name.split()[0]: case for case in cases if not case.is_passed and not case.is_skipped
    }
    assert {(suite.name, c) for c in failed} == set(failing)
    # A rule whose only findings are things the document does not state is skipped.
    unstated = {d["code"] for d in expected if d["outcome"] == "not-stated"} - {
        c for _, c in failing
    }
    assert {case.name.split()[0] for case in cases if case.is_skipped} == unstated
    for rule_code, case in failed.items():
        [failure] = case.result
        assert isinstance(failure, Failure)
        assert case.classname == path.as_posix()
        assert case.name == f"{rule_code} {BY_CODE[rule_code].slug}"
        assert failure.type in ("error", "warning")
        assert len(failure.text.splitlines()) == failing[suite.name, rule_code]
        first = next(d for d in expected if d["code"] == rule_code and d["outcome"] == "breach")
        assert failure.message == first["message"]
        assert (
            failure.text.splitlines()[0] == f"{first['line']}:{first['column']} {first['message']}"
        )
    [kind] = [p.value for p in suite.properties() if p.name == "kind"]
    if kind == "unreadable":  # no document was read: only icslint's own codes apply
        assert path.name in UNREADABLE
        assert [case.name.split()[0] for case in cases] == [s.code for s in TOOL_CODES]
    else:
        assert kind == kind_of(path)
        assert len(cases) == len(applicable(kind))
    assert code == 1


def test_junit_valid_examples_pass_every_applicable_rule() -> None:
    code, out = check("junit", *VALID)
    xml = JUnitXml.fromstring(out.encode("utf-8"))
    assert code == 0
    assert xml.failures == 0 and xml.errors == 0
    suites = list(xml)
    assert [s.name for s in suites] == [p.as_posix() for p in VALID]
    for suite, path in zip(suites, VALID, strict=True):
        assert len(list(suite)) == suite.tests == len(applicable(kind_of(path)))
        assert all(case.is_passed for case in suite)
    assert xml.tests == sum(len(applicable(kind_of(p))) for p in VALID)


def test_junit_info_is_not_a_failure() -> None:
    xml = JUnitXml.fromstring(render(junit, made_up_result()).encode("utf-8"))
    [suite] = list(xml)
    cases = {case.name.split()[0]: case for case in suite}
    assert xml.failures == 2  # ICB011 (error) and ICB116 (warning)
    assert cases["ICS999"].is_passed
    assert cases["ICS999"].system_out == "2:5 Consider this. (info)"
    assert not cases["ICB011"].is_passed
    assert "suppressed by comment: Agreed with NHSE" in cases["ICB011"].system_out
    assert cases["ICB016"].is_passed
    assert "suppressed by waiver" in cases["ICB016"].system_out


# --- All formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("output_format", FORMATS)
def test_output_file_gets_the_report_and_stdout_nothing(output_format: str, tmp_path: Path) -> None:
    path = EXAMPLES / "invalid" / "icb-board-composition.yaml"
    target = tmp_path / f"report.{output_format}"
    code, out, _ = run("check", "--format", output_format, "--output", str(target), str(path))
    assert code == 1
    assert out == ""
    assert target.read_text(encoding="utf-8") == check(output_format, path)[1]


@pytest.mark.parametrize("output_format", FORMATS)
def test_exit_codes_do_not_depend_on_the_format(output_format: str) -> None:
    assert check(output_format, *VALID)[0] == 0
    assert check(output_format, INVALID[0])[0] == 1


@pytest.mark.parametrize("output_format", FORMATS)
def test_reports_are_reproducible_and_free_of_machine_paths(
    output_format: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    paths = ["examples/invalid", "examples/valid"]
    first = check(output_format, *paths)[1]
    assert first == check(output_format, *paths)[1]
    assert str(ROOT) not in first
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", first)


def test_control_characters_in_a_document_do_not_break_junit_or_text(tmp_path: Path) -> None:
    chair = (EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml").read_text()
    source = tmp_path / "chair.yaml"
    source.write_text(
        chair.replace(
            "removal_by: The Board, by a two-thirds majority",
            'removal_by: "The Bo\\x01ard \\e[31m"',
        )
    )
    code, out, err = run("check", "--format", "junit", str(source))
    assert code == 1, err
    ET.fromstring(out)
    _, text, _ = run("check", str(source))
    assert "\x01" not in text and "\x1b" not in text
    assert "The Bo\ufffdard \ufffd[31m" in text


def test_terminal_excerpts_read_each_file_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from icslint import files
    from icslint.engine import lint_paths
    from icslint.reporters import text

    path = EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml"
    result = lint_paths([path], discover())
    assert len(result.diagnostics) > 1
    reads: list[Path] = []
    real = files.read_source

    def counted(where: Path, limit: int) -> bytes:
        reads.append(where)
        return real(where, limit)

    monkeypatch.setattr(files, "read_source", counted)
    monkeypatch.setenv("FORCE_COLOR", "1")
    stream = io.StringIO()
    text.report(result, stream)
    assert reads == [path]
    assert "removal_by: The Board, by a two-thirds majority" in stream.getvalue()


def test_the_summary_counts_file_problems_in_the_plural(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "kind: icb-constitution\nschema_version: 1\nmeta: {version: '1', bogus: 2, other: 3}\n",
        encoding="utf-8",
    )
    code, out, _ = run("check", "--no-cache", str(broken))
    assert code == 1
    assert "2 file problems)" in out.splitlines()[-1]
