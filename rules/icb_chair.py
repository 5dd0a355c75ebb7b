"""The chair, the deputy chair and the senior non-executive member."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from icslint.diagnostics import (
    Citation,
    Contradiction,
    Finding,
    Level,
    Missing,
    NotApplicable,
    Severity,
    Unknown,
)
from icslint.models.icb import IcbConstitution, Seat
from icslint.models.values import Count
from icslint.registry import NoOptions, rule
from icslint.vocabulary import approval_named, names_body

from ._support import (
    SEATS,
    after_july_2024_guidance,
    headcount,
    listed,
    normalise,
    quoted,
    sch1b,
    seat_loc,
    seat_name,
    seats,
    seats_with_role,
    secondary,
    stated_count,
    undated,
    unless_true,
)

ICB = "icb-constitution"


# --- the chair ----------------------------------------------------------------------------------


@rule(
    code="ICB050",
    slug="chair-appointment",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("5")],
    requires="content",
    until="health-bill-2026-nhse-abolition",
)
def chair_appointment(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """NHS England appoints the chair, with the Secretary of State's approval.

    Requirement: The constitution must provide for the chair to be appointed by NHS England
    with the approval of the Secretary of State.
    Provision: Schedule 1B paragraph 5: "The constitution must provide for the chair to be
    appointed by NHS England, with the approval of the Secretary of State." The constitution
    itself must say this, so a constitution that is silent on it is in breach.
    Why: The chair's independence from local organisations rests on a national appointment;
    no local body may appoint the chair.
    Fix: On the chair's seat set `appointed_by: NHS England` and
    `appointment_approved_by: Secretary of State`. Usual spellings ("NHS England (NHSE)", "NHS
    England, with the approval of the Secretary of State") are understood.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 5).
    """
    chairs = seats_with_role(doc, "chair")
    if not chairs:
        yield Missing(
            SEATS,
            "No board seat is the chair's (role: chair), so the constitution does not provide "
            "for the chair to be appointed by NHS England with the approval of the Secretary "
            "of State, which Schedule 1B paragraph 5 requires. Add the chair's seat with "
            "appointed_by: NHS England and appointment_approved_by: Secretary of State.",
        )
        return
    for index, seat in chairs:
        if seat.appointed_by is None:
            yield Missing(
                seat_loc(index, "appointed_by"),
                "The constitution does not say who appoints the chair. It must provide for the "
                "chair to be appointed by NHS England (Schedule 1B paragraph 5); set "
                "appointed_by: NHS England.",
            )
        elif not names_body(seat.appointed_by, "NHS England"):
            yield Contradiction(
                seat_loc(index, "appointed_by"),
                f"The constitution gives the appointment of the chair to "
                f"{quoted(seat.appointed_by)}. Schedule 1B paragraph 5 requires the chair to "
                "be appointed by NHS England; set appointed_by: NHS England.",
            )
        approver = seat.appointment_approved_by
        if approver is None:
            if not approval_named(seat.appointed_by, "Secretary of State"):
                yield Missing(
                    seat_loc(index, "appointment_approved_by"),
                    "The constitution does not make the chair's appointment subject to the "
                    "approval of the Secretary of State, which Schedule 1B paragraph 5 requires. "
                    "Set appointment_approved_by: Secretary of State.",
                )
        elif not names_body(approver, "Secretary of State"):
            yield Contradiction(
                seat_loc(index, "appointment_approved_by"),
                f"The constitution makes the chair's appointment subject to the approval of "
                f"{quoted(approver)}. Schedule 1B paragraph 5 requires the approval of the "
                "Secretary of State; set appointment_approved_by: Secretary of State.",
            )


@rule(
    code="ICB051",
    slug="chair-removal",
    applies_to=ICB,
    level=Level.STATUTE,
    severity=Severity.ERROR,
    citations=[sch1b("6")],
    requires="content",
    until="health-bill-2026-nhse-abolition",
)
def chair_removal(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Only NHS England may remove the chair, and only with the Secretary of State's approval.

    Requirement: The constitution may not give anyone other than NHS England power to remove
    the chair, and any such power must be subject to the Secretary of State's approval. It
    need not provide a power of removal at all.
    Provision: Schedule 1B paragraph 6: "The constitution may not confer power to remove the
    chair from office on any person other than NHS England, and any such power must be
    expressed to be subject to the approval of the Secretary of State." The constitution
    itself must be framed this way, so a power of removal that it gives to another body, or
    does not make subject to that approval, is a breach; a constitution that gives no power of
    removal passes.
    Why: If the board or a partner could remove the chair, the chair's independence and the
    national appointment would mean nothing.
    Fix: On the chair's seat, either leave `removal_by` out, or set `removal_by: NHS England`
    and `removal_approved_by: Secretary of State`.
    Source: Read in the text of the Act on legislation.gov.uk (Schedule 1B paragraph 6); the
    paragraph limits who may hold the power and does not require one.
    """
    for index, seat in seats_with_role(doc, "chair"):
        remover, approver = seat.removal_by, seat.removal_approved_by
        if remover is None:
            if approver is not None:
                yield Missing(
                    seat_loc(index, "removal_by"),
                    "The constitution says that removing the chair needs the approval of "
                    f"{quoted(approver)} but not who may remove the chair. Only NHS England "
                    "may be given that power (Schedule 1B paragraph 6); set removal_by: NHS "
                    "England.",
                )
            continue
        by_nhs_england = names_body(remover, "NHS England")
        if not by_nhs_england:
            yield Contradiction(
                seat_loc(index, "removal_by"),
                f"The constitution gives {quoted(remover)} power to remove the chair. "
                "Schedule 1B paragraph 6 allows that power to be given only to NHS England; "
                "set removal_by: NHS England, or remove the clause.",
            )
        if approver is None:
            # A power given to the wrong body is reported above; asking for an approval of a
            # power that must not exist would only confuse.
            if by_nhs_england and not approval_named(remover, "Secretary of State"):
                yield Missing(
                    seat_loc(index, "removal_approved_by"),
                    "The constitution gives NHS England power to remove the chair but does not "
                    "make it subject to the approval of the Secretary of State, which Schedule 1B "
                    "paragraph 6 requires. Set removal_approved_by: Secretary of State.",
                )
        elif not names_body(approver, "Secretary of State"):
            yield Contradiction(
                seat_loc(index, "removal_approved_by"),
                "The constitution makes removing the chair subject to the approval of "
                f"{quoted(approver)}. Schedule 1B paragraph 6 requires the power to be "
                "subject to the approval of the Secretary of State; set removal_approved_by: "
                "Secretary of State.",
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


# The guidance is dated only "July 2024", so it applies to versions that took effect from the
# first day after that month.
def _gated(
    doc: IcbConstitution, found: Iterable[Finding | NotApplicable], subject: str
) -> Iterator[Finding | NotApplicable]:
    """What a rule of the July 2024 guidance found, as far as this version's date lets it
    count: not applicable to a version in force before August 2024, and unknown where the
    document does not say when the version took effect. Nothing found is a pass either way."""
    applies = after_july_2024_guidance(doc)
    if applies is False:
        effective = doc.meta.effective_from if doc.meta is not None else None
        when = effective.when() if effective is not None else "before August 2024"
        topic = f"the {subject[2:]}" if subject.startswith("a ") else subject
        yield NotApplicable(
            f"NHS England's guidance of July 2024 on {topic} applies to versions that take "
            f"effect from August 2024; this version took effect {when}."
        )
        return
    for item in found:
        if applies or isinstance(item, NotApplicable):
            yield item
        else:
            yield Unknown(
                item.loc,
                f"{undated(doc)}, so it cannot be told whether NHS England's updated guidance "
                f"on {subject} applies to it; give meta.effective_from in full. If it applies: "
                f"{item.message}",
            )


def _designated(doc: IcbConstitution, flag: str) -> list[tuple[int, Seat]]:
    """The seats carrying a designation flag (is_deputy_chair or is_senior_non_executive)."""
    return [(i, s) for i, s in seats(doc) if getattr(s, flag)]


def _exactly_one(found: list[tuple[int, Seat]], flag: str, label: str) -> Iterator[Finding]:
    """The shared check of ICB052 and ICB055: one member, and only one, holds the title.

    A designated seat without a count is taken as one member: the designation names the
    member in that seat. Only a second designated seat, or a count above one, contradicts it.
    """
    if not found:
        yield Missing(
            SEATS,
            f"The constitution does not designate any non-executive member as {label}. NHS "
            f"England asks ICBs to amend their constitutions to make one of the non-executive "
            f"members {label}. Set {flag}: true on one non-executive member's seat.",
        )
    elif len(found) > 1:
        index, _ = found[1]
        yield Contradiction(
            seat_loc(index, flag),
            f"Seats {listed([seat_name(s) for _, s in found])} are each designated {label}; "
            f"exactly one non-executive member may be. Keep {flag}: true on one seat and "
            "remove it from the others.",
        )
    elif headcount(found).least > 1:
        index, seat = found[0]
        yield Contradiction(
            seat_loc(index, "count"),
            f"Seat {seat_name(seat)} is designated {label} and holds {seat.count} members; "
            f"exactly one member may be {label}. Give the {label} a seat of its own with "
            "count: 1.",
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
    requires="content",
    in_force="nhse-icb-guidance-2024-07",
)
def deputy_chair(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding | NotApplicable]:
    """One non-executive member, and only one, must be designated deputy chair.

    Requirement: The constitution must name one of the non-executive members as deputy chair
    of the board. NHS England asked for this in July 2024: the rule applies to versions that
    took effect from August 2024 and does not apply to earlier ones. The version's date is
    `meta.effective_from`; without it, an NHS England approval date after July 2024
    (`meta.nhse_approved_on`, or this version's date in the history) also places it after the
    guidance, since a version cannot take effect before it is approved. Where the
    constitution gives neither, what the rule finds is reported as not stated.
    Provision: NHS England's guidance of July 2024, "Action required": "Where an ICB has not
    already made the following amendments to their constitution, they are asked to do so at
    their next opportunity", the first being "Making one of the non-executive board members -
    but not the audit committee chair - also the deputy chair of the board." NHS England asks
    for the designation in the constitution itself, so a constitution in force after the
    guidance must make it, and one that designates no deputy chair is in breach.
    Why: If the chair is unavailable for a short or a long time, it must be clear who chairs
    board meetings. NHS England asks ICBs to add the designation at their next amendment.
    Fix: Set `is_deputy_chair: true` on exactly one seat with `category: non_executive`, not
    the seat of the audit committee chair, and give `meta.effective_from`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 1). The page does not carry its
    date; "July 2024", and that the update made a deputy chair a requirement for all ICBs, are
    from DHSC's written answer UIN 45636.
    """
    found = _designated(doc, "is_deputy_chair")
    yield from _gated(doc, _deputy_chair_findings(found), "a deputy chair")


def _deputy_chair_findings(found: list[tuple[int, Seat]]) -> Iterator[Finding]:
    yield from _exactly_one(found, "is_deputy_chair", "deputy chair")
    for index, seat in found:
        if seat.category is None:
            yield Missing(
                seat_loc(index, "category"),
                f"Seat {seat_name(seat)} is designated deputy chair, but the constitution "
                "does not say what kind of member sits in it. The deputy chair must be one of "
                "the non-executive members: set category: non_executive if it is one, or move "
                "is_deputy_chair: true to a non-executive member's seat.",
            )
        elif seat.category != "non_executive":
            yield Contradiction(
                seat_loc(index, "category"),
                f"Seat {seat_name(seat)} is designated deputy chair but is a "
                f"{seat.category.replace('_', ' ')} member's seat. The deputy chair must be one "
                "of the non-executive members: move is_deputy_chair: true to a seat with "
                "category: non_executive.",
            )


@rule(
    code="ICB053",
    slug="deputy-chair-not-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1")],
    requires="content",
    in_force="nhse-icb-guidance-2024-07",
)
def deputy_chair_not_audit_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The deputy chair must not chair the audit committee.

    Requirement: The non-executive member designated deputy chair must not be the chair of
    the audit committee. Applies to versions that took effect from August 2024 (dated as
    ICB052 explains); where the constitution does not say when the version took effect, a
    deputy chair who chairs audit is reported as not stated.
    Provision: NHS England's guidance of July 2024, "Action required", asks ICBs to amend their
    constitutions by "Making one of the non-executive board members - but not the audit
    committee chair - also the deputy chair of the board." The designation is made in the
    constitution itself, so the constitution must not give it to the audit committee chair;
    one that does is in breach.
    Why: The audit committee chair gives the board independent assurance, including on how it
    is led; that role does not sit well with standing in for the chair.
    Fix: Give the audit committee's `chair_seat` to another non-executive member, or move
    `is_deputy_chair: true` to a non-executive member who does not chair audit.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 1); the date is from DHSC's
    written answer UIN 45636.
    """
    deputies = {seat.id for _, seat in _designated(doc, "is_deputy_chair")}
    found = (
        Contradiction(
            ("committees", index, "chair_seat"),
            f'The audit committee "{doc.committees[index].name}" is chaired by seat '
            f'"{chair_seat}", which is the deputy chair. NHS England asks that the deputy chair '
            "be a non-executive member other than the audit committee chair. Choose another "
            "chair for the committee, or designate another deputy chair.",
        )
        for index, chair_seat in _audit_chairs(doc)
        if chair_seat in deputies
    )
    yield from _gated(doc, found, "the deputy chair")


_DEPUTY_TITLE = re.compile(r"\b(deputy|vice)[\s-]*chair", re.IGNORECASE)


@rule(
    code="ICB054",
    slug="deputy-chair-is-a-designation",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1, first and second sub-points"), sch1b("5")],
    requires="content",
    in_force="nhse-icb-guidance-2024-07",
)
def deputy_chair_is_a_designation(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The deputy chair is a designation of a non-executive member, not a new seat or the chair.

    Requirement: Naming a deputy chair must not create a new post on the board, and the
    deputy chair does not become the chair. Applies to versions that took effect from August
    2024 (dated as ICB052 explains); where the constitution does not say when the version
    took effect, what the rule finds is reported as not stated. How the check works: a seat
    counts as a deputy chair seat if its title says "deputy chair" or "vice chair" (also
    "vice-chair", "deputy chairman"); it passes only if it is an ordinary non-executive
    member's seat marked `is_deputy_chair: true`. Separately, the chair's own seat must not
    carry `is_deputy_chair`. A deputy chair designation on a seat of another category is
    also reported by ICB052. Wording saying the deputy "succeeds" or "becomes" chair is not
    checked: the document model holds no free text for it.
    Provision: NHS England's guidance of July 2024, "Action required", bullet 1, on the deputy
    chair the constitution is to designate: "This is not intended to be a new appointment"
    and "This person would not become the chair". The constitution must therefore make the
    designation among the existing non-executive members; one that sets up a separate deputy
    chair post, or designates the chair, contradicts it and is in breach.
    Why: NHS England means the designation only to make clear who chairs meetings when the
    chair is away. A separate "Deputy Chair" seat would add a member that the board
    composition and appointment rules do not provide for, and the chair's office can only be
    filled by NHS England's appointment with the Secretary of State's approval.
    Fix: Remove any separate deputy or vice chair seat and set `is_deputy_chair: true` on an
    existing seat with `role: ordinary` and `category: non_executive`; never on the chair's
    seat.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 1 and its first two sub-points;
    the date is from DHSC's written answer UIN 45636), and in the text of the Act on
    legislation.gov.uk (Schedule 1B paragraph 5: NHS England appoints the chair with the
    Secretary of State's approval).
    """
    yield from _gated(doc, _designation_findings(doc), "the deputy chair")


def _designation_findings(doc: IcbConstitution) -> Iterator[Finding]:
    for index, seat in seats(doc):
        if seat.role == "chair":
            if seat.is_deputy_chair:
                yield Contradiction(
                    seat_loc(index, "is_deputy_chair"),
                    "The chair's seat is designated deputy chair. The deputy chair stands in "
                    "when the chair is unavailable, so must be one of the non-executive "
                    "members. Set is_deputy_chair: false here and true on a non-executive "
                    "member's seat.",
                )
            continue
        if not _DEPUTY_TITLE.search(seat.title or ""):
            continue
        if seat.role == "ordinary" and seat.category == "non_executive" and seat.is_deputy_chair:
            continue
        other = [
            f"a {seat.role.replace('_', ' ')}'s seat"
            if seat.role not in (None, "ordinary")
            else "",
            f"a {seat.category.replace('_', ' ')} member's seat"
            if seat.category not in (None, "non_executive")
            else "",
        ]
        said = [text for text in other if text]
        if said:
            yield Contradiction(
                seat_loc(index, "title"),
                f"Seat {seat_name(seat)} is titled as a deputy chair but is {listed(said)}. The "
                "deputy chair is not a new post: it is one of the existing non-executive "
                "members. Remove this seat and set is_deputy_chair: true on a non-executive "
                "member's seat.",
            )
        else:
            yield Missing(
                seat_loc(index, "title"),
                f"Seat {seat_name(seat)} is titled as a deputy chair, but the constitution does "
                "not show it to be one of the non-executive members designated deputy chair. "
                "The deputy chair is not a new post. If this seat is that member, set role: "
                "ordinary, category: non_executive and is_deputy_chair: true; otherwise remove "
                "it and designate a non-executive member.",
            )


@rule(
    code="ICB055",
    slug="senior-non-executive-member",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 2")],
    requires="content",
    in_force="nhse-icb-guidance-2024-07",
)
def senior_non_executive_member(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """One non-executive member, and only one, must be designated senior non-executive member.

    Requirement: The constitution must name one of the non-executive members (an ordinary
    member, not the chair) as senior non-executive member. Applies to versions that took
    effect from August 2024 (dated as ICB052 explains); where the constitution does not say
    when the version took effect, what the rule finds is reported as not stated.
    Provision: NHS England's guidance of July 2024, "Action required", lists the amendments
    ICBs are asked to make "to their constitution"; the second is that "ICBs should make one
    of their non-executive board members the senior non-executive member". The designation
    is one of those amendments to the constitution itself, so a constitution in force after
    the guidance must make it, and one that makes none is in breach.
    Why: The role mirrors the senior independent director of NHS trusts and foundation
    trusts: someone other than the chair who supports the appraisal of the chair and can
    mediate between the chair and the board.
    Fix: Set `is_senior_non_executive: true` on exactly one seat with `role: ordinary` and
    `category: non_executive`, and give `meta.effective_from`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 2); the date is from DHSC's
    written answer UIN 45636.
    """
    found = _designated(doc, "is_senior_non_executive")
    yield from _gated(doc, _senior_findings(found), "a senior non-executive member")


def _senior_findings(found: list[tuple[int, Seat]]) -> Iterator[Finding]:
    label = "senior non-executive member"
    yield from _exactly_one(found, "is_senior_non_executive", label)
    for index, seat in found:
        for field, wanted in (("category", "non_executive"), ("role", "ordinary")):
            value = getattr(seat, field)
            if value == wanted:
                continue
            if value is None:
                yield Missing(
                    seat_loc(index, field),
                    f"Seat {seat_name(seat)} is designated {label}, but the constitution does "
                    f"not give its {field}. The {label} must be one of the non-executive "
                    "members other than the chair: set role: ordinary and category: "
                    "non_executive if it is one, or move is_senior_non_executive: true.",
                )
            else:
                yield Contradiction(
                    seat_loc(index, field),
                    f"Seat {seat_name(seat)} is designated {label} but is "
                    f"{_describe(seat, field)}. The {label} must be one of the non-executive "
                    "members other than the chair: move is_senior_non_executive: true to a "
                    "seat with role: ordinary and category: non_executive.",
                )
            break


def _describe(seat: Seat, field: str) -> str:
    if field == "role":
        return f"the {(seat.role or '').replace('_', ' ')}'s seat"
    return f"a {(seat.category or '').replace('_', ' ')} member's seat"


@rule(
    code="ICB056",
    slug="senior-non-executive-member-role",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[nhse_governance("bullet 2")],
    requires="conduct",
    in_force="nhse-icb-guidance-2024-07",
)
def senior_non_executive_member_role(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The constitution should describe what the senior non-executive member does.

    Requirement: The senior non-executive member supports the NHS England regional director
    in appraising the chair and in checking the chair's compliance with the fit and proper
    person test, acts as a sounding board for the chair and, where needed, mediates between
    the chair and other members. Applies to versions that took effect from August 2024
    (dated as ICB052 explains); where the constitution does not say when the version took
    effect, silence is reported as not stated either way.
    Provision: NHS England's guidance of July 2024, "Action required", bullet 2: ICBs should
    make a non-executive member the senior non-executive member "to support the NHS England
    regional director in the appraisal of the chair and their compliance with the fit and
    proper person test, and to act as a sounding board for the chair and - if necessary - to
    mediate between the chair and other board members." The words describe what the member
    does, not what the constitution must set out (a role specification may hold it), so a
    constitution that is silent on it is "not stated", not in breach.
    Why: Without a stated role the designation is a title only, and members do not know whom
    to turn to about the chair.
    Fix: Add the role description (for example in the section on non-executive members) and
    set `board.snem_role_clause: true`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 2); the date is from DHSC's
    written answer UIN 45636. The rule can only check that the clause is recorded, not what
    it says; the updated model constitution was not available, so it warns.
    """
    board = doc.board
    found = unless_true(
        board.snem_role_clause if board is not None else None,
        ("board", "snem_role_clause"),
        "The constitution does not describe the senior non-executive member's role. NHS "
        "England's guidance gives the role as supporting NHS England's regional director in "
        "the chair's appraisal and fit and proper person checks, acting as a sounding board "
        "for the chair, and mediating between the chair and other members. If the "
        "constitution describes it, set board.snem_role_clause: true.",
        contradicted="The constitution says it does not describe the senior non-executive "
        "member's role (snem_role_clause: false). NHS England's guidance gives the role as "
        "supporting NHS England's regional director in the chair's appraisal and fit and "
        "proper person checks, acting as a sounding board for the chair, and mediating "
        "between the chair and other members; describe it and set snem_role_clause: true.",
    )
    yield from _gated(doc, found, "the senior non-executive member")


@rule(
    code="ICB057",
    slug="senior-non-executive-deputy-not-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 2, first sub-point")],
    requires="content",
    in_force="nhse-icb-guidance-2024-07",
)
def senior_non_executive_deputy_not_audit_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """A member who is both senior non-executive member and deputy chair must not chair audit.

    Requirement: One non-executive member may be both the senior non-executive member and the
    deputy chair, but not if that member chairs the audit committee. (A senior non-executive
    member who chairs audit is allowed, but cannot also be deputy chair.) Applies to versions
    that took effect from August 2024 (dated as ICB052 explains); where the constitution
    does not say when the version took effect, what the rule finds is reported as not
    stated.
    Provision: NHS England's guidance of July 2024, "Action required", bullet 2, on the
    designations ICBs are asked to make in their constitutions: "The senior non-executive
    member may, unless they are the audit committee chair, be the deputy chair." The
    constitution must therefore not give both designations to the audit committee chair; one
    that does contradicts the guidance and is in breach.
    Why: Combining the two designations is allowed only where it does not compromise the
    independence of the audit committee chair.
    Fix: Give the audit committee's `chair_seat` to another non-executive member, or move one
    of the two designations (`is_deputy_chair` or `is_senior_non_executive`) to another
    non-executive member.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 2, first sub-point); the date is
    from DHSC's written answer UIN 45636.
    """
    both = {
        seat.id for _, seat in seats(doc) if seat.is_deputy_chair and seat.is_senior_non_executive
    }
    found = (
        Contradiction(
            ("committees", index, "chair_seat"),
            f'The audit committee "{doc.committees[index].name}" is chaired by seat '
            f'"{chair_seat}", which is both the senior non-executive member and the deputy '
            "chair. The two may be combined only in a member who does not chair audit. Choose "
            "another audit chair, or move one designation to another non-executive member.",
        )
        for index, chair_seat in _audit_chairs(doc)
        if chair_seat in both
    )
    yield from _gated(doc, found, "the senior non-executive member")


@rule(
    code="ICB058",
    slug="quorum-without-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[nhse_governance("bullet 1, second sub-point")],
    requires="conduct",
    in_force="nhse-icb-guidance-2024-07",
)
def quorum_without_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The board's quorum must be possible to meet when the chair is absent.

    Requirement: The standing orders' quorum must let the board meet without the chair: the
    chair's presence may be required only if the deputy chair may preside and count in the
    chair's place, and the numbers must be reachable by the other members. Applies to
    versions that took effect from August 2024 (dated as ICB052 explains); where the
    constitution does not say when the version took effect, what the rule finds is reported
    as not stated. The arithmetic counts board seats with their
    `count`, leaving out the chair's seat; a seat without a count is at least one member,
    and where the numbers then cannot be shown to be reachable the rule says so rather than
    guess. It does not know which other members may also be absent. A constitution that
    states no quorum is not checked.
    Provision: NHS England's guidance of July 2024, "Action required", bullet 1, second
    sub-point: "local quoracy rules should allow the board to meet without the chair." This
    is a "should" about how the board's rules work, not words the constitution must contain,
    so silence is "not stated"; a quorum that cannot be met without the chair contradicts it
    and is a breach.
    Why: The deputy chair exists so that the board can carry on when the chair is unavailable;
    a quorum that needs the chair defeats it.
    Fix: Set `standing_orders.quorum.chair_presence_required: false`, or keep it true with
    `deputy_may_preside: true`; do not list the chair's seat in `required` unless the deputy
    may preside; set `min_members` and each category minimum no higher than the number of
    members other than the chair; and give each seat its `count`.
    Source: Read in NHS England's guidance of July 2024 (Guidance on integrated care board
    constitutions and governance, "Action required", bullet 1, second sub-point); the date is
    from DHSC's written answer UIN 45636.
    """
    yield from _gated(doc, _quorum_findings(doc), "quorum rules without the chair")


def _quorum_findings(doc: IcbConstitution) -> Iterator[Finding | NotApplicable]:
    quorum = doc.standing_orders.quorum if doc.standing_orders is not None else None
    if quorum is None:
        yield NotApplicable("the constitution states no quorum for board meetings")
        return
    loc = ("standing_orders", "quorum")
    deputy = quorum.deputy_may_preside
    if quorum.chair_presence_required is True:
        yield from _chair_needed(deputy, (*loc, "chair_presence_required"), "the chair")
    chairs = seats_with_role(doc, "chair")
    if not chairs:
        return
    chair_ids = {seat.id for _, seat in chairs}
    chair_categories = {seat.category for _, seat in chairs if seat.category}
    # The Act provides for one chief executive, so that seat is one member even without a count.
    others = [
        (
            i,
            s.model_copy(update={"count": Count(1, True)})
            if s.role == "chief_executive" and stated_count(s) is None
            else s,
        )
        for i, s in seats(doc)
        if s.role != "chair"
    ]
    if quorum.min_members is not None:
        yield from _reachable(doc, others, quorum.min_members, (*loc, "min_members"), "member")
    for number, need in enumerate(quorum.required):
        if need.seat in chair_ids:
            yield from _chair_needed(deputy, (*loc, "required", number, "seat"), "the chair's seat")
        elif need.category in chair_categories:
            yield from _reachable(
                doc,
                [(i, s) for i, s in others if s.category == need.category],
                need.min,
                (*loc, "required", number, "min"),
                f"{need.category.replace('_', '-')} member",
            )


def _chair_needed(deputy: bool | None, loc: tuple[str | int, ...], what: str) -> Iterator[Finding]:
    """A quorum that requires the chair: met without the chair only if the deputy stands in."""
    if deputy is True:
        return
    if deputy is False:
        yield Contradiction(
            loc,
            f"The quorum requires {what} to be present and does not let the deputy chair "
            "preside and count in the chair's place, so the board cannot meet without the "
            "chair. NHS England's guidance says local quorum rules should allow it: set "
            "deputy_may_preside: true, or stop requiring the chair.",
        )
    else:
        yield Missing(
            loc,
            f"The quorum requires {what} to be present, and the constitution does not say "
            "whether the deputy chair may preside and count in the chair's place. NHS "
            "England's guidance says local quorum rules should allow the board to meet "
            "without the chair; if the deputy chair may stand in, set deputy_may_preside: true.",
        )


def _reachable(
    doc: IcbConstitution,
    candidates: list[tuple[int, Seat]],
    needed: int,
    loc: tuple[str | int, ...],
    member: str,
) -> Iterator[Finding]:
    """Whether the members other than the chair can make up `needed` of the quorum."""
    key = "min_members" if loc[-1] == "min_members" else "the minimum"
    count = headcount(candidates)
    if count.least >= needed:
        return
    wanted = f"{needed} {member}s" if needed > 1 else f"at least one {member}"
    if count.exact:
        has = f"only {count.least}" if count.least else f"no {member}"
        yield Contradiction(
            loc,
            f"The quorum needs {wanted}, but besides the chair the board has {has}, so it "
            f"can never be met without the chair. Lower {key}.",
        )
        return
    board = dict(seats(doc))
    names = listed([seat_name(board[index]) for index in count.uncounted])
    seat_word = "seat" if len(count.uncounted) == 1 else "seats"
    yield Unknown(
        loc,
        f"The quorum needs {wanted}, and the constitution does not say how many members sit "
        f"in {seat_word} {names}, so it cannot be shown that the quorum can be met without "
        "the chair. Give each seat a count.",
    )


# --- acting post-holders --------------------------------------------------------------------

UIN_45636_ACTING_CHAIR = secondary(
    "Written answer UIN 45636 (DHSC), Integrated Care Boards: Leadership",
    "answer, paragraph 1: while the chair's post is vacant the board may be chaired by an "
    "acting chair, which is normally, but not always, the deputy chair",
    "https://parallelparliament.co.uk/question/45636/integrated-care-boards-leadership",
)


@rule(
    code="ICB026",
    slug="acting-post-holders",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[UIN_45636_ACTING_CHAIR, nhse_governance("bullet 1")],
    requires="conduct",
)
def acting_post_holders(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """An acting post-holder comes from a seat of the board; an acting chair is normally the deputy.

    Requirement: Where the document records that a seat is held on an acting basis and names
    the seat the acting post-holder holds substantively (`holder.acting_from_seat`), that
    seat must be another seat of the board. An acting chair is normally, but not always, the
    deputy chair: an acting chair who is not the deputy chair, or whose own seat the document
    does not give, is a question to confirm, not a fault. Holding a post on an acting or
    interim basis never changes what the constitution must provide: the rules on appointing
    the chair and the chief executive read the seat, not its present holder.
    Provision: DHSC's written answer UIN 45636: where the chair's post has become vacant
    before a successor can be approved, "the ICB board may be chaired by an acting chair,
    which is normally, but not always, the deputy chair"; and "an Acting CEO can cover
    temporary periods of absence". NHS England's guidance of July 2024 makes the deputy chair
    the member who chairs when the chair is unavailable, without becoming the chair. Neither
    says what the constitution must contain, so a chair held on an acting basis by someone
    other than the deputy chair is "not stated" (a question); an acting post-holder's seat
    that is not on the board, or is the acting post itself, contradicts the document's own
    board and is in breach.
    Why: Who chairs while the post is vacant must be clear, and a reference to a seat that
    does not exist hides who holds the post.
    Fix: On the seat held on an acting basis set `holder.arrangement: acting` and
    `holder.acting_from_seat` to the id of the seat the post-holder holds substantively (for
    an acting chair, normally the deputy chair's seat). If the acting chair is not the
    deputy chair, confirm the arrangement and say so in a suppression comment with the reason.
    Source: Read in DHSC's written answer UIN 45636 (Integrated Care Boards: Leadership) and
    in NHS England's guidance of July 2024 (Guidance on integrated care board constitutions
    and governance, "Action required", bullet 1). Guidance, so it warns.
    """
    board = dict(seats(doc))
    deputies = [seat for seat in board.values() if seat.is_deputy_chair and seat.role != "chair"]
    checked = False
    for index, seat in board.items():
        holder = seat.holder
        if holder is None or (holder.arrangement != "acting" and not holder.acting_from_seat):
            continue
        checked = True
        post = "the chair's post" if seat.role == "chair" else f"seat {seat_name(seat)}"
        from_seat = holder.acting_from_seat
        loc = seat_loc(index, "holder", "acting_from_seat")
        if from_seat and holder.arrangement == "substantive":
            yield Contradiction(
                loc,
                f"The document says {post} is held substantively (holder.arrangement: "
                f'substantive) and also names a seat the holder acts from ("{from_seat}"). '
                "Only an acting post-holder acts from another seat: set holder.arrangement: "
                "acting, or remove holder.acting_from_seat.",
            )
            continue
        acting = _board_seat(from_seat, board, deputies)
        if from_seat and acting is None:
            yield Contradiction(
                loc,
                f"The document says {post} is held on an acting basis by the holder of seat "
                f'"{from_seat}", but the board has no seat with that '
                + ("id" if len(from_seat.split()) == 1 else "id or title")
                + ". Set "
                "holder.acting_from_seat to the id of the seat the acting post-holder holds"
                + (
                    f' (normally the deputy chair\'s, "{deputies[0].id}").'
                    if seat.role == "chair" and len(deputies) == 1
                    else "."
                ),
            )
            continue
        if acting is seat:
            yield Contradiction(
                loc,
                f"The document says {post} is held on an acting basis from the same seat. An "
                "acting post-holder holds another seat substantively: set "
                "holder.acting_from_seat to the id of that seat.",
            )
            continue
        if seat.role == "chair":
            yield from _acting_chair(index, acting, deputies)
    if not checked:
        yield NotApplicable("No board seat is recorded as held on an acting basis.")


def _board_seat(reference: str | None, board: dict[int, Seat], deputies: list[Seat]) -> Seat | None:
    """The board seat `holder.acting_from_seat` names: by id, by id or title however written
    ("Non-Executive Member and Deputy Chair"), or, as "Deputy Chair" in any of its spellings,
    the one seat designated deputy chair."""
    if not reference:
        return None
    for seat in board.values():
        if seat.id == reference:
            return seat
    wanted = normalise(reference)
    for seat in board.values():
        if wanted in (normalise(seat.id), normalise(seat.title)):
            return seat
    # An id the board does not have ("vice_chair") names no seat; the words "Deputy Chair"
    # name the one seat designated deputy chair.
    if "_" not in reference and names_body(reference, "Deputy Chair") and len(deputies) == 1:
        return deputies[0]
    return None


def _acting_chair(index: int, acting: Seat | None, deputies: list[Seat]) -> Iterator[Finding]:
    """An acting chair: a question unless the acting chair is the deputy chair."""
    loc = seat_loc(index, "holder", "acting_from_seat")
    dhsc = (
        "DHSC says that while the chair's post is vacant the board may be chaired by an acting "
        "chair, normally, but not always, the deputy chair."
    )
    if acting is None:
        hint = (
            " if the acting chair is the deputy chair, set holder.acting_from_seat: "
            f"{deputies[0].id}."
            if len(deputies) == 1
            else " set holder.acting_from_seat to the id of the seat the acting chair holds."
        )
        yield Unknown(
            loc,
            "The chair's post is held on an acting basis, and the document does not say which "
            f"seat the acting chair holds. {dhsc} Confirm the arrangement;{hint}",
        )
        return
    if acting.is_deputy_chair:
        return
    deputy = (
        f"the deputy chair is seat {seat_name(deputies[0])}"
        if len(deputies) == 1
        else "no seat is designated deputy chair"
        if not deputies
        else "several seats are designated deputy chair"
    )
    yield Unknown(
        loc,
        f"The chair's post is held on an acting basis by the holder of seat {seat_name(acting)}, "
        f"and {deputy}. {dhsc} Confirm the arrangement (once confirmed, record it with a "
        "suppression comment giving the reason); if the acting chair is the deputy chair, "
        "correct holder.acting_from_seat.",
    )
