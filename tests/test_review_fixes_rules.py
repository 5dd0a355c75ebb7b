"""The reviewer's findings on the rules, each checked through `icslint check --format json`."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import EXAMPLES, check_json

SEVERNMOOR = (EXAMPLES / "valid" / "severnmoor-icb-constitution.yaml").read_text(encoding="utf-8")
WEALDMOOR = (EXAMPLES / "valid" / "wealdmoor-icb-constitution.yaml").read_text(encoding="utf-8")


def _variant(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def _line(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def _findings(write: Any, text: str, code: str) -> list[tuple[int, str, str]]:
    _, report = check_json("--select", code, "--fail-on", "info", str(write(text)))
    diagnostics = report["diagnostics"]
    assert isinstance(diagnostics, list)
    return [(d["line"], d["outcome"], d["message"]) for d in diagnostics if d["code"] == code]


def _result(write: Any, text: str, code: str) -> dict[str, Any]:
    _, report = check_json("--select", code, "--fail-on", "info", str(write(text)))
    files = report["files"]
    assert isinstance(files, list)
    return next(r for r in files[0]["rules"] if r["code"] == code)


# --- 1. ICB067: the chair's approval, however the chair is written ---------------------------

FINANCE_APPROVER = "      executive_role: finance\n      appointed_by: Chief Executive\n"


@pytest.mark.parametrize(
    "approver",
    [
        "Chairman",
        "Chairperson",
        "Chairwoman",
        "the Chair, after consulting the Deputy Chair",
        "Chair, acting on the advice of an appointment panel",
        "Chair, on the recommendation of the Nominations Committee",
        "The Chair (or in their absence the Deputy Chair)",
    ],
)
def test_icb067_accepts_the_chair_in_every_spelling(write: Any, approver: str) -> None:
    text = _variant(
        SEVERNMOOR,
        FINANCE_APPROVER + "      appointment_approved_by: Chair\n",
        FINANCE_APPROVER + f'      appointment_approved_by: "{approver}"\n',
    )
    assert _findings(write, text, "ICB067") == []


def test_icb067_still_refuses_another_approver(write: Any) -> None:
    text = _variant(
        SEVERNMOOR,
        FINANCE_APPROVER + "      appointment_approved_by: Chair\n",
        FINANCE_APPROVER + "      appointment_approved_by: Deputy Chair\n",
    )
    assert _findings(write, text, "ICB067") == [
        (
            _line(text, "appointment_approved_by: Deputy Chair"),
            "breach",
            'The constitution gives the approval of the appointment to ordinary seat "Chief '
            'Finance Officer" (director_of_finance) to "Deputy Chair", not to the ICB chair; the '
            "appointment of every ordinary member is subject to the chair's approval. Set "
            "appointment_approved_by: Chair.",
        )
    ]


# --- 2. ICB097: the board, however it is written ----------------------------------------------


@pytest.mark.parametrize(
    "approver",
    [
        "the ICB Board",
        "Board of NHS Severnmoor ICB",
        "NHS Severnmoor ICB Board",
        "The Board, by a two-thirds majority",
        "the ICB",
        "NHS Severnmoor Integrated Care Board",
    ],
)
def test_icb097_accepts_the_board_in_every_spelling(write: Any, approver: str) -> None:
    text = _variant(
        SEVERNMOOR, "    tor_change_approver: Board\n", f'    tor_change_approver: "{approver}"\n'
    )
    assert _findings(write, text, "ICB097") == []


def test_icb097_still_refuses_a_committee_changing_its_own_terms(write: Any) -> None:
    text = _variant(
        SEVERNMOOR, "    tor_change_approver: Board\n", "    tor_change_approver: The Committee\n"
    )
    assert _findings(write, text, "ICB097") == [
        (
            _line(text, "tor_change_approver: The Committee"),
            "breach",
            'The audit committee "Audit and Risk Committee" has terms of reference that may be '
            'changed by "The Committee". They should be changed only with the approval of the '
            "board; set tor_change_approver: Board.",
        )
    ]


# --- 3. ICB094: a seat of several members chairing both committees -----------------------------

COMMITTEES = """kind: icb-constitution
schema_version: 1
board:
  seats:
    - {{id: chair, title: Chair, role: chair, category: non_executive}}
    - id: nem_people
      title: Non-Executive Members
      role: ordinary
      category: non_executive{count}
committees:
  - name: Audit and Risk Committee
    kind: audit
    chair_seat: nem_people
  - name: Remuneration Committee
    kind: remuneration
    chair_seat: nem_people
"""


@pytest.mark.parametrize(
    ("count", "holds"),
    [
        ("\n      count: at least 2", "which holds at least 2 members"),
        ("\n      count: 3", "which holds 3 members"),
        ("\n      count: unknown", "whose number of members the constitution does not give"),
    ],
)
def test_icb094_a_seat_of_several_members_is_not_stated(write: Any, count: str, holds: str) -> None:
    text = COMMITTEES.format(count=count)
    assert _findings(write, text, "ICB094") == [
        (
            len(text.splitlines()),
            "not-stated",
            'The remuneration committee "Remuneration Committee" and the audit committee "Audit '
            'and Risk Committee" are both chaired from seat "Non-Executive Members" (nem_people), '
            f"{holds}, so it cannot be shown whether the same member chairs both. NHS England's "
            "model has the remuneration committee chaired by a non-executive member other than "
            "the chair and the audit committee chair. If the constitution says which member "
            "chairs each committee, give that member a seat of their own and name it in "
            "chair_seat.",
        )
    ]


@pytest.mark.parametrize("count", ["", "\n      count: 1"])
def test_icb094_a_seat_of_one_member_chairing_both_is_a_breach(write: Any, count: str) -> None:
    text = COMMITTEES.format(count=count)
    assert _findings(write, text, "ICB094") == [
        (
            len(text.splitlines()),
            "breach",
            'The remuneration committee "Remuneration Committee" is chaired by "nem_people", who '
            "also chairs the audit committee. NHS England's model has it chaired by a "
            "non-executive member other than the chair and the audit committee chair; choose "
            "another non-executive member.",
        )
    ]


# --- 4. ICB026: the acting chair's seat given by its title ---------------------------------------

ACTING = """kind: icb-constitution
schema_version: 1
board:
  seats:
    - id: chair
      title: Chair
      role: chair
      category: non_executive
      holder: {{arrangement: acting, acting_from_seat: "{seat}"}}
    - id: nem_deputy_chair
      title: Non-Executive Member and Deputy Chair
      role: ordinary
      category: non_executive
      is_deputy_chair: true
"""


@pytest.mark.parametrize(
    "seat", ["Deputy Chair", "Non-Executive Member and Deputy Chair", "the Vice Chair"]
)
def test_icb026_accepts_the_deputy_chairs_seat_by_title(write: Any, seat: str) -> None:
    assert _findings(write, ACTING.format(seat=seat), "ICB026") == []


def test_icb026_a_title_no_seat_has_is_still_refused(write: Any) -> None:
    assert _findings(write, ACTING.format(seat="Finance Lead"), "ICB026") == [
        (
            9,
            "breach",
            "The document says the chair's post is held on an acting basis by the holder of seat "
            '"Finance Lead", but the board has no seat with that id or title. Set '
            "holder.acting_from_seat to the id of the seat the acting post-holder holds "
            '(normally the deputy chair\'s, "nem_deputy_chair").',
        )
    ]


# --- 5. ICB008: an agreed departure of any kind without date or reference ----------------------

AGREEMENT = """kind: icb-constitution
schema_version: 1
meta:
  version: "3.0"
  status: in_force
  nhse_agreements:
    - departure: medical_director_not_on_board
{more}"""


def test_icb008_a_named_departure_with_neither_date_nor_reference_is_not_stated(
    write: Any,
) -> None:
    assert _findings(write, AGREEMENT.format(more=""), "ICB008") == [
        (
            7,
            "not-stated",
            "The constitution records that NHS England agreed a departure from its model (the "
            "medical director is not a member of the board), but does not say when NHS England "
            "agreed it (agreed_on) or which of NHS England's letters or decisions records it "
            "(reference). Text the model requires is kept unless NHS England agrees otherwise; "
            "record the agreement in full so that it can be checked.",
        )
    ]


@pytest.mark.parametrize(
    "more", ["      agreed_on: 2025-11\n", "      reference: Letter of 20 November 2025\n"]
)
def test_icb008_a_named_departure_with_a_date_or_a_reference_passes(write: Any, more: str) -> None:
    assert _findings(write, AGREEMENT.format(more=more), "ICB008") == []


# --- 6. ICB061 and ICB063: a post-holder employed by another body ------------------------------


def test_icb061_acknowledges_another_employer(write: Any) -> None:
    text = _variant(
        WEALDMOOR,
        "employed_by: NHS Wealdmoor Integrated Care Board",
        "employed_by: NHS Severnmoor Integrated Care Board",
    )
    assert _findings(write, text, "ICB061") == [
        (
            _line(text, "employed_by: NHS Severnmoor Integrated Care Board"),
            "not-stated",
            'The constitution records that the chief executive is employed by "NHS Severnmoor '
            'Integrated Care Board", not by this ICB. Schedule 1B paragraph 7(2) makes only an '
            "employee of the ICB eligible to be its chief executive; paragraph 19(4) counts a "
            "person seconded to the ICB as an employee for that purpose only if they are a civil "
            "servant or are employed by one of the bodies it lists. Check that the post-holder is "
            "seconded to this ICB under paragraph 19(4); if this ICB employs them, correct "
            "holder.employed_by.",
        )
    ]


def test_icb061_this_icb_as_employer_still_passes(write: Any) -> None:
    assert _findings(write, WEALDMOOR, "ICB061") == []


def test_icb063_acknowledges_another_employer(write: Any) -> None:
    text = """kind: icb-constitution
schema_version: 1
icb:
  name: NHS Wealdmoor Integrated Care Board
partner_trusts: [Wealdmoor Hospitals NHS Foundation Trust]
board:
  seats:
    - id: director_of_nursing
      title: Chief Nursing Officer
      role: ordinary
      category: executive
      must_be_employee: true
      holder: {employed_by: Wealdmoor Hospitals NHS Foundation Trust}
"""
    assert _findings(write, text, "ICB063") == [
        (
            13,
            "not-stated",
            'The constitution requires seat "Chief Nursing Officer" (director_of_nursing) to be '
            "held by an employee of the ICB, and records that its post-holder is employed by "
            '"Wealdmoor Hospitals NHS Foundation Trust", not by this ICB. Check that the '
            "post-holder is seconded to this ICB and that the constitution counts a secondee as "
            "an employee for this seat; once checked, record it with a suppression comment "
            "giving the reason, or, if this ICB employs them, correct holder.employed_by.",
        )
    ]


# --- 7. The July 2024 guidance: versions that took effect before August 2024 -------------------


@pytest.mark.parametrize(
    ("code", "topic"),
    [
        ("ICB052", "the deputy chair"),
        ("ICB055", "the senior non-executive member"),
        ("ICB058", "quorum rules without the chair"),
    ],
)
def test_the_july_2024_rules_say_plainly_why_an_earlier_version_is_outside_them(
    write: Any, code: str, topic: str
) -> None:
    text = _variant(SEVERNMOOR, "  effective_from: 2025-04-01", "  effective_from: 2024-07-31")
    result = _result(write, text, code)
    assert result["outcome"] == "not-applicable"
    assert result["reason"] == (
        f"NHS England's guidance of July 2024 on {topic} applies to versions that take effect "
        "from August 2024; this version took effect on 31 July 2024."
    )


# --- 8. ICP025: one establishing party or several ----------------------------------------------

ICP_CHAIR = """kind: icp-terms-of-reference
schema_version: 1
icp:
  icb_name: NHS Severnmoor Integrated Care Board
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Tamarbrook County Council
{more}chair:
  held_by: the Chair of the ICB
  selected_by: [NHS Severnmoor Integrated Care Board]
  term_years: 2
  role_description: Chairs the partnership's meetings.
"""


def test_icp025_several_parties_left_out_are_establishing_parties(write: Any) -> None:
    text = ICP_CHAIR.format(more="  - Portwell City Council\n  - Westmere Council\n")
    assert _findings(write, text, "ICP025") == [
        (
            12,
            "breach",
            "The terms of reference say who chooses the chair but leave out Tamarbrook County "
            "Council, Portwell City Council and Westmere Council, establishing parties. The ICB "
            "and the local authorities are expected to choose the chair jointly; add every "
            "establishing party to chair.selected_by.",
        )
    ]


def test_icp025_one_party_left_out_is_an_establishing_party(write: Any) -> None:
    assert _findings(write, ICP_CHAIR.format(more=""), "ICP025") == [
        (
            10,
            "breach",
            "The terms of reference say who chooses the chair but leave out Tamarbrook County "
            "Council, an establishing party. The ICB and the local authorities are expected to "
            "choose the chair jointly; add every establishing party to chair.selected_by.",
        )
    ]


# --- 9. ICP041: a least number of meetings is a floor ------------------------------------------

MEETINGS = """kind: icp-terms-of-reference
schema_version: 1
meetings:
  frequency: {frequency}
  min_per_year: {least}
"""


@pytest.mark.parametrize(
    ("frequency", "least"),
    [("Quarterly", 2), ("Quarterly", 4), ("Monthly", 6), ("At least quarterly", 6)],
)
def test_icp041_a_floor_the_frequency_meets_agrees(write: Any, frequency: str, least: int) -> None:
    text = MEETINGS.format(frequency=frequency, least=least)
    assert _findings(write, text, "ICP041") == []


def test_icp041_more_meetings_than_the_frequency_gives_is_a_breach(write: Any) -> None:
    text = MEETINGS.format(frequency="Quarterly", least=6)
    assert _findings(write, text, "ICP041") == [
        (
            5,
            "breach",
            'The terms of reference say the partnership meets "Quarterly" (meetings.frequency) '
            "but commit it to at least 6 meetings a year (meetings.min_per_year), more than that "
            "frequency gives. Make them agree, for example by correcting meetings.min_per_year "
            "or the frequency in words.",
        )
    ]


# --- 10. ICP005: a council recorded as not responsible is left to ICP003 and ICP053 -------------

DISTRICT = """kind: icp-terms-of-reference
schema_version: 1
icp:
  icb_name: NHS Severnmoor Integrated Care Board
local_authorities:
  - {name: Severnmoor County Council, type: county}
  - {name: Ashby Vale District Council, type: shire_district}
establishing_parties:
  - NHS Severnmoor Integrated Care Board
  - Severnmoor County Council
members:
  - {seat_title: ICB Chair, appointed_by: icb, statutory_limb: a}
  - {seat_title: Leader, appointed_by: Severnmoor County Council, statutory_limb: b}
  - {seat_title: District Leader, appointed_by: "la:Ashby Vale District Council", statutory_limb: b}
"""


def test_icp005_leaves_a_district_council_to_icp003(write: Any) -> None:
    assert _findings(write, DISTRICT, "ICP005") == []
    assert [(line, outcome) for line, outcome, _ in _findings(write, DISTRICT, "ICP003")] == [
        (14, "breach")
    ]


def test_icp005_still_reports_a_council_that_is_not_an_establishing_party(write: Any) -> None:
    text = DISTRICT.replace("  - {name: Ashby Vale District Council, type: shire_district}\n", "")
    assert _findings(write, text, "ICP005") == [
        (
            13,
            "breach",
            'Member "District Leader" is appointed by Ashby Vale District Council, which is not '
            "one of the establishing local authorities the terms of reference list. Under "
            "section 116ZA(2)(b) only the responsible local authorities appoint members; check "
            "the council's name, or add it to establishing_parties if it is one.",
        )
    ]
