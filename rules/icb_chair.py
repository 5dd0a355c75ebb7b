"""Catalogue section D: the chair, the deputy chair and the senior non-executive member."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Severity
from icslint.models.icb import IcbConstitution, Seat
from icslint.registry import NoOptions, rule

from ._support import (
    SEATS,
    is_body,
    sch1b,
    seat_loc,
    seat_name,
    seats,
    seats_with_role,
    secondary,
    unless_true,
)

ICB = "icb-constitution"


@rule(
    code="ICB050",
    slug="chair-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("5")],
)
def chair_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """NHS England appoints the chair, with the Secretary of State's approval.

    Requirement: The constitution must provide for the chair to be appointed by NHS England
    with the approval of the Secretary of State.
    Why: The chair's independence from local organisations rests on a national appointment;
    no local body may appoint the chair.
    Fix: On the chair's seat set `appointed_by: NHS England` and
    `appointment_approved_by: Secretary of State`.
    Source: Schedule 1B paragraph 5 read in the revised text on legislation.gov.uk (S01, [V]).
    """
    for index, seat in seats_with_role(doc, "chair"):
        if not is_body(seat.appointed_by, "NHS England"):
            yield Finding(
                seat_loc(index, "appointed_by"),
                f"The chair is appointed by {seat.appointed_by or 'no one stated'}; it must be "
                "NHS England. Set appointed_by: NHS England.",
            )
        if not is_body(seat.appointment_approved_by, "Secretary of State"):
            yield Finding(
                seat_loc(index, "appointment_approved_by"),
                "The chair's appointment must be approved by the Secretary of State; the "
                f"constitution says {seat.appointment_approved_by or 'nothing'}. Set "
                "appointment_approved_by: Secretary of State.",
            )


@rule(
    code="ICB051",
    slug="chair-removal",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("6")],
)
def chair_removal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Only NHS England may remove the chair, and only with the Secretary of State's approval.

    Requirement: The constitution may not give anyone other than NHS England power to remove
    the chair, and any such power must be subject to the Secretary of State's approval. It
    need not provide a power of removal at all.
    Why: If the board or a partner could remove the chair, the chair's independence and the
    national appointment would mean nothing.
    Fix: On the chair's seat, either leave `removal_by` out, or set `removal_by: NHS England`
    and `removal_approved_by: Secretary of State`.
    Source: Schedule 1B paragraph 6 read in the revised text on legislation.gov.uk (S01, [V]);
    the paragraph limits who may hold the power and does not require one.
    """
    for index, seat in seats_with_role(doc, "chair"):
        if seat.removal_by is None:
            if seat.removal_approved_by is not None:
                yield Finding(
                    seat_loc(index, "removal_by"),
                    "The chair's seat names who approves a removal but not who removes. Only "
                    "NHS England may remove the chair: set removal_by: NHS England.",
                )
            continue
        if not is_body(seat.removal_by, "NHS England"):
            yield Finding(
                seat_loc(index, "removal_by"),
                f"The constitution lets {seat.removal_by} remove the chair. Only NHS England may "
                "be given that power. Set removal_by: NHS England, or remove the clause.",
            )
        if not is_body(seat.removal_approved_by, "Secretary of State"):
            yield Finding(
                seat_loc(index, "removal_approved_by"),
                "Removing the chair must be subject to the Secretary of State's approval. Set "
                "removal_approved_by: Secretary of State.",
            )


# --- the deputy chair and the senior non-executive member (NHS England, July 2024) ---------

NHSE_GOVERNANCE = (
    "NHS England, Guidance on integrated care board constitutions and governance (July 2024)"
)
NHSE_GOVERNANCE_URL = "https://england.nhs.uk/long-read/guidance-on-integrated-care-board-constitutions-and-governance"
UIN_45636 = secondary(
    "Written answer UIN 45636 (DHSC), Integrated Care Boards: Leadership",
    "answer: the ICB governance guidance, updated in July 2024, requires every ICB to have a "
    "deputy chair",
    "https://parallelparliament.co.uk/question/45636/integrated-care-boards-leadership",
)


def nhse_governance(provision: str) -> Citation:
    """A citation of the "Action required" list of NHS England's July 2024 long-read."""
    return Citation(NHSE_GOVERNANCE, f"Action required, {provision}", NHSE_GOVERNANCE_URL)


# The guidance is dated only "July 2024" in the sources read, so a version is treated as made
# after it only if it took effect after that month.
_GUIDANCE_MONTH_END = dt.date(2024, 7, 31)


def _after_2024_guidance(doc: IcbConstitution) -> bool:
    """Whether NHS England's July 2024 requirements apply: a version in force after July 2024,
    or a draft with no effective_from."""
    effective = doc.meta.effective_from if doc.meta is not None else None
    return effective is None or effective > _GUIDANCE_MONTH_END


def _designated(doc: IcbConstitution, flag: str) -> list[tuple[int, Seat]]:
    """The seats carrying a designation flag (is_deputy_chair or is_senior_non_executive)."""
    return [(i, s) for i, s in seats(doc) if getattr(s, flag)]


def _exactly_one(found: list[tuple[int, Seat]], flag: str, label: str) -> Iterator[Finding]:
    """The shared count check of ICB052 and ICB055: one member, and only one, holds the title."""
    members = sum(seat.count for _, seat in found)
    if members == 0:
        yield Finding(
            SEATS,
            f"No non-executive member is designated {label}. NHS England requires one of the "
            f"non-executive members to be named {label}. Set {flag}: true on one non-executive "
            "member's seat.",
        )
    elif members > 1:
        index, seat = found[1] if len(found) > 1 else found[0]
        yield Finding(
            seat_loc(index, flag if len(found) > 1 else "count"),
            f"{members} members are designated {label}; there must be exactly one. Keep "
            f"{flag}: true on one non-executive member's seat (with count: 1) and remove it "
            f"from the others, including {seat_name(seat)}.",
        )


def _audit_chairs(doc: IcbConstitution) -> Iterator[tuple[int, str]]:
    """Each audit committee, by index, with the id of the seat that chairs it."""
    for index, committee in enumerate(doc.committees):
        if committee.kind == "audit" and committee.chair_seat:
            yield index, committee.chair_seat


@rule(
    code="ICB052",
    slug="deputy-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1"), UIN_45636],
)
def deputy_chair(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """One non-executive member, and only one, must be designated deputy chair.

    Requirement: The constitution must name one of the non-executive members as deputy chair
    of the board. The rule applies to versions that took effect after July 2024 and to drafts
    without `meta.effective_from`; earlier versions are not checked.
    Why: If the chair is unavailable for a short or a long time, it must be clear who chairs
    board meetings. NHS England asks ICBs to add the designation at their next amendment.
    Fix: Set `is_deputy_chair: true` on exactly one seat with `category: non_executive`
    (and `count: 1`), not the seat of the audit committee chair.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance", "Action required", bullet 1, read as guidance text (catalogue S14, [V]; the
    stored copy of its opening, "About this guidance" and "Action required", was re-read for
    this rule). It updates the 13 May 2022 guidance and asks ICBs to amend at their next
    opportunity, allowing an NHS England-approved transition for non-executive roles. The
    long-read's own date is not in the part read: "July 2024", and the statement that it made
    a deputy chair a requirement for all ICBs, come from DHSC's written answer UIN 45636 ([S]).
    """
    if not _after_2024_guidance(doc):
        return
    found = _designated(doc, "is_deputy_chair")
    yield from _exactly_one(found, "is_deputy_chair", "deputy chair")
    for index, seat in found:
        if seat.category != "non_executive":
            yield Finding(
                seat_loc(index, "category"),
                f"Seat {seat_name(seat)} is designated deputy chair but its category is "
                f"{seat.category or 'not given'}. The deputy chair must be one of the "
                "non-executive members: move is_deputy_chair: true to a seat with "
                "category: non_executive.",
            )


@rule(
    code="ICB053",
    slug="deputy-chair-not-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1")],
)
def deputy_chair_not_audit_chair(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The deputy chair must not chair the audit committee.

    Requirement: The non-executive member designated deputy chair must not be the chair of
    the audit committee. Applies to versions in force after July 2024 and to undated drafts.
    Why: The audit committee chair gives the board independent assurance, including on how it
    is led; that role does not sit well with standing in for the chair.
    Fix: Give the audit committee's `chair_seat` to another non-executive member, or move
    `is_deputy_chair: true` to a non-executive member who does not chair audit.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 1,
    which excludes the audit committee chair; read as guidance text (catalogue S14, [V]).
    """
    if not _after_2024_guidance(doc):
        return
    deputies = {seat.id for _, seat in _designated(doc, "is_deputy_chair")}
    for index, chair_seat in _audit_chairs(doc):
        if chair_seat in deputies:
            yield Finding(
                ("committees", index, "chair_seat"),
                f'The audit committee "{doc.committees[index].name}" is chaired by seat '
                f'"{chair_seat}", which is the deputy chair. NHS England asks that the deputy '
                "chair be a non-executive member other than the audit committee chair. Choose "
                "another chair for the committee, or designate another deputy chair.",
            )


_DEPUTY_TITLE = re.compile(r"\b(deputy|vice)[\s-]*chair", re.IGNORECASE)


@rule(
    code="ICB054",
    slug="deputy-chair-is-a-designation",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1, first and second sub-points"), sch1b("5")],
)
def deputy_chair_is_a_designation(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The deputy chair is a designation of a non-executive member, not a new seat or the chair.

    Requirement: Naming a deputy chair must not create a new post on the board, and the
    deputy chair does not become the chair. Applies to versions in force after July 2024 and
    to undated drafts. How the check works: a seat counts as a deputy chair seat if its
    title says "deputy chair" or "vice chair" (also "vice-chair", "deputy chairman"); it
    passes only if it is an ordinary non-executive member's seat marked
    `is_deputy_chair: true`. Separately, the chair's own seat must not carry
    `is_deputy_chair`. A deputy chair designation on a seat of another category is also
    reported by ICB052. The catalogue's text check (wording saying the deputy "succeeds" or
    "becomes" chair) is not made: the document model holds no free-text clause for it.
    Why: NHS England means the designation only to make clear who chairs meetings when the
    chair is away. A separate "Deputy Chair" seat would add a member that the board
    composition and appointment rules do not provide for, and the chair's office can only be
    filled by NHS England's appointment with the Secretary of State's approval.
    Fix: Remove any separate deputy or vice chair seat and set `is_deputy_chair: true` on an
    existing seat with `role: ordinary` and `category: non_executive`; never on the chair's
    seat.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 1
    and its first two sub-points (not a new appointment; the deputy would not become chair),
    read as guidance text (catalogue S14, [V]); Schedule 1B paragraph 5 (NHS England appoints
    the chair with the Secretary of State's approval) read on legislation.gov.uk (S01, [V]).
    """
    if not _after_2024_guidance(doc):
        return
    for index, seat in seats(doc):
        if seat.role == "chair" and seat.is_deputy_chair:
            yield Finding(
                seat_loc(index, "is_deputy_chair"),
                "The chair's seat is designated deputy chair. The deputy chair stands in "
                "when the chair is unavailable, so must be one of the non-executive members. "
                "Set is_deputy_chair: false here and true on a non-executive member's seat.",
            )
        elif _DEPUTY_TITLE.search(seat.title or "") and not (
            seat.role == "ordinary" and seat.category == "non_executive" and seat.is_deputy_chair
        ):
            yield Finding(
                seat_loc(index, "title"),
                f"Seat {seat_name(seat)} is titled as a deputy chair but is not a non-executive "
                "member designated deputy chair. The deputy chair is not a new post: it is one "
                "of the existing non-executive members. Remove this seat and set "
                "is_deputy_chair: true on a non-executive member, or, if this seat is that "
                "member, set role: ordinary, category: non_executive and is_deputy_chair: true.",
            )


@rule(
    code="ICB055",
    slug="senior-non-executive-member",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 2")],
)
def senior_non_executive_member(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """One non-executive member, and only one, must be designated senior non-executive member.

    Requirement: The constitution must name one of the non-executive members (an ordinary
    member, not the chair) as senior non-executive member. Applies to versions in force after
    July 2024 and to undated drafts.
    Why: The role mirrors the senior independent director of NHS trusts and foundation
    trusts: someone other than the chair who supports the appraisal of the chair and can
    mediate between the chair and the board.
    Fix: Set `is_senior_non_executive: true` on exactly one seat with `role: ordinary` and
    `category: non_executive` (and `count: 1`).
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 2,
    read as guidance text (catalogue S14, [V]).
    """
    if not _after_2024_guidance(doc):
        return
    found = _designated(doc, "is_senior_non_executive")
    yield from _exactly_one(found, "is_senior_non_executive", "senior non-executive member")
    for index, seat in found:
        if seat.category != "non_executive" or seat.role != "ordinary":
            wrong = "category" if seat.category != "non_executive" else "role"
            yield Finding(
                seat_loc(index, wrong),
                f"Seat {seat_name(seat)} is designated senior non-executive member but its "
                f"{wrong} is {getattr(seat, wrong) or 'not given'}. The senior non-executive "
                "member must be one of the non-executive members other than the chair: move "
                "is_senior_non_executive: true to a seat with role: ordinary and "
                "category: non_executive.",
            )


@rule(
    code="ICB056",
    slug="senior-non-executive-member-role",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[nhse_governance("bullet 2")],
)
def senior_non_executive_member_role(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The constitution should describe what the senior non-executive member does.

    Requirement: The senior non-executive member supports the NHS England regional director
    in appraising the chair and in checking the chair's compliance with the fit and proper
    person test, acts as a sounding board for the chair and, where needed, mediates between
    the chair and other members. The constitution should say so. Applies to versions in
    force after July 2024 and to undated drafts.
    Why: Without a stated role the designation is a title only, and members do not know whom
    to turn to about the chair.
    Fix: Add the role description (for example in the section on non-executive members) and
    set `board.snem_role_clause: true`.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 2,
    read as guidance text (catalogue S14, [V]). This is a presence-of-clause rule: it can
    only check that the clause is present, not what it says. Shipped as a warning, not an
    error: the part of the guidance read describes the role but does not say the constitution
    itself must set it out (the updated model constitution was not read), and a role
    specification may hold it instead.
    """
    if not _after_2024_guidance(doc):
        return
    board = doc.board
    yield from unless_true(
        board.snem_role_clause if board is not None else None,
        ("board", "snem_role_clause"),
        "The constitution does not describe the senior non-executive member's role: "
        "supporting NHS England's regional director in the chair's appraisal and fit and "
        "proper person checks, acting as a sounding board for the chair, and mediating "
        "between the chair and other members. Add it and set board.snem_role_clause: true.",
    )


@rule(
    code="ICB057",
    slug="senior-non-executive-deputy-not-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 2, first sub-point")],
)
def senior_non_executive_deputy_not_audit_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """A member who is both senior non-executive member and deputy chair must not chair audit.

    Requirement: One non-executive member may be both the senior non-executive member and the
    deputy chair, but not if that member chairs the audit committee. (A senior non-executive
    member who chairs audit is allowed, but cannot also be deputy chair.) Applies to versions
    in force after July 2024 and to undated drafts.
    Why: Combining the two designations is allowed only where it does not compromise the
    independence of the audit committee chair.
    Fix: Give the audit committee's `chair_seat` to another non-executive member, or move one
    of the two designations (`is_deputy_chair` or `is_senior_non_executive`) to another
    non-executive member.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 2,
    first sub-point, read as guidance text (catalogue S14, [V]).
    """
    if not _after_2024_guidance(doc):
        return
    both = {
        seat.id for _, seat in seats(doc) if seat.is_deputy_chair and seat.is_senior_non_executive
    }
    for index, chair_seat in _audit_chairs(doc):
        if chair_seat in both:
            yield Finding(
                ("committees", index, "chair_seat"),
                f'The audit committee "{doc.committees[index].name}" is chaired by seat '
                f'"{chair_seat}", which is both the senior non-executive member and the deputy '
                "chair. The two may be combined only in a member who does not chair audit. "
                "Choose another audit chair, or move one designation to another non-executive "
                "member.",
            )


@rule(
    code="ICB058",
    slug="quorum-without-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1, second sub-point")],
)
def quorum_without_chair(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board's quorum must be possible to meet when the chair is absent.

    Requirement: The standing orders' quorum must let the board meet without the chair: the
    chair's presence may be required only if the deputy chair may preside and count in the
    chair's place, and the numbers must be reachable by the other members. Applies to
    versions in force after July 2024 and to undated drafts. The arithmetic counts board
    seats (with their `count`), leaving out the chair's seat; it does not know which other
    members may also be absent.
    Why: The deputy chair exists so that the board can carry on when the chair is unavailable;
    a quorum that needs the chair defeats it.
    Fix: Set `standing_orders.quorum.chair_presence_required: false`, or keep it true with
    `deputy_may_preside: true`; do not list the chair's seat in `required` unless the deputy
    may preside; and set `min_members` and each category minimum no higher than the number of
    members other than the chair.
    Source: NHS England long-read "Guidance on integrated care board constitutions and
    governance" (July 2024 per written answer UIN 45636, [S]), "Action required", bullet 1,
    second sub-point ("local quoracy rules should allow the board to meet without the
    chair"), read as guidance text (catalogue S14, [V]).
    """
    if not _after_2024_guidance(doc):
        return
    quorum = doc.standing_orders.quorum if doc.standing_orders is not None else None
    if quorum is None:
        return
    loc = ("standing_orders", "quorum")
    deputy_presides = quorum.deputy_may_preside is True
    if quorum.chair_presence_required is True and not deputy_presides:
        yield Finding(
            (*loc, "chair_presence_required"),
            "The quorum requires the chair to be present and does not let the deputy chair "
            "preside in the chair's place, so the board cannot meet without the chair. Set "
            "chair_presence_required: false, or set deputy_may_preside: true.",
        )
    chairs = seats_with_role(doc, "chair")
    if not chairs:
        return
    chair_ids = {seat.id for _, seat in chairs}
    chair_categories = {seat.category for _, seat in chairs if seat.category}
    others = [seat for _, seat in seats(doc) if seat.role != "chair"]
    if quorum.min_members is not None and quorum.min_members > sum(s.count for s in others):
        yield Finding(
            (*loc, "min_members"),
            f"The quorum is {quorum.min_members} members, but the board has only "
            f"{sum(s.count for s in others)} members besides the chair, so it can never be met "
            "without the chair. Lower min_members.",
        )
    for number, need in enumerate(quorum.required):
        if need.seat in chair_ids and not deputy_presides:
            yield Finding(
                (*loc, "required", number, "seat"),
                "The quorum requires the chair's seat to be present, and the deputy chair may "
                "not stand in, so the board cannot meet without the chair. Remove this entry "
                "or set deputy_may_preside: true.",
            )
        elif need.category in chair_categories:
            available = sum(s.count for s in others if s.category == need.category)
            if need.min > available:
                label = need.category.replace("_", "-")
                yield Finding(
                    (*loc, "required", number, "min"),
                    f"The quorum needs {need.min} {label} members, but besides the chair the "
                    f"board has only {available}, so it cannot be met without the chair. Lower "
                    "the minimum.",
                )
