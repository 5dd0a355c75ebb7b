"""Catalogue section J: conflicts of interest and standards of business conduct."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Loc, Severity
from icslint.models.icb import ConflictsOfInterest, IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, NHS_ACT_2006, seats, secondary, unless_true

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

# The section of the 2006 Act believed to hold the ICB's register and conflicts duties; neither
# its number nor its text has been read (catalogue ICB120-ICB122, addendum section 3).
S14Z30 = Citation(
    NHS_ACT_2006,
    "section 14Z30 (number believed; text not verified)",
    "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z30",
)
ANSWER_80412 = secondary(
    "Written answer 80412 (DHSC), Integrated Care Boards: Conflict of Interests, answered "
    "1 December 2021",
    "answer, paragraph 1 (the Bill moves the CCGs' conflict duties to ICBs: a published "
    "register of members' interests and arrangements to manage conflicts)",
    "https://parallelparliament.co.uk/question/80412/integrated-care-boards-conflict-of-interests",
)
HWE_CONTENTS = secondary(
    HWE_MODEL,
    "contents, section 6 (Arrangements for conflict of interest management and standards of "
    "business conduct)",
    "https://hertsandwestessex.ics.nhs.uk/about/icb/our-constitution/constitution",
)
HWE_7_3_7 = secondary(
    HWE_MODEL, "clause 7.3.7", "https://hertsandwestessex.icb.nhs.uk/us/constitution/7"
)
BOB = secondary(
    "NHS Buckinghamshire, Oxfordshire and Berkshire West ICB, Constitution page",
    "paragraph 2 (the constitution includes the arrangements for registers of interest and "
    "for managing conflicts of interest)",
    "https://www.bucksoxonberksw.icb.nhs.uk/what-is-the-icb/constitution/",
)
STOCKPORT = secondary(
    "NHS Stockport CCG, Conflicts of interest page (CCG-era duty, for context only)",
    "summary of the CCG register duty (the page writes 'Section 140'; believed to be s14O)",
    "https://www.stockportpracticehub.co.uk/about-us/publications/conflicts-of-interest/",
)
BLMK = secondary(
    "NHS Bedfordshire, Luton and Milton Keynes ICB, Conflicts of Interest Management and "
    "Standards of Business Conduct page",
    "Register of Interests (the full register is published each month)",
    "https://bedfordshirelutonandmiltonkeynes.icb.nhs.uk/about-us/governance/"
    "conflicts-of-interest-management-and-standards-of-business-conduct/",
)
MSE_URL = "https://midandsouthessex-ics.mixd.co.uk/about/boards/integrated-care-board/declarations/"
MSE_NAME = "NHS Mid and South Essex ICB, Declarations of interest page"
BSOL_URL = "https://www.birminghamsolihull.icb.nhs.uk/about-us/meet-our-board/register-interests"
BSOL_NAME = "NHS Birmingham and Solihull ICB, Register of interests page"
HNY = secondary(
    "NHS Humber and North Yorkshire ICB, Conflicts of interest page",
    "section 'Conflict of Interest Guardian' (the non-executive member for audit)",
    "https://humberandnorthyorkshire.icb.nhs.uk/governance/conflicts-of-interest",
)

# --- helpers ------------------------------------------------------------------------------------

COI: Loc = ("conflicts_of_interest",)


def _coi(doc: IcbConstitution) -> ConflictsOfInterest:
    """The conflicts-of-interest block, or an empty one when the document has none."""
    return doc.conflicts_of_interest or ConflictsOfInterest()


# The registers the catalogue expects, with the words a message uses for each.
REGISTERS = {
    "board": "board members",
    "committees": "members of committees and sub-committees",
    "employees": "employees",
}


# --- ICB120-ICB122: arrangements and registers --------------------------------------------------


@rule(
    code="ICB120",
    slug="conflict-of-interest-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[S14Z30, ANSWER_80412, BOB, HWE_CONTENTS],
)
def conflict_of_interest_arrangements(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The constitution must set out its arrangements for managing conflicts of interest.

    Requirement: The constitution sets out the ICB's arrangements for registers of interests
    and for managing conflicts of interest (section 6 of NHS England's model, "Arrangements
    for conflict of interest management and standards of business conduct"). The rule checks
    that `sections` lists a heading containing "conflict" and "interest" and that
    `conflicts_of_interest.arrangements_section` says where the arrangements are.
    Why: The board brings together people nominated by the providers it commissions from;
    its decisions are only trusted if conflicts are declared and managed by rules everyone
    can read.
    Fix: Add the section (for example `{number: "6", heading: Arrangements for conflict of
    interest management and standards of business conduct}` under `sections`) and set
    `conflicts_of_interest.arrangements_section` to its number.
    Source: Secondary. The statutory provision is believed to be section 14Z30 of the 2006
    Act, but its number and text were not verified: searches this session for it on
    legislation.gov.uk and in the Health and Care Act 2022 found nothing. Read this session:
    DHSC's written answer 80412 (1 December 2021: the Bill moves the CCGs' duties to ICBs,
    including arrangements for managing conflicts), Buckinghamshire, Oxfordshire and
    Berkshire West ICB's constitution page (its constitution includes the arrangements for
    registers of interest and managing conflicts), and the contents of Herts and West Essex
    ICB's constitution (model section 6). Statute [S], shipped as an error citing those
    sources. This is a presence-of-clause rule: it can only check that the section is there,
    not what it says.
    """
    if not any(
        "conflict" in s.heading.casefold() and "interest" in s.heading.casefold()
        for s in doc.sections
    ):
        yield Finding(
            ("sections",),
            "The constitution has no section on conflicts of interest. The ICB must set out "
            "its arrangements for registers of interests and for managing conflicts (section "
            "6 of NHS England's model, \"Arrangements for conflict of interest management and "
            'standards of business conduct"); add it to sections.',
        )
    if not _coi(doc).arrangements_section:
        yield Finding(
            (*COI, "arrangements_section"),
            "The constitution does not say where its conflict of interest arrangements are "
            "set out. Set conflicts_of_interest.arrangements_section to the section that holds "
            "them (section 6 in NHS England's model).",
        )


@rule(
    code="ICB121",
    slug="registers-of-interests",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[S14Z30, ANSWER_80412, STOCKPORT],
)
def registers_of_interests(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB should keep registers of the interests of members, committee members and staff.

    Requirement: The ICB keeps one or more registers of interests covering its board
    members, the members of its committees and sub-committees, and its employees. The rule
    checks that `conflicts_of_interest.registers` includes `board`, `committees` and
    `employees` (`decision_makers` may be added).
    Why: A conflict can only be managed if it is known; a register that leaves out committee
    members or staff misses many of the people who shape commissioning decisions.
    Fix: Provide for the missing registers and list them in
    `conflicts_of_interest.registers`.
    Source: Not verified ([U]). The ICB duty is believed to be section 14Z30 of the 2006
    Act; neither its number nor its text was found this session. Secondary support only:
    DHSC's written answer 80412 (1 December 2021) says the Bill moves to ICBs the CCGs' duty
    to keep and publish a register of members' interests, read this session; which groups
    the register covers comes from the CCG-era duty (board or governing body members,
    committee and sub-committee members, employees) as summarised on NHS Stockport CCG's
    page, read, which writes it as "Section 140" (the catalogue's addendum takes this to be
    s14O). Statute [U]: shipped as a warning, never an error.
    """
    registers = _coi(doc).registers
    missing = [words for key, words in REGISTERS.items() if key not in registers]
    if missing:
        listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        yield Finding(
            (*COI, "registers"),
            f"Unverified requirement: the constitution provides no register of the interests "
            f"of {listed}. The 2006 Act is believed to require registers covering board "
            "members, committee and sub-committee members and employees; add the missing "
            "registers to conflicts_of_interest.registers.",
        )


@rule(
    code="ICB122",
    slug="registers-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[HWE_7_3_7, BLMK, ANSWER_80412],
)
def registers_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The registers of interests must be published.

    Requirement: The ICB publishes its registers of interests (or otherwise makes them open
    to the public). The rule checks `conflicts_of_interest.registers_published: true`; that
    `transparency.publishes` lists `registers_of_interests` is checked by ICB138, with the
    model's other key documents, and is not reported twice.
    Why: A register that the public cannot see gives no public assurance that decisions are
    free of private interests.
    Fix: Commit the ICB to publishing its registers of interests and set
    `conflicts_of_interest.registers_published: true`.
    Source: The model constitution's clause 7.3.7 (registers of interests among the
    documents the ICB publishes), read in full as reproduced by Herts and West Essex ICB;
    Bedfordshire, Luton and Milton Keynes ICB's conflicts page (full register published each
    month) and DHSC's written answer 80412 (the duty to keep and publish a register moves
    from CCGs to ICBs), both read this session. nhse-policy [S]; the statutory duty itself
    is [U] (section 14Z30 not read). This is a presence-of-clause rule: it can only check
    that the commitment is recorded.
    """
    yield from unless_true(
        _coi(doc).registers_published,
        (*COI, "registers_published"),
        "The constitution does not commit the ICB to publish its registers of interests. "
        "NHS England's model lists them among the documents the ICB publishes; add the "
        "commitment and set conflicts_of_interest.registers_published: true.",
    )


# --- ICB123-ICB124: declaring interests ---------------------------------------------------------

DEADLINE_DAYS = 28


@rule(
    code="ICB123",
    slug="declaration-deadline",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        secondary(MSE_NAME, "paragraph 3 (update declarations within 28 days)", MSE_URL),
        STOCKPORT,
    ],
)
def declaration_deadline(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A new interest should be declared, and the register updated, within 28 days.

    Requirement: Members and staff declare a new interest, and the register is updated,
    soon after it arises; 28 days is the common standard. The rule reports a
    `conflicts_of_interest.declaration_deadline_days` that is missing or above 28.
    Why: A register updated months late can miss the very decision an interest affects.
    Fix: Set a deadline of 28 days or fewer in the conflicts of interest policy and record it
    in `conflicts_of_interest.declaration_deadline_days`.
    Source: Mid and South Essex ICB's declarations page (declarations updated within 28 days
    of a new interest arising, with a formal review each year), read this session; the
    CCG-era statutory 28-day rule, summarised on NHS Stockport CCG's page, read, for
    context. Guidance [S], warning: whether a statutory time limit applies to ICBs is [U].
    """
    days = _coi(doc).declaration_deadline_days
    loc = (*COI, "declaration_deadline_days")
    if days is None:
        yield Finding(
            loc,
            "The constitution sets no deadline for declaring a new interest. Require "
            f"declarations, and the register to be updated, within {DEADLINE_DAYS} days of "
            "an interest arising, and record it in declaration_deadline_days.",
        )
    elif days > DEADLINE_DAYS:
        yield Finding(
            loc,
            f"New interests may be declared up to {days} days after they arise. The common "
            f"standard is {DEADLINE_DAYS} days; shorten the deadline to {DEADLINE_DAYS} days "
            "or fewer.",
        )


@rule(
    code="ICB124",
    slug="declarations-at-meetings",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        secondary(
            MSE_NAME,
            "paragraph 3 (declarations sought at board and committee meetings, recorded in "
            "the minutes)",
            MSE_URL,
        ),
        secondary(
            BSOL_NAME,
            "paragraph 2 (declarations at the start of each committee meeting)",
            BSOL_URL,
        ),
    ],
)
def declarations_at_meetings(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Interests should be declared at every meeting and recorded in the minutes.

    Requirement: At every board and committee meeting, members are asked to declare interests
    in the business on the agenda; declarations, and how each conflict was managed, are
    recorded in the minutes.
    Why: The standing register may not show an interest in a particular item; asking at the
    meeting, and minuting the answer, shows how each decision was protected.
    Fix: Provide for both in the standing orders or the conflicts of interest policy and set
    `conflicts_of_interest.declare_at_each_meeting: true` and `recorded_in_minutes: true`.
    Source: Mid and South Essex ICB's declarations page (declarations sought during board and
    committee meetings for recording in the minutes) and Birmingham and Solihull ICB's
    register page (declarations at the start of each committee meeting), both read this
    session; the catalogue also cites North Central London ICB's page (S36), not found again
    this session. Guidance [S], warning. This is a presence-of-clause rule: it can only
    check that the provisions are recorded.
    """
    coi = _coi(doc)
    yield from unless_true(
        coi.declare_at_each_meeting,
        (*COI, "declare_at_each_meeting"),
        "The constitution does not ask members to declare their interests in the business "
        "at each board and committee meeting. Provide for it and set "
        "declare_at_each_meeting: true.",
    )
    yield from unless_true(
        coi.recorded_in_minutes,
        (*COI, "recorded_in_minutes"),
        "The constitution does not require declarations at meetings, and how each conflict "
        "was managed, to be recorded in the minutes. Provide for it and set "
        "recorded_in_minutes: true.",
    )


# --- ICB125-ICB127: conduct policy, guardian, retention -----------------------------------------


@rule(
    code="ICB125",
    slug="business-conduct-policy",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[HWE_7_3_7, HWE_CONTENTS],
)
def business_conduct_policy(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must have a standards of business conduct policy covering conflicts of interest.

    Requirement: The ICB has a standards of business conduct policy, incorporating conflicts
    of interest, and publishes it. The rule checks that `related_documents.sbc_policy` names
    the policy; that `transparency.publishes` lists `sbc_policy` is checked by ICB138, with
    the model's other key documents, and is not reported twice.
    Why: The policy is where the rules on interests, gifts, hospitality and outside work are
    written down; without it the constitution's conflict arrangements have nothing to apply.
    Fix: Name the policy in `related_documents.sbc_policy` (for example "Standards of
    Business Conduct Policy (incorporating Conflicts of Interest)").
    Source: The model constitution's clause 7.3.7 (the ICB publishes its Standards of
    Business Conduct Policy, incorporating conflicts of interest), read in full as
    reproduced by Herts and West Essex ICB, re-read this session, and the heading of model
    section 6 ("... standards of business conduct") in Herts and West Essex ICB's contents;
    nhse-policy [S]. This is a presence-of-clause rule: it can only check that a policy is
    named, not what it says.
    """
    related = doc.related_documents
    if related is None or not related.sbc_policy:
        yield Finding(
            ("related_documents", "sbc_policy"),
            "The constitution names no standards of business conduct policy. NHS England's "
            "model requires one, incorporating conflicts of interest, and publishes it; name "
            "it in related_documents.sbc_policy.",
        )


@rule(
    code="ICB126",
    slug="conflicts-guardian",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(BSOL_NAME, "paragraph 5 (Conflicts of Interest Guardian)", BSOL_URL),
        HNY,
    ],
)
def conflicts_guardian(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Consider naming a conflicts of interest guardian, usually the audit committee chair.

    Requirement: Optional good practice: some ICBs name a conflicts of interest guardian,
    usually the non-executive member who chairs the audit committee. The rule suggests one
    when `conflicts_of_interest.guardian_seat` is missing, and reports a `guardian_seat` that
    is not the id of a board seat.
    Why: A named guardian gives staff and the public someone independent to raise a concern
    about how a conflict was handled.
    Fix: Set `conflicts_of_interest.guardian_seat` to the id of the board seat that holds
    the role (for example the audit committee chair's seat).
    Source: Birmingham and Solihull ICB's register page (a Conflicts of Interest Guardian,
    the non-executive director who chairs audit) and Humber and North Yorkshire ICB's
    conflicts page (the non-executive member for audit), both read this session. Guidance
    [S], local practice only: info.
    """
    guardian = _coi(doc).guardian_seat
    board_ids = {seat.id for _, seat in seats(doc)}
    loc = (*COI, "guardian_seat")
    if not guardian:
        yield Finding(
            loc,
            "No conflicts of interest guardian is named. Some ICBs give the role to the "
            "non-executive member who chairs the audit committee; consider naming one in "
            "conflicts_of_interest.guardian_seat.",
        )
    elif board_ids and guardian not in board_ids:
        yield Finding(
            loc,
            f'The conflicts of interest guardian is given as "{guardian}", which is not the '
            "id of a board seat. Use the id of the seat that holds the role, such as the "
            "audit committee chair's.",
        )


@rule(
    code="ICB127",
    slug="register-retention",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(
            BSOL_NAME,
            "paragraph 3 (six months on the public register; six years in a private record)",
            BSOL_URL,
        )
    ],
)
def register_retention(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution or policy should say how long expired interests stay on the register.

    Requirement: An expired interest stays on the public register for a set time (one ICB
    uses at least six months) and in a private record for longer (six years). The rule
    reports a missing `conflicts_of_interest.public_retention_months`.
    Why: Without a set period, an interest can vanish from the public register just before
    or after the decision it affected.
    Fix: State the period in the conflicts of interest policy and record it in
    `conflicts_of_interest.public_retention_months` (for example 6).
    Source: Birmingham and Solihull ICB's register page (interests stay on the public
    register for at least six months after expiry, and in a private record for at least six
    years), read this session. Guidance [S], local practice only: info.
    """
    if _coi(doc).public_retention_months is None:
        yield Finding(
            (*COI, "public_retention_months"),
            "The constitution does not say how long an expired interest stays on the public "
            "register. State a period (one ICB uses six months, keeping a private record for "
            "six years) and record it in public_retention_months.",
        )
