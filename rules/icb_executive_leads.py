"""Executive lead roles (board-level portfolios): ICB080 to ICB086.

NHS England's guidance puts these duties on the ICB: it must give each role to a voting board
member. Nothing requires the constitution to name the holders, so every rule here is `conduct`:
a constitution that is silent is "not stated", and only one that gives a role to someone who
cannot hold it is in breach.
"""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Loc,
    Missing,
    NotApplicable,
    Severity,
)
from icslint.models.icb import IcbConstitution, Participant
from icslint.registry import NoOptions, rule

from ._support import SEATS, listed, seat_loc, seat_name, seats, secondary

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

GUIDANCE = (
    "NHS England's guidance on executive lead roles asks every ICB to give this responsibility "
    "to a member of its board with voting rights"
)


def _guidance(paragraph: str) -> Citation:
    return Citation(EXEC_LEADS, paragraph, EXEC_LEADS_URL)


def _holders_off_the_board(doc: IcbConstitution, portfolio: str) -> list[tuple[Loc, str]]:
    """Who holds `portfolio` without a vote at the board (non-voting seats, participants,
    observers), each with the location of their portfolios and how a message names them."""
    holders = [
        (seat_loc(index, "exec_lead_portfolios"), seat_name(seat))
        for index, seat in seats(doc)
        if not seat.voting and portfolio in seat.exec_lead_portfolios
    ]
    if doc.board is not None:
        for kind in ("participants", "observers"):
            for index, person in enumerate(getattr(doc.board, kind)):
                if portfolio in person.exec_lead_portfolios:
                    holders.append(
                        (("board", kind, index, "exec_lead_portfolios"), _participant_name(person))
                    )
    return holders


def _board_portfolios(portfolios: tuple[str, ...]) -> str:
    """The board-level portfolios among `portfolios`, in words; empty if there are none."""
    return "; ".join(BOARD_PORTFOLIOS[p] for p in portfolios if p in BOARD_PORTFOLIOS)


def _participant_name(participant: Participant) -> str:
    where = f", {participant.organisation}" if participant.organisation else ""
    return f'"{participant.title}{where}"'


def _voting_lead(doc: IcbConstitution, portfolio: str) -> Iterator[Finding]:
    """The shared check of ICB080-ICB084: a voting board seat holds `portfolio`.

    Silence is only "not stated" (the guidance does not ask the constitution to name the lead);
    a lead given only to people without a vote at the board contradicts the guidance.
    """
    if any(s.voting and portfolio in s.exec_lead_portfolios for _, s in seats(doc)):
        return
    words = BOARD_PORTFOLIOS[portfolio]
    elsewhere = _holders_off_the_board(doc, portfolio)
    if elsewhere:
        yield Contradiction(
            elsewhere[0][0],
            f"The constitution gives the executive lead for {words} only to "
            f"{listed([name for _, name in elsewhere])}, who "
            f"{'is not a voting member' if len(elsewhere) == 1 else 'are not voting members'} "
            f"of the board. {GUIDANCE}. Give the role to a voting board member and add "
            f"{portfolio} to exec_lead_portfolios of that member's seat.",
        )
        return
    yield Missing(
        SEATS,
        f"The constitution does not say which voting board member is the executive lead for "
        f"{words}. {GUIDANCE}. If the constitution names the lead, add {portfolio} to "
        "exec_lead_portfolios of that member's seat.",
    )


@rule(
    code="ICB080",
    slug="lead-children-young-people",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 1")],
)
def lead_children_young_people(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for children and young people aged 0 to 25.

    Requirement: A board member with voting rights has explicit responsibility for children
    and young people aged 0 to 25 (babies, children and young people).
    Provision: Executive lead roles within integrated care boards, paragraph 1: every ICB would
    identify "members of its board", that is "any member with voting rights at meetings of the
    board of the ICB", with explicit responsibility for "Children and young people (aged 0 to
    25)"; paragraph 4 asks ICBs to assign these responsibilities to suitable board members. The
    duty is on the ICB and nothing asks the constitution to name the lead, so a constitution
    that is silent is "not stated"; one that gives the role only to someone without a vote at
    the board is in breach.
    Why: NHS England made this commitment to Parliament during the passage of the Health and
    Care Act 2022, so that children have visible, board-level leadership in every ICB.
    Fix: If the constitution names the lead, add `cyp_0_25` to `exec_lead_portfolios` of that
    voting seat (often the director of nursing or the medical director). If it gives the role
    to a participant, an observer or a non-voting seat, give it to a voting member instead.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1 and 4).
    """
    yield from _voting_lead(doc, "cyp_0_25")


@rule(
    code="ICB081",
    slug="lead-send",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 1")],
)
def lead_send(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for children and young people with SEND.

    Requirement: A board member with voting rights has explicit responsibility for children
    and young people with special educational needs and disabilities (SEND).
    Provision: Executive lead roles within integrated care boards, paragraph 1: every ICB would
    identify "members of its board", that is "any member with voting rights at meetings of the
    board of the ICB", with explicit responsibility for "Children and young people with special
    educational needs and disabilities (SEND)"; paragraph 4 asks ICBs to assign these
    responsibilities to suitable board members. The duty is on the ICB and nothing asks the
    constitution to name the lead, so a constitution that is silent is "not stated"; one that
    gives the role only to someone without a vote at the board is in breach.
    Why: The guidance gives this lead the job of making sure the ICB's statutory SEND duties
    get enough focus at board level.
    Fix: If the constitution names the lead, add `send` to `exec_lead_portfolios` of that
    voting seat. If it gives the role to a participant, an observer or a non-voting seat, give
    it to a voting member instead.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1, 3 and 4).
    """
    yield from _voting_lead(doc, "send")


@rule(
    code="ICB082",
    slug="lead-safeguarding",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 1")],
)
def lead_safeguarding(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for safeguarding, all ages.

    Requirement: A board member with voting rights has explicit responsibility for
    safeguarding across all ages, including looked-after children.
    Provision: Executive lead roles within integrated care boards, paragraph 1: every ICB would
    identify "members of its board", that is "any member with voting rights at meetings of the
    board of the ICB", with explicit responsibility for "Safeguarding (all-age), including
    looked after children"; paragraph 4 asks ICBs to assign these responsibilities to suitable
    board members. The duty is on the ICB and nothing asks the constitution to name the lead, so
    a constitution that is silent is "not stated"; one that gives the role only to someone
    without a vote at the board is in breach.
    Why: The guidance gives this lead the job of making sure the ICB's statutory safeguarding
    duties get enough focus at board level.
    Fix: If the constitution names the lead, add `safeguarding` to `exec_lead_portfolios` of
    that voting seat (often the director of nursing). If it gives the role to a participant,
    an observer or a non-voting seat, give it to a voting member instead.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1, 3 and 4).
    """
    yield from _voting_lead(doc, "safeguarding")


@rule(
    code="ICB083",
    slug="lead-learning-disability-autism",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 1")],
)
def lead_learning_disability_autism(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for learning disability and autism, all ages.

    Requirement: A board member with voting rights has explicit responsibility for learning
    disability and autism across all ages.
    Provision: Executive lead roles within integrated care boards, paragraph 1: every ICB would
    identify "members of its board", that is "any member with voting rights at meetings of the
    board of the ICB", with explicit responsibility for "Learning disability and autism
    (all-age)"; paragraph 4 asks ICBs to assign these responsibilities to suitable board
    members. The duty is on the ICB and nothing asks the constitution to name the lead, so a
    constitution that is silent is "not stated"; one that gives the role only to someone without
    a vote at the board is in breach.
    Why: People with a learning disability or autism face wide inequalities; the lead is
    their board-level decision-maker and contact point for partners and regulators.
    Fix: If the constitution names the lead, add `ld_autism` to `exec_lead_portfolios` of that
    voting seat. If it gives the role to a participant, an observer or a non-voting seat, give
    it to a voting member instead.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1, 3 and 4).
    """
    yield from _voting_lead(doc, "ld_autism")


@rule(
    code="ICB084",
    slug="lead-down-syndrome",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 1")],
)
def lead_down_syndrome(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """A voting board member is the executive lead for Down syndrome, all ages.

    Requirement: A board member with voting rights has explicit responsibility for Down
    syndrome across all ages.
    Provision: Executive lead roles within integrated care boards, paragraph 1: every ICB would
    identify "members of its board", that is "any member with voting rights at meetings of the
    board of the ICB", with explicit responsibility for "Down syndrome (all-age)"; paragraph 4
    asks ICBs to assign these responsibilities to suitable board members. The duty is on the ICB
    and nothing asks the constitution to name the lead, so a constitution that is silent is "not
    stated"; one that gives the role only to someone without a vote at the board is in breach.
    Why: The commitment to Parliament named Down syndrome as one of five groups that need
    visible, board-level leadership in every ICB.
    Fix: If the constitution names the lead, add `down_syndrome` to `exec_lead_portfolios` of
    that voting seat. If it gives the role to a participant, an observer or a non-voting seat,
    give it to a voting member instead.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1 and 4).
    """
    yield from _voting_lead(doc, "down_syndrome")


@rule(
    code="ICB085",
    slug="leads-are-voting-members",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[_guidance("paragraph 4"), _guidance("paragraph 1")],
)
def leads_are_voting_members(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The five executive lead portfolios may be held only by voting board members.

    Requirement: The children and young people, SEND, safeguarding, learning disability and
    autism, and Down syndrome portfolios are held by members of the board, meaning members
    with voting rights at board meetings; participants, observers and non-voting seats
    cannot hold them. The rule checks only the leads the constitution names.
    Provision: Executive lead roles within integrated care boards, paragraph 1 defines the board
    members who hold these roles as "any member with voting rights at meetings of the board of
    the ICB", and paragraph 4 asks ICBs to assign the responsibilities to suitable board
    members. The duty is on the ICB and nothing asks the constitution to name the leads; but a
    constitution that gives one of these roles to someone without a vote at the board
    contradicts the guidance, which is a breach.
    Why: The roles exist to put a decision-maker for these groups at the board table; a lead
    who cannot vote does not meet the commitment to Parliament.
    Fix: Move the portfolio from the participant, observer or non-voting seat to a voting
    seat, or give that seat a vote. Only `mental_health` may sit off the board (ICB086).
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraphs 1 and 4). The guidance's later paragraphs (for example
    on whether one person may hold several portfolios) were not available, so the rule does
    not limit how many portfolios a seat holds.
    """
    named = False
    for index, seat in seats(doc):
        held = _board_portfolios(seat.exec_lead_portfolios)
        named = named or bool(held)
        if held and not seat.voting:
            yield Contradiction(
                seat_loc(index, "voting"),
                f"Seat {seat_name(seat)} is the executive lead for {held} but has no vote at "
                "the board. NHS England's guidance asks ICBs to give these roles to board "
                "members with voting rights: give the seat a vote, or move the portfolio to a "
                "voting seat.",
            )
    if doc.board is not None:
        for kind in ("participants", "observers"):
            for index, person in enumerate(getattr(doc.board, kind)):
                held = _board_portfolios(person.exec_lead_portfolios)
                named = named or bool(held)
                if held:
                    yield Contradiction(
                        ("board", kind, index, "exec_lead_portfolios"),
                        f"{_participant_name(person)} attends the board as one of its {kind}, "
                        f"not as a member, but is named as the executive lead for {held}. NHS "
                        "England's guidance asks ICBs to give these roles to board members "
                        "with voting rights; move the portfolio to a voting seat (only "
                        "mental_health may be held off the board).",
                    )
    if not named:
        yield NotApplicable("The constitution names no holder of the five executive lead roles.")


@rule(
    code="ICB086",
    slug="mental-health-lead",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.INFO,
    requires="conduct",
    citations=[_guidance("paragraph 2"), RCPCH],
)
def mental_health_lead(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should record who is the ICB's mental-health lead.

    Requirement: Each ICB has at least one mental-health lead. Unlike the five leads of
    ICB080-ICB084, the lead need not be a board member.
    Provision: Executive lead roles within integrated care boards, paragraph 2: the five roles
    "are added to the statutory requirement for each ICB to include at least one mental health
    lead". The requirement is on the ICB, and nothing asks the constitution to name the lead, so
    a constitution that is silent is "not stated", not in breach.
    Why: The guidance treats the mental-health lead as the companion of the five board-level
    leads; recording it shows who carries the role.
    Fix: If the constitution names the lead, add `mental_health` to `exec_lead_portfolios` of
    the seat, participant or observer who holds it. This is not the ordinary member with
    mental-health expertise (ICB017); neither rule reads the other's field.
    Source: Read in NHS England's guidance of May 2023 (Executive lead roles within
    integrated care boards, paragraph 2); the statutory provision it refers to, and its Annex
    A on mental health leads, were not available. From the Royal College of Paediatrics and
    Child Health's response to the guidance (May 2023): the lead need not be a board-level
    post. Shipped as info: the lead may be an officer the constitution does not list.
    """
    people = [s.exec_lead_portfolios for _, s in seats(doc)]
    if doc.board is not None:
        people += [p.exec_lead_portfolios for p in (*doc.board.participants, *doc.board.observers)]
    if any("mental_health" in portfolios for portfolios in people):
        return
    yield Missing(
        SEATS,
        "The constitution does not say who is the ICB's mental-health lead. NHS England's "
        "guidance refers to a statutory requirement for at least one mental-health lead in "
        "each ICB, who need not sit on the board. If the constitution names the lead, add "
        "mental_health to exec_lead_portfolios of whoever holds the role.",
    )
