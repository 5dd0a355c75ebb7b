"""The integrated care strategy (LGPIHA 2007 s116ZB).

Section 116ZB puts its duties on the partnership; no statute says what its terms of reference
contain. So every rule here is `requires="conduct"`: terms of reference that do not mention a
duty are "not stated". Only terms of reference that deny a duty (a flag set to false), that
tie the partnership to superseded guidance, or that list who receives the strategy and leave
out a council or the ICB, contradict the Act and are in breach.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Contradiction, Finding, Level, Missing, Severity
from icslint.models.icp import IcpTermsOfReference, Strategy
from icslint.registry import NoOptions, rule

from ._icp import listed, parties_missing_from
from ._support import s116zb, secondary, unless_true

ICP = "icp-terms-of-reference"
Check = Iterator[Finding]

DHSC_GUIDANCE = "DHSC, Guidance on the preparation of integrated care strategies"
DHSC_GUIDANCE_URL = (
    "https://www.gov.uk/government/publications/guidance-on-the-preparation-of-integrated-care-"
    "strategies/guidance-on-the-preparation-of-integrated-care-strategies"
)
DHSC_2022 = Citation(
    f"{DHSC_GUIDANCE} (29 July 2022)",
    "Introduction, Purpose of guidance, paragraph 1 (the non-statutory section on publication "
    "and review)",
    DHSC_GUIDANCE_URL,
)
DHSC_2024 = Citation(
    f"{DHSC_GUIDANCE} (updated 1 February 2024)",
    "opening paragraph (replaces the July 2022 guidance) and summary of changes",
    DHSC_GUIDANCE_URL,
)
ICP_ED_ANNEX_B = (
    "DHSC, NHS England and NHS Improvement and the LGA, Integrated care partnership (ICP) "
    "engagement document (September 2021)"
)
ICP_ED_URL = (
    "https://www.gov.uk/government/publications/integrated-care-partnership-icp-engagement-"
    "document/integrated-care-partnership-icp-engagement-document-integrated-care-system-ics-"
    "implementation"
)


def _duty(
    strategy: Strategy | None, key: str, duty: tuple[str, str], provision: str, stated: str
) -> Iterator[Finding]:
    """A duty of the partnership recorded as a flag under `strategy`.

    Left out, the terms of reference are silent on the duty: not stated. Set to false, they
    say the partnership does not have it, or give it to someone else: a contradiction.
    `duty` is the duty as "the partnership ..." and as "let the partnership ..." complete it
    ("prepares ...", "prepare ..."); `stated` is what the terms of reference are asked to say.
    """
    does, do = duty
    value = getattr(strategy, key) if strategy is not None else None
    yield from unless_true(
        value,
        ("strategy", key),
        f"The terms of reference do not say that the partnership {does}; {provision} requires "
        f"it to. If they do, set strategy.{key}: true.",
        f"strategy.{key} is false: the terms of reference do not let the partnership {do}, or "
        f"give that task to another body. {provision[0].upper()}{provision[1:]} requires the "
        f"partnership to do it; {stated} and set the flag to true (if the terms of reference "
        "are only silent on it, leave the key out).",
    )


@rule(
    code="ICP010",
    slug="prepares-integrated-care-strategy",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[s116zb("(1)")],
)
def prepares_integrated_care_strategy(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP prepares an integrated care strategy.

    Requirement: The partnership must prepare an integrated care strategy setting out how
    the assessed needs of its area are to be met by the ICB, NHS England and the responsible
    local authorities.
    Provision: Section 116ZB(1): "An integrated care partnership must prepare a strategy (an
    "integrated care strategy")". The duty is on the partnership, and nothing requires its
    terms of reference to repeat it, so terms of reference that are silent on it are "not
    stated"; terms of reference that deny the partnership the function, or give it to another
    body, contradict the Act and are in breach.
    Why: The strategy is the partnership's one statutory task; the ICB and the councils must
    have regard to it.
    Fix: Name preparing the strategy among the partnership's functions and set
    `strategy.prepares_integrated_care_strategy: true`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(1)).
    """
    yield from _duty(
        doc.strategy,
        "prepares_integrated_care_strategy",
        (
            "prepares the integrated care strategy for its area",
            "prepare the integrated care strategy for its area",
        ),
        "section 116ZB(1)",
        "name it among the partnership's functions",
    )


@rule(
    code="ICP011",
    slug="considers-section-75",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[s116zb("(2)")],
)
def considers_section_75(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP considers whether section 75 arrangements would meet needs better.

    Requirement: In preparing the strategy the partnership must in particular consider how
    far the assessed needs could be met more effectively through arrangements under section
    75 of the NHS Act 2006 (pooled budgets and delegated functions between the NHS and local
    authorities) than in any other way.
    Provision: Section 116ZB(2): "In preparing a strategy under this section, an integrated
    care partnership must, in particular, consider the extent to which the needs could be
    met more effectively by the making of arrangements under section 75". A duty on the
    partnership, not on its terms of reference, so silence is "not stated"; terms of
    reference that rule the consideration out contradict the Act and are in breach.
    Why: Section 75 arrangements are the main legal tool for joint commissioning; the Act
    makes considering them part of every strategy.
    Fix: Add the commitment to the partnership's functions and set
    `strategy.considers_s75: true`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(2)). The rule can only check that the
    commitment is recorded, not how it is carried out.
    """
    yield from _duty(
        doc.strategy,
        "considers_s75",
        (
            "considers, when preparing the strategy, how far needs could be met more "
            "effectively through section 75 arrangements (pooled budgets, delegated functions) "
            "between the NHS and the councils",
            "consider how far needs could be met more effectively through section 75 arrangements",
        ),
        "section 116ZB(2)",
        "add the commitment",
    )


@rule(
    code="ICP012",
    slug="regard-to-mandate",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-nhse-abolition",
    citations=[s116zb("(3)(a)")],
)
def regard_to_mandate(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has regard to the Secretary of State's mandate to NHS England.

    Requirement: In preparing the strategy the partnership must have regard to the mandate
    the Secretary of State publishes under section 13A of the NHS Act 2006.
    Provision: Section 116ZB(3): "In preparing a strategy under this section, an integrated
    care partnership must have regard to— (a) the mandate published by the Secretary of
    State under section 13A". A duty on the partnership, not on its terms of reference, so
    silence is "not stated"; terms of reference that exclude the mandate contradict the Act
    and are in breach.
    Why: The mandate sets the government's objectives for the NHS; a strategy that ignores it
    will pull against what the ICB and NHS England are required to deliver.
    Fix: Add the duty to the partnership's strategy functions and set
    `strategy.regard_to_mandate: true`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(3)(a)). The rule can only check that the
    duty is recorded.
    """
    yield from _duty(
        doc.strategy,
        "regard_to_mandate",
        (
            "has regard to the Secretary of State's mandate to NHS England when preparing the "
            "strategy",
            "have regard to the Secretary of State's mandate to NHS England",
        ),
        "section 116ZB(3)(a)",
        "add the duty",
    )


@rule(
    code="ICP013",
    slug="regard-to-secretary-of-state-guidance",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[s116zb("(3)(b)"), DHSC_2024],
)
def regard_to_secretary_of_state_guidance(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has regard to the Secretary of State's guidance, in its current version.

    Requirement: In preparing the strategy the partnership must have regard to any guidance
    from the Secretary of State. That includes the two statutory sections of DHSC's
    "Guidance on the preparation of integrated care strategies", first published on 29 July
    2022 and replaced by the version of 1 February 2024. If the terms of reference name a
    version (`strategy.guidance_version`), it must not be the superseded July 2022 one.
    Provision: Section 116ZB(3): the partnership "must have regard to— ... (b) any guidance
    issued by the Secretary of State". A duty on the partnership, not on its terms of
    reference, so silence is "not stated"; terms of reference that exclude the guidance, or
    tie the partnership to the July 2022 version that the 2024 version replaced, point it
    away from the guidance in force and are in breach.
    Why: The duty is to have regard to the guidance the Secretary of State has issued, and
    the 2024 text replaced the 2022 text; terms of reference tied to the old version point
    the partnership away from the guidance now in force.
    Fix: Set `strategy.regard_to_sos_guidance: true` and, if the version is named,
    `strategy.guidance_version: "2024-02"` (or drop the version and refer to the guidance as
    in force from time to time).
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(3)(b)), and in DHSC's guidance as updated
    on 1 February 2024 (Guidance on the preparation of integrated care strategies), which says
    it replaces the guidance published in July 2022.
    """
    strategy = doc.strategy
    yield from _duty(
        strategy,
        "regard_to_sos_guidance",
        (
            "has regard to guidance from the Secretary of State when preparing the strategy",
            "have regard to guidance from the Secretary of State",
        ),
        "section 116ZB(3)(b)",
        "add the duty",
    )
    if strategy is not None and strategy.guidance_version == "2022-07":
        yield Contradiction(
            ("strategy", "guidance_version"),
            "The terms of reference refer to DHSC's integrated care strategy guidance of July "
            "2022, which the version of 1 February 2024 replaced. Section 116ZB(3)(b) requires "
            "the partnership to have regard to the guidance in force; set guidance_version: "
            '"2024-02", or refer to the guidance as in force from time to time.',
        )


@rule(
    code="ICP014",
    slug="involves-local-healthwatch",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    until="health-bill-2026-healthwatch",
    citations=[s116zb("(4)(a)")],
)
def involves_local_healthwatch(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP involves Local Healthwatch in preparing the strategy.

    Requirement: In preparing the strategy the partnership must involve each Local
    Healthwatch organisation whose area coincides with, or falls wholly or partly within,
    the partnership's area.
    Provision: Section 116ZB(4): "In preparing a strategy under this section, an integrated
    care partnership must— (a) involve the Local Healthwatch organisations whose areas
    coincide with or fall wholly or partly within its area". A duty on the partnership, not
    on its terms of reference, so silence is "not stated"; terms of reference that leave
    Healthwatch out of preparing the strategy contradict the Act and are in breach.
    Why: Healthwatch brings the experience of people who use services into the strategy.
    Fix: Set `strategy.involves_local_healthwatch: true` and name the organisations under
    `strategy.local_healthwatch`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(4)(a)).
    """
    yield from _duty(
        doc.strategy,
        "involves_local_healthwatch",
        (
            "involves each Local Healthwatch for its area in preparing the strategy",
            "involve each Local Healthwatch for its area in preparing the strategy",
        ),
        "section 116ZB(4)(a)",
        "add the commitment",
    )


@rule(
    code="ICP015",
    slug="involves-people-living-working",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[s116zb("(4)(b)")],
)
def involves_people_living_working(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP involves the people who live and work in its area.

    Requirement: In preparing the strategy the partnership must involve the people who live
    or work in its area.
    Provision: Section 116ZB(4): "In preparing a strategy under this section, an integrated
    care partnership must— ... (b) involve the people who live or work in that area". A duty
    on the partnership, not on its terms of reference, so silence is "not stated"; terms of
    reference that exclude such involvement contradict the Act and are in breach.
    Why: The strategy is for the area's population; the Act makes their involvement a duty,
    not an option.
    Fix: Set `strategy.involves_people_living_working: true` and list the ways people are
    involved under `engagement_mechanisms`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(4)(b)).
    """
    yield from _duty(
        doc.strategy,
        "involves_people_living_working",
        (
            "involves the people who live or work in its area in preparing the strategy",
            "involve the people who live or work in its area in preparing the strategy",
        ),
        "section 116ZB(4)(b)",
        "add the commitment",
    )


@rule(
    code="ICP016",
    slug="integration-statement-decided",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[s116zb("(5)"), DHSC_2024],
)
def integration_statement_decided(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say whether the strategy covers health-related services.

    Requirement: The strategy may include the partnership's views on how arrangements for
    health-related services in its area could be more closely integrated with those for
    health and social care services. This is a power, not a duty: choosing not to include a
    statement (false) is lawful and passes.
    Provision: Section 116ZB(5): "An integrated care partnership may include in a strategy
    under this section a statement of its views on how arrangements for the provision of
    health-related services in its area could be more closely integrated". A power, which
    nothing requires the terms of reference to mention and which cannot be breached, so the
    rule only notes when they do not record the decision ("not stated").
    Why: Health-related services (DHSC's guidance gives housing as an example of the wider
    determinants of health) are where much integration happens; recording the decision
    either way shows the partnership has considered the power.
    Fix: Set `strategy.integration_statement: true` if the strategy will include such a
    statement, or `false` if it will not.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(5)). The housing example is from DHSC's
    guidance as updated on 1 February 2024, not the Act; the Act's definition of
    "health-related services" was not available. A permissive provision cannot be breached,
    so this is info only.
    """
    strategy = doc.strategy
    if strategy is None or strategy.integration_statement is None:
        yield Missing(
            ("strategy", "integration_statement"),
            "The terms of reference do not say whether the strategy will include the "
            "partnership's views on integrating health-related services (such as housing) "
            "with health and social care. Section 116ZB(5) allows this but does not require "
            "it; if the decision is recorded, set strategy.integration_statement to true or "
            "false.",
        )


@rule(
    code="ICP017",
    slug="revise-on-needs-assessment",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        s116zb("(6)"),
        secondary(
            ICP_ED_ANNEX_B,
            "Annex B (Health and Care Bill clause 20: the duty under section 116(5A) to give "
            "the assessment to the ICP)",
            ICP_ED_URL,
        ),
    ],
)
def revise_on_needs_assessment(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP considers revising the strategy each time it receives a needs assessment.

    Requirement: Each time the partnership receives an assessment of relevant needs under
    section 116(5A) of the 2007 Act (the joint strategic needs assessment), it must consider
    whether the current integrated care strategy should be revised and, if so, prepare a
    revised strategy.
    Provision: Section 116ZB(6): "Each time that an integrated care partnership receives an
    assessment of relevant needs under section 116(5A) it must— (a) consider whether the
    current integrated care strategy should be revised". A duty on the partnership, not on
    its terms of reference, so silence is "not stated"; terms of reference that rule out
    reconsidering the strategy contradict the Act and are in breach.
    Why: The strategy is meant to answer the area's assessed needs; a new assessment that is
    never considered leaves the strategy answering old ones.
    Fix: Add the duty, for example as a standing agenda item when an assessment is received,
    and set `strategy.revise_on_jsna: true`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(6)). The enacted text of section 116(5A)
    was not available; it is from the Bill text (clause 20) in Annex B of the ICP engagement
    document (DHSC, NHS England and NHS Improvement and the LGA, September 2021). The rule can
    only check that the duty is recorded.
    """
    yield from _duty(
        doc.strategy,
        "revise_on_jsna",
        (
            "considers, each time it receives an assessment of relevant needs under section "
            "116(5A) (the joint strategic needs assessment), whether to revise the strategy, "
            "and revises it if so",
            "reconsider the strategy each time it receives a joint strategic needs assessment",
        ),
        "section 116ZB(6)",
        "add the duty",
    )


@rule(
    code="ICP018",
    slug="publish-and-share-strategy",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        s116zb("(7)"),
        secondary(
            ICP_ED_ANNEX_B,
            "Annex B (Health and Care Bill clause 20: copies of the strategy to the "
            "responsible local authorities and their partner ICBs)",
            ICP_ED_URL,
        ),
    ],
)
def publish_and_share_strategy(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP publishes each strategy and gives a copy to the ICB and each council.

    Requirement: The partnership must publish each integrated care strategy, and give a copy
    to each responsible local authority in its area and to each partner ICB of those
    authorities. The rule checks `strategy.publishes` and that `strategy.copies_to`, where
    the terms of reference list who receives a copy, names every establishing party (the ICB
    and the councils).
    Provision: Section 116ZB(7), with paragraph (b) as the Bill worded it: "An integrated
    care partnership must— (a) publish each integrated care strategy, and (b) give a copy of
    each integrated care strategy to— (i) each responsible local authority whose area
    coincides with or falls wholly or partly within its area, and (ii) each partner
    integrated care board of those responsible local authorities". A duty on the
    partnership, not on its terms of reference, so silence is "not stated"; terms of
    reference that rule out publication, or list who receives a copy and leave out the ICB
    or a council, contradict the Act and are in breach.
    Why: The ICB and the councils must have regard to the strategy in their own plans; they
    can only do so if they receive it, and the public can only hold them to it if it is
    published.
    Fix: Set `strategy.publishes: true` and list the ICB and every council from
    `establishing_parties` under `strategy.copies_to`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZB(7)(a)). The recipients of copies in
    paragraph (b) are from the Bill text (clause 20) in Annex B of the ICP engagement document
    (DHSC, NHS England and NHS Improvement and the LGA, September 2021); the enacted text of
    paragraph (b) was not available.
    """
    strategy = doc.strategy
    yield from _duty(
        strategy,
        "publishes",
        ("publishes each integrated care strategy it prepares", "publish the strategy"),
        "section 116ZB(7)(a)",
        "add the commitment",
    )
    recipients = strategy.copies_to if strategy else ()
    if not recipients:
        yield Missing(
            ("strategy", "copies_to"),
            "The terms of reference do not say who receives a copy of the strategy. Section "
            "116ZB(7)(b) requires the partnership to give one to each responsible local "
            "authority in its area and to the ICB. If they say, list the recipients under "
            "strategy.copies_to.",
        )
        return
    missing = parties_missing_from(doc, recipients)
    if missing:
        yield Contradiction(
            ("strategy", "copies_to"),
            f"The terms of reference list who receives a copy of the strategy but leave out "
            f"{listed(missing)}. Section 116ZB(7)(b) requires the partnership to give a copy to "
            "each responsible local authority in its area and to the ICB; list every "
            "establishing party under strategy.copies_to.",
        )


@rule(
    code="ICP019",
    slug="strategy-publication-and-review",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[DHSC_2022, DHSC_2024],
)
def strategy_publication_and_review(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say how the strategy is published and kept under review.

    Requirement: Besides its statutory sections, DHSC's strategy guidance has a
    non-statutory section on publishing and reviewing the strategy; the 2024 revision adds
    place-level input, the wider determinants of health and broad involvement (voluntary
    sector, inclusion health groups, seldom-heard voices, life-stage transitions). The terms
    of reference should say how the partnership publishes and reviews its strategy.
    Provision: DHSC's guidance, "Purpose of guidance": the document contains "a section of
    non-statutory guidance relating to the publication and review of the integrated care
    strategy". Non-statutory guidance to the partnership, not a requirement on its terms of
    reference, so silence is "not stated"; terms of reference that say there is no such
    process depart from it and are reported at info.
    Why: The statutory duties say when a strategy must be reconsidered (ICP017) and that it
    must be published (ICP018), not how; a stated process lets partners and the public know
    when and how the strategy will change.
    Fix: Add a clause on publishing and reviewing the strategy and set
    `strategy.publication_and_review_clause: true`.
    Source: Read in DHSC's guidance of 29 July 2022 and as updated on 1 February 2024
    (Guidance on the preparation of integrated care strategies, introduction and summary of
    changes). The rule can only check that the clause is present. Non-statutory guidance, so
    info.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.publication_and_review_clause if strategy else None,
        ("strategy", "publication_and_review_clause"),
        "The terms of reference do not say how the partnership publishes and reviews its "
        "integrated care strategy. DHSC's strategy guidance covers this in a non-statutory "
        "section; if the terms of reference have such a clause, set "
        "strategy.publication_and_review_clause: true.",
        "strategy.publication_and_review_clause is false: the terms of reference have no "
        "process for publishing and reviewing the integrated care strategy. DHSC's strategy "
        "guidance covers this in a non-statutory section; add a clause and set the flag to "
        "true (if the terms of reference are only silent on it, leave the key out).",
    )
