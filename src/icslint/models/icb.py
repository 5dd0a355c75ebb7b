"""The shape of an ICB constitution (`kind: icb-constitution`).

Only `kind` and `schema_version` are required: what the law requires to be present is checked by
cited rules, not by the schema, so a missing statutory clause gets a code and a citation rather
than a bare "field required".
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from icslint.models.base import (
    LocalAuthority,
    Model,
    NonNegativeInt,
    PartyName,
    PositiveInt,
    Quorum,
    Text,
)
from icslint.models.values import Count, PartialDate

# Another ICB, by its full name; editors offer the pattern.
IcbName = Annotated[str, Field(min_length=1, examples=["NHS <area> Integrated Care Board"])]

SeatRole = Literal["chair", "chief_executive", "ordinary"]
SeatCategory = Literal["executive", "non_executive", "partner", "other"]
PartnerSector = Literal[
    "nhs_trust_ft", "primary_medical_services", "local_authority", "mayoral_strategic_authority"
]
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
VersionStatus = Literal["draft", "submitted", "approved", "in_force", "superseded"]
"""Where a version stands: draft; submitted to NHS England; approved by NHS England but not yet
in effect; in_force; superseded by a later version."""
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
    """The version number, for example "2.1"."""
    date: PartialDate | None = None
    """The date the version took effect (or NHS England approved it), for example 2025-04-01,
    or as much of it as is known: 2025-04 ("April 2025") or 2025."""
    status: VersionStatus | None = None
    """Where the version stands: draft, submitted, approved, in_force or superseded."""
    summary: Text | None = None
    """What changed in this version, in a sentence."""
    nhse_approved: bool | None = None
    """Whether NHS England approved (or made) this version."""


class IcbMeta(Model):
    """Facts about this version of the constitution."""

    version: Text | None = None
    """The version number of this text, for example "2.1"; the last version history entry."""
    status: VersionStatus | None = None
    """Where this version stands: draft, submitted (to NHS England), approved (by NHS England,
    not yet in effect), in_force or superseded."""
    effective_from: PartialDate | None = None
    """The date this version takes effect: no earlier than NHS England's approval. Leave it out
    for a draft. Where only the month or year is known, give that: 2024-08 or 2024."""
    nhse_approved_on: PartialDate | None = None
    """The date NHS England approved this version, or made the order that varied it (as much
    of it as is known: 2024-08-14, 2024-08 or "August 2024", or 2024)."""
    model_basis: Literal["2022-05", "updated"] | None = None
    """Which NHS England model the text follows: the May 2022 model, or the updated model
    (July 2024) that adds the deputy chair and senior non-executive member."""
    published_url: Text | None = None
    """The web address where the ICB publishes its constitution."""
    version_history: tuple[VersionEntry, ...] = ()
    """Every version of the constitution, oldest first, ending with this one."""
    agreed_variations: tuple[Text, ...] = ()
    """Departures from the model's required text that NHS England has agreed, in words."""
    nhse_agreements: tuple[NhseAgreement, ...] = ()
    """Departures from the model that NHS England has agreed, each with its date and reference,
    for the rules that would otherwise report them."""
    engagement_evidence: Text | None = None
    """Where the engagement with councils and the ICP on a boundary change or merger is
    evidenced, for example "Letters of support and ICP minutes of 12 March 2025"."""


class NhseAgreement(Model):
    """A departure from NHS England's model constitution that NHS England has agreed."""

    departure: Literal["medical_director_not_on_board", "director_of_nursing_not_on_board", "other"]
    """What departs from the model: medical_director_not_on_board or
    director_of_nursing_not_on_board (NHS England said in 2025 that, with its agreement, an
    ICB may leave the chief nurse or medical director off the board), or other."""
    description: Text | None = None
    """The departure in words, for example "The Chief Nursing Officer attends but is not a
    member"."""
    agreed_on: PartialDate | None = None
    """When NHS England agreed, for example 2025-09-30 (or 2025-09)."""
    reference: Text | None = None
    """NHS England's letter or decision, for example "Letter from the regional director,
    30 September 2025"."""


# Where a local clause goes: "4.2.3" (a clause), "4.2" or "4" (the end of a part or section),
# each optionally inside an appendix, "Appendix 2, 3.1", or "Appendix 2" alone (its end).
_PLACE = re.compile(
    r"(?:(?P<appendix>(?:appendix|annex|schedule)\s+[0-9a-z]+)\s*[,:]?\s*)?"
    r"(?:(?:clause|section|part|paragraph)\s+)?(?P<number>\d+(?:\.\d+)*)?\.?",
    re.IGNORECASE,
)


def clause_place(value: str) -> tuple[str, tuple[int, ...]] | None:
    """Where `value` points, as (the appendix, casefolded, or "" for the main text; the
    numbers): "Appendix 2, 3.1" is ("appendix 2", (3, 1)). None if it is not a number."""
    match = _PLACE.fullmatch(" ".join(value.split()))
    if match is None or not (match["appendix"] or match["number"]):
        return None
    appendix = " ".join((match["appendix"] or "").casefold().split())
    numbers = tuple(int(n) for n in match["number"].split(".")) if match["number"] else ()
    return appendix, numbers


def _place(value: str) -> str:
    if clause_place(value) is None:
        raise PydanticCustomError(
            "clause_place",
            "must be the number of a clause or heading of the text, for example 4.2.3, 4.2 or "
            "4, or one in an appendix, for example Appendix 2, 3.1",
        )
    return value


ClausePlace = Annotated[
    str, AfterValidator(_place), Field(min_length=1, examples=["4.2.3", "Appendix 2, 3.1"])
]


class LocalClause(Model):
    """A clause the document's authors wrote themselves, placed among the numbered clauses of
    the text and numbered in sequence with them."""

    after: ClausePlace
    """Where the clause goes: after the clause with this number, for example "4.2.3" (the
    clause becomes 4.2.4 and the clauses after it move on one), or at the end of a part or
    section, "4.2" or "4". In an appendix, name the appendix first: "Appendix 2, 3.1". The
    numbers are those of the text without local clauses, so adding one never moves another;
    clauses after the same number keep the order they are listed in."""
    text: Text
    """The clause's words, as the document gives them."""
    title: Text | None = None
    """A short heading for the clause, shown in bold before its text, for example "Welsh
    language"."""
    id: Text | None = None
    """A short name for the clause, for the authors' own reference."""


class LocalSection(Model):
    """A section the document's authors wrote themselves, with its clauses."""

    heading: Text
    """The section's heading, for example "Our local commitments". To give it a number, list
    it under `sections` with the same heading; otherwise it follows the last numbered
    section."""
    clauses: tuple[Text, ...] = ()
    """The section's clauses, in order; each is numbered within the section (10.1, 10.2 ...)."""
    id: Text | None = None
    """A short name for the section, for the authors' own reference."""


class Section(Model):
    """A numbered section or appendix heading of the constitution."""

    number: Text
    """The section's number as printed, for example "6" or "Appendix 2"."""
    heading: Text
    """The section's heading as printed, for example "Arrangements for public involvement"."""
    optional: bool | None = None
    """In a draft: true for a clause the model marks optional, kept for the board to decide
    on before the constitution is submitted."""


class AreaExclusion(Model):
    """A part of a council's area that the ICB does not cover (for example an LSOA)."""

    identifier: Text | None = None
    """A code for the part left out, for example an LSOA code such as "E01012345"."""
    description: Text | None = None
    """The part left out, in words."""


class Area(Model):
    """The area for which the ICB is established."""

    local_authorities: tuple[Text, ...] = ()
    """The councils whose areas make up the ICB's area."""
    description: Text | None = None
    """The area in words, as the constitution describes it."""
    exclusions: tuple[AreaExclusion, ...] = ()
    """Parts of those councils' areas that the ICB does not cover, if any."""


class Icb(Model):
    """The integrated care board itself."""

    name: Text | None = None
    """The ICB's name, for example "NHS Wessex Integrated Care Board"."""
    area: Area | None = None
    """The area the ICB is established for."""
    establishment_order_ref: Text | None = None
    """The NHS England establishment order that gives effect to this constitution."""


class PostHolder(Model):
    """How the seat is held at present, where the document says: the post-holder is a fact
    about a person, so only what the rules need is recorded."""

    arrangement: Literal["substantive", "acting", "interim"] | None = None
    """substantive; acting (covering a vacancy or absence, usually from another seat); or
    interim (appointed for a fixed period while a permanent appointment is made)."""
    acting_from_seat: Text | None = None
    """For an acting post-holder: the id of the seat they hold substantively, for example
    the deputy chair's."""
    seconded_from: Text | None = None
    """The body that employs the post-holder and seconds them to the ICB, if any."""
    employed_by: PartyName | None = None
    """Who employs the post-holder, where the document says: this ICB (by its name or "the
    ICB"), for example on a joint contract with the other ICBs of a cluster, or another body."""
    since: PartialDate | None = None
    """Since when, as far as it is known."""


class Seat(Model):
    """A seat on the board: a role, not a person."""

    id: Text
    """A short name other parts of the document use to refer to this seat."""
    title: Text | None = None
    """The seat's title as the constitution gives it, for example "Chief Finance Officer"."""
    role: SeatRole | None = None
    """chair, chief_executive, or ordinary (every other member: Sch 1B para 3(2))."""
    category: SeatCategory | None = None
    """The kind of member: executive (an ICB employee), non_executive (independent), partner
    (nominated by a sector) or other."""
    executive_role: Literal["finance", "medical", "nursing", "other"] | None = None
    """For executive seats: which of NHS England's three required executive roles the seat is
    (director of finance, medical director, director of nursing), if any."""
    partner_sector: PartnerSector | None = None
    """For partner members: the sector whose bodies nominate the member: nhs_trust_ft,
    primary_medical_services, local_authority, or mayoral_strategic_authority (a member
    nominated by a mayor, as the Health Bill proposes)."""
    count: Count | None = None
    """How many members sit in this seat, as the document says: a number (2), a least number
    ("at least 2"), or "unknown". Left out, the seat is taken to be at least one member, and
    rules that need the number say it is not stated."""
    voting: bool = True
    """Whether the members in this seat vote at board meetings (true unless stated)."""
    appointed_by: PartyName | None = None
    """Who appoints the member, for example "NHS England" (the chair), "Chair" (the chief
    executive) or "Chief Executive"."""
    appointment_approved_by: PartyName | None = None
    """Whose approval the appointment needs, for example "Secretary of State" or "Chair"."""
    nominated_by: Text | None = None
    """Who nominates, in words, for example "The NHS trusts and foundation trusts, jointly"."""
    nominating_bodies: tuple[PartyName, ...] = ()
    """The bodies entitled to nominate, by name (for the local authority seat: the councils)."""
    nomination_process_ref: Text | None = None
    """The clause or handbook section that sets out how the joint nomination is sought and
    handled, for example "Section 3.5"."""
    appointment_process: Text | None = None
    """How the member is appointed, in brief, for example "Open recruitment, appointed by the
    Chief Executive with the Chair's approval"."""
    removal_by: PartyName | None = None
    """Who may remove the member from office, for example "NHS England" or "Chief Executive"."""
    removal_approved_by: PartyName | None = None
    """Whose approval a removal needs, for example "Secretary of State" or "Chair"."""
    must_be_employee: bool | None = None
    """Whether the member must be an ICB employee (true for the chief executive and
    executive members)."""
    employee_condition: Literal["on_appointment", "on_appointment_and_continuing"] | None = None
    """Whether being an ICB employee is a condition of appointment only, or of staying too."""
    term_years: float | None = None
    """The length of one term of office, in years, for example 3."""
    max_terms: PositiveInt | None = None
    """The most terms one person may serve in the seat, if re-appointment is limited."""
    is_deputy_chair: bool = False
    """Whether this non-executive seat is designated deputy chair of the board."""
    is_senior_non_executive: bool = False
    """Whether this non-executive seat is designated senior non-executive member."""
    mental_health_expertise: bool | None = None
    """Whether the seat must be filled by someone with knowledge and experience of mental
    health services."""
    exec_lead_portfolios: tuple[ExecLeadPortfolio, ...] = ()
    """Lead roles held by this seat: cyp_0_25 (children and young people 0 to 25), send,
    safeguarding, ld_autism (learning disability and autism), down_syndrome, mental_health."""
    independence_requirement: Literal["none", "normal", "strict"] | None = None
    """How independent of local health and care bodies the member must be: none; normal (no
    other post in the area, save by exception); strict (no role at all, as for the chair)."""
    role_spec_ref: Text | None = None
    """Where the seat's role specification is, for example "Governance Handbook, B6"."""
    role_description: Text | None = None
    """What the member does, in brief, where the constitution describes the role."""
    accountable_officer: bool | None = None
    """For the chief executive: whether the seat is the ICB's accountable officer."""
    holder: PostHolder | None = None
    """How the seat is held now, where it matters: acting, interim or seconded."""
    shared_with: tuple[IcbName, ...] = ()
    """Other ICBs whose boards have the same post-holder in the same post (a chair, chief
    executive or executive shared across a cluster). Each ICB still appoints under its own
    constitution."""
    place: Text | None = None
    """For a place member: the place the member comes from or leads, for example
    "Kingsbridge"."""
    local_authority_member: Literal["officer", "councillor", "either"] | None = None
    """For the local authority partner member: whether the member is a council officer (often
    a chief executive), a councillor (an elected member), or either."""


class Participant(Model):
    """Someone invited to board meetings who is not a board member."""

    id: Text | None = None
    """A short name other parts of the document may use to refer to this participant."""
    title: Text
    """The person's job title, for example "Director of Public Health"."""
    organisation: Text | None = None
    """The organisation the person comes from, for example "Healthwatch Wessex"."""
    voting: bool = False
    """Whether the person may vote: leave false, as participants and observers are not
    members and have no vote."""
    exec_lead_portfolios: tuple[ExecLeadPortfolio, ...] = ()
    """Lead roles held by this participant (only the mental-health lead may sit off the board)."""


class Board(Model):
    """The board of the ICB."""

    seats: tuple[Seat, ...] = ()
    """The seats on the board, one for each role (the chair, chief executive and ordinary
    members)."""
    participants: tuple[Participant, ...] = ()
    """People regularly invited to take part in board meetings without being members."""
    observers: tuple[Participant, ...] = ()
    """People invited to observe board meetings without being members."""
    unitary_clause: bool | None = None
    """The board acts as one unitary board, all members sharing accountability."""
    partner_members_not_delegates_clause: bool | None = None
    """Partner members bring their sector's view but do not act as its delegates."""
    mh_expertise_clause: bool | None = None
    """The chair must secure at least one ordinary member with mental-health expertise."""
    skills_review_clause: bool | None = None
    """The ICB keeps its board's skills, knowledge and experience under review."""
    balance_of_perspectives_clause: bool | None = None
    """True when the constitution has the clause on how the board's make-up balances the
    perspectives of the area's sectors, providers, patients, carers and public."""
    prescribed_description_clause: bool | None = None
    """Only trusts and primary medical services providers of a prescribed description nominate."""
    snem_role_clause: bool | None = None
    """The senior non-executive member's role (appraisal support, sounding board, mediation)."""
    provider_members_act_for_system_clause: bool | None = None
    """True when the constitution has the clause that provider executives on the board act for
    the ICB and the wider system, not for their employer."""


class Criteria(Model):
    """Eligibility criteria for board membership."""

    criteria: tuple[EligibilityCriterion, ...] = ()
    """What every board member must meet: fit_and_proper (the fit and proper person test),
    nolan_principles (the seven principles of public life), role_specification."""


class ConvictionTerms(Model):
    """The terms of the disqualification for a criminal conviction."""

    years: PositiveInt | None = None
    """How many years before the appointment a conviction counts (the model says 5)."""
    min_sentence_months: PositiveInt | None = None
    """The shortest prison sentence, in months, that disqualifies (the model says 3)."""


class Disqualification(Model):
    """Disqualification criteria for board membership."""

    criteria: tuple[DisqualificationCriterion, ...] = ()
    """The grounds that bar someone from the board, for example member_of_parliament or
    conviction_5y_3m (prison of 3 months or more in the last 5 years)."""
    scope: Literal["all_members", "non_executive_members", "other"] | None = None
    """Whom the criteria apply to: all_members (as the Act requires), non_executive_members,
    or other."""
    conviction: ConvictionTerms | None = None
    """The period and sentence length of the conviction ground, if the text states them."""


class CommitteeMember(Model):
    """A member of a committee, where the document lists them."""

    title: Text
    """The member's title, for example "Director of Adult Social Care"."""
    organisation: Text | None = None
    """The organisation the member comes from, for example "Kingsbridge City Council"."""
    seat: Text | None = None
    """The board seat id, for a member who is on the board."""
    board_member: bool | None = None
    """Whether the member is a member of the board."""


class Committee(Model):
    """A committee of the board."""

    name: Text
    """The committee's name, for example "Audit and Risk Committee"."""
    kind: Literal["audit", "remuneration", "other"] = "other"
    """audit, remuneration (the two NHS England requires), or other."""
    chair_seat: Text | None = None
    """The id of the board seat that chairs the committee."""
    chair_expertise_clause: bool | None = None
    """The committee's chair must have the expertise the role needs (for audit: finance and
    audit)."""
    member_seats: tuple[Text, ...] = ()
    """The ids of the board seats whose members sit on the committee."""
    external_members_allowed: bool | None = None
    """Whether people who are neither board members nor ICB employees may be members."""
    external_members_bound_by_standing_orders: bool | None = None
    """Whether such outside members are bound by the ICB's standing orders and policies."""
    employee_members: bool | None = None
    """Whether any ICB employee is a member (not just in attendance)."""
    decision_making: bool | None = None
    """Whether the committee takes decisions under delegated powers (false if it only
    advises)."""
    delegated_functions: tuple[Text, ...] = ()
    """The functions the board delegates to the committee, as in the scheme of reservation and
    delegation."""
    reports_to: PartyName | None = None
    """Whom the committee reports to, for example "Board"."""
    tor_ref: Text | None = None
    """Where the committee's terms of reference are, for example "Governance Handbook, C1"."""
    tor_published: bool | None = None
    """Whether the committee's terms of reference are published."""
    tor_change_approver: PartyName | None = None
    """Who must approve changes to the terms of reference, for example "Board"."""
    in_public: bool | None = None
    """Whether the committee meets in public."""
    meetings_per_year: Count | None = None
    """How often the committee meets, as its terms of reference say: a number (6) or a least
    number ("at least 4" for "at least four times a year")."""
    clinical_member: bool | None = None
    """Whether the committee has a clinical or care professional member."""
    place: Text | None = None
    """For a place committee: the place it works for, for example "Kingsbridge"."""
    members: tuple[CommitteeMember, ...] = ()
    """The committee's members, where the document lists them (a place committee's members
    may include people who are not on the board)."""
    in_common_with: tuple[IcbName, ...] = ()
    """The other ICBs whose committees meet with this one as committees in common. Each
    committee decides only for its own ICB."""
    separate_decisions: bool | None = None
    """For a committee in common: whether it decides only for this ICB (true), as the terms of
    reference should say. Left out, the cluster's `separate_decisions` is read."""


class JointCommittee(Model):
    """A joint committee the ICB has set up with other bodies."""

    name: Text
    """The joint committee's name."""
    partners: tuple[PartyName, ...] = ()
    """The other bodies on the joint committee, for example another ICB or NHS England."""
    delegated_functions: tuple[Text, ...] = ()
    """The functions delegated to the joint committee."""
    tor_ref: Text | None = None
    """Where the joint committee's terms of reference are."""


class Delegation(Model):
    """ICB functions delegated to another body."""

    to: Text
    """The body the functions are delegated to, for example a council or NHS trust."""
    statutory_basis: Text | None = None
    """The legal power used, for example "s65Z5" (section 65Z5 of the 2006 Act)."""
    functions: tuple[Text, ...] = ()
    """The functions delegated."""


class DecisionMaking(Model):
    """How the board reaches decisions."""

    consensus_first: bool | None = None
    """Whether the board seeks consensus first and votes only as a last resort."""
    voting: Literal["simple_majority", "two_thirds_majority", "unanimous", "other"] | None = None
    """The majority needed when a vote is taken, for example simple_majority."""
    casting_vote: Text | None = None
    """Who has a casting vote on a tie: "none", "chair", "presiding_member", or a seat id."""


class BoardMeetings(Model):
    """How board meetings are held and recorded."""

    board_in_public: bool | None = None
    """Whether the board meets in public (true), apart from business excluded by resolution."""
    exclusion_requires_resolution: bool | None = None
    """Whether the public may be excluded only by a resolution of the board."""
    exclusion_grounds: Text | None = None
    """The grounds on which the public may be excluded, for example confidential business."""
    papers_published: bool | None = None
    """Whether the papers of meetings held in public are published."""
    minutes_published: bool | None = None
    """Whether the minutes of meetings held in public are published."""


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
    """The ICB's standing orders: the rules for its meetings and business."""

    part_of_constitution: bool | None = None
    """Whether the standing orders are appended in full and form part of the constitution."""
    location: Text | None = None
    """Where the standing orders are, for example "Appendix 2"."""
    applies_to_committees_by_default: bool | None = None
    """Whether they apply to committees and sub-committees unless their terms of reference say
    otherwise."""
    covers: tuple[StandingOrderTopic, ...] = ()
    """The topics the standing orders deal with, for example quorum, minutes or delegation."""
    quorum: Quorum | None = None
    """The quorum for board meetings."""
    decision_making: DecisionMaking | None = None
    """How the board reaches decisions."""
    meetings: BoardMeetings | None = None
    """How board meetings are held in public and recorded."""
    provisions: StandingOrderProvisions | None = None
    """What the standing orders say on each topic, in the ICB's own words. A topic listed in
    `covers` needs its text here unless the facts above give it: calling_meetings, agenda,
    suspension and use_of_seal always do, and amendment does when the standing orders are not
    part of the constitution."""


class StandingOrderProvisions(Model):
    """The text of the standing orders on each topic, as the ICB wrote it. Each is printed as a
    clause of the standing orders appendix, under the topic's heading."""

    calling_meetings: Text | None = None
    """How meetings of the board are called: who calls them, how often, and the notice given,
    for example "The Chair calls meetings of the Board, giving at least seven clear days'
    notice ..."."""
    agenda: Text | None = None
    """How the agenda and supporting papers are settled and sent out, and what business may be
    transacted."""
    chair_of_meeting: Text | None = None
    """Who chairs a meeting, where more needs saying than that the Chair presides."""
    quorum: Text | None = None
    """More on the quorum than `quorum` gives, for example what happens when a meeting is not
    quorate."""
    decision_making: Text | None = None
    """More on how decisions are made than `decision_making` gives, for example urgent decisions
    taken between meetings."""
    minutes: Text | None = None
    """How minutes are taken, agreed and signed."""
    admission_of_public: Text | None = None
    """More on admitting the public and the press than `meetings` gives."""
    delegation: Text | None = None
    """More on delegating functions than the scheme of reservation and delegation gives."""
    suspension: Text | None = None
    """When and how the standing orders may be suspended, and how a suspension is recorded."""
    use_of_seal: Text | None = None
    """How the ICB's seal is kept and used, and who may sign documents on its behalf."""
    amendment: Text | None = None
    """How the standing orders are amended and reviewed."""


class FinancialInstructions(Model):
    """The ICB's standing financial instructions."""

    exists: bool | None = None
    """Whether the ICB has standing financial instructions."""
    delegated_limits_ref: Text | None = None
    """Where the delegated financial limits are set, for example "Scheme of Reservation and
    Delegation, section 4"."""
    published_in: Text | None = None
    """Where the instructions are published, for example "Governance Handbook"."""


class ConflictsOfInterest(Model):
    """The ICB's arrangements for managing conflicts of interest."""

    arrangements_section: Text | None = None
    """The number of the section that sets out the arrangements, for example "6"."""
    registers: tuple[Literal["board", "committees", "employees", "decision_makers"], ...] = ()
    """Whose interests the registers record: board, committees, employees, decision_makers."""
    registers_published: bool | None = None
    """Whether the registers of interests are published."""
    declaration_deadline_days: PositiveInt | None = None
    """How many days members and staff have to declare a new interest (28 or fewer)."""
    declare_at_each_meeting: bool | None = None
    """Whether interests in the business are declared at every meeting."""
    recorded_in_minutes: bool | None = None
    """Whether declarations, and how each conflict was managed, are minuted."""
    policy_ref: Text | None = None
    """The conflicts of interest policy the arrangements refer to, by title."""
    guardian_seat: Text | None = None
    """The id of the board seat that is the conflicts of interest guardian, if any."""
    public_retention_months: NonNegativeInt | None = None
    """How many months an expired interest stays on the public register, for example 6."""


class Transparency(Model):
    """The ICB's arrangements for accountability and transparency."""

    statement_ref: Text | None = None
    """The number of the section on accountability and transparency, for example "7"."""
    publishes: tuple[PublishedItem, ...] = ()
    """What the ICB publishes, for example constitution, registers_of_interests, minutes."""
    foi_compliance: bool | None = None
    """Whether the ICB commits to complying with freedom of information law."""
    info_to_nhse: bool | None = None
    """Whether the ICB commits to giving NHS England the information it requires."""


class JointForwardPlan(Model):
    """The joint forward plan the ICB prepares with its partner trusts."""

    with_partner_trusts: bool | None = None
    """Whether the plan is prepared jointly with the partner NHS trusts and foundation trusts."""
    horizon_years: PositiveInt | None = None
    """How many years ahead the plan looks (the Act says 5)."""
    timing: Text | None = None
    """When the plan is prepared, for example "Before the start of each financial year"."""
    refers_to_integrated_care_strategy: bool | None = None
    """Whether the plan takes account of the integrated care partnership's strategy."""


class AnnualReport(Model):
    """What the ICB's annual report must cover."""

    jlhws_review: bool | None = None
    """Whether the report reviews the steps taken on each joint local health and wellbeing
    strategy."""
    hwb_consulted: bool | None = None
    """Whether each relevant health and wellbeing board is consulted on that review."""


class Plans(Model):
    """The ICB's statutory plans and reports."""

    joint_forward_plan: JointForwardPlan | None = None
    """The five-year joint forward plan."""
    annual_report: AnnualReport | None = None
    """The annual report."""


class Employees(Model):
    """How the pay and terms of the ICB's employees are decided."""

    terms_section: Text | None = None
    """The number of the section on employees' terms and conditions, for example "8"."""
    determined_by: PartyName | None = None
    """The committee that decides employees' pay and terms."""
    self_interest_exclusion: bool | None = None
    """Whether no one may take part in discussing or deciding their own pay."""


class PublicInvolvement(Model):
    """The ICB's arrangements for involving the public."""

    arrangements_section: Text | None = None
    """The number of the section on public involvement, for example "9"."""
    groups: tuple[Literal["patients", "unpaid_carers", "representatives", "public"], ...] = ()
    """Who the arrangements involve: patients, unpaid_carers, representatives, public."""
    principles_ref: Text | None = None
    """Where the ICB adopts NHS England's 10 principles for working with people and
    communities."""
    strategy_ref: Text | None = None
    """The system-wide strategy for working with people and communities, by title."""


class RelatedDocuments(Model):
    """Documents that support the constitution but sit outside it."""

    governance_handbook: Text | None = None
    """The governance handbook, by title or web address."""
    sord: Text | None = None
    """Scheme of reservation and delegation."""
    sfi: Text | None = None
    """The standing financial instructions, by title or where they are kept."""
    functions_and_decision_map: Text | None = None
    """The functions and decision map, by title or where it is kept."""
    sbc_policy: Text | None = None
    """The standards of business conduct policy (covering conflicts of interest), by title."""
    eligible_nominators_list: Text | None = None
    """Where the list of bodies eligible to nominate partner members is kept."""
    committee_tors: tuple[Text, ...] = ()
    """The committees' terms of reference, by title."""
    clinical_leadership_model: Text | None = None
    """The board-approved model for clinical and care professional leadership, by title."""
    key_policies: tuple[Text, ...] = ()
    """The ICB's other key policies, by title."""


class Variation(Model):
    """How the constitution is varied."""

    procedure_section: Text | None = None
    """The number of the clause that sets out how the constitution is varied, for example
    "1.6"."""
    applicant: PartyName | None = None
    """Who applies to vary the constitution: the ICB."""
    approver: PartyName | None = None
    """Who approves a variation: NHS England."""
    nhse_own_initiative: bool | None = None
    """Whether NHS England may also vary the constitution on its own initiative."""
    board_may_amend: bool | None = None
    """Whether the text lets the board amend the constitution by its own resolution."""


class Cluster(Model):
    """ICBs that share leadership while each stays a separate body with its own constitution."""

    name: Text | None = None
    """The cluster's name, for example "NHS Birmingham, Black Country and Solihull ICB
    cluster"."""
    icbs: tuple[Text, ...] = ()
    """The other ICBs in the cluster, by name."""
    boards_meet_together: bool | None = None
    """Whether the boards meet at the same time and place (meetings in common)."""
    separate_decisions: bool | None = None
    """Whether each board, meeting together with the others, takes its own decisions for its
    own ICB (true), as a separate body must."""


class IcbConstitution(Model):
    """An integrated care board constitution."""

    kind: Literal["icb-constitution"]
    """The kind of document: always icb-constitution."""
    schema_version: Literal[1]
    """The version of the icslint document format: 1."""
    meta: IcbMeta | None = None
    """Facts about this version: its number, dates, NHS England approval and history."""
    sections: tuple[Section, ...] = ()
    """The numbered sections and appendices of the text, in order."""
    icb: Icb | None = None
    """The ICB's name, area and establishment order."""
    local_authorities: tuple[LocalAuthority, ...] = ()
    """Every council whose area coincides with, or lies wholly or partly within, the ICB's."""
    partner_trusts: tuple[Text, ...] = ()
    """The NHS trusts and foundation trusts that provide services in the area."""
    primary_care_providers: tuple[Text, ...] = ()
    """Providers of primary medical services in the area that the document names, for example
    GP federations or practices."""
    mayoral_strategic_authorities: tuple[Text, ...] = ()
    """Mayoral strategic authorities (combined authorities with a mayor) whose area includes
    part of the ICB's, by name."""
    cluster: Cluster | None = None
    """The cluster the ICB belongs to, if it shares a chair, chief executive or executives
    with other ICBs."""
    board: Board | None = None
    """The board: its seats, participants, observers and the clauses on how it works."""
    eligibility: Criteria | None = None
    """What every board member must meet."""
    disqualification: Disqualification | None = None
    """Who may not be a board member."""
    committees: tuple[Committee, ...] = ()
    """The committees of the board."""
    joint_committees: tuple[JointCommittee, ...] = ()
    """Joint committees with other bodies."""
    delegations: tuple[Delegation, ...] = ()
    """ICB functions delegated to other bodies."""
    standing_orders: StandingOrders | None = None
    """The standing orders: quorum, decision-making and meetings."""
    sfi: FinancialInstructions | None = None
    """The standing financial instructions."""
    conflicts_of_interest: ConflictsOfInterest | None = None
    """The arrangements for managing conflicts of interest."""
    transparency: Transparency | None = None
    """The arrangements for accountability and transparency."""
    plans: Plans | None = None
    """The joint forward plan and the annual report."""
    employees: Employees | None = None
    """How employees' pay and terms are decided."""
    public_involvement: PublicInvolvement | None = None
    """The arrangements for involving the public."""
    related_documents: RelatedDocuments | None = None
    """Documents that support the constitution but sit outside it."""
    variation: Variation | None = None
    """How the constitution is varied."""
    definitions: dict[str, Text] = Field(default_factory=dict)
    """The defined terms of the definitions appendix, each with its definition, for example
    "Ordinary Member: A member of the Board other than the Chair and the Chief Executive"."""
    defined_terms_used: tuple[Text, ...] = ()
    """The defined terms the text uses, for example "Partner Member", to match against the
    definitions."""
    local_clauses: tuple[LocalClause, ...] = ()
    """Clauses the ICB wrote itself, each with the number of the clause or heading it follows,
    for example `{after: "4.2.3", text: "..."}`; each is numbered in sequence with the clauses
    around it."""
    local_sections: tuple[LocalSection, ...] = ()
    """Sections the ICB wrote itself, each with its heading and clauses, for example
    `{heading: Our local commitments, clauses: ["...", "..."]}`."""

    @field_validator("definitions", mode="before")
    @classmethod
    def _terms_only(cls, value: Any) -> Any:
        # Every mapping may carry notes and x- keys for people; here they are not terms.
        if isinstance(value, dict):
            return {
                term: text
                for term, text in value.items()
                if term != "notes" and not str(term).startswith("x-")
            }
        return value
