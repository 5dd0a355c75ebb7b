"""Ways of working, transparency and accountability of the ICP.

Apart from ICP053, which reads section 116ZA with the engagement document, these rules rest on
guidance that says what partnerships are expected to do and prescribes nothing that terms of
reference must contain. So every rule here is `requires="conduct"`: silence is "not stated",
and only terms of reference that say the opposite of what is expected (meetings in private,
decisions by vote, a district council appointing a statutory member) are in breach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from icslint.diagnostics import Citation, Contradiction, Finding, Level, Missing, Severity
from icslint.models.icp import IcpTermsOfReference, Member
from icslint.registry import NoOptions, rule

from ._icp import (
    RESPONSIBLE_TYPES,
    appointers,
    council_of,
    council_type,
    member_name,
)
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
Check = Iterator[Finding]
S103 = "https://www.legislation.gov.uk/ukpga/2007/28/part/5/chapter/1"


@rule(
    code="ICP045",
    slug="icp-meets-in-public",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        principle(4),
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 4"),
        icp_ed(f"{OPEN} section, paragraph 3"),
    ],
)
def icp_meets_in_public(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP meets in public and publishes its papers and minutes.

    Requirement: The partnership should hold its formal meetings in public, with meaningful
    minutes and papers easily available online. Where part of a meeting may be held in
    private, the terms of reference should say on what grounds.
    Provision: ICS design framework, partnership principle 4: "Agree arrangements for
    transparency and local accountability, including meeting in public with minutes and
    papers available online." Guidance to the partnership, not a requirement on its terms of
    reference, so terms of reference that do not say how it meets are "not stated"; terms of
    reference that say it does not meet in public, or does not publish its papers or minutes,
    depart from the guidance and are in breach.
    Terms of reference that let the public ask questions at meetings held in public
    (`meetings.public_questions: true`) say the partnership meets in public; terms of
    reference that say how many clear days before a meeting its papers are sent and published
    (`meetings.papers_notice_days`) say its papers are published.
    Why: The partnership is a key forum for engaging the public; its transparency is how
    partners are held to account locally.
    Fix: Set `meetings.in_public`, `meetings.papers_published` and
    `meetings.minutes_published` to true (or state `meetings.public_questions` and
    `meetings.papers_notice_days`), and state in `meetings.exclusion_grounds` when the
    public may be excluded (for example for confidential business).
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk: Annex A, partnership principle 4 and "Leadership and
    accountability" paragraph 4, and "ICPs should take an open and inclusive approach"
    paragraph 3. Guidance, so a warning. The document does not speak of excluding the public;
    asking for the grounds to be stated follows from meeting in public, so that private
    business is the stated exception, and their absence is only "not stated".
    """
    meetings = doc.meetings
    if meetings is None:
        yield Missing(
            ("meetings",),
            "The terms of reference do not say how the partnership meets. Its formal meetings "
            "are expected to be held in public, with papers and minutes available online; if "
            "the terms of reference say so, add a meetings section (in_public, "
            "papers_published, minutes_published: true).",
        )
        return
    # Questions from the public at meetings held in public, and papers published a stated
    # number of clear days ahead, say what in_public and papers_published would.
    in_public = meetings.in_public
    if in_public is None and meetings.public_questions is True:
        in_public = True
    papers_published = meetings.papers_published
    if papers_published is None and meetings.papers_notice_days is not None:
        papers_published = True
    yield from unless_true(
        in_public,
        ("meetings", "in_public"),
        "The terms of reference do not say whether the partnership meets in public. Its formal "
        "meetings are expected to be held in public; if the terms of reference say so, set "
        "meetings.in_public: true.",
        "The terms of reference say the partnership does not meet in public (meetings."
        "in_public: false). Its formal meetings are expected to be held in public, with any "
        "private business the stated exception; provide for meetings in public and set "
        "meetings.in_public: true.",
    )
    if in_public and not meetings.exclusion_grounds:
        yield Missing(
            ("meetings", "exclusion_grounds"),
            "The partnership meets in public but the terms of reference do not say on what "
            "grounds the public may be excluded from part of a meeting. If they say, state the "
            "grounds (for example confidential business) under meetings.exclusion_grounds.",
        )
    yield from unless_true(
        papers_published,
        ("meetings", "papers_published"),
        "The terms of reference do not say whether the partnership publishes its meeting "
        "papers. Papers are expected to be easily available online; if the terms of reference "
        "say so, set meetings.papers_published: true.",
        "The terms of reference say the partnership does not publish its meeting papers "
        "(meetings.papers_published: false). Papers are expected to be easily available "
        "online; provide for publishing them and set meetings.papers_published: true.",
    )
    yield from unless_true(
        meetings.minutes_published,
        ("meetings", "minutes_published"),
        "The terms of reference do not say whether the partnership publishes its minutes. "
        "Meaningful minutes are expected to be easily available online; if the terms of "
        "reference say so, set meetings.minutes_published: true.",
        "The terms of reference say the partnership does not publish its minutes (meetings."
        "minutes_published: false). Meaningful minutes are expected to be easily available "
        "online; provide for publishing them and set meetings.minutes_published: true.",
    )


# How often a meeting frequency in words says the partnership meets, as meetings a year.
# Words that could mean two things ("bi-monthly", "biannually") are left unread.
_NUMBERS = {
    "one": 1,
    "once": 1,
    "two": 2,
    "twice": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# Longest first: "six monthly" before "monthly", "half yearly" before "yearly".
_PER_YEAR = (
    (re.compile(r"\b(six monthly|half yearly|every (six|6) months)\b"), 2),
    (re.compile(r"\b(quarterly|every (three|3) months|each quarter|every quarter)\b"), 4),
    (re.compile(r"\b(monthly|every month|each month)\b"), 12),
    (re.compile(r"\b(annually|yearly|every year|each year)\b"), 1),
)
_TIMES_A_YEAR = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|once|twice)"
    r"( times| meetings)? (a|per|each|every) (year|annum)\b"
)
# A frequency with exceptions or conditions is not read as a number.
_QUALIFIED = re.compile(r"\b(except|apart from|other than|during|unless|term|bi|biannual\w*)\b")


_AT_LEAST = re.compile(
    r"\b(at least|no less than|not less than|no fewer than|a minimum of|or more)\b"
)


def meetings_a_year(frequency: str) -> int | None:
    """The meetings a year a frequency in words gives ("Quarterly": 4; "at least six times a
    year": 6), or None where the words give no single number."""
    text = normalise(frequency)
    if _QUALIFIED.search(text):
        return None
    found: set[int] = set()
    for match in _TIMES_A_YEAR.finditer(text):
        word = match["n"]
        found.add(int(word) if word.isdigit() else _NUMBERS[word])
    text = _TIMES_A_YEAR.sub(" ", text)
    for pattern, number in _PER_YEAR:
        if pattern.search(text):
            found.add(number)
            text = pattern.sub(" ", text)
    # "Monthly, and quarterly in public" gives two numbers: not read.
    return found.pop() if len(found) == 1 else None


@rule(
    code="ICP041",
    slug="icp-meeting-frequency",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[s116za("(3)"), icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 4"), principle(4)],
)
def icp_meeting_frequency(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say how often the ICP meets, and say it consistently.

    Requirement: The terms of reference should say how often the partnership meets, either
    in words (`meetings.frequency`, for example "Quarterly") or as the least number of
    meetings a year it commits to (`meetings.min_per_year`), and where they give both, the
    two should agree.
    Provision: Section 116ZA(3): "An integrated care partnership may determine its own
    procedure (including quorum)"; how often it meets is part of that procedure. The design
    framework expects the partnership to meet in public, with papers and minutes online
    (partnership principle 4), which the public can follow only if the meetings are known in
    advance. Neither says how often the partnership must meet or that its terms of reference
    must say so, so terms of reference that say neither are "not stated". A least number of
    meetings a year satisfies the rule on its own. Terms of reference that commit the
    partnership to more meetings a year than their frequency in words gives ("Quarterly" and
    at least 6 a year) contradict themselves and are in breach; a least number below it
    ("Quarterly" and at least 2 a year) is a floor the frequency meets, and agrees with it.
    Why: Partners and the public plan around the partnership's meetings; a schedule stated
    two ways that do not agree leaves it unclear what the partnership has committed to.
    Fix: State `meetings.frequency` or `meetings.min_per_year`; where both are stated, make
    them agree (for example "Quarterly" with min_per_year: 4, or "Monthly" with 6).
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, section 116ZA(3)), and in the ICP engagement document
    (DHSC, NHS England and NHS Improvement and the LGA, September 2021) on gov.uk, Annex A
    "Leadership and accountability" paragraph 4 and partnership principle 4. No national
    guidance read sets how often a partnership meets, so the rule asks only that the terms of
    reference say it, and say it once; that is drafting practice, not a source's words. The
    rule reads frequencies in plain words ("monthly", "quarterly", "six times a year");
    others, such as "bi-monthly", which may mean either twice a month or every two months,
    are not compared.
    """
    meetings = doc.meetings
    frequency = meetings.frequency if meetings else None
    least = meetings.min_per_year if meetings else None
    if not frequency and least is None:
        yield Missing(
            ("meetings", "frequency") if meetings else ("meetings",),
            "The terms of reference do not say how often the partnership meets. If they say, "
            "state it in words under meetings.frequency (for example Quarterly) or as the "
            "least number of meetings a year under meetings.min_per_year.",
        )
        return
    if not frequency or least is None:
        return
    number = meetings_a_year(frequency)
    # A least number is a floor: "Quarterly" with at least two meetings a year agrees, and so
    # does "At least quarterly" with six; "Quarterly" with at least six does not.
    more_allowed = bool(_AT_LEAST.search(normalise(frequency)))
    if number is not None and least > number and not more_allowed:
        yield Contradiction(
            ("meetings", "min_per_year"),
            f'The terms of reference say the partnership meets "{frequency}" '
            f"(meetings.frequency) but commit it to at least {least} meetings a year "
            "(meetings.min_per_year), more than that frequency gives. Make them agree, for "
            "example by correcting meetings.min_per_year or the frequency in words.",
        )


@rule(
    code="ICP046",
    slug="icp-consensus-decisions",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[principle(2)],
)
def icp_consensus_decisions(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP decides by consensus, with unanimity as the norm.

    Requirement: The partnership should make decisions collectively, seeking consensus
    between partners with unanimity as the norm, while still working through difficult
    issues. If a vote is ever allowed, the terms of reference should say when.
    Provision: ICS design framework, partnership principle 2: "Use a collective model of
    decision-making that seeks to find consensus between system partners and make decisions
    based on unanimity as the norm". Guidance to the partnership, not a requirement on its
    terms of reference, so terms of reference that do not say how it decides are "not
    stated"; terms of reference that make a vote the way it decides depart from the guidance
    and are in breach.
    Why: The NHS and local government are equal partners; a simple majority could let one
    side outvote the other on the strategy both must have regard to.
    Fix: Set `procedure.decision_making` to consensus, or to mixed with `procedure.voting_rules`
    saying when, and how, a vote may be taken.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, Annex A, partnership principle 2. Guidance, so a warning.
    """
    procedure = doc.procedure
    model = procedure.decision_making if procedure else None
    if model is None:
        yield Missing(
            ("procedure", "decision_making"),
            "The terms of reference do not say how the partnership makes decisions. It is "
            "expected to seek consensus, with unanimity as the norm; if the terms of reference "
            "say, set procedure.decision_making: consensus (or mixed, saying when a vote may be "
            "taken).",
        )
    elif model == "vote":
        yield Contradiction(
            ("procedure", "decision_making"),
            "Under the terms of reference the partnership decides by vote. Decisions are "
            "expected to be collective, seeking "
            "consensus with unanimity as the norm; make consensus the first route "
            "(decision_making: consensus, or mixed with voting_rules saying when a vote may be "
            "taken).",
        )
    elif model == "mixed" and procedure is not None and not procedure.voting_rules:
        yield Missing(
            ("procedure", "voting_rules"),
            "The partnership may both seek consensus and vote, but the terms of reference do "
            "not say when a vote may be taken. Consensus is expected to be the norm; if the "
            "terms of reference say when, and how, a vote is allowed, state it under "
            "procedure.voting_rules.",
        )


@rule(
    code="ICP047",
    slug="icp-collective-accountability",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[principle(3), icp_ed(f"{OPEN} section, paragraph 1")],
)
def icp_collective_accountability(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP works on a model of collective, mutual accountability.

    Requirement: Partners hold each other mutually accountable, to one another and to local
    residents, for their shared and individual contributions to shared objectives; the
    model should also be set out in the integrated care strategy.
    Provision: ICS design framework, partnership principle 3: "Operate a collective model of
    accountability, where partners hold each other mutually accountable". The engagement
    document says "An ICP must operate a collective model of accountability", and that it
    "should be set out in each ICP's integrated care strategy", not in its terms of
    reference; so terms of reference that do not adopt the principle are "not stated", never
    in breach.
    Why: The partnership does not take on its members' functions; its grip on delivery rests
    on partners holding each other to account.
    Fix: Adopt the principle in the terms of reference and list `collective_accountability`
    under `principles`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk: Annex A, partnership principle 3, and "ICPs should take an
    open and inclusive approach" paragraph 1. Guidance, so a warning. The rule can only check
    that the principle is adopted.
    """
    if "collective_accountability" not in doc.principles:
        yield Missing(
            ("principles",),
            "The terms of reference do not adopt collective accountability. Partners are "
            "expected to hold each other mutually accountable, to one another and to local "
            "residents, for their contributions to the shared objectives; if the terms of "
            "reference adopt it, add collective_accountability to principles.",
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
    requires="conduct",
    citations=[
        icp_ed("Annex A (design framework extract), 'Partnership principles', principles 1 to 10"),
        icp_ed(f"{PRACTICAL_STEPS}, step 5, last question"),
    ],
)
def icp_partnership_principles(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference adopt the ten partnership principles of the design framework.

    Requirement: The partnership should reflect the ten principles of the ICS design
    framework: distributed leadership among equals; consensus; collective accountability;
    transparency; a focus on outcomes and inequalities; co-production and inclusion; the
    triple aim, the duty to co-operate and subsidiarity; respect for place-based
    partnerships; clinical, professional, political and community leadership; and a
    learning system.
    Provision: ICS design framework, "Partnership principles": "We invite systems to consider
    these 10 principles". An invitation to the partnership, not a requirement on its terms of
    reference, so a principle they do not adopt is "not stated" at info, never a breach.
    Why: The principles set the culture of the system; stating them lets partners hold the
    partnership to them.
    Fix: List the principles adopted under `principles` (codes distributed_leadership,
    consensus, collective_accountability, transparency, outcomes_and_inequalities,
    coproduction_and_inclusion, triple_aim_and_subsidiarity, respect_for_place,
    clinical_professional_political_community_leadership, learning_system).
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, Annex A "Partnership principles" and practical step 5.
    Systems are invited to consider the principles, so each missing one is info. Principle 3
    (collective accountability) is reported by ICP047. The rule can only check that each
    principle is listed.
    """
    if not doc.principles:
        yield Missing(
            ("principles",),
            "The terms of reference do not list the partnership principles they adopt. "
            "Systems are invited to consider the ten principles of the ICS design framework; "
            "if the terms of reference adopt them, list them under principles.",
        )
        return
    for code, (number, text) in PRINCIPLES.items():
        if code not in doc.principles:
            yield Missing(
                ("principles",),
                f"The terms of reference do not adopt partnership principle {number}, {text}. "
                f"Systems are invited to consider all ten; if the terms of reference adopt it, "
                f"add {code} to principles.",
            )


@rule(
    code="ICP049",
    slug="icp-subsidiarity-and-place",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[icp_ed(f"{SPACE} section, paragraph 1"), principle(8)],
)
def icp_subsidiarity_and_place(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference name the place-based partnerships the ICP works with.

    Requirement: The partnership and place-based partners need a way of deciding which
    issues are dealt with where; most issues are best dealt with at place and should not be
    decided at partnership meetings.
    Provision: ICP engagement document, "ICPs create a space to develop and oversee
    strategies": "The ICP and place-based partners will need a mechanism to determine which
    issues are dealt with where". Guidance to the partnership, not a requirement on its terms
    of reference, so terms of reference that name no place-based partnerships are "not
    stated", never in breach.
    Why: Subsidiarity keeps decisions close to the communities they affect and stops the
    partnership overriding place-based plans.
    Fix: List the place-based partnerships under `relationships.place_partnerships` and say
    how issues are divided between them and the partnership.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs create a space to develop and oversee strategies to
    improve health and care outcomes", paragraph 1, and Annex A, partnership principle 8.
    Guidance, so a warning. The rule can only check that the place partnerships are named,
    not how issues are divided.
    """
    places = doc.relationships.place_partnerships if doc.relationships else ()
    if not places:
        yield Missing(
            ("relationships", "place_partnerships"),
            "The terms of reference do not name the place-based partnerships the partnership "
            "works with. The partnership and place-based partners are expected to agree which "
            "issues are dealt with where, most of them at place; if the terms of reference name "
            "them, list them under relationships.place_partnerships.",
        )


@rule(
    code="ICP050",
    slug="icp-resident-involvement",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 3"),
        icp_ed(f"{ROOTED} section, paragraph 6"),
        icp_ed(f"{OPEN} section, paragraph 2"),
    ],
)
def icp_resident_involvement(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICP has a structured way of developing strategy with residents.

    Requirement: The partnership needs clear and transparent mechanisms for developing its
    strategy with people with lived experience of health and care services (patients,
    service users, unpaid carers, under-represented groups), using good engagement practice
    such as citizens' panels, and should set out how it involved people and what it did in
    response.
    Provision: ICS design framework, "Leadership and accountability": "Partnerships will need
    clear and transparent mechanisms for ensuring strategies are developed with people with
    lived experience of health and care services and communities". Guidance to the
    partnership, not a requirement on its terms of reference, so terms of reference that name
    no such mechanism are "not stated", never in breach.
    Why: Involving the people who live or work in the area is also a statutory duty for the
    strategy (ICP015); a standing mechanism is how the partnership shows it does so.
    Fix: Add an entry to `engagement_mechanisms` with `kind: citizens_panel`, or another
    kind with `involves_residents: true`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk: Annex A "Leadership and accountability" paragraph 3,
    "ICPs will be rooted in the needs of people, communities and places" paragraph 6, and
    "ICPs should take an open and inclusive approach" paragraph 2. Guidance, so a warning. The
    rule can only check that such a mechanism exists.
    """
    if not any(
        m.involves_residents is True or m.kind == "citizens_panel"
        for m in doc.engagement_mechanisms
    ):
        yield Missing(
            ("engagement_mechanisms",),
            "The terms of reference name no mechanism through which residents or people with "
            "lived experience help develop the strategy. Clear, transparent mechanisms, such as "
            "a citizens' panel, are expected; if the terms of reference name one, add it to "
            "engagement_mechanisms (kind: citizens_panel, or involves_residents: true).",
        )


@rule(
    code="ICP051",
    slug="icp-secretariat",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[icp_ed(f"{TIMINGS} section, paragraph 2"), icp_ed(f"{PRACTICAL_STEPS}, step 2")],
)
def icp_secretariat(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The terms of reference say who provides the ICP's secretariat.

    Requirement: The NHS and local government should agree how the partnership is resourced
    and who provides its secretariat. Local authorities receive no extra funding for it.
    Provision: ICP engagement document, "Timings and establishment of ICPs": local
    authorities "should agree with their health counterparts how best to provide the
    necessary secretariat and other functions vital to the partnership". An agreement between
    the partners, not a requirement on the terms of reference, so terms of reference that do
    not name the secretariat are "not stated", never in breach.
    Why: A joint committee has no staff of its own; without an agreed secretariat its
    meetings, papers and minutes have no owner.
    Fix: Name the body that provides the secretariat under `secretariat.provided_by`, and
    refer to the resourcing agreement in `secretariat.resourcing_agreement_ref`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "Timings and establishment of ICPs" paragraph 2 and
    practical step 2. Guidance, so a warning. The rule checks only that a provider is named.
    """
    secretariat = doc.secretariat
    if secretariat is None or not secretariat.provided_by:
        yield Missing(
            ("secretariat", "provided_by"),
            "The terms of reference do not say who provides the partnership's secretariat. The "
            "NHS and local government are expected to agree it, and how the partnership is "
            "resourced; if the terms of reference say, name the provider under "
            "secretariat.provided_by.",
        )


@rule(
    code="ICP052",
    slug="icp-assurance-from-partners",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[icp_ed(f"{CORE_PART} section, list of expectations, bullets 4 and 5")],
)
def icp_assurance_from_partners(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """The ICB and the councils give the ICP assurance on delivering the strategy.

    Requirement: The ICB and the local authorities should consider how they give the
    partnership assurance on delivering the integrated care strategy, and partners should
    share intelligence with it in good time.
    Provision: ICP engagement document, "ICPs are a core part of ICSs": ICBs and local
    authorities "should consider how assurance can be provided to the ICP on delivery". A
    matter for the ICB and the councils to consider, not a requirement on the terms of
    reference, so silence is "not stated"; terms of reference that say no assurance is given
    depart from the guidance and are reported at info.
    Why: The partnership prepares the strategy but delivers nothing itself; assurance and
    information from the delivering bodies are how it knows whether the strategy works.
    Fix: Describe the assurance and information flows and set
    `relationships.assurance_from_icb_las: true`.
    Source: Read in the ICP engagement document (DHSC, NHS England and NHS Improvement and the
    LGA, September 2021) on gov.uk, "ICPs are a core part of ICSs", expectation bullets 4 and
    5. The bodies are asked to "consider" it, so info. The rule can only check that the
    arrangement is stated.
    """
    relationships = doc.relationships
    yield from unless_true(
        relationships.assurance_from_icb_las if relationships else None,
        ("relationships", "assurance_from_icb_las"),
        "The terms of reference do not say how the ICB and the local authorities give the "
        "partnership assurance on delivering the strategy. They are expected to consider it, "
        "and to share information promptly; if the terms of reference describe the "
        "arrangement, set relationships.assurance_from_icb_las: true.",
        "The terms of reference say the ICB and the local authorities give the partnership no "
        "assurance on delivering the strategy (relationships.assurance_from_icb_las: false). "
        "They are expected to consider how to give it, and to share information promptly; "
        "describe the arrangement and set the flag to true (if the terms of reference are only "
        "silent on it, leave the key out).",
    )


def _is_district_member(doc: IcpTermsOfReference, member: Member) -> bool:
    """A member from a two-tier district council: tagged so, or from a listed shire district."""
    kind = council_type(doc, member.organisation)
    if kind == "shire_district":
        return True
    return "district_council" in member.role_tags and kind not in RESPONSIBLE_TYPES


@rule(
    code="ICP053",
    slug="district-council-members-limb-c",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        s116za("(2)(c)"),
        Citation(LGPIHA_2007, "section 103(b)", S103),
        icp_ed(f"{PRINCIPLES_OF_ICPS} section, paragraph 2"),
        icp_ed(f"{ANNEX_A_MEMBERSHIP}, paragraph 2"),
    ],
)
def district_council_members_limb_c(doc: IcpTermsOfReference, options: NoOptions) -> Check:
    """District council members sit on the ICP as its own appointees (limb (c)).

    Requirement: Local government in the partnership may include district and borough
    councils as well as county and unitary councils. In a two-tier area a district council
    is not a responsible local authority, so it appoints no statutory member; its members
    join as the partnership's own appointees under limb (c) of section 116ZA(2).
    Provision: Section 116ZA(2): the partnership consists of one member appointed by the ICB,
    "one member appointed by each of the responsible local authorities, and (c) any members
    appointed by the integrated care partnership"; the engagement document adds that local
    government "might include district and borough councils". Nothing requires terms of
    reference to say under which limb a member sits, so a district council's member whose
    appointer is not given is "not stated"; terms of reference that have a district council
    in a two-tier area appoint a member itself contradict the Act and are in breach.
    Why: Only the ICB and the responsible local authorities have statutory seats; showing a
    district council appointing its own member misstates the statutory membership.
    Fix: Give members from district councils `appointed_by: icp` and `statutory_limb: c`.
    Source: Read in the text of the Act on legislation.gov.uk (Local Government and Public
    Involvement in Health Act 2007, sections 116ZA(2) and 103), and in the ICP engagement
    document (DHSC, NHS England and NHS Improvement and the LGA, September 2021) on gov.uk,
    "Principles of ICPs" paragraph 2 and Annex A "Establishment and membership" paragraph 2.
    Guidance read with statute, so a warning. Section 116ZA(2)(a) and (b) do not say whom the
    ICB or a responsible council may appoint, so a district councillor chosen as a county
    council's own appointee is lawful and is not reported. A district council appointing a
    member itself is also reported by ICP003.
    """
    keys = appointers(doc)
    for index, member in enumerate(doc.members):
        if not _is_district_member(doc, member):
            continue
        if keys[index] == "icp" or member.statutory_limb == "c":
            continue
        appointer = council_of(keys[index])
        if appointer is not None and council_type(doc, appointer) == "shire_district":
            # Reported at the limb, where there is one: the appointment by the district is
            # also reported (at appointed_by) by ICP003 and ICP005.
            where = "statutory_limb" if member.statutory_limb else "appointed_by"
            yield Contradiction(
                ("members", index, where),
                f"Member {member_name(member)} is shown as appointed by {appointer}, which the "
                "terms of reference record as a district council in a two-tier area. Such a "
                "council is not a responsible local authority, so it appoints no member under "
                "section 116ZA(2); its members are the partnership's own appointees: set "
                "appointed_by: icp and statutory_limb: c.",
            )
        elif member.appointed_by is None and member.statutory_limb != "a":
            yield Missing(
                ("members", index, "appointed_by"),
                f"Member {member_name(member)} comes from a district council, and the terms of "
                "reference do not say who appoints them. A district council in a two-tier area "
                "appoints no member itself; its members are usually the partnership's own "
                "appointees under section 116ZA(2)(c). If so, set appointed_by: icp.",
            )
