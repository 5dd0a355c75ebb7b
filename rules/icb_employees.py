"""Catalogue section L: the terms and conditions of employees, and the remuneration committee."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
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
# Catalogue source S02: Schedule 1B Part 2, paragraphs 17, 18 and 19(1)-(4)(b) opening.
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
    terms. The constitution should say how those terms are decided: the model's section 8,
    "Arrangements for determining the terms and conditions of employees", gives the task to
    the remuneration committee. The rule checks that a section with such a heading is listed
    and that `employees.determined_by` names one of the constitution's committees.
    Why: Pay decisions spend public money and affect the people who run the ICB; the
    constitution must make clear which body takes them.
    Fix: Add the section to `sections` (for example `{number: "8", heading: Arrangements for
    determining the terms and conditions of employees}`) and set `employees.determined_by` to
    the name of the committee that decides, as it appears in `committees`.
    Source: The ICB's power is Schedule 1B paragraph 18(1) to (4), read in the revised text
    on legislation.gov.uk (S02, [V]). That the constitution must set out the arrangements is
    not verified ([U]): the paragraph of Part 1 that would require it was not read (no stored
    copy goes past paragraph 8(1)(a)). The model's section 8 (clauses 8.1.1 to 8.1.7), read in
    full as reproduced by Herts and West Essex ICB, has the section and gives the remuneration
    committee the remuneration functions of paragraphs 18 to 20 ([S] for the model). Statute
    [U], so a warning marked unverified.
    """
    if not has_heading(doc, ("terms and conditions",), ("employee",)):
        yield Finding(
            ("sections",),
            "Unverified requirement: the constitution has no section on the terms and "
            "conditions of employees. NHS England's model has one (section 8, \"Arrangements "
            'for determining the terms and conditions of employees"); add it to sections.',
        )
    employees = doc.employees
    decider = employees.determined_by if employees is not None else None
    names = {normalise(committee.name) for committee in doc.committees}
    if decider is None:
        yield Finding(
            ("employees", "determined_by"),
            "Unverified requirement: the constitution does not say which committee decides "
            "the pay and terms of the ICB's employees. Set employees.determined_by to that "
            "committee (the remuneration committee in NHS England's model).",
        )
    elif normalise(decider) not in names:
        yield Finding(
            ("employees", "determined_by"),
            f'Unverified requirement: employees\' pay and terms are decided by "{decider}", '
            "but no committee of that name is set up in the constitution. Name a committee "
            "listed under committees (usually the remuneration committee), or add it there.",
        )


@rule(
    code="ICB146",
    slug="no-one-decides-own-pay",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
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
    Why: The remuneration committee sets the pay of board members, some of whom sit on it;
    without the exclusion, members would decide their own pay.
    Fix: Add the clause (in section 8 or the remuneration committee's terms of reference) and
    set `employees.self_interest_exclusion: true`.
    Source: Lancashire and South Cumbria ICB's remuneration panel terms of reference,
    paragraph 3.1, read ([S], one ICB's practice: a separate panel sets non-executive pay,
    citing Schedule 1B paragraphs 18 to 20); the model's clause 8.1.5 (Herts and West Essex),
    read, places board members' remuneration with the remuneration committee. Guidance, so a
    warning. This is a presence-of-clause rule: it can only check that the clause is present.
    """
    employees = doc.employees
    yield from unless_true(
        employees.self_interest_exclusion if employees is not None else None,
        ("employees", "self_interest_exclusion"),
        "The constitution does not make sure that no one takes part in discussing or deciding "
        "their own pay. Add the exclusion (for example in the remuneration committee's terms "
        "of reference) and set employees.self_interest_exclusion: true.",
    )


@rule(
    code="ICB147",
    slug="no-employees-on-remuneration-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
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
    Why: The committee sets the pay and terms of the ICB's staff, executives included;
    employees as members would be deciding their own and their colleagues' pay.
    Fix: Remove executive and other employee seats from the committee's `member_seats` (they
    may attend to advise, without being members) and set `employee_members: false`.
    Source: The model constitution's clause 8.1.3 ("No employees may be a member of the
    Remuneration Committee"), read in full as reproduced by Herts and West Essex ICB (section
    8, catalogue N04); nhse-policy [S], proposed as a new requirement in the catalogue's
    addendum (section 9).
    """
    by_id = {seat.id: seat for _, seat in seats(doc)}
    for index, committee in enumerate(doc.committees):
        if committee.kind != "remuneration":
            continue
        label = f'The remuneration committee "{committee.name}"'
        if committee.employee_members is True:
            yield Finding(
                ("committees", index, "employee_members"),
                f"{label} has ICB employees as members. NHS England's model bars employees "
                "from membership; they may attend to advise. Remove them and set "
                "employee_members: false.",
            )
        for position, seat_id in enumerate(committee.member_seats):
            seat = by_id.get(seat_id)
            if seat is not None and _is_employee(seat):
                yield Finding(
                    ("committees", index, "member_seats", position),
                    f"{label} includes {seat_name(seat)}, a seat held by an ICB employee. NHS "
                    "England's model bars employees from membership of the remuneration "
                    "committee; remove the seat from member_seats (the postholder may attend "
                    "to advise).",
                )
