"""Involving patients, carers and the public (ICB150 to ICB153).

Every rule here is `conduct`. Section 14Z45 of the 2006 Act puts the involvement duty on the
ICB; no provision that could be read requires the constitution itself to set out the
arrangements (a DHSC answer says constitutions are "expected to include" them). A constitution
that is silent is "not stated"; one whose arrangements leave out a group the duty covers is in
breach.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Contradiction, Finding, Level, Missing, Severity
from icslint.models.icb import IcbConstitution, PublicInvolvement
from icslint.registry import NoOptions, rule

from ._support import NHS_ACT_2006, has_heading, model_clause, secondary

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

S14Z45 = Citation(
    NHS_ACT_2006,
    "section 14Z45(2) (number as cited by the model; text not verified)",
    "https://www.legislation.gov.uk/ukpga/2006/41/section/14Z45",
)
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as summarised in the NHS Confederation briefing of 16 June 2021"
)
DF_PEOPLE_AND_COMMUNITIES = Citation(
    DESIGN_FRAMEWORK,
    "Working with people and communities (pp.35-36)",
    "https://www.nhsconfed.org/publications/ics-design-framework",
)
PEOPLE_AND_COMMUNITIES = Citation(
    "NHS England, Working in partnership with people and communities: statutory guidance (2022)",
    "10 principles for working with people and communities",
    "https://www.england.nhs.uk/long-read/working-in-partnership-with-people-and-communities-"
    "statutory-guidance/",
)
ANNUAL_REPORT_GUIDANCE = secondary(
    "NHS England, ICB annual reports and working with people and communities: guidance",
    "What the law says",
    "https://www.england.nhs.uk/long-read/icb-annual-reports-and-working-with-people-and-"
    "communities-guidance/",
)
# What the constitution is expected (not required) to say about involvement.
ANSWER_170596 = secondary(
    "Written answer 170596 (DHSC), Integrated Care Boards: Patients, answered 27 March 2023",
    "answer, paragraph 2 (constitutions are expected to include principles and arrangements "
    "for working with patients and communities)",
    "https://parallelparliament.co.uk/question/170596/integrated-care-boards-patients",
)


# --- helpers ------------------------------------------------------------------------------------


def _involvement(doc: IcbConstitution) -> PublicInvolvement:
    """The public involvement block, or an empty one when the document has none."""
    return doc.public_involvement or PublicInvolvement()


# The groups the involvement duty covers, with the words a message uses for each.
INVOLVED_GROUPS = {
    "patients": "patients (people who receive or may receive services)",
    "unpaid_carers": "unpaid carers",
    "representatives": "their representatives",
}


# --- ICB150-ICB153 ------------------------------------------------------------------------------


@rule(
    code="ICB150",
    slug="public-involvement-arrangements",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        S14Z45,
        model_clause("9.1.1"),
        ANSWER_170596,
        ANNUAL_REPORT_GUIDANCE,
        secondary(
            "NHS North East and North Cumbria ICB, governance and involvement page",
            "Statutory Guidance, paragraph 1",
            "https://northeastnorthcumbria.nhs.uk/get-involved/governance/",
        ),
    ],
)
def public_involvement_arrangements(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must make arrangements for involving the people it serves.

    Requirement: The ICB must make arrangements to involve the people it serves, whether by
    consulting them, giving them information or otherwise, in planning its commissioning
    arrangements, in developing and considering proposals for changes that would affect how
    services are delivered or which are available, and in decisions affecting how the
    commissioning arrangements operate. NHS England's model sets the arrangements out in
    section 9, "Arrangements for public involvement". The rule looks for a section with such
    a heading under `sections`, or for `public_involvement.arrangements_section`, which says
    where the arrangements are.
    Provision: Section 14Z45(2), as NHS England's model paraphrases it, puts the duty to make
    involvement arrangements on the ICB ("the ICB has made arrangements to secure that
    individuals ... are involved"). No provision that could be read requires the constitution
    itself to set them out: Schedule 1B from paragraph 8(1)(b) on was not available, and
    DHSC's answer of 27 March 2023 says only that constitutions are "expected to include"
    principles and arrangements for working with patients and communities. So this is a
    conduct rule: a constitution that does not set out the arrangements is "not
    stated", not in breach.
    Why: The involvement duty is how patients and the public get a say in what the ICB
    commissions and in changes to their services; the constitution is where it is made
    concrete.
    Fix: If the constitution has the section, list it under `sections` (for example
    `{number: "9", heading: Arrangements for public involvement}`) and set
    `public_involvement.arrangements_section` to its number; if it has none, add one
    following NHS England's model.
    Source: Secondary; the text of section 14Z45 of the 2006 Act is not verified. From the
    constitution of NHS Hertfordshire and West Essex ICB, which follows NHS England's model
    (clause 9.1.1, which cites "section 14Z45(2)" and paraphrases its three limbs); NHS
    England's own model text was not available. DHSC's written answer 170596 (27 March 2023),
    NHS England's guidance on ICB annual reports ("What the law says") and North East and
    North Cumbria ICB's involvement page describe the same duty. The rule can only check that
    the arrangements are there, not how good they are.
    """
    # Either fact shows the arrangements are set out; a document given only in part may have
    # one without the other.
    if _involvement(doc).arrangements_section is None and not has_heading(
        doc, ("public", "involv"), ("people", "communit")
    ):
        yield Missing(
            ("public_involvement", "arrangements_section"),
            "The constitution does not say where its arrangements for involving the public "
            "are set out. The NHS Act (section 14Z45, as cited in NHS England's model) "
            "requires the ICB to make arrangements to involve the people it serves, and the "
            "model sets them out in section 9. If the constitution has the section, list it "
            "under sections and set public_involvement.arrangements_section to its number.",
        )


@rule(
    code="ICB151",
    slug="involvement-of-patients-carers-representatives",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        S14Z45,
        model_clause("9.1.1"),
        DF_PEOPLE_AND_COMMUNITIES,
        secondary(
            "Health and Care Act 2022, contents list as reproduced by crimeline.co.uk",
            "section 10 (Public involvement: carers and representatives)",
            "https://crimeline.co.uk/legislationdisplay/?leg=%2Fukpga%2F2022%2F31%2Fschedule%2F2",
        ),
    ],
)
def involvement_of_patients_carers_representatives(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The involvement arrangements must cover patients, unpaid carers and representatives.

    Requirement: The arrangements must involve the people to whom services are or may be
    provided, and their carers and representatives, as well as the wider public. The rule
    reads `public_involvement.groups`.
    Provision: Section 14Z45(2), as NHS England's model paraphrases it, covers individuals to
    whom services are or may be provided "and their carers and representatives". The duty is
    the ICB's, so a conduct rule: a constitution that does not say whom its arrangements
    involve is "not stated"; one that lists the groups and leaves out patients, carers or
    representatives narrows the duty and is in breach.
    Why: The 2022 Act extended the involvement duty to carers and representatives; leaving
    them out narrows the duty the ICB must meet.
    Fix: Record in `public_involvement.groups` the groups the arrangements cover: `patients`,
    `unpaid_carers` and `representatives` (and `public`); if the constitution leaves one
    out, add it.
    Source: Secondary; the text of section 14Z45 of the 2006 Act is not verified. From the
    constitution of NHS Hertfordshire and West Essex ICB, which follows NHS England's model
    (clause 9.1.1: individuals who are or may be provided services "and their carers and
    representatives"); NHS England's own model text was not available. The design framework
    (June 2021), as summarised by the NHS Confederation, expects a duty to involve "patients,
    unpaid carers and the public"; the Health and Care Act 2022's contents list names section
    10 "Public involvement: carers and representatives".
    """
    groups = _involvement(doc).groups
    loc = ("public_involvement", "groups")
    if not groups:
        yield Missing(
            loc,
            "The constitution does not say whom its public involvement arrangements involve. "
            "The NHS Act (section 14Z45, as cited in NHS England's model) covers the people "
            "services are or may be provided to, and their carers and representatives. Record "
            "the groups in public_involvement.groups.",
        )
        return
    missing = [words for group, words in INVOLVED_GROUPS.items() if group not in groups]
    if missing:
        listed = missing[0] if len(missing) == 1 else f"{', '.join(missing[:-1])} or {missing[-1]}"
        yield Contradiction(
            loc,
            f"The groups the constitution's public involvement arrangements cover do not "
            f"include {listed}. The involvement duty (section 14Z45 of the NHS Act, as cited "
            "in NHS England's model) covers the people services are or may be provided to, "
            "and their carers and representatives; cover the missing groups and add them to "
            "public_involvement.groups.",
        )


@rule(
    code="ICB152",
    slug="people-and-communities-principles",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        model_clause("9.1.3"),
        PEOPLE_AND_COMMUNITIES,
        secondary(
            "NHS England, Annual assessment of ICBs' work with people and communities",
            "annual assessment",
            "https://www.england.nhs.uk/get-involved/involvementguidance/annual-assessment-of-"
            "icbs-work-with-people-and-communities/",
        ),
    ],
)
def people_and_communities_principles(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The ICB should adopt NHS England's 10 principles for working with people and communities.

    Requirement: The ICB adopts the 10 principles NHS England sets out, in its statutory
    guidance "Working in partnership with people and communities", for working with people
    and communities.
    Provision: NHS England's model (clause 9.1.3): "The ICB has adopted the 10 principles set
    out by NHS England for working with people and communities". Adopting them, and having
    regard to the statutory guidance, is something the ICB does; no text that could be read
    requires the constitution itself to say it, so a constitution that does not is "not
    stated", not in breach.
    Why: The guidance is statutory for ICBs and adopted as NHS England policy, and NHS
    England's annual assessment of each ICB looks at how it meets its involvement duties.
    Fix: If the constitution adopts the principles (or refers to the guidance), set
    `public_involvement.principles_ref` to the clause.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 9.1.3, whose stored copy lists principles 1 to 6 of 10); NHS
    England's own model text was not available. Also NHS England's statutory guidance and its
    page on the annual assessment of ICBs. The rule can only check that a reference is given,
    not that it names that guidance.
    """
    if _involvement(doc).principles_ref is None:
        yield Missing(
            ("public_involvement", "principles_ref"),
            "The constitution does not say that the ICB adopts NHS England's 10 principles for "
            "working with people and communities; NHS England's model adopts them in section "
            "9. If the constitution does, set public_involvement.principles_ref to the clause.",
        )


@rule(
    code="ICB153",
    slug="people-and-communities-strategy",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[DF_PEOPLE_AND_COMMUNITIES],
)
def people_and_communities_strategy(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB should have a system-wide strategy for engaging people and communities.

    Requirement: The ICB should use the engagement principles as the basis of a system-wide
    strategy for working with people and communities, developed with its partners, under
    which the integrated care partnership and place-based partnerships give local people a
    part in setting priorities and taking decisions.
    Provision: Guidance: each ICS NHS body "should use these principles as a basis for
    developing a system-wide strategy". A "should" about what the ICB does, so a conduct rule:
    a constitution that names no strategy is "not stated", never in breach.
    Why: Involvement that happens only at board level misses the places where most decisions
    about local services are made.
    Fix: If the constitution names the strategy, record it in
    `public_involvement.strategy_ref`.
    Source: The design framework (June 2021), "Working with people and communities", as
    summarised by the NHS Confederation (each ICS NHS body "should use these principles as a
    basis for developing a system-wide strategy for engaging with people and communities").
    The rule can only check that a strategy is named.
    """
    if _involvement(doc).strategy_ref is None:
        yield Missing(
            ("public_involvement", "strategy_ref"),
            "The constitution does not name a system-wide strategy for working with people "
            "and communities; NHS England expects each ICB to build one with its partners. If "
            "the constitution names it, record it in public_involvement.strategy_ref.",
        )
