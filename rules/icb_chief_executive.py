"""Catalogue section E: the chief executive."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import is_body, sch1b, seat_loc, seats_with_role, secondary, unless_true

ICB = "icb-constitution"


@rule(
    code="ICB060",
    slug="chief-executive-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("7(1)")],
)
def chief_executive_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chair appoints the chief executive, with NHS England's approval.

    Requirement: The constitution must provide for the chief executive to be appointed by
    the chair with the approval of NHS England.
    Why: The chief executive is the ICB's accountable officer; the Act fixes who chooses the
    post-holder and who must agree.
    Fix: On the chief executive's seat set `appointed_by: Chair` and
    `appointment_approved_by: NHS England`.
    Source: Schedule 1B paragraph 7(1) read in the revised text on legislation.gov.uk
    (S01, [V]).
    """
    for index, seat in seats_with_role(doc, "chief_executive"):
        if not is_body(seat.appointed_by, "Chair"):
            yield Finding(
                seat_loc(index, "appointed_by"),
                f"The chief executive is appointed by {seat.appointed_by or 'no one stated'}; "
                "it must be the chair. Set appointed_by: Chair.",
            )
        if not is_body(seat.appointment_approved_by, "NHS England"):
            yield Finding(
                seat_loc(index, "appointment_approved_by"),
                "The chief executive's appointment must be approved by NHS England; the "
                f"constitution says {seat.appointment_approved_by or 'nothing'}. Set "
                "appointment_approved_by: NHS England.",
            )


@rule(
    code="ICB061",
    slug="chief-executive-employee",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("7(2)"), sch1b("19(4)")],
)
def chief_executive_employee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chief executive must be an employee of the ICB, on appointment and while in post.

    Requirement: A person may become, and may remain, chief executive only while they are an
    employee of the ICB (a civil servant or certain others seconded to the ICB count as
    employees for this purpose).
    Why: The accountable officer must be answerable to the ICB as its employer; the condition
    applies for as long as the person holds the post, not just on the day of appointment.
    Fix: On the chief executive's seat set `must_be_employee: true` and
    `employee_condition: on_appointment_and_continuing`.
    Source: Schedule 1B paragraph 7(2) and Part 2 paragraph 19(4) read in the revised text on
    legislation.gov.uk (S01, S02, [V]); the list of other employers in paragraph 19(4)(b) was
    not read in full.
    """
    for index, seat in seats_with_role(doc, "chief_executive"):
        if seat.must_be_employee is False:
            yield Finding(
                seat_loc(index, "must_be_employee"),
                "The constitution says the chief executive need not be an ICB employee. The "
                "chief executive must be employed by the ICB (or seconded to it). Set "
                "must_be_employee: true.",
            )
        elif seat.employee_condition != "on_appointment_and_continuing":
            said = seat.employee_condition or seat.must_be_employee
            yield Finding(
                seat_loc(index, "employee_condition" if said else "must_be_employee"),
                "The constitution must make being an ICB employee a condition both of becoming "
                "and of remaining chief executive. Set must_be_employee: true and "
                "employee_condition: on_appointment_and_continuing.",
            )


@rule(
    code="ICB062",
    slug="chief-executive-accountable-officer",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        secondary(
            "NHS Confederation, ICS Design Framework member briefing (16 June 2021), summarising "
            "NHS England and NHS Improvement's Integrated Care Systems: design framework "
            "(June 2021)",
            "Governance and management arrangements (design framework pages 19-22): "
            "executive roles",
            "https://www.nhsconfed.org/publications/ics-design-framework",
        ),
        secondary(
            "Hansard, House of Lords, 18 January 2022 (Health and Care Bill)",
            "Government reply on Amendments 32 and 33: the chief executive is the accountable "
            "officer for the ICB",
            "https://search-prototype.herokuapp.com/search-prototype/objects?object="
            "http%3A%2F%2Fhansard.intranet.data.parliament.uk%2FLords%2F2022-01-18"
            "%2F22011857000024",
        ),
        secondary(
            "Written answer UIN 45636 (DHSC), Integrated Care Boards: Leadership",
            "answer: all ICBs are required to have an accountable officer",
            "https://parallelparliament.co.uk/question/45636/integrated-care-boards-leadership",
        ),
    ],
)
def chief_executive_accountable_officer(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The constitution should make the chief executive the ICB's accountable officer.

    Requirement: The chief executive is the accountable officer for the funding allocated to
    the ICB, and the constitution (or the chief executive's role description) should say so.
    Why: Every ICB must have an accountable officer, answerable to NHS England and Parliament
    for the use of public money; naming the chief executive makes clear who that is.
    Fix: On the chief executive's seat set `accountable_officer: true` once the role
    description names the chief executive as accountable officer.
    Source: Secondary. NHS England's ICS design framework (June 2021) as summarised by the
    NHS Confederation's briefing of 16 June 2021, read in full (catalogue S11, [S]): the
    chief executive "will be the accountable officer for the funding allocated". Supported by
    the Government's reply in the House of Lords on 18 January 2022 (the chief executive is
    the ICB's accountable officer; read in a Hansard search copy) and by DHSC's written answer
    UIN 45636 (all ICBs must have an accountable officer). No statutory provision was read.
    This is a presence-of-clause rule: it can only check that the flag is set, not what the
    clause says. Guidance level, so a warning.
    """
    for index, seat in seats_with_role(doc, "chief_executive"):
        yield from unless_true(
            seat.accountable_officer,
            seat_loc(index, "accountable_officer"),
            "The constitution does not name the chief executive as the ICB's accountable "
            "officer for the funding allocated to it. Say so in the chief executive's role "
            "description and set accountable_officer: true.",
        )
