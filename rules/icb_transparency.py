"""Accountability and transparency, meetings in public, plans and reports (ICB130 to ICB140).

Every rule here is `conduct`. The model clauses (section 7 of NHS England's model) are
commitments about what the ICB does; which of them NHS England requires every constitution to
keep could not be read, and sections 14Z52 and 14Z58 of the 2006 Act put the plan and the annual
report on the ICB. A constitution that is silent is "not stated"; one that says the opposite
(the board meets in private, a three-year plan) is in breach.
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
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.icb import BoardMeetings, IcbConstitution, PublishedItem
from icslint.registry import NoOptions, rule

from ._support import (
    NHS_ACT_2006,
    SCH_1B,
    has_heading,
    model_clause,
    seats,
    secondary,
    unless_true,
)

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

DESIGN_FRAMEWORK = Citation(
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as summarised in the NHS Confederation briefing of 16 June 2021",
    "Accountability and oversight (pp.37-39), accountability and transparency",
    "https://www.nhsconfed.org/publications/ics-design-framework",
)
# Section 14Z52(1)-(3), in the revised text on legislation.gov.uk.
FORWARD_PLANNING_URL = (
    "https://legislation.gov.uk/ukpga/2006/41/chapter/A3/crossheading/"
    "forward-planning-and-reports/data.xht?view=snippet&wrap=true"
)
# Section 14Z58(1)-(3), in the version of 28 February 2024.
S14Z58_URL = "https://legislation.gov.uk/ukpga/2006/41/section/14Z58/2024-02-28/data.html"

# Where the model clauses below were read: one ICB's copy, not NHS England's own text.
MODEL_COPY = (
    "From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS "
    "England's model"
)


# --- helpers ------------------------------------------------------------------------------------

TRANSPARENCY: Loc = ("transparency",)
MEETINGS: Loc = ("standing_orders", "meetings")


def _published(doc: IcbConstitution) -> tuple[PublishedItem, ...]:
    return doc.transparency.publishes if doc.transparency is not None else ()


def _meetings(doc: IcbConstitution) -> BoardMeetings | None:
    return doc.standing_orders.meetings if doc.standing_orders is not None else None


def _must_publish(doc: IcbConstitution, item: PublishedItem, message: str) -> Iterator[Finding]:
    """The shared check of ICB134 and ICB135: `item` is in transparency.publishes.

    `publishes` gathers commitments from separate clauses, so an item left out of it is a
    commitment the document does not state, not one it denies.
    """
    if item not in _published(doc):
        yield Missing((*TRANSPARENCY, "publishes"), message)


# --- ICB130: the transparency arrangements ------------------------------------------------------


@rule(
    code="ICB130",
    slug="transparency-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 11(2) (number as cited by the model; text not verified)",
            f"{SCH_1B}/paragraph/11",
        ),
        model_clause("7.1.1"),
        secondary(
            "National Health Service Act 2006, Schedule 1A (clinical commissioning groups), "
            "the CCG-era provision the ICB paragraph replaced",
            "paragraph 4(2)",
            "https://www.legislation.gov.uk/ukpga/2006/41/schedule/1A/paragraph/4",
        ),
    ],
)
def transparency_arrangements(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must have arrangements for transparency about its decisions.

    Requirement: The ICB secures transparency about its decisions and how they are made. NHS
    England's model sets out its arrangements in section 7, "Arrangements for ensuring
    accountability and transparency". The rule looks for a section with "transparency" or
    "accountability" in its heading under `sections`, or for `transparency.statement_ref`,
    which says where the arrangements are.
    Provision: Paragraph 11(2) of Schedule 1B, which NHS England's model cites for "the
    requirement for transparency", was not available to read. Its predecessor for clinical
    commissioning groups (Schedule 1A paragraph 4(2)) said the constitution "must also
    specify the arrangements" for transparency, but whether paragraph 11(2) puts it the same
    way could not be confirmed. So the rule treats transparency as a duty of the ICB (conduct):
    a constitution that does not set the arrangements out is "not stated", not in breach.
    Why: The ICB spends public money and takes decisions about local services; the public, its
    partners and NHS England must be able to see how and by whom those decisions are made.
    Fix: If the constitution has the section, list it under `sections` (for example
    `{number: "7", heading: Arrangements for ensuring accountability and transparency}`) and
    set `transparency.statement_ref` to its number; if it has none, add one following NHS
    England's model.
    Source: Secondary; paragraph 11(2) of Schedule 1B is not verified (its text was not
    available). From the constitution of NHS Hertfordshire and West Essex ICB, which follows
    NHS England's model (clause 7.1.1, which cites paragraph 11(2)); NHS England's own model
    text was not available. For comparison, Schedule 1A paragraph 4(2) to the 2006 Act (the
    constitution of a clinical commissioning group must specify the arrangements for securing
    transparency about its decisions), read in a copy of the legislation.gov.uk text. The
    rule can only check that the arrangements are there, not what they say.
    """
    statement = doc.transparency.statement_ref if doc.transparency is not None else None
    # Either fact shows the arrangements are set out; a document given only in part may have
    # one without the other.
    if statement is None and not has_heading(doc, ("transparen",), ("accountab",)):
        yield Missing(
            (*TRANSPARENCY, "statement_ref"),
            "The constitution does not say where its arrangements for transparency about the "
            "ICB's decisions are set out. NHS England's model sets them out in section 7 "
            '("Arrangements for ensuring accountability and transparency"). If the '
            "constitution has the section, list it under sections and set "
            "transparency.statement_ref to its number.",
        )


# --- ICB131-ICB133: meetings in public ---------------------------------------------------------


def _limited_to_public_interest(grounds: str) -> bool:
    """Whether stated grounds for excluding the public keep to the public-interest ground.

    The usual wording is the model's ("not in the public interest") or that of the Public
    Bodies (Admission to Meetings) Act 1960 ("prejudicial to the public interest by reason of
    the confidential nature of the business"), which standing orders often shorten to
    "confidential business".
    """
    text = grounds.casefold()
    return "public interest" in text or "confidential" in text


@rule(
    code="ICB131",
    slug="board-meetings-in-public",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.1"), DESIGN_FRAMEWORK],
)
def board_meetings_in_public(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Board meetings must be held in public, excluding the public only by resolution.

    Requirement: Meetings of the board are held in public. The public may be excluded only by
    a resolution of the board, on the ground that admitting them would not be in the public
    interest.
    Provision: NHS England's model (clause 7.3.1): board meetings "will be held in public
    except where a resolution is agreed to exclude the public on the grounds that it is
    believed not to be in the public interest". That is a rule for how the board meets;
    whether NHS England requires the clause to stay in every constitution could not be read,
    so this is a conduct rule: standing orders that are silent are "not stated"; standing
    orders that say the board meets in private, that let the public be excluded without a
    resolution, or on other grounds, are in breach.
    Why: Meeting in public is the main way local people can see the ICB's decisions being
    made; a clear rule on exclusion stops private meetings becoming the norm.
    Fix: Under `standing_orders.meetings` record what the standing orders say:
    `board_in_public: true`, `exclusion_requires_resolution: true`, and in
    `exclusion_grounds` the public-interest ground (or the confidential nature of the
    business). If they say otherwise, change them.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.1); NHS England's own model text was not available. Also the
    design framework (June 2021), "Accountability and oversight", as summarised by the NHS
    Confederation (accountability supported by "public meetings, published minutes"). Whether
    the grounds are met at a given meeting cannot be checked; the rule only checks that the
    stated grounds are the public interest or the confidential nature of the business.
    """
    meetings = _meetings(doc)
    if meetings is None:
        yield Missing(
            MEETINGS,
            "The standing orders do not say whether board meetings are held in public; NHS "
            "England's model holds them in public, excluding the public only by a resolution "
            "on public-interest grounds. Record what the standing orders say under "
            "standing_orders.meetings (board_in_public, exclusion_requires_resolution, "
            "exclusion_grounds).",
        )
        return
    yield from unless_true(
        meetings.board_in_public,
        (*MEETINGS, "board_in_public"),
        "The standing orders do not say that board meetings are held in public; NHS "
        "England's model holds them in public. If they do, set board_in_public: true.",
        contradicted="The standing orders say board meetings are not held in public. NHS "
        "England's model holds them in public, excluding the public only by resolution for "
        "particular business; change the standing orders and set board_in_public: true.",
    )
    yield from unless_true(
        meetings.exclusion_requires_resolution,
        (*MEETINGS, "exclusion_requires_resolution"),
        "The standing orders do not say that the public may be excluded from a board meeting "
        "only by a resolution; NHS England's model requires one. If they do, set "
        "exclusion_requires_resolution: true.",
        contradicted="The standing orders let the public be excluded from a board meeting "
        "without a resolution of the board. NHS England's model requires a resolution; change "
        "the standing orders and set exclusion_requires_resolution: true.",
    )
    grounds = meetings.exclusion_grounds
    if grounds is None:
        yield Missing(
            (*MEETINGS, "exclusion_grounds"),
            "The standing orders do not say on what grounds the public may be excluded from a "
            "board meeting; NHS England's model allows it only where admitting them would not "
            "be in the public interest. If they give grounds, record them in "
            "exclusion_grounds.",
        )
    elif not _limited_to_public_interest(grounds):
        yield Contradiction(
            (*MEETINGS, "exclusion_grounds"),
            "The standing orders let the public be excluded on the ground "
            f'"{grounds.strip().rstrip(".")}". '
            "NHS England's model allows exclusion only where admitting the public would not "
            "be in the public interest (for example because of the confidential nature of the "
            "business); limit the grounds to that.",
        )


@rule(
    code="ICB132",
    slug="whole-board-committees-in-public",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.1")],
)
def whole_board_committees_in_public(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A committee that includes every voting board member must meet in public too.

    Requirement: The rule that board meetings are held in public also covers any committee
    that includes all the board's members. The rule treats a committee whose `member_seats`
    include every voting board seat as such a committee and looks for `in_public: true`.
    Provision: NHS England's model (clause 7.3.1) extends the meet-in-public rule to
    "committees composed entirely of board members or that include all board members". It
    is a rule for how those committees meet, so a conduct rule: a committee of the whole
    board whose terms do not say it meets in public is "not stated"; one that says it meets
    in private is in breach.
    Why: Otherwise the board could take its decisions in private simply by meeting as a
    committee of all its members.
    Fix: On the committee record `in_public: true` if its terms of reference say so (the
    public may still be excluded by resolution for confidential items); if they say it meets
    in private, change them or its membership.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.1); NHS England's own model text was not available. The
    clause also covers committees "composed entirely of board members"; that limb is not
    checked, because `member_seats` lists only board seats and cannot show whether a
    committee has members from outside the board.
    """
    voting = {seat.id for _, seat in seats(doc) if seat.voting}
    if not voting or not doc.committees:
        yield NotApplicable("The constitution as given lists no board seats or no committees.")
        return
    whole_board = [
        (index, committee)
        for index, committee in enumerate(doc.committees)
        if voting <= set(committee.member_seats)
    ]
    if not whole_board:
        yield NotApplicable("No committee listed includes every voting member of the board.")
    for index, committee in whole_board:
        loc = ("committees", index, "in_public")
        if committee.in_public is None:
            yield Missing(
                loc,
                f'The committee "{committee.name}" includes every voting member of the board, '
                "so NHS England's meet-in-public rule applies to it, but the constitution does "
                "not say it meets in public. If its terms of reference say so, set "
                "in_public: true.",
            )
        elif committee.in_public is False:
            yield Contradiction(
                loc,
                f'The committee "{committee.name}" includes every voting member of the board '
                "but is said to meet in private. NHS England's model holds such committees in "
                "public, as the board is; set in_public: true (the public may still be "
                "excluded by resolution for confidential business) or change its membership.",
            )


@rule(
    code="ICB133",
    slug="papers-and-minutes-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.2"), DESIGN_FRAMEWORK],
)
def papers_and_minutes_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must publish the papers and minutes of every meeting held in public.

    Requirement: The ICB publishes the papers and the minutes of all its meetings held in
    public.
    Provision: NHS England's model (clause 7.3.2): "Papers and minutes of all meetings held in
    public will be published." A commitment about what the ICB does; no text that could be
    read requires the constitution itself to say it, so a conduct rule: standing orders that
    are silent are "not stated"; ones that say papers or minutes are not published are in
    breach.
    Why: People who cannot attend must still be able to see what was decided and on what
    information.
    Fix: Under `standing_orders.meetings` record `papers_published: true` and
    `minutes_published: true` if the constitution says so; if it says otherwise, change it.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.2); NHS England's own model text was not available. Also the
    design framework (June 2021), "Accountability and oversight", as summarised by the NHS
    Confederation ("published minutes"). The rule can only check that the commitments are
    recorded.
    """
    meetings = _meetings(doc)
    if meetings is None:
        yield Missing(
            MEETINGS,
            "The standing orders do not say whether the papers and minutes of meetings held in "
            "public are published; NHS England's model publishes both. Record what they say "
            "under standing_orders.meetings (papers_published, minutes_published).",
        )
        return
    for field, words in (("papers_published", "papers"), ("minutes_published", "minutes")):
        yield from unless_true(
            getattr(meetings, field),
            (*MEETINGS, field),
            f"The standing orders do not say that the {words} of meetings held in public are "
            f"published; NHS England's model publishes them. If they do, set {field}: true.",
            contradicted=f"The standing orders say the {words} of meetings held in public are "
            f"not published. NHS England's model publishes them; change the standing orders "
            f"and set {field}: true.",
        )


# --- ICB134-ICB138: what the ICB publishes and provides ----------------------------------------


@rule(
    code="ICB134",
    slug="audited-accounts-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.3")],
)
def audited_accounts_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The annual accounts must be externally audited and published.

    Requirement: The ICB's annual accounts are externally audited and published.
    Provision: NHS England's model (clause 7.3.3): "Annual accounts will be externally audited
    and published." A commitment about what the ICB does; no text that could be read requires
    the constitution itself to say it, so a constitution that does not is "not stated", not in
    breach.
    Why: Audited, published accounts are how the public and Parliament can follow what the
    ICB did with the money allocated to it.
    Fix: If the constitution makes the commitment, add `audited_accounts` to
    `transparency.publishes`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.3); NHS England's own model text was not available. The rule
    can only check that the commitment is listed.
    """
    yield from _must_publish(
        doc,
        "audited_accounts",
        "The constitution does not say that the ICB's annual accounts are externally audited "
        "and published; NHS England's model commits the ICB to both. If the constitution does, "
        "add audited_accounts to transparency.publishes.",
    )


@rule(
    code="ICB135",
    slug="complaints-process-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.4")],
)
def complaints_process_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must publish a clear complaints process.

    Requirement: The ICB publishes a clear process for making complaints.
    Provision: NHS England's model (clause 7.3.4): "A clear complaints process will be
    published." A commitment about what the ICB does; no text that could be read requires the
    constitution itself to say it, so a constitution that does not is "not stated", not in
    breach.
    Why: People who are unhappy with the ICB or the services it commissions need to know how
    to complain and what will happen.
    Fix: If the constitution makes the commitment, add `complaints_process` to
    `transparency.publishes`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.4); NHS England's own model text was not available. The rule
    can only check that the commitment is listed, not that the process is clear.
    """
    yield from _must_publish(
        doc,
        "complaints_process",
        "The constitution does not say that the ICB publishes a complaints process; NHS "
        "England's model commits the ICB to a clear, published process. If the constitution "
        "does, add complaints_process to transparency.publishes.",
    )


@rule(
    code="ICB136",
    slug="freedom-of-information",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("7.3.5")],
)
def freedom_of_information(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must comply with freedom of information law and the ICO's publication rules.

    Requirement: The ICB complies with the Freedom of Information Act 2000 and with the
    Information Commissioner's Office's requirements on publishing information about the ICB.
    Provision: NHS England's model (clause 7.3.5): the ICB "will comply with the Freedom of
    Information Act 2000" and the Information Commissioner's requirements. As a public
    authority the ICB is bound whatever its constitution says, so a conduct rule: a
    constitution that is silent is "not stated"; one recorded as not making the commitment
    is in breach.
    Why: As a public authority the ICB must answer requests for information and keep a
    publication scheme; the constitution commits it to doing so.
    Fix: If the constitution makes the commitment, set `transparency.foi_compliance: true`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.5); NHS England's own model text was not available. The
    Freedom of Information Act 2000 itself was not read for this rule. The rule can only
    check that the commitment is recorded.
    """
    transparency = doc.transparency
    yield from unless_true(
        transparency.foi_compliance if transparency is not None else None,
        (*TRANSPARENCY, "foi_compliance"),
        "The constitution does not say that the ICB complies with the Freedom of Information "
        "Act and the Information Commissioner's publication requirements; NHS England's "
        "model commits the ICB to both. If it does, set transparency.foi_compliance: true.",
        contradicted="The constitution is recorded as not committing the ICB to comply with "
        "the Freedom of Information Act and the Information Commissioner's publication "
        "requirements (foi_compliance: false). As a public authority the ICB must comply, and "
        "NHS England's model commits it to doing so; add the commitment and set "
        "transparency.foi_compliance: true.",
    )


@rule(
    code="ICB137",
    slug="information-to-nhs-england",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        model_clause("7.3.6"),
        secondary(
            "National Health Service (Joint Working and Delegation Arrangements) (England) "
            "Regulations 2022 (SI 2022/642), which lists section 14Z60 of the 2006 Act (power "
            "of NHS England to obtain information)",
            "regulation 2",
            "https://zoomlaw.co.uk/2022-642-uksi.html",
        ),
    ],
)
def information_to_nhs_england(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must give NHS England the information it requires.

    Requirement: The ICB provides information to NHS England as NHS England requires.
    Provision: NHS England's model (clause 7.3.6): "Information will be provided to NHS
    England as required." The underlying power (section 14Z60 of the 2006 Act) is NHS
    England's, and binds the ICB whatever its constitution says, so a conduct rule: a
    constitution that is silent is "not stated"; one recorded as not making the commitment
    is in breach.
    Why: NHS England assesses each ICB's performance every year and can intervene; it can only
    do so on the information the ICB gives it.
    Fix: If the constitution makes the commitment, set `transparency.info_to_nhse: true`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 7.3.6); NHS England's own model text was not available. Section
    14Z60 of the 2006 Act is known by its number and title from regulation 2 of SI 2022/642,
    in an unofficial copy; the section's text was not available. The rule can only check
    that the commitment is recorded.
    """
    transparency = doc.transparency
    yield from unless_true(
        transparency.info_to_nhse if transparency is not None else None,
        (*TRANSPARENCY, "info_to_nhse"),
        "The constitution does not say that the ICB provides NHS England with the information "
        "it requires; NHS England's model commits the ICB to doing so. If it does, set "
        "transparency.info_to_nhse: true.",
        contradicted="The constitution is recorded as not committing the ICB to provide NHS "
        "England with the information it requires (info_to_nhse: false). NHS England has the "
        "power to require it, and its model commits the ICB to it; add the commitment and set "
        "transparency.info_to_nhse: true.",
    )


# The documents clause 7.3.7 of the model lists, with the words a message uses for each.
KEY_DOCUMENTS: dict[PublishedItem, str] = {
    "constitution": "the constitution",
    "governance_handbook": "the governance handbook",
    "sbc_policy": "the standards of business conduct policy",
    "registers_of_interests": "the registers of interests",
    "key_policies": "key policies",
}


@rule(
    code="ICB138",
    slug="key-documents-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        model_clause("7.3.7"),
        secondary(
            "NHS Humber and North Yorkshire ICB, Governance information",
            "publication of the constitution, cited by the ICB as section 14Z29 (not verified)",
            "https://humberandnorthyorkshire.icb.nhs.uk/governance",
        ),
    ],
)
def key_documents_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution, handbook, conduct policy, registers and key policies must be published.

    Requirement: The ICB publishes its constitution and governance handbook, its standards of
    business conduct policy (which covers conflicts of interest), its registers of interests
    and its other key policies.
    Provision: NHS England's model (clause 7.3.7): "The Constitution and Governance Handbook
    will be published as well as other key documents", naming the conduct policy, the
    registers and key policies. A commitment about what the ICB does; no text that could be
    read requires the constitution itself to list them, so a constitution that does not is
    "not stated", not in breach.
    Why: These documents say who sits on the board, who decides what and what interests they
    hold; the public can only hold the ICB to them if they are published.
    Fix: Add each item the constitution commits to publishing (`constitution`,
    `governance_handbook`, `sbc_policy`, `registers_of_interests`, `key_policies`) to
    `transparency.publishes`.
    Source: Secondary. From the constitution of NHS Hertfordshire and West Essex ICB, which
    follows NHS England's model (clause 7.3.7); NHS England's own model text was not
    available. Humber and North Yorkshire ICB's governance page says the ICB must publish its
    constitution and cites section 14Z29 of the 2006 Act; that section is not verified, so
    the rule rests on the model. The rule can only check that the items are listed.
    """
    published = _published(doc)
    missing = [words for item, words in KEY_DOCUMENTS.items() if item not in published]
    if missing:
        listed = ", ".join(missing[:-1]) + (" or " if len(missing) > 1 else "") + missing[-1]
        yield Missing(
            (*TRANSPARENCY, "publishes"),
            f"The constitution does not say that the ICB publishes {listed}; NHS England's "
            "model commits the ICB to publish them. Add each one the constitution commits to "
            "publishing to transparency.publishes.",
        )


# --- ICB139-ICB140: the joint forward plan and the annual report --------------------------------

PLAN_YEARS = 5


@rule(
    code="ICB139",
    slug="joint-forward-plan",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        Citation(NHS_ACT_2006, "section 14Z52(1)-(3)", FORWARD_PLANNING_URL),
        model_clause("7.3.8"),
        secondary(
            "NHS England, Guidance on developing the joint forward plan (December 2022)",
            "section 1.1",
            "https://www.england.nhs.uk/long-read/guidance-on-developing-the-joint-forward-plan/",
        ),
    ],
)
def joint_forward_plan(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB and its partner trusts must plan together for the next five years.

    Requirement: Before the start of each financial year the ICB and its partner NHS trusts
    and foundation trusts must prepare, and then publish, a plan setting out how the ICB
    proposes to exercise its functions in the next five years. The plan explains how the ICB
    will discharge its general duties (sections 14Z34 to 14Z45) and financial duties
    (sections 223GB to 223N) and implement any relevant joint local health and wellbeing
    strategy. Where the constitution describes the plan, the rule checks that it is joint
    with the partner trusts and covers five years.
    Provision: Section 14Z52(1) puts the duty to prepare a joint forward plan on the ICB and
    its partner trusts, and section 14Z52(3) the duty to publish it; nothing requires the
    constitution to repeat it, so a constitution that is silent on it is "not stated", not in
    breach. A constitution that describes a plan made without the partner trusts, or for a
    period other than five years, is in breach.
    Why: The joint forward plan is how the ICB and the trusts commit together to delivering
    the system's priorities; a plan made by the ICB alone, or over a shorter period, is not
    the plan the Act requires.
    Fix: Where the constitution describes the plan, record under `plans.joint_forward_plan`
    `with_partner_trusts: true` and `horizon_years: 5`, and describe the timing as preparing
    the plan before the start of each financial year (not publishing it at the start).
    Source: Read in the text of the Act on legislation.gov.uk (section 14Z52(1) to (3), in
    the revised text): the plan is prepared "before the start" of each financial year, and
    the financial duties are those of "sections 223GB to 223N". The constitution of NHS
    Hertfordshire and West Essex ICB, which follows NHS England's model (clause 7.3.8), and
    NHS England's joint forward plan guidance (December 2022, section 1.1) describe the same
    plan. The Act sets no date for publication, so the rule does not check `timing`.
    """
    plan = doc.plans.joint_forward_plan if doc.plans is not None else None
    loc: Loc = ("plans", "joint_forward_plan")
    if plan is None:
        yield Missing(
            loc,
            "The constitution does not describe the joint forward plan. The NHS Act (section "
            "14Z52) requires the ICB and its partner NHS trusts and foundation trusts to "
            "prepare, before the start of each financial year, a plan for the next five years, "
            "and to publish it. If the constitution describes the plan, record it under "
            "plans.joint_forward_plan.",
        )
        return
    yield from unless_true(
        plan.with_partner_trusts,
        (*loc, "with_partner_trusts"),
        "The constitution does not say that the forward plan is prepared jointly with the "
        "ICB's partner NHS trusts and foundation trusts; section 14Z52 of the NHS Act "
        "requires a joint plan. If it does, set with_partner_trusts: true.",
        contradicted="The constitution says the forward plan is not prepared with the ICB's "
        "partner NHS trusts and foundation trusts. The NHS Act (section 14Z52) requires the "
        "ICB and those trusts to prepare it together; change the constitution and set "
        "with_partner_trusts: true.",
    )
    horizon = plan.horizon_years
    if horizon is None:
        yield Unknown(
            (*loc, "horizon_years"),
            "The constitution does not say how many years the joint forward plan covers; "
            "section 14Z52 of the NHS Act requires a plan for the next five years. If the "
            "constitution gives the period, record it in horizon_years.",
        )
    elif horizon != PLAN_YEARS:
        yield Contradiction(
            (*loc, "horizon_years"),
            f"The constitution describes a joint forward plan covering {horizon} years. "
            "The NHS Act (section 14Z52) requires a plan for the next five years, prepared "
            f"before the start of each financial year; change it and set horizon_years: "
            f"{PLAN_YEARS}.",
        )


@rule(
    code="ICB140",
    slug="annual-report-health-and-wellbeing-strategy",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[Citation(NHS_ACT_2006, "section 14Z58(2)(d) and (3)", S14Z58_URL)],
)
def annual_report_health_and_wellbeing_strategy(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The annual report must review the wellbeing strategy steps, after consulting the HWBs.

    Requirement: The ICB's annual report must review the steps the ICB has taken to implement
    each joint local health and wellbeing strategy it must have regard to, and in making that
    review the ICB must consult each relevant health and wellbeing board.
    Provision: Section 14Z58(2)(d) says what the ICB's annual report must in particular
    contain (a review of the steps taken to implement each relevant joint local health and
    wellbeing strategy), and section 14Z58(3) that the ICB must consult each relevant health
    and wellbeing board on that review. Both are duties on the ICB when it prepares the
    report; nothing requires the constitution to repeat them, so a constitution that is silent
    is "not stated", not in breach. One that says the report does not review the strategies,
    or that the boards are not consulted, is in breach.
    Why: Health and wellbeing boards set the local strategies; the annual review, and their
    say in it, is how they hold the ICB to its part.
    Fix: Where the constitution describes the annual report, record under
    `plans.annual_report` `jlhws_review: true` and `hwb_consulted: true`.
    Source: Read in the text of the Act on legislation.gov.uk (section 14Z58(2)(d) and (3),
    in the version of 28 February 2024).
    """
    report = doc.plans.annual_report if doc.plans is not None else None
    loc: Loc = ("plans", "annual_report")
    if report is None:
        yield Missing(
            loc,
            "The constitution does not describe the annual report. The NHS Act (section 14Z58) "
            "requires the ICB's annual report to review the steps taken to implement each "
            "relevant joint local health and wellbeing strategy, after consulting each relevant "
            "health and wellbeing board. If the constitution describes the report, record it "
            "under plans.annual_report.",
        )
        return
    yield from unless_true(
        report.jlhws_review,
        (*loc, "jlhws_review"),
        "The constitution does not say that the annual report reviews the steps the ICB has "
        "taken to implement the joint local health and wellbeing strategies; section "
        "14Z58(2)(d) of the NHS Act requires the review. If it does, set jlhws_review: true.",
        contradicted="The constitution says the annual report does not review the steps taken "
        "to implement the joint local health and wellbeing strategies. The NHS Act (section "
        "14Z58(2)(d)) requires the review; change it and set jlhws_review: true.",
    )
    yield from unless_true(
        report.hwb_consulted,
        (*loc, "hwb_consulted"),
        "The constitution does not say that each relevant health and wellbeing board is "
        "consulted on the annual report's review of the wellbeing strategies; section 14Z58(3) "
        "of the NHS Act requires it. If it does, set hwb_consulted: true.",
        contradicted="The constitution says the health and wellbeing boards are not consulted "
        "on the annual report's review of the wellbeing strategies. The NHS Act (section "
        "14Z58(3)) requires the ICB to consult each relevant board; change it and set "
        "hwb_consulted: true.",
    )
