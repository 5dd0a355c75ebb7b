"""Catalogue section T: ways of working, transparency and accountability of the ICP."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference, Member
from icslint.registry import NoOptions, rule

from ._icp import RESPONSIBLE_TYPES, appointing_council, member_name
from ._icp_engagement import (
    ANNEX_A_LEADERSHIP,
    ANNEX_A_MEMBERSHIP,
    CORE_PART,
    OPEN,
    PRACTICAL_STEPS,
    PRINCIPLES_OF_ICPS,
    ROOTED,
    SPACE,
    TIMINGS,
    icp_ed,
    principle,
)
from ._support import LGPIHA_2007, normalise, s116za, unless_true

ICP = "icp-terms-of-reference"
S103 = "https://www.legislation.gov.uk/ukpga/2007/28/part/5/chapter/1"


@rule(
    code="ICP045",
    slug="icp-meets-in-public",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        principle(4),
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 4"),
        icp_ed(f"{OPEN} section, paragraph 3"),
    ],
)
def icp_meets_in_public(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP meets in public and publishes its papers and minutes.

    Requirement: The partnership should hold its formal sessions in public, with meaningful
    minutes and papers easily available online. Where part of a meeting may be held in
    private, the terms of reference should say on what grounds.
    Why: The partnership is a key forum for engaging the public; its transparency is how
    partners are held to account locally.
    Fix: Set `meetings.in_public`, `meetings.papers_published` and
    `meetings.minutes_published` to true, and state in `meetings.exclusion_grounds` when the
    public may be excluded (for example for confidential business).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    partnership principle 4 and "Leadership and accountability" paragraph 4, and "ICPs
    should take an open and inclusive approach" paragraph 3, read word for word in the seed
    copy of the gov.uk page (S10); guidance [V], so a warning. The document does not speak of
    excluding the public; asking for stated grounds is the catalogue's reading of what
    meeting in public needs, so that private business is the stated exception.
    """
    meetings = doc.meetings
    if meetings is None:
        yield Finding(
            ("meetings",),
            "The terms of reference do not say how the partnership meets. Its formal sessions "
            "are expected to be held in public, with papers and minutes available online; add "
            "a meetings section (in_public, papers_published, minutes_published: true).",
        )
        return
    if meetings.in_public is not True:
        yield Finding(
            ("meetings", "in_public"),
            "The terms of reference do not provide for the partnership to meet in public. Its "
            "formal sessions are expected to be held in public; set meetings.in_public: true.",
        )
    elif not meetings.exclusion_grounds:
        yield Finding(
            ("meetings", "exclusion_grounds"),
            "The partnership meets in public but the terms of reference do not say on what "
            "grounds the public may be excluded from part of a meeting. State the grounds (for "
            "example confidential business) under meetings.exclusion_grounds.",
        )
    if meetings.papers_published is not True:
        yield Finding(
            ("meetings", "papers_published"),
            "The terms of reference do not commit the partnership to publish its meeting "
            "papers. Papers are expected to be easily available online; set "
            "meetings.papers_published: true.",
        )
    if meetings.minutes_published is not True:
        yield Finding(
            ("meetings", "minutes_published"),
            "The terms of reference do not commit the partnership to publish its minutes. "
            "Meaningful minutes are expected to be easily available online; set "
            "meetings.minutes_published: true.",
        )


@rule(
    code="ICP046",
    slug="icp-consensus-decisions",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[principle(2)],
)
def icp_consensus_decisions(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP decides by consensus, with unanimity as the norm.

    Requirement: The partnership should make decisions collectively, seeking consensus
    between partners with unanimity as the norm, while still working through difficult
    issues. If a vote is ever allowed, the terms of reference should say when.
    Why: The NHS and local government are equal partners; a simple majority could let one
    side outvote the other on the strategy both must have regard to.
    Fix: Set `procedure.decision_making` to consensus, or to mixed with `procedure.voting_rules`
    saying when, and how, a vote may be taken.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    partnership principle 2, read word for word in the seed copy of the gov.uk page (S10);
    guidance [V], so a warning.
    """
    procedure = doc.procedure
    model = procedure.decision_making if procedure else None
    if model is None:
        yield Finding(
            ("procedure", "decision_making"),
            "The terms of reference do not say how the partnership makes decisions. It is "
            "expected to seek consensus, with unanimity as the norm; set "
            "procedure.decision_making: consensus (or mixed, saying when a vote may be taken).",
        )
    elif model == "vote":
        yield Finding(
            ("procedure", "decision_making"),
            "The partnership decides by vote. Decisions are expected to be collective, seeking "
            "consensus with unanimity as the norm; make consensus the first route "
            "(decision_making: consensus, or mixed with voting_rules saying when a vote may be "
            "taken).",
        )
    elif model == "mixed" and procedure is not None and not procedure.voting_rules:
        yield Finding(
            ("procedure", "voting_rules"),
            "The partnership may both seek consensus and vote, but the terms of reference do "
            "not say when a vote may be taken. Consensus is expected to be the norm; state "
            "under procedure.voting_rules when, and how, a vote is allowed.",
        )


@rule(
    code="ICP047",
    slug="icp-collective-accountability",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[principle(3), icp_ed(f"{OPEN} section, paragraph 1")],
)
def icp_collective_accountability(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The ICP works on a model of collective, mutual accountability.

    Requirement: Partners hold each other mutually accountable, to one another and to local
    residents, for their shared and individual contributions to shared objectives; the
    model should also be set out in the integrated care strategy.
    Why: The partnership does not take on its members' functions; its grip on delivery rests
    on partners holding each other to account.
    Fix: Adopt the principle in the terms of reference and list `collective_accountability`
    under `principles`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    partnership principle 3, and "ICPs should take an open and inclusive approach" paragraph
    1 ("An ICP must operate a collective model of accountability"), read word for word in
    the seed copy of the gov.uk page (S10); guidance [V], so a warning. This is a
    presence-of-clause rule: it can only check that the principle is adopted.
    """
    if "collective_accountability" not in doc.principles:
        yield Finding(
            ("principles",),
            "The terms of reference do not adopt collective accountability. Partners are "
            "expected to hold each other mutually accountable, to one another and to local "
            "residents, for their contributions to the shared objectives; add "
            "collective_accountability to principles.",
        )


# The ten partnership principles of Annex A, by number. Principle 3 is ICP047's.
PRINCIPLES = {
    "distributed_leadership": (1, "a distributed leadership model, working together as equals"),
    "consensus": (2, "collective decision-making that seeks consensus"),
    "transparency": (4, "transparency and local accountability, including meeting in public"),
    "outcomes_and_inequalities": (
        5,
        "a focus on improving outcomes for people and reducing health inequalities",
    ),
    "coproduction_and_inclusion": (6, "championing co-production and inclusiveness"),
    "triple_aim_and_subsidiarity": (
        7,
        "support for the triple aim, the duties to co-operate and subsidiarity",
    ),
    "respect_for_place": (8, "respect and support for place-based partnership arrangements"),
    "clinical_professional_political_community_leadership": (
        9,
        "drawing on professional, clinical, political and community leaders",
    ),
    "learning_system": (10, "creating a learning system that shares evidence and insight"),
}


@rule(
    code="ICP048",
    slug="icp-partnership-principles",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        icp_ed("Annex A (design framework extract), 'Partnership principles', principles 1 to 10"),
        icp_ed(f"{PRACTICAL_STEPS}, step 5, last question"),
    ],
)
def icp_partnership_principles(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference adopt the ten partnership principles of the design framework.

    Requirement: The partnership should reflect the ten principles of the ICS design
    framework: distributed leadership among equals; consensus; collective accountability;
    transparency; a focus on outcomes and inequalities; co-production and inclusion; the
    triple aim, the duty to co-operate and subsidiarity; respect for place-based
    partnerships; clinical, professional, political and community leadership; and a
    learning system.
    Why: The principles set the culture of the system; stating them lets partners hold the
    partnership to them.
    Fix: List the principles adopted under `principles` (codes distributed_leadership,
    consensus, collective_accountability, transparency, outcomes_and_inequalities,
    coproduction_and_inclusion, triple_aim_and_subsidiarity, respect_for_place,
    clinical_professional_political_community_leadership, learning_system).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    "Partnership principles" and practical step 5, read word for word in the seed copy of
    the gov.uk page (S10); guidance [V]. Systems are "invited to consider" the principles, so
    each missing one is info. Principle 3 (collective accountability) is reported by ICP047.
    This is a presence-of-clause rule: it can only check that each principle is listed.
    """
    for code, (number, text) in PRINCIPLES.items():
        if code not in doc.principles:
            yield Finding(
                ("principles",),
                f"The terms of reference do not adopt partnership principle {number}, {text}. "
                f"Systems are invited to adopt all ten; add {code} to principles.",
            )


@rule(
    code="ICP049",
    slug="icp-subsidiarity-and-place",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[icp_ed(f"{SPACE} section, paragraph 1"), principle(8)],
)
def icp_subsidiarity_and_place(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference name the place-based partnerships the ICP works with.

    Requirement: The partnership and place-based partners need a way of deciding which
    issues are dealt with where; most issues are best dealt with at place and should not be
    decided at partnership meetings.
    Why: Subsidiarity keeps decisions close to the communities they affect and stops the
    partnership overriding place-based plans.
    Fix: List the place-based partnerships under `relationships.place_partnerships` and say
    how issues are divided between them and the partnership.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs create
    a space to develop and oversee strategies to improve health and care outcomes",
    paragraph 1, and Annex A partnership principle 8, read word for word in the seed copy of
    the gov.uk page (S10); guidance [V], so a warning. This is a presence-of-clause rule: it
    can only check that the place partnerships are named, not how issues are divided.
    """
    places = doc.relationships.place_partnerships if doc.relationships else ()
    if not places:
        yield Finding(
            ("relationships", "place_partnerships"),
            "The terms of reference do not name the place-based partnerships the partnership "
            "works with. The partnership and place-based partners are expected to agree which "
            "issues are dealt with where, most of them at place; list them under "
            "relationships.place_partnerships.",
        )


@rule(
    code="ICP050",
    slug="icp-resident-involvement",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 3"),
        icp_ed(f"{ROOTED} section, paragraph 6"),
        icp_ed(f"{OPEN} section, paragraph 2"),
    ],
)
def icp_resident_involvement(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICP has a structured way of developing strategy with residents.

    Requirement: The partnership needs clear and transparent mechanisms for developing its
    strategy with people with lived experience of health and care services (patients,
    service users, unpaid carers, under-represented groups), using good engagement practice
    such as citizens' panels, and should set out how it involved people and what it did in
    response.
    Why: Involving the people who live or work in the area is also a statutory duty for the
    strategy (ICP015); a standing mechanism is how the partnership shows it does so.
    Fix: Add an entry to `engagement_mechanisms` with `kind: citizens_panel`, or another
    kind with `involves_residents: true`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    "Leadership and accountability" paragraph 3, "ICPs will be rooted in the needs of
    people, communities and places" paragraph 6, and "ICPs should take an open and inclusive
    approach" paragraph 2, read word for word in the seed copy of the gov.uk page (S10);
    guidance [V], so a warning. The rule can only check that such a mechanism exists.
    """
    if not any(
        m.involves_residents is True or m.kind == "citizens_panel"
        for m in doc.engagement_mechanisms
    ):
        yield Finding(
            ("engagement_mechanisms",),
            "The terms of reference name no mechanism through which residents or people with "
            "lived experience help develop the strategy. Clear, transparent mechanisms, such as "
            "a citizens' panel, are expected; add one to engagement_mechanisms (kind: "
            "citizens_panel, or involves_residents: true).",
        )


@rule(
    code="ICP051",
    slug="icp-secretariat",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[icp_ed(f"{TIMINGS} section, paragraph 2"), icp_ed(f"{PRACTICAL_STEPS}, step 2")],
)
def icp_secretariat(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference say who provides the ICP's secretariat.

    Requirement: The NHS and local government should agree how the partnership is resourced
    and who provides its secretariat. Local authorities receive no extra funding for it.
    Why: A joint committee has no staff of its own; without an agreed secretariat its
    meetings, papers and minutes have no owner.
    Fix: Name the body that provides the secretariat under `secretariat.provided_by`, and
    refer to the resourcing agreement in `secretariat.resourcing_agreement_ref`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "Timings and
    establishment of ICPs" paragraph 2 and practical step 2, read word for word in the seed
    copy of the gov.uk page (S10); guidance [V], so a warning. The rule checks only that a
    provider is named.
    """
    secretariat = doc.secretariat
    if secretariat is None or not secretariat.provided_by:
        yield Finding(
            ("secretariat", "provided_by"),
            "The terms of reference do not say who provides the partnership's secretariat. The "
            "NHS and local government are expected to agree it, and how the partnership is "
            "resourced; name the provider under secretariat.provided_by.",
        )


@rule(
    code="ICP052",
    slug="icp-assurance-from-partners",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[icp_ed(f"{CORE_PART} section, list of expectations, bullets 4 and 5")],
)
def icp_assurance_from_partners(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICB and the councils give the ICP assurance on delivering the strategy.

    Requirement: The ICB and the local authorities should consider how they give the
    partnership assurance on delivering the integrated care strategy, and partners should
    share intelligence with it in good time.
    Why: The partnership prepares the strategy but delivers nothing itself; assurance and
    information from the delivering bodies are how it knows whether the strategy works.
    Fix: Describe the assurance and information flows and set
    `relationships.assurance_from_icb_las: true`.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs are a
    core part of ICSs", expectation bullets 4 and 5, read word for word in the seed copy of
    the gov.uk page (S10); guidance [V]. The bodies are asked to "consider" it, so info. This
    is a presence-of-clause rule: it can only check that the arrangement is stated.
    """
    relationships = doc.relationships
    yield from unless_true(
        relationships.assurance_from_icb_las if relationships else None,
        ("relationships", "assurance_from_icb_las"),
        "The terms of reference do not say how the ICB and the local authorities give the "
        "partnership assurance on delivering the strategy. They are expected to consider it, "
        "and to share information promptly; describe the arrangement and set "
        "relationships.assurance_from_icb_las: true.",
    )


def _council_type(doc: IcpTermsOfReference, name: str | None) -> str | None:
    """The type of a council listed under local_authorities, if the name matches one."""
    for council in doc.local_authorities:
        if normalise(council.name) == normalise(name):
            return council.type
    return None


def _is_district_member(doc: IcpTermsOfReference, member: Member) -> bool:
    """A member from a two-tier district council: tagged so, or from a listed shire district."""
    council_type = _council_type(doc, member.organisation)
    if council_type == "shire_district":
        return True
    return "district_council" in member.role_tags and council_type not in RESPONSIBLE_TYPES


@rule(
    code="ICP053",
    slug="district-council-members-limb-c",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        s116za("(2)(c)"),
        Citation(LGPIHA_2007, "section 103(b)", S103),
        icp_ed(f"{PRINCIPLES_OF_ICPS} section, paragraph 2"),
        icp_ed(f"{ANNEX_A_MEMBERSHIP}, paragraph 2"),
    ],
)
def district_council_members_limb_c(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """District council members sit on the ICP as its own appointees (limb (c)).

    Requirement: Local government in the partnership may include district and borough
    councils as well as county and unitary councils. In a two-tier area a district council
    is not a responsible local authority, so it appoints no statutory member; its members
    join as the partnership's own appointees under limb (c) of section 116ZA(2).
    Why: Only the ICB and the responsible local authorities have statutory seats; showing a
    district council's member under limb (a) or (b) misstates the statutory membership.
    Fix: Give members from district councils `appointed_by: icp` and `statutory_limb: c`.
    Source: LGPIHA 2007 section 116ZA(2)(c) (1 July 2022 version) and section 103, both read
    word for word on legislation.gov.uk (S04, S06, [V]); ICP engagement document (DHSC, NHS
    England and LGA, September 2021), "Principles of ICPs" paragraph 2 and Annex A
    "Establishment and membership" paragraph 2, read in the seed copy of the gov.uk page
    (S10, [V]). Guidance read with statute, so a warning, not an error: section 116ZA(2)(a)
    and (b) do not say whom the ICB or a responsible council may appoint, so a district
    councillor chosen as a county council's own appointee would be lawful. A district
    council appointing a member itself is an error reported by ICP005.
    """
    for index, member in enumerate(doc.members):
        if not _is_district_member(doc, member) or member.statutory_limb == "c":
            continue
        appointer = appointing_council(member)
        if member.statutory_limb is None:
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} comes from a district council but the terms of "
                "reference do not say under which limb they sit. A district council in a "
                "two-tier area is not a responsible local authority, so its members are the "
                "partnership's own appointees: set appointed_by: icp and statutory_limb: c.",
            )
        elif _council_type(doc, appointer) == "shire_district":
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} is shown as appointed by "
                f"{appointer} under limb ({member.statutory_limb}). A district "
                "council in a two-tier area is not a responsible local authority, so it "
                "appoints no statutory member; its members are the partnership's own "
                "appointees: set appointed_by: icp and statutory_limb: c.",
            )
        else:
            yield Finding(
                ("members", index, "statutory_limb"),
                f"Member {member_name(member)} comes from a district council but sits under "
                f"limb ({member.statutory_limb}). A district council in a two-tier area is not "
                "a responsible local authority and has no statutory seat, so its members are "
                "the partnership's own appointees: set appointed_by: icp and statutory_limb: c. "
                "(If a responsible council has deliberately made this person its own appointee, "
                "the seat is that council's, not the district's.)",
            )
