"""Procedures for making decisions (standing orders, SFIs, quorum, voting): ICB110 to ICB116.

ICB110 is `content`: the model text it checks is what makes the standing orders part of the
constitution, and NHS England's model keeps it there. The rest are `conduct`: duties on the
ICB, one ICB's practice or internal-consistency checks, which a constitution that is silent does
not breach.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Loc,
    Missing,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.base import Quorum, QuorumRequirement
from icslint.models.icb import IcbConstitution, Participant, Seat, StandingOrderTopic
from icslint.registry import NoOptions, rule

from ._support import (
    HWE_CONSTITUTION,
    HWE_MODEL,
    NHS_ACT_2006,
    SCH_1B,
    Headcount,
    headcount,
    least_of,
    model_clause,
    seat_name,
    seat_ref,
    seats,
    seats_with_role,
    secondary,
    stated_count,
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
    """The board seat a reference names: by id first, then by id or title loosely matched,
    then by the office a document may name instead of a seat ("Deputy Chair", "Chair")."""
    for _, seat in seats(doc):
        if seat.id == reference:
            return seat
    wanted = seat_ref(reference)
    for _, seat in seats(doc):
        if wanted in {seat_ref(seat.id), seat_ref(seat.title or "")}:
            return seat
    offices = {
        "chair": lambda s: s.role == "chair",
        "chief executive": lambda s: s.role == "chief_executive",
        "deputy chair": lambda s: s.is_deputy_chair,
        "vice chair": lambda s: s.is_deputy_chair,
        "senior non executive member": lambda s: s.is_senior_non_executive,
    }
    holds = offices.get(wanted)
    if holds is not None:
        for _, seat in seats(doc):
            if holds(seat):
                return seat
    return None


def _headcount(items: Iterable[tuple[int, Seat]]) -> Headcount:
    """headcount(), except that a chair's or chief executive's seat is one member even without
    a count: Schedule 1B paragraph 3(1) gives the board "a chair" and "a chief executive"."""
    pairs = list(items)
    single = sum(1 for _, s in pairs if stated_count(s) is None and s.role in _SINGLE_OFFICES)
    rest = headcount(
        (i, s) for i, s in pairs if stated_count(s) is not None or s.role not in _SINGLE_OFFICES
    )
    return Headcount(rest.least + single, rest.uncounted)


_SINGLE_OFFICES = {"chair", "chief_executive"}


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


def _members(number: int) -> str:
    return f"{number} member" if number == 1 else f"{number} members"


def _of(number: int, category: str) -> str:
    """A number of members of a category in words: "1 executive member", "3 partner members"."""
    singular, plural = _COUNTED[category]
    return f"{number} {singular if number == 1 else plural}"


def _seat_list(doc: IcbConstitution, indices: tuple[int, ...] | list[int], lacking: str) -> str:
    """Seats named in a sentence by id: 'seat "a"', 'seats "a" and "b"'. A long list is cut
    short as 'and the other seats without {lacking}', with no count of the seats left out."""
    ids = [f'"{seat.id}"' for index, seat in seats(doc) if index in indices]
    if len(ids) == 1:
        return f"seat {ids[0]}"
    if len(ids) > 4:
        return f"seats {', '.join(ids[:3])} and the other seats without {lacking}"
    return f"seats {', '.join(ids[:-1])} and {ids[-1]}"


# --- ICB110-ICB113: standing orders and standing financial instructions ------------------------


@rule(
    code="ICB110",
    slug="standing-orders-in-constitution",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("5.1.3"), NOTTS],
)
def standing_orders_in_constitution(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The standing orders must be appended in full and form part of the constitution.

    Requirement: The ICB's standing orders appear in full as an appendix to the constitution
    and form part of it, so any change to them is a change to the constitution. The rule
    checks `standing_orders.part_of_constitution: true` and, where `sections` lists the
    constitution's appendices, that one of them is headed "Standing Orders" (the model's
    Appendix 2).
    Provision: The model constitution's clause 5.1.3: "A full copy of the Standing Orders is
    included in Appendix 2 and form part of this Constitution." The model says so, but no text
    available to us says that NHS England requires the constitution to contain this clause, so a
    constitution that is silent is "not stated"; one that keeps the standing orders outside it
    is in breach.
    Why: Standing orders kept outside the constitution could be changed by the board alone,
    although they govern how its decisions are made; as part of the constitution they change
    only with NHS England's approval.
    Fix: Append the standing orders (for example `{number: Appendix 2, heading: Standing
    Orders}` under `sections`), say that they form part of the constitution, and set
    `standing_orders.part_of_constitution: true`.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 5.1.3); NHS England's own model text was not available. NHS
    Nottingham and Nottinghamshire ICB's organisational information page says the same
    ("Appended to this constitution are the Standing Orders"). The rule can only check that
    the appendix and the statement are there, not what the standing orders say.
    """
    so = doc.standing_orders
    yield from unless_true(
        so.part_of_constitution if so is not None else None,
        (*SO, "part_of_constitution"),
        "The constitution does not say that its standing orders form part of it; NHS England's "
        "model (clause 5.1.3) appends them in full as part of the constitution. If they do, "
        "set standing_orders.part_of_constitution: true.",
        contradicted="The constitution keeps its standing orders outside it "
        "(standing_orders.part_of_constitution: false). NHS England's model includes them in "
        "full as an appendix that forms part of the constitution (clause 5.1.3), so that they "
        "change only with NHS England's approval; append them and set it to true.",
    )
    # The appendix check needs the flag to be true (otherwise the one gap is reported above)
    # and a table of contents that lists appendices: a list of the main sections alone cannot
    # show that the standing orders appendix is missing.
    if so is None or so.part_of_constitution is not True:
        return
    appendices = [x for x in doc.sections if "appendix" in f"{x.number} {x.heading}".casefold()]
    if appendices and not any("standing order" in x.heading.casefold() for x in doc.sections):
        yield Missing(
            ("sections",),
            "The constitution says that its standing orders form part of it, but none of the "
            'appendices it lists is headed "Standing Orders". NHS England\'s model includes '
            "them in full as Appendix 2 (clause 5.1.3); add the appendix and list it under "
            "sections.",
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
    requires="conduct",
    citations=[model_clause("5.1.1"), NOTTS],
)
def standing_orders_coverage(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The standing orders should cover the procedure at meetings and the delegation of functions.

    Requirement: The standing orders set out how the ICB conducts its business, the procedure
    at meetings and the process for delegating functions. The rule expects
    `standing_orders.covers` to list the meeting topics `calling_meetings`, `agenda`,
    `chair_of_meeting`, `quorum`, `decision_making`, `minutes` and `admission_of_public`,
    and `delegation`, and reports each one not listed. If `covers` lists nothing, it reports
    once.
    Provision: The model constitution's clause 5.1.1: the ICB "has agreed a set of standing
    orders" which "include procedures for" conducting its business, the procedures to be
    followed during meetings and the process to delegate functions. The clause describes the
    standing orders the ICB has agreed; the list of meeting topics is the usual one of NHS
    standing orders, not words of the model. Nothing read requires the constitution to contain
    each topic, so one that is not listed is "not stated".
    Why: A meeting whose procedure is not written down can be challenged: who called it, who
    chaired it, whether it was quorate, how it decided and whether the public could attend.
    Fix: List in `standing_orders.covers` the topics the standing orders deal with; add any
    that are missing to the standing orders.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 5.1.1); NHS England's own model text, and its model standing
    orders, were not available. NHS Nottingham and Nottinghamshire ICB's organisational
    information page (procedures for meetings and for appointing committees) agrees. Shipped
    as a warning: the list of meeting topics was not verified against the model standing
    orders.
    """
    covers = doc.standing_orders.covers if doc.standing_orders is not None else ()
    loc = (*SO, "covers")
    if not covers:
        yield Missing(
            loc,
            "The constitution does not say what its standing orders cover. NHS England's model "
            "has them set the procedure at board meetings and the process for delegating the "
            "ICB's functions; list the topics they cover in standing_orders.covers.",
        )
        return
    for topic, words in MEETING_TOPICS.items():
        if topic not in covers:
            yield Missing(
                loc,
                f"The standing orders, as recorded, do not cover {words}. NHS England's model "
                "has the standing orders set the procedure at board meetings; if they deal "
                f"with it, list {topic} in standing_orders.covers.",
            )
    if "delegation" not in covers:
        yield Missing(
            loc,
            "The standing orders, as recorded, do not set out the process for delegating the "
            "ICB's functions (to committees, employees and other bodies). NHS England's model "
            "includes it; if they do, list delegation in standing_orders.covers.",
        )


@rule(
    code="ICB112",
    slug="standing-orders-apply-to-committees",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("5.1.2")],
)
def standing_orders_apply_to_committees(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The standing orders must govern committees and sub-committees unless their ToR say not.

    Requirement: The standing orders apply to every committee and sub-committee of the ICB
    unless terms of reference agreed by the board say otherwise.
    Provision: The model constitution's clause 5.1.2: "The Standing Orders apply to all
    committees and sub-committees of the ICB unless specified otherwise in the terms of
    reference that have been agreed by the board." It is model text, but nothing available says
    that NHS England requires it to stay in the constitution, so a constitution that is silent
    is "not stated"; one that says the standing orders do not apply to committees is in breach.
    Why: Committees take decisions on the board's behalf; without a default, a committee with
    thin terms of reference would have no rules on quorum, voting or conflicts.
    Fix: If the constitution says that the standing orders apply to committees and
    sub-committees unless their board-approved terms of reference provide otherwise, set
    `standing_orders.applies_to_committees_by_default: true`; otherwise add the clause.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 5.1.2); NHS England's own model text was not available. The rule
    can only check that the clause is present.
    """
    so = doc.standing_orders
    yield from unless_true(
        so.applies_to_committees_by_default if so is not None else None,
        (*SO, "applies_to_committees_by_default"),
        "The constitution does not say that the standing orders apply to committees and "
        "sub-committees unless their board-approved terms of reference say otherwise, as NHS "
        "England's model does (clause 5.1.2). If it does, set "
        "standing_orders.applies_to_committees_by_default: true.",
        contradicted="The constitution is recorded as not applying its standing orders to "
        "committees and sub-committees by default "
        "(standing_orders.applies_to_committees_by_default: false). NHS England's model applies "
        "them unless board-approved terms of reference say otherwise (clause 5.1.2); add the "
        "clause and set it to true.",
    )


@rule(
    code="ICB113",
    slug="standing-financial-instructions",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[model_clause("5.2.1 to 5.2.2")],
)
def standing_financial_instructions(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must have standing financial instructions, published in the governance handbook.

    Requirement: The ICB adopts standing financial instructions (SFIs), which include the
    delegated limits of financial authority set in the scheme of reservation and delegation,
    and publishes them in the governance handbook.
    Provision: The model constitution's clauses 5.2.1 ("The ICB has agreed a set of Standing
    Financial Instructions (SFIs), which include the delegated limits of financial authority set
    out in the SoRD") and 5.2.2 ("A copy of the SFIs is published in the Governance Handbook").
    They describe what the ICB does; nothing read requires the constitution to say it, so a
    constitution that is silent is "not stated"; one that says the ICB has no SFIs is in breach.
    Why: The SFIs say who may commit the ICB's money and up to what amount; unpublished or
    missing, nobody can check that a spending decision was authorised.
    Fix: If the constitution says so, set `sfi.exists: true` and name where they are
    published in `sfi.published_in` (for example `Governance Handbook`).
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clauses 5.2.1 and 5.2.2); NHS England's own model text was not
    available. The rule can only check that the SFIs are stated to exist and where they are
    published, not what they contain.
    """
    sfi = doc.sfi
    yield from unless_true(
        sfi.exists if sfi is not None else None,
        ("sfi", "exists"),
        "The constitution does not say that the ICB has standing financial instructions. NHS "
        "England's model has the ICB agree them, with the delegated financial limits; if the "
        "constitution says so, set sfi.exists: true.",
        contradicted="The constitution is recorded as saying that the ICB has no standing "
        "financial instructions (sfi.exists: false). NHS England's model has the ICB agree "
        "them, with the delegated financial limits; adopt them and set sfi.exists: true.",
    )
    # Where they are published matters only if the ICB has them; an ICB recorded as having
    # none is reported once, above.
    if (sfi is None or sfi.exists is not False) and (sfi is None or not sfi.published_in):
        yield Missing(
            ("sfi", "published_in"),
            "The constitution does not say where the standing financial instructions are "
            "published. NHS England's model publishes them in the governance handbook; if the "
            "constitution says where, name it in sfi.published_in.",
        )


# --- ICB114-ICB116: quorum and voting -----------------------------------------------------------


@rule(
    code="ICB114",
    slug="quorum-defined",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.WARNING,
    requires="conduct",
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
    Provision: No provision requiring a quorum could be read. The paragraph of Schedule 1B on
    the ICB's procedure was not available, and NHS England's guidance of July 2024 only assumes
    that "local quoracy rules" exist ("local quoracy rules should allow the board to meet
    without the chair"). Nothing read requires the constitution to state a quorum, so a
    constitution that is silent is "not stated".
    Why: Without a quorum any handful of members could take decisions in the board's name,
    and any decision could be challenged as taken by too few.
    Fix: If the standing orders state a quorum, record it under `standing_orders.quorum`, as
    `min_members` and/or `rule_text` (with any `required` categories of member); otherwise
    add one.
    Source: The statutory requirement is not verified: the paragraph of Schedule 1B to the
    National Health Service Act 2006 on procedure was not available, nor were NHS England's
    model standing orders with their quorum. Read in NHS England's guidance of July 2024
    (Guidance on integrated care board constitutions and governance, "Action required",
    bullet 1). From the constitution of NHS Hertfordshire and West Essex ICB, which follows
    NHS England's model (clause 5.1.1: the standing orders include the procedures to be
    followed during meetings). Not verified, so a warning, never an error.
    """
    quorum = _quorum(doc)
    if quorum is None or (quorum.min_members is None and not quorum.rule_text):
        yield Missing(
            QUORUM,
            "Unverified requirement: the constitution does not state a quorum for board "
            "meetings. NHS England's guidance of July 2024 assumes that local quoracy rules "
            "exist; if the standing orders set one, record it in standing_orders.quorum "
            "(min_members and/or rule_text).",
        )


@rule(
    code="ICB115",
    slug="consensus-first",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[DESIGN_FRAMEWORK_HSJ],
)
def consensus_first(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Board decisions should be sought by consensus first, with a stated voting fallback.

    Requirement: The board normally decides by consensus and votes only as a last resort.
    The standing orders should say so, state the voting method, and say who (if anyone) has
    a casting vote: `decision_making.casting_vote` is `none`, `chair`, `presiding_member` or
    a board seat's id. A casting vote given to someone who has no vote is reported: `chair`
    when the chair's seat has `voting: false`, a participant or observer, or a seat with
    `voting: false`.
    Provision: NHS England's design framework, as reported by HSJ: board decisions are to be
    reached by consensus, with a vote as "a last resort". This is how the board should work, not
    a requirement that the constitution say it, so a constitution that is silent is "not
    stated"; one that rejects consensus first, or gives the casting vote to someone without a
    vote, is in breach.
    Why: An ICB board brings partners together; the design framework expects them to reach
    agreement, and a vote that splits them should be rare. When a vote is needed, the method
    and the tie-break must be settled in advance, and a tie-break by someone who cannot vote
    is no tie-break at all.
    Fix: Under `standing_orders.decision_making` set `consensus_first: true`, `voting` (for
    example `simple_majority`) and `casting_vote` (`chair`, `presiding_member`, `none`, or
    the id of a voting seat), as the standing orders give them.
    Source: From HSJ's report of 16 June 2021 on NHS England's Integrated care systems: design
    framework (June 2021); the framework's own text was not available. Guidance, so a warning.
    The casting-vote check is an internal-consistency check of the document's own seats, not
    a requirement of a source.
    """
    decisions = doc.standing_orders.decision_making if doc.standing_orders is not None else None
    yield from unless_true(
        decisions.consensus_first if decisions is not None else None,
        (*DECISIONS, "consensus_first"),
        "The constitution does not say that the board seeks consensus first and votes only "
        "as a last resort, as NHS England's design framework expects. If the standing orders "
        "say so, set consensus_first: true.",
        contradicted="The standing orders are recorded as not seeking consensus first "
        "(consensus_first: false). NHS England's design framework expects the board to decide "
        "by consensus and to vote only as a last resort; say so and set consensus_first: true.",
    )
    if decisions is None or decisions.voting is None:
        yield Missing(
            (*DECISIONS, "voting"),
            "The constitution does not say how the board votes when consensus cannot be "
            "reached. If the standing orders give the method (for example a simple majority "
            "of members present and voting), set voting.",
        )
    casting = decisions.casting_vote if decisions is not None else None
    if casting is None:
        yield Missing(
            (*DECISIONS, "casting_vote"),
            "The constitution does not say who decides a tied vote. If the standing orders say "
            "whether the chair (or the member presiding) has a casting vote, or that there is "
            "none, set casting_vote.",
        )
        return
    yield from _casting_vote_holder(doc, casting.strip(), (*DECISIONS, "casting_vote"))


def _casting_vote_holder(doc: IcbConstitution, holder: str, loc: Loc) -> Iterator[Finding]:
    """ICB115's check that whoever holds the casting vote has a vote at the board."""
    if holder.casefold() in {"none", "presiding_member"}:
        return
    if holder.casefold() == "chair":
        for _, chair in seats_with_role(doc, "chair"):
            if not chair.voting:
                yield Contradiction(
                    loc,
                    "The chair is given the casting vote, but the chair's seat has no vote. "
                    "Only a voting member can break a tie: give the chair's seat a vote, or "
                    "give the casting vote to another voting member or to none.",
                )
        return
    seat = _board_seat(doc, holder)
    if seat is not None:
        if not seat.voting:
            yield Contradiction(
                loc,
                f"The casting vote is given to seat {seat_name(seat)}, which has no vote. Only "
                "a voting member can break a tie: give the casting vote to a voting member, or "
                "to none.",
            )
    elif _names_a_guest(doc, holder):
        yield Contradiction(
            loc,
            f'The casting vote is given to "{holder}", who attends the board as a participant '
            "or observer and is not a member. Only a voting member can break a tie: give the "
            "casting vote to a voting member, or to none.",
        )
    else:
        yield Missing(
            loc,
            f'The casting vote is given to "{holder}", but the constitution lists no board seat '
            "with that id or title, so it cannot be shown that a voting member holds it. Set "
            "casting_vote to chair, presiding_member, none, or the id of a voting board seat.",
        )


@rule(
    code="ICB116",
    slug="quorum-achievable",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[secondary(HWE_MODEL, "section 5.1 (Standing Orders)", f"{HWE_CONSTITUTION}/5")],
)
def quorum_achievable(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The quorum must be reachable by the board's own voting members.

    Requirement: The numbers in `standing_orders.quorum` add up against `board.seats`,
    counting only seats with `voting: true`: `min_members` may not exceed the voting members;
    a `required` category (`executive`, `non_executive`, `partner`, `other`) may not ask for
    more members than the voting seats of that category have; a `required` seat must be a
    voting board seat with at least that many members. A seat without a `count` is at least
    one member: where the answer turns on seats without a count (or without a category), the
    check is "not stated", and the message names those seats without giving a total. The
    required minimums may add up to more than `min_members`: that is fine, because a member
    required by seat also counts towards that seat's category, so the minimums are checked
    one by one, not added up. Entries naming a participant or observer are left to ICB022;
    `clinical` entries are not counted, because seats do not record who is a clinician.
    Provision: Not a provision of any source: an internal-consistency check of the document's
    own numbers, against the standing orders, where the model constitution puts the procedure at
    meetings (clause 5.1.1). A quorum the voting seats, as counted by the constitution, cannot
    make up contradicts the document itself, which is a breach; one that turns on numbers the
    constitution does not give is "not stated".
    Why: A quorum that the board cannot reach means no meeting is ever quorate, so every
    decision it takes can be challenged. The mistake is easy to make when seats or voting
    rights change but the quorum is not revised.
    Fix: Give each seat its `count` and `category` as the constitution states them; then
    lower `min_members` or the `required` minimums to what the voting seats can supply,
    require only seats that exist on the board and vote, or correct the seats' `count` and
    `voting`.
    Source: An internal-consistency check, not a requirement of any source. From the
    constitution of NHS Hertfordshire and West Essex ICB, which follows NHS England's model
    (section 5.1: the standing orders, appended as Appendix 2, cover the procedure at
    meetings); NHS England's own model text was not available. Guidance, so a warning.
    """
    quorum = _quorum(doc)
    if quorum is None or (quorum.min_members is None and not quorum.required):
        yield NotApplicable("The constitution states no quorum in numbers.")
        return
    if doc.board is None or not doc.board.seats:
        yield NotApplicable("The constitution lists no board seats to check the quorum against.")
        return
    voting = [(i, s) for i, s in seats(doc) if s.voting]
    if quorum.min_members is not None:
        yield from _min_members(doc, quorum.min_members, voting)
    for number, need in enumerate(quorum.required):
        yield from _required_entry(doc, need, voting, (*QUORUM, "required", number))


def _min_members(
    doc: IcbConstitution, wanted: int, voting: list[tuple[int, Seat]]
) -> Iterator[Finding]:
    """ICB116's check of `min_members` against the voting seats."""
    count = _headcount(voting)
    if wanted <= count.least:
        return
    loc = (*QUORUM, "min_members")
    if count.exact:
        has = f"only {_members(count.least)}" if count.least else "no members"
        yield Contradiction(
            loc,
            f"The quorum is {_members(wanted)}, but the board has {has} with a vote, so no "
            "meeting could ever be quorate. Lower min_members, or correct the seats' count and "
            "voting.",
        )
    else:
        yield Unknown(
            loc,
            f"The quorum is {_members(wanted)}, but the constitution does not say how many "
            f"members sit in {_seat_list(doc, count.uncounted, 'a count')}, so it cannot be "
            "shown that the board has that many voting members. Give each seat a count.",
        )


def _required_entry(
    doc: IcbConstitution, need: QuorumRequirement, voting: list[tuple[int, Seat]], loc: Loc
) -> Iterator[Finding]:
    """ICB116's check of one `required` entry of the quorum against the voting seats."""
    if need.seat is not None:
        yield from _required_seat(doc, need.seat, need.min, loc)
        return
    if need.category not in _COUNTED:
        return
    category = need.category
    count = _headcount((i, s) for i, s in voting if s.category == category)
    if need.min <= count.least:
        return
    # A voting seat with no category may be of this one: the shortfall is then not shown.
    unsorted = [i for i, s in voting if s.category is None]
    if count.exact and not unsorted:
        has = f"only {_of(count.least, category)}" if count.least else "none"
        yield Contradiction(
            (*loc, "min"),
            f"The quorum requires {_of(need.min, category)}, but the board has {has} with a "
            "vote. Lower the minimum, or correct the seats' count, category and voting.",
        )
        return
    gaps = []
    if not count.exact:
        gaps.append(f"how many members sit in {_seat_list(doc, count.uncounted, 'a count')}")
    if unsorted:
        gaps.append(f"what kind of member sits in {_seat_list(doc, unsorted, 'a category')}")
    give = "a count" if not unsorted else "a category" if count.exact else "a count and a category"
    yield Unknown(
        (*loc, "min"),
        f"The quorum requires {_of(need.min, category)}, but the constitution does not say "
        f"{' or '.join(gaps)}, so it cannot be shown that the board has that many with a "
        f"vote. Give each seat {give}.",
    )


def _required_seat(doc: IcbConstitution, reference: str, least: int, loc: Loc) -> Iterator[Finding]:
    """ICB116's check of a `required` entry that names a seat."""
    seat = _board_seat(doc, reference)
    if seat is None:
        if not _names_a_guest(doc, reference):
            yield Missing(
                (*loc, "seat"),
                f'The quorum requires "{reference}", but the constitution lists no board seat '
                "with that id or title, so it cannot be shown that a voting member holds it. "
                "Require an existing voting board seat, or list the seat under board.seats.",
            )
    elif not seat.voting:
        yield Contradiction(
            (*loc, "seat"),
            f"The quorum requires seat {seat_name(seat)}, which has no vote. Only voting "
            "members make the quorum: require a voting seat instead, or give this seat a "
            "vote.",
        )
    elif least > 1 and stated_count(seat) is None and seat.role not in _SINGLE_OFFICES:
        yield Unknown(
            (*loc, "min"),
            f"The quorum requires {_members(least)} of seat {seat_name(seat)}, but the "
            "constitution does not say how many members sit in it. Give the seat a count.",
        )
    elif least > least_of(seat):
        count = stated_count(seat)
        if count is not None and not count.exact:
            yield Unknown(
                (*loc, "min"),
                f"The quorum requires {_members(least)} of seat {seat_name(seat)}, which the "
                f"constitution says has {count} members, without saying how many more. Give "
                "the seat's exact count, or lower the minimum.",
            )
        else:
            # The seat's count was given, or the seat is the chair's or chief executive's: one.
            yield Contradiction(
                (*loc, "min"),
                f"The quorum requires {_members(least)} of seat {seat_name(seat)}, which has "
                f"only {least_of(seat)}. Lower the minimum or correct the seat's count.",
            )
