"""The board's composition (Schedule 1B paragraphs 3 and 8, and NHS England's model)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    PassedWithNote,
    Severity,
    Unknown,
)
from icslint.models.icb import IcbConstitution, NhseAgreement, Participant, Seat
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_MODEL,
    HWE_SECTION_2,
    NHS_ACT_2006,
    SCH_1B,
    SEATS,
    council_in_class,
    headcount,
    least_of,
    listed,
    normalise,
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

# Secondary sources of the board's composition.
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
# The Lords sitting of 1 March 2022 (Report stage), on Hansard.
HANSARD_1_MARCH_2022 = "https://hansard.parliament.uk/Lords/2022-03-01"
SI_2024_1205 = "https://beta.bailii.org/uk/legis/num_reg/2024/uksi_20241205_en_1.html"
HSJ_2025 = (
    "https://www.hsj.co.uk/london/icbs-can-scrap-chief-nurse-and-medic-says-nhse/7039765.article"
)

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 8: "eight", 9: "nine", 10: "ten"}

# Roles that are not ordinary members (Sch 1B para 3(2)).
LEADERS = ("chair", "chief_executive")


# --- counting members -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Members:
    """How many members some seats hold, as far as the document says (see `headcount`)."""

    least: int
    uncounted: tuple[int, ...]

    @property
    def exact(self) -> bool:
        return not self.uncounted


def _members(items: Iterable[tuple[int, Seat]]) -> _Members:
    """The headcount of these seats, where a chair or chief executive seat with no count is one
    member: the Schedule gives the board one of each, so its size is not in doubt."""
    pairs = list(items)
    leaders = sum(least_of(seat) for _, seat in pairs if seat.role in LEADERS)
    others = headcount((i, s) for i, s in pairs if s.role not in LEADERS)
    return _Members(leaders + others.least, others.uncounted)


def _seat_list(doc: IcbConstitution, indices: Iterable[int]) -> str:
    """'seat "X" (x)' or 'seats "X" (x) and "Y" (y)', for a message."""
    board_seats = doc.board.seats if doc.board else ()
    names = [seat_name(board_seats[i]) for i in indices]
    return f"seat{'s' if len(names) > 1 else ''} {listed(names)}"


def _no_count(doc: IcbConstitution, indices: tuple[int, ...], what: str, needed: str) -> str:
    """The message of a count the document does not give exactly; it prints no number of its
    own, only the least numbers the document gives ("at least 1")."""
    board_seats = doc.board.seats if doc.board else ()
    names = []
    for i in indices:
        count = board_seats[i].count
        least = f" ({count})" if count is not None and count.least is not None else ""
        names.append(f"{seat_name(board_seats[i])}{least}")
    which = f"seat{'s' if len(names) > 1 else ''} {listed(names)}"
    return (
        f"The constitution does not say exactly how many {what} sit in {which}, so it cannot "
        f"be shown that the board has {needed}. Give "
        f"{'each seat' if len(indices) > 1 else 'the seat'} its number of members in count."
    )


def _has_seats(doc: IcbConstitution) -> bool:
    return doc.board is not None and bool(doc.board.seats)


@rule(
    code="ICB010",
    slug="board-minimum-membership",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    citations=[sch1b("3(1)")],
)
def board_minimum_membership(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must have a chair, a chief executive and at least three ordinary members.

    Requirement: The board is made up of one chair, one chief executive and at least three
    further members (the ordinary members).
    Provision: Schedule 1B paragraph 3(1): "The constitution must provide for the integrated
    care board to consist of— (a) a chair ..., (b) a chief executive ..., and (c) at least
    three other members". The constitution itself must provide for this membership, so a
    constitution that leaves it out is in breach.
    Why: This is the statutory minimum; a board without it is not lawfully constituted.
    Fix: Give exactly one seat `role: chair`, exactly one `role: chief_executive`, and seats
    with `role: ordinary` that hold three or more members. Where a seat holds more than one
    member (for example "two non-executive members"), give it a `count`; where the ordinary
    seats are fewer than three, the rule needs their counts to tell whether the board has
    three ordinary members, and says so.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 3(1)).
    A seat with no role is counted as an ordinary member here, since under paragraph 3(2)
    every member other than the chair and the chief executive is one (ICB011 asks for the
    role).
    """
    if not _has_seats(doc):
        yield Missing(
            SEATS,
            "The constitution must provide for the board to consist of a chair, a chief "
            "executive and at least three other members (Schedule 1B paragraph 3(1)); it sets "
            "out no board members. Add the seats under board.seats.",
        )
        return
    for role, label in (("chair", "chair"), ("chief_executive", "chief executive")):
        found = seats_with_role(doc, role)
        if not found:
            yield Missing(
                SEATS,
                f"The constitution must provide for the board to have a {label} (Schedule 1B "
                f"paragraph 3(1)); no seat has role: {role}. Add one.",
            )
        elif len(found) > 1:
            yield Contradiction(
                seat_loc(found[1][0], "role"),
                f"The constitution provides for more than one {label}: "
                f"{_seat_list(doc, (i for i, _ in found))} have role: {role}. The board "
                f"has one {label}; give the other seats their own role.",
            )
        elif least_of(found[0][1]) > 1:
            index, seat = found[0]
            yield Contradiction(
                seat_loc(index, "count"),
                f"Seat {seat_name(seat)} is the {label} with count: {seat.count}. The board "
                f"has one {label}; leave count out or set it to 1.",
            )
    # Every member other than the chair and the chief executive is an ordinary member (para
    # 3(2)), so a seat that gives no role counts as one.
    ordinary = [(i, s) for i, s in seats(doc) if s.role in ("ordinary", None)]
    if not ordinary:
        yield Missing(
            SEATS,
            "The constitution must provide for at least three ordinary members besides the "
            "chair and the chief executive (Schedule 1B paragraph 3(1)); it provides for none. "
            "Add seats with role: ordinary.",
        )
        return
    count = headcount(ordinary)
    if count.least >= 3:
        return
    if count.exact:
        yield Contradiction(
            SEATS,
            f"The constitution provides for {count.least} ordinary member"
            f"{'s' if count.least != 1 else ''} besides the chair and the chief executive; "
            "Schedule 1B paragraph 3(1) requires at least three. Add seats with role: "
            "ordinary, or correct their count.",
        )
    else:
        yield Unknown(
            SEATS,
            _no_count(
                doc,
                count.uncounted,
                "ordinary members",
                "the three ordinary members that Schedule 1B paragraph 3(1) requires",
            ),
        )


# A definition that mentions the chair or chief executive only to exclude them is right.
_EXCLUDES = re.compile(r"\b(other than|except|excluding|apart from|not|besides)\b", re.I)
_LEADER_WORDS = re.compile(r"\b(chair|chief executive)\b", re.I)


@rule(
    code="ICB011",
    slug="ordinary-member-term",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[sch1b("3(2)")],
)
def ordinary_member_term(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every member other than the chair and chief executive is an ordinary member.

    Requirement: In Schedule 1B every board member other than the chair and the chief
    executive is an "ordinary member", and the constitution should use the term the same way.
    Provision: Schedule 1B paragraph 3(2): "In this Part of this Schedule a reference to an
    'ordinary member' is to a member other than the chair or chief executive." This defines a
    term of the Schedule; it does not require the constitution to say anything, so a seat
    whose role the document does not give is "not stated", while a definition that puts the
    chair or the chief executive among the ordinary members is a breach.
    Why: The Schedule's rules on appointing ordinary members (paragraph 8) apply to exactly
    these seats; a definition that sweeps in the chair leaves it unclear which rules govern a
    member.
    Fix: Give every seat a role (chair, chief_executive or ordinary). If the definitions
    define "Ordinary Member", make it exclude the chair and the chief executive.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 3(2)).
    The definition check is a text heuristic: it looks for the words "chair" or "chief
    executive" without "other than", "except" or similar.
    """
    for index, seat in seats(doc):
        if seat.role is None:
            yield Missing(
                seat_loc(index, "role"),
                f"The constitution does not say whether seat {seat_name(seat)} is the chair, "
                "the chief executive or an ordinary member; under Schedule 1B every member "
                "other than the chair and the chief executive is an ordinary member. Add "
                "role: ordinary (or chair, chief_executive).",
            )
    for term, text in doc.definitions.items():
        defines_ordinary = re.sub(r"[\s_-]+", " ", term.lower()).strip().rstrip("s") == (
            "ordinary member"
        )
        if defines_ordinary and _LEADER_WORDS.search(text) and not _EXCLUDES.search(text):
            yield Contradiction(
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


# NHS England may agree that an ICB leaves the medical director or director of nursing off the
# board (meta.nhse_agreements); the departure that covers each role.
_DEPARTURES = {
    "medical": "medical_director_not_on_board",
    "nursing": "director_of_nursing_not_on_board",
}


def _agreement(doc: IcbConstitution, role: str) -> NhseAgreement | None:
    """NHS England's recorded agreement that this executive role need not be on the board."""
    departure = _DEPARTURES.get(role)
    agreements = doc.meta.nhse_agreements if doc.meta is not None else ()
    return next((a for a in agreements if departure and a.departure == departure), None)


def _agreement_note(label: str, agreement: NhseAgreement) -> str:
    """The note of a pass that rests on NHS England's agreement: what, when and its reference."""
    when = f" {agreement.agreed_on.when()}" if agreement.agreed_on is not None else ""
    reference = f" ({agreement.reference})" if agreement.reference else ""
    if not when and not reference:
        return (
            f"The {label} is not a board member, and NHS England's agreement to this is "
            "recorded without date or reference (meta.nhse_agreements); add agreed_on and "
            "reference so that the agreement can be checked."
        )
    return (
        f"The {label} is not a board member: NHS England agreed to this departure from its "
        f"model{when}{reference}."
    )


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
    requires="content",
    citations=[
        secondary(HWE_MODEL, "clause 2.1.5(a)", HWE_SECTION_2),
        secondary(
            DESIGN_FRAMEWORK, "Governance and management arrangements (p.19ff)", NHS_CONFED_DF
        ),
        secondary(
            "HSJ, ICBs can scrap chief nurse and medic, says NHSE (2025)",
            "NHS England's statement on board composition (changes to the model need NHS "
            "England's agreement)",
            HSJ_2025,
        ),
    ],
)
def executive_members(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | PassedWithNote]:
    """The board must have a director of finance, a medical director and a director of nursing.

    Requirement: On top of the statutory minimum, NHS England policy requires three executive
    ordinary members: a director of finance (often called the chief finance officer), a
    medical director and a director of nursing.
    Provision: Model constitution clause 2.1.5(a): "NHS England Policy requires the ICB to
    appoint the following additional Ordinary Members: three Executive Members, namely:
    Director of Finance ..., Medical Director, Director of Nursing". This is board composition
    NHS England requires the constitution to specify: the constitution must provide for these
    members, so a constitution that leaves one out is in breach.
    In 2025 NHS England said it is for each ICB to decide which roles it needs at board level,
    while changes to the model constitution still need its agreement: where the document
    records NHS England's agreement that the medical director or the director of nursing is
    not on the board (`meta.nhse_agreements`), that role is not reported as missing and the
    rule passes with a note giving the agreement's date and reference.
    Why: NHS England will not approve a constitution without these executive seats, unless it
    has agreed to leave one off; they give the board its financial, medical and nursing
    leadership.
    Fix: Add a seat with `category: executive`, `role: ordinary` and `executive_role:
    finance` (then `medical`, `nursing`). A seat without `executive_role` is recognised by
    its title ("Chief Finance Officer", "Medical Director", "Chief Nursing Officer" and
    similar). If NHS England has agreed that the medical director or the director of nursing
    is not a board member, record it under `meta.nhse_agreements` with `departure:
    medical_director_not_on_board` (or `director_of_nursing_not_on_board`), `agreed_on` and
    `reference`, and list the post under `board.participants` if it attends.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 2.1.5(a)); NHS England's own model text was not available. The
    design framework (June 2021) is known only from the NHS Confederation's summary of it.
    NHS England's 2025 position is from HSJ's report "ICBs can scrap chief nurse and medic,
    says NHSE": NHS England told HSJ it was "for each ICB to determine which specific roles
    they require at board level" and that it "will not be further prescribing ICB board size
    and composition", while systems were told that changes to the model constitution (which
    requires the finance, nursing and medical directors) "will need NHSE agreement". NHS
    England's own statement was not read; the copy of the report read shows no date, and
    2025 is taken from its references to NHS England's guidance "from a year ago" and to the
    model ICB blueprint. The rule cannot check the agreement itself, only that the document
    records it.
    """
    if not _has_seats(doc):
        yield Missing(
            SEATS,
            "The constitution must provide for three executive members besides the chief "
            "executive: a director of finance, a medical director and a director of nursing "
            "(NHS England policy, model clause 2.1.5); it sets out no board members. Add the "
            "seats under board.seats.",
        )
        return
    for role, label in _EXECUTIVE_LABELS.items():
        found = [
            (index, seat)
            for index, seat in seats(doc)
            if seat.role not in LEADERS and _executive_role(seat) == role
        ]
        if any(seat.category == "executive" for _, seat in found):
            continue
        for index, seat in found:
            if seat.category is None:
                yield Missing(
                    seat_loc(index, "category"),
                    f"Seat {seat_name(seat)} is the {label}, but the constitution does not say "
                    f"it is an executive member. NHS England policy requires the {label} to "
                    "be an executive member of the board; set category: executive.",
                )
            else:
                yield Contradiction(
                    seat_loc(index, "category"),
                    f"Seat {seat_name(seat)} is the {label} but its category is "
                    f"{seat.category}. NHS England policy requires the {label} to be an "
                    "executive member of the board. Set category: executive.",
                )
        agreement = _agreement(doc, role)
        if not found and agreement is not None:
            yield PassedWithNote(_agreement_note(label, agreement))
        elif not found:
            yield Missing(
                SEATS,
                f"The constitution must provide for a {label} on the board; it does not. NHS "
                "England policy requires three executive members besides the chief executive: "
                "a director of finance, a medical director and a director of nursing. Add a "
                f"seat with category: executive, role: ordinary and executive_role: {role}.",
            )


@rule(
    code="ICB013",
    slug="non-executive-members",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="content",
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
    Provision: Model constitution clause 2.1.5(b): "NHS England Policy requires the ICB to
    appoint the following additional Ordinary Members: ... At least two non-executive
    members." This is board composition NHS England requires the constitution to specify:
    the constitution must provide for them, so a constitution that does not is in breach.
    Why: Two non-executive members is the least that lets independent members chair the
    audit and remuneration committees.
    Fix: Add seats with `category: non_executive` and `role: ordinary`, or give the
    non-executive seat a `count` of 2 or more. Where one seat stands for several members
    ("Non-executive members") the rule needs its `count` to see that there are two.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 2.1.5(b)); NHS England's own model text was not available. The
    NHS Confederation's webinar FAQ (November 2021) also gives a minimum of two NEDs per
    board. The chair is not counted, even where its category is non_executive; seats with no
    role are counted (ICB011 asks for the role).
    """
    if not _has_seats(doc):
        yield Missing(
            SEATS,
            "The constitution must provide for at least two non-executive members besides the "
            "chair (NHS England policy, model clause 2.1.5); it sets out no board members. Add "
            "the seats under board.seats.",
        )
        return
    found = [
        (index, seat)
        for index, seat in seats(doc)
        if seat.category == "non_executive" and seat.role not in LEADERS
    ]
    count = headcount(found)
    if count.least >= 2:
        return
    if not found:
        yield Missing(
            SEATS,
            "The constitution must provide for at least two non-executive members besides the "
            "chair; it provides for none. NHS England policy requires them, so that independent "
            "members can chair the audit and remuneration committees. Add seats with "
            "category: non_executive and role: ordinary.",
        )
    elif count.exact:
        yield Contradiction(
            SEATS,
            "Besides the chair, the constitution provides for one non-executive member. NHS "
            "England policy requires at least two, so that independent members can chair the "
            "audit and remuneration committees. Add a seat with category: non_executive and "
            "role: ordinary, or raise the count.",
        )
    else:
        yield Unknown(
            SEATS,
            _no_count(
                doc,
                count.uncounted,
                "non-executive members",
                "the two non-executive members besides the chair that NHS England policy requires",
            ),
        )


# --- joint nomination (Schedule 1B paragraph 8) -------------------------------------------------
# For each partner sector at least one ordinary member is nominated jointly by the whole class:
# the trusts providing services in the area, the providers of primary medical services there,
# or the councils for the area. Further members of a sector may be nominated otherwise, so a
# sector passes as soon as one seat is nominated by the whole class; until one is, every seat
# of the sector says why it is not. All text is compared after `normalise` (lower case, no
# punctuation, no "the").


@dataclass(frozen=True)
class _Sector:
    key: str
    label: str
    """The class in a few words: "NHS trusts and foundation trusts"."""
    whole: str
    """The class as the Schedule and the model describe it."""
    members: str
    """What the document's list of the class is a list of, for a message."""
    list_fix: str
    """How to list the class, where the document does not; empty where the model has no list."""
    example: str
    """Words for nominated_by that name the whole class."""
    words: re.Pattern[str]
    """Words that name the class as a whole."""
    any_body: re.Pattern[str]
    """Words that name a body of this sector, one or several (outside the class of another)."""


_TRUSTS = _Sector(
    key="nhs_trust_ft",
    label="NHS trusts and foundation trusts",
    whole="the NHS trusts and foundation trusts that provide services in the ICB's area",
    members="the trusts that provide services in the area",
    list_fix="List the trusts in partner_trusts",
    example="The NHS trusts and foundation trusts that provide services in the area, jointly",
    words=re.compile(r"\btrusts\b"),
    any_body=re.compile(r"\btrusts?\b"),
)
_PRIMARY_CARE = _Sector(
    key="primary_medical_services",
    label="providers of primary medical services",
    whole="the providers of primary medical services in the ICB's area",
    members="the providers of primary medical services in the area",
    list_fix="",
    example="The providers of primary medical services in the area, jointly",
    words=re.compile(
        r"\b(primary medical services?|general practices?|gp practices|gp surgeries|"
        r"gp providers|gps|practices)\b"
    ),
    any_body=re.compile(
        r"\b(primary medical services?|general practices?|gp practices?|gp surger(y|ies)|"
        r"gps?|practices)\b"
    ),
)
_COUNCILS = _Sector(
    key="local_authority",
    label="local authorities",
    whole=(
        "the local authorities responsible for social care whose areas coincide with or "
        "include the whole or part of the ICB's area"
    ),
    members="the councils responsible for social care in the area",
    list_fix=(
        "Record in local_authorities which councils are responsible for social care "
        "(social_care_responsible, or their type)"
    ),
    example=(
        "The local authorities whose areas coincide with or include the whole or part of the "
        "area, jointly"
    ),
    words=re.compile(r"\b(local authorities|councils)\b"),
    any_body=re.compile(r"\b(local authorit(y|ies)|councils?)\b"),
)
_SECTORS = (_TRUSTS, _PRIMARY_CARE, _COUNCILS)

# Bodies that are never one of the nominating classes.
_OUTSIDE = re.compile(
    r"\b(local medical committees?|lmcs?|integrated care board|icb|board|chair|chief executive|"
    r"nhs england|secretary of state|healthwatch|primary care networks?|pcns?|federations?)\b"
)
# "within the ICB's area", "the area of NHS Severnmoor ICB": the ICB named only for its area.
_ICB_AREA = re.compile(
    r"\b(area of( \w+){0,4}? (icb|integrated care board|board)|"
    r"(icb|integrated care board|board)( s)? area)\b"
)
# Words that make a list of named bodies an example of the class, not the whole of it.
_NOT_EXHAUSTIVE = re.compile(r"\b(including|includes|such as|for example|e g|eg)\b")


def _class_of(doc: IcbConstitution, sector: _Sector) -> tuple[list[str], list[str]]:
    """The class as the document lists it, and the bodies it lists that are outside it."""
    if sector is _TRUSTS:
        return list(doc.partner_trusts), []
    if sector is _COUNCILS:
        inside = [c.name for c in doc.local_authorities if council_in_class(c) is True]
        outside = [c.name for c in doc.local_authorities if council_in_class(c) is False]
        return inside, outside
    return [], []


def _found_at(name: str, text: str) -> int | None:
    """Where a body's name stands in normalised text, if it does."""
    match = re.search(rf"\b{re.escape(normalise(name))}\b", text)
    return match.start() if match else None


@dataclass(frozen=True)
class _Nomination:
    """What a seat says about who nominates it."""

    kind: str
    """whole (the whole class), none (nothing said), outside (a body outside the class), some
    (named members of the class, not all), mixed (a body outside the class named before the
    class), unlisted (named bodies, but the document does not list the class) or unclear
    (words icslint cannot place)."""
    nominator: str = ""
    """The nominating bodies as the document names them."""
    several: bool = False
    """Whether the document names more than one nominating body."""
    left_out: tuple[str, ...] = ()
    """Members of the class, as the document lists them, that take no part."""


def _compare(members: list[str], named: list[str]) -> _Nomination:
    left_out = tuple(m for m in members if m not in named)
    if not left_out:
        return _Nomination("whole")
    return _Nomination("some", listed(named), several=len(named) > 1, left_out=left_out)


# "Appointed by the Chief Executive following joint nomination by the trusts": only the words
# after "nominated by" name the nominator, and an approver or appointer named after them does
# not nominate.
_NOMINATED_BY = re.compile(r"\b(nominat\w*|put forward)( \w+){0,2}? (by|from)\b")
_APPROVAL = re.compile(
    r"\b((with|subject to)( \w+){0,2}? (approval|agreement|consent)|"
    r"(appointed|approved|ratified|confirmed|appointment) by|for appointment)\b.*$"
)


def _nominator_words(text: str) -> str:
    """The part of normalised nominated_by text that names the nominator."""
    found = list(_NOMINATED_BY.finditer(text))
    if found:
        text = text[found[-1].end() :]
    return _APPROVAL.sub(" ", text)


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """The text with the pattern's matches blanked out, every other word where it was."""
    return pattern.sub(lambda match: " " * len(match.group()), text)


def _is_outside(text: str, sector: _Sector, outsiders: list[str]) -> int | None:
    """Where the first body outside the class is named in normalised text, if one is."""
    text = _blank(_ICB_AREA, text)
    any_sector = [each.any_body for each in _SECTORS]
    places = [
        match.start()
        for match in _OUTSIDE.finditer(text)
        # "the NHS trust chief executives": officers of the class's own bodies, or of another
        # sector's, are not the ICB's.
        if match.group() not in ("chair", "chief executive")
        or not any(p.search(" ".join(text[: match.start()].split()[-3:])) for p in any_sector)
    ][:1]
    places += [
        m.start()
        for other in _SECTORS
        if other is not sector
        for m in [other.any_body.search(text)]
        if m
    ]
    places += [at for name in outsiders if (at := _found_at(name, text)) is not None]
    return min(places, default=None)


def _nomination(
    seat: Seat, sector: _Sector, members: list[str], outsiders: list[str]
) -> _Nomination:
    """Who the document says nominates this seat, placed against the class it lists."""
    fallback = "unlisted" if sector.list_fix and not members else "unclear"
    if seat.nominating_bodies:
        keys = {normalise(body) for body in seat.nominating_bodies}
        named = [m for m in members if normalise(m) in keys]
        if named:
            return _compare(members, named)
        nominator = listed(list(seat.nominating_bodies))
        if all(
            _is_outside(normalise(body), sector, outsiders) is not None
            for body in seat.nominating_bodies
        ):
            return _Nomination("outside", nominator)
        return _Nomination(fallback, nominator)
    if not seat.nominated_by:
        return _Nomination("none")
    text = _nominator_words(normalise(seat.nominated_by))
    own = sector.words.search(_blank(_ICB_AREA, text))
    places = {m: at for m in members if (at := _found_at(m, text)) is not None}
    first_own = min([*places.values(), *([own.start()] if own else [])], default=None)
    outside = _is_outside(text, sector, outsiders)
    quoted = f'"{seat.nominated_by}"'
    if outside is not None and first_own is None:
        return _Nomination("outside", quoted)
    # Named before the class ("the Local Medical Committee, on behalf of the practices"), a body
    # outside it probably nominates, but the words allow a joint nomination it only organises:
    # not stated, never a breach.
    if outside is not None and first_own is not None and outside < first_own:
        return _Nomination("mixed", quoted)
    if places and not (own and _NOT_EXHAUSTIVE.search(text)):
        return _compare(members, [m for m in members if m in places])
    if own:
        return _Nomination("whole")
    return _Nomination(fallback, quoted)


def _nomination_loc(index: int, seat: Seat) -> tuple[str | int, ...]:
    return seat_loc(index, "nominating_bodies" if seat.nominating_bodies else "nominated_by")


def _joint_nomination(doc: IcbConstitution, sector: _Sector) -> Iterator[Finding]:
    """The shared check of ICB014-ICB016: a member nominated jointly by the whole class."""
    requirement = (
        f"The constitution must provide for at least one ordinary member nominated jointly by "
        f"{sector.whole} (Schedule 1B paragraph 8)"
    )
    found = [(i, s) for i, s in seats(doc) if s.partner_sector == sector.key]
    if not found:
        unplaced = [i for i, s in seats(doc) if s.category == "partner" and not s.partner_sector]
        if unplaced:
            one = len(unplaced) == 1
            unplaced_seats = _seat_list(doc, unplaced)
            opening = unplaced_seats[0].upper() + unplaced_seats[1:]
            message = (
                f"{requirement}; no seat says it is. {opening} "
                f"{'is a partner seat' if one else 'are partner seats'}, but the constitution "
                f"does not say which sector nominates {'it' if one else 'them'}: set "
                f'partner_sector, and nominated_by: "{sector.example}".'
            )
        else:
            message = (
                f"{requirement}; it does not. Add a seat with role: ordinary, category: "
                f"partner, partner_sector: {sector.key} and nominated_by: "
                f'"{sector.example}".'
            )
        yield Missing(SEATS, message)
        return
    members, outsiders = _class_of(doc, sector)
    placed: list[tuple[int, Seat, _Nomination]] = []
    for index, seat in found:
        if seat.role in LEADERS:
            yield Contradiction(
                seat_loc(index, "role"),
                f"Seat {seat_name(seat)} is marked as nominated by the {sector.label} "
                f"(partner_sector: {sector.key}) but its role is {seat.role}. The member they "
                "nominate is an ordinary member, not the chair or the chief executive "
                "(Schedule 1B paragraph 3(2) and paragraph 8). Set role: ordinary, or remove "
                "partner_sector.",
            )
            continue
        placed.append((index, seat, _nomination(seat, sector, members, outsiders)))
    if not placed or any(n.kind == "whole" for _, _, n in placed):
        return
    # A seat whose nominators cannot be placed may be the joint nomination: until it is known,
    # no other seat of the sector is shown to be wrong.
    doubtful = [(i, s, n) for i, s, n in placed if n.kind in ("unlisted", "unclear", "mixed")]
    for index, seat, nomination in doubtful:
        if nomination.kind == "unlisted":
            message = (
                f"Seat {seat_name(seat)} is nominated by {nomination.nominator}, but the "
                f"constitution does not list {sector.members}, so it cannot be "
                "told whether the nomination is made by all of them jointly. "
                f'{sector.list_fix}, or word nominated_by as "{sector.example}".'
            )
        elif nomination.kind == "mixed":
            message = (
                f"Seat {seat_name(seat)} is nominated by {nomination.nominator}, words that "
                f"name a body outside {sector.whole} before naming them, so it cannot be told "
                f"whether the member is nominated jointly by them all. {requirement}. If they "
                f'nominate jointly, word nominated_by as "{sector.example}".'
            )
        else:
            message = (
                f"Seat {seat_name(seat)} is nominated by {nomination.nominator}; icslint cannot "
                f"tell from these words whether the member is nominated jointly by "
                f"{sector.whole}. {requirement}. Word nominated_by as "
                f'"{sector.example}", or name the bodies in nominating_bodies as the '
                "constitution lists them."
            )
        yield Unknown(_nomination_loc(index, seat), message)
    if doubtful:
        return
    for index, seat, nomination in placed:
        loc = _nomination_loc(index, seat)
        if nomination.kind == "none":
            yield Missing(
                loc,
                f"The constitution does not say who nominates seat {seat_name(seat)}, and no "
                f"seat for the {sector.label} is nominated by them jointly. {requirement}. "
                f'Add nominated_by: "{sector.example}".',
            )
        elif nomination.kind == "outside":
            yield Contradiction(
                loc,
                f"Seat {seat_name(seat)} is nominated by {nomination.nominator}, a nominator not "
                f"among {sector.whole}, and no seat for the {sector.label} is nominated by them "
                f"jointly. {requirement}; a body outside that group cannot make the "
                f'nomination. Set nominated_by: "{sector.example}".',
            )
        else:
            left_out = list(nomination.left_out)
            alone = "only" if nomination.several else "alone"
            yield Contradiction(
                loc,
                f"Seat {seat_name(seat)} is nominated by {nomination.nominator} {alone}: "
                f"{listed(left_out)}, which the constitution lists among "
                f"{sector.members}, {'takes' if len(left_out) == 1 else 'take'} "
                f"no part, and no seat for the {sector.label} is nominated by all of them "
                f"jointly. {requirement}. Name them all, or word nominated_by as "
                f'"{sector.example}".',
            )


# The words of paragraph 8 after 8(1)(a) were not available; these are its known parts.
_PARA_8_CITATION = Citation(
    NHS_ACT_2006,
    "Schedule 1B, paragraph 8 (sub-paragraph letter not verified)",
    f"{SCH_1B}/paragraph/8",
)


@rule(
    code="ICB014",
    slug="partner-member-trusts",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    citations=[
        sch1b("8(2)(a)"),
        secondary(
            "Health and Care Act 2022 (Further Consequential Amendments) Regulations 2024 "
            "(SI 2024/1205)",
            "regulation 2(3), which refers to the member mentioned in Sch 1B paragraph 8(2)(a)",
            SI_2024_1205,
        ),
        secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2),
    ],
)
def partner_member_trusts(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A partner member nominated jointly by the area's NHS trusts and foundation trusts.

    Requirement: At least one ordinary member must be nominated jointly by the NHS trusts and
    NHS foundation trusts that provide services in the ICB's area and are of a prescribed
    description: by all of them together, not by one trust or by a body outside that group.
    Further members for the sector may be nominated in other ways.
    Provision: Schedule 1B paragraph 8(1) opens "The constitution must—", and paragraph
    8(2)(a) is the member nominated by the trusts (SI 2024/1205 regulation 2(3) refers to "the
    member mentioned in paragraph 8(2)(a)"); the model constitution, clause 2.1.6, gives the
    substance: partner members "nominated by ... NHS trusts and foundation trusts that provide
    services within the ICB's area and are of a prescribed description". The constitution
    itself must provide for this member, so a constitution that does not is in breach.
    Why: Partner members bring the providers' knowledge to the board. A seat that one trust
    fills for itself, while the constitution lists several trusts in the area, gives the
    others no say in the member the Schedule gives them together.
    Fix: Add a seat with `role: ordinary`, `category: partner`, `partner_sector:
    nhs_trust_ft` and `nominated_by: The NHS trusts and foundation trusts that provide
    services in the area, jointly`. If the constitution names the nominating trusts one by
    one (in `nominated_by` or `nominating_bodies`), they are compared with `partner_trusts`,
    and every listed trust must take part.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 2.1.6); NHS England's own model text was not available. The
    paragraph number was read in SI 2024/1205 regulation 2(3) on BAILII; the words of
    paragraph 8 after 8(1)(a) were not available. This is a text check on the words after
    "nominated by": wording that names the trusts as a group ("the NHS trusts and foundation
    trusts in the area, jointly") is taken as the whole group; a nominator that is not a
    trust (the ICB, its chair, a committee), named without the trusts, is a body outside it;
    words that name such a body before the trusts, or that the check cannot place, are
    reported as not stated, never as a breach.
    """
    yield from _joint_nomination(doc, _TRUSTS)


@rule(
    code="ICB015",
    slug="partner-member-primary-care",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    citations=[_PARA_8_CITATION, secondary(HWE_MODEL, "clause 2.1.6", HWE_SECTION_2)],
)
def partner_member_primary_care(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A partner member nominated jointly by the area's primary medical services providers.

    Requirement: At least one ordinary member must be nominated jointly by the providers of
    primary medical services (general practice) in the ICB's area that are of a prescribed
    description: by the providers themselves, not by a local medical committee, a GP
    federation or the ICB. Further members for the sector may be nominated in other ways.
    Provision: Schedule 1B paragraph 8(1) opens "The constitution must—"; the sub-paragraph on
    this member was not available, and the model constitution, clause 2.1.6, gives the
    substance: partner members "nominated by ... the primary medical services (general
    practice) providers within the area of the ICB and are of a prescribed description". The
    constitution itself must provide for this member, so a constitution that does not is in
    breach.
    Why: General practice must have a voice on the board through a member its providers
    choose together; a local medical committee represents GPs but is not a provider of
    primary medical services.
    Fix: Add a seat with `role: ordinary`, `category: partner`, `partner_sector:
    primary_medical_services` and `nominated_by: The providers of primary medical services in
    the area, jointly`.
    Source: Secondary. From the constitution of NHS Hertfordshire and West Essex ICB, which
    follows NHS England's model (clause 2.1.6); NHS England's own model text was not
    available, nor the words of paragraph 8 after 8(1)(a), so the sub-paragraph letter is not
    verified. This is a text check on the words after "nominated by": wording that names the
    providers as a group ("the providers of primary medical services", "the GP practices in
    the area") is taken as the whole group; a nominator that is not a provider (a local
    medical committee, a primary care network, a federation, the ICB), named without the
    providers, is a body outside it; words that name such a body before the providers ("the
    Local Medical Committee on behalf of the practices"), or that the check cannot place,
    are reported as not stated, never as a breach.
    """
    yield from _joint_nomination(doc, _PRIMARY_CARE)


@rule(
    code="ICB016",
    slug="partner-member-local-authorities",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="content",
    until="health-bill-2026-mayoral-member",
    citations=[
        _PARA_8_CITATION,
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
    authorities whose areas coincide with, or include all or part of, the ICB's area (in the
    model, those responsible for social care): by all of them together. Further members for
    the sector may be nominated in other ways.
    Provision: Schedule 1B paragraph 8(1) opens "The constitution must—"; the sub-paragraph on
    this member was not available, and the model constitution, clause 2.1.6, gives the
    substance: partner members "nominated by ... the local authorities that are responsible
    for providing social care and whose area coincides with or includes the whole or any part
    of the ICB's area". The constitution itself must provide for this member, so a
    constitution that does not is in breach.
    Why: Local government, and through it social care, must have a member on the board whom
    every council for the area has a say in.
    Fix: Add a seat with `role: ordinary`, `category: partner`, `partner_sector:
    local_authority` and `nominated_by` naming the councils jointly, or list them in
    `nominating_bodies`. Named councils are compared with the councils in
    `local_authorities` that are responsible for social care (`social_care_responsible:
    true`, or a county, unitary, metropolitan district, London borough, City of London or
    Isles of Scilly council); every one of them must take part. A council whose
    responsibility the document does not give is neither required nor reported.
    Source: Secondary. From the constitution of NHS Hertfordshire and West Essex ICB, which
    follows NHS England's model (clause 2.1.6), and DHSC's written answer HL6183 (23 February
    2022); NHS England's own model text was not available, nor the words of paragraph 8
    after 8(1)(a), so the sub-paragraph letter is not verified. Councils named that are not
    among those responsible for social care are ICB070's concern.
    """
    yield from _joint_nomination(doc, _COUNCILS)


@rule(
    code="ICB017",
    slug="mental-health-expertise",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    requires="conduct",
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
    for the prevention, diagnosis and treatment of mental illness; NHS England's guidance has
    the chair secure this when approving ordinary members.
    Provision: The words of the Act were not available. DHSC's written answer HL9462 (22 July
    2025) says the Health and Care Act 2022 requires one ordinary member with this knowledge
    and experience, and that the chair uses the approval of ordinary members to secure it: a
    requirement on the board's make-up and the chair's appointments, which the constitution
    need not repeat. A constitution that is silent on it is "not stated"; one that says no
    such member is required is a breach.
    Why: Parliament added this so that mental health has parity of voice on every board.
    Fix: Include the clause and set `board.mh_expertise_clause: true`, or mark the ordinary
    seat that must be filled by such a person with `mental_health_expertise: true`.
    Source: Secondary. The paragraph of Schedule 1B was not read, so its sub-paragraph is not
    verified; from DHSC's written answer HL9462 (22 July 2025), and Capsticks (13 April 2022),
    which quotes the statutory phrase.
    """
    board = doc.board
    seat_ok = any(s.mental_health_expertise and s.role in ("ordinary", None) for _, s in seats(doc))
    if seat_ok:
        return
    yield from unless_true(
        board.mh_expertise_clause if board else None,
        ("board", "mh_expertise_clause"),
        "The constitution does not say that at least one ordinary member has knowledge and "
        "experience of services for the prevention, diagnosis and treatment of mental "
        "illness; the Act requires the board to have one. If it does, "
        "set board.mh_expertise_clause: true, or mark the seat with mental_health_expertise: "
        "true.",
        contradicted=(
            "The constitution says the board need not include an ordinary member with "
            "knowledge and experience of mental health services (board.mh_expertise_clause: "
            "false), and no ordinary seat is marked with mental_health_expertise. The Act "
            "requires the board to have one; provide for it, or mark the seat."
        ),
    )


@rule(
    code="ICB018",
    slug="board-minimum-ten",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="content",
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
def board_minimum_ten(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | PassedWithNote]:
    """The board must have at least ten voting members under NHS England policy.

    Requirement: Statute and NHS England policy together give a floor of ten members: the
    chair, the chief executive, three executive members, two non-executive members and three
    partner members.
    Provision: Model constitution clauses 2.1.3 (paragraph 3 of Schedule 1B: a chair, a chief
    executive and at least three ordinary members), 2.1.5 ("NHS England Policy requires the
    ICB to appoint the following additional Ordinary Members": three executive and at least
    two non-executive members) and 2.1.6 (at least three partner members). This is board
    composition NHS England requires the constitution to specify: the constitution must
    provide for these members, so a constitution that does not is in breach.
    Why: A board below ten cannot hold all the seats the Schedule and NHS England require;
    NHS England would not approve it.
    Where the document records NHS England's agreement that the medical director or the
    director of nursing is not on the board (`meta.nhse_agreements`, see ICB012), the floor is
    one lower for each, and a board that reaches the floor only because of it passes with a
    note.
    Fix: Add the missing seats (ICB010 and ICB012 to ICB016 say which). Where a seat holds
    more than one member, give it a `count`: where the voting seats are fewer than ten, the
    rule needs their counts to tell whether they hold ten members. A count given as a least
    number ("at least 2") counts as that number; a board that reaches the floor only with
    more than the least numbers given is reported as not stated. A chair or chief executive
    seat is one member.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clauses 2.1.3 to 2.1.6); NHS England's own model text was not
    available. The Health Foundation's analysis of the 42 constitutions states "at least 10"
    in terms. Only the count is checked: that one seat may not serve two of the required
    categories is an unverified reading of the guidance, so it is not checked; each category
    has its own rule (ICB010, ICB012 to ICB016).
    """
    if not _has_seats(doc):
        yield Missing(
            SEATS,
            "The constitution must provide for a board of at least ten voting members: the "
            "chair, the chief executive, three executive members, two non-executive members "
            "and three partner members (Schedule 1B and NHS England policy); it sets out no "
            "board members. Add the seats under board.seats.",
        )
        return
    voting = _members((i, s) for i, s in seats(doc) if s.voting)
    # NHS England may agree that the medical director or director of nursing is not on the
    # board (ICB012); each such agreement lowers the floor by one.
    agreed = [
        (label, agreement)
        for role, label in _EXECUTIVE_LABELS.items()
        if (agreement := _agreement(doc, role)) is not None
    ]
    floor = 10 - len(agreed)
    if voting.least >= floor:
        if agreed and voting.least < 10:
            yield PassedWithNote(
                " ".join(_agreement_note(label, agreement) for label, agreement in agreed)
            )
        return
    executives = _NUMBER_WORDS[3 - len(agreed)]
    floor_words = _NUMBER_WORDS[floor]
    without = ""
    if agreed:
        left_off = listed([label for label, _ in agreed])
        without = f" (NHS England has agreed that the {left_off} need not be on the board)"
    needed = (
        f"the chair, the chief executive, {executives} executive member"
        f"{'s' if executives != 'one' else ''}{without}, two non-executive members and three "
        "partner members"
    )
    if voting.exact:
        yield Contradiction(
            SEATS,
            f"The constitution provides for {voting.least} voting member"
            f"{'s' if voting.least != 1 else ''}. The statutory minimum and NHS England policy "
            f"together need at least {floor_words}: {needed}. Add the missing seats.",
        )
    else:
        yield Unknown(
            SEATS,
            _no_count(
                doc,
                voting.uncounted,
                "voting members",
                f"the {floor_words} voting members that the statutory minimum and NHS England "
                f"policy together require ({needed})",
            ),
        )


@rule(
    code="ICB019",
    slug="unitary-board",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        secondary(HWE_MODEL, "clause 2.1.4", HWE_SECTION_2),
        secondary(DESIGN_FRAMEWORK, "Governance and management arrangements", NHS_CONFED_DF),
    ],
)
def unitary_board(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board must meet as one unitary board, all members collectively accountable.

    Requirement: The board meets as a unitary board, and all its members share
    accountability for how the ICB performs its functions.
    Provision: Model constitution clause 2.1.4: "The membership of the ICB (the board) shall
    meet as a unitary board and shall be collectively accountable for the performance of the
    ICB's functions." This describes how the board works; no text read says NHS England
    requires a constitution to carry the clause, so a constitution that is silent on it is
    "not stated", while one that says otherwise is a breach.
    Why: Partner, executive and non-executive members decide together and answer together;
    no member sits on the board to look after one organisation's interests.
    Fix: Include the model clause and set `board.unitary_clause: true`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 2.1.4); NHS England's own model text was not available. The
    design framework's "collective and corporate accountability" is known from the NHS
    Confederation's summary. This is a presence-of-clause rule: it can only check that the
    clause is present, not its wording.
    """
    board = doc.board
    yield from unless_true(
        board.unitary_clause if board else None,
        ("board", "unitary_clause"),
        "The constitution does not say that the board meets as a unitary board, collectively "
        "accountable for the performance of the ICB's functions; NHS England's model "
        "constitution says it does. If it does, set board.unitary_clause: true.",
        contradicted=(
            "The constitution says the board does not meet as one unitary board, collectively "
            "accountable for the ICB's functions (board.unitary_clause: false). NHS England's "
            "model constitution provides that it does; bring the text into line."
        ),
    )


@rule(
    code="ICB020",
    slug="partner-members-not-delegates",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
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
    Provision: Model constitution clause 2.1.6, closing sentence: "While the partner members
    will bring knowledge and experience from their sector and will contribute the perspective
    of their sector to the decisions of the board, ..." they are not delegates of it. This
    describes how partner members act; no text read says NHS England requires a constitution
    to carry the sentence, so silence is "not stated", while a text that makes partner
    members their sector's delegates is a breach.
    Why: A partner member who votes on instructions from a trust or council would break the
    unitary board and raise conflicts of interest.
    Fix: Include the model's closing sentence of the partner-member clause and set
    `board.partner_members_not_delegates_clause: true`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 2.1.6); NHS England's own model text was not available, and the
    copy read stops just before the words on delegates, which rest on GPonline's report of
    the design framework (partner members "not be acting as delegates") and NHS Providers
    (2023). This is a presence-of-clause rule: it can only check that the clause is present.
    """
    board = doc.board
    yield from unless_true(
        board.partner_members_not_delegates_clause if board else None,
        ("board", "partner_members_not_delegates_clause"),
        "The constitution does not say that partner members bring their sector's knowledge "
        "and perspective without acting as delegates of their sector or nominating bodies; "
        "NHS England's model constitution says so. If it does, set "
        "board.partner_members_not_delegates_clause: true.",
        contradicted=(
            "The constitution makes partner members delegates or representatives of their "
            "sector or nominating bodies (board.partner_members_not_delegates_clause: false). "
            "NHS England's model constitution provides that they bring their sector's "
            "perspective without acting as its delegates; bring the text into line."
        ),
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
    requires="conduct",
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
    Provision: NHS England's design framework (June 2021), as reported: boards may add members
    above the minimum but should stay small enough for effective decisions. This is guidance
    on how the ICB settles its board, not words the constitution must contain, so the rule
    only reports a board the document shows to be larger than the limit.
    Why: A large board is slower to reach decisions and blurs accountability; each added seat
    is also a variation NHS England has to approve.
    Fix: Check that every seat above the minimum of ten is needed, or invite people as
    participants (`board.participants`) rather than members. Raise the limit with the
    option `max_voting_members` (default 16) if a larger board is intended.
    Source: From the NHS Confederation's briefing on the design framework and HSJ's and
    GPonline's reports of it (16 June 2021); the framework's own text was not available. The
    limit of 16 is a tool default, not a number from any source. A seat with no `count` is
    taken as one member, the least it can be; a board whose listed seats are within the limit
    is not reported, since this guidance check looks only for a board shown to be too large.
    """
    voting = _members((i, s) for i, s in seats(doc) if s.voting)
    if voting.least <= options.max_voting_members:
        return
    if voting.exact:
        size = f"{voting.least} voting members, more than {options.max_voting_members}"
    else:
        size = f"more than {options.max_voting_members} voting members"
    yield Contradiction(
        SEATS,
        f"The constitution provides for {size}. NHS England lets ICBs add members above the "
        "minimum but expects the board to stay small enough for effective decisions. Check "
        "that each added seat is needed (others can attend as participants), and that NHS "
        "England has agreed it.",
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
    requires="conduct",
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
    Provision: Practice described by the Health Foundation and by ICBs' own pages: boards
    invite "regular participants" and observers who are not members and have no vote.
    Nothing requires the constitution to say so, so the rule reports only a document that
    gives a participant or observer a vote or a place in the quorum.
    Why: Only members appointed under the constitution carry the board's accountability; a
    vote or a quorum place for a guest would let decisions rest on people who are not
    accountable for them.
    Fix: Set `voting: false` (or leave it out) on every entry of `board.participants` and
    `board.observers`, and refer only to board seats in `standing_orders.quorum.required`.
    Source: From the Health Foundation's analysis of the 42 constitutions (non-voting
    "regular participants" and observers) and Lancashire and South Cumbria ICB's board page
    (participants hold no accountability and have no voting rights). A quorum entry is
    reported when its `seat` is not a board seat's id or title but names a participant or
    observer (by title, or title and organisation), or by its `id`.
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
                yield Contradiction(
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
            yield Contradiction(
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
    requires="conduct",
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
    Provision: NHS England's guidance notes on the model constitution, as summarised: ICBs
    "should consider" a balance of perspectives. This is guidance to the ICB ("should"), not
    words the constitution must contain, so silence is "not stated".
    Why: A board weighted towards one kind of provider will tend to decide in that sector's
    favour.
    Fix: Say in the composition section how the board's membership, participants and
    committees balance these perspectives, and set `board.balance_of_perspectives_clause:
    true`.
    Source: From the Good Governance Institute's summary (18 October 2021) of NHS England's
    guidance notes on the model constitution; the notes themselves were not available. This
    is a presence-of-clause rule: it can only check that the constitution addresses the
    point, not whether the balance is right.
    """
    board = doc.board
    yield from unless_true(
        board.balance_of_perspectives_clause if board else None,
        ("board", "balance_of_perspectives_clause"),
        "The constitution does not say how the board balances the perspectives of the area's "
        "sectors and providers (acute, mental health, community, specialist) and of patients, "
        "carers and the public; NHS England's guidance asks ICBs to consider this. If it does, "
        "set board.balance_of_perspectives_clause: true.",
    )


@rule(
    code="ICB024",
    slug="partner-role-specifications",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
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
    Provision: NHS England's interim guidance on the functions and governance of the ICB, as
    summarised: what each partner member is expected to bring. This is guidance on the role,
    not words the constitution must contain, so a seat that points to no role specification
    is "not stated".
    Why: The constitution cannot state everything a partner member should bring; a role
    specification records it, and nominating bodies need it to put forward suitable people.
    Fix: Set `role_spec_ref` on each partner seat to the role specification (for example in
    the governance handbook).
    Source: From Capsticks' summary (13 April 2022) of NHS England's interim guidance
    (updated 2022); the guidance itself was not available. This is a presence check: it can
    only see that a role specification is referred to, not what it says.
    """
    for index, seat in seats(doc):
        if (seat.category == "partner" or seat.partner_sector) and not seat.role_spec_ref:
            yield Missing(
                seat_loc(index, "role_spec_ref"),
                f"The constitution does not refer partner seat {seat_name(seat)} to a role "
                "specification; NHS England's guidance describes what each partner member "
                "should bring to the board. If there is one, set role_spec_ref.",
            )


@rule(
    code="ICB025",
    slug="board-skills-review",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        Citation(
            "Health and Care Bill 2021-22, House of Lords Report stage",
            "Government Amendment 31, 1 March 2022 (provision of the 2006 Act not verified)",
            HANSARD_1_MARCH_2022,
        ),
        secondary(
            "Hansard (Lords), 1 March 2022, Baroness Walmsley",
            "speech on Amendment 31",
            HANSARD_1_MARCH_2022,
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
    Provision: As the amendment was described in the Lords on 1 March 2022, a duty on the
    ICB to review its board's skills, knowledge and experience and to act if the board
    "lacks the necessary skills, knowledge and experience". A duty on the body, which the
    constitution need not repeat, so silence is "not stated".
    Why: Parliament chose a duty to review the board's skills over prescribing more seats;
    the constitution is a natural place for an ICB to commit to doing it.
    Fix: Include a clause committing the ICB to review its board's skills, knowledge and
    experience and to act on gaps, and set `board.skills_review_clause: true`.
    Source: Secondary, and not verified as law. From the Lords Report debate of 1 March 2022
    on Hansard (Baroness Walmsley quoting the amendment's words "in order for the board
    effectively to carry out its functions"; Lord Hunt quoting "lacks the necessary skills,
    knowledge and experience"); whether and where the duty is in the Act is not verified, so
    it is reported below error and marked unverified. This is a presence-of-clause rule: it
    can only check that the clause is present.
    """
    board = doc.board
    yield from unless_true(
        board.skills_review_clause if board else None,
        ("board", "skills_review_clause"),
        "Unverified requirement: the constitution does not say that the ICB keeps its board's "
        "skills, knowledge and experience under review and acts on any gap. A Government "
        "amendment to the Health and Care Bill, made in the House of Lords, put this duty on "
        "the ICB; where it sits in the Act has not been verified. If the constitution commits "
        "to it, set board.skills_review_clause: true.",
        contradicted=(
            "Unverified requirement: the constitution says the ICB does not keep its board's "
            "skills, knowledge and experience under review (board.skills_review_clause: "
            "false). A Government amendment to the Health and Care Bill, made in the House of "
            "Lords, put this duty on the ICB; where it sits in the Act has not been verified."
        ),
    )
