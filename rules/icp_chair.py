"""Catalogue section R: the partnership's chair (ICP engagement document, September 2021)."""

from __future__ import annotations

from collections.abc import Iterator

from icslint.diagnostics import Finding, Level, Severity
from icslint.models.icp import IcpTermsOfReference
from icslint.registry import NoOptions, rule

from ._icp import is_icb
from ._icp_engagement import ANNEX_A_LEADERSHIP, CORE_PART, PRACTICAL_STEPS, TIMINGS, icp_ed
from ._support import normalise

ICP = "icp-terms-of-reference"

# The chair bullets of the "Timings and establishment of ICPs" section, in the document's order.
CHAIR_ATTRIBUTES = {
    "system_relationships": "the ability to build and foster strong relationships in the system",
    "collaborative_leadership": "a collaborative leadership style",
    "innovation_and_transformation": "commitment to innovation and transformation",
    "health_and_care_outcomes": "expertise in delivering health and care outcomes",
    "influence_and_drive_change": "the ability to influence and drive delivery and change",
}


def _selected(doc: IcpTermsOfReference, party: str, selected_by: tuple[str, ...]) -> bool:
    """Whether an establishing party is among those who select the chair."""
    if is_icb(doc, party):
        return any(is_icb(doc, name) for name in selected_by)
    return normalise(party) in {normalise(name) for name in selected_by}


@rule(
    code="ICP025",
    slug="icp-chair-selected-jointly",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 1"),
        icp_ed(f"{PRACTICAL_STEPS}, step 4"),
    ],
)
def icp_chair_selected_jointly(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The ICB and the councils choose the chair together and define the role and its term.

    Requirement: The ICB and the local authorities jointly select the partnership's chair and
    define the chair's role, term of office and accountabilities.
    Why: The partnership is a joint committee of equal partners; a chair chosen by one side
    alone, or with no defined role or term, weakens the other partners' ownership of it.
    Fix: List every establishing party under `chair.selected_by`, and state
    `chair.term_years` and `chair.role_description` (including to whom the chair is
    accountable).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), Annex A
    "Leadership and accountability", paragraph 1, read word for word in the seed copy of the
    gov.uk page (S10); guidance [V], so a warning. The rule checks who selects and that a
    role and term are stated; it cannot judge the wording of the role.
    """
    chair = doc.chair
    if chair is None:
        yield Finding(
            ("chair",),
            "The terms of reference say nothing about the partnership's chair. The ICB and the "
            "local authorities are expected to choose the chair together and define the "
            "chair's role, term of office and accountabilities; add a chair section.",
        )
        return
    for party in doc.establishing_parties:
        if not _selected(doc, party, chair.selected_by):
            yield Finding(
                ("chair", "selected_by"),
                f"{party} is an establishing party but does not take part in choosing the "
                "chair. The chair is expected to be selected jointly by the ICB and the local "
                "authorities; add it to chair.selected_by.",
            )
    if not doc.establishing_parties and not chair.selected_by:
        yield Finding(
            ("chair", "selected_by"),
            "The terms of reference do not say who chooses the chair. The ICB and the local "
            "authorities are expected to choose the chair jointly; list them under "
            "chair.selected_by.",
        )
    if chair.term_years is None:
        yield Finding(
            ("chair", "term_years"),
            "The chair's term of office is not stated. The ICB and the local authorities are "
            "expected to define it; set chair.term_years.",
        )
    if not chair.role_description:
        yield Finding(
            ("chair", "role_description"),
            "The chair's role is not described. The ICB and the local authorities are expected "
            "to define the chair's role and accountabilities; add chair.role_description.",
        )


@rule(
    code="ICP026",
    slug="icp-chair-appointment-process",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.WARNING,
    citations=[
        icp_ed(f"{TIMINGS} section, paragraph 8"),
        icp_ed(f"{PRACTICAL_STEPS}, step 4"),
    ],
)
def icp_chair_appointment_process(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The chair is appointed by a fair, transparent process the ICB and councils agree.

    Requirement: The chair should be appointed through a fair and transparent process that
    meets the normal expectations for appointments to public positions and is agreed by the
    ICB and the local authorities. There is no national expectation on how the chair is paid.
    Why: A transparent, jointly agreed appointment gives the chair the confidence of every
    partner and of the public.
    Fix: Describe the process under `chair.appointment_process`, saying that the ICB and the
    councils agreed it and how it meets public-appointment norms (open, on merit).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "Timings and
    establishment of ICPs", paragraph 8, and practical step 4, read word for word in the seed
    copy of the gov.uk page (S10); guidance [V], so a warning. This is a presence-of-clause
    rule: it can only check that the process is described, not that it is fair.
    """
    chair = doc.chair
    if chair is None or not chair.appointment_process:
        yield Finding(
            ("chair", "appointment_process"),
            "The terms of reference do not say how the chair is appointed. The appointment is "
            "expected to follow a fair and transparent process, meeting the usual standards "
            "for public appointments and agreed by the ICB and the local authorities; describe "
            "it under chair.appointment_process.",
        )


@rule(
    code="ICP027",
    slug="icp-chair-shared-or-separate",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[
        icp_ed(f"{CORE_PART} section, list of expectations, bullet 6"),
        icp_ed(f"{ANNEX_A_LEADERSHIP}, paragraph 1"),
    ],
)
def icp_chair_shared_or_separate(doc: IcpTermsOfReference, options: NoOptions) -> Iterator[Finding]:
    """The terms of reference say whether the ICP chair is also the ICB chair.

    Requirement: Whether the partnership shares its chair with the ICB or has its own is a
    local choice; a separate chair may give more room for democratic representation, a
    shared one may help co-ordination. The terms of reference should say which model applies.
    Why: Partners and the public need to know who leads the partnership and how that post
    relates to the ICB chair, whom NHS England appoints.
    Fix: Set `chair.also_icb_chair` to true (the ICB chair also chairs the partnership) or
    false (the partnership has its own chair).
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "ICPs are a
    core part of ICSs", sixth expectation bullet, and Annex A "Leadership and
    accountability", paragraph 1, read word for word in the seed copy of the gov.uk page
    (S10); guidance [V]. Both models are acceptable, so a missing statement is only info.
    """
    chair = doc.chair
    if chair is None or chair.also_icb_chair is None:
        yield Finding(
            ("chair", "also_icb_chair"),
            "The terms of reference do not say whether the partnership's chair is also the "
            "chair of the ICB. Either model is a local choice, but the document should say "
            "which applies: set chair.also_icb_chair to true or false.",
        )


@rule(
    code="ICP028",
    slug="icp-chair-person-specification",
    applies_to=ICP,
    level=Level.GUIDANCE,
    severity=Severity.INFO,
    citations=[icp_ed(f"{TIMINGS} section, paragraph 8, chair bullets 1 to 5")],
)
def icp_chair_person_specification(
    doc: IcpTermsOfReference, options: NoOptions
) -> Iterator[Finding]:
    """The chair's person specification covers the five minimum attributes.

    Requirement: As a minimum the chair should be able to build strong relationships across
    the system, have a collaborative leadership style, be committed to innovation and
    transformation, have expertise in delivering health and care outcomes, and be able to
    influence and drive delivery and change.
    Why: These are the attributes DHSC, NHS England and the LGA expect of anyone appointed;
    a person specification that omits one may lead to an appointment without it.
    Fix: List the attributes under `chair.person_spec`: system_relationships,
    collaborative_leadership, innovation_and_transformation, health_and_care_outcomes,
    influence_and_drive_change.
    Source: ICP engagement document (DHSC, NHS England and LGA, September 2021), "Timings and
    establishment of ICPs", the five bullets after paragraph 8, read word for word in the
    seed copy of the gov.uk page (S10); guidance [V]. The document declines to prescribe a
    full person specification, so this is info. This is a presence-of-clause rule: it can
    only check that each attribute is listed.
    """
    listed = set(doc.chair.person_spec) if doc.chair else set()
    for code, attribute in CHAIR_ATTRIBUTES.items():
        if code not in listed:
            yield Finding(
                ("chair", "person_spec"),
                f"The chair's person specification does not include {attribute}, one of the "
                "five minimum attributes expected of an ICP chair. Add "
                f"{code} to chair.person_spec.",
            )
