"""The chief executive."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    PassedWithNote,
    Severity,
    Unknown,
)
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule

# The tolerant comparison of bodies' names ("the Chair of the ICB", "NHS England (NHSE)")
# lives with the chair rules, which need it too.
from icslint.vocabulary import approval_named, listing, names_body, resolve

from ._support import (
    SEATS,
    listed,
    model_clause,
    quoted,
    sch1b,
    seat_loc,
    seat_name,
    seats,
    seats_with_role,
    secondary,
    unless_true,
)

ICB = "icb-constitution"


@rule(
    code="ICB060",
    slug="chief-executive-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("7(1)")],
    requires="content",
    until="health-bill-2026-nhse-abolition",
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
                f"{quoted(seat.appointed_by)}. Schedule 1B paragraph 7(1) requires the chief "
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
                f"approval of {quoted(approver)}. Schedule 1B paragraph 7(1) requires the "
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
def chief_executive_employee(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | PassedWithNote]:
    """The chief executive must be an employee of the ICB, on appointment and while in post.

    Requirement: A person may become, and may remain, chief executive only while they are an
    employee of the ICB (a civil servant or certain others seconded to the ICB count as
    employees for this purpose).
    Provision: Schedule 1B paragraph 7(2): "The constitution must provide that a person is
    eligible to become or remain the chief executive only if the person is an employee of the
    integrated care board." The constitution itself must say this, so a constitution that is
    silent on it, or makes employment a condition of appointment only, is in breach.
    Paragraph 19(4): "In paragraph 7(2) the reference to an employee of an integrated care
    board includes any of the following seconded to the board— (a) a person employed in the
    civil service of the State, or (b) a person employed by—" the bodies it lists. Where the
    document records that the post-holder is seconded from another body
    (`holder.seconded_from`), or that the post is shared with other ICBs (`shared_with`), the
    rule cannot tell whether the post-holder is an employee in that sense: it is a question
    to check, reported as not stated, never a breach, unless the document records that this
    ICB employs the post-holder (`holder.employed_by`), when the rule passes and says so. A
    post-holder recorded as employed by another body is a question of the same kind: whether
    they are seconded to this ICB under paragraph 19(4). An acting or interim chief executive
    changes nothing here.
    Why: The accountable officer must be answerable to the ICB as its employer; the condition
    applies for as long as the person holds the post, not just on the day of appointment.
    Fix: On the chief executive's seat set `must_be_employee: true` and
    `employee_condition: on_appointment_and_continuing`. For a seconded or shared chief
    executive, check that the post-holder is employed by this ICB, or seconded to it under
    paragraph 19(4); where this ICB employs them, record it as `holder.employed_by`.
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
        yield from _employed_by_this_icb(doc, index, seat)


def employer_recorded(doc: IcbConstitution, seat: Seat) -> str | None:
    """The employer as written, where the document records that this ICB employs the
    post-holder (by its name or as "the ICB"); None otherwise."""
    employer = seat.holder.employed_by if seat.holder is not None else None
    party = resolve(employer, listing(doc))
    return employer if party is not None and party.key == "icb" else None


def other_employer(doc: IcbConstitution, seat: Seat) -> str | None:
    """The employer as written, where the document records that a body other than this ICB
    employs the post-holder; None where it records none, or records this ICB."""
    employer = seat.holder.employed_by if seat.holder is not None else None
    if not employer or not employer.strip():
        return None
    party = resolve(employer, listing(doc))
    return None if party is not None and party.key == "icb" else employer


def _employed_by_this_icb(
    doc: IcbConstitution, index: int, seat: Seat
) -> Iterator[Finding | PassedWithNote]:
    """Questions about a chief executive who is seconded from another body or shared with
    other ICBs: whether the post-holder is this ICB's employee in the Act's sense. Where the
    document records that this ICB employs them, the rule passes and says so."""
    employer = employer_recorded(doc, seat)
    if employer is not None and (seat.shared_with or (seat.holder and seat.holder.seconded_from)):
        yield PassedWithNote(
            "The chief executive's post is "
            + ("shared with other ICBs" if seat.shared_with else "held on secondment")
            + f"; the constitution records that the post-holder is employed by {employer}."
        )
        return
    check = (
        "Check that the post-holder is employed by this ICB, or seconded to it under "
        "paragraph 19(4); where this ICB employs them, record it as holder.employed_by."
    )
    other = other_employer(doc, seat)
    if other is not None:
        yield Unknown(
            seat_loc(index, "holder", "employed_by"),
            f"The constitution records that the chief executive is employed by {quoted(other)}, "
            "not by this ICB. Schedule 1B paragraph 7(2) makes only an employee of the ICB "
            "eligible to be its chief executive; paragraph 19(4) counts a person seconded to "
            "the ICB as an employee for that purpose only if they are a civil servant or are "
            "employed by one of the bodies it lists. Check that the post-holder is seconded to "
            "this ICB under paragraph 19(4); if this ICB employs them, correct "
            "holder.employed_by.",
        )
        return
    seconded = seat.holder.seconded_from if seat.holder is not None else None
    if seconded:
        yield Unknown(
            seat_loc(index, "holder", "seconded_from"),
            f"The chief executive is recorded as seconded to the ICB from {quoted(seconded)}. "
            "Schedule 1B paragraph 7(2) makes only an employee of the ICB eligible to be its "
            "chief executive; paragraph 19(4) counts a person seconded to the ICB as an "
            "employee for that purpose only if they are a civil servant or are employed by one "
            f"of the bodies it lists. {check}",
        )
    if seat.shared_with:
        others = listed([quoted(name) for name in seat.shared_with])
        yield Unknown(
            seat_loc(index, "shared_with"),
            f"The chief executive's post is shared with {others}. "
            "Each ICB remains a separate body, and Schedule 1B paragraph 7(2) makes only an "
            "employee of this ICB eligible to be its chief executive (paragraph 19(4) counts "
            f"certain people seconded to it as employees). {check}",
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


@rule(
    code="ICB063",
    slug="executive-member-employed-by-this-icb",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[model_clause("8.1.7"), sch1b("19(1) to (3)")],
    requires="conduct",
)
def executive_member_employed_by_this_icb(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable | PassedWithNote]:
    """An executive member who must be an ICB employee but is seconded or shared is a question.

    Requirement: Where the constitution makes a seat other than the chief executive's one for
    an employee of the ICB (`must_be_employee: true`, as NHS England's model does for the
    executive members), a post-holder seconded from another body, or a post shared with
    other ICBs in a cluster, or one recorded as employed by another body
    (`holder.employed_by`), must still meet that condition for this ICB. The document
    cannot show whether they do, so each such seat is a question to check, reported as not
    stated, never a breach. The chief executive is ICB061's.
    Provision: The model constitution, clause 8.1.7 as published by NHS Hertfordshire and
    West Essex ICB: "The ICB may make arrangements for a person to be seconded to serve as a
    member of the ICB's staff." Schedule 1B paragraph 19: an ICB may make such arrangements
    (19(1)); a secondment "does not affect the continuity of a person's employment with the
    employer from whose service the person is seconded" (19(2)); and only "in paragraphs 11
    and 18" does a reference to an employee of the ICB include a secondee (19(3)). Whether a
    secondee meets a constitution's own condition that a member be an ICB employee depends on
    the constitution's words, which the document model does not hold.
    Why: In a cluster the same person may hold an executive post on several boards; each ICB
    is a separate body, and its constitution's conditions for its own members still apply.
    Fix: For each seat reported, check that the post-holder is employed by this ICB (or that
    the constitution counts a secondee as an employee for the seat); where this ICB employs
    them, record it as `holder.employed_by`, or suppress the question with a comment giving
    the reason.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 19(1) to
    (3)) and in the model constitution's clause 8.1.7 as published by NHS Hertfordshire and
    West Essex ICB; NHS England's own model text was not available.
    """
    found = False
    notes: list[str] = []
    for index, seat in seats(doc):
        if seat.role == "chief_executive" or seat.must_be_employee is not True:
            continue
        employer = employer_recorded(doc, seat)
        if employer is not None and (
            seat.shared_with or (seat.holder is not None and seat.holder.seconded_from)
        ):
            found = True
            notes.append(
                f"Seat {seat_name(seat)} is shared or held on secondment; the constitution "
                f"records that the post-holder is employed by {employer}."
            )
            continue
        check = (
            "Check that the post-holder is employed by this ICB, or that the constitution "
            "counts a secondee as an employee for this seat; once checked, record it with a "
            "suppression comment giving the reason, or record the employer as holder.employed_by."
        )
        other = other_employer(doc, seat)
        if other is not None:
            found = True
            yield Unknown(
                seat_loc(index, "holder", "employed_by"),
                f"The constitution requires seat {seat_name(seat)} to be held by an employee of "
                f"the ICB, and records that its post-holder is employed by {quoted(other)}, not "
                "by this ICB. Check that the post-holder is seconded to this ICB and that the "
                "constitution counts a secondee as an employee for this seat; once checked, "
                "record it with a suppression comment giving the reason, or, if this ICB "
                "employs them, correct holder.employed_by.",
            )
            continue
        seconded = seat.holder.seconded_from if seat.holder is not None else None
        if seconded:
            found = True
            yield Unknown(
                seat_loc(index, "holder", "seconded_from"),
                f"The constitution requires seat {seat_name(seat)} to be held by an employee of "
                f"the ICB, and its post-holder is recorded as seconded from {quoted(seconded)}. "
                "A secondment leaves the person employed by the body that seconds them "
                f"(Schedule 1B paragraph 19(2)). {check}",
            )
        if seat.shared_with:
            found = True
            others = listed([quoted(name) for name in seat.shared_with])
            yield Unknown(
                seat_loc(index, "shared_with"),
                f"The constitution requires seat {seat_name(seat)} to be held by an employee of "
                f"the ICB, and the post is shared with {others}. Each ICB remains a separate "
                f"body with its own employees. {check}",
            )
    if not found:
        yield NotApplicable(
            "No seat that must be held by an ICB employee, other than the chief executive's, "
            "is recorded as seconded or shared."
        )
    for note in notes:
        yield PassedWithNote(note)
