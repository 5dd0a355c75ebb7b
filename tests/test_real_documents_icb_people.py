"""Who holds the posts, as real constitutions record them: acting and interim post-holders,
secondments, posts shared across a cluster, boards and committees meeting in common, place
committees with members from outside the board, and councillors as local authority partner
members. Each scenario starts from the valid Wealdmoor example (clustered with Severnmoor)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXAMPLES, check_json

WEALDMOOR = EXAMPLES / "valid" / "wealdmoor-icb-constitution.yaml"

CHAIR_SHARED = (
    "      role_spec_ref: Governance Handbook, role specification B1\n"
    "      # NHS England appointed the same person Chair of each ICB in the cluster, separately.\n"
    "      shared_with: [NHS Severnmoor Integrated Care Board]\n"
)
CEO_SPEC = "      role_spec_ref: Governance Handbook, role specification B2\n"
CEO_EMPLOYER = (
    "      holder:\n"
    "        employed_by: NHS Wealdmoor Integrated Care Board\n"
    "        notes: Employed on a joint contract with both ICBs of the cluster (Governance "
    "Handbook, part 6).\n"
)
CFO_HOLDER = (
    "      holder:\n"
    "        arrangement: interim  # while the permanent appointment is made\n"
    "        since: 2025-10\n"
)
SEPARATE = "  separate_decisions: true  # each board takes its own decisions for its own ICB\n"
PLACE_BOUND = (
    "      - {title: Clinical Director, organisation: Hartvale GP Federation, "
    "board_member: false}\n"
    "    external_members_bound_by_standing_orders: true\n"
)


def variant(tmp_path: Path, *changes: tuple[str, str]) -> tuple[Path, str]:
    """The Wealdmoor example with each (old, new) text replaced; old must occur exactly once."""
    text = WEALDMOOR.read_text(encoding="utf-8")
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "constitution.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def line_of(text: str, snippet: str) -> int:
    """The number of the one line that contains `snippet`."""
    numbers = [n for n, line in enumerate(text.splitlines(), start=1) if snippet in line]
    assert len(numbers) == 1, snippet
    return numbers[0]


def findings(report: dict[str, object]) -> list[tuple[int, str, str, str]]:
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return sorted((d["line"], d["code"], d["outcome"], d["message"]) for d in diagnostics)


def outcome(report: dict[str, object], code: str) -> str:
    files = report["files"]
    assert isinstance(files, list)
    return next(r["outcome"] for r in files[0]["rules"] if r["code"] == code)


def test_the_wealdmoor_example_is_clean_and_reads_every_new_structure() -> None:
    exit_code, report = check_json(str(WEALDMOOR))
    assert exit_code == 0
    assert report["diagnostics"] == []
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert (summary["breach"], summary["not-stated"]) == (0, 0)
    # The chief executive is shared, and the constitution records that this ICB employs them.
    assert summary["suppressed"] == 0
    files = report["files"]
    assert isinstance(files, list)
    [ceo] = [r for r in files[0]["rules"] if r["code"] == "ICB061"]
    assert ceo == {
        "code": "ICB061",
        "outcome": "passed",
        "reason": "The chief executive's post is shared with other ICBs; the constitution "
        "records that the post-holder is employed by NHS Wealdmoor Integrated Care Board.",
    }
    for code in ("ICB027", "ICB028", "ICB029", "ICB050", "ICB060", "ICB064", "ICB096", "ICB037"):
        assert outcome(report, code) == "passed", code


# --- acting and interim post-holders -----------------------------------------------------------


def test_acting_and_interim_post_holders_change_nothing_the_constitution_must_provide(
    tmp_path: Path,
) -> None:
    path, _ = variant(
        tmp_path,
        (
            CHAIR_SHARED,
            CHAIR_SHARED
            + "      holder: {arrangement: acting, acting_from_seat: nem_deputy_chair, "
            "since: 2026-01}\n",
        ),
        (
            CEO_EMPLOYER,
            "      holder: {arrangement: interim, since: 2025, "
            "employed_by: NHS Wealdmoor Integrated Care Board}\n",
        ),
        (
            CFO_HOLDER,
            "      holder: {arrangement: acting, acting_from_seat: medical_director}\n",
        ),
    )
    exit_code, report = check_json(str(path))
    assert report["diagnostics"] == []
    assert exit_code == 0
    assert outcome(report, "ICB026") == "passed"


def test_an_acting_chair_who_is_not_the_deputy_chair_is_a_question(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path,
        (
            CHAIR_SHARED,
            CHAIR_SHARED + "      holder: {arrangement: acting, acting_from_seat: nem_audit}\n",
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "acting_from_seat: nem_audit"),
            "ICB026",
            "not-stated",
            "The chair's post is held on an acting basis by the holder of seat \"Non-Executive "
            'Member (Audit)" (nem_audit), and the deputy chair is seat "Non-Executive Member '
            "and Deputy Chair\" (nem_deputy_chair). DHSC says that while the chair's post is "
            "vacant the board may be chaired by an acting chair, normally, but not always, the "
            "deputy chair. Confirm the arrangement (once confirmed, record it with a "
            "suppression comment giving the reason); if the acting chair is the deputy chair, "
            "correct holder.acting_from_seat.",
        )
    ]
    assert exit_code == 0


def test_an_acting_chair_from_a_seat_that_does_not_exist_is_a_contradiction(
    tmp_path: Path,
) -> None:
    path, text = variant(
        tmp_path,
        (
            CHAIR_SHARED,
            CHAIR_SHARED + "      holder: {arrangement: acting, acting_from_seat: vice_chair}\n",
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "acting_from_seat: vice_chair"),
            "ICB026",
            "breach",
            "The document says the chair's post is held on an acting basis by the holder of "
            'seat "vice_chair", but the board has no seat with that id. Set '
            "holder.acting_from_seat to the id of the seat the acting post-holder holds "
            '(normally the deputy chair\'s, "nem_deputy_chair").',
        )
    ]
    # A breach of guidance is a warning: it fails a run only with --fail-on warning.
    assert exit_code == 0
    assert check_json("--fail-on", "warning", str(path))[0] == 1


def test_an_acting_chair_whose_own_seat_is_not_given_is_a_question(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path, (CHAIR_SHARED, CHAIR_SHARED + "      holder: {arrangement: acting}\n")
    )
    _, report = check_json(str(path))
    ((line, code, result, message),) = findings(report)
    assert (line, code, result) == (line_of(text, "arrangement: acting"), "ICB026", "not-stated")
    assert message.endswith(
        "Confirm the arrangement; if the acting chair is the deputy chair, set "
        "holder.acting_from_seat: nem_deputy_chair."
    )


# --- secondments and shared executives ----------------------------------------------------------


def test_a_seconded_chief_executive_is_a_question_never_a_breach(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path,
        ("      shared_with: [NHS Severnmoor Integrated Care Board]\n" + CEO_EMPLOYER, ""),
        (
            CEO_SPEC,
            CEO_SPEC
            + "      holder:\n        arrangement: interim\n        seconded_from: NHS England\n",
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "seconded_from: NHS England"),
            "ICB061",
            "not-stated",
            'The chief executive is recorded as seconded to the ICB from "NHS England". '
            "Schedule 1B paragraph 7(2) makes only an employee of the ICB eligible to be its "
            "chief executive; paragraph 19(4) counts a person seconded to the ICB as an "
            "employee for that purpose only if they are a civil servant or are employed by one "
            "of the bodies it lists. Check that the post-holder is employed by this ICB, or "
            "seconded to it under paragraph 19(4); where this ICB employs them, record it as "
            "holder.employed_by.",
        )
    ]
    assert exit_code == 0


def test_a_shared_chief_executive_without_the_recorded_check_is_a_question(
    tmp_path: Path,
) -> None:
    path, text = variant(
        tmp_path,
        (CEO_EMPLOYER, ""),
    )
    exit_code, report = check_json(str(path))
    ceo_shared = [
        n
        for n, line in enumerate(text.splitlines(), start=1)
        if "shared_with: [NHS Severnmoor Integrated Care Board]" in line
    ][1]
    ((line, code, result, message),) = findings(report)
    assert (line, code, result) == (ceo_shared, "ICB061", "not-stated")
    assert message.startswith(
        'The chief executive\'s post is shared with "NHS Severnmoor Integrated Care Board". '
        "Each ICB remains a separate body"
    )
    assert exit_code == 0


def test_a_shared_or_seconded_executive_member_is_a_question(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path,
        (
            CFO_HOLDER,
            CFO_HOLDER.replace(
                "        since: 2025-10\n",
                "        seconded_from: Wealdmoor Hospitals NHS Foundation Trust\n",
            )
            + "      shared_with: [NHS Severnmoor ICB]\n",
        ),
    )
    _, report = check_json(str(path))
    assert [(line, code, result) for line, code, result, _ in findings(report)] == [
        (line_of(text, "seconded_from: Wealdmoor Hospitals"), "ICB063", "not-stated"),
        (line_of(text, "shared_with: [NHS Severnmoor ICB]"), "ICB063", "not-stated"),
    ]


# --- clusters -----------------------------------------------------------------------------------


def test_a_shared_chair_is_still_appointed_by_nhs_england_for_this_icb(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path,
        (
            "      appointed_by: NHS England (NHSE)\n      appointment_approved_by: Secretary of "
            "State for Health and Social Care\n      removal_by",
            "      appointed_by: NHS Severnmoor Integrated Care Board\n      "
            "appointment_approved_by: Secretary of State for Health and Social Care\n      "
            "removal_by",
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "appointed_by: NHS Severnmoor Integrated Care Board"),
            "ICB050",
            "breach",
            'The constitution gives the appointment of the chair to "NHS Severnmoor Integrated '
            'Care Board". Schedule 1B paragraph 5 requires the chair to be appointed by NHS '
            "England; set appointed_by: NHS England.",
        )
    ]
    assert exit_code == 1


def test_boards_and_committees_in_common_that_do_not_decide_separately_are_breaches(
    tmp_path: Path,
) -> None:
    path, text = variant(tmp_path, (SEPARATE, "  separate_decisions: false\n"))
    exit_code, report = check_json(str(path))
    assert [(line, code, result) for line, code, result, _ in findings(report)] == [
        (line_of(text, "separate_decisions: false"), "ICB027", "breach"),
        (line_of(text, "in_common_with: [NHS Severnmoor"), "ICB028", "breach"),
    ]
    message = findings(report)[0][3]
    assert message.startswith(
        'The constitution says the boards of the cluster ("Severnmoor and Wealdmoor ICB '
        'cluster") meet together and do not each take their own decisions'
    )
    assert "joint committee set up under section 65Z5 of the 2006 Act" in message
    assert exit_code == 0  # warnings
    assert check_json("--fail-on", "warning", str(path))[0] == 1


def test_boards_meeting_together_without_separate_decisions_stated_are_not_stated(
    tmp_path: Path,
) -> None:
    path, text = variant(tmp_path, (SEPARATE, ""))
    exit_code, report = check_json(str(path))
    assert [(line, code, result) for line, code, result, _ in findings(report)] == [
        (line_of(text, "cluster:"), "ICB027", "not-stated"),  # at the cluster mapping
        (line_of(text, "in_common_with: [NHS Severnmoor"), "ICB028", "not-stated"),
    ]
    assert exit_code == 0


def test_a_post_shared_with_an_icb_outside_the_cluster_is_a_question(tmp_path: Path) -> None:
    path, text = variant(
        tmp_path,
        (
            CHAIR_SHARED,
            CHAIR_SHARED.replace(
                "[NHS Severnmoor Integrated Care Board]",
                "[NHS Severnmoor Integrated Care Board, NHS Eastmarsh ICB]",
            ),
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "NHS Eastmarsh ICB"),
            "ICB029",
            "not-stated",
            'Seat "Chair" (chair) is shared with "NHS Eastmarsh ICB", which is not among the '
            'ICBs the constitution lists in the cluster ("NHS Severnmoor Integrated Care '
            'Board"). Is "NHS Eastmarsh ICB" part of the cluster ("Severnmoor and Wealdmoor ICB '
            'cluster")? If it is, add it to cluster.icbs; if not, check the arrangement. Either '
            "way each ICB appoints to its own board under its own constitution.",
        )
    ]
    assert exit_code == 0


# --- place committees ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bound", "result"),
    [("", "not-stated"), ("    external_members_bound_by_standing_orders: false\n", "breach")],
)
def test_a_place_committee_with_members_from_outside_the_board_must_bind_them(
    tmp_path: Path, bound: str, result: str
) -> None:
    path, text = variant(tmp_path, (PLACE_BOUND, PLACE_BOUND.splitlines(keepends=True)[0] + bound))
    exit_code, report = check_json(str(path))
    at = (
        line_of(text, "name: Hartvale Place Committee")
        if not bound
        else line_of(text, "external_members_bound_by_standing_orders: false")
    )
    ((line, code, found, message),) = findings(report)
    assert (line, code, found) == (at, "ICB096", result)
    assert message.startswith(
        'The committee "Hartvale Place Committee" has members who are not board members or ICB '
        'staff ("Director of Adult Social Care" of Hartvale Borough Council, "Chief Executive" '
        'of Hartvale and Wealdmoor Community Health NHS Trust and "Clinical Director" of '
        "Hartvale GP Federation)"
    )
    assert exit_code == 0
    assert check_json("--fail-on", "warning", str(path))[0] == (1 if result == "breach" else 0)


# --- local authority partner members ------------------------------------------------------------


def test_a_councillor_is_described_only_on_the_local_authority_partner_seat(
    tmp_path: Path,
) -> None:
    path, text = variant(
        tmp_path,
        (
            "      partner_sector: primary_medical_services\n",
            "      partner_sector: primary_medical_services\n"
            "      local_authority_member: officer\n",
        ),
    )
    exit_code, report = check_json(str(path))
    assert findings(report) == [
        (
            line_of(text, "local_authority_member: officer"),
            "ICB064",
            "breach",
            'Seat "Partner Member (primary medical services)" (partner_primary_care) says '
            "whether its member is a council officer or a councillor (local_authority_member: "
            "officer), which describes the local authority partner member, but the seat is the "
            "primary medical services partner member's (partner_sector: "
            "primary_medical_services). Remove local_authority_member, or correct "
            "partner_sector.",
        )
    ]
    assert exit_code == 0
    assert check_json("--fail-on", "warning", str(path))[0] == 1


def test_a_committee_in_common_says_for_itself_whether_it_decides_only_for_this_icb(
    tmp_path: Path,
) -> None:
    in_common = "    in_common_with: [NHS Severnmoor Integrated Care Board]\n"
    path, text = variant(
        tmp_path, (in_common, in_common + "    separate_decisions: false\n"), (SEPARATE, "")
    )
    exit_code, report = check_json(str(path))
    ((line, code, result, message),) = [f for f in findings(report) if f[1] == "ICB028"]
    assert (line, code, result) == (
        line_of(text, "    separate_decisions: false"),
        "ICB028",
        "breach",
    )
    assert "the constitution says it does not decide only for this ICB" in message
    assert exit_code == 0  # a warning: the default --fail-on is error
