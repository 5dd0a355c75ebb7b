"""ICP terms of reference as real ones are written (issue 11, section 2): co-chairs, the
partnership's own name and statutory basis, membership by reference or as a number, named
substitutes, public questions and notice of papers, a least number of meetings a year, and
councils only partly within the area. Each is read by a rule; these drive `icslint check`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import EXAMPLES, check_json

KINGSBRIDGE = (
    EXAMPLES / "variants" / "kingsbridge-health-and-care-partnership-terms-of-reference.yaml"
)

HEAD = """\
kind: icp-terms-of-reference
schema_version: 1
"""


def findings(report: dict[str, Any], code: str) -> list[tuple[int, str, str]]:
    """(line, outcome, message) of each finding of `code`, in the report's order."""
    return [
        (d["line"], d["outcome"], d["message"]) for d in report["diagnostics"] if d["code"] == code
    ]


def check(write: Any, body: str, *codes: str) -> dict[str, Any]:
    path: Path = write(HEAD + body)
    _, report = check_json("--select", ",".join(codes), "--fail-on", "info", str(path))
    return report


# --- 7. the valid example ---------------------------------------------------------------------


def test_the_kingsbridge_example_is_clean() -> None:
    code, report = check_json(str(KINGSBRIDGE))
    assert report["diagnostics"] == []
    summary = report["summary"]
    assert summary["breach"] == 0
    assert summary["not-stated"] == 0
    assert summary["passed"] > 40
    assert code == 0


def test_the_kingsbridge_example_holds_each_structure() -> None:
    text = KINGSBRIDGE.read_text(encoding="utf-8")
    for held in (
        "name: Severnmoor and Kingsbridge Health and Care Partnership",
        "statutory_basis:",
        "co_chairs:",
        "held_by: the Chair of the ICB",
        "held_by: the Leader of Severnmoor County Council",
        "by_reference: all voting members of the ICB board",
        "count: unknown",
        "count: 2",
        "substitute: Deputy Leader of Severnmoor County Council",
        "public_questions: true",
        "papers_notice_days: 5",
        "min_per_year: 4",
        "partly_within: true",
        "approved_on: May 2025",
        "status: in_force",
        "appointed_by: NHS Severnmoor Integrated Care Board",
        "appointed_by: Severnmoor County Council",
    ):
        assert held in text, held
    assert "\nchair:" not in text


# --- 1. co-chairs -----------------------------------------------------------------------------

CO_CHAIRS = """\
icp:
  icb_name: NHS Severnmoor Integrated Care Board
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Severnmoor County Council
co_chairs:
  - held_by: the Chair of the ICB
    selected_by: [NHS Severnmoor Integrated Care Board, Severnmoor County Council]
    appointment_process: By agreement of the ICB and the council.
    term_years: 2
    role_description: Co-chairs the partnership.
  - held_by: the Leader of Severnmoor County Council
    selected_by: [Severnmoor County Council]
    term_years: 2
    role_description: Co-chairs the partnership.
"""


def test_co_chairs_and_no_chair_are_a_chair(write: Any) -> None:
    report = check(write, CO_CHAIRS, "ICP025", "ICP026", "ICP027")
    messages = [d["message"] for d in report["diagnostics"]]
    assert not any("say nothing about the partnership's chair" in m for m in messages)
    assert findings(report, "ICP025") == [
        (
            15,
            "breach",
            "The terms of reference say who chooses the co-chair who is the Leader of "
            "Severnmoor County Council but leave out NHS Severnmoor Integrated Care Board, an "
            "establishing party. The ICB and the local authorities are expected to choose the "
            "chair jointly; add every establishing party to selected_by for that co-chair.",
        )
    ]
    assert findings(report, "ICP026") == [
        (
            14,
            "not-stated",
            "The terms of reference do not say how the co-chair who is the Leader of "
            "Severnmoor County Council is appointed. The appointment is expected to follow a "
            "fair and transparent process, meeting the usual standards for public appointments "
            "and agreed by the ICB and the local authorities; if the terms of reference "
            "describe it, add it under appointment_process for that co-chair.",
        )
    ]
    # "the Chair of the ICB" holds one of the co-chairs: the shared-or-separate question is
    # answered.
    assert findings(report, "ICP027") == []


def test_co_chairs_that_do_not_say_who_holds_them(write: Any) -> None:
    report = check(write, "co_chairs:\n  - term_years: 2\n  - term_years: 2\n", "ICP027")
    assert findings(report, "ICP027") == [
        (
            3,
            "not-stated",
            "The terms of reference do not say whether one of the co-chairs is the chair of "
            "the ICB. Either model is a local choice; if the terms of reference say, give each "
            "co-chair held_by (for example the Chair of the ICB, or a council leader) or "
            "also_icb_chair: true or false.",
        )
    ]


def test_a_chair_held_by_a_council_leader_answers_shared_or_separate(write: Any) -> None:
    report = check(write, "chair:\n  held_by: the Leader of Kingsbridge City Council\n", "ICP027")
    assert findings(report, "ICP027") == []


# --- 2. the partnership's own name and its statutory basis ------------------------------------


def basis(text: str) -> str:
    return f"icp:\n  name: Kingsbridge Health and Care Partnership\n  statutory_basis: {text}\n"


def test_a_name_without_integrated_care_partnership_is_not_a_breach(write: Any) -> None:
    body = basis("section 116ZA of the Local Government and Public Involvement in Health Act 2007")
    report = check(write, body, "ICP")
    assert not [d for d in report["diagnostics"] if d["line"] == 4]
    assert findings(report, "ICP020") == []


def test_a_basis_citing_section_116za_or_the_act_that_inserted_it_passes(write: Any) -> None:
    for text in (
        "s.116ZA LGPIHA 2007",
        "section 26 of the Health and Care Act 2022",
        "the Local Government and Public Involvement in Health Act 2007",
    ):
        assert findings(check(write, basis(f'"{text}"'), "ICP020"), "ICP020") == [], text


def test_a_basis_citing_another_provision_is_a_warning(write: Any) -> None:
    for text in ("section 75 of the NHS Act 2006", "the Health and Social Care Act 2012"):
        report = check(write, basis(text), "ICP020")
        assert findings(report, "ICP020") == [
            (
                5,
                "breach",
                f'The terms of reference give the partnership\'s statutory basis as "{text}". An '
                "integrated care partnership is the joint committee the ICB and the responsible "
                "local authorities establish under section 116ZA of the Local Government and "
                "Public Involvement in Health Act 2007 (inserted by section 26 of the Health and "
                "Care Act 2022); cite that section as its basis.",
            )
        ]
        assert [d["severity"] for d in report["diagnostics"]] == ["warning"]


def test_no_statutory_basis_is_not_stated(write: Any) -> None:
    report = check(write, "icp:\n  name: Kingsbridge Health and Care Partnership\n", "ICP020")
    assert [(line, outcome) for line, outcome, _ in findings(report, "ICP020")] == [
        (3, "not-stated")
    ]


# --- 3. membership by reference or as a number ------------------------------------------------

PARTIES = """\
icp:
  icb_name: NHS Severnmoor Integrated Care Board
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Severnmoor County Council
members:
"""


def test_an_icb_entry_by_reference_with_no_number_is_not_stated(write: Any) -> None:
    body = PARTIES + (
        "  - seat_title: Voting members of the ICB board\n"
        "    by_reference: all voting members of the ICB board\n"
        "    appointed_by: NHS Severnmoor ICB\n"
        "    statutory_limb: a\n"
        "  - {seat_title: Leader, appointed_by: Severnmoor County Council, statutory_limb: b}\n"
    )
    report = check(write, body, "ICP004", "ICP005")
    assert findings(report, "ICP004") == [
        (
            10,
            "not-stated",
            'Member "Voting members of the ICB board" is appointed by the ICB and stands for the '
            'members given by reference as "all voting members of the ICB board", and the terms '
            "of reference do not say how many members that is. Section 116ZA(2)(a) gives the ICB "
            "one appointee. If the entry is one member, set count: 1; if it is more, list the "
            "ICB's appointee on their own and make the others the partnership's appointees "
            "(appointed_by: icp, statutory_limb: c).",
        )
    ]
    # At least one member: the ICB has its appointee, so nothing says it has none.
    assert findings(report, "ICP005") == []


def test_an_icb_entry_of_at_least_two_is_a_breach(write: Any) -> None:
    body = PARTIES + (
        "  - {seat_title: ICB executives, count: at least 2, appointed_by: icb, "
        "statutory_limb: a}\n"
    )
    report = check(write, body, "ICP004")
    assert findings(report, "ICP004") == [
        (
            9,
            "breach",
            'Member "ICB executives" stands for at least 2 members, all appointed by the '
            "ICB. Section 116ZA(2)(a) gives the ICB one appointee; list that member on their "
            "own, and make the others the partnership's appointees (appointed_by: icp, "
            "statutory_limb: c), on the ICB's nomination if it wishes.",
        )
    ]


def test_a_council_entry_by_reference_is_not_stated_and_count_two_is_a_breach(
    write: Any,
) -> None:
    body = PARTIES.replace(
        "  - Severnmoor County Council\n",
        "  - Severnmoor County Council\n  - Kingsbridge City Council\n",
    ) + (
        "  - {seat_title: ICB Chair, appointed_by: icb, statutory_limb: a}\n"
        "  - seat_title: Cabinet members\n"
        "    by_reference: the members of the council's cabinet for health and care\n"
        "    count: unknown\n"
        "    appointed_by: Severnmoor County Council\n"
        "    statutory_limb: b\n"
        "  - {seat_title: Elected members, count: 2, appointed_by: Kingsbridge City Council, "
        "statutory_limb: b}\n"
    )
    report = check(write, body, "ICP005")
    assert findings(report, "ICP005") == [
        (
            13,
            "not-stated",
            'Member "Cabinet members" is appointed by Severnmoor County Council and stands for '
            "the members given by reference as \"the members of the council's cabinet for "
            'health and care", and the terms of reference do not say how many members that is. '
            "Section 116ZA(2)(b) gives each responsible local authority one appointee. If the "
            "entry is one member, set count: 1; if it is more, list the council's appointee on "
            "their own and make the others the partnership's appointees (appointed_by: icp, "
            "statutory_limb: c).",
        ),
        (
            16,
            "breach",
            'Member "Elected members" stands for 2 members, all appointed by Kingsbridge City '
            "Council. Section 116ZA(2)(b) gives each responsible local authority one appointee; "
            "list that member on their own, and make the others the partnership's appointees "
            "(appointed_by: icp, statutory_limb: c).",
        ),
    ]


QUORUM = """\
members:
  - {seat_title: ICB Chair, appointed_by: icb, statutory_limb: a}
  - {seat_title: Leader, appointed_by: "la:Severnmoor County Council", statutory_limb: b}
  - seat_title: Voting members of the ICB board
    by_reference: all voting members of the ICB board
    appointed_by: icp
    statutory_limb: c
  - {seat_title: Provider chief executives, count: 2, appointed_by: icp, statutory_limb: c}
procedure:
  quorum:
    min_members: QUORUM
"""


def test_the_quorum_counts_each_entry_and_prints_no_number_it_cannot_know(write: Any) -> None:
    # One, one, at least one and two: at least five.
    assert findings(check(write, QUORUM.replace("QUORUM", "5"), "ICP007"), "ICP007") == []
    report = check(write, QUORUM.replace("QUORUM", "6"), "ICP007")
    assert findings(report, "ICP007") == [
        (
            13,
            "not-stated",
            "The quorum is 6 members, and the voting members the terms of reference list may be "
            'fewer: member "Voting members of the ICB board" stands for the members given by '
            'reference as "all voting members of the ICB board", and the terms of reference do '
            "not say how many members that is, so it cannot be shown whether a meeting can be "
            "quorate. Give each entry's count, or list each member separately.",
        )
    ]
    assert "5" not in report["diagnostics"][0]["message"]


def test_a_quorum_larger_than_the_counted_membership_is_a_breach(write: Any) -> None:
    body = QUORUM.replace("QUORUM", "6").replace(
        "    by_reference: all voting members of the ICB board\n", "    count: 1\n"
    )
    report = check(write, body, "ICP007")
    assert findings(report, "ICP007") == [
        (
            13,
            "breach",
            "The quorum is 6 members but the terms of reference list only 5 voting members, so "
            "no meeting could be quorate. Lower the quorum, or list the members who make it up.",
        )
    ]


def test_a_membership_over_the_size_limit_only_in_part_prints_no_total(write: Any) -> None:
    body = (
        "members:\n"
        "  - {seat_title: Elected members, count: at least 30, appointed_by: icp}\n"
        "  - {seat_title: Provider chief executives, count: 2, appointed_by: icp}\n"
    )
    report = check(write, body, "ICP038")
    assert [message for _, _, message in findings(report, "ICP038")] == [
        "The terms of reference list more members than the limit of 30 set for this check. "
        "Membership is expected to be broad but kept to a productive level; stakeholders need "
        "not all be members and can contribute through sub-committees, networks or workshops. "
        "Check that each seat is needed, or raise the limit (option max_members)."
    ]


def test_the_partnership_named_in_words_appoints_its_own_members(write: Any) -> None:
    body = (
        "icp:\n"
        "  name: Kingsbridge Health and Care Partnership\n"
        "  icb_name: NHS Kingsbridge Integrated Care Board\n"
        "establishing_parties: [NHS Kingsbridge Integrated Care Board, Kingsbridge City Council]\n"
        "members:\n"
        "  - {seat_title: ICB Chair, appointed_by: NHS Kingsbridge ICB, statutory_limb: a}\n"
        "  - {seat_title: Leader, appointed_by: Kingsbridge City Council, statutory_limb: b}\n"
        "  - seat_title: Director of Public Health\n"
        "    appointed_by: Kingsbridge Health and Care Partnership\n"
        "    statutory_limb: c\n"
    )
    report = check(write, body, "ICP003", "ICP004", "ICP005", "ICP006", "ICP053", "ICL")
    assert report["diagnostics"] == []


# --- 4. named substitutes ---------------------------------------------------------------------

SUBSTITUTE = """\
icp:
  icb_name: NHS Severnmoor Integrated Care Board
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Severnmoor County Council
members:
  - {seat_title: ICB Chair, appointed_by: icb, statutory_limb: a}
  - seat_title: Leader
    organisation: Severnmoor County Council
    appointed_by: Severnmoor County Council
    statutory_limb: b
    substitute: SUBSTITUTE
  - seat_title: Deputy Leader
    organisation: Severnmoor County Council
    appointed_by: Severnmoor County Council
    statutory_limb: b
procedure:
  quorum:
    min_members: 3
"""


def test_a_council_members_substitute_counts_for_the_councils_one_seat(write: Any) -> None:
    body = SUBSTITUTE.replace("SUBSTITUTE", "Deputy Leader of Severnmoor County Council")
    report = check(write, body, "ICP005", "ICP007")
    assert findings(report, "ICP005") == []
    # The substitute stands in the Leader's place and adds no member: two voting members.
    assert findings(report, "ICP007") == [
        (
            21,
            "breach",
            "The quorum is 3 members but the terms of reference list only 2 voting members, so "
            "no meeting could be quorate. Lower the quorum, or list the members who make it up.",
        )
    ]


def test_a_second_council_member_who_is_no_ones_substitute_is_a_breach(write: Any) -> None:
    body = SUBSTITUTE.replace("SUBSTITUTE", "Cabinet Member for Health")
    report = check(write, body, "ICP005", "ICP007")
    assert [(line, outcome) for line, outcome, _ in findings(report, "ICP005")] == [(15, "breach")]
    assert findings(report, "ICP007") == []


# --- 5. public questions, notice of papers, meetings a year -----------------------------------


def test_public_questions_and_notice_of_papers_say_meetings_and_papers_are_public(
    write: Any,
) -> None:
    body = (
        "meetings:\n"
        "  min_per_year: 4\n"
        "  public_questions: true\n"
        "  papers_notice_days: 5\n"
        "  exclusion_grounds: Confidential business.\n"
        "  minutes_published: true\n"
    )
    report = check(write, body, "ICP045", "ICP041")
    assert report["diagnostics"] == []


def test_a_frequency_and_a_least_number_of_meetings_that_disagree(write: Any) -> None:
    body = "meetings:\n  frequency: Quarterly\n  min_per_year: 6\n"
    report = check(write, body, "ICP041")
    assert findings(report, "ICP041") == [
        (
            5,
            "breach",
            'The terms of reference say the partnership meets "Quarterly" (meetings.frequency) '
            "but commit it to at least 6 meetings a year (meetings.min_per_year), more than that "
            "frequency gives. Make them agree, for example by correcting meetings.min_per_year "
            "or the frequency in words.",
        )
    ]
    # A minimum below the usual frequency is consistent with it.
    lower = check(write, "meetings:\n  frequency: Quarterly\n  min_per_year: 2\n", "ICP041")
    assert findings(lower, "ICP041") == []


def test_frequencies_that_agree_or_cannot_be_compared_pass(write: Any) -> None:
    for frequency, least in (
        ("Quarterly", 4),
        ("At least quarterly", 6),
        ("Six times a year", 6),
        ("Bi-monthly", 6),
        ("Monthly except August", 11),
    ):
        body = f"meetings:\n  frequency: {frequency}\n  min_per_year: {least}\n"
        assert findings(check(write, body, "ICP041"), "ICP041") == [], frequency


def test_how_often_the_partnership_meets_not_stated(write: Any) -> None:
    report = check(write, "meetings:\n  in_public: true\n", "ICP041")
    assert [(line, outcome) for line, outcome, _ in findings(report, "ICP041")] == [
        (3, "not-stated")
    ]


# --- 6. councils only partly within the area --------------------------------------------------

PARTLY = """\
icp:
  icb_name: NHS Severnmoor Integrated Care Board
local_authorities:
  - {name: Severnmoor County Council, type: county}
  - {name: Wyvern Vale Council, TYPE partly_within: true}
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Severnmoor County Council
members:
  - {seat_title: ICB Chair, appointed_by: icb, statutory_limb: a}
  - {seat_title: Leader, appointed_by: Severnmoor County Council, statutory_limb: b}
"""


def test_a_council_partly_within_the_area_must_still_be_a_party(write: Any) -> None:
    report = check(write, PARTLY.replace("TYPE", "type: unitary,"), "ICP001")
    assert findings(report, "ICP001") == [
        (
            7,
            "breach",
            "Wyvern Vale Council is a responsible local authority part of whose area lies within "
            "the partnership's area, but it is not among the establishing parties the terms of "
            "reference list. Section 116ZA(1) requires every responsible local authority whose "
            "area coincides with or falls wholly or partly within the ICB's area to join in "
            "establishing the partnership; add it to establishing_parties.",
        )
    ]


def test_a_council_partly_within_the_area_of_unknown_type(write: Any) -> None:
    report = check(write, PARTLY.replace("TYPE ", ""), "ICP001")
    [(line, outcome, message)] = findings(report, "ICP001")
    assert (line, outcome) == (7, "not-stated")
    assert message.startswith(
        "Wyvern Vale Council has part of its area within the partnership's area but is not "
        "among the establishing parties"
    )
    assert "is in the partnership's area" not in message


def test_a_council_partly_within_the_area_appoints_a_member_like_any_other(write: Any) -> None:
    body = PARTLY.replace("TYPE", "type: unitary,").replace(
        "  - Severnmoor County Council\nmembers:",
        "  - Severnmoor County Council\n  - Wyvern Vale Council\nmembers:",
    )
    report = check(write, body, "ICP001", "ICP005")
    assert findings(report, "ICP001") == []
    assert findings(report, "ICP005") == [
        (
            11,
            "breach",
            "None of the members the terms of reference list is appointed by Wyvern Vale "
            "Council: each is shown as appointed by the ICB, the partnership or another "
            "council. Section 116ZA(2)(b) requires one member appointed by each responsible "
            "local authority; add one with appointed_by: la:Wyvern Vale Council and "
            "statutory_limb: b.",
        )
    ]
