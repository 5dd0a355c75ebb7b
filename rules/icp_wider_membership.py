"""Catalogue section S: wider membership and expert input (ICP engagement document, 2021).

The engagement document expects these stakeholders' *input*, not necessarily their
membership: "It is not a requirement for all of these stakeholders to be 'members' of the ICP
committee" (paragraph 5 of the section "ICPs will be rooted in the needs of people,
communities and places"). So each input check passes when the tag is carried by a member, an
attendee, an adviser or an engagement mechanism (`covers_role_tags`).
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from icslint.diagnostics import Finding, Level, Loc, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._icp import council_parties
from ._icp_engagement import (
    ANNEX_A_LEADERSHIP,
    ANNEX_A_MEMBERSHIP,
    CORE_PART,
    MANDATORY,
    ROOTED,
    TIMINGS,
    icp_ed,
    minimum_list,
)
from ._support import unless_true

ICP = "icp-terms-of-reference"
MEMBERS: Loc = ("members",)


# --- input from a kind of stakeholder ------------------------------------------------------


def input_tags(doc: IcpTermsOfReference) -> set[str]:
    """Every role tag the partnership hears from: members, attendees, advisers, mechanisms."""
    tags: set[str] = set()
    for member in doc.members:
        tags.update(member.role_tags)
    for person in (*doc.attendees, *doc.advisers):
        tags.update(person.role_tags)
    for mechanism in doc.engagement_mechanisms:
        tags.update(mechanism.covers_role_tags)
    return tags


def has_input(doc: IcpTermsOfReference, *tags: str) -> bool:
    """Whether any of `tags` is present somewhere the partnership takes input from."""
    return not input_tags(doc).isdisjoint(tags)


def no_input(who: str, expectation: str, *tags: str) -> Finding:
    """The finding for a kind of stakeholder from whom the partnership has no input."""
    shown = " or ".join(f"[{tag}]" for tag in tags)
    return Finding(
        MEMBERS,
        f"No member, attendee, adviser or engagement mechanism brings in {who}. {expectation} "
        f"Add them as a member or attendee with role_tags: {shown}, or name the forum they "
        f"contribute through (an engagement mechanism with covers_role_tags: {shown}).",
    )


@rule(
    code="ICP030",
    slug="public-health-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 1"), icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 2")],
)
def public_health_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has input from the directors of public health.

    Requirement: As a minimum the partnership should have input from directors of public
    health, through arrangements the local authorities agree; public health experts are
    expected to play a significant role.
    Why: Directors of public health bring the assessment of local needs that the integrated
    care strategy has to answer.
    Fix: Tag the director(s) of public health `dph`, as members, attendees or advisers, or
    through an engagement mechanism's `covers_role_tags`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 1, and
    Annex A "Leadership and accountability", paragraph 2, read word for word in the seed copy
    of the gov.uk page (S10); guidance [V], so a warning.
    """
    if not has_input(doc, "dph"):
        yield no_input(
            "the directors of public health",
            "As a minimum the partnership is expected to have their input, through "
            "arrangements the local authorities agree.",
            "dph",
        )


@rule(
    code="ICP031",
    slug="social-services-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 2")],
)
def social_services_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has input from adult and children's social services.

    Requirement: As a minimum the partnership should have input from representatives of adult
    and children's social services, for example at least one director of adult social
    services or director of children's services agreed by the local authorities.
    Why: Social care is half of what the integrated care strategy covers; the directors hold
    the councils' statutory social care responsibilities.
    Fix: Tag a director of adult social services `dass` or of children's services `dcs`, as
    a member, attendee or adviser, or through an engagement mechanism.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 2, read
    word for word in the seed copy of the gov.uk page (S10); guidance [V], so a warning.
    """
    if not has_input(doc, "dass", "dcs"):
        yield no_input(
            "adult or children's social services",
            "As a minimum the partnership is expected to have their input, for example from a "
            "director of adult social services or of children's services agreed by the local "
            "authorities.",
            "dass",
            "dcs",
        )


@rule(
    code="ICP032",
    slug="social-care-provider-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 2")],
)
def social_care_provider_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has input from local social care providers.

    Requirement: The partnership will also need input from local social care providers.
    Why: Most social care is delivered by independent providers; a strategy written without
    them may not be deliverable.
    Fix: Tag a social care provider representative (for example a care association)
    `social_care_provider`, as a member, attendee or adviser, or through an engagement
    mechanism.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 2 (its
    last sentence), read word for word in the seed copy of the gov.uk page (S10); guidance
    [V], so a warning.
    """
    if not has_input(doc, "social_care_provider"):
        yield no_input(
            "local social care providers",
            "The partnership is expected to need their input.",
            "social_care_provider",
        )


# The three kinds of "other local experts" (bullet 3, with the clinical experts of bullet 1).
OTHER_EXPERTS = (
    (("hwb_chair",), "chairs of health and wellbeing boards"),
    (("primary_care", "community_care"), "primary or community care representatives"),
    (
        ("social_work", "occupational_therapy"),
        "professional leads (for example in social work or occupational therapy)",
    ),
)


@rule(
    code="ICP033",
    slug="other-local-expert-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[minimum_list("bullets 1 and 3")],
)
def other_local_expert_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP hears from HWB chairs, primary or community care and professional leads.

    Requirement: The partnership should have suitable representation from other local
    experts: chairs of health and wellbeing boards, primary or community care
    representatives, and other professional leads (for example in social work and
    occupational therapy), with clinical and professional experts from primary, community
    and secondary care.
    Why: These experts connect the strategy to places and to front-line practice.
    Fix: Tag the people or forums concerned: `hwb_chair`; `primary_care` or
    `community_care`; `social_work` or `occupational_therapy`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullets 1 and 3,
    read word for word in the seed copy of the gov.uk page (S10); guidance [V]. The bullet
    gives examples rather than a closed list, so each missing kind is only info.
    """
    for tags, who in OTHER_EXPERTS:
        if not has_input(doc, *tags):
            yield no_input(
                who,
                "The partnership is expected to have suitable representation from such local "
                "experts.",
                *tags,
            )


@rule(
    code="ICP034",
    slug="provider-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 4")],
)
def provider_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has representation from providers of health, care and related services.

    Requirement: Providers of health, care and related services should be suitably
    represented.
    Why: Providers deliver much of what the strategy sets out and hold each other to account
    for it.
    Fix: Tag provider representatives (NHS trusts, foundation trusts and others) `provider`,
    as members, attendees or advisers, or through an engagement mechanism.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 4, read
    word for word in the seed copy of the gov.uk page (S10); guidance [V], so a warning.
    """
    if not has_input(doc, "provider"):
        yield no_input(
            "providers of health, care and related services",
            "The partnership is expected to have appropriate representation from them.",
            "provider",
        )


@rule(
    code="ICP035",
    slug="vcse-and-lived-experience-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 5")],
)
def vcse_and_lived_experience_input(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP hears from the VCSE sector and people with lived experience, young people too.

    Requirement: The voluntary, community and social enterprise (VCSE) sector, social care
    included, should be suitably represented, as should people with lived experience of
    using health and social care services in the area, children and young people among them.
    Why: The strategy is for the area's people; those who use services, and the voluntary
    sector that reaches them, see gaps the statutory partners do not.
    Fix: Tag the voluntary sector's representative or network `vcse`, people with lived
    experience `lived_experience`, and a voice for children and young people `cyp_voice`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 5, read
    word for word in the seed copy of the gov.uk page (S10); guidance [V], so a warning. The
    catalogue suggested info for the young people's voice; it is in the same minimum bullet,
    and a rule has one severity, so all three parts are warnings.
    """
    if not has_input(doc, "vcse"):
        yield no_input(
            "the voluntary, community and social enterprise sector",
            "The partnership is expected to have appropriate representation from the sector, "
            "social care included.",
            "vcse",
        )
    if not has_input(doc, "lived_experience"):
        yield no_input(
            "people with lived experience of using health and social care services",
            "The partnership is expected to have representatives of such people from its area.",
            "lived_experience",
        )
    if not has_input(doc, "cyp_voice"):
        yield no_input(
            "children and young people",
            "The lived experience the partnership hears is expected to include theirs.",
            "cyp_voice",
        )


@rule(
    code="ICP036",
    slug="healthwatch-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[minimum_list("bullet 6"), icp_ed(f"{ROOTED} section, paragraph 6")],
)
def healthwatch_input(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has a representative from Healthwatch.

    Requirement: The partnership should have a representative from Healthwatch, to bring
    senior expertise in engagement and to provide scrutiny.
    Why: Healthwatch brings independent insight and constructive challenge from a community
    perspective. (Involving Local Healthwatch in the strategy is a separate statutory duty,
    checked by ICP014.)
    Fix: Tag the Healthwatch representative `healthwatch`, as a member, attendee or adviser,
    or through an engagement mechanism.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", minimum list bullet 6 and
    paragraph 6, read word for word in the seed copy of the gov.uk page (S10); guidance [V],
    so a warning.
    """
    if not has_input(doc, "healthwatch"):
        yield no_input(
            "Healthwatch",
            "The partnership is expected to have a Healthwatch representative, for senior "
            "expertise in engagement and for scrutiny.",
            "healthwatch",
        )


@rule(
    code="ICP037",
    slug="delivery-partners-are-members",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[icp_ed(f"{CORE_PART} section, list of expectations, bullet 3")],
)
def delivery_partners_are_members(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The partners who deliver the strategy's priorities are members of the ICP.

    Requirement: The partners responsible for delivering the priorities of the integrated
    care strategy (the ICB, local government and other stakeholders) are expected to be
    members of the partnership, so that they can hold each other to account.
    Why: Mutual accountability for the strategy works only among those at the table.
    Fix: State the policy and set `membership_policy.delivery_partners_are_members: true`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs are a
    core part of ICSs", third expectation bullet, read word for word in the seed copy of the
    gov.uk page (S10); guidance [V], info. This is a presence-of-clause rule: it can only
    check that the policy is stated, not who delivers which priority.
    """
    policy = doc.membership_policy
    yield from unless_true(
        policy.delivery_partners_are_members if policy else None,
        ("membership_policy", "delivery_partners_are_members"),
        "The terms of reference do not say that the partners responsible for delivering the "
        "strategy's priorities are members. That is expected, so that they can hold each other "
        "to account; state it (membership_policy.delivery_partners_are_members: true).",
    )


class MembershipSizeOptions(BaseModel):
    """Options of ICP038."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    max_members: int = 30
    """Report when the partnership has more members than this."""


@rule(
    code="ICP038",
    slug="icp-membership-size",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        icp_ed(f"{MANDATORY} section, paragraphs 5 and 6"),
        icp_ed(f"{ANNEX_A_MEMBERSHIP}, paragraph 4"),
        icp_ed("Annex C, opening paragraph"),
    ],
    options=MembershipSizeOptions,
)
def icp_membership_size(
    doc: IcpTermsOfReference, options: MembershipSizeOptions
) -> Iterator[Finding]:
    """A partnership with more members than the set limit may be too large to work well.

    Requirement: Membership should be broad but kept to a productive level. Not every
    partner needs to be a member: stakeholders can contribute through sub-committees,
    networks or workshops. Annex C's list of possible members is illustrative, not a
    checklist.
    Why: A very large committee is hard to run and slow to agree; wider input can come
    through other routes without diluting the partnership.
    Fix: Check that each member is needed, and bring other voices in as attendees or through
    `engagement_mechanisms`. Raise the limit with the option `max_members` (default 30) if
    a larger partnership is intended.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "Mandatory
    requirements for ICPs", paragraphs 5 and 6, Annex A "Establishment and membership",
    paragraph 4, and the opening of Annex C, read word for word in the seed copy of the
    gov.uk page (S10); guidance [V], info. The limit of 30 is a tool default, not a number
    from the document.
    """
    count = len(doc.members)
    if count > options.max_members:
        yield Finding(
            MEMBERS,
            f"The partnership has {count} members, more than {options.max_members}. Membership "
            "is expected to be broad but kept to a productive level; stakeholders need not all "
            "be members and can contribute through sub-committees, networks or workshops. "
            "Check that each seat is needed.",
        )


@rule(
    code="ICP039",
    slug="health-and-wellbeing-boards",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        icp_ed(f"{ROOTED} section, paragraph 7"),
        icp_ed(f"{ROOTED} section, paragraph 3"),
    ],
)
def health_and_wellbeing_boards(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference name the health and wellbeing boards the ICP works with.

    Requirement: The partnership should consider how the health and wellbeing boards in its
    area take part, for example through one or more HWB representatives, or through common
    membership and joint meetings where the two cover the same area. HWBs remain legally
    distinct from the partnership.
    Why: The strategy has to build on the HWBs' needs assessments and strategies; naming the
    boards is the first step to a working relationship with each.
    Fix: List under `relationships.hwbs` the health and wellbeing board of each local
    authority that established the partnership, and say how each takes part.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs will
    be rooted in the needs of people, communities and places", paragraphs 3 and 7, read word
    for word in the seed copy of the gov.uk page (S10); guidance [V], info. The rule counts
    the boards named against the establishing councils (one board each, as the catalogue
    assumes); it cannot match board names to councils.
    """
    hwbs = doc.relationships.hwbs if doc.relationships else ()
    councils = len(council_parties(doc))
    needed = max(councils, 1)
    if len(hwbs) < needed:
        each = (
            f" The partnership has {councils} establishing local authorities, each with its "
            f"own health and wellbeing board, but names only {len(hwbs)}."
            if councils > 1 and hwbs
            else ""
        )
        yield Finding(
            ("relationships", "hwbs"),
            "The terms of reference do not name every health and wellbeing board in the "
            f"partnership's area.{each} The partnership is expected to consider how each board "
            "takes part, for example through HWB representatives or joint meetings; list them "
            "under relationships.hwbs.",
        )


@rule(
    code="ICP040",
    slug="membership-review-cycle",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[icp_ed(f"{TIMINGS} section, paragraph 7")],
)
def membership_review_cycle(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference say how, and how often, membership is reviewed.

    Requirement: It should be clear to all partners and the public how and when (how often)
    the partnership's membership will be reviewed and agreed.
    Why: Membership is expected to change as the partnership's priorities evolve; a stated
    cycle and process keep those changes open and predictable.
    Fix: Set `membership_review.frequency_months` and describe `membership_review.process`
    (who reviews, and who agrees the outcome).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "Timings and
    establishment of ICPs", paragraph 7, read word for word in the seed copy of the gov.uk
    page (S10); guidance [V], so a warning. This is a presence-of-clause rule: it can only
    check that a cycle and a process are stated.
    """
    review = doc.membership_review
    frequency = review.frequency_months if review else None
    process = review.process if review else None
    if frequency is None and not process:
        yield Finding(
            ("membership_review",),
            "The terms of reference do not say how or how often the partnership's membership "
            "is reviewed. That should be clear to partners and the public; set "
            "membership_review.frequency_months and describe membership_review.process.",
        )
    elif frequency is None:
        yield Finding(
            ("membership_review", "frequency_months"),
            "The terms of reference say how membership is reviewed but not how often. Set "
            "membership_review.frequency_months (for example 12).",
        )
    elif not process:
        yield Finding(
            ("membership_review", "process"),
            "The terms of reference say how often membership is reviewed but not how. Describe "
            "who reviews it and who agrees changes under membership_review.process.",
        )
