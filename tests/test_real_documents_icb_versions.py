"""Versions as real constitutions record them: drafts, optional clauses, NHS England's agreements,
least counts and dates known only in part, read by the rules through `icslint check`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import EXAMPLES, check_json, run

DRAFT = EXAMPLES / "valid" / "severnmoor-icb-constitution-draft-2026.yaml"

HEAD = "kind: icb-constitution\nschema_version: 1\n"
Doc = Callable[[str], Path]
"""Writes an ICB constitution (after its kind and schema_version lines) and returns its path."""


def _check(path: Path, code: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The diagnostics of one rule on a file, and the rule's result (outcome, reason)."""
    _, report = check_json("--select", code, "--fail-on", "info", str(path))
    diagnostics = report["diagnostics"]
    files = report["files"]
    assert isinstance(diagnostics, list) and isinstance(files, list)
    result = next(r for r in files[0]["rules"] if r["code"] == code)
    return diagnostics, result


def _found(diagnostics: list[dict[str, Any]]) -> list[tuple[int, str, str, str]]:
    return sorted((d["line"], d["code"], d["outcome"], d["severity"]) for d in diagnostics)


@pytest.fixture
def doc(tmp_path: Path) -> Doc:
    def _doc(body: str) -> Path:
        path = tmp_path / "doc.yaml"
        path.write_text(HEAD + body, encoding="utf-8")
        return path

    return _doc


# --- ICB006: a draft or submitted version is not yet approved ---------------------------------


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (
            "draft",
            "This version is a draft; NHS England approves a constitution before it takes effect.",
        ),
        (
            "submitted",
            "This version has been submitted to NHS England and is not yet approved; NHS "
            "England approves a constitution before it takes effect.",
        ),
    ],
)
def test_a_draft_is_not_reported_as_unapproved(doc: Doc, status: str, reason: str) -> None:
    path = doc(
        f"meta:\n  version: '3.0'\n  status: {status}\n  version_history:\n"
        "    - {version: '2.0', date: 2024-10, status: in_force}\n"
        f"    - {{version: '3.0', status: {status}, nhse_approved: false}}\n"
    )
    diagnostics, result = _check(path, "ICB006")
    assert diagnostics == []
    assert result == {"code": "ICB006", "outcome": "not-applicable", "reason": reason}


def test_a_draft_whose_history_entry_alone_says_draft_is_a_draft(doc: Doc) -> None:
    path = doc(
        "meta:\n  version: '3.0'\n  version_history:\n"
        "    - {version: '2.0', date: 2024-10, status: superseded}\n"
        "    - {version: '3.0', status: draft}\n"
    )
    diagnostics, result = _check(path, "ICB006")
    assert diagnostics == []
    assert result["outcome"] == "not-applicable"


def test_a_draft_still_has_its_earlier_versions_checked(doc: Doc) -> None:
    path = doc(
        "meta:\n  version: '3.0'\n  status: draft\n  version_history:\n"
        "    - {version: '1.0', date: 2022-07-01}\n"  # line 7
        "    - {version: '3.0', status: draft}\n"
    )
    diagnostics, result = _check(path, "ICB006")
    assert _found(diagnostics) == [(7, "ICB006", "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        'The version history does not say whether NHS England approved version "1.0".'
    )
    assert result["outcome"] == "not-stated"


def test_a_draft_that_records_an_approval_is_a_question(doc: Doc) -> None:
    path = doc("meta:\n  version: '3.0'\n  status: draft\n  nhse_approved_on: 2025-09\n")
    diagnostics, _ = _check(path, "ICB006")
    assert _found(diagnostics) == [(5, "ICB006", "not-stated", "info")]
    assert diagnostics[0]["message"] == (
        "This version is marked as a draft, but meta.nhse_approved_on gives NHS England's "
        "approval in September 2025. If NHS England has approved it, set its status to approved "
        "(or in_force once it takes effect); if it is not yet approved, remove the record of "
        "approval."
    )


def test_a_version_in_force_without_an_approval_date_is_asked_for_it(doc: Doc) -> None:
    path = doc("meta:\n  version: '2.1'\n  status: in_force\n")
    diagnostics, _ = _check(path, "ICB006")
    assert _found(diagnostics) == [(3, "ICB006", "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        "This version is marked as in force (status: in_force), but the constitution does not "
        "say when NHS England approved it."
    )


def test_history_entries_superseded_or_in_force_count_as_approved(doc: Doc) -> None:
    path = doc(
        "meta:\n  version: '2.1'\n  nhse_approved_on: 2025-03\n  version_history:\n"
        "    - {version: '1.0', date: 2022-07-01, status: superseded}\n"
        "    - {version: '2.0', date: 2024, status: in_force}\n"
        "    - {version: '2.0a', date: 2024-11, status: superseded, nhse_approved: false}\n"
        "    - {version: '2.1', date: 2025-04-01, status: in_force}\n"
    )
    diagnostics, _ = _check(path, "ICB006")
    assert _found(diagnostics) == [(9, "ICB006", "breach", "error")]
    assert diagnostics[0]["message"].startswith(
        'Version "2.0a" is marked as superseded but not approved by NHS England.'
    )


# --- ICB008: optional clauses and NHS England's agreed departures -----------------------------

SECTIONS = (
    "sections:\n"
    "  - {number: '1', heading: Introduction}\n"
    "  - number: '4.7'\n"
    "    heading: Place committees\n"
    "    optional: true\n"
)


@pytest.mark.parametrize("status", ["approved", "in_force", "superseded"])
def test_an_optional_clause_left_in_an_approved_version_is_a_warning(doc: Doc, status: str) -> None:
    path = doc(f"meta:\n  version: '3.0'\n  status: {status}\n" + SECTIONS)
    diagnostics, _ = _check(path, "ICB008")
    assert _found(diagnostics) == [(10, "ICB008", "breach", "warning")]
    said = status.replace("_", " ")
    assert diagnostics[0]["message"].startswith(
        f'Section 4.7 ("Place committees") is still marked optional, but this version is marked '
        f"as {said}."
    )


def test_an_optional_clause_in_a_submitted_version_is_a_question(doc: Doc) -> None:
    path = doc("meta:\n  version: '3.0'\n  status: submitted\n" + SECTIONS)
    diagnostics, _ = _check(path, "ICB008")
    assert _found(diagnostics) == [(10, "ICB008", "not-stated", "info")]
    assert (
        "still marked optional in a version submitted to NHS England" in (diagnostics[0]["message"])
    )


def test_an_optional_clause_in_a_draft_is_expected(doc: Doc) -> None:
    path = doc("meta:\n  version: '3.0'\n  status: draft\n" + SECTIONS)
    diagnostics, result = _check(path, "ICB008")
    assert diagnostics == []
    assert result["outcome"] == "passed"


def test_an_optional_clause_in_a_version_of_unknown_status_is_a_question(doc: Doc) -> None:
    path = doc("meta:\n  version: '3.0'\n" + SECTIONS)
    diagnostics, _ = _check(path, "ICB008")
    assert _found(diagnostics) == [(9, "ICB008", "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        'Section 4.7 ("Place committees") is marked optional, but the constitution does not say '
        "whether this version is a draft."
    )


def test_an_agreed_departure_without_date_or_reference_is_asked_for_them(doc: Doc) -> None:
    path = doc(
        "meta:\n  nhse_agreements:\n"
        "    - departure: other\n"  # line 5
        "      description: The audit committee has one external member.\n"
        "    - departure: other\n"
        "      description: The quorum is one third of the members.\n"
        "      agreed_on: 2025-06\n"
        "      reference: NHS England letter of June 2025\n"
    )
    diagnostics, _ = _check(path, "ICB008")
    assert _found(diagnostics) == [(5, "ICB008", "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        'The constitution records that NHS England agreed a departure from its model ("The '
        'audit committee has one external member."), but does not say when NHS England agreed '
        "it (agreed_on) or which of NHS England's letters or decisions records it (reference)."
    )


# --- ICB012 and ICB018: NHS England's agreement to leave a role off the board -----------------

EXECUTIVES = (
    "board:\n  seats:\n"
    "    - {id: chair, role: chair, category: non_executive}\n"
    "    - {id: ceo, role: chief_executive, category: executive}\n"
    "    - {id: cfo, title: Chief Finance Officer, role: ordinary, category: executive,"
    " count: 1}\n"
    "    - {id: cmo, title: Chief Medical Officer, role: ordinary, category: executive,"
    " count: 1}\n"
)
PARTNERS = (
    "    - {id: ned, role: ordinary, category: non_executive, count: 2}\n"
    "    - {id: trusts, role: ordinary, category: partner, partner_sector: nhs_trust_ft,"
    " count: 1}\n"
    "    - {id: gps, role: ordinary, category: partner, partner_sector: primary_medical_services,"
    " count: 1}\n"
    "    - {id: la, role: ordinary, category: partner, partner_sector: local_authority, count: 1}\n"
)


def _agreement(departure: str, *extra: str) -> str:
    return (
        "meta:\n  nhse_agreements:\n"
        + f"    - departure: {departure}\n"
        + "".join(f"      {line}\n" for line in extra)
    )


@pytest.mark.parametrize(
    ("extra", "note"),
    [
        (
            ("agreed_on: 2025-09-30", "reference: Letter from the regional director"),
            "The director of nursing is not a board member: NHS England agreed to this "
            "departure from its model on 30 September 2025 (Letter from the regional director).",
        ),
        (
            ("agreed_on: September 2025",),
            "The director of nursing is not a board member: NHS England agreed to this "
            "departure from its model in September 2025.",
        ),
        (
            ("reference: Letter from the regional director",),
            "The director of nursing is not a board member: NHS England agreed to this "
            "departure from its model (Letter from the regional director).",
        ),
        (
            (),
            "The director of nursing is not a board member, and NHS England's agreement to this "
            "is recorded without date or reference (meta.nhse_agreements); add agreed_on and "
            "reference so that the agreement can be checked.",
        ),
    ],
)
def test_an_agreed_absence_of_the_director_of_nursing_passes_with_a_note(
    doc: Doc,
    extra: tuple[str, ...],
    note: str,
) -> None:
    path = doc(_agreement("director_of_nursing_not_on_board", *extra) + EXECUTIVES)
    diagnostics, result = _check(path, "ICB012")
    assert diagnostics == []
    assert result == {"code": "ICB012", "outcome": "passed", "reason": note}


def test_the_other_executive_roles_are_still_required(doc: Doc) -> None:
    seats = EXECUTIVES.replace(
        "    - {id: cmo, title: Chief Medical Officer, role: ordinary, category: executive,"
        " count: 1}\n",
        "",
    )
    path = doc(_agreement("director_of_nursing_not_on_board", "agreed_on: 2025-09") + seats)
    diagnostics, _ = _check(path, "ICB012")
    assert _found(diagnostics) == [(8, "ICB012", "breach", "error")]
    assert diagnostics[0]["message"].startswith(
        "The constitution must provide for a medical director on the board; it does not."
    )


def test_without_an_agreement_the_director_of_nursing_is_missing(doc: Doc) -> None:
    path = doc(_agreement("medical_director_not_on_board", "agreed_on: 2025-09") + EXECUTIVES)
    diagnostics, _ = _check(path, "ICB012")
    assert _found(diagnostics) == [(8, "ICB012", "breach", "error")]
    assert "director of nursing on the board" in diagnostics[0]["message"]


def test_a_board_of_nine_passes_with_the_agreement_noted(doc: Doc) -> None:
    path = doc(
        _agreement("director_of_nursing_not_on_board", "agreed_on: 2025-09-30")
        + EXECUTIVES
        + PARTNERS
    )
    diagnostics, result = _check(path, "ICB018")
    assert diagnostics == []
    assert result["outcome"] == "passed"
    assert result["reason"] == (
        "The director of nursing is not a board member: NHS England agreed to this departure "
        "from its model on 30 September 2025."
    )


def test_a_board_of_eight_is_below_the_floor_the_agreement_leaves(doc: Doc) -> None:
    partners = PARTNERS.replace("count: 2", "count: 1")
    path = doc(
        _agreement("director_of_nursing_not_on_board", "agreed_on: 2025-09-30")
        + EXECUTIVES
        + partners
    )
    diagnostics, _ = _check(path, "ICB018")
    assert _found(diagnostics) == [(8, "ICB018", "breach", "error")]
    assert diagnostics[0]["message"] == (
        "The constitution provides for 8 voting members. The statutory minimum and NHS England "
        "policy together need at least nine: the chair, the chief executive, two executive "
        "members (NHS England has agreed that the director of nursing need not be on the "
        "board), two non-executive members and three partner members. Add the missing seats."
    )


# --- ICB013 and ICB018: least counts ----------------------------------------------------------


@pytest.mark.parametrize("count", ["at least 2", "at least two", "two or more", "not less than 3"])
def test_at_least_two_non_executive_members_passes(doc: Doc, count: str) -> None:
    path = doc(
        "board:\n  seats:\n    - {id: chair, role: chair, category: non_executive}\n"
        f"    - {{id: neds, role: ordinary, category: non_executive, count: {count}}}\n"
    )
    diagnostics, result = _check(path, "ICB013")
    assert diagnostics == []
    assert result["outcome"] == "passed"


def test_at_least_one_non_executive_member_is_not_stated_without_a_number(doc: Doc) -> None:
    path = doc(
        "board:\n  seats:\n    - {id: chair, role: chair, category: non_executive}\n"
        "    - {id: neds, title: Non-Executive Members, role: ordinary, category: non_executive,"
        " count: at least 1}\n"
    )
    diagnostics, _ = _check(path, "ICB013")
    assert _found(diagnostics) == [(4, "ICB013", "not-stated", "info")]
    assert diagnostics[0]["message"] == (
        "The constitution does not say exactly how many non-executive members sit in seat "
        '"Non-Executive Members" (neds) (at least 1), so it cannot be shown that the board has '
        "the two non-executive members besides the chair that NHS England policy requires. "
        "Give the seat its number of members in count."
    )


def test_a_least_count_needed_to_make_up_ten_is_not_stated(doc: Doc) -> None:
    seats = EXECUTIVES + (
        "    - {id: cno, title: Chief Nursing Officer, role: ordinary, category: executive,"
        " count: 1}\n"
    )
    partners = PARTNERS.replace("count: 2", "count: at least 1")
    path = doc(seats + partners)
    diagnostics, _ = _check(path, "ICB018")
    assert _found(diagnostics) == [(4, "ICB018", "not-stated", "info")]
    message = diagnostics[0]["message"]
    assert message.startswith(
        'The constitution does not say exactly how many voting members sit in seat "ned" '
        "(at least 1), so it cannot be shown that the board has the ten voting members"
    )
    # No number the document did not give: 9 members are certain, but 9 is never printed.
    assert "9" not in message and "nine" not in message


# --- ICB161 and ICB162: dates known only in part ----------------------------------------------


@pytest.mark.parametrize("effective", ["2024-08", "August 2024", "Aug 2024", "2024-08-01"])
def test_a_version_from_august_2024_is_after_the_update(doc: Doc, effective: str) -> None:
    path = doc(f"meta:\n  version: '2.0'\n  effective_from: {effective}\n  model_basis: 2022-05\n")
    diagnostics, _ = _check(path, "ICB161")
    assert _found(diagnostics) == [(6, "ICB161", "breach", "warning")]
    when = "on 1 August 2024" if effective == "2024-08-01" else "in August 2024"
    assert diagnostics[0]["message"].startswith(
        f"This version took effect {when}, after NHS England updated its model constitution in "
        "July 2024, but it follows the May 2022 model."
    )
    diagnostics, result = _check(path, "ICB162")
    assert diagnostics == []
    assert result["outcome"] == "not-applicable"
    assert result["reason"] == (
        f"This version took effect {when}, after July 2024; ICB052 and ICB055 check its deputy "
        "chair and senior non-executive member."
    )


@pytest.mark.parametrize("code", ["ICB161", "ICB162"])
def test_a_version_known_only_by_a_year_that_straddles_july_2024_is_not_stated(
    doc: Doc,
    code: str,
) -> None:
    path = doc(
        "meta:\n  version: '2.0'\n  effective_from: 2024\n  model_basis: 2022-05\n"
        "board:\n  seats:\n    - {id: ned, role: ordinary, category: non_executive}\n"
    )
    diagnostics, _ = _check(path, code)
    assert _found(diagnostics) == [(5, code, "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        "The constitution says only that this version took effect in 2024, so it cannot be told"
    )


def test_a_year_that_straddles_july_2024_is_settled_by_a_later_approval(doc: Doc) -> None:
    path = doc(
        "meta:\n  version: '2.0'\n  effective_from: 2024\n  nhse_approved_on: 2024-09-12\n"
        "  model_basis: 2022-05\n"
    )
    diagnostics, _ = _check(path, "ICB161")
    assert _found(diagnostics) == [(7, "ICB161", "breach", "warning")]
    assert diagnostics[0]["message"].startswith(
        "NHS England approved this version on 12 September 2024, so it took effect after NHS "
        "England updated its model constitution in July 2024"
    )


def test_a_version_from_july_2024_is_before_the_update(doc: Doc) -> None:
    path = doc("meta:\n  version: '2.0'\n  effective_from: 2024-07\n  model_basis: 2022-05\n")
    diagnostics, result = _check(path, "ICB161")
    assert diagnostics == []
    assert result["reason"] == (
        "This version took effect no later than July 2024, when NHS England updated its model "
        "constitution."
    )


def test_a_draft_will_take_effect_after_the_update(doc: Doc) -> None:
    path = doc("meta:\n  version: '3.0'\n  status: draft\n")
    diagnostics, _ = _check(path, "ICB161")
    assert _found(diagnostics) == [(3, "ICB161", "not-stated", "info")]
    assert diagnostics[0]["message"].startswith(
        "This version is a draft, so it will take effect after NHS England updated its model "
        "constitution in July 2024, but it does not say which model it follows."
    )


def test_a_version_approved_after_july_2024_took_effect_after_it(doc: Doc) -> None:
    path = doc("meta:\n  version: '2.0'\n  nhse_approved_on: 2024-09\n  model_basis: 2022-05\n")
    diagnostics, _ = _check(path, "ICB161")
    assert _found(diagnostics) == [(6, "ICB161", "breach", "warning")]
    assert diagnostics[0]["message"].startswith(
        "NHS England approved this version in September 2024, so it took effect after NHS "
        "England updated its model constitution in July 2024, but it follows the May 2022 model."
    )


# --- the draft example ------------------------------------------------------------------------


def test_the_draft_example_checks_clean() -> None:
    code, report = check_json("--fail-on", "info", str(DRAFT))
    assert report["diagnostics"] == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["breach"] == 0 and summary["not-stated"] == 0
    assert code == 0
    files = report["files"]
    assert isinstance(files, list)
    results = {r["code"]: r for r in files[0]["rules"]}
    assert results["ICB006"]["outcome"] == "not-applicable"
    assert results["ICB006"]["reason"].startswith("This version is a draft;")
    for rule in ("ICB008", "ICB009", "ICB013", "ICB018", "ICB050", "ICB060", "ICB161"):
        assert results[rule]["outcome"] == "passed", rule
    assert results["ICB012"]["reason"] == (
        "The director of nursing is not a board member: NHS England agreed to this departure "
        "from its model on 20 November 2025 (Letter from the NHS England regional director for "
        "the Midlands, 20 November 2025)."
    )


def test_the_draft_example_holds_what_real_drafts_say() -> None:
    text = DRAFT.read_text(encoding="utf-8")
    for written in (
        "status: draft",
        "date: October 2024",
        "count: at least 2",
        "optional: true",
        "departure: director_of_nursing_not_on_board",
        "appointed_by: the Chair of the ICB",
        "appointed_by: NHS England (NHSE)",
        "appointed_by: Chief Executive Officer",
        "notes:",
        "x-local-ref:",
    ):
        assert written in text, written


def test_the_note_is_shown_in_the_terminal() -> None:
    code, out, _ = run("check", "--select", "ICB012", str(DRAFT))
    assert code == 0
    assert "ICB012 passed: The director of nursing is not a board member" in out
