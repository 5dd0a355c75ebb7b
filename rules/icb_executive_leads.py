"""Catalogue section G: executive lead roles (board-level portfolios)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution, Participant
from icslint.registry import NoOptions, rule

from ._support import SEATS, seat_loc, seat_name, seats, secondary

ICB = "icb-constitution"

EXEC_LEADS = "NHS England, Executive lead roles within integrated care boards (May 2023)"
EXEC_LEADS_URL = (
    "https://www.england.nhs.uk/long-read/executive-lead-roles-within-integrated-care-boards/"
)
RCPCH = secondary(
    "RCPCH, response to the guidance on executive lead roles (May 2023)",
    "mental health lead need not be a board-level position",
    "https://www.rcpch.ac.uk/news-events/news/"
    "rcpch-responds-guidance-executive-lead-roles-children-young-people-within",
)

# The five portfolios that must be held by voting board members, in the guidance's order.
BOARD_PORTFOLIOS = {
    "cyp_0_25": "children and young people aged 0 to 25",
    "send": "children and young people with special educational needs and disabilities (SEND)",
    "safeguarding": "safeguarding (all ages, including looked-after children)",
    "ld_autism": "learning disability and autism (all ages)",
    "down_syndrome": "Down syndrome (all ages)",
}


def _guidance(paragraph: str) -> Citation:
    return Citation(EXEC_LEADS, paragraph, EXEC_LEADS_URL)


def _holders_off_the_board(doc: IcbConstitution, portfolio: str) -> list[str]:
    """Who holds `portfolio` without a board vote: non-voting seats, participants, observers."""
    names = [
        seat_name(s) for _, s in seats(doc) if not s.voting and portfolio in s.exec_lead_portfolios
    ]
    if doc.board is not None:
        names += [
            _participant_name(p)
            for p in (*doc.board.participants, *doc.board.observers)
            if portfolio in p.exec_lead_portfolios
        ]
    return names


def _board_portfolios(portfolios: tuple[str, ...]) -> str:
    """The board-level portfolios among `portfolios`, in words; empty if there are none."""
    return "; ".join(BOARD_PORTFOLIOS[p] for p in portfolios if p in BOARD_PORTFOLIOS)


def _participant_name(participant: Participant) -> str:
    where = f", {participant.organisation}" if participant.organisation else ""
    return f'"{participant.title}{where}"'


def _voting_lead(doc: IcbConstitution, portfolio: str) -> Iterator[Finding]:
    """The shared check of ICB080-ICB084: a voting board seat holds `portfolio`."""
    if any(s.voting and portfolio in s.exec_lead_portfolios for _, s in seats(doc)):
        return
    elsewhere = _holders_off_the_board(doc, portfolio)
    held = (
        f" It is given only to {', '.join(elsewhere)}, who cannot hold it without a vote at the "
        "board (see ICB085)."
        if elsewhere
        else ""
    )
    yield Finding(
        SEATS,
        f"No voting board member is named as the executive lead for "
        f"{BOARD_PORTFOLIOS[portfolio]}. NHS England requires each ICB to give this "
        f"responsibility to a board member with voting rights.{held} Add {portfolio} to "
        "exec_lead_portfolios of a voting seat.",
    )


@rule(
    code="ICB080",
    slug="lead-children-young-people",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 1")],
)
def lead_children_young_people(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for children and young people aged 0 to 25.

    Requirement: A board member with voting rights has explicit responsibility for children
    and young people aged 0 to 25 (babies, children and young people).
    Why: NHS England made this commitment to Parliament during the passage of the Health and
    Care Act 2022, so that children have visible, board-level leadership in every ICB.
    Fix: Add `cyp_0_25` to `exec_lead_portfolios` of a voting seat (often the director of
    nursing or the medical director).
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraph 1, read word for word on england.nhs.uk (paragraphs 1 to 3 in full, paragraph
    4's first sentence; the rest of the page was not in any stored copy). Catalogue tag
    nhse-policy [V], shipped at error level.
    """
    yield from _voting_lead(doc, "cyp_0_25")


@rule(
    code="ICB081",
    slug="lead-send",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 1")],
)
def lead_send(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for children and young people with SEND.

    Requirement: A board member with voting rights has explicit responsibility for children
    and young people with special educational needs and disabilities (SEND).
    Why: The guidance gives this lead the job of making sure the ICB's statutory SEND duties
    get enough focus at board level.
    Fix: Add `send` to `exec_lead_portfolios` of a voting seat.
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraphs 1 and 3, read word for word on england.nhs.uk (paragraphs 1 to 3 in full,
    paragraph 4's first sentence). Catalogue tag nhse-policy [V], shipped at error level.
    """
    yield from _voting_lead(doc, "send")


@rule(
    code="ICB082",
    slug="lead-safeguarding",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 1")],
)
def lead_safeguarding(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for safeguarding, all ages.

    Requirement: A board member with voting rights has explicit responsibility for
    safeguarding across all ages, including looked-after children.
    Why: The guidance gives this lead the job of making sure the ICB's statutory safeguarding
    duties get enough focus at board level.
    Fix: Add `safeguarding` to `exec_lead_portfolios` of a voting seat (often the director
    of nursing).
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraphs 1 and 3, read word for word on england.nhs.uk (paragraphs 1 to 3 in full,
    paragraph 4's first sentence). Catalogue tag nhse-policy [V], shipped at error level.
    """
    yield from _voting_lead(doc, "safeguarding")


@rule(
    code="ICB083",
    slug="lead-learning-disability-autism",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 1")],
)
def lead_learning_disability_autism(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for learning disability and autism, all ages.

    Requirement: A board member with voting rights has explicit responsibility for learning
    disability and autism across all ages.
    Why: People with a learning disability or autism face wide inequalities; the lead is
    their board-level decision-maker and contact point for partners and regulators.
    Fix: Add `ld_autism` to `exec_lead_portfolios` of a voting seat.
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraphs 1 and 3, read word for word on england.nhs.uk (paragraphs 1 to 3 in full,
    paragraph 4's first sentence). Catalogue tag nhse-policy [V], shipped at error level.
    """
    yield from _voting_lead(doc, "ld_autism")


@rule(
    code="ICB084",
    slug="lead-down-syndrome",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 1")],
)
def lead_down_syndrome(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for Down syndrome, all ages.

    Requirement: A board member with voting rights has explicit responsibility for Down
    syndrome across all ages.
    Why: The commitment to Parliament named Down syndrome as one of five groups that need
    visible, board-level leadership in every ICB.
    Fix: Add `down_syndrome` to `exec_lead_portfolios` of a voting seat.
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraph 1, read word for word on england.nhs.uk (paragraphs 1 to 3 in full, paragraph
    4's first sentence). Catalogue tag nhse-policy [V], shipped at error level.
    """
    yield from _voting_lead(doc, "down_syndrome")


@rule(
    code="ICB085",
    slug="leads-are-voting-members",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[_guidance("paragraph 4"), _guidance("paragraph 1")],
)
def leads_are_voting_members(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The five executive lead portfolios may be held only by voting board members.

    Requirement: The children and young people, SEND, safeguarding, learning disability and
    autism, and Down syndrome portfolios are held by members of the board, meaning members
    with voting rights at board meetings; participants, observers and non-voting seats
    cannot hold them.
    Why: The roles exist to put a decision-maker for these groups at the board table; a lead
    who cannot vote does not meet the commitment to Parliament.
    Fix: Move the portfolio from the participant, observer or non-voting seat to a voting
    seat, or give that seat a vote. Only `mental_health` may sit off the board (ICB086).
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    read word for word on england.nhs.uk: paragraph 1 defines a board member as any member
    with voting rights at board meetings, and paragraph 4 (first sentence, read this
    session) says ICBs must assign these responsibilities to suitable board members. The
    rest of paragraph 4 and the later paragraphs (for example whether one person may hold
    several portfolios) were not in any stored copy; the rule does not limit how many
    portfolios a seat holds. Catalogue tag nhse-policy [V], shipped at error level.
    """
    for index, seat in seats(doc):
        held = _board_portfolios(seat.exec_lead_portfolios)
        if held and not seat.voting:
            yield Finding(
                seat_loc(index, "voting"),
                f"Seat {seat_name(seat)} is the executive lead for {held} but has no vote at "
                "the board. These leads must be board "
                "members with voting rights: give the seat a vote, or move the portfolio to a "
                "voting seat.",
            )
    if doc.board is None:
        return
    for kind in ("participants", "observers"):
        for index, person in enumerate(getattr(doc.board, kind)):
            held = _board_portfolios(person.exec_lead_portfolios)
            if held:
                yield Finding(
                    ("board", kind, index, "exec_lead_portfolios"),
                    f"{_participant_name(person)} attends the board as one of its {kind} but "
                    f"is named as the executive lead for {held}. These leads must be "
                    "board members with voting rights; move the portfolio to a voting seat "
                    "(only mental_health may be held off the board).",
                )


@rule(
    code="ICB086",
    slug="mental-health-lead",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    citations=[_guidance("paragraph 2"), RCPCH],
)
def mental_health_lead(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should record who is the ICB's mental-health lead.

    Requirement: Each ICB has at least one mental-health lead. Unlike the five leads of
    ICB080-ICB084, the lead need not be a board member.
    Why: The guidance treats the mental-health lead as the companion of the five board-level
    leads; recording it shows who carries the role.
    Fix: Add `mental_health` to `exec_lead_portfolios` of the seat, participant or observer
    who is the lead. This is not the ordinary member with mental-health expertise required
    by ICB017; neither rule reads the other's field.
    Source: NHS England long-read "Executive lead roles within integrated care boards",
    paragraph 2, read word for word on england.nhs.uk: it calls the mental-health lead a
    statutory requirement and refers to its Annex A, which was not read. RCPCH's response
    (May 2023, opening read) says the lead need not be a board-level post. Catalogue tag
    nhse-policy [S]. Shipped as info, not error, because the lead may be an officer the
    constitution does not list, so its absence from the document is no proof of a breach.
    """
    people = [s.exec_lead_portfolios for _, s in seats(doc)]
    if doc.board is not None:
        people += [p.exec_lead_portfolios for p in (*doc.board.participants, *doc.board.observers)]
    if any("mental_health" in portfolios for portfolios in people):
        return
    yield Finding(
        SEATS,
        "No board seat, participant or observer is recorded as the ICB's mental-health lead. "
        "NHS England's guidance refers to a statutory requirement for at least one "
        "mental-health lead in each ICB, who need not sit on the board. Add mental_health to "
        "exec_lead_portfolios of whoever holds the role.",
    )
