"""Catalogue section I: procedures for making decisions (standing orders, SFIs, quorum, voting)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Loc, Severity
from icslint.models.base import Quorum, QuorumRequirement
from icslint.models.icb import IcbConstitution, Participant, Seat, StandingOrderTopic
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_CONSTITUTION,
    HWE_MODEL,
    NHS_ACT_2006,
    SCH_1B,
    model_clause,
    seat_name,
    seat_ref,
    seats,
    seats_with_role,
    secondary,
    unless_true,
)

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

NOTTS = secondary(
    "NHS Nottingham and Nottinghamshire ICB, Organisational information",
    "section 'Our Constitution', paragraph 2 (standing orders appended to the constitution)",
    "https://notts.icb.nhs.uk/organisational-information",
)
NHSE_GOVERNANCE = Citation(
    "NHS England, Guidance on integrated care board constitutions and governance (July 2024)",
    "Action required, bullet 1, second sub-point (local quoracy rules)",
    "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-governance",
)
DESIGN_FRAMEWORK_HSJ = Citation(
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as reported by HSJ",
    "HSJ report of 16 June 2021, paragraph on decision-making (consensus; a vote as a last resort)",
    "https://www.hsj.co.uk/policy-and-regulation/nhs-england-reveals-who-will-sit-on-ics-boards/"
    "7030317.article",
)


# --- helpers ------------------------------------------------------------------------------------

SO: Loc = ("standing_orders",)
QUORUM: Loc = (*SO, "quorum")
DECISIONS: Loc = (*SO, "decision_making")

# The categories of board seat a quorum may ask for and the rule can count, in words.
_COUNTED = {
    "executive": ("executive member", "executive members"),
    "non_executive": ("non-executive member", "non-executive members"),
    "partner": ("partner member", "partner members"),
    "other": ("member of the 'other' category", "members of the 'other' category"),
}


def _quorum(doc: IcbConstitution) -> Quorum | None:
    return doc.standing_orders.quorum if doc.standing_orders is not None else None


def _board_seat(doc: IcbConstitution, reference: str) -> Seat | None:
    """The board seat a reference names: by id first, then by id or title loosely matched."""
    for _, seat in seats(doc):
        if seat.id == reference:
            return seat
    wanted = seat_ref(reference)
    for _, seat in seats(doc):
        if wanted in {seat_ref(seat.id), seat_ref(seat.title or "")}:
            return seat
    return None


def _guest_names(guest: Participant) -> set[str]:
    """The ways a document may name a participant or observer, normalised."""
    names = {guest.title, *([guest.id] if guest.id else [])}
    if guest.organisation:
        org = guest.organisation
        names |= {f"{guest.title} {org}", f"{guest.title} of {org}", f"{org} {guest.title}"}
    return {seat_ref(name) for name in names}


def _names_a_guest(doc: IcbConstitution, reference: str) -> bool:
    """Whether a reference names a participant or observer (ICB022's concern, not ours)."""
    if doc.board is None:
        return False
    guests = (*doc.board.participants, *doc.board.observers)
    return any(seat_ref(reference) in _guest_names(guest) for guest in guests)


def _voting_members(doc: IcbConstitution, category: str | None = None) -> int:
    """How many voting members the board has, optionally of one category."""
    return sum(
        seat.count
        for _, seat in seats(doc)
        if seat.voting and (category is None or seat.category == category)
    )


def _members(number: int) -> str:
    return f"{number} member" if number == 1 else f"{number} members"


def _of(number: int, category: str) -> str:
    """A number of members of a category in words: "1 executive member", "3 partner members"."""
    singular, plural = _COUNTED[category]
    return f"{number} {singular if number == 1 else plural}"


# --- ICB110-ICB113: standing orders and standing financial instructions ------------------------


@rule(
    code="ICB110",
    slug="standing-orders-in-constitution",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("5.1.3"), NOTTS],
)
def standing_orders_in_constitution(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The standing orders must be appended in full and form part of the constitution.

    Requirement: The ICB's standing orders appear in full as an appendix to the constitution
    and form part of it, so any change to them is a change to the constitution. The rule
    checks `standing_orders.part_of_constitution: true` and that `sections` lists a heading
    containing "Standing Orders" (the model's Appendix 2).
    Why: Standing orders kept outside the constitution could be changed by the board alone,
    although they govern how its decisions are made; as part of the constitution they change
    only with NHS England's approval.
    Fix: Append the standing orders (for example `{number: Appendix 2, heading: Standing
    Orders}` under `sections`) and set `standing_orders.part_of_constitution: true`.
    Source: The model constitution's clause 5.1.3 (a full copy of the standing orders is in
    Appendix 2 and forms part of the constitution), read in full as reproduced by Herts and
    West Essex ICB (section 5, re-read this session), and Nottingham and Nottinghamshire
    ICB's organisational information page (standing orders appended to the constitution),
    read; nhse-policy [S]. This is a presence-of-clause rule: it can only check that the
    appendix and the statement are there, not what the standing orders say.
    """
    so = doc.standing_orders
    yield from unless_true(
        so.part_of_constitution if so is not None else None,
        (*SO, "part_of_constitution"),
        "The constitution does not say that its standing orders form part of it. NHS "
        "England's model appends them in full, as part of the constitution, so that they "
        "change only with NHS England's approval. State it and set "
        "standing_orders.part_of_constitution: true.",
    )
    if not any("standing order" in section.heading.casefold() for section in doc.sections):
        yield Finding(
            ("sections",),
            'No section or appendix of the constitution is headed "Standing Orders". NHS '
            "England's model includes the standing orders in full as Appendix 2; add the "
            "appendix to sections.",
        )


# The meeting topics a board's standing orders cover, with the words a message uses for each.
MEETING_TOPICS: dict[StandingOrderTopic, str] = {
    "calling_meetings": "calling board meetings",
    "agenda": "the agenda and supporting papers",
    "chair_of_meeting": "who chairs a meeting",
    "quorum": "the quorum",
    "decision_making": "how decisions are made",
    "minutes": "minutes",
    "admission_of_public": "admission of the public and the press",
}


@rule(
    code="ICB111",
    slug="standing-orders-coverage",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[model_clause("5.1.1"), NOTTS],
)
def standing_orders_coverage(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The standing orders should cover the procedure at meetings and the delegation of functions.

    Requirement: The standing orders set out how the ICB conducts its business, the procedure
    at meetings and the process for delegating functions. The rule expects
    `standing_orders.covers` to list the meeting topics `calling_meetings`, `agenda`,
    `chair_of_meeting`, `quorum`, `decision_making`, `minutes` and `admission_of_public`,
    and `delegation`, and reports each one missing.
    Why: A meeting whose procedure is not written down can be challenged: who called it, who
    chaired it, whether it was quorate, how it decided and whether the public could attend.
    Fix: Add the missing parts to the standing orders and list them in
    `standing_orders.covers`.
    Source: The model constitution's clause 5.1.1 (procedures for conducting the ICB's
    business, for meetings and for delegating functions), read in full as reproduced by Herts
    and West Essex ICB (section 5, re-read this session), and Nottingham and Nottinghamshire
    ICB's organisational information page (procedures for meetings and for appointing
    committees), read; nhse-policy [S]. The list of meeting topics follows the usual headings
    of NHS standing orders; the model standing orders themselves were searched for and not
    found, so that list is [U] and the rule is shipped as a warning, not an error. This is a
    presence-of-clause rule: it can only check that each topic is listed.
    """
    covers = doc.standing_orders.covers if doc.standing_orders is not None else ()
    loc = (*SO, "covers")
    for topic, words in MEETING_TOPICS.items():
        if topic not in covers:
            yield Finding(
                loc,
                f"The standing orders do not cover {words}. NHS England's model has the "
                "standing orders set the procedure at board meetings; add the provision and "
                f"list {topic} in standing_orders.covers.",
            )
    if "delegation" not in covers:
        yield Finding(
            loc,
            "The standing orders do not set out the process for delegating the ICB's "
            "functions (to committees, employees and other bodies). NHS England's model "
            "includes it; add the provision and list delegation in standing_orders.covers.",
        )


@rule(
    code="ICB112",
    slug="standing-orders-apply-to-committees",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("5.1.2")],
)
def standing_orders_apply_to_committees(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The standing orders must govern committees and sub-committees unless their ToR say not.

    Requirement: The standing orders apply to every committee and sub-committee of the ICB
    unless terms of reference agreed by the board say otherwise.
    Why: Committees take decisions on the board's behalf; without a default, a committee with
    thin terms of reference would have no rules on quorum, voting or conflicts.
    Fix: State that the standing orders apply to committees and sub-committees unless their
    board-approved terms of reference provide otherwise, and set
    `standing_orders.applies_to_committees_by_default: true`.
    Source: The model constitution's clause 5.1.2, read in full as reproduced by Herts and
    West Essex ICB (section 5, re-read this session); nhse-policy [S]. This is a
    presence-of-clause rule: it can only check that the clause is present.
    """
    so = doc.standing_orders
    yield from unless_true(
        so.applies_to_committees_by_default if so is not None else None,
        (*SO, "applies_to_committees_by_default"),
        "The constitution does not say that the standing orders apply to committees and "
        "sub-committees unless their board-approved terms of reference say otherwise. NHS "
        "England's model does; add the clause and set "
        "standing_orders.applies_to_committees_by_default: true.",
    )


@rule(
    code="ICB113",
    slug="standing-financial-instructions",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[model_clause("5.2.1 to 5.2.2")],
)
def standing_financial_instructions(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must have standing financial instructions, published in the governance handbook.

    Requirement: The ICB adopts standing financial instructions (SFIs), which include the
    delegated limits of financial authority set in the scheme of reservation and delegation,
    and publishes them in the governance handbook.
    Why: The SFIs say who may commit the ICB's money and up to what amount; unpublished or
    missing, nobody can check that a spending decision was authorised.
    Fix: Set `sfi.exists: true` and name where they are published in `sfi.published_in`
    (for example `Governance Handbook`).
    Source: The model constitution's clauses 5.2.1 and 5.2.2, read in full as reproduced by
    Herts and West Essex ICB (section 5, re-read this session); nhse-policy [S]. This is a
    presence-of-clause rule: it can only check that the SFIs are stated to exist and where
    they are published, not what they contain.
    """
    sfi = doc.sfi
    yield from unless_true(
        sfi.exists if sfi is not None else None,
        ("sfi", "exists"),
        "The constitution does not say that the ICB has standing financial instructions. "
        "NHS England's model requires them, with the delegated financial limits; state it "
        "and set sfi.exists: true.",
    )
    if sfi is None or not sfi.published_in:
        yield Finding(
            ("sfi", "published_in"),
            "The constitution does not say where the standing financial instructions are "
            "published. NHS England's model publishes them in the governance handbook; name "
            "it in sfi.published_in.",
        )


# --- ICB114-ICB116: quorum and voting -----------------------------------------------------------


@rule(
    code="ICB114",
    slug="quorum-defined",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    citations=[
        Citation(
            NHS_ACT_2006,
            "Schedule 1B, Part 1 (paragraph on procedure and quorum; number and text not verified)",
            SCH_1B,
        ),
        NHSE_GOVERNANCE,
        model_clause("5.1.1"),
    ],
)
def quorum_defined(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The standing orders should fix a quorum for board meetings.

    Requirement: The standing orders fix how many members, and which, must be present for
    the board to do business. The rule checks only that `standing_orders.quorum` states
    `min_members` or `rule_text`; whether the numbers add up is ICB116's check, and whether
    the board can meet without the chair is ICB058's.
    Why: Without a quorum any handful of members could take decisions in the board's name,
    and any decision could be challenged as taken by too few.
    Fix: Add the quorum to the standing orders and record it under
    `standing_orders.quorum`, as `min_members` and/or `rule_text` (with any `required`
    categories of member).
    Source: Not verified ([U]). The paragraph of Schedule 1B on the ICB's procedure and
    quorum was not read: no stored copy of Schedule 1B goes past paragraph 8(1)(a), and the
    model standing orders with its quorum formula were searched for again this session and
    not found. Secondary support only: NHS England's long-read "Guidance on integrated care
    board constitutions and governance" (July 2024 per written answer UIN 45636, [S]),
    "Action required", bullet 1, assumes local quoracy rules exist and asks that they let
    the board meet without the chair (read as guidance text, catalogue S14, [V]); the model's
    clause 5.1.1, read as reproduced by Herts and West Essex ICB, puts the procedure at
    meetings in the standing orders. Statute [U]: shipped as a warning, never an error.
    """
    quorum = _quorum(doc)
    if quorum is None or (quorum.min_members is None and not quorum.rule_text):
        yield Finding(
            QUORUM,
            "Unverified requirement: the standing orders do not state a quorum for board "
            "meetings. Schedule 1B is believed to require the constitution to provide for the "
            "board's procedure, and NHS England's guidance assumes local quoracy rules; state "
            "the quorum in standing_orders.quorum (min_members and/or rule_text).",
        )


@rule(
    code="ICB115",
    slug="consensus-first",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[DESIGN_FRAMEWORK_HSJ],
)
def consensus_first(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Board decisions should be sought by consensus first, with a stated voting fallback.

    Requirement: The board normally decides by consensus and votes only as a last resort.
    The standing orders should say so, state the voting method, and say who (if anyone) has
    a casting vote: `decision_making.casting_vote` is `none`, `chair`, `presiding_member` or
    a board seat's id. A casting vote given to someone who has no vote is reported: `chair`
    when the chair's seat has `voting: false`, or a seat id whose seat does not exist or has
    `voting: false`.
    Why: An ICB board brings partners together; the design framework expects them to reach
    agreement, and a vote that splits them should be rare. When a vote is needed, the method
    and the tie-break must be settled in advance, and a tie-break by someone who cannot vote
    is no tie-break at all.
    Fix: Under `standing_orders.decision_making` set `consensus_first: true`, `voting` (for
    example `simple_majority`) and `casting_vote` (`chair`, `presiding_member`, `none`, or
    the id of a voting seat).
    Source: The ICS design framework (June 2021), read in HSJ's report of 16 June 2021
    (decisions reached by "consensus", a vote "a last resort"; the chair may decide where
    members disagree, or NHS England may mediate), re-read this session; guidance [S],
    warning. The casting-vote check is an internal-consistency check of the document's own
    seats, not a requirement of a source.
    """
    decisions = doc.standing_orders.decision_making if doc.standing_orders is not None else None
    yield from unless_true(
        decisions.consensus_first if decisions is not None else None,
        (*DECISIONS, "consensus_first"),
        "The standing orders do not say that the board seeks consensus first and votes only "
        "as a last resort, as NHS England's design framework expects. Add it and set "
        "consensus_first: true.",
    )
    if decisions is None or decisions.voting is None:
        yield Finding(
            (*DECISIONS, "voting"),
            "The standing orders do not say how the board votes when consensus cannot be "
            "reached. State the method (for example a simple majority of members present and "
            "voting) in voting.",
        )
    casting = decisions.casting_vote if decisions is not None else None
    if casting is None:
        yield Finding(
            (*DECISIONS, "casting_vote"),
            "The standing orders do not say who decides a tied vote. State whether the chair "
            "(or the member presiding) has a casting vote, or that there is none, in "
            "casting_vote.",
        )
        return
    loc = (*DECISIONS, "casting_vote")
    holder = casting.strip()
    if holder.casefold() in {"none", "presiding_member"}:
        return
    if holder.casefold() == "chair":
        for _, chair in seats_with_role(doc, "chair"):
            if not chair.voting:
                yield Finding(
                    loc,
                    "The chair is given the casting vote, but the chair's seat has no vote. "
                    "Only a voting member can break a tie: give the chair's seat a vote, or "
                    "give the casting vote to another voting member or to none.",
                )
        return
    seat = _board_seat(doc, holder)
    if seat is None:
        yield Finding(
            loc,
            f'The casting vote is given to "{holder}", which is not a board seat. Give it to '
            "chair, presiding_member, none, or the id of a voting board seat.",
        )
    elif not seat.voting:
        yield Finding(
            loc,
            f"The casting vote is given to seat {seat_name(seat)}, which has no vote. Only a "
            "voting member can break a tie: give the casting vote to a voting member, or to "
            "none.",
        )


@rule(
    code="ICB116",
    slug="quorum-achievable",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[secondary(HWE_MODEL, "section 5.1 (Standing Orders)", f"{HWE_CONSTITUTION}/5")],
)
def quorum_achievable(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The quorum must be reachable by the board's own voting members.

    Requirement: The numbers in `standing_orders.quorum` must add up against `board.seats`,
    counting each seat's `count` and only seats with `voting: true`: `min_members` may not
    exceed the voting members; a `required` category (`executive`, `non_executive`,
    `partner`, `other`) may not ask for more members than the voting seats of that category
    have; a `required` seat must be a voting board seat with at least that many members.
    The required minimums may add up to more than `min_members`: that is fine. Minimums
    that together need more members than vote are caught by the checks of each entry:
    every seat has one category, and a member required by seat also counts towards that
    category's minimum, so the minimums are not simply added up (that would count such a
    member twice).
    Entries naming a participant or observer (by title, title and organisation, or id) are
    left to ICB022; `clinical` entries are not counted, because seats do not record who is a
    clinician.
    Why: A quorum that the board cannot reach means no meeting is ever quorate, so every
    decision it takes can be challenged. The mistake is easy to make when seats or voting
    rights change but the quorum is not revised.
    Fix: Lower `min_members` or the `required` minimums to what the voting seats can supply,
    require only seats that exist on the board and vote, or correct the seats' `count` and
    `voting`.
    Source: Not a requirement of any source: an internal-consistency check of the document's
    own numbers. The standing orders are where the model constitution sets the quorum:
    section 5.1 of the model (clauses 5.1.1 to 5.1.3: the standing orders cover the
    procedure at meetings and are appended as Appendix 2), read in full as reproduced by
    Herts and West Essex ICB (section 5, re-read this session). Guidance, warning.
    """
    quorum = _quorum(doc)
    if quorum is None or doc.board is None or not doc.board.seats:
        return
    voting = _voting_members(doc)
    if quorum.min_members is not None and quorum.min_members > voting:
        yield Finding(
            (*QUORUM, "min_members"),
            f"The quorum is {_members(quorum.min_members)}, but the board has only "
            f"{_members(voting)} with a vote, so no meeting could ever be quorate. Lower "
            "min_members, or correct the seats' count and voting.",
        )
    for number, need in enumerate(quorum.required):
        yield from _required_entry(doc, need, (*QUORUM, "required", number))


def _required_entry(doc: IcbConstitution, need: QuorumRequirement, loc: Loc) -> Iterator[Finding]:
    """ICB116's check of one `required` entry of the quorum against the voting seats."""
    if need.seat is not None:
        seat = _board_seat(doc, need.seat)
        if seat is None:
            if not _names_a_guest(doc, need.seat):
                yield Finding(
                    (*loc, "seat"),
                    f'The quorum requires seat "{need.seat}", but no board seat has that id or '
                    "title. Require an existing voting board seat, or remove the entry.",
                )
        elif not seat.voting:
            yield Finding(
                (*loc, "seat"),
                f"The quorum requires seat {seat_name(seat)}, which has no vote. Only voting "
                "members make the quorum: require a voting seat instead, or give this seat a "
                "vote.",
            )
        elif need.min > seat.count:
            yield Finding(
                (*loc, "min"),
                f"The quorum requires {_members(need.min)} of seat {seat_name(seat)}, which "
                f"has only {seat.count}. Lower the minimum or correct the seat's count.",
            )
    elif need.category in _COUNTED:
        available = _voting_members(doc, need.category)
        if need.min > available:
            has = f"only {_of(available, need.category)}" if available else "none"
            yield Finding(
                (*loc, "min"),
                f"The quorum requires {_of(need.min, need.category)}, but the board has "
                f"{has} with a vote. Lower the minimum, or correct the seats' count, category "
                "and voting.",
            )
