"""Conflicts of interest and standards of business conduct (ICB120 to ICB127).

Every rule here is `conduct`: the provisions that could be read put the duties on the ICB (keep
registers, manage conflicts, publish), and no text that could be read requires the constitution
itself to repeat them. A constitution that is silent is "not stated"; one that says the opposite
(registers not published, a deadline longer than the standard) is in breach.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Loc,
    Missing,
    Severity,
    Unknown,
)
from icslint.models.icb import ConflictsOfInterest, IcbConstitution
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, NHS_ACT_2006, seats, secondary, unless_true

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

# The section of the 2006 Act believed to hold the ICB's register and conflicts duties; neither
# its number nor its text could be read.
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
# A Lords amendment that would have required the arrangements to be in the constitution; whether
# any of it is in the Act is not known, so it is cited only to explain the rule's class.
AMENDMENT_9 = secondary(
    "Hansard, House of Lords, 1 March 2022, Health and Care Bill (Report)",
    "Amendment 9 (Baroness Thornton): each ICB to set out in its constitution its arrangements "
    "for managing conflicts of interest",
    "https://hansard.parliament.uk/Lords/2022-03-01",
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


# The registers the rule expects, with the words a message uses for each.
REGISTERS = {
    "board": "board members",
    "committees": "members of committees and sub-committees",
    "employees": "employees",
}


def _join(words: list[str], last: str = "and") -> str:
    """ "a", "a and b", "a, b and c"."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


# --- ICB120-ICB122: arrangements and registers --------------------------------------------------


@rule(
    code="ICB120",
    slug="conflict-of-interest-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[S14Z30, ANSWER_80412, BOB, HWE_CONTENTS, AMENDMENT_9],
)
def conflict_of_interest_arrangements(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The ICB must have arrangements for managing conflicts of interest.

    Requirement: The ICB keeps registers of interests and makes arrangements for managing
    conflicts of interest. NHS England's model sets them out in section 6, "Arrangements for
    conflict of interest management and standards of business conduct". The rule looks for a
    section with "conflict" and "interest" in its heading under `sections`, or for
    `conflicts_of_interest.arrangements_section`, which says where the arrangements are.
    Provision: The words that would decide the class could not be read: the section of the
    Act believed to set the ICB's duties on registers and conflicts (section 14Z30) was not
    available, and a Lords amendment that would have required each ICB to "set out in its
    constitution" its arrangements for managing conflicts is not known to be in the Act. What
    could be read puts the duty on the ICB (DHSC: the Bill moves to ICBs the duty to keep and
    publish a register of interests and to make arrangements to manage conflicts). So this is
    a conduct rule: a constitution that does not set out the arrangements is "not stated", not
    in breach.
    Why: The board brings together people nominated by the providers it commissions from;
    its decisions are only trusted if conflicts are declared and managed by rules everyone
    can read.
    Fix: If the constitution has the section, list it under `sections` (for example `{number:
    "6", heading: Arrangements for conflict of interest management and standards of business
    conduct}`) and set `conflicts_of_interest.arrangements_section` to its number; if it has
    none, add one following NHS England's model.
    Source: Secondary; section 14Z30 of the 2006 Act is not verified and its text was not
    available. DHSC's written answer 80412 (1 December 2021) on the Bill's conflict duties;
    Buckinghamshire, Oxfordshire and Berkshire West ICB's constitution page (its constitution
    includes the arrangements for registers of interest and managing conflicts); the
    contents of the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (section 6); Amendment 9 at Lords Report, Hansard for 1 March 2022. NHS
    England's own model text was not available. The rule can only check that the arrangements
    are there, not what they say.
    """
    has_section = any(
        "conflict" in s.heading.casefold() and "interest" in s.heading.casefold()
        for s in doc.sections
    )
    # Either fact shows the constitution sets the arrangements out; a document given only in
    # part (a board page, a few sections) may have one without the other.
    if not has_section and not _coi(doc).arrangements_section:
        yield Missing(
            (*COI, "arrangements_section"),
            "The constitution does not say where its arrangements for registers of interests "
            "and for managing conflicts of interest are set out. The ICB must have them (NHS "
            "England's model sets them out in section 6). If the constitution has the section, "
            "list it under sections and set conflicts_of_interest.arrangements_section to its "
            "number.",
        )


@rule(
    code="ICB121",
    slug="registers-of-interests",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[S14Z30, ANSWER_80412, STOCKPORT],
)
def registers_of_interests(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB should keep registers of the interests of members, committee members and staff.

    Requirement: The ICB keeps one or more registers of interests covering its board
    members, the members of its committees and sub-committees, and its employees. The rule
    reads `conflicts_of_interest.registers`, which should include `board`, `committees` and
    `employees` (`decision_makers` may be added).
    Provision: The provision could not be read. The duty, as far as it could be traced, is a
    duty on the ICB to keep registers, not a requirement that the constitution list them, so
    this is a conduct rule: a constitution that names no registers is "not stated"; one that
    lists its registers and leaves a group out is reported as a breach, at warning level
    because the requirement is unverified.
    Why: A conflict can only be managed if it is known; a register that leaves out committee
    members or staff misses many of the people who shape commissioning decisions.
    Fix: List the registers the constitution provides for in
    `conflicts_of_interest.registers`, and provide for any that are missing.
    Source: The requirement is not verified. The ICB duty is believed to be section 14Z30 of
    the 2006 Act; its number and text could not be confirmed. Secondary support only:
    DHSC's written answer 80412 (1 December 2021) says the Bill moves to ICBs the clinical
    commissioning groups' duty to keep and publish a register of members' interests. Which
    groups a register covers comes from the duty of clinical commissioning groups (governing
    body members, committee and sub-committee members, employees) as summarised on NHS
    Stockport CCG's page, which writes it as "Section 140" (probably section 14O). Shipped
    as a warning, never an error.
    """
    registers = _coi(doc).registers
    loc = (*COI, "registers")
    if not registers:
        yield Missing(
            loc,
            "Unverified requirement: the constitution does not say whose interests the ICB's "
            "registers record. The NHS Act (section 14Z30) is believed to require registers "
            "covering board members, committee and sub-committee members and employees; list "
            "the registers in conflicts_of_interest.registers.",
        )
        return
    missing = [words for key, words in REGISTERS.items() if key not in registers]
    if missing:
        yield Contradiction(
            loc,
            f"Unverified requirement: the registers the constitution provides for do not "
            f"cover {_join(missing, 'or')}. The NHS Act (section 14Z30) is believed to "
            "require registers covering board members, committee and sub-committee members "
            "and employees; provide for the missing registers and add them to "
            "conflicts_of_interest.registers.",
        )


@rule(
    code="ICB122",
    slug="registers-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[HWE_7_3_7, BLMK, ANSWER_80412],
)
def registers_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must publish its registers of interests.

    Requirement: The ICB publishes its registers of interests (or otherwise makes them open
    to the public). The rule reads `conflicts_of_interest.registers_published`; that
    `transparency.publishes` lists `registers_of_interests` is checked by ICB138, with the
    model's other key documents, and is not reported twice.
    Provision: NHS England's model (clause 7.3.7, as used by Hertfordshire and West Essex
    ICB) says the registers of interests "will be published": a commitment about what the
    ICB does. No text that could be read requires the constitution itself to say it, so this
    is a conduct rule: a constitution that is silent is "not stated"; one that says the
    registers are not published is in breach.
    Why: A register that the public cannot see gives no public assurance that decisions are
    free of private interests.
    Fix: If the constitution commits the ICB to publishing its registers, set
    `conflicts_of_interest.registers_published: true`; if it says they are not published,
    change it.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.7: registers of interests among the documents the ICB
    publishes); NHS England's own model text was not available. Also Bedfordshire, Luton and
    Milton Keynes ICB's conflicts page (the full register is published each month) and DHSC's
    written answer 80412 (the duty to keep and publish a register moves from clinical
    commissioning groups to ICBs). The statutory duty itself (believed to be section 14Z30 of
    the 2006 Act) is not verified. The rule can only check that the commitment is recorded.
    """
    yield from unless_true(
        _coi(doc).registers_published,
        (*COI, "registers_published"),
        "The constitution does not say that the ICB publishes its registers of interests; "
        "NHS England's model commits the ICB to publish them. If the constitution does, set "
        "conflicts_of_interest.registers_published: true.",
        contradicted="The constitution says the ICB's registers of interests are not "
        "published. NHS England's model commits the ICB to publish them; change the "
        "constitution and set conflicts_of_interest.registers_published: true.",
    )


# --- ICB123-ICB124: declaring interests ---------------------------------------------------------

DEADLINE_DAYS = 28


@rule(
    code="ICB123",
    slug="declaration-deadline",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(MSE_NAME, "paragraph 3 (update declarations within 28 days)", MSE_URL),
        STOCKPORT,
    ],
)
def declaration_deadline(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A new interest should be declared, and the register updated, within 28 days.

    Requirement: Members and staff declare a new interest, and the register is updated,
    soon after it arises; 28 days is the common standard. The rule reads
    `conflicts_of_interest.declaration_deadline_days` and reports a deadline above 28 days.
    Provision: Good practice, not a requirement of the Act that could be read: ICBs publish a
    28-day standard for updating declarations. Nothing asks the constitution to state a
    deadline, so this is a conduct rule: a constitution that gives none is "not stated"; one
    that allows longer than 28 days is reported at warning level.
    Why: A register updated months late can miss the very decision an interest affects.
    Fix: State the deadline in the conflicts of interest policy, 28 days or fewer, and record
    it in `conflicts_of_interest.declaration_deadline_days`.
    Source: From Mid and South Essex ICB's declarations page (declarations updated within 28
    days of a new interest arising, with a formal review each year). For context, the 28-day
    rule of clinical commissioning groups as summarised on NHS Stockport CCG's page; whether
    a statutory time limit applies to ICBs is not verified.
    """
    days = _coi(doc).declaration_deadline_days
    loc = (*COI, "declaration_deadline_days")
    if days is None:
        yield Unknown(
            loc,
            "The constitution does not say how soon a new interest must be declared. The "
            f"common standard is {DEADLINE_DAYS} days, with the register updated in that "
            "time; if the constitution or its conflicts policy sets a deadline, record it in "
            "conflicts_of_interest.declaration_deadline_days.",
        )
    elif days > DEADLINE_DAYS:
        yield Contradiction(
            loc,
            f"The constitution allows a new interest to be declared up to {days} days after "
            f"it arises. The common standard is {DEADLINE_DAYS} days; shorten the deadline to "
            f"{DEADLINE_DAYS} days or fewer.",
        )


@rule(
    code="ICB124",
    slug="declarations-at-meetings",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
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
    Provision: Good practice followed by ICBs, not a provision that requires the
    constitution to say it. A conduct rule: a constitution that is silent is "not stated";
    one that says declarations are not sought, or not minuted, is reported at warning level.
    Why: The standing register may not show an interest in a particular item; asking at the
    meeting, and minuting the answer, shows how each decision was protected.
    Fix: If the standing orders or the conflicts of interest policy provide for them, set
    `conflicts_of_interest.declare_at_each_meeting: true` and `recorded_in_minutes: true`.
    Source: From Mid and South Essex ICB's declarations page (declarations sought during
    board and committee meetings for recording in the minutes) and Birmingham and Solihull
    ICB's register page (declarations at the start of each committee meeting). The rule can
    only check that the provisions are recorded.
    """
    if doc.conflicts_of_interest is None:
        # The whole subject is absent: one to-do, not one per clause.
        yield Missing(
            COI,
            "The constitution does not say that members declare their interests at each "
            "board and committee meeting, or that declarations are minuted; ICBs commonly "
            "provide for both. If it does, set conflicts_of_interest.declare_at_each_meeting "
            "and recorded_in_minutes to true.",
        )
        return
    coi = doc.conflicts_of_interest
    yield from unless_true(
        coi.declare_at_each_meeting,
        (*COI, "declare_at_each_meeting"),
        "The constitution does not say that members declare their interests in the business "
        "at each board and committee meeting; ICBs commonly ask for declarations at every "
        "meeting. If it does, set conflicts_of_interest.declare_at_each_meeting: true.",
        contradicted="The constitution says interests are not declared at each board and "
        "committee meeting. Ask for declarations in the business at every meeting, and set "
        "conflicts_of_interest.declare_at_each_meeting: true.",
    )
    yield from unless_true(
        coi.recorded_in_minutes,
        (*COI, "recorded_in_minutes"),
        "The constitution does not say that declarations at meetings, and how each conflict "
        "was managed, are recorded in the minutes; ICBs commonly minute them. If it does, set "
        "conflicts_of_interest.recorded_in_minutes: true.",
        contradicted="The constitution says declarations at meetings are not recorded in the "
        "minutes. Minute each declaration and how the conflict was managed, and set "
        "conflicts_of_interest.recorded_in_minutes: true.",
    )


# --- ICB125-ICB127: conduct policy, guardian, retention -----------------------------------------


@rule(
    code="ICB125",
    slug="business-conduct-policy",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[HWE_7_3_7, HWE_CONTENTS],
)
def business_conduct_policy(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must have a standards of business conduct policy covering conflicts of interest.

    Requirement: The ICB has a standards of business conduct policy, incorporating conflicts
    of interest, and publishes it. The rule reads `related_documents.sbc_policy`; that
    `transparency.publishes` lists `sbc_policy` is checked by ICB138, with the model's other
    key documents, and is not reported twice.
    Provision: NHS England's model (clause 7.3.7, as used by Hertfordshire and West Essex
    ICB) lists the "Standards of Business Conduct Policy (Incorporating Conflicts of
    Interest)" among the documents the ICB publishes. That is a policy the ICB keeps; no text
    that could be read requires the constitution to name it, so a constitution that does not
    is "not stated", not in breach.
    Why: The policy is where the rules on interests, gifts, hospitality and outside work are
    written down; without it the constitution's conflict arrangements have nothing to apply.
    Fix: If the constitution names the policy, record it in `related_documents.sbc_policy`
    (for example "Standards of Business Conduct Policy (incorporating Conflicts of
    Interest)").
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.7, and the heading of section 6, "... standards of business
    conduct"); NHS England's own model text was not available. The rule can only check that a
    policy is named, not what it says.
    """
    related = doc.related_documents
    if related is None or not related.sbc_policy:
        yield Missing(
            ("related_documents", "sbc_policy"),
            "The constitution does not name a standards of business conduct policy; NHS "
            "England's model has the ICB keep and publish one, incorporating conflicts of "
            "interest. If the constitution names it, record it in related_documents.sbc_policy.",
        )


@rule(
    code="ICB126",
    slug="conflicts-guardian",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        secondary(BSOL_NAME, "paragraph 5 (Conflicts of Interest Guardian)", BSOL_URL),
        HNY,
    ],
)
def conflicts_guardian(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Consider naming a conflicts of interest guardian, usually the audit committee chair.

    Requirement: Optional good practice: some ICBs name a conflicts of interest guardian,
    usually the non-executive member who chairs the audit committee. The rule suggests one
    when `conflicts_of_interest.guardian_seat` is missing, or is not the id of one of the
    board seats listed.
    Provision: Local practice of some ICBs, not a provision of the Act or of NHS England's
    model that could be read, so a conduct rule: a constitution without a guardian is "not
    stated", never in breach.
    Why: A named guardian gives staff and the public someone independent to raise a concern
    about how a conflict was handled.
    Fix: Set `conflicts_of_interest.guardian_seat` to the id of the board seat that holds
    the role (for example the audit committee chair's seat).
    Source: From Birmingham and Solihull ICB's register page (a Conflicts of Interest
    Guardian, the non-executive director who chairs audit) and Humber and North Yorkshire
    ICB's conflicts page (the non-executive member for audit).
    """
    guardian = _coi(doc).guardian_seat
    board_ids = {seat.id for _, seat in seats(doc)}
    loc = (*COI, "guardian_seat")
    if not guardian:
        yield Missing(
            loc,
            "The constitution does not name a conflicts of interest guardian. Some ICBs give "
            "the role to the non-executive member who chairs the audit committee; if the "
            "constitution names one, set conflicts_of_interest.guardian_seat to that seat.",
        )
    elif board_ids and guardian not in board_ids:
        # Not a breach of anything: the reference does not lead to a board member, so the
        # document does not say which member holds the role.
        yield Missing(
            loc,
            f'The conflicts of interest guardian is given as "{guardian}", which is not the '
            "id of any board seat listed, so the constitution does not say which board member "
            "holds the role. Use the id of the seat, such as the audit committee chair's.",
        )


@rule(
    code="ICB127",
    slug="register-retention",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
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
    Provision: Local practice of one ICB, not a provision that requires the constitution to
    say it, so a conduct rule: a constitution that sets no period is "not stated".
    Why: Without a set period, an interest can vanish from the public register just before
    or after the decision it affected.
    Fix: If the constitution or its conflicts policy sets a period, record it in
    `conflicts_of_interest.public_retention_months` (for example 6).
    Source: From Birmingham and Solihull ICB's register page (interests stay on the public
    register for at least six months after expiry, and in a private record for at least six
    years).
    """
    if _coi(doc).public_retention_months is None:
        yield Unknown(
            (*COI, "public_retention_months"),
            "The constitution does not say how long an expired interest stays on the public "
            "register. One ICB keeps it there for six months, and in a private record for six "
            "years; if the constitution or its policy sets a period, record it in "
            "conflicts_of_interest.public_retention_months.",
        )
