"""Catalogue section K: accountability and transparency, meetings in public, plans and reports."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Loc, Severity
from icslint.models.icb import IcbConstitution, PublishedItem
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
# Catalogue source N01: s14Z52(1)-(3) read in full on legislation.gov.uk.
FORWARD_PLANNING_URL = (
    "https://legislation.gov.uk/ukpga/2006/41/chapter/A3/crossheading/"
    "forward-planning-and-reports/data.xht?view=snippet&wrap=true"
)
# Catalogue source N02, re-read for these rules: s14Z58(1)-(3) in full.
S14Z58_URL = "https://legislation.gov.uk/ukpga/2006/41/section/14Z58/2024-02-28/data.html"


# --- helpers ------------------------------------------------------------------------------------

TRANSPARENCY: Loc = ("transparency",)
MEETINGS: Loc = ("standing_orders", "meetings")


def _published(doc: IcbConstitution) -> tuple[PublishedItem, ...]:
    return doc.transparency.publishes if doc.transparency is not None else ()


def _must_publish(doc: IcbConstitution, item: PublishedItem, message: str) -> Iterator[Finding]:
    """The shared check of ICB134 and ICB135: `item` is in transparency.publishes."""
    if item not in _published(doc):
        yield Finding((*TRANSPARENCY, "publishes"), message)


# --- ICB130: the transparency arrangements ------------------------------------------------------


@rule(
    code="ICB130",
    slug="transparency-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
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
    """The constitution must set out its arrangements for transparency about decisions.

    Requirement: The constitution must provide for transparency about the ICB's decisions and
    how they are made. NHS England's model does this in section 7, "Arrangements for ensuring
    accountability and transparency". The rule checks that a section with such a heading is
    listed and that `transparency.statement_ref` points to the clause.
    Why: The ICB spends public money and takes decisions about local services; the public, its
    partners and NHS England must be able to see how and by whom those decisions are made.
    Fix: Add the section (for example `{number: "7", heading: Arrangements for ensuring
    accountability and transparency}` under `sections`) and set `transparency.statement_ref`
    to its number.
    Source: Secondary. The model constitution's clause 7.1.1, read in full as reproduced by
    Herts and West Essex ICB (section 7), cites "paragraph 11(2) of Schedule 1B"; the text of
    paragraph 11 was not read (no stored copy of Schedule 1B goes past paragraph 8(1)(a)), so
    the number and wording are [S]. The CCG-era equivalent, Schedule 1A paragraph 4(2) (the
    constitution must specify the arrangements for securing transparency about decisions and
    how they are made), was read in a mirrored copy of legislation.gov.uk. Shipped at error
    level as statute [S]. This is a presence-of-clause rule: it can only check that the
    section is there, not what it says.
    """
    if not has_heading(doc, ("transparen",), ("accountab",)):
        yield Finding(
            ("sections",),
            "The constitution has no section on accountability and transparency. Schedule 1B "
            "(paragraph 11(2), as cited in NHS England's model) requires arrangements for "
            "transparency about the ICB's decisions; add the model's section 7, \"Arrangements "
            'for ensuring accountability and transparency", to sections.',
        )
    statement = doc.transparency.statement_ref if doc.transparency is not None else None
    if statement is None:
        yield Finding(
            (*TRANSPARENCY, "statement_ref"),
            "The constitution does not say where its transparency arrangements are set out. "
            "Set transparency.statement_ref to the section that holds them (section 7 in NHS "
            "England's model).",
        )


# --- ICB131-ICB133: meetings in public ---------------------------------------------------------


@rule(
    code="ICB131",
    slug="board-meetings-in-public",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.1"), DESIGN_FRAMEWORK],
)
def board_meetings_in_public(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Board meetings must be held in public, excluding the public only by resolution.

    Requirement: Meetings of the board are held in public. The public may be excluded only by
    a resolution of the board, on the ground that admitting them would not be in the public
    interest.
    Why: Meeting in public is the main way local people can see the ICB's decisions being
    made; a clear rule on exclusion stops private sessions becoming the norm.
    Fix: Under `standing_orders.meetings` set `board_in_public: true` and
    `exclusion_requires_resolution: true`, and state in `exclusion_grounds` that the public
    is excluded only where admitting them would not be in the public interest.
    Source: The model constitution's clause 7.3.1, read in full as reproduced by Herts and
    West Essex ICB; the design framework (June 2021), "Accountability and oversight", read in
    the NHS Confederation's briefing (seed 004, read in full: accountability and transparency
    supported by "public meetings, published minutes"); nhse-policy [S]. Whether the grounds
    are met at a given meeting cannot be checked; the rule only checks that they mention the
    public interest.
    """
    meetings = doc.standing_orders.meetings if doc.standing_orders is not None else None
    yield from unless_true(
        meetings.board_in_public if meetings is not None else None,
        (*MEETINGS, "board_in_public"),
        "The standing orders do not say that board meetings are held in public. NHS "
        "England's model requires it; set board_in_public: true.",
    )
    yield from unless_true(
        meetings.exclusion_requires_resolution if meetings is not None else None,
        (*MEETINGS, "exclusion_requires_resolution"),
        "The standing orders do not say that the public may be excluded from a board meeting "
        "only by a resolution. Add the rule and set exclusion_requires_resolution: true.",
    )
    grounds = meetings.exclusion_grounds if meetings is not None else None
    if grounds is None or "public interest" not in grounds.casefold():
        yield Finding(
            (*MEETINGS, "exclusion_grounds"),
            "The standing orders do not limit the exclusion of the public to cases where "
            "admitting them would not be in the public interest. State that ground in "
            "exclusion_grounds.",
        )


@rule(
    code="ICB132",
    slug="whole-board-committees-in-public",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.1")],
)
def whole_board_committees_in_public(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A committee that includes every voting board member must meet in public too.

    Requirement: The rule that board meetings are held in public also covers any committee
    that includes all the board's members. The rule treats a committee whose `member_seats`
    include every voting board seat as such a committee and requires `in_public: true`.
    Why: Otherwise the board could take its decisions in private simply by meeting as a
    committee of all its members.
    Fix: On the committee set `in_public: true` (the public may still be excluded by
    resolution for confidential items), or change its membership.
    Source: The model constitution's clause 7.3.1, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. The clause also covers committees "composed entirely of
    board members"; that limb is not checked, because `member_seats` lists only board seats
    and cannot show whether a committee has members from outside the board.
    """
    voting = {seat.id for _, seat in seats(doc) if seat.voting}
    if not voting:
        return
    for index, committee in enumerate(doc.committees):
        if voting <= set(committee.member_seats) and committee.in_public is not True:
            yield Finding(
                ("committees", index, "in_public"),
                f'The committee "{committee.name}" includes every voting member of the board, '
                "so the board's meet-in-public rule applies to it. Set in_public: true; the "
                "public may still be excluded by resolution for confidential business.",
            )


@rule(
    code="ICB133",
    slug="papers-and-minutes-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.2"), DESIGN_FRAMEWORK],
)
def papers_and_minutes_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The papers and minutes of every meeting held in public must be published.

    Requirement: The ICB publishes the papers and the minutes of all its meetings held in
    public.
    Why: People who cannot attend must still be able to see what was decided and on what
    information.
    Fix: Under `standing_orders.meetings` set `papers_published: true` and
    `minutes_published: true`.
    Source: The model constitution's clause 7.3.2, read in full as reproduced by Herts and
    West Essex ICB; the design framework (June 2021), "Accountability and oversight", read in
    the NHS Confederation's briefing (seed 004, read in full: "published minutes");
    nhse-policy [S]. This is a presence-of-clause rule: it can only check that the clauses
    are present.
    """
    meetings = doc.standing_orders.meetings if doc.standing_orders is not None else None
    yield from unless_true(
        meetings.papers_published if meetings is not None else None,
        (*MEETINGS, "papers_published"),
        "The standing orders do not say that the papers of meetings held in public are "
        "published. NHS England's model requires it; set papers_published: true.",
    )
    yield from unless_true(
        meetings.minutes_published if meetings is not None else None,
        (*MEETINGS, "minutes_published"),
        "The standing orders do not say that the minutes of meetings held in public are "
        "published. NHS England's model requires it; set minutes_published: true.",
    )


# --- ICB134-ICB138: what the ICB publishes and provides ----------------------------------------


@rule(
    code="ICB134",
    slug="audited-accounts-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.3")],
)
def audited_accounts_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The annual accounts must be externally audited and published.

    Requirement: The ICB's annual accounts are externally audited and published.
    Why: Audited, published accounts are how the public and Parliament can follow what the
    ICB did with the money allocated to it.
    Fix: Add `audited_accounts` to `transparency.publishes`.
    Source: The model constitution's clause 7.3.3, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. This is a presence-of-clause rule: it can only check that
    the commitment is listed.
    """
    yield from _must_publish(
        doc,
        "audited_accounts",
        "The constitution does not commit the ICB to have its annual accounts externally "
        "audited and published. NHS England's model requires it; add audited_accounts to "
        "transparency.publishes.",
    )


@rule(
    code="ICB135",
    slug="complaints-process-published",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.4")],
)
def complaints_process_published(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must publish a clear complaints process.

    Requirement: The ICB publishes a clear process for making complaints.
    Why: People who are unhappy with the ICB or the services it commissions need to know how
    to complain and what will happen.
    Fix: Add `complaints_process` to `transparency.publishes`.
    Source: The model constitution's clause 7.3.4, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. This is a presence-of-clause rule: it can only check that
    the commitment is listed, not that the process is clear.
    """
    yield from _must_publish(
        doc,
        "complaints_process",
        "The constitution does not commit the ICB to publish a complaints process. NHS "
        "England's model requires a clear, published process; add complaints_process to "
        "transparency.publishes.",
    )


@rule(
    code="ICB136",
    slug="freedom-of-information",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("7.3.5")],
)
def freedom_of_information(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must comply with freedom of information law and the ICO's publication rules.

    Requirement: The ICB complies with the Freedom of Information Act 2000 and with the
    Information Commissioner's Office's requirements on publishing information about the ICB.
    Why: As a public authority the ICB must answer requests for information and keep a
    publication scheme; the constitution commits it to doing so.
    Fix: State the commitment and set `transparency.foi_compliance: true`.
    Source: The model constitution's clause 7.3.5, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. The Freedom of Information Act 2000 itself was not read
    for this rule. This is a presence-of-clause rule: it can only check that the commitment
    is present.
    """
    transparency = doc.transparency
    yield from unless_true(
        transparency.foi_compliance if transparency is not None else None,
        (*TRANSPARENCY, "foi_compliance"),
        "The constitution does not commit the ICB to comply with the Freedom of Information "
        "Act 2000 and the Information Commissioner's publication requirements. Add the "
        "commitment and set transparency.foi_compliance: true.",
    )


@rule(
    code="ICB137",
    slug="information-to-nhs-england",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
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
    Why: NHS England assesses each ICB's performance every year and can intervene; it can only
    do so on the information the ICB gives it.
    Fix: State the commitment and set `transparency.info_to_nhse: true`.
    Source: The model constitution's clause 7.3.6, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. The underlying power is section 14Z60 of the 2006 Act
    (NHS England's power to obtain information), known by its number and title from SI
    2022/642 regulation 2 (catalogue N03, an unofficial copy); the section's text was not
    read. This is a presence-of-clause rule: it can only check that the commitment is present.
    """
    transparency = doc.transparency
    yield from unless_true(
        transparency.info_to_nhse if transparency is not None else None,
        (*TRANSPARENCY, "info_to_nhse"),
        "The constitution does not commit the ICB to provide NHS England with the information "
        "it requires. Add the commitment and set transparency.info_to_nhse: true.",
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
    Why: These documents say who sits on the board, who decides what and what interests they
    hold; the public can only hold the ICB to them if they are published.
    Fix: Add each missing item (`constitution`, `governance_handbook`, `sbc_policy`,
    `registers_of_interests`, `key_policies`) to `transparency.publishes`.
    Source: The model constitution's clause 7.3.7, read in full as reproduced by Herts and
    West Essex ICB; nhse-policy [S]. Humber and North Yorkshire ICB's governance page, read,
    says the ICB must publish its constitution and cites section 14Z29 of the 2006 Act; that
    section was searched for and not found, so the statutory duty is not verified and the
    rule rests on the model. This is a presence-of-clause rule: it can only check that the
    items are listed.
    """
    published = _published(doc)
    missing = [words for item, words in KEY_DOCUMENTS.items() if item not in published]
    if missing:
        listed = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
        yield Finding(
            (*TRANSPARENCY, "publishes"),
            f"The constitution does not commit the ICB to publish {listed}. NHS England's "
            "model requires them to be published; add the missing items to "
            "transparency.publishes.",
        )


# --- ICB139-ICB140: the joint forward plan and the annual report --------------------------------


@rule(
    code="ICB139",
    slug="joint-forward-plan",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
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
    strategy. The rule checks that the constitution describes the plan as joint with the
    partner trusts and as covering five years.
    Why: The joint forward plan is how the ICB and the trusts commit together to delivering
    the system's priorities; a plan made by the ICB alone, or over a shorter period, is not
    the plan the Act requires.
    Fix: Under `plans.joint_forward_plan` set `with_partner_trusts: true` and
    `horizon_years: 5`. Describe the timing as preparing the plan before the start of each
    financial year (not publishing it at the start).
    Source: Section 14Z52(1) to (3) of the 2006 Act, read in full in the revised text on
    legislation.gov.uk (catalogue N01, [V]; the addendum corrected "at the start" to "before
    the start", and "223GB and 223N" to "223GB to 223N"). The model constitution's clause
    7.3.8 (Herts and West Essex) and NHS England's joint forward plan guidance (section 1.1),
    both read, describe the same plan. The statute sets no date for publication, so the rule
    does not check `timing`.
    """
    plan = doc.plans.joint_forward_plan if doc.plans is not None else None
    loc: Loc = ("plans", "joint_forward_plan")
    yield from unless_true(
        plan.with_partner_trusts if plan is not None else None,
        (*loc, "with_partner_trusts"),
        "The constitution does not say that the ICB prepares its forward plan jointly with its "
        "partner NHS trusts and foundation trusts. Section 14Z52 of the 2006 Act requires a "
        "joint plan; set with_partner_trusts: true.",
    )
    horizon = plan.horizon_years if plan is not None else None
    if horizon != 5:
        stated = f"covers {horizon} years" if horizon is not None else "does not say its period"
        yield Finding(
            (*loc, "horizon_years"),
            f"The joint forward plan {stated}. Section 14Z52 of the 2006 Act requires a plan "
            "for the next five years, prepared before the start of each financial year; set "
            "horizon_years: 5.",
        )


@rule(
    code="ICB140",
    slug="annual-report-health-and-wellbeing-strategy",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[Citation(NHS_ACT_2006, "section 14Z58(2)(d) and (3)", S14Z58_URL)],
)
def annual_report_health_and_wellbeing_strategy(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The annual report must review the wellbeing strategy steps, after consulting the HWBs.

    Requirement: The ICB's annual report must review the steps the ICB has taken to implement
    each joint local health and wellbeing strategy it must have regard to, and in making that
    review the ICB must consult each relevant health and wellbeing board.
    Why: Health and wellbeing boards set the local strategies; the annual review, and their
    say in it, is how they hold the ICB to its part.
    Fix: Under `plans.annual_report` set `jlhws_review: true` and `hwb_consulted: true`.
    Source: Section 14Z58(2)(d) and (3) of the 2006 Act, read in full in the version of 28
    February 2024 on legislation.gov.uk (catalogue N02, re-read for this rule; [V]). This
    replaces the catalogue's earlier citation of a minister's statement at Bill stage, so the
    rule ships at error level. This is a presence-of-clause rule: it can only check that the
    constitution provides for the review and the consultation.
    """
    report = doc.plans.annual_report if doc.plans is not None else None
    loc: Loc = ("plans", "annual_report")
    yield from unless_true(
        report.jlhws_review if report is not None else None,
        (*loc, "jlhws_review"),
        "The constitution does not provide for the annual report to review the steps the ICB "
        "has taken to implement the joint local health and wellbeing strategies. Section "
        "14Z58(2)(d) of the 2006 Act requires it; set jlhws_review: true.",
    )
    yield from unless_true(
        report.hwb_consulted if report is not None else None,
        (*loc, "hwb_consulted"),
        "The constitution does not provide for each relevant health and wellbeing board to be "
        "consulted on the annual report's review of the wellbeing strategies. Section 14Z58(3) "
        "of the 2006 Act requires it; set hwb_consulted: true.",
    )
