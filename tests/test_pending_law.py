"""Pending law: measures not yet in force are reported as pending only when asked, never as
breaches; a commencement date set in configuration makes them law from that day."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, run

VALID = EXAMPLES / "valid"
SEVERNMOOR = VALID / "severnmoor-icb-constitution.yaml"
SEVERNMOOR_ICP = VALID / "severnmoor-icp-terms-of-reference.yaml"

# Where the Severnmoor constitution names NHS England, and what for.
NHS_ENGLAND_POWERS = {
    (78, "appoint the chair"),
    (80, "remove the chair"),
    (92, "approve the appointment of the chief executive"),
    (97, "approve the removal of the chief executive"),
    (450, "approve variations of the constitution"),
    (451, "vary the constitution on its own initiative"),
}


def _powers(report: dict[str, object], code: str = "ICB180") -> set[tuple[int, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    found = set()
    for d in diagnostics:
        if d["code"] == code:
            power = d["message"].split("the power to ", 1)[1].split(". The Health Bill")[0]
            found.add((d["line"], power))
    return found


def test_without_pending_the_valid_examples_pass_and_report_nothing_pending() -> None:
    code, report = check_json(str(VALID))
    assert code == 0
    assert report["summary"]["pending"] == 0  # type: ignore[index]
    assert not [d for d in report["diagnostics"] if d["outcome"] == "pending"]  # type: ignore[union-attr]


def test_pending_reports_where_the_valid_examples_name_nhs_england_and_still_exits_0() -> None:
    code, report = check_json("--pending", str(SEVERNMOOR))
    assert code == 0
    assert _powers(report) == NHS_ENGLAND_POWERS
    pending = [d for d in report["diagnostics"] if d["outcome"] == "pending"]  # type: ignore[union-attr]
    assert {(d["code"], d["severity"]) for d in pending} == {("ICB180", "info"), ("ICB181", "info")}
    assert report["summary"]["pending"] == 7  # type: ignore[index]
    assert report["summary"]["breach"] == 0  # type: ignore[index]
    results = {r["code"]: r for r in report["files"][0]["rules"]}  # type: ignore[index]
    assert results["ICB180"]["outcome"] == "pending"
    assert results["ICB180"]["reason"].startswith("not in force on ")
    # No mayoral strategic authority is named, so the mayoral member has nothing to change.
    assert results["ICB182"]["outcome"] == "not-applicable"


def test_pending_in_text_is_its_own_section_and_summary_count() -> None:
    code, out, _ = run("check", "--pending", str(SEVERNMOOR_ICP))
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("Pending law (not yet in force, so not breaches")
    assert lines[1].startswith(
        f"{SEVERNMOOR_ICP.as_posix()}:21:3: ICP061 [partnership-duty-repealed] pending: The terms "
        'of reference cite "section 116ZA of the Local Government and Public Involvement in '
        "Health Act 2007\" as the partnership's basis."
    )
    assert lines[-1] == (
        "All checks passed: 0 breaches · 0 not stated · 46 passed · 5 not applicable · 2 pending "
        "in 1 file."
    )


def test_pending_can_be_set_in_configuration_and_turned_off_on_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".icslint.yaml").write_text("pending: true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, on = check_json(str(SEVERNMOOR))
    _, off = check_json("--no-pending", str(SEVERNMOOR))
    assert _powers(on) == NHS_ENGLAND_POWERS
    assert _powers(off) == set()


def _commencing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str) -> None:
    (tmp_path / ".icslint.yaml").write_text(f"law:\n  {setting}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_a_commencement_date_in_configuration_makes_the_measure_law_from_that_day(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _commencing(tmp_path, monkeypatch, "health-bill-2026: 2027-04-01")
    code, report = check_json("--as-at", "2027-04-01", str(SEVERNMOOR))
    assert code == 1
    assert _powers(report) == NHS_ENGLAND_POWERS
    breaches = [d for d in report["diagnostics"] if d["code"] == "ICB180"]  # type: ignore[union-attr]
    assert {(d["outcome"], d["severity"]) for d in breaches} == {("breach", "error")}
    results = {r["code"]: r for r in report["files"][0]["rules"]}  # type: ignore[index]
    # The rules the measure replaces stop on the same day.
    for replaced in ("ICB050", "ICB051", "ICB060", "ICB160"):
        assert results[replaced] == {
            "code": replaced,
            "outcome": "not-applicable",
            "reason": "no longer in force on 1 April 2027: it ended on 1 April 2027, the "
            "commencement date set in configuration (Health Bill 2026 - NHS England abolished, "
            "its functions over ICBs passing to the Secretary of State)",
        }
    # The day before, the Bill is still pending, and the law of today applies.
    code, before = check_json("--as-at", "2027-03-31", str(SEVERNMOOR))
    assert code == 0
    assert _powers(before) == set()
    assert {r["code"]: r for r in before["files"][0]["rules"]}["ICB050"]["outcome"] == "passed"  # type: ignore[index]


def test_one_measure_can_be_given_its_own_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _commencing(tmp_path, monkeypatch, "health-bill-2026-healthwatch: 2027-01-01")
    code, report = check_json("--as-at", "2027-02-01", str(SEVERNMOOR))
    assert code == 0  # ICB181 is a warning
    assert {(d["code"], d["line"], d["outcome"]) for d in report["diagnostics"]} == {  # type: ignore[union-attr]
        ("ICB181", 245, "breach")
    }


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "health-bil-2026: 2027-04-01",
            ".icslint.yaml:2:3: no measure or bill called 'health-bil-2026'; did you mean "
            "'health-bill-2026'?",
        ),
        (
            "hca-2022-commencement: 2022-08-01",
            ".icslint.yaml:2:3: 'hca-2022-commencement' is already in force from 1 July 2022",
        ),
        ("health-bill-2026: next April", ".icslint.yaml:2:3: law.health-bill-2026: "),
    ],
)
def test_a_wrong_law_setting_stops_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setting: str, message: str
) -> None:
    _commencing(tmp_path, monkeypatch, setting)
    code, _, err = run("check", str(SEVERNMOOR))
    assert code == 2
    assert err.startswith(f"icslint: error: {message}")


def test_explain_shows_a_commencement_date_set_in_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, shipped, _ = run("explain", "ICB180")
    assert code == 0
    assert "Not yet in force (its commencement date is not known): Health Bill 2026" in shipped
    _commencing(tmp_path, monkeypatch, "health-bill-2026: 2027-04-01")
    _, configured, _ = run("explain", "ICB180", "--as-at", "2027-04-02")
    assert configured.splitlines()[1] == "In force on 2 April 2027."
    assert "From 1 April 2027, the commencement date set in configuration: Health" in configured


@pytest.mark.parametrize(
    ("output_format", "expected"),
    [
        (
            "github",
            "line=78,col=7,title=ICB180 [nhs-england-abolished] pending::The constitution gives",
        ),
        ("gitlab", '"description": "ICB180 [nhs-england-abolished] Pending law: The constitution'),
        ("gitlab", '"severity": "info"'),
        ("sarif", '"kind": "informational"'),
    ],
)
def test_ci_formats_mark_pending_findings(output_format: str, expected: str) -> None:
    code, out, _ = run("check", "--pending", "--format", output_format, str(SEVERNMOOR))
    assert code == 0
    assert expected in out
    if output_format == "github":
        # A notice, never a warning or an error annotation.
        assert {line.split(" ", 1)[0] for line in out.splitlines() if "ICB18" in line} == {
            "::notice"
        }


def test_junit_records_pending_findings_as_skipped_not_failed() -> None:
    code, out, _ = run("check", "--pending", "--format", "junit", str(SEVERNMOOR))
    assert code == 0
    case = next(
        c for c in ET.fromstring(out).iter("testcase") if c.get("name", "").startswith("ICB180")
    )
    skipped = case.find("skipped")
    assert skipped is not None and case.find("failure") is None
    assert skipped.get("message", "").startswith("pending: The constitution gives NHS England")


def test_sarif_pending_results_have_level_none() -> None:
    _, out, _ = run("check", "--pending", "--format", "sarif", str(SEVERNMOOR))
    results = json.loads(out)["runs"][0]["results"]
    pending = [r for r in results if r["properties"]["outcome"] == "pending"]
    assert len(pending) == 7
    assert {(r["kind"], r["level"]) for r in pending} == {("informational", "none")}


def test_a_version_approved_before_the_act_is_checked_against_the_act(tmp_path: Path) -> None:
    # Approved in June 2022, it took effect when the ICB was established on 1 July 2022: its
    # breaches are breaches, not law "not yet in force".
    text = (EXAMPLES / "invalid" / "icb-board-composition.yaml").read_text(encoding="utf-8")
    path = tmp_path / "constitution.yaml"
    dated = "  effective_from: 2025-04-01\n  nhse_approved_on: 2025-03-14\n"
    assert dated in text
    path.write_text(text.replace(dated, "  nhse_approved_on: 2022-06-20\n"), encoding="utf-8")
    code, effective = check_json("--as-at", "effective", "--pending", str(path))
    code_today, today = check_json(str(path))
    assert (code, code_today) == (1, 1)
    breaches = [d["code"] for d in effective["diagnostics"] if d["outcome"] == "breach"]  # type: ignore[union-attr]
    assert breaches == [d["code"] for d in today["diagnostics"] if d["outcome"] == "breach"]  # type: ignore[union-attr]
    pending = {d["code"] for d in effective["diagnostics"] if d["outcome"] == "pending"}  # type: ignore[union-attr]
    assert pending <= {"ICB180", "ICB181", "ICB182"}


def test_a_requirement_that_dates_from_after_the_day_is_not_pending() -> None:
    # The July 2024 guidance, checked as at 2023: not applicable, not "pending law".
    _, report = check_json("--as-at", "2023-01-01", "--pending", str(SEVERNMOOR))
    results = {r["code"]: r for r in report["files"][0]["rules"]}  # type: ignore[index]
    assert results["ICB058"]["outcome"] == "not-applicable"
    assert {d["code"] for d in report["diagnostics"]} == {"ICB180", "ICB181"}  # type: ignore[union-attr]


def test_once_clause_21_commences_the_local_authority_member_is_no_longer_required(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _commencing(tmp_path, monkeypatch, "health-bill-2026-mayoral-member: 2027-04-01")
    good = Path(__file__).parent.parent / "rules" / "examples" / "ICB182" / "good.yaml"
    code, report = check_json("--as-at", "2027-05-01", "--select", "ICB016,ICB182", str(good))
    assert (code, report["diagnostics"]) == (0, [])
    results = {r["code"]: r for r in report["files"][0]["rules"]}  # type: ignore[index]
    assert results["ICB016"]["reason"].startswith("no longer in force on 1 May 2027: it ended on")
    assert results["ICB182"]["outcome"] == "passed"


def test_a_suppression_of_pending_law_is_not_unused_when_pending_is_off(tmp_path: Path) -> None:
    text = SEVERNMOOR.read_text(encoding="utf-8").replace(
        "      appointed_by: NHS England\n",
        "      appointed_by: NHS England  # icslint: disable=ICB180 -- abolition not yet law\n",
        1,
    )
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    code, report = check_json("--fail-on", "warning", str(path))
    assert (code, report["diagnostics"]) == (0, [])
    code, report = check_json("--pending", str(path))
    assert code == 0
    assert report["summary"]["suppressed"] == 1  # type: ignore[index]


def test_a_draft_is_rendered_without_pending_law_as_open_findings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".icslint.yaml").write_text("pending: true\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("render", str(SEVERNMOOR), "-o", "constitution.md", "--draft")
    assert code == 0, err
    text = (tmp_path / "constitution.md").read_text(encoding="utf-8")
    assert "ICB180" not in text and "Health Bill" not in text


def test_rules_and_explain_use_the_dates_set_in_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, shipped, _ = run("rules")
    assert "(not yet in force) The constitution gives no power to NHS England" in shipped
    _commencing(tmp_path, monkeypatch, "health-bill-2026: 2027-04-01")
    _, configured, _ = run("rules", "--as-at", "2027-05-01")
    assert "ICB180" in configured and "(not yet in force)" not in configured
    assert "ICB050" not in {line.split()[0] for line in configured.splitlines()}
    _, data, _ = run("rules", "--format", "json")
    window = {r["code"]: r["in_force"] for r in json.loads(data)}["ICB180"]
    assert window["from"] == "2027-04-01"
    # A configuration that cannot be used is reported, and the law shown without it.
    (tmp_path / ".icslint.yaml").write_text("fail-on: bogus\n", encoding="utf-8")
    code, text, err = run("explain", "ICB052")
    assert code == 0 and text.startswith("ICB052")
    assert err.startswith("icslint: warning: .icslint.yaml:1:")


def test_pending_law_says_nothing_about_a_part_that_could_not_be_read(tmp_path: Path) -> None:
    path = tmp_path / "terms.yaml"
    path.write_text(
        "kind: icp-terms-of-reference\nschema_version: 1\nmembers:\n"
        "  - seat_title: Patient voice lead\n    role_tags: [healthwatch, patient_voic]\n",
        encoding="utf-8",
    )
    _, report = check_json("--pending", "--select", "ICP060", str(path))
    assert [(d["code"], d["outcome"]) for d in report["diagnostics"]] == [("ICL002", "breach")]  # type: ignore[union-attr]
