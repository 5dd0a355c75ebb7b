"""The shape of an ICP terms of reference (`kind: icp-terms-of-reference`).

As for ICB constitutions, only `kind` and `schema_version` are required; statutory content is
checked by cited rules.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from icslint.models.base import LocalAuthority, Model, PositiveInt, Quorum, Text

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
    """Who appointed a member: the ICB, a named responsible local authority, or the ICP."""
    if value in ("icb", "icp") or (value.startswith("la:") and value[3:].strip()):
        return value
    raise PydanticCustomError(
        "appointer",
        "must be icb, icp, or la: followed by the council's name (for example "
        "'la:Wessex County Council')",
    )


Appointer = Annotated[str, AfterValidator(_appointer)]


class IcpMeta(Model):
    version: Text | None = None
    approved_on: dt.date | None = None
    approved_by: tuple[Text, ...] = ()
    """The ICB and each local authority that approved these terms of reference."""
    effective_from: dt.date | None = None
    review_frequency_months: PositiveInt | None = None
    published_url: Text | None = None


class IcpArea(Model):
    local_authorities: tuple[Text, ...] = ()


class Icp(Model):
    name: Text | None = None
    icb_name: Text | None = None
    """The ICB that established the partnership with the local authorities."""
    legal_form: Literal["joint_committee", "body_corporate", "other"] | None = None
    area: IcpArea | None = None


class Member(Model):
    """A member of the partnership."""

    seat_title: Text
    organisation: Text | None = None
    appointed_by: Appointer | None = None
    """icb, icp, or la:<council name> (LGPIHA 2007 s116ZA(2))."""
    statutory_limb: Literal["a", "b", "c"] | None = None
    """The limb of s116ZA(2) the member sits under: (a) the ICB's appointee, (b) a responsible
    local authority's appointee, (c) appointed by the partnership itself."""
    voting: bool = True
    role_tags: tuple[RoleTag, ...] = ()


class Attendee(Model):
    """Someone who attends or advises the partnership without being a member."""

    title: Text
    organisation: Text | None = None
    role_tags: tuple[RoleTag, ...] = ()


class EngagementMechanism(Model):
    name: Text
    kind: Literal[
        "sub_committee", "forum", "public_meeting", "network", "citizens_panel", "other"
    ] = "other"
    covers_role_tags: tuple[RoleTag, ...] = ()
    involves_residents: bool | None = None


class IcpChair(Model):
    selected_by: tuple[Text, ...] = ()
    appointment_process: Text | None = None
    term_years: float | None = None
    also_icb_chair: bool | None = None
    role_description: Text | None = None
    person_spec: tuple[ChairAttribute, ...] = ()


class Procedure(Model):
    quorum: Quorum | None = None
    decision_making: Literal["consensus", "vote", "mixed"] | None = None
    voting_rules: Text | None = None
    conflicts_of_interest: Text | None = None
    member_appointment_process: Text | None = None
    """How the partnership decides the members it appoints under s116ZA(2)(c)."""


class Meetings(Model):
    frequency: Text | None = None
    in_public: bool | None = None
    exclusion_grounds: Text | None = None
    papers_published: bool | None = None
    minutes_published: bool | None = None


class MembershipReview(Model):
    frequency_months: PositiveInt | None = None
    process: Text | None = None


class Strategy(Model):
    prepares_integrated_care_strategy: bool | None = None
    considers_s75: bool | None = None
    regard_to_mandate: bool | None = None
    regard_to_sos_guidance: bool | None = None
    guidance_version: Literal["2022-07", "2024-02"] | None = None
    involves_local_healthwatch: bool | None = None
    local_healthwatch: tuple[Text, ...] = ()
    involves_people_living_working: bool | None = None
    publishes: bool | None = None
    copies_to: tuple[Text, ...] = ()
    revise_on_jsna: bool | None = None
    integration_statement: bool | None = None
    publication_and_review_clause: bool | None = None
    """The terms of reference say how the strategy is published and reviewed (DHSC guidance)."""


class Secretariat(Model):
    provided_by: Text | None = None
    resourcing_agreement_ref: Text | None = None


class TorAmendment(Model):
    requires_approval_of: tuple[Text, ...] = ()


class Relationships(Model):
    hwbs: tuple[Text, ...] = ()
    place_partnerships: tuple[Text, ...] = ()
    assurance_from_icb_las: bool | None = None


class MembershipPolicy(Model):
    delivery_partners_are_members: bool | None = None
    """The partners responsible for delivering the strategy's priorities are members."""


class IcpTermsOfReference(Model):
    """An integrated care partnership's terms of reference."""

    kind: Literal["icp-terms-of-reference"]
    schema_version: Literal[1]
    meta: IcpMeta | None = None
    icp: Icp | None = None
    local_authorities: tuple[LocalAuthority, ...] = ()
    establishing_parties: tuple[Text, ...] = ()
    members: tuple[Member, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    advisers: tuple[Attendee, ...] = ()
    engagement_mechanisms: tuple[EngagementMechanism, ...] = ()
    chair: IcpChair | None = None
    vice_chair: IcpChair | None = None
    procedure: Procedure | None = None
    meetings: Meetings | None = None
    membership_review: MembershipReview | None = None
    membership_policy: MembershipPolicy | None = None
    strategy: Strategy | None = None
    secretariat: Secretariat | None = None
    tor_amendment: TorAmendment | None = None
    relationships: Relationships | None = None
    principles: tuple[PartnershipPrinciple, ...] = ()
