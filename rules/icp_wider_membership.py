"""Wider membership and expert input (ICP engagement document, 2021).

The engagement document expects these stakeholders' *input*, not necessarily their
membership: "It is not a requirement for all of these stakeholders to be 'members' of the ICP
committee" (paragraph 5 of the section "ICPs will be rooted in the needs of people,
communities and places"). So each input check passes when a member, an attendee, an adviser or
an engagement mechanism brings that input, by its role tags or by its title.

The document is guidance and prescribes nothing that terms of reference must contain, so every
rule here is `requires="conduct"`: input the terms of reference do not show is "not stated".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from icslint.diagnostics import Contradiction, Finding, Level, Loc, Missing, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule
from icslint.vocabulary import HEALTHWATCH

from ._icp import (
    listed,
    size,
    statutory_councils,
    substitute_entries,
)
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
Check = Iterator[Finding]


# --- input from a kind of stakeholder ------------------------------------------------------

# Words in a title, organisation or forum name that show the perspective a role tag stands
# for. Terms of reference copied from a published membership table carry titles, not tags;
# without these, a "Director of Public Health" who is not tagged dph would be reported as
# missing, which the document does not support.
_TITLE_WORDS: dict[str, re.Pattern[str]] = {
    tag: re.compile(pattern, re.IGNORECASE)
    for tag, pattern in {
        "dph": r"\bpublic health\b",
        "dass": r"\badults?'?\b.*\b(social|services|care|health|wellbeing)\b|\bDASS\b",
        "dcs": r"\bchildren'?s?'?\b.*\b(services|social care|families)\b|\bDCS\b",
        "social_care_provider": r"\bcare providers?\b|\bcare homes?\b|\bhome care\b",
        "hwb_chair": r"\bchair\b.*\bhealth and well-?being board\b",
        "primary_care": r"\bprimary care\b|\bgeneral practi|\bGPs?\b|\blocal medical committee\b",
        "community_care": r"\bcommunity (health|care|services)\b",
        "provider": r"\bNHS trust\b|\bfoundation trust\b|\bhospitals?\b|\bambulance\b",
        "vcse": r"\bvoluntary\b|\bVCSE?\b|\bthird sector\b|\bcharit|\bsocial enterprise\b",
        "lived_experience": r"\blived experience\b|\bservice users?\b|\bpatient (voice|rep)",
        "cyp_voice": r"\byoung people\b|\byouth\b",
        "healthwatch": HEALTHWATCH.pattern,
        "social_work": r"\bsocial work",
        "occupational_therapy": r"\boccupational therap",
    }.items()
}


def _texts(doc: IcpTermsOfReference) -> list[str]:
    """The titles, organisations and forum names the document gives for those it hears from."""
    texts = [f"{m.seat_title} {m.organisation or ''}" for m in doc.members]
    texts += [f"{p.title} {p.organisation or ''}" for p in (*doc.attendees, *doc.advisers)]
    texts += [m.name for m in doc.engagement_mechanisms]
    return texts


def input_tags(doc: IcpTermsOfReference) -> set[str]:
    """Every perspective the partnership hears from: the role tags of members, attendees,
    advisers and engagement mechanisms, and the perspectives their titles name."""
    tags: set[str] = set()
    for member in doc.members:
        tags.update(member.role_tags)
    for person in (*doc.attendees, *doc.advisers):
        tags.update(person.role_tags)
    for mechanism in doc.engagement_mechanisms:
        tags.update(mechanism.covers_role_tags)
    for text in _texts(doc):
        tags.update(tag for tag, words in _TITLE_WORDS.items() if words.search(text))
    return tags


def has_input(doc: IcpTermsOfReference, *tags: str) -> bool:
    """Whether any of `tags` is present somewhere the partnership takes input from."""
    return not input_tags(doc).isdisjoint(tags)


def _hears_from_no_one(doc: IcpTermsOfReference) -> bool:
    return not (doc.members or doc.attendees or doc.advisers or doc.engagement_mechanisms)


def no_one(who: str, expectation: str) -> Finding:
    """The one finding for terms of reference that list no one the partnership hears from."""
    return Missing(
        MEMBERS,
        "The terms of reference list no members, attendees, advisers or engagement mechanisms, "
        f"so they do not show input from {who}. {expectation} If they list them, add them.",
    )


def no_input(who: str, expectation: str, *tags: str) -> Finding:
    """The finding for a kind of stakeholder from whom the partnership has no input."""
    shown = " or ".join(tags)
    return Missing(
        MEMBERS,
        f"The terms of reference do not show input from {who}: no member, attendee, adviser "
        f"or engagement mechanism is tagged {shown} or titled as one. {expectation} If one "
        f"brings that input, give it role_tags: [{tags[0]}] (or covers_role_tags on an "
        "engagement mechanism).",
    )


@rule(
    code="ICP030",
    slug="public-health-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[minimum_list("bullet 1"), icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 2")],
)
def public_health_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has input from the directors of public health.

    Requirement: As a minimum the partnership should have input from directors of public
    health, through arrangements the local authorities agree; public health experts are
    expected to play a significant role.
    Provision: ICP engagement document, "ICPs will be rooted in the needs of people,
    communities and places": "as a minimum, we would expect ICPs to have: input from
    directors of public health, through arrangements agreed by local authorities". An
    expectation of the partnership, not of its terms of reference, and input need not come
    through membership, so terms of reference that do not show it are "not stated", never in
    breach.
    Why: Directors of public health bring the assessment of local needs that the integrated
    care strategy has to answer.
    Fix: Tag the director(s) of public health `dph`, as members, attendees or advisers, or
    through an engagement mechanism's `covers_role_tags`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 1, and Annex A "Leadership and accountability",
    paragraph 2. Guidance, so a warning.
    """
    expectation = (
        "As a minimum the partnership is expected to have their input, through arrangements "
        "the local authorities agree."
    )
    if _hears_from_no_one(doc):
        yield no_one("the directors of public health", expectation)
    elif not has_input(doc, "dph"):
        yield no_input("the directors of public health", expectation, "dph")


@rule(
    code="ICP031",
    slug="social-services-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[minimum_list("bullet 2")],
)
def social_services_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has input from adult and children's social services.

    Requirement: As a minimum the partnership should have input from representatives of adult
    and children's social services, for example at least one director of adult social
    services or director of children's services agreed by the local authorities.
    Provision: ICP engagement document, minimum list: "input from representatives of adult
    and children's social services", "for example by at least one director of adult social
    services or director of children's services agreed by the local authorities". An
    expectation of the partnership, not of its terms of reference, so terms of reference
    that do not show it are "not stated", never in breach.
    Why: Social care is half of what the integrated care strategy covers; the directors hold
    the councils' statutory social care responsibilities.
    Fix: Tag a director of adult social services `dass` or of children's services `dcs`, as
    a member, attendee or adviser, or through an engagement mechanism.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 2. Guidance, so a warning.
    """
    who = "adult or children's social services"
    expectation = (
        "As a minimum the partnership is expected to have input from them, for example a "
        "director of adult social services or of children's services agreed by the local "
        "authorities."
    )
    if _hears_from_no_one(doc):
        yield no_one(who, expectation)
    elif not has_input(doc, "dass", "dcs"):
        yield no_input(who, expectation, "dass", "dcs")


@rule(
    code="ICP032",
    slug="social-care-provider-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[minimum_list("bullet 2")],
)
def social_care_provider_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has input from local social care providers.

    Requirement: Input from local social care providers will also be needed.
    Provision: ICP engagement document, minimum list, second bullet: "Input from local social
    care providers will also be needed." An expectation of the partnership, not of its terms
    of reference, so terms of reference that do not show it are "not stated", never in
    breach.
    Why: Most social care is delivered by independent providers; a strategy written without
    them may not be deliverable.
    Fix: Tag a social care provider representative (for example a care association)
    `social_care_provider`, as a member, attendee or adviser, or through an engagement
    mechanism.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 2 (its last sentence). Guidance, so a warning.
    """
    who = "local social care providers"
    expectation = "The partnership is expected to need their input."
    if _hears_from_no_one(doc):
        yield no_one(who, expectation)
    elif not has_input(doc, "social_care_provider"):
        yield no_input(who, expectation, "social_care_provider")


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
    requires="conduct",
    citations=[minimum_list("bullets 1 and 3")],
)
def other_local_expert_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP hears from HWB chairs, primary or community care and professional leads.

    Requirement: The partnership should have suitable representation from other local
    experts: chairs of health and wellbeing boards, primary or community care
    representatives, and other professional leads (for example in social work and
    occupational therapy), with clinical and professional experts from primary, community
    and secondary care.
    Provision: ICP engagement document, minimum list: "relevant representation from other
    local experts, through HWB chairs, primary or community care representatives and other
    professional leads". An expectation of the partnership, given by example, not a
    requirement on its terms of reference, so a kind of expert they do not show is "not
    stated" at info, never a breach.
    Why: These experts connect the strategy to places and to front-line practice.
    Fix: Tag the people or forums concerned: `hwb_chair`; `primary_care` or
    `community_care`; `social_work` or `occupational_therapy`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullets 1 and 3. The bullet gives examples rather than a
    closed list, so each missing kind is only info.
    """
    expectation = "The partnership is expected to have suitable representation from such experts."
    if _hears_from_no_one(doc):
        yield no_one(listed([who for _, who in OTHER_EXPERTS]), expectation)
        return
    for tags, who in OTHER_EXPERTS:
        if not has_input(doc, *tags):
            yield no_input(who, expectation, *tags)


@rule(
    code="ICP034",
    slug="provider-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[minimum_list("bullet 4")],
)
def provider_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has representation from providers of health, care and related services.

    Requirement: Providers of health, care and related services should be suitably
    represented.
    Provision: ICP engagement document, minimum list: "appropriate representation from any
    providers of health, care and related services". An expectation of the partnership, not
    of its terms of reference, so terms of reference that do not show it are "not stated",
    never in breach.
    Why: Providers deliver much of what the strategy sets out and hold each other to account
    for it.
    Fix: Tag provider representatives (NHS trusts, foundation trusts and others) `provider`,
    as members, attendees or advisers, or through an engagement mechanism.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 4. Guidance, so a warning.
    """
    who = "providers of health, care and related services"
    expectation = "The partnership is expected to have appropriate representation from them."
    if _hears_from_no_one(doc):
        yield no_one(who, expectation)
    elif not has_input(doc, "provider"):
        yield no_input(who, expectation, "provider")


# The three parts of bullet 5, each with its tag.
VCSE_PARTS = (
    (
        "vcse",
        "the voluntary, community and social enterprise sector",
        "The partnership is expected to have appropriate representation from the sector, "
        "social care included.",
    ),
    (
        "lived_experience",
        "people with lived experience of using health and social care services",
        "The partnership is expected to have representatives of such people from its area.",
    ),
    (
        "cyp_voice",
        "children and young people",
        "The lived experience the partnership hears is expected to include theirs.",
    ),
)


@rule(
    code="ICP035",
    slug="vcse-and-lived-experience-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[minimum_list("bullet 5")],
)
def vcse_and_lived_experience_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP hears from the VCSE sector and people with lived experience, young people too.

    Requirement: The voluntary, community and social enterprise (VCSE) sector, social care
    included, should be suitably represented, as should people with lived experience of
    using health and social care services in the area, children and young people among them.
    Provision: ICP engagement document, minimum list: "appropriate representation from the
    VCSE sector, including of social care, as well as representatives from people with lived
    experiences of accessing health and social care services in the ICS area, including
    children and young people". An expectation of the partnership, not of its terms of
    reference, so input they do not show is "not stated", never in breach.
    Why: The strategy is for the area's people; those who use services, and the voluntary
    sector that reaches them, see gaps the statutory partners do not.
    Fix: Tag the voluntary sector's representative or network `vcse`, people with lived
    experience `lived_experience`, and a voice for children and young people `cyp_voice`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 5. Guidance, so a warning; the young people's voice is in
    the same bullet, and a rule has one severity, so all three parts are warnings.
    """
    if _hears_from_no_one(doc):
        yield no_one(
            listed([who for _, who, _ in VCSE_PARTS]),
            "The partnership is expected to have appropriate representation from each.",
        )
        return
    for tag, who, expectation in VCSE_PARTS:
        if not has_input(doc, tag):
            yield no_input(who, expectation, tag)


@rule(
    code="ICP036",
    slug="healthwatch-input",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    until="health-bill-2026-healthwatch",
    citations=[minimum_list("bullet 6"), icp_ed(f"{ROOTED} section, paragraph 6")],
)
def healthwatch_input(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has a representative from Healthwatch.

    Requirement: The partnership should have a representative from Healthwatch, to bring
    senior expertise in engagement and to provide scrutiny.
    Provision: ICP engagement document, minimum list: "a representative from Healthwatch to
    bring senior level expertise in how to do engagement and to provide scrutiny". An
    expectation of the partnership, not of its terms of reference, so terms of reference that
    do not show it are "not stated", never in breach.
    Why: Healthwatch brings independent insight and constructive challenge from a community
    perspective. (Involving Local Healthwatch in the strategy is a separate statutory duty,
    checked by ICP014.)
    Fix: Tag the Healthwatch representative `healthwatch`, as a member, attendee or adviser,
    or through an engagement mechanism.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", minimum list bullet 6 and paragraph 6. Guidance, so a warning.
    """
    expectation = (
        "The partnership is expected to have a Healthwatch representative, for senior "
        "expertise in engagement and for scrutiny."
    )
    if _hears_from_no_one(doc):
        yield no_one("Healthwatch", expectation)
    elif not has_input(doc, "healthwatch"):
        yield no_input("Healthwatch", expectation, "healthwatch")


@rule(
    code="ICP037",
    slug="delivery-partners-are-members",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[icp_ed(f"{CORE_PART} section, list of expectations, bullet 3")],
)
def delivery_partners_are_members(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The partners who deliver the strategy's priorities are members of the ICP.

    Requirement: The partners responsible for delivering the priorities of the integrated
    care strategy (the ICB, local government and other stakeholders) are expected to be
    members of the partnership, so that they can hold each other to account.
    Provision: ICP engagement document, "ICPs are a core part of ICSs": "partners responsible
    for delivering the priorities of the ICP's integrated care strategy ... will also be
    members of the ICP". An expectation of the partnership, not of its terms of reference,
    so silence is "not stated"; terms of reference that say delivery partners are not members
    depart from it and are reported at info.
    Why: Mutual accountability for the strategy works only among those at the table.
    Fix: State the policy and set `membership_policy.delivery_partners_are_members: true`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs are a core part of ICSs", third expectation bullet.
    Guidance, so info. The rule can only check that the policy is stated, not who delivers
    which priority.
    """
    policy = doc.membership_policy
    yield from unless_true(
        policy.delivery_partners_are_members if policy else None,
        ("membership_policy", "delivery_partners_are_members"),
        "The terms of reference do not say that the partners responsible for delivering the "
        "strategy's priorities are members. That is expected, so that they can hold each other "
        "to account; if the terms of reference say so, set "
        "membership_policy.delivery_partners_are_members: true.",
        "The terms of reference say that the partners responsible for delivering the "
        "strategy's priorities are not all members (membership_policy."
        "delivery_partners_are_members: false). They are expected to be members, so that they "
        "can hold each other to account; if the terms of reference are only silent on it, "
        "leave the key out.",
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
    requires="conduct",
    citations=[
        icp_ed(f"{MANDATORY} section, paragraphs 5 and 6"),
        icp_ed(f"{ANNEX_A_MEMBERSHIP}, paragraph 4"),
        icp_ed("Annex C, opening paragraph"),
    ],
    options=MembershipSizeOptions,
)
def icp_membership_size(doc: IcpTermsOfReference, options: MembershipSizeOptions) -> Check:
    """A partnership with more members than the set limit may be too large to work well.

    Requirement: Membership should be broad but kept to a productive level. Not every
    partner needs to be a member: stakeholders can contribute through sub-committees,
    networks or workshops. Annex C's list of possible members is illustrative, not a
    checklist.
    Provision: ICP engagement document, "Mandatory requirements for ICPs": "membership should
    be kept to a productive level" and "not all partners need to be a member of the ICP".
    Guidance on the partnership's size with no number in it; the rule reports, at info, a
    membership listed in the terms of reference that is larger than the configured limit. It
    says nothing of terms of reference that list no members. Each entry counts as its
    `count` (2, or "at least 2"), or as one member; an entry given by reference with no
    number counts as one, so a membership the document does not show to be over the limit is
    not reported. A named substitute is not a further member.
    Why: A very large committee is hard to run and slow to agree; wider input can come
    through other routes without diluting the partnership.
    Fix: Check that each member is needed, and bring other voices in as attendees or through
    `engagement_mechanisms`. Raise the limit with the option `max_members` (default 30) if
    a larger partnership is intended.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "Mandatory requirements for ICPs", paragraphs 5 and 6,
    Annex A "Establishment and membership", paragraph 4, and the opening of Annex C. Guidance,
    so info. The limit of 30 is a default of this tool, not a number from the document.
    """
    substitutes = substitute_entries(doc)
    seats = [size(m) for i, m in enumerate(doc.members) if i not in substitutes]
    least = sum(seat.least for seat in seats)
    if least <= options.max_members:
        # A membership given in part by reference or as "at least N" may be larger, but the
        # document does not show it, and this is a size check at info: it stays silent.
        return
    # Printed only where every entry gives its number: never a number the document did not.
    count = (
        f"list {least} members, more" if all(seat.exact for seat in seats) else "list more members"
    )
    yield Contradiction(
        MEMBERS,
        f"The terms of reference {count} than the limit of {options.max_members} set for "
        "this check. Membership is expected to be broad but kept to a productive level; "
        "stakeholders need not all be members and can contribute through sub-committees, "
        "networks or workshops. Check that each seat is needed, or raise the limit (option "
        "max_members).",
    )


@rule(
    code="ICP039",
    slug="health-and-wellbeing-boards",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        icp_ed(f"{ROOTED} section, paragraph 7"),
        icp_ed(f"{ROOTED} section, paragraph 3"),
    ],
)
def health_and_wellbeing_boards(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference name the health and wellbeing boards the ICP works with.

    Requirement: The partnership should consider how the health and wellbeing boards in its
    area take part, for example through one or more HWB representatives, or through common
    membership and joint meetings where the two cover the same area. HWBs remain legally
    distinct from the partnership.
    Provision: ICP engagement document, "ICPs will be rooted in the needs of people,
    communities and places": "ICPs should consider how best to bring in HWBs as strategic
    partners". Guidance to the partnership, not a requirement on its terms of reference, so
    boards they do not name are "not stated" at info, never a breach.
    Why: The strategy has to build on the HWBs' needs assessments and strategies; naming the
    boards is the first step to a working relationship with each.
    Fix: List under `relationships.hwbs` the health and wellbeing board of each local
    authority that established the partnership, and say how each takes part.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs will be rooted in the needs of people, communities
    and places", paragraphs 3 and 7. Guidance, so info. Each responsible local authority has
    its own health and wellbeing board, so the rule counts the boards named against the
    establishing councils; it cannot match board names to councils.
    """
    hwbs = doc.relationships.hwbs if doc.relationships else ()
    councils = [name for _, name in statutory_councils(doc)]
    if not hwbs:
        yield Missing(
            ("relationships", "hwbs"),
            "The terms of reference do not name the health and wellbeing boards the "
            "partnership works with. The partnership is expected to consider how each board in "
            "its area takes part, for example through HWB representatives or joint meetings; "
            "if the terms of reference name them, list them under relationships.hwbs.",
        )
    elif len(hwbs) < len(councils):
        yield Missing(
            ("relationships", "hwbs"),
            f"The terms of reference name only {listed(list(hwbs))} among the health and "
            f"wellbeing boards, but each of the responsible local authorities "
            f"({listed(councils)}) has its own board. The partnership is expected to consider "
            "how each board takes part; if the terms of reference name the others, add them to "
            "relationships.hwbs.",
        )


@rule(
    code="ICP040",
    slug="membership-review-cycle",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[icp_ed(f"{TIMINGS} section, paragraph 7")],
)
def membership_review_cycle(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say how, and how often, membership is reviewed.

    Requirement: It should be clear to all partners and the public how and when (how often)
    the partnership's membership will be reviewed and agreed.
    Provision: ICP engagement document, "Timings and establishment of ICPs": "it should be
    clear to all partners and the public how and when (frequency) membership will be reviewed
    and agreed". An expectation of openness, not a requirement on the terms of reference, so
    terms of reference that do not say are "not stated", never in breach.
    Why: Membership is expected to change as the partnership's priorities evolve; a stated
    cycle and process keep those changes open and predictable.
    Fix: Set `membership_review.frequency_months` and describe `membership_review.process`
    (who reviews, and who agrees the outcome).
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "Timings and establishment of ICPs", paragraph 7.
    Guidance, so a warning. The rule can only check that a cycle and a process are stated.
    """
    review = doc.membership_review
    frequency = review.frequency_months if review else None
    process = review.process if review else None
    if frequency is None and not process:
        yield Missing(
            ("membership_review",),
            "The terms of reference do not say how or how often the partnership's membership "
            "is reviewed. That is expected to be clear to partners and the public; if the terms "
            "of reference say, set membership_review.frequency_months and describe "
            "membership_review.process.",
        )
    elif frequency is None:
        yield Missing(
            ("membership_review", "frequency_months"),
            "The terms of reference say how membership is reviewed but not how often. If they "
            "say, set membership_review.frequency_months.",
        )
    elif not process:
        yield Missing(
            ("membership_review", "process"),
            "The terms of reference say how often membership is reviewed but not how. If they "
            "say who reviews it and who agrees changes, describe it under "
            "membership_review.process.",
        )
