"""Catalogue section B: the board's composition (Schedule 1B paragraphs 3 and 8)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution, Participant, Seat
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_MODEL,
    HWE_SECTION_2,
    NHS_ACT_2006,
    SCH_1B,
    SEATS,
    sch1b,
    seat_loc,
    seat_name,
    seat_ref,
    seats,
    seats_with_role,
    secondary,
    unless_true,
)

ICB = "icb-constitution"

# Secondary sources of section B, with the catalogue's URLs.
NHS_CONFED_DF = "https://www.nhsconfed.org/publications/ics-design-framework"
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as summarised by the NHS Confederation"
)
HEALTH_FOUNDATION = (
    "https://www.health.org.uk/news-and-comment/blogs/integrated-care-boards-what-do-they-look-like"
)
GGI = (
    "https://www.good-governance.org.uk/publications/insights/"
    "integrated-care-boards-why-a-whole-system-governance-approach-is-key"
)
HSJ = (
    "https://www.hsj.co.uk/policy-and-regulation/"
    "nhs-england-reveals-who-will-sit-on-ics-boards/7030317.article"
)
GPONLINE = (
    "https://www.gponline.com/"
    "just-one-seat-nhs-integrated-care-system-board-will-represent-gps/article/1719495"
)
CAPSTICKS = (
    "https://capsticks.com/insights/establishment-of-integrated-care-boards-understanding-their-"
    "composition-avoiding-conflicts-of-interest-and-nominating-board-members"
)
HANSARD_1_MARCH_2022 = (
    "https://search-prototype.herokuapp.com/search-prototype/objects?object=http%3A%2F%2F"
    "hansard.intranet.data.parliament.uk%2FLords%2F2022-03-01%2F22030181000048"
)
HANSARD_WALMSLEY = (
    "https://search-prototype.herokuapp.com/search-prototype/objects?object=http%3A%2F%2F"
    "hansard.intranet.data.parliament.uk%2FLords%2F2022-03-01%2F22030187000032"
)

# Roles that are not ordinary members (Sch 1B para 3(2)).
LEADERS = ("chair", "chief_executive")


def _voting_members(doc: IcbConstitution) -> int:
    """The number of voting board members: the sum of `count` over voting seats."""
    return sum(seat.count for _, seat in seats(doc) if seat.voting)


@rule(
    code="ICB010",
    slug="board-minimum-membership",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("3(1)")],
)
def board_minimum_membership(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must have a chair, a chief executive and at least three ordinary members.

    Requirement: The board is made up of one chair, one chief executive and at least three
    further members (the ordinary members).
    Why: This is the statutory minimum; a board without it is not lawfully constituted.
    Fix: Give exactly one seat `role: chair`, exactly one `role: chief_executive`, and seats
    with `role: ordinary` whose `count` adds up to three or more.
    Source: Schedule 1B paragraph 3(1)(a)-(c) read in the revised text on legislation.gov.uk
    (S01, [V]).
    """
    for role, label in (("chair", "chair"), ("chief_executive", "chief executive")):
        found = seats_with_role(doc, role)
        total = sum(seat.count for _, seat in found)
        if total == 0:
            yield Finding(
                SEATS,
                f"The board has no {label}. The board must have exactly one; add a seat with "
                f"role: {role}.",
            )
        elif total > 1:
            index, _seat = found[1] if len(found) > 1 else found[0]
            yield Finding(
                seat_loc(index),
                f"The board has {total} {label} seats; it must have exactly one. Give the "
                f"others another role, or set count: 1.",
            )
    ordinary = sum(seat.count for _, seat in seats_with_role(doc, "ordinary"))
    if ordinary < 3:
        yield Finding(
            SEATS,
            f"The board has {ordinary} ordinary member{'s' if ordinary != 1 else ''}; besides "
            "the chair and the chief executive it needs at least three. Add seats with "
            "role: ordinary.",
        )


# A definition that mentions the chair or chief executive only to exclude them is right.
_EXCLUDES = re.compile(r"\b(other than|except|excluding|apart from|not|besides)\b", re.I)
_LEADERS = re.compile(r"\b(chair|chief executive)\b", re.I)


@rule(
    code="ICB011",
    slug="ordinary-member-term",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("3(2)")],
)
def ordinary_member_term(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every member other than the chair and chief executive is an ordinary member.

    Requirement: In Schedule 1B every board member other than the chair and the chief
    executive is an "ordinary member", and the constitution must use the term the same way.
    Why: The Schedule's rules on appointing ordinary members (paragraph 8) apply to exactly
    these seats; a seat with no role, or a definition that sweeps in the chair, leaves it
    unclear which rules govern a member.
    Fix: Give every seat a role (chair, chief_executive or ordinary). If the definitions
    define "Ordinary Member", make it exclude the chair and the chief executive.
    Source: Schedule 1B paragraph 3(2) read in the revised text on legislation.gov.uk
    (S01, [V]). The definition check is a text heuristic: it looks for the words "chair" or
    "chief executive" without "other than", "except" or similar.
    """
    for index, seat in seats(doc):
        if seat.role is None:
            yield Finding(
                seat_loc(index),
                f"Seat {seat_name(seat)} has no role. Every board member is the chair, the "
                "chief executive or an ordinary member; add role: ordinary (or chair, "
                "chief_executive).",
            )
    for term, text in doc.definitions.items():
        defines_ordinary = re.sub(r"[\s_-]+", " ", term.lower()).strip().rstrip("s") == (
            "ordinary member"
        )
        if defines_ordinary and _LEADERS.search(text) and not _EXCLUDES.search(text):
            yield Finding(
                ("definitions", term),
                f'The definition of "{term}" includes the chair or the chief executive. '
                "In Schedule 1B ordinary members are the members other than those two; "
                'reword it, for example "a member of the Board other than the Chair and '
                'the Chief Executive".',
            )


# ICB012: the three executive roles NHS England requires, and the titles that name them.
_EXECUTIVE_LABELS = {
    "finance": "director of finance",
    "medical": "medical director",
    "nursing": "director of nursing",
}
_EXECUTIVE_TITLES = {
    "finance": re.compile(
        r"\b(director of finance|finance director|chief financ(e|ial) officer|cfo)\b", re.I
    ),
    "medical": re.compile(
        r"\b(medical director|chief medical officer|director of medicine|cmo)\b", re.I
    ),
    "nursing": re.compile(
        r"\b(director of nursing|nursing director|chief nursing officer|chief nurse|cno)\b", re.I
    ),
}
# "Deputy Director of Finance" is not the director of finance.
_SUBORDINATE = {"deputy", "assistant", "associate"}


def _executive_role(seat: Seat) -> str | None:
    """Which of finance, medical and nursing a seat is: its executive_role, else its title."""
    if seat.executive_role is not None:
        return seat.executive_role if seat.executive_role in _EXECUTIVE_LABELS else None
    title = seat.title or ""
    for role, pattern in _EXECUTIVE_TITLES.items():
        match = pattern.search(title)
        if match:
            before = title[: match.start()].lower().split()
            if not (before and before[-1] in _SUBORDINATE):
                return role
    return None


@rule(
    code="ICB012",
    slug="executive-members",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 2.1.5(a)", HWE_SECTION_2),
        secondary(
            DESIGN_FRAMEWORK, "Governance and management arrangements (p.19ff)", NHS_CONFED_DF
        ),
    ],
)
def executive_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must have a director of finance, a medical director and a director of nursing.

    Requirement: On top of the statutory minimum, NHS England policy requires three executive
    ordinary members: a director of finance (often called the chief finance officer), a
    medical director and a director of nursing.
    Why: NHS England will not approve a constitution without these three executive seats; they
    give the board its financial, medical and nursing leadership.
    Fix: Add a seat with `category: executive`, `role: ordinary` and `executive_role:
    finance` (then `medical`, `nursing`). A seat without `executive_role` is recognised by
    its title ("Chief Finance Officer", "Medical Director", "Chief Nursing Officer" and
    similar).
    Source: Secondary. The NHS England model constitution was not available; its clause
    2.1.5(a) ("NHS England Policy requires...") was read as reproduced in the Herts and West
    Essex ICB constitution (section 2 web page, read again this session). The design
    framework (June 2021) is known only from the NHS Confederation's summary, as read for the
    catalogue (not re-read this session). nhse-policy [S], error as the catalogue's severity
    table says.
    """
    for role, label in _EXECUTIVE_LABELS.items():
        found = [
            (index, seat)
            for index, seat in seats(doc)
            if seat.role not in LEADERS and _executive_role(seat) == role
        ]
        if any(seat.category == "executive" for _, seat in found):
            continue
        for index, seat in found:
            yield Finding(
                seat_loc(index, "category"),
                f"Seat {seat_name(seat)} is the {label} but its category is "
                f"{seat.category or 'not given'}. NHS England policy requires the {label} to be "
                "an executive member of the board. Set category: executive.",
            )
        if not found:
            yield Finding(
                SEATS,
                f"The board has no {label}. NHS England policy requires three executive members "
                "besides the chief executive: a director of finance, a medical director and a "
                f"director of nursing. Add a seat with category: executive, role: ordinary and "
                f"executive_role: {role}.",
            )


@rule(
    code="ICB013",
    slug="non-executive-members",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 2.1.5(b)", HWE_SECTION_2),
        secondary(
            DESIGN_FRAMEWORK, "Governance and management arrangements (p.19ff)", NHS_CONFED_DF
        ),
        secondary(
            "NHS Confederation, ICS governance and the role of NEDs: FAQ (24 November 2021)",
            "FAQ 1 (a minimum of two NEDs on each ICB)",
            "https://nhsconfed.org/events/ics-governance-and-role-neds-practical-guide",
        ),
    ],
)
def non_executive_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must have at least two non-executive members besides the chair.

    Requirement: NHS England policy requires at least two non-executive ordinary members, on
    top of the chair.
    Why: Two non-executive members is the least that lets independent members chair the
    audit and remuneration committees.
    Fix: Add seats with `category: non_executive` and `role: ordinary`, or set `count: 2` on
    the non-executive seat.
    Source: Secondary. The model constitution's clause 2.1.5(b) was read as reproduced in the
    Herts and West Essex ICB constitution (section 2 web page); the NHS Confederation's
    webinar FAQ (November 2021) also gives a minimum of two NEDs per board. nhse-policy [S],
    shipped at error level. The chair is not counted, even where its category is
    non_executive; seats with no role are counted (ICB011 reports the missing role).
    """
    total = sum(
        seat.count
        for _, seat in seats(doc)
        if seat.category == "non_executive" and seat.role not in LEADERS
    )
    if total < 2:
        have = "no non-executive members" if total == 0 else "one non-executive member"
        yield Finding(
            SEATS,
            f"Besides the chair, the board has {have}. NHS England policy requires at least "
            "two, so that independent members can chair the audit and remuneration "
            "committees. Add seats with category: non_executive and role: ordinary, or raise "
            "their count.",
        )


def _partner_rule(
    doc: IcbConstitution, sector: str, nominators: str, example: str
) -> Iterator[Finding]:
    """The shared check of ICB014-ICB016: a partner seat for `sector`, with its nominators."""
    found = [(i, s) for i, s in seats(doc) if s.partner_sector == sector]
    if not found:
        yield Finding(
            SEATS,
            f"The board has no partner member nominated by {nominators}. Schedule 1B requires "
            f"at least one. Add a seat with category: partner and partner_sector: {sector}"
            f"{example}.",
        )
        return
    for index, seat in found:
        if seat.category != "partner":
            yield Finding(
                seat_loc(index, "category"),
                f"Seat {seat_name(seat)} is the partner member for {nominators} but its category "
                f"is {seat.category or 'not given'}. Set category: partner.",
            )
        if seat.role not in (None, "ordinary"):
            yield Finding(
                seat_loc(index, "role"),
                f"Seat {seat_name(seat)} is a partner member, which is an ordinary member; its "
                f"role cannot be {seat.role}. Set role: ordinary.",
            )
        if not seat.nominated_by:
            yield Finding(
                seat_loc(index, "nominated_by"),
                f"Seat {seat_name(seat)} does not say who nominates it. Partner members for this "
                f"sector are nominated jointly by {nominators}; add nominated_by.",
            )


@rule(
    code="ICB014",
    slug="partner-member-trusts",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        sch1b("8(2)(a)"),
        secondary(
            "Health and Care Act 2022 (Further Consequential Amendments) Regulations 2024 "
            "(SI 2024/1205)",
            "regulation 2(3), which refers to the member mentioned in Sch 1B paragraph 8(2)(a)",
            "https://beta.bailii.org/uk/legis/num_reg/2024/uksi_20241205_en_1.html",
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
    ],
)
def partner_member_trusts(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A partner member nominated jointly by the area's NHS trusts and foundation trusts.

    Requirement: At least one ordinary member must be nominated jointly by the NHS trusts and
    NHS foundation trusts that provide services in the ICB's area and are of the description
    set in regulations.
    Why: Partner members bring the providers' knowledge to the board; the Schedule makes the
    trust seat mandatory.
    Fix: Add a seat with `category: partner`, `partner_sector: nhs_trust_ft`, `role: ordinary`
    and `nominated_by` naming the trusts and foundation trusts (jointly).
    Source: Secondary. The wording of paragraph 8(2)(a) was not in any stored copy of the
    Schedule (the legislation.gov.uk text read stops inside paragraph 8(1)(a)). The paragraph
    number is confirmed by SI 2024/1205 regulation 2(3), read on BAILII, which refers to the
    trust-nominated member as the one "mentioned in paragraph 8(2)(a)"; the substance is the
    model constitution's clause 2.1.6 as published by Herts and West Essex ICB. Shipped at
    error level as statute [S], with the secondary sources cited.
    """
    yield from _partner_rule(
        doc, "nhs_trust_ft", "the NHS trusts and foundation trusts in the area", ""
    )


@rule(
    code="ICB015",
    slug="partner-member-primary-care",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 8 (sub-paragraph letter not verified)",
            f"{SCH_1B}/paragraph/8",
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
    ],
)
def partner_member_primary_care(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A partner member nominated jointly by the area's primary medical services providers.

    Requirement: At least one ordinary member must be nominated jointly by the providers of
    primary medical services (general practice) in the ICB's area that are of a prescribed
    description.
    Why: General practice must have a voice on the board through a member its providers
    choose together.
    Fix: Add a seat with `category: partner`, `partner_sector: primary_medical_services`,
    `role: ordinary` and `nominated_by` naming the primary medical services providers.
    Source: Secondary. Paragraph 8 beyond 8(1)(a) was not read in primary text, so the
    sub-paragraph letter is not given. The substance is the model constitution's clause 2.1.6
    as published by Herts and West Essex ICB, and is consistent with the Health Foundation's
    and Capsticks' summaries of the Act. Shipped at error level as statute [S].
    """
    yield from _partner_rule(
        doc,
        "primary_medical_services",
        "the providers of primary medical services in the area",
        "",
    )


@rule(
    code="ICB016",
    slug="partner-member-local-authorities",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 8 (sub-paragraph letter not verified)",
            f"{SCH_1B}/paragraph/8",
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
        secondary(
            "Written answer HL6183 (DHSC, 23 February 2022)",
            "local authority partner member",
            "https://questions-statements.parliament.uk/written-questions/detail/2022-02-10/HL6183/",
        ),
    ],
)
def partner_member_local_authorities(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A partner member nominated jointly by the area's local authorities.

    Requirement: At least one ordinary member must be nominated jointly by the local
    authorities whose areas coincide with, or include all or part of, the ICB's area.
    Why: Local government, and through it social care, must have a member on the board.
    Fix: Add a seat with `category: partner`, `partner_sector: local_authority`,
    `role: ordinary` and `nominated_by` naming the local authorities.
    Source: Secondary. Paragraph 8 beyond 8(1)(a) was not read in primary text, so the
    sub-paragraph letter is not given. The substance is the model constitution's clause 2.1.6
    (Herts and West Essex ICB) and DHSC's written answer HL6183 (23 February 2022), which
    describes the member as coming from the councils with social care responsibility for the
    area. Shipped at error level as statute [S].
    """
    yield from _partner_rule(
        doc,
        "local_authority",
        "the local authorities for the area",
        " and nominated_by naming the councils",
    )


@rule(
    code="ICB017",
    slug="mental-health-expertise",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, paragraph 8 (sub-paragraph not verified)",
            f"{SCH_1B}/paragraph/8",
        ),
        secondary(
            "Written answer HL9462 (DHSC, 22 July 2025)",
            "ordinary member with mental-health knowledge and experience",
            "https://parallelparliament.co.uk/question/HL9462/integrated-care-boards-directors",
        ),
    ],
)
def mental_health_expertise(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """At least one ordinary member must have knowledge and experience of mental health services.

    Requirement: At least one ordinary member must have knowledge and experience of services
    for the prevention, diagnosis and treatment of mental illness, and the constitution must
    provide for this when ordinary members are appointed.
    Why: Parliament added this so that mental health has parity of voice on every board.
    Fix: Set `board.mh_expertise_clause: true` (the constitution includes the clause), or
    mark the ordinary seat that must be filled by such a person with
    `mental_health_expertise: true`.
    Source: Secondary. The paragraph of Schedule 1B was not read in primary text. DHSC's
    written answer HL9462 (22 July 2025) states that the Health and Care Act 2022 requires one
    ordinary member with this knowledge and experience and that NHS England's guidance has the
    chair use the approval of ordinary members to secure it; Capsticks (13 April 2022) quotes
    the statutory phrase. Shipped at error level as statute [S], citing the written answer.
    """
    board = doc.board
    seat_ok = any(s.mental_health_expertise and s.role == "ordinary" for _, s in seats(doc))
    if seat_ok or (board is not None and board.mh_expertise_clause):
        return
    yield from unless_true(
        None,
        ("board", "mh_expertise_clause"),
        "The constitution does not provide for an ordinary member with knowledge and "
        "experience of mental health services (prevention, diagnosis and treatment of mental "
        "illness). Add the clause (board.mh_expertise_clause: true) or mark an ordinary seat "
        "with mental_health_expertise: true.",
    )


@rule(
    code="ICB018",
    slug="board-minimum-ten",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clauses 2.1.3 to 2.1.6", HWE_SECTION_2),
        secondary(
            "The Health Foundation, Integrated care boards: what do they look like?",
            "section 'How have the new ICBs been set up?', paragraph 2 (at least 10 members)",
            HEALTH_FOUNDATION,
        ),
        secondary(
            "Good Governance Institute (18 October 2021)",
            "section 'Model constitution' (minimum membership)",
            GGI,
        ),
        secondary("HSJ (16 June 2021)", "report of the design framework", HSJ),
    ],
)
def board_minimum_ten(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must have at least ten voting members under NHS England policy.

    Requirement: Statute and NHS England policy together give a floor of ten members: the
    chair, the chief executive, three executive members, two non-executive members and three
    partner members.
    Why: A board below ten cannot hold all the seats the Schedule and NHS England require;
    NHS England would not approve it.
    Fix: Add the missing seats (ICB010 and ICB012 to ICB016 say which), so that the `count`
    of voting seats adds up to ten or more.
    Source: Secondary. The floor of ten is the sum of the model constitution's clauses 2.1.3
    (chair, chief executive, at least three ordinary members), 2.1.5 (three executives, at
    least two non-executives) and 2.1.6 (at least three partner members), read as reproduced
    in the Herts and West Essex ICB constitution; the Health Foundation's analysis of the 42
    constitutions states "at least 10" in terms (both read this session). nhse-policy [S],
    error. Only the count is checked. That one seat may not serve two mandatory categories
    is the catalogue's own reading of the guidance ([U]), so it is not checked here at error
    level; the document model already gives each seat one category, and each category has
    its own rule (ICB010, ICB012 to ICB016).
    """
    voting = _voting_members(doc)
    if voting < 10:
        yield Finding(
            SEATS,
            f"The board has {voting} voting member{'s' if voting != 1 else ''}. The statutory "
            "minimum and NHS England policy together need at least ten: the chair, the chief "
            "executive, three executive members, two non-executive members and three partner "
            "members. Add the missing seats.",
        )


@rule(
    code="ICB019",
    slug="unitary-board",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 2.1.4", HWE_SECTION_2),
        secondary(DESIGN_FRAMEWORK, "Governance and management arrangements", NHS_CONFED_DF),
    ],
)
def unitary_board(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must meet as one unitary board, all members collectively accountable.

    Requirement: The board meets as a unitary board, and all its members share
    accountability for how the ICB performs its functions.
    Why: Partner, executive and non-executive members decide together and answer together;
    no member sits on the board to look after one organisation's interests.
    Fix: Include the model clause and set `board.unitary_clause: true`.
    Source: Secondary. The model constitution's clause 2.1.4 was read word for word as
    reproduced in the Herts and West Essex ICB constitution (section 2 web page, this
    session); the design framework's "collective and corporate accountability" was read only
    in the NHS Confederation's summary (catalogue). nhse-policy [S], error. This is a
    presence-of-clause rule: it can only check that the clause is present, not its wording.
    """
    board = doc.board
    yield from unless_true(
        board.unitary_clause if board else None,
        ("board", "unitary_clause"),
        "The constitution does not say that the board meets as a unitary board, collectively "
        "accountable for the performance of the ICB's functions. NHS England's model requires "
        "this clause; add it and set board.unitary_clause: true.",
    )


@rule(
    code="ICB020",
    slug="partner-members-not-delegates",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 2.1.6 (closing sentence)", HWE_SECTION_2),
        secondary("GPonline (16 June 2021)", "report of the design framework", GPONLINE),
        secondary(
            "NHS Providers, Trust partner members: navigating the complexities of system working",
            "long read (2023)",
            "https://nhsproviders.org/resources/long-reads/"
            "trust-partner-members-navigating-the-complexities-of-system-working",
        ),
    ],
)
def partner_members_not_delegates(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Partner members must bring their sector's view without acting as its delegates.

    Requirement: Partner members contribute the knowledge and perspective of their sector,
    but do not act as delegates or representatives of that sector or of the bodies that
    nominated them, and share the board's collective accountability.
    Why: A partner member who votes on instructions from a trust or council would break the
    unitary board and raise conflicts of interest.
    Fix: Include the model's closing sentence of the partner-member clause and set
    `board.partner_members_not_delegates_clause: true`.
    Source: Secondary. The model constitution's clause 2.1.6 was read as reproduced in the
    Herts and West Essex ICB constitution, but the stored copy read this session stops just
    before the words on delegates; that part rests on the catalogue's reading of the same
    page and of GPonline's report of the design framework (partner members "not be acting as
    delegates"). nhse-policy [S], error. This is a presence-of-clause rule: it can only check
    that the clause is present. The catalogue's suggested text lint (flagging "representative
    of" beside partner seats) is left out, since a word heuristic should not ship at error.
    """
    board = doc.board
    yield from unless_true(
        board.partner_members_not_delegates_clause if board else None,
        ("board", "partner_members_not_delegates_clause"),
        "The constitution does not say that partner members bring their sector's knowledge "
        "and perspective without acting as delegates of their sector or nominating bodies. "
        "NHS England's model requires this; add the clause and set "
        "board.partner_members_not_delegates_clause: true.",
    )


class BoardSizeOptions(BaseModel):
    """Options of ICB021."""

    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)

    max_voting_members: int = 16
    """Report when the board has more voting members than this."""


@rule(
    code="ICB021",
    slug="board-size",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(
            DESIGN_FRAMEWORK, "Governance and management arrangements (p.19ff)", NHS_CONFED_DF
        ),
        secondary("HSJ (16 June 2021)", "report of the design framework", HSJ),
        secondary("GPonline (16 June 2021)", "report of the design framework", GPONLINE),
    ],
    options=BoardSizeOptions,
)
def board_size(doc: IcbConstitution, options: BoardSizeOptions) -> Iterator[Finding]:
    """A board with more voting members than the set limit may be too large to decide well.

    Requirement: ICBs may add executive, non-executive or other members above the minimum;
    the additions are part of the constitution, so NHS England must agree them. The board
    should stay small enough for effective decisions while reflecting its partners' views.
    Why: A large board is slower to reach decisions and blurs accountability; each added seat
    is also a variation NHS England has to approve.
    Fix: Check that every seat above the minimum of ten is needed, or invite people as
    participants (`board.participants`) rather than members. Raise the limit with the
    option `max_voting_members` (default 16) if a larger board is intended.
    Source: Secondary. The design framework (June 2021) was read only in the NHS
    Confederation's briefing and in HSJ's and GPonline's reports (catalogue, not re-read this
    session); guidance [S], so info. The limit of 16 is a tool default, not a number from
    any source.
    """
    voting = _voting_members(doc)
    if voting > options.max_voting_members:
        yield Finding(
            SEATS,
            f"The board has {voting} voting members, more than {options.max_voting_members}. "
            "NHS England lets ICBs add members above the minimum but expects the board to "
            "stay small enough for effective decisions. Check that each added seat is needed "
            "(others can attend as participants), and that NHS England has agreed it.",
        )


def _guest_names(guest: Participant) -> set[str]:
    """The ways a quorum rule might name a participant or observer, normalised."""
    title, organisation = guest.title, guest.organisation
    names = {title} | ({guest.id} if guest.id else set())
    if organisation:
        names |= {
            f"{title} {organisation}",
            f"{title} of {organisation}",
            f"{organisation} {title}",
        }
    return {seat_ref(name) for name in names}


@rule(
    code="ICB022",
    slug="participants-not-members",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        secondary(
            "The Health Foundation, Integrated care boards: what do they look like?",
            "section 'How have the new ICBs been set up?', paragraph 3 (non-voting participants)",
            HEALTH_FOUNDATION,
        ),
        secondary(
            "NHS Lancashire and South Cumbria ICB",
            "Board members page (participants)",
            "https://www.lancashireandsouthcumbria.icb.nhs.uk/about-us/board/board-members",
        ),
    ],
)
def participants_not_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Participants and observers at board meetings have no vote and do not make the quorum.

    Requirement: The board may invite regular participants or observers (for example
    Healthwatch or the voluntary sector), but they are not board members: they have no vote
    and do not count towards the quorum.
    Why: Only members appointed under the constitution carry the board's accountability; a
    vote or a quorum place for a guest would let decisions rest on people who are not
    accountable for them.
    Fix: Set `voting: false` (or leave it out) on every entry of `board.participants` and
    `board.observers`, and refer only to board seats in `standing_orders.quorum.required`.
    Source: Secondary. The Health Foundation's analysis of the 42 constitutions
    (non-voting "regular participants" and observers) and Lancashire and South Cumbria ICB's
    board page (participants hold no accountability and have no voting rights) were read
    this session; the quorum part is the catalogue's reading and was not found in those
    openings. Guidance [S], warning. A quorum entry is reported when its `seat` is not a
    board seat's id or title but names a participant or observer (by title, or title and
    organisation), or by its `id`.
    """
    board = doc.board
    if board is None:
        return
    guests: dict[str, str] = {}
    for group, label in (("participants", "participant"), ("observers", "observer")):
        entries: tuple[Participant, ...] = getattr(board, group)
        for index, guest in enumerate(entries):
            for name in _guest_names(guest):
                guests.setdefault(name, f'the {label} "{guest.title}"')
            if guest.voting:
                yield Finding(
                    ("board", group, index, "voting"),
                    f'The {label} "{guest.title}" is given a vote. Participants and observers are '
                    "not board members and cannot vote; set voting: false, or make the role a "
                    "board seat (which NHS England must approve).",
                )
    quorum = doc.standing_orders.quorum if doc.standing_orders else None
    if quorum is None:
        return
    members = {seat_ref(seat.id) for seat in board.seats}
    members |= {seat_ref(seat.title) for seat in board.seats if seat.title}
    for index, required in enumerate(quorum.required):
        if required.seat is None or seat_ref(required.seat) in members:
            continue
        guest_name = guests.get(seat_ref(required.seat))
        if guest_name:
            yield Finding(
                ("standing_orders", "quorum", "required", index, "seat"),
                f"The quorum requires {guest_name}, who is not a board member. Participants "
                "and observers do not count towards the quorum; require a board seat instead.",
            )


@rule(
    code="ICB023",
    slug="balance-of-perspectives",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(
            "NHS England model constitution guidance notes, as summarised by the Good "
            "Governance Institute (18 October 2021)",
            "section 'Model constitution', consideration 1 (balance of perspectives)",
            GGI,
        ),
    ],
)
def balance_of_perspectives(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should show how the board balances the area's perspectives.

    Requirement: In settling the board's make-up, ICBs should consider a balance of
    perspectives: every sector and type of provider in the area (acute, mental health,
    community, specialist), and how patients', carers' and the public's views are heard.
    Why: A board weighted towards one kind of provider will tend to decide in that sector's
    favour.
    Fix: Say in the composition section how the board's membership, participants and
    committees balance these perspectives, and set `board.balance_of_perspectives_clause:
    true`.
    Source: Secondary. The model constitution's guidance notes were not available; the
    Good Governance Institute's summary of them (18 October 2021) was read this session.
    Guidance [S], info. This is a presence-of-clause rule: it can only check that the
    constitution addresses the point, not whether the balance is right.
    """
    board = doc.board
    yield from unless_true(
        board.balance_of_perspectives_clause if board else None,
        ("board", "balance_of_perspectives_clause"),
        "The constitution does not say how the board balances the perspectives of the area's "
        "sectors and providers (acute, mental health, community, specialist) and of patients, "
        "carers and the public. NHS England's guidance asks ICBs to consider this; describe it "
        "and set board.balance_of_perspectives_clause: true.",
    )


@rule(
    code="ICB024",
    slug="partner-role-specifications",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(
            "NHS England, Interim guidance on the functions and governance of the integrated "
            "care board (updated 2022), as summarised by Capsticks (13 April 2022)",
            "section 'ICB membership', bullets 1 to 3",
            CAPSTICKS,
        ),
    ],
)
def partner_role_specifications(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Each partner member's seat should point to a role specification.

    Requirement: NHS England's guidance sets out what each partner member is expected to
    bring: the trust member their sector's view (engaging social enterprises that are major
    local providers too), the primary care member an understanding of primary care including
    dental, pharmacy and optometry, and the local authority member a senior officer's (or
    an elected member's) view.
    Why: The constitution cannot state everything a partner member should bring; a role
    specification records it, and nominating bodies need it to put forward suitable people.
    Fix: Set `role_spec_ref` on each partner seat to the role specification (for example in
    the governance handbook).
    Source: Secondary. NHS England's interim guidance (updated 2022) was read only in
    Capsticks' summary (13 April 2022), read this session. Guidance [S], info. This is a
    presence check: it can only see that a role specification is referred to, not what it
    says.
    """
    for index, seat in seats(doc):
        if (seat.category == "partner" or seat.partner_sector) and not seat.role_spec_ref:
            yield Finding(
                seat_loc(index, "role_spec_ref"),
                f"Partner seat {seat_name(seat)} does not refer to a role specification. NHS "
                "England's guidance describes what each partner member should bring to the "
                "board; record it in a role specification and set role_spec_ref.",
            )


@rule(
    code="ICB025",
    slug="board-skills-review",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[
        Citation(
            "Health and Care Bill 2021-22, House of Lords Report stage",
            "Government Amendment 31, 1 March 2022 (provision of the 2006 Act not verified)",
            HANSARD_1_MARCH_2022,
        ),
        secondary(
            "Hansard (Lords), 1 March 2022, Baroness Walmsley",
            "speech on Amendment 31",
            HANSARD_WALMSLEY,
        ),
        secondary(
            "Hansard (Lords), 1 March 2022, Lord Hunt of Kings Heath",
            "speech on Amendment 31",
            "https://parallelparliament.co.uk/mp/baroness-harding-of-winscombe/debate/Lords/"
            "2022-03-01/debates/1CBD4FA4-0922-4E2F-A727-1DE4FF5A8E45/HealthAndCareBill",
        ),
    ],
)
def board_skills_review(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB should keep its board's skills, knowledge and experience under review.

    Requirement: The Government's Lords amendment (Amendment 31, 2022) puts on the ICB a duty
    to keep under review the skills, knowledge and experience its board needs to carry out
    its functions effectively, and to act if the board lacks them.
    Why: Parliament chose a duty to review the board's skills over prescribing more seats;
    the constitution is where an ICB commits to doing it.
    Fix: Include a clause committing the ICB to review its board's skills, knowledge and
    experience and to act on gaps, and set `board.skills_review_clause: true`.
    Source: Secondary, and not verified as law. Only Bill-stage material was read: the Lords
    Report debate of 1 March 2022 (Baroness Walmsley quoting the amendment's words "in order
    for the board effectively to carry out its functions"; Lord Hunt quoting "lacks the
    necessary skills, knowledge and experience"). Searches this session for the enacted
    text (Schedule 1B, the 2006 Act, NHS England guidance) found nothing, so whether and
    where it is in the Act is not verified. Statute [U]: warning, marked unverified. This is
    a presence-of-clause rule: it can only check that the clause is present.
    """
    board = doc.board
    yield from unless_true(
        board.skills_review_clause if board else None,
        ("board", "skills_review_clause"),
        "Unverified requirement: the constitution does not commit the ICB to keep its board's "
        "skills, knowledge and experience under review and to act on any gap. A Government "
        "amendment to the Health and Care Bill (Lords Amendment 31, 2022) created this duty; "
        "where it sits in the Act has not been verified. Add the clause and set "
        "board.skills_review_clause: true.",
    )
