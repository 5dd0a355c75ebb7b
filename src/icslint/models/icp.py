"""The shape of an ICP terms of reference (`kind: icp-terms-of-reference`).

As for ICB constitutions, only `kind` and `schema_version` are required; statutory content is
checked by cited rules.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from icslint.models.base import LocalAuthority, Model, PartyName, PositiveInt, Quorum, Text
from icslint.models.icb import LocalClause, LocalSection
from icslint.models.values import Count, PartialDate
from icslint.vocabulary import KNOWN_NAMES, acting_part, known_party

RoleTag = Literal[
    "healthwatch",
    "dph",
    "dass",
    "dcs",
    "vcse",
    "social_care_provider",
    "hwb_chair",
    "primary_care",
    "community_care",
    "provider",
    "lived_experience",
    "cyp_voice",
    "social_work",
    "occupational_therapy",
    "district_council",
    "elected_member",
    "other",
]
PartnershipPrinciple = Literal[
    "distributed_leadership",
    "consensus",
    "collective_accountability",
    "transparency",
    "outcomes_and_inequalities",
    "coproduction_and_inclusion",
    "triple_aim_and_subsidiarity",
    "respect_for_place",
    "clinical_professional_political_community_leadership",
    "learning_system",
]
ChairAttribute = Literal[
    "system_relationships",
    "collaborative_leadership",
    "innovation_and_transformation",
    "health_and_care_outcomes",
    "influence_and_drive_change",
]


def _appointer(value: str) -> str:
    """Who appointed a member: the ICB, a named local authority, or the ICP, written as icb,
    icp or la:<council> or in words ("NHS Wessex ICB", "Wessex County Council"). Names are
    checked against the document's own list once it is read (icslint.vocabulary)."""
    if value.startswith("la:") and not value[3:].strip():
        raise PydanticCustomError(
            "appointer",
            "must be icb, icp, la: followed by the council's name (for example "
            "'la:Wessex County Council'), or the appointing body's name",
        )
    return value


def appointer_key(value: str | None) -> str | None:
    """ "icb", "icp", or "la:<council>" for an appointer however written; None if it is none of
    them (a council is recognised by the document's list, so words naming one come back as
    "la:" followed by the words)."""
    if not value:
        return None
    if value.startswith("la:"):
        return "la:" + value[3:].strip()
    party = known_party(value)
    if party is not None and party.key in ("icb", "icp"):
        return party.key
    return "la:" + acting_part(value)


Appointer = Annotated[
    str,
    AfterValidator(_appointer),
    Field(min_length=1, examples=["icb", "icp", "la:", *KNOWN_NAMES]),
]


class IcpMeta(Model):
    """Facts about this version of the terms of reference."""

    version: Text | None = None
    """The version number of these terms of reference, for example "1.3"."""
    status: Literal["draft", "submitted", "approved", "in_force", "superseded"] | None = None
    """Where this version stands: draft, submitted (to the ICB and councils), approved,
    in_force or superseded."""
    approved_on: PartialDate | None = None
    """The date the terms of reference were approved, for example 2025-05-20 (or as much of
    it as is known: 2025-05, "May 2025", 2025)."""
    approved_by: tuple[PartyName, ...] = ()
    """The ICB and each local authority that approved these terms of reference."""
    effective_from: PartialDate | None = None
    """The date these terms of reference take effect (as much of it as is known)."""
    review_frequency_months: PositiveInt | None = None
    """How often the terms of reference are reviewed, in months (12 or less)."""
    published_url: Text | None = None
    """The web address where the terms of reference are published."""


class TorSection(Model):
    """A numbered section or appendix heading of the terms of reference."""

    number: Text
    """The section's number as printed, for example "6" or "Appendix 1"."""
    heading: Text
    """The section's heading as printed, for example "Meetings and public access"."""
    optional: bool | None = None
    """In a draft: true for a section still to be decided on before the terms of reference are
    approved."""


class IcpArea(Model):
    """The area the partnership covers."""

    local_authorities: tuple[Text, ...] = ()
    """The councils whose areas make up the partnership's area."""


class Icp(Model):
    """The integrated care partnership itself."""

    name: Text | None = None
    """The partnership's name, whatever it is called, for example "Wessex Integrated Care
    Partnership" or "Wessex Health and Care Partnership"."""
    statutory_basis: Text | None = None
    """The provision the terms of reference cite for setting up the partnership, for example
    "section 116ZA of the Local Government and Public Involvement in Health Act 2007"."""
    icb_name: Text | None = None
    """The ICB that established the partnership with the local authorities."""
    legal_form: Literal["joint_committee", "body_corporate", "other"] | None = None
    """What kind of body the partnership is: by law a joint_committee of the ICB and the
    councils."""
    area: IcpArea | None = None
    """The area the partnership covers."""


class Member(Model):
    """A member of the partnership."""

    seat_title: Text
    """The member's title, for example "Director of Public Health", or the members given by
    reference, for example "Voting members of the ICB board"."""
    organisation: Text | None = None
    """The organisation the member comes from, for example "Wessex County Council"."""
    appointed_by: Appointer | None = None
    """Who appointed the member: icb, icp, la:<council name>, or the appointing body's name
    as the document lists it (LGPIHA 2007 s116ZA(2))."""
    statutory_limb: Literal["a", "b", "c"] | None = None
    """The limb of s116ZA(2) the member sits under: (a) the ICB's appointee, (b) a responsible
    local authority's appointee, (c) appointed by the partnership itself."""
    voting: bool = True
    """Whether the member may vote (true unless stated)."""
    count: Count | None = None
    """How many members this entry stands for, where it is more than one: a number (2), a
    least number ("at least 2") or "unknown" (for example "all voting members of the ICB
    board")."""
    by_reference: Text | None = None
    """Membership given by reference to another body rather than by name, as the document
    words it, for example "all voting members of the ICB board"."""
    substitute: Text | None = None
    """The named substitute who may attend and act in the member's place, if any, for
    example "Deputy Leader of the Council"."""
    role_tags: tuple[RoleTag, ...] = ()
    """The perspectives the member brings, for example dph (director of public health), dass,
    healthwatch, vcse, provider or lived_experience."""


class Attendee(Model):
    """Someone who attends or advises the partnership without being a member."""

    title: Text
    """The person's title, for example "Principal Social Worker"."""
    organisation: Text | None = None
    """The organisation the person comes from."""
    role_tags: tuple[RoleTag, ...] = ()
    """The perspectives the person brings, for example social_work or cyp_voice."""


class EngagementMechanism(Model):
    """A way the partnership hears from people and groups who are not members."""

    name: Text
    """The mechanism's name, for example "Wessex People's Panel"."""
    kind: Literal[
        "sub_committee", "forum", "public_meeting", "network", "citizens_panel", "other"
    ] = "other"
    """What it is: sub_committee, forum, public_meeting, network, citizens_panel or other."""
    covers_role_tags: tuple[RoleTag, ...] = ()
    """The perspectives heard through it, for example vcse or lived_experience."""
    involves_residents: bool | None = None
    """Whether local residents take part, for developing the strategy with them."""


class IcpChair(Model):
    """The partnership's chair (or vice-chair) and how the post is filled."""

    selected_by: tuple[PartyName, ...] = ()
    """The bodies that choose the chair: the ICB and each establishing council, jointly."""
    appointment_process: Text | None = None
    """How the chair is appointed: a fair, open process agreed by the ICB and the councils."""
    term_years: float | None = None
    """The length of the chair's term of office, in years, for example 2."""
    held_by: Text | None = None
    """Who holds the chair, by office, for example "the Chair of the ICB" or "the Leader of
    Wessex County Council"."""
    also_icb_chair: bool | None = None
    """Whether the ICB's chair also chairs the partnership (true) or it has its own (false)."""
    role_description: Text | None = None
    """The chair's role and to whom the chair is accountable, in brief."""
    person_spec: tuple[ChairAttribute, ...] = ()
    """The attributes the chair must have, for example collaborative_leadership."""


class Procedure(Model):
    """How the partnership conducts its meetings and reaches decisions."""

    quorum: Quorum | None = None
    """The quorum for meetings of the partnership."""
    decision_making: Literal["consensus", "vote", "mixed"] | None = None
    """How decisions are made: consensus, vote, or mixed (consensus, with a vote in stated
    cases)."""
    voting_rules: Text | None = None
    """When, and how, a vote may be taken, in words."""
    conflicts_of_interest: Text | None = None
    """How members declare interests and how conflicts are managed, in words."""
    member_appointment_process: Text | None = None
    """How the partnership decides the members it appoints under s116ZA(2)(c)."""


class Meetings(Model):
    """How the partnership's meetings are held and recorded."""

    frequency: Text | None = None
    """How often the partnership meets, for example "Quarterly"."""
    min_per_year: PositiveInt | None = None
    """The least number of meetings a year the terms of reference commit to, for example 4."""
    public_questions: bool | None = None
    """Whether members of the public may ask questions at meetings held in public."""
    papers_notice_days: PositiveInt | None = None
    """How many clear days before a meeting its papers are sent and published, for example
    5."""
    in_public: bool | None = None
    """Whether the partnership meets in public."""
    exclusion_grounds: Text | None = None
    """The grounds on which the public may be excluded, for example confidential business."""
    papers_published: bool | None = None
    """Whether meeting papers are published."""
    minutes_published: bool | None = None
    """Whether meeting minutes are published."""


class MembershipReview(Model):
    """How, and how often, the partnership's membership is reviewed."""

    frequency_months: PositiveInt | None = None
    """How often membership is reviewed, in months, for example 12."""
    process: Text | None = None
    """Who reviews the membership and who agrees changes, in words."""


class Strategy(Model):
    """The partnership's duties for the integrated care strategy (LGPIHA 2007 s116ZB)."""

    prepares_integrated_care_strategy: bool | None = None
    """Whether the terms of reference give the partnership its duty to prepare the integrated
    care strategy."""
    considers_s75: bool | None = None
    """Whether the partnership considers if section 75 arrangements (pooled budgets and
    delegated functions) would meet needs better."""
    regard_to_mandate: bool | None = None
    """Whether the partnership has regard to the Secretary of State's mandate to NHS England."""
    regard_to_sos_guidance: bool | None = None
    """Whether the partnership has regard to the Secretary of State's guidance."""
    guidance_version: Literal["2022-07", "2024-02"] | None = None
    """The version of DHSC's strategy guidance named, if any: "2024-02" (current) or "2022-07"
    (superseded)."""
    involves_local_healthwatch: bool | None = None
    """Whether each Local Healthwatch for the area is involved in preparing the strategy."""
    local_healthwatch: tuple[Text, ...] = ()
    """The Local Healthwatch organisations involved, by name."""
    involves_people_living_working: bool | None = None
    """Whether people who live or work in the area are involved in preparing the strategy."""
    publishes: bool | None = None
    """Whether the partnership publishes each strategy."""
    copies_to: tuple[PartyName, ...] = ()
    """Who receives a copy of each strategy: the ICB and each council."""
    revise_on_jsna: bool | None = None
    """Whether the partnership considers revising the strategy each time it receives a joint
    strategic needs assessment."""
    integration_statement: bool | None = None
    """Whether the strategy says how health-related services could be more closely integrated
    with health and social care (optional: true or false)."""
    publication_and_review_clause: bool | None = None
    """The terms of reference say how the strategy is published and reviewed (DHSC guidance)."""


class Secretariat(Model):
    """Who supports the partnership's work."""

    provided_by: PartyName | None = None
    """The body that provides the secretariat, for example the ICB."""
    resourcing_agreement_ref: Text | None = None
    """The agreement on how the partnership is resourced, by title."""


class TorAmendment(Model):
    """How the terms of reference are changed."""

    requires_approval_of: tuple[PartyName, ...] = ()
    """The bodies whose approval a change needs: the ICB and each establishing council."""


class Relationships(Model):
    """The partnership's links with other local bodies."""

    hwbs: tuple[Text, ...] = ()
    """The health and wellbeing boards the partnership works with, by name."""
    place_partnerships: tuple[Text, ...] = ()
    """The place-based partnerships the partnership works with, by name."""
    assurance_from_icb_las: bool | None = None
    """Whether the ICB and the councils give the partnership assurance on delivering the
    strategy."""


class MembershipPolicy(Model):
    """Who the partnership expects to have as members."""

    delivery_partners_are_members: bool | None = None
    """The partners responsible for delivering the strategy's priorities are members."""


class IcpTermsOfReference(Model):
    """An integrated care partnership's terms of reference."""

    kind: Literal["icp-terms-of-reference"]
    """The kind of document: always icp-terms-of-reference."""
    schema_version: Literal[1]
    """The version of the icslint document format: 1."""
    meta: IcpMeta | None = None
    """Facts about this version: its number, approval, dates and review."""
    sections: tuple[TorSection, ...] = ()
    """The numbered sections and appendices of the text, in order, as the terms of reference
    print them."""
    icp: Icp | None = None
    """The partnership's name, its ICB, legal form and area."""
    local_authorities: tuple[LocalAuthority, ...] = ()
    """Every council in the area, with its type, including district councils."""
    establishing_parties: tuple[PartyName, ...] = ()
    """The bodies that established the partnership: the ICB and each responsible council."""
    members: tuple[Member, ...] = ()
    """The members of the partnership."""
    attendees: tuple[Attendee, ...] = ()
    """People who attend meetings without being members."""
    advisers: tuple[Attendee, ...] = ()
    """People who advise the partnership without being members."""
    engagement_mechanisms: tuple[EngagementMechanism, ...] = ()
    """Sub-committees, forums, panels and networks through which others are heard."""
    mayoral_strategic_authorities: tuple[Text, ...] = ()
    """Mayoral strategic authorities (combined authorities with a mayor) whose area includes
    part of the partnership's, by name."""
    chair: IcpChair | None = None
    """The partnership's chair (for co-chairs or joint chairs, use `co_chairs`)."""
    co_chairs: tuple[IcpChair, ...] = ()
    """Co-chairs or joint chairs, each with who holds the seat (`held_by`, for example the ICB
    chair and a council leader) and how each is chosen."""
    vice_chair: IcpChair | None = None
    """The partnership's vice-chair, if it has one."""
    procedure: Procedure | None = None
    """How the partnership conducts its meetings and reaches decisions."""
    meetings: Meetings | None = None
    """How often the partnership meets, and whether in public."""
    membership_review: MembershipReview | None = None
    """How, and how often, the membership is reviewed."""
    membership_policy: MembershipPolicy | None = None
    """Who the partnership expects to have as members."""
    strategy: Strategy | None = None
    """The partnership's duties for the integrated care strategy."""
    secretariat: Secretariat | None = None
    """Who provides the secretariat and how the partnership is resourced."""
    tor_amendment: TorAmendment | None = None
    """How these terms of reference are changed."""
    relationships: Relationships | None = None
    """The health and wellbeing boards and place-based partnerships the partnership works
    with."""
    principles: tuple[PartnershipPrinciple, ...] = ()
    """The partnership principles adopted, for example consensus or collective_accountability."""
    local_clauses: tuple[LocalClause, ...] = ()
    """Clauses the partnership wrote itself, each with the number of the clause or heading it
    follows, for example `{after: "3.2.1", text: "..."}`; each is numbered in sequence with the
    clauses around it."""
    local_sections: tuple[LocalSection, ...] = ()
    """Sections the partnership wrote itself, each with its heading and clauses, for example
    `{heading: Our shared commitments, clauses: ["...", "..."]}`."""
