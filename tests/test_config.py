"""Configuration: discovery, every key, errors with the config file's line, waivers, packs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, found, run

BOARD = EXAMPLES / "invalid" / "icb-board-composition.yaml"
ALL = {(72, "ICB016"), (165, "ICB011"), (206, "ICB015"), (410, "ICB011")}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder holding the example, made the working directory."""
    (tmp_path / "governance").mkdir()
    shutil.copy(BOARD, tmp_path / "governance" / "board.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


DOC = "governance/board.yaml"


def test_ignore_in_pyproject_removes_the_code(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.icslint]\nignore = ["ICB016"]\n'
    )
    _, report = check_json(DOC)
    assert found(report) == ALL - {(72, "ICB016")}


def test_configuration_is_found_from_a_folder_below(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / ".icslint.yaml").write_text("ignore: [ICB011]\n")
    monkeypatch.chdir(project / "governance")
    _, report = check_json("board.yaml")
    assert found(report) == {(72, "ICB016"), (206, "ICB015")}


def test_icslint_yaml_is_preferred_to_pyproject_in_the_same_folder(project: Path) -> None:
    (project / ".icslint.yaml").write_text("ignore: [ICB011]\n")
    (project / "pyproject.toml").write_text('[tool.icslint]\nignore = ["ICB016"]\n')
    _, report = check_json(DOC)
    assert found(report) == {(72, "ICB016"), (206, "ICB015")}


def test_config_option_overrides_discovery(project: Path) -> None:
    (project / ".icslint.yaml").write_text("ignore: [ICB011]\n")
    other = project / "strict.yaml"
    other.write_text("select: [ICB015]\n")
    _, report = check_json(DOC, "--config", str(other))
    assert found(report) == {(206, "ICB015")}


def test_a_misspelt_key_exits_2_naming_its_line(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.icslint]\nselect = ["ICB"]\nignroe = ["ICB016"]\n'
    )
    code, out, err = run("check", DOC)
    assert code == 2
    assert out == ""
    assert err.strip() == (
        "icslint: error: pyproject.toml:6:1: unknown setting 'ignroe'; did you mean 'ignore'? "
        "(settings: select, ignore, extend-select, per-file-ignores, severity, fail-on, "
        "fail-on-not-stated, options, packs, waivers, pending, law, max-file-size)"
    )


def test_a_misspelt_key_in_yaml_exits_2_naming_its_line(project: Path) -> None:
    (project / ".icslint.yaml").write_text("select: [ICB]\nfail_on: warning\n")
    code, _, err = run("check", DOC)
    assert code == 2
    assert ".icslint.yaml:2:1: unknown setting 'fail_on'; did you mean 'fail-on'?" in err


@pytest.mark.parametrize(
    ("text", "where", "phrase"),
    [
        ("ignore: [ICB016, ICB9999]\n", ":1:18:", "'ICB9999' is not a rule code"),
        ("severity:\n  ICB016: fatal\n", ":2:3:", "severity.ICB016"),
        ("severity:\n  ICB999: warning\n", ":2:3:", "'ICB999' is not a rule code"),
        ("severity:\n  ICL001: warning\n", ":2:3:", "ICL001 cannot change severity"),
        (
            "options:\n  ICB021:\n    max_members: 3\n",
            ":3:5:",
            "ICB021 has no option 'max_members'",
        ),
        ("options:\n  ICB021:\n    max_voting_members: many\n", ":3:5:", "valid integer"),
        ("per-file-ignores:\n  '*.yaml': [ICX001]\n", ":2:14:", "'ICX001' is not a rule code"),
        ("packs: [no-such-folder]\n", ":1:9:", "no such folder"),
        ("waivers:\n  - code: ICB016\n", ":2:5:", "needs 'file'"),
        ("select: [ICB\n", ":1:9:", "This list, opened with '[', is never closed"),
    ],
)
def test_bad_settings_exit_2_with_line_and_column(
    project: Path, text: str, where: str, phrase: str
) -> None:
    (project / ".icslint.yaml").write_text(text)
    code, _, err = run("check", DOC)
    assert code == 2, err
    assert f"icslint: error: .icslint.yaml{where}" in err
    assert phrase in err


def test_toml_values_are_located_by_their_text(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.icslint]\nignore = [\n  "ICB016",\n  "ICB0X1",\n]\n'
    )
    code, _, err = run("check", DOC)
    assert code == 2
    assert "pyproject.toml:4:3: 'ICB0X1' is not a rule code" in err


def test_a_toml_syntax_error_exits_2_with_its_line(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.icslint]\nignore = ["ICB016"\n')
    code, _, err = run("check", DOC)
    assert code == 2
    assert "icslint: error: pyproject.toml:2:19: Unclosed array" in err


def test_severity_override_and_fail_on(project: Path) -> None:
    (project / ".icslint.yaml").write_text("select: [ICB016]\nseverity:\n  ICB016: warning\n")
    code, report = check_json(DOC)
    assert code == 0
    assert [(d["code"], d["severity"]) for d in report["diagnostics"]] == [  # type: ignore[union-attr]
        ("ICB016", "warning")
    ]
    (project / ".icslint.yaml").write_text(
        "select: [ICB016]\nfail-on: warning\n"
        "severity:\n  partner-member-local-authorities: warning\n"
    )
    assert check_json(DOC)[0] == 1
    assert check_json(DOC, "--fail-on", "error")[0] == 0


def test_command_line_select_replaces_and_ignore_adds(project: Path) -> None:
    (project / ".icslint.yaml").write_text("select: [ICB016]\nignore: [ICB015]\n")
    _, report = check_json(DOC, "--select", "ICB01")
    assert found(report) == {(72, "ICB016"), (165, "ICB011"), (410, "ICB011")}
    _, report = check_json(DOC, "--select", "ICB01", "--ignore", "ICB011")
    assert found(report) == {(72, "ICB016")}


def test_extend_select_adds_to_select(project: Path) -> None:
    (project / ".icslint.yaml").write_text("select: [ICB016]\nextend-select: [ICB015]\n")
    _, report = check_json(DOC)
    assert found(report) == {(72, "ICB016"), (206, "ICB015")}


def test_per_file_ignores(project: Path) -> None:
    (project / ".icslint.yaml").write_text(
        "per-file-ignores:\n  'governance/*.yaml': [ICB011]\n  'other/*.yaml': [ICB016]\n"
    )
    _, report = check_json(DOC)
    assert found(report) == {(72, "ICB016"), (206, "ICB015")}


def test_rule_options(project: Path) -> None:
    (project / ".icslint.yaml").write_text(
        "select: [ICB021]\noptions:\n  board-size:\n    max_voting_members: 5\n"
    )
    _, report = check_json(DOC)
    assert [d["code"] for d in report["diagnostics"]] == ["ICB021"]  # type: ignore[union-attr]
    (project / ".icslint.yaml").write_text("select: [ICB021]\n")
    assert check_json(DOC)[1]["diagnostics"] == []


def waiver(expires: str, path: str = "board.seats", code: str = "ICB016") -> str:
    return (
        "waivers:\n"
        f"  - code: {code}\n"
        "    file: governance/board.yaml\n"
        f"    path: {path}\n"
        "    reason: The councils nominate jointly through the health and wellbeing board\n"
        "    approved-by: ICB board, 12 March 2025 (minute 25/031)\n"
        f"    expires: {expires}\n"
    )


def test_a_waiver_removes_the_finding_and_is_counted(project: Path) -> None:
    (project / ".icslint.yaml").write_text(waiver("2099-03-31"))
    _, report = check_json(DOC)
    assert found(report) == ALL - {(72, "ICB016")}
    assert report["summary"]["waived"] == 1  # type: ignore[index]
    (audit,) = report["suppressed"]  # type: ignore[misc]
    assert (audit["by"], audit["where"]) == ("waiver", ".icslint.yaml:2")
    _, out, _ = run("check", DOC)
    assert out.splitlines()[-1] == (
        "2 breaches (2 statute) · 1 not stated · 114 passed · 16 not applicable · 1 waived "
        "in 1 file."
    )


def test_an_expired_waiver_stops_suppressing_and_says_so(project: Path) -> None:
    (project / ".icslint.yaml").write_text(waiver("2020-01-31"))
    _, report = check_json(DOC)
    assert found(report) == ALL | {(2, "ICL007")}
    expired = next(d for d in report["diagnostics"] if d["code"] == "ICL007")  # type: ignore[union-attr]
    assert expired["path"] == ".icslint.yaml"
    assert "expired on 2020-01-31, so the finding is reported again" in expired["message"]


def test_a_waiver_that_matches_nothing_is_reported(project: Path) -> None:
    (project / ".icslint.yaml").write_text(waiver("2099-03-31", path="board.participants"))
    _, report = check_json(DOC)
    assert found(report) == ALL | {(2, "ICL008")}


def test_show_config_names_where_each_setting_came_from(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.icslint]\nfail-on = "warning"\nignore = ["ICB016"]\n\n'
        '[tool.icslint.severity]\nICB011 = "info"\n'
    )
    code, out, _ = run("check", "--show-config", "--ignore", "ICB015")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["config"].split()[1] == "pyproject.toml"
    assert lines["fail-on"].endswith("warning    (pyproject.toml:2:1)")
    assert lines["ignore"].endswith("ICB016, ICB015    (pyproject.toml:3:1 and --ignore)")
    assert lines["severity.ICB011"].endswith("info    (pyproject.toml:6:1)")
    assert lines["select"].endswith("all rules    (default)")


PACK_RULE = '''
"""A local rule pack."""
from icslint.diagnostics import Finding, Level, Severity, Citation
from icslint.registry import NoOptions, rule


@rule(
    code="ICS901",
    slug="local-board-size-note",
    applies_to="icb-constitution",
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[Citation("Local policy", "paragraph 1", "https://example.org/policy")],
)
def local_note(doc, options: NoOptions):
    """Local boards list their seats.

    Requirement: r. Why: w. Fix: f. Source: s.
    """
    if doc.board is not None:
        yield Finding(("board", "seats"), "A local note about the board's seats.")
'''


def test_a_rule_pack_named_in_configuration_runs(project: Path) -> None:
    (project / "local-rules").mkdir()
    (project / "local-rules" / "notes.py").write_text(PACK_RULE)
    (project / ".icslint.yaml").write_text("packs: [local-rules]\nselect: [ICS901]\n")
    _, report = check_json(DOC)
    assert found(report) == {(72, "ICS901")}
    (project / ".icslint.yaml").unlink()
    _, report = check_json(DOC, "--rules", "local-rules", "--select", "ICS9")
    assert found(report) == {(72, "ICS901")}


def test_the_readme_configuration_example_is_valid(project: Path) -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    (project / "pyproject.toml").write_text(example)
    (project / "governance" / "local-rules").mkdir()
    code, out, err = run("check", "--show-config")
    assert code == 0, err
    assert "waivers[0]" in out and "ICB016 at board.seats" in out


@pytest.mark.parametrize(
    "text",
    [
        '[tool]\nicslint.ignroe = ["ICB016"]\n',
        'tool.icslint.ignroe = ["ICB016"]\n',
        '[tool]\nicslint = { ignroe = ["ICB016"] }\n',
    ],
)
def test_pyproject_settings_are_found_in_any_toml_spelling(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text(text)
    code, _, err = run("check", DOC)
    assert code == 2
    assert "pyproject.toml:" in err and "unknown setting 'ignroe'" in err


def test_a_named_pyproject_without_icslint_settings_is_an_error(project: Path) -> None:
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n')
    code, _, err = run("check", DOC, "--config", "pyproject.toml")
    assert code == 2
    assert "pyproject.toml:1:1: there is no [tool.icslint] table" in err


def test_a_named_toml_file_holds_settings_at_its_top_level(project: Path) -> None:
    (project / "icslint.toml").write_text('ignore = ["ICB016", "ICB011"]\n')
    _, report = check_json(DOC, "--config", "icslint.toml")
    assert found(report) == {(206, "ICB015")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("per-file-ignores:\n  '*.yaml': [ICL]\n", ".icslint.yaml:2:14: ICL001, ICL002, ICL003"),
        ("select: [ICL009]\n", ".icslint.yaml:1:10: 'ICL009' is not a rule code"),
        ("extend-select: [ICL01]\n", ".icslint.yaml:1:17: 'ICL01' is not a rule code"),
        ("ignore: [ICL001]\n", ".icslint.yaml:1:10: ICL001 cannot be ignored"),
    ],
)
def test_tool_codes_in_settings_are_checked(project: Path, text: str, message: str) -> None:
    (project / ".icslint.yaml").write_text(text)
    code, _, err = run("check", DOC)
    assert code == 2
    assert f"icslint: error: {message}" in err


def test_selecting_only_a_tool_code_runs_no_rules(project: Path) -> None:
    _, report = check_json(DOC, "--select", "ICL004")
    assert report["diagnostics"] == []


def test_a_waiver_for_a_file_that_does_not_exist_is_reported(project: Path) -> None:
    text = waiver("2099-03-31").replace("governance/board.yaml", "governance/baord.yaml")
    (project / ".icslint.yaml").write_text(text)
    _, report = check_json(DOC)
    assert found(report) == ALL | {(2, "ICL008")}
    assert "names no file that exists" in str(report["diagnostics"])


def test_a_waiver_code_is_not_case_sensitive(project: Path) -> None:
    (project / ".icslint.yaml").write_text(waiver("2099-03-31", code="icb016"))
    _, report = check_json(DOC)
    assert found(report) == ALL - {(72, "ICB016")}


def test_a_waiver_reason_of_spaces_is_no_reason(project: Path) -> None:
    text = waiver("2099-03-31").replace(
        "reason: The councils nominate jointly through the health and wellbeing board",
        "reason: '   '",
    )
    (project / ".icslint.yaml").write_text(text)
    code, _, err = run("check", DOC)
    assert code == 2
    assert ".icslint.yaml:5:5: waivers[0].reason" in err
