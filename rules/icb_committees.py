"""Committees, delegations and how the ICB's functions are exercised: ICB090 to ICB103.

Every rule here is `conduct`. The sources put these duties on the ICB (to have an audit
committee, to keep a functions and decision map) or say what the constitution "should" set
out; none of the words read requires the constitution itself to contain them. So a
constitution that is silent is "not stated"; one that says something the source forbids (the
board chair chairing the remuneration committee) is in breach.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

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
from icslint.models.icb import Committee, IcbConstitution, Seat
from icslint.registry import NoOptions, rule
from icslint.vocabulary import listing, names_body, resolve

from ._support import (
    HWE_MODEL,
    least_of,
    listed,
    seat_name,
    seat_ref,
    seats,
    secondary,
    stated_count,
    unless_true,
)

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

NHS_CONFED_DF = "https://www.nhsconfed.org/publications/ics-design-framework"
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as summarised in the NHS Confederation briefing of 16 June 2021"
)
# How a Source section names the briefing, which quotes the framework.
DF_SOURCE = (
    "From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated care "
    "systems: design framework (June 2021), which quotes the framework; the framework's own "
    "text was not available."
)


# Page ranges are the framework's own sections, from its contents page: governance 19-26,
# clinical leadership 33-34, accountability 37-39.
def _design_framework(provision: str) -> Citation:
    """A passage of the design framework, read in the NHS Confederation's briefing."""
    return Citation(DESIGN_FRAMEWORK, provision, NHS_CONFED_DF)


DF_COMMITTEES = _design_framework(
    "Governance and management arrangements (pp.19-26), Committees and decision-making"
)
DF_NON_EXECUTIVES = _design_framework(
    "Governance and management arrangements (pp.19-26), independent non-executives"
)
DF_CLINICAL_LEADERSHIP = _design_framework("Clinical and professional leadership (pp.33-34)")
DF_ACCOUNTABILITY = _design_framework(
    "Accountability and oversight (pp.37-39), paragraph 4 of the briefing's summary"
)

LINCOLNSHIRE_URL = "https://lincolnshire.icb.nhs.uk/about-us/our-board-and-committees/committees/"
LINCOLNSHIRE = "NHS Lincolnshire ICB, committees page"
HWE_SECTION_5 = "https://hertsandwestessex.icb.nhs.uk/us/constitution/5"
HWE_SECTION_8 = "https://hertsandwestessex.icb.nhs.uk/us/constitution/8"
LSC_REMUNERATION_TOR = (
    "https://lsc-icb.franktesting.co.uk/about-us/sub-committees/"
    "remuneration-committee-and-panel/remuneration-committee-terms-reference"
)
LSC_PANEL_TOR = (
    "https://lsc-icb.franktesting.co.uk/about-us/sub-committees/"
    "remuneration-committee-and-panel/remuneration-panel-terms-reference"
)
LSC = "NHS Lancashire and South Cumbria ICB"
LSC_REMUNERATION = f"{LSC}, remuneration committee terms of reference"
SWL_AUDIT_TOR = "https://www.southwestlondon.icb.nhs.uk/publications/audit-and-risk-committee-terms-of-reference"
NOTTS_URL = "https://notts.icb.nhs.uk/organisational-information"
NOTTS = "NHS Nottingham and Nottinghamshire ICB, organisational information page"

# --- helpers ------------------------------------------------------------------------------------

_KIND_LABELS = {"audit": "audit committee", "remuneration": "remuneration committee"}


def _this_icb(doc: IcbConstitution, name: str | None) -> bool:
    """Whether `name` is this ICB ("ICB", "the Integrated Care Board", its own name)."""
    party = resolve(name, listing(doc))
    return party is not None and party.kind == "body" and party.key == "icb"


def _committee_loc(index: int, *field: str) -> Loc:
    return ("committees", index, *field)


def _of_kind(doc: IcbConstitution, *kinds: str) -> list[tuple[int, Committee]]:
    """The committees of the given kinds, with their index in `committees`."""
    return [(i, c) for i, c in enumerate(doc.committees) if c.kind in kinds]


def _label(committee: Committee) -> str:
    """How a message names a committee: 'The audit committee "Audit and Risk Committee"'."""
    return f'The {_KIND_LABELS.get(committee.kind, "committee")} "{committee.name}"'


def _name(committee: Committee) -> str:
    """A committee named inside a sentence: 'the audit committee "Audit and Risk Committee"'."""
    return f'the {_KIND_LABELS.get(committee.kind, "committee")} "{committee.name}"'


def _missing(text: str | None) -> bool:
    return text is None or not text.strip()


def _seat(doc: IcbConstitution, reference: str | None) -> Seat | None:
    """The board seat a committee's `chair_seat` names: by id first, then by id or title
    loosely matched (documents often give the title, "Non-Executive Member (Audit)")."""
    if _missing(reference):
        return None
    for _, seat in seats(doc):
        if seat.id == reference:
            return seat
    wanted = seat_ref(reference or "")
    for _, seat in seats(doc):
        if wanted in {seat_ref(seat.id), seat_ref(seat.title or "")}:
            return seat
    return None


def _required_committee(doc: IcbConstitution, kind: str) -> Iterator[Finding]:
    """The shared check of ICB090 and ICB091: at least one committee of this kind.

    A committee list without one is silence, not a contradiction: constitutions often leave
    their committees to the governance handbook, and a transcription may list only some.
    """
    if not _of_kind(doc, kind):
        label = _KIND_LABELS[kind]
        article = "an" if label[0] in "aeiou" else "a"
        yield Missing(
            ("committees",),
            f"The constitution does not list {article} {label}. NHS England requires every ICB "
            "to have an audit committee and a remuneration committee. If the constitution sets "
            f"one up, add it to committees with kind: {kind}.",
        )


# --- ICB090-ICB094: the audit and remuneration committees --------------------------------------


@rule(
    code="ICB090",
    slug="audit-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        DF_COMMITTEES,
        secondary(LINCOLNSHIRE, "opening paragraph (two statutory committees)", LINCOLNSHIRE_URL),
    ],
)
def audit_committee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every ICB must have an audit committee.

    Requirement: The ICB must establish an audit committee of the board.
    Provision: The design framework, "Committees and decision-making": "All ICS NHS bodies
    will be required to have an audit committee and a remuneration committee." The duty is on
    the ICB; nothing read requires the constitution itself to set the committee up, so a
    constitution that does not list it is "not stated", not in breach.
    Why: The audit committee gives the board an independent and objective view of the ICB's
    compliance with its statutory responsibilities and arranges internal and external audit.
    Fix: If the constitution sets up the committee, add an entry to `committees` with `kind:
    audit` (for example the "Audit and Risk Committee").
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. NHS Lincolnshire ICB's committees page says the ICB "is
    required to establish two statutory Committees"; no statutory
    provision requiring them was available, so the rule rests on NHS England policy.
    """
    yield from _required_committee(doc, "audit")


@rule(
    code="ICB091",
    slug="remuneration-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        DF_COMMITTEES,
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(LINCOLNSHIRE, "opening paragraph (two statutory committees)", LINCOLNSHIRE_URL),
    ],
)
def remuneration_committee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every ICB must have a remuneration committee.

    Requirement: The ICB must establish a remuneration committee of the board.
    Provision: The design framework, "Committees and decision-making": "All ICS NHS bodies
    will be required to have an audit committee and a remuneration committee." The duty is on
    the ICB; nothing read requires the constitution itself to set the committee up, so a
    constitution that does not list it is "not stated", not in breach.
    Why: The remuneration committee exercises the ICB's functions on the pay, allowances and
    terms of its employees and board members, so that no one decides their own pay.
    Fix: If the constitution sets up the committee, add an entry to `committees` with `kind:
    remuneration`.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. From the constitution of NHS Hertfordshire and West Essex
    ICB, which follows NHS England's model (clause 8.1.2: the board has established a
    remuneration committee); NHS England's own model text was not available. NHS Lincolnshire
    ICB's committees page agrees. No statutory provision requiring the committee was
    available.
    """
    yield from _required_committee(doc, "remuneration")


@rule(
    code="ICB092",
    slug="audit-remuneration-non-executive-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        DF_NON_EXECUTIVES,
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(LINCOLNSHIRE, "Audit Committee and Remuneration Committee", LINCOLNSHIRE_URL),
    ],
)
def audit_remuneration_non_executive_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Non-executive members other than the chair must chair the audit and remuneration committees.

    Requirement: The `chair_seat` of every audit committee and every remuneration committee
    is a board seat with `category: non_executive` that is not the chair of the board (`role:
    chair`). A committee that names no chair seat, or a seat the constitution does not list or
    whose category it does not give, is "not stated".
    Provision: The design framework, "Governance and management arrangements": the chair
    "plus a minimum of two other independent non-executive directors (as a minimum required to
    chair the audit and remuneration committees)". This says who chairs the committees, not
    what the constitution must contain, so a constitution that does not say who chairs them is
    "not stated"; one that names the board chair, an executive or a partner member is in
    breach.
    Why: NHS England sets a minimum of two non-executive members besides the chair precisely so
    that they can chair these two committees; they give the board independent assurance on
    its accounts, controls and pay.
    Fix: Set `chair_seat` to the id of an ordinary non-executive member's seat (not the
    chair's, an executive's or a partner member's).
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. From the constitution of NHS Hertfordshire and West Essex
    ICB, which follows NHS England's model (clause 8.1.2: the remuneration committee is
    chaired by a non-executive member other than the chair); NHS England's own model text was
    not available. NHS Lincolnshire ICB's committees page (the audit committee is chaired by an
    independent board member) agrees.
    """
    committees = _of_kind(doc, "audit", "remuneration")
    if not committees:
        yield NotApplicable("The constitution lists no audit or remuneration committee.")
    for index, committee in committees:
        loc = _committee_loc(index, "chair_seat")
        if _missing(committee.chair_seat):
            yield Missing(
                loc,
                f"The constitution does not say who chairs {_name(committee)}. NHS England "
                "expects it to be chaired by a non-executive member other than the chair; if "
                "the constitution names the chair, set chair_seat to that member's seat id.",
            )
            continue
        seat = _seat(doc, committee.chair_seat)
        if seat is None:
            yield Missing(
                loc,
                f'{_label(committee)} is chaired by "{committee.chair_seat}", but the '
                "constitution lists no board seat with that id or title, so it cannot be "
                "shown that a non-executive member chairs it. Set chair_seat to the id of the "
                "chairing member's seat, and list the seat under board.seats.",
            )
        elif seat.role == "chair":
            yield Contradiction(
                loc,
                f"{_label(committee)} is chaired by the chair of the board. NHS England "
                "expects it to be chaired by one of the other non-executive members; set "
                "chair_seat to that member's seat id.",
            )
        elif seat.category is None:
            yield Missing(
                (*_seat_loc(doc, seat), "category"),
                f'{_label(committee)} is chaired by seat "{seat.id}", but the constitution '
                "does not say what kind of member sits in it, so it cannot be shown that a "
                "non-executive member chairs the committee. Give the seat a category.",
            )
        elif seat.category != "non_executive":
            kind = {"executive": "an executive", "partner": "a partner", "other": "an 'other'"}
            yield Contradiction(
                loc,
                f'{_label(committee)} is chaired by seat "{seat.id}", which is '
                f"{kind[seat.category]} member's seat. NHS England expects it to be chaired "
                "by a non-executive member other than the chair; set chair_seat to such a "
                "member's seat.",
            )


def _seat_loc(doc: IcbConstitution, wanted: Seat) -> Loc:
    """Where a seat is in the document."""
    for index, seat in seats(doc):
        if seat is wanted:
            return ("board", "seats", index)
    return ("board", "seats")


@rule(
    code="ICB093",
    slug="audit-chair-expertise",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[
        secondary(LINCOLNSHIRE, "Audit Committee (ICB Committee), paragraph 2", LINCOLNSHIRE_URL)
    ],
)
def audit_chair_expertise(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The audit committee's chair should have expertise in finance and audit.

    Requirement: The audit committee should be chaired by an independent member whose
    qualifications, expertise or experience let them give credible opinions on finance and
    audit matters.
    Provision: NHS Lincolnshire ICB's committees page: "The Audit Committee will be chaired by
    an independent board member who has qualifications, expertise or experience to enable them
    to express credible opinions on finance and audit matters." This is one ICB's practice, not
    a requirement that the constitution contain the clause, so silence is "not stated".
    Why: The audit committee chair leads the board's scrutiny of the accounts and of internal
    and external audit; without that expertise the assurance is weak.
    Fix: If the constitution or the committee's terms of reference state the expertise
    required of the chair, set `chair_expertise_clause: true` on the audit committee.
    Source: From NHS Lincolnshire ICB's committees page; NHS England's model wording was not
    available. Guidance, so info. The rule can only check that the clause is present, not
    whether the postholder has the expertise.
    """
    audits = _of_kind(doc, "audit")
    if not audits:
        yield NotApplicable("The constitution lists no audit committee.")
    for index, committee in audits:
        yield from unless_true(
            committee.chair_expertise_clause,
            _committee_loc(index, "chair_expertise_clause"),
            f"The constitution does not say that the chair of {_name(committee)} must have the "
            "qualifications, expertise or experience to give credible opinions on finance and "
            "audit. If it or the committee's terms of reference say so, set "
            "chair_expertise_clause: true.",
            contradicted=f"{_label(committee)} is recorded as not requiring its chair to have "
            "the qualifications, expertise or experience to give credible opinions on finance "
            "and audit (chair_expertise_clause: false). Add the requirement to its terms of "
            "reference and set chair_expertise_clause: true.",
        )


@rule(
    code="ICB094",
    slug="remuneration-chair-not-chair-or-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(
            LINCOLNSHIRE, "Remuneration Committee (ICB Committee), paragraph 2", LINCOLNSHIRE_URL
        ),
    ],
)
def remuneration_chair_not_chair_or_audit_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """The remuneration committee's chair must be neither the board chair nor the audit chair.

    Requirement: The remuneration committee is chaired by a non-executive member other than
    the chair of the board and other than the chair of the audit committee. The rule checks
    only a chair the constitution names; a committee that names none is left to ICB092.
    Provision: The model constitution's clause 8.1.2 has the remuneration committee chaired by
    a non-executive member other than the chair or the audit committee chair; NHS Lincolnshire
    ICB's committees page: "The Remuneration Committee will be chaired by a Non-Executive
    Member other than the ICB Chair or the Chair of Audit Committee." This says who chairs the
    committee, not what the constitution must contain; a constitution that names the board
    chair or the audit chair as its chair contradicts it, which is a breach.
    Why: The board chair's own pay and terms come before the committee, and the audit chair
    must stay independent of the decisions the audit committee reviews.
    Fix: Set the remuneration committee's `chair_seat` to a non-executive member who does not
    chair the board or the audit committee.
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 8.1.2); NHS England's own model text was not available. NHS
    Lincolnshire ICB's committees page says the same. The category of the chair seat, and
    chair seats the constitution does not list, are checked by ICB092.
    """
    chaired = [(i, c) for i, c in _of_kind(doc, "remuneration") if not _missing(c.chair_seat)]
    if not chaired:
        yield NotApplicable("The constitution names no chair of a remuneration committee.")
        return
    audit_chairs = {
        _seat_key(doc, c.chair_seat): c
        for _, c in _of_kind(doc, "audit")
        if not _missing(c.chair_seat)
    }
    for index, committee in chaired:
        loc = _committee_loc(index, "chair_seat")
        seat = _seat(doc, committee.chair_seat)
        if seat is not None and seat.role == "chair":
            yield Contradiction(
                loc,
                f"{_label(committee)} is chaired by the chair of the board. NHS England's model "
                "has it chaired by a non-executive member other than the chair and the audit "
                "committee chair; choose another non-executive member.",
            )
        elif (
            seat is not None
            and _seat_key(doc, committee.chair_seat) in audit_chairs
            and (_several(seat))
        ):
            audit = audit_chairs[_seat_key(doc, committee.chair_seat)]
            count = stated_count(seat)
            holds = (
                f"which holds {count} members"
                if count is not None
                else "whose number of members the constitution does not give"
            )
            yield Unknown(
                loc,
                f"{_label(committee)} and {_name(audit)} are both chaired from seat "
                f"{seat_name(seat)}, {holds}, so it cannot be shown whether the same member "
                "chairs both. NHS England's model has the remuneration committee chaired by a "
                "non-executive member other than the chair and the audit committee chair. If "
                "the constitution says which member chairs each committee, give that member a "
                "seat of their own and name it in chair_seat.",
            )
        elif _seat_key(doc, committee.chair_seat) in audit_chairs:
            yield Contradiction(
                loc,
                f'{_label(committee)} is chaired by "{committee.chair_seat}", who also chairs '
                "the audit committee. NHS England's model has it chaired by a non-executive "
                "member other than the chair and the audit committee chair; choose another "
                "non-executive member.",
            )


def _several(seat: Seat) -> bool:
    """Whether a seat may hold more than one member: a count above one, "at least", or
    "unknown". A seat without a count holds one."""
    if seat.count is None:
        return False
    count = stated_count(seat)
    return count is None or not count.exact or least_of(seat) > 1


def _seat_key(doc: IcbConstitution, reference: str | None) -> str:
    """What a chair_seat reference stands for: the id of the seat it names, so that an id and
    a title of the same seat compare equal, or the reference itself if it names no seat."""
    seat = _seat(doc, reference)
    return seat.id if seat is not None else seat_ref(reference or "")


# --- ICB095-ICB098: how committees, joint committees and delegations are governed ---------------


@rule(
    code="ICB095",
    slug="committee-governance",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[DF_COMMITTEES],
)
def committee_governance(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Each committee should have terms of reference and a reporting line, and its delegations.

    Requirement: The constitution should set out how each committee is governed: to whom it
    reports (`reports_to`) and where its terms of reference are (`tor_ref`). A committee that
    takes decisions (`decision_making: true`) should list the functions delegated to it.
    Advisory committees need no delegated functions.
    Provision: The design framework, "Committees and decision-making": "The body's
    constitution should lay out any committees' governance arrangements, which should include
    appropriate reporting arrangements." "Should" is guidance, not a requirement that the
    constitution contain them, so a constitution that is silent is "not stated".
    Why: The board stays accountable for what its committees do; it can only hold them to
    account if each reports to it (directly or through another committee) and acts within
    stated terms and delegations.
    Fix: On each committee set `reports_to` (for example `Board`) and `tor_ref`; on each
    decision-making committee list `delegated_functions`, matching the scheme of reservation
    and delegation.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. Guidance, so a warning. Whether `reports_to` names a real body
    is not checked.
    """
    if not doc.committees:
        yield NotApplicable("The constitution lists no committees.")
    # Where no committee says it, one finding for the list rather than one per committee.
    no_lines = _none_say(doc, lambda c: not _missing(c.reports_to))
    no_tors = _none_say(doc, lambda c: not _missing(c.tor_ref))
    if no_lines:
        yield Missing(
            ("committees",),
            "The constitution gives none of its committees a reporting line. NHS England's "
            "design framework says the constitution should set out each committee's reporting "
            "arrangements; if it says to whom each reports (the board, or the committee it is a "
            "sub-committee of), set reports_to on each.",
        )
    if no_tors:
        yield Missing(
            ("committees",),
            "The constitution does not say where the terms of reference of any of its "
            "committees are. If it does (for example in the governance handbook), set tor_ref "
            "on each.",
        )
    for index, committee in enumerate(doc.committees):
        if _missing(committee.reports_to) and not no_lines:
            yield Missing(
                _committee_loc(index, "reports_to"),
                f"The constitution gives {_name(committee)} no reporting line. NHS England's "
                "design framework says the constitution should set out each committee's "
                "reporting arrangements; if it says to whom the committee reports (the board, "
                "or the committee it is a sub-committee of), set reports_to.",
            )
        if _missing(committee.tor_ref) and not no_tors:
            yield Missing(
                _committee_loc(index, "tor_ref"),
                f"The constitution does not say where the terms of reference of "
                f"{_name(committee)} are. If it does (for example in the governance handbook), "
                "set tor_ref.",
            )
        if committee.decision_making is True and not committee.delegated_functions:
            yield Missing(
                _committee_loc(index, "delegated_functions"),
                f"{_label(committee)} takes decisions, but the constitution lists no functions "
                "delegated to it. If it does, list them in delegated_functions, as the scheme "
                "of reservation and delegation does.",
            )


def _none_say(doc: IcbConstitution, says: Callable[[Committee], bool]) -> bool:
    """Whether the constitution lists several committees and none of them says something:
    then a rule reports the gap once for the list, not once for each committee."""
    return len(doc.committees) > 1 and not any(says(c) for c in doc.committees)


@rule(
    code="ICB096",
    slug="external-committee-members-bound",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(LSC_REMUNERATION, "paragraph 1.3", LSC_REMUNERATION_TOR),
        DF_COMMITTEES,
        secondary(
            "NHS South West London ICB, audit and risk committee terms of reference",
            "paragraph 1.3",
            SWL_AUDIT_TOR,
        ),
    ],
)
def external_committee_members_bound(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Committee members who are not board members or staff must be bound by the standing orders.

    Requirement: Where a committee may include people who are neither board members nor ICB
    employees, its terms say that those members are bound by the ICB's standing orders and
    policies. A committee may include them when the document says so
    (`external_members_allowed: true`) or when it lists such members: a place committee, for
    example, whose `members` include someone with `board_member: false` who does not sit in
    an ICB employee's seat (an executive seat, or one with `must_be_employee: true`) and whose
    `organisation` is not this ICB.
    Provision: The design framework, "Committees and decision-making": the ICB "will have the
    power to appoint individuals who are not board members or staff ... to be members of any
    committee it has established"; the binding clause is the practice of two ICBs' terms of
    reference (paragraph 1.3 of each). Nothing read requires the constitution to contain it, so
    silence is "not stated"; terms that say such members are not bound are in breach.
    Why: Members from outside the ICB take part in its decisions; they must be held to the
    same rules on conduct, conflicts of interest and procedure as board members.
    Fix: On a committee with `external_members_allowed: true`, or that lists members who are
    not on the board, if its terms bind such members, set
    `external_members_bound_by_standing_orders: true`; otherwise add the clause. Give an ICB
    employee who is not on the board the ICB as `organisation`, so that they are not taken
    for an outside member.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. The binding clause is from NHS Lancashire and South Cumbria
    ICB's remuneration committee terms of reference and NHS South West London ICB's audit and
    risk committee terms of reference (paragraph 1.3 of each). Guidance, so a warning.
    """
    open_committees = [
        (i, c, _outside_members(doc, c))
        for i, c in enumerate(doc.committees)
        if c.external_members_allowed is True or _outside_members(doc, c)
    ]
    if not open_committees:
        yield NotApplicable(
            "No committee is recorded as open to, or lists, members who are not board members "
            "or staff."
        )
    for index, committee, outside in open_committees:
        if outside:
            has = f"has members who are not board members or ICB staff ({listed(outside)})"
        else:
            has = "may have members who are not board members or ICB staff"
        yield from unless_true(
            committee.external_members_bound_by_standing_orders,
            _committee_loc(index, "external_members_bound_by_standing_orders"),
            f"{_label(committee)} {has}, but the constitution does not say they are bound by "
            "the ICB's standing orders and policies. If it does, set "
            "external_members_bound_by_standing_orders: true.",
            contradicted=f"{_label(committee)} {has}, and is recorded as not binding them to "
            "the ICB's standing orders and policies (external_members_bound_by_standing_orders: "
            "false). Bind them and set it to true.",
        )


def _outside_members(doc: IcbConstitution, committee: Committee) -> list[str]:
    """The listed members of a committee who are neither board members nor ICB staff, named
    for a message: `board_member: false`, not in an ICB employee's seat, and not of this ICB."""
    board = {seat.id: seat for _, seat in seats(doc)}
    outside = []
    for member in committee.members:
        if member.board_member is not False:
            continue
        seat = board.get(member.seat) if member.seat else None
        if seat is not None and (seat.category == "executive" or seat.must_be_employee):
            continue
        organisation = member.organisation
        if organisation and (_this_icb(doc, organisation)):
            continue
        outside.append(
            f'"{member.title}" of {organisation}' if organisation else f'"{member.title}"'
        )
    return outside


@rule(
    code="ICB097",
    slug="committee-terms-published-board-approved",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(LSC_REMUNERATION, "paragraph 1.2", LSC_REMUNERATION_TOR),
        secondary(f"{LSC}, remuneration panel terms of reference", "paragraph 1.2", LSC_PANEL_TOR),
        secondary(
            "NHS South West London ICB, audit and risk committee terms of reference",
            "paragraph 1.2",
            SWL_AUDIT_TOR,
        ),
    ],
)
def committee_terms_published_board_approved(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Committee terms of reference should be published and changed only with board approval.

    Requirement: Each committee's terms of reference are published on the ICB's website (for
    example in the governance handbook) and may be changed only with the approval of the board.
    Provision: Paragraph 1.2 of three ICB committees' terms of reference: the terms are
    published and may be changed only with the board's approval. This is local practice, not a
    requirement that the constitution say it, so silence is "not stated"; terms that are not
    published, or that someone other than the board may change, are in breach.
    Why: Published terms let the public see who decides what; board approval stops a committee
    widening its own powers.
    Fix: On each committee set `tor_published: true` and `tor_change_approver: Board`, where
    the constitution or the terms say so; otherwise publish the terms and reserve changes to
    the board.
    Source: From the terms of reference of NHS Lancashire and South Cumbria ICB's remuneration
    committee and remuneration panel and of NHS South West London ICB's audit and risk
    committee (paragraph 1.2 of each); NHS England's model wording was not available.
    Guidance, so a warning.
    """
    if not doc.committees:
        yield NotApplicable("The constitution lists no committees.")
    # Where no committee says it, one finding for the list rather than one per committee.
    unpublished = _none_say(doc, lambda c: c.tor_published is not None)
    no_approver = _none_say(doc, lambda c: not _missing(c.tor_change_approver))
    if unpublished:
        yield Missing(
            ("committees",),
            "The constitution does not say that the terms of reference of its committees are "
            "published. If they are (for example in the governance handbook on the ICB's "
            "website), set tor_published: true on each.",
        )
    if no_approver:
        yield Missing(
            ("committees",),
            "The constitution does not say who may change the terms of reference of its "
            "committees. They should be changed only with the board's approval; if so, set "
            "tor_change_approver: Board on each.",
        )
    for index, committee in enumerate(doc.committees):
        if not unpublished:
            yield from unless_true(
                committee.tor_published,
                _committee_loc(index, "tor_published"),
                f"The constitution does not say that the terms of reference of "
                f"{_name(committee)} are published. If they are (for example in the governance "
                "handbook on the ICB's website), set tor_published: true.",
                contradicted=f"{_label(committee)} has terms of reference that are recorded as "
                "not published (tor_published: false). Publish them on the ICB's website and "
                "set tor_published: true.",
            )
        approver = committee.tor_change_approver
        loc = _committee_loc(index, "tor_change_approver")
        if _missing(approver) and not no_approver:
            yield Missing(
                loc,
                f"The constitution does not say who may change the terms of reference of "
                f"{_name(committee)}. They should be changed only with the board's approval; if "
                "so, set tor_change_approver: Board.",
            )
        elif not _missing(approver) and not (
            names_body(approver, "Board") or _this_icb(doc, approver)
        ):
            yield Contradiction(
                loc,
                f"{_label(committee)} has terms of reference that may be changed by "
                f'"{approver}". They should be changed only with the approval of the board; '
                "set tor_change_approver: Board.",
            )


@rule(
    code="ICB098",
    slug="joint-committees-and-delegations-recorded",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[
        secondary(
            NOTTS,
            "Scheme of Reservation and Delegation: delegations under sections 65Z5 and 65Z6",
            NOTTS_URL,
        ),
        DF_COMMITTEES,
        secondary(
            "National Health Service (Joint Working and Delegation Arrangements) (England) "
            "Regulations 2022 (SI 2022/642), made under section 65Z5 of the 2006 Act",
            "regulation 2",
            "https://www.legislation.gov.uk/uksi/2022/642/regulation/2",
        ),
        secondary(
            "NHS England, Arrangements for delegation and joint exercise of statutory functions "
            "(statutory guidance under section 65Z7 of the 2006 Act)",
            "paragraphs 1-3",
            "https://www.england.nhs.uk/long-read/"
            "arrangements-for-delegation-and-joint-exercise-of-statutory-functions/",
        ),
    ],
)
def joint_committees_and_delegations_recorded(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Joint committees and delegations to other bodies should be fully recorded.

    Requirement: Each joint committee the ICB sets up with other bodies (another ICB, NHS
    England, NHS trusts and foundation trusts, local authorities, combined authorities) should
    name its partners, the functions delegated to it and where its terms of reference are.
    Each delegation of ICB functions to another body should state its statutory basis (for
    example section 65Z5 of the 2006 Act).
    Provision: NHS Nottingham and Nottinghamshire ICB's governance handbook holds its joint
    committees' terms of reference, and its scheme of reservation and delegation sets out the
    functions delegated "in line with sections 65Z5 and 65Z6"; the design framework gives the
    ICB and trusts the power to set up joint committees. Neither requires the constitution to
    record them, so a constitution that is silent is "not stated".
    Why: Functions exercised jointly or by another body remain the ICB's responsibility; the
    board and the public must be able to see who exercises them and under which power.
    Fix: On each entry of `joint_committees` fill in `partners`, `delegated_functions` and
    `tor_ref`; on each entry of `delegations` set `statutory_basis`, where the constitution
    gives them.
    Source: From NHS Nottingham and Nottinghamshire ICB's organisational information page,
    and from the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated care
    systems: design framework (June 2021); the framework's own text was not available. Sections
    65Z5 and 65Z6 of the 2006 Act were not available; SI 2022/642, regulation 2, read on
    legislation.gov.uk, confirms that section 65Z5 is the joint working and delegation power,
    and NHS England's statutory guidance on delegation is issued under section 65Z7. The rule
    checks only that the entries are complete, not that the power named is the right one.
    """
    if not doc.joint_committees and not doc.delegations:
        yield NotApplicable("The constitution lists no joint committees or delegations.")
    for index, joint in enumerate(doc.joint_committees):
        loc: Loc = ("joint_committees", index)
        name = f'The joint committee "{joint.name}"'
        if not joint.partners:
            yield Missing(
                (*loc, "partners"),
                f"{name}: the constitution does not name the bodies the ICB runs it with. If "
                "it does, list them in partners.",
            )
        if not joint.delegated_functions:
            yield Missing(
                (*loc, "delegated_functions"),
                f"{name}: the constitution lists no functions delegated to it. If it does, "
                "list them in delegated_functions, as the scheme of reservation and delegation "
                "does.",
            )
        if _missing(joint.tor_ref):
            yield Missing(
                (*loc, "tor_ref"),
                f"{name}: the constitution does not say where its terms of reference are. If "
                "it does (for example in the governance handbook), set tor_ref.",
            )
    for index, delegation in enumerate(doc.delegations):
        if _missing(delegation.statutory_basis):
            yield Missing(
                ("delegations", index, "statutory_basis"),
                f"The delegation of functions to {delegation.to} does not state the power it is "
                "made under. If the constitution gives it, set statutory_basis (for example "
                "s65Z5 of the 2006 Act).",
            )


# --- ICB099-ICB102: the documents that map decisions, and clinical leadership -------------------


def _related(doc: IcbConstitution, field: str) -> str | None:
    related = doc.related_documents
    value: str | None = getattr(related, field) if related is not None else None
    return value


@rule(
    code="ICB099",
    slug="functions-and-decision-map",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        DF_COMMITTEES,
        secondary(
            "NHS West Yorkshire ICB, governance page",
            "governance handbook, item 2 (functions and decisions map)",
            "https://westyorkshire.icb.nhs.uk/about-west-yorkshire-integrated-care-board/governance",
        ),
    ],
)
def functions_and_decision_map(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The ICB must keep a functions and decision map.

    Requirement: The ICB keeps, with its partners in the integrated care system, a functions
    and decision map showing where its functions are exercised and decisions taken,
    including commissioning functions delegated or transferred by NHS England.
    Provision: The design framework, "Committees and decision-making": "NHSEI requires every
    ICS NHS body to maintain with ICS partners a 'functions and decision map'". The duty is on
    the ICB to keep the map; nothing read requires the constitution to name it, so a
    constitution that is silent is "not stated", not in breach.
    Why: ICBs have wide freedom over where decisions sit (board, committees, places, joint
    committees, providers); the map is how partners and the public find out who decides what.
    Fix: If the constitution names the map, record it in
    `related_documents.functions_and_decision_map` (for example the part of the governance
    handbook that holds it).
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. NHS West Yorkshire ICB's governance handbook lists such a map.
    The rule can only check that the map is named, not what it contains.
    """
    if _missing(_related(doc, "functions_and_decision_map")):
        yield Missing(
            ("related_documents", "functions_and_decision_map"),
            "The constitution does not name the ICB's functions and decision map. NHS England "
            "requires every ICB to keep one with its partners, showing where functions and "
            "decisions sit. If the constitution names it, record it in "
            "related_documents.functions_and_decision_map.",
        )


@rule(
    code="ICB100",
    slug="scheme-of-reservation-and-delegation",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    requires="conduct",
    citations=[
        secondary(HWE_MODEL, "clause 5.2.1", HWE_SECTION_5),
        secondary(NOTTS, "Scheme of Reservation and Delegation", NOTTS_URL),
    ],
)
def scheme_of_reservation_and_delegation(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The ICB must have a scheme of reservation and delegation.

    Requirement: The ICB has a scheme of reservation and delegation (SoRD) that sets out the
    decisions the board reserves to itself and those delegated to committees, sub-committees,
    employees and other bodies. The delegated financial limits of the standing financial
    instructions are set in it.
    Provision: The model constitution's clause 5.2.1: the standing financial instructions
    "include the delegated limits of financial authority set out in the SoRD". The clause
    presumes that the ICB has a scheme; nothing read requires the constitution to name it, so a
    constitution that is silent is "not stated", not in breach.
    Why: Without a SoRD no committee or officer can show the authority for a decision, and the
    financial limits have no home.
    Fix: If the constitution names the scheme, record it in `related_documents.sord` (for
    example the part of the governance handbook that holds it).
    Source: From the constitution of NHS Hertfordshire and West Essex ICB, which follows NHS
    England's model (clause 5.2.1); NHS England's own model text was not available. NHS
    Nottingham and Nottinghamshire ICB's organisational information page describes what its
    scheme contains. The rule only checks that the scheme is named; icslint does not read the
    scheme itself.
    """
    if _missing(_related(doc, "sord")):
        yield Missing(
            ("related_documents", "sord"),
            "The constitution does not name the ICB's scheme of reservation and delegation. The "
            "ICB must have one, setting out what the board reserves to itself and what it "
            "delegates, with the financial limits. If the constitution names it, record it in "
            "related_documents.sord.",
        )


@rule(
    code="ICB101",
    slug="clinical-representation-in-decisions",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[DF_COMMITTEES, DF_CLINICAL_LEADERSHIP],
)
def clinical_representation_in_decisions(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding | NotApplicable]:
    """Committees that take decisions should include a clinical member.

    Requirement: The ICB has appropriate clinical representation in its decision-making
    arrangements. The rule checks every decision-making committee (`decision_making: true`)
    other than the audit and remuneration committees for `clinical_member: true`.
    Provision: The design framework, "Committees and decision-making": ICS NHS bodies "must
    ensure they have appropriate clinical representation in their decision-making
    arrangements". The duty is on the ICB, not a requirement that the constitution describe
    each committee's members, so silence is "not stated"; a decision-making committee
    recorded as having no clinical member is reported as a breach.
    Why: Clinical and care professional leaders are meant to be key decision-makers in the
    ICB, not advisers to it; the clinical roles on the board are only the minimum.
    Fix: Give each decision-making committee a clinical or care professional member and set
    `clinical_member: true`, or, if the committee only advises, set `decision_making: false`.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. Shipped as a warning, not an error: "appropriate" cannot be
    judged by a machine, and a clinical member on each committee is only a proxy for it. The
    audit and remuneration committees are left out: their remits are assurance and pay, and
    the model bars employees (so the executive clinicians) from the remuneration committee
    (clause 8.1.3 of NHS Hertfordshire and West Essex ICB's constitution, which follows NHS
    England's model).
    """
    deciding = [(i, c) for i, c in _of_kind(doc, "other") if c.decision_making is True]
    if not deciding:
        yield NotApplicable(
            "The constitution records no decision-making committee besides audit and remuneration."
        )
    for index, committee in deciding:
        yield from unless_true(
            committee.clinical_member,
            _committee_loc(index, "clinical_member"),
            f"{_label(committee)} takes decisions, but the constitution does not say it has a "
            "clinical or care professional member. NHS England expects appropriate clinical "
            "representation in the ICB's decision-making; if the committee has such a member, "
            "set clinical_member: true.",
            contradicted=f"{_label(committee)} takes decisions and is recorded as having no "
            "clinical or care professional member. NHS England expects appropriate clinical "
            "representation in the ICB's decision-making; add such a member and set "
            "clinical_member: true, or set decision_making: false if it only advises.",
        )


@rule(
    code="ICB102",
    slug="clinical-leadership-model",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    requires="conduct",
    citations=[DF_CLINICAL_LEADERSHIP],
)
def clinical_leadership_model(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board should sign off a model for clinical and care professional leadership.

    Requirement: The board is expected to sign off a model, and an improvement plan, for
    distributed clinical and care professional leadership across the system, reflecting the
    five features of an effective model.
    Provision: The design framework, "Clinical and professional leadership": the board "will
    be expected to sign off a model and improvement plan for clinical and care professional
    leadership". The expectation is on the board, not on the constitution, so a constitution
    that does not name the model is "not stated".
    Why: The model shows how clinical and care professionals of every kind are involved in
    the ICB's strategy and decisions, beyond the board's medical director and director of
    nursing.
    Fix: If the constitution names the board-approved model, record it in
    `related_documents.clinical_leadership_model`.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. The five features are in NHS England's implementation
    guidance on effective clinical and care professional leadership (September 2021), which
    was not available. Guidance, so info. The rule can only check that the model is named,
    not that the board approved it.
    """
    if _missing(_related(doc, "clinical_leadership_model")):
        yield Missing(
            ("related_documents", "clinical_leadership_model"),
            "The constitution does not name a model for clinical and care professional "
            "leadership. The board is expected to sign one off, with an improvement plan; if "
            "the constitution names it, record it in "
            "related_documents.clinical_leadership_model.",
        )


# --- ICB103: provider executives on the board ---------------------------------------------------


@rule(
    code="ICB103",
    slug="provider-members-act-for-system",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    requires="conduct",
    citations=[DF_ACCOUNTABILITY],
)
def provider_members_act_for_system(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Provider executives on the board must act for the ICB and the wider system.

    Requirement: A provider executive who sits on the ICB board shares accountability with the
    other members for the ICB's performance, and when acting as a board member must act in the
    interests of the ICB and the wider system, not of their employer.
    Provision: The design framework, "Accountability and oversight": when acting as a board
    member, such an executive "must act in the interests of the ICS body and the wider system,
    not those of their employing provider". The duty is on the member, not a requirement that
    the constitution repeat it, so silence is "not stated"; a constitution that says otherwise
    is in breach.
    Why: Trust and primary care partner members are often executives of the providers the ICB
    commissions; the clause makes clear which interest they serve at the board table.
    Fix: If the constitution has the clause (it can be part of the partner-member clause
    checked by ICB020), set `board.provider_members_act_for_system_clause: true`.
    Source: From the NHS Confederation's briefing of 16 June 2021 on NHS England's Integrated
    care systems: design framework (June 2021), which quotes the framework; the framework's
    own text was not available. Guidance, so a warning. The rule can only check that the
    clause is present.
    """
    board = doc.board
    yield from unless_true(
        board.provider_members_act_for_system_clause if board is not None else None,
        ("board", "provider_members_act_for_system_clause"),
        "The constitution does not say that provider executives on the board act in the "
        "interests of the ICB and the wider system, not of their employing organisation, as "
        "NHS England's design framework says they must. If it does, set "
        "board.provider_members_act_for_system_clause: true.",
        contradicted="The constitution is recorded as not providing that provider executives on "
        "the board act in the interests of the ICB and the wider system "
        "(board.provider_members_act_for_system_clause: false). NHS England's design framework "
        "says they must, rather than in the interests of their employing organisation; add the "
        "clause and set it to true.",
    )
