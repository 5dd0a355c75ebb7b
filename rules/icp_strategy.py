"""Catalogue section Q: the integrated care strategy (LGPIHA 2007 s116ZB)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._icp import is_icb
from ._support import normalise, s116zb, secondary, unless_true

ICP = "icp-terms-of-reference"

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


@rule(
    code="ICP010",
    slug="prepares-integrated-care-strategy",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(1)")],
)
def prepares_integrated_care_strategy(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP must prepare an integrated care strategy.

    Requirement: The partnership must prepare an integrated care strategy setting out how
    the assessed needs of its area are to be met by the ICB, NHS England and the responsible
    local authorities. The terms of reference should name this as its core function.
    Why: The strategy is the partnership's one statutory task; the ICB and the councils must
    have regard to it.
    Fix: Set `strategy.prepares_integrated_care_strategy: true` and describe the function.
    Source: LGPIHA 2007 section 116ZB(1) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.prepares_integrated_care_strategy if strategy else None,
        ("strategy", "prepares_integrated_care_strategy"),
        "The terms of reference do not give the partnership its statutory duty to prepare an "
        "integrated care strategy for the area. Add it to the partnership's functions "
        "(strategy.prepares_integrated_care_strategy: true).",
    )


@rule(
    code="ICP011",
    slug="considers-section-75",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(2)")],
)
def considers_section_75(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must consider whether section 75 arrangements would meet needs better.

    Requirement: In preparing the strategy the partnership must in particular consider how
    far the assessed needs could be met more effectively through arrangements under section
    75 of the NHS Act 2006 (pooled budgets and delegated functions between the NHS and local
    authorities) than in any other way.
    Why: Section 75 arrangements are the main legal tool for joint commissioning; the Act
    makes considering them part of every strategy.
    Fix: Add the commitment to the partnership's functions and set
    `strategy.considers_s75: true`.
    Source: LGPIHA 2007 section 116ZB(2) read on legislation.gov.uk (S05, [V]; re-read this
    session). This is a presence-of-clause rule: it can only check that the commitment is
    there, not how it is carried out.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.considers_s75 if strategy else None,
        ("strategy", "considers_s75"),
        "The terms of reference do not commit the partnership to consider, when preparing the "
        "strategy, how far needs could be met more effectively through section 75 "
        "arrangements (pooled budgets, delegated functions) between the NHS and the councils. "
        "Add the commitment (strategy.considers_s75: true).",
    )


@rule(
    code="ICP012",
    slug="regard-to-mandate",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(3)(a)")],
)
def regard_to_mandate(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must have regard to the Secretary of State's mandate to NHS England.

    Requirement: In preparing the strategy the partnership must have regard to the mandate
    the Secretary of State publishes under section 13A of the NHS Act 2006.
    Why: The mandate sets the government's objectives for the NHS; a strategy that ignores it
    will pull against what the ICB and NHS England are required to deliver.
    Fix: Add the duty to the partnership's strategy functions and set
    `strategy.regard_to_mandate: true`.
    Source: LGPIHA 2007 section 116ZB(3)(a) read on legislation.gov.uk (S05, [V]; re-read
    this session). Presence-of-clause: the rule can only check that the duty is recorded.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.regard_to_mandate if strategy else None,
        ("strategy", "regard_to_mandate"),
        "The terms of reference do not say that the partnership has regard to the Secretary "
        "of State's mandate to NHS England when preparing the strategy. Add it "
        "(strategy.regard_to_mandate: true).",
    )


@rule(
    code="ICP013",
    slug="regard-to-secretary-of-state-guidance",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(3)(b)"), DHSC_2024],
)
def regard_to_secretary_of_state_guidance(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP must have regard to the Secretary of State's guidance, in its current version.

    Requirement: In preparing the strategy the partnership must have regard to any guidance
    from the Secretary of State. That includes the two statutory sections of DHSC's
    "Guidance on the preparation of integrated care strategies", first published on 29 July
    2022 and replaced by the version of 1 February 2024. If the terms of reference name a
    version (`strategy.guidance_version`), it must not be the superseded July 2022 one.
    Why: The duty is to have regard to the guidance the Secretary of State has issued, and
    the 2024 text replaced the 2022 text; terms of reference tied to the old version point
    the partnership away from the guidance now in force.
    Fix: Set `strategy.regard_to_sos_guidance: true` and, if the version is named,
    `strategy.guidance_version: "2024-02"` (or drop the version and refer to the guidance as
    in force from time to time).
    Source: LGPIHA 2007 section 116ZB(3)(b) read on legislation.gov.uk (S05, [V]; re-read
    this session). DHSC's guidance, version updated 1 February 2024, read (opening): it says
    it replaces the guidance published in July 2022 (catalogue S32, [V] as guidance text).
    Both checks are part of the statutory duty, so both are errors.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.regard_to_sos_guidance if strategy else None,
        ("strategy", "regard_to_sos_guidance"),
        "The terms of reference do not say that the partnership has regard to guidance from "
        "the Secretary of State when preparing the strategy. Add it "
        "(strategy.regard_to_sos_guidance: true).",
    )
    if strategy is not None and strategy.guidance_version == "2022-07":
        yield Finding(
            ("strategy", "guidance_version"),
            "The terms of reference refer to DHSC's integrated care strategy guidance of July "
            "2022, which the version of 1 February 2024 replaced. The partnership must have "
            'regard to the guidance in force; set guidance_version: "2024-02".',
        )


@rule(
    code="ICP014",
    slug="involves-local-healthwatch",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(4)(a)")],
)
def involves_local_healthwatch(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must involve Local Healthwatch in preparing the strategy.

    Requirement: In preparing the strategy the partnership must involve each Local
    Healthwatch organisation whose area coincides with, or falls wholly or partly within,
    the partnership's area.
    Why: Healthwatch brings the experience of people who use services into the strategy.
    Fix: Set `strategy.involves_local_healthwatch: true` and name the organisations under
    `strategy.local_healthwatch`.
    Source: LGPIHA 2007 section 116ZB(4)(a) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.involves_local_healthwatch if strategy else None,
        ("strategy", "involves_local_healthwatch"),
        "The terms of reference do not commit the partnership to involve each Local "
        "Healthwatch for its area in preparing the strategy. Add the commitment "
        "(strategy.involves_local_healthwatch: true).",
    )


@rule(
    code="ICP015",
    slug="involves-people-living-working",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[s116zb("(4)(b)")],
)
def involves_people_living_working(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP must involve the people who live and work in its area.

    Requirement: In preparing the strategy the partnership must involve the people who live
    or work in its area.
    Why: The strategy is for the area's population; the Act makes their involvement a duty,
    not an option.
    Fix: Set `strategy.involves_people_living_working: true` and list the ways people are
    involved under `engagement_mechanisms`.
    Source: LGPIHA 2007 section 116ZB(4)(b) read on legislation.gov.uk (S05, [V]).
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.involves_people_living_working if strategy else None,
        ("strategy", "involves_people_living_working"),
        "The terms of reference do not commit the partnership to involve the people who live "
        "or work in its area in preparing the strategy. Add the commitment "
        "(strategy.involves_people_living_working: true).",
    )


@rule(
    code="ICP016",
    slug="integration-statement-decided",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.INFO,
    citations=[s116zb("(5)"), DHSC_2024],
)
def integration_statement_decided(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The terms of reference may say whether the strategy covers health-related services.

    Requirement: The strategy may include the partnership's views on how arrangements for
    health-related services in its area could be more closely integrated with those for
    health and social care services. This is a power, not a duty. The rule reports only when
    `strategy.integration_statement` is not stated at all, true or false; choosing not to
    include a statement (false) is lawful and passes.
    Why: Health-related services (DHSC's guidance gives housing as an example of the wider
    determinants of health) are where much integration happens; recording the decision
    either way shows the partnership has considered the power.
    Fix: Set `strategy.integration_statement: true` if the strategy will include such a
    statement, or `false` if it will not.
    Source: LGPIHA 2007 section 116ZB(5) read on legislation.gov.uk (S05, [V]; re-read this
    session): "may include", a power. The housing example is from DHSC's 2024 guidance
    (opening read), not the Act; the Act's definition of "health-related services" was not
    read. A permissive provision cannot be breached, so this is info only.
    """
    strategy = doc.strategy
    if strategy is None or strategy.integration_statement is None:
        yield Finding(
            ("strategy", "integration_statement"),
            "The terms of reference do not say whether the strategy will include the "
            "partnership's views on integrating health-related services (such as housing) "
            "with health and social care. The Act allows this but does not require it; "
            "record the decision (strategy.integration_statement: true or false).",
        )


@rule(
    code="ICP017",
    slug="revise-on-needs-assessment",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        s116zb("(6)"),
        secondary(
            "DHSC, NHS England and NHS Improvement and the LGA, Integrated care partnership "
            "(ICP) engagement document (September 2021)",
            "Annex B (Health and Care Bill clause 20: the duty under section 116(5A) to give "
            "the assessment to the ICP)",
            "https://www.gov.uk/government/publications/integrated-care-partnership-icp-"
            "engagement-document/integrated-care-partnership-icp-engagement-document-"
            "integrated-care-system-ics-implementation",
        ),
    ],
)
def revise_on_needs_assessment(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must consider revising the strategy each time it receives a needs assessment.

    Requirement: Each time the partnership receives an assessment of relevant needs under
    section 116(5A) of the 2007 Act (the joint strategic needs assessment), it must consider
    whether the current integrated care strategy should be revised and, if so, prepare a
    revised strategy.
    Why: The strategy is meant to answer the area's assessed needs; a new assessment that is
    never considered leaves the strategy answering old ones.
    Fix: Add the duty, for example as a standing agenda item when an assessment is received,
    and set `strategy.revise_on_jsna: true`.
    Source: LGPIHA 2007 section 116ZB(6) read on legislation.gov.uk (S05, [V]; re-read this
    session); its words are "an assessment of relevant needs under section 116(5A)". The
    enacted text of section 116(5A) was not read; the ICP engagement document's Annex B
    (Bill clause 20) was read for it (secondary). Presence-of-clause: the rule can only check
    that the duty is recorded.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.revise_on_jsna if strategy else None,
        ("strategy", "revise_on_jsna"),
        "The terms of reference do not say that, each time the partnership receives an "
        "assessment of relevant needs under section 116(5A) (the joint strategic needs "
        "assessment), it considers whether to revise the strategy and, if so, revises it. Add "
        "the duty (strategy.revise_on_jsna: true).",
    )


def _parties_missing_from(doc: IcpTermsOfReference, names: tuple[str, ...]) -> list[str]:
    """The establishing parties not named in `names` (the ICB matches "ICB" or its name)."""
    named = {normalise(name) for name in names}
    icb_named = any(is_icb(doc, name) for name in names)
    return [
        party
        for party in doc.establishing_parties
        if normalise(party) not in named and not (is_icb(doc, party) and icb_named)
    ]


@rule(
    code="ICP018",
    slug="publish-and-share-strategy",
    applies_to=ICP,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        s116zb("(7)"),
        secondary(
            "DHSC, NHS England and NHS Improvement and the LGA, Integrated care partnership "
            "(ICP) engagement document (September 2021)",
            "Annex B (Health and Care Bill clause 20: copies of the strategy to the "
            "responsible local authorities and their partner ICBs)",
            "https://www.gov.uk/government/publications/integrated-care-partnership-icp-"
            "engagement-document/integrated-care-partnership-icp-engagement-document-"
            "integrated-care-system-ics-implementation",
        ),
    ],
)
def publish_and_share_strategy(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP must publish each strategy and give a copy to the ICB and each council.

    Requirement: The partnership must publish each integrated care strategy, and give a copy
    to each responsible local authority in its area and to each partner ICB of those
    authorities. The rule checks `strategy.publishes: true` and that `strategy.copies_to`
    names every establishing party (the ICB and the councils).
    Why: The ICB and the councils must have regard to the strategy in their own plans; they
    can only do so if they receive it, and the public can only hold them to it if it is
    published.
    Fix: Set `strategy.publishes: true` and list the ICB and every council from
    `establishing_parties` under `strategy.copies_to`.
    Source: LGPIHA 2007 section 116ZB(7) read on legislation.gov.uk, whose stored copy stops
    at "(a) pub..." (S05): the duty to publish is [V]. The recipients of copies are
    Secondary ([S]): they come from the Bill text (clause 20) in Annex B of the ICP
    engagement document (S10); searches this session for the enacted wording of (7)(b)
    found no stored copy. Statute [S] ships as an error citing the secondary source.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.publishes if strategy else None,
        ("strategy", "publishes"),
        "The terms of reference do not commit the partnership to publish the integrated care "
        "strategy. It must publish each strategy it prepares; add the commitment "
        "(strategy.publishes: true).",
    )
    if not doc.establishing_parties:
        return  # ICP001 reports the missing parties
    missing = _parties_missing_from(doc, strategy.copies_to if strategy else ())
    if missing:
        names = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} and {missing[-1]}"
        yield Finding(
            ("strategy", "copies_to"),
            f"The terms of reference do not provide for a copy of the strategy to go to "
            f"{names}. The partnership must give a copy to each responsible local authority and "
            "to the ICB; list every establishing party under strategy.copies_to.",
        )


@rule(
    code="ICP019",
    slug="strategy-publication-and-review",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[DHSC_2022, DHSC_2024],
)
def strategy_publication_and_review(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The terms of reference should say how the strategy is published and kept under review.

    Requirement: Besides its statutory sections, DHSC's strategy guidance has a
    non-statutory section on publishing and reviewing the strategy; the 2024 revision adds
    place-level input, the wider determinants of health and broad involvement (voluntary
    sector, inclusion health groups, seldom-heard voices, life-stage transitions). The terms
    of reference should say how the partnership publishes and reviews its strategy.
    Why: The statutory duties say when a strategy must be reconsidered (ICP017) and that it
    must be published (ICP018), not how; a stated process lets partners and the public know
    when and how the strategy will change.
    Fix: Add a clause on publishing and reviewing the strategy and set
    `strategy.publication_and_review_clause: true`.
    Source: DHSC "Guidance on the preparation of integrated care strategies", 29 July 2022
    and 1 February 2024 versions, openings read (catalogue S32, [S]; re-read this session):
    "Purpose of guidance" lists a section of non-statutory guidance on publication and
    review. This is a presence-of-clause rule: it can only check that the clause is present.
    Non-statutory guidance, so info.
    """
    strategy = doc.strategy
    yield from unless_true(
        strategy.publication_and_review_clause if strategy else None,
        ("strategy", "publication_and_review_clause"),
        "The terms of reference do not say how the partnership publishes and reviews its "
        "integrated care strategy. DHSC's strategy guidance covers this in its non-statutory "
        "section; add a clause and set strategy.publication_and_review_clause: true.",
    )
