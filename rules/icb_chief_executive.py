"""The chief executive."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Severity,
)
from icslint.models.icb import IcbConstitution
from icslint.registry import NoOptions, rule

# The tolerant comparison of bodies' names ("the Chair of the ICB", "NHS England (NHSE)")
# lives with the chair rules, which need it too.
from icslint.vocabulary import approval_named, names_body

from ._support import SEATS, sch1b, seat_loc, seats_with_role, secondary, unless_true

ICB = "icb-constitution"


def _quoted(text: str) -> str:
    return f'"{" ".join(text.split())}"'


@rule(
    code="ICB060",
    slug="chief-executive-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("7(1)")],
    requires="content",
)
def chief_executive_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chair appoints the chief executive, with NHS England's approval.

    Requirement: The constitution must provide for the chief executive to be appointed by
    the chair with the approval of NHS England.
    Provision: Schedule 1B paragraph 7(1): "The constitution must provide for the chief
    executive to be appointed by the chair, with the approval of NHS England." The
    constitution itself must say this, so a constitution that is silent on it is in breach.
    Why: The chief executive is the ICB's accountable officer; the Act fixes who chooses the
    post-holder and who must agree.
    Fix: On the chief executive's seat set `appointed_by: Chair` and
    `appointment_approved_by: NHS England`. Usual spellings ("the Chair of the ICB", "NHS
    England (NHSE)", "the Chair, with the approval of NHS England") are understood.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 7(1)).
    """
    chiefs = seats_with_role(doc, "chief_executive")
    if not chiefs:
        yield Missing(
            SEATS,
            "No board seat is the chief executive's (role: chief_executive), so the "
            "constitution does not provide for the chief executive to be appointed by the "
            "chair with the approval of NHS England, which Schedule 1B paragraph 7(1) requires. "
            "Add the chief executive's seat with appointed_by: Chair and "
            "appointment_approved_by: NHS England.",
        )
        return
    for index, seat in chiefs:
        if seat.appointed_by is None:
            yield Missing(
                seat_loc(index, "appointed_by"),
                "The constitution does not say who appoints the chief executive. It must "
                "provide for the chief executive to be appointed by the chair (Schedule 1B "
                "paragraph 7(1)); set appointed_by: Chair.",
            )
        elif not names_body(seat.appointed_by, "Chair"):
            yield Contradiction(
                seat_loc(index, "appointed_by"),
                "The constitution gives the appointment of the chief executive to "
                f"{_quoted(seat.appointed_by)}. Schedule 1B paragraph 7(1) requires the chief "
                "executive to be appointed by the chair; set appointed_by: Chair.",
            )
        approver = seat.appointment_approved_by
        if approver is None:
            if not approval_named(seat.appointed_by, "NHS England"):
                yield Missing(
                    seat_loc(index, "appointment_approved_by"),
                    "The constitution does not make the chief executive's appointment subject "
                    "to the approval of NHS England, which Schedule 1B paragraph 7(1) requires. "
                    "Set appointment_approved_by: NHS England.",
                )
        elif not names_body(approver, "NHS England"):
            yield Contradiction(
                seat_loc(index, "appointment_approved_by"),
                "The constitution makes the chief executive's appointment subject to the "
                f"approval of {_quoted(approver)}. Schedule 1B paragraph 7(1) requires the "
                "approval of NHS England; set appointment_approved_by: NHS England.",
            )


@rule(
    code="ICB061",
    slug="chief-executive-employee",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("7(2)"), sch1b("19(4)")],
    requires="content",
)
def chief_executive_employee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The chief executive must be an employee of the ICB, on appointment and while in post.

    Requirement: A person may become, and may remain, chief executive only while they are an
    employee of the ICB (a civil servant or certain others seconded to the ICB count as
    employees for this purpose).
    Provision: Schedule 1B paragraph 7(2): "The constitution must provide that a person is
    eligible to become or remain the chief executive only if the person is an employee of the
    integrated care board." The constitution itself must say this, so a constitution that is
    silent on it, or makes employment a condition of appointment only, is in breach.
    Why: The accountable officer must be answerable to the ICB as its employer; the condition
    applies for as long as the person holds the post, not just on the day of appointment.
    Fix: On the chief executive's seat set `must_be_employee: true` and
    `employee_condition: on_appointment_and_continuing`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 7(2), and
    paragraph 19(4) on who counts as an employee); the list of other employers in paragraph
    19(4)(b) was not available in full.
    """
    chiefs = seats_with_role(doc, "chief_executive")
    if not chiefs:
        yield Missing(
            SEATS,
            "No board seat is the chief executive's (role: chief_executive), so the "
            "constitution does not provide that only an employee of the ICB may become or "
            "remain chief executive, which Schedule 1B paragraph 7(2) requires. Add the chief "
            "executive's seat with must_be_employee: true and employee_condition: "
            "on_appointment_and_continuing.",
        )
        return
    for index, seat in chiefs:
        if seat.must_be_employee is False:
            yield Contradiction(
                seat_loc(index, "must_be_employee"),
                "The constitution says the chief executive need not be an ICB employee. "
                "Schedule 1B paragraph 7(2) requires the chief executive to be employed by "
                "the ICB (or seconded to it); set must_be_employee: true.",
            )
        elif seat.employee_condition == "on_appointment":
            yield Contradiction(
                seat_loc(index, "employee_condition"),
                "The constitution makes being an ICB employee a condition of becoming chief "
                "executive only. Schedule 1B paragraph 7(2) makes it a condition of remaining "
                "chief executive too; set employee_condition: on_appointment_and_continuing.",
            )
        elif seat.employee_condition is None:
            said = seat.must_be_employee is True
            yield Missing(
                seat_loc(index, "employee_condition" if said else "must_be_employee"),
                (
                    "The constitution says the chief executive must be an ICB employee but "
                    "not that this is a condition of remaining chief executive as well as of "
                    "becoming it."
                    if said
                    else "The constitution does not say that the chief executive must be an "
                    "employee of the ICB."
                )
                + " Schedule 1B paragraph 7(2) requires it to provide that a person is "
                "eligible to become or remain chief executive only while an employee of the "
                "ICB; set must_be_employee: true and employee_condition: "
                "on_appointment_and_continuing.",
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
            "https://hansard.parliament.uk/Lords/2022-01-18",
        ),
        secondary(
            "Written answer UIN 45636 (DHSC), Integrated Care Boards: Leadership",
            "answer: all ICBs are required to have an accountable officer",
            "https://parallelparliament.co.uk/question/45636/integrated-care-boards-leadership",
        ),
    ],
    requires="conduct",
)
def chief_executive_accountable_officer(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The constitution should make the chief executive the ICB's accountable officer.

    Requirement: The chief executive is the accountable officer for the funding allocated to
    the ICB, and the constitution (or the chief executive's role description) should say so.
    Provision: NHS England's design framework (June 2021), as summarised by the NHS
    Confederation: the chief executive "will be the accountable officer for the funding
    allocated". This describes the post, not words the constitution must contain, so a
    constitution that is silent on it is "not stated"; one that says the chief executive is
    not the accountable officer contradicts it.
    Why: Every ICB must have an accountable officer, answerable to NHS England and Parliament
    for the use of public money; naming the chief executive makes clear who that is.
    Fix: On the chief executive's seat set `accountable_officer: true` once the role
    description names the chief executive as accountable officer.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's ICS design
    framework (June 2021); the framework's own text was not available. Supported by the
    Government's reply in the House of Lords on 18 January 2022 (the chief executive is the
    ICB's accountable officer) and by DHSC's written answer UIN 45636 (all ICBs must have an
    accountable officer). No statutory provision was found. The rule can only check that the
    flag is set, not what the clause says; it is guidance, so it warns.
    """
    chiefs = seats_with_role(doc, "chief_executive")
    if not chiefs:
        yield NotApplicable("the constitution lists no chief executive's seat")
        return
    for index, seat in chiefs:
        yield from unless_true(
            seat.accountable_officer,
            seat_loc(index, "accountable_officer"),
            "The constitution does not say that the chief executive is the ICB's accountable "
            "officer for the funding allocated to it; NHS England's design framework makes "
            "the chief executive that officer. If the role description says so, set "
            "accountable_officer: true.",
            contradicted="The constitution says the chief executive is not the ICB's "
            "accountable officer (accountable_officer: false). NHS England's design framework "
            "makes the chief executive the accountable officer for the funding allocated to "
            "the ICB; say so in the role description and set accountable_officer: true.",
        )
