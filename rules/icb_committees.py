"""Catalogue section H: committees, delegations and how the ICB's functions are exercised."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Citation, Finding, Level, Loc, Severity
from icslint.models.icb import Committee, IcbConstitution, Seat
from icslint.registry import NoOptions, rule

from ._support import HWE_MODEL, normalise, seats, seats_with_role, secondary, unless_true

ICB = "icb-constitution"

# --- sources ------------------------------------------------------------------------------------

NHS_CONFED_DF = "https://www.nhsconfed.org/publications/ics-design-framework"
DESIGN_FRAMEWORK = (
    "NHS England and NHS Improvement, Integrated care systems: design framework (June 2021), "
    "as summarised in the NHS Confederation briefing of 16 June 2021"
)


# Page ranges are the framework's own sections, from its contents page (catalogue S12, re-read
# for these rules): governance 19-26, clinical leadership 33-34, accountability 37-39.
def _design_framework(provision: str) -> Citation:
    """A passage of the design framework, read in the NHS Confederation's briefing (seed 004)."""
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
# Names under which a document may give the board as the body that approves terms of reference.
_BOARD_NAMES = {"board", "board of icb", "board of integrated care board"}


def _committee_loc(index: int, *field: str) -> Loc:
    return ("committees", index, *field)


def _of_kind(doc: IcbConstitution, *kinds: str) -> list[tuple[int, Committee]]:
    """The committees of the given kinds, with their index in `committees`."""
    return [(i, c) for i, c in enumerate(doc.committees) if c.kind in kinds]


def _label(committee: Committee) -> str:
    """How a message names a committee: 'The audit committee "Audit and Risk Committee"'."""
    return f'The {_KIND_LABELS.get(committee.kind, "committee")} "{committee.name}"'


def _missing(text: str | None) -> bool:
    return text is None or not text.strip()


def _seats_by_id(doc: IcbConstitution) -> dict[str, Seat]:
    return {seat.id: seat for _, seat in seats(doc)}


def _required_committee(doc: IcbConstitution, kind: str) -> Iterator[Finding]:
    """The shared check of ICB090 and ICB091: at least one committee of this kind."""
    if not _of_kind(doc, kind):
        label = _KIND_LABELS[kind]
        yield Finding(
            ("committees",),
            f"The constitution sets up no {label}. NHS England requires every ICB to have an "
            f"audit committee and a remuneration committee. Add the {label} to the list of "
            f"committees with kind: {kind}.",
        )


# --- ICB090-ICB094: the audit and remuneration committees --------------------------------------


@rule(
    code="ICB090",
    slug="audit-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        DF_COMMITTEES,
        secondary(LINCOLNSHIRE, "opening paragraph (two statutory committees)", LINCOLNSHIRE_URL),
    ],
)
def audit_committee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every ICB must have an audit committee.

    Requirement: The ICB must establish an audit committee of the board.
    Why: The audit committee gives the board an independent and objective view of the ICB's
    compliance with its statutory responsibilities and arranges internal and external audit.
    Fix: Add an entry to `committees` with `kind: audit` (for example the "Audit and Risk
    Committee"), chaired by a non-executive member.
    Source: The design framework (June 2021), "Committees and decision-making", read in the
    NHS Confederation's briefing (seed 004, read in full: every ICS NHS body "will be required
    to have an audit committee and a remuneration committee"); nhse-policy [S]. Lincolnshire
    ICB's committees page, read in full, calls audit and remuneration its two "statutory"
    committees, but no statutory provision requiring them was found in a search of the
    stored sources (Schedule 1B beyond paragraph 8(1)(a) is not available), so the rule rests
    on NHS England policy; the statutory basis stays [U].
    """
    yield from _required_committee(doc, "audit")


@rule(
    code="ICB091",
    slug="remuneration-committee",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        DF_COMMITTEES,
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(LINCOLNSHIRE, "opening paragraph (two statutory committees)", LINCOLNSHIRE_URL),
    ],
)
def remuneration_committee(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Every ICB must have a remuneration committee.

    Requirement: The ICB must establish a remuneration committee of the board.
    Why: The remuneration committee exercises the ICB's functions on the pay, allowances and
    terms of its employees and board members, so that no one decides their own pay.
    Fix: Add an entry to `committees` with `kind: remuneration`, chaired by a non-executive
    member other than the chair and the audit committee chair.
    Source: The design framework (June 2021), "Committees and decision-making", read in the
    NHS Confederation's briefing (seed 004, read in full); nhse-policy [S]. The model
    constitution's clause 8.1.2 ("the board has established a Remuneration Committee"), read
    as reproduced by Herts and West Essex ICB, and Lincolnshire ICB's committees page, both
    read in full, agree. Whether a statute requires the committee was not verified ([U]).
    """
    yield from _required_committee(doc, "remuneration")


@rule(
    code="ICB092",
    slug="audit-remuneration-non-executive-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        DF_NON_EXECUTIVES,
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(LINCOLNSHIRE, "Audit Committee and Remuneration Committee", LINCOLNSHIRE_URL),
    ],
)
def audit_remuneration_non_executive_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """Non-executive members other than the chair must chair the audit and remuneration committees.

    Requirement: The `chair_seat` of every audit committee and every remuneration committee
    must be the id of a board seat with `category: non_executive` that is not the chair of the
    board (`role: chair`). A committee that names no chair seat, or names an id that matches
    no seat, is reported too.
    Why: NHS England sets a minimum of two non-executive members besides the chair precisely so
    that they can chair these two committees; they give the board independent assurance on
    its accounts, controls and pay.
    Fix: Set `chair_seat` to the id of an ordinary non-executive member's seat (not the
    chair's, an executive's or a partner member's).
    Source: The design framework (June 2021), "Governance and management arrangements", read
    in the NHS Confederation's briefing (seed 004, read in full: the chair plus at least two
    independent non-executives, "as a minimum required to chair the audit and remuneration
    committees"); nhse-policy [S]. The model constitution's clause 8.1.2 (remuneration chair
    is a non-executive member other than the chair), read as reproduced by Herts and West
    Essex ICB, and Lincolnshire ICB's committees page (audit chair an independent member),
    both read in full.
    """
    by_id = _seats_by_id(doc)
    for index, committee in _of_kind(doc, "audit", "remuneration"):
        loc = _committee_loc(index, "chair_seat")
        chair_seat = committee.chair_seat
        if _missing(chair_seat):
            yield Finding(
                loc,
                f"{_label(committee)} does not say which board seat chairs it. It must be "
                "chaired by a non-executive member other than the chair; set chair_seat to "
                "that member's seat id.",
            )
            continue
        seat = by_id.get(chair_seat or "")
        if seat is None:
            yield Finding(
                loc,
                f'{_label(committee)} is chaired by seat "{chair_seat}", but no board seat has '
                "that id. Set chair_seat to the id of a non-executive member's seat.",
            )
        elif seat.role == "chair":
            yield Finding(
                loc,
                f"{_label(committee)} is chaired by the chair of the board. It must be chaired "
                "by one of the other non-executive members; set chair_seat to that member's "
                "seat id.",
            )
        elif seat.category != "non_executive":
            yield Finding(
                loc,
                f'{_label(committee)} is chaired by seat "{seat.id}", whose category is '
                f"{(seat.category or 'not given').replace('_', '-')}. It must be chaired by a "
                "non-executive member; set chair_seat to a seat with category: non_executive.",
            )


@rule(
    code="ICB093",
    slug="audit-chair-expertise",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        secondary(LINCOLNSHIRE, "Audit Committee (ICB Committee), paragraph 2", LINCOLNSHIRE_URL)
    ],
)
def audit_chair_expertise(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The audit committee's chair should have expertise in finance and audit.

    Requirement: The audit committee should be chaired by an independent member whose
    qualifications, expertise or experience let them give credible opinions on finance and
    audit matters.
    Why: The audit committee chair leads the board's scrutiny of the accounts and of internal
    and external audit; without that expertise the assurance is weak.
    Fix: State the expertise required of the audit committee's chair (in the committee's
    terms of reference or the seat's role specification) and set `chair_expertise_clause:
    true` on the audit committee.
    Source: Lincolnshire ICB's committees page, read in full ([S], one ICB's practice; the
    model constitution's wording was not read, [U]); guidance, so info. This is a
    presence-of-clause rule: it can only check that the clause is present, not whether the
    postholder has the expertise.
    """
    for index, committee in _of_kind(doc, "audit"):
        yield from unless_true(
            committee.chair_expertise_clause,
            _committee_loc(index, "chair_expertise_clause"),
            f"{_label(committee)} does not say that its chair must have the qualifications, "
            "expertise or experience to give credible opinions on finance and audit. Add the "
            "requirement and set chair_expertise_clause: true.",
        )


@rule(
    code="ICB094",
    slug="remuneration-chair-not-chair-or-audit-chair",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 8.1.2", HWE_SECTION_8),
        secondary(
            LINCOLNSHIRE, "Remuneration Committee (ICB Committee), paragraph 2", LINCOLNSHIRE_URL
        ),
    ],
)
def remuneration_chair_not_chair_or_audit_chair(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The remuneration committee's chair must be neither the board chair nor the audit chair.

    Requirement: The remuneration committee is chaired by a non-executive member other than
    the chair of the board and other than the chair of the audit committee.
    Why: The board chair's own pay and terms come before the committee, and the audit chair
    must stay independent of the decisions the audit committee reviews.
    Fix: Set the remuneration committee's `chair_seat` to a non-executive member who does not
    chair the board or the audit committee.
    Source: The model constitution's clause 8.1.2, read in full as reproduced by Herts and
    West Essex ICB (section 8, catalogue N04), and Lincolnshire ICB's committees page, read
    in full, which says the same; nhse-policy [S] after the catalogue's addendum (section 9)
    re-sourced this as model text rather than one ICB's practice. The category of the chair
    seat, and chair seats that match no seat, are checked by ICB092.
    """
    chair_ids = {seat.id for _, seat in seats_with_role(doc, "chair")}
    audit_chairs = {c.chair_seat for _, c in _of_kind(doc, "audit") if not _missing(c.chair_seat)}
    for index, committee in _of_kind(doc, "remuneration"):
        loc = _committee_loc(index, "chair_seat")
        if committee.chair_seat in chair_ids:
            yield Finding(
                loc,
                f"{_label(committee)} is chaired by the chair of the board. NHS England's model "
                "has it chaired by a non-executive member other than the chair and the audit "
                "committee chair; choose another non-executive member.",
            )
        elif committee.chair_seat in audit_chairs:
            yield Finding(
                loc,
                f'{_label(committee)} is chaired by seat "{committee.chair_seat}", which also '
                "chairs the audit committee. NHS England's model has it chaired by a "
                "non-executive member other than the chair and the audit committee chair; "
                "choose another non-executive member.",
            )


# --- ICB095-ICB098: how committees, joint committees and delegations are governed ---------------


@rule(
    code="ICB095",
    slug="committee-governance",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[DF_COMMITTEES],
)
def committee_governance(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Each committee should have terms of reference and a reporting line, and its delegations.

    Requirement: The constitution should set out how each committee is governed: to whom it
    reports (`reports_to`) and where its terms of reference are (`tor_ref`). A committee that
    takes decisions (`decision_making: true`) should list the functions delegated to it.
    Advisory committees need no delegated functions.
    Why: The board stays accountable for what its committees do; it can only hold them to
    account if each reports to it (directly or through another committee) and acts within
    stated terms and delegations.
    Fix: On each committee set `reports_to` (for example `Board`) and `tor_ref`; on each
    decision-making committee list `delegated_functions`, matching the scheme of reservation
    and delegation.
    Source: The design framework (June 2021), "Committees and decision-making", read in the
    NHS Confederation's briefing (seed 004, read in full: the constitution "should lay out any
    committees' governance arrangements", including "appropriate reporting arrangements"; the
    board may set up further decision-making committees in line with its scheme of
    delegation); guidance [S]. Whether `reports_to` names a real body is not checked.
    """
    for index, committee in enumerate(doc.committees):
        if _missing(committee.reports_to):
            yield Finding(
                _committee_loc(index, "reports_to"),
                f"{_label(committee)} has no reporting line. Say to whom it reports (the board, "
                "or the committee it is a sub-committee of) and set reports_to.",
            )
        if _missing(committee.tor_ref):
            yield Finding(
                _committee_loc(index, "tor_ref"),
                f"{_label(committee)} does not say where its terms of reference are. Give them "
                "(for example in the governance handbook) and set tor_ref.",
            )
        if committee.decision_making is True and not committee.delegated_functions:
            yield Finding(
                _committee_loc(index, "delegated_functions"),
                f"{_label(committee)} takes decisions but lists no functions delegated to it. "
                "List them in delegated_functions, as the scheme of reservation and delegation "
                "does.",
            )


@rule(
    code="ICB096",
    slug="external-committee-members-bound",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
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
def external_committee_members_bound(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Committee members who are not board members or staff must be bound by the standing orders.

    Requirement: Where a committee may include people who are neither board members nor ICB
    employees, its terms must say that those members are bound by the ICB's standing orders
    and policies.
    Why: Members from outside the ICB take part in its decisions; they must be held to the
    same rules on conduct, conflicts of interest and procedure as board members.
    Fix: On a committee with `external_members_allowed: true`, add the clause to its terms of
    reference and set `external_members_bound_by_standing_orders: true`.
    Source: The design framework (June 2021), "Committees and decision-making", read in the
    NHS Confederation's briefing (seed 004, read in full: the ICB may appoint people who are
    not board members or staff to its committees); the binding clause from Lancashire and
    South Cumbria ICB's remuneration committee terms of reference, paragraph 1.3, and South
    West London ICB's audit and risk committee terms of reference, paragraph 1.3, both read
    ([S], local practice; the underlying statutory power was not read, [U]). Guidance, so a
    warning. This is a presence-of-clause rule: it can only check that the clause is present.
    """
    for index, committee in enumerate(doc.committees):
        if committee.external_members_allowed is not True:
            continue
        yield from unless_true(
            committee.external_members_bound_by_standing_orders,
            _committee_loc(index, "external_members_bound_by_standing_orders"),
            f"{_label(committee)} may have members who are not board members or ICB staff, but "
            "does not say they are bound by the ICB's standing orders and policies. Add the "
            "clause and set external_members_bound_by_standing_orders: true.",
        )


@rule(
    code="ICB097",
    slug="committee-terms-published-board-approved",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
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
) -> Iterator[Finding]:
    """Committee terms of reference should be published and changed only with board approval.

    Requirement: Each committee's terms of reference are published on the ICB's website (for
    example in the governance handbook) and may be changed only with the approval of the board.
    Why: Published terms let the public see who decides what; board approval stops a committee
    widening its own powers.
    Fix: On each committee set `tor_published: true` and `tor_change_approver: Board`.
    Source: Lancashire and South Cumbria ICB's remuneration committee and remuneration panel
    terms of reference, paragraph 1.2 of each, and South West London ICB's audit and risk
    committee terms of reference, paragraph 1.2, all read ([S], local practice consistent with
    the model; the model's own wording was not read, [U]). Guidance, so a warning.
    """
    for index, committee in enumerate(doc.committees):
        if committee.tor_published is not True:
            yield Finding(
                _committee_loc(index, "tor_published"),
                f"{_label(committee)} does not say that its terms of reference are published. "
                "Publish them on the ICB's website (for example in the governance handbook) and "
                "set tor_published: true.",
            )
        approver = committee.tor_change_approver
        if normalise(approver) not in _BOARD_NAMES:
            who = f"may be changed by {approver}" if approver else "do not say who may change them"
            yield Finding(
                _committee_loc(index, "tor_change_approver"),
                f"{_label(committee)} has terms of reference that {who}. They should be "
                "changed only with the approval of the board; set tor_change_approver: Board.",
            )


@rule(
    code="ICB098",
    slug="joint-committees-and-delegations-recorded",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
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
) -> Iterator[Finding]:
    """Joint committees and delegations to other bodies should be fully recorded.

    Requirement: Each joint committee the ICB sets up with other bodies (another ICB, NHS
    England, NHS trusts and foundation trusts, local authorities, combined authorities) should
    name its partners, the functions delegated to it and where its terms of reference are.
    Each delegation of ICB functions to another body should state its statutory basis (for
    example section 65Z5 of the 2006 Act).
    Why: Functions exercised jointly or by another body remain the ICB's responsibility; the
    board and the public must be able to see who exercises them and under which power.
    Fix: On each entry of `joint_committees` fill in `partners`, `delegated_functions` and
    `tor_ref`; on each entry of `delegations` set `statutory_basis`.
    Source: Nottingham and Nottinghamshire ICB's organisational information page, read (its
    governance handbook holds joint committees' terms of reference, and its scheme of
    reservation and delegation the functions delegated "in line with sections 65Z5 and 65Z6");
    the design framework (June 2021), "Committees and decision-making", read in the NHS
    Confederation's briefing (seed 004, read in full: joint committees with trusts and
    foundation trusts); guidance [S]. Secondary for the statute: sections 65Z5 and 65Z6 were
    not read (wording not verified, [U]); SI 2022/642 regulation 2, read on legislation.gov.uk,
    confirms that section 65Z5(1) is the joint working and delegation power, and NHS England's
    statutory guidance on delegation (opening read) is issued under section 65Z7. The rule
    checks only that the entries are complete, not that the power named is the right one.
    """
    for index, joint in enumerate(doc.joint_committees):
        loc: Loc = ("joint_committees", index)
        name = f'The joint committee "{joint.name}"'
        if not joint.partners:
            yield Finding(
                (*loc, "partners"),
                f"{name} does not name the bodies the ICB runs it with. List them in partners.",
            )
        if not joint.delegated_functions:
            yield Finding(
                (*loc, "delegated_functions"),
                f"{name} lists no functions delegated to it. List them in delegated_functions, "
                "as the scheme of reservation and delegation does.",
            )
        if _missing(joint.tor_ref):
            yield Finding(
                (*loc, "tor_ref"),
                f"{name} does not say where its terms of reference are. Record them (for example "
                "in the governance handbook) and set tor_ref.",
            )
    for index, delegation in enumerate(doc.delegations):
        if _missing(delegation.statutory_basis):
            yield Finding(
                ("delegations", index, "statutory_basis"),
                f"The delegation of functions to {delegation.to} does not state the power it is "
                "made under. Set statutory_basis (for example s65Z5 of the 2006 Act).",
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

    Requirement: The ICB must keep, with its partners in the integrated care system, a
    functions and decision map showing where its functions are exercised and decisions taken,
    including commissioning functions delegated or transferred by NHS England.
    Why: ICBs have wide freedom over where decisions sit (board, committees, places, joint
    committees, providers); the map is how partners and the public find out who decides what.
    Fix: Name the map in `related_documents.functions_and_decision_map` (for example the part
    of the governance handbook that holds it).
    Source: The design framework (June 2021), "Committees and decision-making", read in the
    NHS Confederation's briefing (seed 004, read in full: NHS England "requires every ICS NHS
    body to maintain with ICS partners a 'functions and decision map'"); West Yorkshire ICB's
    governance page (its handbook lists one), read; nhse-policy [S]. The rule can only check
    that the document is named, not what it contains.
    """
    if _missing(_related(doc, "functions_and_decision_map")):
        yield Finding(
            ("related_documents", "functions_and_decision_map"),
            "The constitution names no functions and decision map. NHS England requires every "
            "ICB to keep one with its partners, showing where functions and decisions sit. Name "
            "it in related_documents.functions_and_decision_map.",
        )


@rule(
    code="ICB100",
    slug="scheme-of-reservation-and-delegation",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.ERROR,
    citations=[
        secondary(HWE_MODEL, "clause 5.2.1", HWE_SECTION_5),
        secondary(NOTTS, "Scheme of Reservation and Delegation", NOTTS_URL),
    ],
)
def scheme_of_reservation_and_delegation(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """The ICB must have a scheme of reservation and delegation.

    Requirement: The ICB must have a scheme of reservation and delegation (SoRD) that sets out
    the decisions the board reserves to itself and those delegated to committees,
    sub-committees, employees and other bodies. The delegated financial limits of the standing
    financial instructions are set in it.
    Why: Without a SoRD no committee or officer can show the authority for a decision, and the
    financial limits have no home.
    Fix: Name the scheme in `related_documents.sord` (for example the part of the governance
    handbook that holds it).
    Source: The model constitution's clause 5.2.1 (the standing financial instructions include
    the delegated limits "set out in the SoRD"), read as reproduced by Herts and West Essex
    ICB, and Nottingham and Nottinghamshire ICB's organisational information page (what its
    SoRD contains), both read; nhse-policy [S]. The catalogue's further check, that each
    committee's delegated functions appear in the SoRD, needs the SoRD itself, which icslint
    does not read; the rule only checks that the scheme is named.
    """
    if _missing(_related(doc, "sord")):
        yield Finding(
            ("related_documents", "sord"),
            "The constitution names no scheme of reservation and delegation. The ICB must have "
            "one, setting out what the board reserves to itself and what it delegates, with "
            "the financial limits. Name it in related_documents.sord.",
        )


@rule(
    code="ICB101",
    slug="clinical-representation-in-decisions",
    applies_to=ICB,
    level=Level.NHSE_POLICY,
    severity=Severity.WARNING,
    citations=[DF_COMMITTEES, DF_CLINICAL_LEADERSHIP],
)
def clinical_representation_in_decisions(
    doc: IcbConstitution, options: NoOptions
) -> Iterator[Finding]:
    """Committees that take decisions should include a clinical member.

    Requirement: The ICB must have appropriate clinical representation in its decision-making
    arrangements. The rule checks every decision-making committee (`decision_making: true`)
    other than the audit and remuneration committees for `clinical_member: true`.
    Why: Clinical and care professional leaders are meant to be key decision-makers in the
    ICB, not advisers to it; the clinical roles on the board are only the minimum.
    Fix: Give each decision-making committee a clinical or care professional member and set
    `clinical_member: true`, or, if the committee only advises, set `decision_making: false`.
    Source: The design framework (June 2021), "Committees and decision-making" and "Clinical
    and professional leadership", read in the NHS Confederation's briefing (seed 004, read in
    full: ICS NHS bodies "must ensure they have appropriate clinical representation in their
    decision-making arrangements"); nhse-policy [S]. Shipped as a warning, not an error:
    "appropriate" cannot be judged by a machine, and a clinical member on each committee is
    only a proxy for it. The audit and remuneration committees are left out: their remits are
    assurance and pay, and the model bars employees (so the executive clinicians) from the
    remuneration committee (Herts and West Essex clause 8.1.3).
    """
    for index, committee in _of_kind(doc, "other"):
        if committee.decision_making is True and committee.clinical_member is not True:
            yield Finding(
                _committee_loc(index, "clinical_member"),
                f"{_label(committee)} takes decisions but has no clinical member. The ICB must "
                "have appropriate clinical representation in its decision-making; add a "
                "clinical or care professional member and set clinical_member: true.",
            )


@rule(
    code="ICB102",
    slug="clinical-leadership-model",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[DF_CLINICAL_LEADERSHIP],
)
def clinical_leadership_model(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """The board should sign off a model for clinical and care professional leadership.

    Requirement: The board is expected to sign off a model, and an improvement plan, for
    distributed clinical and care professional leadership across the system, reflecting the
    five features of an effective model.
    Why: The model shows how clinical and care professionals of every kind are involved in
    the ICB's strategy and decisions, beyond the board's medical director and director of
    nursing.
    Fix: Name the board-approved model in `related_documents.clinical_leadership_model`.
    Source: The design framework (June 2021), "Clinical and professional leadership", read in
    the NHS Confederation's briefing (seed 004, read in full: the board "will be expected to
    sign off a model and improvement plan"); the five features are in NHS England's
    implementation guidance on effective clinical and care professional leadership
    (September 2021; seed 000 lists it, not read); guidance [S], so info. The rule can only
    check that the model is named, not that the board approved it.
    """
    if _missing(_related(doc, "clinical_leadership_model")):
        yield Finding(
            ("related_documents", "clinical_leadership_model"),
            "The constitution names no model for clinical and care professional leadership. "
            "The board is expected to sign one off, with an improvement plan; name it in "
            "related_documents.clinical_leadership_model.",
        )


# --- ICB103: provider executives on the board ---------------------------------------------------


@rule(
    code="ICB103",
    slug="provider-members-act-for-system",
    applies_to=ICB,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[DF_ACCOUNTABILITY],
)
def provider_members_act_for_system(doc: IcbConstitution, options: NoOptions) -> Iterator[Finding]:
    """Provider executives on the board must act for the ICB and the wider system.

    Requirement: A provider executive who sits on the ICB board shares accountability with the
    other members for the ICB's performance, and when acting as a board member must act in the
    interests of the ICB and the wider system, not of their employer.
    Why: Trust and primary care partner members are often executives of the providers the ICB
    commissions; the clause makes clear which interest they serve at the board table.
    Fix: Add the clause (it can be part of the partner-member clause checked by ICB020) and set
    `board.provider_members_act_for_system_clause: true`.
    Source: The design framework (June 2021), "Accountability and oversight", read in the NHS
    Confederation's briefing (seed 004, read in full: such an executive "must act in the
    interests of the ICS body and the wider system, not those of their employing provider");
    guidance [S], so a warning. This is a presence-of-clause rule: it can only check that the
    clause is present.
    """
    board = doc.board
    yield from unless_true(
        board.provider_members_act_for_system_clause if board is not None else None,
        ("board", "provider_members_act_for_system_clause"),
        "The constitution does not say that provider executives on the board act in the "
        "interests of the ICB and the wider system, not of their employing organisation. Add "
        "the clause and set board.provider_members_act_for_system_clause: true.",
    )
