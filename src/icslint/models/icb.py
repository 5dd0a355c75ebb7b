"""The shape of an ICB constitution (`kind: icb-constitution`).

Only `kind` and `schema_version` are required: what the law requires to be present is checked by
cited rules, not by the schema, so a missing statutory clause gets a code and a citation rather
than a bare "field required".
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from icslint.models.base import (
    LocalAuthority,
    Model,
    NonNegativeInt,
    PositiveInt,
    Quorum,
    Text,
)

SeatRole = Literal["chair", "chief_executive", "ordinary"]
SeatCategory = Literal["executive", "non_executive", "partner", "other"]
PartnerSector = Literal["nhs_trust_ft", "primary_medical_services", "local_authority"]
ExecLeadPortfolio = Literal[
    "cyp_0_25", "send", "safeguarding", "ld_autism", "down_syndrome", "mental_health"
]
EligibilityCriterion = Literal["fit_and_proper", "nolan_principles", "role_specification"]
DisqualificationCriterion = Literal[
    "member_of_parliament",
    "independence_private_sector",
    "conviction_5y_3m",
    "bankruptcy_restrictions_order",
    "dismissal_health_body_5y",
    "office_terminated_health_body",
    "professional_register_sanction",
    "director_disqualification",
    "charity_trustee_removal",
    "barred_list",
    "nhs_disqualification",
]
PublishedItem = Literal[
    "constitution",
    "governance_handbook",
    "registers_of_interests",
    "sbc_policy",
    "key_policies",
    "complaints_process",
    "audited_accounts",
    "papers",
    "minutes",
    "joint_forward_plan",
    "annual_report",
]


class VersionEntry(Model):
    """One version of the constitution."""

    version: Text | None = None
    date: dt.date | None = None
    summary: Text | None = None
    nhse_approved: bool | None = None
    """Whether NHS England approved (or made) this version."""


class IcbMeta(Model):
    """Facts about this version of the constitution."""

    version: Text | None = None
    effective_from: dt.date | None = None
    nhse_approved_on: dt.date | None = None
    """The date NHS England approved this version, or made the order that varied it."""
    model_basis: Literal["2022-05", "updated"] | None = None
    """Which NHS England model the text follows: the May 2022 model, or the updated model
    (July 2024) that adds the deputy chair and senior non-executive member."""
    published_url: Text | None = None
    version_history: tuple[VersionEntry, ...] = ()
    agreed_variations: tuple[Text, ...] = ()
    """Departures from the model's required text that NHS England has agreed."""
    engagement_evidence: Text | None = None


class Section(Model):
    """A numbered section or appendix heading of the constitution."""

    number: Text
    heading: Text


class AreaExclusion(Model):
    """A part of a council's area that the ICB does not cover (for example an LSOA)."""

    identifier: Text | None = None
    description: Text | None = None


class Area(Model):
    """The area for which the ICB is established."""

    local_authorities: tuple[Text, ...] = ()
    """The councils whose areas make up the ICB's area."""
    description: Text | None = None
    exclusions: tuple[AreaExclusion, ...] = ()


class Icb(Model):
    """The integrated care board itself."""

    name: Text | None = None
    """The ICB's name, for example "NHS Wessex Integrated Care Board"."""
    area: Area | None = None
    establishment_order_ref: Text | None = None
    """The NHS England establishment order that gives effect to this constitution."""


class Seat(Model):
    """A seat on the board: a role, not a person."""

    id: Text
    """A short name other parts of the document use to refer to this seat."""
    title: Text | None = None
    role: SeatRole | None = None
    """chair, chief_executive, or ordinary (every other member: Sch 1B para 3(2))."""
    category: SeatCategory | None = None
    executive_role: Literal["finance", "medical", "nursing", "other"] | None = None
    """For executive seats: which of NHS England's three required executive roles the seat is
    (director of finance, medical director, director of nursing), if any."""
    partner_sector: PartnerSector | None = None
    """For partner members: the sector whose bodies nominate the member."""
    count: PositiveInt = 1
    """How many members sit in this seat (for example 2 non-executive members)."""
    voting: bool = True
    appointed_by: Text | None = None
    appointment_approved_by: Text | None = None
    nominated_by: Text | None = None
    """Who nominates, in words, for example "The NHS trusts and foundation trusts, jointly"."""
    nominating_bodies: tuple[Text, ...] = ()
    """The bodies entitled to nominate, by name (for the local authority seat: the councils)."""
    nomination_process_ref: Text | None = None
    appointment_process: Text | None = None
    removal_by: Text | None = None
    removal_approved_by: Text | None = None
    must_be_employee: bool | None = None
    employee_condition: Literal["on_appointment", "on_appointment_and_continuing"] | None = None
    """Whether being an ICB employee is a condition of appointment only, or of staying too."""
    term_years: float | None = None
    max_terms: PositiveInt | None = None
    is_deputy_chair: bool = False
    is_senior_non_executive: bool = False
    mental_health_expertise: bool | None = None
    exec_lead_portfolios: tuple[ExecLeadPortfolio, ...] = ()
    independence_requirement: Literal["none", "normal", "strict"] | None = None
    role_spec_ref: Text | None = None
    role_description: Text | None = None
    accountable_officer: bool | None = None
    """For the chief executive: whether the seat is the ICB's accountable officer."""


class Participant(Model):
    """Someone invited to board meetings who is not a board member."""

    id: Text | None = None
    """A short name other parts of the document may use to refer to this participant."""
    title: Text
    organisation: Text | None = None
    voting: bool = False
    exec_lead_portfolios: tuple[ExecLeadPortfolio, ...] = ()
    """Lead roles held by this participant (only the mental-health lead may sit off the board)."""


class Board(Model):
    """The board of the ICB."""

    seats: tuple[Seat, ...] = ()
    participants: tuple[Participant, ...] = ()
    observers: tuple[Participant, ...] = ()
    unitary_clause: bool | None = None
    """The board acts as one unitary board, all members sharing accountability."""
    partner_members_not_delegates_clause: bool | None = None
    """Partner members bring their sector's view but do not act as its delegates."""
    mh_expertise_clause: bool | None = None
    """The chair must secure at least one ordinary member with mental-health expertise."""
    skills_review_clause: bool | None = None
    """The ICB keeps its board's skills, knowledge and experience under review."""
    balance_of_perspectives_clause: bool | None = None
    prescribed_description_clause: bool | None = None
    """Only trusts and primary medical services providers of a prescribed description nominate."""
    snem_role_clause: bool | None = None
    """The senior non-executive member's role (appraisal support, sounding board, mediation)."""
    provider_members_act_for_system_clause: bool | None = None


class Criteria(Model):
    """Eligibility criteria for board membership."""

    criteria: tuple[EligibilityCriterion, ...] = ()


class ConvictionTerms(Model):
    years: PositiveInt | None = None
    min_sentence_months: PositiveInt | None = None


class Disqualification(Model):
    """Disqualification criteria for board membership."""

    criteria: tuple[DisqualificationCriterion, ...] = ()
    scope: Literal["all_members", "non_executive_members", "other"] | None = None
    conviction: ConvictionTerms | None = None


class Committee(Model):
    """A committee of the board."""

    name: Text
    kind: Literal["audit", "remuneration", "other"] = "other"
    chair_seat: Text | None = None
    """The id of the board seat that chairs the committee."""
    chair_expertise_clause: bool | None = None
    """The committee's chair must have the expertise the role needs (for audit: finance and
    audit)."""
    member_seats: tuple[Text, ...] = ()
    external_members_allowed: bool | None = None
    external_members_bound_by_standing_orders: bool | None = None
    employee_members: bool | None = None
    """Whether any ICB employee is a member (not just in attendance)."""
    decision_making: bool | None = None
    delegated_functions: tuple[Text, ...] = ()
    reports_to: Text | None = None
    tor_ref: Text | None = None
    tor_published: bool | None = None
    tor_change_approver: Text | None = None
    in_public: bool | None = None
    clinical_member: bool | None = None


class JointCommittee(Model):
    name: Text
    partners: tuple[Text, ...] = ()
    delegated_functions: tuple[Text, ...] = ()
    tor_ref: Text | None = None


class Delegation(Model):
    to: Text
    statutory_basis: Text | None = None
    functions: tuple[Text, ...] = ()


class DecisionMaking(Model):
    consensus_first: bool | None = None
    voting: Literal["simple_majority", "two_thirds_majority", "unanimous", "other"] | None = None
    casting_vote: Text | None = None
    """Who has a casting vote on a tie: "none", "chair", "presiding_member", or a seat id."""


class BoardMeetings(Model):
    board_in_public: bool | None = None
    exclusion_requires_resolution: bool | None = None
    exclusion_grounds: Text | None = None
    papers_published: bool | None = None
    minutes_published: bool | None = None


StandingOrderTopic = Literal[
    "calling_meetings",
    "agenda",
    "chair_of_meeting",
    "quorum",
    "decision_making",
    "minutes",
    "admission_of_public",
    "delegation",
    "suspension",
    "use_of_seal",
    "amendment",
]


class StandingOrders(Model):
    part_of_constitution: bool | None = None
    location: Text | None = None
    applies_to_committees_by_default: bool | None = None
    covers: tuple[StandingOrderTopic, ...] = ()
    quorum: Quorum | None = None
    decision_making: DecisionMaking | None = None
    meetings: BoardMeetings | None = None


class FinancialInstructions(Model):
    exists: bool | None = None
    delegated_limits_ref: Text | None = None
    published_in: Text | None = None


class ConflictsOfInterest(Model):
    arrangements_section: Text | None = None
    registers: tuple[Literal["board", "committees", "employees", "decision_makers"], ...] = ()
    registers_published: bool | None = None
    declaration_deadline_days: PositiveInt | None = None
    declare_at_each_meeting: bool | None = None
    recorded_in_minutes: bool | None = None
    policy_ref: Text | None = None
    guardian_seat: Text | None = None
    public_retention_months: NonNegativeInt | None = None


class Transparency(Model):
    statement_ref: Text | None = None
    publishes: tuple[PublishedItem, ...] = ()
    foi_compliance: bool | None = None
    info_to_nhse: bool | None = None


class JointForwardPlan(Model):
    with_partner_trusts: bool | None = None
    horizon_years: PositiveInt | None = None
    timing: Text | None = None
    refers_to_integrated_care_strategy: bool | None = None


class AnnualReport(Model):
    jlhws_review: bool | None = None
    hwb_consulted: bool | None = None


class Plans(Model):
    joint_forward_plan: JointForwardPlan | None = None
    annual_report: AnnualReport | None = None


class Employees(Model):
    terms_section: Text | None = None
    determined_by: Text | None = None
    """The committee that decides employees' pay and terms."""
    self_interest_exclusion: bool | None = None


class PublicInvolvement(Model):
    arrangements_section: Text | None = None
    groups: tuple[Literal["patients", "unpaid_carers", "representatives", "public"], ...] = ()
    principles_ref: Text | None = None
    strategy_ref: Text | None = None


class RelatedDocuments(Model):
    governance_handbook: Text | None = None
    sord: Text | None = None
    """Scheme of reservation and delegation."""
    sfi: Text | None = None
    functions_and_decision_map: Text | None = None
    sbc_policy: Text | None = None
    eligible_nominators_list: Text | None = None
    committee_tors: tuple[Text, ...] = ()
    clinical_leadership_model: Text | None = None
    key_policies: tuple[Text, ...] = ()


class Variation(Model):
    procedure_section: Text | None = None
    applicant: Text | None = None
    approver: Text | None = None
    nhse_own_initiative: bool | None = None
    board_may_amend: bool | None = None
    """Whether the text lets the board amend the constitution by its own resolution."""


class IcbConstitution(Model):
    """An integrated care board constitution."""

    kind: Literal["icb-constitution"]
    schema_version: Literal[1]
    meta: IcbMeta | None = None
    sections: tuple[Section, ...] = ()
    icb: Icb | None = None
    local_authorities: tuple[LocalAuthority, ...] = ()
    partner_trusts: tuple[Text, ...] = ()
    board: Board | None = None
    eligibility: Criteria | None = None
    disqualification: Disqualification | None = None
    committees: tuple[Committee, ...] = ()
    joint_committees: tuple[JointCommittee, ...] = ()
    delegations: tuple[Delegation, ...] = ()
    standing_orders: StandingOrders | None = None
    sfi: FinancialInstructions | None = None
    conflicts_of_interest: ConflictsOfInterest | None = None
    transparency: Transparency | None = None
    plans: Plans | None = None
    employees: Employees | None = None
    public_involvement: PublicInvolvement | None = None
    related_documents: RelatedDocuments | None = None
    variation: Variation | None = None
    definitions: dict[str, Text] = Field(default_factory=dict)
    defined_terms_used: tuple[Text, ...] = ()
