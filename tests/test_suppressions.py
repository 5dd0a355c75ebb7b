"""Suppression comments: a reason is required, and every suppression is accounted for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, found, run

BOARD = EXAMPLES / "invalid" / "icb-board-composition.yaml"
# The example's findings: ICB016 at 72 (seats:), ICB011 at 165 and 410, ICB015 at 206.


def edited(tmp_path: Path, changes: dict[int, str], insert: dict[int, str] | None = None) -> Path:
    """A copy of the example with lines replaced (1-based) and lines inserted before others."""
    lines = BOARD.read_text(encoding="utf-8").splitlines()
    for number, text in changes.items():
        lines[number - 1] = text
    for number, text in sorted((insert or {}).items(), reverse=True):
        lines.insert(number - 1, text)
    path = tmp_path / "board.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_suppression_with_a_reason_removes_the_finding(tmp_path: Path) -> None:
    path = edited(
        tmp_path, {72: "  seats:  # icslint: disable=ICB016 -- councils agreed a joint seat"}
    )
    code, report = check_json(str(path))
    assert code == 1
    assert found(report) == {(165, "ICB011"), (206, "ICB015"), (410, "ICB011")}
    assert report["summary"]["suppressed"] == 1  # type: ignore[index]
    (audit,) = report["suppressed"]  # type: ignore[misc]
    assert (audit["code"], audit["line"], audit["by"]) == ("ICB016", 72, "comment")
    assert audit["reason"] == "councils agreed a joint seat"
    assert audit["where"] == f"{path.as_posix()}:72"
    _, out, _ = run("check", str(path))
    assert out.splitlines()[-1] == (
        "2 breaches (2 statute) · 1 not stated · 114 passed · 16 not applicable · 1 suppressed "
        "in 1 file."
    )


def test_a_suppression_without_a_reason_does_not_suppress(tmp_path: Path) -> None:
    path = edited(tmp_path, {72: "  seats:  # icslint: disable=ICB016"})
    _, report = check_json(str(path))
    assert found(report) == {
        (72, "ICB016"),
        (72, "ICL005"),
        (165, "ICB011"),
        (206, "ICB015"),
        (410, "ICB011"),
    }
    problem = next(d for d in report["diagnostics"] if d["code"] == "ICL005")  # type: ignore[union-attr]
    assert problem["column"] == 11  # the #
    assert "gives no reason" in problem["message"]
    assert report["summary"]["suppressed"] == 0  # type: ignore[index]


def test_a_comment_alone_applies_to_the_next_line(tmp_path: Path) -> None:
    path = edited(
        tmp_path,
        {},
        insert={165: "    # icslint: disable=ICB011 -- remuneration seat agreed by NHS England"},
    )
    _, report = check_json(str(path))
    # Lines from 165 on moved down by one; ICB011 on the seat (now 166) is suppressed.
    assert found(report) == {(72, "ICB016"), (207, "ICB015"), (411, "ICB011")}


def test_disable_file_suppresses_every_finding_of_the_code(tmp_path: Path) -> None:
    path = edited(tmp_path, {}, insert={6: "# icslint: disable-file=ICB011,ICB015 -- under review"})
    code, report = check_json(str(path))
    assert found(report) == {(73, "ICB016")}
    assert report["summary"]["suppressed"] == 3  # type: ignore[index]
    assert code == 1


def test_a_suppression_that_matches_nothing_is_reported(tmp_path: Path) -> None:
    path = edited(tmp_path, {72: "  seats:  # icslint: disable=ICB016,ICB052 -- agreed"})
    _, report = check_json(str(path))
    assert (72, "ICL006") in found(report)
    assert (72, "ICB016") not in found(report)
    message = next(d["message"] for d in report["diagnostics"] if d["code"] == "ICL006")  # type: ignore[union-attr]
    assert message.startswith("The suppression of ICB052 matches no ICB052 finding on line 72.")


def test_a_suppression_of_a_rule_that_did_not_run_is_not_called_unused(tmp_path: Path) -> None:
    path = edited(tmp_path, {72: "  seats:  # icslint: disable=ICB016,ICB052 -- agreed"})
    _, report = check_json(str(path), "--select", "ICB016")
    assert found(report) == set()


@pytest.mark.parametrize(
    ("comment", "code", "phrase"),
    [
        ("# icslint: disable=ICB999 -- typo", "ICL006", "ICB999 is not an icslint rule"),
        ("# icslint: disabel=ICB016 -- typo", "ICL005", "not a suppression icslint understands"),
        ("# icslint: disable= -- no codes", "ICL005", "not a suppression icslint understands"),
    ],
)
def test_mistaken_suppressions_are_reported(
    comment: str, code: str, phrase: str, tmp_path: Path
) -> None:
    path = edited(tmp_path, {72: f"  seats:  {comment}"})
    _, report = check_json(str(path))
    assert (72, "ICB016") in found(report)
    assert (72, code) in found(report)
    assert any(phrase in d["message"] for d in report["diagnostics"])  # type: ignore[union-attr]


def test_file_level_findings_cannot_be_suppressed(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icb-constitution\nschema_version: 1\nbord: {}  # icslint: disable=ICL002 -- x\n"
    )
    _, report = check_json(str(path))
    assert (3, "ICL002") in found(report)


def test_a_hash_inside_a_quoted_value_is_not_a_comment(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "kind: icb-constitution\nschema_version: 1\n"
        "meta:\n  published_url: 'https://x.example/a # icslint: disable=ICB005'\n"
    )
    _, report = check_json(str(path), "--select", "ICB005")
    assert all(d["code"] not in ("ICL005", "ICL006") for d in report["diagnostics"])  # type: ignore[union-attr]


def test_json_lists_suppressed_findings_for_the_audit(tmp_path: Path) -> None:
    path = edited(tmp_path, {72: "  seats:  # icslint: disable=ICB016 -- joint seat"})
    _, out, _ = run("check", "--format", "json", str(path))
    data = json.loads(out)
    assert [s["code"] for s in data["suppressed"]] == ["ICB016"]


def test_sarif_records_suppressed_findings_with_their_reason(tmp_path: Path) -> None:
    path = edited(tmp_path, {72: "  seats:  # icslint: disable=ICB016 -- joint seat agreed"})
    _, out, _ = run("check", "--format", "sarif", str(path))
    results = json.loads(out)["runs"][0]["results"]
    quiet = [r for r in results if r.get("suppressions")]
    assert [(r["ruleId"], r["suppressions"]) for r in quiet] == [
        (
            "ICB016",
            [
                {
                    "kind": "inSource",
                    "status": "accepted",
                    "justification": "joint seat agreed",
                    "properties": {"where": f"{path.as_posix()}:72"},
                }
            ],
        )
    ]
    assert len(results) == 4  # three reported, one suppressed


CHAIR = EXAMPLES / "invalid" / "icb-chair-and-chief-executive.yaml"  # ICB051 at 79 and 80


def chair_with(tmp_path: Path, after: int, text: str) -> Path:
    lines = CHAIR.read_text(encoding="utf-8").splitlines()
    lines.insert(after, text)
    path = tmp_path / "chair.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_text_inside_a_block_scalar_is_not_a_suppression(tmp_path: Path) -> None:
    # Line 48 continues the folded `description: >-` of the area.
    path = chair_with(tmp_path, 47, "      Note # icslint: disable-file=ICB051 -- inside the text")
    _, report = check_json(str(path), "--select", "ICB051")
    assert found(report) == {(80, "ICB051"), (81, "ICB051")}


def test_text_inside_a_quoted_string_with_escaped_quotes_is_not_a_suppression(
    tmp_path: Path,
) -> None:
    lines = CHAIR.read_text(encoding="utf-8").splitlines()
    lines[78] = '      removal_by: "The Board, \\"by vote\\" # icslint: disable=ICB051 -- x"'
    path = tmp_path / "chair.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, report = check_json(str(path), "--select", "ICB051")
    assert found(report) == {(79, "ICB051"), (80, "ICB051")}


def test_a_suppression_after_another_comment_is_read(tmp_path: Path) -> None:
    lines = CHAIR.read_text(encoding="utf-8").splitlines()
    lines[78] = lines[78] + "  # icslint: disable=ICB051 -- NHS England agreed"
    path = tmp_path / "chair.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, report = check_json(str(path), "--select", "ICB051")
    assert found(report) == {(80, "ICB051")}


def test_a_suppression_alone_on_the_last_line_applies_to_nothing(write) -> None:  # type: ignore[no-untyped-def]
    path = write("kind: icb-constitution\nschema_version: 1\n# icslint: disable=ICB001 -- x\n")
    _, report = check_json(str(path), "--select", "ICB001")
    problem = next(d for d in report["diagnostics"] if d["code"] == "ICL006")  # type: ignore[union-attr]
    assert (problem["line"], problem["column"]) == (3, 1)
    assert "applies to no line" in problem["message"]
