"""Names of bodies and roles as a vocabulary, facts known in part, and a file read as far as it
can be: what a governance lead sees for the ways real constitutions are written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json, found_outcomes, run
from icslint.json_schema import schema_for
from icslint.vocabulary import known_party

VALID_ICB = EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml"
CHAIR_APPOINTER = (
    "      appointed_by: NHS England\n      appointment_approved_by: Secretary of State\n"
)
CEO_APPOINTER = "      appointed_by: Chair\n      appointment_approved_by: NHS England\n"


def variant(tmp_path: Path, *changes: tuple[str, str]) -> tuple[Path, list[str]]:
    """The valid ICB example with each (old, new) text replaced once; and its lines."""
    text = VALID_ICB.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines()


def line_of(lines: list[str], text: str) -> int:
    return next(number for number, line in enumerate(lines, 1) if text in line)


@pytest.mark.parametrize(
    ("written", "party"),
    [
        ("NHS England (NHSE)", "nhs_england"),
        ("NHSE", "nhs_england"),
        ("NHS England, with the approval of the Secretary of State", "nhs_england"),
        ("Secretary of State for Health and Social Care", "secretary_of_state"),
        ("the Chair of the ICB", "chair"),
        ("ICB Chair", "chair"),
        ("Chair of NHS Severnmoor Integrated Care Board", "chair"),
        ("Chief Executive Officer", "chief_executive"),
        ("CEO", "chief_executive"),
        ("Chief Executive, with the Chair's approval", "chief_executive"),
        ("The Board, by a two-thirds majority", "board"),
        ("the Integrated Care Board", "icb"),
    ],
)
def test_the_usual_ways_of_writing_a_body_are_understood(written: str, party: str) -> None:
    found = known_party(written)
    assert found is not None and found.key == party


def test_everyday_spellings_of_the_chair_and_nhs_england_give_no_finding(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        (
            CHAIR_APPOINTER,
            "      appointed_by: NHS England (NHSE)\n"
            "      appointment_approved_by: Secretary of State for Health and Social Care\n",
        ),
        (
            CEO_APPOINTER,
            "      appointed_by: the Chair of the ICB\n      appointment_approved_by: NHSE\n",
        ),
    )
    code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert code == 0


def test_a_chair_appointed_by_a_council_chair_is_an_error_with_a_suggestion(
    tmp_path: Path,
) -> None:
    path, lines = variant(
        tmp_path,
        (
            CHAIR_APPOINTER,
            "      appointed_by: Chair of Kingsbridge Council\n"
            "      appointment_approved_by: Secretary of State\n",
        ),
    )
    code, report = check_json(str(path))
    at = line_of(lines, "Chair of Kingsbridge Council")
    assert found_outcomes(report) == {(at, "ICL002", "breach"), (at, "ICB050", "not-stated")}
    problem = next(d for d in report["diagnostics"] if d["code"] == "ICL002")  # type: ignore[union-attr]
    assert problem["message"].startswith(
        '"Chair of Kingsbridge Council" is not a body, role or organisation icslint can place. '
        'Did you mean "Kingsbridge City Council"?'
    )
    # The rule does not claim the document is silent on who appoints the chair: it says it
    # could not read the name.
    chair = next(d for d in report["diagnostics"] if d["code"] == "ICB050")  # type: ignore[union-attr]
    assert chair["message"].startswith(
        f"Not checked: board.seats[0].appointed_by (line {at}) could not be read"
    )
    assert code == 1


def test_a_misspelt_body_is_offered_the_right_spelling(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path, (CHAIR_APPOINTER, CHAIR_APPOINTER.replace("NHS England", "NHS Englnd"))
    )
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert problem["line"] == line_of(lines, "NHS Englnd")
    assert 'Did you mean "NHS England"?' in problem["message"]


def test_an_unknown_key_does_not_silence_the_chair_rule(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path,
        ("board:\n", "board:\n  meetings_per_year: 6\n"),
        (
            CHAIR_APPOINTER,
            "      appointed_by: The Board\n      appointment_approved_by: Secretary of State\n",
        ),
    )
    code, report = check_json(str(path))
    assert found_outcomes(report) == {
        (line_of(lines, "meetings_per_year"), "ICL002", "breach"),
        (line_of(lines, "appointed_by: The Board"), "ICB050", "breach"),
    }
    assert code == 1


def test_notes_and_x_keys_hold_facts_no_rule_reads(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        ("board:\n", "board:\n  notes: The board meets six times a year.\n  x-meetings: 6\n"),
        ("meta:\n", "meta:\n  x-sharepoint-ref: GOV-0042\n"),
    )
    code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert code == 0


def test_an_approval_known_only_by_month_is_read(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        (
            "  effective_from: 2025-04-01\n  nhse_approved_on: 2025-03-14\n",
            "  effective_from: April 2025\n  nhse_approved_on: March 2025\n",
        ),
    )
    code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert code == 0


def test_a_date_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path, ("  nhse_approved_on: 2025-03-14\n", "  nhse_approved_on: 2025-02-30\n")
    )
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert problem["line"] == line_of(lines, "2025-02-30")
    assert problem["message"] == (
        "meta.nhse_approved_on is not a date that exists (check the month and day); found "
        '"2025-02-30".'
    )


@pytest.mark.parametrize("count", ["at least two", "at least 2", "2 or more", "not less than 2"])
def test_at_least_two_non_executive_members_is_accepted(tmp_path: Path, count: str) -> None:
    path, _ = variant(
        tmp_path, ("    - id: nem_audit\n", f"    - id: nem_audit\n      count: {count}\n")
    )
    code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert code == 0


def test_the_schema_offers_the_known_bodies_for_completion() -> None:
    schema = schema_for("icb-constitution")
    seat = schema["$defs"]["Seat"]["properties"]
    offered = next(
        option["examples"] for option in seat["appointed_by"]["anyOf"] if "examples" in option
    )
    assert {"NHS England", "Secretary of State", "ICB", "Board", "Chair", "Chief Executive"} <= set(
        offered
    )
    # The committed schema, which editors read, says the same.
    committed = json.loads(
        (EXAMPLES.parent / "schemas" / "icb-constitution.schema.json").read_text(encoding="utf-8")
    )
    assert committed["$defs"]["Seat"]["properties"]["appointed_by"] == seat["appointed_by"]


@pytest.mark.parametrize(
    "appointer",
    [
        "Chair of Kingsbridge Health and Wellbeing Board",
        "Chair of the Trust Board",
        "ICP Chair",
        "Chair of the Partnership",
        "Chair of NHS Wealdmoor ICB",
        "Chair of NHS England Board",
    ],
)
def test_another_bodys_chair_is_not_the_icbs_chair(tmp_path: Path, appointer: str) -> None:
    path, lines = variant(
        tmp_path,
        (
            CEO_APPOINTER,
            f"      appointed_by: {appointer}\n      appointment_approved_by: NHS England\n",
        ),
    )
    code, report = check_json(str(path))
    at = line_of(lines, appointer)
    assert (at, "ICL002", "breach") in found_outcomes(report)
    assert code == 1


def test_codes_are_read_as_people_type_them(tmp_path: Path) -> None:
    path, _ = variant(
        tmp_path,
        ("      role: chair\n", "      role: Chair\n"),
        ("schema_version: 1\n", 'schema_version: "1"\n'),
        ("    - id: nem_audit\n", "    - id: nem_audit\n      holder: {arrangement: Interim}\n"),
    )
    code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert code == 0


def test_a_version_number_written_as_a_number_is_asked_to_be_quoted(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ('  version: "2.1"\n', "  version: 2.1\n"))
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert (problem["line"], problem["message"]) == (
        line_of(lines, "  version: 2.1"),
        'meta.version must be text: put it in quotes, for example "2.1".',
    )


def test_a_repeated_key_is_reported_and_the_rest_is_still_checked(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path,
        ("meta:\n", "meta:\n  notes: first\n  notes: second\n"),
        (
            CHAIR_APPOINTER,
            "      appointed_by: The Board\n      appointment_approved_by: Secretary of State\n",
        ),
    )
    code, report = check_json(str(path))
    assert found_outcomes(report) == {
        (line_of(lines, "notes: second"), "ICL001", "breach"),
        (line_of(lines, "appointed_by: The Board"), "ICB050", "breach"),
    }
    assert code == 1


def test_a_mistyped_role_is_not_reported_as_a_board_without_a_chair(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ("      role: chair\n", "      role: chairwoman\n"))
    _, report = check_json(str(path))
    at = line_of(lines, "role: chairwoman")
    assert found_outcomes(report) == {
        (at, "ICL002", "breach"),
        (at, "ICB010", "not-stated"),
        (at, "ICB011", "not-stated"),
        (at, "ICB050", "not-stated"),
    }


def test_a_post_is_shared_only_with_another_icb(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path,
        ("    - id: nem_audit\n", "    - id: nem_audit\n      shared_with: [Chief Executive]\n"),
    )
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert problem["line"] == line_of(lines, "shared_with: [Chief Executive]")
    assert problem["message"].startswith('"Chief Executive" is not another integrated care board.')


def test_an_employer_is_a_body_not_a_role(tmp_path: Path) -> None:
    path, lines = variant(
        tmp_path,
        ("    - id: nem_audit\n", "    - id: nem_audit\n      holder: {employed_by: the Chair}\n"),
    )
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert problem["line"] == line_of(lines, "employed_by: the Chair")
    assert problem["message"].startswith('"the Chair" is a role or committee, not an employer.')


def test_a_file_with_parts_that_cannot_be_read_is_not_rendered(tmp_path: Path) -> None:
    path, _ = variant(tmp_path, ("board:\n", "board:\n  meetings_per_year: 6\n"))
    output = tmp_path / "out.md"
    code, _, err = run("render", str(path), "-o", str(output), "--draft")
    assert code == 1
    assert "parts of it could not be read" in err
    assert not output.exists()


def test_a_committee_chaired_from_a_seat_the_board_does_not_have_gets_a_suggestion(
    tmp_path: Path,
) -> None:
    path, lines = variant(tmp_path, ("    chair_seat: nem_audit\n", "    chair_seat: nem_audti\n"))
    _, report = check_json(str(path))
    [problem] = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    assert (problem["line"], problem["message"]) == (
        line_of(lines, "chair_seat: nem_audti"),
        '"nem_audti" is not a seat of the board. Did you mean "nem_audit"? Name a seat by its '
        "id or title, as listed under board.seats.",
    )


def test_a_seat_id_used_twice_is_a_file_problem(tmp_path: Path) -> None:
    path, lines = variant(tmp_path, ("    - id: nem_people\n", "    - id: nem_audit\n"))
    _, report = check_json(str(path))
    problems = [d for d in report["diagnostics"] if d["code"] == "ICL002"]  # type: ignore[union-attr]
    second = [n for n, line in enumerate(lines, 1) if line == "    - id: nem_audit"][1]
    assert (problems[0]["line"], problems[0]["message"]) == (
        second,
        'The seat id "nem_audit" is already used by board.seats[5]. Give each seat its own id: '
        "committees, quorums and designations name seats by id.",
    )
