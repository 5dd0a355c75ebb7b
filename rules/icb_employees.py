"""The terms and conditions of employees, and the remuneration committee (ICB145 to ICB147).

Every rule here is `conduct`. Schedule 1B paragraph 18 gives the ICB the power to employ staff
and set their pay; the paragraph that may require the constitution to set out how it does so
could not be read, and the remuneration committee's membership is for the board to decide. A
constitution that is silent is "not stated"; one that puts an employee on the remuneration
committee is in breach.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_MODEL,
    NHS_ACT_2006,
    has_heading,
    model_clause,
    normalise,
    seat_name,
    seats,
    secondary,
    unless_true,
)

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

HWE_CONTENTS = "https://hertsandwestessex.ics.nhs.uk/about/icb/our-constitution/constitution"
# Schedule 1B Part 2: paragraphs 17, 18 and 19(1) to (4)(b), in the revised text.
SCH_1B_PART_2 = (
    "https://legislation.gov.uk/ukpga/2006/41/schedule/1B/part/2/data.xht?view=snippet&wrap=true"
)
LSC_PANEL_TOR = (
    "https://lsc-icb.franktesting.co.uk/about-us/sub-committees/"
    "remuneration-committee-and-panel/remuneration-panel-terms-reference"
)


# --- helpers ------------------------------------------------------------------------------------


def _is_employee(seat: Seat) -> bool:
    """Whether the seat is held by an ICB employee: an executive, or a seat that must be one."""
    return seat.category == "executive" or seat.must_be_employee is True


# --- ICB145-ICB147 ------------------------------------------------------------------------------


@rule(
    code="ICB145",
    slug="employee-terms-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 18 (the ICB's power over its employees' terms; the "
            "paragraph requiring the constitution to set out the arrangements is not verified)",
            SCH_1B_PART_2,
        ),
        model_clause("8.1.1 to 8.1.5"),
        secondary(HWE_MODEL, "contents, section 8", HWE_CONTENTS),
    ],
)
def employee_terms_arrangements(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should say how employees' pay and terms are decided, and by whom.

    Requirement: The ICB may employ staff and decide their pay, allowances, pensions and other
    terms. NHS England's model says how those terms are decided in section 8, "Arrangements
    for determining the terms and conditions of employees", and gives the task to the
    remuneration committee. The rule looks for a section with such a heading (or
    `employees.terms_section`) and for `employees.determined_by`, which should name one of
    the committees listed under `committees`.
    Provision: Schedule 1B paragraph 18 gives the ICB the power to appoint employees and to
    decide their pay, allowances and other terms: a power of the ICB, not a requirement on
    the constitution. The paragraph of Part 1 that may require the
    constitution to set out the arrangements could not be read, so this is a conduct rule: a
    constitution that is silent is "not stated"; one that has a remuneration committee but
    gives the decisions to a body it does not set up is reported at warning level.
    Why: Pay decisions spend public money and affect the people who run the ICB; the
    constitution should make clear which body takes them.
    Fix: If the constitution has the section, list it under `sections` (for example
    `{number: "8", heading: Arrangements for determining the terms and conditions of
    employees}`), and set `employees.determined_by` to the committee that decides, as it
    appears in `committees`.
    Source: The requirement is not verified: the paragraph of Schedule 1B that would require
    the constitution to set out the arrangements was not available. The ICB's power is read
    in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 18(1) to (4)). From
    the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS England's
    model (section 8, clauses 8.1.1 to 8.1.7: the remuneration committee exercises the
    remuneration functions of paragraphs 18 to 20 of Schedule 1B); NHS England's own model
    text was not available. Shipped as a warning, marked unverified.
    """
    employees = doc.employees
    decider = employees.determined_by if employees is not None else None
    loc = ("employees", "determined_by")
    if decider is None:
        has_section = has_heading(doc, ("terms and conditions",), ("employee",)) or bool(
            employees is not None and employees.terms_section
        )
        yield Missing(
            loc,
            "Unverified requirement: the constitution does not say which committee decides "
            "the pay and terms of the ICB's employees"
            + ("" if has_section else ", or where the arrangements are set out")
            + ". NHS England's model gives the decisions to the remuneration committee "
            "(section 8); if the constitution names the committee, set "
            "employees.determined_by to it.",
        )
        return
    names = {normalise(committee.name) for committee in doc.committees}
    if normalise(decider) in names:
        return
    if any(committee.kind == "remuneration" for committee in doc.committees):
        # The committees listed include the remuneration committee, so a decider outside
        # them is a body the constitution does not set up for the purpose.
        yield Contradiction(
            loc,
            f"Unverified requirement: the constitution says employees' pay and terms are "
            f'decided by "{decider}", which is not one of the committees it sets up, although '
            "it has a remuneration committee. Give the decisions to a committee listed under "
            "committees (the remuneration committee in NHS England's model), or add the "
            "committee there.",
        )
    else:
        yield Unknown(
            loc,
            f"Unverified requirement: the constitution says employees' pay and terms are "
            f'decided by "{decider}", which is not among the committees listed, so it cannot '
            "be shown that a committee of the ICB decides them. If it is a committee, add it "
            "under committees.",
        )


@rule(
    code="ICB146",
    slug="no-one-decides-own-pay",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(
            "NHS Lancashire and South Cumbria ICB, remuneration panel terms of reference",
            "paragraph 3.1",
            LSC_PANEL_TOR,
        ),
        model_clause("8.1.5"),
    ],
)
def no_one_decides_own_pay(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """No one should take part in discussing or deciding their own pay.

    Requirement: The pay arrangements should make sure that no one is present for, or takes
    part in, the discussion of or decision on their own remuneration.
    Provision: Good practice of one ICB (its remuneration panel's terms of reference), not a
    provision that requires the constitution to say it, so a conduct rule: a constitution
    that is silent is "not stated"; one recorded as letting members take part in deciding
    their own pay is reported at warning level.
    Why: The remuneration committee sets the pay of board members, some of whom sit on it;
    without the exclusion, members would decide their own pay.
    Fix: If the constitution or the remuneration committee's terms of reference provide for
    the exclusion, set `employees.self_interest_exclusion: true`; otherwise add it.
    Source: From Lancashire and South Cumbria ICB's remuneration panel terms of reference
    (paragraph 3.1: a separate panel sets non-executive pay, citing Schedule 1B paragraphs 18
    to 20), one ICB's practice; and the constitution of NHS Hertfordshire and West Essex ICB,
    which follows NHS England's model (clause 8.1.5: the remuneration committee sets board
    members' remuneration). The rule can only check that the clause is recorded.
    """
    employees = doc.employees
    yield from unless_true(
        employees.self_interest_exclusion if employees is not None else None,
        ("employees", "self_interest_exclusion"),
        "The constitution does not say that no one takes part in discussing or deciding their "
        "own pay; ICBs make sure of it, for example in the remuneration committee's terms of "
        "reference. If it does, set employees.self_interest_exclusion: true.",
        contradicted="The constitution is recorded as not excluding people from discussing or "
        "deciding their own pay (self_interest_exclusion: false). Add the exclusion (for "
        "example in the remuneration committee's terms of reference) and set "
        "employees.self_interest_exclusion: true.",
    )


@rule(
    code="ICB147",
    slug="no-employees-on-remuneration-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("8.1.3")],
)
def no_employees_on_remuneration_committee(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """No ICB employee may be a member of the remuneration committee.

    Requirement: The board decides the remuneration committee's membership, but no employee
    of the ICB may be a member. The committee must still have suitable advice, for example
    from the executive responsible for workforce attending as a participant. The rule checks
    each committee with `kind: remuneration`: `employee_members` must not be true, and none
    of its `member_seats` may be an executive seat or a seat with `must_be_employee: true`.
    A member seat that is not among the board seats listed cannot be checked and is
    reported as not stated.
    Provision: NHS England's model (clause 8.1.3): "No employees may be a member of the
    Remuneration Committee." A rule about whom the board appoints to the committee, which the
    constitution need not repeat, so a conduct rule; a constitution that names an employee
    as a member contradicts it and is in breach.
    Why: The committee sets the pay and terms of the ICB's staff, executives included;
    employees as members would be deciding their own and their colleagues' pay.
    Fix: Remove executive and other employee seats from the committee's `member_seats` (they
    may attend to advise, without being members) and set `employee_members: false`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 8.1.3, "No employees may be a member of the Remuneration
    Committee"); NHS England's own model text was not available.
    """
    remuneration = [
        (index, committee)
        for index, committee in enumerate(doc.committees)
        if committee.kind == "remuneration"
    ]
    if not remuneration:
        yield NotApplicable("The constitution as given lists no remuneration committee.")
        return
    by_id = {seat.id: seat for _, seat in seats(doc)}
    for index, committee in remuneration:
        label = f'The remuneration committee "{committee.name}"'
        unresolved = [seat_id for seat_id in committee.member_seats if seat_id not in by_id]
        if unresolved:
            # A member seat the board list does not give may be an executive's: unknown, not
            # passed.
            shown = ", ".join(f'"{seat_id}"' for seat_id in unresolved)
            yield Unknown(
                ("committees", index, "member_seats"),
                f"{label} has members in seats {shown}, which are not among the board seats "
                "listed, so it cannot be shown that none of them is held by an ICB employee "
                "(NHS England's model bars employees from membership). List those seats under "
                "board.seats with their category.",
            )
        if committee.employee_members is True:
            yield Contradiction(
                ("committees", index, "employee_members"),
                f"{label} has ICB employees as members. NHS England's model bars employees "
                "from membership; they may attend to advise. Remove them and set "
                "employee_members: false.",
            )
        for position, seat_id in enumerate(committee.member_seats):
            seat = by_id.get(seat_id)
            if seat is not None and _is_employee(seat):
                yield Contradiction(
                    ("committees", index, "member_seats", position),
                    f"{label} includes {seat_name(seat)}, a seat held by an ICB employee. NHS "
                    "England's model bars employees from membership of the remuneration "
                    "committee; remove the seat from member_seats (the postholder may attend "
                    "to advise).",
                )
